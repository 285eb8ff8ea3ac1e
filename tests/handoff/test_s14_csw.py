"""Session 14: a CSW's busy morning on the dashboard.

1. The queue leads with what needs someone now: unclaimed crisis, then unclaimed by urgency and waiting
   time; the CSW's own cases in their own section; colleagues' cases below, marked 対応中：〇〇さん.
2. A held case whose person writes crisis words before any reply keeps its reply countdown (and overdue
   marker), and shows at the top of the holding CSW's queue.
3. A case released and taken up again: the person is told kindly that a 相談員 continues (no staff names).
4. With the simulator's clock set, the stamps a CSW reads are on that clock, as the waiting times are, and
   the promise shown is the one the person was told.
5. Whether a human holds the case comes from the database: a second app process (the dashboard) claims,
   and the webhook process's first crisis reply after it already says the 相談員 sees the message.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from bot.store.case_tables import Case
from bot.store.db import sync_url, utcnow
from dialogs import catalog as dialog_catalog
from handoff import admin, catalog
from tests.handoff.helpers import (
    add_account,
    case_row,
    claim,
    csrf_in,
    dashboard_client,
    hand_off,
    login,
    wait_for,
)
from tests.handoff.test_browser import ARTIFACTS, CHROMIUM, axe_violations, signed_in

OFFICE_HOURS = "窓口の開いている時間に読みます"
ROW = re.compile(r'<li class="qrow[^"]*" data-case="(TG-[A-Z0-9]{6})"')


def set_case(database_url: str, code: str, **values: Any) -> None:
    """Change stored columns of a case (urgency, times) as if the conversation had gone that way."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        session.execute(update(Case).where(Case.code == code).values(**values))
    engine.dispose()


def queue_codes(client: httpx.Client, query: str = "") -> list[str]:
    """The case codes of the queue, top to bottom."""
    return ROW.findall(client.get(f"/csw/queue/rows{query}").text)


def row_html(client: httpx.Client, code: str) -> str:
    """One case's row in the queue."""
    html = client.get("/csw/queue/rows").text
    start = html.index(f'data-case="{code}"')
    return html[start : html.index("</li>", start)]


def post(client: httpx.Client, code: str, action: str, **data: str) -> httpx.Response:
    """A dashboard form action on the case (with the page's CSRF token)."""
    page = client.get(f"/csw/cases/{code}")
    return client.post(
        f"/csw/cases/{code}/{action}", data={"csrf": csrf_in(page.text), **data}, follow_redirects=True
    )


def texts_since(sim: Simulator, user: str, start: int) -> str:
    return "\n".join(d.text for d in sim.received(user)[start:])


# ---------------------------------------------------------------- 1. queue order


def test_the_queue_leads_with_unclaimed_crisis_then_unclaimed_by_urgency_then_own_then_colleagues(
    sim: Simulator, database_url: str
) -> None:
    sato = add_account(database_url, "sato", team="csw_chuo")
    tanaka = add_account(database_url, "tanaka", team="csw_chuo")
    taken_by_tanaka = hand_off(sim, "p1", crisis=True)["code"]  # the oldest, a crisis, claimed by a colleague
    mine = hand_off(sim, "p2")["code"]
    old_normal = hand_off(sim, "p3")["code"]
    urgent = hand_off(sim, "p4")["code"]
    crisis = hand_off(sim, "p5", crisis=True)["code"]
    set_case(database_url, urgent, urgency="urgent")
    with dashboard_client(sim) as first, dashboard_client(sim) as second:
        login(first, "tanaka", tanaka)
        claim(first, taken_by_tanaka)
        login(second, "sato", sato)
        claim(second, mine)
        sim.wait_idle()
        assert queue_codes(second) == [crisis, urgent, old_normal, mine, taken_by_tanaka]
        page = second.get("/csw").text
        for heading in ("csw.queue.section_now", "csw.queue.section_mine", "csw.queue.section_others"):
            assert catalog.text(heading) in page
        colleague = row_html(second, taken_by_tanaka)
        assert catalog.text("csw.queue.held_by_other", name="tanaka") in colleague  # 対応中：tanakaさん
        assert catalog.text("csw.queue.held_by_me") in row_html(second, mine)
        assert catalog.text("csw.queue.held_by_other", name="tanaka") not in row_html(second, mine)
        # The colleague sees the same cases from their side: her own crisis case, its alert unacknowledged,
        # leads (only she can answer it); once acknowledged it goes to her own section.
        assert queue_codes(first) == [taken_by_tanaka, crisis, urgent, old_normal, mine]
        post(first, taken_by_tanaka, "acknowledge")
        assert queue_codes(first) == [crisis, urgent, old_normal, taken_by_tanaka, mine]
        assert catalog.text("csw.queue.held_by_other", name="sato") in row_html(first, mine)


