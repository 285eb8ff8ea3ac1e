"""The learned layer beside the rules: linear models over lemmas, readings and characters.

Each label has its own binary model: logistic regression for crisis, urgent and possible_risk, naive
Bayes log-count ratios for every concern and crisis kind; both are a bias plus feature weights. A
message is split into sentences and each sentence is scored as bias + the sum of the weights of its
features; the message's score is its best sentence's, so one risky sentence in a long message counts.
Features are Sudachi lemmas and lemma bigrams, character 2-3-grams of the normalised text, and character
2-3-grams of the hiragana reading (so 死にたい, しにたい and 氏にたい meet). Weights and thresholds are
fitted by `dialogs/understanding/train.py` and committed as `weights/learned.json`.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dialogs.understanding.analyzer import Token, hiragana
from dialogs.understanding.normalize import normalize_with_spans

WEIGHTS_PATH = Path(__file__).parent / "weights" / "learned.json"
SENTENCE_ENDS = frozenset("。!?！？\n.")
TOP_WORDS = 3
_FEATURE_KINDS = {"w": "word", "b": "words", "c": "letters", "r": "sound"}


@dataclass(frozen=True, slots=True)
class Weights:
    """Fitted models: names, biases, thresholds, and for each feature the (model, weight) pairs."""

    names: tuple[str, ...]
    biases: tuple[float, ...]
    thresholds: tuple[float, ...]
    features: Mapping[str, tuple[tuple[int, float], ...]]

    def index(self, name: str) -> int:
        """Return the position of a model by its name."""
        return self.names.index(name)


@dataclass(frozen=True, slots=True)
class Score:
    """One model's verdict on a message: its best sentence's score, the threshold and the top words."""

    name: str
    value: float
    threshold: float
    sentence: int
    top: tuple[str, ...]

    @property
    def fires(self) -> bool:
        """Tell whether the score reaches the model's threshold."""
        return self.value >= self.threshold

    @property
    def margin(self) -> float:
        """Return how far above (positive) or below its threshold the score is."""
        return self.value - self.threshold


def weights_from_data(data: Mapping[str, object]) -> Weights:
    """Build Weights from the JSON document the training script writes."""
    models = data["models"]
    features = data["features"]
    assert isinstance(models, list) and isinstance(features, dict)
    return Weights(
        names=tuple(m["name"] for m in models),
        biases=tuple(float(m["bias"]) for m in models),
        thresholds=tuple(float(m["threshold"]) for m in models),
        features={
            feature: tuple((int(pairs[i]), float(pairs[i + 1])) for i in range(0, len(pairs), 2))
            for feature, pairs in features.items()
        },
    )


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """Return the committed weights, read once per process."""
    return weights_from_data(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))


def sentences(tokens: Sequence[Token]) -> Iterator[tuple[Token, ...]]:
    """Split analysed words into sentences at sentence-ending punctuation."""
    current: list[Token] = []
    for token in tokens:
        if token.surface in SENTENCE_ENDS or token.pos2 == "句点":
            if current:
                yield tuple(current)
            current = []
        else:
            current.append(token)
    if current:
        yield tuple(current)


def _grams(prefix: str, text: str) -> Iterator[str]:
    """Character 2- and 3-grams of text, each marked with prefix."""
    for size in (2, 3):
        for i in range(len(text) - size + 1):
            yield prefix + text[i : i + size]


def _punctuation(text: str) -> bool:
    """Tell whether text is only punctuation and spaces (they carry no meaning here)."""
    return all(unicodedata.category(ch)[0] in "PZ" for ch in text)


def features(words: Sequence[Token], emoji: Mapping[str, str]) -> frozenset[str]:
    """Return the feature set of one sentence (lemmas, lemma pairs, letters, sounds)."""
    kept = [t for t in words if not _punctuation(t.surface)]
    lemmas = [t.lemma for t in kept]
    out = {f"w:{lemma}" for lemma in lemmas}
    out.update(f"b:{a}|{b}" for a, b in itertools.pairwise(lemmas))
    text = normalize_with_spans("".join(t.surface for t in kept), emoji).text
    out.update(_grams("c:", "".join(ch for ch in text if not _punctuation(ch))))
    sound = "".join(hiragana(t.reading) for t in kept if t.pos != "補助記号")
    out.update(_grams("r:", sound))
    return frozenset(out)


def display(feature: str) -> str:
    """Return a feature as a CSW can read it (死ぬ, 死ぬ+たい, 「しに」)."""
    kind, _, value = feature.partition(":")
    if kind == "b":
        return value.replace("|", "+")
    if kind in ("c", "r"):
        return f"「{value}」"
    return value


