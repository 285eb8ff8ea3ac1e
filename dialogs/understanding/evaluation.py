"""Scoring the classifier against a labelled JSONL set (used by the bench script and the tests)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dialogs.understanding.classifier import classify
from dialogs.understanding.model import CONCERNS, CRISIS_LEVELS, INTENTS, Understanding


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled line of the evaluation set (style, kinds and possible risk when the corpus has them)."""

    text: str
    crisis: str
    concerns: frozenset[str]
    intents: frozenset[str]
    style: str = "standard"
    crisis_kinds: frozenset[str] = frozenset()
    possible_risk: bool = False
    expect_fallback: bool | None = None

    @property
    def category(self) -> str:
        """The one reporting category of the line (crisis, urgent, possible_risk, hard_negative, ...)."""
        if self.crisis != "none":
            return self.crisis
        if self.possible_risk:
            return "possible_risk"
        if self.style in HARD_NEGATIVE_STYLES:
            return "hard_negative"
        if self.concerns:
            return "concern"
        if self.intents:
            return "intent"
        return "other"


HARD_NEGATIVE_STYLES = frozenset(("idiom", "negated", "fiction_news"))


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
            style=row.get("style", "standard"),
            crisis_kinds=frozenset(row.get("crisis_kinds", ())),
            possible_risk=bool(row.get("possible_risk", False)),
            expect_fallback=row.get("expect_fallback"),
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


def is_fallback(reading: Understanding) -> bool:
    """A reading the dialog cannot act on: no crisis/urgent, no possible risk, concern, intent or entity."""
    return (
        reading.crisis == "none"
        and not reading.possible_risk
        and not reading.concerns
        and not reading.intents
        and not reading.entities
    )


@dataclass(frozen=True, slots=True)
class Recall:
    """How many lines of a group had what they needed found."""

    found: int
    total: int

    @property
    def rate(self) -> float:
        """Return found / total (1.0 for an empty group)."""
        return self.found / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The corpus figures the issue asks for, overall and per category and per style."""

    lines: int
    crisis_recall: Recall
    false_crisis_on_ordinary: Recall
    urgent_recall: Recall
    concern_recall: Recall
    intent_recall: Recall
    possible_risk_recall: Recall
    kinds_recall: Recall
    exact_by_category: dict[str, Recall]
    exact_by_style: dict[str, Recall]
    fallback: Recall
    fallback_expected: Recall


def _exact(example: Example, reading: Understanding) -> bool:
    """Tell whether a reading gets a line's level, concerns and intents all right."""
    return (
        reading.crisis == example.crisis
        and set(reading.concerns) == example.concerns
        and set(reading.intents) == example.intents
    )


def breakdown(examples: Sequence[Example], reader: Callable[[str], Understanding] = classify) -> Breakdown:
    """Score a corpus split: recalls, false crisis on ordinary lines, exactness by category and style.

    reader is the classifier to score (rules and learned layer by default; the rules alone to compare).
    """
    counts: dict[str, list[int]] = {}
    by_category: dict[str, list[int]] = {}
    by_style: dict[str, list[int]] = {}

    def tally(key: str, hit: bool, table: dict[str, list[int]] = counts) -> None:
        cell = table.setdefault(key, [0, 0])
        cell[0] += hit
        cell[1] += 1

    for ex in examples:
        got = reader(ex.text)
        if ex.crisis == "crisis":
            tally("crisis", got.crisis == "crisis")
            tally("kinds", bool(ex.crisis_kinds & set(got.crisis_kinds)) or not ex.crisis_kinds)
        elif ex.crisis == "urgent":
            tally("urgent", got.crisis != "none")
        else:
            tally("false_crisis", got.crisis == "crisis")
        if ex.possible_risk:
            tally("possible_risk", got.possible_risk or got.crisis == "crisis")
        for concern in ex.concerns:
            tally("concern", concern in got.concerns)
        for intent in ex.intents:
            tally("intent", intent in got.intents)
        exact = _exact(ex, got)
        tally(ex.category, exact, by_category)
        tally(ex.style, exact, by_style)
        if ex.expect_fallback is not None:
            tally("fallback", is_fallback(got))
            if ex.expect_fallback:
                tally("fallback_expected", is_fallback(got))

    def recall(key: str) -> Recall:
        found, total = counts.get(key, [0, 0])
        return Recall(found, total)

    return Breakdown(
        lines=len(examples),
        crisis_recall=recall("crisis"),
        false_crisis_on_ordinary=recall("false_crisis"),
        urgent_recall=recall("urgent"),
        concern_recall=recall("concern"),
        intent_recall=recall("intent"),
        possible_risk_recall=recall("possible_risk"),
        kinds_recall=recall("kinds"),
        exact_by_category={k: Recall(*v) for k, v in sorted(by_category.items())},
        exact_by_style={k: Recall(*v) for k, v in sorted(by_style.items())},
        fallback=recall("fallback"),
        fallback_expected=recall("fallback_expected"),
    )


def text_of_length(examples: Sequence[Example], length: int) -> str:
    """Build a message of exactly length characters from the example texts."""
    return long_input(examples, length)
