"""Session 11, try-out 13 p7: a Filipino mother writing English and やさしい日本語 at night (husband gone,
spouse visa, rent unpaid, two children), and cries for help in the languages of other foreign residents.

What she met: a consent screen entirely in Japanese once she had typed one line of easy Japanese; each
answer twice (English, then the whole Japanese text); 「たすけて ください おねがいします」 not understood; an
answer to 「immigration know? I am scared」 opening with "Yes." and naming visas she does not hold. Each test
types her words, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.crisis import crisis_reply
from dialogs.flows.languages import crisis_in_their_language
from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said

NIGHT = datetime(2026, 12, 3, 22, 20, tzinfo=TOKYO)  # a Thursday evening, office closed
TRANSLATOR = catalog.text("lang.en.translator")
EASY_NOT_UNDERSTOOD = "よく わかりませんでした"


def mother(*messages: str) -> Chat:
    """p7 after 「hello」 and saying she reads little Japanese, then `messages`."""
    chat = Chat(now=NIGHT)
    chat.follow()
    for text in ("hello", "I can speak little japanese. English ok?", *messages):
        chat.send(text)
    return chat


def _all_english_consent(chat: Chat) -> None:
    """The consent screen, list and buttons, reads in English; the typed words are quoted as typed."""
    reply = said(chat)
    for japanese in (
        "担当者に送る内容",
        "ご相談の方",
        "ご相談の内容",
        "相談員だけが読みます",
        "この内容を送ってもよいですか",
    ):
        assert japanese not in reply, reply
    assert "Who it is about: yourself" in reply and "work" in reply, reply
    assert "Only staff of" in reply
    assert chat.labels[:2] == ["Send this only", "Send with our chat"], chat.labels
    assert "相談者：本人" in summary_text(chat.data)  # the 受付票 for staff stays in Japanese


# ---------------------------------------------------------------- 1. the consent screen in her language


@pytest.mark.parametrize(
    "easy",
    ["わたし しごと なくなった", "しごと ない です", "わたしは しごとが なくなりました"],
)
def test_after_a_line_of_easy_japanese_the_consent_screen_is_still_in_english(easy: str) -> None:
    chat = mother(easy, "rent cannot pay. 2 kids, 6 and 9")
    chat.send("かね ない")  # one more line in easy Japanese just before the tap
    chat.tap("Talk to a person")
    _all_english_consent(chat)


def test_her_own_conversation_reaches_an_english_consent_screen_after_her_cry_for_help() -> None:
    chat = mother(
        "わたし しごと なくなった", "rent cannot pay. 2 kids, 6 and 9", "たすけて ください おねがいします"
    )
    chat.tap("Tell a person")
    _all_english_consent(chat)
    chat.tap("Send this only")
    assert "It has been sent" in said(chat)


def test_a_japanese_writer_who_only_said_hello_gets_the_japanese_consent_screen_back() -> None:
    chat = Chat(now=NIGHT)
    chat.follow()
    chat.send("hello")
    chat.send("息子が10年部屋から出てこないので相談したいです")
    chat.tap("担当者")
    assert "担当者に送る内容" in said(chat) and "この内容だけ送る" in chat.labels


# ---------------------------------------------------------------- 2. one answer, in her language


@pytest.mark.parametrize("question", ["is free?", "Is it free?", "free? money need?"])
def test_is_it_free_is_answered_once_in_english(question: str) -> None:
    chat = mother(question)
    reply = said(chat)
    assert "free" in reply.lower()
    assert "相談は無料です" not in reply, reply
    assert "ほかに気になることがあれば" not in reply


def test_english_please_gets_one_english_paragraph_not_two() -> None:
    chat = mother("わたし しごと なくなった")
    for words in ("English please", "LINE message ok. my japanese reading slow, please easy japanese"):
        chat.send(words)
        assert said(chat).count("Thank you for telling us") == 1, said(chat)


def test_a_question_with_no_english_answer_says_staff_can_explain_instead_of_the_japanese() -> None:
    chat = mother("Is there a family group? Where is ibasho?")
    reply = said(chat)
    if "家族会" in reply or "居場所" in reply:  # content answer was given: it must not be pasted in Japanese
        pytest.fail(reply)
    assert "English" in reply or "Talk to a person" in reply, reply


# ---------------------------------------------------------------- 3. やさしい日本語 cries for help

CRIES = (
    "たすけて ください おねがいします",
    "たすけてください おねがいします",
    "たすけて ほしい です おねがい します",
    "おねがい たすけて",
)


@pytest.mark.parametrize("cry", CRIES)
def test_a_polite_cry_for_help_in_easy_japanese_is_a_crisis(cry: str) -> None:
    chat = mother("わたし しごと なくなった")
    chat.send(cry)
    reply = said(chat)
    assert EASY_NOT_UNDERSTOOD not in reply
    assert "110" in reply and "0120-279-338" in reply, reply
    assert chat.data["urgency"]["level"] == "crisis"


def test_help_with_the_rent_politely_asked_is_not_a_crisis() -> None:
    chat = mother("家賃のこと たすけてください お願いします")
    assert chat.data.get("urgency", {}).get("level") != "crisis"


# ---------------------------------------------------------------- 4. will immigration know?

IMMIGRATION = (
    "visa is spouse visa. if I ask help, immigration know? I am scared",
    "If I ask for help, will immigration find out?",
    "my visa is spouse visa. will immigration know if i consult? im scared",
)


@pytest.mark.parametrize("question", IMMIGRATION)
def test_the_fear_of_immigration_is_answered_with_confidentiality_first(question: str) -> None:
    chat = mother(question)
    first = chat.texts[0]
    assert "Yes" not in first.split(")", 1)[1][:10], first
    assert "confidential" in first and "without giving your name" in first, first
    reply = said(chat)
    for other_visa in ("特定技能", "技能実習", "Specified Skilled"):
        assert other_visa not in reply, reply
    assert "在留資格（ビザ）" not in reply  # one answer, in English


@pytest.mark.parametrize(
    "question", ["相談したら入管に知られますか。こわいです", "配偶者ビザです。相談したら入管にばれますか"]
)
def test_the_same_fear_in_japanese_leads_with_confidentiality(question: str) -> None:
    chat = Chat(now=NIGHT)
    chat.follow()
    chat.send(question)
    reply = said(chat)
    assert "相談の内容は秘密として扱います" in reply and "名前を言わずに" in reply, reply
    assert "特定技能" not in reply


# ---------------------------------------------------------------- 5. LINE as the way to contact her


@pytest.mark.parametrize(
    "words",
    [
        "LINE message ok. my japanese reading slow, please easy japanese",
        "line ok",
        "message please",
        "LINE is ok",
    ],
)
def test_line_message_ok_is_the_way_to_contact_her(words: str) -> None:
    chat = mother("わたし しごと なくなった")
    chat.send(words)
    contact = intake_answers(chat).get("contact", {})
    assert contact.get("choice") == "line", contact
    assert "受付票の下書きに書いておきます" not in said(chat)  # said in English


# ---------------------------------------------------------------- 6. other languages in danger

OTHER_LANGUAGES = (
    "socorro",
    "ajuda",
    "quero morrer",
    "救命",
    "我想死",
    "cứu tôi",
    "tôi muốn chết",
    "tulong",
    "gusto ko nang mamatay",
    "me ajuda por favor",
    "quiero morir",
)


@pytest.mark.parametrize("words", OTHER_LANGUAGES)
def test_a_cry_in_another_language_gets_the_crisis_lines_and_a_word_about_translation(words: str) -> None:
    chat = Chat(now=NIGHT)
    chat.follow()
    chat.send(words)
    reply = said(chat)
    assert chat.data["urgency"]["level"] == "crisis"
    assert "110" in reply and "0120-279-338" in reply
    assert TRANSLATOR in reply, reply
    assert "Tell a person" in chat.labels, chat.labels


@pytest.mark.parametrize(
    "words", ["救命講習はどこで受けられますか", "ayuda para el alquiler", "tulong sa upa"]
)
def test_the_same_words_about_something_else_are_no_crisis(words: str) -> None:
    chat = Chat(now=NIGHT)
    chat.follow()
    chat.send(words)
    assert chat.data.get("urgency", {}).get("level") != "crisis"


@pytest.mark.parametrize(
    "words", ["no LINE message please, phone is better", "please do not message me at night"]
)
def test_other_words_with_line_in_them_are_not_the_way_to_contact_her(words: str) -> None:
    chat = mother("わたし しごと なくなった")
    chat.send(words)
    assert intake_answers(chat).get("contact", {}).get("choice") != "line"


# ---------------------------------------------------------------- the webhook's crisis fast path


@pytest.mark.parametrize("words", ["socorro", "我想死", "I want to die", "たすけて ください おねがいします"])
def test_the_resources_sent_at_once_open_in_their_language(words: str) -> None:
    messages = crisis_reply(words, NIGHT)
    assert messages is not None
    said_now = crisis_in_their_language(words, messages, NIGHT)
    first = said_now[0].text
    assert first.startswith("(This is an automated reply.)") or first.startswith("（じどう の へんじ です）")
    assert ("110" in first) and (TRANSLATOR in first) == (words in ("socorro", "我想死"))
    if words.isascii() or words == "我想死":
        assert all(label.isascii() for label in (c.label for c in said_now[-1].choices)), said_now[-1].choices
    assert len(said_now) <= 5


def test_the_resources_for_plain_japanese_are_left_as_they_are() -> None:
    messages = crisis_reply("死にたい", NIGHT)
    assert messages is not None
    assert crisis_in_their_language("死にたい", messages, NIGHT) == messages


@pytest.mark.parametrize("question", IMMIGRATION[:2])
def test_her_visa_and_her_fear_reach_the_sheet(question: str) -> None:
    chat = mother(question)
    sheet = summary_text(chat.data)
    assert question in sheet and "在留資格" in sheet, sheet
