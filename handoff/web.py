"""The CSW dashboard under /csw: login, the queue, a case page, and the actions on a case.

Server-rendered Jinja2 (Japanese text lives in the templates); `static/csw.js` polls the queue and
the case thread. Every POST carries the session's CSRF token; nothing changes state on GET.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.store.case_tables import Case, CswAccount
from bot.store.db import utcnow
from bot.store.tables import Conversation
from bot.store.types import HELD_STATUSES, OPEN_STATUSES, CaseStatus, Urgency
from dialogs.content import current_content
from dialogs.crisis import CrisisMemory
from dialogs.office_hours import to_tokyo
from dialogs.summary import heard_lines, label_for
from handoff import (
    accounts,
    actions,
    audit,
    budget,
    catalog,
    clock,
    queue,
    saved_replies,
    sheet,
    stats,
    workspace,
)
from handoff.api import case_detail
from handoff.api import router as api_router
from handoff.cases import is_case_code
from handoff.context import (
    CsrfRejected,
    LoginRequired,
    PasswordChangeRequired,
    Refused,
    Unit,
    Who,
    audit_refusal,
    dashboard_unit,
    limits_of,
    process_of,
    settings_of,
)
from handoff.queue import ENDINGS, OUTCOMES, Forbidden, QueueFilter
from handoff.settings import HandoffSettings

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(prefix="/csw", include_in_schema=False)

STATUS_LABELS = {status.value: catalog.text(f"csw.status.{status.value}") for status in CaseStatus}
"""How the dashboard names each case status (the queue's filter and the live updates alike)."""

STATUS_FILTERS: dict[str, tuple[str, ...]] = {
    "open": OPEN_STATUSES,
    **{status.value: (status,) for status in CaseStatus},
    "all": tuple(CaseStatus),
}


class CaseNotFound(Refused):
    """No such case, or not one this account may see (both answer 404; audited as a refusal)."""


class CaseDeleted(CaseNotFound):
    """A case of this account's teams that the person deleted: 404 saying so, and when (no content)."""

    def __init__(self, code: str, at: datetime) -> None:
        super().__init__(code, audit.DELETED_REASON)
        self.at = at


async def missing(unit: Unit, code: str) -> CaseNotFound:
    """The refusal for a case this account cannot open: deleted by the person (when it was one of the
    account's teams), or not found."""
    if not is_case_code(code):  # 「/csw/cases/%00」: no lookup at all (PostgreSQL refuses NUL in text)
        return CaseNotFound(code)
    at = await audit.deleted_at(unit.session, case_code=code, teams=queue.visible_teams(unit.account))
    return CaseDeleted(code, at) if at is not None else CaseNotFound(code)


def jst(moment: datetime | None) -> str:
    """'11/24 9:05' in Tokyo time (on the simulator's clock when one is set), or '' for None."""
    if moment is None:
        return ""
    local = to_tokyo(clock.shown(moment))  # the simulator's set clock, as the conversation's times are
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


ASKER_OWN = {"age_band": "asker_age_band", "concerns": "asker_concerns"}
"""Fields of the asker's own situation named apart from the same fields about ご本人."""


def summary_items(summary: dict[str, Any]) -> list[tuple[str, SummaryValue]]:
    """The structured summary as (key, Japanese text) pairs; nested fields as (field, text) lists.

    Empty fields are left out. Ids (`economic`, `40_64`, `line` …) read as the conversation words them.
    """
    items: list[tuple[str, SummaryValue]] = []
    for key, value in summary.items():
        if not value:
            continue
        if key == "heard":
            items.append((key, "\n".join(heard_lines(summary))))  # one message a line, kept whole
        elif key == "asker_wellbeing" and isinstance(value, dict):
            own: dict[str, Any] = {ASKER_OWN.get(str(k), str(k)): v for k, v in value.items()}
            mine = [(k, _labelled(k.removeprefix("asker_"), v)) for k, v in own.items() if v]
            if mine:
                items.append((key, mine))
        elif isinstance(value, dict):
            verbatim = key in VERBATIM_KEYS
            parts = [(str(k), str(v) if verbatim else _labelled(str(k), v)) for k, v in value.items() if v]
            if parts:
                items.append((key, parts))
        else:
            items.append((key, _labelled(key, value)))
    return items


REFUSAL_REASONS = {
    "not visible": "csw.audit.not_visible",
    audit.DELETED_REASON: "csw.audit.deleted",
    "page needs a supervisor": "csw.audit.supervisor_page",
}
"""Why access was refused, in the audit log's words (the request line itself is not shown)."""


def audit_detail(entry: Any) -> str:
    """An audit entry's detail in Japanese: the refusal's reason, the outcome's name, the teams moved
    between; never a raw code such as `hikikomori` or `GET /csw/cases/…: not visible`."""
    detail = str(entry.detail or "")
    action = str(entry.action)
    teams = {team.id: team.name for team in current_content().teams}
    if action == "refused":
        reason = detail.split(": ", 1)[1] if ": " in detail else detail
        if reason.startswith("forbidden"):
            return catalog.text("csw.audit.forbidden")
        return catalog.text(REFUSAL_REASONS.get(reason, "csw.audit.refused_other"))
    if action == "closed":
        return catalog.text(f"csw.outcome.{detail}") if detail in ENDINGS else detail
    if action == "transferred" and "->" in detail:
        before, after = detail.split("->", 1)
        return catalog.text(
            "csw.audit.moved", before=teams.get(before, before), after=teams.get(after, after)
        )
    if action == "viewed" and detail == "thread":
        return catalog.text("csw.audit.thread_read")
    if action == "reopened" and detail.startswith("from "):
        return catalog.text("csw.audit.reopened_from", code=detail.removeprefix("from "))
    if action == "replies_edited" and " " in detail:
        verb, number = detail.split(" ", 1)
        return catalog.text(f"csw.audit.reply_{verb}", id=number) if verb in ("saved", "deleted") else detail
    if action == audit.PERSON_DELETED:
        return catalog.text("csw.audit.person_deleted", team=teams.get(detail, detail))
    return detail


templates.env.filters["jst"] = jst
templates.env.filters["audit_detail"] = audit_detail
templates.env.filters["summary_items"] = summary_items
templates.env.globals["minutes_since"] = minutes_since
templates.env.globals["t"] = catalog.text
templates.env.globals["OUTCOME_LABELS"] = {key: catalog.text(f"csw.outcome.{key}") for key in ENDINGS}
templates.env.globals["STATUS_LABELS"] = STATUS_LABELS


def page_context(request: Request, unit: Unit, **extra: Any) -> dict[str, Any]:
    """What every logged-in page needs: the account, its CSRF token, and the content's names."""
    content = current_content()
    return {
        "request": request,
        "me": unit.account,
        "csrf": unit.web_session.csrf_token if unit.web_session else "",
        "teams": {team.id: team.name for team in content.teams},
        "districts": {district.id: district.name for district in content.districts},
        "outcomes": OUTCOMES,
        "now": utcnow(),
        "poll_ms": settings_of(request).queue_poll_seconds * 1000,
        "expires_at": unit.expires_at,
        "warn_before_s": settings_of(request).expiry_warning_seconds,
        **extra,
    }


async def push_budget_of(request: Request, unit: Unit) -> budget.PushBudget:
    """This month's push messages against the plan: LINE's own quota when a channel is set (cached)."""
    settings = settings_of(request)
    line = process_of(request).line
    return await budget.push_budget(
        unit.session,
        now=utcnow(),
        budget=settings.push_budget_monthly,
        warn_ratio=settings.push_budget_warn_ratio,
        line_quota=await line.push_quota() if line is not None else None,
    )


def budget_notice(pushes: budget.PushBudget) -> dict[str, Any]:
    """The push-budget figures and warning every page shows (empty text when all is well)."""
    text = ""
    if pushes.exhausted:
        text = catalog.text("csw.budget.over")
    elif pushes.warning:
        text = catalog.text("csw.budget.warning", percent=pushes.percent)
    return {"used": pushes.used, "budget": pushes.budget, "percent": pushes.percent, "text": text}


async def full_context(request: Request, unit: Unit, **extra: Any) -> dict[str, Any]:
    """A whole page's context: `page_context` plus the push budget shown on every page."""
    pushes = await push_budget_of(request, unit)
    return page_context(request, unit, pushes=pushes, budget_notice=budget_notice(pushes), **extra)


def see_other(url: str) -> RedirectResponse:
    """Redirect after POST."""
    return RedirectResponse(url, status_code=303)


def address_of(request: Request) -> str:
    """The client address (for the login lockout)."""
    return request.client.host if request.client else "unknown"


# ---------------------------------------------------------------- login and logout


NEXT_PAGE = re.compile(r"/csw(/cases/[A-Za-z0-9-]{1,20})?")
"""Where a login may return to: the queue or a case page (never another site)."""


def safe_next(next_page: str) -> str:
    """`next_page` when it is a dashboard page to return to after login, '' otherwise."""
    return next_page if NEXT_PAGE.fullmatch(next_page) else ""


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: Annotated[str, Query(max_length=64)] = "") -> Response:
    """The login form, with a double-submit CSRF token (there is no session yet); `next` is the case
    page to return to (its draft reply is kept in the browser meanwhile)."""
    return login_form(request, next_page=safe_next(next))


