"""Result types and the fixed label vocabularies of free-text understanding."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal, get_args

from dialogs.content import FAQ_INTENTS, QUESTION_IDS, SERVICE_IDS

CrisisLevel = Literal["crisis", "urgent", "none"]

CRISIS_LEVELS: tuple[CrisisLevel, ...] = ("crisis", "urgent", "none")

CrisisKind = Literal[
    "suicidal",
    "self_harm",
    "overdose",
    "violence",
    "child_abuse",
    "harm_to_others",
    "no_shelter",
    "no_food",
    "utilities",
    "eviction",
    "unseen",
    "payment_demand",
]
"""What kind of danger or urgent need a crisis/urgent reading is about, so replies can fit the moment:
`unseen` is someone living alone, not seen for days and not answering (they may be lying inside);
`payment_demand` a court's 支払督促, which must be answered within two weeks."""

CRISIS_KINDS: tuple[CrisisKind, ...] = get_args(CrisisKind)

About = Literal["self", "other", "unknown"]
"""Whom a concern or entity is about: the writer (相談者), the person written about (ご本人), or unclear."""

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

TALK_INTENTS: tuple[str, ...] = (
    "talk.greeting",
    "talk.thanks",
    "talk.guidance",
    "talk.listen",
    "talk.privacy_fear",
    "talk.addition",
    "talk.no_police",
    "talk.child_guidance",
    "talk.dismiss",
    "talk.language",
    "talk.just_looking",
    "talk.own_burden",
    "talk.entrust",
    "talk.sleepless",
    "talk.police_neighbours",
    "talk.when_reply",
    "talk.goodnight",
    "talk.deleted_check",
    "talk.withdraw",
    "talk.ask_emergency_call",
    "talk.worried",
    "talk.write_again",
    "talk.consider",
    "talk.goodbye",
    "talk.losing_phone",
    "talk.privacy_ai",
    "talk.privacy_work",
    "talk.privacy_staff",
    "talk.privacy_kept",
    "talk.privacy_line",
    "talk.young_carer",
    "talk.hiding_job_loss",
    "talk.daytime_hard",
    "talk.blame_fear",
    "talk.returning",
)
"""Conversational turns: greeting, thanks, asking what to do, wanting only to be heard, fear of being
seen, something to add for the person in charge; and, after a crisis reply, not wanting the police,
asking what a 児童相談所 is, or waving it off (「別に」「もういい」); saying Japanese is hard, only
looking, a family member's own burden, leaving it to the person in charge (「ほなよろしく頼むわ」), a
sleepless night, the neighbours knowing if the police come, when the reply comes, going to sleep,
asking whether what was deleted is really gone (「ほんとに消えた？」), taking back what was sent
(「さっき送ったの取り消せますか」), asking whether to call an ambulance or the police
(「救急車呼んだほうがいいですか」); fear of what lies ahead (「この先どうなるのかと思うと」), asking whether
one may write again (「また明日連絡してもいいですか」); thinking of consulting (「相談しようかな」), a goodbye
(「また何かあれば連絡します」), a phone about to be cut (「ケイタイモ モウスグ トマル」); questions
on privacy: AI training, whether the city reads it, how long records stay, whether LINE reads it; the
fear of being scolded or blamed for consulting (「怒られたりしない？親のくせにって」); a person coming back
(「昨日相談した者です」)."""

INTENTS: tuple[str, ...] = (
    *QUESTION_IDS,
    *FAQ_INTENTS,
    *(f"service.{service}" for service in SERVICE_IDS),
    *COMMAND_INTENTS,
    *TALK_INTENTS,
)
"""FAQ and service intents are the municipality content's own ids, so the two cannot drift apart."""

LABELS: frozenset[str] = frozenset(
    (
        "crisis",
        "urgent",
        "possible_risk",
        *(f"concern:{c}" for c in CONCERNS),
        *(f"intent:{i}" for i in INTENTS),
    )
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One lexicon match: the label it supports, the user's words, and the lexicon rule."""

    label: str
    matched: str
    rule: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A fact for the intake found in free text: kind (relation, age, age_band, duration, district,
    contact, hope, hope_choice), its normalised value, whom it is about, and the words it came from."""

    kind: str
    value: str
    about: About
    matched: str


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a message is about: crisis level, concern ids, intent ids, and the evidence for each.

    `crisis_kinds` says what a crisis or urgent reading is about; `possible_risk` marks signs short of
    crisis (exhaustion, 限界, wishing to rest for good) so the dialog can ask one gentle, direct question;
    `concern_about` pairs each concern with whom it is about; `entities` carry intake facts;
    `language` is "ja" or "en" (the reply language can follow).
    """

    crisis: CrisisLevel
    concerns: tuple[str, ...]
    intents: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    crisis_kinds: tuple[CrisisKind, ...] = ()
    possible_risk: bool = False
    concern_about: tuple[tuple[str, About], ...] = ()
    entities: tuple[Entity, ...] = field(default=())
    language: Literal["ja", "en"] = "ja"

    def learned_only(self, label: str) -> bool:
        """Tell whether only the learned layer gave this label (no rule of the lexicons did)."""
        rules = [e.rule for e in self.evidence if e.label == label]
        return bool(rules) and all(rule.startswith("model:") for rule in rules)

    def to_dict(self, text: str) -> dict[str, object]:
        """Return the JSON-ready record for text and this result."""
        return {
            "text": text,
            "crisis": self.crisis,
            "concerns": list(self.concerns),
            "intents": list(self.intents),
            "evidence": [{"label": e.label, "matched": e.matched, "rule": e.rule} for e in self.evidence],
            "crisis_kinds": list(self.crisis_kinds),
            "possible_risk": self.possible_risk,
            "concern_about": [list(pair) for pair in self.concern_about],
            "entities": [
                {"kind": e.kind, "value": e.value, "about": e.about, "matched": e.matched}
                for e in self.entities
            ],
            "language": self.language,
        }

    def to_json(self, text: str) -> str:
        """Return the record for text and this result as one line of JSON (UTF-8, not escaped)."""
        return json.dumps(self.to_dict(text), ensure_ascii=False)
