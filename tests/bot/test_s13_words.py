"""Session 13, try-out 15 through the real app: a phone number typed inside the 受付票 questions reaches the
case only when the person sends it (the after-sending fix, tests/bot/test_s12_after_sending.py, done in the
form too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.simulator import Simulator

CONTACT_QUESTION = "担当者からの連絡は、どの方法がよいですか"


@pytest.fixture
def weekday(database_url: str) -> Iterator[Simulator]:
    with Simulator(database_url, TSUNAGU_SIMULATOR_CLOCK="2026-11-24T10:00") as simulator:
        yield simulator


def _last_labels(sim: Simulator, user: str) -> list[str]:
    offered = [delivery for delivery in sim.received(user) if delivery.choices]
    return offered[-1].quick_replies if offered else []


def _to_the_send_screen(sim: Simulator, user: str, number: str) -> None:
    """Answer the questions with 「選び終わった」/「答えたくない」/「特にない」, typing `number` at the
    contact question, until the send screen."""
    sim.follow(user)
    sim.send(user, "家賃が払えなくて困っています")
    sim.choose(user, "相談の準備")
    sim.choose(user, "自分のこと")
    sim.choose(user, "18〜39")
    typed = False
    for _ in range(15):
        labels = _last_labels(sim, user)
        if "この内容だけ送る" in labels:
            break
        if not typed and CONTACT_QUESTION in sim.received(user)[-1].text:
            sim.send(user, number)
            typed = True
            continue
        sim.choose(user, next(x for x in labels if x in ("選び終わった", "特にない", "答えたくない")))
    assert typed and "この内容だけ送る" in _last_labels(sim, user)


def test_a_number_typed_at_the_contact_question_is_on_the_case_once_sent(weekday: Simulator) -> None:
    sim = weekday
    _to_the_send_screen(sim, "p", "090-1234-5678です")
    assert not sim.cases()  # nothing goes anywhere before the person sends it
    sim.choose("p", "この内容だけ送る")
    [case] = sim.cases()
    assert case["summary"]["contact"] == "phone"
    assert "090-1234-5678" in case["summary_text"]


def test_a_number_typed_in_the_form_is_not_sent_when_not_sent(weekday: Simulator) -> None:
    sim = weekday
    _to_the_send_screen(sim, "q", "090-1234-5678です")
    sim.choose("q", "今は送らない")
    assert not sim.cases()
