"""Random walks through every state: nothing raises, and every reply leaves a way forward.

Seeded, so a failure replays exactly: each walk prints its seed and step in the assertion message.
Inputs mix what people really send: the labels of every button typed as text, free text (vague,
long, emoji, English, crisis and urgent lines), postbacks of other states and malformed ones,
stickers, commands, re-follows, and pauses from a minute to days (nights, weekends, 年末年始).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import pytest

from dialogs import catalog
from dialogs.engine import MACHINE, UserInput, handle
from dialogs.flows import INITIAL_STATE
from tests.dialogs.chat import TOKYO, check_limits

STEPS_PER_WALK = 1000
WALKS = 10
"""10 walks × 1,000 steps: 10,000 steps in all."""

FREE_TEXT = (
    "どういう意味？",
    "えっと、よくわからないです",
    "母です",
    "息子が20年ひきこもっています",
    "45歳です",
    "中央や",
    "北山のほう",
    "高校を出てから",
    "一度家に来ていただけるとありがたいです",
    "お金がなくて家賃が払えません",
    "今日泊まるところがありません",
    "食べるものがない",
    "寒い",
    "死にたい",
    "もう消えたい",
    "昨日は殴られました。子どもが2人います",
    "おとうさんに毎日なぐられる",
    "おやになぐられる",
    "けいさつはやだ",
    "じどうそうだんじょ",
    "別に",
    "夫が怖いです",
    "今夜、息子が暴れています",
    "疲れた。もう限界",
    "どうしたらいいの",
    "朝までどうすればいいですか",
    "質問に答える元気がない。ただ話を聞いてほしい",
    "夫にLINEを見られるのが怖いです",
    "追加です。担当の方に伝えてください",
    "こんばんは",
    "ありがとう",
    "I want to die",
    "💊💊💊",
    "😢",
    "",
    "   ",
    "{asker}",
    "{0}{1}%s",
    "あ" * 5000,
    "息子が部屋から出てきません。" * 200,
)
COMMANDS = (
    "戻る",
    "あとで",
    "最初から",
    "やめる",
    "データを消して",
    "担当者と話したい",
    "人と話したい",
    "はい",
    "いいえ",
    "答えたくない",
    "メニュー",
    "使い方",
)
FORGED_POSTBACKS = (
    "answer:asker.None",
    "answer:asker.",
    "answer:",
    "answer",
    "",
    ":",
    "toggle:concerns.no_such",
    "toggle:hopes.visit",
    "skip:district",
    "skip:",
    "done:concerns",
    "page:district",
    "share:everything",
    "share:summary",
    "risk:yes",
    "risk:no",
    "add_pending",
    "addition",
    "guidance",
    "privacy",
    "resume",
    "intake",
    "human",
    "yes",
    "no",
    "x" * 300,
)
LABEL_KEYS = tuple(
    k for k in catalog.entries() if k.startswith(("opt.", "nav.", "menu.", "label.", "consent."))
)
PAUSES = (
    timedelta(minutes=1),
    timedelta(minutes=45),
    timedelta(hours=9),
    timedelta(days=2),
    timedelta(days=37),
)
START = datetime(2026, 12, 25, 16, 50, tzinfo=TOKYO)  # a Friday before closing, walking into 年末年始


def _next_input(rng: random.Random, offered: list[str]) -> UserInput:
    """One input: often a button offered now, otherwise anything a person might send."""
    roll = rng.random()
    if roll < 0.35 and offered:
        return UserInput("choice", data=rng.choice(offered))
    if roll < 0.50:
        return UserInput("text", text=catalog.text(rng.choice(LABEL_KEYS)).split("{")[0] or "はい")
    if roll < 0.72:
        return UserInput("text", text=rng.choice(FREE_TEXT))
    if roll < 0.82:
        return UserInput("text", text=rng.choice(COMMANDS))
    if roll < 0.93:
        return UserInput("choice", data=rng.choice(FORGED_POSTBACKS))
    if roll < 0.97:
        return UserInput("unsupported")
    return UserInput("follow")


@pytest.mark.parametrize("seed", range(WALKS))
def test_random_walk_never_raises_and_always_offers_a_way_forward(seed: int) -> None:
    rng = random.Random(seed)
    state, data, now = INITIAL_STATE, {}, START
    offered: list[str] = []
    seen: set[str] = set()
    for step in range(STEPS_PER_WALK):
        user_input = _next_input(rng, offered)
        if rng.random() < 0.02:
            state = rng.choice(list(MACHINE.states))  # a state stored by an older release
        data_before: dict[str, Any] = data
        try:
            turn = handle(state, data_before, user_input, now=now)
        except Exception as error:
            raise AssertionError(
                f"seed {seed} step {step}: {user_input!r} in {state} raised {error!r}"
            ) from error
        shown = user_input.data or user_input.text[:30]
        where = f"seed {seed} step {step}: {user_input.kind} {shown!r} in {state}"
        assert turn.messages, f"{where}: no reply"
        check_limits(turn.messages)
        assert turn.messages[-1].choices, f"{where}: no way forward after {turn.messages[-1].text[:40]!r}"
        state, data = turn.state, turn.data
        offered = [choice.data for choice in turn.messages[-1].choices]
        seen.add(state)
        now += rng.choice(PAUSES)
    assert len(seen) >= 8, f"seed {seed} only visited {sorted(seen)}"


@pytest.mark.parametrize("seed", range(100, 102))
def test_random_walk_with_a_person_in_the_conversation_never_raises(seed: int) -> None:
    rng = random.Random(seed)
    state, data, now = INITIAL_STATE, {}, START
    offered: list[str] = []
    for step in range(STEPS_PER_WALK):
        user_input = _next_input(rng, offered)
        with_person = rng.random() < 0.5
        try:
            turn = handle(state, data, user_input, now=now, with_person=with_person)
        except Exception as error:
            raise AssertionError(
                f"seed {seed} step {step}: {user_input!r} in {state} raised {error!r}"
            ) from error
        check_limits(turn.messages)
        state, data = turn.state, turn.data
        offered = [choice.data for choice in turn.messages[-1].choices] if turn.messages else offered
        now += rng.choice(PAUSES)
