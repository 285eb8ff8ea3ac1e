"""Side effects the dialog asks the bot to carry out after a turn (the dialog itself does no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from dialogs.summary import IntakeSummary


class ConsentScope(StrEnum):
    """What the person agreed a CSW may read for one case."""

    SUMMARY = "summary"
    SUMMARY_AND_CONVERSATION = "summary_and_conversation"


@dataclass(frozen=True)
class DeleteUserData:
    """Delete everything stored about this user."""


@dataclass(frozen=True)
class HandOff:
    """Create a handoff case for CSWs from a consented intake summary."""

    summary: IntakeSummary
    summary_text: str
    consent_scope: ConsentScope
    consent_version: str
    conversation_from: datetime | None = None
    """Where the conversation this consent covers begins: after the last hand-off or decline (None: the
    start). It ends at the hand-off itself."""


@dataclass(frozen=True)
class RaiseUrgency:
    """Mark the user's open or future case as urgent or crisis, with reasons a CSW can read."""

    level: str
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class AddToCase:
    """Add the person's message to their open, not yet claimed case (they sent a hand-off before)."""

    text: str
    summary: Mapping[str, Any] | None = None
    """The 受付票 fields the message filled (how and when to reach them, what to be careful about),
    merged into the case's sheet; None when it filled none."""


@dataclass(frozen=True)
class WithdrawCase:
    """Take the person's open case off the queue while no CSW holds it (they changed their mind)."""


@dataclass(frozen=True)
class RelayToCase:
    """Add the person's typed words to the case a CSW holds.

    `crisis` is the turn's reading of the words; `bot_answers` is True when the bot replies to them
    itself (crisis, stop, delete), so the reply token is not kept for the CSW.
    """

    text: str
    crisis: str
    bot_answers: bool


Effect = DeleteUserData | HandOff | RaiseUrgency | RelayToCase | AddToCase | WithdrawCase
