"""A fake LINE Messaging API: records what tsunagu sends and enforces LINE's rules, with fault injection.

It answers the two endpoints tsunagu uses, `POST /v2/bot/message/reply` and `/push`, checking the
bearer token, single-use reply tokens, message counts and sizes, quick-reply limits, and
`X-Line-Retry-Key` (409 when a key was already accepted). Tests queue faults (status codes or
timeouts) and a per-call delay to play a slow or failing LINE.
"""

from __future__ import annotations

import asyncio
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bot.store.outbox import (
    MAX_LABEL_CHARS,
    MAX_MESSAGES_PER_CALL,
    MAX_QUICK_REPLIES,
    MAX_TEXT_UTF16,
    utf16_length,
)

REPLY_TOKEN_LIFETIME_S = 60.0
TIMEOUT = "timeout"
LOST_RESPONSE = "lost_response"


@dataclass(frozen=True)
class Delivery:
    """One message as the user's LINE app would show it."""

    user_id: str
    text: str
    choices: tuple[tuple[str, str], ...]
    method: str
    at: float

    @property
    def quick_replies(self) -> list[str]:
        """The quick-reply labels offered with this message."""
        return [label for label, _ in self.choices]


@dataclass
class FakeLine:
    """State of the fake API: issued reply tokens, accepted retry keys, deliveries, and faults."""

    access_token: str
    delay_s: float = 0.0
    deliveries: list[Delivery] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    faults: deque[int | str] = field(default_factory=deque)
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    accepted_retry_keys: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def issue_reply_token(self, user_id: str) -> str:
        """Create a reply token for an event sent by `user_id`, as LINE does."""
        token = secrets.token_hex(16)
        with self.lock:
            self.tokens[token] = (user_id, time.monotonic())
        return token

    def fail_next(self, *outcomes: int | str) -> None:
        """Answer the next calls with these HTTP statuses, "timeout" (never answer), or
        "lost_response" (accept and deliver, then answer 500 as if the response was lost)."""
        with self.lock:
            self.faults.extend(outcomes)

    def received(self, user_id: str) -> list[Delivery]:
        """Every message delivered to `user_id`, in order."""
        with self.lock:
            return [d for d in self.deliveries if d.user_id == user_id]

    def app(self) -> FastAPI:
        """The ASGI app serving the fake endpoints."""
        api = FastAPI(
            title="tsunagu fake LINE Messaging API", docs_url=None, redoc_url=None, openapi_url=None
        )
        api.add_api_route("/v2/bot/message/reply", self.reply, methods=["POST"])
        api.add_api_route("/v2/bot/message/push", self.push, methods=["POST"])
        return api

    async def reply(self, request: Request) -> JSONResponse:
        """Handle a reply call: the token must be known, unused and fresh."""
        body, problem, fault = await self._accept(request, "reply")
        if problem is not None:
            return problem
        token = str(body.get("replyToken", ""))
        with self.lock:
            issued = self.tokens.pop(token, None)
        if issued is None or time.monotonic() - issued[1] > REPLY_TOKEN_LIFETIME_S:
            return JSONResponse({"message": "Invalid reply token"}, status_code=400)
        return self._record(issued[0], body["messages"], "reply", fault)

    async def push(self, request: Request) -> JSONResponse:
        """Handle a push call, honouring X-Line-Retry-Key."""
        body, problem, fault = await self._accept(request, "push")
        if problem is not None:
            return problem
        retry_key = request.headers.get("x-line-retry-key")
        with self.lock:
            if retry_key and retry_key in self.accepted_retry_keys:
                return JSONResponse(
                    {"message": "The retry key is already accepted"},
                    status_code=409,
                    headers={"x-line-accepted-request-id": retry_key},
                )
            if retry_key:
                self.accepted_retry_keys.add(retry_key)
        return self._record(str(body.get("to", "")), body["messages"], "push", fault)

    async def _accept(
        self, request: Request, method: str
    ) -> tuple[dict[str, Any], JSONResponse | None, int | str | None]:
        """Common checks: auth, injected faults and delay, and the message rules."""
        if request.headers.get("authorization") != f"Bearer {self.access_token}":
            return {}, JSONResponse({"message": "Authentication failed"}, status_code=401), None
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        with self.lock:
            fault = self.faults.popleft() if self.faults else None
            self.calls.append(
                {"method": method, "fault": fault, "retry_key": request.headers.get("x-line-retry-key")}
            )
        if fault == TIMEOUT:
            await asyncio.sleep(3600)
        if isinstance(fault, int):
            return {}, JSONResponse({"message": f"injected {fault}"}, status_code=fault), fault
        body = await request.json()
        problem = message_problem(body.get("messages"))
        if problem:
            return {}, JSONResponse({"message": problem}, status_code=400), fault
        return body, None, fault

    def _record(
        self, user_id: str, messages: list[dict[str, Any]], method: str, fault: int | str | None
    ) -> JSONResponse:
        """Store the delivered messages (and answer 500 anyway when the response is to be lost)."""
        now = time.monotonic()
        with self.lock:
            for message in messages:
                items = (message.get("quickReply") or {}).get("items") or []
                choices = tuple((i["action"]["label"], i["action"].get("data", "")) for i in items)
                self.deliveries.append(Delivery(user_id, message.get("text", ""), choices, method, now))
        if fault == LOST_RESPONSE:
            return JSONResponse({"message": "response lost"}, status_code=500)
        return JSONResponse({"sentMessages": [{"id": secrets.token_hex(8)} for _ in messages]})


def message_problem(messages: Any) -> str | None:
    """Why a message list breaks LINE's rules, or None."""
    if not isinstance(messages, list) or not 1 <= len(messages) <= MAX_MESSAGES_PER_CALL:
        return "messages must be 1 to 5 items"
    for message in messages:
        text = message.get("text")
        if message.get("type") != "text" or not isinstance(text, str) or not text:
            return "only non-empty text messages are expected"
        if utf16_length(text) > MAX_TEXT_UTF16:
            return "text too long"
        items = (message.get("quickReply") or {}).get("items") or []
        if len(items) > MAX_QUICK_REPLIES:
            return "too many quick reply items"
        if any(len(i["action"]["label"]) > MAX_LABEL_CHARS for i in items):
            return "quick reply label too long"
    return None
