"""The learned layer: it adds what the rules miss, with evidence, and keeps idioms and negations out."""

import json

import pytest

from dialogs.understanding import classify, learned, train


def test_a_crisis_paraphrase_the_rules_miss_is_caught_with_model_evidence() -> None:
    """A wish not to be here, in words no lexicon holds, is crisis on the model's word, and says why."""
    text = "この高さなら一瞬で終われるよね"
    assert classify(text, rules_only=True).crisis != "crisis"
    reading = classify(text)
    assert reading.crisis == "crisis"
    assert reading.crisis_kinds == ("suicidal",)
    model = [e for e in reading.evidence if e.rule == "model:crisis"]
    assert model and model[0].label == "crisis" and model[0].matched


def test_idioms_and_negations_stay_ordinary() -> None:
    """Hyperbole, games and a plain denial are not crisis with the learned layer either."""
    lines = ("レポートの締め切りが多すぎて死にそう", "ガチャで爆死したわ", "死のうなんて思ったことはないです")
    for text in lines:
        assert classify(text).crisis == "none", text


def test_a_negated_crisis_phrase_vetoes_the_model_for_its_sentence() -> None:
    """A sentence whose crisis words the rules read as negated cannot make a crisis on the model alone."""
    reading = classify("別に死にたいわけじゃないです")
    assert reading.crisis == "none"
    assert not [e for e in reading.evidence if e.rule == "model:crisis"]


def test_weights_load_once_per_process() -> None:
    """The weights file is parsed once; later readings reuse it."""
    first = learned.load_weights()
    classify("眠れない夜が続いています")
    assert learned.load_weights() is first
    assert learned.load_weights.cache_info().misses <= 1


def test_committed_weights_come_from_the_committed_training_files() -> None:
    """The weights record the hash of the data they were fitted on; changed data needs a retrain."""
    document = json.loads(learned.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert document["data_sha256"] == train.data_hash()
    names = [m["name"] for m in document["models"]]
    assert names == [
        n for n in learned.model_names(train.CONCERNS) if n in names or not n.startswith("intent:")
    ]
    assert "test.jsonl" not in document["trained_on"]


def test_threshold_is_the_lowest_that_keeps_what_the_model_adds_within_the_limit() -> None:
    """With a cap of 2 added false alarms, the third-highest negative score is where the threshold stops."""
    negatives = [(float(i), False, False) for i in range(100)]
    positives = [(150.0, True, False), (98.5, True, False), (10.0, True, False)]
    threshold = train.lowest_threshold(negatives + positives, lambda c: c.added_false <= 2)
    assert 97.0 < threshold <= 98.0
    ruled = [(99.0, False, True), *negatives[:99], *positives]
    assert 96.0 < train.lowest_threshold(ruled, lambda c: c.added_false <= 2) <= 97.0


@pytest.mark.parametrize("text", ["ほなよろしく頼むわ", "よろしく頼みます", "ありがとう、また来ます"])
def test_a_short_request_or_reply_gets_no_concern_from_the_model_alone(text: str) -> None:
    assert classify(text).concerns == ()


def test_the_crisis_model_counts_only_where_a_life_kind_model_agrees() -> None:
    """A line the crisis model scores high but no life-danger kind's model backs is not counted as crisis."""
    kinds = [f"kind:{k}" for k in learned.LIFE_KINDS]
    scores = {"crisis": [5.0, 5.0], **{k: [0.0, 0.0] for k in kinds}}
    scores["kind:overdose"] = [12.0, 3.0]
    at = {k: 10.0 for k in kinds}
    assert train.life_kind_fires(scores, at) == [True, False]
