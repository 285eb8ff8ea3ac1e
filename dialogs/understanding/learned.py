"""The learned layer beside the rules: linear models over lemmas, readings and characters.

Each label has its own binary model: logistic regression for crisis, urgent and possible_risk, naive
Bayes log-count ratios for every concern, crisis kind and the intents of LEARNED_INTENTS (those whose
wrong reading costs only a wrong answer); both are a bias plus feature weights. A
message is split into sentences and each sentence is scored as bias + the sum of the weights of its
features; the message's score is its best sentence's, so one risky sentence in a long message counts.
Features are Sudachi lemmas and lemma bigrams, character 2-3-grams of the normalised text, and character
2-3-grams of the hiragana reading (so 死にたい, しにたい and 氏にたい meet). Weights and thresholds are
fitted by `dialogs/understanding/train.py` and committed as `weights/learned.json`.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from dialogs.understanding.analyzer import Token, hiragana
from dialogs.understanding.model import INTENTS, Evidence
from dialogs.understanding.normalize import normalize_with_spans

WEIGHTS_PATH = Path(__file__).parent / "weights" / "learned.json"
SENTENCE_ENDS = frozenset("。!?！？\n.")
TOP_WORDS = 3


@dataclass(frozen=True, slots=True, eq=False)
class Weights:
    """Fitted models: names, thresholds, and a table with a row of every model's weight for each feature.

    Row 0 holds the biases, so a sentence's scores are the sum of row 0 and its features' rows; a model
    without a weight for a feature has 0 there.
    """

    names: tuple[str, ...]
    thresholds: tuple[float, ...]
    rows: Mapping[str, int]
    table: np.ndarray
    letters: np.ndarray
    """For each row, whether its feature is a letter or sound sequence (shown after words)."""

    @classmethod
    def build(
        cls,
        names: Sequence[str],
        biases: Sequence[float],
        thresholds: Sequence[float],
        features: Mapping[str, Sequence[float]],
    ) -> Weights:
        """Build Weights from each feature's flat [model, weight, model, weight …] list (the file's form)."""
        lengths = np.fromiter(map(len, features.values()), dtype=np.intp, count=len(features))
        flat = np.fromiter(
            itertools.chain.from_iterable(features.values()), dtype=np.float64, count=int(lengths.sum())
        )
        return cls.from_flat(names, biases, thresholds, list(features), lengths, flat)

    @classmethod
    def from_flat(
        cls,
        names: Sequence[str],
        biases: Sequence[float],
        thresholds: Sequence[float],
        features: Sequence[str],
        lengths: np.ndarray,
        flat: np.ndarray,
    ) -> Weights:
        """Build Weights from the features, the length of each one's list and all the lists end to end."""
        table = np.zeros((len(features) + 1, len(names)), dtype=np.float64)
        table[0] = biases
        rows = np.repeat(np.arange(1, len(features) + 1), lengths // 2)
        table[rows, flat[0::2].astype(np.intp)] = flat[1::2]
        table.flags.writeable = False
        return cls(
            names=tuple(names),
            thresholds=tuple(float(t) for t in thresholds),
            rows={feature: row for row, feature in enumerate(features, start=1)},
            table=table,
            letters=np.array([False, *(feature[0] in "cr" for feature in features)]),
        )

    @property
    def biases(self) -> tuple[float, ...]:
        """Return each model's bias."""
        return tuple(float(b) for b in self.table[0])

    def index(self, name: str) -> int:
        """Return the position of a model by its name."""
        return self.names.index(name)

    def file_features(self) -> dict[str, list[float]]:
        """Return each feature's flat [model, weight …] list, models in order, as the file holds it."""
        out: dict[str, list[float]] = {}
        for feature, row in self.rows.items():
            weights = self.table[row]
            out[feature] = [x for m in np.flatnonzero(weights) for x in (int(m), float(weights[m]))]
        return out


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


FEATURE_LIST = re.compile(rb'"((?:[^"\\]|\\.)*)":\[([^\]]*)\]')
"""One feature's entry in the weights file: its name (JSON-escaped) and its flat list of numbers."""


def weights_from_file(data: bytes) -> Weights:
    """Build Weights from the weights file's bytes, its feature lists read straight into the table.

    json.loads of the whole file would first make millions of Python numbers and a wide copy of the
    text: seconds, and memory the process keeps.
    """
    start = data.index(b',"features":{')
    models = json.loads(data[:start] + b"}")["models"]
    features, lists = [], []
    for entry in FEATURE_LIST.finditer(data, start):
        name = entry[1]
        features.append(json.loads(b'"' + name + b'"') if b"\\" in name else name.decode())
        lists.append(entry[2])
    lengths = np.array([numbers.count(b",") + 1 if numbers else 0 for numbers in lists], dtype=np.intp)
    flat = np.array(json.loads(b"[" + b",".join(filter(None, lists)) + b"]"), dtype=np.float64)
    return Weights.from_flat(
        names=[m["name"] for m in models],
        biases=[float(m["bias"]) for m in models],
        thresholds=[float(m["threshold"]) for m in models],
        features=features,
        lengths=lengths,
        flat=flat,
    )


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """Return the committed weights, read once per process."""
    return weights_from_file(WEIGHTS_PATH.read_bytes())


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


@lru_cache(maxsize=8192)
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


def score_sentences(
    weights: Weights,
    sentence_features: Sequence[frozenset[str]],
    names: Sequence[str],
    skip: Mapping[str, frozenset[int]] | None = None,
) -> dict[str, Score]:
    """Score every sentence with the named models (a model passes over its skip sentences); keep the best.

    A Score's top lists its best sentence's strongest positive features, words and word pairs before
    letter sequences (a CSW reads 死ぬ+たい more easily than 「にた」).
    """
    wanted = [weights.index(name) for name in names]
    if not sentence_features:
        return {
            name: Score(name, -math.inf, weights.thresholds[weights.index(name)], -1, ()) for name in names
        }
    known = [[f for f in found if f in weights.rows] for found in sentence_features]
    rows = [[0, *map(weights.rows.__getitem__, features)] for features in known]
    starts = np.cumsum([0, *(len(r) for r in rows[:-1])])
    gathered = weights.table[list(itertools.chain.from_iterable(rows))]
    totals = np.add.reduceat(gathered, starts, axis=0)[:, wanted]
    for k, name in enumerate(names):
        if skip and name in skip:
            totals[sorted(skip[name]), k] = -math.inf
    best_sentence = [int(b) for b in np.argmax(totals, axis=0)]
    best_value = [float(totals[b, k]) for k, b in enumerate(best_sentence)]
    best_sentence = [b if v > -math.inf else -1 for b, v in zip(best_sentence, best_value, strict=True)]
    tops: list[tuple[str, ...]] = [()] * len(wanted)
    for number in set(best_sentence) - {-1}:  # one pass over each best sentence for all its models
        mine = [k for k, best in enumerate(best_sentence) if best == number]
        here = rows[number][1:]
        block = weights.table[np.ix_(here, [wanted[k] for k in mine])]
        feature, column = np.nonzero(block > 0)
        order = np.lexsort((-block[feature, column], weights.letters[here][feature], column))
        words = list(map(known[number].__getitem__, feature[order].tolist()))
        ends = np.cumsum(np.bincount(column, minlength=len(mine))).tolist()
        for k, start, end in zip(mine, [0, *ends[:-1]], ends, strict=True):
            tops[k] = tuple(words[start:end])
    return {
        name: Score(name, best_value[k], weights.thresholds[model], best_sentence[k], tops[k])
        for k, (name, model) in enumerate(zip(names, wanted, strict=True))
    }


def words_of(score: Score, split: Sequence[Sequence[Token]], text: str) -> list[str]:
    """Return the person's own words behind a score: the written forms of its top words, as in text.

    Without such a word (letters alone decided), the best sentence as written, or nothing.
    """
    if not 0 <= score.sentence < len(split):
        return []
    words = split[score.sentence]
    shown: list[str] = []
    for feature in score.top:
        kind, _, value = feature.partition(":")
        lemmas = value.split("|") if kind == "b" else [value] if kind == "w" else []
        for i in range(len(words) - len(lemmas) + 1 if lemmas else 0):
            if [t.lemma for t in words[i : i + len(lemmas)]] == lemmas:
                surface = "".join(t.surface for t in words[i : i + len(lemmas)])
                if surface in text and surface not in shown and len(surface.strip()) > 1 - (kind == "b"):
                    shown.append(surface)
                break
        if len(shown) == TOP_WORDS:
            break
    if not shown:
        sentence = "".join(t.surface for t in words)
        shown = [sentence] if sentence in text else []
    return shown


URGENT_KINDS: tuple[str, ...] = ("no_shelter", "no_food", "utilities", "eviction")
LIFE_KINDS: tuple[str, ...] = (
    "suicidal",
    "self_harm",
    "overdose",
    "violence",
    "child_abuse",
    "harm_to_others",
)
SET_ASIDE = ("negated", "idiom", "fiction", "resolved", "info")
VETOED = ("crisis", "urgent")
"""Rule notes (negated:crisis, idiom:urgent …) say a phrase was read and set aside: its sentence cannot
make that level on the model's word alone."""


VETOED_CONCERNS = ("violence",)
"""Concerns whose words the rules read as denied (negated:violence) in a sentence: that sentence cannot make
the concern on the model's word alone."""

VETOED_BY_DENIED_CRISIS = ("mental_health",)
"""Concerns a sentence cannot make on the model's word alone where the rules read its danger words as denied
(negated:crisis): 「死にたいわけじゃない」「自殺なんて考えてないです」 name no worry of the mind (the
rules still read one from words of exhaustion beside the denial)."""

QUESTION_PREFIXES = ("ask.", "faq.", "service.")
"""Intents asking about the municipality's content: the dialog answers the first one it finds."""

LEARNED_INTENTS: tuple[str, ...] = (
    *(intent for intent in INTENTS if intent.startswith(QUESTION_PREFIXES)),
    "talk.guidance",
    "talk.listen",
    "talk.privacy_fear",
    "talk.thanks",
    "talk.greeting",
    "talk.goodnight",
    "talk.sleepless",
    "talk.when_reply",
    "talk.own_burden",
    "talk.language",
    "cmd.human",
)
"""Intents the learned layer may read: questions and conversational turns, whose wrong reading costs only
a wrong answer. Commands that act (cmd.yes, cmd.stop, cmd.delete, talk.dismiss, talk.entrust …) stay the
rules' alone. The training keeps a model only for those it can read well enough (see train.py)."""


def intent_family(intent: str) -> str:
    """Return an intent's family: "question" (ask, faq, service: one answer is given), talk or cmd."""
    return "question" if intent.startswith(QUESTION_PREFIXES) else intent.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Verdicts:
    """What the learned layer adds to a rule reading for one message."""

    crisis: Score
    urgent: Score
    possible_risk: Score
    concerns: tuple[Score, ...]
    kinds: tuple[Score, ...]
    intents: tuple[Score, ...]


def folded(text: str) -> str:
    """Text folded for comparing rule matches with sentences (width, case, kana, spaces)."""
    return normalize_with_spans(text).text.replace(" ", "")


def model_names(concerns: Iterable[str]) -> tuple[str, ...]:
    """Every model the layer may use, in file order (the weights hold only the intent models kept)."""
    return (
        "crisis",
        "urgent",
        "possible_risk",
        *(f"concern:{c}" for c in concerns),
        *(f"kind:{k}" for k in (*LIFE_KINDS, *URGENT_KINDS)),
        *(f"intent:{i}" for i in LEARNED_INTENTS),
    )


def vetoed_sentences(
    split: Sequence[Sequence[Token]], notes: Iterable[Evidence]
) -> dict[str, frozenset[int]]:
    """For crisis and urgent, the sentences holding words the rules set aside for that level."""
    texts = [folded("".join(t.surface for t in words)) for words in split]
    out: dict[str, frozenset[int]] = {}
    notes = list(notes)
    for level in VETOED:
        labels = {f"{status}:{level}" for status in SET_ASIDE}
        aside = {w for w in (folded(e.matched) for e in notes if e.label in labels) if w}
        if aside:
            out[level] = frozenset(i for i, text in enumerate(texts) if any(w in text for w in aside))
    for concern in (*VETOED_CONCERNS, *VETOED_BY_DENIED_CRISIS):
        # 「夫に叩かれたことは一度もないです」: no 暴力 on the model's word;
        # 「死にたいわけじゃない」: no worry of the mind on it either
        label = "negated:crisis" if concern in VETOED_BY_DENIED_CRISIS else f"negated:{concern}"
        denied = {w for w in (folded(e.matched) for e in notes if e.label == label) if w}
        if denied:
            out[f"concern:{concern}"] = frozenset(
                i for i, text in enumerate(texts) if any(w in text for w in denied)
            )
    return out


def verdicts(
    weights: Weights,
    tokens: Sequence[Token],
    emoji: Mapping[str, str],
    concerns: Sequence[str],
    notes: Iterable[Evidence] = (),
) -> Verdicts:
    """Score a message; a sentence holding a phrase the rules set aside cannot carry that level's score."""
    split = list(sentences(tokens))
    found = [features(s, emoji) for s in split]
    names = ["crisis", "urgent", "possible_risk", *(f"concern:{c}" for c in concerns)]
    names += [f"kind:{k}" for k in (*LIFE_KINDS, *URGENT_KINDS)]
    intents = [name for name in weights.names if name.startswith("intent:")]
    scores = score_sentences(weights, found, names + intents, vetoed_sentences(split, notes))
    return Verdicts(
        crisis=scores["crisis"],
        urgent=scores["urgent"],
        possible_risk=scores["possible_risk"],
        concerns=tuple(scores[f"concern:{c}"] for c in concerns),
        kinds=tuple(scores[f"kind:{k}"] for k in (*LIFE_KINDS, *URGENT_KINDS)),
        intents=tuple(scores[name] for name in intents),
    )


def chosen_kinds(found: Verdicts, among: Sequence[str]) -> tuple[str, ...]:
    """Kinds among these whose models fire, or else the one closest to its threshold."""
    scores = [s for s in found.kinds if s.name.removeprefix("kind:") in among]
    firing = tuple(s.name.removeprefix("kind:") for s in scores if s.fires)
    if firing:
        return firing
    return (max(scores, key=lambda s: s.margin).name.removeprefix("kind:"),) if scores else ()
