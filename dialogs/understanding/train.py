"""Fit the learned layer's models and thresholds from the committed corpus and write weights/learned.json.

Usage: python -m dialogs.understanding.train [--check]

Trains on tests/dialogs/understanding/corpus/{train,dev,messages_dev}.jsonl only: never on the frozen
test split. Thresholds come from cross-validation by writer: each line is scored by a model fitted
without any line of its writer, so thresholds hold for writers the model has not seen; the rules read
it as they would at run time, and the threshold is the lowest one at which the combined reading
(rules OR model) stays within the model's limit: the crisis model adding at most 1.5% false crisis
on non-crisis lines (the rules alone make about 3% on the writers' many hard negatives); the model
adding at most 2% false urgent or possible risk on ordinary lines; what it adds to a concern at
least 40 to 60% right by what a wrong guess costs (MIN_ADDED_CONCERN_PRECISION), to an intent at
least 80% right (counted where it may add one: no rule intent of that family, no rule crisis; an
intent model that cannot reach that is left out of the weights);
crisis kinds by best F1. The crisis model counts only where the model of one life-danger
kind fires too (at run time as in the threshold search): on writers held out, that caught about 2 points
more crisis at the same false-alarm budget. Crisis, urgent and possible risk are logistic
regressions (AdaGrad, fixed seed); concerns, kinds and intents are naive Bayes log-count ratios.
With --check, nothing is written; the exit status says whether the committed file is what this produces.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import os
import random
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dialogs.understanding import learned
from dialogs.understanding.analyzer import analyze, tidy
from dialogs.understanding.classifier import classify
from dialogs.understanding.lexicon import load_lexicon
from dialogs.understanding.model import CONCERNS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "dialogs" / "understanding" / "corpus"
TRAINING_FILES = ("train.jsonl", "dev.jsonl", "messages_dev.jsonl")
LOGISTIC = frozenset(("crisis", "urgent", "possible_risk"))
ALPHA = 0.5
MIN_DF = 2
MIN_WEIGHT = 1.0
MIN_LOGISTIC_WEIGHT = 0.02
EPOCHS = 12
RATE = 0.2
L2 = 1e-3
SEED = 11
MAX_ADDED_FALSE_CRISIS = 0.015
MAX_ADDED_FALSE = 0.02
MIN_ADDED_CONCERN_PRECISION: dict[str, float] = {
    **dict.fromkeys(
        (
            "economic",
            "housing",
            "job_search",
            "caregiving",
            "illness",
            "childcare_education",
        ),
        0.4,
    ),
    **dict.fromkeys(
        ("mental_health", "withdrawal", "isolation", "budgeting", "debt", "family_relations"), 0.5
    ),
    **dict.fromkeys(("violence", "disability"), 0.6),
}
"""How often what a concern model adds beyond the rules must be right, by what a wrong guess costs.

