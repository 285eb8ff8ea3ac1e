"""Cross-process wake-ups on PostgreSQL: a web process without a worker NOTIFYs, workers LISTEN.

Without it a `tsunagu worker` learns of events stored by a `TSUNAGU_RUN_WORKER=false` web process
only at its poll interval. The payload names the conversations when there are few; otherwise
(empty) the worker looks in the inbox.
"""

from __future__ import annotations

import asyncio
import logging

import psycopg
from sqlalchemy.engine import make_url

from bot.inbox import NOTIFY_CHANNEL
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
                async for notification in connection.notifies():
                    runtime.wake_worker(notification.payload.split())
        except (psycopg.Error, OSError) as exc:
            log.warning("inbox notifications unavailable; polling", extra={"error": type(exc).__name__})
        await asyncio.sleep(RECONNECT_S)
