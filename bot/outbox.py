"""The outbox sender: delivers committed messages to LINE, in order per conversation, losing nothing.

A row is claimed with a short lease (a conditional update, safe across processes) that a heartbeat
renews while its call is in progress, so the rows of a process that died are taken up within one
lease. Every call ends in one of the answers below, and `DECISIONS` says what each answer means for
the row. The table is the whole policy; README's reliability section states it in prose.

Two facts about LINE make the ambiguous cases decidable:
- a reply token is single-use and LINE answers the same 400 for a token used and a token expired.
  tsunagu never calls with a token older than `TSUNAGU_REPLY_TOKEN_MAX_AGE_S` (counted from the event's
  `timestamp`, under LINE's own lifetime) and ends every reply call by then, so a 400 it receives
  was given to a token that had not expired: it was used. If an earlier reply of the same row ended
  without a known outcome, that earlier call delivered the messages.
- a push with an `X-Line-Retry-Key` LINE already accepted answers 409, so a push is retried with the
  same key safely.
The one case that cannot be decided: a reply whose outcome is unknown when its token is too old to
try again. tsunagu then pushes (a possible duplicate) rather than assume delivery (a possible loss):
for someone who wrote to the front door, and above all for crisis resources, reading an answer twice
is the lesser harm than not getting it. The row records `uncertainty`, `/metrics` counts it and a
warning is logged (never message text or user ids).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import aiohttp
from linebot.v3.messaging import AsyncMessagingApi, PushMessageRequest, ReplyMessageRequest
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
POSSIBLE_DUPLICATE = "possible_duplicate"
"""`uncertainty` of a row pushed after a reply of unknown outcome whose token grew too old to retry."""
POSSIBLE_LOSS = "possible_loss"
"""`uncertainty` of a group note whose reply outcome is unknown: a group has no push target."""
TOKEN_REJECTED_TEXT = "invalid reply token"  # noqa: S105 - LINE's error message, not a secret


class Answer(StrEnum):
    """What one call to LINE came to, as far as tsunagu can know."""

    DELIVERED = "delivered"
    """Any 2xx, whatever its body: LINE took the messages."""
    ALREADY_ACCEPTED = "already_accepted"
    """409 on a push: an earlier call with this retry key was accepted."""
    TOKEN_REJECTED = "token_rejected"  # noqa: S105 - an answer kind, not a secret
    """400 "Invalid reply token" on a reply: used or expired (LINE does not say which)."""
    NOT_SENT = "not_sent"
    """The connection could not be made: LINE never saw the request."""
    RATE_LIMITED = "rate_limited"
    """429: refused before delivery; wait at least Retry-After."""
    UNKNOWN = "unknown"
    """Timeout, 5xx, a dropped connection or an unexpected error: LINE may or may not have delivered."""
    REJECTED = "rejected"
    """Any other 4xx: LINE refused the request itself."""


class Action(StrEnum):
    """What happens to the row after an answer."""

    SENT = "sent"
    RETRY_AT_ONCE = "retry_at_once"
    BACKOFF = "backoff"
    PUSH_NOW = "push_now"
    FAIL = "fail"


@dataclass(frozen=True)
class Decision:
    """One line of the decision table."""

    action: Action
    why: str


EITHER = None
DECISIONS: dict[tuple[str, Answer, bool | None], Decision] = {
    # (method, answer, an earlier reply of this row ended without a known outcome) -> decision
    ("reply", Answer.DELIVERED, EITHER): Decision(Action.SENT, "LINE took the reply"),
    ("reply", Answer.TOKEN_REJECTED, True): Decision(
        Action.SENT, "the token was unexpired when LINE refused it, so the earlier call used it"
    ),
    ("reply", Answer.TOKEN_REJECTED, False): Decision(
        Action.PUSH_NOW, "no call of this row used the token: push with the retry key"
    ),
    ("reply", Answer.UNKNOWN, False): Decision(
        Action.RETRY_AT_ONCE, "retry the reply while the token is surely valid: a 400 then means used"
    ),
    ("reply", Answer.UNKNOWN, True): Decision(
        Action.BACKOFF, "still unknown: retry the reply while the token is young, else push (uncertain)"
    ),
    ("reply", Answer.RATE_LIMITED, EITHER): Decision(Action.BACKOFF, "not delivered: wait, then retry"),
    ("reply", Answer.NOT_SENT, EITHER): Decision(Action.BACKOFF, "not delivered: wait, then retry"),
    ("reply", Answer.REJECTED, EITHER): Decision(
        Action.PUSH_NOW, "refused for another reason: the push says whether the messages are valid"
    ),
    ("reply", Answer.ALREADY_ACCEPTED, EITHER): Decision(
        Action.PUSH_NOW, "a reply carries no retry key, so a 409 is a refusal: push with the key"
    ),
    ("push", Answer.DELIVERED, EITHER): Decision(Action.SENT, "LINE took the push"),
    ("push", Answer.ALREADY_ACCEPTED, EITHER): Decision(Action.SENT, "an earlier call with this key landed"),
    ("push", Answer.UNKNOWN, EITHER): Decision(
        Action.BACKOFF, "retry with the same retry key (409 = landed)"
    ),
    ("push", Answer.RATE_LIMITED, EITHER): Decision(Action.BACKOFF, "not delivered: wait, then retry"),
    ("push", Answer.NOT_SENT, EITHER): Decision(Action.BACKOFF, "not delivered: wait, then retry"),
    ("push", Answer.REJECTED, EITHER): Decision(Action.FAIL, "LINE refused the push: not delivered"),
    ("push", Answer.TOKEN_REJECTED, EITHER): Decision(Action.FAIL, "LINE refused the push: not delivered"),
}
"""Every answer of every call, and what it makes of the row. No line marks undelivered messages sent."""

LINE_ANSWERED = {Answer.DELIVERED, Answer.ALREADY_ACCEPTED, Answer.TOKEN_REJECTED, Answer.REJECTED}
"""Answers that show LINE is up and answering."""


def decide(method: str, answer: Answer, reply_unknown: bool) -> Decision:
    """Look the answer up in the decision table."""
    return DECISIONS.get((method, answer, reply_unknown)) or DECISIONS[(method, answer, EITHER)]


@dataclass(frozen=True)
class Outcome:
    """One call's answer, with what was seen of it."""

    answer: Answer
    status: int | None = None
    detail: str = ""
    retry_after_s: float | None = None


