"""Quality gate: the classifier must keep its figures on the labelled evaluation set."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.understanding.evaluation import Report, evaluate, load_examples

EVAL_SET = Path(__file__).with_name("eval_set.jsonl")
HOLDOUT_SET = Path(__file__).with_name("holdout_set.jsonl")


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load_examples(EVAL_SET))


@pytest.fixture(scope="module")
def holdout() -> Report:
    return evaluate(load_examples(HOLDOUT_SET))


def test_eval_set_is_large_and_varied() -> None:
    examples = load_examples(EVAL_SET)
    assert len(examples) >= 400
    assert len({ex.text for ex in examples}) == len(examples)
    assert sum(ex.crisis == "crisis" for ex in examples) >= 50
    assert sum(ex.crisis == "urgent" for ex in examples) >= 25


def test_crisis_recall(report: Report) -> None:
    assert report.crisis_recall >= 0.98


def test_crisis_false_positives_on_ordinary_text(report: Report) -> None:
    assert report.crisis_false_positive_rate <= 0.05


def test_urgent_recall(report: Report) -> None:
    assert report.scores["urgent"].recall >= 0.9


@pytest.mark.parametrize(("name", "floor"), [("concern_macro_f1", 0.93), ("intent_macro_f1", 0.95)])
def test_macro_f1_floors(report: Report, name: str, floor: float) -> None:
    assert getattr(report, name) >= floor


def test_holdout_floors(holdout: Report) -> None:
    assert holdout.crisis_recall >= 0.9
    assert holdout.crisis_false_positive_rate <= 0.05
    assert holdout.concern_macro_f1 >= 0.6