A guess reaches the person only where the rules read no worry, as 「…で困っていると受け取りました。
違っていたら、そのまま言い直してください」 and as a tick they can take off, and the CSW checks the 受付票:
a practical worry (money, housing, work, care, the body, a child's school) needs 40 in 100 right; one that
names the person's state or their family's (the mind, staying in, being alone, spending, debt, the family) 50;
violence,
which brings the DV lines, and disability, a label no one should be given by guess, 60."""
MIN_ADDED_INTENT_PRECISION = 0.8
MIN_ADDED_INTENT_LINES = 3
MIN_INTENT_POSITIVES = 2
"""An intent model speaks for a feature only if it was in at least this many of the intent's lines: with
a few dozen lines per intent, smoothing alone would give every rare word a large positive weight."""
NO_THRESHOLD = 1e9


@dataclass(frozen=True, slots=True)
class Counts:
    """What the model adds beyond the rules at one candidate threshold, and how many negatives there are."""

    added_true: int
    added_false: int
    negatives: int


@dataclass(frozen=True, slots=True)
class Line:
    """One training line: its labels, the rules' reading, and its features per sentence."""

    record: dict[str, Any]
    sentences: tuple[frozenset[str], ...]
    vetoed: dict[str, frozenset[int]]
    rule_labels: frozenset[str]

    @property
    def features(self) -> frozenset[str]:
        """Every feature of the line (what a model is fitted on)."""
        return frozenset().union(*self.sentences)


def positive(name: str, record: dict[str, Any]) -> bool:
    """Tell whether a record is a positive example for the named model."""
    kinds = set(record["crisis_kinds"])
    if name == "crisis":
        return bool(record["crisis"] == "crisis")
    if name == "urgent":
        return record["crisis"] == "urgent" or bool(kinds & set(learned.URGENT_KINDS))
    if name == "possible_risk":
        return bool(record["possible_risk"])
    if name.startswith("concern:"):
        return name.removeprefix("concern:") in record["concerns"]
    if name.startswith("intent:"):
        return name.removeprefix("intent:") in record["intents"]
    return name.removeprefix("kind:") in kinds


def read_lines() -> list[Line]:
    """Load the training files and read each line with the rules and the analyzer."""
    emoji = load_lexicon().emoji
    lines = []
    for name in TRAINING_FILES:
        for raw in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            record = json.loads(raw)
            rules = classify(record["text"], rules_only=True)
            labels = {*(f"concern:{c}" for c in rules.concerns), *(f"kind:{k}" for k in rules.crisis_kinds)}
            labels.update(f"intent:{i}" for i in rules.intents)
            if rules.crisis == "crisis":
                labels.add("crisis")
            if rules.crisis != "none":
                labels.add("urgent")
            if rules.possible_risk:
                labels.add("possible_risk")
            split = list(learned.sentences(analyze(tidy(record["text"]))))
            found = tuple(learned.features(s, emoji) for s in split)
            vetoed = learned.vetoed_sentences(split, rules.evidence)
            lines.append(Line(record, found, vetoed, frozenset(labels)))
    return lines


def _logistic(lines: Sequence[Line], name: str) -> tuple[float, dict[str, float]]:
    """Fit a logistic regression for one label by AdaGrad (fixed order and seed, so it reproduces)."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(lines)))
    rng = random.Random(SEED)
    labels = [positive(name, line.record) for line in lines]
    docs = [sorted(line.features) for line in lines]
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            z = bias + sum(weights.get(f, 0.0) for f in docs[i])
            gradient = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - labels[i]
            bias_square += gradient * gradient
            bias -= RATE * gradient / math.sqrt(bias_square)
            for f in docs[i]:
                step = gradient + L2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 1e-8) + step * step
                weights[f] = weights.get(f, 0.0) - RATE * step / math.sqrt(squares[f])
    return bias, weights


def fit(lines: Sequence[Line], names: Sequence[str]) -> learned.Weights:
    """Fit one binary model per name: logistic regression for the risk levels, naive Bayes for the rest."""
    df: dict[str, int] = {}
    positives: dict[str, dict[str, int]] = {}
    totals = {name: sum(positive(name, line.record) for line in lines) for name in names}
    for line in lines:
        mine = [name for name in names if name not in LOGISTIC and positive(name, line.record)]
        for feature in line.features:
            df[feature] = df.get(feature, 0) + 1
            counts = positives.setdefault(feature, {})
            for name in mine:
                counts[name] = counts.get(name, 0) + 1
    table: dict[str, list[float]] = {}
    biases = []
    min_positive = [MIN_INTENT_POSITIVES if name.startswith("intent:") else 0 for name in names]
    for index, name in enumerate(names):
        if name in LOGISTIC:
            bias, weights = _logistic(lines, name)
            biases.append(round(bias, 4))
            for feature, weight in weights.items():
                if abs(weight) >= MIN_LOGISTIC_WEIGHT and df.get(feature, 0) >= MIN_DF:
                    table.setdefault(feature, []).extend((index, round(weight, 3)))
            continue
        pos = totals[name]
        neg = len(lines) - pos
        biases.append(round(math.log((pos + ALPHA) / (neg + ALPHA)), 4))
        for feature, n_all in df.items():
            if n_all < MIN_DF:
                continue
            p = positives[feature].get(name, 0)
            weight = math.log((p + ALPHA) / (pos + 2 * ALPHA)) - math.log(
                (n_all - p + ALPHA) / (neg + 2 * ALPHA)
            )
            if abs(weight) >= MIN_WEIGHT and (weight < 0 or p >= min_positive[index]):
                table.setdefault(feature, []).extend((index, round(weight, 3)))
    return learned.Weights.build(names, biases, [0.0 for _ in names], table)


def writer_of(line: Line) -> str:
    """Return who wrote a training line (the dev files' lines are one writer's)."""
    return str(line.record.get("writer", "dev"))


_FOLD_LINES: Sequence[Line] = ()


def _score_held_out(writer: str, names: Sequence[str]) -> list[tuple[int, list[float]]]:
    """Fit without one writer's lines and score that writer's lines (runs in a worker process)."""
    lines = _FOLD_LINES
    weights = fit([line for line in lines if writer_of(line) != writer], names)
    held = [i for i, line in enumerate(lines) if writer_of(line) == writer]
    scored = []
    for i in held:
        found = learned.score_sentences(weights, lines[i].sentences, names, lines[i].vetoed)
        scored.append((i, [found[name].value for name in names]))
    return scored


def out_of_fold(lines: Sequence[Line], names: Sequence[str]) -> dict[str, list[float]]:
    """Score every line with models fitted without its writer's lines, as a new writer is met at run time."""
    global _FOLD_LINES
    _FOLD_LINES = lines
    writers = sorted({writer_of(line) for line in lines})
    scores: dict[str, list[float]] = {name: [0.0] * len(lines) for name in names}
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=multiprocessing.get_context("fork")) as pool:
        for scored in pool.map(_score_held_out, writers, [names] * len(writers)):
            for i, values in scored:
                for name, value in zip(names, values, strict=True):
                    scores[name][i] = value
    return scores


