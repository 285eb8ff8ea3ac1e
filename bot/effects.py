"""Carry out the side effects a dialog turn asked for, inside the turn's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Conversation, InboxEvent, OutboxMessage
from dialogs.effects import AddToCase, DeleteUserData, Effect, HandOff, RaiseUrgency
from handoff import cases


async def apply_effects(
    session: AsyncSession, conversation: Conversation, effects: Sequence[Effect], *, now: datetime
) -> bool:
    """Apply effects in order; return False when the conversation itself was deleted."""
    for effect in effects:
        if isinstance(effect, HandOff):
            await cases.open_case(
                session,
                conversation_id=conversation.id,
                summary=effect.summary,
                summary_text=effect.summary_text,
                consent_scope=effect.consent_scope,
                consent_version=effect.consent_version,
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
            await cases.add_to_case(session, conversation_id=conversation.id, text=effect.text, now=now)
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
