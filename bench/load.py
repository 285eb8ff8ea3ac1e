"""Load generation on loopback: freshly signed webhook bodies, closed-loop concurrency, steady open-loop rate.

Every event has its own `webhookEventId` and a reply token issued by the fake LINE for its user just
before it is sent. Send times are `time.monotonic()`, the clock the fake LINE stamps deliveries with.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import math
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=30)
TOKEN_BATCH = 256
ORDINARY_TEXTS = (
    "こんにちは",
    "相談したいです",
    "仕事のことで悩んでいます",
    "家族のことで",
    "お金が足りなくて",
)


def user_ids(prefix: str, count: int | None = None) -> Iterator[str]:
    """LINE-shaped user ids ('U' + 32 hex), distinct per prefix and index."""
    indexes = range(count) if count is not None else itertools.count()
    for index in indexes:
        yield "U" + hashlib.md5(f"{prefix}:{index}".encode(), usedforsecurity=False).hexdigest()


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile `q` (0-100) of `values`; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass
class Target:
    """A webhook endpoint and the channel secret it verifies with."""

    url: str
    channel_secret: str

    def signed(self, user_id: str, reply_token: str, text: str) -> tuple[bytes, dict[str, str]]:
        """A webhook body with one text event, and its headers."""
        event = {
            "type": "message",
            "mode": "active",
            "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": user_id},
            "webhookEventId": uuid.uuid4().hex.upper()[:26],
            "deliveryContext": {"isRedelivery": False},
            "replyToken": reply_token,
            "message": {"type": "text", "id": str(uuid.uuid4().int)[:18], "text": text, "quoteToken": "q"},
        }
        body = json.dumps({"destination": "U" + "0" * 32, "events": [event]}, ensure_ascii=False).encode()
        digest = hmac.new(self.channel_secret.encode(), body, hashlib.sha256).digest()
        return body, {
            "content-type": "application/json",
            "x-line-signature": base64.b64encode(digest).decode(),
        }


class Feed:
    """Users in turn, each with a reply token the fake LINE issued for it moments before use."""

    def __init__(self, session: aiohttp.ClientSession, fake_url: str, users: Iterable[str]) -> None:
        self.session = session
        self.fake_url = fake_url
        self.users = iter(users)
        self.ready: list[tuple[str, str]] = []
        self.lock = asyncio.Lock()

    async def next(self) -> tuple[str, str] | None:
        """The next (user id, reply token), or None when the users run out."""
        async with self.lock:
            if not self.ready:
                batch = list(itertools.islice(self.users, TOKEN_BATCH))
                if not batch:
                    return None
                async with self.session.post(
                    f"{self.fake_url}/bench/reply-tokens", json={"users": batch}
                ) as response:
                    tokens = (await response.json())["tokens"]
                self.ready = list(zip(batch, tokens, strict=True))[::-1]
            return self.ready.pop()


@dataclass
class Sent:
    """One event sent: who, when (monotonic), the answer's status and latency."""

    user_id: str
    at: float
    status: int
    seconds: float


async def post(session: aiohttp.ClientSession, target: Target, user_id: str, token: str, text: str) -> Sent:
    """Sign and post one event; a connection failure is recorded as status 0."""
    body, headers = target.signed(user_id, token, text)
    started = time.monotonic()
    try:
        async with session.post(target.url, data=body, headers=headers) as response:
            await response.read()
            status = response.status
    except (aiohttp.ClientError, TimeoutError):
        status = 0
    return Sent(user_id, started, status, time.monotonic() - started)


@dataclass
class Throughput:
    """Answers per second and answer latency at one concurrency."""

    concurrency: int
    answered: int
    errors: int
    seconds: float
    latencies: list[float] = field(repr=False)

    def summary(self) -> dict[str, float]:
        """Rate and latency percentiles in milliseconds."""
        return {
            "concurrency": self.concurrency,
            "events_per_s": self.answered / self.seconds if self.seconds else 0.0,
            "p50_ms": percentile(self.latencies, 50) * 1000,
            "p99_ms": percentile(self.latencies, 99) * 1000,
            "answered": self.answered,
            "errors": self.errors,
        }


def client(limit: int) -> aiohttp.ClientSession:
    """A keep-alive client session allowing `limit` connections."""
    return aiohttp.ClientSession(timeout=TIMEOUT, connector=aiohttp.TCPConnector(limit=limit))


async def closed_loop(
    target: Target, fake_url: str, users: Iterable[str], concurrency: int, seconds: float
) -> Throughput:
    """`concurrency` senders, each posting its next event as soon as the previous one is answered."""
    latencies: list[float] = []
    errors = 0
    async with client(concurrency + 1) as session:
        feed = Feed(session, fake_url, users)
        texts = itertools.cycle(ORDINARY_TEXTS)
        deadline = time.monotonic() + seconds

        async def sender() -> None:
            nonlocal errors
            while time.monotonic() < deadline:
                item = await feed.next()
                if item is None:
                    return
                sent = await post(session, target, *item, next(texts))
                if sent.status == 200:
                    latencies.append(sent.seconds)
                else:
                    errors += 1

        started = time.monotonic()
        await asyncio.gather(*(sender() for _ in range(concurrency)))
        elapsed = time.monotonic() - started
    return Throughput(concurrency, len(latencies), errors, elapsed, latencies)


async def open_loop(
    target: Target, fake_url: str, users: Iterable[str], rate: float, seconds: float, text: str | None = None
) -> list[Sent]:
    """Post events at a steady `rate` per second for `seconds`, whatever the answers take."""
    count = round(rate * seconds)
    texts = itertools.repeat(text) if text is not None else itertools.cycle(ORDINARY_TEXTS)
    async with client(0) as session:
        feed = Feed(session, fake_url, itertools.islice(users, count))
        tasks: list[asyncio.Task[Sent]] = []
        started = time.monotonic()
        for index in range(count):
            item = await feed.next()
            if item is None:
                break
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(post(session, target, *item, next(texts))))
        return list(await asyncio.gather(*tasks))


async def first_replies(fake_url: str, since: int, users: set[str], timeout_s: float) -> dict[str, float]:
    """Wait until each user has received a message after delivery index `since`; return the first times."""
    first: dict[str, float] = {}
    deadline = time.monotonic() + timeout_s
    async with client(2) as session:
        while True:
            async with session.get(f"{fake_url}/bench/deliveries", params={"since": since}) as response:
                page = await response.json()
            since = page["next"]
            for user_id, at in page["deliveries"]:
                if user_id in users:
                    first.setdefault(user_id, at)
            if len(first) >= len(users) or time.monotonic() > deadline:
                return first
            await asyncio.sleep(0.2)


async def delivery_count(fake_url: str) -> int:
    """How many deliveries the fake LINE has recorded so far."""
    async with (
        client(1) as session,
        session.get(f"{fake_url}/bench/deliveries", params={"since": 1 << 62}) as response,
    ):
        return int((await response.json())["next"])


def turn_latencies(sent: list[Sent], replies: dict[str, float]) -> dict[str, float]:
    """Webhook sent → first reply at the fake LINE, per user, summarised in milliseconds."""
    turns = [replies[s.user_id] - s.at for s in sent if s.user_id in replies]
    return {
        "events": len(sent),
        "replied": len(turns),
        "webhook_errors": sum(1 for s in sent if s.status != 200),
        "p50_ms": percentile(turns, 50) * 1000,
        "p99_ms": percentile(turns, 99) * 1000,
        "max_ms": max(turns, default=math.nan) * 1000,
        "answer_p99_ms": percentile([s.seconds for s in sent if s.status == 200], 99) * 1000,
    }
