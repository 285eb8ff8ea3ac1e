"""What a running tsunagu process holds: settings, database, LINE client, and wake-up signals."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from linebot.v3.messaging import AsyncMessagingApi
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from bot.batching import GroupCommit
from bot.inbox import inbox_writer
from bot.line_native import LineNative
from bot.settings import Settings
from dialogs.crisis import CrisisMemory


@dataclass
class Runtime:
    """Shared state of one app process, created in the lifespan and reached via `app.state.runtime`."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[Any]
    signing_key: bytes
    crisis_api: AsyncMessagingApi | None = None
    line: LineNative | None = None
    """LINE-native calls (typing dots, 既読, per-person menu, quota); set where the worker runs."""
    worker_wake: asyncio.Event = field(default_factory=asyncio.Event)
    outbox_wake: asyncio.Event = field(default_factory=asyncio.Event)
    background: set[asyncio.Task[None]] = field(default_factory=set)
    fresh_keys: set[str] = field(default_factory=set)
    crisis_memory: dict[str, CrisisMemory] = field(default_factory=dict)
    """What each conversation knows of its crisis replies (fast path or turn): when, which situations,
    who is hurt; so the webhook's fast path, which cannot read the conversation in time, sends the
    same situation again the brief reply and a new one its whole block."""
    scan_requested: bool = False
    inbox: GroupCommit[list[dict[str, Any]], int] = field(init=False)
    webhooks_in_flight: int = 0
    last_webhook_at: float = 0.0
    webhooks_quiet: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        """Create the group-committing inbox writer for this engine."""
        self.inbox = inbox_writer(self.engine, announce=not self.settings.run_worker)
        self.webhooks_quiet.set()

    @contextlib.contextmanager
    def answering_webhook(self) -> Iterator[None]:
        """Mark a webhook request as being answered, so background work yields to it."""
        self.webhooks_in_flight += 1
        self.webhooks_quiet.clear()
        try:
            yield
        finally:
            self.webhooks_in_flight -= 1
            self.last_webhook_at = time.monotonic()
            if not self.webhooks_in_flight:
                self.webhooks_quiet.set()

    def webhooks_busy(self, within_s: float) -> bool:
        """True while a webhook request is being answered or one was answered within `within_s`."""
        return bool(self.webhooks_in_flight) or time.monotonic() - self.last_webhook_at < within_s

    async def yield_to_webhooks(self, max_wait_s: float) -> None:
        """Wait until no webhook request is being answered, but not longer than `max_wait_s`."""
        if self.webhooks_in_flight:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.webhooks_quiet.wait(), max_wait_s)

    def wake_worker(self, keys: Iterable[str] = ()) -> None:
        """Tell the worker new events are stored: in the conversations named, or (none named) look."""
        named = set(keys)
        if named:
            self.fresh_keys.update(named)
        else:
            self.scan_requested = True
        self.worker_wake.set()

    def take_fresh_keys(self) -> set[str]:
        """The conversations named since the last call."""
        keys, self.fresh_keys = self.fresh_keys, set()
        return keys

    def take_scan_request(self) -> bool:
        """Whether a wake-up since the last call asked the worker to look in the inbox."""
        requested, self.scan_requested = self.scan_requested, False
        return requested

    @property
    def reply_token_max_age_s(self) -> float:
        """How long after an event its reply token may still be tried (from settings)."""
        return self.settings.reply_token_max_age_s

    def wake_outbox(self) -> None:
        """Tell the sender new outbox rows are committed."""
        self.outbox_wake.set()