@dataclass(frozen=True)
class Plan:
    """How a claimed row goes out this time: by reply or push, or not at all, and what is uncertain."""

    method: str
    uncertainty: str | None = None


def plan_for(row: Row[Any], now: datetime, min_window_s: float) -> Plan:
    """Reply while the token has at least `min_window_s` of its life left; otherwise push.

    A token too old is never tried. Pushing after a reply of unknown outcome may duplicate it:
    the chosen side of the one undecidable case (see the module docstring).
    """
    expires = row.reply_expires_at
    if row.reply_token and expires is not None and (expires - now).total_seconds() >= min_window_s:
        return Plan("reply")
    if row.to is None:
        return Plan("none", POSSIBLE_LOSS if row.reply_unknown else None)
    return Plan("push", POSSIBLE_DUPLICATE if row.reply_unknown else None)


def backoff_seconds(attempts: int, base: float, cap: float) -> float:
    """Capped exponential backoff with full jitter over the upper half."""
    ceiling = min(cap, base * (2 ** min(attempts, 30)))
    return ceiling * random.uniform(0.5, 1.0)


def retry_after(headers: Any) -> float | None:
    """Seconds from a Retry-After header, when it holds a number."""
    with contextlib.suppress(TypeError, ValueError, AttributeError):
        return max(0.0, float(str(headers.get("Retry-After"))))
    return None


def answer_for(method: str, status: int, body: bytes, headers: Any) -> Outcome:
    """Read an HTTP answer from LINE."""
    if 200 <= status < 300:
        return Outcome(Answer.DELIVERED, status)
    if status == 409 and method == "push":
        return Outcome(Answer.ALREADY_ACCEPTED, status, "retry key already accepted")
    if status == 429:
        return Outcome(Answer.RATE_LIMITED, status, "rate limited", retry_after(headers))
    if status >= 500:
        return Outcome(Answer.UNKNOWN, status, "server error")
    if status == 400 and method == "reply" and TOKEN_REJECTED_TEXT in body.decode("utf-8", "replace").lower():
        return Outcome(Answer.TOKEN_REJECTED, status, "reply token rejected")
    return Outcome(Answer.REJECTED, status, f"rejected ({status})")


