"""The crisis fast path: emergency resources go out from the webhook, before any database work.

For a first delivery of a fresh one-to-one text that reads as danger to life, the webhook starts a
reply with the resources right away, in the background, and stores the event marked `crisis_sent`
and without its reply token; the worker's turn then records the urgency but does not send the
resources again. If the reply fails (LINE down or slow), the resources are queued as a push in the
outbox, but only once the inbox has shown the event is new: a replayed body (same webhookEventId)
costs no push. A reply needs LINE's single-use token, so a replay's reply is refused by LINE itself.

The same situation again within `dialogs.crisis.REPEAT_WITHIN` gets the brief reply, a new or more
acute one (pills taken after pills kept) its whole fitted block: the fast path cannot read the
conversation in time (the database may be held), so the process keeps, in memory, each
conversation's `CrisisMemory` (when, which situations, who is hurt), from its own replies and from
every worker turn (`remember_crisis_shown`). A process that does not know (restarted, another
instance) sends the whole block: the lesser harm.

Whether a CSW holds the case is not left to that memory: the dashboard may run in another process, so
the reply's task reads it from the case row first (`case_standing`, within `HELD_LOOKUP_TIMEOUT_S`,
off the webhook's answer) and words the reply for it: 「相談員が見ています」, never office hours. Only
when the database does not answer in time does the memory decide.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import aiohttp
from linebot.v3.messaging import ReplyMessageRequest
from linebot.v3.messaging.exceptions import ApiException
from sqlalchemy import bindparam, select
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.identity import conversation_key
from bot.outbox import POSSIBLE_DUPLICATE
from bot.render import to_sdk
from bot.runtime import Runtime
from bot.store.case_tables import Case
from bot.store.db import utcnow
from bot.store.outbox import CRISIS_ORIGIN, batches, to_stored
from bot.store.tables import Conversation, OutboxMessage
from bot.store.types import OPEN_STATUSES, OutboxStatus
from dialogs.crisis import REPEAT_WITHIN, CrisisMemory, crisis_answer, memory_of
from dialogs.flows.languages import crisis_in_their_language
from dialogs.messages import Text
from dialogs.understanding.romaji import as_kana

log = logging.getLogger(__name__)

CRISIS_MARK = "tsunagu_crisis_sent"
FAST_REPLY_TIMEOUT_S = 5.0
REMEMBERED_MAX = 10_000
"""Conversations whose last crisis time is kept in memory; past this, times older than a repeat go."""
FAST_PATH_MAX_CHARS = 600
"""Longer texts are read in the worker's turn instead: analyzing thousands of characters (tens of ms)
in the webhook would hold every other request's answer. The worker sends the resources itself."""


STALE_MARK = "tsunagu_stale"
"""Set on an event dated beyond the redelivery window: stored, never answered (a replay, not a person)."""


def is_stale(event: dict[str, Any], now_ms: float, max_age_s: float) -> bool:
    """Whether the event's own timestamp (LINE always sends one) is more than `max_age_s` in the past."""
    stamp = event.get("timestamp")
    return isinstance(stamp, int) and now_ms - stamp > max_age_s * 1000


def wants_fast_crisis_reply(event: dict[str, Any]) -> bool:
    """A first delivery of a fresh one-to-one text message that carries a reply token."""
    message = event.get("message") or {}
    return (
        not event.get(STALE_MARK)
        and event.get("type") == "message"
        and message.get("type") == "text"
        and event.get("mode", "active") == "active"
        and (event.get("source") or {}).get("type") == "user"
        and bool(event.get("replyToken"))
        and not (event.get("deliveryContext") or {}).get("isRedelivery", False)
        and len(str(message.get("text", ""))) <= FAST_PATH_MAX_CHARS
    )


