"""The webhook: signature on raw bytes, size limit, malformed bodies, dedupe, and the SDK fixture."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.simulator import Simulator, driver
from dialogs import catalog
from tests.bot.helpers import Conversation, InboxEvent, OutboxMessage, count, rows, sdk_fixture


@pytest.fixture
def sim(database_url: str):
    """A running tsunagu with a fake LINE on a fresh database."""
    with Simulator(database_url) as simulator:
        yield simulator


def text_body(sim: Simulator, user: str = "u1", text: str = "こんにちは") -> bytes:
    """A signed-able body with one text event."""
    return driver.webhook_body([driver.text_event(sim.fake, sim.user_id(user), text)])


def test_missing_signature_is_rejected_and_nothing_stored(sim: Simulator, database_url: str) -> None:
    body = text_body(sim)
    response = sim.http.post("/line/webhook", content=body)
    assert response.status_code == 400
    assert "X-Line-Signature" in response.json()["detail"]
    assert count(database_url, InboxEvent) == 0


def test_one_byte_changed_is_rejected(sim: Simulator, database_url: str) -> None:
    body = text_body(sim)
    signature = driver.sign(sim.settings.channel_secret, body)
    tampered = body.replace("こんにちは".encode(), "こんばんは".encode())
    assert sim.post_body(tampered, signature).status_code == 401
    assert count(database_url, InboxEvent) == 0


def test_reserialized_json_is_rejected(sim: Simulator, database_url: str) -> None:
    body = text_body(sim)
    signature = driver.sign(sim.settings.channel_secret, body)
    reserialized = json.dumps(json.loads(body), ensure_ascii=True, indent=1).encode()
    assert sim.post_body(reserialized, signature).status_code == 401
    assert count(database_url, InboxEvent) == 0


def test_signature_with_wrong_secret_is_rejected(sim: Simulator, database_url: str) -> None:
    body = text_body(sim)
    assert sim.post_body(body, driver.sign("another-channel-secret", body)).status_code == 401
    assert count(database_url, InboxEvent) == 0


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"destination": "U1"}',
        b'{"events": {"a": 1}}',
        b'{"events": [1, 2]}',
        b"\xff\xfe\x00",
        b'{"events": [{"type": "message", "source": ["U1"]}]}',
        b'{"events": [{"type": "message", "message": {"type": "text", "text": 5}}]}',
        b'{"events": [{"type": "follow", "replyToken": {"a": 1}}]}',
        b'{"events": [{"message": {"type": "text", "text": "hi"}}]}',
        b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ],
    ids=[
        "not-json",
        "no-events",
        "events-not-list",
        "events-not-objects",
        "not-utf8",
        "source-not-object",
        "text-not-string",
        "reply-token-not-string",
        "no-event-type",
        "nested-too-deep",
    ],
)
def test_signed_malformed_body_gets_400(sim: Simulator, database_url: str, body: bytes) -> None:
    response = sim.post_body(body)
    assert response.status_code == 400
    assert response.json() == {"detail": "malformed webhook body"}
    assert count(database_url, InboxEvent) == 0


def test_body_over_limit_gets_413(database_url: str) -> None:
    with Simulator(database_url, TSUNAGU_MAX_BODY_BYTES=2000) as sim:
        body = text_body(sim, text="あ" * 1000)
        assert sim.post_body(body).status_code == 413
        assert count(database_url, InboxEvent) == 0


def test_verify_button_with_no_events_gets_200(sim: Simulator, database_url: str) -> None:
    response = sim.post([])
    assert response.status_code == 200
    assert count(database_url, InboxEvent) == 0


def test_same_body_posted_ten_times_concurrently_is_stored_and_answered_once(
    sim: Simulator, database_url: str
) -> None:
    body = text_body(sim)
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda _: sim.post_body(body).status_code, range(10)))
    assert statuses == [200] * 10
    sim.wait_idle()
    assert count(database_url, InboxEvent) == 1
    assert len(sim.fake.calls) == 1, "one reply call"
    assert {d.method for d in sim.received("u1")} == {"reply"}


def test_huge_text_is_accepted_and_answered(sim: Simulator) -> None:
    replies = sim.send("u1", "長い" * 2500)
    assert len(replies) >= 1


def test_official_sdk_fixture_every_event_stored_once_and_answered(sim: Simulator, database_url: str) -> None:
    payload = sdk_fixture(unique_ids=True)
    response = sim.post_body(json.dumps(payload).encode())
    assert response.status_code == 200
    sim.wait_idle()
    events = rows(database_url, InboxEvent)
    assert len(events) == len(payload["events"]) == 28
    assert {e.status for e in events} == {"done"}
    assert all(e.error is None for e in events)
    outbox = rows(database_url, OutboxMessage)
    assert {m.status for m in outbox if m.to} == {"sent"}
    group_notes = [m for m in outbox if m.to is None]
    assert len(group_notes) == 2, "one note for the group (join, then its text within 24h), one for the room"
    assert all(m.status == "failed" and "no push target" in (m.last_error or "") for m in group_notes)
    user_replies = [d for d in sim.fake.deliveries if d.user_id.startswith("U")]
    # text x2, image x1 (user), video, audio, location, sticker, file, follow (2 messages), postback x4
    assert len(user_replies) >= 12
    assert {d.method for d in sim.fake.deliveries} == {"push"}, "fixture reply tokens are not LINE's"


def test_sdk_fixture_unchanged_ids_are_deduplicated(sim: Simulator, database_url: str) -> None:
    payload = sdk_fixture(unique_ids=False)
    assert sim.post_body(json.dumps(payload).encode()).status_code == 200
    sim.wait_idle()
    assert count(database_url, InboxEvent) == 1


def test_group_events_store_nothing_about_members(sim: Simulator, database_url: str) -> None:
    payload = sdk_fixture(unique_ids=True)
    sim.post_body(json.dumps(payload).encode())
    sim.wait_idle()
    for event in rows(database_url, InboxEvent):
        if event.payload.get("source", {}).get("type") in ("group", "room"):
            assert "userId" not in event.payload["source"]
            assert "message" not in event.payload


def test_unfollow_marks_conversation_and_sends_nothing(sim: Simulator, database_url: str) -> None:
    sim.follow("u1")
    assert sim.unfollow("u1") == []
    [conversation] = rows(database_url, Conversation)
    assert conversation.following is False


def test_standby_mode_sends_nothing(sim: Simulator, database_url: str) -> None:
    event = driver.text_event(sim.fake, sim.user_id("u1"), "こんにちは")
    event["mode"] = "standby"
    assert sim.post([event]).status_code == 200
    sim.wait_idle()
    assert sim.received("u1") == []
    assert count(database_url, InboxEvent, InboxEvent.status == "done") == 1


def test_sticker_gets_a_kind_request_for_text(sim: Simulator) -> None:
    sim.follow("u1")
    replies = sim.sticker("u1")
    assert replies[0].text.startswith(catalog.text("unsupported_media"))
    assert replies[-1].quick_replies, "the menu is offered again"


def test_health_and_readiness(sim: Simulator) -> None:
    assert sim.http.get("/healthz").json() == {"status": "ok"}
    assert sim.http.get("/readyz").json() == {"status": "ready"}


def test_nul_in_event_ids_is_stored_without_error(sim: Simulator, database_url: str) -> None:
    event = driver.text_event(sim.fake, sim.user_id("u1"), "こんにちは\x00")
    event["webhookEventId"] = "01NUL\x00ID"
    assert sim.post([event]).status_code == 200
    sim.wait_idle()
    assert [e.webhook_event_id for e in rows(database_url, InboxEvent)] == ["01NULID"]
