"""Side effects the dialog asks the bot to carry out after a turn (the dialog itself does no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DeleteUserData:
    """Delete everything stored about this user."""


@dataclass(frozen=True)
class HandOff:
    """Create a handoff case for CSWs from a consented intake summary."""

    summary: dict[str, Any]
    summary_text: str
    consent_scope: str
    consent_version: str


@dataclass(frozen=True)
class RaiseUrgency:
    """Mark the user's open or future case as urgent or crisis, with reasons a CSW can read."""

    level: str
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class AddToCase:
    """Add the person's message to their open, not yet claimed case (they sent a hand-off before)."""

    text: str


Effect = DeleteUserData | HandOff | RaiseUrgency | AddToCase
