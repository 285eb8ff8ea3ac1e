"""Session 10 fixes after the merge: a privacy question on the consent screen keeps the consent screen.

Every test drives the real engine with the real reading (no intents added by hand).
"""

from __future__ import annotations

import pytest

from dialogs import catalog
from tests.dialogs.chat import said
from tests.dialogs.test_tryout_conversation import FALLBACK, PREVIEW_START, at_review

SEND_BUTTONS = ("この内容だけ送る", "やりとりも含めて送る", "今は送らない")


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("市役所の人も見るの？", "だれもここでのやりとりを読みません"),
        ("ケースワーカーにばれる？", "だれもここでのやりとりを読みません"),
        ("これAIの学習に使われる？", "AIの学習に使うことはありません"),
        ("きろくっていつまで残るん？", "記録を消す"),
        ("LINEの会社に読まれたりしない？", "LINE"),
    ],
)
def test_a_privacy_question_on_the_consent_screen_is_answered_and_the_send_buttons_stay(
    typed: str, answer: str
) -> None:
    chat = at_review("息子のことで相談です")
    chat.send(typed)
    reply = said(chat)
    assert FALLBACK not in reply and PREVIEW_START not in reply
    assert answer in reply
    assert chat.state == "consent.review"
    assert all(label in chat.labels for label in SEND_BUTTONS)
    assert catalog.text("menu.delete") in chat.labels  # the answers point to 「記録を消す」 below


def test_after_the_privacy_answer_the_summary_can_still_be_sent() -> None:
    chat = at_review("息子のことで相談です")
    chat.send("送ったら誰が見ますか")
    chat.tap("この内容だけ送る")
    assert [e for e in chat.effects if type(e).__name__ == "HandOff"]
