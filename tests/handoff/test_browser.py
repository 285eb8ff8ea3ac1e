"""The CSW's work in real headless Chromium (Debian's, driven by Playwright), one shared browser:

- a crisis case from the queue to close, replies and notes sent without a reload;
- a crisis arriving on an open case page surfaces within 3 s and needs 「確認しました」, a colleague's
  claim updates another tab, and a draft survives the case being taken away;
- saved replies, the statistics page and its CSV, and axe-core finding no serious or critical
  violation on the login, queue, case, audit, statistics and saved-reply pages (also at 768 px).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.simulator import Simulator
from dialogs import catalog as dialog_catalog
from dialogs.content import current_content
from handoff import catalog
from tests.handoff.helpers import add_account, audit_actions, case_row, hand_off, wait_for

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE = Path(__file__).resolve().parents[1] / "fixtures" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LIVE_MS = 3000
"""How soon a change made elsewhere must show on an open page."""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)",
)


def texts(sim: Simulator, user: str) -> list[str]:
    """Everything the simulated user has received."""
    return [d.text for d in sim.received(user)]


def signed_in(browser: Any, sim: Simulator, login: str, password: str, **context: Any) -> Any:
    """A page in its own browser context (own cookies), logged in; confirm dialogs are accepted."""
    page = browser.new_context(viewport={"width": 1366, "height": 768}, **context).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{sim.base_url}/csw/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{sim.base_url}/csw")
    return page


def stays_on_page(page: Any) -> None:
    """Mark the document, so a later check can tell that no reload happened."""
    page.evaluate("window.__sameDocument = true")


def still_same_document(page: Any) -> bool:
    """True when the page was not reloaded since `stays_on_page`."""
    return bool(page.evaluate("window.__sameDocument === true"))


def test_csw_takes_a_crisis_case_from_queue_to_close(sim: Simulator, browser: Any, database_url: str) -> None:
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    password = add_account(database_url, "sato", team="csw_chuo")
    hand_off(sim, "calm")
    page = signed_in(browser, sim, "sato", password)
    expect(page.locator("#queue-rows [data-case]")).to_have_count(1)

    crisis = hand_off(sim, "alone", crisis=True)  # arrives while the queue is open
    rows = page.locator("#queue-rows [data-case]")
    expect(rows).to_have_count(2, timeout=LIVE_MS)
    expect(rows.first).to_have_attribute("data-case", crisis["code"])
    expect(rows.first.locator(".badge.u-crisis")).to_be_visible()
    expect(rows.first.locator(".evidence")).to_contain_text("死にたい")
    expect(rows.first.locator(".unread-mark")).to_be_visible()
    expect(page.locator("#announcer")).to_have_text(catalog.text("csw.live.new_cases"))

    rows.first.locator(".q-times").click()  # anywhere on the row opens the case
    page.wait_for_url(f"**/csw/cases/{crisis['code']}")
    expect(page.locator("#case-head .reasons .reason-kind")).to_have_text("死にたい気持ち・自殺のおそれ")
    expect(page.locator("#case-head .reasons mark")).to_have_text("もう死にたい")
    expect(page.locator("#sheet-fields")).to_contain_text("相談している人")
    expect(page.locator("#outcome")).to_have_count(0)
    stays_on_page(page)
    page.click("#claim")
    expect(page.locator("#case-status")).to_have_text("担当決定")
    expect(page.locator("#reply-text")).to_be_visible()
    shared = current_content().team(current_content().shared_team).name
    told = catalog.text("relay.claimed", team=shared).splitlines()[0]  # in or out of hours alike
    wait_for(lambda: told in "".join(texts(sim, "alone")))

    reply = "佐藤です。メッセージを読みました。いま、安全な場所にいますか。"
    page.fill("#reply-text", reply)
    page.click("#send-reply")
    expect(page.locator("#case-status")).to_have_text("やりとり中")
    expect(page.locator("#reply-text")).to_have_value("")
    wait_for(lambda: reply in texts(sim, "alone"))
    expect(page.locator("#thread .msg.csw .delivery")).to_have_text("届きました", timeout=LIVE_MS)

    page.fill("#note-text", "電話は苦手とのこと")
    page.click("#save-note")
    expect(page.locator("#thread .msg.note")).to_contain_text("電話は苦手とのこと")
    assert "電話は苦手とのこと" not in texts(sim, "alone"), "a note never reaches the person"

    answer = "家にいます。少し話を聞いてほしいです"
    sim.send("alone", answer)
    expect(page.locator("#thread .msg.user").last).to_contain_text(answer, timeout=LIVE_MS)
    page.screenshot(path=str(ARTIFACTS / "csw-case.png"), full_page=True)

    page.click("#acknowledge")  # the case arrived in crisis: read and acknowledged before it can close
    expect(page.locator("#acknowledge")).to_have_count(0, timeout=LIVE_MS)
    expect(page.locator("#outcome")).to_have_value("")  # nothing is chosen for the CSW
    page.click("#close")  # the browser asks for an outcome before anything is sent
    assert page.evaluate("document.getElementById('outcome').validity.valueMissing")
    expect(page.locator("#case-status")).to_have_text("やりとり中")
    page.select_option("#outcome", "self_reliance")
    page.click("#close")
    expect(page.locator("#case-status")).to_have_text("終了")
    assert still_same_document(page), "every action ran without a page reload"
    closed = catalog.text("relay.closed").splitlines()[0]
    wait_for(lambda: closed in "".join(texts(sim, "alone")))


def test_a_crisis_on_an_open_case_needs_acknowledgement_and_other_tabs_follow(
    sim: Simulator, browser: Any, database_url: str
) -> None:
    from playwright.sync_api import expect

    sato = add_account(database_url, "sato", team="csw_shared")
    boss = add_account(database_url, "boss", role="supervisor")
    case = hand_off(sim, "mother")
    code = case["code"]
    mine = signed_in(browser, sim, "sato", sato)
    colleague = signed_in(browser, sim, "boss", boss)
    mine.goto(f"{sim.base_url}/csw/cases/{code}")
    colleague.goto(f"{sim.base_url}/csw/cases/{code}")
    expect(colleague.locator("#claim")).to_be_visible()

    mine.click("#claim")
    expect(colleague.locator("#case-status")).to_have_text("担当決定", timeout=LIVE_MS)
    expect(colleague.locator("#claim")).to_have_count(0)
    expect(colleague.locator("#claimed-by")).to_have_text("satoさん")

    for n in range(12):  # enough for the thread box to scroll
        sim.send("mother", f"聞いてほしいことがあります（{n + 1}）")
    stays_on_page(mine)
    sim.send("mother", "息子と一緒に死んでしまおうかと思うときがあります")
    expect(mine.locator("#crisis-alerts [data-case]")).to_have_attribute("data-case", code, timeout=LIVE_MS)
    expect(mine.locator("#alert")).to_be_visible(timeout=LIVE_MS)
    expect(mine.locator("#thread .msg.user.crisis").last).to_contain_text("死んでしまおうか")
    assert mine.title().startswith("(1) ")
    assert mine.evaluate(
        "(() => { const t = document.getElementById('thread');"
        " return t.scrollHeight > t.clientHeight"
        " && t.scrollTop + t.clientHeight >= t.scrollHeight - 4; })()"
    ), "newest in view"
    expect(colleague.locator("#crisis-alerts [data-case]")).to_have_count(1, timeout=LIVE_MS)

    mine.select_option("#outcome", "info_only")
    mine.click("#close")
    expect(mine.locator("#flash")).to_have_text(catalog.text("csw.problem.needs_acknowledgement"))
    assert case_row(database_url, code).status == "claimed"

    mine.click("#acknowledge")
    expect(mine.locator("#alert")).to_have_count(0)
    expect(mine.locator("#crisis-alerts [data-case]")).to_have_count(0, timeout=LIVE_MS)
    expect(mine.locator("#thread .event").last).to_contain_text("satoさん")
    expect(mine.locator("#thread .event").last).to_contain_text("確認しました")
    assert mine.title() == f"{code} — つなぐ CSW"
    assert ("sato", "acknowledged", "web") in audit_actions(database_url, code)
    expect(colleague.locator("#crisis-alerts [data-case]")).to_have_count(0, timeout=LIVE_MS)
    assert still_same_document(mine)

    draft = "お母さん、書いてくださってありがとうございます。いま、おふたりは家にいますか。"
    mine.fill("#reply-text", draft)
    colleague.click("#release-box summary")
    colleague.fill("#release-note", "危機の言葉あり、確認済み。夜に連絡を希望")
    colleague.click("#release")
    expect(colleague.locator("#case-status")).to_have_text("待機中")
    mine.evaluate("document.getElementById('reply-form').requestSubmit()")  # even if already disabled
    expect(mine.locator("#flash")).to_contain_text("残", timeout=LIVE_MS)
    expect(mine.locator("#reply-text")).to_have_value(draft)
    assert draft not in texts(sim, "mother"), "nothing was sent to the person"
    wait_for(lambda: catalog.text("relay.released") in texts(sim, "mother"))

    sim.send("mother", "データを消して")  # the person deletes their data while the page is open
    sim.choose("mother", dialog_catalog.text("delete.yes"))
    deleted = catalog.text("csw.problem.deleted", at="").split("（")[0]  # try-out 17: says why it is gone
    expect(mine.locator("#flash")).to_contain_text(deleted, timeout=LIVE_MS)
    expect(mine.locator("#thread .msg")).to_have_count(0)
    expect(mine.locator("#send-reply")).to_be_disabled()


def test_saved_replies_statistics_and_accessibility(sim: Simulator, browser: Any, database_url: str) -> None:
    from playwright.sync_api import expect

    boss = add_account(database_url, "boss", role="supervisor")
    case = hand_off(sim, "u1")
    for n in range(5):
        hand_off(sim, f"other{n}")
    page = signed_in(browser, sim, "boss", boss, bypass_csp=True)  # axe is injected as an inline script

    page.goto(f"{sim.base_url}/csw/saved-replies")
    greeting = page.locator("form.saved-form").first
    greeting.locator("textarea[name=body]").fill("こんにちは。{team}の{name}です。メッセージを読みました。")
    greeting.locator("button[type=submit]").click()
    expect(page.locator(".flash.ok")).to_have_text(catalog.text("csw.saved.saved"))

    page.goto(f"{sim.base_url}/csw/cases/{case['code']}")
    page.click("#claim")
    expect(page.locator("#reply-text")).to_be_visible()
    page.select_option("#saved-reply", label=catalog.text("saved.greeting.title"))
    page.click("#insert-saved")
    team = current_content().municipality.name
    expect(page.locator("#reply-text")).to_have_value(
        f"こんにちは。{team}のbossさんです。メッセージを読みました。"
    )
    page.locator("#reply-text").press("End")
    page.locator("#reply-text").press_sequentially("ゆっくりで大丈夫です。")
    page.click("#send-reply")
    edited = f"こんにちは。{team}のbossさんです。メッセージを読みました。ゆっくりで大丈夫です。"
    wait_for(lambda: edited in texts(sim, "u1"))
    page.select_option("#outcome", "info_only")
    page.click("#close")
    expect(page.locator("#case-status")).to_have_text("終了")

    page.goto(f"{sim.base_url}/csw/stats")
    expect(page.locator("#headline")).to_contain_text("6")
    expect(page.locator(".chart")).not_to_have_count(0)
    csv = page.request.get(f"{sim.base_url}/csw/stats/export.csv").text()
    assert "新規相談件数" in csv and ",6\r\n" in csv and "5未満" in csv
    assert ("boss", "stats_exported", "web") in audit_actions(database_url)

    page.evaluate("document.body.append(Object.assign(document.createElement('img'), {src: 'x.png'}))")
    assert any(v["id"] == "image-alt" for v in axe_violations(page)), "axe runs and reports what it finds"
    violations: dict[str, list[Any]] = {}
    for path in ("/csw", f"/csw/cases/{case['code']}", "/csw/audit", "/csw/stats", "/csw/saved-replies"):
        for width in (1366, 768):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{sim.base_url}{path}")
            found = axe_violations(page)
            if found:
                violations[f"{path} @{width}"] = found
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width, f"{path} is wider than {width}px ({overflow})"
    login = browser.new_context(bypass_csp=True).new_page()
    login.goto(f"{sim.base_url}/csw/login")
    if found := axe_violations(login):
        violations["/csw/login"] = found
    assert not violations, violations


def axe_violations(page: Any) -> list[Any]:
    """Serious and critical axe-core violations on the page (rule id and the elements)."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return list(
        page.evaluate(
            """async () => {
                const result = await axe.run(document, { resultTypes: ["violations"] });
                return result.violations
                    .filter((v) => v.impact === "serious" || v.impact === "critical")
                    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
            }"""
        )
    )
