"""Faults with real processes: SIGKILL mid-stream, two processes on one PostgreSQL, the database away."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, make_url, text

from bot.identity import conversation_key
from bot.inbox import NOTIFY_CHANNEL
from bot.migrate import upgrade
from bot.simulator import SIMULATOR_SECRET_KEY, driver
from bot.store.db import sync_url
from tests.bot.fault_line import Event, Fault, FaultLine, Tally, tally, text_event
from tests.bot.helpers import InboxEvent, OutboxMessage, count, rows
from tests.bot.servers import ACCESS_TOKEN, STARTUP_LIMIT_S, FakeLineServer, TcpProxy, TsunaguProcess


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


# --- LINE failing under real token semantics (issue 16) -------------------------------------------
# Every scenario runs `tsunagu serve` against tests/bot/fault_line.py with LINE's timings scaled down:
# tokens live 5 s at the fake and tsunagu uses them for 4 s (LINE: about 60 s, tsunagu 50 s).

TOKEN_LIFE_S = 5.0
FAST_LINE = {
    "TSUNAGU_LINE_TIMEOUT_S": "0.5",
    "TSUNAGU_REPLY_TOKEN_MAX_AGE_S": "4",
    "TSUNAGU_REPLY_MIN_WINDOW_S": "1",
    "TSUNAGU_OUTBOX_LEASE_S": "1",
    "TSUNAGU_RETRY_BASE_S": "0.05",
    "TSUNAGU_RETRY_CAP_S": "0.5",
    "TSUNAGU_LINE_PROBE_INTERVAL_S": "0.3",
    "TSUNAGU_POLL_INTERVAL_S": "0.1",
}


@dataclass
class Run:
    """The events a scenario sent, per person, in the order each person sent them."""

    events: dict[str, list[Event]] = field(default_factory=dict)

    def new(self, line: FaultLine, user: str, text: str) -> Event:
        """A new event from `user`."""
        event = text_event(line, user, text)
        self.events.setdefault(user, []).append(event)
        return event


def post_round(server: TsunaguProcess, line: FaultLine, run: Run, users: list[str], turn: int) -> None:
    """Each person sends one message, which the server acknowledges."""
    for user in users:
        assert server.post([run.new(line, user, f"質問{turn}").payload]) == 200


def metric(server: TsunaguProcess, name: str, **labels: str) -> float:
    """One sample of the server's /metrics (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    sample = f"{name}{{{wanted}}}" if wanted else name
    for line in server.metrics_text().splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def check_exactly_once(database_url: str, line: FaultLine, run: Run, server: TsunaguProcess) -> Tally:
    """0 lost, 0 out of order, every delivery accounted for, duplicates only where uncertainty was
    chosen (and each such row counted in /metrics), and no reply ever tried with an expired token."""
    wait_until_settled(database_url, timeout_s=45)
    outbox = rows(database_url, OutboxMessage)
    keys: dict[str, list[str]] = {}
    chosen: set[int] = set()
    signing_key = SIMULATOR_SECRET_KEY.encode()
    for user, events in run.events.items():
        mine = [row for row in outbox if row.conversation_key == conversation_key(signing_key, "user", user)]
        assert len(mine) == len(events), "each event is answered by one outbox row"
        assert {row.status for row in mine} == {"sent"}, "every answer delivered, none given up"
        chosen.update(sum(map(len, keys.values())) + i for i, row in enumerate(mine) if row.uncertainty)
        keys[user] = [row.retry_key for row in mine]
    result = tally(line, run.events, keys)
    assert result.never == [], "no event left unanswered"
    assert result.out_of_order == 0, "each person's answers arrive in order"
    assert result.unexpected == 0
    assert line.expired_token_calls == 0, "a token too old is never tried"
    assert set(result.duplicated) <= chosen, "a duplicate only where the decision table chose one"
    counted = metric(server, "tsunagu_outbox_uncertain_total", decision="possible_duplicate")
    assert counted == sum(1 for row in outbox if row.uncertainty), "each uncertain choice is in /metrics"
    return result


FAULT_MODES = {
    "slow": {Fault.SLOW: 0.3},
    "5xx": {Fault.SERVER_ERROR: 0.3, Fault.LOST: 0.15},
    "429": {Fault.RATE_LIMITED: 0.3},
    "drops": {Fault.DROP_BEFORE: 0.15, Fault.DROP_AFTER: 0.15, Fault.ODD_BODY: 0.1},
}


