"""Try-out 8, what people said that was not understood (report C, D): eviction told one word a message.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from tests.dialogs.chat import said, started

FALLBACK = "うまく受け取れなかった"
TAKE_YOUR_TIME = "ゆっくりで大丈夫です"
URGENT = "急いで必要なことがある"


def test_eviction_told_one_word_a_message_is_read_as_urgent() -> None:
    chat = started("ぜんぶ", "金ない", "家賃", "3ヶ月", "たいきょ")
    assert FALLBACK not in said(chat)
    chat.send("あした")
    assert TAKE_YOUR_TIME not in said(chat)
    assert URGENT in said(chat)
    assert chat.data["urgency"]["level"] == "urgent"


@pytest.mark.parametrize(
    "pieces", [("退去", "明日"), ("たいきょ", "きょう"), ("アパート", "たいきょ", "あさって")]
)
def test_eviction_and_its_day_in_separate_messages_are_urgent(pieces: tuple[str, ...]) -> None:
    chat = started("家賃はらえない", *pieces)
    assert URGENT in said(chat)


@pytest.mark.parametrize("words", ["ぜったいきょうはむり", "あした"])
def test_words_that_only_sound_like_eviction_are_not_urgent(words: str) -> None:
    chat = started("家賃はらえない", words)
    assert URGENT not in said(chat)


BRASIL = (
    "Hello. I am Brazil, work in factory. Company say no more work from next month. "
    "I no have money for apartamento. Japanese little only.",
    "Thank you. I live in dormitory of company. If work finish, I must leave dormitory. Where I sleep?",
    "わたし にほんご すこし。ポルトガル語 はなせる ひと いますか",
)


@pytest.mark.parametrize(
    "words",
    ["I want talk with person please. Message only, phone is difficult for me", "I need speak to somebody"],
)
def test_asking_for_a_person_in_broken_english_leads_to_a_person(words: str) -> None:
    chat = started(*BRASIL, words)
    assert chat.state == "consent.review"
    assert "could not understand" not in said(chat)


@pytest.mark.parametrize(
    "words", ["ok yes send. only this, not all chat", "はい、これだけ送って。やりとりはいらない"]
)
def test_sending_only_this_not_the_chat_sends_the_summary_only(words: str) -> None:
    chat = started(*BRASIL, "I want talk with person please. Message only, phone is difficult for me")
    chat.send(words)
    assert "handoff" in chat.data
    assert chat.data["consent"]["scope"] == "summary"


@pytest.mark.parametrize(
    "words",
    [BRASIL[1], "My company dorm is closing. Where can I live?"],
)
def test_losing_a_company_dormitory_in_english_hears_of_a_place_to_stay(words: str) -> None:
    chat = started(BRASIL[0], words)
    reply = said(chat)
    assert "a place to stay" in reply
    assert "housing security benefit" not in reply


def test_after_sending_english_words_are_not_told_to_tap_talk_to_a_person() -> None:
    chat = started(*BRASIL, "I want talk with person please. Message only, phone is difficult for me")
    chat.send("ok yes send. only this, not all chat")
    chat.send("I speak Portuguese better. Please tell them")
    assert "tap “Talk to a person”" not in said(chat)
    assert "sent" in said(chat)
