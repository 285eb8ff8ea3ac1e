"""Session 13, CSW try-out 17 (S1-1): while a CSW holds the case, the crisis reply the webhook's fast
path sends said 「担当者は、窓口の開いている時間に読みます」 (or offered a hand-off) though a 相談員 was
reading at that moment. The fast path cannot read the case in time: the crisis memory now carries whether
a CSW holds it (`held`, from the conversation's `with_person`), and the reply says the 相談員 sees it.
The direct question stays (safety).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.crisis import CrisisMemory, crisis_answer, memory_of
from tests.dialogs.chat import TOKYO

MONDAY_MORNING = datetime(2026, 12, 7, 9, 30, tzinfo=TOKYO)
OFFICE_HOURS = "窓口の開いている時間に読みます"

HELD_WORDS = (
    "まだ手元にあります。30錠くらい。今夜のむかもしれない",  # the person's words in the try-out
    "まだ手元にある。30錠くらい。今夜飲むかも",
    "しにたい。くすり ためてある",
    "もう死にたい",
    "もう疲れた。死にたい。薬ためてある",
)


def texts(answer: tuple[tuple[object, ...], CrisisMemory] | None) -> str:
    assert answer is not None
    return "\n".join(str(getattr(m, "text", "")) for m in answer[0])


@pytest.mark.parametrize("words", HELD_WORDS)
def test_a_crisis_reply_while_a_csw_holds_the_case_says_the_soudanin_sees_it(words: str) -> None:
    said = texts(crisis_answer(words, MONDAY_MORNING, CrisisMemory(held=True)))
    assert OFFICE_HOURS not in said
    assert catalog.text("crisis.offer_with_person").strip() in said
    assert catalog.text("crisis.offer").strip() not in said, "no second hand-off while one is reading"


def test_the_direct_question_stays_while_held() -> None:
    answer = crisis_answer(HELD_WORDS[0], MONDAY_MORNING, CrisisMemory(held=True))
    assert answer is not None
    assert any("死にたいと思う気持ちがありますか" in m.text for m in answer[0])


@pytest.mark.parametrize("words", HELD_WORDS[3:])
def test_a_sent_case_nobody_holds_still_says_when_staff_read(words: str) -> None:
    """Negative: sent, not held: the office-hours sentence is right then."""
    said = texts(crisis_answer(words, MONDAY_MORNING, CrisisMemory(sent=True)))
    assert OFFICE_HOURS in said
    assert catalog.text("crisis.offer_with_person").strip() not in said


def test_the_memory_reads_held_from_the_conversation() -> None:
    handoff = {"case": "TG-XXXXXX"}
    held = memory_of({"handoff": handoff, "with_person": True})
    assert held.held and not held.sent
    waiting = memory_of({"handoff": handoff})
    assert waiting.sent and not waiting.held
    assert not memory_of({}).held


def test_words_that_are_not_a_crisis_get_no_fast_reply_while_held() -> None:
    """Negative: 「薬局は何時まで？」 is no crisis, held or not."""
    assert crisis_answer("薬局は何時までですか", MONDAY_MORNING, CrisisMemory(held=True)) is None
