"""Session 10, crisis findings of new users: things thrown and shouting at home now (S1), an adult's past
violence and the fear that lasts (2), pills kept told with a comma or a space (3), a relative's wish to
disappear told in quotes (4), the 受付票's urgency after an unsure answer to the question about dying (5).

Each test types the person's words in the order they were typed, with variants of our own
(clock: Tue 2026-12-01 23:40, the hours people wrote in).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import build_summary
from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 1, 23, 40, tzinfo=TOKYO)

LABEL_ONLY = "暴力や怖いことで困っていると受け取りました"
PARTNER_WORDING = "パートナー"
SAFE_NOW = "安全な場所にいますか"
STAY_IN_ROOM = "部屋"
DV_PLUS = "0120-279-889"
DIRECT_QUESTION = "死にたいと思う気持ちがありますか"
PILLS_AWAY = "薬局に持って行って"
OVERDOSE_NOW = "薬をたくさん飲んだと受け取りました"
CHILD_LINE = "189"
RELATIVE_REPLY = "という気持ちを口にしていたのですね"
SELF_REPLY = "あなたのことを心配しています"


def situations(chat: Chat) -> list[str]:
    """The situations the last crisis reply was fitted to."""
    return list(chat.data.get("crisis", {}).get("situations", []))


# ---------------------------------------------------------------- S1: thrown things, shouting now

AT_HOME = [
    ("手はだされてない。でも物投げてくる", "いまも下で怒鳴ってる", "こわくて部屋から出れない"),
    ("叩かれてはいないです。でも皿を投げつけてきます", "今も怒鳴ってます", "怖くて部屋から出られません"),
    ("殴られてはない。けど物を投げてくる", "いまもずっと怒鳴ってる", "こわくて部屋にこもってる"),
]


@pytest.mark.parametrize("messages", AT_HOME)
def test_things_thrown_at_home_are_danger_now_with_safety_first(messages: tuple[str, str, str]) -> None:
    thrown, shouting, hiding = messages
    chat = started(now=NIGHT)
    chat.send(thrown)
    reply = said(chat)
    assert LABEL_ONLY not in reply
    assert SAFE_NOW in reply and "110" in reply and STAY_IN_ROOM in reply and "手元" in reply
    assert DV_PLUS in reply and PARTNER_WORDING not in reply
    assert "人の担当者" in reply
    assert situations(chat) == ["at_home"]
    chat.send(shouting)
    reply = said(chat)
    assert LABEL_ONLY not in reply and "110" in reply and PARTNER_WORDING not in reply
    chat.send(hiding)
    reply = said(chat)
    assert "家から出にくい" not in reply and "110" in reply and STAY_IN_ROOM in reply
    summary = build_summary(chat.data)
    assert summary["urgency"] == "crisis"
    reasons = " ".join(summary["urgency_reasons"])
    assert "投げ" in reasons and "怒鳴" in reasons
    assert "withdrawal" not in summary["concerns"] and "violence" in summary["concerns"]


@pytest.mark.parametrize("words", ["父が物を投げてくる", "夫が物を投げてくる"])
def test_throwing_by_someone_named_keeps_its_own_reply(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert "at_home" not in situations(chat) and "110" in said(chat)


@pytest.mark.parametrize(
    "words",
    [
        "人が怖くて部屋から出られない",
        "こわくて部屋から出れない",
        "今は怒鳴ってない",
        "上司がいまも会社で怒鳴ってる",
    ],
)
def test_fear_of_going_out_or_shouting_elsewhere_is_not_danger_at_home(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert "110" not in said(chat)
    assert chat.data.get("urgency", {}).get("level") != "crisis"


# ---------------------------------------------------------------- 2. past violence, fear now


@pytest.mark.parametrize(
    "words",
    [
        "昔、父に殴られていました。今も怖いです",
        "子どもの頃、母に叩かれていました。いまでもこわいです",
        "昔、兄に殴られてた。今も思い出して怖い",
    ],
)
def test_past_violence_with_fear_now_is_heard_as_history_and_asks_about_safety(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert CHILD_LINE not in reply and "子供SOS" not in reply
    assert "怖い" in reply and "安全なところにいますか" in reply and "その人から離れた" in reply
    summary = build_summary(chat.data)
    assert summary["urgency"] == "normal"
    assert "過去に受けた暴力" in " ".join(summary["urgency_reasons"])


@pytest.mark.parametrize(
    "words",
    ["昔、父に殴られていました。今も殴られて怖いです", "昔から父に殴られていて、今も怖い。昨日も殴られた"],
)
def test_past_violence_going_on_now_stays_a_crisis(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert "110" in said(chat)
    assert chat.data["urgency"]["level"] == "crisis"


# ---------------------------------------------------------------- 3. pills kept, with a comma or a space


@pytest.mark.parametrize(
    "words",
    ["眠剤、のまずにためてる", "薬、飲まないで貯めてある", "睡眠薬　ためこんでる", "眠剤,のまずにためてる"],
)
def test_a_comma_or_space_after_the_pills_does_not_hide_that_they_are_kept(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert OVERDOSE_NOW not in reply
    assert DIRECT_QUESTION in reply and PILLS_AWAY in reply
    assert "overdose" not in situations(chat)


# ---------------------------------------------------------------- 4. a relative's words quoted


@pytest.mark.parametrize(
    "words",
    [
        "兄が『もう消えたい』って言ってて",
        "兄が「もう消えたい」って言ってて",
        "兄がもう消えたいって言ってる",
        "弟が「死にたい」っていってて",
    ],
)
def test_a_relatives_quoted_wish_gets_the_third_party_reply_at_once(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert RELATIVE_REPLY in reply and SELF_REPLY not in reply
    assert "119" in reply and "110" in reply
    assert situations(chat) == ["relative_suicidal"]


# ---------------------------------------------------------------- 5. the 受付票's urgency


@pytest.mark.parametrize(
    "words", ["生きてても意味ないしｗ", "生きてる意味ないしw", "もうどうでもいいわ生きてても意味ないし笑"]
)
def test_an_indirect_wish_to_die_tops_the_queue_with_mental_health(words: str) -> None:
    chat = started(words, now=NIGHT)
    summary = build_summary(chat.data)
    assert summary["urgency"] == "crisis" and "mental_health" in summary["concerns"]


@pytest.mark.parametrize("unsure", ["わかんない", "わからない", "どうだろう"])
def test_not_knowing_to_the_question_about_dying_tops_the_queue(unsure: str) -> None:
    chat = started("仕事がなくて家にいます", "もう疲れた。全部やめたい", now=NIGHT)
    assert "そういう気持ちはありますか" in said(chat)
    chat.send(unsure)
    summary = build_summary(chat.data)
    assert summary["urgency"] == "crisis"
    assert "mental_health" in summary["concerns"]
    assert unsure in " ".join(summary["urgency_reasons"])