def lowest_threshold(scored: Sequence[tuple[float, bool, bool]], accept: Callable[[Counts], bool]) -> float:
    """Return the lowest threshold whose combined counts are accepted.

    scored holds (model score, is positive, rules already found it) for the lines that count.
    """
    negatives = sum(1 for _, pos, _ in scored if not pos)
    added_tp = added_fp = 0
    best = math.inf
    ranked = sorted(((s, pos) for s, pos, rule in scored if not rule and s > -math.inf), reverse=True)
    i = 0
    while i < len(ranked):
        value = ranked[i][0]
        while i < len(ranked) and ranked[i][0] == value:
            added_tp, added_fp = added_tp + ranked[i][1], added_fp + (not ranked[i][1])
            i += 1
        if accept(Counts(added_tp, added_fp, negatives)):
            best = value
    return round(best - 1e-4, 4) if best < math.inf else NO_THRESHOLD


def best_f1_threshold(scored: Sequence[tuple[float, bool]]) -> float:
    """Return the threshold with the best F1 of the model alone."""
    positives = sum(1 for _, pos in scored if pos)
    tp = fp = 0
    best, best_f1 = 1e9, -1.0
    ranked = sorted((s for s in scored if s[0] > -math.inf), reverse=True)
    i = 0
    while i < len(ranked):
        value = ranked[i][0]
        while i < len(ranked) and ranked[i][0] == value:
            tp, fp = tp + ranked[i][1], fp + (not ranked[i][1])
            i += 1
        f1 = 2 * tp / (tp + fp + positives) if positives else 0.0
        if f1 > best_f1:
            best, best_f1 = value, f1
    return round(best - 1e-4, 4)


