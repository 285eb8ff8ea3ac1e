"""Opening cases from consented intakes, routing them to a team, and keeping their urgency current."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case, CaseMessage
from bot.store.db import utcnow
from bot.store.types import OPEN_STATUSES, CaseStatus, Urgency
from dialogs.content import current_content
from dialogs.effects import ConsentScope
from dialogs.summary import IntakeSummary, merge, render
from dialogs.understanding.classifier import classify
from handoff import audit, clock

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


CASE_CODE = re.compile(f"TG-[{CODE_ALPHABET}]{{6}}")


def is_case_code(text: str) -> bool:
    """True when `text` has the shape of a case code (anything else cannot name a case)."""
    return CASE_CODE.fullmatch(text) is not None


def new_case_code() -> str:
    """A short pseudonymous case code such as `TG-7K3F9Q` (never derived from the LINE id)."""
    return "TG-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def higher_urgency(current: str, proposed: str) -> Urgency:
    """The more urgent of two levels (anything unknown counts as normal)."""
    return min(Urgency.parse(current), Urgency.parse(proposed), key=lambda level: level.rank)


def team_for(district: str | None) -> str:
    """The team that serves `district`: its district team, or the shared team when unknown."""
    return current_content().team_for_district(district).id


def reply_due(received: datetime, urgency: str = Urgency.NORMAL) -> datetime:
    """When the person was promised an answer for a handoff made at `received` (office time).

    The same time the dialog told them (`Content.reply_due`, on the conversation's clock when the
    simulator sets one): crisis and urgent cases within the content's short priority time, other cases
    within the usual reply window.
    """
    return clock.stored(current_content().reply_due(clock.shown(received), urgency))


def _bring_forward(case: Case, urgency: str, now: datetime) -> None:
    """Make the promised reply time no later than what `urgency` arriving at `now` calls for."""
    due = reply_due(now, urgency)
    if case.reply_due_at is None or due < _aware(case.reply_due_at):
        case.reply_due_at = due


def _aware(moment: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite hands them back naive)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def _promise_kept(session: AsyncSession, case: Case, now: datetime) -> bool:
    """Whether the case's promised reply time has passed with a CSW's reply given: words that raise the
    case now need a promise of their own, not one already past (which would read as overdue at once)."""
    if case.reply_due_at is None or _aware(case.reply_due_at) > now:
        return False
    replied = await session.scalar(
        select(CaseMessage.id).where(CaseMessage.case_id == case.id, CaseMessage.kind == "csw").limit(1)
    )
    return replied is not None


async def open_case_for(session: AsyncSession, conversation_id: int) -> Case | None:
    """The conversation's case that is not closed, if any."""
    result = await session.scalars(
        select(Case)
        .where(Case.conversation_id == conversation_id, Case.status.in_(OPEN_STATUSES))
        .order_by(Case.id.desc())
    )
    return result.first()


async def last_closed_case_for(session: AsyncSession, conversation_id: int) -> Case | None:
    """The conversation's most recently closed case, if any (a new case links to it)."""
    result = await session.scalars(
        select(Case)
        .where(Case.conversation_id == conversation_id, Case.status == CaseStatus.CLOSED)
        .order_by(Case.id.desc())
    )
    return result.first()


async def open_case(
    session: AsyncSession,
    *,
    conversation_id: int | None,
    summary: IntakeSummary,
    summary_text: str,
    consent_scope: str,
    consent_version: str,
    now: datetime,
    conversation_from: datetime | None = None,
) -> Case:
    """Store a new waiting case from a consented summary, or add it to the open one.

    A later hand-off to an open case is merged into it (`dialogs.summary.merge`): the case grows and
    never loses a field it had; consent widens to the later scope when that is wider.
    A new case from someone whose earlier case was closed is linked to it (`previous_case_id`), so
    nobody asks the story twice.
    """
    urgency = Urgency.parse(summary["urgency"])
    reasons = list(summary["urgency_reasons"])
    case = await open_case_for(session, conversation_id) if conversation_id is not None else None
    if case is None:
        previous = (
            await last_closed_case_for(session, conversation_id) if conversation_id is not None else None
        )
        case = Case(
            code=new_case_code(),
            conversation_id=conversation_id,
            previous_case_id=previous.id if previous else None,
            status=CaseStatus.WAITING,
            urgency=Urgency.NORMAL,
            urgency_reasons=[],
            queued_at=now,
            reply_due_at=reply_due(now, urgency),
            alert=False,
        )
        session.add(case)
    merged: dict[str, Any] = dict(summary)
    if case.summary:
        merged = merge(case.summary, summary)
        summary_text = render(merged)
    case.summary = merged
    case.summary_text = summary_text
    case.district = merged.get("district")
    if case.status == CaseStatus.WAITING:
        case.team = team_for(case.district)
    case.conversation_from = consented_range_start(case, consent_scope, conversation_from)
    wide = ConsentScope.SUMMARY_AND_CONVERSATION
    case.consent_scope = wide if wide in (case.consent_scope, consent_scope) else consent_scope
    case.consent_version = consent_version
    case.consented_at = now
    case.urgency = higher_urgency(case.urgency, urgency)
    case.urgency_reasons = list(dict.fromkeys([*case.urgency_reasons, *reasons]))
    _bring_forward(case, urgency, now)
    if urgency in (Urgency.CRISIS, Urgency.URGENT):
        # A case that arrives in crisis is announced like crisis words on an open one, until acknowledged.
        case.alert = True
    await session.flush()
    return case


