"""A grandmother in 東北弁 asking for a person (try-out 8): dialect leads to one, as 「人と話したい」 does.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify
from tests.dialogs.chat import said, started

FALLBACK = "うまく受け取れなかった"
GRANDSON = "孫のことで相談したいの。30になる孫が、5年も部屋がら出でこねえの"


@pytest.mark.parametrize(
    "words",
    [
        "電話は耳が遠ぐてよぐ聞ごえねえがら、こごで話っこできる人さつないでけろ",
        "んだがら、担当の人さ話してえの",
        "相談員さ話っこしてみてえ",  # a wording of our own
        "誰か人と話したかとです",  # 博多: 話したか
    ],
)
def test_asking_for_a_person_in_dialect_leads_to_a_person(words: str) -> None:
    chat = started(GRANDSON, words)
    assert FALLBACK not in said(chat)
    assert chat.state == started(GRANDSON, "人と話したい").state == "consent.review"


@pytest.mark.parametrize("words", ["母さ電話したい", "人さ迷惑かけたくねえ"])
def test_dialect_that_does_not_ask_for_a_person_is_not_read_as_asking(words: str) -> None:
    assert "cmd.human" not in classify(words).intents
