"""A fake LINE Messaging API: records what tsunagu sends and enforces LINE's rules, with fault injection.

It answers `POST /v2/bot/message/reply` and `/push`, checking the bearer token, single-use reply
tokens, message counts and sizes, quick-reply limits, and `X-Line-Retry-Key` (409 when a key was
already accepted). Tests queue faults (status codes or timeouts) and a per-call delay to play a slow
or failing LINE.

It also answers the channel endpoints `tsunagu line check` / `line setup` and the conversation use
(loading animation, mark as read by token, bot info, webhook endpoint and its test, quota and
consumption, rich menus and their images, default and per-user menus), with the response shapes of
line-bot-sdk-python's models (`BotInfoResponse`, `TestWebhookEndpointResponse`, `RichMenuResponse` …)
and LINE's documented limits: loading 5-60 s in steps of 5, rich menu images PNG or JPEG up to 1 MB,
800-2500 px wide, at least 250 px high, width/height at least 1.45 and equal to the menu's size, an
image that cannot be replaced, and no default or linked menu without its image. Its channel is in
bot mode with manual read marking, so the simulator shows 既読 only when tsunagu marks a message read.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

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
LOADING_SECONDS = range(5, 61, 5)
"""Seconds LINE accepts for the loading animation: 5 to 60, a multiple of 5."""
RICH_MENU_IMAGE_MAX_BYTES = 1_000_000
RICH_MENU_MAX_AREAS = 20
RICH_MENU_IMAGE_TYPES = ("image/png", "image/jpeg")
FREE_PLAN_QUOTA = 200
WEBHOOK_TEST_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Delivery:
    """One message as the user's LINE app would show it."""

    user_id: str
    text: str
    choices: tuple[tuple[str, str], ...]
    method: str
    at: float
    sender: str | None = None

    @property
    def quick_replies(self) -> list[str]:
        """The quick-reply labels offered with this message."""
        return [label for label, _ in self.choices]


@dataclass(frozen=True)
class UserMessage:
    """Something the simulated user sent (typed text or a tapped label), with its read token."""

    user_id: str
    text: str
    read_token: str | None
    at: float


@dataclass
class FakeRichMenu:
    """A rich menu as created through the API, with its image once uploaded."""

    definition: dict[str, Any]
    image: bytes | None = None
    image_type: str | None = None