def _threshold(name: str, lines: Sequence[Line], values: Sequence[float]) -> float:
    """Choose one model's threshold (crisis aside) from its out-of-fold scores and the rules' readings."""
    rows = zip(values, lines, strict=True)
    if name in ("urgent", "possible_risk"):
        scored = [
            (s, positive(name, ln.record), name in ln.rule_labels)
            for s, ln in rows
            if positive(name, ln.record) or ln.record["crisis"] == "none"
        ]
        return lowest_threshold(scored, lambda c: c.added_false <= MAX_ADDED_FALSE * c.negatives)
    if name.startswith("concern:"):
        scored = [(s, positive(name, ln.record), name in ln.rule_labels) for s, ln in rows]
        bar = MIN_ADDED_CONCERN_PRECISION[name.removeprefix("concern:")]
        return lowest_threshold(scored, lambda c: c.added_true >= bar * (c.added_true + c.added_false))
    if name.startswith("intent:"):
        scored = [(s, positive(name, ln.record), False) for s, ln in rows if may_add_intent(ln, name)]
        return lowest_threshold(scored, intent_added_well)
    return best_f1_threshold([(s, positive(name, ln.record)) for s, ln in rows])


def life_kind_fires(scores: dict[str, list[float]], at: dict[str, float]) -> list[bool]:
    """For each line, whether one life-danger kind's model fires (the crisis model needs one to agree)."""
    kinds = [f"kind:{k}" for k in learned.LIFE_KINDS]
    return [any(scores[k][i] >= at[k] for k in kinds) for i in range(len(scores["crisis"]))]


def thresholds(lines: Sequence[Line], names: Sequence[str], scores: dict[str, list[float]]) -> list[float]:
    """Choose each model's threshold; crisis last, counting only lines where a life-kind model agrees."""
    at = {name: _threshold(name, lines, scores[name]) for name in names if name != "crisis"}
    agreed = life_kind_fires(scores, at)
    crisis = [
        (s if agree else -math.inf, positive("crisis", ln.record), "crisis" in ln.rule_labels)
        for s, agree, ln in zip(scores["crisis"], agreed, lines, strict=True)
    ]
    at["crisis"] = lowest_threshold(crisis, lambda c: c.added_false <= MAX_ADDED_FALSE_CRISIS * c.negatives)
    return [at[name] for name in names]


def may_add_intent(line: Line, name: str) -> bool:
    """Tell whether the run time would let the named intent model add to this line's rule reading."""
    family = learned.intent_family(name.removeprefix("intent:"))
    ruled = {
        learned.intent_family(label.removeprefix("intent:"))
        for label in line.rule_labels
        if label.startswith("intent:")
    }
    return "crisis" not in line.rule_labels and family not in ruled


def intent_added_well(counts: Counts) -> bool:
    """Tell whether what an intent model adds is right often enough, on enough lines, to keep it."""
    added = counts.added_true + counts.added_false
    return counts.added_true >= max(MIN_ADDED_INTENT_LINES, MIN_ADDED_INTENT_PRECISION * added)


def train() -> tuple[dict[str, Any], dict[str, float]]:
    """Fit everything; return the weights document and the cross-validated combined figures."""
    lines = read_lines()
    names = learned.model_names(CONCERNS)
    scores = out_of_fold(lines, names)
    chosen = thresholds(lines, names, scores)
    figures = cross_validated(lines, names, scores, chosen)
    kept = [
        (n, t) for n, t in zip(names, chosen, strict=True) if not n.startswith("intent:") or t < NO_THRESHOLD
    ]
    names, chosen = tuple(n for n, _ in kept), [t for _, t in kept]
    weights = fit(lines, names)
    document = {
        "about": "naive Bayes log-count ratios for dialogs/understanding/learned.py; written by train.py",
        "trained_on": list(TRAINING_FILES),
        "data_sha256": data_hash(),
        "lines": len(lines),
        "models": [
            {"name": n, "bias": b, "threshold": t}
            for n, b, t in zip(names, weights.biases, chosen, strict=True)
        ],
        "features": dict(sorted(weights.file_features().items())),
    }
    return document, figures


