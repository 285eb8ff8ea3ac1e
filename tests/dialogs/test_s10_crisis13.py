"""Session 10, crisis paths from try-out 11: a friend's farewell post (P08), putting affairs in order
after a farewell line (P01), staying with an open question about dying (P10), and a worry about the
time after the writer dies told beside violence at home (P04).

Each test types the person's words in the order they were typed, with variants of our own
(clock: Wed 2026-12-02 21:30, when P08 and P10 wrote; weekday mornings otherwise).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import HandOff, RaiseUrgency
from tests.dialogs.chat import TOKYO, already_sent, said, started

WEDNESDAY_NIGHT = datetime(2026, 12, 2, 21, 30, tzinfo=TOKYO)

FALLBACK = "自動の応答なので、うまくお答えできないことがあります"
TO_THE_WRITER = "あなたのことを心配しています"
WELFARE_CHECK = "安否確認"

# ---------------------------------------------------------------- P08. a friend's farewell post

FRIEND_POSTED = (
    "友達がインスタに「もう疲れた、さよなら」って投稿してて",
    "親友がXに『もう無理、みんなありがとう』ってポストしてた",
    "彼氏がストーリーに「消えたい」って上げてて",
    "同じクラスの同級生が「死にたい」ってツイートしてる",
)


@pytest.mark.parametrize("first", FRIEND_POSTED)
def test_a_friends_farewell_post_gets_what_a_friend_can_do_now(first: str) -> None:
    chat = started(first, now=WEDNESDAY_NIGHT)
    reply = said(chat)
    assert TO_THE_WRITER not in reply
    assert "110" in reply and WELFARE_CHECK in reply and "通報" in reply and "ご家族" in reply
    assert "0120-279-338" in reply  # a line for the writer herself, open now


UNREAD = ("1時間前。LINEしても既読つかない", "さっきから返信こないし電話しても出ない")
NOT_ME = ("わたしじゃなくて友達が死ぬかもしれないの", "私じゃなくて友達のことなんです")
WHAT_NOW = ("どうしよう　なにすればいい？？", "どうしたらいいの")


@pytest.mark.parametrize(("unread", "not_me", "what_now"), list(zip(UNREAD, NOT_ME, WHAT_NOW, strict=True)))
def test_a_friend_who_does_not_answer_gets_a_welfare_check_every_turn(
    unread: str, not_me: str, what_now: str
) -> None:
    chat = started(FRIEND_POSTED[0], now=WEDNESDAY_NIGHT)
    replies = []
    for words in (unread, not_me, what_now):
        chat.send(words)
        replies.append(said(chat))
    assert all("110" in reply and WELFARE_CHECK in reply for reply in replies), replies
    assert all(FALLBACK not in reply and "保健所" not in reply for reply in replies)
    assert all("ご家族のことが" not in reply for reply in replies)
    assert "お友達のことですね" in replies[1]


@pytest.mark.parametrize("not_me", (*NOT_ME[:1], "いや自分じゃなくて友人が死にそうなんです"))
def test_saying_it_is_a_friend_not_her_corrects_who_is_at_risk(not_me: str) -> None:
    chat = started("もう疲れた、さよならって書いてあって", now=WEDNESDAY_NIGHT)
    chat.send(not_me)
    reply = said(chat)
    assert "お友達" in reply and "110" in reply and WELFARE_CHECK in reply
    assert FALLBACK not in reply


@pytest.mark.parametrize("first", FRIEND_POSTED[:2])
def test_the_sheet_says_a_friend_asks_and_the_friend_is_at_risk(first: str) -> None:
    chat = started(first, now=WEDNESDAY_NIGHT)
    chat.tap("担当者に伝えたい")
    assert "友人・知人" in said(chat) and "ご自身のこと" not in said(chat)
    chat.tap("この内容だけ送る")
    sheet = [effect for effect in chat.effects if isinstance(effect, HandOff)][-1].summary
    assert sheet["asker"] == "supporter" and sheet["relation"] == "friend", sheet
    assert any("友人" in reason and "ご本人ではなく" in reason for reason in sheet["urgency_reasons"])


def test_a_relatives_words_still_get_the_family_reply() -> None:
    chat = started("兄から「もう消えたい」ってLINEが来ました", now=WEDNESDAY_NIGHT)
    reply = said(chat)
    assert "死にたいくらい、つらいの？" in reply and "通報" not in reply


# ---------------------------------------------------------------- P01. affairs in order after a farewell line

FAREWELL = ("最後に娘の顔だけ見ておこうかな", "最後に家族の顔を見ておきたい")
IN_ORDER = ("身辺整理はだいたい済んだ", "身の回りの整理も済ませました", "通帳の場所も書いて、遺書も書いた")
DIRECT_QUESTION = "死にたいと思う気持ちがありますか"


@pytest.mark.parametrize(
    ("farewell", "in_order"), [(f, o) for f in FAREWELL[:1] for o in IN_ORDER] + [(FAREWELL[1], IN_ORDER[0])]
)
def test_affairs_in_order_after_a_farewell_line_is_a_crisis_with_the_direct_question(
    farewell: str, in_order: str
) -> None:
    chat = already_sent("会社をクビになったのを家族に言えていません", "担当者と話したい")
    chat.send(farewell)
    before = len(chat.effects)
    chat.send(in_order)
    reply = said(chat)
    assert DIRECT_QUESTION in reply and ("0570-783-556" in reply or "0120-279-338" in reply)
    assert "伝えますか" not in reply
    raised = [effect for effect in chat.effects[before:] if isinstance(effect, RaiseUrgency)]
    assert raised and raised[-1].level == "crisis"
    assert any("身辺整理" in reason or "準備" in reason for reason in raised[-1].reasons)


@pytest.mark.parametrize("in_order", ("身辺整理をしています", "身の回りの整理をしてます"))
def test_affairs_in_order_alone_is_asked_about_gently(in_order: str) -> None:
    chat = started(in_order)
    reply = said(chat)
    assert "そういう気持ちはありますか" in reply and "0570-783-556" not in reply


# ---------------------------------------------------------------- P10. staying with the open question

WORN = ("つかれた", "もう限界")
FILLER = ("なんか", "。。。", "😢")
ALL_HATEFUL = ("全部いやになった", "もうなにもかもいや")
GENTLE_QUESTION = ("そういう気持ちがある", "そこまでではない")


@pytest.mark.parametrize(
    ("worn", "filler", "hateful"), list(zip(WORN * 2, FILLER, ALL_HATEFUL * 2, strict=False))
)
def test_words_that_do_not_answer_the_gentle_question_keep_it_open_and_ask_once_more(
    worn: str, filler: str, hateful: str
) -> None:
    chat = started(worn, now=WEDNESDAY_NIGHT)
    assert "そういう気持ちはありますか" in said(chat)
    chat.send(filler)
    assert "ゆっくりで大丈夫です" in said(chat) and FALLBACK not in said(chat)
    assert all(label in chat.labels for label in GENTLE_QUESTION)
    chat.send(hateful)
    assert "もう一度だけ" in said(chat) and "死にたいと思うほどの気持ちはありますか" in said(chat)
    assert all(label in chat.labels for label in GENTLE_QUESTION)
    chat.send("うん")
    assert "答えてくださって、ありがとうございます" in said(chat) and "0120-279-338" in said(chat)


def test_a_worry_told_after_the_gentle_question_is_heard_as_a_worry() -> None:
    chat = started("つかれた", now=WEDNESDAY_NIGHT)
    chat.send("家賃が払えなくて")
    assert "もう一度だけ" not in said(chat) and "ゆっくりで大丈夫です" not in said(chat)


@pytest.mark.parametrize("wordless", ("😢", "😭😭", "。。。", "…"))
def test_a_message_without_words_after_a_crisis_reply_is_not_left_alone(wordless: str) -> None:
    chat = started("きえたい", now=WEDNESDAY_NIGHT)
    chat.send(wordless)
    reply = said(chat)
    assert "ここにいます" in reply and "https://talkme.jp/" in reply
    assert FALLBACK not in reply


# ---------------------------------------------------------------- P04. 親亡き後, told beside violence at home

MOTHER = (
    "息子のことで相談したいんですけど息子は48歳でもう25年部屋から出てこないんです",
    "最近は壁を叩いたり大きな声を出したりして私はもう怖くて怖くて",
    "私は70でお父さんはもう亡くなっていて年金で暮らしてます",
    "今も隣の部屋で物を投げてる音がしてる",
    "警察はよびたくないです息子が捕まったらかわいそうで",
    "家族会というのはどういうところですか近くにありますか",
)
AFTER_US = ("私が死んだら息子はどうなるんでしょう", "私がいなくなったら、この子はどうなるのかと思うと")


@pytest.mark.parametrize("words", AFTER_US)
def test_a_worry_for_after_her_death_beside_violence_is_a_worry_not_danger(words: str) -> None:
    chat = started(*MOTHER)
    before = len(chat.effects)
    chat.send(words)
    reply = said(chat)
    assert "先のこと" in reply and "あなたご自身のことも気になっています" in reply
    assert "110" not in reply and "暴れて" not in reply
    assert not [e for e in chat.effects[before:] if isinstance(e, RaiseUrgency) and e.level == "crisis"]


# ------------------------------------------------------- try-out 12, Q2: a farewell that arrived by LINE

FRIEND_WROTE = (
    "友達からさっきLINEで「今までありがとう、もう疲れた。じゃあね」って来た。30分前。既読つかない。どうすればいい",
    "親友から『もう無理、さよなら』って届いた",
    "同僚から「いろいろありがとう。もう会えないと思う」ってメッセージが来た",
)


@pytest.mark.parametrize("first", FRIEND_WROTE)
def test_a_friends_farewell_that_arrived_gets_what_a_friend_can_do_now(first: str) -> None:
    chat = started(first, now=WEDNESDAY_NIGHT)
    reply = said(chat)
    assert TO_THE_WRITER not in reply
    assert "110" in reply and WELFARE_CHECK in reply


@pytest.mark.parametrize("first", ["もう死にたくなってきた", "最近しにたくなってきた"])
def test_the_writers_own_wish_growing_is_still_hers(first: str) -> None:
    chat = started(first, now=WEDNESDAY_NIGHT)
    assert TO_THE_WRITER in said(chat) or "死にたい" in said(chat)
    assert WELFARE_CHECK not in said(chat)