def start_crisis_replies(
    runtime: Runtime, raw_events: list[dict[str, Any]], received_at: datetime
) -> asyncio.Future[bool] | None:
    """Start the resources' reply for every crisis text, and mark those events before they are stored.

    `received_at` is the time the events are stored with: the reply is recorded at that same time.
    Returns a future the webhook resolves once the events are stored: True when they were new (a
    failed reply may then be pushed), False for duplicates or when nothing was stored. None when no
    reply was started.
    """
    stored_as_new: asyncio.Future[bool] | None = None
    for event in raw_events:
        if not wants_fast_crisis_reply(event):
            continue
        key = conversation_key(runtime.signing_key, "user", str(event["source"].get("userId", "")))
        text = str(event["message"].get("text", ""))
        now = runtime.settings.conversation_now(received_at)  # the simulator's set clock, if any
        before = runtime.crisis_memory.get(key) or CrisisMemory()
        answer = crisis_answer(as_kana(text) or text, now, before)  # 「shinitai」
        if not answer:
            continue
        messages, memory = answer
        _remember(runtime, key, memory)
        reply_token = str(event.pop("replyToken"))
        event[CRISIS_MARK] = True
        if stored_as_new is None:
            stored_as_new = asyncio.get_running_loop().create_future()
        sending = answer_crisis(
            runtime, event, reply_token, Reading(key, text, now, before, messages), stored_as_new, received_at
        )
        task = asyncio.create_task(sending)
        runtime.background.add(task)
        task.add_done_callback(runtime.background.discard)
    return stored_as_new


@dataclass(frozen=True)
class Reading:
    """A crisis text read on the fast path: whose, what, when (the conversation's clock), and the reply
    made from what this process remembered."""

    key: str
    text: str
    now: datetime
    before: CrisisMemory
    """What this process remembered of the conversation before this message."""
    messages: tuple[Text, ...]


HELD_LOOKUP_TIMEOUT_S = 0.3
"""How long the fast path waits to read from the database whether a CSW holds the case; past this (the
database held or slow), the reply goes out as this process's memory has it."""

CASE_STANDING = (
    select(Case.connected_at)
    .join(Conversation, Conversation.id == Case.conversation_id)
    .where(Conversation.key == bindparam("key"), Case.status.in_(OPEN_STATUSES))
    .order_by(Case.id.desc())
    .limit(1)
)


async def case_standing(runtime: Runtime, key: str) -> tuple[bool, bool] | None:
    """(sent, held) of the conversation's case as the database has it, whichever process claimed or
    closed it: sent and no CSW has it yet, or a CSW holds it (`handoff.relay.held_case`: taken up and
    open). None when the database does not answer within `HELD_LOOKUP_TIMEOUT_S`."""
    try:
        async with asyncio.timeout(HELD_LOOKUP_TIMEOUT_S), runtime.sessions() as session:
            found = (await session.execute(CASE_STANDING, {"key": key})).first()
    except (TimeoutError, SQLAlchemyError) as exc:
        log.info("crisis fast path: case standing unknown", extra={"error": type(exc).__name__})
        return None
    if found is None:
        return False, False
    held = found[0] is not None
    return not held, held


async def answer_crisis(
    runtime: Runtime,
    event: dict[str, Any],
    reply_token: str,
    reading: Reading,
    stored_as_new: asyncio.Future[bool],
    received_at: datetime,
) -> None:
    """Send the resources, worded for whether a CSW holds the case as the database says (a claim made in
    the dashboard's process is not in this process's memory): 「相談員が見ています」, never office hours."""
    messages = reading.messages
    standing = await case_standing(runtime, reading.key)
    before = reading.before
    if standing is not None and standing != (before.sent, before.held):
        sent, held = standing
        again = crisis_answer(
            as_kana(reading.text) or reading.text, reading.now, replace(before, sent=sent, held=held)
        )
        if again is not None:
            messages, memory = again
            _remember(runtime, reading.key, memory)
    messages = crisis_in_their_language(reading.text, messages, reading.now)  # 「I want to die」: English too
    await send_resources(runtime, event, reply_token, to_stored(messages), stored_as_new, received_at)


