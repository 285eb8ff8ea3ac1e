"""The JSON API: bearer tokens (hashed at rest), the same object-level authorization as the dashboard,
claim/reply/close with 409 on a lost race, audit entries with via=api, and the OpenAPI description."""

from __future__ import annotations

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from bot.store.case_tables import ApiToken
from bot.store.db import sync_url
from handoff import admin
from tests.handoff.helpers import add_account, audit_actions, case_row, hand_off, route


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for a token."""
    return {"authorization": f"Bearer {token}"}


def test_api_needs_a_valid_token(sim: Simulator, database_url: str) -> None:
    assert sim.http.get("/api/v1/cases").status_code == 401
    assert sim.http.get("/api/v1/cases", headers=bearer("tsg_not-a-token")).status_code == 401
    add_account(database_url, "chuo", team="csw_chuo")
    token = admin.token(database_url, login="chuo", name="case system")
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        stored = session.scalars(select(ApiToken.token_hash)).one()
    engine.dispose()
    assert token not in stored, "only the hash is stored"
    assert sim.http.get("/api/v1/cases", headers=bearer(token)).status_code == 200
    admin.disable(database_url, login="chuo")
    assert sim.http.get("/api/v1/cases", headers=bearer(token)).status_code == 401


def test_api_district_scoping(sim: Simulator, database_url: str) -> None:
    add_account(database_url, "chuo", team="csw_chuo")
    token = admin.token(database_url, login="chuo", name="case system")
    theirs = hand_off(sim, "u1")
    route(database_url, theirs["code"], team="csw_kitayama", district="kitayama")
    mine = hand_off(sim, "u2")
    route(database_url, mine["code"], team="csw_chuo", district="chuo")
    listed = sim.http.get("/api/v1/cases", headers=bearer(token)).json()
    assert [c["code"] for c in listed] == [mine["code"]]
    assert sim.http.get(f"/api/v1/cases/{theirs['code']}", headers=bearer(token)).status_code == 404
    assert sim.http.post(f"/api/v1/cases/{theirs['code']}/claim", headers=bearer(token)).status_code == 404
    assert case_row(database_url, theirs["code"]).status == "waiting"


def test_api_claim_reply_close(sim: Simulator, database_url: str) -> None:
    add_account(database_url, "a", team="csw_chuo")
    add_account(database_url, "b", team="csw_chuo")
    first = admin.token(database_url, login="a", name="system")
    second = admin.token(database_url, login="b", name="system")
    code = hand_off(sim, "u1", crisis=True)["code"]

    detail = sim.http.get(f"/api/v1/cases/{code}", headers=bearer(first)).json()
    assert detail["urgency"] == "crisis" and "相談受付票" in detail["summary_text"]
    assert sim.user_id("u1") not in str(detail)
    assert sim.http.post(f"/api/v1/cases/{code}/claim", headers=bearer(first)).json()["status"] == "claimed"
    assert sim.http.post(f"/api/v1/cases/{code}/claim", headers=bearer(second)).status_code == 409
    refused = sim.http.post(
        f"/api/v1/cases/{code}/reply", headers=bearer(second), json={"text": "こんにちは"}
    )
    assert refused.status_code == 403, "only the claimer replies"
    sent = sim.http.post(f"/api/v1/cases/{code}/reply", headers=bearer(first), json={"text": "読みました。"})
    assert sent.json()["status"] == "in_conversation"
    sim.wait_idle()
    assert sim.received("u1")[-1].text == "読みました。"
    thread = sim.http.get(f"/api/v1/cases/{code}", headers=bearer(first)).json()["thread"]
    assert [t["delivery"] for t in thread if t["kind"] == "csw"] == ["sent"]
    bad = sim.http.post(f"/api/v1/cases/{code}/close", headers=bearer(first), json={"outcome": "nonsense"})
    assert bad.status_code == 403
    closed = sim.http.post(
        f"/api/v1/cases/{code}/close", headers=bearer(first), json={"outcome": "info_only"}
    )
    assert closed.json()["status"] == "closed"
    assert [(actor, action, via) for actor, action, via in audit_actions(database_url, code)] == [
        ("a", "exported", "api"),
        ("a", "claimed", "api"),
        ("a", "replied", "api"),
        ("a", "exported", "api"),
        ("a", "closed", "api"),
    ]


def test_openapi_documents_the_api_and_not_the_dashboard(sim: Simulator) -> None:
    schema = sim.http.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/v1/cases", "/api/v1/cases/{code}", "/api/v1/cases/{code}/claim"):
        assert path in paths
    assert "/api/v1/cases/{code}/reply" in paths and "/api/v1/cases/{code}/close" in paths
    assert not any(path.startswith("/csw") for path in paths)
    assert any(scheme["type"] == "http" for scheme in schema["components"]["securitySchemes"].values())
