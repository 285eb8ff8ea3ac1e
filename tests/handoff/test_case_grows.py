"""After sending, the case grows and never resets: a later hand-off merges, later messages join the thread."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.migrate import upgrade
from bot.store.case_tables import CaseMessage
from bot.store.db import create_engine, session_factory
from bot.store.tables import Conversation
from dialogs.content import current_content
from dialogs.office_hours import TOKYO, format_jp
from dialogs.summary import build_summary, summary_text
from handoff.cases import add_to_case, open_case

TUESDAY = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
FATHER = {
    "intake": {
        "answers": {
            "asker": {"choice": "family"},
            "relation": {"choice": "parent"},
            "age_band": {"choice": "18_39"},
            "duration": {"choice": "over_10y"},
            "concerns": {"choices": ["withdrawal"]},
            "hopes": {"choices": ["visit"]},
            "district": {"choice": "chuo"},
            "contact": {"choice": "line"},
        },
        "skipped": [],
    }
}
LATER = {
    "urgency": {"level": "crisis", "reasons": ["「死にたい」"]},
    "intake": {
        "answers": {},
        "skipped": [],
        "heard": [{"words": "息子が今夜、死にたいと言って暴れています", "fields": []}],
    },
}


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A migrated database and a session factory on it."""
    upgrade(database_url)
    engine = create_engine(database_url)
    yield session_factory(engine)
    await engine.dispose()


async def _conversation(session: AsyncSession, key: str) -> Conversation:
    conversation = Conversation(key=key, line_user_id="U" + "1" * 32, state="menu.main", data={})
    session.add(conversation)
    await session.flush()
    return conversation


async def _hand_off(session: AsyncSession, conversation: Conversation, data: dict, now: datetime, scope: str):
    return await open_case(
        session,
        conversation_id=conversation.id,
        summary=build_summary(data),
        summary_text=summary_text(data),
        consent_scope=scope,
        consent_version="v1",
        now=now,
    )


async def test_a_second_hand_off_adds_to_the_case_and_never_wipes_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        conversation = await _conversation(session, "father")
        first = await _hand_off(session, conversation, FATHER, TUESDAY, "summary")
        assert first.team == "csw_chuo"
        second = await _hand_off(session, conversation, LATER, TUESDAY + timedelta(hours=3), "summary")
        assert second.id == first.id, "the open case grows; no second case"
        summary = second.summary
        assert summary["asker"] == "family" and summary["relation"] == "parent"
        assert summary["age_band"] == "18_39" and summary["district"] == "chuo"
        assert summary["concerns"] == ["withdrawal"] and summary["hopes"] == ["visit"]
        assert summary["urgency"] == "crisis" and second.urgency == "crisis"
        assert "district" not in summary["unanswered"] and "asker" not in summary["unanswered"]
        assert second.team == "csw_chuo" and second.district == "chuo"
        assert "中央地区" in second.summary_text and "家族（親）" in second.summary_text
        assert "「息子が今夜、死にたいと言って暴れています」" in second.summary_text
        assert "相談者：未回答" not in second.summary_text


async def test_messages_after_sending_join_the_open_case(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        conversation = await _conversation(session, "carer")
        assert not await add_to_case(session, conversation_id=conversation.id, text="追加です", now=TUESDAY)
        case_row = await _hand_off(session, conversation, FATHER, TUESDAY, "summary_and_conversation")
        case_row.alert = False
        added = await add_to_case(
            session, conversation_id=conversation.id, text="母も体調をくずしています", now=TUESDAY
        )
        assert added and case_row.alert and case_row.last_user_message_at == TUESDAY
        bodies = (
            await session.scalars(select(CaseMessage.body).where(CaseMessage.case_id == case_row.id))
        ).all()
        assert bodies == ["母も体調をくずしています"]


@pytest.mark.parametrize(
    ("now", "urgency"),
    [
        (TUESDAY, "crisis"),
        (TUESDAY, "urgent"),
        (TUESDAY, "normal"),
        (datetime(2026, 11, 28, 2, 30, tzinfo=TOKYO), "crisis"),  # Saturday night
        (datetime(2026, 12, 30, 23, 0, tzinfo=TOKYO), "urgent"),  # 年末年始
    ],
)
async def test_the_queue_shows_the_promise_the_person_was_given(
    sessions: async_sessionmaker[AsyncSession], now: datetime, urgency: str
) -> None:
    async with sessions() as session, session.begin():
        conversation = await _conversation(session, f"promise-{now:%d%H}-{urgency}")
        data = {**FATHER, "urgency": {"level": urgency, "reasons": []}}
        case_row = await _hand_off(session, conversation, data, now, "summary")
        assert case_row.reply_due_at is not None
        promise = current_content().reply_promise_text(now, urgency)
        assert format_jp(case_row.reply_due_at) in promise
        if urgency != "normal" and now == TUESDAY:
            assert case_row.reply_due_at == now + timedelta(minutes=30)


async def test_a_district_corrected_after_sending_moves_a_waiting_case_to_its_team(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session, session.begin():
        conversation = await _conversation(session, "moved")
        case_row = await _hand_off(session, conversation, FATHER, TUESDAY, "summary")
        assert case_row.team == "csw_chuo"
        fields = {"district": "minamihama", "age_band": "40_64"}
        await add_to_case(
            session, conversation_id=conversation.id, text="南浜地区でした", now=TUESDAY, fields=fields
        )
        assert case_row.district == "minamihama" and case_row.team == "csw_minamihama"
        assert case_row.summary["age_band"] == "40_64" and "南浜地区" in case_row.summary_text