@dataclass
class FakeLine:
    """State of the fake API: tokens, retry keys, deliveries, faults, and the channel's settings."""

    access_token: str
    delay_s: float = 0.0
    channel_secret: str | None = None
    deliveries: list[Delivery] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    faults: deque[int | str] = field(default_factory=deque)
    tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    accepted_retry_keys: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    chat_mode: str = "bot"
    mark_as_read_mode: str = "manual"
    quota: int | None = FREE_PLAN_QUOTA
    webhook_endpoint: str = ""
    webhook_active: bool = False
    sent_by_users: list[UserMessage] = field(default_factory=list)
    read_tokens: dict[str, tuple[str, int]] = field(default_factory=dict)
    read_up_to: dict[str, int] = field(default_factory=dict)
    loading_until: dict[str, float] = field(default_factory=dict)
    rich_menus: dict[str, FakeRichMenu] = field(default_factory=dict)
    default_rich_menu: str | None = None
    user_rich_menus: dict[str, str] = field(default_factory=dict)
    channel_calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def issue_reply_token(self, user_id: str) -> str:
        """Create a reply token for an event sent by `user_id`, as LINE does."""
        token = secrets.token_hex(16)
        with self.lock:
            self.tokens[token] = (user_id, time.monotonic())
        return token

    def user_sent(self, user_id: str, text: str, *, readable: bool) -> str | None:
        """Record what a simulated user sent; a message (not a tapped postback) gets a read token."""
        token = secrets.token_hex(16) if readable else None
        with self.lock:
            if token:
                self.read_tokens[token] = (user_id, len(self.sent_by_users))
            self.sent_by_users.append(UserMessage(user_id, text, token, time.monotonic()))
        return token

    def timeline(self, user_id: str) -> list[dict[str, Any]]:
        """The one-to-one chat as the two sides see it: the user's messages (with 既読) and the bot's."""
        with self.lock:
            read_up_to = self.read_up_to.get(user_id, -1)
            mine: list[tuple[float, dict[str, Any]]] = [
                (m.at, {"from": "user", "text": m.text, "read": i <= read_up_to})
                for i, m in enumerate(self.sent_by_users)
                if m.user_id == user_id
            ]
            theirs: list[tuple[float, dict[str, Any]]] = [
                (
                    d.at,
                    {
                        "from": "account",
                        "text": d.text,
                        "sender": d.sender,
                        "choices": [{"label": label, "data": data} for label, data in d.choices],
                    },
                )
                for d in self.deliveries
                if d.user_id == user_id
            ]
        return [entry for _, entry in sorted(mine + theirs, key=lambda pair: pair[0])]

    def users(self) -> list[str]:
        """Every user id that has sent something, in the order they first did."""
        with self.lock:
            return list(dict.fromkeys(m.user_id for m in self.sent_by_users))

    def rich_menu_of(self, user_id: str) -> str | None:
        """The rich menu the user's LINE app shows: the one linked to them, else the default."""
        with self.lock:
            return self.user_rich_menus.get(user_id) or self.default_rich_menu

    def is_loading(self, user_id: str) -> bool:
        """Whether the loading animation shows now (until its time runs out or a message arrives)."""
        with self.lock:
            return self.loading_until.get(user_id, 0.0) > time.monotonic()

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
        routes: list[tuple[str, Any, str]] = [
            ("/v2/bot/chat/loading/start", self.show_loading, "POST"),
            ("/v2/bot/chat/markAsRead", self.mark_as_read, "POST"),
            ("/v2/bot/info", self.bot_info, "GET"),
            ("/v2/bot/channel/webhook/endpoint", self.get_webhook, "GET"),
            ("/v2/bot/channel/webhook/endpoint", self.set_webhook, "PUT"),
            ("/v2/bot/channel/webhook/test", self.test_webhook, "POST"),
            ("/v2/bot/message/quota", self.get_quota, "GET"),
            ("/v2/bot/message/quota/consumption", self.get_consumption, "GET"),
            ("/v2/bot/richmenu", self.create_rich_menu, "POST"),
            ("/v2/bot/richmenu/list", self.list_rich_menus, "GET"),
            ("/v2/bot/richmenu/{rich_menu_id}", self.get_rich_menu, "GET"),
            ("/v2/bot/richmenu/{rich_menu_id}", self.delete_rich_menu, "DELETE"),
            ("/v2/bot/richmenu/{rich_menu_id}/content", self.upload_image, "POST"),
            ("/v2/bot/richmenu/{rich_menu_id}/content", self.download_image, "GET"),
            ("/v2/bot/user/all/richmenu/{rich_menu_id}", self.set_default_menu, "POST"),
            ("/v2/bot/user/all/richmenu", self.get_default_menu, "GET"),
            ("/v2/bot/user/all/richmenu", self.cancel_default_menu, "DELETE"),
            ("/v2/bot/user/{user_id}/richmenu/{rich_menu_id}", self.link_menu, "POST"),
            ("/v2/bot/user/{user_id}/richmenu", self.unlink_menu, "DELETE"),
            ("/v2/bot/user/{user_id}/richmenu", self.get_user_menu, "GET"),
        ]
        for path, endpoint, method in routes:
            api.add_api_route(path, endpoint, methods=[method])
        return api

    # ------------------------------------------------------------ channel endpoints

    def _authorized(self, request: Request) -> bool:
        """Whether the request carries the channel's bearer token."""
        return request.headers.get("authorization") == f"Bearer {self.access_token}"

    async def _channel_call(self, request: Request, name: str) -> tuple[dict[str, Any], JSONResponse | None]:
        """Check auth and the injected delay; record the call; return its JSON body (or a refusal)."""
        if not self._authorized(request):
            return {}, JSONResponse({"message": "Authentication failed"}, status_code=401)
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        raw = await request.body()
        body: dict[str, Any] = {}
        if raw and request.headers.get("content-type", "").startswith("application/json"):
            parsed = json.loads(raw)
            body = parsed if isinstance(parsed, dict) else {}
        with self.lock:
            self.channel_calls.append((name, body))
        return body, None

    async def show_loading(self, request: Request) -> JSONResponse:
        """Show the loading animation to one user for 5-60 s (a multiple of 5); 202 with an empty body."""
        body, refused = await self._channel_call(request, "loading")
        if refused:
            return refused
        chat_id = str(body.get("chatId", ""))
        seconds = body.get("loadingSeconds", 20)
        if not chat_id.startswith("U"):
            return JSONResponse({"message": "chatId must be a user id (one-to-one only)"}, status_code=400)
        if seconds not in LOADING_SECONDS:
            return JSONResponse({"message": "loadingSeconds must be 5 to 60 in steps of 5"}, status_code=400)
        with self.lock:
            self.loading_until[chat_id] = time.monotonic() + seconds
        return JSONResponse({}, status_code=202)

    async def mark_as_read(self, request: Request) -> JSONResponse:
        """Mark the user's messages read, up to and including the one the token belongs to."""
        body, refused = await self._channel_call(request, "mark_as_read")
        if refused:
            return refused
        with self.lock:
            known = self.read_tokens.get(str(body.get("markAsReadToken", "")))
            if known is None:
                return JSONResponse({"message": "Invalid markAsReadToken"}, status_code=400)
            user_id, index = known
            self.read_up_to[user_id] = max(index, self.read_up_to.get(user_id, -1))
        return JSONResponse({})

    async def bot_info(self, request: Request) -> JSONResponse:
        """The bot's basic information (`BotInfoResponse`)."""
        _, refused = await self._channel_call(request, "bot_info")
        if refused:
            return refused
        return JSONResponse(
            {
                "userId": "U" + "f" * 32,
                "basicId": "@000tsunagu",
                "displayName": "つなぐ（シミュレーター）",
                "chatMode": self.chat_mode,
                "markAsReadMode": self.mark_as_read_mode,
            }
        )

    async def get_webhook(self, request: Request) -> JSONResponse:
        """The webhook URL and whether it is in use (`GetWebhookEndpointResponse`)."""
        _, refused = await self._channel_call(request, "get_webhook")
        if refused:
            return refused
        return JSONResponse({"endpoint": self.webhook_endpoint, "active": self.webhook_active})

    async def set_webhook(self, request: Request) -> JSONResponse:
        """Set the webhook URL: HTTPS, or plain HTTP to this machine (the simulator only)."""
        body, refused = await self._channel_call(request, "set_webhook")
        if refused:
            return refused
        endpoint = str(body.get("endpoint", ""))
        if not _acceptable_webhook(endpoint):
            return JSONResponse({"message": "Invalid webhook endpoint URL"}, status_code=400)
        with self.lock:
            self.webhook_endpoint, self.webhook_active = endpoint, True
        return JSONResponse({})

    async def test_webhook(self, request: Request) -> JSONResponse:
        """Post a signed, empty webhook to the URL and say how it answered (`TestWebhookEndpointResponse`)."""
        body, refused = await self._channel_call(request, "test_webhook")
        if refused:
            return refused
        endpoint = str(body.get("endpoint") or self.webhook_endpoint)
        if not endpoint:
            return JSONResponse({"message": "The webhook endpoint is not set"}, status_code=400)
        payload = json.dumps({"destination": "U" + "f" * 32, "events": []}).encode()
        secret = (self.channel_secret or "").encode()
        signature = base64.b64encode(hmac.new(secret, payload, hashlib.sha256).digest()).decode()
        status, reason, detail = 0, "COULD_NOT_CONNECT", ""
        try:
            async with httpx.AsyncClient(timeout=WEBHOOK_TEST_TIMEOUT_S) as client:
                answer = await client.post(
                    endpoint,
                    content=payload,
                    headers={"content-type": "application/json", "x-line-signature": signature},
                )
            status, reason, detail = answer.status_code, answer.reason_phrase or "", answer.text[:200]
        except httpx.HTTPError as error:
            detail = type(error).__name__
        return JSONResponse(
            {
                "success": status == 200,
                "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
                "statusCode": status,
                "reason": reason,
                "detail": detail,
            }
        )

    async def get_quota(self, request: Request) -> JSONResponse:
        """The monthly message limit (`MessageQuotaResponse`: type limited with a value, or none)."""
        _, refused = await self._channel_call(request, "quota")
        if refused:
            return refused
        if self.quota is None:
            return JSONResponse({"type": "none"})
        return JSONResponse({"type": "limited", "value": self.quota})

    async def get_consumption(self, request: Request) -> JSONResponse:
        """Messages counted against the quota this month: pushed ones (`QuotaConsumptionResponse`)."""
        _, refused = await self._channel_call(request, "consumption")
        if refused:
            return refused
        with self.lock:
            pushed = sum(1 for d in self.deliveries if d.method == "push")
        return JSONResponse({"totalUsage": pushed})

    async def create_rich_menu(self, request: Request) -> JSONResponse:
        """Create a rich menu from its definition (`RichMenuIdResponse`)."""
        body, refused = await self._channel_call(request, "create_rich_menu")
        if refused:
            return refused
        problem = rich_menu_problem(body)
        if problem:
            return JSONResponse({"message": problem}, status_code=400)
        rich_menu_id = "richmenu-" + secrets.token_hex(16)
        with self.lock:
            self.rich_menus[rich_menu_id] = FakeRichMenu(body)
        return JSONResponse({"richMenuId": rich_menu_id})

    def _menu_response(self, rich_menu_id: str, menu: FakeRichMenu) -> dict[str, Any]:
        """A stored menu as `RichMenuResponse`."""
        definition = menu.definition
        return {
            "richMenuId": rich_menu_id,
            "size": definition["size"],
            "selected": bool(definition.get("selected", False)),
            "name": definition["name"],
            "chatBarText": definition["chatBarText"],
            "areas": definition["areas"],
        }

    async def list_rich_menus(self, request: Request) -> JSONResponse:
        """Every rich menu of the channel (`RichMenuListResponse`)."""
        _, refused = await self._channel_call(request, "list_rich_menus")
        if refused:
            return refused
        with self.lock:
            menus = [self._menu_response(i, m) for i, m in self.rich_menus.items()]
        return JSONResponse({"richmenus": menus})

    async def get_rich_menu(self, request: Request, rich_menu_id: str) -> JSONResponse:
        """One rich menu (`RichMenuResponse`), 404 when unknown."""
        _, refused = await self._channel_call(request, "get_rich_menu")
        if refused:
            return refused
        with self.lock:
            menu = self.rich_menus.get(rich_menu_id)
            if menu is None:
                return JSONResponse({"message": "Not found"}, status_code=404)
            return JSONResponse(self._menu_response(rich_menu_id, menu))

    async def delete_rich_menu(self, request: Request, rich_menu_id: str) -> JSONResponse:
        """Delete a rich menu; users linked to it and the default fall back to none."""
        _, refused = await self._channel_call(request, "delete_rich_menu")
        if refused:
            return refused
        with self.lock:
            if self.rich_menus.pop(rich_menu_id, None) is None:
                return JSONResponse({"message": "Not found"}, status_code=404)
            if self.default_rich_menu == rich_menu_id:
                self.default_rich_menu = None
            for user_id in [u for u, m in self.user_rich_menus.items() if m == rich_menu_id]:
                del self.user_rich_menus[user_id]
        return JSONResponse({})

    async def upload_image(self, request: Request, rich_menu_id: str) -> JSONResponse:
        """Attach the menu's image, once: PNG or JPEG, at most 1 MB, exactly the menu's size."""
        if not self._authorized(request):
            return JSONResponse({"message": "Authentication failed"}, status_code=401)
        image = await request.body()
        image_type = request.headers.get("content-type", "")
        with self.lock:
            self.channel_calls.append(("upload_image", {"bytes": len(image)}))
            menu = self.rich_menus.get(rich_menu_id)
            if menu is None:
                return JSONResponse({"message": "Not found"}, status_code=404)
            if menu.image is not None:
                return JSONResponse({"message": "An image has already been uploaded"}, status_code=400)
            problem = image_problem(image, image_type, menu.definition["size"])
            if problem:
                return JSONResponse({"message": problem}, status_code=400)
            menu.image, menu.image_type = image, image_type
        return JSONResponse({})

    async def download_image(self, request: Request, rich_menu_id: str) -> Response:
        """The menu's image bytes."""
        if not self._authorized(request):
            return JSONResponse({"message": "Authentication failed"}, status_code=401)
        return self.image_response(rich_menu_id)

    def image_response(self, rich_menu_id: str) -> Response:
        """The stored image of a menu, or 404."""
        with self.lock:
            menu = self.rich_menus.get(rich_menu_id)
        if menu is None or menu.image is None:
            return JSONResponse({"message": "Not found"}, status_code=404)
        return Response(menu.image, media_type=menu.image_type)

    def _shown_menu_problem(self, rich_menu_id: str) -> JSONResponse | None:
        """Why a menu cannot be shown to users: unknown, or its image is missing."""
        menu = self.rich_menus.get(rich_menu_id)
        if menu is None:
            return JSONResponse({"message": "Not found"}, status_code=404)
        if menu.image is None:
            return JSONResponse({"message": "must upload richmenu image before applying it"}, status_code=400)
        return None

    async def set_default_menu(self, request: Request, rich_menu_id: str) -> JSONResponse:
        """Make a menu every user sees unless one is linked to them."""
        _, refused = await self._channel_call(request, "set_default_menu")
        if refused:
            return refused
        with self.lock:
            problem = self._shown_menu_problem(rich_menu_id)
            if problem:
                return problem
            self.default_rich_menu = rich_menu_id
        return JSONResponse({})

    async def get_default_menu(self, request: Request) -> JSONResponse:
        """The default menu's id (`RichMenuIdResponse`), 404 when none is set."""
        _, refused = await self._channel_call(request, "get_default_menu")
        if refused:
            return refused
        if self.default_rich_menu is None:
            return JSONResponse({"message": "no default richmenu"}, status_code=404)
        return JSONResponse({"richMenuId": self.default_rich_menu})

    async def cancel_default_menu(self, request: Request) -> JSONResponse:
        """Clear the default menu."""
        _, refused = await self._channel_call(request, "cancel_default_menu")
        if refused:
            return refused
        with self.lock:
            self.default_rich_menu = None
        return JSONResponse({})

    async def link_menu(self, request: Request, user_id: str, rich_menu_id: str) -> JSONResponse:
        """Show this menu to one user instead of the default."""
        _, refused = await self._channel_call(request, "link_menu")
        if refused:
            return refused
        if not user_id.startswith("U"):
            return JSONResponse({"message": "a rich menu links to a user id only"}, status_code=400)
        with self.lock:
            problem = self._shown_menu_problem(rich_menu_id)
            if problem:
                return problem
            self.user_rich_menus[user_id] = rich_menu_id
        return JSONResponse({})

    async def unlink_menu(self, request: Request, user_id: str) -> JSONResponse:
        """Show the user the default menu again."""
        _, refused = await self._channel_call(request, "unlink_menu")
        if refused:
            return refused
        with self.lock:
            self.user_rich_menus.pop(user_id, None)
        return JSONResponse({})

    async def get_user_menu(self, request: Request, user_id: str) -> JSONResponse:
        """The menu linked to a user (`RichMenuIdResponse`), 404 when none is linked."""
        _, refused = await self._channel_call(request, "get_user_menu")
        if refused:
            return refused
        with self.lock:
            linked = self.user_rich_menus.get(user_id)
        if linked is None:
            return JSONResponse({"message": "the user has no richmenu"}, status_code=404)
        return JSONResponse({"richMenuId": linked})

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
            self.loading_until.pop(user_id, None)  # LINE hides the dots when a message arrives
            for message in messages:
                items = (message.get("quickReply") or {}).get("items") or []
                choices = tuple((i["action"]["label"], i["action"].get("data", "")) for i in items)
                sender = (message.get("sender") or {}).get("name")
                text = message.get("text", "")
                self.deliveries.append(Delivery(user_id, text, choices, method, now, sender))
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


