"""The background worker: processes stored events in event order within each conversation.

A transaction handles the oldest pending event of up to `TSUNAGU_WORKER_BATCH` conversations: it
updates each conversation, writes the outbox and marks the events done, so a crash at any point
leaves the events pending and they are processed again after restart. If one turn fails, the batch
is rolled back and its conversations are retried one by one. On PostgreSQL a transaction-scoped
advisory lock per conversation keeps several processes from handling the same conversation at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import Iterable

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics
from bot.identity import source_of
from bot.runtime import Runtime
from bot.store.crypto import DataKeyError
from bot.store.db import is_postgres, utcnow
from bot.store.locks import try_lock_conversation
from bot.store.outbox import enqueue, token_issued_at
from bot.store.tables import InboxEvent
from bot.store.types import InboxStatus
from bot.turn import process_event
from dialogs import catalog
from dialogs.messages import Text

log = logging.getLogger(__name__)

MAX_EVENT_ATTEMPTS = 3
DISPATCH_BATCH = 500
WEBHOOK_PRIORITY_S = 0.1
"""How long a batch waits for webhook requests in progress: LINE's answer comes first, within bounds."""
WEBHOOK_RECENT_S = 0.05
"""Webhooks answered this recently make the worker take one conversation per transaction."""
UNREADABLE_WAIT_S = 60.0
"""A conversation whose stored data no configured key can read is looked at again after this long."""


# Statements are built once: building SQLAlchemy expressions per event cost more CPU than running them.
PENDING_OF = (
    select(InboxEvent)
    .where(
        InboxEvent.conversation_key.in_(bindparam("keys", expanding=True)),
        InboxEvent.status == InboxStatus.PENDING,
    )
    .order_by(InboxEvent.id)
)
PENDING_CONVERSATIONS = (
    select(InboxEvent.conversation_key)
    .where(InboxEvent.status == InboxStatus.PENDING)
    .group_by(InboxEvent.conversation_key)
    .order_by(func.min(InboxEvent.id))
    .limit(DISPATCH_BATCH)
)
OLDEST_PENDING = (
    select(InboxEvent)
    .where(InboxEvent.conversation_key == bindparam("key"), InboxEvent.status == InboxStatus.PENDING)
    .order_by(InboxEvent.id)
    .limit(1)
)


async def oldest_pending(session: AsyncSession, key: str) -> InboxEvent | None:
    """The conversation's oldest event not yet processed."""
    return (await session.scalars(OLDEST_PENDING, {"key": key})).first()


