"""CSW accounts, argon2 passwords, server-side dashboard sessions, login lockout and API tokens."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import ROLES, ApiToken, CswAccount, CswSession, LoginFailure
from dialogs.content import current_content

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
    teams = {t.id for t in current_content().teams}
    if role == "csw" and not team:
        raise AccountError("a csw account needs --team (the team whose cases it handles)")
    if team and team not in teams:
        raise AccountError(f"unknown team {team!r}; teams: {', '.join(sorted(teams))}")


async def add_account(
    session: AsyncSession,
    *,
    login: str,
    display_name: str,
    role: str,
    team: str | None,
    password: str,
    must_change: bool = True,
) -> CswAccount:
    """Create an account; AccountError when the login is taken or the role/team/password is invalid.

    A password someone else chose (`must_change`, the default) has to be replaced at first login.
    """
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
        must_change_password=must_change,
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


async def set_password(
    session: AsyncSession, *, account: CswAccount, password: str, must_change: bool = True
) -> None:
    """An administrator's reset: a new password to be changed at next login; sessions end and API
    tokens are revoked. A disabled account stays disabled (re-enabling is its own decision)."""
    account.password_hash = HASHER.hash(password)
    account.must_change_password = must_change
    await end_sessions(session, account_id=account.id)
    await revoke_api_tokens(session, account_id=account.id)


def password_problem(new: str, *, confirm: str, current: str) -> str | None:
    """Why a self-chosen password is refused (`short`, `mismatch`, `same`), or None."""
    if len(new) < MIN_PASSWORD_CHARS:
        return "short"
    if new != confirm:
        return "mismatch"
    if new == current:
        return "same"
    return None


async def replace_password(
    session: AsyncSession, *, account: CswAccount, password_hash: str, keep: str
) -> None:
    """The account's own change: store the new hash, clear the forced change, end its other sessions."""
    account.password_hash = password_hash
    account.must_change_password = False
    await session.execute(
        delete(CswSession).where(
            CswSession.account_id == account.id, CswSession.token_hash != token_hash(keep)
        )
    )


async def disable(session: AsyncSession, *, account: CswAccount) -> None:
    """Disable the account, end its sessions and revoke its API tokens."""
    account.disabled = True
    await end_sessions(session, account_id=account.id)
    await revoke_api_tokens(session, account_id=account.id)


