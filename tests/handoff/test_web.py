"""Dashboard security and behaviour over HTTP: login, lockout, session rotation and timeouts, CSRF,
object-level authorization, security headers, the audit log, and the relay seen from the person's side."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from bot.store.case_tables import CswSession
from bot.store.db import sync_url, utcnow
from dialogs import catalog as dialog_catalog
from dialogs.content import current_content
from handoff import catalog
from tests.handoff.helpers import (
    add_account,
    audit_actions,
    case_row,
    csrf_in,
    csw_with_case,
    dashboard_client,
    hand_off,
    login,
    route,
    wait_for,
)

COOKIE = "tsunagu_csw"


def test_login_rotates_the_session_and_logout_ends_it(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    with dashboard_client(sim) as client:
        assert client.get("/csw").headers["location"] == "/csw/login"
        assert login(client, "sato", password).status_code == 303
        first = client.cookies[COOKIE]
        assert client.get("/csw").status_code == 200
        assert login(client, "sato", password).status_code == 303
        second = client.cookies[COOKIE]
        assert second != first
        with dashboard_client(sim) as stale:
            stale.cookies.set(COOKIE, first)
            assert stale.get("/csw").status_code == 303, "the pre-login session no longer works"
        page = client.get("/csw")
        assert client.post("/csw/logout", data={"csrf": csrf_in(page.text)}).status_code == 303
        client.cookies.set(COOKIE, second)
        assert client.get("/csw").status_code == 303


def test_session_cookie_flags(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    with dashboard_client(sim) as client:
        response = login(client, "sato", password)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


def test_wrong_password_and_lockout(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    with dashboard_client(sim) as client:
        assert login(client, "nobody", "whatever-password").status_code == 401
        for _ in range(5):
            assert login(client, "sato", "wrong-password!!").status_code == 401
        locked = login(client, "sato", password)
        assert locked.status_code == 429, "five failures lock the account from this address"
        assert COOKIE not in client.cookies


def test_idle_timeout_sends_back_to_login(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        engine = create_engine(sync_url(database_url))
        with Session(engine) as session, session.begin():
            session.execute(update(CswSession).values(last_seen_at=utcnow() - timedelta(hours=1)))
        engine.dispose()
        assert client.get("/csw").headers["location"] == "/csw/login"
        assert client.get("/csw/queue/rows").status_code == 401


def test_csrf_is_required_on_every_post(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    case = hand_off(sim, "u1")
    with dashboard_client(sim) as client:
        no_cookie = client.post("/csw/login", data={"login": "sato", "password": password, "csrf": "x"})
        assert no_cookie.status_code == 403
        login(client, "sato", password)
        assert client.post(f"/csw/cases/{case['code']}/claim").status_code == 403
        assert client.post(f"/csw/cases/{case['code']}/claim", data={"csrf": "forged"}).status_code == 403
        assert client.post("/csw/logout", data={"csrf": "forged"}).status_code == 403
        assert case_row(database_url, case["code"]).status == "waiting"
        assert client.get(f"/csw/cases/{case['code']}/claim").status_code == 405, "no state change by GET"
        page = client.get(f"/csw/cases/{case['code']}")
        client.post(f"/csw/cases/{case['code']}/claim", data={"csrf": csrf_in(page.text)})
        assert case_row(database_url, case["code"]).status == "claimed"


def test_a_csw_cannot_see_or_touch_another_districts_case(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "chuo", team="csw_chuo")
    boss_password = add_account(database_url, "boss", role="supervisor")
    theirs = hand_off(sim, "u1")
    route(database_url, theirs["code"], team="csw_kitayama", district="kitayama")
    shared = hand_off(sim, "u2")
    with dashboard_client(sim) as client:
        login(client, "chuo", password)
        queue_page = client.get("/csw?status=all").text
        assert shared["code"] in queue_page and theirs["code"] not in queue_page
        assert client.get(f"/csw/cases/{theirs['code']}").status_code == 404
        assert client.get(f"/csw/cases/{theirs['code']}/thread").status_code == 404
        assert client.get(f"/csw/cases/{theirs['code']}/export.json").status_code == 404
        csrf = csrf_in(client.get("/csw").text)
        assert client.post(f"/csw/cases/{theirs['code']}/claim", data={"csrf": csrf}).status_code == 404
        assert case_row(database_url, theirs["code"]).status == "waiting"
        assert client.get("/csw/audit").status_code == 404, "the audit log is for supervisors"
    with dashboard_client(sim) as client:
        login(client, "boss", boss_password)
        assert client.get(f"/csw/cases/{theirs['code']}").status_code == 200
        assert client.get("/csw/audit").status_code == 200


def test_pages_never_show_line_ids(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "boss", role="supervisor")
    case = hand_off(sim, "u1")
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        pages = [client.get("/csw").text, client.get(f"/csw/cases/{case['code']}").text]
        pages.append(client.get(f"/csw/cases/{case['code']}/export.json").text)
    assert all(sim.user_id("u1") not in page for page in pages)


def test_security_headers(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "boss", role="supervisor")
    case = hand_off(sim, "u1")
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        for path in ("/csw/login", "/csw", f"/csw/cases/{case['code']}"):
            headers = client.get(path).headers
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
            assert "unsafe-inline" not in headers["content-security-policy"]
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["referrer-policy"] == "no-referrer"
            assert headers["cache-control"] == "no-store"
        api = client.get("/api/v1/cases").headers
        assert "frame-ancestors 'none'" in api["content-security-policy"]
        assert api["cache-control"] == "no-store"
        static = client.get("/csw/static/csw.css")
        assert static.status_code == 200
        assert static.headers["x-content-type-options"] == "nosniff"
        assert static.headers.get("cache-control") != "no-store", "static files may be cached"
        for path in ("/healthz", "/openapi.json"):
            outside = client.get(path).headers
            assert "content-security-policy" not in outside, "only /csw and /api/v1 get the headers"
            assert outside.get("cache-control") != "no-store"
        webhook = client.post("/line/webhook", content=b"{}", headers={"x-line-signature": "bad"})
        assert "content-security-policy" not in webhook.headers


def test_security_headers_middleware_is_plain_asgi() -> None:
    from handoff.web import SecurityHeaders, is_protected

    assert all(is_protected(p) for p in ("/csw", "/csw/", "/csw/cases/X", "/api/v1", "/api/v1/cases"))
    assert not any(is_protected(p) for p in ("/line/webhook", "/cswx", "/api/v10", "/healthz", "/"))
    assert not hasattr(SecurityHeaders, "dispatch"), "not a BaseHTTPMiddleware"


def test_every_action_is_audited_and_the_person_hears_each_step(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    case = hand_off(sim, "u1")
    code = case["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", password)

        def post(action: str, **data: str) -> None:
            csrf = csrf_in(client.get(f"/csw/cases/{code}").text)
            response = client.post(f"/csw/cases/{code}/{action}", data={"csrf": csrf, **data})
            assert response.status_code == 303
            assert "conflict" not in response.headers["location"]
            assert "forbidden" not in response.headers["location"]

        post("claim")
        sim.wait_idle()
        told = sim.received("u1")[-1]
        shared = current_content().team(current_content().shared_team).name
        assert told.text.splitlines()[0] == catalog.text("relay.claimed", team=shared).splitlines()[0]
        assert told.method == "push"

        sim.send("u1", "よろしくお願いします")
        post("reply", text="読みました。ゆっくりで大丈夫です。")
        sim.wait_idle()
        replied = sim.received("u1")[-1]
        assert replied.text == "読みました。ゆっくりで大丈夫です。"
        assert replied.method == "reply", "the person's fresh, unused reply token is used (no push quota)"

        post("note", text="電話は苦手とのこと")
        assert "電話は苦手とのこと" not in [d.text for d in sim.received("u1")]
        post("release", note="電話は苦手。LINEで続けてください")
        sim.wait_idle()
        assert sim.received("u1")[-1].text == catalog.text("relay.released"), "told kindly of the change"
        post("claim")
        post("transfer", team="csw_chuo", note="中央地区の居場所を希望")
        sim.wait_idle()
        chuo = current_content().team("csw_chuo").name
        assert sim.received("u1")[-1].text == catalog.text("relay.transferred", team=chuo)
        post("claim")
        client.get(f"/csw/cases/{code}/export.json")
        post("close", outcome="info_only")
        sim.wait_idle()
        assert sim.received("u1")[-1].text == catalog.text("relay.closed")
    actions = [action for actor, action, via in audit_actions(database_url, code)]
    for expected in (
        "viewed",
        "claimed",
        "replied",
        "noted",
        "released",
        "transferred",
        "exported",
        "closed",
    ):
        assert expected in actions
    assert all(actor == "sato" and via == "web" for actor, _, via in audit_actions(database_url, code))
    stored = case_row(database_url, code)
    assert stored.status == "closed" and stored.outcome == "info_only" and stored.team == "csw_chuo"


def test_while_a_csw_holds_the_case_the_bot_is_quiet_but_crisis_and_delete_still_work(
    sim: Simulator, database_url: str
) -> None:
    with csw_with_case(sim, database_url, "u1", claimed=True) as (client, code):
        before = len(sim.received("u1"))
        sim.send("u1", "家族のことを相談したいです")
        assert len(sim.received("u1")) == before, "the bot stays quiet"

        sim.send("u1", "もう死にたい")
        crisis_replies = sim.received("u1")[before:]
        assert crisis_replies, "crisis wording still gets emergency resources at once"
        stored = case_row(database_url, code)
        assert stored.alert and stored.urgency == "crisis"
        thread = client.get(f"/csw/cases/{code}/thread").text
        assert "もう死にたい" in thread and "危機の言葉" in thread

        # try-out 17 (S1-1): the reply says the 相談員 reading sees it, and offers no hand-off
        # (it offered 「人の担当者に伝える」/「このまま続ける」 while one was reading)
        said = "\n".join(d.text for d in crisis_replies)
        assert dialog_catalog.text("crisis.offer_with_person").strip() in said
        assert not any(
            label == dialog_catalog.text("crisis.human") for d in crisis_replies for label, _ in d.choices
        )

        sim.send("u1", "データを消して")
        sim.choose("u1", dialog_catalog.text("delete.yes"))
        wait_for(lambda: not [c for c in sim.cases() if c["code"] == code])
        assert client.get(f"/csw/cases/{code}").status_code == 404


def test_a_person_who_comes_back_after_closing_gets_a_linked_case(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "boss", role="supervisor")
    first = hand_off(sim, "u1")
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        for action, data in (("claim", {}), ("close", {"outcome": "info_only"})):
            csrf = csrf_in(client.get(f"/csw/cases/{first['code']}").text)
            client.post(f"/csw/cases/{first['code']}/{action}", data={"csrf": csrf, **data})
        sim.wait_idle()
        second = hand_off(sim, "u1")
        page = client.get(f"/csw/cases/{second['code']}").text
        assert f"/csw/cases/{first['code']}" in page, "the new case links to the earlier one"
