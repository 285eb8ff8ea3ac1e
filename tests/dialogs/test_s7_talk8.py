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
