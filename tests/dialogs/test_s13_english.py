"""Session 13, try-out 16: an English writer (divorce and visa worry, no food tonight).

What she met: the same English block twice when she asked again about her visa; Japanese in the "Talk to a
person" flow (the after-hours lines, the receipt of her phone number, the delete screen); 「call me after
6pm」 not kept as when and how to reach her; 「I have no food tonight」 answered with the office's next
opening only. Each test types her words, with variants of our own, and negatives.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, Chat, said

NIGHT = datetime(2026, 12, 3, 20, 20, tzinfo=TOKYO)  # a Thursday evening, office closed
DAY = datetime(2026, 12, 1, 10, 0, tzinfo=TOKYO)  # a Tuesday morning, office open
JAPANESE = re.compile(r"[\u3041-\u3096\u4e00-\u9fff]{6,}")
"""A run of Japanese long enough to be a sentence (names such as つなぐ市社会福祉協議会 are allowed)."""

NAMES = (
    "つなぐ市社会福祉協議会",
    "つなぐ市くらしサポートセンター",
    "よりそいホットライン",
    "つなぐ市役所 夜間・休日受付（仮）",
)


def japanese_in(text: str) -> list[str]:
    """Japanese sentences in a reply, leaving out names of places and lines and quoted words."""
    for name in NAMES:
        text = text.replace(name, "")
    text = re.sub(r"「[^」]*」", "", text)
    text = re.sub(r"（[^）]*）", "", text)
    return JAPANESE.findall(text)


def her(*messages: str, now: datetime = NIGHT) -> Chat:
    chat = Chat(now=now)
    chat.follow()
    for text in messages:
        chat.send(text)
    return chat


def all_english(chat: Chat) -> None:
    reply = said(chat)
    assert not japanese_in(reply), reply
    for label in chat.labels:
        assert not JAPANESE.search(label) and not re.search(r"[\u3041-\u3096]", label), chat.labels


# ---------------------------------------------------------------- 1. a repeated question


VISA = (
    "My husband wants divorce. If we divorce, what happens to my visa?",
    "if we get divorced what happens to my visa",
    "What happens to my spouse visa after divorce?",
)


@pytest.mark.parametrize("question", VISA)
def test_the_visa_question_asked_again_gets_a_shorter_different_reply(question: str) -> None:
    chat = her(question)
    first = said(chat)
    assert "whatever your visa is" in first, first
    chat.send(question)
    again = said(chat)
    assert "whatever your visa is" not in again, again
    assert "You asked about" in again and "visa" in again, again
    assert len(again) < len(first)
    assert "Talk to a person" in chat.labels or "Send this only" in chat.labels, chat.labels
    all_english(chat)


def test_a_different_english_question_after_the_visa_one_is_answered_in_full() -> None:
    chat = her(VISA[0])
    chat.send("is this free?")
    reply = said(chat)
    assert "You asked about" not in reply and "free" in reply.lower(), reply


# ---------------------------------------------------------------- 2. the whole flow in English


def test_talk_to_a_person_at_night_is_english_from_consent_to_the_phone_receipt() -> None:
    chat = her(VISA[0], "I want to talk to someone")
    assert "Send this only" in chat.labels
    all_english(chat)
    reply = said(chat)
    assert "0120-279-338" in reply and "110" in reply, reply  # the lines open tonight, in English
    chat.send("090-1234-5678")
    all_english(chat)
    assert "090-1234-5678" in said(chat)
    chat.tap("Send this only")
    all_english(chat)
    assert "sent" in said(chat)


@pytest.mark.parametrize(
    "words", ["I want to talk to someone", "can I talk to a person?", "I need to speak with staff"]
)
def test_wanting_a_person_in_english_in_the_day_is_english(words: str) -> None:
    chat = her(words, now=DAY)
    all_english(chat)
    assert "Send this only" in chat.labels


def test_the_tapped_talk_to_a_person_button_at_night_is_english() -> None:
    chat = her("Hello, I live in Japan with my husband", "I have a problem with my husband")
    chat.tap("Talk to a person")
    all_english(chat)


def test_a_japanese_writer_still_gets_the_japanese_lines_at_night() -> None:
    chat = her("夫と離婚することになりそうで、ビザのことが心配です", "担当者と話したい")
    assert "受付時間外" in said(chat) or "担当者" in said(chat)
    assert "Send this only" not in chat.labels


@pytest.mark.parametrize("words", ["delete my data", "Please delete my data", "delete everything"])
def test_delete_my_data_is_confirmed_in_english(words: str) -> None:
    chat = her("Hello, I need help", words, now=DAY)
    all_english(chat)
    assert "Delete" in chat.labels, chat.labels
    assert "delete" in said(chat).lower()


# ---------------------------------------------------------------- 3. when and how to reach her


def _sheet_contact(chat: Chat) -> str:
    return next((line for line in summary_text(chat.data).splitlines() if line.startswith("連絡方法")), "")


@pytest.mark.parametrize(
    ("words", "time_words"),
    [
        ("call me after 6pm", "18時以降"),
        ("please call after 18:00", "18時以降"),
        ("Call me after 6 pm please", "18時以降"),
        ("you can call me after 7pm", "19時以降"),
    ],
)
def test_call_me_after_six_is_kept_as_phone_and_evening(words: str, time_words: str) -> None:
    chat = her(VISA[0], words)
    line = _sheet_contact(chat)
    assert "電話" in line and "平日の夕方以降" in line and time_words in line, summary_text(chat.data)
    all_english(chat)


@pytest.mark.parametrize("words", ["only evenings", "evenings only please", "only in the evening"])
def test_only_evenings_is_the_time_to_reach_her(words: str) -> None:
    chat = her(VISA[0], words)
    assert "平日の夕方以降" in _sheet_contact(chat), summary_text(chat.data)
    all_english(chat)


@pytest.mark.parametrize(
    "words", ["text me, don't call", "please text me, do not call", "message me here, no calls"]
)
def test_text_me_dont_call_is_line_and_no_phone_calls(words: str) -> None:
    chat = her(VISA[0], words)
    sheet = summary_text(chat.data)
    line = _sheet_contact(chat)
    assert "このLINE" in line and "電話" not in line, sheet
    assert "電話はかけないで" in sheet, sheet
    all_english(chat)


def test_call_me_after_six_after_sending_is_added_and_said_in_english() -> None:
    chat = her(VISA[0], "I want to talk to someone")
    chat.tap("Send this only")
    chat.send("call me after 6pm")
    all_english(chat)
    assert "when to contact you" in said(chat), said(chat)
    assert "Send this only" not in chat.labels  # added to the case sent, no second send screen
    assert "already been sent" not in said(chat)


@pytest.mark.parametrize(
    "words", ["my husband comes home after 6pm", "I called the office yesterday", "I work in the evenings"]
)
def test_times_and_calls_in_a_story_are_not_a_contact_wish(words: str) -> None:
    chat = her(VISA[0], words)
    sheet = summary_text(chat.data)
    assert "連絡方法" not in sheet or "時間帯：平日の夕方以降" not in sheet, sheet


# ---------------------------------------------------------------- 4. no food tonight


FOOD = ("I have no food tonight", "no food since yesterday, kids hungry", "We have nothing to eat tonight")


@pytest.mark.parametrize("words", FOOD)
def test_no_food_tonight_gets_tonights_guidance_in_english_and_is_urgent(words: str) -> None:
    chat = her(VISA[0], words)
    reply = said(chat)
    assert "tonight" in reply.lower(), reply
    assert "0120-279-338" in reply and "119" in reply, reply
    assert "0000-00-0000" in reply, reply  # the night desk
    assert chat.data["urgency"]["level"] in ("urgent", "crisis")
    all_english(chat)


def test_no_food_in_the_day_names_the_window_open_now() -> None:
    chat = her("I have no food", now=DAY)
    reply = said(chat)
    assert "0000-00-0001" in reply and "food" in reply.lower(), reply
    all_english(chat)


@pytest.mark.parametrize("words", ["I like Japanese food", "I work at a food factory"])
def test_food_named_without_having_none_is_not_urgent(words: str) -> None:
    chat = her(words)
    assert chat.data.get("urgency", {}).get("level") not in ("urgent", "crisis")


# ---------------------------------------------------------------- 5. other English questions


@pytest.mark.parametrize("words", ["is this free?", "Is it free?", "do I have to pay?"])
def test_is_this_free(words: str) -> None:
    chat = her("Hello", words, now=DAY)
    reply = said(chat)
    assert "free" in reply.lower() and "could not understand" not in reply, reply
    all_english(chat)


@pytest.mark.parametrize(
    "words",
    [
        "can my wife use this, she only speaks Tagalog",
        "My wife speaks only Tagalog. Can she use this?",
        "my mother doesn't speak Japanese, only Vietnamese",
    ],
)
def test_a_family_member_who_reads_another_language(words: str) -> None:
    chat = her("Hello", words, now=DAY)
    reply = said(chat)
    assert "could not understand" not in reply, reply
    assert "own language" in reply or "translation" in reply, reply
    all_english(chat)


def test_no_food_told_again_gets_a_shorter_reply_with_tonights_line() -> None:
    chat = her(VISA[0], FOOD[0])
    first = said(chat)
    chat.send(FOOD[1])
    again = said(chat)
    assert len(again) < len(first), again
    assert "0120-279-338" in again and "119" in again, again
    assert "Tell a person" in chat.labels, chat.labels
    all_english(chat)


def test_not_now_and_change_it_on_the_send_screen_are_english() -> None:
    chat = her(VISA[0], "I want to talk to someone")
    chat.tap("Not now")
    all_english(chat)
    assert "Nothing has been sent" in said(chat)
    chat.tap("Talk to a person")
    chat.tap("Change it")
    all_english(chat)
    chat.tap("How to contact you")
    all_english(chat)
    chat.tap("Phone")
    all_english(chat)
    assert "How to contact you: phone" in said(chat), said(chat)


@pytest.mark.parametrize(
    "words", ["I only speak a little Japanese", "I like Chinese food", "I speak only English"]
)
def test_her_own_english_or_japanese_is_not_another_language(words: str) -> None:
    chat = her("Hello", words, now=DAY)
    assert "own language" not in said(chat), said(chat)
