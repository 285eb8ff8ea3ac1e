"""Session 9, third-party welfare checks across messages: a sister whose brother wrote 「もう消えたい」 and
now does not answer (P04), a neighbour about an 80-year-old living alone, unseen for days (P11).

Each test types the person's words in the order they were typed, with variants of our own
(clocks: Sat 2026-12-05 23:10 and Mon 2026-12-14 14:00, when they wrote).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 10, tzinfo=TOKYO)
MONDAY_AFTERNOON = datetime(2026, 12, 14, 14, 0, tzinfo=TOKYO)

WELFARE_CHECK = "安否確認"
NOT_OVERBLOWN = "大げさではありません"
FAMILY_REPLY = "死にたいくらい、つらいの？"
FALLBACK = "うまく受け取れなかったかもしれません"
ELDERLY_CARE_PHONE = "0000-00-0005"

# ---------------------------------------------------------------- P04. a brother who said 「もう消えたい」

SISTER = "夜分にすみません。兄のことで相談させてください"
BROTHER_WROTE = ("さっき兄からLINEで「もう消えたい」って来て", "兄から「もう消えたい」ってLINEが来ました")


@pytest.mark.parametrize("first", BROTHER_WROTE)
def test_saying_it_is_the_brother_not_her_gets_the_family_reply(first: str) -> None:
    chat = started(SISTER, now=SATURDAY_NIGHT)
    chat.send(first)
    replies = said(chat)
    chat.send("いや私じゃなくて兄です")
    replies += said(chat)
    assert FAMILY_REPLY in replies and "お兄さん" in replies


UNANSWERED = ("既読はつくけど返事がない", "LINEしても既読にならないんです", "電話しても出ません")
FAR_AWAY = ("兄は一人暮らしで、隣の県に住んでて今から行けない", "兄は遠くに住んでいて、すぐには行けません")
WHAT_NOW = ("どうしたらいいですか", "いま何をすればいいでしょう")
POLICE_TOO_MUCH = ("警察に電話したら大げさですか？", "110番するほどのことなのか分からなくて")


@pytest.mark.parametrize(
    ("unanswered", "far", "what_now", "police"),
    list(zip(UNANSWERED, FAR_AWAY * 2, WHAT_NOW * 2, POLICE_TOO_MUCH * 2, strict=False)),
)
def test_a_brother_at_risk_who_does_not_answer_gets_what_to_do_now(
    unanswered: str, far: str, what_now: str, police: str
) -> None:
    chat = started(SISTER, BROTHER_WROTE[1], now=SATURDAY_NIGHT)
    replies = []
    for words in (unanswered, far, what_now, police):
        chat.send(words)
        replies.append(said(chat))
    assert all("110" in reply and WELFARE_CHECK in reply for reply in replies), replies
    assert all(FALLBACK not in reply and ELDERLY_CARE_PHONE not in reply for reply in replies)
    assert "0120-279-338" in replies[0]  # a line that takes family calls, now
    assert NOT_OVERBLOWN in replies[3]


def test_without_a_relative_at_risk_what_to_do_is_not_a_welfare_check() -> None:
    chat = started(SISTER, "兄が仕事を辞めて家にこもっています", now=SATURDAY_NIGHT)
    chat.send("どうしたらいいですか")
    assert WELFARE_CHECK not in said(chat)


# ---------------------------------------------------------------- P11. a neighbour, a man of 80 living alone

NEIGHBOUR = (
    "こんにちは。近所のおじいさんのことで相談したいのですが、家族じゃなくてもいいですか",
    "80代くらいの男性で一人暮らしです。最近ゴミが家の外まであふれてて、においもひどくて",
    "冬なのに窓が割れたままで、ちゃんと食べてるのかも心配です",
    "私は何もできないけど、どこに言えばいいんでしょうか",
)
UNSEEN = (
    "ここ数日姿を見てないんです。新聞もたまってて",
    "もう何日も姿を見かけてません",
    "郵便受けに新聞もたまってて",
)
COLLAPSED = (
    "中で倒れてたらどうしようと思って",
    "部屋で倒れていたらと思うと心配で",
    "家の中で倒れてるんじゃないかと",
)
POLICE_QUESTION = (
    "警察に言うほどのことなのか分からなくて",
    "警察に頼むのは大げさですか",
    "110番してもいいんでしょうか",
)


@pytest.mark.parametrize(
    ("unseen", "collapsed", "police"), list(zip(UNSEEN, COLLAPSED, POLICE_QUESTION, strict=True))
)
def test_a_neighbour_living_alone_unseen_for_days_gets_a_welfare_check_now(
    unseen: str, collapsed: str, police: str
) -> None:
    chat = started(*NEIGHBOUR, now=MONDAY_AFTERNOON)
    replies = []
    for words in (unseen, collapsed, police):
        chat.send(words)
        replies.append(said(chat))
    assert "中で倒れているかもしれません" in replies[0]
    assert all("110" in reply and WELFARE_CHECK in reply for reply in replies), replies
    assert all(FALLBACK not in reply and "ごろまでにお返事します" not in reply for reply in replies)
    assert NOT_OVERBLOWN in replies[2]


def test_unseen_for_days_without_anyone_living_alone_is_not_a_welfare_check() -> None:
    chat = started("近所の家族のことで相談です。子どもが3人いる家です", now=MONDAY_AFTERNOON)
    chat.send("ここ数日姿を見てないんです")
    assert WELFARE_CHECK not in said(chat)


# ---------------------------------------------------------------- P10.12. hiding something from the staff

HIDE_REQUESTS = (
    "送ったけど、担当の人が決まる前に、相談員さんに生活保護のことは伏せてもらえますか",
    "相談員さんには生活保護のことは言わないでください",
    "担当者には借金のことは内緒にしておいてほしいです",
)


@pytest.mark.parametrize("words", HIDE_REQUESTS)
def test_asking_to_hide_something_from_the_staff_is_answered_and_never_forwarded(words: str) -> None:
    chat = started(
        "36歳、一人暮らし、うつで仕事やめて半年です。生活保護を受けています", "お金のことも心配です"
    )
    chat.tap("担当者と話したい")
    chat.send(words)
    reply = said(chat)
    assert "送る内容に書き加えました" not in reply
    assert "あなたの了解なしに" in reply and "取り下げ" in reply
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    sent = " ".join(str(effect) for effect in chat.effects)
    assert words not in sent and "伏せて" not in sent and "内緒" not in sent


@pytest.mark.parametrize("words", HIDE_REQUESTS[:2])
def test_asking_to_hide_something_after_sending_is_answered_and_not_added_to_the_case(words: str) -> None:
    chat = started("36歳、一人暮らし、うつで仕事やめて半年です")
    chat.tap("担当者と話したい")
    chat.tap("やりとりも含めて送る")
    before = len(chat.effects)
    chat.send(words)
    assert "あなたの了解なしに" in said(chat)
    assert words not in " ".join(str(effect) for effect in chat.effects[before:])


def test_asking_to_keep_something_from_a_relative_is_still_a_wish_for_the_staff() -> None:
    chat = started("兄には私が相談したことは言わないでほしいです")
    assert "あなたの了解なしに" not in said(chat)
    assert "配慮" in said(chat)
