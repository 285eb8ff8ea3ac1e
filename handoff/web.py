"""The CSW dashboard under /csw: login, the queue, a case page, and the actions on a case.

Server-rendered Jinja2 (Japanese text lives in the templates); `static/csw.js` polls the queue and
the case thread. Every POST carries the session's CSRF token; nothing changes state on GET.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.store.case_tables import Case
from bot.store.db import utcnow
from bot.store.types import OPEN_STATUSES, CaseStatus, Urgency
from dialogs.content import default_content
from dialogs.effects import ConsentScope
from dialogs.office_hours import to_tokyo
from dialogs.summary import label_for
from handoff import accounts, actions, audit, budget, queue
from handoff.api import case_detail
from handoff.api import router as api_router
from handoff.context import (
    CsrfRejected,
    LoginRequired,
    Unit,
    dashboard_unit,
    process_of,
    settings_of,
)
from handoff.queue import OUTCOMES, Forbidden, QueueFilter
from handoff.settings import HandoffSettings

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(prefix="/csw", include_in_schema=False)

STATUS_FILTERS: dict[str, tuple[str, ...]] = {
    "open": OPEN_STATUSES,
    **{status.value: (status,) for status in CaseStatus},
    "all": tuple(CaseStatus),
}


"""The consent scope under which the CSW may read the person's conversation with the bot."""


class CaseNotFound(Exception):
    """No such case, or not one this account may see (both answer 404)."""


def jst(moment: datetime | None) -> str:
    """'11/24 9:05' in Tokyo time, or '' for None."""
    if moment is None:
        return ""
    local = to_tokyo(moment)
    return f"{local.month}/{local.day} {local.hour}:{local.minute:02d}"


def minutes_since(moment: datetime | None) -> int:
    """Whole minutes from `moment` to now."""
    return int((utcnow() - moment).total_seconds() // 60) if moment else 0


VERBATIM_KEYS = ("own_words", "urgency_reasons")
"""Summary fields that hold the person's own words: shown as they are, never looked up as ids."""

SummaryValue = str | list[tuple[str, str]]


def _labelled(key: str, value: Any) -> str:
    """One summary value in Japanese: ids through the dialogs' labels, lists joined with 、."""
    if isinstance(value, list | tuple):
        return "、".join(_labelled(key, item) for item in value if item)
    text = str(value)
    return text if key in VERBATIM_KEYS else label_for(key, text)


def summary_items(summary: dict[str, Any]) -> list[tuple[str, SummaryValue]]:
    """The structured summary as (key, Japanese text) pairs; nested fields as (field, text) lists.

    Empty fields are left out. Ids (`economic`, `40_64`, `line` …) read as the conversation words them.
    """
    items: list[tuple[str, SummaryValue]] = []
    for key, value in summary.items():
        if not value:
            continue
        if isinstance(value, dict):
            verbatim = key in VERBATIM_KEYS
            parts = [(str(k), str(v) if verbatim else _labelled(str(k), v)) for k, v in value.items() if v]
            if parts:
                items.append((key, parts))
        else:
            items.append((key, _labelled(key, value)))
    return items


templates.env.filters["jst"] = jst
templates.env.filters["summary_items"] = summary_items
templates.env.globals["minutes_since"] = minutes_since


def page_context(request: Request, unit: Unit, **extra: Any) -> dict[str, Any]:
    """What every logged-in page needs: the account, its CSRF token, and the content's names."""
    content = default_content()
    return {
        "request": request,
        "me": unit.account,
        "csrf": unit.web_session.csrf_token if unit.web_session else "",
        "teams": {team.id: team.name for team in content.teams},
        "districts": {district.id: district.name for district in content.districts},
        "outcomes": OUTCOMES,
        "now": utcnow(),
        "poll_ms": settings_of(request).queue_poll_seconds * 1000,
        **extra,
    }


def see_other(url: str) -> RedirectResponse:
    """Redirect after POST."""
    return RedirectResponse(url, status_code=303)


def address_of(request: Request) -> str:
    """The client address (for the login lockout)."""
    return request.client.host if request.client else "unknown"


# ---------------------------------------------------------------- login and logout


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request) -> Response:
    """The login form, with a double-submit CSRF token (there is no session yet)."""
    return login_form(request)


