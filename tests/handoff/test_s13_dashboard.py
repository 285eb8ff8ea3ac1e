"""Session 13, CSW try-out 17: what two CSWs met on a busy Monday, each fixed and kept fixed.

S1-1 the bot's own messages after the claim (the direct question above all) were missing from the CSW's
thread, so the person's 「はい」 arrived with no question before it; the held-case crisis reply promised
office-hours reading. S1-2 an active CSW was thrown out at a fixed time and lost her draft. S2 a refusal
that did not name who holds the case, raw codes in the audit log, a search hiding closed cases, a phone
number in the queue, a deleted case read as 'not yours'. S3 the login ID cleared after a wrong password.
"""

from __future__ import annotations

import re
from datetime import datetime

import httpx
from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from bot.store.case_tables import Case
from bot.store.db import sync_url
from dialogs import catalog as dialog_catalog
from handoff import catalog
from handoff.queue import masked
from tests.handoff.helpers import (
    add_account,
    claim,
    csrf_in,
    dashboard_client,
    hand_off,
    login,
    route,
    wait_for,
)

OFFICE_HOURS = "窓口の開いている時間に読みます"
QUESTION = "死にたいと思う気持ちがありますか"
PILLS = "まだ手元にあります。30錠くらい。今夜のむかもしれない"


def texts(sim: Simulator, user: str, start: int = 0) -> list[str]:
    return [d.text for d in sim.received(user)[start:]]


def thread_html(client: httpx.Client, code: str) -> str:
    page = client.get(f"/csw/cases/{code}").text
    start = page.index('id="thread"')
    return page[start : page.index("</ol>", start)]


def set_summary(database_url: str, code: str, summary: dict[str, object], text: str = "") -> None:
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        values: dict[str, object] = {"summary": summary}
        if text:
            values["summary_text"] = text
        session.execute(update(Case).where(Case.code == code).values(**values))
    engine.dispose()


# ---------------------------------------------------------------- S1-1


def test_after_the_claim_the_bots_crisis_reply_and_question_are_in_the_thread_before_her_yes(
    sim: Simulator, database_url: str
) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "p1", crisis=True)["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        claim(client, code)
        sim.wait_idle()
        start = len(sim.received("p1"))
        sim.send("p1", PILLS)
        sim.wait_idle()
        got = "\n".join(texts(sim, "p1", start))
        assert OFFICE_HOURS not in got, "a 相談員 holds the case: no office-hours promise"
        assert dialog_catalog.text("crisis.offer").strip() not in got, "no second hand-off offered"
        assert dialog_catalog.text("crisis.offer_with_person").strip() in got
        assert QUESTION in got, "the direct question stays (safety)"
        sim.send("p1", "はい")
        sim.wait_idle()
        thread = thread_html(client, code)
        assert "ボット（自動応答）" in thread
        assert thread.index(PILLS) < thread.index(QUESTION) < thread.rindex("はい</div>"), (
            "her words, then the bot's question, then her はい"
        )
        assert dialog_catalog.text("crisis.offer_with_person").strip() in thread
        claimed_notice = catalog.text("relay.claimed", team="").split("\n")[0][:10]
        assert claimed_notice in thread, "what the person was told at the claim is there too"


def test_a_case_nobody_took_shows_no_bot_lines_in_its_thread(sim: Simulator, database_url: str) -> None:
    """Negative: before the claim the bot's conversation is the consented history, not the thread."""
    password = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "p2")["code"]
    sim.send("p2", "もう死にたい")
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        assert "ボット（自動応答）" not in thread_html(client, code)


# ---------------------------------------------------------------- S1-2


