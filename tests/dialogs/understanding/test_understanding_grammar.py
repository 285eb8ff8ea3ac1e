"""Grammar conditions read by the analyzer: negation and its scope, passive voice, desire and wishes."""

from __future__ import annotations

import pytest

from dialogs.understanding import classify
from dialogs.understanding.analyzer import analyze, tidy
from dialogs.understanding.grammar import features


def features_of(text: str, lemma: str):
    tokens = analyze(tidy(text))
    index = next(i for i, t in enumerate(tokens) if t.lemma == lemma)
    return features(tokens, index)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("死にたい", False),
        ("死にたくない", True),
        ("死にたいとは思っていない", True),
        ("死にたいわけじゃない", True),
        ("死にたい気持ちはない", True),
        ("死にたいなんて一言も言ってません", True),
        ("死にたいって言ったのは冗談", True),
        ("死にたいと思わない日はない", False),
        ("死にたい。でも家族がいるから死なない", False),
        ("死にたいけど誰にも言えない", False),
    ],
)
def test_negation_and_its_scope(text: str, negated: bool) -> None:
    assert features_of(text, "死ぬ").negated is negated


@pytest.mark.parametrize(
    ("text", "passive"), [("なぐられる", True), ("殴られていた", True), ("殴ってしまった", False)]
)
def test_passive_voice(text: str, passive: bool) -> None:
    assert features_of(text, "殴る").passive is passive


@pytest.mark.parametrize(
    ("text", "lemma", "mood"),
    [
        ("しにたい", "死ぬ", "desire"),
        ("死んでしまいたい", "死ぬ", "desire"),
        ("死のう", "死ぬ", "volitional"),
        ("死ねたら楽なのに", "死ぬ", "wish"),
        ("いなくなれたらいいのに", "なれる", "wish"),
        ("生まれてこなければよかった", "生まれる", "wish"),
        ("死ぬほど笑った", "死ぬ", "plain"),
    ],
)
def test_moods(text: str, lemma: str, mood: str) -> None:
    assert mood in features_of(text, lemma).moods()


def test_a_wish_does_not_count_its_own_negation() -> None:
    assert not features_of("生まれてこなければよかった", "生まれる").negated


@pytest.mark.parametrize(
    "text", ["死ぬほど笑った", "死にそう", "死ぬかと思った", "今日は一日死んだように寝てた"]
)
def test_degree_idioms_are_idioms(text: str) -> None:
    assert features_of(text, "死ぬ").idiom
    assert classify(text).crisis == "none"


def test_who_does_what_to_whom() -> None:
    assert classify("夫に殴られた").crisis == "crisis"  # the writer suffered it
    assert classify("ドラマで夫が妻を殴るシーンがあった").crisis == "none"  # fiction
    assert classify("子どもを叩いたりはしていません").crisis == "none"  # denied


def test_evidence_names_the_rule_and_its_grammar() -> None:
    evidence = [e for e in classify("おとうさんに毎日なぐられる").evidence if e.label == "crisis"]
    assert any("passive" in e.rule and "なぐられる" in e.matched for e in evidence)
