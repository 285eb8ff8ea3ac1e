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
    "password",
    "acknowledged",
    "stats_viewed",
    "stats_exported",
    "replies_edited",
)
REFUSALS = ("login_failed", "login_locked", "refused")
"""Audited refusals: a wrong login, a locked-out login, and access to a case or action refused."""
PERSON_DELETED = "person_deleted"
"""The person deleted their data: the case is gone; only this fact, its time and the case's team stay."""
PERSON = "相談者"
"""The actor named for what the person did (never a LINE id)."""
DELETED_REASON = "deleted by the person"
"""The refusal reason for a case the person deleted."""


def record_deleted(session: AsyncSession, *, case_code: str, team: str, now: datetime) -> None:
    """Keep that the person deleted this case (no content: the code, the team that held it, the time)."""
    session.add(
        AuditEntry(
            at=now, account_id=None, actor=PERSON, action=PERSON_DELETED, case_code=case_code, detail=team
        )
    )


async def deleted_at(session: AsyncSession, *, case_code: str, teams: set[str] | None) -> datetime | None:
    """When the person deleted the case `case_code`, if they did and it was one of `teams` (None: any)."""
    entry = await session.scalar(
        select(AuditEntry)
        .where(AuditEntry.action == PERSON_DELETED, AuditEntry.case_code == case_code)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    if entry is None or (teams is not None and entry.detail not in teams):
        return None
    return entry.at


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


def storable(text: str) -> str:
    """Text as typed by anyone, made safe for every database: no lone surrogates, no NUL."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def record_refusal(
    session: AsyncSession,
    *,
    actor: str,
    account_id: int | None,
    action: str,
    now: datetime,
    case_code: str | None = None,
    detail: str = "",
    via: str = "web",
) -> None:
    """Audit a refusal; `actor` is the login as typed (the account may not exist). Never a password."""
    if action not in REFUSALS:
        raise ValueError(f"unknown audit refusal {action!r}")
    session.add(
        AuditEntry(
            at=now,
            account_id=account_id,
            actor=storable(actor)[:64],
            action=action,
            case_code=storable(case_code)[:16] if case_code else None,
            detail=storable(detail)[:200],
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
