"""Tone and limits over everything the bot can say: the catalog, the content, every question."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dialogs import catalog
from dialogs.content import DEFAULT_PATH
from dialogs.dialog import Dialog, UserInput
from dialogs.flows import intake
from dialogs.intake_form import QUESTIONS
from handoff import catalog as handoff_catalog
from tests.dialogs.chat import WEEKDAY_MORNING, check_limits

REPO = Path(__file__).resolve().parents[2]
NG_PATH = REPO / "tests" / "fixtures" / "ng-expressions.txt"
"""A copy of the project's list of expressions never to say (tests read nothing outside the repo)."""
CATALOGS = {"catalog": catalog.CATALOG_PATH, "handoff": handoff_catalog.RELAY.path, "content": DEFAULT_PATH}
LABEL_PREFIXES = ("opt.", "nav.", "label.")
LABEL_KEYS = {
    *(f"menu.{k}" for k in ("services", "faq", "intake", "resume", "human", "delete", "back")),
    *(f"consent.{k}" for k in ("share_summary", "share_conversation", "decline", "edit", "answer_first")),
    "delete.yes",
    "delete.no",
    "crisis.human",
    "crisis.continue",
    "service.more",
    "faq.more",
}
QUESTION_END = re.compile(r"(?:[？?]|か[。」]?)$")


def ng_expressions() -> list[str]:
    lines = NG_PATH.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def questions_in(text: str) -> int:
    """Sentences that ask something: ending in ？ or in the question particle か."""
    sentences = re.split(r"(?<=[。？?！!\n])", text)
    return sum(1 for s in sentences if QUESTION_END.search(s.strip()))


def test_ng_list_is_read() -> None:
    assert "頑張って" in ng_expressions()


@pytest.mark.parametrize("source", CATALOGS.values(), ids=CATALOGS.keys())
def test_no_ng_expression(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    found = [ng for ng in ng_expressions() if ng in text]
    assert not found, f"{source.name} says {found}"


@pytest.mark.parametrize("entries", [catalog.entries, handoff_catalog.entries], ids=["catalog", "handoff"])
def test_every_catalog_message_asks_at_most_one_question(entries) -> None:
    many = {key: text for key, text in entries().items() if questions_in(text) > 1}
    assert not many


def says_nothing_unkind(text: str) -> list[str]:
    """The expressions never to say that `text` contains (for tests that check every message sent)."""
    return [ng for ng in ng_expressions() if ng in text]


def test_question_counter() -> None:
    assert questions_in("どうしますか。") == 1
    assert questions_in("ありますか。それとも、ないですか。") == 2
    assert questions_in("確かめます。大丈夫です。") == 0
    assert questions_in("だれが使える？") == 1


def test_labels_fit_a_quick_reply() -> None:
    long = {
        k: v
        for k, v in catalog.entries().items()
        if (k.startswith(LABEL_PREFIXES) or k in LABEL_KEYS) and len(v) > 20
    }
    assert not long


ASKERS = [
    {},
    {"asker": {"choice": "self"}},
    {"asker": {"choice": "family"}},
    {"asker": {"choice": "supporter"}},
]


@pytest.mark.parametrize("answers", ASKERS, ids=["unknown", "self", "family", "supporter"])
@pytest.mark.parametrize("question", QUESTIONS, ids=[q.key for q in QUESTIONS])
def test_every_question_is_one_question_with_a_skip(question, answers) -> None:
    if not question.applies(answers):
        pytest.skip("not asked of this person")
    state = intake.STATE_OF[question.key].value
    data = {"intake": {"answers": dict(answers), "skipped": [], "page": 0, "resume": None}}
    dialog = Dialog(state=state, data=data, user_input=UserInput("follow"), now=WEEKDAY_MORNING)
    message = intake.question_message(dialog)
    check_limits((message,))
    assert questions_in(message.text) <= 1
    assert any(c.data.startswith("skip") for c in message.choices)
    assert {c.label for c in message.choices} >= {
        catalog.text(k) for k in ("nav.back", "nav.later", "nav.stop")
    }
