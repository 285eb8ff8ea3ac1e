"""Faults with real processes: SIGKILL mid-stream, two processes on one PostgreSQL, the database away."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, make_url, text

from bot.inbox import NOTIFY_CHANNEL
from bot.migrate import upgrade
from bot.simulator import driver
from bot.store.db import sync_url
from tests.bot.helpers import InboxEvent, OutboxMessage, count, rows
from tests.bot.servers import FakeLineServer, TcpProxy, TsunaguProcess


def wait_until_settled(database_url: str, timeout_s: float = 60.0) -> None:
    """Wait until no event is pending and no message is waiting to be sent."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pending = count(database_url, InboxEvent, InboxEvent.status == "pending")
        unsent = count(database_url, OutboxMessage, OutboxMessage.status.in_(("pending", "sending")))
        if pending == 0 and unsent == 0:
            return
        time.sleep(0.1)
    raise TimeoutError("events or messages still pending")


def test_sigkill_under_a_stream_loses_nothing_and_duplicates_nothing(
    database_url: str, tmp_path: Path
) -> None:
    upgrade(database_url)
    users = [f"kill-{i}" for i in range(60)]
    answered: list[str] = []
    with FakeLineServer() as line:
        server = TsunaguProcess(database_url, line.base_url, tmp_path)
        server.start()
        try:
            for index, user in enumerate(users):
                if index == 25:
                    server.kill()
                    server = TsunaguProcess(database_url, line.base_url, tmp_path)
                    server.start()
                event = driver.text_event(line.fake, driver.simulated_user_id(user), "こんにちは")
                if server.post([event]) == 200:
                    answered.append(user)
            wait_until_settled(database_url)
        finally:
            server.stop()
        per_user = Counter(d.user_id for d in line.fake.deliveries)
    assert len(answered) == len(users)
    turn_size = {per_user[driver.simulated_user_id(u)] for u in answered}
    assert len(turn_size) == 1 and turn_size.pop() >= 1, "every answered event replied to exactly once"
    assert count(database_url, InboxEvent, InboxEvent.status == "done") == len(users)


def test_kill_right_after_storing_is_answered_after_restart(database_url: str, tmp_path: Path) -> None:
    upgrade(database_url)
    with FakeLineServer() as line:
        webhook_only = TsunaguProcess(database_url, line.base_url, tmp_path, TSUNAGU_RUN_WORKER="false")
        webhook_only.start()
        user = driver.simulated_user_id("stored-then-killed")
        assert webhook_only.post([driver.text_event(line.fake, user, "こんにちは")]) == 200
        webhook_only.kill()
        restarted = TsunaguProcess(database_url, line.base_url, tmp_path)
        restarted.start()
        try:
            wait_until_settled(database_url)
        finally:
            restarted.stop()
        assert len(line.fake.received(user)) >= 1
        assert len({d.text for d in line.fake.received(user)}) == len(line.fake.received(user))


def test_two_processes_on_one_postgres_keep_per_user_order_and_process_each_event_once(
    database_url: str, backend: str, tmp_path: Path
) -> None:
    if backend != "postgresql":
        pytest.skip("several processes share a database only on PostgreSQL")
    upgrade(database_url)
    with FakeLineServer() as line:
        first = TsunaguProcess(database_url, line.base_url, tmp_path)
        second = TsunaguProcess(database_url, line.base_url, tmp_path)
        first.start()
        second.start()
        try:
            for round_number in range(3):
                for index in range(20):
                    user = driver.simulated_user_id(f"pair-{index}")
                    server = (first, second)[(index + round_number) % 2]
                    event = (
                        driver.follow_event(line.fake, user)
                        if round_number == 0
                        else driver.text_event(line.fake, user, f"メッセージ{round_number}")
                    )
                    assert server.post([event]) == 200
            wait_until_settled(database_url)
        finally:
            first.stop()
            second.stop()
    events = rows(database_url, InboxEvent)
    assert len(events) == 60
    assert {(e.status, e.attempts) for e in events} == {("done", 1)}
    by_user: dict[str, list[InboxEvent]] = {}
    for event in events:
        by_user.setdefault(event.conversation_key, []).append(event)
    for user_events in by_user.values():
        by_arrival = sorted(user_events, key=lambda e: e.id)
        assert by_arrival == sorted(user_events, key=lambda e: e.processed_at), "per-user order kept"
    retry_keys = Counter(call["retry_key"] for call in line.fake.calls if call["retry_key"])
    assert all(n == 1 for n in retry_keys.values()), "no push sent twice"


