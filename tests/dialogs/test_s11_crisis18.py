"""Session 11, try-out 14 (p4): a carer who hurt, or fears hurting, the parent they care for.

A son caring for his mother with dementia wrote 「さっき怒鳴って肩つかんでゆすってしまった」 and got the reply
for a victim at home (「こわい思いを…鍵をかけて」, DV lines); 「自分が怖い。このままだと殴ってしまいそう」 got
the reply for a parent afraid of hurting a small child (ベビーベッド, 189). A carer gets a carer's reply:
check the parent is safe and step away for a moment, 110/119 if hurt, 地域包括支援センター (elder-abuse
consultation, which also hears carers), よりそい tonight, no blame; the case carries caregiving and the fear.

Each test types the person's words in order, with variants of our own (clock: the try-out's night, Sat 02:30).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 2, 30, tzinfo=TOKYO)

P4_BEFORE = ("おふくろが認知症で", "もう限界", "夜中に何回も起こされる。今日も3回目")

HURT_OR_FEAR = (
    "さっき怒鳴って肩つかんでゆすってしまった",
    "自分が怖い。このままだと殴ってしまいそう",
    "さっき母を叩いてしまった",
    "おやじを叩いてしもうた",
    "このままやと母をなぐってしまいそうでこわい",
)

VICTIM_WORDS = ("鍵をかけて", "あなたは悪くありません", "DV相談")
CHILD_WORDS = ("ベビーベッド", "お子さん", "189")


def carer_reply_given(chat: Chat) -> None:
    reply = said(chat)
    assert "地域包括支援センター" in reply, reply
    assert "よりそいホットライン" in reply, reply
    assert "119" in reply and "離れ" in reply, reply
    for word in (*VICTIM_WORDS, *CHILD_WORDS):
        assert word not in reply, (word, reply)
    effects = [e for e in chat.effects if type(e).__name__ == "RaiseUrgency"]
    assert effects, "the case is not raised"
    concerns = chat.data["intake"]["answers"].get("concerns", {}).get("choices", [])
    assert "caregiving" in concerns, concerns


@pytest.mark.parametrize("words", HURT_OR_FEAR)
def test_p4_carer_after_dementia_gets_the_carer_reply(words: str) -> None:
    chat = started(*P4_BEFORE, now=SATURDAY_NIGHT)
    chat.send(words)
    carer_reply_given(chat)


@pytest.mark.parametrize(
    "words",
    (
        "母を介護してるけど、さっき叩いてしまった。認知症です",
        "認知症の父を介護してて、さっき突き飛ばしてしまいました",
        "かいごしてる母にどなってしまう。手がでそうでこわい",
    ),
)
def test_carer_in_one_message_gets_the_carer_reply(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    carer_reply_given(chat)


def test_p4_one_after_the_other_keeps_the_carer_reply() -> None:
    chat = started(*P4_BEFORE, HURT_OR_FEAR[0], now=SATURDAY_NIGHT)
    chat.send(HURT_OR_FEAR[1])
    reply = said(chat)
    assert "地域包括支援センター" in reply or "離れ" in reply, reply
    for word in (*VICTIM_WORDS, *CHILD_WORDS):
        assert word not in reply, (word, reply)


def test_parent_of_a_small_child_still_gets_the_parent_reply() -> None:
    chat = started("2歳の息子を叩いてしまいそうで怖い", now=SATURDAY_NIGHT)
    assert "189" in said(chat)
    assert "地域包括支援センター" not in said(chat)


def test_brother_hitting_father_still_gets_the_elder_reply() -> None:
    chat = started("親は高齢で、父が認知症ぎみ", "兄が夜中に父を怒鳴って叩いてる", now=SATURDAY_NIGHT)
    assert "ご家族が、高齢の親御さん" in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "ケアマネには言えない。虐待って言われるから",
        "けあまねさんには言えないです",
        "包括に言ったら虐待って通報されそう",
    ),
)
def test_p4_fear_of_telling_the_care_manager_is_answered(words: str) -> None:
    chat = started(*P4_BEFORE, *HURT_OR_FEAR[:2], "仕事もやめて介護してる。52歳独身", now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "両方を守る" in reply and "地域包括支援センター" in reply, reply
    for word in CHILD_WORDS:
        assert word not in reply, (word, reply)


# ---------------------------------------------------------------- p3. a grown daughter who left, not urgent

MISSING_NOW = "いますぐ110"


@pytest.mark.parametrize(
    "words",
    (
        "急ぎではないですが、娘が家を出てしまいまして、行方がわかりません",
        "1年前に娘が家を出て、それきり行方がわかりません",
        "いそぎじゃないけど、息子が何年も前に家を出ていって行方がわからない",
    ),
)
def test_grown_child_who_left_long_ago_is_a_worry_not_a_missing_person(words: str) -> None:
    chat = started("孫ふたりを育てております、70歳の祖母です", words)
    assert MISSING_NOW not in said(chat), said(chat)
    levels = [getattr(e, "level", "") for e in chat.effects if type(e).__name__ == "RaiseUrgency"]
    assert "crisis" not in levels, levels


def test_parent_with_dementia_gone_tonight_still_gets_110() -> None:
    chat = started("認知症の母が家を出て帰ってこない", now=SATURDAY_NIGHT)
    assert "110" in said(chat), said(chat)


def test_the_carer_told_twice_hears_it_briefly_and_an_apology_after_is_not_read_as_a_parents_fear() -> None:
    """Try-out 14 p4 replayed: the second fear gets a short reply, and 「すみません取り乱して」 after
    「俺がいなくなればいいのかな」 no longer gets the reply for a parent of a small child (ベビーベッド)."""
    chat = started("おふくろが認知症で", "もう限界", "さっき怒鳴って肩つかんでゆすってしまった")
    first = said(chat)
    chat.send("自分が怖い。このままだと殴ってしまいそう")
    second = said(chat)
    assert "地域包括支援センター" in first and second != first and len(second) < len(first)
    for text in ("母はいま寝てる。ケガはない", "俺がいなくなればいいのかな", "すみません取り乱して"):
        chat.send(text)
    assert "ベビーベッド" not in said(chat) and "お子さん" not in said(chat)
