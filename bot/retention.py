"""Retention: purge what tsunagu no longer needs to keep (`tsunagu purge` and the server's schedule).

What goes, in this order (each kind in bounded batches, one transaction per batch):

- closed cases whose `closed_at` is older than the municipality's period, with their threads;
- conversations that have no case (never consented, or whose cases were purged above) and whose last
  activity (`last_user_event_at`, else `updated_at`) is older than the unconsented period, with their
  stored webhook events and outbox rows;
- for every conversation, handled (`done`/`failed`) webhook events and finished (`sent`/`failed`)
  outbox rows older than the unconsented period (they hold message text; LINE no longer redelivers);
  an outbox row still linked from a kept case thread stays (it carries the reply's delivery status);
- expired CSW dashboard sessions and login failures older than the lockout window.

Kept: open cases and their conversations, recent conversations, events still pending, and the audit
log (case codes, actions and actors only, never message text).

Safe to run from several processes at once: on PostgreSQL each batch takes its rows with
`FOR UPDATE SKIP LOCKED`, and a conversation is only deleted under the worker's per-conversation
advisory lock, so a turn in progress is never cut away. Logs carry counts only.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, exists, func, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.settings import Settings
from bot.store.case_tables import Case, CaseMessage, CswSession, LoginFailure
from bot.store.db import create_engine, is_postgres, session_factory, utcnow
from bot.store.locks import unlocked
from bot.store.tables import Conversation, InboxEvent, OutboxMessage
from bot.store.types import CaseStatus, InboxStatus, OutboxStatus
from handoff.settings import HandoffSettings

log = logging.getLogger(__name__)

BATCH = 500
FIRST_RUN_DELAY_S = 60.0
"""The server's first purge runs this long after start (or after one interval, if shorter)."""

HANDLED_EVENT = (InboxStatus.DONE, InboxStatus.FAILED)
FINISHED_SEND = (OutboxStatus.SENT, OutboxStatus.FAILED)
UNSENT = (OutboxStatus.PENDING, OutboxStatus.SENDING)


@dataclass(frozen=True)
class RetentionPolicy:
    """How long each kind of data is kept."""

    unconsented: timedelta
    closed_case: timedelta
    session_idle: timedelta
    session_absolute: timedelta
    login_failure_window: timedelta

    @classmethod
    def from_settings(cls, settings: Settings, handoff: HandoffSettings | None = None) -> RetentionPolicy:
        """The policy configured in the environment."""
        handoff = handoff or HandoffSettings()
        return cls(
            unconsented=timedelta(days=settings.retention_unconsented_days),
            closed_case=timedelta(days=settings.retention_closed_case_days),
            session_idle=timedelta(minutes=handoff.idle_timeout_minutes),
            session_absolute=timedelta(hours=handoff.absolute_timeout_hours),
            login_failure_window=timedelta(minutes=handoff.login_lockout_minutes),
        )


@dataclass
class PurgeCounts:
    """Rows deleted (or, in a dry run, that would be deleted) per kind."""

    cases: int = 0
    case_messages: int = 0
    conversations: int = 0
    inbox_events: int = 0
    outbox_messages: int = 0
    csw_sessions: int = 0
    login_failures: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts by kind, in a stable order."""
        return asdict(self)

    @property
    def total(self) -> int:
        """All rows together."""
        return sum(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class Cutoffs:
    """The instants before which each kind of data is due."""

    unconsented: datetime
    closed_case: datetime
    session_idle: datetime
    session_absolute: datetime
    login_failure: datetime

    @classmethod
    def at(cls, now: datetime, policy: RetentionPolicy) -> Cutoffs:
        """The cutoffs of `policy` as seen at `now`."""
        return cls(
            unconsented=now - policy.unconsented,
            closed_case=now - policy.closed_case,
            session_idle=now - policy.session_idle,
            session_absolute=now - policy.session_absolute,
            login_failure=now - policy.login_failure_window,
        )


def rowcount(result: Any) -> int:
    """Rows a DELETE statement removed."""
    return int(getattr(result, "rowcount", 0) or 0)


# ---------------------------------------------------------------- what is due


def case_due(cut: Cutoffs) -> ColumnElement[bool]:
    """A closed case past the municipality's period."""
    return and_(
        Case.status == CaseStatus.CLOSED, func.coalesce(Case.closed_at, Case.updated_at) < cut.closed_case
    )


def conversation_idle(cut: Cutoffs) -> ColumnElement[bool]:
    """No activity in the conversation for the unconsented period."""
    last = func.coalesce(Conversation.last_user_event_at, Conversation.updated_at)
    return last < cut.unconsented


def has_pending_event() -> ColumnElement[bool]:
    """The user wrote something the worker has not handled yet."""
    pending = exists().where(
        InboxEvent.conversation_key == Conversation.key, InboxEvent.status == InboxStatus.PENDING
    )
    return pending.correlate(Conversation)


