"""POST /line/webhook: verify, store every event durably and answer at once; processing is the worker's."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import time
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.crisis_fast_path import STALE_MARK, is_stale, start_crisis_replies
from bot.identity import conversation_key, source_of
from bot.runtime import Runtime
from bot.store.db import utcnow

log = logging.getLogger(__name__)
router = APIRouter()

MEMBER_FIELDS_DROPPED = ("userId",)


class BodyTooLarge(Exception):
    """The request body is over the configured limit."""


def valid_signature(channel_secret: str, body: bytes, signature: str) -> bool:
    """Check X-Line-Signature: base64(HMAC-SHA256(channel secret, raw body))."""
    digest = hmac.new(channel_secret.encode(), body, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest), signature.encode("ascii", "replace"))


async def read_body(request: Request, limit: int) -> bytes:
    """Read the raw body, refusing more than `limit` bytes without buffering the rest."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


EVENT_FIELDS: dict[str, type | tuple[type, ...]] = {
    "type": str,
    "mode": str,
    "timestamp": int,
    "webhookEventId": str,
    "replyToken": str,
    "source": dict,
    "message": dict,
    "postback": dict,
    "deliveryContext": dict,
}
NESTED_FIELDS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "source": {"type": str, "userId": str, "groupId": str, "roomId": str},
    "message": {"type": str, "id": str, "text": str},
    "postback": {"data": str},
    "deliveryContext": {"isRedelivery": bool},
}


def well_formed(event: Any) -> bool:
    """True when every field tsunagu reads has LINE's type (absent fields are allowed).

    This replaces the SDK's WebhookParser, which builds a model per event and checks the signature a
    second time: 13% of the serving process's CPU under webhook load (py-spy), for nothing tsunagu reads.
    """
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        return False
    for name, kind in EVENT_FIELDS.items():
        value = event.get(name)
        if value is not None and not isinstance(value, kind):
            return False
    for name, fields in NESTED_FIELDS.items():
        nested = event.get(name) or {}
        for field, kind in fields.items():
            value = nested.get(field)
            if value is not None and not isinstance(value, kind):
                return False
    return True


def error(status: int, detail: str) -> JSONResponse:
    """A JSON error answer."""
    return JSONResponse({"detail": detail}, status_code=status)


def stored_payload(event: dict[str, Any], source_type: str) -> dict[str, Any]:
    """What is kept of an event: all of it for one-to-one chats, nothing about members for groups."""
    if source_type == "user":
        return event
    source = {k: v for k, v in (event.get("source") or {}).items() if k not in MEMBER_FIELDS_DROPPED}
    kept: dict[str, Any] = {
        k: event[k] for k in ("type", "mode", "timestamp", "replyToken", "webhookEventId") if k in event
    }
    return {**kept, "source": source}


SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
"""A JSON escape of a UTF-16 surrogate: only bodies that have one are searched for lone surrogates."""


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""After JSON decoding, valid pairs are already joined: any surrogate left is a lone one."""


def replace_surrogates(node: Any) -> Any:
    """`node` with every lone surrogate in its strings replaced by U+FFFD (they cannot be stored)."""
    if isinstance(node, str):
        return LONE_SURROGATE.sub("\ufffd", node)
    if isinstance(node, dict):
        return {replace_surrogates(k): replace_surrogates(v) for k, v in node.items()}
    if isinstance(node, list):
        return [replace_surrogates(item) for item in node]
    return node


def mark_stale(raw_events: list[dict[str, Any]], now_ms: float, max_age_s: float) -> None:
    """Mark events dated beyond the redelivery window: they are stored but never answered."""
    for event in raw_events:
        if is_stale(event, now_ms, max_age_s):
            event[STALE_MARK] = True


def printable(text: str) -> str:
    """`text` without NUL characters, which PostgreSQL text columns refuse."""
    return text.replace("\x00", "")


def inbox_rows(
    raw_events: list[dict[str, Any]], signing_key: bytes, received_at: datetime | None = None
) -> list[dict[str, Any]]:
    """Build inbox rows for the events of one webhook body, received at `received_at` (default now)."""
    now = received_at or utcnow()
    rows = []
    for event in raw_events:
        source_type, line_id = source_of(event)
        event_id = (
            event.get("webhookEventId")
            or hashlib.sha256(json.dumps(event, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:64]
        )
        rows.append(
            {
                "webhook_event_id": printable(str(event_id))[:64],
                "conversation_key": conversation_key(signing_key, source_type, line_id),
                "event_type": printable(str(event.get("type", "unknown")))[:32],
                "payload": stored_payload(event, source_type),
                "received_at": now,
            }
        )
    return rows


@router.post("/line/webhook", summary="LINE Messaging API webhook")
async def receive_webhook(request: Request) -> JSONResponse:
    """Answer the webhook and record the answer's status and latency."""
    started = time.perf_counter()
    with request.app.state.runtime.answering_webhook():
        response = await answer_webhook(request)
    metrics.observe_webhook(response.status_code, time.perf_counter() - started)
    return response


async def answer_webhook(request: Request) -> JSONResponse:
    """Verify the signature on the raw body, store the events, and answer 200 at once."""
    runtime: Runtime = request.app.state.runtime
    signature = request.headers.get("x-line-signature")
    if not signature:
        return error(400, "missing X-Line-Signature header")
    try:
        body = await read_body(request, runtime.settings.max_body_bytes)
    except BodyTooLarge:
        return error(413, "request body too large")
    if not valid_signature(runtime.settings.channel_secret, body, signature):
        return error(401, "invalid signature")
    try:
        raw_events = json.loads(body.decode("utf-8"))["events"]
        if not isinstance(raw_events, list) or not all(map(well_formed, raw_events)):
            raise TypeError("events is not a list of well-formed events")
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        log.info("malformed webhook body", extra={"error": type(exc).__name__})
        return error(400, "malformed webhook body")
    if SURROGATE_ESCAPE.search(body):
        raw_events = [replace_surrogates(event) for event in raw_events]
    mark_stale(raw_events, time.time() * 1000, runtime.settings.event_max_age_hours * 3600)
    received_at = utcnow()
    stored_as_new = start_crisis_replies(runtime, raw_events, received_at)
    try:
        rows = inbox_rows(raw_events, runtime.signing_key, received_at)
        stored = await runtime.inbox.submit(rows)
    except SQLAlchemyError as exc:
        log.error("could not store webhook events", extra={"error": type(exc).__name__})
        if stored_as_new is not None:
            stored_as_new.set_result(False)
        return error(503, "temporarily unable to accept events")
    if stored_as_new is not None:
        # Count-based: a body partly new is treated as new (the person's safety before a push's cost).
        stored_as_new.set_result(stored > 0)
    metrics.count_events(len(raw_events), stored)
    if stored:
        runtime.wake_worker(row["conversation_key"] for row in rows)
        note_turns_waiting(runtime, raw_events, rows)
    return JSONResponse({})


ANSWERED_EVENT_TYPES = frozenset({"message", "postback", "follow"})


def note_turns_waiting(
    runtime: Runtime, raw_events: list[dict[str, Any]], rows: list[dict[str, Any]]
) -> None:
    """Tell the LINE-native helper which one-to-one turns now wait for an answer (never groups or rooms)."""
    if runtime.line is None:
        return
    for event, row in zip(raw_events, rows, strict=True):
        source_type, line_id = source_of(event)
        answered = event.get("type") in ANSWERED_EVENT_TYPES and event.get("mode") != "standby"
        if source_type == "user" and line_id and answered:
            runtime.line.turn_started(row["conversation_key"], line_id)