def test_an_unclaimed_case_is_never_below_a_claimed_one_of_the_same_urgency(
    sim: Simulator, database_url: str
) -> None:
    """Negative of the old order (urgency, then 受付): a colleague's older normal case is not row 1."""
    sato = add_account(database_url, "sato", team="csw_chuo")
    tanaka = add_account(database_url, "tanaka", team="csw_chuo")
    older = hand_off(sim, "q1")["code"]
    newer = hand_off(sim, "q2")["code"]
    with dashboard_client(sim) as first, dashboard_client(sim) as second:
        login(first, "tanaka", tanaka)
        claim(first, older)
        login(second, "sato", sato)
        assert queue_codes(second) == [newer, older]
        assert (
            f"<h2>{catalog.text('csw.queue.section_mine')}</h2>" not in second.get("/csw").text
        )  # none empty


# ---------------------------------------------------------------- 2. crisis on a held, unreplied case


def test_crisis_words_on_a_claimed_unreplied_case_keep_the_countdown_and_lead_the_holders_queue(
    sim: Simulator, database_url: str
) -> None:
    sato = add_account(database_url, "sato", team="csw_chuo")
    older_crisis = hand_off(sim, "r0", crisis=True)["code"]  # unclaimed, waiting longer
    code = hand_off(sim, "r1")["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", sato)
        claim(client, code)
        sim.wait_idle()
        sim.send("r1", "もうしにたい")
        sim.wait_idle()
        stored = case_row(database_url, code)
        assert stored.status == "claimed" and stored.urgency == "crisis"
        row = row_html(client, code)
        assert "あと" in row, "the promise's countdown stays while the case has no reply"
        assert queue_codes(client)[:2] == [code, older_crisis], "her own crisis first: only she can answer"
        page = client.get(f"/csw/cases/{code}").text
        promise = page[page.index('id="promise"') : page.index("</dd>", page.index('id="promise"'))]
        assert "あと" in promise
        # Past the promise, still unreplied: the overdue mark, and the 要確認 view holds it.
        set_case(database_url, code, reply_due_at=utcnow() - timedelta(minutes=5))
        assert "超過" in row_html(client, code)
        assert code in queue_codes(client, "?view=attention")
        page = client.get(f"/csw/cases/{code}").text
        assert "期限超過" in page
        token = admin.token(database_url, login="sato", name="case system", scope="read", days=1)
        detail = sim.http.get(f"/api/v1/cases/{code}", headers={"authorization": f"Bearer {token}"}).json()
        assert detail["overdue"] is True, "the API says what the dashboard shows"
        # Answered: the promise is kept, no countdown and no overdue mark.
        post(client, code, "reply", text="佐藤です。読みました。いま、安全なところにいますか。")
        sim.wait_idle()
        answered = row_html(client, code)
        assert "超過" not in answered and "あと" not in answered


def test_a_later_message_after_a_reply_is_not_overdue_by_the_old_promise(
    sim: Simulator, database_url: str
) -> None:
    """Negative: the first promise was kept by the reply; ordinary words later restart no old countdown."""
    sato = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "s1")["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", sato)
        claim(client, code)
        post(client, code, "reply", text="佐藤です。読みました。")
        sim.wait_idle()
        sim.send("s1", "ありがとうございます。来週なら話せます")
        sim.wait_idle()
        row = row_html(client, code)
        assert "未返信" in row
        assert "あと" not in row, "the promise made at the hand-off was kept by the reply"
        set_case(database_url, code, reply_due_at=utcnow() - timedelta(hours=1))
        assert "超過" not in row_html(client, code)
        assert code not in queue_codes(client, "?view=attention")


def test_crisis_words_after_a_kept_promise_get_a_fresh_short_promise(
    sim: Simulator, database_url: str
) -> None:
    """A reply kept the first promise long ago; 「死にたい」 now is due soon, not already overdue."""
    sato = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "s2")["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", sato)
        claim(client, code)
        post(client, code, "reply", text="佐藤です。読みました。")
        sim.wait_idle()
        set_case(database_url, code, reply_due_at=utcnow() - timedelta(hours=3))
        sim.send("s2", "やっぱりもう死にたいです")
        sim.wait_idle()
        stored = case_row(database_url, code)
        due = stored.reply_due_at
        assert due is not None and due.replace(tzinfo=None) > utcnow().replace(tzinfo=None)
        row = row_html(client, code)
        assert "超過" not in row and "あと" in row


# ---------------------------------------------------------------- 3. released, then taken up again


