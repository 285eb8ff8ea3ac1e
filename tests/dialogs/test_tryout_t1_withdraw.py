"""Try-out t1, item 7: a consultation already sent can be taken back, and the bot says what is true.

In the person's own words from the t1 report (persona 13), with one new wording.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import RelayToCase, WithdrawCase
from tests.dialogs.chat import TOKYO, Chat, already_sent, said

# ---------------------------------------------------------------- 7. a sent consultation can be taken back

NEVER_AFTER_SENDING = "同意しないかぎり、だれにも送られません"


def sent_rent_case() -> Chat:
    """Persona 13 on a Thursday morning: rent, a person, the summary sent."""
    return already_sent(
        "お金がなくて家賃が払えません", "人と話したい", now=datetime(2026, 12, 3, 11, 0, tzinfo=TOKYO)
    )


def withdrawals(chat: Chat) -> list[WithdrawCase]:
    return [effect for effect in chat.effects if isinstance(effect, WithdrawCase)]


@pytest.mark.parametrize(
    "words",
    [
        "やっぱりやめます",
        "さっき送ったの取り消せますか",
        "送らないでほしい",
        "相談をキャンセルしたい",
        "取り消してください",
        "やっぱり相談するのやめておきます。さっきのはなかったことにしてください",
    ],
)
def test_after_sending_a_change_of_mind_is_offered_the_withdrawal(words: str) -> None:
    chat = sent_rent_case()
    chat.send(words)
    reply = said(chat)
    assert "送りました" in reply and "12月3日" in reply, reply
    assert NEVER_AFTER_SENDING not in reply
    assert "書き加えて" not in reply
    assert any("取り下げる" in label for label in chat.labels), chat.labels
    assert any("消す" in label for label in chat.labels), chat.labels
    assert not withdrawals(chat), "nothing is taken back before the person chooses it"


def test_taking_it_back_takes_it_off_the_queue_and_says_so() -> None:
    chat = sent_rent_case()
    chat.send("やっぱりやめます")
    chat.tap("取り下げる")
    assert len(withdrawals(chat)) == 1
    assert "取り下げました" in said(chat)
    chat.send("さっき送ったの取り消せますか")  # asked again: it is already taken back, nothing is sent
    assert "取り下げ" in said(chat) and NEVER_AFTER_SENDING not in said(chat)
    assert len(withdrawals(chat)) == 1


def test_keeping_it_sent_keeps_the_case() -> None:
    chat = sent_rent_case()
    chat.send("相談をキャンセルしたい")
    chat.tap("送ったまま")
    assert not withdrawals(chat)
    assert chat.data.get("handoff")


def test_after_sending_the_privacy_answer_does_not_say_nothing_was_sent() -> None:
    chat = sent_rent_case()
    chat.send("家族にばれたら困る")
    assert NEVER_AFTER_SENDING not in said(chat)
    assert "送ってくださったご相談は" in said(chat)


def test_with_a_csw_holding_the_case_the_person_is_told_honestly_and_the_csw_reads_it() -> None:
    chat = sent_rent_case()
    chat.send("相談をキャンセルしたい", with_person=True)
    relayed = [effect for effect in chat.effects if isinstance(effect, RelayToCase)]
    assert relayed and relayed[-1].text == "相談をキャンセルしたい"
    assert not withdrawals(chat)
    assert "相談員" in said(chat) and "届きました" in said(chat), said(chat)
    assert NEVER_AFTER_SENDING not in said(chat)