def answer_for_error(exc: BaseException) -> Outcome:
    """Read a call that ended without an HTTP answer."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return Outcome(Answer.NOT_SENT, None, "not connected")
    if isinstance(exc, TimeoutError):
        return Outcome(Answer.UNKNOWN, None, "timeout")
    if isinstance(exc, aiohttp.ClientError | OSError):
        return Outcome(Answer.UNKNOWN, None, "dropped")
    return Outcome(Answer.UNKNOWN, None, type(exc).__name__)


# Statements are built once: building SQLAlchemy expressions per call cost more CPU than running them.
WAITING_ROWS = (
    select(
        OutboxMessage.id,
        OutboxMessage.conversation_key,
        OutboxMessage.status,
        OutboxMessage.next_attempt_at,
        OutboxMessage.lease_until,
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
        lease_owner=bindparam("owner"),
        # A lease that ran out on a reply call (its sender died or lost the database): unknown outcome.
        reply_unknown=case(
            ((OutboxMessage.status == OutboxStatus.SENDING) & (OutboxMessage.method == "reply"), True),
            else_=OutboxMessage.reply_unknown,
        ),
        method=case(
            (
                OutboxMessage.reply_token.is_not(None)
                & (OutboxMessage.reply_expires_at > bindparam("reply_usable_after")),
                "reply",
            ),
            else_="push",
        ),
    )
    .returning(*OutboxMessage.__table__.columns)
)
RENEW = (
    update(OutboxMessage)
    .where(
        OutboxMessage.id.in_(bindparam("row_ids", expanding=True)),
        OutboxMessage.status == OutboxStatus.SENDING,
        OutboxMessage.lease_owner == bindparam("owner"),
    )
    .values(lease_until=bindparam("lease_until"))
)
WAKE = (
    update(OutboxMessage)
    .where(
        OutboxMessage.status == OutboxStatus.PENDING,
        OutboxMessage.next_attempt_at > bindparam("now"),
        or_(OutboxMessage.last_status.is_(None), OutboxMessage.last_status != 429),
    )
    .values(next_attempt_at=bindparam("now"))
)
SETTLED_COLUMNS = (
    "status",
    "method",
    "attempts",
    "last_status",
    "last_error",
    "lease_until",
    "lease_owner",
    "sent_at",
    "next_attempt_at",
    "reply_token",
    "reply_unknown",
    "uncertainty",
)
SETTLE = (
    update(OutboxMessage)
    .where(
        OutboxMessage.id == bindparam("row_id"),
        OutboxMessage.status == OutboxStatus.SENDING,
        OutboxMessage.lease_owner == bindparam("owner"),
    )
    .values({name: bindparam(f"new_{name}") for name in SETTLED_COLUMNS})
)


class OutboxSender:
    """Sends pending outbox rows whenever woken, and at the poll interval."""

    def __init__(self, runtime: Runtime, api: AsyncMessagingApi) -> None:
        self.runtime = runtime
        self.api = api
        self.owner = uuid.uuid4().hex
        self.in_flight: dict[str, int] = {}
        """Conversation key -> the id of the row being sent for it."""
        self.deliveries: set[asyncio.Task[None]] = set()
        self.settlements = GroupCommit(self.write_settlements, max_batch=SETTLE_BATCH)
        self.failed_calls = 0
        """Calls that failed since LINE last answered; while above 0, one row probes LINE now and then."""
        self.last_call_at = 0.0
        self.last_wake_at = 0.0

    async def run(self) -> None:
        """Flush on every wake-up and at the poll interval; renew the leases of calls in progress."""
        wake = self.runtime.outbox_wake
        heartbeat = asyncio.create_task(self.renew_leases(), name="outbox-heartbeat")
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
            heartbeat.cancel()
            for task in self.deliveries:
                task.cancel()

    async def renew_leases(self) -> None:
        """Every third of a lease, extend the leases of the rows this process is sending."""
        settings = self.runtime.settings
        while True:
            await asyncio.sleep(settings.outbox_lease_s / 3)
            row_ids = list(self.in_flight.values())
            if not row_ids:
                continue
            lease_until = utcnow() + timedelta(seconds=settings.outbox_lease_s)
            try:
                async with self.runtime.engine.begin() as connection:
                    await connection.execute(
                        RENEW, {"row_ids": row_ids, "owner": self.owner, "lease_until": lease_until}
                    )
            except SQLAlchemyError as exc:
                log.warning("outbox leases not renewed", extra={"error": type(exc).__name__})

    async def flush(self) -> None:
        """Claim the first due row of every conversation not being sent already, and start sending each."""
        settings = self.runtime.settings
        now = utcnow()
        async with self.runtime.engine.connect() as connection:
            rows = (await connection.execute(WAITING_ROWS)).all()
        heads: dict[str, Any] = {}
        for row in rows:
            heads.setdefault(row.conversation_key, row)
        free = [row for row in heads.values() if row.conversation_key not in self.in_flight]
        due = [
            row.id
            for row in free
            if (row.status == OutboxStatus.PENDING and row.next_attempt_at <= now)
            or (row.status == OutboxStatus.SENDING and row.lease_until is not None and row.lease_until <= now)
        ]
        if not due and self.probe_due():
            waiting = [row for row in free if row.status == OutboxStatus.PENDING]
            if waiting:
                due = [min(waiting, key=lambda row: row.next_attempt_at).id]
        slots = settings.line_connections - len(self.in_flight)
        if not due or slots <= 0:
            return
        for claimed in await self.claim(due[:slots]):
            self.in_flight[claimed.conversation_key] = claimed.id
            task = asyncio.create_task(self.deliver(claimed))
            self.deliveries.add(task)
            task.add_done_callback(self.deliveries.discard)

    def probe_due(self) -> bool:
        """While LINE is failing and nothing is in progress, try one waiting row every probe interval."""
        interval = self.runtime.settings.line_probe_interval_s
        return (
            self.failed_calls > 0 and not self.in_flight and time.monotonic() - self.last_call_at >= interval
        )

    async def claim(self, row_ids: list[int]) -> Sequence[Row[Any]]:
        """Take a lease on each row still pending (or whose lease ran out), noting the method to be used."""
        settings = self.runtime.settings
        now = utcnow()
        async with self.runtime.engine.begin() as connection:
            result = await connection.execute(
                CLAIM,
                {
                    "row_ids": row_ids,
                    "now": now,
                    "lease_until": now + timedelta(seconds=settings.outbox_lease_s),
                    "owner": self.owner,
                    "reply_usable_after": now + timedelta(seconds=settings.reply_min_window_s),
                },
            )
            return result.all()

    async def deliver(self, row: Row[Any]) -> None:
        """Send one claimed row and settle it, whatever happens: retried with backoff, then failed."""
        plan = Plan("none")
        try:
            plan = plan_for(row, utcnow(), self.runtime.settings.reply_min_window_s)
            if plan.uncertainty is not None and row.uncertainty is None:
                metrics.OUTBOX_UNCERTAIN.labels(decision=plan.uncertainty).inc()
                log.warning(
                    "outbox reply outcome unknown and its token too old to retry",
                    extra={"decision": plan.uncertainty, "outbox_id": row.id},
                )
            if plan.method == "none":
                outcome = Outcome(Answer.REJECTED, None, "reply token expired; no push target")
                decision = Decision(Action.FAIL, "a group note can only be replied")
            else:
                outcome = await self.call(row, plan.method)
                decision = decide(plan.method, outcome.answer, bool(row.reply_unknown))
                self.note_line_health(outcome)
        except Exception as exc:  # any failure settles the row, never leaving it `sending`
            log.warning("outbox delivery error", extra={"error": type(exc).__name__, "outbox_id": row.id})
            outcome = Outcome(Answer.UNKNOWN, None, type(exc).__name__)
            decision = Decision(Action.BACKOFF, "unexpected error: retried with backoff")
        try:
            await self.settle(row, plan, outcome, decision)
        except Exception as exc:  # the lease runs out; the row is taken up again
            log.warning(
                "outbox outcome not recorded; taken up again after the lease",
                extra={"error": type(exc).__name__, "outbox_id": row.id},
            )
        finally:
            self.in_flight.pop(row.conversation_key, None)
            self.runtime.wake_outbox()  # the conversation's next row may go now

    def note_line_health(self, outcome: Outcome) -> None:
        """Count failing calls; when LINE answers again after failures, wake the rows in backoff."""
        if outcome.answer in LINE_ANSWERED:
            if self.failed_calls:
                log.warning("LINE answers again", extra={"failed_calls": self.failed_calls})
                self.failed_calls = 0
                self.wake_backoff()
            return
        if not self.failed_calls:
            log.warning("LINE calls failing", extra={"status": outcome.status, "reason": outcome.detail})
        self.failed_calls += 1

    def wake_backoff(self) -> None:
        """Make every row waiting in backoff (except for a 429) due now, in every process."""
        if time.monotonic() - self.last_wake_at < self.runtime.settings.line_probe_interval_s:
            return
        self.last_wake_at = time.monotonic()
        task = asyncio.create_task(self.write_wake())
        self.deliveries.add(task)
        task.add_done_callback(self.deliveries.discard)

    async def write_wake(self) -> None:
        """Move the backoff rows' next attempt to now."""
        try:
            async with self.runtime.engine.begin() as connection:
                woken = (await connection.execute(WAKE, {"now": utcnow()})).rowcount
        except SQLAlchemyError as exc:
            log.warning("outbox rows in backoff not woken", extra={"error": type(exc).__name__})
            return
        if woken:
            metrics.OUTBOX_WOKEN.inc(woken)
        self.runtime.wake_outbox()

    async def call(self, row: Row[Any], method: str) -> Outcome:
        """Make the API call for a row by reply or push, reading only the HTTP status of the answer.

        A reply call ends before its token's conservative expiry, so any answer it gets is conclusive;
        after an unknown outcome it waits for as long as the token lives.
        """
        settings = self.runtime.settings
        timeout = settings.line_timeout_s
        client = self.api.api_client
        headers = {"Content-Type": "application/json", **client.default_headers}
        if method == "reply":
            assert row.reply_token is not None and row.reply_expires_at is not None
            remaining = (row.reply_expires_at - utcnow()).total_seconds()
            timeout = remaining if row.reply_unknown else min(timeout, remaining)
            request: Any = ReplyMessageRequest(replyToken=row.reply_token, messages=to_sdk(row.messages))
            path = "/v2/bot/message/reply"
        else:
            request = PushMessageRequest(to=row.to, messages=to_sdk(row.messages))
            headers["X-Line-Retry-Key"] = row.retry_key
            path = "/v2/bot/message/push"
        body = client.sanitize_for_serialization(request)
        self.last_call_at = time.monotonic()
        status: int | None = None
        try:
            async with asyncio.timeout(max(timeout, 0.001)):
                response = await client.rest_client.request(
                    "POST",
                    client.configuration.host + path,
                    headers=headers,
                    body=body,
                    _preload_content=False,
                    _request_timeout=timeout,
                )
                status = response.status
                try:
                    data = await response.read()
                finally:
                    response.release()
        except Exception as exc:  # every way a call ends is an answer in the table
            if status is not None and 200 <= status < 300:
                return Outcome(Answer.DELIVERED, status, "answer body unreadable")
            return answer_for_error(exc)
        return answer_for(method, status, data, response.headers)

    async def settle(self, row: Row[Any], plan: Plan, outcome: Outcome, decision: Decision) -> None:
        """Record the outcome: sent, failed, or pending again at the next attempt time."""
        settings = self.runtime.settings
        now = utcnow()
        attempts = row.attempts + 1
        values: dict[str, object] = {
            "status": OutboxStatus.PENDING,
            "method": plan.method if plan.method != "none" else row.method,
            "attempts": attempts,
            "last_status": outcome.status,
            "last_error": outcome.detail,
            "lease_until": None,
            "lease_owner": None,
            "sent_at": None,
            "next_attempt_at": row.next_attempt_at,
            "reply_token": row.reply_token,
            "reply_unknown": bool(row.reply_unknown)
            or (plan.method == "reply" and outcome.answer == Answer.UNKNOWN),
            "uncertainty": row.uncertainty or plan.uncertainty,
        }
        action = decision.action
        if action == Action.SENT:
            values.update(status=OutboxStatus.SENT, sent_at=now, last_error=None)
            metrics.OUTBOX_SENT.labels(method=plan.method).inc()
            if outcome.answer in (Answer.TOKEN_REJECTED, Answer.ALREADY_ACCEPTED):
                metrics.OUTBOX_DELIVERED_EARLIER.labels(evidence=outcome.answer.value).inc()
        elif action == Action.FAIL or attempts >= settings.max_send_attempts:
            values.update(status=OutboxStatus.FAILED, last_error=outcome.detail or "too many attempts")
            metrics.OUTBOX_FAILED.inc()
            log.warning(
                "outbox message failed",
                extra={"status": outcome.status, "reason": outcome.detail, "outbox_id": row.id},
            )
        elif action == Action.PUSH_NOW:
            values.update(reply_token=None, next_attempt_at=now)
        else:
            metrics.OUTBOX_RETRIED.labels(reason=outcome.answer.value).inc()
            if action == Action.RETRY_AT_ONCE:
                delay = 0.0
            else:
                delay = outcome.retry_after_s or backoff_seconds(
                    attempts, settings.retry_base_s, settings.retry_cap_s
                )
            if attempts == 1:
                log.warning(
                    "outbox message retried",
                    extra={"status": outcome.status, "reason": outcome.detail, "outbox_id": row.id},
                )
            values.update(next_attempt_at=now + timedelta(seconds=delay))
        await self.settlements.submit(
            {"row_id": row.id, "owner": self.owner, **{f"new_{k}": v for k, v in values.items()}}
        )

    async def write_settlements(self, settlements: Sequence[dict[str, object]]) -> list[None]:
        """Record several rows' outcomes in one statement and one transaction."""
        async with self.runtime.engine.begin() as connection:
            await connection.execute(SETTLE, list(settlements))
        return [None] * len(settlements)
