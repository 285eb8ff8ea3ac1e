"""Try-out t1, item 10: once the bot knows a person needs やさしい日本語 or English, what it cannot read
and the help for tonight come in that language.

In the people's own words from the t1 report (personas 6 and 15), with one new wording each.
"""

from __future__ import annotations

from datetime import datetime

from dialogs import catalog
from tests.dialogs.chat import TOKYO, Chat

EASY_FALLBACK = catalog.text("lang.easy.fallback").split("{")[0].strip()
KANJI_FALLBACK = catalog.text("fallback").strip()
EASY_ANSWER = EASY_FALLBACK.split("）")[0] + "）"
"""How every やさしい日本語 line opens: 「（じどう の へんじ です）」."""


def nepali_cook() -> Chat:
    """Persona 6 on a Friday afternoon, writing in spaced simple Japanese."""
    chat = Chat(now=datetime(2026, 12, 4, 15, 0, tzinfo=TOKYO))
    chat.follow()
    chat.send("わたしは ネパールじん です")
    return chat


def test_the_cooks_unread_lines_are_answered_in_easy_japanese() -> None:
    chat = nepali_cook()
    chat.send("ビザ の こと しんぱい")
    assert chat.texts[0].startswith(EASY_FALLBACK), chat.texts
    assert KANJI_FALLBACK not in chat.texts


def test_the_cooks_unpaid_wages_are_answered_in_easy_japanese() -> None:
    chat = nepali_cook()
    chat.send("てんちょう が きゅうりょう を くれません")
    assert chat.texts[0].startswith(EASY_ANSWER), chat.texts
    assert KANJI_FALLBACK not in chat.texts


def test_once_easy_japanese_is_known_an_unread_kanji_line_is_answered_in_it_too() -> None:
    chat = nepali_cook()
    chat.send("在留資格の更新が心配です")
    assert chat.texts and all(_mostly_kana(text) for text in chat.texts), chat.texts
    assert KANJI_FALLBACK not in chat.texts


def _mostly_kana(text: str) -> bool:
    """Whether a reply is written as やさしい日本語 is: at most one character in ten a kanji."""
    kanji = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return kanji * 10 <= len(text)


def test_no_place_to_sleep_tonight_in_english_gets_tonight_in_english_not_rent() -> None:
    chat = Chat(now=datetime(2026, 12, 5, 21, 0, tzinfo=TOKYO))
    chat.follow()
    chat.send("Sorry, I can't read Japanese well")
    chat.send("I have no place to sleep tonight")
    first = chat.texts[0]
    assert "tonight" in first, first
    assert "rent" not in first.lower()
    desk = catalog.text("lang.en.shelter").split("{")[0]
    assert first.startswith(desk)


def test_no_bed_tonight_in_easy_japanese_gets_tonight_in_easy_japanese() -> None:
    chat = Chat(now=datetime(2026, 12, 5, 22, 0, tzinfo=TOKYO))
    chat.follow()
    chat.send("こんや ねる ところ が ありません")
    assert "こんや" in chat.texts[0] and "やちん" not in chat.texts[0], chat.texts
