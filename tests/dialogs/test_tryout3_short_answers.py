"""The third look at the second try-out: short answers people typed that got the fallback or the wrong answer.

Every test drives the real engine with the person's exact words (and variants written for the fix).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from tests.dialogs.chat import TOKYO, Chat

FALLBACK = catalog.text("fallback")
PREVIEW_START = "担当者に送る内容は、次のとおりです。"
TWO_AM = datetime(2026, 12, 6, 2, 10, tzinfo=TOKYO)


def said(chat: Chat) -> str:
    return "\n".join(chat.texts)


def started(now: datetime | None = None) -> Chat:
    chat = Chat(now=now) if now else Chat()
    chat.follow()
    return chat


# ---------------------------------------------------------------- wanting a person, in a few words


@pytest.mark.parametrize(
    "text",
    [
        "担当の方に伝えたいです",  # P01
        "はなしたい",  # P10
        "人",  # P10
        "I want to talk with a person please",  # P15
        "担当の人に伝えたい",
        "担当者さんに伝えたいです",
        "ひとと はなしたい",
        "だれかと はなしたい",
        "人がいい",
        "I would like to talk with a person",
        "Can I talk with someone?",
    ],
)
def test_a_few_words_asking_for_a_person_open_the_consent_screen(text: str) -> None:
    chat = started()
    chat.send("息子のことで相談です")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.state == "consent.review", said(chat)
