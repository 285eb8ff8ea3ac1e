"""Turn dialog messages into outbox rows and LINE SDK messages, within LINE's limits."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from linebot.v3.messaging import PostbackAction, QuickReply, QuickReplyItem, TextMessage

from dialogs.messages import Text

log = logging.getLogger(__name__)

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


def to_stored(messages: Sequence[Text]) -> list[dict[str, Any]]:
    """Serialize a turn's messages for the outbox; choices travel on the turn's last message."""
    stored: list[dict[str, Any]] = []
    for message in messages:
        stored.extend({"text": part} for part in split_text(message.text) if part)
    choices = [choice for message in messages for choice in message.choices]
    if choices and stored:
        if len(choices) > MAX_QUICK_REPLIES:
            log.warning("quick replies clamped", extra={"offered": len(choices)})
        stored[-1]["choices"] = [
            {"label": _clamp_label(choice.label), "data": choice.data[:MAX_POSTBACK_DATA]}
            for choice in choices[:MAX_QUICK_REPLIES]
        ]
    return stored


def batches(stored: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group stored messages into API calls of at most five messages, in order."""
    return [stored[i : i + MAX_MESSAGES_PER_CALL] for i in range(0, len(stored), MAX_MESSAGES_PER_CALL)]


def to_sdk(stored: list[dict[str, Any]]) -> list[TextMessage]:
    """Build LINE SDK text messages (with quick replies as postback actions) from outbox rows."""
    rendered = []
    for message in stored:
        quick_reply = None
        if message.get("choices"):
            quick_reply = QuickReply(
                items=[
                    QuickReplyItem(
                        action=PostbackAction(label=c["label"], data=c["data"], displayText=c["label"])
                    )
                    for c in message["choices"]
                ]
            )
        rendered.append(TextMessage(text=message["text"], quickReply=quick_reply))
    return rendered
