"""The durable inbox: webhook events are stored, in group-committed transactions, before LINE gets 200."""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.batching import GroupCommit
from bot.db import is_postgres
from bot.models import InboxEvent

NOTIFY_CHANNEL = "tsunagu_inbox"
ANNOUNCE = select(func.pg_notify(NOTIFY_CHANNEL, bindparam("payload")))
ANNOUNCED_KEYS_MAX = 100


def process_name() -> str:
    """This process among all that share the database (host and pid)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def announcement(keys: set[str]) -> str:
    """The notification's payload: who stored the events and, when few, their conversations."""
    named = sorted(keys) if len(keys) <= ANNOUNCED_KEYS_MAX else []
    return " ".join([process_name(), *named])


INBOX_BATCH = 256


def inbox_writer(engine: AsyncEngine) -> GroupCommit[list[dict[str, Any]], int]:
    """Stores the events of concurrent webhook requests in shared transactions."""
    insert = pg_insert if is_postgres(engine) else sqlite_insert
    statement = (
        insert(InboxEvent)
        .on_conflict_do_nothing(index_elements=["webhook_event_id"])
        .returning(InboxEvent.webhook_event_id)
    )

    async def write(requests: Sequence[list[dict[str, Any]]]) -> list[int]:
        """Insert every request's rows in one transaction; return how many of each were new."""
        rows = [row for request in requests for row in request]
        if not rows:
            return [0] * len(requests)
        async with engine.begin() as connection:
            new = set((await connection.execute(statement, rows)).scalars())
            if new and is_postgres(engine):
                keys = {row["conversation_key"] for row in rows if row["webhook_event_id"] in new}
                await connection.execute(ANNOUNCE, {"payload": announcement(keys)})  # sent at commit
        counts = []
        for request in requests:
            mine = new.intersection(row["webhook_event_id"] for row in request)
            new -= mine
            counts.append(len(mine))
        return counts

    return GroupCommit(write, max_batch=INBOX_BATCH)