def test_every_action_returns_the_new_expiry_and_the_session_can_be_checked(
    sim: Simulator, database_url: str
) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "p3")["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        page = client.get(f"/csw/cases/{code}").text
        loaded = re.search(r'data-session-expires="([^"]+)"', page)
        assert loaded
        answer = client.post(
            f"/csw/cases/{code}/claim", data={"csrf": csrf_in(page)}, headers={"accept": "application/json"}
        ).json()
        assert answer["ok"] and answer["expires_at"]
        assert datetime.fromisoformat(answer["expires_at"]) >= datetime.fromisoformat(loaded.group(1))
        note = client.post(
            f"/csw/cases/{code}/note",
            data={"csrf": csrf_in(page), "text": "メモ"},
            headers={"accept": "application/json"},
        ).json()
        assert note["expires_at"]
        checked = client.get("/csw/session", headers={"accept": "application/json"})
        assert checked.status_code == 200 and checked.json()["expires_at"]
        client.post("/csw/logout", data={"csrf": csrf_in(page)})
        assert client.get("/csw/session").status_code == 401, "a check answers 401, not a redirect"


def test_login_returns_to_the_case_page_and_never_elsewhere(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "p4")["code"]
    for next_page, lands in (
        (f"/csw/cases/{code}", f"/csw/cases/{code}"),
        ("https://example.com/", "/csw"),
        ("//example.com", "/csw"),
    ):
        with dashboard_client(sim) as client:
            form = client.get("/csw/login", params={"next": next_page}).text
            if lands != "/csw":
                assert f'name="next" value="{next_page}"' in form
            answer = client.post(
                "/csw/login",
                data={"login": "sato", "password": password, "csrf": csrf_in(form), "next": next_page},
            )
            assert answer.status_code == 303 and answer.headers["location"] == lands


# ---------------------------------------------------------------- S2


def test_a_colleague_sees_who_holds_the_case_and_a_disabled_form(sim: Simulator, database_url: str) -> None:
    sato = add_account(database_url, "sato", team="csw_chuo")
    tanaka = add_account(database_url, "tanaka", team="csw_chuo")
    code = hand_off(sim, "p5")["code"]
    with dashboard_client(sim) as a, dashboard_client(sim) as b:
        login(a, "sato", sato)
        login(b, "tanaka", tanaka)
        page_b = b.get(f"/csw/cases/{code}").text
        claim(a, code)
        answer = b.post(
            f"/csw/cases/{code}/reply",
            data={"csrf": csrf_in(page_b), "text": "田中です。メッセージを読みました。"},
            headers={"accept": "application/json"},
        )
        assert answer.status_code == 409
        said = answer.json()["message"]
        assert "satoさんが担当しています" in said
        assert "あなたの担当ではなくなりました" not in said, "it was never hers"
        page_b = b.get(f"/csw/cases/{code}").text
        assert "このケースはsatoさんが担当しています" in page_b
        assert re.search(r'id="send-reply" disabled', page_b)
        live = b.get(f"/csw/cases/{code}/live").json()
        assert not live["can_reply"] and "satoさん" in live["held_by"]
        page_a = a.get(f"/csw/cases/{code}").text
        assert not re.search(r'id="send-reply" disabled', page_a), "the one who holds it can send"
        assert a.get(f"/csw/cases/{code}/live").json()["held_by"] == ""


def test_the_audit_log_speaks_japanese(sim: Simulator, database_url: str) -> None:
    boss = add_account(database_url, "boss", role="supervisor")
    sato = add_account(database_url, "sato", team="csw_chuo")
    other = hand_off(sim, "p6")["code"]
    route(database_url, other, team="csw_kita", district=None)
    closed = hand_off(sim, "p7")["code"]
    with dashboard_client(sim) as s, dashboard_client(sim) as b:
        login(s, "sato", sato)
        assert s.get(f"/csw/cases/{other}").status_code == 404
        login(b, "boss", boss)
        for action, data in (("claim", {}), ("close", {"outcome": "hikikomori"})):
            csrf = csrf_in(b.get(f"/csw/cases/{closed}").text)
            b.post(f"/csw/cases/{closed}/{action}", data={"csrf": csrf, **data})
        log = b.get("/csw/audit").text
        body = log[log.index("<tbody>") :]
        assert "拒否" in body and "閲覧できないケース" in body
        assert "not visible" not in body and "GET /csw" not in body
        assert catalog.text("csw.outcome.hikikomori") in body
        assert ">hikikomori<" not in body


def test_a_search_that_matches_only_closed_cases_says_so(sim: Simulator, database_url: str) -> None:
    boss = add_account(database_url, "boss", role="supervisor")
    code = hand_off(sim, "p8")["code"]
    words = "息子が部屋から出てきません"
    set_summary(database_url, code, {"asker": "family", "own_words": {"concerns": words}}, words)
    with dashboard_client(sim) as b:
        login(b, "boss", boss)
        open_page = b.get("/csw", params={"q": "息子"}).text
        assert "closed-matches" not in open_page, "nothing is hidden while the case is open"
        for action, data in (("claim", {}), ("close", {"outcome": "self_reliance"})):
            csrf = csrf_in(b.get(f"/csw/cases/{code}").text)
            b.post(f"/csw/cases/{code}/{action}", data={"csrf": csrf, **data})
        page = b.get("/csw", params={"q": "息子"}).text
        assert "終了したケースに 1 件あります" in page
        assert "status=all" in page[page.index('id="closed-matches"') :]
        shown = b.get("/csw", params={"q": "息子", "status": "all"}).text
        assert code in shown and 'id="closed-matches"' not in shown
        assert 'id="closed-matches"' not in b.get("/csw", params={"q": "娘"}).text, "no match, no hint"


def test_the_queue_row_quotes_the_concern_and_hides_phone_numbers(sim: Simulator, database_url: str) -> None:
    sato = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "p9")["code"]
    set_summary(
        database_url,
        code,
        {
            "asker": "family",
            "relation": "parent",
            "age_band": "40_64",
            "own_words": {
                "asker": "私は母で、72歳です",
                "concerns": "息子が部屋から出てきません。電話は090-1234-5678です",
            },
        },
    )
    with dashboard_client(sim) as client:
        login(client, "sato", sato)
        queue = client.get("/csw").text
        row = queue[queue.index(f'data-case="{code}"') :]
        row = row[: row.index("</li>")]
        assert "090-1234-5678" not in row and "（電話番号）" in row
        assert "息子が部屋から出てきません" in row
        assert "私は母で" not in row
        assert "ご本人（40〜64歳）のこと" in row
        case_page = client.get(f"/csw/cases/{code}").text
        assert "090-1234-5678" in case_page, "the case page of a CSW who may see it keeps the number"


