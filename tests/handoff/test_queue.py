"""The queue on its own: order, routing, visibility, the lifecycle table, overdue, reopen links,
and (on PostgreSQL) 8 concurrent claimers over 1,000 cases."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.migrate import upgrade
from bot.store.case_tables import Case, CswAccount
from bot.store.db import create_engine, session_factory, utcnow
from bot.store.tables import Conversation
from dialogs.office_hours import TOKYO
from handoff import accounts, queue
from handoff.cases import open_case, raise_urgency, team_for
from handoff.queue import Forbidden, QueueFilter

T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A migrated database and a session factory on it."""
    upgrade(database_url)
    engine = create_engine(database_url)
    yield session_factory(engine)
    await engine.dispose()


async def account(
    session: AsyncSession, login: str, role: str = "csw", team: str | None = "csw_chuo"
) -> CswAccount:
    """An account with a throwaway password."""
    return await accounts.add_account(
        session, login=login, display_name=login, role=role, team=team, password="x" * 16
    )


def summary(urgency: str = "normal", district: str | None = None) -> dict[str, Any]:
    """A minimal consented summary."""
    return {"urgency": urgency, "urgency_reasons": [], "district": district}


async def new_case(
    session: AsyncSession, *, urgency: str = "normal", district: str | None = None, at: datetime = T0
) -> Case:
    """A waiting case opened at `at` (no conversation)."""
    return await open_case(
        session,
        conversation_id=None,
        summary=summary(urgency, district),
        summary_text="受付票",
        consent_scope="summary",
        consent_version="v1",
        now=at,
    )