def login_form(request: Request, *, error: str | None = None, status_code: int = 200) -> Response:
    """Render the login form and (re)issue its CSRF cookie."""
    settings = settings_of(request)
    token = request.cookies.get(settings.login_csrf_cookie) or secrets.token_urlsafe(32)
    response = templates.TemplateResponse(
        request, "login.html", {"csrf": token, "error": error}, status_code=status_code
    )
    response.set_cookie(
        settings.login_csrf_cookie,
        token,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="strict",
        path="/",
    )
    return response


@router.post("/login")
async def login(
    request: Request,
    login: Annotated[str, Form(max_length=64, pattern=r"^[^\x00]*$")],
    password: Annotated[str, Form(max_length=256)],
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Check the password (with a lockout after repeated failures) and start a fresh session."""
    settings = settings_of(request)
    process = process_of(request)
    if not accounts.csrf_matches(request.cookies.get(settings.login_csrf_cookie) or "", csrf):
        return login_form(request, error="csrf", status_code=403)
    now = utcnow()
    address = address_of(request)
    async with process.sessions() as session, session.begin():
        if await accounts.locked_out(
            session,
            login=login,
            address=address,
            now=now,
            max_failures=settings.login_max_failures,
            window=timedelta(minutes=settings.login_lockout_minutes),
        ):
            return login_form(request, error="locked", status_code=429)
        account = await accounts.find_account(session, login=login)
        if not accounts.verify_password(account, password) or account is None or account.disabled:
            await accounts.record_failure(session, login=login, address=address, now=now)
            return login_form(request, error="invalid", status_code=401)
        await accounts.clear_failures(session, login=login, address=address)
        token, _ = await accounts.start_session(
            session, account=account, now=now, replaces=request.cookies.get(settings.cookie_name)
        )
        audit.record(session, account=account, action="login", now=now)
    response = see_other("/csw")
    response.set_cookie(
        settings.cookie_name, token, httponly=True, secure=settings.cookie_secure, samesite="strict", path="/"
    )
    response.delete_cookie(settings.login_csrf_cookie, path="/", secure=settings.cookie_secure)
    return response


@router.post("/logout")
async def logout(request: Request, csrf: Annotated[str, Form(max_length=128)] = "") -> Response:
    """End the session."""
    settings = settings_of(request)
    async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
        await accounts.end_session(unit.session, token=request.cookies.get(settings.cookie_name) or "")
        audit.record(unit.session, account=unit.account, action="logout", now=utcnow())
    response = see_other("/csw/login")
    response.delete_cookie(settings.cookie_name, path="/", secure=settings.cookie_secure)
    return response


# ---------------------------------------------------------------- queue


def queue_filter(status: str, district: str, urgency: str) -> QueueFilter:
    """The queue filter from query parameters (unknown values are ignored)."""
    return QueueFilter(
        statuses=STATUS_FILTERS.get(status, STATUS_FILTERS["open"]),
        district=district or None,
        urgency=urgency if urgency in set(Urgency) else None,
    )


async def queue_rows(unit: Unit, where: QueueFilter) -> list[dict[str, Any]]:
    """The queue rows with overdue flags and claimer names."""
    now = utcnow()
    rows = await queue.list_cases(unit.session, viewer=unit.account, where=where)
    names = await actions.names(unit.session, ids={r.claimed_by_id for r in rows if r.claimed_by_id})
    return [
        {"case": r, "overdue": queue.is_overdue(r, now), "claimed_by": names.get(r.claimed_by_id or 0)}
        for r in rows
    ]


@router.get("", response_class=HTMLResponse)
async def queue_page(
    request: Request, status: str = "open", district: str = "", urgency: str = ""
) -> Response:
    """The queue: most urgent first, then longest waiting; filters by status, district and urgency."""
    settings = settings_of(request)
    async with dashboard_unit(request) as unit:
        rows = await queue_rows(unit, queue_filter(status, district, urgency))
        pushes = await budget.push_budget(
            unit.session,
            now=utcnow(),
            budget=settings.push_budget_monthly,
            warn_ratio=settings.push_budget_warn_ratio,
        )
        context = page_context(
            request,
            unit,
            rows=rows,
            pushes=pushes,
            filters={"status": status, "district": district, "urgency": urgency},
            query=urlencode({"status": status, "district": district, "urgency": urgency}),
        )
    return templates.TemplateResponse(request, "queue.html", context)


@router.get("/queue/rows", response_class=HTMLResponse)
async def queue_fragment(
    request: Request, status: str = "open", district: str = "", urgency: str = ""
) -> Response:
    """The queue's rows alone, polled by the page so new cases appear without reloading."""
    async with dashboard_unit(request) as unit:
        rows = await queue_rows(unit, queue_filter(status, district, urgency))
        context = page_context(request, unit, rows=rows)
    return templates.TemplateResponse(request, "_queue_rows.html", context)


# ---------------------------------------------------------------- case page


async def visible_case(unit: Unit, code: str) -> Case:
    """The case if this account may see it; CaseNotFound (404) otherwise."""
    case_row = await queue.get_case(unit.session, viewer=unit.account, code=code)
    if case_row is None:
        raise CaseNotFound
    return case_row


@router.get("/cases/{code}", response_class=HTMLResponse)
async def case_page(request: Request, code: str, msg: str = "") -> Response:
    """The case: 相談受付票, urgency and its reasons, the thread, a reply box and the actions."""
    async with dashboard_unit(request) as unit:
        case_row = await actions.view(unit.session, actor=unit.actor, code=code, now=utcnow())
        if case_row is None:
            raise CaseNotFound
        thread = await actions.thread(unit.session, case_row=case_row)
        ids = {i for i in (case_row.claimed_by_id,) if i}
        names = await actions.names(unit.session, ids=ids)
        previous = (
            await unit.session.get(Case, case_row.previous_case_id) if case_row.previous_case_id else None
        )
        shares_conversation = case_row.consent_scope == ConsentScope.SUMMARY_AND_CONVERSATION
        conversation = (
            await actions.conversation_log(unit.session, case_row=case_row) if shares_conversation else []
        )
        context = page_context(
            request,
            unit,
            case=case_row,
            thread=thread,
            claimed_by=names.get(case_row.claimed_by_id or 0),
            mine=queue.holds(unit.account, case_row),
            overdue=queue.is_overdue(case_row, utcnow()),
            previous=previous,
            shares_conversation=shares_conversation,
            conversation=conversation,
            conversation_limit=actions.CONVERSATION_LIMIT,
            msg=msg,
        )
    return templates.TemplateResponse(request, "case.html", context)


@router.get("/cases/{code}/thread", response_class=HTMLResponse)
async def thread_fragment(request: Request, code: str) -> Response:
    """The case thread alone, polled by the case page so the person's new messages appear."""
    async with dashboard_unit(request) as unit:
        case_row = await visible_case(unit, code)
        thread = await actions.thread(unit.session, case_row=case_row)
        context = page_context(request, unit, case=case_row, thread=thread)
    return templates.TemplateResponse(request, "_thread.html", context)


@router.get("/cases/{code}/export.json")
async def export_case(request: Request, code: str) -> Response:
    """Download the case (summary and thread, no LINE ids) as JSON; logged as an export."""
    async with dashboard_unit(request) as unit:
        case_row = await visible_case(unit, code)
        detail = await case_detail(unit.session, case_row)
        actions.exported(unit.session, actor=unit.actor, case_row=case_row, now=utcnow())
    return JSONResponse(
        detail.model_dump(mode="json"),
        headers={"content-disposition": f'attachment; filename="{case_row.code}.json"'},
    )


async def act(request: Request, code: str, csrf: str, done: str, operation: actions.Operation) -> Response:
    """Run one action on a visible case and come back to its page with a short result code."""
    try:
        async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
            case_row = await visible_case(unit, code)
            await operation(unit.session, unit.actor, case_row, utcnow())
    except actions.Conflict:
        done = "conflict"
    except Forbidden:
        done = "forbidden"
    process_of(request).wake_outbox()
    return see_other(f"/csw/cases/{code}?msg={done}")


CsrfField = Annotated[str, Form(max_length=128)]


@router.post("/cases/{code}/claim")
async def claim(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """Take the case."""
    return await act(
        request, code, csrf, "claimed", lambda s, a, c, now: actions.claim(s, actor=a, case_row=c, now=now)
    )


@router.post("/cases/{code}/reply")
async def reply(
    request: Request, code: str, text: Annotated[str, Form(max_length=5000)], csrf: CsrfField = ""
) -> Response:
    """Send a reply to the person through LINE."""
    return await act(
        request,
        code,
        csrf,
        "replied",
        lambda s, a, c, now: actions.reply(s, actor=a, case_row=c, text=text, now=now),
    )


@router.post("/cases/{code}/note")
async def add_note(
    request: Request, code: str, text: Annotated[str, Form(max_length=5000)], csrf: CsrfField = ""
) -> Response:
    """Add an internal note (never sent)."""
    return await act(
        request,
        code,
        csrf,
        "noted",
        lambda s, a, c, now: actions.note(s, actor=a, case_row=c, text=text, now=now),
    )


@router.post("/cases/{code}/release")
async def release(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """Put the case back in the queue."""
    return await act(
        request, code, csrf, "released", lambda s, a, c, now: actions.release(s, actor=a, case_row=c, now=now)
    )


@router.post("/cases/{code}/transfer")
async def transfer(
    request: Request, code: str, team: Annotated[str, Form(max_length=32)], csrf: CsrfField = ""
) -> Response:
    """Move the case to another team."""
    return await act(
        request,
        code,
        csrf,
        "transferred",
        lambda s, a, c, now: actions.transfer(s, actor=a, case_row=c, team=team, now=now),
    )


@router.post("/cases/{code}/close")
async def close(
    request: Request, code: str, outcome: Annotated[str, Form(max_length=32)], csrf: CsrfField = ""
) -> Response:
    """Close the case with an outcome; the person is told and the bot resumes."""
    return await act(
        request,
        code,
        csrf,
        "closed",
        lambda s, a, c, now: actions.close(s, actor=a, case_row=c, outcome=outcome, now=now),
    )


@router.post("/cases/{code}/reopen")
async def reopen(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """Open a new case linked to this closed one."""
    try:
        async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
            case_row = await visible_case(unit, code)
            new = await actions.reopen(unit.session, actor=unit.actor, case_row=case_row, now=utcnow())
    except actions.Conflict:
        return see_other(f"/csw/cases/{code}?msg=conflict")
    return see_other(f"/csw/cases/{new.code}?msg=reopened")


# ---------------------------------------------------------------- audit


@router.get("/audit", response_class=HTMLResponse)
async def audit_page(request: Request, case: str = "", actor: str = "") -> Response:
    """The audit log, for supervisors and admins."""
    async with dashboard_unit(request) as unit:
        if not queue.sees_all(unit.account):
            raise CaseNotFound
        entries = await audit.recent(unit.session, case_code=case or None, actor=actor or None)
        context = page_context(request, unit, entries=entries, filters={"case": case, "actor": actor})
    return templates.TemplateResponse(request, "audit.html", context)


# ---------------------------------------------------------------- mounting

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
PROTECTED_PREFIXES = ("/csw", "/api/v1")
STATIC_PREFIX = "/csw/static/"
_ENCODED_HEADERS = [
    (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS.items()
]
_NO_STORE = (b"cache-control", b"no-store")


def is_protected(path: str) -> bool:
    """Whether `path` is the dashboard or the API (`/csw`, `/csw/…`, `/api/v1`, `/api/v1/…`)."""
    for prefix in PROTECTED_PREFIXES:
        if path.startswith(prefix) and (len(path) == len(prefix) or path[len(prefix)] == "/"):
            return True
    return False


class SecurityHeaders:
    """Plain ASGI middleware: security headers on the dashboard and API; no caching except static files.

    Every other path (the LINE webhook above all) passes straight through without a wrapper.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        extra = list(_ENCODED_HEADERS)
        if not scope["path"].startswith(STATIC_PREFIX):
            extra.append(_NO_STORE)
        replaced = {name for name, _ in extra}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in replaced]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def mount_dashboard(app: FastAPI) -> None:
    """Add the dashboard, its static files, the JSON API and their security headers to `app`."""
    app.state.handoff_settings = HandoffSettings()
    app.mount("/csw/static", StaticFiles(directory=str(HERE / "static")), name="csw-static")
    app.include_router(router)
    app.include_router(api_router)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        """Fragments answer 401 (the page script reloads); pages go to the login form."""
        if request.method == "GET" and not request.url.path.endswith(("/rows", "/thread")):
            return see_other("/csw/login")
        return Response(status_code=401)

    @app.exception_handler(CsrfRejected)
    async def csrf_rejected(request: Request, exc: CsrfRejected) -> Response:
        """A POST without the session's CSRF token changes nothing."""
        return templates.TemplateResponse(request, "error.html", {"code": 403}, status_code=403)

    @app.exception_handler(CaseNotFound)
    async def not_found(request: Request, exc: CaseNotFound) -> Response:
        """Another team's case looks exactly like a missing one."""
        return templates.TemplateResponse(request, "error.html", {"code": 404}, status_code=404)
