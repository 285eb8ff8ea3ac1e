"""The learned layer's intents: questions and turns of talk in people's own words, never an action command."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dialogs import catalog
from dialogs.engine import UserInput, handle
from dialogs.flows import answers
from dialogs.understanding import classify, learned, train
from dialogs.understanding.model import COMMAND_INTENTS, Evidence, Understanding
from tests.dialogs.chat import Chat

ACTIONS = ("talk.dismiss", "talk.entrust", "talk.addition", "talk.deleted_check", "talk.no_police")


def test_no_action_command_has_a_model() -> None:
    """Commands and turns that act (yes, stop, delete, …) stay the rules' alone, in code and weights."""
    actions = {*COMMAND_INTENTS, *ACTIONS} - {"cmd.human"}
    assert not actions & set(learned.LEARNED_INTENTS)
    names = learned.load_weights().names
    assert {n.removeprefix("intent:") for n in names if n.startswith("intent:")} <= set(
        learned.LEARNED_INTENTS
    )


def test_an_intent_model_is_kept_only_with_a_threshold_it_reached() -> None:
    """An intent model that could not add lines 80% right out of its writers is left out, not kept unused."""
    document = json.loads(learned.WEIGHTS_PATH.read_text(encoding="utf-8"))
    kept = [m for m in document["models"] if m["name"].startswith("intent:")]
    assert all(m["threshold"] < train.NO_THRESHOLD for m in kept)


def _reading(text: str, intent: str) -> Understanding:
    """A reading of text where only the learned layer found intent."""
    rules = classify(text, rules_only=True)
    label = f"intent:{intent}"
    return replace(
        rules,
        intents=(*rules.intents, intent),
        evidence=(*rules.evidence, Evidence(label, text, f"model:{label}")),
    )


def _at_question(*typed: str) -> Chat:
    chat = Chat()
    chat.follow()
    chat.tap(catalog.text("menu.intake"))
    for text in typed:
        chat.send(text)
    return chat


@pytest.mark.parametrize(
    ("typed", "text", "intent"),
    [
        ((), "母のことで", "talk.own_burden"),
        ((), "家族です", "talk.thanks"),
        (("家族のことです",), "母です", "cmd.human"),
    ],
)
def test_at_a_question_a_turn_only_the_model_read_does_not_take_the_answer(
    typed: tuple[str, ...], text: str, intent: str
) -> None:
    """What is typed at a form question answers it, as with the rules alone, whatever the model reads."""
    chat = _at_question(*typed)
    with_model = handle(
        chat.state,
        chat.data,
        UserInput("text", text=text),
        now=chat.now,
        understanding=_reading(text, intent),
    )
    rules_only = handle(
        chat.state,
        chat.data,
        UserInput("text", text=text),
        now=chat.now,
        understanding=classify(text, rules_only=True),
    )
    assert with_model.state == rules_only.state
    assert [m.text for m in with_model.messages] == [m.text for m in rules_only.messages]


def _model_intents(reading: Understanding) -> set[str]:
    """The intents whose evidence is the learned layer's."""
    return {e.label.removeprefix("intent:") for e in reading.evidence if e.rule.startswith("model:intent:")}


def test_no_intent_is_added_to_a_crisis_message() -> None:
    """The crisis reply comes first: the model adds no question or turn of talk to it."""
    reading = classify("もう死にたい。相談するのにお金ってかかるんですか")
    assert reading.crisis == "crisis"
    assert not _model_intents(reading)


def test_the_model_adds_no_question_where_the_rules_read_one() -> None:
    """The rules' question is the one answered; the model does not add another beside it."""
    text = "費用はかかりますか。家計のやりくりも一緒に考えてもらえる？"
    assert "faq.cost" in classify(text, rules_only=True).intents
    assert not {i for i in _model_intents(classify(text)) if learned.intent_family(i) == "question"}


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("働く前の練習みたいなことができる場所はありますか", "employment_prep"),
        ("体力をつけてから働けるように準備するところありますか", "employment_prep"),
    ],
)
def test_a_question_in_own_words_the_rules_miss_gets_its_answer(text: str, service: str) -> None:
    """Asked in words no lexicon holds, the model reads the service in the person's words; it is answered."""
    intent = f"service.{service}"
    assert intent not in classify(text, rules_only=True).intents
    reading = classify(text)
    assert intent in reading.intents
    assert next(e.matched for e in reading.evidence if e.rule == f"model:intent:{intent}") in text
    chat = Chat()
    chat.follow()
    chat.send(text)
    assert answers.service_text(service) in chat.texts
