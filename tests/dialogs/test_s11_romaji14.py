"""Session 11, try-out 14 S1: Japanese typed in romaji.

What they met: 「tasukete kudasai. shinitai」 was read as English and got the English "could not understand"
reply, with no crisis resources; a person writing only romaji (no food for two days, told to leave their
flat) got the same reply nine times. Romaji Japanese is now read as its hiragana before it is understood
(dialogs/understanding/romaji.py), and answered in やさしい日本語 like spaced simple Japanese; English
sentences stay English. Each test types their words, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.crisis import crisis_reply
from dialogs.effects import RaiseUrgency
from dialogs.flows.languages import crisis_in_their_language
from dialogs.understanding.romaji import as_kana
from tests.dialogs.chat import TOKYO, Chat, said

NIGHT = datetime(2026, 12, 3, 22, 20, tzinfo=TOKYO)  # a Thursday evening, office closed
EASY_OPENING = "（じどう の へんじ です）"
ENGLISH_OPENING = "(This is an automated reply.)"
NOT_UNDERSTOOD = ("よく わかりませんでした", "could not understand", catalog.text("fallback"))


def typed(*messages: str) -> Chat:
    """A conversation at night in which the person types `messages` after following the account."""
    chat = Chat(now=NIGHT)
    chat.follow()
    for text in messages:
        chat.send(text)
    return chat


def _urgency(chat: Chat) -> str | None:
    levels = [effect.level for effect in chat.effects if isinstance(effect, RaiseUrgency)]
    return levels[-1] if levels else None


def _not_a_fallback(reply: str) -> None:
    for words in NOT_UNDERSTOOD:
        assert words not in reply, reply
    assert ENGLISH_OPENING not in reply, reply


# ---------------------------------------------------------------- 1. the words read as hiragana


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("shinitai", "しにたい"),
        ("tasukete", "たすけて"),
        ("kieta i", "きえた い"),
        ("okane ga nai", "おかね が ない"),
        ("tabemono", "たべもの"),
        ("yachin", "やちん"),
        ("heya", "へや"),
        ("musuko", "むすこ"),
        ("hikikomori", "ひきこもり"),
        ("okane nai. 2nichi tabetenai", "おかね ない。 2にち たべてない"),
        ("Konnichiwa, gakkou ni ikenai", "こんにちわ、 がっこう に いけない"),
        ("jisatsu shitai", "じさつ したい"),
        ("Tōkyō ni sunde imasu", "とうきょう に すんで います"),
    ],
)
def test_romaji_is_read_as_its_hiragana(romaji: str, kana: str) -> None:
    assert as_kana(romaji) == kana


@pytest.mark.parametrize(
    "english",
    [
        "I want to die",
        "help me please",
        "I hope so",
        "are you ok",
        "I go to work",
        "Me too",
        "I",
        "LINE",
        "socorro",
        "ajuda",
        "ayudame",
        "tulungan mo ako",
        "しにたい",
        "shinitai 死にたい",
    ],
)
def test_english_other_languages_and_japanese_script_are_not_romaji(english: str) -> None:
    assert as_kana(english) is None


# ---------------------------------------------------------------- 2. a wish to die: resources at once


@pytest.mark.parametrize(
    "words", ["tasukete kudasai. shinitai", "shinitai", "kieta i", "mou kietai", "jisatsu shitai desu"]
)
def test_a_wish_to_die_in_romaji_gets_the_resources_in_easy_japanese(words: str) -> None:
    chat = typed(words)
    reply = said(chat)
    assert _urgency(chat) == "crisis"
    assert chat.texts[0].startswith(EASY_OPENING), chat.texts[0]
    assert "0120-279-338" in reply
    _not_a_fallback(reply)


@pytest.mark.parametrize("words", ["tasukete kudasai. shinitai", "shinitai", "kietai"])
def test_the_resources_sent_at_once_open_in_easy_japanese(words: str) -> None:
    kana = as_kana(words)
    assert kana is not None
    messages = crisis_reply(kana, NIGHT)
    assert messages is not None
    said_now = crisis_in_their_language(words, messages, NIGHT)
    assert said_now[0].text.startswith(EASY_OPENING), said_now[0].text
    assert len(said_now) <= 5


# ---------------------------------------------------------------- 3. food, rent, being told to leave


@pytest.mark.parametrize(
    "words", ["okane nai. 2nichi tabetenai", "tabemono ga nai", "okane ga nai. nani mo tabete nai"]
)
def test_no_food_in_romaji_is_urgent_and_answered_in_easy_japanese(words: str) -> None:
    chat = typed(words)
    reply = said(chat)
    assert _urgency(chat) == "urgent"
    assert chat.texts[0].startswith(EASY_OPENING) and "たべもの" in chat.texts[0], chat.texts[0]
    _not_a_fallback(reply)


@pytest.mark.parametrize(
    "words",
    ["yachin harae nai, deteike to iwareta", "yachin ga haraenai", "heya wo dete ikanai to ikenai"],
)
def test_rent_and_eviction_in_romaji_are_understood(words: str) -> None:
    chat = typed(words)
    reply = said(chat)
    assert chat.texts[0].startswith(EASY_OPENING), chat.texts[0]
    assert "つなぐ市くらしサポートセンター" in reply
    _not_a_fallback(reply)


WRITER_OF_ROMAJI = (
    "sumimasen",
    "nihongo no moji utenai keitai desu",
    "shigoto nakunatta. okane nai",
    "yachin mo harae nai 3kagetsu",
    "ooya san ni deteike to iwareta",
    "35sai otoko hitori",
    "gohan 2nichi tabete nai",
    "doko ni ikeba ii desu ka",
    "arigatou",
)
"""The try-out's writer of romaji, line by line (no Japanese keyboard, no food for 2 days, told to leave)."""

OUR_ROMAJI = (
    "konbanwa",
    "okane nai. 2nichi tabetenai",
    "yachin harae nai, deteike to iwareta",
    "musuko ga hikikomori de, shigoto mo nai",
    "dou sureba ii desu ka",
)


@pytest.mark.parametrize("lines", [WRITER_OF_ROMAJI, OUR_ROMAJI], ids=["their_words", "ours"])
def test_a_whole_conversation_in_romaji_is_never_the_fallback(lines: tuple[str, ...]) -> None:
    chat = Chat(now=NIGHT)
    chat.follow()
    for words in lines:
        chat.send(words)
        _not_a_fallback(said(chat))
    assert "urgent" in [effect.level for effect in chat.effects if isinstance(effect, RaiseUrgency)]


# ---------------------------------------------------------------- 4. English stays English


@pytest.mark.parametrize("words", ["I want to die", "help me please"])
def test_english_is_still_answered_in_english(words: str) -> None:
    chat = typed(words)
    assert chat.texts[0].startswith(ENGLISH_OPENING), chat.texts[0]
    assert _urgency(chat) == "crisis"
