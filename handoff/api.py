"""The JSON API under /api/v1 for a municipality's case-management system (bearer tokens from the CLI).

A token acts as the account it was created for: it sees the same cases (its team and the shared
team, or all for a supervisor) and every call is written to the audit log with `via=api`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import status as http
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case, CswAccount
from bot.store.db import utcnow
from bot.store.types import HELD_STATUSES, OPEN_STATUSES, CaseStatus, Urgency
from handoff import accounts, actions, queue
from handoff.actions import Actor
from handoff.context import Refused, Who, audit_refusal, perform_line_actions, process_of
from handoff.queue import OUTCOMES, Forbidden, QueueFilter

bearer = HTTPBearer(auto_error=False, description="An API token from `tsunagu csw token LOGIN`.")
router = APIRouter(prefix="/api/v1", tags=["cases"])


class CaseOut(BaseModel):
    """A consented case as the queue shows it; the case code is the only handle (no LINE ids)."""

    code: str
    status: CaseStatus
    urgency: Urgency
    urgency_reasons: list[str]
    alert: bool = Field(
        description="The case arrived in crisis or urgent, or such wording arrived later; unacknowledged."
    )
    district: str | None
    team: str
    queued_at: datetime
    reply_due_at: datetime | None = Field(description="When the person was promised an answer.")
    overdue: bool
    claimed_at: datetime | None
    outcome: str | None
    closed_at: datetime | None
    previous_case: str | None = Field(description="The earlier closed case of the same person, if any.")


class ThreadItem(BaseModel):
    """One thread entry: the person's words, a CSW reply with its delivery status, a note or an event."""

    kind: Literal["user", "csw", "note", "event"]
    body: str
    author: str | None
    delivery: str | None = Field(description="For CSW replies: pending, sending, sent or failed.")
    at: datetime


class CaseDetail(CaseOut):
    """A case with its 相談受付票 (structured and as text), consent and thread."""

    summary: dict[str, Any]
    summary_text: str
    consent_scope: str
    consent_version: str
    consented_at: datetime
    thread: list[ThreadItem]


def encodable(text: str) -> str:
    """Refuse text that cannot be stored or sent as UTF-8 (lone surrogates such as \\ud800): a 422."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text is not valid Unicode (lone surrogate)") from None
    return text


class ReplyIn(BaseModel):
    """A reply to send to the person through LINE."""

    text: Annotated[str, Field(min_length=1, max_length=actions.MAX_REPLY_CHARS), AfterValidator(encodable)]


class CloseIn(BaseModel):
    """How the case ended."""

    outcome: Annotated[str, Field(description="One of: " + ", ".join(OUTCOMES)), AfterValidator(encodable)]


async def case_out(session: AsyncSession, case_row: Case, *, viewer: CswAccount) -> CaseOut:
    """The API view of a case (the earlier case is named only when `viewer` may see it)."""
    previous = await actions.visible_previous(session, viewer=viewer, case_row=case_row)
    facts = None
    if case_row.status in HELD_STATUSES:  # a held case owes its promise only until answered
        facts = (await queue.row_facts(session, viewer=viewer, cases=[case_row]))[case_row.id]
    return CaseOut(
        code=case_row.code,
        status=case_row.status,  # type: ignore[arg-type]
        urgency=case_row.urgency,  # type: ignore[arg-type]
        urgency_reasons=case_row.urgency_reasons,
        alert=case_row.alert,
        district=case_row.district,
        team=case_row.team,
        queued_at=case_row.queued_at,
        reply_due_at=case_row.reply_due_at,
        overdue=queue.is_overdue(case_row, utcnow(), facts),
        claimed_at=case_row.claimed_at,
        outcome=case_row.outcome,
        closed_at=case_row.closed_at,
        previous_case=previous.code if previous else None,
    )


async def case_detail(session: AsyncSession, case_row: Case, *, viewer: CswAccount) -> CaseDetail:
    """The API view of a case with its summary and thread."""
    base = await case_out(session, case_row, viewer=viewer)
    thread = await actions.thread(session, case_row=case_row)
    return CaseDetail(
        **base.model_dump(),
        summary=case_row.summary,
        summary_text=case_row.summary_text,
        consent_scope=case_row.consent_scope,
        consent_version=case_row.consent_version,
        consented_at=case_row.consented_at,
        thread=[
            ThreadItem(
                kind=entry.message.kind,  # type: ignore[arg-type]
                body=entry.message.body,
                author=entry.author,
                delivery=entry.delivery,
                at=entry.message.created_at,
            )
            for entry in thread
        ],
    )


@contextlib.asynccontextmanager
async def api_unit(
    request: Request, credentials: HTTPAuthorizationCredentials | None, *, scope: str = "read"
) -> AsyncIterator[tuple[AsyncSession, Actor]]:
    """A transaction acting as the token's account; 401 without a live token, 403 (audited) when the
    token's scope does not cover `scope` (`act`: claim, reply, close)."""
    process = process_of(request)
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(
            http.HTTP_401_UNAUTHORIZED, "bearer token required", {"WWW-Authenticate": "Bearer"}
        )
    async with process.sessions() as session:
        async with session.begin():
            grant = await accounts.grant_for_api_token(session, token=credentials.credentials, now=utcnow())
        if grant is None:
            raise HTTPException(http.HTTP_401_UNAUTHORIZED, "invalid token", {"WWW-Authenticate": "Bearer"})
        actor = Actor(account=grant.account, via="api", max_age_s=process.reply_token_max_age_s)
        who = Who.of(grant.account)
        if scope == "act" and grant.scope != "act":
            await audit_refusal(request, who, Refused(None, "token scope is read"), via="api")
            raise HTTPException(http.HTTP_403_FORBIDDEN, "this token may only read (scope: read)")
        try:
            async with session.begin():
                yield session, actor
        except Refused as refused:
            await audit_refusal(request, who, refused, via="api")
            raise HTTPException(http.HTTP_404_NOT_FOUND, "no such case") from None
        perform_line_actions(process, session)


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


