"""Per-request plumbing shared by the dashboard and the API: a transaction with the acting account."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.case_tables import CswAccount, CswSession
from bot.store.db import utcnow
from handoff import accounts
from handoff.actions import Actor
from handoff.settings import HandoffSettings


class LoginRequired(Exception):
    """No live dashboard session: the dashboard sends the browser to the login page."""


class CsrfRejected(Exception):
    """A state-changing request without the right CSRF token."""


class Process(Protocol):
    """What the CSW side needs of the running process (the bot's runtime provides it)."""

    @property
    def sessions(self) -> async_sessionmaker[Any]:
        """Database sessions."""

    @property
    def reply_token_max_age_s(self) -> float:
        """How long after an event its reply token may still be tried."""

    def wake_outbox(self) -> None:
        """Tell the sender new outbox rows are committed."""


def process_of(request: Request) -> Process:
    """The running process's database sessions and outbox wake-up, as the app state holds them."""
    process: Process = request.app.state.runtime
    return process


def settings_of(request: Request) -> HandoffSettings:
    """The CSW-side settings read at app start."""
    settings: HandoffSettings = request.app.state.handoff_settings
    return settings


def limits_of(settings: HandoffSettings) -> accounts.SessionLimits:
    """Session timeouts from settings."""
    return accounts.SessionLimits(
        idle=timedelta(minutes=settings.idle_timeout_minutes),
        absolute=timedelta(hours=settings.absolute_timeout_hours),
    )


@dataclass
class Unit:
    """One request's transaction and who is acting."""

    session: AsyncSession
    account: CswAccount
    actor: Actor
    web_session: CswSession | None


@contextlib.asynccontextmanager
async def dashboard_unit(
    request: Request, *, csrf: str | None = None, check_csrf: bool = False
) -> AsyncIterator[Unit]:
    """A transaction for a logged-in dashboard request; POSTs pass `check_csrf` and the form's token."""
    process = process_of(request)
    settings = settings_of(request)
    token = request.cookies.get(settings.cookie_name)
    if not token:
        raise LoginRequired
    async with process.sessions() as session:
        async with session.begin():
            live = await accounts.resume_session(
                session, token=token, now=utcnow(), limits=limits_of(settings)
            )
        if live is None:
            raise LoginRequired
        web_session, account = live
        if check_csrf and not accounts.csrf_matches(web_session.csrf_token, csrf):
            raise CsrfRejected
        actor = Actor(account=account, via="web", max_age_s=process.reply_token_max_age_s)
        async with session.begin():
            yield Unit(session=session, account=account, actor=actor, web_session=web_session)
