"""Session 14, the try-out's leftovers: situations the dialog misread at night.

7. The cold at night: 「電気止められた。今夜さむい」 gave 119 twice in one reply (the utilities guidance's
   line and the cold answer's), and a second 「さむい。こごえる」 got the fallback, or, in the car, the same
   warm-place answer again. Now one cold answer (`answer_cold`) for both colds: 119 once, and the cold
   said again the same night gets a follow-up (can you get there, what stands in the way), then one line.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from tests.dialogs.chat import TOKYO, said, started

SATURDAY_2AM = datetime(2026, 12, 5, 2, 5, tzinfo=TOKYO)
OFFER = catalog.text("urgent.offer").strip()


def said_again(first: str, reply: str) -> set[str]:
    """The lines of `reply` that were in `first` already (the offer of a person aside)."""
    return set(first.splitlines()) & set(reply.splitlines()) - {"", OFFER}


# ---------------------------------------------------------------- 7. the cold at night

POWER_AND_COLD = (
    "電気止められた。今夜さむい",
    "でんきとめられた。こんやさむい",
    "電気止められて、今夜さむいし子どもらが心配",
    "電気ないけん寒か",
)


@pytest.mark.parametrize("words", POWER_AND_COLD)
def test_cold_with_the_power_cut_tells_119_once(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "一酸化炭素" in reply, reply
    assert reply.count("119") == 1, reply


def test_cold_after_the_power_cut_tells_119_once() -> None:
    chat = started("今夜電気止められる", now=SATURDAY_2AM)
    chat.send("今夜さむいし子どもらが心配")
    reply = said(chat)
    assert "一酸化炭素" in reply and reply.count("119") == 1, reply


@pytest.mark.parametrize("again", ("さむい。こごえる", "まだ寒い", "さむくて眠れない", "寒いです"))
def test_the_cold_again_after_the_power_cut_gets_a_follow_up_not_the_fallback(again: str) -> None:
    chat = started("電気止められた。今夜さむい", now=SATURDAY_2AM)
    first = said(chat)
    chat.send(again)
    reply = said(chat)
    assert "うまくお答えできない" not in reply, reply
    assert "体の具合" in reply, reply  # asked how they are now
    assert not said_again(first, reply), reply  # nothing said again
    assert reply.count("119") == 1


@pytest.mark.parametrize("again", ("さむい。こごえそう", "まださむい", "寒すぎる", "しばれる"))
def test_the_cold_again_in_the_car_gets_a_follow_up_not_the_same_answer(again: str) -> None:
    chat = started("寒い。エンジン切ったら凍える。ガスもたない", now=SATURDAY_2AM)
    first = said(chat)
    chat.send(again)
    reply = said(chat)
    assert "行けそう" in reply, reply  # can you get there
    assert "マフラー" not in reply, reply
    assert not said_again(first, reply), reply


def test_a_third_cold_message_gets_one_line() -> None:
    chat = started("寒い。エンジン切ったら凍える。ガスもたない", "さむい。こごえそう", now=SATURDAY_2AM)
    follow_up = said(chat)
    chat.send("さむい")
    reply = said(chat)
    assert reply != follow_up and "行けそう" not in reply
    assert len(reply.splitlines()) <= 2, reply


def test_a_warm_place_asked_after_the_follow_up_gets_the_places() -> None:
    chat = started("寒い。エンジン切ったら凍える。ガスもたない", "さむい。こごえそう", now=SATURDAY_2AM)
    chat.send("あったかいとこない？")
    reply = said(chat)
    assert "24時間" in reply and "交番" in reply


@pytest.mark.parametrize("words", ("さむい", "寒いです"))
def test_cold_with_no_cold_night_before_is_not_a_follow_up(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "まだ寒い" not in reply and "一酸化炭素" not in reply


def test_the_cold_the_next_evening_is_a_new_night() -> None:
    chat = started("電気止められた。今夜さむい", now=SATURDAY_2AM)
    chat.wait(18 * 60)
    chat.send("電気止められたまま。今夜もさむい")
    reply = said(chat)
    assert "まだ寒い" not in reply
