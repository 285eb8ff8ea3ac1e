"""Account administration behind `tsunagu csw …` and the demo account of `tsunagu demo`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.db import create_engine, session_factory
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


def reset(database_url: str, *, login: str, password: str | None) -> str:
    """Set a new password (generated when not given), re-enable, end sessions; returns the password."""
    chosen = password or accounts.new_password()

    async def work(session: AsyncSession) -> None:
        await accounts.set_password(session, account=await _account(session, login), password=chosen)

    run(database_url, work)
    return chosen


def token(database_url: str, *, login: str, name: str) -> str:
    """Create an API token acting as the account; returns it (shown once)."""

    async def work(session: AsyncSession) -> str:
        return await accounts.create_api_token(session, account=await _account(session, login), name=name)

    return run(database_url, work)


def demo_account(database_url: str) -> tuple[str, str]:
    """Create the demo supervisor, or give it a fresh password; returns (login, password)."""
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
            )
        else:
            await accounts.set_password(session, account=account, password=password)

    run(database_url, work)
    return DEMO_LOGIN, password