async def revoke_api_tokens(session: AsyncSession, *, account_id: int) -> None:
    """Revoke every API token of an account."""
    await session.execute(update(ApiToken).where(ApiToken.account_id == account_id).values(revoked=True))


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Argon2-verify `password` against `stored_hash` (the dummy hash when None, then always False)."""
    try:
        return HASHER.verify(stored_hash or DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def check_password(stored_hash: str | None, password: str) -> bool:
    """`password_matches` in a worker thread: argon2 takes tens of milliseconds of CPU, off the event loop."""
    return await asyncio.to_thread(password_matches, stored_hash, password)


async def hash_password(password: str) -> str:
    """Argon2-hash a password in a worker thread."""
    return await asyncio.to_thread(HASHER.hash, password)


# ---------------------------------------------------------------- login throttling


@dataclass(frozen=True)
class Throttle:
    """How many failed logins within `window` lock out one account, and one address."""

    per_account: int
    per_address: int
    window: timedelta


async def _lock(session: AsyncSession, key: str) -> None:
    """On PostgreSQL, a transaction-scoped advisory lock on `key` (SQLite's writer lock serializes)."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


async def reserve_attempt(
    session: AsyncSession, *, login: str, address: str, now: datetime, throttle: Throttle
) -> int | None:
    """Count this attempt as a failure in advance and return its id, or None when the login or the
    address is locked out; a right password later takes the row back (`attempt_succeeded`).

    The row is written before counting, under advisory locks on PostgreSQL (login, then address:
    one order, no deadlock) and under SQLite's single writer lock, so concurrent attempts are counted
    one after another: at most `throttle.per_account` password checks per login per window.
    """
    login, address = login[:64], address[:64]
    await _lock(session, f"tsunagu-login:{login}")
    await _lock(session, f"tsunagu-login-address:{address}")
    row = LoginFailure(login=login, address=address, at=now)
    session.add(row)
    await session.flush()
    since = now - throttle.window
    recent = select(func.count()).select_from(LoginFailure).where(LoginFailure.at > since)
    by_login = await session.scalar(recent.where(LoginFailure.login == login))
    by_address = await session.scalar(recent.where(LoginFailure.address == address))
    if int(by_login or 0) > throttle.per_account or int(by_address or 0) > throttle.per_address:
        await session.delete(row)
        return None
    return row.id


async def attempt_succeeded(session: AsyncSession, *, login: str, attempt: int) -> None:
    """A right password: take back this attempt and forget the login's earlier failures."""
    await session.execute(delete(LoginFailure).where(LoginFailure.id == attempt))
    await session.execute(delete(LoginFailure).where(LoginFailure.login == login[:64]))


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


def session_expires_at(row: CswSession, limits: SessionLimits) -> datetime:
    """When the session ends unless the person acts: idle timeout or absolute timeout, whichever is first."""
    return min(row.last_seen_at + limits.idle, row.created_at + limits.absolute)


async def resume_session(
    session: AsyncSession, *, token: str, now: datetime, limits: SessionLimits, active: bool = True
) -> tuple[CswSession, CswAccount] | None:
    """The live session and enabled account for a cookie token; expired sessions are deleted.

    Only a person's own action (`active`: a page, a form) restarts the idle time; a page's
    background polling does not, so an unattended tab still times out.
    """
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
    if active:
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


API_SCOPES = ("read", "act")
"""`read`: list and read cases. `act`: also claim, reply (send LINE messages) and close."""


@dataclass(frozen=True)
class TokenGrant:
    """What a live API token allows: the account it acts as and its scope."""

    account: CswAccount
    scope: str


async def create_api_token(
    session: AsyncSession, *, account: CswAccount, name: str, scope: str, expires_at: datetime | None
) -> str:
    """A new API token acting as `account`; only its hash is stored, the token is returned once."""
    if scope not in API_SCOPES:
        raise AccountError(f"scope must be one of {', '.join(API_SCOPES)}")
    if account.disabled:
        raise AccountError(f"account {account.login!r} is disabled")
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            name=name,
            token_hash=token_hash(token),
            account_id=account.id,
            revoked=False,
            scope=scope,
            expires_at=expires_at,
        )
    )
    await session.flush()
    return token


async def list_api_tokens(session: AsyncSession, *, account: CswAccount) -> list[ApiToken]:
    """The account's API tokens, oldest first."""
    query = select(ApiToken).where(ApiToken.account_id == account.id).order_by(ApiToken.id)
    return list((await session.scalars(query)).all())


async def revoke_api_token(session: AsyncSession, *, account: CswAccount, token_id: int) -> None:
    """Revoke one API token of the account; AccountError when it has no such token."""
    row = await session.get(ApiToken, token_id)
    if row is None or row.account_id != account.id:
        raise AccountError(f"{account.login!r} has no API token {token_id}")
    row.revoked = True


async def grant_for_api_token(session: AsyncSession, *, token: str, now: datetime) -> TokenGrant | None:
    """The enabled account and scope behind a live (not revoked, not expired) API token."""
    row = (
        await session.scalars(
            select(ApiToken).where(ApiToken.token_hash == token_hash(token), ApiToken.revoked.is_(False))
        )
    ).first()
    if row is None or (row.expires_at is not None and row.expires_at <= now):
        return None
    account = await session.get(CswAccount, row.account_id)
    if account is None or account.disabled:
        return None
    row.last_used_at = now
    return TokenGrant(account=account, scope=row.scope)
