"""Per-request plumbing shared by the dashboard and the API: a transaction with the acting account."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.case_tables import CswAccount, CswSession
from bot.store.db import utcnow
from handoff import accounts, audit
from handoff.actions import Actor
from handoff.line_calls import LineCalls, take_committed
from handoff.settings import HandoffSettings

log = logging.getLogger(__name__)


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

    @property
    def line(self) -> LineCalls | None:
        """LINE calls (既読, typing dots, menus, quota), where this process has a LINE client."""


def process_of(request: Request) -> Process:
    """The running process's database sessions and outbox wake-up, as the app state holds them."""
    process: Process = request.app.state.runtime
    return process


class Refused(Exception):
    """Access refused (a case not visible to the account, a page above its role): answered as not
    found, and logged and audited once the request's transaction has rolled back."""

    def __init__(self, code: str | None = None, reason: str = "not visible") -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Who:
    """An account's login and id, read while its row is loaded (a rolled-back row cannot be read)."""

    login: str
    account_id: int

    @classmethod
    def of(cls, account: CswAccount) -> Who:
        """The login and id of a loaded account."""
        return cls(login=account.login, account_id=account.id)


async def audit_refusal(request: Request, who: Who, refused: Refused, *, via: str) -> None:
    """Log and audit a refusal in its own transaction (never inside the refused request's own one)."""
    log.warning("access refused", extra={"login": who.login, "reason": refused.reason, "via": via})
    async with process_of(request).sessions() as session, session.begin():
        audit.record_refusal(
            session,
            actor=who.login,
            account_id=who.account_id,
            action="refused",
            now=utcnow(),
            case_code=refused.code,
            detail=f"{request.method} {request.url.path}: {refused.reason}",
            via=via,
        )


class PasswordChangeRequired(Exception):
    """The account logs in with a generated password: only the password page is open until it changes."""


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
    expires_at: datetime | None = None
    """When the dashboard session times out unless the person acts (None for the API)."""


@contextlib.asynccontextmanager
async def dashboard_unit(
    request: Request,
    *,
    csrf: str | None = None,
    check_csrf: bool = False,
    active: bool = True,
    password_change: bool = False,
) -> AsyncIterator[Unit]:
    """A transaction for a logged-in dashboard request; POSTs pass `check_csrf` and the form's token.

    Polled fragments pass `active=False`: they do not count as the person's activity. Only the
    password page passes `password_change`, the one page open while a forced change is due.
    """
    process = process_of(request)
    settings = settings_of(request)
    token = request.cookies.get(settings.cookie_name)
    if not token:
        raise LoginRequired
    async with process.sessions() as session:
        async with session.begin():
            live = await accounts.resume_session(
                session, token=token, now=utcnow(), limits=limits_of(settings), active=active
            )
        if live is None:
            raise LoginRequired
        web_session, account = live
        if check_csrf and not accounts.csrf_matches(web_session.csrf_token, csrf):
            raise CsrfRejected
        if account.must_change_password and not password_change:
            raise PasswordChangeRequired
        actor = Actor(account=account, via="web", max_age_s=process.reply_token_max_age_s)
        expires_at = accounts.session_expires_at(web_session, limits_of(settings))
        who = Who.of(account)
        try:
            async with session.begin():
                yield Unit(
                    session=session,
                    account=account,
                    actor=actor,
                    web_session=web_session,
                    expires_at=expires_at,
                )
        except Refused as refused:
            await audit_refusal(request, who, refused, via="web")
            raise
        perform_line_actions(process, session)


def perform_line_actions(process: Process, session: AsyncSession) -> None:
    """Make the LINE calls (既読, typing dots, menus) the committed transaction asked for."""
    actions = take_committed(session)
    if process.line is not None and actions:
        process.line.perform_later(actions)
