"""Try-out t1 on the case side: a withdrawn consultation leaves the queue marked 「取り下げ」, a held one
reaches its CSW, and a long message reaches the sheet whole (items 6 and 7)."""

from __future__ import annotations

from pathlib import Path

from bot.simulator import Simulator
from dialogs import catalog as dialog_catalog
from handoff import catalog as handoff_catalog
from tests.handoff.helpers import (
    add_account,
    case_row,
    csrf_in,
    csw_with_case,
    dashboard_client,
    hand_off,
    login,
    wait_for,
)

LONG_MESSAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "long_message_t1.txt").read_text(
    encoding="utf-8"
)


def test_a_person_who_takes_it_back_before_anyone_claims_it_leaves_the_queue_marked_withdrawn(
    sim: Simulator, database_url: str
) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, "u13")["code"]
    sim.send("u13", "やっぱりやめます")
    sim.choose("u13", dialog_catalog.text("withdraw.yes"))
    wait_for(lambda: case_row(database_url, code).status == "closed")
    stored = case_row(database_url, code)
    assert stored.outcome == "withdrawn" and not stored.alert
    assert "取り下げ" in sim.received("u13")[-1].text
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        assert code not in client.get("/csw").text, "no longer waiting in the queue"
        page = client.get(f"/csw/cases/{code}").text
        assert "取り下げ" in page
        assert handoff_catalog.text("csw.withdrawn.notice") in page, "the page says why nothing can be done"
        assert f"/csw/cases/{code}/reopen" not in page and f"/csw/cases/{code}/claim" not in page
        csrf = csrf_in(client.get("/csw").text)
        client.post(f"/csw/cases/{code}/reopen", data={"csrf": csrf})
        client.post(f"/csw/cases/{code}/claim", data={"csrf": csrf})
    assert [case["code"] for case in sim.cases()] == [code], "only the person can send it again"
    assert case_row(database_url, code).status == "closed"


def test_a_change_of_mind_while_a_csw_holds_the_case_reaches_that_csw(
    sim: Simulator, database_url: str
) -> None:
    with csw_with_case(sim, database_url, "u14", claimed=True) as (client, code):
        sim.send("u14", "相談をキャンセルしたい")
        assert case_row(database_url, code).status == "claimed", "a held case is not taken from its CSW"
        assert "相談をキャンセルしたい" in client.get(f"/csw/cases/{code}/thread").text
        assert "相談員" in sim.received("u14")[-1].text


def test_a_message_of_1512_characters_is_on_the_case_page_whole(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    sim.follow("u15")
    sim.send("u15", LONG_MESSAGE)
    sim.send("u15", "担当の人と話したいです")
    sim.choose("u15", dialog_catalog.text("consent.share_summary"))
    code = sim.cases()[-1]["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        page = client.get(f"/csw/cases/{code}").text
    assert "平日の昼間なら" in page and "以下略" not in page


def test_a_secret_and_a_time_typed_after_sending_reach_the_cases_sheet(
    sim: Simulator, database_url: str
) -> None:
    code = hand_off(sim, "u9")["code"]
    sim.send("u9", "平日の夕方なら出られます")
    sim.send("u9", "妻には内緒で相談しています")
    stored = case_row(database_url, code)
    assert "妻には内緒" in str(stored.summary["considerations"])
    assert stored.summary["contact_times"]
    assert "妻には内緒" in stored.summary_text and "配慮" in stored.summary_text
    assert "considerations" not in stored.summary["unanswered"]
