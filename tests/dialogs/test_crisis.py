"""The crisis path: resources at once from any state, no repeat after the fast path, urgency recorded."""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.crisis import crisis_reply
from dialogs.effects import RaiseUrgency
from dialogs.engine import UserInput, handle
from tests.dialogs.chat import TOKYO, WEEKDAY_MORNING, check_limits

METHOD_WORDS = ("ロープ", "練炭", "飛び降り", "薬をたくさん")


def test_crisis_reply_gives_resources_and_offers_a_human() -> None:
    messages = crisis_reply("もう死にたい", WEEKDAY_MORNING)
    assert messages is not None
    check_limits(messages)
    joined = "\n".join(m.text for m in messages)
    assert "110" in joined and "119" in joined and "0120-279-338" in joined
    assert "human" in [c.data for c in messages[-1].choices]
    assert not any(word in joined for word in METHOD_WORDS)


def test_crisis_reply_is_none_for_ordinary_text() -> None:
    assert crisis_reply("相談は無料ですか", WEEKDAY_MORNING) is None
    assert crisis_reply("死ぬほど笑った", WEEKDAY_MORNING) is None


@pytest.mark.parametrize(
    ("hour", "open_line", "closed_line"), [(12, "0570-783-556", None), (23, None, "0570-783-556")]
)
def test_only_hotlines_open_now_are_listed(hour: int, open_line: str | None, closed_line: str | None) -> None:
    messages = crisis_reply("死にたい", datetime(2026, 11, 24, hour, 0, tzinfo=TOKYO))
    assert messages is not None
    joined = "\n".join(m.text for m in messages)
    if open_line:
        assert open_line in joined
    if closed_line:
        assert closed_line not in joined
    assert "0120-279-338" in joined  # 24h


@pytest.mark.parametrize(
    "state", ["menu.start", "menu.main", "intake.ask_district", "consent.review", "menu.confirm_delete"]
)
def test_crisis_from_any_state_keeps_the_state(state: str) -> None:
    turn = handle(state, {}, UserInput("text", text="ロープを買った"), now=WEEKDAY_MORNING)
    assert turn.state == state
    assert turn.messages and "110" in turn.messages[0].text
    assert [type(e) for e in turn.effects] == [RaiseUrgency]
    assert turn.effects[0].level == "crisis"
    assert turn.data["urgency"]["level"] == "crisis"
    assert turn.effects[0].reasons


def test_already_sent_crisis_is_not_repeated_but_still_recorded() -> None:
    turn = handle(
        "intake.ask_district",
        {},
        UserInput("text", text="死にたい"),
        now=WEEKDAY_MORNING,
        crisis_already_sent=True,
    )
    assert turn.messages == ()
    assert [e.level for e in turn.effects if isinstance(e, RaiseUrgency)] == ["crisis"]
    assert turn.state == "intake.ask_district"


def test_crisis_outranks_a_later_urgent_need() -> None:
    first = handle("menu.main", {}, UserInput("text", text="死にたい"), now=WEEKDAY_MORNING)
    second = handle(first.state, first.data, UserInput("text", text="食べるものがない"), now=WEEKDAY_MORNING)
    assert second.data["urgency"]["level"] == "crisis"
    assert second.effects[0].level == "urgent"


def test_urgent_gives_the_situation_named() -> None:
    turn = handle("menu.main", {}, UserInput("text", text="電気が止められた"), now=WEEKDAY_MORNING)
    assert "電気・ガス・水道が止まった" in turn.messages[0].text
    assert "泊まる場所" not in turn.messages[0].text
