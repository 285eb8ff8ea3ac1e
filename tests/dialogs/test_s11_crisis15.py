"""Session 11, try-out 12 and a helper's findings (crisis15): replies around danger that missed.

1. Half a joke is no take-back: a young gamer wrote he wants to die, then 「ネタだけど。半分くらい」;
   half is taken seriously (the direct question; text lines first when he cannot phone), while a
   full take-back (「冗談です、ごめん」) keeps the warm line of today.

Each test types the person's words, with variants of our own.
"""

from __future__ import annotations

import pytest

from dialogs.effects import RaiseUrgency
from tests.dialogs.chat import said, started

DIRECT_QUESTION = "率直にお聞きします"
CHAT_LINE = "あなたのいばしょ"

# ---------------------------------------------------------------- 1. half a joke

HALF_MEANT = (
    ("…リスポーンできないならもう死にたいわ", "いやまあネタだけど。半分くらい。電話とか無理だし"),
    ("もう死にたい", "ちょっとは本気かも"),
    ("しにたい", "ネタ半分やけどな"),
    ("死にたいって思う", "冗談だけど…"),
)


@pytest.mark.parametrize(("wish", "half"), HALF_MEANT)
def test_half_a_joke_stays_with_the_wish_and_asks_directly(wish: str, half: str) -> None:
    chat = started(wish)
    before = len(chat.effects)
    chat.send(half)
    reply = said(chat)
    assert "半分でも" in reply and DIRECT_QUESTION in reply and CHAT_LINE in reply
    assert "そういう気持ちがある" in chat.labels
    raised = [effect for effect in chat.effects[before:] if isinstance(effect, RaiseUrgency)]
    assert raised and raised[-1].level == "crisis"


def test_half_a_joke_who_cannot_phone_gets_only_the_text_lines() -> None:
    chat = started(*HALF_MEANT[0])
    reply = said(chat)
    assert CHAT_LINE in reply and "0120-279-338" not in reply and "0570-783-556" not in reply


@pytest.mark.parametrize("taken_back", ("冗談です、ごめん", "じょうだんだよ"))
def test_a_full_take_back_keeps_the_warm_line(taken_back: str) -> None:
    chat = started("もう死にたいわ", taken_back)
    reply = said(chat)
    assert "半分でも" not in reply and DIRECT_QUESTION not in reply
    assert "しんどいときは、いつでもここに書いてください" in reply
