"""Session 9, crisis conversation findings: a father's correction of who hits whom (1), a question asked
inside a crisis exchange (2), violence long past (5), a past attempt (6), cutting to cope after the
bleeding stopped (3), a second indirect wish to die (4).

Each test types the person's words in the order they were typed, with variants of our own
(clock: Tue 2026-12-01 23:40, the hours people wrote in).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import build_summary
from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 1, 23, 40, tzinfo=TOKYO)

CRIB = "ベビーベッド"
DIRECT_QUESTION = "死にたいと思う気持ちがありますか"
FALLBACK = "うまく受け取れなかったかもしれません"
PRESS_THE_WOUND = "傷口を強く押さえ"
HEALTH_CENTER_PHONE = "0000-00-0004"


def sheet_reasons(chat: Chat) -> str:
    """The 緊急度 reasons the CSW's 受付票 shows."""
    return " ".join(build_summary(chat.data)["urgency_reasons"])


# ---------------------------------------------------------------- 1. a father corrects who hits whom

FATHER = "父親です。息子と妻のことで相談させてください。息子が家で暴れることがあります。"

CORRECTIONS = [
    "いえ、妻に手を上げているのは息子ではなく、私でもありません。ただ、いずれそうなりそうで怖いのです。",
    "いえ、妻に手を上げているのは息子ではありません。そうなってしまいそうで怖いのです。",
    "いや、妻を殴ったのは息子じゃないです。まだ誰も手は上げていません。",
    "いえ、息子は妻に手を上げてはいません。そうなりそうで怖いだけです。",
]

PLAIN_QUESTIONS = ("このような場合、相談先は保健所でしょうか。", "家族だけで相談してもよいものでしょうか。")


@pytest.mark.parametrize("correction", CORRECTIONS)
def test_a_correction_of_who_hits_revises_the_reading_and_is_never_quoted_as_danger(correction: str) -> None:
    chat = started(FATHER, now=NIGHT)
    chat.send(correction)
    reply = said(chat)
    assert CRIB not in reply and "189" not in reply
    assert "受け取り直しました" in reply
    assert chat.data.get("crisis", {}).get("hurt") not in ("own_child", "parent")
    replies = []
    for question in PLAIN_QUESTIONS:
        chat.send(question)
        replies.append(said(chat))
    assert all(CRIB not in reply and "安全な場所" not in reply for reply in replies)
    assert HEALTH_CENTER_PHONE in replies[0]
    assert "ご家族だけでも相談できます" in replies[1]
    reasons = sheet_reasons(chat)
    assert "息子では" not in reasons and "息子じゃ" not in reasons and "手を上げてはいません" not in reasons
    assert "成人した子に手をあげて" not in reasons and "人を傷つけてしまう" not in reasons
    assert "暴れる" in reasons or "暴力" in reasons  # what he told first stays on the sheet


def test_a_correction_that_names_who_hits_is_still_answered_as_violence_at_home() -> None:
    chat = started(FATHER, now=NIGHT)
    chat.send("いえ、妻に手を上げているのは息子ではなく、同居している私の父です。今夜も殴られました。")
    reply = said(chat)
    assert CRIB not in reply and "110" in reply


@pytest.mark.parametrize(
    "words",
    ["いえ、夫は手を上げてはいません。怒鳴るだけです。", "いや、夫は殴ったりはしません。物に当たるだけです"],
)
def test_a_denial_beside_what_still_happens_is_not_quoted_and_keeps_who_hurts(words: str) -> None:
    chat = started("夫が怖いです。", now=NIGHT)
    chat.send(words)
    assert "受け取り直しました" not in said(chat)
    assert chat.data["crisis"]["hurt"] == "partner"
    reasons = sheet_reasons(chat)
    assert "手を上げては" not in reasons and "殴ったりは" not in reasons


