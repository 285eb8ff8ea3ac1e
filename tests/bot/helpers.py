"""Helpers for bot tests: direct database reads and fixture loading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from bot.store.db import sync_url
from bot.store.tables import Conversation, InboxEvent, OutboxMessage

FIXTURE = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "line-sdk-python-webhook.json"


def count(database_url: str, model: type[Any], *where: Any) -> int:
    """Rows of `model` matching `where`."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        result = session.scalar(select(func.count()).select_from(model).where(*where))
    engine.dispose()
    return int(result or 0)


def rows(database_url: str, model: type[Any]) -> list[Any]:
    """All rows of `model`, in id order, detached."""
    engine = create_engine(sync_url(database_url))
    with Session(engine, expire_on_commit=False) as session:
        result = list(session.scalars(select(model).order_by(model.id)))
        session.expunge_all()
    engine.dispose()
    return result


def sdk_fixture(unique_ids: bool) -> dict[str, Any]:
    """The official SDK webhook payload; with `unique_ids`, each event gets its own webhookEventId."""
    payload: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    if unique_ids:
        for index, event in enumerate(payload["events"]):
            event["webhookEventId"] = f"01FIXTURE{index:017d}"
    return payload


__all__ = ["Conversation", "InboxEvent", "OutboxMessage", "count", "rows", "sdk_fixture"]
