"""Build and sign webhook bodies exactly as LINE would send them for a simulated user."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any

from bot.simulator.fake_line import FakeLine


def simulated_user_id(name: str) -> str:
    """A LINE-shaped user id ('U' + 32 hex) for a simulated user name."""
    return "U" + hashlib.sha256(name.encode()).hexdigest()[:32]


def sign(channel_secret: str, body: bytes) -> str:
    """The X-Line-Signature for `body`."""
    return base64.b64encode(hmac.new(channel_secret.encode(), body, hashlib.sha256).digest()).decode()


def _base_event(kind: str, user_id: str, reply_token: str | None) -> dict[str, Any]:
    """Fields every one-to-one event carries."""
    event: dict[str, Any] = {
        "type": kind,
        "mode": "active",
        "timestamp": int(time.time() * 1000),
        "source": {"type": "user", "userId": user_id},
        "webhookEventId": uuid.uuid4().hex.upper()[:26],
        "deliveryContext": {"isRedelivery": False},
    }
    if reply_token:
        event["replyToken"] = reply_token
    return event


def text_event(fake: FakeLine, user_id: str, text: str) -> dict[str, Any]:
    """A text message event from `user_id`, with the read token LINE gives each message."""
    event = _base_event("message", user_id, fake.issue_reply_token(user_id))
    event["message"] = {
        "type": "text",
        "id": str(uuid.uuid4().int)[:18],
        "text": text,
        "quoteToken": "q",
        "markAsReadToken": fake.user_sent(user_id, text, readable=True),
    }
    return event


def postback_event(fake: FakeLine, user_id: str, data: str, label: str | None = None) -> dict[str, Any]:
    """A postback event, as sent when the user taps a button with a postback action.

    `label` is the text the user's own chat shows for the tap (the action's displayText), if any.
    """
    event = _base_event("postback", user_id, fake.issue_reply_token(user_id))
    event["postback"] = {"data": data}
    if label:
        fake.user_sent(user_id, label, readable=False)
    return event


def follow_event(fake: FakeLine, user_id: str) -> dict[str, Any]:
    """A follow event (the user added the account)."""
    event = _base_event("follow", user_id, fake.issue_reply_token(user_id))
    event["follow"] = {"isUnblocked": False}
    return event


def unfollow_event(user_id: str) -> dict[str, Any]:
    """An unfollow event (the user blocked the account); it carries no reply token."""
    return _base_event("unfollow", user_id, None)


def sticker_event(fake: FakeLine, user_id: str) -> dict[str, Any]:
    """A sticker message event."""
    event = _base_event("message", user_id, fake.issue_reply_token(user_id))
    event["message"] = {
        "type": "sticker",
        "id": "1",
        "packageId": "446",
        "stickerId": "1988",
        "stickerResourceType": "STATIC",
        "quoteToken": "q",
    }
    return event


def webhook_body(events: list[dict[str, Any]], destination: str = "U" + "0" * 32) -> bytes:
    """Serialize events into a webhook body."""
    return json.dumps({"destination": destination, "events": events}, ensure_ascii=False).encode()
