"""The outbox sender: delivers committed messages to LINE, in order per conversation, losing nothing.

A row is claimed with a lease (a conditional update, safe across processes). It goes out by reply
token while the token is fresh and unused, otherwise by push with the row's `X-Line-Retry-Key`.
5xx, timeouts and connection errors are retried with capped, jittered backoff; 429 backs off
(honouring Retry-After); 409 on a push means LINE already accepted that retry key; other 4xx are
recorded as failed and not retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
from linebot.v3.messaging import AsyncMessagingApi, PushMessageRequest, ReplyMessageRequest
from linebot.v3.messaging.exceptions import ApiException
from sqlalchemy import Row, bindparam, case, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.batching import GroupCommit
from bot.render import to_sdk
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.tables import OutboxMessage
from bot.store.types import OutboxStatus

log = logging.getLogger(__name__)

SCAN_LIMIT = 500
SETTLE_BATCH = 200

# Statements are built once: building SQLAlchemy expressions per call cost more CPU than running them.
WAITING_ROWS = (
    select(
        OutboxMessage.id,
        OutboxMessage.conversation_key,
        OutboxMessage.status,
        OutboxMessage.next_attempt_at,
        OutboxMessage.lease_until,
        OutboxMessage.method,
    )
    .where(OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)))
    .order_by(OutboxMessage.id)
    .limit(SCAN_LIMIT)
)
CLAIM = (
    update(OutboxMessage)
    .where(
        OutboxMessage.id.in_(bindparam("row_ids", expanding=True)),
        or_(
            OutboxMessage.status == OutboxStatus.PENDING,
            (OutboxMessage.status == OutboxStatus.SENDING) & (OutboxMessage.lease_until <= bindparam("now")),
        ),
    )
    .values(
        status=OutboxStatus.SENDING,
        lease_until=bindparam("lease_until"),
        method=case(
            (
                OutboxMessage.reply_token.is_not(None) & (OutboxMessage.reply_expires_at > bindparam("now")),
                "reply",
            ),
            else_="push",
        ),
    )
    .returning(*OutboxMessage.__table__.columns)
)
SETTLED_COLUMNS = (
    "status",
    "method",
    "attempts",
    "last_status",
    "last_error",
    "lease_until",
    "sent_at",
    "next_attempt_at",
    "reply_token",
)
SETTLE = (
    update(OutboxMessage)
    .where(OutboxMessage.id == bindparam("row_id"))
    .values({name: bindparam(f"new_{name}") for name in SETTLED_COLUMNS})
)


@dataclass(frozen=True)
class Outcome:
    """What one API call came to: delivered, retry later, switch to push, or failed for good."""

    kind: str
    status: int | None = None
    detail: str = ""
    retry_after_s: float | None = None


def backoff_seconds(attempts: int, base: float, cap: float) -> float:
    """Capped exponential backoff with full jitter over the upper half."""
    ceiling = min(cap, base * (2 ** min(attempts, 30)))
    return ceiling * random.uniform(0.5, 1.0)


def classify_failure(exc: BaseException, method: str) -> Outcome:
    """Map an API error to an outcome of the retry matrix."""
    if isinstance(exc, ApiException):
        status = int(exc.status or 0)
        if status == 409 and method == "push":
            return Outcome("delivered", status)
        if status == 429:
            retry_after = None
            headers = exc.headers or {}
            with contextlib.suppress(TypeError, ValueError):
                retry_after = float(str(headers.get("Retry-After") or headers.get("retry-after")))
            return Outcome("retry", status, "rate limited", retry_after)
        if status >= 500 or status == 0:
            return Outcome("retry", status, "server error")
        if method == "reply" and status == 400:
            return Outcome("use_push", status, "reply token rejected")
        return Outcome("failed", status, f"rejected ({status})")
    return Outcome("retry", None, type(exc).__name__)


class OutboxSender:
    """Sends pending outbox rows whenever woken, and at the poll interval."""

    def __init__(self, runtime: Runtime, api: AsyncMessagingApi) -> None:
        self.runtime = runtime
        self.api = api
        self.in_flight: set[str] = set()
        self.deliveries: set[asyncio.Task[None]] = set()
        self.settlements = GroupCommit(self.write_settlements, max_batch=SETTLE_BATCH)

    async def run(self) -> None:
        """Flush on every wake-up and at the poll interval (retries and other processes' rows)."""
        wake = self.runtime.outbox_wake
        try:
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), timeout=self.runtime.settings.poll_interval_s)
                wake.clear()
                try:
                    await self.flush()
                except SQLAlchemyError as exc:
                    log.warning("outbox cannot reach the database", extra={"error": type(exc).__name__})
        finally:
            for task in self.deliveries:
                task.cancel()

    async def flush(self) -> None:
        """Claim the first due row of every conversation not being sent already, and start sending each."""
        now = utcnow()
        async with self.runtime.engine.connect() as connection:
            rows = (await connection.execute(WAITING_ROWS)).all()
        heads: dict[str, Any] = {}
        for row in rows:
            heads.setdefault(row.conversation_key, row)
        previous_methods = {
            row.id: row.method
            for row in heads.values()
            if row.conversation_key not in self.in_flight
            and (
                (row.status == OutboxStatus.PENDING and row.next_attempt_at <= now)
                or (
                    row.status == OutboxStatus.SENDING
                    and row.lease_until is not None
                    and row.lease_until <= now
                )
            )
        }
        if not previous_methods:
            return
        for claimed in await self.claim(list(previous_methods)):
            self.in_flight.add(claimed.conversation_key)
            task = asyncio.create_task(self.deliver(claimed, previous_methods[claimed.id]))
            self.deliveries.add(task)
            task.add_done_callback(self.deliveries.discard)

    async def claim(self, row_ids: list[int]) -> Sequence[Row[Any]]:
        """Take a lease on each row still pending (or whose lease ran out), noting the method to be used."""
        now = utcnow()
        lease_until = now + timedelta(seconds=self.runtime.settings.outbox_lease_s)
        async with self.runtime.engine.begin() as connection:
            result = await connection.execute(
                CLAIM, {"row_ids": row_ids, "now": now, "lease_until": lease_until}
            )
            return result.all()

    async def deliver(self, row: Row[Any], previous_method: str | None) -> None:
        """Call LINE for one claimed row and record the outcome.

        `previous_method` is "reply" when an earlier reply attempt had an unknown outcome (timeout,
        5xx, or a crash while sending): then LINE's "invalid reply token" means that attempt landed.
        """
        try:
            now = utcnow()
            use_reply = bool(row.reply_token and row.reply_expires_at and now < row.reply_expires_at)
            if not use_reply and row.to is None:
                await self.settle(row, Outcome("failed", None, "reply token expired; no push target"), "none")
                return
            method = "reply" if use_reply else "push"
            outcome = await self.call(row, method)
            if outcome.kind == "use_push" and previous_method == "reply":
                outcome = Outcome("delivered", outcome.status, "reply token used by an earlier attempt")
            await self.settle(row, outcome, method)
        except SQLAlchemyError as exc:
            log.warning(
                "outbox outcome not recorded; retried after the lease", extra={"error": type(exc).__name__}
            )
        finally:
            self.in_flight.discard(row.conversation_key)
            self.runtime.wake_outbox()  # the conversation's next row may go now

    async def call(self, row: Row[Any], method: str) -> Outcome:
        """Make the API call for a row by reply or push."""
        messages = to_sdk(row.messages)
        timeout = self.runtime.settings.line_timeout_s
        try:
            async with asyncio.timeout(timeout):
                if method == "reply":
                    assert row.reply_token is not None
                    await self.api.reply_message_with_http_info(
                        ReplyMessageRequest(replyToken=row.reply_token, messages=messages),
                        _request_timeout=timeout,
                    )
                else:
                    await self.api.push_message_with_http_info(
                        PushMessageRequest(to=row.to, messages=messages),
                        x_line_retry_key=row.retry_key,
                        _request_timeout=timeout,
                    )
        except (ApiException, aiohttp.ClientError, TimeoutError, OSError) as exc:
            return classify_failure(exc, method)
        return Outcome("delivered", 200)

    async def settle(self, row: Row[Any], outcome: Outcome, method: str) -> None:
        """Record the outcome: sent, failed, or pending again at the next attempt time."""
        settings = self.runtime.settings
        now = utcnow()
        attempts = row.attempts + 1
        values: dict[str, object] = {
            "status": OutboxStatus.PENDING,
            "method": method,
            "attempts": attempts,
            "last_status": outcome.status,
            "last_error": outcome.detail,
            "lease_until": None,
            "sent_at": None,
            "next_attempt_at": row.next_attempt_at,
            "reply_token": row.reply_token,
        }
        if outcome.kind == "delivered":
            values.update(status=OutboxStatus.SENT, sent_at=now, last_error=None)
            metrics.OUTBOX_SENT.labels(method=method).inc()
        elif outcome.kind == "failed" or attempts >= settings.max_send_attempts:
            values.update(status=OutboxStatus.FAILED, last_error=outcome.detail or "too many attempts")
            metrics.OUTBOX_FAILED.inc()
            log.warning("outbox message failed", extra={"status": outcome.status, "outbox_id": row.id})
        elif outcome.kind == "use_push":
            values.update(reply_token=None, next_attempt_at=now)
        else:
            metrics.OUTBOX_RETRIED.inc()
            delay = outcome.retry_after_s or backoff_seconds(
                attempts, settings.retry_base_s, settings.retry_cap_s
            )
            values.update(next_attempt_at=now + timedelta(seconds=delay))
        await self.settlements.submit({"row_id": row.id, **{f"new_{k}": v for k, v in values.items()}})

    async def write_settlements(self, settlements: Sequence[dict[str, object]]) -> list[None]:
        """Record several rows' outcomes in one statement and one transaction."""
        async with self.runtime.engine.begin() as connection:
            await connection.execute(SETTLE, list(settlements))
        return [None] * len(settlements)
