"""Tables of the message path: the inbox of webhook events, conversations, and the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.crypto import EncryptedJSON, EncryptedText
from bot.store.db import Base, UTCDateTime, utcnow
from bot.store.types import InboxStatus, OutboxStatus


class InboxEvent(Base):
    """One webhook event as LINE sent it, stored before the webhook answers 200."""

    __tablename__ = "inbox_events"
    __table_args__ = (Index("ix_inbox_pending", "status", "conversation_key", "id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    webhook_event_id: Mapped[str] = mapped_column(String(64), unique=True)
    conversation_key: Mapped[str] = mapped_column(String(64))
    event_type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default=InboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(200))
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Conversation(Base):
    """A one-to-one conversation with a LINE user: dialog state and data, keyed by a keyed hash."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    line_user_id: Mapped[str] = mapped_column(EncryptedText)
    state: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    following: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    last_user_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxMessage(Base):
    """Up to five messages for one LINE API call, written with the state change that produced them."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_pending", "status", "conversation_key", "id"),
        Index("ix_outbox_sent", "status", "method", "sent_at"),  # push budget, counted per /metrics scrape
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    conversation_key: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    to: Mapped[str | None] = mapped_column(EncryptedText)
    messages: Mapped[list[dict[str, Any]]] = mapped_column(EncryptedJSON)
    message_count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """How many message objects the call sends: what LINE counts against the push quota."""
    reply_token: Mapped[str | None] = mapped_column(String(128))
    reply_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retry_key: Mapped[str] = mapped_column(String(36))
    origin: Mapped[str] = mapped_column(String(16), default="bot")
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING)
    method: Mapped[str | None] = mapped_column(String(8))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
