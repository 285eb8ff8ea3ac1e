"""Carry out the side effects a dialog turn asked for, inside the turn's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case
from bot.store.tables import Conversation, InboxEvent, OutboxMessage
from dialogs.effects import (
    AddToCase,
    DeleteUserData,
    Effect,
    HandOff,
    RaiseUrgency,
    RelayToCase,
    WithdrawCase,
)
from handoff import cases, clock, queue, relay


@dataclass(frozen=True)
class TurnContext:
    """What the effects of one turn apply to: the conversation, the case a CSW holds, the event's token."""

    conversation: Conversation
    case_held: Case | None
    reply_token: str | None
    received_at: datetime
    now: datetime


async def apply_effects(session: AsyncSession, context: TurnContext, effects: Sequence[Effect]) -> bool:
    """Apply effects in order; return False when the conversation itself was deleted."""
    conversation, now = context.conversation, context.now
    for effect in effects:
        if isinstance(effect, RelayToCase):
            if context.case_held is not None:
                relay.add_user_message(
                    session,
                    case_row=context.case_held,
                    text=effect.text,
                    crisis=effect.crisis,
                    reply_token=None if effect.bot_answers else context.reply_token,
                    received_at=context.received_at,
                    now=now,
                )
        elif isinstance(effect, HandOff):
            await cases.open_case(
                session,
                conversation_id=conversation.id,
                summary=effect.summary,
                summary_text=effect.summary_text,
                consent_scope=effect.consent_scope,
                consent_version=effect.consent_version,
                conversation_from=clock.stored(effect.conversation_from)
                if effect.conversation_from
                else None,
                now=now,
            )
        elif isinstance(effect, RaiseUrgency):
            await cases.raise_urgency(
                session,
                conversation_id=conversation.id,
                level=effect.level,
                reasons=list(effect.reasons),
                now=now,
            )
        elif isinstance(effect, AddToCase):
            await cases.add_to_case(
                session, conversation_id=conversation.id, text=effect.text, now=now, fields=effect.summary
            )
        elif isinstance(effect, WithdrawCase):
            await queue.withdraw(session, conversation_id=conversation.id, now=now)
        elif isinstance(effect, DeleteUserData):
            await delete_user_data(session, conversation)
            return False
    return True


async def delete_user_data(session: AsyncSession, conversation: Conversation) -> None:
    """Delete the conversation, its cases and unsent messages, and blank its stored events."""
    await cases.delete_cases_of(session, conversation.id)
    await session.execute(delete(OutboxMessage).where(OutboxMessage.conversation_key == conversation.key))
    await session.execute(
        update(InboxEvent).where(InboxEvent.conversation_key == conversation.key).values(payload={})
    )
    await session.delete(conversation)
    await session.flush()
