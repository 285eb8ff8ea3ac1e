"""Four small things people type that went wrong, each in the person's words and one more wording.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

FALLBACK = "うまく受け取れなかった"
NIGHT = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)  # Wednesday 2 a.m.

# ---------------------------------------------------------------- 1. a long message asking for a person

LONG_ASKS_FOR_PERSON = (
    "すみません、まとまりがなくて。できれば一度、担当の方と直接お話ししたいです…",
    "長くなってしまいましたが、できれば相談員の方と直接話がしたいと思っています",
)


@pytest.mark.parametrize("words", LONG_ASKS_FOR_PERSON)
def test_a_long_message_asking_for_a_person_leads_to_a_person_with_her_words(words: str) -> None:
    chat = started("こんにちは", words)
    assert FALLBACK not in said(chat)
    assert chat.state == started("こんにちは", "人と話したい").state == "consent.review"
    assert words.rstrip("…") in said(chat)


# ---------------------------------------------------------------- 2. asking for the preparation in words

ASKS_TO_PREPARE = ("相談の準備をしたいです", "相談する準備をしておきたいです")


@pytest.mark.parametrize("words", ASKS_TO_PREPARE)
def test_asking_for_the_preparation_in_words_opens_the_questions_like_its_button(words: str) -> None:
    typed = started(words)
    tapped = Chat()
    tapped.follow()
    tapped.tap("相談の準備をする")
    assert typed.state == tapped.state == "intake.ask_asker"
    assert typed.texts == tapped.texts


# ---------------------------------------------------------------- 3. stopping for the night inside the form

STOPS_FOR_NOW = ("今日はもう寝ます", "また明日にします", "眠くなってきたので、続きはまた今度")


def at_concerns() -> Chat:
    """A person who started the preparation and answered up to the question of what troubles them."""
    chat = started()
    chat.tap("相談の準備をする")
    for label in ("自分のこと", "40", "1年"):
        chat.tap(label)
    assert chat.state == "intake.ask_concerns"
    return chat


@pytest.mark.parametrize("words", STOPS_FOR_NOW)
def test_stopping_for_now_inside_the_form_pauses_it_like_the_later_button(words: str) -> None:
    chat = at_concerns()
    chat.send(words)
    tapped = at_concerns()
    tapped.tap("あとで")
    assert chat.state == tapped.state == "menu.main"
    assert "concerns" not in chat.data["intake"]["answers"]
    assert chat.data["intake"]["resume"] == "intake.ask_concerns"
    assert "ここまでの回答は取っておきます" in said(chat) and "相談の続きをする" in chat.labels


def test_stopping_for_the_night_at_a_question_with_buttons_pauses_it_too() -> None:
    chat = started()
    chat.tap("相談の準備をする")
    chat.send("今日はもう寝ます")
    assert chat.state == "menu.main" and chat.data["intake"]["resume"] == "intake.ask_asker"
    assert "ここまでの回答は取っておきます" in said(chat) and "おやすみなさい" in said(chat)


def test_a_son_who_sleeps_till_noon_is_still_a_concern_not_a_pause() -> None:
    chat = at_concerns()
    chat.send("息子は昼過ぎまで寝ます")
    assert chat.state == "intake.ask_concerns"
    assert chat.data["intake"]["answers"]["concerns"]["words"] == "息子は昼過ぎまで寝ます"


# ---------------------------------------------------------------- 4. the bleeding has stopped

CUT_AT_NIGHT = ("また切ってもうたわw 今回ちょっと深めやねんけどな笑", "血が止まらない")
FIRST_AID = "押さえ続けて"


def after_first_aid(*words: str) -> Chat:
    """Someone who told of cutting at 2 a.m., got first aid for bleeding, then wrote `words`."""
    chat = Chat(now=NIGHT)
    chat.follow()
    for text in (*CUT_AT_NIGHT, *words):
        chat.send(text)
    return chat


@pytest.mark.parametrize("words", ("とまった", "血とまった", "血は止まりました"))
def test_bleeding_that_stopped_is_thanked_with_what_to_watch_for_not_the_same_first_aid(words: str) -> None:
    chat = after_first_aid(words)
    assert "止まった" in said(chat) and "ありがとう" in said(chat)
    assert "また血が出てきたとき" in said(chat) and "119" in said(chat)
    assert FIRST_AID not in said(chat)
    assert FALLBACK not in said(chat)


def test_stopped_but_dizzy_still_gets_119_and_first_aid() -> None:
    chat = after_first_aid("血とまったけどふらふらする")
    assert "119" in said(chat) and FIRST_AID in said(chat)


def test_stopped_then_bleeding_again_gets_first_aid_again() -> None:
    chat = after_first_aid("とまったと思ったらまた出てきた")
    assert FIRST_AID in said(chat)
