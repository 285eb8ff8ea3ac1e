"""The dashboard against bad input: tampered case codes, markup in a person's words, very long texts."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.handoff.helpers import add_account, csrf_in, dashboard_client, hand_off, login, wait_for

SCRIPT = '<script>alert("x")</script><img src=x onerror="alert(2)">'


@pytest.mark.parametrize(
    "code",
    ["TG-ZZZZZZ", "tg-7k3f9q", "TG-" + "A" * 300, "' OR 1=1 --", "%00", "..%2F..%2Fetc%2Fpasswd", "１２３"],
    ids=["unknown", "lowercase", "very-long", "sql", "nul", "traversal", "fullwidth"],
)
def test_tampered_case_codes_get_404_never_500(sim: Simulator, database_url: str, code: str) -> None:
    password = add_account(database_url, "boss", role="supervisor")
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        csrf = csrf_in(client.get("/csw").text)
        for path in (f"/csw/cases/{code}", f"/csw/cases/{code}/thread", f"/csw/cases/{code}/export.json"):
            assert client.get(path).status_code == 404, path
        assert client.post(f"/csw/cases/{code}/claim", data={"csrf": csrf}).status_code == 404


def test_markup_in_a_persons_words_is_shown_as_text(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "boss", role="supervisor")
    case = hand_off(sim, "u1")
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        page = client.get(f"/csw/cases/{case['code']}").text
        client.post(f"/csw/cases/{case['code']}/claim", data={"csrf": csrf_in(page)})
        sim.send("u1", SCRIPT)
        wait_for(lambda: "alert" in client.get(f"/csw/cases/{case['code']}/thread").text)
        thread = client.get(f"/csw/cases/{case['code']}/thread").text
        page = client.get(f"/csw/cases/{case['code']}").text
    for html in (thread, page):
        assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in thread


def test_very_long_messages_both_ways(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "boss", role="supervisor")
    case = hand_off(sim, "u1")
    long_words = "とても長い相談の文章です。" * 380
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        page = client.get(f"/csw/cases/{case['code']}").text
        client.post(f"/csw/cases/{case['code']}/claim", data={"csrf": csrf_in(page)})
        sim.send("u1", long_words[:5000])
        wait_for(lambda: long_words[:40] in client.get(f"/csw/cases/{case['code']}/thread").text)
        page = client.get(f"/csw/cases/{case['code']}").text
        reply = "お返事です。" * 500
        url = f"/csw/cases/{case['code']}/reply"
        assert client.post(url, data={"csrf": csrf_in(page), "text": reply[:2000]}).status_code == 303
        over_limit = client.post(url, data={"csrf": csrf_in(page), "text": reply[:3000]})
        assert over_limit.status_code != 500
        assert client.post(url, data={"csrf": csrf_in(page), "text": reply * 2}).status_code == 422
    sim.wait_idle()
    sent = [d.text for d in sim.received("u1") if d.text.startswith("お返事です。")]
    assert [len(text) for text in sent] == [2000], "the 2,000-character reply once; the longer ones refused"


def test_nul_in_a_login_is_refused_not_a_server_error(sim: Simulator) -> None:
    with dashboard_client(sim) as client:
        page = client.get("/csw/login").text
        answer = client.post("/csw/login", data={"login": "bo\x00ss", "password": "x", "csrf": csrf_in(page)})
        assert answer.status_code in (401, 422)
