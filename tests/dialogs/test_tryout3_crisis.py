"""The third round's crisis findings (try-out items 2-4, P05, P16), each with the person's exact words.

Every test drives the real engine with the real reading (no intents added by hand), at the hour the
person wrote.
"""

from __future__ import annotations

from datetime import datetime

from tests.dialogs.chat import TOKYO, Chat

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 40, tzinfo=TOKYO)
CHILD_ABUSE_LINE = "189"
CHILDREN_SOS = "24時間子供SOSダイヤル"
DV_LINE = "DV相談＋"


def said(chat: Chat) -> str:
    return "\n".join(chat.texts)


def conversation(*texts: str) -> Chat:
    """A new user at night who typed `texts` in turn."""
    chat = Chat(now=SATURDAY_NIGHT)
    chat.follow()
    for text in texts:
        chat.send(text)
    return chat


def words_kept(chat: Chat) -> list[str]:
    return [item["words"] for item in chat.data.get("intake", {}).get("heard", [])]


# ---------------------------------------------------------------- 2. a child kicked by her mother's boyfriend


KICKED = "ままのかれしに けられた"


def test_a_child_kicked_by_her_mothers_boyfriend_gets_the_childrens_lines_not_the_dv_line() -> None:
    chat = conversation(KICKED)
    assert CHILD_ABUSE_LINE in said(chat) and CHILDREN_SOS in said(chat)
    assert DV_LINE not in said(chat)


def test_her_mother_only_watching_is_heard_as_part_of_what_happens_not_as_just_browsing() -> None:
    chat = conversation(KICKED, "あざになってる", "ままはみてるだけ")
    assert "見に来てくださって" not in said(chat)
    assert "ままはみてるだけ" in words_kept(chat)


def test_not_wanting_the_police_gets_189_not_the_adult_partner_line() -> None:
    chat = conversation(KICKED, "ままはみてるだけ", "けいさつはやだ")
    assert CHILD_ABUSE_LINE in said(chat) and "警察ではありません" in said(chat)
    assert DV_LINE not in said(chat)
    assert "けいさつはやだ" in words_kept(chat)


def test_her_help_keeps_the_childrens_lines() -> None:
    chat = conversation(KICKED, "けいさつはやだ", "いえ でたい", "たすけて")
    assert CHILD_ABUSE_LINE in said(chat) or CHILDREN_SOS in said(chat)


# ---------------------------------------------------------------- P16: 関西弁 denial after pills taken

PILLS = ("パチンコで借金300万あるねん", "もうしんどいわ", "ブロン20錠のんだとこ")
SUICIDAL_BLOCK = "とてもつらい気持ちを書いてくださって"


def test_a_kansai_denial_after_the_pills_reply_gets_a_brief_answer_not_the_whole_block_again() -> None:
    chat = conversation(*PILLS, "別に死ぬつもりちゃうで")
    assert SUICIDAL_BLOCK not in said(chat)
    assert "119" in said(chat), "the pills are still taken"
    assert len(chat.texts) <= 2
    assert "別に死ぬつもりちゃうで" in words_kept(chat)


def test_the_denied_words_are_not_an_urgency_reason() -> None:
    chat = conversation(*PILLS, "別に死ぬつもりちゃうで")
    reasons = " ".join(chat.data["urgency"]["reasons"])
    assert "死ぬ" not in reasons
    assert "のんだ" in reasons