def test_separate_worker_process_is_woken_by_notifications_not_polling(
    database_url: str, backend: str, tmp_path: Path
) -> None:
    if backend != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    upgrade(database_url)
    with FakeLineServer() as line:
        web = TsunaguProcess(database_url, line.base_url, tmp_path, TSUNAGU_RUN_WORKER="false")
        worker = TsunaguProcess(database_url, line.base_url, tmp_path, "worker", TSUNAGU_POLL_INTERVAL_S="60")
        web.start()
        worker.start()
        try:
            wait_until_listening(database_url)
            user = driver.simulated_user_id("notified")
            started = time.monotonic()
            assert web.post([driver.text_event(line.fake, user, "こんにちは")]) == 200
            while not line.fake.received(user):
                assert time.monotonic() - started < 25, "the worker was not woken before its 60 s poll"
                time.sleep(0.02)
        finally:
            web.stop()
            worker.stop()


def test_database_away_answers_5xx_then_recovers_by_itself(
    database_url: str, backend: str, tmp_path: Path
) -> None:
    if backend != "postgresql":
        pytest.skip("the outage is played by cutting the PostgreSQL connection")
    upgrade(database_url)
    url = make_url(database_url)
    with TcpProxy(url.host or "127.0.0.1", url.port or 5432) as proxy, FakeLineServer() as line:
        proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        server = TsunaguProcess(proxied, line.base_url, tmp_path)
        server.start()
        try:
            user = driver.simulated_user_id("outage")
            assert server.post([driver.text_event(line.fake, user, "こんにちは")]) == 200
            wait_until_settled(database_url)
            before = len(line.fake.received(user))

            proxy.cut()
            during = [server.post([driver.text_event(line.fake, user, f"停止中{i}")]) for i in range(5)]
            assert all(500 <= status < 600 for status in during), during
            assert server.http.get("/readyz").status_code == 503

            proxy.restore()
            deadline = time.monotonic() + 30
            while server.http.get("/readyz").status_code != 200:
                assert time.monotonic() < deadline, "readiness did not recover"
                time.sleep(0.2)
            assert server.post([driver.text_event(line.fake, user, "復旧後")]) == 200
            wait_until_settled(database_url)
            assert len(line.fake.received(user)) > before
        finally:
            server.stop()
    assert count(database_url, InboxEvent) == 2, "nothing answered 5xx was stored; LINE redelivers those"


def test_readyz_is_a_plain_http_answer(tmp_path: Path, database_url: str) -> None:
    upgrade(database_url)
    with FakeLineServer() as line:
        server = TsunaguProcess(database_url, line.base_url, tmp_path)
        server.start()
        try:
            assert httpx.get(f"{server.base_url}/readyz").json() == {"status": "ready"}
        finally:
            server.stop()


def test_production_serves_no_interactive_api_docs(tmp_path: Path, database_url: str) -> None:
    upgrade(database_url)
    with FakeLineServer() as line:
        server = TsunaguProcess(database_url, line.base_url, tmp_path)
        server.start()
        try:
            assert server.http.get("/docs").status_code == 404
            assert server.http.get("/redoc").status_code == 404
            assert server.http.get("/openapi.json").status_code == 200, "the schema stays for integrations"
        finally:
            server.stop()


def wait_until_listening(database_url: str, timeout_s: float = 60.0) -> None:
    """Wait until some connection to the database has LISTENed on the inbox channel."""
    engine = create_engine(sync_url(database_url))
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                listening = connection.scalar(
                    text("SELECT count(*) FROM pg_stat_activity WHERE query ILIKE :q"),
                    {"q": f"LISTEN {NOTIFY_CHANNEL}%"},
                )
            if listening:
                return
            time.sleep(0.1)
    finally:
        engine.dispose()
    raise AssertionError("the worker never LISTENed")
