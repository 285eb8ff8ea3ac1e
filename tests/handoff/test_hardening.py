"""Issue 14, dashboard and API side: idle time, login throttling and its audit, refused access and
thread reads audited, API token scopes and lifetimes, malformed Unicode, password changes, HSTS."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any, ClassVar

import httpx
import pytest
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session
from starlette.types import Message, Receive, Scope, Send

from bot.simulator import Simulator
from bot.store.case_tables import ApiToken, AuditEntry, CswSession, LoginFailure
from bot.store.db import sync_url, utcnow
from handoff import accounts, admin
from handoff.web import SecurityHeaders
from tests.handoff.helpers import (
    add_account,
    case_row,
    csrf_in,
    csw_with_case,
    dashboard_client,
    hand_off,
    login,
    route,
)

WRONG = "wrong-password-123"


def audit_rows(database_url: str) -> list[AuditEntry]:
    """Every audit entry, oldest first, detached."""
    engine = create_engine(sync_url(database_url))
    with Session(engine, expire_on_commit=False) as session:
        result = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        session.expunge_all()
    engine.dispose()
    return result


def execute(database_url: str, statement: Any) -> None:
    """Run one statement in its own transaction."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        session.execute(statement)
    engine.dispose()


def last_seen(database_url: str) -> Any:
    """The only session's last activity time."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        value = session.scalars(select(CswSession.last_seen_at)).one()
    engine.dispose()
    return value


def bearer(token: str) -> dict[str, str]:
    """An Authorization header."""
    return {"authorization": f"Bearer {token}"}


# ---------------------------------------------------------------- sessions


def test_polling_does_not_extend_the_idle_time_and_the_page_warns(sim: Simulator, database_url: str) -> None:
    with csw_with_case(sim, database_url, "u1") as (client, code):
        page = client.get("/csw").text
        assert "data-session-expires=" in page and 'id="session-warning"' in page
        twenty_minutes_ago = utcnow() - timedelta(minutes=20)
        execute(database_url, update(CswSession).values(last_seen_at=twenty_minutes_ago))
        for _ in range(3):
            assert client.get("/csw/queue/rows").status_code == 200
            assert client.get(f"/csw/cases/{code}/thread").status_code == 200
        assert last_seen(database_url) == twenty_minutes_ago, "polling is not the person's activity"
        execute(database_url, update(CswSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
        assert client.get("/csw/queue/rows").status_code == 401, "an unattended tab times out"


# ---------------------------------------------------------------- login throttling


def test_forwarded_for_does_not_choose_the_address_or_dodge_the_lockout(
    sim: Simulator, database_url: str
) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    with dashboard_client(sim) as client:
        csrf = csrf_in(client.get("/csw/login").text)
        statuses = [
            client.post(
                "/csw/login",
                data={"login": "sato", "password": WRONG, "csrf": csrf},
                headers={"x-forwarded-for": f"203.0.113.{i}"},
            ).status_code
            for i in range(20)
        ]
        right = client.post(
            "/csw/login",
            data={"login": "sato", "password": password, "csrf": csrf},
            headers={"x-forwarded-for": "203.0.113.99"},
        )
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    assert right.status_code == 429, "the account stays locked whatever address the client claims"
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        addresses = set(session.scalars(select(LoginFailure.address)))
    engine.dispose()
    assert addresses == {"127.0.0.1"}


def test_one_address_trying_many_logins_is_throttled(sim: Simulator, database_url: str) -> None:
    with dashboard_client(sim) as client:
        csrf = csrf_in(client.get("/csw/login").text)
        statuses = [
            client.post("/csw/login", data={"login": f"user{i}", "password": WRONG, "csrf": csrf}).status_code
            for i in range(22)
        ]
    assert statuses[:20] == [401] * 20 and statuses[20:] == [429, 429]


def test_concurrent_attempts_check_at_most_the_allowed_passwords(
    sim: Simulator, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_account(database_url, "sato", team="csw_chuo")
    real = accounts.HASHER

    class CountingHasher:
        """The real hasher, counting password checks."""

        checks = 0
        threads: ClassVar[set[str]] = set()
        lock = threading.Lock()

        def verify(self, stored: str, password: str) -> bool:
            with self.lock:
                CountingHasher.checks += 1
                CountingHasher.threads.add(threading.current_thread().name)
            return real.verify(stored, password)

        def hash(self, password: str) -> str:
            return real.hash(password)

    monkeypatch.setattr(accounts, "HASHER", CountingHasher())
    with dashboard_client(sim) as client:
        csrf = csrf_in(client.get("/csw/login").text)
        cookies = dict(client.cookies)

    def attempt(_: int) -> int:
        with httpx.Client(base_url=sim.base_url, cookies=cookies, timeout=60) as own:
            data = {"login": "sato", "password": WRONG, "csrf": csrf}
            return own.post("/csw/login", data=data).status_code

    with ThreadPoolExecutor(50) as pool:
        statuses = list(pool.map(attempt, range(200)))
    assert statuses.count(401) == 5 and statuses.count(429) == 195
    assert CountingHasher.checks == 5, "200 concurrent attempts, five password checks (the allowed number)"
    assert "tsunagu-simulator" not in CountingHasher.threads, "argon2 never runs on the event loop's thread"


def test_failures_and_lockouts_are_logged_and_audited_without_passwords(
    sim: Simulator, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    add_account(database_url, "sato", team="csw_chuo")
    caplog.set_level(logging.INFO)
    with dashboard_client(sim) as client:
        for _ in range(6):
            login(client, "sato", WRONG)
        login(client, "nobody", WRONG)
    assert "dashboard login failed" in caplog.text and "locked out" in caplog.text
    assert WRONG not in caplog.text
    actions = [(e.actor, e.action) for e in audit_rows(database_url)]
    assert actions.count(("sato", "login_failed")) == 5
    assert ("sato", "login_locked") in actions and ("nobody", "login_failed") in actions
    assert all(WRONG not in e.detail for e in audit_rows(database_url))


# ---------------------------------------------------------------- audit of reads and refusals


def test_refused_access_is_audited(sim: Simulator, database_url: str) -> None:
    password = add_account(database_url, "chuo", team="csw_chuo")
    case = hand_off(sim, "u1")
    route(database_url, case["code"], team="csw_kitayama", district=None)
    with dashboard_client(sim) as client:
        login(client, "chuo", password)
        for path in (f"/csw/cases/{case['code']}", f"/csw/cases/{case['code']}/thread", "/csw/audit"):
            assert client.get(path).status_code == 404
    refused = [(e.actor, e.case_code) for e in audit_rows(database_url) if e.action == "refused"]
    assert refused == [("chuo", case["code"]), ("chuo", case["code"]), ("chuo", None)]


def test_thread_reads_are_audited_once_per_idle_period(sim: Simulator, database_url: str) -> None:
    with csw_with_case(sim, database_url, "u1") as (client, code):
        for _ in range(5):
            assert client.get(f"/csw/cases/{code}/thread").status_code == 200
    views = [e for e in audit_rows(database_url) if e.action == "viewed" and e.case_code == code]
    assert len(views) == 1 and views[0].actor == "sato"


# ---------------------------------------------------------------- API tokens


def test_a_read_token_cannot_claim_reply_or_close(sim: Simulator, database_url: str) -> None:
    add_account(database_url, "boss", role="supervisor")
    code = hand_off(sim, "u1")["code"]
    token = admin.token(database_url, login="boss", name="pull", scope="read", days=30)
    assert sim.http.get(f"/api/v1/cases/{code}", headers=bearer(token)).status_code == 200
    for action, body in (("claim", None), ("reply", {"text": "こんにちは"}), ("close", {"outcome": "other"})):
        response = sim.http.post(f"/api/v1/cases/{code}/{action}", json=body, headers=bearer(token))
        assert response.status_code == 403, action
    assert case_row(database_url, code).status == "waiting"
    refused = [e for e in audit_rows(database_url) if e.action == "refused"]
    assert len(refused) == 3 and all(e.via == "api" for e in refused)


def test_tokens_expire_and_one_can_be_revoked(sim: Simulator, database_url: str) -> None:
    add_account(database_url, "boss", role="supervisor")
    first = admin.token(database_url, login="boss", name="one", scope="read", days=30)
    second = admin.token(database_url, login="boss", name="two", scope="read", days=30)
    [listed_first, listed_second] = admin.tokens(database_url, login="boss")
    assert listed_first["name"] == "one" and listed_first["expires_at"]
    assert first not in str(admin.tokens(database_url, login="boss")), "tokens are never listed"
    admin.revoke(database_url, login="boss", token_id=listed_first["id"])
    assert sim.http.get("/api/v1/cases", headers=bearer(first)).status_code == 401
    assert sim.http.get("/api/v1/cases", headers=bearer(second)).status_code == 200
    past = utcnow() - timedelta(seconds=1)
    execute(database_url, update(ApiToken).where(ApiToken.id == listed_second["id"]).values(expires_at=past))
    assert sim.http.get("/api/v1/cases", headers=bearer(second)).status_code == 401


def test_reset_revokes_tokens_and_does_not_re_enable(sim: Simulator, database_url: str) -> None:
    add_account(database_url, "sato", team="csw_chuo")
    token = admin.token(database_url, login="sato", name="pull", scope="read", days=30)
    admin.reset(database_url, login="sato", password=None)
    assert sim.http.get("/api/v1/cases", headers=bearer(token)).status_code == 401
    admin.disable(database_url, login="sato")
    password = admin.reset(database_url, login="sato", password=None)
    [account] = admin.listing(database_url)
    assert account["disabled"] is True, "a reset is not a re-enable"
    with dashboard_client(sim) as client:
        assert login(client, "sato", password).status_code == 401
    admin.enable(database_url, login="sato")
    with dashboard_client(sim) as client:
        assert login(client, "sato", password).headers["location"] == "/csw/password"


# ---------------------------------------------------------------- malformed Unicode


def test_a_lone_surrogate_in_an_api_reply_is_refused_and_not_logged(
    sim: Simulator, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    add_account(database_url, "boss", role="supervisor")
    code = hand_off(sim, "u1")["code"]
    token = admin.token(database_url, login="boss", name="act", scope="act", days=30)
    assert sim.http.post(f"/api/v1/cases/{code}/claim", headers=bearer(token)).status_code == 200
    body = b'{"text": "private-words \\ud800"}'
    response = sim.http.post(
        f"/api/v1/cases/{code}/reply",
        content=body,
        headers={**bearer(token), "content-type": "application/json"},
    )
    assert response.status_code == 422
    assert "private-words" not in caplog.text


# ---------------------------------------------------------------- passwords


def test_a_generated_password_must_be_changed_first(sim: Simulator, database_url: str) -> None:
    generated = add_account(database_url, "sato", team="csw_chuo", must_change=True)
    chosen = "my-own-long-passphrase"
    with dashboard_client(sim) as client:
        assert login(client, "sato", generated).headers["location"] == "/csw/password"
        assert client.get("/csw").headers["location"] == "/csw/password", "nothing else until changed"
        assert client.get("/csw/queue/rows").status_code == 403
        form = client.get("/csw/password")
        assert form.status_code == 200
        csrf = csrf_in(form.text)
        wrong = client.post(
            "/csw/password", data={"current": WRONG, "new": chosen, "confirm": chosen, "csrf": csrf}
        )
        assert wrong.headers["location"] == "/csw/password?msg=current"
        short = client.post(
            "/csw/password", data={"current": generated, "new": "short", "confirm": "short", "csrf": csrf}
        )
        assert short.headers["location"] == "/csw/password?msg=short"
        done = client.post(
            "/csw/password", data={"current": generated, "new": chosen, "confirm": chosen, "csrf": csrf}
        )
        assert done.status_code == 303 and done.headers["location"].startswith("/csw?")
        assert client.get("/csw").status_code == 200
    with dashboard_client(sim) as fresh:
        assert login(fresh, "sato", generated).status_code == 401
        assert login(fresh, "sato", chosen).headers["location"] == "/csw"
    assert "password" in [e.action for e in audit_rows(database_url)]


def test_hsts_only_when_cookies_are_secure() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    def headers_of(middleware: SecurityHeaders) -> dict[bytes, bytes]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request"}

        import asyncio

        asyncio.run(middleware({"type": "http", "path": "/csw"}, receive, send))
        return dict(sent[0]["headers"])

    assert headers_of(SecurityHeaders(app, hsts=True))[b"strict-transport-security"].startswith(b"max-age=")
    assert b"strict-transport-security" not in headers_of(SecurityHeaders(app, hsts=False))
