"""The crisis fast path: emergency resources go out from the webhook, before any database work.

For a first delivery of a one-to-one text that reads as danger to life, the webhook starts a reply
with the resources right away, in the background, and stores the event marked `crisis_sent` and
without its reply token; the worker's turn then records the urgency but does not send the resources
again. If the reply fails (LINE down or slow), the resources are queued as a push in the outbox.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any

import aiohttp
from linebot.v3.messaging import ReplyMessageRequest
from linebot.v3.messaging.exceptions import ApiException
from sqlalchemy.exc import SQLAlchemyError

from bot.render import to_sdk
from bot.runtime import Runtime
from bot.store.db import utcnow
from bot.store.outbox import batches, to_stored
from bot.store.tables import OutboxMessage
from dialogs.crisis import crisis_reply

log = logging.getLogger(__name__)

CRISIS_MARK = "tsunagu_crisis_sent"
FAST_REPLY_TIMEOUT_S = 5.0


def wants_fast_crisis_reply(event: dict[str, Any]) -> bool:
    """A first delivery of a one-to-one text message that carries a reply token."""
    message = event.get("message") or {}
    return (
        event.get("type") == "message"
        and message.get("type") == "text"
        and event.get("mode", "active") == "active"
        and (event.get("source") or {}).get("type") == "user"
        and bool(event.get("replyToken"))
        and not (event.get("deliveryContext") or {}).get("isRedelivery", False)
    )


def start_crisis_replies(runtime: Runtime, raw_events: list[dict[str, Any]]) -> None:
    """Start the resources' reply for every crisis text, and mark those events before they are stored."""
    now = utcnow()
    for event in raw_events:
        if not wants_fast_crisis_reply(event):
            continue
        messages = crisis_reply(str(event["message"].get("text", "")), now)
        if not messages:
            continue
        stored = to_stored(messages)
        reply_token = str(event.pop("replyToken"))
        event[CRISIS_MARK] = True
        task = asyncio.create_task(send_resources(runtime, event, reply_token, stored))
        runtime.background.add(task)
        task.add_done_callback(runtime.background.discard)


async def send_resources(
    runtime: Runtime, event: dict[str, Any], reply_token: str, stored: list[dict[str, Any]]
) -> None:
    """Reply with the resources; whatever cannot be replied goes to the outbox as a push."""
    calls = batches(stored)
    remaining = calls
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
    if remaining:
        await queue_as_push(runtime, event, remaining)


async def queue_as_push(runtime: Runtime, event: dict[str, Any], calls: list[list[dict[str, Any]]]) -> None:
    """Put crisis messages in the outbox as pushes (retried until LINE takes them)."""
    from bot.identity import conversation_key

    user_id = str((event.get("source") or {}).get("userId", ""))
    key = conversation_key(runtime.signing_key, "user", user_id)
    try:
        async with runtime.sessions.begin() as session:
            session.add_all(
                OutboxMessage(
                    conversation_key=key,
                    to=user_id,
                    messages=batch,
                    retry_key=str(uuid.uuid4()),
                    origin="crisis",
                )
                for batch in calls
            )
    except SQLAlchemyError as exc:
        log.error("crisis resources could not be queued", extra={"error": type(exc).__name__})
        return
    runtime.wake_outbox()
