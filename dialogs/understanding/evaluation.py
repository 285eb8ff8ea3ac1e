"""Scoring the classifier against a labelled JSONL set (used by the bench script and the tests)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dialogs.understanding.classifier import classify
from dialogs.understanding.model import CONCERNS, CRISIS_LEVELS, INTENTS, Understanding


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled line of the evaluation set."""

    text: str
    crisis: str
    concerns: frozenset[str]
    intents: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and derived precision/recall/F1 for one label."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Return how many examples carry the label."""
        return self.tp + self.fn


@dataclass(frozen=True, slots=True)
class Report:
    """All figures of one evaluation run."""

    lines: int
    scores: dict[str, Score]
    crisis_recall: float
    crisis_false_positive_rate: float
    concern_macro_f1: float
    intent_macro_f1: float
    errors: list[dict[str, object]]

    def to_dict(self) -> dict[str, object]:
        """Return the figures as JSON-ready data (without the error list's texts)."""
        return {
            "lines": self.lines,
            "crisis_recall": self.crisis_recall,
            "crisis_false_positive_rate": self.crisis_false_positive_rate,
            "concern_macro_f1": self.concern_macro_f1,
            "intent_macro_f1": self.intent_macro_f1,
            "labels": {
                label: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "support": s.support,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for label, s in self.scores.items()
            },
        }


def load_examples(path: Path) -> list[Example]:
    """Read and validate a JSONL evaluation set."""
    examples: list[Example] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        example = Example(
            text=row["text"],
            crisis=row["crisis"],
            concerns=frozenset(row["concerns"]),
            intents=frozenset(row["intents"]),
        )
        if (
            example.crisis not in CRISIS_LEVELS
            or not example.concerns <= set(CONCERNS)
            or not example.intents <= set(INTENTS)
        ):
            raise ValueError(f"{path}:{number}: unknown label")
        examples.append(example)
    return examples


def _labels_of(crisis: str, concerns: Iterable[str], intents: Iterable[str]) -> set[str]:
    """Return the flat label set of one example or prediction."""
    flat = {f"concern:{c}" for c in concerns} | {f"intent:{i}" for i in intents}
    if crisis != "none":
        flat.add(crisis)
    return flat


def evaluate(examples: Sequence[Example]) -> Report:
    """Classify every example and score each label that occurs in gold or prediction."""
    counts: dict[str, list[int]] = {}
    errors: list[dict[str, object]] = []
    crisis_total = crisis_found = none_total = none_flagged = 0
    for ex in examples:
        got: Understanding = classify(ex.text)
        gold = _labels_of(ex.crisis, ex.concerns, ex.intents)
        pred = _labels_of(got.crisis, got.concerns, got.intents)
        for label in gold | pred | {"crisis", "urgent"}:
            tp_fp_fn = counts.setdefault(label, [0, 0, 0])
            if label in gold and label in pred:
                tp_fp_fn[0] += 1
            elif label in pred:
                tp_fp_fn[1] += 1
            elif label in gold:
                tp_fp_fn[2] += 1
        crisis_total += ex.crisis == "crisis"
        crisis_found += ex.crisis == "crisis" and got.crisis == "crisis"
        none_total += ex.crisis == "none"
        none_flagged += ex.crisis == "none" and got.crisis == "crisis"
        if gold != pred:
            errors.append({"text": ex.text, "missing": sorted(gold - pred), "extra": sorted(pred - gold)})
    order = ["crisis", "urgent", *(f"concern:{c}" for c in CONCERNS), *(f"intent:{i}" for i in INTENTS)]
    scores = {label: Score(*counts[label]) for label in order if label in counts}
    concern_f1 = [s.f1 for label, s in scores.items() if label.startswith("concern:") and s.support]
    intent_f1 = [s.f1 for label, s in scores.items() if label.startswith("intent:") and s.support]
    return Report(
        lines=len(examples),
        scores=scores,
        crisis_recall=crisis_found / crisis_total if crisis_total else 1.0,
        crisis_false_positive_rate=none_flagged / none_total if none_total else 0.0,
        concern_macro_f1=sum(concern_f1) / len(concern_f1) if concern_f1 else 0.0,
        intent_macro_f1=sum(intent_f1) / len(intent_f1) if intent_f1 else 0.0,
        errors=errors,
    )


def long_input(examples: Sequence[Example], length: int = 5000) -> str:
    """Build a realistic message of exactly length characters from the example texts."""
    text = ""
    while len(text) < length:
        for ex in examples:
            text += ex.text + "。"
            if len(text) >= length:
                break
    return text[:length]


def timings_ms(text: str, runs: int) -> list[float]:
    """Return the wall time in milliseconds of classifying text, runs times, sorted."""
    out: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        classify(text)
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)