def consented_range_start(case: Case, scope: str, conversation_from: datetime | None) -> datetime | None:
    """Where the conversation a case may show begins after a new consent to it.

    A consent that follows straight on from the case's earlier consent to share the conversation (no
    decline in between) extends that range; otherwise the new consent's own range replaces it.
    """
    earlier = case.consent_scope == ConsentScope.SUMMARY_AND_CONVERSATION and case.consented_at is not None
    follows_on = earlier and (conversation_from is None or conversation_from <= case.consented_at)
    if scope == ConsentScope.SUMMARY_AND_CONVERSATION and follows_on:
        return case.conversation_from
    return conversation_from


async def raise_urgency(
    session: AsyncSession,
    *,
    conversation_id: int,
    level: str,
    reasons: list[str],
    now: datetime | None = None,
) -> None:
    """Raise the urgency of the conversation's open case, if it has one, and alert its CSW.

    A crisis or urgent message also brings the promised reply time forward to its short promise.
    """
    case = await open_case_for(session, conversation_id)
    if case is None:
        return
    moment = now or utcnow()
    if level in (Urgency.CRISIS, Urgency.URGENT) and await _promise_kept(session, case, moment):
        case.reply_due_at = reply_due(moment, level)  # a new promise: the old one was kept by a reply
    else:
        _bring_forward(case, level, moment)
    case.urgency = higher_urgency(case.urgency, level)
    case.urgency_reasons = list(dict.fromkeys([*case.urgency_reasons, *reasons]))
    if case.summary.get("urgency") != case.urgency:
        # The 受付票 says what the case header says: re-rendered with the raised urgency and its reasons.
        case.summary = {**case.summary, "urgency": str(case.urgency), "urgency_reasons": case.urgency_reasons}
        case.summary_text = render(case.summary)
    if level in (Urgency.CRISIS, Urgency.URGENT):
        case.alert = True


async def add_to_case(
    session: AsyncSession,
    *,
    conversation_id: int,
    text: str,
    now: datetime,
    fields: Mapping[str, Any] | None = None,
) -> bool:
    """Add a message the person wrote after the hand-off to their open case's thread; False when none.

    The CSW sees it on the case page; the case is flagged so the new message is noticed. `fields` (how
    and when to reach them, what to be careful about, a corrected fact) are merged into the case's 受付票
    too; a corrected district moves a case no one holds yet to that district's team.
    """
    case = await open_case_for(session, conversation_id)
    if case is None:
        return False
    if fields:
        case.summary = merge(case.summary, fields)
        case.summary_text = render(case.summary)
        case.district = case.summary.get("district")
        if case.status == CaseStatus.WAITING:  # a corrected district sends a case no one holds to its team
            case.team = team_for(case.district)
    understanding = classify(text)
    session.add(CaseMessage(case_id=case.id, kind="user", body=text, crisis=understanding.crisis))
    case.last_user_message_at = now
    case.alert = True
    return True


async def delete_cases_of(session: AsyncSession, conversation_id: int) -> int:
    """Delete every case of a conversation and its thread (the user asked for their data to be deleted).

    The audit log keeps that each case was deleted by the person, and when (no content), so a CSW who
    had it open is told why it is gone."""
    now = utcnow()
    for code, team in await session.execute(
        select(Case.code, Case.team).where(Case.conversation_id == conversation_id)
    ):
        audit.record_deleted(session, case_code=code, team=team, now=now)
    ids = select(Case.id).where(Case.conversation_id == conversation_id).scalar_subquery()
    await session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(ids)))
    result = await session.execute(delete(Case).where(Case.conversation_id == conversation_id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