def _acceptable_webhook(endpoint: str) -> bool:
    """HTTPS, as LINE requires; plain HTTP only to this machine, for the simulator."""
    url = urlparse(endpoint)
    if url.scheme == "https" and url.hostname:
        return True
    return url.scheme == "http" and url.hostname in ("127.0.0.1", "localhost")


def rich_menu_problem(menu: dict[str, Any]) -> str | None:
    """Why a rich menu definition breaks LINE's rules, or None."""
    size = menu.get("size") or {}
    width, height = size.get("width"), size.get("height")
    if not isinstance(width, int) or not isinstance(height, int):
        return "size.width and size.height are required"
    if not 800 <= width <= 2500 or height < 250 or width / height < 1.45:
        return "size must be 800-2500 wide, at least 250 high, with width/height at least 1.45"
    name, bar = menu.get("name"), menu.get("chatBarText")
    if not isinstance(name, str) or not 0 < len(name) <= 300:
        return "name must be 1-300 characters"
    if not isinstance(bar, str) or not 0 < len(bar) <= 14:
        return "chatBarText must be 1-14 characters"
    areas = menu.get("areas")
    if not isinstance(areas, list) or not 0 < len(areas) <= RICH_MENU_MAX_AREAS:
        return "areas must be 1 to 20 items"
    for area in areas:
        bounds, action = area.get("bounds") or {}, area.get("action") or {}
        x, y = bounds.get("x", 0), bounds.get("y", 0)
        if x + bounds.get("width", 0) > width or y + bounds.get("height", 0) > height:
            return "an area lies outside the menu"
        if action.get("type") not in ("postback", "message", "uri") or len(action.get("label") or "") > 20:
            return "each area needs a postback, message or uri action with a label of at most 20"
    return None


def image_problem(image: bytes, image_type: str, size: dict[str, int]) -> str | None:
    """Why an image cannot be a rich menu's, or None (PNG dimensions are read from its header)."""
    if image_type not in RICH_MENU_IMAGE_TYPES:
        return "the image must be image/png or image/jpeg"
    if not image or len(image) > RICH_MENU_IMAGE_MAX_BYTES:
        return "the image must be at most 1 MB"
    if image_type == "image/png":
        if image[:8] != b"\x89PNG\r\n\x1a\n" or len(image) < 24:
            return "not a PNG image"
        width, height = struct.unpack(">II", image[16:24])
        if (width, height) != (size["width"], size["height"]):
            return f"the image is {width}x{height}; the menu is {size['width']}x{size['height']}"
    return None
