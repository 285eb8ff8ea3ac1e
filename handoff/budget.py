"""The monthly push-message budget: LINE counts pushed messages against the plan's quota."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.outbox import pushed_messages_since, quota_month_start
from bot.store.tables import OutboxMessage
from bot.store.types import OutboxStatus
from handoff.line_calls import PushQuota


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


async def push_budget(
    session: AsyncSession,
    *,
    now: datetime,
    budget: int,
    warn_ratio: float,
    line_quota: PushQuota | None = None,
) -> PushBudget:
    """This month's pushes against the budget: LINE's own quota and count when given (a channel is
    configured and answered), else messages delivered by push since the month began against `budget`."""
    if line_quota is not None:
        limit = line_quota.limit if line_quota.limit is not None else budget
        return PushBudget(used=line_quota.used, budget=limit, warn_ratio=warn_ratio)
    used = await pushed_messages_since(session, quota_month_start(now))
    return PushBudget(used=used, budget=budget, warn_ratio=warn_ratio)


async def over_budget_outbox_ids(session: AsyncSession, *, now: datetime, budget: int) -> set[int]:
    """This month's pushes sent after the budget was used up: LINE may not have delivered them."""
    rows = await session.execute(
        select(OutboxMessage.id, OutboxMessage.message_count)
        .where(
            OutboxMessage.method == "push",
            OutboxMessage.status == OutboxStatus.SENT,
            OutboxMessage.sent_at >= quota_month_start(now),
        )
        .order_by(OutboxMessage.sent_at, OutboxMessage.id)
    )
    used = 0
    over: set[int] = set()
    for outbox_id, count in rows:
        used += count
        if used > budget:
            over.add(outbox_id)
    return over
