"""Result types and the fixed label vocabularies of free-text understanding."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from dialogs.content import FAQ_INTENTS, SERVICE_IDS

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

COMMAND_INTENTS: tuple[str, ...] = (
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

INTENTS: tuple[str, ...] = (
    *FAQ_INTENTS,
    *(f"service.{service}" for service in SERVICE_IDS),
    *COMMAND_INTENTS,
)
"""FAQ and service intents are the municipality content's own ids, so the two cannot drift apart."""

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
