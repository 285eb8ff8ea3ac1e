"""The relay between a person on LINE and the CSW holding their case.

Once a CSW has claimed a case (`connected_at` set) and until it is closed, the person's typed
messages go to the case thread and the bot stays quiet. Three things still reach the dialog:
crisis or urgent wording (stored in the thread, the case flagged, and the dialog answers with
emergency resources at once), the words to stop or delete data, and the delete confirmation.
CSW replies and lifecycle notices go out through the bot's outbox (`bot.conversation.enqueue`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import conversation as turns
from bot.store.case_tables import Case, CaseMessage
from bot.store.tables import Conversation, OutboxMessage
from dialogs.content import default_content
from dialogs.dialog import UserInput
from dialogs.engine import COMMAND_MAX_CHARS
from dialogs.flows.common import MenuStates
from dialogs.messages import Text
from dialogs.office_hours import format_jp, is_open, next_opening
from dialogs.understanding.classifier import classify
from handoff import catalog
from handoff.cases import OPEN_STATUSES

DIALOG_COMMANDS = frozenset({"cmd.delete", "cmd.stop"})
"""Typed commands that still reach the dialog while a CSW holds the case."""

DIALOG_TRIGGERS = frozenset({"delete", "stop"})
"""Tapped choices that still reach the dialog while a CSW holds the case."""

NOTICE_ORIGIN = "handoff"
REPLY_ORIGIN = "csw"


RELAYED_CASE = (
    select(Case)
    .where(
        Case.conversation_id == bindparam("conversation_id"),
        Case.status.in_(OPEN_STATUSES),
        Case.connected_at.is_not(None),
    )
    .order_by(Case.id.desc())
)


async def relayed_case(session: AsyncSession, conversation_id: int) -> Case | None:
    """The conversation's open case that a CSW has taken up, if any."""
    return (await session.scalars(RELAYED_CASE, {"conversation_id": conversation_id})).first()


async def intercept(
    session: AsyncSession,
    *,
    conversation: Conversation,
    user_input: UserInput,
    reply_token: str | None,
    received_at: datetime,
    now: datetime,
) -> tuple[Text, ...] | None:
    """Take the user's input for the case thread: the messages to send (often none), or None to let
    the dialog answer it (no case held, crisis wording, stop/delete, media, follow)."""
    if conversation.state == MenuStates.CONFIRM_DELETE.value:
        return None
    case_row = await relayed_case(session, conversation.id)
    if case_row is None:
        return None
    if user_input.kind == "choice":
        if user_input.data.split(":", 1)[0] in DIALOG_TRIGGERS:
            return None
        return (Text(catalog.text("relay.still_connected")),)
    if user_input.kind != "text":
        return None
    understanding = classify(user_input.text)
    session.add(
        CaseMessage(case_id=case_row.id, kind="user", body=user_input.text, crisis=understanding.crisis)
    )
    case_row.last_user_message_at = now
    if understanding.crisis != "none":
        case_row.alert = True
        return None
    short = len(user_input.text.strip()) <= COMMAND_MAX_CHARS
    if short and DIALOG_COMMANDS.intersection(understanding.intents):
        return None
    case_row.reply_token = reply_token
    case_row.reply_token_at = received_at if reply_token else None
    return ()


async def lock_conversation(session: AsyncSession, conversation: Conversation) -> None:
    """On PostgreSQL, take the worker's per-conversation lock so a turn and a CSW action never interleave."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(select(func.pg_advisory_xact_lock(func.hashtext(conversation.key))))


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
    rows = turns.enqueue(
        session,
        key=conversation.key,
        conversation_id=conversation.id,
        to=conversation.line_user_id,
        messages=[Text(text)],
        reply_token=case_row.reply_token,
        received_at=case_row.reply_token_at or now,
        max_age_s=max_age_s,
        origin=origin,
    )
    case_row.reply_token = None
    case_row.reply_token_at = None
    return rows


def claimed_notice(case_row: Case, now: datetime) -> str:
    """What the person is told when a CSW takes their case: a person now reads, and from when."""
    content = default_content()
    team = content.team(case_row.team).name
    hours = content.office_hours
    if is_open(now, hours):
        return catalog.text("relay.claimed", team=team)
    return catalog.text("relay.claimed_after_hours", team=team, opens=format_jp(next_opening(now, hours)))


def closed_notice() -> str:
    """What the person is told when their case is closed and the bot takes over again."""
    return catalog.text("relay.closed")


def resume_bot(conversation: Conversation) -> None:
    """Return the conversation to the menu so the bot answers the next message."""
    conversation.state = MenuStates.MAIN.value