async def _case(session: AsyncSession, actor: Actor, code: str) -> Case:
    """The case if the token's account may see it; 404 (and an audited refusal) otherwise."""
    case_row = await queue.get_case(session, viewer=actor.account, code=code)
    if case_row is None:
        raise Refused(code)
    return case_row


@router.get("/cases", summary="List consented cases", response_model=list[CaseOut])
async def list_cases(
    request: Request,
    credentials: Credentials,
    state: Annotated[CaseStatus | None, Query(alias="status")] = None,
    district: str | None = None,
    urgency: Urgency | None = None,
) -> list[CaseOut]:
    """Cases the token may see, most urgent first, then longest waiting (open ones by default)."""
    async with api_unit(request, credentials) as (session, actor):
        where = QueueFilter(
            statuses=(state,) if state is not None else OPEN_STATUSES,
            district=district,
            urgency=urgency,
        )
        rows = await queue.list_cases(session, viewer=actor.account, where=where)
        return [await case_out(session, row, viewer=actor.account) for row in rows]


@router.get("/cases/{code}", summary="Get one case with its summary and thread", response_model=CaseDetail)
async def get_case(request: Request, code: str, credentials: Credentials) -> CaseDetail:
    """One case; logged as an export."""
    async with api_unit(request, credentials) as (session, actor):
        case_row = await _case(session, actor, code)
        actions.exported(session, actor=actor, case_row=case_row, now=utcnow())
        return await case_detail(session, case_row, viewer=actor.account)


async def _run(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None,
    code: str,
    operation: actions.Operation,
) -> CaseOut:
    """Run one action and answer the case as it is now (409 when it moved meanwhile, 403 when not allowed)."""
    try:
        async with api_unit(request, credentials, scope="act") as (session, actor):
            case_row = await _case(session, actor, code)
            await operation(session, actor, case_row, utcnow())
            result = await case_out(session, case_row, viewer=actor.account)
    except actions.Conflict:
        raise HTTPException(http.HTTP_409_CONFLICT, "the case changed meanwhile") from None
    except Forbidden as exc:
        raise HTTPException(http.HTTP_403_FORBIDDEN, f"not allowed: {exc}") from None
    process_of(request).wake_outbox()
    return result


@router.post("/cases/{code}/claim", summary="Claim a waiting case", response_model=CaseOut)
async def claim(request: Request, code: str, credentials: Credentials) -> CaseOut:
    """Take the case (409 if someone else was quicker); the person is told a person now reads."""
    return await _run(
        request, credentials, code, lambda s, a, c, now: actions.claim(s, actor=a, case_row=c, now=now)
    )


@router.post("/cases/{code}/reply", summary="Send a reply through LINE", response_model=CaseOut)
async def reply(request: Request, code: str, body: ReplyIn, credentials: Credentials) -> CaseOut:
    """Send text to the person (reply token if fresh, else push); needs the case claimed by this account."""
    return await _run(
        request,
        credentials,
        code,
        lambda s, a, c, now: actions.reply(s, actor=a, case_row=c, text=body.text, now=now),
    )


@router.post("/cases/{code}/close", summary="Close a case with an outcome", response_model=CaseOut)
async def close(request: Request, code: str, body: CloseIn, credentials: Credentials) -> CaseOut:
    """Close the case; the person is told and the bot resumes."""
    return await _run(
        request,
        credentials,
        code,
        lambda s, a, c, now: actions.close(s, actor=a, case_row=c, outcome=body.outcome, now=now),
    )
