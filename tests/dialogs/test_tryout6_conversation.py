"""Try-out 6: danger in a conversation gets the right reply every time, in the night typists' own words.

Every test drives the real engine with the real reading, at the hour the person wrote.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

import pytest

from dialogs import catalog
from dialogs.crisis import crisis_answer
from dialogs.effects import HandOff, RaiseUrgency, RelayToCase
from tests.dialogs.chat import TOKYO, Chat, said

NIGHT = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)  # Wednesday 2 a.m.
FALLBACK = "自動の応答なので、うまくお答えできない"
OVERDOSE_FIRST = "薬をたくさん飲んだと受け取りました"


def at_night(*messages: str, **options: object) -> Chat:
    """A person who followed at 2 a.m. and typed `messages`, a minute apart."""
    chat = Chat(now=NIGHT)
    chat.follow()
    for text in messages:
        chat.send(text, **options)
    return chat


def raised_crisis(chat: Chat) -> bool:
    assert chat.last is not None
    return any(isinstance(e, RaiseUrgency) and e.level == "crisis" for e in chat.last.effects)


# ---------------------------------------------------------------- 1. pieces while a CSW holds the case


def test_pills_told_in_pieces_to_a_csw_get_119_and_raise_the_case() -> None:
    chat = at_night("しにたい", "くすり", "のんだ", with_person=True)
    assert OVERDOSE_FIRST in said(chat) and "119" in said(chat)
    assert raised_crisis(chat)
    assert chat.last is not None
    relayed = [e for e in chat.last.effects if isinstance(e, RelayToCase)]
    assert relayed == [RelayToCase("のんだ", "crisis", bot_answers=True)]


def test_a_piece_that_says_nothing_alone_still_reaches_the_csw_quietly() -> None:
    chat = at_night("くすり", with_person=True)
    assert chat.texts == []
    assert chat.last is not None
    assert chat.last.effects == (RelayToCase("くすり", "none", bot_answers=False),)


def test_pieces_with_no_danger_stay_between_the_person_and_the_csw() -> None:
    chat = at_night("あの", "しごと", "ない", with_person=True)
    assert chat.texts == []
    assert not any(isinstance(e, RaiseUrgency) for e in chat.effects)


def test_danger_at_the_question_to_delete_is_answered_with_a_person_too() -> None:
    chat = at_night("データを消して", with_person=True)
    chat.send("しにたい", with_person=True)
    assert "119" in said(chat) and raised_crisis(chat)


def test_pills_told_in_pieces_while_waiting_for_a_csw_get_119_and_raise_the_case() -> None:
    chat = at_night("人と話したい")
    chat.tap("この内容だけ送る")
    assert any(isinstance(e, HandOff) for e in chat.effects)
    for text in ("しにたい", "くすり", "のんだ"):
        chat.send(text)
    assert OVERDOSE_FIRST in said(chat)
    assert raised_crisis(chat)


# ---------------------------------------------------------------- 2. pills named after wanting to die


def test_pills_named_after_wanting_to_die_are_asked_about_directly() -> None:
    chat = at_night("しにたい", "べつに", "くすり")
    reply = said(chat)
    assert FALLBACK not in reply
    assert "飲みましたか" in reply and "どれくらい" in reply
    assert "119" in reply


def test_the_answer_to_that_question_gets_119_first() -> None:
    chat = at_night("しにたい", "べつに", "くすり", "のんだ")
    assert OVERDOSE_FIRST in said(chat)
    assert raised_crisis(chat)


@pytest.mark.parametrize("amount", ["20こ", "はい"])
def test_an_amount_or_a_yes_to_that_question_is_pills_taken(amount: str) -> None:
    chat = at_night("しにたい", "べつに", "くすり", amount)
    assert OVERDOSE_FIRST in said(chat)
    assert raised_crisis(chat)


def test_not_taken_is_thanked_with_119_if_they_are_taken_later() -> None:
    chat = at_night("しにたい", "べつに", "くすり", "のんでない")
    assert FALLBACK not in said(chat) and OVERDOSE_FIRST not in said(chat)
    assert "119" in said(chat) and "手の届かないところ" in said(chat)


# ---------------------------------------------------------------- 3. a typed yes to the offer of a person


@pytest.mark.parametrize("yes", ["はい", "うん", "お願いします"])
def test_a_typed_yes_after_the_crisis_reply_is_a_yes_to_the_person_offered(yes: str) -> None:
    chat = at_night("しにたい")
    chat.send(yes)
    assert FALLBACK not in said(chat)
    assert chat.state.startswith("consent."), chat.state


def test_a_typed_yes_with_a_person_already_reading_is_not_the_fallback() -> None:
    chat = at_night("しにたい", "はい", with_person=True)
    assert FALLBACK not in said(chat)


# ---------------------------------------------------------------- 4. a method in the very first message


@pytest.mark.parametrize("text", ["ロープ買ってきた", "屋上にいる"])
def test_a_way_of_dying_in_the_first_message_gets_the_direct_question(text: str) -> None:
    chat = at_night(text)
    reply = said(chat)
    assert catalog.text("crisis.method_ask").strip() in reply
    assert "119" in reply
    assert "そういう気持ちがある" in chat.labels and "人に話を聞いてほしい" in chat.labels


def test_the_fast_path_asks_the_direct_question_too() -> None:
    answer = crisis_answer("ロープ買ってきた", NIGHT)
    assert answer is not None
    assert catalog.text("crisis.method_ask").strip() in "\n".join(m.text for m in answer[0])


def test_a_typed_yes_to_that_question_is_its_answer() -> None:
    chat = at_night("ロープ買ってきた", "はい")
    assert catalog.text("crisis.method_yes").split("\n")[0] in said(chat)


# ---------------------------------------------------------------- 5. a parent afraid of hitting tonight


def test_a_parent_not_yet_hitting_but_afraid_of_tonight_gets_the_parents_reply_first() -> None:
    chat = at_night("まだ叩いてはいません。でも今夜はやばいかも")
    reply = said(chat)
    assert catalog.text("crisis.first.parent").split("\n")[0] in reply
    assert "189" in reply
    assert catalog.text("crisis.first.suicidal").split("\n")[0] not in reply


def test_not_yet_hitting_a_partner_is_not_read_as_a_parent() -> None:
    chat = at_night("夫をまだ叩いてはいません。でも今夜はやばいかも")
    assert catalog.text("crisis.first.parent").split("\n")[0] not in said(chat)


# ---------------------------------------------------------------- 6. the same cry again


def test_a_cry_repeated_never_gets_the_last_reply_word_for_word() -> None:
    chat = at_night("たすけて")
    replies = [chat.texts]
    for _ in range(3):
        chat.send("たすけて")
        replies.append(chat.texts)
    for before, after in pairwise(replies):
        assert before != after
        joined = "\n".join(after)
        assert "0120" in joined or "110" in joined
        assert "担当者に伝えたい" in chat.labels
    assert len("\n".join(replies[2])) < len("\n".join(replies[0]))


# ---------------------------------------------------------------- 7. a window asked about at night


def test_asking_at_night_whether_the_health_centre_is_open_is_told_plainly() -> None:
    chat = at_night("保健所って夜もやってますか")
    reply = said(chat)
    assert "いまは閉まっています" in reply
    assert "11月25日(水) 8:30" in reply  # when it opens
    assert "0120-279-338" in reply  # what is open tonight: よりそいホットライン, 24h


def test_the_same_question_in_office_hours_is_not_told_it_is_closed() -> None:
    chat = Chat(now=datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO))
    chat.follow()
    chat.send("保健所って夜もやってますか")
    assert "いまは閉まっています" not in said(chat)
