"""The learned layer's weight table scores exactly as the weights file reads, sum by sum."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from dialogs.understanding import learned
from dialogs.understanding.analyzer import analyze, tidy
from dialogs.understanding.classifier import classify
from dialogs.understanding.lexicon import load_lexicon
from dialogs.understanding.model import CONCERNS

DEV = Path(__file__).parent / "corpus" / "dev.jsonl"
LINES = 200


def test_the_table_gives_the_files_scores_and_top_words_on_dev_lines() -> None:
    """On a few hundred dev lines, every model's score, best sentence and top features match the file."""
    document = json.loads(learned.WEIGHTS_PATH.read_text(encoding="utf-8"))
    weights = learned.load_weights()
    names = list(weights.names)
    emoji = load_lexicon().emoji
    by_model: dict[str, dict[str, float]] = {name: {} for name in names}
    for feature, flat in document["features"].items():
        for m, w in zip(flat[::2], flat[1::2], strict=True):
            by_model[names[m]][feature] = w
    texts = [json.loads(raw)["text"] for raw in DEV.read_text(encoding="utf-8").splitlines()[:LINES]]
    texts.append("つらい。\n\nもう死にたい。でも大丈夫です！")
    for text in texts:
        split = list(learned.sentences(analyze(tidy(text))))
        found = [learned.features(s, emoji) for s in split]
        skip = learned.vetoed_sentences(split, classify(text, rules_only=True).evidence)
        scores = learned.score_sentences(weights, found, names, skip)
        for model, name in enumerate(names):
            table = by_model[name]
            best, where = -math.inf, -1
            for number, features in enumerate(found):
                total = document["models"][model]["bias"] + sum(table.get(f, 0.0) for f in features)
                if total > best and number not in skip.get(name, frozenset()):
                    best, where = total, number
            part = {f: table[f] for f in found[where] if table.get(f, 0.0) > 0} if where >= 0 else {}
            top = tuple(sorted(part, key=lambda f: (f[0] in "cr", -part[f])))
            got = scores[name]
            assert abs(got.value - best) <= 1e-6 or got.value == best == -math.inf, (text, name)
            assert (got.sentence, got.top) == (where, top), (text, name)
            assert got.threshold == document["models"][model]["threshold"]


def test_the_table_writes_back_the_files_features_and_biases() -> None:
    """What training serialises from the table is the committed file's features and biases, unchanged."""
    document = json.loads(learned.WEIGHTS_PATH.read_text(encoding="utf-8"))
    weights = learned.load_weights()
    assert json.dumps(weights.file_features(), ensure_ascii=False) == json.dumps(
        document["features"], ensure_ascii=False
    )
    assert list(weights.biases) == [m["bias"] for m in document["models"]]


def test_a_message_without_sentences_has_no_best_sentence() -> None:
    """An empty message scores minus infinity everywhere, with no sentence and no words."""
    weights = learned.load_weights()
    scores = learned.score_sentences(weights, [], ["crisis", f"concern:{CONCERNS[0]}"])
    assert all(s.value == -math.inf and s.sentence == -1 and s.top == () for s in scores.values())


AWKWARD_FEATURES = (
    "w:死にたい",
    'w:"引用"',
    "w:\\",
    'w:a\\"b',
    'c:":[',
    "w:]",
    "r:}",
    "w:🫠",
    "w:\u2028",
    "w:\x01",
    'w:,"features":{',
    "w:no weights",
)


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_the_file_reader_reads_every_feature_name_as_json_does(ensure_ascii: bool) -> None:
    """Quotes, backslashes, brackets, emoji, control and escaped characters, and a feature with no weights:
    the fast reader gives the same table as json.loads of the whole file."""
    names = ["crisis", "urgent"]
    features = {f: [i % 2, 0.5 + i] for i, f in enumerate(AWKWARD_FEATURES[:-1])} | {AWKWARD_FEATURES[-1]: []}
    document = {
        "about": 'a "quoted" note, "features":{',
        "models": [{"name": n, "bias": -1.0, "threshold": 0.5} for n in names],
        "features": features,
    }
    raw = json.dumps(document, ensure_ascii=ensure_ascii, separators=(",", ":")).encode()
    read = learned.weights_from_file(raw)
    expected = learned.Weights.build(names, [-1.0, -1.0], [0.5, 0.5], json.loads(raw)["features"])
    assert read.rows == expected.rows and list(read.rows) == list(AWKWARD_FEATURES)
    assert np.array_equal(read.table, expected.table)
