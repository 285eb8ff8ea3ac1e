"""Normalisation: width, kana, elongation, repeats, emoji, whitespace, and the map back to the original."""

from __future__ import annotations

import pytest

from dialogs.understanding import classify, normalize, normalize_with_spans
from dialogs.understanding.analyzer import tidy


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｼﾆﾀｲ", "しにたい"),
        ("シニタイ", "しにたい"),
        ("ﾀﾞﾒﾀﾞ", "だめだ"),
        ("死にたぁい", "死にたい"),
        ("死にたぃ", "死にたい"),
        ("死にたーーい", "死にたい"),
        ("死にたいいいいい", "死にたい"),
        ("死に〜たい", "死にたい"),
        ("ＯＤした", "odした"),
        ("I  took   OD", "i took od"),
        (" 死 に た い ", "死にたい"),
        ("1000円", "1000円"),
        ("ああああああ", "あ"),
        ("いいえ", "いいえ"),
        ("「死ね」と", "死ねと"),
        ("a\n\n\nb", "a\nb"),
        ("💊💊💊", "薬薬"),  # a run of the same emoji stays a run (pill counts)
        ("🔪", "包丁"),
        ("🪢", "ろぷ"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment", "original"),
    [
        ("今日はｼﾆﾀｲ気分", "しにたい", "ｼﾆﾀｲ"),
        ("もう死にたぁぁい", "死にたい", "死にたぁぁい"),
        ("💊たくさん", "薬", "💊"),
        ("ＤＶです", "dv", "ＤＶ"),
    ],
)
def test_spans_map_back_to_original(raw: str, fragment: str, original: str) -> None:
    norm = normalize_with_spans(raw, {"💊": "薬"})
    start = norm.text.index(fragment)
    assert norm.original_slice(raw, start, start + len(fragment)) == original
    assert len(norm.starts) == len(norm.ends) == len(norm.text)


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        ("もぅ生きてたくなぃ", "もう生きてたくない"),
        ("しにたぁい", "しにたい"),
        ("ふぁいと", "ふぁいと"),
        ("うぃっしゅ", "うぃっしゅ"),
        ("しぇあはうす", "しぇあはうす"),
        ("ディズニー", "ディズニー"),
    ],
)
def test_small_kana_slips_are_read_as_meant_and_real_combinations_stay(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


def test_a_small_kana_slip_does_not_hide_a_crisis() -> None:
    assert classify("もぅ生きてたくなぃ", rules_only=True).crisis == "crisis"
