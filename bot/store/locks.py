"""The per-conversation advisory lock (PostgreSQL): a turn, a CSW action and a purge never interleave.

The lock is transaction-scoped and keyed by `hashtext(conversation key)`; SQLite has one writer and
needs none.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

TRY_LOCK = select(func.pg_try_advisory_xact_lock(func.hashtext(bindparam("key"))))
WAIT_LOCK = select(func.pg_advisory_xact_lock(func.hashtext(bindparam("key"))))


def _on_postgres(session: AsyncSession) -> bool:
    """True when the session talks to PostgreSQL (the only backend with advisory locks)."""
    return session.get_bind().dialect.name == "postgresql"


async def lock_conversation(session: AsyncSession, key: str) -> None:
    """Wait for the conversation's lock, held until the transaction ends (no-op on SQLite)."""
    if _on_postgres(session):
        await session.execute(WAIT_LOCK, {"key": key})


async def try_lock_conversation(session: AsyncSession, key: str) -> bool:
    """Take the conversation's lock if nobody holds it; True on SQLite, where there is none."""
    if not _on_postgres(session):
        return True
    return bool(await session.scalar(TRY_LOCK, {"key": key}))


def unlocked(key: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """A SQL condition that takes the lock of the conversation whose key is `key`, true when it was free."""
    return func.pg_try_advisory_xact_lock(func.hashtext(key))
