"""Result types and the fixed label vocabularies of free-text understanding."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

CrisisLevel = Literal["crisis", "urgent", "none"]

CRISIS_LEVELS: tuple[CrisisLevel, ...] = ("crisis", "urgent", "none")

CONCERNS: tuple[str, ...] = (
    "economic",
    "debt",
    "illness",
    "disability",
    "budgeting",
    "housing",
    "job_search",
    "withdrawal",
    "mental_health",
    "childcare_education",
    "family_relations",
    "caregiving",
    "isolation",
    "violence",
)

INTENTS: tuple[str, ...] = (
    "faq.what_is",
    "faq.who_can_use",
    "faq.cost",
    "faq.hours",
    "faq.how_to_reach",
    "faq.family_alone",
    "faq.confidentiality",
    "faq.outreach",
    "faq.ibasho",
    "faq.family_group",
    "service.self_reliance",
    "service.housing_benefit",
    "service.temporary_living",
    "service.employment_prep",
    "service.household_budget",
    "service.child_learning",
    "service.withdrawal_support",
    "service.health_center",
    "service.elderly_center",
    "service.hello_work",
    "cmd.skip",
    "cmd.back",
    "cmd.later",
    "cmd.restart",
    "cmd.stop",
    "cmd.delete",
    "cmd.menu",
    "cmd.human",
    "cmd.yes",
    "cmd.no",
    "cmd.help",
)

LABELS: frozenset[str] = frozenset(
    ("crisis", "urgent", *(f"concern:{c}" for c in CONCERNS), *(f"intent:{i}" for i in INTENTS))
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One lexicon match: the label it supports, the user's words, and the lexicon rule."""

    label: str
    matched: str
    rule: str


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a message is about: crisis level, concern ids, intent ids, and the evidence for each."""

    crisis: CrisisLevel
    concerns: tuple[str, ...]
    intents: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self, text: str) -> dict[str, object]:
        """Return the JSON-ready record for text and this result."""
        return {
            "text": text,
            "crisis": self.crisis,
            "concerns": list(self.concerns),
            "intents": list(self.intents),
            "evidence": [{"label": e.label, "matched": e.matched, "rule": e.rule} for e in self.evidence],
        }

    def to_json(self, text: str) -> str:
        """Return the record for text and this result as one line of JSON (UTF-8, not escaped)."""
        return json.dumps(self.to_dict(text), ensure_ascii=False)