def conversation_due(cut: Cutoffs, *, counting_due_cases_as_gone: bool) -> ColumnElement[bool]:
    """An idle conversation without a case (a dry run treats cases due for purging as gone already)."""
    case_of = [Case.conversation_id == Conversation.id]
    if counting_due_cases_as_gone:
        case_of.append(not_(case_due(cut)))
    has_case = exists().where(*case_of).correlate(Conversation)
    return and_(conversation_idle(cut), not_(has_case), not_(has_pending_event()))


def event_due(cut: Cutoffs) -> ColumnElement[bool]:
    """A handled webhook event older than the unconsented period."""
    return and_(InboxEvent.status.in_(HANDLED_EVENT), InboxEvent.received_at < cut.unconsented)


def outbox_due(cut: Cutoffs, *, counting_due_cases_as_gone: bool) -> ColumnElement[bool]:
    """A finished outbox row older than the unconsented period that no kept case thread links to."""
    linked = [CaseMessage.outbox_id == OutboxMessage.id]
    if counting_due_cases_as_gone:
        linked.append(
            not_(exists().where(Case.id == CaseMessage.case_id, case_due(cut)).correlate(CaseMessage))
        )
    return and_(
        OutboxMessage.status.in_(FINISHED_SEND),
        OutboxMessage.created_at < cut.unconsented,
        not_(exists().where(*linked).correlate(OutboxMessage)),
    )


def events_of(keys: Any) -> ColumnElement[bool]:
    """A handled event of one of the conversations `keys` (a pending one stays for the worker)."""
    return and_(InboxEvent.conversation_key.in_(keys), InboxEvent.status != InboxStatus.PENDING)


def sends_of(keys: Any, cut: Cutoffs) -> ColumnElement[bool]:
    """An outbox row of one of the conversations `keys` that goes with it.

    Rows tied to the conversation would go with it (foreign key); an unsent reply without that tie
    (an apology for a failed event) is still delivered, and purged later with the old rows.
    """
    return and_(
        OutboxMessage.conversation_key.in_(keys),
        or_(
            OutboxMessage.conversation_id.is_not(None),
            OutboxMessage.status.not_in(UNSENT),
            OutboxMessage.created_at < cut.unconsented,
        ),
    )


def session_due(cut: Cutoffs) -> ColumnElement[bool]:
    """A dashboard session past its idle or absolute timeout."""
    return or_(CswSession.last_seen_at < cut.session_idle, CswSession.created_at < cut.session_absolute)


def login_failure_due(cut: Cutoffs) -> ColumnElement[bool]:
    """A login failure too old to count towards a lockout."""
    return LoginFailure.at < cut.login_failure


# ---------------------------------------------------------------- purging


