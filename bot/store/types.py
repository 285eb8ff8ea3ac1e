"""The closed vocabularies stored in the tables, as StrEnums (stored values are the plain strings)."""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    """Where a case stands in the CSW queue."""

    WAITING = "waiting"
    CLAIMED = "claimed"
    IN_CONVERSATION = "in_conversation"
    CLOSED = "closed"


OPEN_STATUSES: tuple[CaseStatus, ...] = (CaseStatus.WAITING, CaseStatus.CLAIMED, CaseStatus.IN_CONVERSATION)
"""Statuses of a case that is not closed."""

HELD_STATUSES: tuple[CaseStatus, ...] = (CaseStatus.CLAIMED, CaseStatus.IN_CONVERSATION)
"""Statuses of a case a CSW holds."""


class Urgency(StrEnum):
    """How soon a case needs a person, most urgent first."""

    CRISIS = "crisis"
    URGENT = "urgent"
    NORMAL = "normal"

    @property
    def rank(self) -> int:
        """Sort key: 0 for crisis, 1 for urgent, 2 for normal."""
        return URGENCY_ORDER.index(self)

    @classmethod
    def parse(cls, value: object) -> Urgency:
        """The urgency named by `value`, or NORMAL for anything else (missing, unknown)."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.NORMAL


URGENCY_ORDER: tuple[Urgency, ...] = (Urgency.CRISIS, Urgency.URGENT, Urgency.NORMAL)


class OutboxStatus(StrEnum):
    """Delivery state of one outbox row."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class InboxStatus(StrEnum):
    """Processing state of one stored webhook event."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"
