"""Session 13, CSW try-out 17, in real headless Chromium: focus after claim and send, a colleague's
refused reply box, a session that ends while a reply is half written (the draft survives the login),
and the queue and case page at phone width (375 px) beside 1366 px, axe-core clean."""

from __future__ import annotations

from typing import Any

import pytest

from bot.simulator import Simulator
from handoff import catalog
from tests.handoff.helpers import add_account, hand_off
from tests.handoff.test_browser import (
    ARTIFACTS,
    CHROMIUM,
    axe_violations,
    signed_in,
    stays_on_page,
    still_same_document,
)
from tests.handoff.test_s13_dashboard import set_summary

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)",
)


MOTHER = {
    "asker": "family",
    "relation": "parent",
    "age_band": "40_64",
    "concerns": ["economic", "withdrawal"],
    "urgency": "normal",
    "urgency_reasons": [],
    "own_words": {
        "asker": "私は母で、72歳です",
        "concerns": "息子が15年部屋から出てきません。電話は090-1234-5678です",
    },
}


def test_focus_stays_on_the_reply_box_and_a_colleague_cannot_send(
    sim: Simulator, browser: Any, database_url: str
) -> None:
    from playwright.sync_api import expect

    sato = add_account(database_url, "sato", team="csw_chuo")
    tanaka = add_account(database_url, "tanaka", team="csw_chuo")
    code = hand_off(sim, "f1")["code"]
    page = signed_in(browser, sim, "sato", sato)
    other = signed_in(browser, sim, "tanaka", tanaka)
    page.goto(f"{sim.base_url}/csw/cases/{code}")
    other.goto(f"{sim.base_url}/csw/cases/{code}")
    page.click("#claim")
    expect(page.locator("#reply-text")).to_be_focused()
    page.keyboard.type("佐藤です。読みました。")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the send button, by keyboard
    expect(page.locator("#thread .msg.csw")).to_have_count(1)
    expect(page.locator("#reply-text")).to_be_focused()
    expect(other.locator("#claim-first")).to_have_text(
        catalog.text("csw.live.held_by", name="sato"), timeout=3000
    )
    expect(other.locator("#reply-form")).to_be_hidden()
    other.close()
    sim.send("f1", "まだ手元にあります。30錠くらい。今夜のむかもしれない")
    question = page.locator("#thread .msg.bot", has_text="死にたいと思う気持ちがありますか")
    expect(question).to_have_count(1, timeout=5000)  # the bot's question, in the thread, as 自動応答
    expect(question).to_contain_text("ボット（自動応答）")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".conversation").screenshot(path=str(ARTIFACTS / "s13-thread-bot-lines.png"))


def test_a_session_ending_keeps_the_draft_through_the_login(
    sim: Simulator, browser: Any, database_url: str
) -> None:
    from playwright.sync_api import expect

    sato = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "f2")["code"]
    page = signed_in(browser, sim, "sato", sato)
    page.goto(f"{sim.base_url}/csw/cases/{code}")
    page.click("#claim")
    expect(page.locator("#reply-text")).to_be_focused()
    stays_on_page(page)
    # the timer reaches the page's expiry while the server session is still alive: nothing happens
    page.evaluate("window.tsunaguSession.extend(new Date(Date.now() + 500).toISOString())")
    page.wait_for_timeout(2500)
    assert still_same_document(page)
    expect(page.locator("#session-ended")).to_be_hidden()
    draft = "お母さまのお話を読みました。まず、いまのお気持ちを"
    page.fill("#reply-text", draft)
    page.context.clear_cookies()  # the server session is gone now
    page.evaluate("window.tsunaguSession.extend(new Date(Date.now() + 500).toISOString())")
    expect(page.locator("#session-ended")).to_be_visible(timeout=5000)
    expect(page.locator("#session-ended")).to_have_attribute("role", "alert")
    assert still_same_document(page), "never navigates away from a written reply"
    expect(page.locator("#reply-text")).to_have_value(draft)
    page.screenshot(path=str(ARTIFACTS / "s13-session-ended.png"))
    page.click("#login-again")
    page.wait_for_url("**/csw/login?next=*")
    page.fill("input[name=login]", "sato")
    page.fill("input[name=password]", sato)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/csw/cases/{code}")
    expect(page.locator("#reply-text")).to_have_value(draft)
    expect(page.locator("#flash")).to_have_text(catalog.text("csw.session.restored"))


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_the_queue_and_case_page_read_at_phone_width(sim: Simulator, browser: Any, database_url: str) -> None:
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    boss = add_account(database_url, "boss", role="supervisor", team="csw_chuo")
    code = hand_off(sim, "f3")["code"]
    hand_off(sim, "f4", crisis=True)
    set_summary(database_url, code, MOTHER)
    page = signed_in(browser, sim, "boss", boss, bypass_csp=True)
    page.goto(f"{sim.base_url}/csw/cases/{code}")
    page.click("#claim")
    expect(page.locator("#reply-text")).to_be_visible()
    for width, height in ((375, 812), (1366, 768)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{sim.base_url}/csw")
        page.wait_for_selector("#queue-rows [data-case]")
        page.screenshot(path=str(ARTIFACTS / f"s13-queue-{width}.png"), full_page=True)
        row = page.locator(f'#queue-rows [data-case="{code}"]')
        expect(row).not_to_contain_text("090-1234-5678")
        expect(row).not_to_contain_text("私は母で")
        code_box = row.locator(".q-code .code").bounding_box()
        place_box = row.locator(".q-place").bounding_box()
        status = row.locator(".q-status")
        assert code_box and place_box and not overlaps(code_box, place_box), (code_box, place_box)
        line = float(status.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert (status.bounding_box() or {"height": 0})["height"] <= 2.2 * line, "status on one or two lines"
        page.goto(f"{sim.base_url}/csw/cases/{code}")
        page.wait_for_selector("#reply-text")
        page.evaluate("document.getElementById('flash').hidden = true; window.scrollTo(0, 0)")
        page.screenshot(path=str(ARTIFACTS / f"s13-case-{width}.png"), full_page=True)
        if width == 375:
            sheet = page.locator(".sheet").bounding_box()
            reply = page.locator("#reply-form").bounding_box()
            assert sheet and reply and sheet["y"] < reply["y"], "受付票 before the reply box"
            assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
        assert not axe_violations(page), width