def test_line_faults_lose_nothing_and_duplicate_only_where_chosen(database_url: str, tmp_path: Path) -> None:
    """One server meets each fault mode in turn (10 people x 3 messages each), then LINE down for 3 s,
    then a reply that LINE delivers but answers only after the token's life: a duplicate chosen."""
    upgrade(database_url)
    with FaultLine(ACCESS_TOKEN, token_life_s=TOKEN_LIFE_S, slow_s=0.7, very_slow_s=TOKEN_LIFE_S) as line:
        server = TsunaguProcess(database_url, line.base_url, tmp_path, **FAST_LINE)
        server.start()
        try:
            for mode, rates in FAULT_MODES.items():
                run = Run()
                users = [driver.simulated_user_id(f"{mode}-{i}") for i in range(10)]
                line.set_faults(rates)
                calls_before = len(line.calls)
                for turn in range(3):
                    post_round(server, line, run, users, turn)
                check_exactly_once(database_url, line, run, server)
                assert any(fault != Fault.NONE for _, fault, _ in line.calls[calls_before:]), mode

            run = Run()
            users = [driver.simulated_user_id(f"outage-{i}") for i in range(10)]
            line.set_faults({Fault.SERVER_ERROR: 1.0})
            post_round(server, line, run, users, 0)
            time.sleep(3)  # LINE down: rows back off, tokens age out
            assert metric(server, "tsunagu_outbox_oldest_unsent_age_seconds") >= 2
            post_round(server, line, run, users, 1)
            woken_before = metric(server, "tsunagu_outbox_woken_total")
            line.set_faults({})
            check_exactly_once(database_url, line, run, server)
            assert metric(server, "tsunagu_outbox_woken_total") > woken_before, "LINE back: backoff woken"

            line.fail_next(Fault.VERY_SLOW, Fault.VERY_SLOW)
            run = Run()
            post_round(server, line, run, [driver.simulated_user_id("very-slow")], 0)
            result = check_exactly_once(database_url, line, run, server)
            assert result.duplicated == [0], "the reply landed unanswered; the push after it is chosen"
            retried = {
                reason: metric(server, "tsunagu_outbox_retried_total", reason=reason)
                for reason in ("unknown", "rate_limited")
            }
        finally:
            server.stop()
    assert all(retried.values()), f"retries are counted by answer: {retried}"
    very_slow = conversation_key(SIMULATOR_SECRET_KEY.encode(), "user", driver.simulated_user_id("very-slow"))
    [row] = [row for row in rows(database_url, OutboxMessage) if row.conversation_key == very_slow]
    assert (row.uncertainty, row.method, row.reply_unknown) == ("possible_duplicate", "push", True)


def test_outage_with_late_redelivery_and_line_5xx_loses_nothing(
    database_url: str, backend: str, tmp_path: Path
) -> None:
    """The database (PostgreSQL: the connection is cut) or the whole server (SQLite) is away; LINE
    redelivers the refused events later, with their old timestamps; LINE answers 5xx meanwhile."""
    upgrade(database_url)
    run = Run()
    users = [driver.simulated_user_id(f"outage-{i}") for i in range(8)]
    url = make_url(database_url)
    with contextlib.ExitStack() as stack:
        line = stack.enter_context(FaultLine(ACCESS_TOKEN, token_life_s=TOKEN_LIFE_S))
        proxy = None
        served_url = database_url
        if backend == "postgresql":
            proxy = stack.enter_context(TcpProxy(url.host or "127.0.0.1", url.port or 5432))
            served_url = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        server = TsunaguProcess(served_url, line.base_url, tmp_path, **FAST_LINE)
        server.start()
        stack.callback(lambda: server.stop())
        line.set_faults({Fault.SERVER_ERROR: 0.4})
        post_round(server, line, run, users, 0)

        if proxy is not None:
            proxy.cut()
        else:
            server.kill()
        refused = [run.new(line, user, "停止中") for user in users]
        assert all(server.post([event.payload]) != 200 for event in refused), "refused: LINE redelivers"
        time.sleep(2.5)  # tokens 2.5 s old on redelivery: young enough to try once
        if proxy is not None:
            proxy.restore()
        else:
            server = TsunaguProcess(served_url, line.base_url, tmp_path, **FAST_LINE)
            server.start()
        wait_until_ready(server)
        half = len(refused) // 2
        for event in refused[:half]:
            assert server.post([event.redelivered()]) == 200
        time.sleep(2.0)  # the rest 4.5 s old: too old to try
        for event in refused[half:]:
            assert server.post([event.redelivered()]) == 200
        post_round(server, line, run, users, 1)
        check_exactly_once(database_url, line, run, server)
    assert count(database_url, InboxEvent) == len(users) * 3, "each refused event stored once, on redelivery"


def wait_until_ready(server: TsunaguProcess) -> None:
    """Wait until /readyz answers 200."""
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while True:
        with contextlib.suppress(httpx.TransportError):
            if server.http.get("/readyz").status_code == 200:
                return
        assert time.monotonic() < deadline, "readiness did not recover"
        time.sleep(0.1)


def test_sigkill_mid_send_is_taken_over_within_the_token_life_without_a_duplicate(
    database_url: str, tmp_path: Path
) -> None:
    upgrade(database_url)
    run = Run()
    users = [driver.simulated_user_id(f"mid-send-{i}") for i in range(8)]
    long_tokens = {**FAST_LINE, "TSUNAGU_LINE_TIMEOUT_S": "5", "TSUNAGU_REPLY_TOKEN_MAX_AGE_S": "25"}
    with FaultLine(ACCESS_TOKEN, token_life_s=30.0, slow_s=3.0) as line:
        server = TsunaguProcess(database_url, line.base_url, tmp_path, **long_tokens)
        server.start()
        try:
            line.set_faults({Fault.SLOW: 1.0})
            post_round(server, line, run, users, 0)
            deadline = time.monotonic() + 20
            while len(line.deliveries) < len(users) // 2:
                assert time.monotonic() < deadline, "the sends did not start"
                time.sleep(0.02)
            server.kill()  # every call in progress was delivered and never answered
            line.set_faults({})
            server = TsunaguProcess(database_url, line.base_url, tmp_path, **long_tokens)
            server.start()
            result = check_exactly_once(database_url, line, run, server)
            taken_over = metric(server, "tsunagu_outbox_delivered_earlier_total", evidence="token_rejected")
        finally:
            server.stop()
    assert result.duplicated == []
    assert taken_over >= len(users) // 2, "the used tokens showed the new process that the replies landed"
