"""Cross-process wake-ups on PostgreSQL: the webhook NOTIFYs, every worker process LISTENs.

Without it a worker learns of events stored by another process only at its poll interval. The
payload names the storing process (whose own worker is already awake) and, when there are few, the
conversations; otherwise the worker looks in the inbox.
"""

from __future__ import annotations

import asyncio
import logging

import psycopg
from sqlalchemy.engine import make_url

from bot.inbox import NOTIFY_CHANNEL, process_name
from bot.runtime import Runtime

log = logging.getLogger(__name__)

RECONNECT_S = 2.0


async def listen(runtime: Runtime) -> None:
    """Wake this process's worker whenever any process stores events; reconnect after failures."""
    url = make_url(runtime.settings.database_url).set(drivername="postgresql")
    dsn = url.render_as_string(hide_password=False)
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as connection:
                await connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
                runtime.wake_worker()
                own = process_name()
                async for notification in connection.notifies():
                    sender, *keys = notification.payload.split()
                    if sender != own:  # this process's worker was woken when it stored them
                        runtime.wake_worker(keys)
        except (psycopg.Error, OSError) as exc:
            log.warning("inbox notifications unavailable; polling", extra={"error": type(exc).__name__})
        await asyncio.sleep(RECONNECT_S)
