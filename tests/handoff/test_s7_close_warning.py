"""Try-out 7: closing a case whose last message is the person's, unanswered, warns and asks to confirm.

In the try-out a CSW could close a child's crisis case straight after 「へやにいる。おとうさん ねた。
あした がっこう いくの こわい」, and the child was told 「いったん区切りになります」. The case page now
says, beside the close button, that the person's last message has no reply (more strongly on a crisis
case), and the browser's confirmation says so too; a reply makes the warning go.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.simulator import Simulator
from handoff import catalog
from tests.handoff.helpers import add_account, case_row, hand_off, wait_for
from tests.handoff.test_browser import ARTIFACTS, CHROMIUM, LIVE_MS, texts

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)",
)

CHILD_LAST = "へやにいる。おとうさん ねた。あした がっこう いくの こわい"


def signed_in_answering(
    browser: Any, sim: Simulator, login: str, password: str
) -> tuple[Any, dict[str, Any]]:
    """A logged-in page whose confirm dialogs are recorded and answered as `answers['accept']` says."""
    answers: dict[str, Any] = {"accept": False, "asked": []}

    def answer(dialog: Any) -> None:
        answers["asked"].append(dialog.message)
        if answers["accept"]:
            dialog.accept()
        else:
            dialog.dismiss()

    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.on("dialog", answer)
    page.goto(f"{sim.base_url}/csw/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{sim.base_url}/csw")
    return page, answers


def test_closing_a_crisis_case_after_an_unanswered_message_from_a_child_warns_strongly(
    sim: Simulator, browser: Any, database_url: str
) -> None:
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    password = add_account(database_url, "sato", team="csw_shared")
    case = hand_off(sim, "kou16", crisis=True)
    code = case["code"]
    page, answers = signed_in_answering(browser, sim, "sato", password)
    page.goto(f"{sim.base_url}/csw/cases/{code}")
    answers["accept"] = True
    page.click("#claim")
    expect(page.locator("#case-status")).to_have_text("担当決定")
    page.click("#acknowledge")
    expect(page.locator("#acknowledge")).to_have_count(0, timeout=LIVE_MS)
    page.fill("#reply-text", "いま、あなたは安全なところにいますか？")
    page.click("#send-reply")
    expect(page.locator("#case-status")).to_have_text("やりとり中")
    expect(page.locator("#close-warning")).to_have_count(0)

    sim.send("kou16", CHILD_LAST)
    expect(page.locator("#thread .msg.user").last).to_contain_text(CHILD_LAST, timeout=LIVE_MS)
    warning = page.locator("#close-warning")
    expect(warning).to_be_visible(timeout=LIVE_MS)
    expect(warning).to_have_class("close-warning u-crisis")
    expect(warning).to_contain_text("危機のケース")
    expect(warning).to_contain_text("まだ返信していません")
    page.screenshot(path=str(ARTIFACTS / "csw-close-warning.png"), full_page=True)

    answers["accept"] = False
    asked_before = len(answers["asked"])
    page.select_option("#outcome", "info_only")
    page.click("#close")
    wait_for(lambda: len(answers["asked"]) > asked_before)
    assert answers["asked"][-1] == catalog.text("csw.close.unanswered_crisis_confirm")
    expect(page.locator("#case-status")).to_have_text("やりとり中")
    assert case_row(database_url, code).status != "closed", "dismissing the warning keeps the case open"
    closed = catalog.text("relay.closed").splitlines()[0]
    assert closed not in "".join(texts(sim, "kou16"))

    page.fill("#reply-text", "読みました。こわかったね。今夜はへやにいて大丈夫そうですか？")
    page.click("#send-reply")
    expect(page.locator("#close-warning")).to_have_count(0, timeout=LIVE_MS)
    answers["accept"] = True
    page.select_option("#outcome", "info_only")
    page.click("#close")
    expect(page.locator("#case-status")).to_have_text("終了")
    assert answers["asked"][-1] == catalog.text("csw.confirm.close")


def test_closing_an_ordinary_case_after_an_unanswered_message_warns_and_asks(
    sim: Simulator, browser: Any, database_url: str
) -> None:
    from playwright.sync_api import expect

    password = add_account(database_url, "sato", team="csw_shared")
    code = hand_off(sim, "mother")["code"]
    page, answers = signed_in_answering(browser, sim, "sato", password)
    page.goto(f"{sim.base_url}/csw/cases/{code}")
    answers["accept"] = True
    page.click("#claim")
    expect(page.locator("#case-status")).to_have_text("担当決定")
    sim.send("mother", "夜分にすみません。息子のことで、もう少し聞いてほしいことがあります")
    warning = page.locator("#close-warning")
    expect(warning).to_be_visible(timeout=LIVE_MS)
    expect(warning).to_have_class("close-warning u-normal")
    expect(warning).not_to_contain_text("危機")

    answers["accept"] = False
    asked_before = len(answers["asked"])
    page.select_option("#outcome", "info_only")
    page.click("#close")
    wait_for(lambda: len(answers["asked"]) > asked_before)
    assert answers["asked"][-1] == catalog.text("csw.close.unanswered_confirm")
    assert case_row(database_url, code).status != "closed"
