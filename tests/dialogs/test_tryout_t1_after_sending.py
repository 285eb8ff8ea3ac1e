"""Try-out t1, item 8: what a person asks to be careful about, and how to reach them, reaches the case.

In the people's own words from the t1 report (personas 9 and 12), with one new wording each.
"""

from __future__ import annotations

from datetime import datetime

from dialogs.effects import AddToCase
from tests.dialogs.chat import TOKYO, Chat, already_sent, intake_answers, said


def father_who_sent() -> Chat:
    """Persona 9 on a Tuesday evening: the 家族会, a person, his son, the summary sent."""
    return already_sent(
        "家族会ってどんな感じですか",
        "やっぱり直接だれかと話したいです",
        "息子のことです。30歳で、5年ほど家にいます",
        now=datetime(2026, 12, 1, 19, 30, tzinfo=TOKYO),
    )


def added(chat: Chat) -> list[AddToCase]:
    return [effect for effect in chat.effects if isinstance(effect, AddToCase)]


def test_the_fathers_contact_wishes_and_his_secret_reach_the_case_without_a_tap() -> None:
    chat = father_who_sent()
    chat.send("電話がいいです")
    chat.send("平日の夕方なら出られます")
    chat.send("妻には内緒で相談しています")
    texts = [effect.text for effect in added(chat)]
    assert texts == ["電話がいいです", "平日の夕方なら出られます", "妻には内緒で相談しています"]
    last = added(chat)[-1].summary
    assert last is not None
    assert last["contact"] == "phone" and last["contact_times"]
    assert "妻には内緒" in str(last["considerations"])
    assert "書き加えました" in said(chat)


def test_a_thank_you_after_sending_is_not_answered_with_good_evening() -> None:
    chat = father_who_sent()
    chat.send("よろしくお願いします")
    assert "こんばんは" not in said(chat)
    assert "届いています" in said(chat)


def test_a_yes_typed_to_the_offer_to_pass_it_on_passes_it_on() -> None:
    chat = father_who_sent()
    chat.send("息子は夜中に起きていることが多いです")
    assert "伝えますか" in said(chat)
    chat.send("よろしくお願いします")
    assert [effect.text for effect in added(chat)] == ["息子は夜中に起きていることが多いです"]


def test_a_secret_kept_from_the_person_is_a_consideration_at_the_menu() -> None:
    chat = Chat(now=datetime(2026, 12, 2, 23, 0, tzinfo=TOKYO))
    chat.follow()
    chat.send("娘のことで相談したいです")
    chat.send("本人には内緒でお願いします")
    assert "本人には内緒" in intake_answers(chat)["considerations"]["words"]
    assert "配慮" in said(chat)


def test_a_sister_who_keeps_it_from_her_parents_has_it_noted() -> None:
    chat = Chat()
    chat.follow()
    chat.send("弟のことで相談です。親には内緒にしています")
    assert "親には内緒" in intake_answers(chat)["considerations"]["words"]
