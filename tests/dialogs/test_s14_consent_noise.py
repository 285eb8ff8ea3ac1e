"""Session 14 try-out (a 27-year-old withdrawn 8 years): 「べつに」「しらん」「は？」 typed on the send
screen were each answered 「「は？」を、送る内容に書き加えました」 and went onto the 受付票 a CSW reads.

A reply with nothing in it (a shrug, a 'huh?', an 'I don't know') is not added to what would be sent:
the person hears that nothing changed and that there is no hurry, with the buttons. Words that say
something are still added.
"""

from __future__ import annotations

import pytest

from tests.dialogs.chat import Chat, said, started

REVIEW = "consent.review"
ADDED = "を、送る内容に書き加えました"
NOTHING_ADDED = "送る内容は、そのままです"


def on_send_screen() -> Chat:
    chat = started("息子のことで相談したい。息子は40代です", "担当の人と話したい")
    assert chat.state == REVIEW, said(chat)
    return chat


def kept_words(chat: Chat) -> str:
    return str(chat.data.get("intake", {}))


@pytest.mark.parametrize(
    "words",
    (
        *("は？", "はぁ", "べつに", "別に", "しらん", "知らん", "ふーん"),
        *("へー", "わからん", "わかんない", "さあ", "んー", "？"),
    ),
)
def test_a_reply_with_nothing_in_it_is_not_added_to_what_is_sent(words: str) -> None:
    chat = on_send_screen()
    before = kept_words(chat)
    chat.send(words)
    reply = said(chat)
    assert ADDED not in reply, reply
    assert NOTHING_ADDED in reply, reply
    assert chat.state == REVIEW, reply
    assert kept_words(chat) == before


@pytest.mark.parametrize(
    "words",
    ("父のこともしらんぷりです", "息子は別に暮らしています", "夜はあまり眠れていません"),
)
def test_words_that_say_something_are_still_added(words: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    assert ADDED in said(chat), said(chat)
    assert NOTHING_ADDED not in said(chat)


def test_nothing_in_it_twice_still_leaves_the_send_screen_open_and_the_summary_unchanged() -> None:
    chat = on_send_screen()
    chat.send("は？")
    chat.send("しらん")
    assert chat.state == REVIEW, said(chat)
    assert "しらん" not in kept_words(chat)
