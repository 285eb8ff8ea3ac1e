"""The CSW's whole path in real headless Chromium: log in, see a crisis case on top, claim, read, reply,
read the answer, close — and the simulated LINE user receives each message and gets the bot back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.simulator import Simulator
from dialogs.content import current_content
from handoff import catalog
from tests.handoff.helpers import add_account, hand_off, wait_for

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)",
)


@pytest.fixture
def browser() -> Iterator[object]:
    """Headless Chromium driven by Playwright (no Playwright browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


def texts(sim: Simulator, user: str) -> list[str]:
    """Everything the simulated user has received."""
    return [d.text for d in sim.received(user)]


def test_csw_takes_a_crisis_case_from_queue_to_close(
    sim: Simulator, browser: object, database_url: str
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    ARTIFACTS.mkdir(exist_ok=True)
    password = add_account(database_url, "sato", team="csw_chuo")
    hand_off(sim, "calm")

    page = browser.new_page(viewport={"width": 1180, "height": 820})
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{sim.base_url}/csw")
    expect(page).to_have_url(f"{sim.base_url}/csw/login")
    page.fill("input[name=login]", "sato")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{sim.base_url}/csw")
    expect(page.locator("#queue-rows tr[data-case]")).to_have_count(1)

    crisis = hand_off(sim, "alone", crisis=True)  # arrives while the queue is open: polling shows it
    rows = page.locator("#queue-rows tr[data-case]")
    expect(rows).to_have_count(2, timeout=10_000)
    expect(rows.first).to_have_attribute("data-case", crisis["code"])
    expect(rows.first.locator(".badge.u-crisis")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "csw-queue.png"), full_page=True)

    rows.first.locator("a.code").click()
    expect(page.locator("#summary-text")).to_contain_text("相談受付票")
    expect(page.locator("#summary-text")).to_contain_text("死にたい")
    page.click("#claim")
    expect(page.locator("#case-status")).to_have_text("担当決定")
    shared = current_content().team(current_content().shared_team).name
    told = catalog.text("relay.claimed", team=shared).splitlines()[0]  # in or out of hours alike
    wait_for(lambda: told in "".join(texts(sim, "alone")))

    reply = "佐藤です。メッセージを読みました。いま、安全な場所にいますか。"
    page.fill("#reply-text", reply)
    page.click("#send-reply")
    expect(page.locator("#case-status")).to_have_text("やりとり中")
    wait_for(lambda: reply in texts(sim, "alone"))
    expect(page.locator("#thread .msg.csw .delivery")).to_have_text("届きました", timeout=10_000)

    answer = "家にいます。少し話を聞いてほしいです"
    before = len(sim.received("alone"))
    sim.send("alone", answer)
    assert len(sim.received("alone")) == before  # the bot stays quiet: a person reads now
    expect(page.locator("#thread .msg.user")).to_contain_text(answer, timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "csw-case.png"), full_page=True)

    page.select_option("#outcome", "self_reliance")
    page.click("#close")
    expect(page.locator("#case-status")).to_have_text("終了")
    closed = catalog.text("relay.closed").splitlines()[0]
    wait_for(lambda: closed in "".join(texts(sim, "alone")))
    before = len(sim.received("alone"))
    sim.send("alone", "メニュー")
    assert len(sim.received("alone")) > before, "after closing, the bot answers again"
