"""The third round's crisis findings (try-out items 2-4, P05, P16), each with the person's exact words.

Every test drives the real engine with the real reading (no intents added by hand), at the hour the
person wrote.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 40, tzinfo=TOKYO)
CHILD_ABUSE_LINE = "189"
CHILDREN_SOS = "24時間子供SOSダイヤル"
DV_LINE = "DV相談＋"


def words_kept(chat: Chat) -> list[str]:
    return [item["words"] for item in chat.data.get("intake", {}).get("heard", [])]


# ---------------------------------------------------------------- 2. a child kicked by her mother's boyfriend


KICKED = "ままのかれしに けられた"


def test_a_child_kicked_by_her_mothers_boyfriend_gets_the_childrens_lines_not_the_dv_line() -> None:
    chat = started(KICKED, now=SATURDAY_NIGHT)
    assert CHILD_ABUSE_LINE in said(chat) and CHILDREN_SOS in said(chat)
    assert DV_LINE not in said(chat)


def test_her_mother_only_watching_is_heard_as_part_of_what_happens_not_as_just_browsing() -> None:
    chat = started(KICKED, "あざになってる", "ままはみてるだけ", now=SATURDAY_NIGHT)
    assert "見に来てくださって" not in said(chat)
    assert "ままはみてるだけ" in words_kept(chat)


def test_not_wanting_the_police_gets_189_not_the_adult_partner_line() -> None:
    chat = started(KICKED, "ままはみてるだけ", "けいさつはやだ", now=SATURDAY_NIGHT)
    assert CHILD_ABUSE_LINE in said(chat) and "警察ではありません" in said(chat)
    assert DV_LINE not in said(chat)
    assert "けいさつはやだ" in words_kept(chat)


def test_her_help_keeps_the_childrens_lines() -> None:
    chat = started(KICKED, "けいさつはやだ", "いえ でたい", "たすけて", now=SATURDAY_NIGHT)
    assert CHILD_ABUSE_LINE in said(chat) or CHILDREN_SOS in said(chat)


# ---------------------------------------------------------------- P16: 関西弁 denial after pills taken

PILLS = ("パチンコで借金300万あるねん", "もうしんどいわ", "ブロン20錠のんだとこ")
SUICIDAL_BLOCK = "とてもつらい気持ちを書いてくださって"


def test_a_kansai_denial_after_the_pills_reply_gets_a_brief_answer_not_the_whole_block_again() -> None:
    chat = started(*PILLS, "別に死ぬつもりちゃうで", now=SATURDAY_NIGHT)
    assert SUICIDAL_BLOCK not in said(chat)
    assert "119" in said(chat), "the pills are still taken"
    assert len(chat.texts) <= 2
    assert "別に死ぬつもりちゃうで" in words_kept(chat)


def test_the_denied_words_are_not_an_urgency_reason() -> None:
    chat = started(*PILLS, "別に死ぬつもりちゃうで", now=SATURDAY_NIGHT)
    reasons = " ".join(chat.data["urgency"]["reasons"])
    assert "死ぬ" not in reasons
    assert "のんだ" in reasons


# ---------------------------------------------------------------- 3. is it really gone? after deleting

DELETED = "すべて削除されました"
KEPT_IN_DRAFT = "下書きに残"


def after_deleting() -> Chat:
    chat = started("夫のことで相談があって", "夫は定年してからずっと家で飲んでばかりで", now=SATURDAY_NIGHT)
    chat.send("書いたの全部消してください")
    chat.tap("消す")
    return chat


def fresh_after_deleting() -> Chat:
    """The bot forgets a deleted conversation: the next message starts a new one."""
    return Chat(now=SATURDAY_NIGHT)


@pytest.mark.parametrize("text", ["ほんとに消えた？", "消えましたか"])
def test_asking_whether_it_was_deleted_gets_a_plain_confirmation(text: str) -> None:
    for chat in (after_deleting(), fresh_after_deleting()):
        chat.send(text)
        assert DELETED in said(chat) and "トーク履歴" in said(chat)
        assert KEPT_IN_DRAFT not in said(chat) and "こころのこと" not in said(chat)
        assert "こんにちは" not in said(chat), "no welcome again"
        assert not chat.data.get("intake", {}).get("heard")


def test_wanting_to_disappear_is_still_a_crisis_not_a_question_about_deleting() -> None:
    chat = started("ほんとに消えたい", now=SATURDAY_NIGHT)
    assert DELETED not in said(chat)


# ---------------------------------------------------------------- 4. a brother with a knife at home

SISTER = "兄のことで相談したいです。妹です"
KNIFE = "さっき兄が包丁を持って「全員殺す」と叫んでいました"


def test_a_brother_threatening_with_a_knife_is_violence_at_home_by_a_relative_not_a_partner() -> None:
    chat = started(SISTER, KNIFE, now=SATURDAY_NIGHT)
    assert "110" in said(chat)
    assert "保健所" in said(chat) or "精神保健福祉センター" in said(chat)
    assert "家の中で暴力を受けているかもしれない" not in said(chat) and DV_LINE not in said(chat)


def test_fear_that_calling_the_police_will_enrage_him_is_answered() -> None:
    chat = started(SISTER, KNIFE, "今は部屋にもどって静かです。母と私は車の中にいます", now=SATURDAY_NIGHT)
    chat.send("警察を呼んだら兄が逆上しそうで怖いです")
    assert "下書きに残しました" not in said(chat)
    assert "110" in said(chat)
    assert "警察を呼んだら兄が逆上しそうで怖いです" in words_kept(chat)


# ---------------------------------------------------------------- P05: cutting again


def test_cutting_again_gets_a_reply_fitted_to_self_harm_not_the_suicidal_block() -> None:
    chat = started("またきっちゃった", now=SATURDAY_NIGHT)
    assert SUICIDAL_BLOCK not in said(chat)
    assert "119" in said(chat) and "傷" in said(chat)
    assert "あなたのいばしょ" in said(chat), "a line she can write to at night"


# ---------------------------------------------------------------- P16 / P10: worn out, in a word

GENTLE_QUESTION = "risk:yes"


def offered(chat: Chat) -> list[str]:
    return [choice.data for message in chat.last.messages for choice in message.choices] if chat.last else []


def test_worn_out_in_kansai_gets_the_gentle_question() -> None:
    chat = started("パチンコで借金300万あるねん", "もうしんどいわ", now=SATURDAY_NIGHT)
    assert GENTLE_QUESTION in offered(chat)


def test_tired_in_one_word_gets_the_gentle_question_once() -> None:
    """Said again unanswered, the question is asked once more, gently (s10 P10); never a third time."""
    chat = started("つかれた", now=SATURDAY_NIGHT)
    assert GENTLE_QUESTION in offered(chat)
    chat.send("つかれた")
    assert "もう一度だけ" in said(chat)
    chat.send("つかれた")
    assert GENTLE_QUESTION not in offered(chat)
