"""The crisis fast path: resources go out before the database is touched, once, even when it is slow."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy import make_url

from bot.simulator import Simulator, driver
from bot.store.db import utcnow
from dialogs.crisis import crisis_reply
from tests.bot.helpers import InboxEvent, rows

CRISIS_TEXT = "もう死にたい"


def resources_head() -> str:
    """The first line of the emergency resources message."""
    messages = crisis_reply(CRISIS_TEXT, utcnow())
    assert messages
    return messages[0].text.splitlines()[0]


def times_resources_received(sim: Simulator, user: str) -> int:
    """How many deliveries to `user` carry the resources."""
    head = resources_head()
    return sum(1 for d in sim.received(user) if d.text.startswith(head))


@contextmanager
def database_held(database_url: str, seconds: float) -> Iterator[None]:
    """Hold a real write lock on the inbox for `seconds` from another connection."""
    release = threading.Event()
    locked = threading.Event()

    def hold() -> None:
        url = make_url(database_url)
        if url.get_backend_name() == "sqlite":
            connection = sqlite3.connect(url.database or "", isolation_level=None)
            connection.execute("BEGIN EXCLUSIVE")
            locked.set()
            release.wait(seconds)
            connection.execute("ROLLBACK")
            connection.close()
        else:
            plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
            with psycopg.connect(plain) as conn:
                conn.execute("LOCK TABLE inbox_events IN ACCESS EXCLUSIVE MODE")
                locked.set()
                release.wait(seconds)
                conn.rollback()

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    locked.wait(5)
    try:
        yield
    finally:
        holder.join(seconds + 5)


@pytest.fixture
def sim(database_url: str) -> Iterator[Simulator]:
    """A running tsunagu whose outbox retries quickly."""
    with Simulator(database_url, TSUNAGU_RETRY_BASE_S=0.02, TSUNAGU_RETRY_CAP_S=0.2) as simulator:
        yield simulator


def test_crisis_text_gets_the_resources_once(sim: Simulator) -> None:
    sim.follow("u1")
    replies = sim.send("u1", CRISIS_TEXT)
    assert replies[0].text.startswith(resources_head())
    assert replies[0].method == "reply"
    assert times_resources_received(sim, "u1") == 1
    [event] = [e for e in rows(sim.database_url, InboxEvent) if e.event_type == "message"]
    assert "replyToken" not in event.payload, "the fast path used the reply token"


def test_resources_go_out_while_the_database_is_held(sim: Simulator) -> None:
    sim.follow("u1")
    user_id = sim.user_id("u1")
    hold_s = 3.0
    with database_held(sim.database_url, hold_s):
        started = time.monotonic()
        poster = threading.Thread(
            target=sim.post, args=([driver.text_event(sim.fake, user_id, CRISIS_TEXT)],), daemon=True
        )
        poster.start()
        while times_resources_received(sim, "u1") == 0:
            assert time.monotonic() - started < hold_s, "resources waited for the database"
            time.sleep(0.01)
        elapsed = time.monotonic() - started
    poster.join(30)
    sim.wait_idle()
    assert elapsed < 1.0
    assert times_resources_received(sim, "u1") == 1, "the turn after the lock did not send them again"
    assert [e.status for e in rows(sim.database_url, InboxEvent)] == ["done", "done"]


def test_resources_are_pushed_when_the_fast_reply_fails(sim: Simulator) -> None:
    sim.follow("u1")
    sim.fake.fail_next(500)
    sim.send("u1", CRISIS_TEXT)
    sim.wait_idle()
    resources = [d for d in sim.received("u1") if d.text.startswith(resources_head())]
    assert [d.method for d in resources] == ["push"]


def test_redelivered_crisis_event_is_not_fast_pathed_twice(sim: Simulator) -> None:
    sim.follow("u1")
    event = driver.text_event(sim.fake, sim.user_id("u1"), CRISIS_TEXT)
    assert sim.post([event]).status_code == 200
    redelivered = {**event, "deliveryContext": {"isRedelivery": True}}
    assert sim.post([redelivered]).status_code == 200
    sim.wait_idle()
    assert times_resources_received(sim, "u1") == 1


def test_a_very_long_crisis_text_is_answered_by_the_worker_once(sim: Simulator) -> None:
    """Texts past FAST_PATH_MAX_CHARS are read in the worker's turn: the resources still go out, once."""
    sim.follow("u3")
    long_text = "今日あったことを書きます。" * 60 + CRISIS_TEXT
    replies = sim.send("u3", long_text)
    assert any(r.text.startswith(resources_head()) for r in replies)
    assert times_resources_received(sim, "u3") == 1


def test_a_repeated_crisis_text_on_the_fast_path_gets_the_brief_reply(sim: Simulator) -> None:
    """The fast path cannot see the conversation: a second 「死にたい」 got the whole block again."""
    sim.follow("u4")
    started = time.monotonic()
    first = sim.send("u4", CRISIS_TEXT)
    assert first[0].text.startswith(resources_head()) and first[0].method == "reply"
    assert first[0].at - started < 1.0, "the first crisis reply is still immediate"
    second = sim.send("u4", "やっぱり死にたい")
    assert second and second[0].method == "reply"
    assert times_resources_received(sim, "u4") == 1, "not the whole block again"
    assert len("".join(d.text for d in second)) < len("".join(d.text for d in first)) / 2
    assert "human" in [data for _, data in second[-1].choices]


def test_a_crisis_after_the_worker_answered_one_is_brief_on_the_fast_path(sim: Simulator) -> None:
    """A crisis the worker answered (a long text) counts as the last crisis reply too."""
    sim.follow("u5")
    sim.send("u5", "今日あったことを書きます。" * 60 + CRISIS_TEXT)
    assert times_resources_received(sim, "u5") == 1
    sim.send("u5", CRISIS_TEXT)
    assert times_resources_received(sim, "u5") == 1


def test_pills_taken_after_pills_kept_get_119_on_the_fast_path(sim: Simulator) -> None:
    """Try-out 2: 「さっき20じょうくらいのんだ」 after 「ぶろんためてる💊」 got the brief repeat, no 119."""
    sim.follow("u6")
    sim.send("u6", "ぶろんためてる💊")
    taken = sim.send("u6", "さっき20じょうくらいのんだ")
    assert taken and taken[0].method == "reply"
    assert "119" in taken[0].text and "近くの人" in taken[0].text
    assert "いまも、とてもつらい" not in "".join(d.text for d in taken)


def test_a_child_crying_for_help_gets_189_on_the_fast_path(sim: Simulator) -> None:
    """The fast path remembers who is hurt: a child's 「たすけて」 got the lines for thoughts of dying."""
    sim.follow("u7")
    sim.send("u7", "おやになぐられる")
    again = sim.send("u7", "たすけて")
    assert again and again[0].method == "reply"
    text = "".join(d.text for d in again)
    assert "189" in text and "いのちの電話" not in text
