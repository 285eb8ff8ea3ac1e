"""Whole conversations through the real app over signed HTTP (bot.simulator), ending where the person wants.

The clock is real here; the time-dependent script (cost at 23:00) and the finer assertions are in
test_scripts.py, which drives the engine with a fixed clock.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from dialogs.summary import SUMMARY_KEYS

simulator = pytest.importorskip("bot.simulator")


@pytest.fixture(scope="module")
def sim() -> Iterator[simulator.Simulator]:
    with simulator.Simulator() as running:
        yield running


def skip_to_review(sim, user: str) -> None:
    """Keep what is ticked on multi-selects and skip every other question until the review."""
    offered = sim.received(user)[-1].quick_replies
    for _ in range(15):
        replies = sim.choose(user, "選び終わった" if "選び終わった" in offered else "答えたくない")
        if any("送ってもよいですか" in r.text for r in replies):
            return
        offered = replies[-1].quick_replies
    raise AssertionError("never reached the review")


def test_parent_of_a_son_in_his_room_ends_in_a_case(sim) -> None:
    sim.follow("parent")
    replies = sim.send("parent", "息子が何年もひきこもっていて、部屋から出てきません")
    joined = "\n".join(r.text for r in replies)
    assert "ご家族" in joined and "ひきこもり" not in joined  # no label put on her son
    sim.choose("parent", "相談の準備")  # 「息子が…」 said she is family: the role is not asked again
    sim.choose("parent", "18〜39歳")
    sim.choose("parent", "10年以上")
    sim.choose("parent", "選び終わった")
    sim.choose("parent", "訪問")
    sim.choose("parent", "選び終わった")
    sim.choose("parent", "中央")
    skip_to_review(sim, "parent")
    sim.choose("parent", "この内容だけ送る")
    cases = [c for c in sim.cases() if c["summary"]["district"] == "chuo"]
    assert cases
    case = cases[-1]
    assert set(SUMMARY_KEYS) <= set(case["summary"])
    assert case["summary"]["asker"] == "family"
    assert case["consent"]["scope"] == "summary"
    assert case["consent"]["version"]
    assert "「息子が何年もひきこもっていて、部屋から出てきません」" in case["summary_text"]


def resources_received(sim, user: str, *, since: int, timeout_s: float = 10.0) -> str:
    """The text received since message `since`, once the crisis resources are among it.

    The webhook sends them on its fast path, outside the inbox and outbox the simulator waits on.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        joined = "\n".join(r.text for r in sim.received(user)[since:])
        if "0120-279-338" in joined or time.monotonic() > deadline:
            return joined
        time.sleep(0.05)


def test_shinitai_mid_intake_gets_resources_and_continues(sim) -> None:
    sim.follow("tired")
    sim.choose("tired", "相談の準備")
    sim.choose("tired", "自分のこと")
    before = len(sim.received("tired"))
    sim.send("tired", "もう死にたい")
    joined = resources_received(sim, "tired", since=before)
    assert "110" in joined and "0120-279-338" in joined
    assert joined.count("0120-279-338") == 1
    replies = sim.choose("tired", "このまま続ける")
    assert any("年代" in r.text for r in replies)


def test_declining_consent_creates_no_case(sim) -> None:
    before = len(sim.cases())
    sim.follow("unsure")
    sim.choose("unsure", "相談の準備")
    skip_to_review(sim, "unsure")
    replies = sim.choose("unsure", "今は送らない")
    assert any("送っていません" in r.text for r in replies)
    assert len(sim.cases()) == before


def test_young_carer_sends_with_the_conversation(sim) -> None:
    sim.send("carer", "おばあちゃんの介護で学校に行けていない")
    sim.choose("carer", "相談の準備")
    sim.choose("carer", "自分のこと")
    sim.choose("carer", "18歳未満")
    skip_to_review(sim, "carer")
    sim.choose("carer", "やりとりも含めて")
    case = sim.cases()[-1]
    assert case["consent"]["scope"] == "summary_and_conversation"
    assert "caregiving" in case["summary"]["concerns"]


def test_man_about_to_lose_his_flat_is_answered_then_hands_off(sim) -> None:
    replies = sim.send("flat", "先月出所したばかりで、今月で部屋を追い出されそうです。家賃が払えません")
    assert any("住居確保給付金" in r.text for r in replies)
    sim.choose("flat", "このまま続ける")
    sim.choose("flat", "相談の準備")
    sim.choose("flat", "自分のこと")
    skip_to_review(sim, "flat")
    sim.choose("flat", "この内容だけ送る")
    case = sim.cases()[-1]
    assert "housing" in case["summary"]["concerns"]


def test_violence_at_home_gets_resources_and_an_urgent_case(sim) -> None:
    replies = sim.send("home", "息子に殴られています")
    assert any("110" in r.text for r in replies)
    sim.choose("home", "担当者に伝えたい")
    sim.choose("home", "この内容だけ送る")
    case = sim.cases()[-1]
    assert case["summary"]["urgency"] == "crisis"


def test_only_asks_about_cost(sim) -> None:
    before = len(sim.cases())
    replies = sim.send("cost", "相談ってお金かかりますか")
    assert any("無料" in r.text for r in replies)
    assert len(sim.cases()) == before
