"""Robustness: any str classifies without error, quickly, with labels from the fixed vocabularies."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dialogs.understanding import CONCERNS, CRISIS_LEVELS, INTENTS, classify, normalize

LINE_MAX = 5000
TIME_BOUND_S = 2.0
"""A guard against runaway reading (a quadratic rule, a regex that backtracks), not a speed figure: a
5,000-character flood reads in about 0.2 s alone; `make eval` measures speed. Room for a busy machine."""


def _random_unicode(seed: int) -> str:
    """Return LINE_MAX random code points (surrogates excluded)."""
    rng = random.Random(seed)
    chars: list[str] = []
    while len(chars) < LINE_MAX:
        code = rng.randrange(0x110000)
        if not 0xD800 <= code <= 0xDFFF:
            chars.append(chr(code))
    return "".join(chars)


ADVERSARIAL = {
    "kanji_flood": "死" * LINE_MAX,
    "kana_pairs": "ああ" * (LINE_MAX // 2),
    "crisis_word_flood": "死にたい" * (LINE_MAX // 4),
    "negated_flood": "借金はない。" * (LINE_MAX // 6),
    "negated_crisis_flood": "死にたくない。死にたいとは思わない。" * (LINE_MAX // 18),
    "alternating": "しにしにしにしに" * (LINE_MAX // 8),
    "emoji_flood": "💊🔪🪢😭" * (LINE_MAX // 4),
    "zwj_flood": "👨\u200d👩\u200d👧" * (LINE_MAX // 5),
    "combining_flood": "か" + "\u3099" * (LINE_MAX - 1),
    "halfwidth_flood": "ｼﾞ" * (LINE_MAX // 2),
    "long_vowel_flood": "ー" * LINE_MAX,
    "whitespace_flood": " \n\t\u3000" * (LINE_MAX // 4),
    "ascii_flood": "od " * (LINE_MAX // 3),
    "random_unicode": _random_unicode(1),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_input_is_fast_and_valid(text: str) -> None:
    classify("warm-up")  # the analyzer and lexicons load once per process; make eval reports that cost
    start = time.perf_counter()
    result = classify(text)
    assert time.perf_counter() - start < TIME_BOUND_S
    assert result.crisis in CRISIS_LEVELS
    assert all(e.matched in text for e in result.evidence)


@pytest.mark.parametrize(
    "prefix",
    ["借金の返済が大変で。" * 480, "死にたいとは思っていません。" * 350],
    ids=["long_story", "many_negated_mentions"],
)
def test_crisis_at_the_end_of_a_long_message_is_found(prefix: str) -> None:
    start = time.perf_counter()
    assert classify(prefix + "もう死にたい").crisis == "crisis"
    assert time.perf_counter() - start < TIME_BOUND_S


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
@example("㌱")
@example("しにたぁぁい")
@example("ｼﾆﾀｲ。お金が ないです")
def test_any_text_classifies(text: str) -> None:
    result = classify(text)
    assert result.crisis in CRISIS_LEVELS
    assert set(result.concerns) <= set(CONCERNS)
    assert set(result.intents) <= set(INTENTS)
    for evidence in result.evidence:
        assert evidence.matched in text
        assert evidence.rule
    assert isinstance(normalize(text), str)


def test_a_building_is_not_a_bill() -> None:
    """English patterns are read through katakana: "bill" once made every ビル a money worry."""
    assert "economic" not in classify("ビルの屋上にいる").concerns
    assert "economic" in classify("I can't pay my bills").concerns


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="死しにたいぃぁーｼﾆﾀｲ4ねは大丈夫今昔とはない、。 ", max_size=60))
def test_crisis_alphabet_never_crashes(text: str) -> None:
    assert classify(text).crisis in CRISIS_LEVELS
