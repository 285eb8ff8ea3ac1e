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


# ---------------------------------------------------------------- fitted to the person and the moment

NIGHT = datetime(2026, 11, 24, 2, 40, tzinfo=TOKYO)


def _joined(turn) -> str:
    return "\n".join(m.text for m in turn.messages)


def test_suicidal_adult_at_night_gets_lines_for_thoughts_of_dying_and_a_chat_line() -> None:
    turn = handle("menu.main", {}, UserInput("text", text="もう死にたい"), now=NIGHT)
    text = _joined(turn)
    assert "0120-279-338" in text  # よりそい, 24h
    assert "あなたのいばしょ" in text and "チャット" in text  # for someone who cannot phone
    assert "189" not in text and "DV相談" not in text
    assert "0570-783-556" not in text, "いのちの電話 is closed at 2:40"
    assert "要確認" not in text and "（仮）" not in text, "no staff notes"
    hotline_block = turn.messages[1].text
    assert "110" not in hotline_block and "119" not in hotline_block, (
        "emergency numbers are not listening lines"
    )


def test_a_child_being_hit_gets_189_and_childrens_lines() -> None:
    turn = handle("menu.main", {}, UserInput("text", text="おとうさんに毎日なぐられる"), now=NIGHT)
    text = _joined(turn)
    assert "189" in text and "0120-0-78310" in text
    assert "DV相談＋" not in text
    assert turn.data["urgency"]["level"] == "crisis"


def test_violence_at_home_gets_dv_lines_and_safety_first() -> None:
    turn = handle("menu.main", {}, UserInput("text", text="昨日は殴られました。子どもが2人います"), now=NIGHT)
    text = _joined(turn)
    assert "0120-279-889" in text and "110" in turn.messages[0].text
    assert "安全" in turn.messages[0].text
    assert "いのちの電話" not in text
    assert turn.data["urgency"]["level"] == "crisis"
    assert [e.level for e in turn.effects if isinstance(e, RaiseUrgency)] == ["crisis"]


def test_a_second_trigger_gets_a_brief_different_reply_and_a_person() -> None:
    first = handle("menu.main", {}, UserInput("text", text="死にたい"), now=NIGHT)
    second = handle(first.state, first.data, UserInput("text", text="やっぱり消えたい"), now=NIGHT)
    assert second.data["urgency"]["level"] == "crisis"
    assert len(second.messages) < len(first.messages)
    assert second.messages[0].text != first.messages[0].text
    assert "human" in [c.data for c in second.messages[-1].choices]
    assert len(_joined(second)) < len(_joined(first)) / 2


def test_with_a_csw_in_the_conversation_it_does_not_offer_to_prepare_a_hand_off() -> None:
    turn = handle("menu.main", {}, UserInput("text", text="死にたい"), now=WEEKDAY_MORNING, with_person=True)
    text = _joined(turn)
    assert "相談員にも届いています" in text
    assert "human" not in [c.data for m in turn.messages for c in m.choices]


def test_possible_risk_asks_one_gentle_direct_question() -> None:
    turn = handle("menu.main", {}, UserInput("text", text="疲れた。もう限界"), now=NIGHT)
    (message,) = turn.messages
    assert "死にたい" in message.text and message.text.count("か。") == 1
    assert {c.data for c in message.choices} >= {"risk:yes", "risk:no"}
    yes = handle(turn.state, turn.data, UserInput("choice", data="risk:yes"), now=NIGHT)
    assert "0120-279-338" in _joined(yes)
    assert [e.level for e in yes.effects if isinstance(e, RaiseUrgency)] == ["crisis"]
    no = handle(turn.state, turn.data, UserInput("choice", data="risk:no"), now=NIGHT)
    assert no.effects == () and no.messages[-1].choices
    again = handle(no.state, no.data, UserInput("text", text="疲れた。もう限界"), now=NIGHT)
    assert "risk:yes" not in [c.data for m in again.messages for c in m.choices], "asked once"


@pytest.mark.parametrize("hour", range(24))
def test_no_line_is_shown_as_open_unless_its_hours_are_known(hour: int) -> None:
    now = datetime(2026, 11, 28, hour, 5, tzinfo=TOKYO)  # a Saturday
    for text in ("死にたい", "おとうさんに毎日なぐられる", "夫に殴られて怖い"):
        messages = crisis_reply(text, now)
        assert messages is not None
        joined = "\n".join(m.text for m in messages)
        assert "要確認" not in joined and "こころのほっとチャット" not in joined
        if not 16 <= hour < 21:
            assert "0120-99-7777" not in joined and "0120-783-556" not in joined
