"""A fake LINE Messaging API with LINE's real token semantics and faults down to the socket, for fault tests.

It speaks HTTP/1.1 itself (keep-alive, Content-Length) so that it can drop a connection before or
after delivering. Reply tokens are single-use and live `token_life_s` from the event's timestamp;
a used token and an expired one get the same 400 "Invalid reply token", as on LINE. A push whose
`X-Line-Retry-Key` was accepted before gets 409. Each call draws a fault: queued ones first
(`fail_next`), otherwise at random with the rates given to `set_faults` (seeded, so runs repeat).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import secrets
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.simulator import free_port


class Fault(StrEnum):
    """How the fake answers one call."""

    NONE = "none"
    SERVER_ERROR = "server_error"
    """503 before anything is delivered."""
    LOST = "lost"
    """Delivered, then 500: the response was lost."""
    RATE_LIMITED = "rate_limited"
    """429 with Retry-After before anything is delivered."""
    SLOW = "slow"
    """Delivered at once, answered after `slow_s` (past the client's timeout)."""
    VERY_SLOW = "very_slow"
    """Delivered at once, answered after `very_slow_s` (past the reply token's life)."""
    DROP_BEFORE = "drop_before"
    """The connection is closed before the request is read: nothing delivered."""
    DROP_AFTER = "drop_after"
    """Delivered, then the connection is closed without an answer."""
    ODD_BODY = "odd_body"
    """Delivered, answered 200 with a body that is not the documented JSON."""


@dataclass(frozen=True)
class Delivered:
    """One call LINE accepted: its messages reached the user's phone."""

    method: str
    user_id: str
    reply_token: str | None
    retry_key: str | None
    texts: tuple[str, ...]
    at: float


@dataclass
class FaultLine:
    """State of the fake: tokens, accepted retry keys, deliveries and the fault plan."""

    access_token: str
    token_life_s: float = 60.0
    slow_s: float = 1.0
    very_slow_s: float = 10.0
    retry_after_s: int = 1
    seed: int = 16
    deliveries: list[Delivered] = field(default_factory=list)
    calls: list[tuple[str, Fault, int]] = field(default_factory=list)
    """(method, fault, status) of every call answered or dropped."""
    expired_token_calls: int = 0
    """Reply calls that came with a token past its life: tsunagu should never make one."""
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    used_tokens: set[str] = field(default_factory=set)
    accepted_retry_keys: set[str] = field(default_factory=set)
    queued: deque[Fault] = field(default_factory=deque)
    rates: dict[Fault, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        """Prepare the seeded random source and the server's thread."""
        self.random = random.Random(self.seed)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()
        self.handlers: set[asyncio.Task[Any]] = set()

    def __enter__(self) -> FaultLine:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.listen(), self.loop).result(timeout=5)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.close(), self.loop).result(timeout=5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)

    async def listen(self) -> None:
        """Accept connections on the loopback port."""
        self.server = await asyncio.start_server(self.serve, "127.0.0.1", self.port, reuse_address=True)

    async def close(self) -> None:
        """Stop listening and drop every connection."""
        if self.server is not None:
            self.server.close()
            self.server = None
        for writer in list(self.writers):
            writer.close()
        for handler in list(self.handlers):
            handler.cancel()
        await asyncio.gather(*self.handlers, return_exceptions=True)

    def issue_reply_token(self, user_id: str, issued_at: float) -> str:
        """A reply token for an event from `user_id` whose timestamp is `issued_at` (epoch seconds)."""
        token = secrets.token_hex(16)
        with self.lock:
            self.tokens[token] = (user_id, issued_at)
        return token

    def set_faults(self, rates: dict[Fault, float]) -> None:
        """Draw each call's fault at random with these rates (the rest are answered normally)."""
        with self.lock:
            self.rates = dict(rates)

    def fail_next(self, *faults: Fault) -> None:
        """Answer the next calls with these faults, before any drawn at random."""
        with self.lock:
            self.queued.extend(faults)

    def draw(self) -> Fault:
        """The next call's fault."""
        with self.lock:
            if self.queued:
                return self.queued.popleft()
            roll = self.random.random()
            for fault, rate in self.rates.items():
                if roll < rate:
                    return fault
                roll -= rate
        return Fault.NONE

    def received(self, user_id: str) -> list[Delivered]:
        """Every call delivered to `user_id`, in order of delivery."""
        with self.lock:
            return [d for d in self.deliveries if d.user_id == user_id]

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Answer requests on one keep-alive connection until it closes."""
        self.writers.add(writer)
        handler = asyncio.current_task()
        if handler is not None:
            self.handlers.add(handler)
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {
                    name.strip().lower(): value.strip()
                    for name, _, value in (line.partition(":") for line in lines[1:] if line)
                }
                fault = self.draw()
                method = "reply" if path.endswith("/reply") else "push"
                if fault == Fault.DROP_BEFORE:
                    self.note(method, fault, 0)
                    return
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                status, payload, extra = await self.answer(method, headers, body, fault)
                if fault == Fault.DROP_AFTER:
                    self.note(method, fault, 0)
                    return
                self.note(method, fault, status)
                writer.write(response(status, payload, extra))
                await writer.drain()
        except (ConnectionError, OSError):
            return
        finally:
            self.writers.discard(writer)
            self.handlers.discard(handler)  # type: ignore[arg-type]
            writer.close()

    def note(self, method: str, fault: Fault, status: int) -> None:
        """Record one call."""
        with self.lock:
            self.calls.append((method, fault, status))

    async def answer(
        self, method: str, headers: dict[str, str], body: bytes, fault: Fault
    ) -> tuple[int, bytes, dict[str, str]]:
        """Apply LINE's rules and the fault; the status, body and extra headers of the answer."""
        if headers.get("authorization") != f"Bearer {self.access_token}":
            return 401, b'{"message":"Authentication failed"}', {}
        if fault == Fault.SERVER_ERROR:
            return 503, b'{"message":"Service Unavailable"}', {}
        if fault == Fault.RATE_LIMITED:
            return 429, b'{"message":"Too Many Requests"}', {"Retry-After": str(self.retry_after_s)}
        request = json.loads(body)
        if method == "reply":
            status, payload = self.reply(request)
        else:
            status, payload = self.push(request, headers.get("x-line-retry-key"))
        if fault == Fault.SLOW:
            await asyncio.sleep(self.slow_s)
        elif fault == Fault.VERY_SLOW:
            await asyncio.sleep(self.very_slow_s)
        if status == 200 and fault == Fault.LOST:
            return 500, b'{"message":"Internal Server Error"}', {}
        if status == 200 and fault == Fault.ODD_BODY:
            return 200, b"<html>ok</html>", {"Content-Type": "text/html"}
        return status, payload, {}

    def reply(self, request: dict[str, Any]) -> tuple[int, bytes]:
        """A reply: the token must be known, unused and alive; the same 400 for used and expired."""
        token = str(request.get("replyToken", ""))
        now = time.time()
        with self.lock:
            issued = self.tokens.get(token)
            if issued is not None and now - issued[1] > self.token_life_s:
                self.expired_token_calls += 1
            if issued is None or token in self.used_tokens or now - issued[1] > self.token_life_s:
                return 400, b'{"message":"Invalid reply token"}'
            self.used_tokens.add(token)
            self.deliveries.append(Delivered("reply", issued[0], token, None, texts(request), now))
        return 200, sent_messages(request)

    def push(self, request: dict[str, Any], retry_key: str | None) -> tuple[int, bytes]:
        """A push: 409 when the retry key was accepted before."""
        with self.lock:
            if retry_key and retry_key in self.accepted_retry_keys:
                return 409, b'{"message":"The retry key is already accepted"}'
            if retry_key:
                self.accepted_retry_keys.add(retry_key)
            user = str(request.get("to", ""))
            self.deliveries.append(Delivered("push", user, None, retry_key, texts(request), time.time()))
        return 200, sent_messages(request)


