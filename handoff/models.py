"""Handoff cases: what a CSW picks up, identified only by a pseudonymous case code."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base, UTCDateTime, utcnow

URGENCY_RANK = {"crisis": 0, "urgent": 1, "normal": 2}


class Case(Base):
    """A consented handoff to the CSW queue, carrying the intake summary (相談受付票)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    urgency: Mapped[str] = mapped_column(String(8), default="normal")
    urgency_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    summary_text: Mapped[str] = mapped_column(Text)
    district: Mapped[str | None] = mapped_column(String(32))
    consent_scope: Mapped[str] = mapped_column(String(32))
    consent_version: Mapped[str] = mapped_column(String(32))
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
