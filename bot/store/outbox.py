"""The outbox as stored: a turn's messages split into LINE-sized API calls, written in its transaction.

The first call of a turn may use the event's reply token; the rest are pushes with a retry key. The
stored form (text parts within LINE's limits, quick-reply choices on the last message) is what the
sender in `bot/outbox.py` renders into SDK requests.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bot.store.tables import OutboxMessage
from bot.store.types import OutboxStatus
from dialogs.messages import Text

log = logging.getLogger(__name__)

QUOTA_ZONE = ZoneInfo("Asia/Tokyo")

MAX_TEXT_UTF16 = 5000
MAX_MESSAGES_PER_CALL = 5
MAX_QUICK_REPLIES = 13
MAX_LABEL_CHARS = 20
MAX_POSTBACK_DATA = 300


def utf16_length(text: str) -> int:
    """Length of `text` as LINE counts it, in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT_UTF16) -> list[str]:
    """Split `text` into parts of at most `limit` UTF-16 units, preferring line breaks."""
    parts: list[str] = []
    rest = text
    while utf16_length(rest) > limit:
        cut = _cut_point(rest, limit)
        parts.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n")
    parts.append(rest)
    return parts


def _cut_point(text: str, limit: int) -> int:
    """The largest index <= limit units, at the last line break when there is one."""
    units = 0
    end = 0
    for end, char in enumerate(text):  # noqa: B007 - end is used after the loop
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            break
    newline = text.rfind("\n", 0, end)
    return newline + 1 if newline > 0 else max(end, 1)


def _clamp_label(label: str) -> str:
    """Shorten a quick-reply label to LINE's 20 characters."""
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def to_stored(messages: Sequence[Text], sender: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Serialize a turn's messages for the outbox; choices travel on the turn's last message.

    `sender` ({"name": ..., "iconUrl": ...}) makes LINE show that name and icon instead of the bot's.
    """
    stored: list[dict[str, Any]] = []
    for message in messages:
        stored.extend({"text": part} for part in split_text(message.text) if part)
    if sender:
        for item in stored:
            item["sender"] = sender
    choices = [choice for message in messages for choice in message.choices]
    if choices and stored:
        if len(choices) > MAX_QUICK_REPLIES:
            log.warning("quick replies clamped", extra={"offered": len(choices)})
        stored[-1]["choices"] = [
            {"label": _clamp_label(choice.label), "data": choice.data[:MAX_POSTBACK_DATA]}
            for choice in choices[:MAX_QUICK_REPLIES]
        ]
    return stored


CRISIS_ORIGIN = "crisis"
"""Origin of the bot's replies to danger to life (the fast path's, and a worker turn's that raised it)."""


def batches(stored: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group stored messages into API calls of at most five messages, in order."""
    return [stored[i : i + MAX_MESSAGES_PER_CALL] for i in range(0, len(stored), MAX_MESSAGES_PER_CALL)]


def token_issued_at(event: dict[str, Any], received_at: datetime) -> datetime:
    """When LINE issued the event's reply token: the event's `timestamp`, but never later than receipt.

    A redelivered event carries its original timestamp, so its token is as old as that says. A LINE
    clock ahead of ours cannot make a token look younger than our receipt of it.
    """
    stamp = event.get("timestamp")
    if isinstance(stamp, bool) or not isinstance(stamp, int | float):
        return received_at
    try:
        issued = datetime.fromtimestamp(stamp / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        return received_at
    return min(issued, received_at)


def enqueue(
    session: AsyncSession,
    *,
    key: str,
    conversation_id: int | None,
    to: str | None,
    messages: Sequence[Text],
    reply_token: str | None,
    issued_at: datetime,
    max_age_s: float,
    origin: str = "bot",
    sender: dict[str, str] | None = None,
) -> list[OutboxMessage]:
    """Write messages to the outbox: the first call may use the reply token, the rest are pushes.

    The token is good until `max_age_s` after LINE issued it (`issued_at`, see `token_issued_at`).
    Returns the rows added (the CSW dashboard links a reply to its row to show delivery). `sender`
    names who LINE shows as writing (a CSW's replies), instead of the account.
    """
    rows = []
    for index, batch in enumerate(batches(to_stored(messages, sender))):
        token = reply_token if index == 0 else None
        rows.append(
            OutboxMessage(
                conversation_key=key,
                conversation_id=conversation_id,
                to=to,
                messages=batch,
                message_count=len(batch),
                reply_token=token,
                reply_expires_at=issued_at + timedelta(seconds=max_age_s) if token else None,
                retry_key=str(uuid.uuid4()),
                origin=origin,
            )
        )
    session.add_all(rows)
    return rows


def quota_month_start(now: datetime) -> datetime:
    """Midnight of the 1st of `now`'s month in Asia/Tokyo, in UTC (LINE's quota month)."""
    local = now.astimezone(QUOTA_ZONE)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


PUSHED_MESSAGES = select(func.coalesce(func.sum(OutboxMessage.message_count), 0)).where(
    OutboxMessage.method == "push", OutboxMessage.status == OutboxStatus.SENT
)


async def pushed_messages_since(db: AsyncSession | AsyncConnection, since: datetime) -> int:
    """Message objects delivered by push since `since`: what LINE counts against the monthly quota."""
    return int(await db.scalar(PUSHED_MESSAGES.where(OutboxMessage.sent_at >= since)) or 0)
