"""Session 8, crisis: what last session's testers typed and the bot answered wrongly — a typed answer to
the question about dying, a neighbour unseen, whether parents are told after pills, a wall punched in
anger, and the direct question asked twice within minutes.

Each test types the person's words first, then variants of its own, so that what is fixed is the kind
of message, not the sentence.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 1, 2, 0, tzinfo=TOKYO)  # Tuesday 02:00, outside office hours
DAY = datetime(2026, 12, 2, 10, 30, tzinfo=TOKYO)  # Wednesday, office open

DIRECT_QUESTION = "いま、死にたいと思う気持ちがありますか"
GENTLE_QUESTION = "いま、そういう気持ちはありますか"
NOT_UNDERSTOOD = ("こころのことで困っていると受け取りました", "うまく受け取れなかったかもしれません")
SAFE_NOW = "いまは、安全なところにいますか"


def urgency(chat: Chat) -> str:
    return str(chat.data.get("urgency", {}).get("level", ""))


# ---------------------------------------------------------------- a typed answer to the question about dying

SOMETIMES = "うん。たまに。方法調べたりはしてないよ"
YES_IN_WORDS = [SOMETIMES, "うん、たまにある。でも何もしてない", "はい。ときどき思います", "たまに"]


GENTLE = ("もう限界。疲れた", GENTLE_QUESTION, "答えてくださって")
DIRECT = ("学校つらい。消えたい。ロープ買ってきた", DIRECT_QUESTION, "正直に教えてくださって")


@pytest.mark.parametrize("answer", YES_IN_WORDS)
@pytest.mark.parametrize(("first", "question", "thanks"), [GENTLE, DIRECT], ids=["gentle", "direct"])
def test_a_typed_yes_to_a_question_about_dying_is_taken_as_its_answer(
    first: str, question: str, thanks: str, answer: str
) -> None:
    chat = started(first, now=NIGHT)
    assert question in said(chat)
    chat.send(answer)
    reply = said(chat)
    assert not any(words in reply for words in NOT_UNDERSTOOD)
    assert thanks in reply and DIRECT_QUESTION not in reply
    assert "担当者に伝えたい" in chat.labels
    assert urgency(chat) == "crisis"


def test_a_typed_yes_to_the_gentle_question_gets_the_lines_and_is_asked_if_safe_now() -> None:
    chat = started(GENTLE[0], SOMETIMES, now=NIGHT)
    reply = said(chat)
    assert "119" in reply and "0120-279-338" in reply and SAFE_NOW in reply


@pytest.mark.parametrize("answer", ["はい。でも死にたいとかじゃないです", "うん、大丈夫。寝たいだけ"])
def test_a_yes_that_goes_on_to_deny_is_not_taken_as_thoughts_of_dying(answer: str) -> None:
    chat = started("もう限界。疲れた", now=NIGHT)
    chat.send(answer)
    assert "答えてくださって" not in said(chat) and "0120-279-338" not in said(chat)


# ---------------------------------------------------------------- a neighbour's first report: what was said

UNSEEN = [
    "隣に住んでいる一人暮らしのおじいさんを、もう4日くらい見かけません。新聞がたまっていて、夜も電気がついていないんです",
    "隣のおじいさん、ここ数日見かけないんです。新聞もたまってて",
]


def test_the_police_are_not_told_of_a_door_not_answered_when_none_was_rung() -> None:
    chat = started(UNSEEN[0], "警察に電話したほうがいいでしょうか", now=DAY)
    reply = said(chat)
    assert reply.startswith("はい、いますぐ110") and "応答がない" not in reply


# ---------------------------------------------------------------- after pills: will my parents be told?


@pytest.mark.parametrize(
    "asked", ["親に連絡いく？", "親に連絡されるの？", "家族に知らされますか", "おやにれんらくいく？"]
)
def test_asking_whether_parents_are_told_after_pills_is_answered_with_119_kept(asked: str) -> None:
    chat = started("さっき薬いっぱい飲んだ", now=NIGHT)
    chat.send(asked)
    reply = said(chat)
    assert "このLINEが" in reply and "連絡することはありません" in reply
    assert "このLINEではわかりません" in reply  # what the hospital does is not ours to promise
    assert "119" in reply
    assert "よかったです" not in reply  # not taken for help told


def test_asking_whether_parents_are_told_after_cutting_keeps_the_first_aid() -> None:
    chat = started("さっき手首切った", now=NIGHT)
    chat.send("親に連絡いく？")
    reply = said(chat)
    assert "連絡することはありません" in reply and "119" in reply and "押さえ" in reply


# ---------------------------------------------------------------- anger at a wall is not self-harm

WALL = ["壁を殴ります", "イライラして壁を殴ってしまう", "むかついて壁殴った"]


@pytest.mark.parametrize("words", WALL)
def test_punching_a_wall_in_anger_is_not_a_crisis(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert urgency(chat) != "crisis"
    assert "119" not in said(chat) and "189" not in said(chat)


@pytest.mark.parametrize("words", WALL[:1])
def test_punching_a_wall_after_cutting_is_not_more_about_the_cut(words: str) -> None:
    chat = started("さっき手首切った", now=NIGHT)
    chat.send(words)
    assert "傷口" not in said(chat) and "血が止まらない" not in said(chat)


# ---------------------------------------------------------------- the direct question, once within minutes
# (the knife and her correction a minute later: tests/dialogs/test_s7_crisis8.py)


@pytest.mark.parametrize(
    "correction",
    [
        "いや、包丁は料理で使ってただけ。でも消えたいのは本当",
        "ごめん、そういう意味じゃなくて。包丁は見てただけ",
    ],
)
def test_a_correction_soon_after_the_direct_question_is_not_asked_it_again(correction: str) -> None:
    chat = started("もう消えたい。包丁見てる", now=NIGHT)
    assert DIRECT_QUESTION in said(chat)
    chat.send(correction)
    assert DIRECT_QUESTION not in said(chat)


# ---------------------------------------------------------------- first messages: the reply fits who writes

CHILD_SELF_HARM = [
    "中2の娘がリストカットしているのを見つけました。どうしたらいいでしょうか",
    "息子の腕に切り傷がたくさんあって、本人は転んだと言っています",
    "高校生の娘が手首を切っていたみたいです。今は部屋で寝ています。病院に連れて行くべきですか",
    "息子（16）が自分の頭を壁に打ちつけています",
]
NEXT_MORNING = [
    "昨夜ODしました。今は普通に起きてます",
    "昨日の夜、薬を20錠くらい飲みました。朝起きたら気持ち悪くて",
    "昨日の夜に睡眠薬をまとめて飲んだ。いま起きたけど頭がぼーっとする",
]
FOR_THE_ONE_WHO_CUT = "責めたりしません"
FIRST_MESSAGES = [
    *(pytest.param(first, ("110", "安否確認"), ("応答がない",), id="neighbour_unseen") for first in UNSEEN),
    *(
        pytest.param(
            first,
            ("知らせてくださって", "119", "ご家族からの相談"),
            (FOR_THE_ONE_WHO_CUT, "つらい気持ちは、話してもいいことです"),
            id="child_self_harm",
        )
        for first in CHILD_SELF_HARM
    ),
    pytest.param(
        "お母さんの前でリストカットした", (FOR_THE_ONE_WHO_CUT,), ("知らせてくださって",), id="own_cutting"
    ),
    *(
        pytest.param(
            first,
            ("薬をたくさん飲んだと受け取りました", "119"),
            ("とてもつらい気持ちを書いて",),
            id="next_morning",
        )
        for first in NEXT_MORNING
    ),
]
"""A neighbour's first report is not told of a door not answered; a parent who found a child's self-harm is
answered as the parent (her own cutting in front of her mother stays hers); pills the night before, told
next morning, get the overdose reply."""


@pytest.mark.parametrize(("first", "present", "absent"), FIRST_MESSAGES)
def test_a_first_message_of_danger_gets_the_reply_that_fits_who_writes(
    first: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    chat = started(first, now=DAY)
    reply = said(chat)
    assert all(part in reply for part in present), reply
    assert not any(part in reply for part in absent), reply
    assert urgency(chat) == "crisis"