class Worker:
    """Drains the inbox: each transaction handles the oldest pending event of several conversations."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.ready: dict[str, None] = {}
        self.busy: set[str] = set()
        self.batch_size = runtime.settings.worker_batch
        concurrent = runtime.settings.worker_concurrency if is_postgres(runtime.engine) else 1
        self.slots = asyncio.Semaphore(concurrent)
        self.batches: set[asyncio.Task[None]] = set()
        self.scanned_at = 0.0
        self.unreadable_until: dict[str, float] = {}

    async def run(self) -> None:
        """Start batches while conversations are ready; otherwise wait for a wake-up or poll the inbox."""
        wake = self.runtime.worker_wake
        try:
            while True:
                woken = True
                if not self.takeable():
                    woken = False
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(wake.wait(), timeout=self.runtime.settings.poll_interval_s)
                        woken = True
                wake.clear()
                self.make_ready(self.runtime.take_fresh_keys())
                overdue = time.monotonic() - self.scanned_at >= self.runtime.settings.poll_interval_s
                if self.runtime.take_scan_request() or not woken or overdue:
                    try:
                        self.scanned_at = time.monotonic()
                        await self.dispatch()
                    except SQLAlchemyError as exc:
                        log.warning("worker cannot reach the database", extra={"error": type(exc).__name__})
                if self.takeable():
                    await self.slots.acquire()
                    await self.runtime.yield_to_webhooks(WEBHOOK_PRIORITY_S)
                    task = asyncio.create_task(self.run_batch(self.take_batch()))
                    self.batches.add(task)
                    task.add_done_callback(self.batches.discard)
        finally:
            for task in self.batches:
                task.cancel()

    def takeable(self) -> bool:
        """True when a ready conversation is not in a running batch."""
        return any(key not in self.busy for key in self.ready)

    async def run_batch(self, keys: list[str]) -> None:
        """Process one batch, then free its slot and let the loop look again."""
        self.busy.update(keys)
        try:
            await self.process_batch(keys)
        except SQLAlchemyError as exc:
            log.warning("worker cannot reach the database", extra={"error": type(exc).__name__})
            self.ready.update(dict.fromkeys(keys))
            await asyncio.sleep(self.runtime.settings.poll_interval_s)
        except Exception as exc:
            log.exception("worker batch failed; its events stay pending", extra={"error": type(exc).__name__})
        finally:
            self.busy.difference_update(keys)
            self.slots.release()
            self.runtime.worker_wake.set()

    async def dispatch(self) -> None:
        """Mark ready every conversation with pending events (stored by other processes, or left over).

        Runs when asked, when idle, and at least once per poll interval even while busy, so events a
        crashed process stored but never handled are taken up by the others.
        """
        async with self.runtime.sessions() as session:
            keys = (await session.scalars(PENDING_CONVERSATIONS)).all()
        self.make_ready(key for key in keys if key not in self.busy)

    def make_ready(self, keys: Iterable[str]) -> None:
        """Mark conversations ready, except those set aside for a while as unreadable."""
        now = time.monotonic()
        for key in keys:
            if self.unreadable_until.get(key, 0.0) <= now:
                self.unreadable_until.pop(key, None)
                self.ready[key] = None

    def take_batch(self) -> list[str]:
        """The next conversations to process, oldest wake-up first; one at a time while webhooks arrive.

        A batch holds the database (SQLite has one writer) for all of its turns, so while LINE is
        posting, short transactions keep the webhook's answer from waiting behind a long one.
        """
        size = 1 if self.runtime.webhooks_busy(WEBHOOK_RECENT_S) else self.batch_size
        batch = list(itertools.islice((key for key in self.ready if key not in self.busy), size))
        for key in batch:
            del self.ready[key]
        return batch

    async def process_batch(self, keys: list[str]) -> None:
        """Handle the oldest pending event of each conversation in one transaction.

        If any turn fails, the transaction is rolled back and each conversation is retried on its own,
        so one failing event cannot hold up the others.
        """
        runtime = self.runtime
        try:
            async with runtime.sessions() as session, session.begin():
                keys = [key for key in keys if await try_lock_conversation(session, key)]
                pending = (await session.scalars(PENDING_OF, {"keys": keys})).all() if keys else []
                heads: dict[str, InboxEvent] = {}
                more: set[str] = set()
                for row in pending:
                    if row.conversation_key in heads:
                        more.add(row.conversation_key)
                    else:
                        heads[row.conversation_key] = row
                now = utcnow()
                for row in heads.values():
                    await process_event(session, runtime, row, now)
                    row.status, row.attempts, row.processed_at = InboxStatus.DONE, row.attempts + 1, now
        except SQLAlchemyError:
            raise
        except DataKeyError:
            if len(keys) == 1:
                self.set_aside_unreadable(keys[0])
                return
            for key in keys:
                await self.process_batch([key])
            return
        except Exception as exc:
            if len(keys) == 1:
                log.exception("event processing failed", extra={"error": type(exc).__name__})
                await self.record_failure(keys[0], type(exc).__name__)
                return
            log.warning(
                "batch rolled back; its conversations are retried one by one",
                extra={"error": type(exc).__name__},
            )
            for key in keys:
                await self.process_batch([key])
            return
        self.ready.update(dict.fromkeys(more))
        self.finished(heads.values())

    def set_aside_unreadable(self, key: str) -> None:
        """Keep a conversation's events pending, untouched, while no configured key can read its data.

        Giving up would lose what the person wrote; the operator is told which setting to fix, once a
        minute, and the events are answered as soon as the key that wrote them is configured again.
        """
        log.error(
            "stored data cannot be read with the keys in TSUNAGU_DATA_KEYS; the events wait, unread",
            extra={"error": DataKeyError.__name__},
        )
        self.unreadable_until[key] = time.monotonic() + UNREADABLE_WAIT_S

    def finished(self, rows: Iterable[InboxEvent]) -> None:
        """Observe the processing lag of handled events and let the outbox send what they queued."""
        now = utcnow()
        keys = []
        for row in rows:
            metrics.PROCESSING_LAG.observe((now - row.received_at).total_seconds())
            keys.append(row.conversation_key)
        if self.runtime.line is not None:
            self.runtime.line.turns_done(keys)
        self.runtime.wake_outbox()

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
                self.ready[key] = None
                return
            row.status, row.attempts, row.error, row.processed_at = (
                InboxStatus.FAILED,
                attempts,
                error,
                utcnow(),
            )
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
                    issued_at=token_issued_at(row.payload, row.received_at),
                    max_age_s=runtime.settings.reply_token_max_age_s,
                )
        runtime.wake_outbox()