async def test_order_is_urgency_then_waiting_time(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        boss = await account(session, "boss", role="supervisor", team=None)
        old_normal = await new_case(session, at=T0)
        urgent = await new_case(session, urgency="urgent", at=T0 + timedelta(minutes=5))
        new_crisis = await new_case(session, urgency="crisis", at=T0 + timedelta(minutes=9))
        old_crisis = await new_case(session, urgency="crisis", at=T0 + timedelta(minutes=1))
        new_normal = await new_case(session, at=T0 + timedelta(minutes=2))
        listed = await queue.list_cases(session, viewer=boss)
    assert [c.code for c in listed] == [
        c.code for c in (old_crisis, new_crisis, urgent, old_normal, new_normal)
    ]


@pytest.mark.parametrize(
    ("district", "team"),
    [
        ("chuo", "csw_chuo"),
        ("kitayama", "csw_kitayama"),
        (None, "csw_shared"),
        ("somewhere_else", "csw_shared"),
    ],
)
def test_routing_by_district(district: str | None, team: str) -> None:
    assert team_for(district) == team


async def test_a_csw_sees_own_team_and_shared_team_only(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        chuo = await account(session, "chuo")
        boss = await account(session, "boss", role="supervisor", team=None)
        mine = await new_case(session, district="chuo")
        shared = await new_case(session)
        theirs = await new_case(session, district="kitayama")
        seen = {c.code for c in await queue.list_cases(session, viewer=chuo)}
        assert seen == {mine.code, shared.code}
        assert await queue.get_case(session, viewer=chuo, code=theirs.code) is None
        assert {c.code for c in await queue.list_cases(session, viewer=boss)} == {
            mine.code,
            shared.code,
            theirs.code,
        }
        only_kitayama = QueueFilter(district="kitayama")
        assert [c.code for c in await queue.list_cases(session, viewer=boss, where=only_kitayama)] == [
            theirs.code
        ]


LIFECYCLE = [
    # (start status, held by: "me"/"other"/None, action, allowed, end status)
    ("waiting", None, "claim", True, "claimed"),
    ("claimed", "other", "claim", False, "claimed"),
    ("claimed", "me", "release", True, "waiting"),
    ("in_conversation", "me", "release", True, "waiting"),
    ("waiting", None, "release", "forbidden", "waiting"),
    ("claimed", "other", "release", "forbidden", "claimed"),
    ("claimed", "me", "close", True, "closed"),
    ("in_conversation", "me", "close", True, "closed"),
    ("waiting", None, "close", "forbidden", "waiting"),
    ("in_conversation", "other", "close", "forbidden", "in_conversation"),
    ("closed", "me", "close", False, "closed"),
    ("waiting", None, "transfer", True, "waiting"),
    ("claimed", "me", "transfer", True, "waiting"),
    ("claimed", "other", "transfer", "forbidden", "claimed"),
    ("closed", "me", "transfer", False, "closed"),
]


@pytest.mark.parametrize(("start", "held_by", "action", "allowed", "end"), LIFECYCLE)
async def test_lifecycle_table(
    sessions: async_sessionmaker[AsyncSession],
    start: str,
    held_by: str | None,
    action: str,
    allowed: object,
    end: str,
) -> None:
    async with sessions() as session, session.begin():
        me = await account(session, "me", team="csw_shared")
        other = await account(session, "other", team="csw_shared")
        case_row = await new_case(session)
        case_row.status = start
        case_row.claimed_by_id = {"me": me.id, "other": other.id, None: None}[held_by]
        await session.flush()
        now = utcnow()
        calls = {
            "claim": lambda: queue.claim(session, viewer=me, case_row=case_row, now=now),
            "release": lambda: queue.release(session, viewer=me, case_row=case_row, now=now),
            "close": lambda: queue.close(session, viewer=me, case_row=case_row, outcome="info_only", now=now),
            "transfer": lambda: queue.transfer(
                session, viewer=me, case_row=case_row, team="csw_kitayama", now=now
            ),
        }
        if allowed == "forbidden":
            with pytest.raises(Forbidden):
                await calls[action]()
        else:
            assert await calls[action]() is allowed
        await session.refresh(case_row)
        assert case_row.status == end
        if action == "transfer" and allowed is True:
            assert case_row.team == "csw_kitayama" and case_row.claimed_by_id is None
        if action == "close" and allowed is True:
            assert case_row.outcome == "info_only" and case_row.closed_at is not None


async def test_a_supervisor_may_release_or_close_anyones_case(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        csw = await account(session, "csw", team="csw_shared")
        boss = await account(session, "boss", role="supervisor", team=None)
        case_row = await new_case(session)
        assert await queue.claim(session, viewer=csw, case_row=case_row, now=utcnow())
        assert await queue.close(session, viewer=boss, case_row=case_row, outcome="unreachable", now=utcnow())


async def test_overdue_when_the_promised_time_passed(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        case_row = await new_case(session)
        assert case_row.reply_due_at is not None and case_row.reply_due_at > case_row.queued_at
        assert not queue.is_overdue(case_row, case_row.reply_due_at - timedelta(minutes=1))
        assert queue.is_overdue(case_row, case_row.reply_due_at + timedelta(minutes=1))
        case_row.status = "claimed"
        assert not queue.is_overdue(case_row, case_row.reply_due_at + timedelta(minutes=1))


SATURDAY = datetime(2026, 11, 21, 10, 0, tzinfo=TOKYO)
TUESDAY_OPENING = datetime(2026, 11, 24, 8, 30, tzinfo=TOKYO)
"""Monday 2026-11-23 is 勤労感謝の日: the office next opens on Tuesday."""
PRIORITY_DUE = TUESDAY_OPENING + timedelta(minutes=30)
"""Crisis and urgent cases are promised within the content's 30 minutes of office time."""


async def test_crisis_and_urgent_cases_are_due_soon_after_the_next_opening(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        crisis = await new_case(session, urgency="crisis", at=SATURDAY)
        urgent = await new_case(session, urgency="urgent", at=SATURDAY)
        normal = await new_case(session, urgency="normal", at=SATURDAY)
        assert crisis.reply_due_at == PRIORITY_DUE
        assert urgent.reply_due_at == PRIORITY_DUE
        assert normal.reply_due_at is not None and normal.reply_due_at > PRIORITY_DUE
        during_hours = TUESDAY_OPENING + timedelta(hours=2)
        now_crisis = await new_case(session, urgency="crisis", at=during_hours)
        assert now_crisis.reply_due_at == during_hours + timedelta(minutes=30), "open now: within 30 min"


async def test_a_crisis_after_opening_brings_the_promise_forward(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        conversation = Conversation(key="k1", line_user_id="U" + "0" * 32, state="menu", data={})
        session.add(conversation)
        await session.flush()
        case_row = await open_case(
            session,
            conversation_id=conversation.id,
            summary=summary("normal"),
            summary_text="受付票",
            consent_scope="summary",
            consent_version="v1",
            now=SATURDAY,
        )
        assert case_row.reply_due_at is not None and case_row.reply_due_at > TUESDAY_OPENING
        await raise_urgency(
            session,
            conversation_id=conversation.id,
            level="urgent",
            reasons=["今夜寝る場所がない"],
            now=SATURDAY,
        )
        assert case_row.urgency == "urgent" and case_row.reply_due_at == PRIORITY_DUE
        await raise_urgency(
            session,
            conversation_id=conversation.id,
            level="crisis",
            reasons=["死にたい"],
            now=TUESDAY_OPENING + timedelta(days=1),
        )
        assert case_row.reply_due_at == PRIORITY_DUE, "never pushed later"


async def test_unknown_outcome_or_team_is_refused(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        me = await account(session, "me", team="csw_shared")
        case_row = await new_case(session)
        assert await queue.claim(session, viewer=me, case_row=case_row, now=utcnow())
        with pytest.raises(Forbidden):
            await queue.close(session, viewer=me, case_row=case_row, outcome="whatever", now=utcnow())
        with pytest.raises(Forbidden):
            await queue.transfer(session, viewer=me, case_row=case_row, team="nope", now=utcnow())


async def case_of_a_person(session: AsyncSession) -> Case:
    """A waiting case with a conversation behind it (a person who can take it back)."""
    conversation = Conversation(key="k1", line_user_id="U" + "0" * 32, state="menu", data={})
    session.add(conversation)
    await session.flush()
    return await open_case(
        session,
        conversation_id=conversation.id,
        summary=summary(),
        summary_text="受付票",
        consent_scope="summary",
        consent_version="v1",
        now=T0,
    )


async def test_a_withdrawn_case_cannot_be_claimed_or_reopened(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        boss = await account(session, "boss", role="supervisor", team=None)
        case_row = await case_of_a_person(session)
        assert await queue.withdraw(session, conversation_id=case_row.conversation_id, now=utcnow())
        await session.refresh(case_row)
        assert case_row.status == "closed" and case_row.outcome == queue.WITHDRAWN
        assert not await queue.claim(session, viewer=boss, case_row=case_row, now=utcnow())
        assert await queue.reopen(session, viewer=boss, case_row=case_row, now=utcnow()) is None
        assert not await queue.withdraw(session, conversation_id=case_row.conversation_id, now=utcnow())


async def test_a_claim_made_after_the_withdrawal_read_the_case_is_not_undone(database_url: str) -> None:
    """The person's turn has read the case as waiting when a CSW's claim commits (a second engine, as
    the dashboard would be): the withdrawal then finds nothing waiting, and the CSW keeps the case."""
    upgrade(database_url)
    turn_engine, dashboard_engine = create_engine(database_url), create_engine(database_url)
    async with session_factory(dashboard_engine)() as session, session.begin():
        csw = await account(session, "csw", team="csw_shared")
        case_row = await case_of_a_person(session)
    async with session_factory(turn_engine)() as turn, turn.begin():
        seen = await turn.get(Case, case_row.id)
        assert seen is not None and seen.status == "waiting"
        async with session_factory(dashboard_engine)() as dashboard, dashboard.begin():
            loaded = await dashboard.get(Case, case_row.id)
            assert loaded is not None
            assert await queue.claim(dashboard, viewer=csw, case_row=loaded, now=utcnow())
        assert not await queue.withdraw(turn, conversation_id=seen.conversation_id, now=utcnow())
    async with session_factory(dashboard_engine)() as session:
        stored = await session.get(Case, case_row.id)
    await turn_engine.dispose()
    await dashboard_engine.dispose()
    assert stored is not None and stored.status == "claimed" and stored.claimed_by_id == csw.id
    assert stored.outcome is None


CLAIMERS = 8
CASES = 1000


async def test_claim_race_every_case_claimed_exactly_once(
    sessions: async_sessionmaker[AsyncSession], backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("the claim race runs on PostgreSQL (set TSUNAGU_TEST_DATABASE_URL)")
    async with sessions() as session, session.begin():
        claimers = [await account(session, f"c{i}", team="csw_shared") for i in range(CLAIMERS)]
        now = utcnow()
        rows = [
            {
                "code": f"TG-R{i:05d}",
                "status": "waiting",
                "urgency": "normal",
                "urgency_reasons": [],
                "alert": False,
                "summary": {},
                "summary_text": "",
                "team": "csw_shared",
                "consent_scope": "summary",
                "consent_version": "v1",
                "consented_at": now,
                "queued_at": now,
                "created_at": now,
                "updated_at": now,
            }
            for i in range(CASES)
        ]
        await session.execute(insert(Case), rows)
        ids = list((await session.scalars(select(Case.id))).all())
    claimer_ids = [c.id for c in claimers]

    async def claimer(account_id: int, seed: int) -> int:
        """Try every case in its own random order through `queue.claim`, the call the dashboard and API make.

        Each attempt is its own transaction on its own connection: load the account and the case (as a
        request does), then claim; a winner's loaded row must show it as the claimer.
        """
        order = ids[:]
        random.Random(seed).shuffle(order)
        won = 0
        for case_id in order:
            async with sessions() as own, own.begin():
                me = await own.get(CswAccount, account_id)
                case_row = await own.get(Case, case_id)
                assert me is not None and case_row is not None
                if await queue.claim(own, viewer=me, case_row=case_row, now=utcnow()):
                    assert case_row.claimed_by_id == account_id and case_row.status == "claimed"
                    won += 1
        return won

    wins = await asyncio.gather(*(claimer(a, seed) for seed, a in enumerate(claimer_ids)))
    assert sum(wins) == CASES
    async with sessions() as session:
        waiting = await session.scalar(select(func.count()).select_from(Case).where(Case.status == "waiting"))
        per_claimer = dict(
            (
                await session.execute(select(Case.claimed_by_id, func.count()).group_by(Case.claimed_by_id))
            ).all()
        )
    assert waiting == 0
    assert per_claimer == {a: w for a, w in zip(claimer_ids, wins, strict=True) if w}
    assert sum(1 for w in wins if w > 0) > 1, "claimers really ran concurrently"