def test_a_person_is_told_kindly_when_a_released_case_is_taken_up_again(
    sim: Simulator, database_url: str
) -> None:
    sato = add_account(database_url, "sato", team="csw_chuo")
    tanaka = add_account(database_url, "tanaka", team="csw_chuo")
    code = hand_off(sim, "t1")["code"]
    with dashboard_client(sim) as first, dashboard_client(sim) as second:
        login(first, "sato", sato)
        start = len(sim.received("t1"))
        claim(first, code)
        sim.wait_idle()
        told = texts_since(sim, "t1", start)
        assert catalog.text("relay.claimed").strip() in told
        assert catalog.text("relay.reclaimed").strip() not in told, "the first claim is no 'continues'"
        post(first, code, "reply", text="佐藤です。読みました。")
        never_held = hand_off(sim, "t2")["code"]
        post(first, code, "release", note="来週から休暇のため、ほかの方にお願いします")
        sim.wait_idle()
        assert catalog.text("csw.queue.handed_over") in row_html(first, code), "a colleague talked with them"
        assert catalog.text("csw.queue.handed_over") not in row_html(first, never_held)
        login(second, "tanaka", tanaka)
        start = len(sim.received("t1"))
        claim(second, code)
        sim.wait_idle()
        told = texts_since(sim, "t1", start)
        assert catalog.text("relay.reclaimed").strip() in told
        assert catalog.text("relay.claimed").strip() not in told
        for name in ("sato", "tanaka", "佐藤", "田中"):
            assert name not in told, "no staff name the person has not met"
        assert told.count(catalog.text("relay.reclaimed").strip()) == 1
        post(second, code, "reply", text="田中です。引き継ぎました。")
        post(second, code, "close", outcome="hikikomori")
        closed = second.get("/csw/queue/rows?status=all").text
        closed_row = closed[closed.index(f'data-case="{code}"') :]
        closed_row = closed_row[: closed_row.index("</li>")]
        assert catalog.text("csw.outcome.hikikomori") in closed_row and "終了 " in closed_row
        assert "最後のメッセージから" not in closed_row


def test_the_continuing_notice_is_in_english_for_a_person_who_writes_in_english() -> None:
    """The notice follows the person's language, as the first claim's does."""
    from handoff.relay import reclaimed_notice

    assert reclaimed_notice({"intake": {"language": ["en"]}}) == catalog.text("relay.reclaimed.en")
    assert reclaimed_notice({"intake": {"language": ["easy"]}}) == catalog.text("relay.reclaimed.easy")
    assert reclaimed_notice({}) == catalog.text("relay.reclaimed")
    for key in ("relay.reclaimed", "relay.reclaimed.en", "relay.reclaimed.easy"):
        assert "{" not in catalog.text(key)


# ---------------------------------------------------------------- 4. the simulator's clock


def test_with_the_simulator_clock_the_dashboard_shows_its_time_and_the_promise_the_person_was_told(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TSUNAGU_CSW_COOKIE_SECURE", "false")
    with Simulator(database_url, TSUNAGU_SIMULATOR_CLOCK="2026-12-05T02:00") as sim:  # a Saturday night
        sato = add_account(database_url, "sato", team="csw_chuo")
        code = hand_off(sim, "c1")["code"]
        told = "\n".join(d.text for d in sim.received("c1"))
        assert "12月7日(月)" in told, told[-400:]
        with dashboard_client(sim) as client:
            login(client, "sato", sato)
            row = row_html(client, code)
            assert "受付 12/5 2:" in row, row
            assert "返事の約束 12/7 " in row, row
            assert "最後のメッセージから 0分" in row or "最後のメッセージから 1分" in row
            page = client.get(f"/csw/cases/{code}").text
            assert "12/5 2:" in page
            assert "12/7 " in page[page.index('id="promise"') :][:80]


def test_without_the_simulator_clock_stamps_are_the_real_tokyo_time(
    sim: Simulator, database_url: str
) -> None:
    """Negative: no set clock, nothing shifted."""
    from dialogs.office_hours import to_tokyo

    sato = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "c2")["code"]
    local = to_tokyo(case_row(database_url, code).queued_at)
    with dashboard_client(sim) as client:
        login(client, "sato", sato)
        assert f"受付 {local.month}/{local.day} {local.hour}:{local.minute:02d}" in row_html(client, code)