def cross_validated(
    lines: Sequence[Line], names: Sequence[str], scores: dict[str, list[float]], chosen: Sequence[float]
) -> dict[str, float]:
    """Combined (rules OR out-of-fold model) recall and false rates at the chosen thresholds; intent
    recall and precision of the rules alone and combined (the model adding as it would at run time)."""
    at = dict(zip(names, chosen, strict=True))
    agreed = life_kind_fires(scores, at)

    def found(name: str, i: int) -> bool:
        model = scores[name][i] >= at[name] and (name != "crisis" or agreed[i])
        return name in lines[i].rule_labels or model

    def intents(i: int, *, combined: bool) -> set[str]:
        read = {label for label in lines[i].rule_labels if label.startswith("intent:")}
        if combined:
            read |= {
                name
                for name in names
                if name.startswith("intent:")
                and may_add_intent(lines[i], name)
                and scores[name][i] >= at[name]
            }
        return {label.removeprefix("intent:") for label in read}

    crisis = [i for i, ln in enumerate(lines) if ln.record["crisis"] == "crisis"]
    others = [i for i, ln in enumerate(lines) if ln.record["crisis"] != "crisis"]
    urgent = [i for i, ln in enumerate(lines) if ln.record["crisis"] == "urgent"]
    pairs = [(i, c) for i, ln in enumerate(lines) for c in ln.record["concerns"]]
    return {
        "crisis_recall": sum(found("crisis", i) for i in crisis) / len(crisis),
        "false_crisis": sum(found("crisis", i) for i in others) / len(others),
        "urgent_recall": sum(found("urgent", i) or found("crisis", i) for i in urgent) / len(urgent),
        "concern_recall": sum(found(f"concern:{c}", i) for i, c in pairs) / len(pairs),
        **intent_figures(lines, lambda i: intents(i, combined=False), "intent_rules"),
        **intent_figures(lines, lambda i: intents(i, combined=True), "intent"),
    }


def intent_figures(lines: Sequence[Line], read: Callable[[int], set[str]], prefix: str) -> dict[str, float]:
    """Recall and precision over every (line, intent) pair of a reading of the lines' intents."""
    right = wrong = gold = 0
    for i, line in enumerate(lines):
        truth, got = set(line.record["intents"]), read(i)
        right, wrong, gold = right + len(got & truth), wrong + len(got - truth), gold + len(truth)
    return {f"{prefix}_recall": right / gold, f"{prefix}_precision": right / max(1, right + wrong)}


def data_hash() -> str:
    """Return the SHA-256 of the training files' bytes, in order (the weights record what they came from)."""
    digest = hashlib.sha256()
    for name in TRAINING_FILES:
        digest.update((CORPUS / name).read_bytes())
    return digest.hexdigest()


def serialise(document: dict[str, Any]) -> str:
    """Return the weights document as the committed file's text."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Train and write (or, with --check, compare with) the committed weights."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed weights")
    args = parser.parse_args(argv)
    document, figures = train()
    print("cross-validated, rules OR model: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    for model in document["models"]:
        print(f"  {model['name']:28} bias {model['bias']:8.3f}  threshold {model['threshold']:8.3f}")
    text = serialise(document)
    if args.check:
        same = learned.WEIGHTS_PATH.read_text(encoding="utf-8") == text
        print("committed weights are what the training produces" if same else "committed weights DIFFER")
        return 0 if same else 1
    learned.WEIGHTS_PATH.parent.mkdir(exist_ok=True)
    learned.WEIGHTS_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {learned.WEIGHTS_PATH} ({len(text) / 1e6:.1f} MB, {len(document['features'])} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
