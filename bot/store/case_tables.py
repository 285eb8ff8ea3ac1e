"""Handoff tables: cases (identified only by a pseudonymous case code), their threads, CSW accounts,
dashboard sessions, API tokens, login failures and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.crypto import EncryptedJSON, EncryptedText
from bot.store.db import Base, UTCDateTime, utcnow
from bot.store.types import CaseStatus, Urgency

ROLES = ("csw", "supervisor", "admin")

BigId = BigInteger().with_variant(Integer, "sqlite")


class Case(Base):
    """A consented handoff to the CSW queue, carrying the intake summary (相談受付票)."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_queue", "status", "team", "queued_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    previous_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default=CaseStatus.WAITING)
    urgency: Mapped[str] = mapped_column(String(8), default=Urgency.NORMAL)
    urgency_reasons: Mapped[list[str]] = mapped_column(EncryptedJSON, default=list)
    alert: Mapped[bool] = mapped_column(default=False)
    summary: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)
    summary_text: Mapped[str] = mapped_column(EncryptedText)
    district: Mapped[str | None] = mapped_column(String(32))
    team: Mapped[str] = mapped_column(String(32), default="")
    consent_scope: Mapped[str] = mapped_column(String(32))
    consent_version: Mapped[str] = mapped_column(String(32))
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime)
    conversation_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Where the conversation this consent covers begins (None: the conversation's start); it ends at
    `consented_at`, the hand-off. Nothing outside that range is shown for the case."""
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reply_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("csw_accounts.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    connected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reply_token: Mapped[str | None] = mapped_column(String(128))
    reply_token_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_user_message_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(32))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CaseMessage(Base):
    """One entry of a case thread: the user's words, a CSW reply (with its outbox row), a note, an event."""

    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    """`user`, `csw` (sent to the user), `note` (internal, never sent) or `event` (lifecycle)."""
    body: Mapped[str] = mapped_column(EncryptedText)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("csw_accounts.id", ondelete="SET NULL"))
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id", ondelete="SET NULL"))
    crisis: Mapped[str] = mapped_column(String(8), default="none")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CswAccount(Base):
    """A dashboard user: a CSW of one team, a supervisor (all teams) or an admin."""

    __tablename__ = "csw_accounts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16), default="csw")
    team: Mapped[str | None] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(default=False)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    """The password was generated (by `csw add` or `csw reset`): the account must choose its own first."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CswSession(Base):
    """A server-side dashboard session; the cookie carries a random token, only its hash is stored."""

    __tablename__ = "csw_sessions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("csw_accounts.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginFailure(Base):
    """A failed login for a login name from an address, counted for the lockout."""

    __tablename__ = "csw_login_failures"
    __table_args__ = (Index("ix_login_failures_who", "login", "address", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    login: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiToken(Base):
    """A bearer token for the JSON API, acting as one account; only its hash is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("csw_accounts.id", ondelete="CASCADE"))
    revoked: Mapped[bool] = mapped_column(default=False)
    scope: Mapped[str] = mapped_column(String(8), default="read")
    """`read` (list and read cases) or `act` (also claim, reply and close)."""
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """Who did what to which case, when, and through which face (web or api); never message text."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("csw_accounts.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    case_code: Mapped[str | None] = mapped_column(String(16), index=True)
    detail: Mapped[str] = mapped_column(String(200), default="")
    via: Mapped[str] = mapped_column(String(8), default="web")


class CaseRead(Base):
    """How far one account has read a case thread (the queue's unread marker)."""

    __tablename__ = "case_reads"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("csw_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    last_message_id: Mapped[int] = mapped_column(BigId, default=0)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SavedReply(Base):
    """A saved reply (定型文) a supervisor keeps for CSWs to insert and edit before sending."""

    __tablename__ = "saved_replies"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(String(2000))
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("csw_accounts.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
