"""Session 8, the 受付票 tells the story right: whose age is whose, changing the field a person names,
the latest contact wish, the reply promise after a correction, and worries the words do not hold.
Each test types the tester's exact words, with a few variants of our own."""

from __future__ import annotations

import pytest

from dialogs.summary import build_summary
from tests.dialogs.chat import Chat, intake_answers, said, started

BROTHER = "兄のことで相談です。兄は45歳で10年家にいます"


def at_consent(*messages: str) -> Chat:
    """A conversation that wrote `messages` and asked for a person: the consent screen is shown."""
    chat = started(*messages, "担当の人に伝えたい")
    assert chat.state == "consent.review"
    return chat


# ---------------------------------------------------------------- 1. the writer's own age


@pytest.mark.parametrize(
    ("first", "own", "theirs"),
    [
        ("50代の父親です", "40〜64歳", None),
        ("50代の父親です。24の息子が仕事を辞めて2年、昼夜逆転で家にいます", "40〜64歳", "18〜39歳"),
        ("私は64歳の父親です。38歳になる息子が7年家から出てきません", "40〜64歳", "18〜39歳"),
    ],
)
def test_the_writers_own_age_is_said_back_as_the_writers_and_kept_apart(
    first: str, own: str, theirs: str | None
) -> None:
    chat = started(first)
    assert f"あなたご自身の年代「{own}」" in said(chat)
    assert intake_answers(chat)["asker_age_band"]["choice"] == "40_64"
    summary = build_summary(chat.data)
    assert summary["asker_wellbeing"] is not None and summary["asker_wellbeing"]["age_band"] == "40_64"
    if theirs is None:
        assert summary["age_band"] is None, "the father's age is not his son's"
    else:
        assert f"ご本人の年代「{theirs}」" in said(chat)
        assert summary["age_band"] == "18_39"


def test_a_person_writing_of_themself_hears_the_age_without_a_whose() -> None:
    chat = started("21歳です。仕事が見つからなくて家にいます")
    assert "あなたご自身の年代" not in said(chat) and "ご本人の年代" not in said(chat)


# ---------------------------------------------------------------- 2. changing the field the person names


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("兄の年代を直したい", "intake.ask_age_band"),
        ("立場を直したい", "intake.ask_asker"),
        ("期間をなおしたいです", "intake.ask_duration"),
        ("地区を直してください", "intake.ask_district"),
        ("連絡方法を変えたい", "intake.ask_contact"),
    ],
)
def test_a_change_typed_on_the_consent_screen_asks_that_question_again_and_is_not_kept(
    typed: str, question: str
) -> None:
    chat = at_consent(BROTHER)
    chat.send(typed)
    assert chat.state == question
    assert typed not in str(chat.data["intake"]), "a wish to change is no words to send"


def test_the_edit_button_asks_which_part_then_returns_to_the_consent_screen() -> None:
    chat = at_consent(BROTHER)
    chat.tap("内容を直す")
    assert "どこを直しますか" in said(chat)
    assert {"年代", "続いている期間", "ご相談の方（立場）"} <= set(chat.labels)
    chat.tap("年代")
    chat.tap("65歳以上")
    assert chat.state == "consent.review"
    assert intake_answers(chat)["age_band"]["choice"] == "65_plus"


def test_the_brothers_age_typed_after_asking_to_change_it_replaces_it_and_nothing_else_is_asked() -> None:
    chat = at_consent("兄のことで相談です。兄は35歳で10年家にいます")
    chat.send("兄の年代を直したい")
    chat.send("45歳です")
    assert chat.state == "consent.review"
    assert build_summary(chat.data)["age_band"] == "40_64"
    assert "own_words" not in intake_answers(chat)


def test_changing_who_asks_to_a_family_member_asks_the_relation_before_the_consent_screen() -> None:
    chat = at_consent(BROTHER)
    chat.send("立場を直したい")
    chat.tap("家族")
    assert chat.state == "intake.ask_relation"
    chat.tap("親")
    assert chat.state == "consent.review"
    assert build_summary(chat.data)["relation"] == "parent"


def test_a_change_naming_no_field_asks_which_one() -> None:
    chat = at_consent(BROTHER)
    chat.send("内容を直したいです")
    assert "どこを直しますか" in said(chat)
    assert chat.state == "consent.review"
