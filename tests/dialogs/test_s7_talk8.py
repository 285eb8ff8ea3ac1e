"""Try-out 8, what people said that was not understood (report C, D): eviction told one word a message.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from tests.dialogs.chat import Chat, intake_answers, said, started

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


def _at_consent(*messages: str) -> Chat:
    chat = started(*messages)
    chat.tap("担当者と話したい")
    assert chat.state == "consent.review"
    return chat


@pytest.mark.parametrize(
    "words", ["学校のことは消して、このまま送ってください", "不登校は外して、これで送って"]
)
def test_a_worry_taken_off_with_the_send_is_taken_off_and_sent(words: str) -> None:
    chat = _at_consent("中学生の息子が不登校で、家でゲームばかりしています")
    chat.send(words)
    assert "handoff" in chat.data
    assert "を、送る内容から外しました" in said(chat)
    assert "childcare_education" not in intake_answers(chat).get("concerns", {}).get("choices", [])
    assert words not in str(chat.data["intake"].get("heard"))


def test_quoted_words_taken_off_with_the_send_leave_what_is_sent() -> None:
    chat = _at_consent("先月解雇され、家賃を2か月滞納しています", "夜は電話に出られません")
    chat.send("「夜は電話に出られません」は配慮事項ではありません。削除の上、この内容のみ送信してください。")
    assert "handoff" in chat.data
    assert "「夜は電話に出られません」を、送る内容から外しました" in said(chat)
    assert "夜は電話に出られません" not in chat.data["handoff"]["preview"]


def test_a_change_that_names_nothing_sent_says_so_and_asks_before_sending() -> None:
    chat = _at_consent("先月解雇され、家賃を2か月滞納しています")
    chat.send("「特にございません」は配慮事項ではありません。削除の上、この内容のみ送信してください。")
    assert "handoff" not in chat.data, "what she asked off may be in other words (try9 #12)"
    assert "見つけられませんでした" in said(chat)
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
