"""Session-8 tester tsuma, afraid of her husband (talk9): after sending, 「送ったものって夫に届いたりしない
ですよね？」 is a privacy question, answered as one: the consultation reached the support staff only,
nothing goes to anyone else, and the talk stays in her own LINE, with how to delete its history.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from dialogs import catalog
from tests.dialogs.chat import Chat, said, started

TSUMA = "夫が怖くて、家を出たいと思っています"
ONLY_STAFF = "相談員にだけ届いています"
NO_ONE_ELSE = "ほかの人に届くことはありません"
HOW_TO_DELETE = catalog.text("delete.talk_history").splitlines()[1]


def tsuma_sent() -> Chat:
    """tsuma's first message, then 担当者に伝えたい and この内容だけ送る."""
    chat = started(TSUMA)
    chat.tap("担当者に伝えたい")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    return chat


@pytest.mark.parametrize(
    "words",
    [
        "送ったものって夫に届いたりしないですよね？",
        "さっき送った内容、旦那に知られたりしませんか",
        "送った相談が家族に伝わることはないですか？",
        "相談したことって旦那にバレたりしない？",
        "送った内容は夫には行かないですよね",
        "これ、家族に連絡が行ったりしませんか",
    ],
)
def test_asking_whether_what_was_sent_reaches_her_husband_is_answered_as_privacy(words: str) -> None:
    chat = tsuma_sent()
    chat.send(words)
    assert not said(chat).startswith("はい、"), "not the word that it was sent"
    assert ONLY_STAFF in said(chat) and NO_ONE_ELSE in said(chat)
    assert HOW_TO_DELETE in said(chat)


def test_the_same_question_before_sending_says_nothing_is_sent_without_her_consent() -> None:
    chat = started(TSUMA, "これって夫に届いたりしないですよね？")
    assert "同意しないかぎり、だれにも送られません" in said(chat)
