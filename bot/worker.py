"""The background worker: processes stored events one conversation at a time, in event order.

Each event is handled in one transaction that updates the conversation, writes the outbox and marks
the event done, so a crash at any point leaves the event pending and it is processed again after
restart. On PostgreSQL a transaction-scoped advisory lock per conversation keeps several processes
from handling the same conversation at once; within a process, a conversation is drained by one task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics
from bot.conversation import enqueue, process_event
from bot.db import is_postgres, utcnow
from bot.identity import source_of
from bot.models import InboxEvent
from bot.runtime import Runtime
from dialogs import catalog
from dialogs.messages import Text

log = logging.getLogger(__name__)

MAX_EVENT_ATTEMPTS = 3
DISPATCH_BATCH = 500
WEBHOOK_PRIORITY_S = 0.1
"""How long an event waits for webhook requests in progress: LINE's answer comes first, within bounds."""


# Statements are built once: building SQLAlchemy expressions per event cost more CPU than running them.
CONVERSATION_LOCK = select(func.pg_try_advisory_xact_lock(func.hashtext(bindparam("key"))))
OLDEST_PENDING = (
    select(InboxEvent)
    .where(InboxEvent.conversation_key == bindparam("key"), InboxEvent.status == "pending")
    .order_by(InboxEvent.id)
    .limit(1)
)


async def oldest_pending(session: AsyncSession, key: str) -> InboxEvent | None:
    """The conversation's oldest event not yet processed."""
    return (await session.scalars(OLDEST_PENDING, {"key": key})).first()


class Worker:
    """Drains the inbox: a task per conversation with pending events, bounded in number."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.active: dict[str, asyncio.Task[None]] = {}
        self.again: set[str] = set()
        self.slots = asyncio.Semaphore(runtime.settings.worker_concurrency)

    async def run(self) -> None:
        """Dispatch on every wake-up and at the poll interval (events from other processes)."""
        wake = self.runtime.worker_wake
        while True:
            woken = False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=self.runtime.settings.poll_interval_s)
                woken = True
            wake.clear()
            keys = self.runtime.take_fresh_keys()
            try:
                if woken and keys:
                    self.start(keys)
                else:
                    await self.dispatch()
            except SQLAlchemyError as exc:
                log.warning("worker cannot reach the database", extra={"error": type(exc).__name__})

    async def dispatch(self) -> None:
        """Start a drain task for each conversation that has pending events and none running."""
        async with self.runtime.sessions() as session:
            keys = (
                await session.scalars(
                    select(InboxEvent.conversation_key)
                    .where(InboxEvent.status == "pending")
                    .group_by(InboxEvent.conversation_key)
                    .order_by(func.min(InboxEvent.id))
                    .limit(DISPATCH_BATCH)
                )
            ).all()
        self.start(keys)

    def start(self, keys: Iterable[str]) -> None:
        """Drain each conversation, or ask its running drain to look again."""
        for key in keys:
            if key in self.active:
                self.again.add(key)
            else:
                self.active[key] = asyncio.create_task(self.drain(key))

    async def drain(self, key: str) -> None:
        """Process the conversation's pending events in order until none is left."""
        try:
            async with self.slots:
                while True:
                    self.again.discard(key)
                    while await self.process_next(key):
                        pass
                    if key not in self.again:
                        break
        except SQLAlchemyError as exc:
            log.warning("conversation drain interrupted", extra={"error": type(exc).__name__})
        finally:
            self.active.pop(key, None)

    async def process_next(self, key: str) -> bool:
        """Handle the oldest pending event of `key`; return True when one was finished."""
        runtime = self.runtime
        await runtime.yield_to_webhooks(WEBHOOK_PRIORITY_S)
        try:
            async with runtime.sessions() as session, session.begin():
                if is_postgres(runtime.engine):
                    locked = await session.scalar(CONVERSATION_LOCK, {"key": key})
                    if not locked:
                        return False
                row = await oldest_pending(session, key)
                if row is None:
                    return False
                now = utcnow()
                await process_event(session, runtime, row, now)
                row.status = "done"
                row.attempts += 1
                row.processed_at = now
        except SQLAlchemyError:
            raise
        except Exception as exc:
            log.exception("event processing failed", extra={"error": type(exc).__name__})
            await self.record_failure(key, type(exc).__name__)
            return False
        metrics.PROCESSING_LAG.observe((utcnow() - row.received_at).total_seconds())
        runtime.wake_outbox()
        return True

    async def record_failure(self, key: str, error: str) -> None:
        """Count a failed attempt; after the last one, mark the event failed and apologise to the user."""
        runtime = self.runtime
        async with runtime.sessions() as session, session.begin():
            row = await oldest_pending(session, key)
            if row is None:
                return
            attempts = row.attempts + 1
            if attempts < MAX_EVENT_ATTEMPTS:
                await session.execute(
                    update(InboxEvent).where(InboxEvent.id == row.id).values(attempts=attempts, error=error)
                )
                self.again.add(key)
                return
            row.status, row.attempts, row.error, row.processed_at = "failed", attempts, error, utcnow()
            metrics.EVENTS_FAILED.inc()
            source_type, line_id = source_of(row.payload)
            if source_type == "user" and line_id:
                enqueue(
                    session,
                    key=key,
                    conversation_id=None,
                    to=line_id,
                    messages=[Text(catalog.text("processing_failed"))],
                    reply_token=row.payload.get("replyToken"),
                    received_at=row.received_at,
                    max_age_s=runtime.settings.reply_token_max_age_s,
                )
        runtime.wake_outbox()
