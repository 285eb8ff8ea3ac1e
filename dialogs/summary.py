"""The handoff summary (相談受付票): structured data plus a short text a CSW reads in thirty seconds.

Built only from what the person chose or wrote; typed words are kept verbatim and quoted 「」.
A question that was asked of this person but skipped or not reached is listed in `unanswered`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from dialogs import catalog
from dialogs.content import current_content
from dialogs.intake_form import BY_KEY, Answers, asked, asker_of

OWN_WORDS_KEYS = ("concerns", "own_words")
"""Questions whose typed words are collected in `own_words` (the rest have a field of their own)."""


LABEL_PREFIXES = {"asker": "asker", "concerns": "concern", "urgency": "urgency", "unanswered": "question"}
"""Summary keys whose values read with the sheet's own names (not the button labels)."""

WELLBEING_QUESTIONS = {"distress": "asker_distress", "situation": "asker_situation"}
"""The `asker_wellbeing` fields and the questions they answer."""


def label_for(key: str, value: str) -> str:
    """The Japanese label of one value of the structured summary, worded as the sheet and buttons word it.

    `key` is a summary key (`asker`, `concerns`, `urgency`, `unanswered`, `distress`, …) or an intake
    question key; the concerns read with the assessment's names (経済的困窮 …), other options with
    their button labels. Typed words, and values with no label, come back unchanged.
    """
    key = WELLBEING_QUESTIONS.get(key, key)
    if key == "district":
        district = current_content().district(value)
        return district.name if district else value
    if key in LABEL_PREFIXES:
        entry = f"{LABEL_PREFIXES[key]}.{value}"
    elif key in BY_KEY:
        entry = f"opt.{key}.{value}"
    else:
        return value
    return catalog.entries().get(entry, value)


def answers_in(data: Mapping[str, Any]) -> Answers:
    """The intake answers stored in conversation data."""
    answers: Answers = data.get("intake", {}).get("answers", {})
    return answers


def _single(answers: Answers, key: str) -> str | None:
    """The chosen option id, or the typed words, of a one-answer question; None when unanswered."""
    answer = answers.get(key, {})
    value = answer.get("choice", answer.get("words"))
    return str(value) if value is not None else None


def _many(answers: Answers, key: str) -> list[str]:
    """The chosen option ids of a several-answer question."""
    return [str(choice) for choice in answers.get(key, {}).get("choices", [])]


def _is_answered(answers: Answers, key: str) -> bool:
    """Whether the person chose or wrote anything for the question."""
    answer = answers.get(key, {})
    return bool(answer.get("choice") or answer.get("choices") or answer.get("words"))


class IntakeSummary(TypedDict):
    """The structured 相談受付票: option ids, typed words, and what was left unanswered."""

    asker: str | None
    relation: str | None
    age_band: str | None
    duration: str | None
    concerns: list[str]
    urgency: str
    urgency_reasons: list[str]
    hopes: list[str]
    contact: str | None
    contact_times: str | None
    considerations: str | None
    district: str | None
    own_words: dict[str, str]
    unanswered: list[str]
    asker_wellbeing: dict[str, str | None] | None


SUMMARY_KEYS = tuple(IntakeSummary.__annotations__)
"""The structured keys; `asker_wellbeing` (family askers' own distress and situation) is an addition."""


def build_summary(data: Mapping[str, Any]) -> IntakeSummary:
    """The structured summary of the intake and urgency stored in conversation data."""
    answers = answers_in(data)
    keys = {question.key for question in asked(answers)}
    urgency = data.get("urgency", {})
    family = asker_of(answers) == "family"
    return {
        "asker": asker_of(answers),
        "relation": _single(answers, "relation") if "relation" in keys else None,
        "age_band": _single(answers, "age_band"),
        "duration": _single(answers, "duration"),
        "concerns": _many(answers, "concerns"),
        "urgency": urgency.get("level", "normal"),
        "urgency_reasons": list(urgency.get("reasons", [])),
        "hopes": _many(answers, "hopes"),
        "contact": _single(answers, "contact"),
        "contact_times": _single(answers, "contact_times"),
        "considerations": _single(answers, "considerations"),
        "district": _single(answers, "district"),
        "own_words": {
            key: answers[key]["words"] for key in OWN_WORDS_KEYS if answers.get(key, {}).get("words")
        },
        "unanswered": [q.key for q in asked(answers) if not _is_answered(answers, q.key)],
        "asker_wellbeing": {
            "distress": _single(answers, "asker_distress"),
            "situation": _single(answers, "asker_situation"),
        }
        if family
        else None,
    }


def _shown(answers: Answers, key: str) -> str | None:
    """How one answer reads on the sheet: option labels, or the typed words in 「」."""
    answer = answers.get(key, {})
    question = BY_KEY[key]
    if answer.get("choices"):
        names = [_concern_or_label(key, choice) for choice in answer["choices"]]
        return catalog.text("summary.separator").join(names)
    if answer.get("choice"):
        return question.label(str(answer["choice"]))
    if answer.get("words"):
        return catalog.text("summary.quote", words=answer["words"])
    return None


def _concern_or_label(key: str, choice: str) -> str:
    """Concerns read with the assessment's names; other options with their button labels."""
    return catalog.text(f"concern.{choice}") if key == "concerns" else BY_KEY[key].label(choice)


def _line(key: str, value: str | None) -> str | None:
    """One sheet line, or None when there is nothing to show."""
    return catalog.text(f"summary.{key}", value=value) if value else None


def summary_text(data: Mapping[str, Any]) -> str:
    """The 相談受付票 as short Japanese text, in the order a CSW reads it."""
    answers = answers_in(data)
    summary = build_summary(data)
    none = catalog.text("summary.none")
    asker = catalog.text(f"asker.{summary['asker']}")
    relation = _shown(answers, "relation") if summary["relation"] else None
    urgency = catalog.text(f"urgency.{summary['urgency']}")
    if summary["urgency_reasons"]:
        reasons = catalog.text("summary.separator").join(summary["urgency_reasons"])
        urgency = catalog.text("summary.reason", level=urgency, reasons=reasons)
    district = current_content().district(summary["district"])
    concern_words = answers.get("concerns", {}).get("words")
    wellbeing = [_shown(answers, key) for key in ("asker_distress", "asker_situation")]
    unanswered = [catalog.text(f"question.{key}") for key in summary["unanswered"]]
    contact = _shown(answers, "contact")
    times = _shown(answers, "contact_times")
    lines = [
        catalog.text("summary.title"),
        _line(
            "asker",
            catalog.text("summary.with_relation", asker=asker, relation=relation) if relation else asker,
        ),
        _line("age_band", _shown(answers, "age_band")),
        _line("duration", _shown(answers, "duration")),
        _line("concerns", _shown(answers, "concerns")),
        _line(
            "concerns_words", catalog.text("summary.quote", words=concern_words) if concern_words else None
        ),
        _line("urgency", urgency),
        _line("hopes", _shown(answers, "hopes")),
        _line("district", district.name if district else None),
        catalog.text("summary.contact", value=contact or none, times=times or none)
        if contact or times
        else None,
        _line("considerations", _shown(answers, "considerations")),
        _line("asker_wellbeing", catalog.text("summary.slash").join(w for w in wellbeing if w)),
        _line("own_words", _shown(answers, "own_words")),
        _line(
            "unanswered",
            catalog.text("summary.separator").join(unanswered) or catalog.text("summary.nothing_left"),
        ),
    ]
    return "\n".join(line for line in lines if line)
