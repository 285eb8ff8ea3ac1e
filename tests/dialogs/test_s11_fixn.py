"""Session 11 merge fixes (fixn): words that tell nothing of a life are not kept for the 受付票.

keep13 kept any stated sentence among the person's words. Four older behaviours broke with it: thinking of
consulting got the send screen, a no-thanks or a change asked on the consent screen was written down first,
and 「お待たせしました」 back at the menu after a pause went into the draft. Each test types the person's
words, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import build_summary, summary_text
from tests.dialogs.chat import TOKYO, said, started

NIGHT = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)


@pytest.mark.parametrize(
    "words", ["ちょっと相談してみようかと思って", "相談しようか迷ってて", "相談してみようかなと思ってます"]
)
def test_thinking_of_consulting_is_welcomed_not_sent(words: str) -> None:
    chat = started(words)
    assert chat.state == "menu.main"
    assert "そのまま" in said(chat)
    assert not chat.data.get("intake", {}).get("heard")


@pytest.mark.parametrize("words", ["窓口とかはいいです", "相談とかは大丈夫です", "送らなくていいです"])
def test_no_thanks_on_the_consent_screen_is_not_written_down(words: str) -> None:
    chat = started("ただ話を聞いてほしいだけです", now=NIGHT)
    assert chat.state == "consent.review"
    chat.send(words)
    assert "何も送っていません" in said(chat)
    assert words not in summary_text(chat.data)


@pytest.mark.parametrize(
    "words",
    [
        "「特にございません」は配慮事項ではありません。削除の上、この内容のみ送信してください。",
        "「とくになし」は消して、このまま送ってください",
    ],
)
def test_a_change_naming_nothing_written_is_asked_before_sending(words: str) -> None:
    chat = started("先月解雇され、家賃を2か月滞納しています")
    chat.tap("担当者と話したい")
    chat.send(words)
    assert "handoff" not in chat.data
    assert "見つけられませんでした" in said(chat)


@pytest.mark.parametrize("back", ["お待たせしました", "もどりました", "ただいまです"])
def test_back_at_the_menu_after_a_pause_is_not_written_down(back: str) -> None:
    chat = started("お母さんがずっと部屋からでてこなくて", "相談の準備をする")
    chat.send("家族")
    question = chat.state
    concerns = build_summary(chat.data)["concerns"]
    chat.send("親が帰ってきたかも、ちょっと待って")
    assert chat.state == "menu.main"
    chat.send(back)
    assert chat.state == question
    assert back not in str(chat.data["intake"])
    assert build_summary(chat.data)["concerns"] == concerns
