"""Session 12, try-out 15 (p5, p9) through the real app: what a person writes after sending reaches the case.

The dialog asks for it (`AddToCase`, `RaiseUrgency`); these tests check, through signed webhooks on the
simulator at the try-out's night, that the case's 受付票 and thread really hold it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.simulator import Simulator
from bot.store.case_tables import CaseMessage
from tests.bot.helpers import rows


def _texts(replies: list) -> str:
    return "\n".join(reply.text for reply in replies)


@pytest.fixture
def friday_night(database_url: str) -> Iterator[Simulator]:
    with Simulator(database_url, TSUNAGU_SIMULATOR_CLOCK="2026-12-04T21:00") as simulator:
        yield simulator


@pytest.fixture
def saturday_night(database_url: str) -> Iterator[Simulator]:
    with Simulator(database_url, TSUNAGU_SIMULATOR_CLOCK="2026-12-05T01:20") as simulator:
        yield simulator


def test_p9_the_phone_number_typed_after_sending_is_on_the_case(friday_night: Simulator) -> None:
    sim = friday_night
    sim.follow("p9")
    for words in (
        "こんばんは。わだすは70すぎのじじいだども、ちょっと聞ぎでぇごどあって",
        "年金の日まで金ねくて、食うもんもねぐなってきた",
        "スマホの字ぃ小せくてよぐ見えね。電話のほうがいい。昼間なら家さいる",
    ):
        sim.send("p9", words)
    sim.choose("p9", "担当者")
    sim.choose("p9", "この内容だけ送る")
    replies = sim.send("p9", "電話番号教えればいいべか？090-1234-5678だ")
    assert "電話番号（090-1234-5678）を受け取りました" in _texts(replies)
    [case] = sim.cases()
    assert case["summary"]["contact"] == "phone"
    assert "090-1234-5678" in case["summary_text"]
    bodies = [message.body for message in rows(sim.database_url, CaseMessage)]
    assert "電話番号教えればいいべか？090-1234-5678だ" in bodies


def test_p5_danger_after_sending_is_in_the_thread_and_raises_the_case(saturday_night: Simulator) -> None:
    sim = saturday_night
    sim.follow("p5")
    for words in (
        "たすけて😢",
        "おかあさんがおさけのんで",
        "たたいてくる",
        "でんわむり、こえきかれる",
        "15さい、こうこう1ねん",
    ):
        sim.send("p5", words)
    sim.choose("p5", "担当者")
    sim.choose("p5", "この内容だけ送る")
    sim.send("p5", "ありがと")
    replies = _texts(sim.send("p5", "いまドアどんどんされてる。こわい"))
    assert "110" in replies and "189" in replies and "12月7日(月)" in replies, replies
    asked = _texts(sim.send("p5", "ここのひと、いまきてくれる？"))
    assert "いけない" in asked and "うかがうこともできます" not in asked, asked
    [case] = sim.cases()
    assert case["urgency"] == "crisis"
    bodies = [message.body for message in rows(sim.database_url, CaseMessage)]
    assert "いまドアどんどんされてる。こわい" in bodies
    assert "ここのひと、いまきてくれる？" in bodies
