"""Turn stored outbox messages into LINE SDK messages."""

from __future__ import annotations

from typing import Any

from linebot.v3.messaging import PostbackAction, QuickReply, QuickReplyItem, TextMessage


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
