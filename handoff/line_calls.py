"""LINE calls a CSW's action asks for (既読, typing dots, the per-person menu) and the push quota.

handoff/ knows cases, not LINE: it names the calls as `LineAction`s, kept in the session until its
transaction commits, and the process (`LineCalls`, provided by bot/line_native.py) makes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

LineActionKind = Literal["person_menu", "default_menu", "mark_read", "typing"]
PENDING_KEY = "tsunagu.line_actions"
"""Key in `session.info` of the LINE calls to make once the session's transaction commits."""


@dataclass(frozen=True)
class LineAction:
    """One LINE call: its kind and its target (a user id, or a read token for "mark_read")."""

    kind: LineActionKind
    target: str


@dataclass(frozen=True)
class PushQuota:
    """This month's push budget as LINE counts it (`limit` None: the plan sets no limit)."""

    used: int
    limit: int | None


class LineCalls(Protocol):
    """What the process offers the CSW side for LINE (None on a process without a channel client)."""

    def perform_later(self, actions: Sequence[LineAction]) -> None:
        """Make the calls in the background, after the transaction that asked for them committed."""

    async def push_quota(self) -> PushQuota | None:
        """LINE's quota and consumption for this month, or None when not available."""


def after_commit(session: AsyncSession, kind: LineActionKind, target: str) -> None:
    """Ask for a LINE call to be made once this session's transaction has committed."""
    session.info.setdefault(PENDING_KEY, []).append(LineAction(kind, target))


def take_committed(session: AsyncSession) -> list[LineAction]:
    """The calls the committed transaction asked for (taken, so each is made once)."""
    actions: list[LineAction] = session.info.pop(PENDING_KEY, [])
    return actions