@pytest.mark.parametrize(
    "words",
    [
        "2歳の息子に手をあげてしまいそうで怖いです",
        "3歳の娘を叩いてしまいそうで怖い",
        "5歳の子に手をあげてしまいました",
    ],
)
def test_a_parent_afraid_of_hitting_a_young_child_is_answered_as_the_parent(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert "189" in reply and CRIB in reply
    assert "あなたのせいではありません" not in reply  # not the words for a child being hit


# ---------------------------------------------------------------- 2. a question inside a crisis exchange


@pytest.mark.parametrize(
    "question",
    [
        "息子がまた暴れて、妻が怖がっています。こういうときの相談先は保健所でしょうか",
        "さっき息子にまた怒鳴られて叩かれました。やはり保健所に相談するべきなのでしょうか",
        "息子が暴れて物を壊しています。保健所でしょうか",
    ],
)
def test_a_question_asked_in_a_crisis_exchange_is_answered_beside_the_safety_content(question: str) -> None:
    chat = started(FATHER, now=NIGHT)
    assert "110" in said(chat)
    chat.send(question)
    reply = said(chat)
    assert "110" in reply  # the safety content stays
    assert HEALTH_CENTER_PHONE in reply and "保健所" in reply


# ---------------------------------------------------------------- 5. violence long past


@pytest.mark.parametrize(
    "words",
    [
        "小学生の頃、父に毎日殴られていました",
        "子どもの頃、母によく叩かれていました。今でも思い出します",
        "昔、元夫からDVを受けていました。離婚して5年です",
        "若い頃、前の夫に暴力をふるわれていました。今は一人で暮らしています",
        "20年前、兄に殴られていました",
    ],
)
def test_violence_long_past_is_heard_as_history_not_an_emergency(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert "110" not in reply and "189" not in reply and FALLBACK not in reply
    assert "昔のこと" in reply
    assert "hurt" not in chat.data.get("crisis", {})  # no one is being hurt now
    summary = build_summary(chat.data)
    assert summary["urgency"] == "normal" and "violence" in summary["concerns"]
    assert "過去に受けた暴力" in " ".join(summary["urgency_reasons"])  # history, for the CSW


@pytest.mark.parametrize(
    "words",
    [
        "昨日殴られた",
        "さっき父に殴られました",
        "今も夫に殴られています",
        "子どもの頃から父に殴られてきました",
        "昔から父に殴られていて、昨日も殴られました",
    ],
)
def test_violence_now_stays_a_crisis(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert "110" in said(chat)
    assert chat.data["urgency"]["level"] == "crisis"


# ---------------------------------------------------------------- 6. a past attempt


@pytest.mark.parametrize(
    "words",
    [
        "10年前に自殺未遂をしたことがあります。今は落ち着いています",
        "昔、自殺を図ったことがあります。今は大丈夫です",
        "学生の頃にリストカットをしていました。今はもうしていません",
    ],
)
def test_a_past_attempt_is_acknowledged_warmly_and_the_conversation_goes_on(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert FALLBACK not in reply and "119" not in reply
    assert "話してくださって" in reply
    assert chat.state.startswith("menu")
    summary = build_summary(chat.data)
    assert summary["urgency"] == "normal" and "過去の自殺未遂" in " ".join(summary["urgency_reasons"])
    chat.send("仕事が見つからなくて家にいます")
    assert FALLBACK not in said(chat)


def test_a_question_beside_a_past_attempt_is_answered_too() -> None:
    chat = started(
        "昔、自殺を図ったことがあります。今は大丈夫です。保健所って家族も相談できますか", now=NIGHT
    )
    reply = said(chat)
    assert "話してくださって" in reply and HEALTH_CENTER_PHONE in reply and "119" not in reply


# ---------------------------------------------------------------- 3. cutting to cope, bleeding stopped

CUTTING = ("ねれない", "またやっちゃった", "腕やった🩸", "血はとまった")


@pytest.mark.parametrize(
    "words",
    [
        "別に死にたいわけじゃない。やると落ち着くだけ",
        "死にたいとかじゃないよ。切ると落ち着くの",
        "死ぬ気はない。切ったら楽になるだけ",
    ],
)
def test_cutting_to_cope_after_the_bleeding_stopped_is_acknowledged_without_first_aid(words: str) -> None:
    chat = started(*CUTTING, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert PRESS_THE_WOUND not in reply and "ガーゼ" not in reply
    assert DIRECT_QUESTION not in reply
    assert "落ち着" in reply  # what she said it does for her is heard
    assert "：" in reply or "担当者" in " ".join(chat.labels)  # a person or a line to reach


def test_cutting_still_bleeding_keeps_the_wound_care() -> None:
    chat = started("ねれない", "腕やった🩸", now=NIGHT)
    chat.send("血がとまらない")
    assert "押さえ" in said(chat)


# ---------------------------------------------------------------- 4. a second indirect wish to die


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("もう疲れた。消えたい", "なんかもう全部終わりにしたい"),
        ("いなくなりたいな", "なんかもう全部終わりにしたい"),
        ("生きてるのしんどい。消えたい", "もう全部おわりにしたい"),
    ],
)
def test_a_second_indirect_wish_gets_the_direct_question_when_it_was_never_answered(
    first: str, second: str
) -> None:
    chat = started(first, now=NIGHT)
    chat.send(second)
    assert DIRECT_QUESTION in said(chat)


def test_the_direct_question_answered_is_not_asked_again_at_once() -> None:
    chat = started("もう疲れた。消えたい", "なんかもう全部終わりにしたい", now=NIGHT)
    chat.tap("そこまでではない")
    chat.send("でもやっぱり全部終わりにしたい")
    assert DIRECT_QUESTION not in said(chat)


# ---------------------------------------------------------------- 7. 「親に連絡いく？」: one answer

ASKS_WHO_IS_TOLD = ["親に連絡いく？", "親には言わないで", "家族に電話されたりする？"]


@pytest.mark.parametrize("asked", ASKS_WHO_IS_TOLD)
@pytest.mark.parametrize(
    ("harm", "kept"), [("さっき薬いっぱい飲んだ", "119"), ("さっき手首切った", "押さえ")]
)
def test_asking_who_is_told_while_the_body_is_at_risk_keeps_119(harm: str, kept: str, asked: str) -> None:
    chat = started(harm, now=NIGHT)
    chat.send(asked)
    reply = said(chat)
    assert "連絡することはありません" in reply and "119" in reply and kept in reply


@pytest.mark.parametrize("asked", ASKS_WHO_IS_TOLD)
def test_asking_who_is_told_after_the_bleeding_stopped_gets_the_honest_answer_without_first_aid(
    asked: str,
) -> None:
    chat = started(*CUTTING, now=NIGHT)
    chat.send(asked)
    reply = said(chat)
    assert "命" in reply and PRESS_THE_WOUND not in reply and "救急車を呼ぶのに" not in reply
