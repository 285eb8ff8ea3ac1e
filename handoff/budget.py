"""The monthly push-message budget: LINE counts pushed messages against the plan's quota."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.tables import OutboxMessage
from bot.store.types import OutboxStatus
from dialogs.office_hours import to_tokyo


@dataclass(frozen=True)
class PushBudget:
    """Pushed messages this month against the monthly budget."""

    used: int
    budget: int
    warn_ratio: float

    @property
    def ratio(self) -> float:
        """Share of the budget used (1.0 when the budget is zero)."""
        return self.used / self.budget if self.budget else 1.0

    @property
    def percent(self) -> int:
        """Share used, in whole percent."""
        return round(self.ratio * 100)

    @property
    def warning(self) -> bool:
        """At or past the warning threshold."""
        return self.ratio >= self.warn_ratio

    @property
    def exhausted(self) -> bool:
        """No pushes left this month."""
        return self.used >= self.budget


def month_start(now: datetime) -> datetime:
    """The first moment of the current month in Tokyo (LINE's quota month)."""
    return to_tokyo(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def push_budget(session: AsyncSession, *, now: datetime, budget: int, warn_ratio: float) -> PushBudget:
    """Count messages delivered by push since the start of the month."""
    batches = await session.scalars(
        select(OutboxMessage.messages).where(
            OutboxMessage.method == "push",
            OutboxMessage.status == OutboxStatus.SENT,
            OutboxMessage.sent_at >= month_start(now),
        )
    )
    used = sum(len(batch) for batch in batches)
    return PushBudget(used=used, budget=budget, warn_ratio=warn_ratio)