def remember_crisis_shown(runtime: Runtime, key: str, data: dict[str, Any]) -> None:
    """Keep what the conversation knows of its crisis replies, from its data after a worker turn."""
    memory = memory_of(data)
    told_of = memory.relative_spoken or memory.child_writer  # 「お母さんが」 before 「死にたいって言ってた」
    nothing = memory.shown_at is None and memory.hurt is None and not memory.held and not memory.supporter
    if nothing and not told_of:
        runtime.crisis_memory.pop(key, None)  # never, or the person deleted their data
    else:
        _remember(runtime, key, memory)


def _remember(runtime: Runtime, key: str, memory: CrisisMemory) -> None:
    """Record a conversation's crisis memory, forgetting memories too old to matter when there are many."""
    remembered = runtime.crisis_memory
    remembered[key] = memory
    if len(remembered) > REMEMBERED_MAX and memory.shown_at is not None:
        newest = memory.shown_at
        for old_key in [
            k for k, m in remembered.items() if m.shown_at is None or newest - m.shown_at >= REPEAT_WITHIN
        ]:
            del remembered[old_key]


async def send_resources(
    runtime: Runtime,
    event: dict[str, Any],
    reply_token: str,
    stored: list[dict[str, Any]],
    stored_as_new: asyncio.Future[bool],
    received_at: datetime,
) -> None:
    """Reply with the resources; what cannot be replied goes to the outbox as a push, if the event is new."""
    calls = batches(stored)
    remaining = calls
    uncertainty = None
    if runtime.crisis_api is not None:
        try:
            async with asyncio.timeout(FAST_REPLY_TIMEOUT_S):
                await runtime.crisis_api.reply_message_with_http_info(
                    ReplyMessageRequest(replyToken=reply_token, messages=to_sdk(calls[0])),
                    _request_timeout=FAST_REPLY_TIMEOUT_S,
                )
            remaining = calls[1:]
        except (ApiException, aiohttp.ClientError, TimeoutError, OSError) as exc:
            log.warning("crisis fast reply failed; queued as push", extra={"error": type(exc).__name__})
            status = exc.status if isinstance(exc, ApiException) else None
            if not (status and 400 <= status < 500):
                # The reply may have landed: a duplicate of the resources is the lesser harm (bot/outbox.py).
                uncertainty = POSSIBLE_DUPLICATE
                metrics.OUTBOX_UNCERTAIN.labels(decision=POSSIBLE_DUPLICATE).inc()
    if await stored_as_new:
        replied = calls[: len(calls) - len(remaining)]
        await record_and_queue(runtime, event, received_at, replied, remaining, uncertainty)


async def record_and_queue(
    runtime: Runtime,
    event: dict[str, Any],
    received_at: datetime,
    replied: list[list[dict[str, Any]]],
    to_push: list[list[dict[str, Any]]],
    uncertainty: str | None = None,
) -> None:
    """Keep the crisis messages the reply delivered as sent rows dated with their event (a CSW shown the
    conversation sees which lines were given, right after the words that brought them); put the rest
    in the outbox as pushes (retried until LINE takes them), noting whether the first may repeat a
    reply of unknown outcome."""
    user_id = str((event.get("source") or {}).get("userId", ""))
    key = conversation_key(runtime.signing_key, "user", user_id)
    try:
        async with runtime.sessions.begin() as session:
            session.add_all(
                OutboxMessage(
                    conversation_key=key,
                    to=None,
                    messages=batch,
                    message_count=len(batch),
                    retry_key=str(uuid.uuid4()),
                    origin=CRISIS_ORIGIN,
                    status=OutboxStatus.SENT,
                    method="reply",
                    created_at=received_at,
                    sent_at=utcnow(),
                )
                for batch in replied
            )
            session.add_all(
                OutboxMessage(
                    conversation_key=key,
                    to=user_id,
                    messages=batch,
                    message_count=len(batch),
                    retry_key=str(uuid.uuid4()),
                    origin=CRISIS_ORIGIN,
                    uncertainty=uncertainty if index == 0 else None,
                )
                for index, batch in enumerate(to_push)
            )
    except SQLAlchemyError as exc:
        log.error("crisis resources could not be queued", extra={"error": type(exc).__name__})
        return
    if to_push:
        runtime.wake_outbox()
