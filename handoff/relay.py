"""The relay between a person on LINE and the CSW holding their case.

Once a CSW has claimed a case (`connected_at` set) and until it is closed, the dialog passes the
person's typed words here (`add_user_message`) and stays quiet; whether a message is for the CSW
is the dialog's decision (`dialogs.engine`). CSW replies and lifecycle notices go out through the
outbox (`bot.store.outbox.enqueue`), by the person's last reply token while it is fresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case, CaseMessage
from bot.store.outbox import enqueue
from bot.store.tables import Conversation, InboxEvent, OutboxMessage
from bot.store.types import OPEN_STATUSES
from dialogs.content import current_content
from dialogs.engine import data_after_handoff, state_after_handoff
from dialogs.messages import Text
from handoff import catalog

NOTICE_ORIGIN = "handoff"
REPLY_ORIGIN = "csw"


HELD_CASE = (
    select(Case)
    .where(
        Case.conversation_id == bindparam("conversation_id"),
        Case.status.in_(OPEN_STATUSES),
        Case.connected_at.is_not(None),
    )
    .order_by(Case.id.desc())
)


async def held_case(session: AsyncSession, conversation_id: int) -> Case | None:
    """The conversation's open case that a CSW has taken up, if any."""
    return (await session.scalars(HELD_CASE, {"conversation_id": conversation_id})).first()


def add_user_message(
    session: AsyncSession,
    *,
    case_row: Case,
    text: str,
    crisis: str,
    reply_token: str | None,
    received_at: datetime,
    now: datetime,
) -> None:
    """Add the person's words to the case thread; keep the reply token for the CSW's answer when given."""
    session.add(CaseMessage(case_id=case_row.id, kind="user", body=text, crisis=crisis))
    case_row.last_user_message_at = now
    if reply_token is not None:
        case_row.reply_token = reply_token
        case_row.reply_token_at = received_at


def send(
    session: AsyncSession,
    *,
    case_row: Case,
    conversation: Conversation,
    text: str,
    origin: str,
    now: datetime,
    max_age_s: float,
) -> list[OutboxMessage]:
    """Queue `text` to the person: by the reply token of their last relayed message while it is fresh
    (and unused), otherwise by push with a retry key. Returns the outbox rows written."""
    rows = enqueue(
        session,
        key=conversation.key,
        conversation_id=conversation.id,
        to=conversation.line_user_id,
        messages=[Text(text)],
        reply_token=case_row.reply_token,
        issued_at=case_row.reply_token_at or now,
        max_age_s=max_age_s,
        origin=origin,
        sender=csw_sender() if origin == REPLY_ORIGIN else None,
    )
    case_row.reply_token = None
    case_row.reply_token_at = None
    return rows


READ_TOKEN_SCAN = 20
"""How many of the person's latest message events are searched for the newest read token."""


async def latest_read_token(session: AsyncSession, conversation: Conversation) -> str | None:
    """The read token of the person's newest message (marking it read marks all before it too)."""
    payloads = await session.scalars(
        select(InboxEvent.payload)
        .where(InboxEvent.conversation_key == conversation.key, InboxEvent.event_type == "message")
        .order_by(InboxEvent.id.desc())
        .limit(READ_TOKEN_SCAN)
    )
    for payload in payloads:
        token = ((payload or {}).get("message") or {}).get("markAsReadToken")
        if isinstance(token, str) and token:
            return token
    return None


def csw_sender() -> dict[str, str] | None:
    """The name (and icon) LINE shows on a CSW's replies, from the content; None when it sets none."""
    features = current_content().line
    if features is None:
        return None
    sender = {"name": features.csw_sender.name}
    if features.csw_sender.icon_url:
        sender["iconUrl"] = features.csw_sender.icon_url
    return sender


CLAIM_LANGUAGES = ("en", "easy")
"""Languages the person may need besides Japanese (`dialogs.flows.languages`), most telling first."""


def claimed_notice(case_row: Case, data: Mapping[str, Any]) -> str:
    """What the person is told when a CSW takes their case: a person is reading now, whatever the hour
    (the CSW's own words follow), in English or やさしい日本語 when the person wrote in it."""
    team = current_content().team(case_row.team).name
    needs = data.get("intake", {}).get("language") or []
    language = next((code for code in CLAIM_LANGUAGES if code in needs), None)
    return catalog.text(f"relay.claimed.{language}" if language else "relay.claimed", team=team)


def reclaimed_notice(data: Mapping[str, Any]) -> str:
    """What the person is told when a CSW takes up their case again after it was released or moved: a
    相談員 continues, having read the conversation (no staff name: the person has met none), in English or
    やさしい日本語 when the person wrote in it."""
    needs = data.get("intake", {}).get("language") or []
    language = next((code for code in CLAIM_LANGUAGES if code in needs), None)
    return catalog.text(f"relay.reclaimed.{language}" if language else "relay.reclaimed")


def closed_notice() -> str:
    """What the person is told when their case is closed and the bot takes over again."""
    return catalog.text("relay.closed")


def reopened_notice(case_row: Case) -> str:
    """What the person is told when a CSW opens their closed case again: only the summary is passed on."""
    team = current_content().team(case_row.team).name
    return catalog.text("relay.reopened", team=team)


def resume_bot(conversation: Conversation) -> None:
    """Hand the conversation back to the dialog, in the state the dialog names for after a hand-off."""
    conversation.state = state_after_handoff()
    conversation.data = data_after_handoff(conversation.data)