def test_phone_numbers_are_masked_and_other_numbers_are_not() -> None:
    hidden = catalog.text("csw.queue.phone_hidden")
    for phone in (
        "090-1234-5678",
        "09012345678",
        "０９０－１２３４－５６７８",
        "03 1234 5678",
        "+81 90 1234 5678",
    ):
        assert masked(f"電話は{phone}です") == f"電話は{hidden}です", phone
    for kept in ("30錠くらい", "2026年12月7日", "110番", "0120-279", "10年以上", "72歳です"):
        assert masked(kept) == kept, kept


def test_a_case_the_person_deleted_says_so_on_reload(sim: Simulator, database_url: str) -> None:
    sato = add_account(database_url, "sato", team="csw_chuo")
    kita = add_account(database_url, "kita", team="csw_kitayama")
    code = hand_off(sim, "p10")["code"]
    route(database_url, code, team="csw_chuo", district=None)
    with dashboard_client(sim) as client, dashboard_client(sim) as elsewhere:
        login(client, "sato", sato)
        login(elsewhere, "kita", kita)
        assert client.get(f"/csw/cases/{code}").status_code == 200
        sim.send("p10", "データを消して")
        sim.choose("p10", dialog_catalog.text("delete.yes"))
        wait_for(lambda: not [c for c in sim.cases() if c["code"] == code])
        page = client.get(f"/csw/cases/{code}")
        assert page.status_code == 404
        assert "相談者がデータを削除したため、このケースは表示できません" in page.text
        assert "あなたの担当チームのケースではありません" not in page.text
        live = client.get(f"/csw/cases/{code}/live")
        assert live.status_code == 404 and "相談者がデータを削除した" in live.json()["message"]
        other_team = elsewhere.get(f"/csw/cases/{code}")
        assert "削除" not in other_team.text, "another team learns nothing about the case"
        assert client.get("/csw/cases/TG-ZZZZZZ").text.count("相談者がデータを削除") == 0
    boss = add_account(database_url, "boss", role="supervisor")
    with dashboard_client(sim) as supervisor:
        login(supervisor, "boss", boss)
        log = supervisor.get("/csw/audit", params={"case": code}).text
        body = log[log.index("<tbody>") :]
        assert "相談者がデータを削除済み" in body, "sato's refused reload reads so"
        assert "相談者がデータを削除しました" in body, "the deletion itself: the fact and time, no content"


def test_a_wrong_password_keeps_the_login_id(sim: Simulator, database_url: str) -> None:
    add_account(database_url, "sato", team="csw_chuo")
    with dashboard_client(sim) as client:
        form = client.get("/csw/login").text
        answer = client.post("/csw/login", data={"login": "sato", "password": "wrong", "csrf": csrf_in(form)})
        assert answer.status_code == 401
        assert 'name="login" autocomplete="username" required value="sato"' in answer.text
        assert 'type="password" autocomplete="current-password" required autofocus' in answer.text
