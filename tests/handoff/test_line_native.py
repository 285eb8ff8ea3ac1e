"""LINE-native touches in the handoff: Sender, 既読 when the holding CSW opens the case, typing dots,
the per-person rich menu while a CSW holds the conversation, and the push budget from LINE's quota."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from bot import line_channel
from bot.settings import Settings
from bot.simulator import SIMULATOR_SECRET_KEY, Simulator
from bot.simulator.fake_line import Delivery
from dialogs.content import current_content
from tests.bot.servers import ACCESS_TOKEN, CHANNEL_SECRET, FakeLineServer
from tests.handoff.helpers import add_account, claim, csrf_in, dashboard_client, hand_off, login, wait_for


def post_form(client: httpx.Client, code: str, action: str, **fields: str) -> httpx.Response:
    """Post one of the case page's forms with its CSRF token."""
    page = client.get(f"/csw/cases/{code}")
    return client.post(f"/csw/cases/{code}/{action}", data={"csrf": csrf_in(page.text), **fields})


def calls(sim: Simulator, name: str) -> list[dict[str, Any]]:
    """The bodies of the channel calls of one kind the fake LINE received."""
    return [body for call, body in sim.fake.channel_calls if call == name]


TYPED = "息子のことで相談したいです"


def own_messages_read(sim: Simulator, user: str) -> list[bool]:
    """For each time the user typed TYPED, whether it shows 既読."""
    return [e["read"] for e in sim.fake.timeline(sim.user_id(user)) if e.get("text") == TYPED]


def test_reply_shows_the_content_sender_and_read_marks_wait_for_the_holding_csw(
    sim: Simulator, database_url: str
) -> None:
    """既読 appears only when the CSW who claimed the case opens it; the reply carries the Sender name."""
    sim.follow("u1")
    sim.send("u1", TYPED)
    case = hand_off(sim, "u1")
    password = add_account(database_url, "sato", role="supervisor")
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        client.get(f"/csw/cases/{case['code']}")  # looking before claiming marks nothing read
        sim.wait_idle()
        assert calls(sim, "mark_as_read") == []
        assert own_messages_read(sim, "u1") == [False]
        assert claim(client, case["code"]).status_code == 200
        wait_for(lambda: own_messages_read(sim, "u1") == [True])
        post_form(client, case["code"], "reply", text="相談員の佐藤です。お話を聞かせてください。")
        sim.wait_idle()
    received = sim.received("u1")
    assert received[-1].sender == current_content().line.csw_sender.name  # type: ignore[union-attr]
    assert all(d.sender is None for d in received[:-1]), "the bot's own messages keep the account's name"


def test_the_person_menu_is_linked_on_claim_and_reset_on_close(sim: Simulator, database_url: str) -> None:
    """While a CSW holds the conversation the person sees the 終了 / 緊急の窓口 menu; close resets it."""
    settings = Settings(
        TSUNAGU_LINE_API_BASE=f"{sim.base_url}/simulator/line-api",
        TSUNAGU_SIMULATOR=True,
        TSUNAGU_SECRET_KEY=SIMULATOR_SECRET_KEY,
    )
    assert line_channel.setup(settings, webhook_url=f"{sim.base_url}/line/webhook").ok
    default_menu = sim.fake.default_rich_menu
    person_menu = next(
        i for i, m in sim.fake.rich_menus.items() if m.definition["name"].startswith("tsunagu:person:")
    )
    case = hand_off(sim, "u1")
    user_id = sim.user_id("u1")
    assert sim.fake.rich_menu_of(user_id) == default_menu
    password = add_account(database_url, "sato", role="supervisor")
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        claim(client, case["code"])
        wait_for(lambda: sim.fake.rich_menu_of(user_id) == person_menu)
        labels = [a["action"]["label"] for a in sim.fake.rich_menus[person_menu].definition["areas"]]
        assert labels == ["終了", "緊急の窓口"]
        post_form(client, case["code"], "typing")
        wait_for(lambda: sim.fake.is_loading(user_id))
        post_form(client, case["code"], "close", outcome="info_only")
        wait_for(lambda: sim.fake.rich_menu_of(user_id) == default_menu)
    assert all(body["chatId"] == user_id for body in calls(sim, "loading"))


def test_a_slow_turn_shows_loading_dots_but_never_in_a_group(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A turn unanswered after a moment gets the typing dots; group and room sources never do."""
    import bot.worker

    original = bot.worker.process_event

    async def slow(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(1.6)
        await original(*args, **kwargs)

    monkeypatch.setattr(bot.worker, "process_event", slow)
    group_event = {
        "type": "message",
        "mode": "active",
        "timestamp": 1,
        "source": {"type": "group", "groupId": "C" + "1" * 32, "userId": sim.user_id("g1")},
        "webhookEventId": "01GROUPEVENT0000000000000",
        "replyToken": sim.fake.issue_reply_token(sim.user_id("g1")),
        "message": {"type": "text", "id": "1", "text": "こんにちは", "quoteToken": "q"},
        "deliveryContext": {"isRedelivery": False},
    }
    assert sim.post([group_event]).status_code == 200
    sim.wait_idle()
    assert calls(sim, "loading") == []
    replies = sim.follow("u1")
    assert replies, "the slow turn is still answered"
    assert [body["chatId"] for body in calls(sim, "loading")] == [sim.user_id("u1")]
    assert all(5 <= body["loadingSeconds"] <= 60 for body in calls(sim, "loading"))


def test_the_budget_widget_uses_line_quota_when_a_channel_is_configured(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a real channel, the dashboard shows LINE's own quota and consumption."""
    monkeypatch.setenv("TSUNAGU_CSW_COOKIE_SECURE", "false")
    with FakeLineServer() as line:
        line.fake.quota = 1000
        line.fake.deliveries.extend(Delivery("U1", "x", (), "push", 0.0) for _ in range(850))
        with Simulator(
            database_url,
            TSUNAGU_SIMULATOR=False,
            LINE_CHANNEL_SECRET=CHANNEL_SECRET,
            LINE_CHANNEL_ACCESS_TOKEN=ACCESS_TOKEN,
            TSUNAGU_LINE_API_BASE=line.base_url,
        ) as sim:
            password = add_account(database_url, "boss", role="supervisor")
            with dashboard_client(sim) as client:
                login(client, "boss", password)
                page = client.get("/csw").text
    assert "850 / 1000通（85%）" in page