def _refuse_login(
    session: AsyncSession, login: str, account: CswAccount | None, action: str, now: datetime, address: str
) -> None:
    """Audit a refused sign-in under the login as typed, with the account when there is one."""
    audit.record_refusal(
        session,
        actor=login,
        account_id=account.id if account else None,
        action=action,
        now=now,
        detail=address,
    )


def login_form(
    request: Request,
    *,
    error: str | None = None,
    status_code: int = 200,
    login_id: str = "",
    next_page: str = "",
) -> Response:
    """Render the login form and (re)issue its CSRF cookie; after a failure the login ID typed stays."""
    settings = settings_of(request)
    token = request.cookies.get(settings.login_csrf_cookie) or secrets.token_urlsafe(32)
    context = {"csrf": token, "error": error, "login_id": login_id, "next": next_page}
    response = templates.TemplateResponse(request, "login.html", context, status_code=status_code)
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
    next: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Check the password (throttled per account and per address) and start a fresh session.

    Failures and lockouts are logged (login and address, never the password) and audited.
    """
    settings = settings_of(request)
    process = process_of(request)
    if not accounts.csrf_matches(request.cookies.get(settings.login_csrf_cookie) or "", csrf):
        return login_form(request, error="csrf", status_code=403, login_id=login, next_page=safe_next(next))
    now = utcnow()
    address = address_of(request)
    async with process.sessions() as session, session.begin():
        attempt = await accounts.reserve_attempt(
            session, login=login, address=address, now=now, throttle=throttle_of(settings)
        )
        account = await accounts.find_account(session, login=login)
        if attempt is None:
            _refuse_login(session, login, account, "login_locked", now, address)
    if attempt is None:
        log.warning("dashboard login refused: locked out", extra={"login": login, "address": address})
        return login_form(request, error="locked", status_code=429, login_id=login, next_page=safe_next(next))
    usable = account is not None and not account.disabled
    matches = await accounts.check_password(account.password_hash if account else None, password)
    async with process.sessions() as session, session.begin():
        if not (matches and usable and account is not None):
            reason = "unknown login" if account is None else "disabled" if account.disabled else "password"
            _refuse_login(session, login, account, "login_failed", now, address)
            log.warning(
                "dashboard login failed", extra={"login": login, "address": address, "reason": reason}
            )
            return login_form(
                request, error="invalid", status_code=401, login_id=login, next_page=safe_next(next)
            )
        await accounts.attempt_succeeded(session, login=login, attempt=attempt)
        account = await session.merge(account)
        token, _ = await accounts.start_session(
            session, account=account, now=now, replaces=request.cookies.get(settings.cookie_name)
        )
        audit.record(session, account=account, action="login", now=now)
        must_change = account.must_change_password
    response = see_other("/csw/password" if must_change else safe_next(next) or "/csw")
    response.set_cookie(
        settings.cookie_name, token, httponly=True, secure=settings.cookie_secure, samesite="strict", path="/"
    )
    response.delete_cookie(settings.login_csrf_cookie, path="/", secure=settings.cookie_secure)
    return response


def throttle_of(settings: HandoffSettings) -> accounts.Throttle:
    """The login throttle from settings."""
    return accounts.Throttle(
        per_account=settings.login_max_failures,
        per_address=settings.login_max_failures_per_address,
        window=timedelta(minutes=settings.login_lockout_minutes),
    )


@router.get("/password", response_class=HTMLResponse)
async def password_page(request: Request, msg: str = "") -> Response:
    """The form to change one's own password (the only page open while a change is required)."""
    async with dashboard_unit(request, password_change=True) as unit:
        context = page_context(request, unit, msg=msg, min_chars=accounts.MIN_PASSWORD_CHARS)
    return templates.TemplateResponse(request, "password.html", context)


