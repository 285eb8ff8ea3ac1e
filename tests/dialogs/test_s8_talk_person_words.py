"""Session-8 testers' words about talking to a person and little fillers (talk9): 「人と話」 is the writer
wanting a person only when the writer wants one; 「退院したあと、」 is not the filler 「あと、」.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from dialogs.understanding import classify
from tests.dialogs.chat import said, started

GRANDSON = "孫がずっと部屋にこもってるんだわ"


@pytest.mark.parametrize(
    "words",
    [
        "孫は人と話したくねえって",  # the tester's words: the grandson does not want to talk to anyone
        "息子は人と話したくないと言っています",
        "娘が人と話すのを嫌がるんです",
        "本人は人と話したいみたいです",
        "人と話したくない",
        "息子は誰とも話したがらないんです",
        "孫は人さ会いたくねえって言ってる",
        "娘が誰かと話したいって言ってます",
    ],
)
def test_someone_else_or_not_wanting_to_talk_is_not_asking_for_a_person(words: str) -> None:
    assert "cmd.human" not in classify(words).intents
    chat = started(GRANDSON, words)
    assert chat.state != "consent.review"


@pytest.mark.parametrize(
    "words",
    [
        "人と話したい",
        "誰か人と話せますか",
        "私、人と話したいです",
        "私が人と話したいです",
        "誰かと話せますか",
    ],
)
def test_the_writer_wanting_a_person_still_reaches_one(words: str) -> None:
    assert started(GRANDSON, words).state == "consent.review"


@pytest.mark.parametrize(
    "words",
    [
        "母が先月入院して、退院したあと、ずっと家にこもっています",
        "仕事が終わったあと、何もする気になれません",
    ],
)
def test_after_something_is_not_the_filler_that_adds_to_a_case(words: str) -> None:
    assert "talk.addition" not in classify(words).intents
    chat = started(GRANDSON, words)
    assert chat.state != "consent.review"
    assert "送る内容は" not in said(chat)


def test_the_filler_at_the_start_still_adds() -> None:
    assert "talk.addition" in classify("あと、孫は夜中にだけ台所に来ます").intents
