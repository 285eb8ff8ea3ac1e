"""The CSW queue: who may see which case, the order cases are taken in, and the case lifecycle.

    waiting ──claim──▶ claimed ──first reply──▶ in_conversation ──close──▶ closed
       ▲                  │                         │
       └──release/transfer┴─────────────────────────┘        closed ──reopen──▶ (new linked case)

Every transition is one conditional UPDATE guarded by the status it leaves (`WHERE status IN …`),
so two CSWs acting on the same case at once cannot both succeed: the loser sees rowcount 0.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, case, func, select, true, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case, CaseMessage, CaseRead, CswAccount
from bot.store.types import HELD_STATUSES, OPEN_STATUSES, URGENCY_ORDER, CaseStatus, Urgency
from dialogs.content import current_content
from dialogs.summary import label_for
from handoff import catalog
from handoff.cases import is_case_code, new_case_code, open_case_for, reply_due

OUTCOMES = (
    "self_reliance",
    "housing_benefit",
    "temporary_living",
    "employment_prep",
    "household_budget",
    "hikikomori",
    "health_center",
    "disability",
    "elderly",
    "child_family",
    "hello_work",
    "info_only",
    "unreachable",
    "user_ended",
    "other",
)
"""Where a closed case went: a window or service the person was connected to, or how it ended."""

WITHDRAWN = "withdrawn"
"""How a case ends when the person takes it back before a CSW holds it (not a CSW's choice)."""

ENDINGS = (*OUTCOMES, WITHDRAWN)
"""Every way a closed case can have ended, as the dashboard and the statistics name them."""


class Forbidden(Exception):
    """The account may not do this to this case."""


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows: statuses, and optionally one district, team, urgency or claimer."""

    statuses: tuple[str, ...] = OPEN_STATUSES
    district: str | None = None
    team: str | None = None
    urgency: str | None = None
    claimed_by: int | None = None


def sees_all(account: CswAccount) -> bool:
    """Supervisors and admins see every team's cases."""
    return account.role in ("supervisor", "admin")


def visible_teams(account: CswAccount) -> set[str] | None:
    """The teams whose cases `account` sees (its own and the shared team), or None for all."""
    if sees_all(account):
        return None
    teams = {current_content().shared_team}
    if account.team:
        teams.add(account.team)
    return teams


def visible_to(account: CswAccount) -> ColumnElement[bool]:
    """A WHERE clause limiting cases to those `account` may see."""
    teams = visible_teams(account)
    return true() if teams is None else Case.team.in_(teams)


URGENCY_SORT = case({u.value: u.rank for u in URGENCY_ORDER}, value=Case.urgency, else_=len(URGENCY_ORDER))


async def list_cases(
    session: AsyncSession, *, viewer: CswAccount, where: QueueFilter = QueueFilter(), limit: int = 500
) -> list[Case]:
    """Cases `viewer` may see, most urgent first, then longest waiting."""
    query = select(Case).where(visible_to(viewer), Case.status.in_(where.statuses))
    if where.district:
        query = query.where(Case.district == where.district)
    if where.team:
        query = query.where(Case.team == where.team)
    if where.urgency:
        query = query.where(Case.urgency == where.urgency)
    if where.claimed_by is not None:
        query = query.where(Case.claimed_by_id == where.claimed_by)
    query = query.order_by(URGENCY_SORT, Case.queued_at, Case.id).limit(limit)
    return list((await session.scalars(query)).all())


async def get_case(session: AsyncSession, *, viewer: CswAccount, code: str) -> Case | None:
    """The case with `code` if `viewer` may see it (None either way otherwise, so callers answer 404)."""
    if not is_case_code(code):
        return None
    result = await session.scalars(select(Case).where(Case.code == code, visible_to(viewer)))
    return result.first()


def promise_open(case_row: Case, facts: RowFacts | None = None) -> bool:
    """Whether the reply the person was promised (`reply_due_at`) is still owed.

    A waiting case owes it. A held case owes it while the person's latest words have no reply and either
    no CSW has replied yet (claiming is no answer: crisis words on a claimed case keep their countdown)
    or the person wrote crisis or urgent words since the last reply (they brought the promise forward,
    `handoff.cases.raise_urgency`). A reply keeps the promise; later ordinary words do not bring an old
    one back. Without `facts`, only a waiting case counts.
    """
    if case_row.reply_due_at is None or case_row.status not in OPEN_STATUSES:
        return False
    if case_row.status == CaseStatus.WAITING:
        return True
    if facts is None or not facts.unreplied:
        return False
    return not facts.replied or facts.raised_since_reply


def is_overdue(case_row: Case, now: datetime, facts: RowFacts | None = None) -> bool:
    """A case whose promised reply is still owed (`promise_open`) and whose time has passed."""
    due = case_row.reply_due_at
    return due is not None and now > due and promise_open(case_row, facts)


class Section(StrEnum):
    """Where a case stands in one CSW's queue, in the order the queue shows them."""

    NOW = "now"
    """Needs someone now: the viewer's own cases with an unacknowledged alert, then every unclaimed case."""
    MINE = "mine"
    """The viewer's own held cases."""
    OTHERS = "others"
    """Cases a colleague holds (対応中：〇〇さん)."""
    CLOSED = "closed"


def section_of(case_row: Case, viewer: CswAccount) -> Section:
    """The queue section `case_row` belongs in, for `viewer`."""
    if case_row.status == CaseStatus.CLOSED:
        return Section.CLOSED
    if case_row.status == CaseStatus.WAITING:
        return Section.NOW
    if case_row.claimed_by_id == viewer.id:
        return Section.NOW if case_row.alert else Section.MINE
    return Section.OTHERS


def in_queue_order(cases: list[Case], *, viewer: CswAccount, facts: dict[int, RowFacts]) -> list[Case]:
    """`cases` in the order a CSW takes them: first what needs someone now (the viewer's own cases whose
    person wrote crisis or urgent words nobody acknowledged, as only the viewer can answer them; then
    unclaimed cases, crisis first, then by urgency and time waiting), then the viewer's own held cases
    (unreplied first), then colleagues' cases, then closed ones."""
    sections = list(Section)

    def key(c: Case) -> tuple[int, int, int, int, datetime, int]:
        section = section_of(c, viewer)
        own_first = 0 if c.claimed_by_id == viewer.id and section == Section.NOW else 1
        answered = 0 if c.id in facts and facts[c.id].unreplied else 1
        return (
            sections.index(section),
            own_first,
            Urgency.parse(c.urgency).rank,
            answered,
            c.queued_at,
            c.id,
        )

    return sorted(cases, key=key)


def holds(account: CswAccount, case_row: Case) -> bool:
    """Whether `account` may act on a held case: its claimer, or a supervisor/admin."""
    return case_row.claimed_by_id == account.id or sees_all(account)


async def _transition(
    session: AsyncSession,
    case_row: Case,
    *,
    sources: Collection[str],
    values: dict[str, Any],
    claimed_by: int | None = None,
) -> bool:
    """Move `case_row` out of one of `sources` with one conditional UPDATE; False if it moved meanwhile."""
    query = update(Case).where(Case.id == case_row.id, Case.status.in_(tuple(sources)))
    if claimed_by is not None:
        query = query.where(Case.claimed_by_id == claimed_by)
    result = await session.execute(query.values(**values).execution_options(synchronize_session=False))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return False
    await session.refresh(case_row)
    return True


async def claim(session: AsyncSession, *, viewer: CswAccount, case_row: Case, now: datetime) -> bool:
    """Take a waiting case; exactly one of several concurrent claimers gets True."""
    return await _transition(
        session,
        case_row,
        sources=(CaseStatus.WAITING,),
        values={
            "status": CaseStatus.CLAIMED,
            "claimed_by_id": viewer.id,
            "claimed_at": now,
            "updated_at": now,
        },
    )


async def claim_by_id(session: AsyncSession, *, account_id: int, case_id: int, now: datetime) -> bool:
    """The bare atomic claim: `UPDATE … WHERE id = :id AND status = 'waiting'`, True when rowcount is 1."""
    result = await session.execute(
        update(Case)
        .where(Case.id == case_id, Case.status == CaseStatus.WAITING)
        .values(status=CaseStatus.CLAIMED, claimed_by_id=account_id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def start_conversation(session: AsyncSession, *, case_row: Case, now: datetime) -> None:
    """Mark a claimed case `in_conversation` (the first reply); no change when it already is."""
    await _transition(
        session,
        case_row,
        sources=(CaseStatus.CLAIMED,),
        values={"status": CaseStatus.IN_CONVERSATION, "updated_at": now},
    )


async def release(session: AsyncSession, *, viewer: CswAccount, case_row: Case, now: datetime) -> bool:
    """Put a held case back in the queue (its claimer or a supervisor)."""
    if not holds(viewer, case_row):
        raise Forbidden("release")
    return await _transition(
        session,
        case_row,
        sources=HELD_STATUSES,
        values={"status": CaseStatus.WAITING, "claimed_by_id": None, "claimed_at": None, "updated_at": now},
    )


async def transfer(
    session: AsyncSession, *, viewer: CswAccount, case_row: Case, team: str, now: datetime
) -> bool:
    """Hand a case to another team's queue; it waits there, unclaimed, keeping its 受付 time and place."""
    if team not in {t.id for t in current_content().teams}:
        raise Forbidden("unknown team")
    if case_row.status in HELD_STATUSES and not holds(viewer, case_row):
        raise Forbidden("transfer")
    return await _transition(
        session,
        case_row,
        sources=OPEN_STATUSES,
        values={
            "status": CaseStatus.WAITING,
            "team": team,
            "claimed_by_id": None,
            "claimed_at": None,
            "updated_at": now,
        },
    )


async def close(
    session: AsyncSession, *, viewer: CswAccount, case_row: Case, outcome: str, now: datetime
) -> bool:
    """Close a held case with an outcome (its claimer or a supervisor)."""
    if outcome not in OUTCOMES:
        raise Forbidden("unknown outcome")
    if not holds(viewer, case_row):
        raise Forbidden("close")
    return await _transition(
        session,
        case_row,
        sources=HELD_STATUSES,
        values={
            "status": CaseStatus.CLOSED,
            "outcome": outcome,
            "closed_at": now,
            "alert": False,
            "reply_token": None,
            "reply_token_at": None,
            "updated_at": now,
        },
    )


async def withdraw(session: AsyncSession, *, conversation_id: int, now: datetime) -> bool:
    """Take the conversation's waiting case off the queue as withdrawn by the person; False when none is
    waiting (a CSW holds it: the person's words reach that CSW instead).

    One conditional UPDATE, as a claim is: of a claim and a withdrawal at the same moment exactly one
    wins, whatever the case row loaded earlier said. The thread gets an entry, so staff see 「取り下げ」.
    """
    case_row = await open_case_for(session, conversation_id)
    if case_row is None:
        return False
    withdrawn = await _transition(
        session,
        case_row,
        sources=(CaseStatus.WAITING,),
        values={
            "status": CaseStatus.CLOSED,
            "outcome": WITHDRAWN,
            "closed_at": now,
            "alert": False,
            "updated_at": now,
        },
    )
    if withdrawn:
        session.add(CaseMessage(case_id=case_row.id, kind="event", body=WITHDRAWN))
        await session.flush()
    return withdrawn


async def reopen(session: AsyncSession, *, viewer: CswAccount, case_row: Case, now: datetime) -> Case | None:
    """Open a new waiting case linked to a closed one (same consented summary); None if one is open, or
    if the person withdrew it (only they can send it again)."""
    if case_row.status != CaseStatus.CLOSED or case_row.conversation_id is None:
        return None
    if case_row.outcome == WITHDRAWN:
        return None
    existing = await session.scalars(
        select(Case.id).where(
            Case.conversation_id == case_row.conversation_id, Case.status.in_(OPEN_STATUSES)
        )
    )
    if existing.first() is not None:
        return None
    new = Case(
        code=new_case_code(),
        conversation_id=case_row.conversation_id,
        previous_case_id=case_row.id,
        status=CaseStatus.WAITING,
        urgency="normal",
        urgency_reasons=[],
        alert=False,
        summary=case_row.summary,
        summary_text=case_row.summary_text,
        district=case_row.district,
        team=case_row.team,
        consent_scope=case_row.consent_scope,
        consent_version=case_row.consent_version,
        consented_at=case_row.consented_at,
        queued_at=now,
        reply_due_at=reply_due(now),
    )
    session.add(new)
    await session.flush()
    return new


EXCERPT_CHARS = 48
"""How much of the person's latest words a queue row shows."""

PHRASE_ENDS = "。！？!?\n"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of `text` up to `limit` characters, cut after a sentence end when one is near."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = max(flat.rfind(end, 0, limit) for end in PHRASE_ENDS)
    return flat[: cut + 1] if cut >= limit // 2 else flat[:limit] + "…"


@dataclass(frozen=True)
class RowFacts:
    """What a queue row says about a case's thread, for one viewer."""

    last_words: str
    """An excerpt of the person's latest message (or of their own words in the 受付票)."""
    last_message_at: datetime | None
    """When the person last wrote (their handoff, if nothing since)."""
    unread: bool
    """The person wrote something this viewer has not opened yet (or the viewer never opened the case)."""
    unreplied: bool
    """An open case whose person's latest words have no CSW reply after them."""
    replied: bool = False
    """A CSW has replied to the person on this case."""
    raised_since_reply: bool = False
    """The person wrote crisis or urgent words after the last reply (or before any)."""


PHONE = re.compile(r"[+＋]?[0-9０-９][0-9０-９()（）\-‐－―ー−\s]{7,}[0-9０-９]")
"""A run of digits that may be a phone number (「090-1234-5678」「０９０ １２３４ ５６７８」「+81 90…」)."""
PHONE_DIGITS = 10
"""Japanese phone numbers have 10 or 11 digits (with the leading 0)."""
CONCERN_FIRST = ("concerns", "own_words", "hopes", "considerations")
"""The typed words a queue row quotes, the main concern first; never the writer's own situation
(「私は母で、72歳です」) or how to reach them."""


def masked(text: str) -> str:
    """`text` with anything that looks like a phone number replaced by （電話番号）: the queue is seen by
    the whole team, the number only on the case page."""

    def hide(match: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in match.group())
        return catalog.text("csw.queue.phone_hidden") if digits >= PHONE_DIGITS else match.group()

    return PHONE.sub(hide, text)


def about(summary: dict[str, Any]) -> str:
    """Who the case is about and who wrote, for a queue row (「ご本人（40〜64歳）のこと（家族・親から）」)."""
    band = str(summary.get("age_band") or "")
    age = f"（{label_for('age_band', band)}）" if band else ""
    asker = str(summary.get("asker") or "")
    if asker == "self":
        return catalog.text("csw.queue.about_self", age=age)
    if asker in ("family", "supporter"):
        relation = str(summary.get("relation") or "")
        standing = catalog.text(f"csw.sheet.standing_{asker}")
        writer = f"{standing}・{label_for('relation', relation)}" if relation else standing
        return catalog.text("csw.queue.about_other", age=age, writer=writer)
    return ""


def _own_words(case_row: Case) -> str:
    """The main concern in the 受付票's typed words, with who it is about; '' when none was typed."""
    summary = case_row.summary if isinstance(case_row.summary, dict) else {}
    words = summary.get("own_words")
    if not isinstance(words, dict):
        return ""
    concern = next((str(words[key]) for key in CONCERN_FIRST if words.get(key)), "")
    if not concern:
        return ""
    return f"{about(summary)}{concern}"


async def _latest_ids(session: AsyncSession, ids: list[int], *where: ColumnElement[bool]) -> dict[int, int]:
    """The id of each case's newest thread entry matching `where`, by case id."""
    rows = await session.execute(
        select(CaseMessage.case_id, func.max(CaseMessage.id))
        .where(CaseMessage.case_id.in_(ids), *where)
        .group_by(CaseMessage.case_id)
    )
    return {case_id: last for case_id, last in rows}


async def row_facts(session: AsyncSession, *, viewer: CswAccount, cases: list[Case]) -> dict[int, RowFacts]:
    """Thread facts for each case (latest words, unread, unreplied, raised since a reply), in four queries."""
    ids = [c.id for c in cases]
    if not ids:
        return {}
    latest_user = (
        select(func.max(CaseMessage.id))
        .where(CaseMessage.case_id.in_(ids), CaseMessage.kind == "user")
        .group_by(CaseMessage.case_id)
    )
    user_rows = {
        m.case_id: m
        for m in await session.scalars(select(CaseMessage).where(CaseMessage.id.in_(latest_user)))
    }
    replies = await _latest_ids(session, ids, CaseMessage.kind == "csw")
    raised = await _latest_ids(session, ids, CaseMessage.kind == "user", CaseMessage.crisis != "none")
    reads = dict(
        (
            await session.execute(
                select(CaseRead.case_id, CaseRead.last_message_id).where(
                    CaseRead.account_id == viewer.id, CaseRead.case_id.in_(ids)
                )
            )
        ).all()
    )
    facts: dict[int, RowFacts] = {}
    for case_row in cases:
        latest = user_rows.get(case_row.id)
        read = reads.get(case_row.id)
        reply = replies.get(case_row.id)
        raised_id = raised.get(case_row.id)
        facts[case_row.id] = RowFacts(
            last_words=excerpt(masked(latest.body if latest else _own_words(case_row))),
            last_message_at=latest.created_at if latest else case_row.consented_at,
            unread=read is None or (latest is not None and latest.id > read),
            unreplied=case_row.status in OPEN_STATUSES
            and (reply is None or (latest is not None and latest.id > reply)),
            replied=reply is not None,
            raised_since_reply=raised_id is not None and (reply is None or raised_id > reply),
        )
    return facts


async def search(session: AsyncSession, *, cases: list[Case], words: str) -> list[Case]:
    """The cases whose code, 受付票 or thread contains `words` (already limited to what the viewer sees).

    Text is stored encrypted, so matching happens here rather than in SQL.
    """
    needle = words.strip()
    if not needle:
        return cases
    upper = needle.upper()
    found = {c.id for c in cases if upper in c.code or needle in (c.summary_text or "")}
    rest = [c.id for c in cases if c.id not in found]
    if rest:
        bodies = await session.execute(
            select(CaseMessage.case_id, CaseMessage.body).where(
                CaseMessage.case_id.in_(rest), CaseMessage.kind.in_(("user", "csw", "note"))
            )
        )
        found.update(case_id for case_id, body in bodies if needle in body)
    return [c for c in cases if c.id in found]


async def mark_read(session: AsyncSession, *, viewer: CswAccount, case_row: Case, now: datetime) -> None:
    """Remember that `viewer` has read `case_row`'s thread up to its newest entry."""
    newest = await session.scalar(select(func.max(CaseMessage.id)).where(CaseMessage.case_id == case_row.id))
    read = await session.scalar(
        select(CaseRead.last_message_id).where(
            CaseRead.account_id == viewer.id, CaseRead.case_id == case_row.id
        )
    )
    if read is not None and read >= (newest or 0):
        return
    values = {"account_id": viewer.id, "case_id": case_row.id, "last_message_id": newest or 0, "read_at": now}
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(CaseRead).values(**values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["account_id", "case_id"],
            set_={"last_message_id": statement.excluded.last_message_id, "read_at": now},
        )
    )


async def open_alerts(session: AsyncSession, *, viewer: CswAccount) -> list[Case]:
    """Open cases `viewer` may see whose crisis or urgent alert nobody has acknowledged yet."""
    query = (
        select(Case)
        .where(visible_to(viewer), Case.status.in_(OPEN_STATUSES), Case.alert.is_(True))
        .order_by(URGENCY_SORT, Case.id)
    )
    return list((await session.scalars(query)).all())