class Purger:
    """Deletes what is due, batch by batch, on one engine."""

    def __init__(
        self, engine: AsyncEngine, sessions: async_sessionmaker[Any], policy: RetentionPolicy
    ) -> None:
        self.engine = engine
        self.sessions = sessions
        self.policy = policy
        self.postgres = is_postgres(engine)

    def _take(self, query: Select[Any], model: Any) -> Select[Any]:
        """Lock the selected rows on PostgreSQL, skipping rows another purge or a turn holds."""
        if self.postgres:
            return query.with_for_update(skip_locked=True, of=model)
        return query

    async def _in_batches(
        self,
        model: Any,
        due: ColumnElement[bool],
        delete_batch: Callable[[AsyncSession, list[int]], Awaitable[None]],
    ) -> None:
        """Hand the ids of `model` rows matching `due` to `delete_batch`, BATCH per transaction."""
        after = None
        while True:
            async with self.sessions() as session, session.begin():
                query = select(model.id).where(due).order_by(model.id).limit(BATCH)
                if after is not None:
                    query = query.where(model.id > after)
                ids = list((await session.scalars(self._take(query, model))).all())
                if ids:
                    await delete_batch(session, ids)
            if len(ids) < BATCH:
                return
            after = ids[-1]

    async def _batches(self, model: Any, due: ColumnElement[bool]) -> int:
        """Delete rows of `model` matching `due`, at most BATCH per transaction; return how many."""
        deleted = 0

        async def delete_rows(session: AsyncSession, ids: list[int]) -> None:
            nonlocal deleted
            deleted += rowcount(await session.execute(delete(model).where(model.id.in_(ids), due)))

        await self._in_batches(model, due, delete_rows)
        return deleted

    async def purge_cases(self, cut: Cutoffs, counts: PurgeCounts) -> None:
        """Closed cases past the period, with their threads."""
        due = case_due(cut)

        async def delete_cases(session: AsyncSession, ids: list[int]) -> None:
            still_due = select(Case.id).where(Case.id.in_(ids), due)
            counts.case_messages += rowcount(
                await session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(still_due)))
            )
            counts.cases += rowcount(await session.execute(delete(Case).where(Case.id.in_(ids), due)))

        await self._in_batches(Case, due, delete_cases)

    async def purge_conversations(self, cut: Cutoffs, counts: PurgeCounts) -> None:
        """Idle conversations without a case, with their events and outbox rows."""
        due = conversation_due(cut, counting_due_cases_as_gone=False)

        async def delete_conversations(session: AsyncSession, ids: list[int]) -> None:
            await self._delete_conversations(session, ids, due, cut, counts)

        await self._in_batches(Conversation, due, delete_conversations)

    async def _delete_conversations(
        self,
        session: AsyncSession,
        ids: Sequence[int],
        due: ColumnElement[bool],
        cut: Cutoffs,
        counts: PurgeCounts,
    ) -> None:
        """Delete the conversations `ids` that are still due (and, on PostgreSQL, not in a turn)."""
        chosen = Conversation.id.in_(ids)
        if self.postgres:
            # The worker holds this lock while it handles an event of the conversation: skip those.
            ids = list(
                (
                    await session.scalars(select(Conversation.id).where(chosen, unlocked(Conversation.key)))
                ).all()
            )
            if not ids:
                return
            chosen = Conversation.id.in_(ids)
        still_due = select(Conversation.key).where(chosen, due).scalar_subquery()
        # An event that arrived after the check stays: the worker handles it with a fresh conversation.
        counts.inbox_events += rowcount(await session.execute(delete(InboxEvent).where(events_of(still_due))))
        sends = await session.execute(delete(OutboxMessage).where(sends_of(still_due, cut)))
        counts.outbox_messages += rowcount(sends)
        counts.conversations += rowcount(await session.execute(delete(Conversation).where(chosen, due)))

    async def run(self, *, now: datetime | None = None) -> PurgeCounts:
        """Purge everything that is due at `now`; return the counts deleted."""
        cut = Cutoffs.at(now or utcnow(), self.policy)
        counts = PurgeCounts()
        await self.purge_cases(cut, counts)
        await self.purge_conversations(cut, counts)
        counts.inbox_events += await self._batches(InboxEvent, event_due(cut))
        counts.outbox_messages += await self._batches(
            OutboxMessage, outbox_due(cut, counting_due_cases_as_gone=False)
        )
        counts.csw_sessions += await self._batches(CswSession, session_due(cut))
        counts.login_failures += await self._batches(LoginFailure, login_failure_due(cut))
        return counts

    async def dry_run(self, *, now: datetime | None = None) -> PurgeCounts:
        """Count what `run` would delete at `now`, deleting nothing."""
        cut = Cutoffs.at(now or utcnow(), self.policy)
        conversation = conversation_due(cut, counting_due_cases_as_gone=True)
        due_keys = select(Conversation.key).where(conversation).scalar_subquery()
        async with self.sessions() as session:

            async def number(model: Any, *where: ColumnElement[bool]) -> int:
                found = await session.scalar(select(func.count()).select_from(model).where(*where))
                return int(found or 0)

            due_cases = select(Case.id).where(case_due(cut)).scalar_subquery()
            return PurgeCounts(
                cases=await number(Case, case_due(cut)),
                case_messages=await number(CaseMessage, CaseMessage.case_id.in_(due_cases)),
                conversations=await number(Conversation, conversation),
                inbox_events=await number(InboxEvent, or_(event_due(cut), events_of(due_keys))),
                outbox_messages=await number(
                    OutboxMessage,
                    or_(outbox_due(cut, counting_due_cases_as_gone=True), sends_of(due_keys, cut)),
                ),
                csw_sessions=await number(CswSession, session_due(cut)),
                login_failures=await number(LoginFailure, login_failure_due(cut)),
            )


def log_counts(counts: PurgeCounts, *, dry_run: bool) -> None:
    """Log the counts (and nothing else: no ids, no text)."""
    log.info("retention purge", extra={"dry_run": dry_run, **counts.as_dict()})


async def purge(
    database_url: str, policy: RetentionPolicy, *, dry_run: bool = False, now: datetime | None = None
) -> PurgeCounts:
    """Purge (or count, with `dry_run`) what is due in the database at `database_url`."""
    engine = create_engine(database_url)
    try:
        purger = Purger(engine, session_factory(engine), policy)
        counts = await (purger.dry_run(now=now) if dry_run else purger.run(now=now))
    finally:
        await engine.dispose()
    log_counts(counts, dry_run=dry_run)
    return counts


async def run_periodically(
    engine: AsyncEngine,
    sessions: async_sessionmaker[Any],
    policy: RetentionPolicy,
    *,
    interval_s: float,
    first_delay_s: float | None = None,
) -> None:
    """Purge every `interval_s` seconds until cancelled; a failed run is logged and retried next time."""
    purger = Purger(engine, sessions, policy)
    delay = min(FIRST_RUN_DELAY_S, interval_s) if first_delay_s is None else first_delay_s
    while True:
        await asyncio.sleep(delay)
        delay = interval_s
        try:
            counts = await purger.run()
        except Exception as exc:
            log.warning("retention purge failed", extra={"error": type(exc).__name__})
            continue
        log_counts(counts, dry_run=False)