def score_sentences(
    weights: Weights, sentence_features: Sequence[Iterable[str]], names: Sequence[str]
) -> dict[str, Score]:
    """Score every sentence with the named models; keep each model's best sentence and its top words.

    Words and word pairs are shown before letter sequences: a CSW reads 死ぬ+たい more easily than 「にた」.
    """
    wanted = {weights.index(name): name for name in names}
    best: dict[int, tuple[float, int, dict[str, float]]] = {}
    for number, found in enumerate(sentence_features):
        totals = {i: weights.biases[i] for i in wanted}
        parts: dict[int, dict[str, float]] = {i: {} for i in wanted}
        for feature in found:
            for model, weight in weights.features.get(feature, ()):
                if model in totals:
                    totals[model] += weight
                    parts[model][feature] = weight
        for model, total in totals.items():
            if model not in best or total > best[model][0]:
                best[model] = (total, number, parts[model])
    scores: dict[str, Score] = {}
    for model, name in wanted.items():
        total, number, part = best.get(model, (float("-inf"), -1, {}))
        top = sorted((f for f, w in part.items() if w > 0), key=lambda f: (f[0] in "cr", -part[f]))
        words: list[str] = []
        for feature in top:
            shown = display(feature)
            if shown not in words:
                words.append(shown)
            if len(words) == TOP_WORDS:
                break
        scores[name] = Score(name, total, weights.thresholds[model], number, tuple(words))
    return scores


URGENT_KINDS: tuple[str, ...] = ("no_shelter", "no_food", "utilities", "eviction")
LIFE_KINDS: tuple[str, ...] = (
    "suicidal",
    "self_harm",
    "overdose",
    "violence",
    "child_abuse",
    "harm_to_others",
)
VETO_NOTES = frozenset(("negated:crisis", "idiom:crisis", "fiction:crisis", "resolved:crisis", "info:crisis"))
"""Rule notes that say a crisis phrase was read and set aside: its sentence cannot make a crisis alone."""


@dataclass(frozen=True, slots=True)
class Verdicts:
    """What the learned layer adds to a rule reading for one message."""

    crisis: Score
    urgent: Score
    possible_risk: Score
    concerns: tuple[Score, ...]
    kinds: tuple[Score, ...]


def _folded(text: str) -> str:
    """Text folded for comparing rule matches with sentences (width, case, kana, spaces)."""
    return normalize_with_spans(text).text.replace(" ", "")


def model_names(concerns: Iterable[str]) -> tuple[str, ...]:
    """Every model the layer uses, in file order."""
    return (
        "crisis",
        "urgent",
        "possible_risk",
        *(f"concern:{c}" for c in concerns),
        *(f"kind:{k}" for k in (*LIFE_KINDS, *URGENT_KINDS)),
    )


def verdicts(
    weights: Weights,
    tokens: Sequence[Token],
    emoji: Mapping[str, str],
    concerns: Sequence[str],
    set_aside: Iterable[str] = (),
) -> Verdicts:
    """Score a message; sentences holding a crisis phrase the rules set aside cannot carry a crisis score."""
    split = list(sentences(tokens))
    found = [features(s, emoji) for s in split]
    others = [f"concern:{c}" for c in concerns] + [f"kind:{k}" for k in (*LIFE_KINDS, *URGENT_KINDS)]
    scores = score_sentences(weights, found, ["urgent", "possible_risk", *others])
    aside = [w for w in (_folded(m) for m in set_aside) if w]
    open_sentences = [
        f
        for f, words in zip(found, split, strict=True)
        if not any(w in _folded("".join(t.surface for t in words)) for w in aside)
    ]
    crisis = score_sentences(weights, open_sentences, ["crisis"])["crisis"]
    return Verdicts(
        crisis=crisis,
        urgent=scores["urgent"],
        possible_risk=scores["possible_risk"],
        concerns=tuple(scores[f"concern:{c}"] for c in concerns),
        kinds=tuple(scores[f"kind:{k}"] for k in (*LIFE_KINDS, *URGENT_KINDS)),
    )


def chosen_kinds(found: Verdicts, among: Sequence[str]) -> tuple[str, ...]:
    """Kinds among these whose models fire, or else the one closest to its threshold."""
    scores = [s for s in found.kinds if s.name.removeprefix("kind:") in among]
    firing = tuple(s.name.removeprefix("kind:") for s in scores if s.fires)
    if firing:
        return firing
    return (max(scores, key=lambda s: s.margin).name.removeprefix("kind:"),) if scores else ()
