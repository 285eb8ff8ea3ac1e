"""The 相談受付票 as data: its questions, their options, and when each one is asked.

Answers are stored per question key in `data["intake"]["answers"]`, each as a small dict:
`{"choice": id}` (one option), `{"choices": [ids]}` (several), `{"words": text}` (typed, kept
verbatim), or `{"choices": [...], "words": text}` (concerns: options plus the person's words).
Skipped questions are listed in `data["intake"]["skipped"]`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dialogs import catalog
from dialogs.content import current_content
from dialogs.understanding.model import CONCERNS

Answers = Mapping[str, Mapping[str, Any]]
Applies = Callable[[Answers], bool]

FAMILY_RELATIONS = ("parent", "sibling", "spouse", "child", "grandparent", "other_family")
SUPPORTER_RELATIONS = (
    "minsei",
    "care_manager",
    "school",
    "community_center",
    "welfare_staff",
    "friend",
    "other_supporter",
)


def asker_of(answers: Answers) -> str:
    """Who is asking: `self`, `family`, `supporter`, or `unknown` when not (yet) answered."""
    return str(answers.get("asker", {}).get("choice", "unknown"))


def family_or_supporter(answers: Answers) -> bool:
    """The relation question is asked of family members and supporters."""
    return asker_of(answers) in {"family", "supporter"}


def family_member(answers: Answers) -> bool:
    """The asker's own wellbeing is asked of family members."""
    return asker_of(answers) == "family"


def _fixed(*ids: str) -> Callable[[Answers], tuple[str, ...]]:
    """Options that do not depend on earlier answers."""

    def options(_: Answers) -> tuple[str, ...]:
        return ids

    return options


def _relations(answers: Answers) -> tuple[str, ...]:
    """Relations to offer: family ties for family members, roles for supporters."""
    return FAMILY_RELATIONS if asker_of(answers) == "family" else SUPPORTER_RELATIONS


def _districts(_: Answers) -> tuple[str, ...]:
    """The municipality's districts, from content."""
    return tuple(district.id for district in current_content().districts)


@dataclass(frozen=True)
class Question:
    """One question of the form: its key, options, and how it may be answered."""

    key: str
    options: Callable[[Answers], tuple[str, ...]]
    multi: bool = False
    free_text: bool = False
    page_size: int = 0
    when: Applies | None = None
    by_asker: bool = False

    def applies(self, answers: Answers) -> bool:
        """Whether this question is asked, given the answers so far."""
        return self.when is None or self.when(answers)

    def label(self, option: str) -> str:
        """The button label of one option."""
        if self.key == "district":
            district = current_content().district(option)
            return district.name if district else option
        return catalog.text(f"opt.{self.key}.{option}")

    def aliases(self, option: str) -> tuple[str, ...]:
        """Words a person may type for an option: its label and any catalog aliases."""
        extra = catalog.entries().get(f"alias.{self.key}.{option}", "")
        return (self.label(option), *(word for word in extra.split(",") if word))


QUESTIONS: tuple[Question, ...] = (
    Question("asker", _fixed("self", "family", "supporter")),
    Question("relation", _relations, free_text=True, when=family_or_supporter),
    Question("age_band", _fixed("under_18", "18_39", "40_64", "65_plus"), by_asker=True),
    Question(
        "duration", _fixed("under_6m", "6m_1y", "1y_3y", "3y_10y", "over_10y"), free_text=True, by_asker=True
    ),
    Question("concerns", _fixed(*CONCERNS), multi=True, free_text=True, page_size=7),
    Question("hopes", _fixed("listen", "info", "connect", "visit", "ibasho"), multi=True, free_text=True),
    Question("district", _districts, page_size=7),
    Question("contact", _fixed("line", "phone", "email", "visit")),
    Question(
        "contact_times",
        _fixed(
            "weekday_morning", "weekday_afternoon", "weekday_daytime", "weekday_evening", "weekend", "anytime"
        ),
        free_text=True,
    ),
    Question("considerations", _fixed("none"), free_text=True),
    Question("asker_distress", _fixed("very_hard", "hard", "managing"), when=family_member),
    Question("asker_situation", _fixed("none"), free_text=True, when=family_member),
    Question("own_words", _fixed("none"), free_text=True),
)
BY_KEY: Mapping[str, Question] = {question.key: question for question in QUESTIONS}


