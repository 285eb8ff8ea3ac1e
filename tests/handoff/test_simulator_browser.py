"""The simulator in real headless Chromium: the rich menu (tappable), the sender's name, 既読 once the
holding CSW opens the case, and the page's own faults fixed (reload, new user, quick-reply bar)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot import line_channel
from bot.settings import Settings
from bot.simulator import SIMULATOR_SECRET_KEY, Simulator
from dialogs import catalog
from dialogs.content import current_content
from tests.handoff.helpers import add_account, csrf_in, dashboard_client, login, wait_for
from tests.handoff.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

HIDDEN_BELOW_LOG = (
    "(() => { const log = document.getElementById('log');"
    " return log.scrollHeight - log.scrollTop - log.clientHeight; })()"
)
"""How many pixels of the chat are below its visible part (0 when scrolled to the last bubble)."""

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


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


def test_rich_menu_sender_and_read_marks_in_the_simulator(
    sim: Simulator, browser: object, database_url: str
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    ARTIFACTS.mkdir(exist_ok=True)
    settings = Settings(
        TSUNAGU_LINE_API_BASE=f"{sim.base_url}/simulator/line-api",
        TSUNAGU_SIMULATOR=True,
        TSUNAGU_SECRET_KEY=SIMULATOR_SECRET_KEY,
    )
    assert line_channel.setup(settings, webhook_url=f"{sim.base_url}/line/webhook").ok

    page = browser.new_page(viewport={"width": 480, "height": 900})
    page.goto(f"{sim.base_url}/simulator")
    log = page.locator("#log")
    expect(log).to_contain_text("自動", timeout=10_000)  # the welcome says it is automated
    expect(page.locator("#richmenu img")).to_be_visible()
    menu = page.locator("#richmenu button")
    expect(menu).to_have_count(len(current_content().line.rich_menu.buttons))  # type: ignore[union-attr]

    menu.nth(1).click()  # よくある質問, by its place in the grid
    expect(page.locator(".row.me").last).to_contain_text("よくある質問")
    expect(page.locator("#quick button").first).to_be_visible(timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate(HIDDEN_BELOW_LOG) <= 2, "the last bubble is in view above the quick-reply bar"

    page.fill("#text", "息子のことで相談したいです")
    page.click("form button[type=submit]")
    typed = page.locator(".row.me", has_text="息子のことで相談したいです")
    expect(typed).to_be_visible()
    expect(typed.locator(".read")).to_have_count(0)

    menu.nth(3).click()  # 担当者と話したい
    page.locator("#quick button", has_text=catalog.text("consent.share_summary")).click()
    wait_for(lambda: len(sim.cases()) == 1)
    code = sim.cases()[0]["code"]

    password = add_account(database_url, "sato", role="supervisor")
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        case_page = client.get(f"/csw/cases/{code}")
        client.post(f"/csw/cases/{code}/claim", data={"csrf": csrf_in(case_page.text)}, follow_redirects=True)
        case_page = client.get(f"/csw/cases/{code}")
        client.post(
            f"/csw/cases/{code}/reply", data={"csrf": csrf_in(case_page.text), "text": "相談員の佐藤です。"}
        )

    expect(typed.locator(".read")).to_have_text("既読", timeout=10_000)
    sender = current_content().line.csw_sender.name  # type: ignore[union-attr]
    answer = page.locator(".row.account", has_text="相談員の佐藤です。")
    expect(answer.locator(".sender")).to_have_text(sender, timeout=10_000)
    expect(page.locator("#richmenu button")).to_have_count(2)  # the menu while a person holds the chat
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "simulator-richmenu-sender.png"))
    assert page.evaluate(HIDDEN_BELOW_LOG) <= 2, "the CSW's reply is in view, not under the menu"
    typed.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "simulator-read.png"))

    page.reload()  # keeps the person's own bubbles, sends no second follow
    expect(page.locator(".row.me", has_text="息子のことで相談したいです")).to_be_visible()
    received = sim.received("利用者1")
    assert sum(d.text == received[0].text for d in received) == 1, "one welcome: no second follow event"
    page.locator("#users button", has_text="別の利用者").click()
    expect(page.locator("#users button.active")).to_have_text("利用者2")
    expect(page.locator(".row.me")).to_have_count(0)  # a new person, not an old one reconnected