@router.post("/password")
async def change_password(
    request: Request,
    current: Annotated[str, Form(max_length=256)],
    new: Annotated[str, Form(max_length=256)],
    confirm: Annotated[str, Form(max_length=256)],
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Change one's own password: the current one, then the new one twice; other sessions end."""
    settings = settings_of(request)
    async with dashboard_unit(request, csrf=csrf, check_csrf=True, password_change=True) as unit:
        stored_hash = unit.account.password_hash
    problem = accounts.password_problem(new, confirm=confirm, current=current)
    if problem is None and not await accounts.check_password(stored_hash, current):
        problem = "current"
    if problem is not None:
        return see_other(f"/csw/password?msg={problem}")
    new_hash = await accounts.hash_password(new)
    async with dashboard_unit(request, csrf=csrf, check_csrf=True, password_change=True) as unit:
        await accounts.replace_password(
            unit.session,
            account=unit.account,
            password_hash=new_hash,
            keep=request.cookies.get(settings.cookie_name) or "",
        )
        audit.record(unit.session, account=unit.account, action="password", now=utcnow())
    return see_other("/csw?msg=password")


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

VIEWS = ("all", "mine", "unreplied", "attention")
"""Queue views: every visible case, the viewer's own, those awaiting a reply, those needing a look."""


def queue_filter(status: str, district: str, urgency: str) -> QueueFilter:
    """The queue filter from query parameters (unknown values are ignored)."""
    return QueueFilter(
        statuses=STATUS_FILTERS.get(status, STATUS_FILTERS["open"]),
        district=district or None,
        urgency=urgency if urgency in set(Urgency) else None,
    )


def concern_labels(case_row: Case) -> list[str]:
    """The case's concerns in the assessment's words."""
    concerns = case_row.summary.get("concerns") if isinstance(case_row.summary, dict) else None
    return [label_for("concerns", str(c)) for c in concerns or []]


async def queue_rows(
    unit: Unit, where: QueueFilter, *, view: str = "all", words: str = ""
) -> list[dict[str, Any]]:
    """The queue rows with their reasons, unread and unreplied marks, overdue flags and claimer names."""
    now = utcnow()
    if view == "mine":
        where = dataclasses.replace(where, claimed_by=unit.account.id)
    rows = await queue.list_cases(unit.session, viewer=unit.account, where=where)
    rows = await queue.search(unit.session, cases=rows, words=words)
    facts = await queue.row_facts(unit.session, viewer=unit.account, cases=rows)
    if view == "unreplied":
        rows = [r for r in rows if facts[r.id].unreplied]
    elif view == "attention":
        rows = [r for r in rows if r.alert or queue.is_overdue(r, now, facts[r.id])]
    rows = queue.in_queue_order(rows, viewer=unit.account, facts=facts)
    names = await actions.names(unit.session, ids={r.claimed_by_id for r in rows if r.claimed_by_id})
    return [
        {
            "case": r,
            "section": queue.section_of(r, unit.account),
            "holder": holder_text(r, unit.account, names.get(r.claimed_by_id or 0)),
            "overdue": queue.is_overdue(r, now, facts[r.id]),
            "promise_open": queue.promise_open(r, facts[r.id]),
            "claimed_by": names.get(r.claimed_by_id or 0),
            "facts": facts[r.id],
            "concerns": concern_labels(r),
            "reasons": [
                {"words": sheet.matched_words(reason), "quoted": sheet.quoted(reason)}
                for reason in r.urgency_reasons[:2]
            ],
            "due_minutes": minutes_until(r.reply_due_at),
        }
        for r in rows
    ]


def holder_text(case_row: Case, viewer: CswAccount, name: str | None) -> str:
    """Who holds an open case, for its queue row: 「あなたが担当」 or 「対応中：佐藤さん」; '' when nobody."""
    if case_row.status not in HELD_STATUSES:
        return ""
    if case_row.claimed_by_id == viewer.id:
        return catalog.text("csw.queue.held_by_me")
    if name:
        return catalog.text("csw.queue.held_by_other", name=name.removesuffix("さん"))
    return ""


def minutes_until(moment: datetime | None) -> int | None:
    """Whole minutes from now until `moment` (negative once it has passed), None for no moment."""
    if moment is None:
        return None
    return int((moment - utcnow()).total_seconds() // 60)


def queue_params(status: str, district: str, urgency: str, view: str, q: str) -> dict[str, str]:
    """The queue's query parameters, normalized."""
    return {
        "status": status,
        "district": district,
        "urgency": urgency,
        "view": view if view in VIEWS else "all",
        "q": q.strip()[:100],
    }


@router.get("", response_class=HTMLResponse)
async def queue_page(
    request: Request,
    status: str = "open",
    district: str = "",
    urgency: str = "",
    view: str = "all",
    q: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    """The queue: most urgent first, then longest waiting; views, filters and search."""
    params = queue_params(status, district, urgency, view, q)
    async with dashboard_unit(request) as unit:
        rows = await queue_rows(
            unit, queue_filter(status, district, urgency), view=params["view"], words=params["q"]
        )
        closed_matches = 0
        if params["q"] and CaseStatus.CLOSED not in STATUS_FILTERS.get(status, STATUS_FILTERS["open"]):
            hidden = await queue_rows(
                unit, queue_filter("closed", district, urgency), view=params["view"], words=params["q"]
            )
            closed_matches = len(hidden)
        context = await full_context(
            request,
            unit,
            rows=rows,
            filters=params,
            query=urlencode(params),
            views=VIEWS,
            closed_matches=closed_matches,
            all_query=urlencode({**params, "status": "all"}),
        )
    return templates.TemplateResponse(request, "queue.html", context)


@router.get("/queue/rows", response_class=HTMLResponse)
async def queue_fragment(
    request: Request,
    status: str = "open",
    district: str = "",
    urgency: str = "",
    view: str = "all",
    q: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    """The queue's rows alone, polled by the page so new cases and messages appear without reloading."""
    params = queue_params(status, district, urgency, view, q)
    async with dashboard_unit(request, active=False) as unit:
        rows = await queue_rows(
            unit, queue_filter(status, district, urgency), view=params["view"], words=params["q"]
        )
        context = page_context(request, unit, rows=rows)
    return templates.TemplateResponse(request, "_queue_rows.html", context)


@router.get("/session")
async def session_check(request: Request) -> Response:
    """When this session times out (a cheap check before the page leaves for the login form; it does not
    count as activity); 401 once it has."""
    async with dashboard_unit(request, active=False) as unit:
        expires_at = unit.expires_at
    return JSONResponse({"expires_at": expires_at.isoformat() if expires_at else None})


@router.get("/live")
async def live(request: Request) -> Response:
    """Unacknowledged alerts on cases this account may see, and the push budget, for every open page."""
    async with dashboard_unit(request, active=False) as unit:
        alerts = await queue.open_alerts(unit.session, viewer=unit.account)
        pushes = await push_budget_of(request, unit)
    return JSONResponse(
        {
            "alerts": [
                {
                    "code": c.code,
                    "url": f"/csw/cases/{c.code}",
                    "text": catalog.text("csw.alert.banner", code=c.code),
                    "notice": catalog.text("csw.alert.notification_body", code=c.code),
                }
                for c in alerts
            ],
            "budget": budget_notice(pushes),
        }
    )


# ---------------------------------------------------------------- case page


async def visible_case(unit: Unit, code: str) -> Case:
    """The case if this account may see it; CaseNotFound (404, and an audited refusal) otherwise."""
    case_row = await queue.get_case(unit.session, viewer=unit.account, code=code)
    if case_row is None:
        raise await missing(unit, code)
    return case_row


def held_by_text(case_row: Case, name: str | None, mine: bool) -> str:
    """「このケースは佐藤さんが担当しています…」 when a colleague holds the case; '' otherwise."""
    if mine or case_row.status not in HELD_STATUSES or not name:
        return ""
    return catalog.text("csw.live.held_by", name=name.removesuffix("さん"))


async def case_context(request: Request, unit: Unit, case_row: Case) -> dict[str, Any]:
    """Everything the case page and its live parts render from."""
    now = utcnow()
    thread = await actions.thread(unit.session, case_row=case_row, with_bot=True)
    names = await actions.names(unit.session, ids={i for i in (case_row.claimed_by_id,) if i})
    pushes = await push_budget_of(request, unit)
    over_budget = (
        await budget.over_budget_outbox_ids(unit.session, now=now, budget=pushes.budget)
        if pushes.exhausted
        else set()
    )
    shares_conversation = actions.conversation_shared(case_row)
    conversation = await actions.conversation_log(unit.session, case_row=case_row)
    summary = case_row.summary if isinstance(case_row.summary, dict) else {}
    facts = (await queue.row_facts(unit.session, viewer=unit.account, cases=[case_row]))[case_row.id]
    visible_texts = [
        *sheet.texts_of(summary),
        *(e.message.body for e in thread if e.message.kind == "user"),
        *(e.text for e in conversation if e.speaker == "user"),
    ]
    return page_context(
        request,
        unit,
        case=case_row,
        thread=thread,
        unanswered=actions.unanswered(thread),
        over_budget=over_budget,
        claimed_by=names.get(case_row.claimed_by_id or 0),
        mine=queue.holds(unit.account, case_row),
        overdue=queue.is_overdue(case_row, now, facts),
        promise_open=queue.promise_open(case_row, facts),
        due_minutes=minutes_until(case_row.reply_due_at),
        held_by=held_by_text(
            case_row, names.get(case_row.claimed_by_id or 0), queue.holds(unit.account, case_row)
        ),
        shares_conversation=shares_conversation,
        conversation=conversation,
        conversation_limit=actions.CONVERSATION_LIMIT,
        bot_line_chars=actions.BOT_LINE_CHARS,
        writer=sheet.writer_label(summary),
        own_words=sheet.own_words(summary),
        reason_kinds=[reason for reason in case_row.urgency_reasons if not sheet.quoted(reason)],
        phrases=[
            sheet.whole_phrase(reason, visible_texts)
            for reason in case_row.urgency_reasons
            if sheet.quoted(reason)
        ],
        pushes=pushes,
        budget_notice=budget_notice(pushes),
    )


@router.get("/cases/{code}", response_class=HTMLResponse)
async def case_page(request: Request, code: str, msg: str = "") -> Response:
    """The case: 相談受付票, urgency and its reasons, the thread, a reply box and the actions."""
    async with dashboard_unit(request) as unit:
        case_row = await actions.view(unit.session, actor=unit.actor, code=code, now=utcnow())
        if case_row is None:
            raise await missing(unit, code)
        previous = await actions.visible_previous(unit.session, viewer=unit.account, case_row=case_row)
        context = await case_context(request, unit, case_row)
        replies = await saved_replies.offered(unit.session, account=unit.account, now=utcnow())
        await queue.mark_read(unit.session, viewer=unit.account, case_row=case_row, now=utcnow())
        context.update(previous=previous, msg=msg if msg in RESULT_KEYS else "", saved=replies)
    return templates.TemplateResponse(request, "case.html", context)


async def audit_polled_read(request: Request, unit: Unit, case_row: Case) -> None:
    """Audit a polled read of the case's content, at most once per account and case per idle period."""
    within = limits_of(settings_of(request)).idle
    await actions.viewed_thread(
        unit.session, actor=unit.actor, case_row=case_row, now=utcnow(), within=within
    )


@router.get("/cases/{code}/thread", response_class=HTMLResponse)
async def thread_fragment(request: Request, code: str) -> Response:
    """The case thread alone, polled by the case page so the person's new messages appear.

    Polling is not the person's activity (the idle timeout runs on), but it reads case content, so it
    is audited as a view, at most once per account and case per idle period.
    """
    async with dashboard_unit(request, active=False) as unit:
        case_row = await visible_case(unit, code)
        await audit_polled_read(request, unit, case_row)
        context = await case_context(request, unit, case_row)
    return templates.TemplateResponse(request, "_thread.html", context)


@router.get("/cases/{code}/live")
async def case_live(request: Request, code: str) -> Response:
    """The case's changing parts (head, actions, thread) as JSON, polled by the open case page.

    Polling does not restart the idle time; reading the thread is audited, coalesced per idle period.
    """
    async with dashboard_unit(request, active=False) as unit:
        case_row = await queue.get_case(unit.session, viewer=unit.account, code=code)
        if case_row is None:
            gone = await missing(unit, code)
            message = (
                catalog.text("csw.problem.deleted", at=jst(gone.at))
                if isinstance(gone, CaseDeleted)
                else catalog.text("csw.problem.gone")
            )
            return JSONResponse({"gone": True, "message": message}, status_code=404)
        await audit_polled_read(request, unit, case_row)
        context = await case_context(request, unit, case_row)
        await queue.mark_read(unit.session, viewer=unit.account, case_row=case_row, now=utcnow())
    render = templates.env.get_template
    user_ids = [e.message.id for e in context["thread"] if e.message.kind == "user"]
    return JSONResponse(
        {
            "status": case_row.status,
            "can_reply": case_row.status in HELD_STATUSES and context["mine"],
            "held_by": context["held_by"],
            "alert": case_row.alert,
            "last_user_id": max(user_ids, default=0),
            "head": render("_case_head.html").render(context),
            "actions": render("_case_actions.html").render(context),
            "thread": render("_thread.html").render(context),
            "status_text": catalog.text("csw.live.status_changed", status=STATUS_LABELS[case_row.status]),
        }
    )


@router.get("/cases/{code}/export.json")
async def export_case(request: Request, code: str) -> Response:
    """Download the case (summary and thread, no LINE ids) as JSON; logged as an export."""
    async with dashboard_unit(request) as unit:
        case_row = await visible_case(unit, code)
        detail = await case_detail(unit.session, case_row, viewer=unit.account)
        actions.exported(unit.session, actor=unit.actor, case_row=case_row, now=utcnow())
    return JSONResponse(
        detail.model_dump(mode="json"),
        headers={"content-disposition": f'attachment; filename="{case_row.code}.json"'},
    )


RESULT_KEYS = (
    *(
        f"done.{k}"
        for k in (
            "claimed",
            "replied",
            "noted",
            "released",
            "transferred",
            "closed",
            "reopened",
            "acknowledged",
        )
    ),
    *(
        f"problem.{k}"
        for k in (
            "conflict",
            "reply_conflict",
            "held_by",
            "forbidden",
            "empty",
            "needs_acknowledgement",
            "needs_note",
            "needs_outcome",
        )
    ),
)
"""Results an action reports (`csw.<key>` in the catalog); a redirect carries one as `?msg=`."""

PROBLEM_STATUS = {
    "problem.conflict": 409,
    "problem.reply_conflict": 409,
    "problem.held_by": 409,
    "problem.needs_acknowledgement": 409,
    "problem.forbidden": 403,
    "problem.empty": 422,
    "problem.needs_note": 422,
    "problem.needs_outcome": 422,
}


def wants_json(request: Request) -> bool:
    """The page script asks for JSON (it then updates the page itself, without a reload)."""
    return "application/json" in request.headers.get("accept", "")


def result_response(
    request: Request,
    code: str,
    result: str,
    *,
    to: str | None = None,
    expires_at: datetime | None = None,
    message: str | None = None,
) -> Response:
    """The outcome of an action: JSON for the page script (with the session's new expiry, which the
    action moved on), or a redirect back with `?msg=`."""
    if wants_json(request):
        return JSONResponse(
            {
                "ok": result.startswith("done."),
                "result": result,
                "message": message or catalog.text(f"csw.{result}"),
                "to": to,
                "expires_at": expires_at.isoformat() if expires_at else None,
            },
            status_code=PROBLEM_STATUS.get(result, 200),
        )
    return see_other(f"{to or f'/csw/cases/{code}'}?msg={result}")


async def act(
    request: Request,
    code: str,
    csrf: str,
    done: str,
    operation: actions.Operation,
    *,
    conflict: str = "conflict",
) -> Response:
    """Run one action on a visible case and report its result (`done`, or the problem it met)."""
    result = f"done.{done}"
    who: Who | None = None
    expires_at: datetime | None = None
    message: str | None = None
    try:
        async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
            who = Who.of(unit.account)
            expires_at = unit.expires_at
            case_row = await visible_case(unit, code)
            await operation(unit.session, unit.actor, case_row, utcnow())
    except HeldByOther as exc:
        result = "problem.held_by"
        message = catalog.text("csw.problem.held_by", name=exc.name)
    except actions.Conflict:
        result = f"problem.{conflict}"
    except workspace.NeedsAcknowledgement:
        result = "problem.needs_acknowledgement"
    except workspace.NoteRequired:
        result = "problem.needs_note"
    except EmptyText:
        result = "problem.empty"
    except MissingOutcome:
        result = "problem.needs_outcome"
    except Forbidden as exc:
        if who is not None:
            await audit_refusal(request, who, Refused(code, f"forbidden: {exc}"), via="web")
        result = "problem.forbidden"
    process_of(request).wake_outbox()
    return result_response(request, code, result, expires_at=expires_at, message=message)


class HeldByOther(actions.Conflict):
    """A reply to a case a colleague holds: the refusal names who holds it."""

    def __init__(self, name: str) -> None:
        super().__init__("held by another")
        self.name = name


class EmptyText(Exception):
    """A reply or note with nothing in it."""


class MissingOutcome(Exception):
    """Closing without choosing an outcome."""


def non_empty(text: str) -> str:
    """`text`, or EmptyText when it holds only whitespace."""
    if not text.strip():
        raise EmptyText
    return text


CsrfField = Annotated[str, Form(max_length=128)]
TextField = Annotated[str, Form(max_length=5000)]


async def remember_held(request: Request, session: AsyncSession, case_row: Case, *, held: bool) -> None:
    """Tell the webhook's crisis fast path, which cannot read the case in time, whether a CSW holds it
    now: its next crisis reply then says the 相談員 sees the message, never that staff read it in office
    hours (and after a close, that the bot answers again)."""
    remembered = getattr(process_of(request), "crisis_memory", None)
    if not isinstance(remembered, dict):
        return
    key = await session.scalar(select(Conversation.key).where(Conversation.id == case_row.conversation_id))
    if key is None:
        return
    memory = remembered.get(key) or CrisisMemory()
    remembered[key] = dataclasses.replace(memory, held=held, sent=False)


@router.post("/cases/{code}/claim")
async def claim(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """Take the case."""

    async def take(s: AsyncSession, a: actions.Actor, c: Case, now: datetime) -> None:
        await actions.claim(s, actor=a, case_row=c, now=now)
        await remember_held(request, s, c, held=True)

    return await act(request, code, csrf, "claimed", take)


@router.post("/cases/{code}/reply")
async def reply(request: Request, code: str, text: TextField = "", csrf: CsrfField = "") -> Response:
    """Send a reply to the person through LINE; on a conflict the page keeps the draft."""

    async def send(s: AsyncSession, a: actions.Actor, c: Case, now: datetime) -> None:
        if c.status in HELD_STATUSES and not queue.holds(a.account, c) and c.claimed_by_id:
            name = (await actions.names(s, ids={c.claimed_by_id})).get(c.claimed_by_id)
            if name:
                raise HeldByOther(name.removesuffix("さん"))
        if c.status not in HELD_STATUSES or not queue.holds(a.account, c):
            raise actions.Conflict("no longer held")
        await actions.reply(s, actor=a, case_row=c, text=non_empty(text), now=now)

    return await act(request, code, csrf, "replied", send, conflict="reply_conflict")


@router.post("/cases/{code}/typing")
async def typing(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """The CSW holding the case is writing: the person sees LINE's typing dots."""
    expires_at: datetime | None = None
    try:
        async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
            case_row = await visible_case(unit, code)
            await actions.typing(unit.session, actor=unit.actor, case_row=case_row)
            expires_at = unit.expires_at
    except Forbidden:
        return Response(status_code=403)
    headers = {"x-session-expires": expires_at.isoformat()} if expires_at else {}
    return Response(status_code=204, headers=headers)


@router.post("/cases/{code}/note")
async def add_note(request: Request, code: str, text: TextField = "", csrf: CsrfField = "") -> Response:
    """Add an internal note (never sent)."""
    return await act(
        request,
        code,
        csrf,
        "noted",
        lambda s, a, c, now: actions.note(s, actor=a, case_row=c, text=non_empty(text), now=now),
    )


@router.post("/cases/{code}/acknowledge")
async def acknowledge(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """Record that this account has read the crisis or urgent alert."""
    return await act(
        request,
        code,
        csrf,
        "acknowledged",
        lambda s, a, c, now: workspace.acknowledge(s, actor=a, case_row=c, now=now),
    )


@router.post("/cases/{code}/release")
async def release(request: Request, code: str, note: TextField = "", csrf: CsrfField = "") -> Response:
    """Put the case back in the queue with a handover note."""
    return await act(
        request,
        code,
        csrf,
        "released",
        lambda s, a, c, now: workspace.release(s, actor=a, case_row=c, note=note, now=now),
    )


@router.post("/cases/{code}/transfer")
async def transfer(
    request: Request,
    code: str,
    team: Annotated[str, Form(max_length=32)],
    note: TextField = "",
    csrf: CsrfField = "",
) -> Response:
    """Move the case to another team with a handover note."""
    return await act(
        request,
        code,
        csrf,
        "transferred",
        lambda s, a, c, now: workspace.transfer(s, actor=a, case_row=c, team=team, note=note, now=now),
    )


@router.post("/cases/{code}/close")
async def close(
    request: Request, code: str, outcome: Annotated[str, Form(max_length=32)] = "", csrf: CsrfField = ""
) -> Response:
    """Close the case with the outcome the CSW chose; the person is told and the bot resumes."""

    async def close_with_outcome(s: AsyncSession, a: actions.Actor, c: Case, now: datetime) -> None:
        if outcome not in OUTCOMES:
            raise MissingOutcome
        await workspace.close(s, actor=a, case_row=c, outcome=outcome, now=now)
        await remember_held(request, s, c, held=False)

    return await act(request, code, csrf, "closed", close_with_outcome)


@router.post("/cases/{code}/reopen")
async def reopen(request: Request, code: str, csrf: CsrfField = "") -> Response:
    """Open a new case linked to this closed one."""
    try:
        async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
            case_row = await visible_case(unit, code)
            new = await actions.reopen(unit.session, actor=unit.actor, case_row=case_row, now=utcnow())
    except actions.Conflict:
        return result_response(request, code, "problem.conflict")
    return result_response(request, new.code, "done.reopened", to=f"/csw/cases/{new.code}")


# ---------------------------------------------------------------- audit, saved replies, statistics


def supervisor_only(unit: Unit) -> None:
    """Pages for supervisors and admins look missing to everyone else (and the refusal is audited)."""
    if not queue.sees_all(unit.account):
        raise CaseNotFound(None, "page needs a supervisor")


@router.get("/audit", response_class=HTMLResponse)
async def audit_page(request: Request, case: str = "", actor: str = "") -> Response:
    """The audit log, for supervisors and admins."""
    async with dashboard_unit(request) as unit:
        supervisor_only(unit)
        entries = await audit.recent(unit.session, case_code=case or None, actor=actor or None)
        context = await full_context(request, unit, entries=entries, filters={"case": case, "actor": actor})
    return templates.TemplateResponse(request, "audit.html", context)


@router.get("/saved-replies", response_class=HTMLResponse)
async def saved_replies_page(request: Request, msg: str = "") -> Response:
    """The saved replies (定型文), for supervisors to edit."""
    async with dashboard_unit(request) as unit:
        supervisor_only(unit)
        replies = await saved_replies.all_replies(unit.session)
        context = await full_context(request, unit, replies=replies, msg=msg)
    return templates.TemplateResponse(request, "saved_replies.html", context)


@router.post("/saved-replies")
async def save_reply(
    request: Request,
    title: Annotated[str, Form(max_length=200)] = "",
    body: Annotated[str, Form(max_length=5000)] = "",
    position: Annotated[int, Form(ge=0, le=1000)] = 0,
    reply_id: Annotated[int, Form(ge=0)] = 0,
    csrf: CsrfField = "",
) -> Response:
    """Add or change a saved reply."""
    try:
        async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
            supervisor_only(unit)
            row = await saved_replies.save(
                unit.session,
                editor=unit.account,
                reply_id=reply_id or None,
                title=title,
                body=body,
                position=position,
            )
            audit.record(
                unit.session,
                account=unit.account,
                action="replies_edited",
                detail=f"saved {row.id}",
                now=utcnow(),
            )
    except saved_replies.InvalidSavedReply:
        return see_other("/csw/saved-replies?msg=invalid")
    return see_other("/csw/saved-replies?msg=saved")


@router.post("/saved-replies/{reply_id}/delete")
async def delete_reply(request: Request, reply_id: int, csrf: CsrfField = "") -> Response:
    """Remove a saved reply."""
    async with dashboard_unit(request, csrf=csrf, check_csrf=True) as unit:
        supervisor_only(unit)
        if await saved_replies.remove(unit.session, reply_id=reply_id):
            audit.record(
                unit.session,
                account=unit.account,
                action="replies_edited",
                detail=f"deleted {reply_id}",
                now=utcnow(),
            )
    return see_other("/csw/saved-replies?msg=deleted")


@router.get("/stats", response_class=HTMLResponse)
async def stats_page(request: Request, month: str = "") -> Response:
    """Monthly statistics with charts, small counts suppressed; supervisors only, audited."""
    months = stats.recent_months(utcnow())
    chosen = month if month in months else months[0]
    async with dashboard_unit(request) as unit:
        supervisor_only(unit)
        figures = await stats.month_figures(unit.session, month=chosen)
        trend = await stats.monthly_counts(unit.session, months=months)
        audit.record(unit.session, account=unit.account, action="stats_viewed", detail=chosen, now=utcnow())
        context = await full_context(
            request,
            unit,
            figures=figures,
            headline=stats.headline(figures),
            trend=trend,
            trend_top=max([n for _, n in trend] + [1]),
            months=months,
            month=chosen,
            shown=stats.suppressed,
            section=stats.section,
        )
    return templates.TemplateResponse(request, "stats.html", context)


@router.get("/stats/export.csv")
async def stats_export(request: Request, month: str = "") -> Response:
    """One month's figures as CSV for reporting, small counts suppressed; supervisors only, audited."""
    months = stats.recent_months(utcnow())
    chosen = month if month in months else months[0]
    async with dashboard_unit(request) as unit:
        supervisor_only(unit)
        figures = await stats.month_figures(unit.session, month=chosen)
        audit.record(unit.session, account=unit.account, action="stats_exported", detail=chosen, now=utcnow())
    return Response(
        stats.to_csv(figures),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="tsunagu-{chosen}.csv"'},
    )


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
HSTS = (b"strict-transport-security", b"max-age=63072000")
"""Sent when the dashboard's cookies are Secure, i.e. it is served over HTTPS: browsers keep to HTTPS."""


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

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.always = [*_ENCODED_HEADERS, HSTS] if hsts else list(_ENCODED_HEADERS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        extra = list(self.always)
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
    settings = HandoffSettings()
    app.state.handoff_settings = settings
    app.mount("/csw/static", StaticFiles(directory=str(HERE / "static")), name="csw-static")
    app.include_router(router)
    app.include_router(api_router)

    app.add_middleware(SecurityHeaders, hsts=settings.cookie_secure)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        """Fragments answer 401 (the page script reloads); pages go to the login form."""
        if request.method == "GET" and not request.url.path.endswith(
            ("/rows", "/thread", "/live", "/session")
        ):
            return see_other("/csw/login")
        return Response(status_code=401)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """422 naming what was wrong, without echoing the input: it may be a person's words, or text
        (a lone surrogate) that cannot even be encoded for the answer."""
        errors = [
            {
                "loc": [audit.storable(part) if isinstance(part, str) else part for part in error["loc"]],
                "msg": audit.storable(str(error["msg"])),
                "type": error["type"],
            }
            for error in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(PasswordChangeRequired)
    async def to_password(request: Request, exc: PasswordChangeRequired) -> Response:
        """A generated password must be replaced before anything else: pages go to the form."""
        if request.method == "GET" and not request.url.path.endswith(("/rows", "/thread")):
            return see_other("/csw/password")
        return Response(status_code=403)

    @app.exception_handler(CsrfRejected)
    async def csrf_rejected(request: Request, exc: CsrfRejected) -> Response:
        """A POST without the session's CSRF token changes nothing."""
        return templates.TemplateResponse(request, "error.html", {"code": 403}, status_code=403)

    @app.exception_handler(CaseNotFound)
    async def not_found(request: Request, exc: CaseNotFound) -> Response:
        """Another team's case looks exactly like a missing one; one the person deleted says so."""
        deleted = jst(exc.at) if isinstance(exc, CaseDeleted) else ""
        return templates.TemplateResponse(
            request, "error.html", {"code": 404, "deleted": deleted}, status_code=404
        )
