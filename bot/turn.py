"""One turn of a conversation inside the worker's transaction: event -> dialog -> state + outbox."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.crisis_fast_path import CRISIS_MARK, STALE_MARK, remember_crisis_shown
from bot.effects import TurnContext, apply_effects
from bot.identity import source_of
from bot.runtime import Runtime
from bot.store.outbox import CRISIS_ORIGIN, enqueue, token_issued_at
from bot.store.tables import Conversation, InboxEvent
from dialogs import catalog
from dialogs.effects import Effect, RaiseUrgency
from dialogs.engine import UserInput, handle
from dialogs.flows import INITIAL_STATE
from dialogs.messages import Text
from handoff.relay import held_case

log = logging.getLogger(__name__)

GROUP_NOTE_INTERVAL = timedelta(hours=24)


def user_input_for(event: dict[str, Any]) -> UserInput | None:
    """Translate a LINE event into dialog input, or None when the dialog has nothing to do."""
    kind = event.get("type")
    if kind == "follow":
        return UserInput("follow")
    if kind == "postback":
        return UserInput("choice", data=str((event.get("postback") or {}).get("data", "")))
    if kind == "message":
        message = event.get("message") or {}
        if message.get("type") == "text":
            return UserInput("text", text=str(message.get("text", "")))
        return UserInput("unsupported")
    return None


CONVERSATION_BY_KEY = select(Conversation).where(Conversation.key == bindparam("key"))


async def load_conversation(session: AsyncSession, key: str) -> Conversation | None:
    """The stored conversation for `key`, if any."""
    return (await session.scalars(CONVERSATION_BY_KEY, {"key": key})).first()


async def process_event(session: AsyncSession, runtime: Runtime, row: InboxEvent, now: datetime) -> None:
    """Handle one stored event: update the conversation and queue what to send, in one transaction."""
    event = row.payload
    if event.get("mode") == "standby" or event.get(STALE_MARK):
        return
    source_type, line_id = source_of(event)
    if source_type in ("group", "room"):
        await note_one_to_one_only(session, runtime, row, now)
        return
    if source_type != "user" or not line_id:
        log.info("event without a user source ignored", extra={"event_type": row.event_type})
        return
    conversation = await load_conversation(session, row.conversation_key)
    if row.event_type == "unfollow":
        if conversation is not None:
            conversation.following = False
        return
    user_input = user_input_for(event)
    if user_input is None:
        log.info("event type not handled", extra={"event_type": row.event_type})
        return
    case_held = None
    if conversation is None:
        conversation = Conversation(
            key=row.conversation_key, line_user_id=line_id, state=INITIAL_STATE, data={}
        )
        session.add(conversation)
        await session.flush()
    else:
        case_held = await held_case(session, conversation.id)
    conversation.following = True
    conversation.line_user_id = line_id
    turn = handle(
        conversation.state,
        conversation.data,
        user_input,
        now=runtime.settings.conversation_now(now),  # the simulator's set clock, when there is one
        crisis_already_sent=bool(event.get(CRISIS_MARK)),
        with_person=case_held is not None,
    )
    context = TurnContext(
        conversation=conversation,
        case_held=case_held,
        reply_token=event.get("replyToken"),
        received_at=token_issued_at(event, row.received_at),  # stamps the token kept for a CSW's answer
        now=now,
    )
    kept = await apply_effects(session, context, turn.effects)
    if kept:
        conversation.state = turn.state
        conversation.data = turn.data
        conversation.last_user_event_at = now
        remember_crisis_shown(runtime, row.conversation_key, turn.data)
    enqueue(
        session,
        key=row.conversation_key,
        conversation_id=conversation.id if kept else None,
        to=line_id,
        messages=turn.messages,
        reply_token=event.get("replyToken"),
        issued_at=token_issued_at(event, row.received_at),
        max_age_s=runtime.settings.reply_token_max_age_s,
        origin=CRISIS_ORIGIN if answers_crisis(turn.effects) else "bot",
    )


def answers_crisis(effects: Sequence[Effect]) -> bool:
    """Whether the turn answered danger to life (its reply then shows as such to a CSW)."""
    return any(isinstance(e, RaiseUrgency) and e.level == "crisis" for e in effects)


async def note_one_to_one_only(
    session: AsyncSession, runtime: Runtime, row: InboxEvent, now: datetime
) -> None:
    """In a group or room, say once a day (by reply only) that tsunagu works one-to-one."""
    if row.event_type not in ("join", "message") or not row.payload.get("replyToken"):
        return
    marker = await load_conversation(session, row.conversation_key)
    if marker is None:
        marker = Conversation(key=row.conversation_key, line_user_id="", state="group", data={})
        session.add(marker)
    noted_at = marker.data.get("noted_at")
    if noted_at and now - datetime.fromisoformat(noted_at) < GROUP_NOTE_INTERVAL:
        return
    marker.data = {"noted_at": now.isoformat()}
    enqueue(
        session,
        key=row.conversation_key,
        conversation_id=None,
        to=None,
        messages=[Text(catalog.text("group_note"))],
        reply_token=row.payload["replyToken"],
        issued_at=token_issued_at(row.payload, row.received_at),
        max_age_s=runtime.settings.reply_token_max_age_s,
    )
