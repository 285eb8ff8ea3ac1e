"""Retention: `tsunagu purge` and the server's schedule delete exactly what is past its period."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from bot.migrate import upgrade
from bot.retention import PurgeCounts, RetentionPolicy, purge, run_periodically
from bot.settings import Settings
from bot.simulator import SIMULATOR_SECRET_KEY, Simulator
from bot.store.case_tables import AuditEntry, Case, CaseMessage, CswAccount, CswSession, LoginFailure
from bot.store.db import create_engine as create_async_engine
from bot.store.db import session_factory, sync_url, utcnow
from bot.store.tables import Conversation, InboxEvent, OutboxMessage
from tests.bot.helpers import count, rows

REPO = Path(__file__).resolve().parents[2]
POLICY = RetentionPolicy(
    unconsented=timedelta(days=30),
    closed_case=timedelta(days=365),
    session_idle=timedelta(minutes=30),
    session_absolute=timedelta(hours=12),
    login_failure_window=timedelta(minutes=15),
)
NOW = utcnow()
DAYS = timedelta(days=1)
SECRET_WORDS = "夫に殴られています"


@dataclass
class World:
    """What the fixture stored, by name."""

    conversations: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    sends: dict[str, int] = field(default_factory=dict)
    threads: dict[str, int] = field(default_factory=dict)
    sessions: dict[str, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)


def build_world(database_url: str) -> World:
    """Conversations, cases, threads, events, sends, sessions and login failures of known ages."""
    upgrade(database_url)
    world = World()
    engine = create_engine(sync_url(database_url))
    with Session(engine) as db, db.begin():

        def conversation(name: str, last: datetime | None, updated: datetime) -> Conversation:
            row = Conversation(
                key=f"key-{name}",
                line_user_id=f"U{name}",
                state="menu",
                data={"answers": SECRET_WORDS},
                created_at=updated - 5 * DAYS,
                updated_at=updated,
                last_user_event_at=last,
            )
            db.add(row)
            db.flush()
            world.conversations[name] = row.id
            return row

        def event(name: str, conv: Conversation, at: datetime, status: str = "done") -> None:
            row = InboxEvent(
                webhook_event_id=f"ev-{name}",
                conversation_key=conv.key,
                event_type="message",
                payload={"message": {"type": "text", "text": SECRET_WORDS}},
                received_at=at,
                status=status,
                processed_at=at if status != "pending" else None,
            )
            db.add(row)
            db.flush()
            world.events[name] = row.id

        def send(name: str, conv: Conversation, at: datetime, status: str = "sent") -> OutboxMessage:
            row = OutboxMessage(
                conversation_key=conv.key,
                conversation_id=conv.id,
                to=conv.line_user_id,
                messages=[{"type": "text", "text": SECRET_WORDS}],
                retry_key=f"retry-{name}",
                status=status,
                created_at=at,
                next_attempt_at=at,
                sent_at=at if status == "sent" else None,
            )
            db.add(row)
            db.flush()
            world.sends[name] = row.id
            return row

        def case(
            name: str,
            conv: Conversation | None,
            status: str,
            closed: datetime | None,
            previous: int | None = None,
        ) -> Case:
            opened = (closed or NOW) - 10 * DAYS
            row = Case(
                code=f"TG-{name.upper()}",
                conversation_id=conv.id if conv else None,
                previous_case_id=previous,
                status=status,
                summary={"story": SECRET_WORDS},
                summary_text=SECRET_WORDS,
                team="shared",
                consent_scope="csw",
                consent_version="v1",
                consented_at=opened,
                queued_at=opened,
                closed_at=closed,
                outcome="connected" if closed else None,
                created_at=opened,
                updated_at=closed or opened,
            )
            db.add(row)
            db.flush()
            world.cases[name] = row.id
            return row

        def thread(name: str, of: Case, kind: str = "user", outbox: OutboxMessage | None = None) -> None:
            row = CaseMessage(
                case_id=of.id,
                kind=kind,
                body=SECRET_WORDS,
                outbox_id=outbox.id if outbox else None,
                created_at=of.queued_at,
            )
            db.add(row)
            db.flush()
            world.threads[name] = row.id

        # Never consented, idle 40 days: everything about it goes.
        gone = conversation("unconsented_old", NOW - 40 * DAYS, NOW - 40 * DAYS)
        event("unconsented_old", gone, NOW - 40 * DAYS)
        send("unconsented_old", gone, NOW - 40 * DAYS)
        # Never consented, but no user event and only `updated_at` 40 days ago: goes too.
        conversation("unconsented_no_events", None, NOW - 40 * DAYS)
        # Never consented, talked yesterday: stays; only its 40-day-old handled event and send go.
        recent = conversation("recent", NOW - 1 * DAYS, NOW - 1 * DAYS)
        event("recent_old", recent, NOW - 40 * DAYS)
        event("recent_new", recent, NOW - 1 * DAYS)
        event("recent_old_failed", recent, NOW - 40 * DAYS, status="failed")
        send("recent_old", recent, NOW - 40 * DAYS)
        send("recent_new", recent, NOW - 1 * DAYS)
        # Idle 40 days but a message is waiting for the worker: stays, with the waiting event.
        waiting = conversation("pending_event", NOW - 40 * DAYS, NOW - 40 * DAYS)
        event("pending_event", waiting, NOW - 40 * DAYS, status="pending")
        # An open case, idle for 200 days: the case, its thread and its conversation stay.
        held = conversation("open_case", NOW - 200 * DAYS, NOW - 200 * DAYS)
        open_case = case("open", held, "in_conversation", None)
        thread("open_user", open_case)
        linked = send("open_reply", held, NOW - 200 * DAYS)
        thread("open_reply", open_case, kind="csw", outbox=linked)
        event("open_case_old", held, NOW - 200 * DAYS)
        # A case closed 400 days ago, conversation idle since: case, thread, conversation, sends go.
        closed = conversation("closed_old", NOW - 400 * DAYS, NOW - 400 * DAYS)
        old_case = case("closedold", closed, "closed", NOW - 400 * DAYS)
        thread("closed_old_user", old_case)
        reply = send("closed_old_reply", closed, NOW - 405 * DAYS)
        thread("closed_old_reply", old_case, kind="csw", outbox=reply)
        thread("closed_old_note", old_case, kind="note")
        # A case closed 100 days ago: within the municipality's period, so it and its conversation stay.
        kept = conversation("closed_recent", NOW - 100 * DAYS, NOW - 100 * DAYS)
        recent_case = case("closedrecent", kept, "closed", NOW - 100 * DAYS)
        thread("closed_recent_user", recent_case)
        # Two cases, the old one past the period: it goes, the newer one (which linked to it) stays.
        twice = conversation("two_cases", NOW - 50 * DAYS, NOW - 50 * DAYS)
        first = case("twofirst", twice, "closed", NOW - 500 * DAYS)
        thread("two_first", first)
        second = case("twosecond", twice, "closed", NOW - 60 * DAYS, previous=first.id)
        thread("two_second", second)
        # A case closed 400 days ago whose person is talking again (no new case yet): case goes,
        # conversation stays.
        back = conversation("came_back", NOW - 2 * DAYS, NOW - 2 * DAYS)
        case("cameback", back, "closed", NOW - 400 * DAYS)
        # A closed old case whose conversation was already deleted: goes.
        case("orphan", None, "closed", NOW - 400 * DAYS)

        account = CswAccount(login="sato", display_name="佐藤", role="csw", team="shared", password_hash="x")
        db.add(account)
        db.flush()
        for code in ("TG-CLOSEDOLD", "TG-OPEN"):
            db.add(
                AuditEntry(
                    at=NOW - 400 * DAYS, account_id=account.id, actor="sato", action="closed", case_code=code
                )
            )
        for name, created, seen in (
            ("live", NOW - 1 * timedelta(hours=1), NOW - timedelta(minutes=5)),
            ("idle", NOW - 2 * timedelta(hours=1), NOW - timedelta(minutes=45)),
            ("too_long", NOW - 13 * timedelta(hours=1), NOW - timedelta(minutes=1)),
        ):
            session_row = CswSession(
                token_hash=f"hash-{name}",
                account_id=account.id,
                csrf_token="csrf",
                created_at=created,
                last_seen_at=seen,
            )
            db.add(session_row)
            db.flush()
            world.sessions[name] = session_row.id
        for name, at in (("recent", NOW - timedelta(minutes=3)), ("old", NOW - timedelta(days=2))):
            failure = LoginFailure(login="sato", address="192.0.2.1", at=at)
            db.add(failure)
            db.flush()
            world.failures[name] = failure.id
    engine.dispose()
    return world


def ids(database_url: str, model: type) -> set[int]:
    """The ids of every row of `model`."""
    return {row.id for row in rows(database_url, model)}


def named(mapping: dict[str, int], *names: str) -> set[int]:
    """The ids stored under `names`."""
    return {mapping[name] for name in names}


EXPECTED = PurgeCounts(
    cases=4,  # closedold, twofirst, cameback, orphan
    case_messages=4,  # closed_old_user, closed_old_reply, closed_old_note, two_first
    conversations=3,  # unconsented_old, unconsented_no_events, closed_old
    inbox_events=4,  # unconsented_old, recent_old, recent_old_failed, open_case_old
    outbox_messages=3,  # unconsented_old, recent_old, closed_old_reply
    csw_sessions=2,
    login_failures=1,
)


async def test_purge_deletes_exactly_what_is_past_its_period(database_url: str) -> None:
    world = build_world(database_url)

    counts = await purge(database_url, POLICY, now=NOW)

    assert counts == EXPECTED
    c = world.conversations
    assert ids(database_url, Conversation) == named(
        c, "recent", "pending_event", "open_case", "closed_recent", "two_cases", "came_back"
    )
    assert ids(database_url, Case) == named(world.cases, "open", "closedrecent", "twosecond")
    assert ids(database_url, CaseMessage) == named(
        world.threads, "open_user", "open_reply", "closed_recent_user", "two_second"
    )
    assert ids(database_url, InboxEvent) == named(world.events, "recent_new", "pending_event")
    assert ids(database_url, OutboxMessage) == named(world.sends, "recent_new", "open_reply")
    assert ids(database_url, CswSession) == named(world.sessions, "live")
    assert ids(database_url, LoginFailure) == named(world.failures, "recent")

    # The open case's thread still shows its reply's delivery; the newer case lost only its link.
    reply = next(m for m in rows(database_url, CaseMessage) if m.id == world.threads["open_reply"])
    assert reply.outbox_id == world.sends["open_reply"]
    second = next(r for r in rows(database_url, Case) if r.id == world.cases["twosecond"])
    assert second.previous_case_id is None
    assert second.summary_text == SECRET_WORDS

    # The audit log stays whole, and it holds no message text to begin with.
    audit = rows(database_url, AuditEntry)
    assert {a.case_code for a in audit} == {"TG-CLOSEDOLD", "TG-OPEN"}
    for entry in audit:
        assert SECRET_WORDS not in f"{entry.actor} {entry.action} {entry.case_code} {entry.detail}"


async def test_dry_run_counts_what_a_run_deletes_and_deletes_nothing(database_url: str) -> None:
    build_world(database_url)
    before = {m: count(database_url, m) for m in (Conversation, Case, CaseMessage, InboxEvent, OutboxMessage)}

    counts = await purge(database_url, POLICY, dry_run=True, now=NOW)

    assert counts == EXPECTED
    assert {m: count(database_url, m) for m in before} == before


async def test_purge_is_idempotent_and_safe_to_run_concurrently(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_world(database_url)
    monkeypatch.setattr("bot.retention.BATCH", 2)  # many small batches, so the two runs interleave

    first, second = await asyncio.gather(
        purge(database_url, POLICY, now=NOW), purge(database_url, POLICY, now=NOW)
    )

    totals = {kind: first.as_dict()[kind] + second.as_dict()[kind] for kind in first.as_dict()}
    assert totals == EXPECTED.as_dict()
    assert (await purge(database_url, POLICY, now=NOW)).total == 0


async def test_purge_logs_counts_only(database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    build_world(database_url)
    caplog.set_level(logging.INFO, logger="bot.retention")

    await purge(database_url, POLICY, now=NOW)

    [record] = [r for r in caplog.records if r.name == "bot.retention"]
    extras = {k: v for k, v in vars(record).items() if k in EXPECTED.as_dict()}
    assert extras == EXPECTED.as_dict()
    assert record.getMessage() == "retention purge"
    assert SECRET_WORDS not in str(vars(record))
    assert "key-" not in str(vars(record))


def test_a_simulated_conversation_is_purged_once_idle_past_the_period(database_url: str) -> None:
    with Simulator(database_url) as sim:
        sim.follow("quiet")
        assert sim.send("quiet", "こんにちは")
        sim.follow("active")
    assert count(database_url, InboxEvent) == 3
    assert count(database_url, OutboxMessage) >= 3
    [quiet] = [c for c in rows(database_url, Conversation) if c.line_user_id == sim.user_id("quiet")]
    engine = create_engine(sync_url(database_url))
    with engine.begin() as connection:
        past = NOW - 31 * DAYS
        connection.execute(
            update(Conversation)
            .where(Conversation.id == quiet.id)
            .values(last_user_event_at=past, updated_at=past)
        )
        connection.execute(
            update(InboxEvent).where(InboxEvent.conversation_key == quiet.key).values(received_at=past)
        )
    engine.dispose()

    counts = asyncio.run(purge(database_url, POLICY, now=NOW))

    assert counts.conversations == 1
    assert counts.inbox_events == 2
    left = rows(database_url, Conversation)
    assert [c.line_user_id for c in left] == [sim.user_id("active")]
    assert {e.conversation_key for e in rows(database_url, InboxEvent)} == {left[0].key}
    assert {o.conversation_key for o in rows(database_url, OutboxMessage)} == {left[0].key}


def test_the_server_purges_on_its_schedule(database_url: str) -> None:
    with Simulator(database_url, TSUNAGU_PURGE_INTERVAL_HOURS=0.0005) as sim:  # every 1.8 s
        sim.follow("quiet")
        engine = create_engine(sync_url(database_url))
        with engine.begin() as connection:
            past = utcnow() - 31 * DAYS
            connection.execute(update(Conversation).values(last_user_event_at=past, updated_at=past))
            connection.execute(update(InboxEvent).values(received_at=past))
        deadline = time.monotonic() + 20
        while count(database_url, Conversation) and time.monotonic() < deadline:
            time.sleep(0.2)
        engine.dispose()
        assert count(database_url, Conversation) == 0
        assert count(database_url, InboxEvent) == 0


async def test_a_failing_scheduled_purge_is_logged_and_retried(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_async_engine(f"sqlite:///{tmp_path / 'no-tables.db'}")  # never migrated
    caplog.set_level(logging.WARNING, logger="bot.retention")
    task = asyncio.create_task(
        run_periodically(engine, session_factory(engine), POLICY, interval_s=0.05, first_delay_s=0)
    )
    await asyncio.sleep(0.5)
    assert not task.done()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await engine.dispose()
    failures = [r for r in caplog.records if r.getMessage() == "retention purge failed"]
    assert len(failures) >= 2
    assert failures[0].__dict__["error"] == "OperationalError"


def test_retention_settings_have_documented_defaults() -> None:
    settings = Settings(_env_file=None)
    assert settings.retention_unconsented_days == 30
    assert settings.retention_closed_case_days == 365
    assert settings.purge_interval_hours == 6
    policy = RetentionPolicy.from_settings(
        Settings(
            TSUNAGU_RETENTION_UNCONSENTED_DAYS=7, TSUNAGU_RETENTION_CLOSED_CASE_DAYS=1825, _env_file=None
        )  # type: ignore[arg-type]
    )
    assert policy.unconsented == timedelta(days=7)
    assert policy.closed_case == timedelta(days=1825)


def run_cli(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot.cli` against `database_url`."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO,
        env={
            "PATH": "/usr/bin:/bin",
            "TSUNAGU_DATABASE_URL": database_url,
            "TSUNAGU_SECRET_KEY": SIMULATOR_SECRET_KEY,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def printed_counts(stdout: str) -> dict[str, int]:
    """The `kind<TAB>count` lines of `tsunagu purge`."""
    return {kind: int(n) for kind, n in (line.split("\t") for line in stdout.splitlines() if "\t" in line)}


def test_cli_purge_dry_run_prints_counts_and_deletes_nothing(database_url: str) -> None:
    world = build_world(database_url)  # aged against NOW, a few seconds ago: the same rows are due
    conversations = count(database_url, Conversation)

    result = run_cli("purge", "--dry-run", database_url=database_url)

    assert result.returncode == 0, result.stderr
    assert "would delete (dry run)" in result.stdout
    assert printed_counts(result.stdout) == EXPECTED.as_dict()
    assert count(database_url, Conversation) == conversations
    assert SECRET_WORDS not in result.stdout + result.stderr

    result = run_cli("purge", database_url=database_url)

    assert result.returncode == 0, result.stderr
    assert printed_counts(result.stdout) == EXPECTED.as_dict()
    assert ids(database_url, Case) == named(world.cases, "open", "closedrecent", "twosecond")
