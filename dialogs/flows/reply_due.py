"""When staff will answer: the promise given at the hand-off, which a later message never moves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dialogs.content import current_content
from dialogs.dialog import Dialog


def open_handoff(dialog: Dialog) -> dict[str, Any] | None:
    """The hand-off this conversation made, while no CSW is talking with the person yet."""
    handoff = dialog.data.get("handoff")
    if not isinstance(handoff, dict) or dialog.data.get("with_person"):
        return None
    return handoff


def promised_reply(handoff: dict[str, Any]) -> datetime:
    """When staff promised to answer the open hand-off: the first promise, which a later correction or
    addition never moves (the CSW queue keeps it too)."""
    if handoff.get("due"):
        return datetime.fromisoformat(str(handoff["due"]))
    sent_at = datetime.fromisoformat(str(handoff["at"]))
    return current_content().reply_due(sent_at, str(handoff.get("urgency", "normal")))


def reply_due(dialog: Dialog, urgency: str) -> datetime:
    """When a person writing now will hear from staff: the open hand-off's promise, unless `urgency`
    calls for an earlier answer; with nothing sent, the usual time for a message sent now."""
    due = current_content().reply_due(dialog.now, urgency)
    handoff = open_handoff(dialog)
    return due if handoff is None else min(due, promised_reply(handoff))
