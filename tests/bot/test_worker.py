"""The worker: crash-safe (stored but unfinished events are processed after restart), once, in order."""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import create_engine, insert

import bot.turn
import bot.worker
from bot.simulator import Simulator, driver
from bot.store.db import sync_url
from bot.webhook import inbox_rows
from dialogs import catalog
from tests.bot.helpers import InboxEvent, OutboxMessage, count, rows


def test_event_stored_before_a_crash_is_answered_once_after_restart(database_url: str) -> None:
    with Simulator(database_url, TSUNAGU_RUN_WORKER=False) as crashed:
        event = driver.text_event(crashed.fake, crashed.user_id("u1"), "こんにちは")
        assert crashed.post([event]).status_code == 200
        assert count(database_url, InboxEvent, InboxEvent.status == "pending") == 1
        assert crashed.received("u1") == []
    with Simulator(database_url) as restarted:
        restarted.wait_idle()
        received = restarted.received("u1")
        assert len(received) == 2, "welcome and menu, once"
        assert {d.method for d in received} == {"push"}, "the old reply token died with the old process"
    assert count(database_url, InboxEvent, InboxEvent.status == "done") == 1


def test_crash_in_the_middle_of_a_turn_rolls_back_and_the_retry_answers_once(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_handle = bot.turn.handle
    calls = {"n": 0}

    def crash_once(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("simulated crash mid-turn")
        return real_handle(*args, **kwargs)

    monkeypatch.setattr(bot.turn, "handle", crash_once)
    with Simulator(database_url) as sim:
        replies = sim.send("u1", "こんにちは")
        assert len(replies) == 2
    assert calls["n"] == 2
    assert count(database_url, OutboxMessage) == 1
    [event] = rows(database_url, InboxEvent)
    assert (event.status, event.attempts) == ("done", 2)


def test_event_that_always_fails_is_marked_failed_and_the_user_gets_one_apology(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_crash(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(bot.turn, "handle", always_crash)
    with Simulator(database_url) as sim:
        [apology] = sim.send("u1", "こんにちは")
        assert "申し訳ありません" in apology.text
    [event] = rows(database_url, InboxEvent)
    assert (event.status, event.attempts, event.error) == ("failed", 3, "RuntimeError")


def test_events_of_one_user_are_processed_in_order(database_url: str) -> None:
    with Simulator(database_url) as sim:
        user = sim.user_id("u1")
        events = [
            driver.follow_event(sim.fake, user),
            driver.sticker_event(sim.fake, user),
            driver.text_event(sim.fake, user, "こんにちは"),
        ]
        assert sim.post(events).status_code == 200
        sim.wait_idle()
        texts = [d.text for d in sim.received("u1")]
    outbox = rows(database_url, OutboxMessage)
    assert texts == [message["text"] for row in outbox for message in row.messages]
    assert any(text.startswith(catalog.text("unsupported_media")) for text in texts)
    processed = rows(database_url, InboxEvent)
    assert [e.event_type for e in sorted(processed, key=lambda e: e.processed_at)] == [
        "follow",
        "message",
        "message",
    ]


def test_a_failing_event_in_a_batch_does_not_hold_up_the_others(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_handle = bot.turn.handle

    def crash_on_one_word(state: str, data: Any, user_input: Any, **kwargs: Any) -> Any:
        if user_input.text == "壊れる":
            raise RuntimeError("simulated bug")
        return real_handle(state, data, user_input, **kwargs)

    monkeypatch.setattr(bot.turn, "handle", crash_on_one_word)
    monkeypatch.setattr(bot.worker, "WEBHOOK_RECENT_S", 0.0)  # full batches even right after a webhook
    with Simulator(database_url) as sim:
        users = [driver.simulated_user_id(f"batch-{n}") for n in range(5)]
        texts = ["こんにちは", "こんにちは", "壊れる", "こんにちは", "こんにちは"]
        events = [driver.text_event(sim.fake, user, text) for user, text in zip(users, texts, strict=True)]
        assert sim.post_body(driver.webhook_body(events)).status_code == 200
        sim.wait_idle()
        answered = [user for user in users if sim.fake.received(user)]
    assert answered == users, "the four good turns are answered, the bad one gets the apology"
    outcomes = sorted((event.status, event.attempts) for event in rows(database_url, InboxEvent))
    assert outcomes == [("done", 1)] * 4 + [("failed", 3)]


def test_a_busy_worker_still_takes_up_events_another_process_left_pending(database_url: str) -> None:
    with Simulator(database_url, TSUNAGU_POLL_INTERVAL_S=0.3) as sim:
        orphan = driver.simulated_user_id("orphan")
        # stored without waking this process, as by a process that died before handling it
        event = driver.text_event(sim.fake, orphan, "こんにちは")
        engine = create_engine(sync_url(database_url))
        with engine.begin() as connection:
            connection.execute(insert(InboxEvent), inbox_rows([event], sim.settings.signing_key()))
        engine.dispose()
        for turn in range(60):  # a wake-up every ~0.05 s: the worker is never idle for a poll interval
            busy = driver.simulated_user_id(f"busy-{turn}")
            assert sim.post_body(
                driver.webhook_body([driver.text_event(sim.fake, busy, "こんにちは")])
            ).is_success
            time.sleep(0.05)
            if sim.fake.received(orphan):
                break
        assert sim.fake.received(orphan), "the orphaned event was never processed while busy"
