"""The durable inbox: webhook events are stored, in group-committed transactions, before LINE gets 200."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.batching import GroupCommit
from bot.store.db import is_postgres
from bot.store.tables import InboxEvent

NOTIFY_CHANNEL = "tsunagu_inbox"
ANNOUNCE = select(func.pg_notify(NOTIFY_CHANNEL, bindparam("payload")))
ANNOUNCED_KEYS_MAX = 100


def announcement(keys: set[str]) -> str:
    """The notification's payload: the conversations when few, else empty (the worker looks)."""
    return " ".join(sorted(keys)) if len(keys) <= ANNOUNCED_KEYS_MAX else ""


INBOX_BATCH = 256


def inbox_writer(engine: AsyncEngine, *, announce: bool) -> GroupCommit[list[dict[str, Any]], int]:
    """Stores the events of concurrent webhook requests in shared transactions.

    With `announce` (PostgreSQL, a process without its own worker) the commit wakes the other
    processes' workers; a process with a worker handles what it stored (others poll for leftovers).
    """
    announcing = announce and is_postgres(engine)
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
            if new and announcing:
                keys = {row["conversation_key"] for row in rows if row["webhook_event_id"] in new}
                await connection.execute(ANNOUNCE, {"payload": announcement(keys)})  # sent at commit
        counts = []
        for request in requests:
            mine = new.intersection(row["webhook_event_id"] for row in request)
            new -= mine
            counts.append(len(mine))
        return counts

    return GroupCommit(write, max_batch=INBOX_BATCH)
