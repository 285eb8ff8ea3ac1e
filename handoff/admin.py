"""Account administration behind `tsunagu csw …` and the demo account of `tsunagu demo`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.db import create_engine, session_factory, utcnow
from handoff import accounts
from handoff.accounts import AccountError

T = TypeVar("T")

DEMO_LOGIN = "demo"
DEMO_NAME = "デモ相談員"


def run(database_url: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` in one transaction against `database_url`."""

    async def main() -> T:
        engine = create_engine(database_url)
        try:
            async with session_factory(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(main())


def add(
    database_url: str, *, login: str, name: str, role: str, team: str | None, password: str | None
) -> str:
    """Create an account; returns its password (generated when not given)."""
    chosen = password or accounts.new_password()

    async def work(session: AsyncSession) -> None:
        await accounts.add_account(
            session, login=login, display_name=name, role=role, team=team, password=chosen
        )

    run(database_url, work)
    return chosen


def listing(database_url: str) -> list[dict[str, Any]]:
    """Every account as a dict (no password hashes)."""

    async def work(session: AsyncSession) -> list[dict[str, Any]]:
        return [
            {
                "login": a.login,
                "name": a.display_name,
                "role": a.role,
                "team": a.team,
                "disabled": a.disabled,
            }
            for a in await accounts.list_accounts(session)
        ]

    return run(database_url, work)


async def _account(session: AsyncSession, login: str) -> accounts.CswAccount:
    """The account or AccountError."""
    account = await accounts.find_account(session, login=login)
    if account is None:
        raise AccountError(f"no account {login!r}")
    return account


def disable(database_url: str, *, login: str) -> None:
    """Disable an account (sessions end, API tokens are revoked)."""

    async def work(session: AsyncSession) -> None:
        await accounts.disable(session, account=await _account(session, login))

    run(database_url, work)


def enable(database_url: str, *, login: str) -> None:
    """Re-enable a disabled account; its password stays, and revoked API tokens stay revoked."""

    async def work(session: AsyncSession) -> None:
        (await _account(session, login)).disabled = False

    run(database_url, work)


def reset(database_url: str, *, login: str, password: str | None) -> str:
    """Set a new password (generated when not given) to be changed at next login; sessions end and API
    tokens are revoked; a disabled account stays disabled. Returns the password."""
    chosen = password or accounts.new_password()

    async def work(session: AsyncSession) -> None:
        await accounts.set_password(session, account=await _account(session, login), password=chosen)

    run(database_url, work)
    return chosen


def token(database_url: str, *, login: str, name: str, scope: str, days: int) -> str:
    """Create an API token acting as the account, expiring after `days`; returns it (shown once)."""
    if days <= 0:
        raise AccountError("--days must be positive")

    async def work(session: AsyncSession) -> str:
        return await accounts.create_api_token(
            session,
            account=await _account(session, login),
            name=name,
            scope=scope,
            expires_at=utcnow() + timedelta(days=days),
        )

    return run(database_url, work)


def tokens(database_url: str, *, login: str) -> list[dict[str, Any]]:
    """The account's API tokens (id, name, scope, dates, revoked), never the tokens themselves."""

    async def work(session: AsyncSession) -> list[dict[str, Any]]:
        return [
            {
                "id": row.id,
                "name": row.name,
                "scope": row.scope,
                "created_at": row.created_at.isoformat(),
                "expires_at": row.expires_at.isoformat() if row.expires_at else None,
                "last_used_at": row.last_used_at.isoformat() if row.last_used_at else None,
                "revoked": row.revoked,
            }
            for row in await accounts.list_api_tokens(session, account=await _account(session, login))
        ]

    return run(database_url, work)


def revoke(database_url: str, *, login: str, token_id: int) -> None:
    """Revoke one API token of the account."""

    async def work(session: AsyncSession) -> None:
        await accounts.revoke_api_token(session, account=await _account(session, login), token_id=token_id)

    run(database_url, work)


def demo_account(database_url: str) -> tuple[str, str]:
    """Create the demo supervisor, or give it a fresh password (no forced change: a loopback demo)."""
    password = accounts.new_password()

    async def work(session: AsyncSession) -> None:
        account = await accounts.find_account(session, login=DEMO_LOGIN)
        if account is None:
            await accounts.add_account(
                session,
                login=DEMO_LOGIN,
                display_name=DEMO_NAME,
                role="supervisor",
                team=None,
                password=password,
                must_change=False,
            )
        else:
            await accounts.set_password(session, account=account, password=password, must_change=False)
            account.disabled = False

    run(database_url, work)
    return DEMO_LOGIN, password
