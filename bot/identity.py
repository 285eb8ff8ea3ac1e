"""Pseudonymous keys for LINE sources: the raw LINE id is never an index or shown to staff."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any


def source_of(event: dict[str, Any]) -> tuple[str, str | None]:
    """Return (source type, LINE id) of an event: a user, group or room id, or ('none', None)."""
    source = event.get("source") or {}
    kind = source.get("type")
    if kind == "user":
        return "user", source.get("userId")
    if kind == "group":
        return "group", source.get("groupId")
    if kind == "room":
        return "room", source.get("roomId")
    return "none", None


def conversation_key(signing_key: bytes, source_type: str, line_id: str | None) -> str:
    """A keyed hash naming the conversation, stable for the same source and key."""
    material = f"{source_type}:{line_id or ''}".encode()
    return hmac.new(signing_key, material, hashlib.sha256).hexdigest()
