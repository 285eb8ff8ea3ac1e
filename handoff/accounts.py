"""CSW accounts, argon2 passwords, server-side dashboard sessions, login lockout and API tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import ROLES, ApiToken, CswAccount, CswSession, LoginFailure
from dialogs.content import default_content

HASHER = PasswordHasher()
DUMMY_HASH = HASHER.hash("tsunagu-no-such-account")
"""Verified against when the login is unknown, so a wrong name takes as long as a wrong password."""

API_TOKEN_PREFIX = "tsg_"  # noqa: S105 - a prefix, not a secret
MIN_PASSWORD_CHARS = 12


class AccountError(ValueError):
    """An account cannot be created or changed as asked."""


def token_hash(token: str) -> str:
    """The SHA-256 hex digest under which a session or API token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_password() -> str:
    """A random password for a new or reset account (shown once)."""
    return secrets.token_urlsafe(15)


def check_role_and_team(role: str, team: str | None) -> None:
    """A CSW needs a known team; supervisors and admins may have one."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    teams = {t.id for t in default_content().teams}
    if role == "csw" and not team:
        raise AccountError("a csw account needs --team (the team whose cases it handles)")
    if team and team not in teams:
        raise AccountError(f"unknown team {team!r}; teams: {', '.join(sorted(teams))}")


async def add_account(
    session: AsyncSession, *, login: str, display_name: str, role: str, team: str | None, password: str
) -> CswAccount:
    """Create an account; AccountError when the login is taken or the role/team/password is invalid."""
    check_role_and_team(role, team)
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
    if await find_account(session, login=login) is not None:
        raise AccountError(f"login {login!r} exists")
    account = CswAccount(
        login=login,
        display_name=display_name,
        role=role,
        team=team,
        password_hash=HASHER.hash(password),
        disabled=False,
    )
    session.add(account)
    await session.flush()
    return account


async def find_account(session: AsyncSession, *, login: str) -> CswAccount | None:
    """The account with this login, if any."""
    return (await session.scalars(select(CswAccount).where(CswAccount.login == login))).first()


async def list_accounts(session: AsyncSession) -> list[CswAccount]:
    """Every account, by login."""
    return list((await session.scalars(select(CswAccount).order_by(CswAccount.login))).all())


async def set_password(session: AsyncSession, *, account: CswAccount, password: str) -> None:
    """Replace the password, re-enable the account and end its sessions."""
    account.password_hash = HASHER.hash(password)
    account.disabled = False
    await end_sessions(session, account_id=account.id)


async def disable(session: AsyncSession, *, account: CswAccount) -> None:
    """Disable the account, end its sessions and revoke its API tokens."""
    account.disabled = True
    await end_sessions(session, account_id=account.id)
    for token in (await session.scalars(select(ApiToken).where(ApiToken.account_id == account.id))).all():
        token.revoked = True


def verify_password(account: CswAccount | None, password: str) -> bool:
    """Check a password in constant-ish time whether or not the account exists."""
    try:
        return (
            HASHER.verify(account.password_hash if account else DUMMY_HASH, password) and account is not None
        )
    except (VerificationError, InvalidHashError):
        return False


# ---------------------------------------------------------------- login lockout


async def locked_out(
    session: AsyncSession, *, login: str, address: str, now: datetime, max_failures: int, window: timedelta
) -> bool:
    """Whether this login from this address failed `max_failures` times within `window`."""
    failures = await session.scalar(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.login == login, LoginFailure.address == address, LoginFailure.at > now - window)
    )
    return int(failures or 0) >= max_failures


async def record_failure(session: AsyncSession, *, login: str, address: str, now: datetime) -> None:
    """Count one failed login."""
    session.add(LoginFailure(login=login[:64], address=address[:64], at=now))


async def clear_failures(session: AsyncSession, *, login: str, address: str) -> None:
    """Forget failures after a successful login."""
    await session.execute(
        delete(LoginFailure).where(LoginFailure.login == login, LoginFailure.address == address)
    )


# ---------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SessionLimits:
    """How long a dashboard session lives: idle and absolute timeouts."""

    idle: timedelta
    absolute: timedelta


async def start_session(
    session: AsyncSession, *, account: CswAccount, now: datetime, replaces: str | None
) -> tuple[str, CswSession]:
    """A new session with a fresh random token (the old one, if any, is deleted: rotation at login)."""
    if replaces:
        await session.execute(delete(CswSession).where(CswSession.token_hash == token_hash(replaces)))
    token = secrets.token_urlsafe(32)
    row = CswSession(
        token_hash=token_hash(token),
        account_id=account.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        last_seen_at=now,
    )
    session.add(row)
    await session.flush()
    return token, row


async def resume_session(
    session: AsyncSession, *, token: str, now: datetime, limits: SessionLimits
) -> tuple[CswSession, CswAccount] | None:
    """The live session and enabled account for a cookie token; expired sessions are deleted."""
    row = (
        await session.scalars(select(CswSession).where(CswSession.token_hash == token_hash(token)))
    ).first()
    if row is None:
        return None
    account = await session.get(CswAccount, row.account_id)
    expired = now - row.last_seen_at > limits.idle or now - row.created_at > limits.absolute
    if expired or account is None or account.disabled:
        await session.delete(row)
        return None
    row.last_seen_at = now
    return row, account


async def end_session(session: AsyncSession, *, token: str) -> None:
    """Log out: delete the session."""
    await session.execute(delete(CswSession).where(CswSession.token_hash == token_hash(token)))


async def end_sessions(session: AsyncSession, *, account_id: int) -> None:
    """Delete every session of an account."""
    await session.execute(delete(CswSession).where(CswSession.account_id == account_id))


def csrf_matches(expected: str, given: str | None) -> bool:
    """Compare CSRF tokens in constant time."""
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


# ---------------------------------------------------------------- API tokens


async def create_api_token(session: AsyncSession, *, account: CswAccount, name: str) -> str:
    """A new API token acting as `account`; only its hash is stored, the token is returned once."""
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, token_hash=token_hash(token), account_id=account.id, revoked=False))
    await session.flush()
    return token


async def account_for_api_token(session: AsyncSession, *, token: str, now: datetime) -> CswAccount | None:
    """The enabled account behind a live API token."""
    row = (
        await session.scalars(
            select(ApiToken).where(ApiToken.token_hash == token_hash(token), ApiToken.revoked.is_(False))
        )
    ).first()
    if row is None:
        return None
    account = await session.get(CswAccount, row.account_id)
    if account is None or account.disabled:
        return None
    row.last_used_at = now
    return account
