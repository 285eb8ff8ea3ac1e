"""Helpers for handoff tests: accounts, cases made through the real consent flow, login, direct reads."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from bot.store.case_tables import AuditEntry, Case, CswAccount
from bot.store.db import sync_url
from dialogs import catalog
from handoff import admin

CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


def add_account(
    database_url: str, login: str, *, role: str = "csw", team: str | None = None, must_change: bool = False
) -> str:
    """Create an account and return its generated password (in a thread: Playwright owns this loop).

    Generated passwords must be changed at first login; tests that are not about that (`must_change`
    False) clear the flag, as if the person had already chosen this password.
    """
    with ThreadPoolExecutor(1) as pool:
        password = pool.submit(
            admin.add, database_url, login=login, name=f"{login}さん", role=role, team=team, password=None
        ).result()
    if not must_change:
        engine = create_engine(sync_url(database_url))
        with Session(engine) as session, session.begin():
            session.execute(
                update(CswAccount).where(CswAccount.login == login).values(must_change_password=False)
            )
        engine.dispose()
    return password


def hand_off(
    sim: Simulator, user: str, *, crisis: bool = False, conversation: bool = False
) -> dict[str, Any]:
    """A person follows, maybe writes crisis words, asks for a person and consents (to the summary, or
    with the conversation); returns the case."""
    before = {c["code"] for c in sim.cases()}
    sim.follow(user)
    if crisis:
        sim.send(user, "もう死にたい")
        sim.choose(user, catalog.text("crisis.human"))
    else:
        sim.choose(user, catalog.text("menu.human"))
    sim.choose(user, catalog.text("consent.share_conversation" if conversation else "consent.share_summary"))
    new = [c for c in sim.cases() if c["code"] not in before]
    assert len(new) == 1, new
    return new[0]


def route(database_url: str, code: str, *, team: str, district: str | None) -> None:
    """Put a case in another team's queue (as if the person had named that district)."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        session.execute(update(Case).where(Case.code == code).values(team=team, district=district))
    engine.dispose()


def case_row(database_url: str, code: str) -> Case:
    """The case as stored, detached."""
    engine = create_engine(sync_url(database_url))
    with Session(engine, expire_on_commit=False) as session:
        row = session.scalars(select(Case).where(Case.code == code)).one()
        session.expunge_all()
    engine.dispose()
    return row


def audit_actions(database_url: str, code: str | None = None) -> list[tuple[str, str, str]]:
    """(actor, action, via) of the audit log, oldest first, optionally for one case."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        query = select(AuditEntry.actor, AuditEntry.action, AuditEntry.via).order_by(AuditEntry.id)
        if code:
            query = query.where(AuditEntry.case_code == code)
        result = [tuple(row) for row in session.execute(query)]
    engine.dispose()
    return result  # type: ignore[return-value]


def csrf_in(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = CSRF_FIELD.search(html)
    assert match, "no csrf field on the page"
    return match.group(1)


def login(client: httpx.Client, login_id: str, password: str) -> httpx.Response:
    """Log in through the form (GET for the CSRF cookie and field, then POST)."""
    page = client.get("/csw/login")
    return client.post(
        "/csw/login", data={"login": login_id, "password": password, "csrf": csrf_in(page.text)}
    )


def dashboard_client(sim: Simulator) -> httpx.Client:
    """A separate browser-like client (own cookie jar) on the simulator's server."""
    return httpx.Client(base_url=sim.base_url, timeout=30.0)


def claim(client: httpx.Client, code: str) -> httpx.Response:
    """Claim a case through the dashboard form; follows to the case page (which opens it)."""
    page = client.get(f"/csw/cases/{code}")
    return client.post(f"/csw/cases/{code}/claim", data={"csrf": csrf_in(page.text)}, follow_redirects=True)


@contextmanager
def csw_with_case(
    sim: Simulator, database_url: str, user: str, *, claimed: bool = False
) -> Iterator[tuple[httpx.Client, str]]:
    """CSW sato of csw_chuo logged in, with the code of the case `user` handed off (claimed if asked)."""
    password = add_account(database_url, "sato", team="csw_chuo")
    code = hand_off(sim, user)["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        if claimed:
            claim(client, code)
            sim.wait_idle()
        yield client, code


def wait_for(predicate: Any, timeout_s: float = 15.0) -> None:
    """Poll until `predicate()` is true."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.05)
