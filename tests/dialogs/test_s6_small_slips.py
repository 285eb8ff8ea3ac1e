"""Four small things people type that went wrong, each in the person's words and one more wording.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

import pytest

from tests.dialogs.chat import Chat, said, started

FALLBACK = "うまく受け取れなかった"

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
