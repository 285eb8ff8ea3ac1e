"""Session-8 try-out 9 (ask9): a consent breach, questions about how and where to consult, a language
switch on the word 「LINE」, and a writer who uses only katakana, in the testers' own words.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from dialogs.effects import HandOff
from tests.dialogs.chat import Chat, said, started

GENERIC_MISS = "うまくお答えできないことがあります"
FALLBACK = "うまく受け取れなかった"

# ---------------------------------------------------------------- 1. taking something off before sending

KAWARU = (
    "母のことなんだけど",
    "母62歳、父が亡くなってから2年くらい家から出なくなった",
    "母は父の仏壇の前からほとんど動かない。ごはんもあまり食べてない",
)
BUTSUDAN = "母は父の仏壇の前からほとんど動かない"


def kawaru_at_consent() -> Chat:
    """kawaru's story, then 担当者に伝えたい: the consent screen."""
    chat = started(*KAWARU)
    chat.tap("担当者")
    assert chat.state == "consent.review"
    return chat


def handed_off(chat: Chat) -> HandOff:
    """The one hand-off the conversation made."""
    (handoff,) = [effect for effect in chat.effects if isinstance(effect, HandOff)]
    return handoff


def test_what_she_said_not_to_write_is_taken_off_what_is_sent_and_she_is_told() -> None:
    chat = kawaru_at_consent()
    chat.send("あと仏壇のことは書かないで、それ以外を送って")
    sent = handed_off(chat)
    assert "仏壇" not in sent.summary_text and "仏壇" not in str(sent.summary)
    assert "ごはんもあまり食べてない" in sent.summary_text, "the rest of the message is still sent"
    assert BUTSUDAN in said(chat) and "外しました" in said(chat)


def test_when_nothing_matches_what_she_asks_off_it_is_not_sent_before_asking() -> None:
    chat = kawaru_at_consent()
    chat.send("お寺のことは書かないで、それ以外を送って")
    assert not [effect for effect in chat.effects if isinstance(effect, HandOff)]
    assert chat.state == "consent.review"
    assert "見つけられませんでした" in said(chat)
    assert "お寺のことは書かないで" not in str(chat.data["intake"]), "not added as words to send"


@pytest.mark.parametrize("words", ["え、仏壇のこと書かないでって言ったのに送った？", "送ったの消せる？"])
def test_after_sending_asking_about_what_went_offers_to_take_it_back(words: str) -> None:
    chat = kawaru_at_consent()
    chat.tap("この内容だけ送る")
    chat.send(words)
    assert not said(chat).startswith("はい、")
    assert "取り下げ" in said(chat)
    assert "この相談を取り下げる" in chat.labels
    assert "担当者にも伝える" not in chat.labels, "not offered as words to add"
