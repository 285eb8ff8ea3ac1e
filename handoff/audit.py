"""The audit log: who viewed, claimed, replied to, released, transferred, closed or exported a case,
who acknowledged an alert, and who read or exported the statistics or edited the saved replies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import AuditEntry, CswAccount

ACTIONS = (
    "login",
    "logout",
    "viewed",
    "claimed",
    "replied",
    "noted",
    "released",
    "transferred",
    "closed",
    "reopened",
    "exported",
    "acknowledged",
    "stats_viewed",
    "stats_exported",
    "replies_edited",
)


def record(
    session: AsyncSession,
    *,
    account: CswAccount,
    action: str,
    now: datetime,
    case_code: str | None = None,
    detail: str = "",
    via: str = "web",
) -> None:
    """Add one audit entry (ids and short codes only, never message text)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditEntry(
            at=now,
            account_id=account.id,
            actor=account.login,
            action=action,
            case_code=case_code,
            detail=detail[:200],
            via=via,
        )
    )


async def recent(
    session: AsyncSession, *, case_code: str | None = None, actor: str | None = None, limit: int = 500
) -> list[AuditEntry]:
    """The newest audit entries, optionally for one case or one actor."""
    query = select(AuditEntry)
    if case_code:
        query = query.where(AuditEntry.case_code == case_code)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    return list((await session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit))).all())