def asked(answers: Answers) -> tuple[Question, ...]:
    """The questions this person is asked, in order, given their answers so far."""
    return tuple(question for question in QUESTIONS if question.applies(answers))


def _scored(question: Question, answers: Answers, text: str) -> list[tuple[int, str]]:
    """(length of the longest word found, option) for each option typed text names, best first."""
    scored = []
    for option in question.options(answers):
        lengths = [len(word) for word in question.aliases(option) if word in text]
        if lengths:
            scored.append((max(lengths), option))
    return sorted(scored, key=lambda pair: -pair[0])


def match_options(question: Question, answers: Answers, text: str) -> tuple[str, ...]:
    """Every option typed text names, best match first."""
    return tuple(option for _, option in _scored(question, answers, text))


AGE_BANDS = ((18, "under_18"), (40, "18_39"), (65, "40_64"), (200, "65_plus"))
"""Upper age bound (exclusive) of each age band."""

_AGE = re.compile(r"(\d{1,3})\s*(?:歳|才|代)")


_BARE_NUMBER = re.compile(r"\s*(\d{1,3})\s*(?:です|歳|才|さい)?\s*[。.]?\s*")
MAX_AGE = 110


def age_band_in(text: str) -> str | None:
    """The age band of an age typed as '45歳' or '40代'; None when there is none."""
    found = _AGE.search(unicodedata.normalize("NFKC", text))
    if found is None:
        return None
    age = int(found[1])
    return next(band for bound, band in AGE_BANDS if age < bound)


_NUMBER_WITH_UNIT = re.compile(
    r"(?<!\d)(\d{1,3})(?!\d)\s*(年|ヶ月|か月|カ月|ヵ月|月|日|時|分|円|万|人|回|%|キロ|kg|cm)?"
)
SHORT_ANSWER_CHARS = 20
"""A reply at the age question this short, with one number and no unit, names an age (「もうすぐ41」)."""


def _band_of(age: int) -> str | None:
    """The age band of an age; None when it cannot be a person's age."""
    return next(band for bound, band in AGE_BANDS if age < bound) if 0 < age <= MAX_AGE else None


def age_band_answered(text: str) -> str | None:
    """The age band of an age typed at the age question: '45歳', '40代', the number alone ('34'), or
    one number without a unit in a short reply ('今年で41になります', 'もうすぐ41')."""
    plain = unicodedata.normalize("NFKC", text).strip()
    bare = _BARE_NUMBER.fullmatch(plain)
    if bare is not None:
        return _band_of(int(bare[1]))
    typed = age_band_in(text)
    if typed is not None or len(plain) > SHORT_ANSWER_CHARS:
        return typed
    numbers = _NUMBER_WITH_UNIT.findall(plain)
    return _band_of(int(numbers[0][0])) if len(numbers) == 1 and not numbers[0][1] else None


_UNITLESS_NUMBER = re.compile(r"\s*(\d{1,2})\s*(?:です|くらい|ぐらい|位|かな|ほど)?\s*[。.]?\s*")


def unitless_number(text: str) -> int | None:
    """A number typed alone, without 年 or か月 (「17」「17くらい」), which as a length of time is unclear."""
    found = _UNITLESS_NUMBER.fullmatch(unicodedata.normalize("NFKC", text))
    return int(found[1]) if found is not None and int(found[1]) > 0 else None


def pick_option(question: Question, answers: Answers, text: str) -> str | None:
    """The one option typed text names: the only or clearly best match; None when unclear."""
    if question.key == "age_band":
        return age_band_answered(text)
    scored = _scored(question, answers, text)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]