def test_the_promise_is_worked_out_on_the_set_clock_and_stored_in_real_time() -> None:
    """A Tuesday 10:00 machine whose simulator says Saturday 2:00: the promise is Monday's, stored real."""
    from datetime import UTC, datetime

    from dialogs.content import current_content
    from handoff.cases import reply_due
    from handoff.clock import use_clock
    from handoff.web import jst

    real = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # Tuesday 10:00 in Tokyo
    ahead = datetime(2026, 12, 4, 17, 0, tzinfo=UTC) - real  # Saturday 2:00 in Tokyo
    use_clock(lambda now: now + ahead)
    due = reply_due(real)
    assert due == current_content().reply_due(real + ahead) - ahead
    assert jst(real) == "12/5 2:00" and jst(due).startswith("12/7 ")
    use_clock(None)
    assert reply_due(real) == current_content().reply_due(real) and jst(real) == "11/24 10:00"


# ---------------------------------------------------------------- 5. held, from the database


def test_a_claim_in_the_dashboard_process_reaches_the_webhook_processs_first_crisis_reply(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two app instances on one database: the webhook's (with the worker) and the dashboard's."""
    monkeypatch.setenv("TSUNAGU_CSW_COOKIE_SECURE", "false")
    with (
        Simulator(database_url) as webhook,
        Simulator(database_url, TSUNAGU_RUN_WORKER=False) as dashboard,
    ):
        sato = add_account(database_url, "sato", team="csw_chuo")
        code = hand_off(webhook, "h1", crisis=True)["code"]  # the webhook process remembers: sent, not held
        with dashboard_client(dashboard) as client:
            login(client, "sato", sato)
            claim(client, code)
        webhook.wait_idle()
        assert case_row(database_url, code).connected_at is not None
        replies = webhook.send("h1", "やっぱりしにたい")
        said = "\n".join(r.text for r in replies)
        assert dialog_catalog.text("crisis.offer_with_person").strip() in said, said
        assert OFFICE_HOURS not in said
        assert dialog_catalog.text("crisis.offer").strip() not in said
        # Closed in the dashboard process: the webhook's next crisis reply offers a person again.
        with dashboard_client(dashboard) as client:
            login(client, "sato", sato)
            post(client, code, "acknowledge")
            post(client, code, "close", outcome="self_reliance")
        webhook.wait_idle()
        wait_for(lambda: case_row(database_url, code).status == "closed")
        replies = webhook.send("h1", "やっぱりしにたい")
        said = "\n".join(r.text for r in replies)
        assert dialog_catalog.text("crisis.offer_with_person").strip() not in said


# ---------------------------------------------------------------- in the browser


@pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium")
def test_in_the_browser_the_queue_shows_its_sections_and_a_crisis_on_her_case_rises_live(
    sim: Simulator, browser: Any, database_url: str
) -> None:
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
    sato = add_account(database_url, "sato", team="csw_chuo")
    tanaka = add_account(database_url, "tanaka", team="csw_chuo")
    colleagues = hand_off(sim, "b1")["code"]
    hers = hand_off(sim, "b2")["code"]
    waiting = hand_off(sim, "b3")["code"]
    crisis = hand_off(sim, "b4", crisis=True)["code"]
    with dashboard_client(sim) as client:
        login(client, "tanaka", tanaka)
        claim(client, colleagues)
    page = signed_in(browser, sim, "sato", sato, bypass_csp=True)  # axe is injected as an inline script
    page.goto(f"{sim.base_url}/csw/cases/{hers}")
    page.click("#claim")
    sim.wait_idle()
    page.goto(f"{sim.base_url}/csw")
    rows = page.locator("#queue-rows li.qrow")
    expect(rows).to_have_count(4)
    assert [rows.nth(i).get_attribute("data-case") for i in range(4)] == [crisis, waiting, hers, colleagues]
    headings = page.locator("#queue-rows .q-section h2")
    expect(headings).to_have_text([catalog.text(f"csw.queue.section_{s}") for s in ("now", "mine", "others")])
    expect(page.locator(f'[data-case="{colleagues}"] .holder')).to_have_text(
        catalog.text("csw.queue.held_by_other", name="tanaka")
    )
    expect(page.locator(f'[data-case="{hers}"] .holder')).to_have_text(catalog.text("csw.queue.held_by_me"))
    page.screenshot(path=str(ARTIFACTS / "s14-queue-sections.png"), full_page=True)
    assert axe_violations(page) == []
    sim.send("b2", "もう死にたい")  # her case, not yet answered: it rises to the top, countdown kept
    expect(rows.first).to_have_attribute("data-case", hers, timeout=15_000)
    expect(rows.first.locator(".due")).to_contain_text("あと")
    expect(rows.first.locator(".holder")).to_have_text(catalog.text("csw.queue.held_by_me"))
    page.screenshot(path=str(ARTIFACTS / "s14-queue-crisis-on-hers.png"), full_page=True)
    page.context.close()
