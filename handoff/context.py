"""Per-request plumbing shared by the dashboard and the API: a transaction with the acting account."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime import Runtime
from bot.store.case_tables import CswAccount, CswSession
from bot.store.db import utcnow
from handoff import accounts
from handoff.service import Actor
from handoff.settings import HandoffSettings


class LoginRequired(Exception):
    """No live dashboard session: the dashboard sends the browser to the login page."""


class CsrfRejected(Exception):
    """A state-changing request without the right CSRF token."""


def runtime_of(request: Request) -> Runtime:
    """The app's runtime (database, settings, outbox wake-up)."""
    runtime: Runtime = request.app.state.runtime
    return runtime


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
    runtime = runtime_of(request)
    settings = settings_of(request)
    token = request.cookies.get(settings.cookie_name)
    if not token:
        raise LoginRequired
    async with runtime.sessions() as session:
        async with session.begin():
            live = await accounts.resume_session(
                session, token=token, now=utcnow(), limits=limits_of(settings)
            )
        if live is None:
            raise LoginRequired
        web_session, account = live
        if check_csrf and not accounts.csrf_matches(web_session.csrf_token, csrf):
            raise CsrfRejected
        actor = Actor(account=account, via="web", max_age_s=runtime.settings.reply_token_max_age_s)
        async with session.begin():
            yield Unit(session=session, account=account, actor=actor, web_session=web_session)