def texts(request: dict[str, Any]) -> tuple[str, ...]:
    """The texts of a request's messages."""
    return tuple(str(message.get("text", "")) for message in request.get("messages") or [])


def sent_messages(request: dict[str, Any]) -> bytes:
    """LINE's documented 200 body."""
    ids = [{"id": secrets.token_hex(8)} for _ in request.get("messages") or []]
    return json.dumps({"sentMessages": ids}).encode()


def response(status: int, body: bytes, extra: dict[str, str]) -> bytes:
    """An HTTP/1.1 keep-alive response."""
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body)), **extra}
    head = f"HTTP/1.1 {status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode("latin-1") + b"\r\n" + body


@dataclass
class Event:
    """One webhook event a person sent, as LINE would (re)deliver it."""

    user_id: str
    payload: dict[str, Any]

    @property
    def token(self) -> str:
        """The event's reply token."""
        return str(self.payload["replyToken"])

    def redelivered(self) -> dict[str, Any]:
        """The same event as LINE's redelivery sends it: same id, token and timestamp."""
        return {**self.payload, "deliveryContext": {"isRedelivery": True}}


def text_event(line: FaultLine, user_id: str, text: str) -> Event:
    """A text message from `user_id` now, with a reply token the fake issued at its timestamp."""
    now = time.time()
    payload = {
        "type": "message",
        "mode": "active",
        "timestamp": int(now * 1000),
        "source": {"type": "user", "userId": user_id},
        "webhookEventId": uuid.uuid4().hex.upper()[:26],
        "deliveryContext": {"isRedelivery": False},
        "replyToken": line.issue_reply_token(user_id, now),
        "message": {"type": "text", "id": str(uuid.uuid4().int)[:18], "text": text, "quoteToken": "q"},
    }
    return Event(user_id, payload)


@dataclass(frozen=True)
class Tally:
    """Per event: answered once, twice or more, never, and out of order; deliveries of nothing asked."""

    once: int
    duplicated: list[int]
    never: list[int]
    out_of_order: int
    unexpected: int


def tally(
    line: FaultLine, events_by_user: dict[str, list[Event]], retry_keys_by_user: dict[str, list[str]]
) -> Tally:
    """Count each event's answers: deliveries by its reply token or its answer row's retry key.

    Each event's answer is one outbox row (the caller checks), so the i-th row of a person answers
    their i-th event. Out of order: an answer delivered before the first answer of an earlier event.
    """
    once, duplicated, never, out_of_order, unexpected = 0, [], [], 0, 0
    index = 0
    for user, events in events_by_user.items():
        owner: dict[str, int] = {}
        for position, (event, key) in enumerate(zip(events, retry_keys_by_user[user], strict=True)):
            owner[event.token] = position
            owner[key] = position
        delivered = [owner.get(d.reply_token or d.retry_key or "") for d in line.received(user)]
        order = [position for position in delivered if position is not None]
        unexpected += len(delivered) - len(order)
        for position in range(len(events)):
            times = order.count(position)
            if times == 0:
                never.append(index + position)
            elif times == 1:
                once += 1
            else:
                duplicated.append(index + position)
        firsts = list(dict.fromkeys(order))
        out_of_order += sum(1 for a, b in itertools.pairwise(firsts) if b < a)
        index += len(events)
    return Tally(once, duplicated, never, out_of_order, unexpected)
