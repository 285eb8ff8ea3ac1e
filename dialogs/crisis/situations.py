"""The situations the crisis path tells apart, who is hurt in each, and how long a reply is remembered."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from dialogs.content import (
    UrgentSituation,
)

Situation = Literal[
    "child",
    "child_dying",
    "neglect",
    "violence",
    "at_home",
    "home_violence",
    "parent",
    "grown_child",
    "suicidal",
    "relative_suicidal",
    "relative_self_harm",
    "overdose",
    "self_harm",
    "unseen",
    "missing",
    "family",
]
"""Which lines fit: a child being hurt, a child given no food (neglect: 189 and children's lines, not 110),
violence from a partner, violence from someone at home the words do not name (`at_home`: things thrown,
shouting now; safety first, never the partner wording), violence from a grown child at home, a parent
afraid of hurting (or who has hurt) their own child under 18, or a grown child (`grown_child`: keep apart,
110, the lines for violence at home; never a crib or 189), thoughts of dying (the default), a relative's
words about dying told by the family (how to be with them, and lines that hear the family), a parent who
found their child's self-harm (the same, with 119 for a deep wound), pills already taken (119 first, then
the lines for thoughts of dying), cutting (care of the wound, 119 if deep, then the same lines), or
someone living alone unseen and not answering (110 for a welfare check, 119; no lines), a relative gone
out and not found, often an elderly parent with dementia at night (110 now; no lines), or a grown-up
hurt by a parent or another relative at home (`family`: the lines for violence, never the partner
wording nor 189)."""

SITUATIONS: tuple[Situation, ...] = (
    "suicidal",
    "child_dying",
    "relative_suicidal",
    "relative_self_harm",
    "violence",
    "at_home",
    "home_violence",
    "child",
    "neglect",
    "parent",
    "grown_child",
    "overdose",
    "self_harm",
    "unseen",
    "missing",
    "family",
)

LINES_FOR: dict[Situation, str] = {
    "child_dying": "child_talk",
    "overdose": "suicidal",
    "self_harm": "suicidal",
    "neglect": "child",
    "grown_child": "home_violence",
    "relative_self_harm": "relative_suicidal",
    "at_home": "violence",
    "family": "violence",
}
"""Situations whose hotlines are another situation's (the content lists none for an overdose or cutting)."""

LINES_TOO: dict[Situation, str] = {"child_dying": "child"}
"""Lines that follow a situation's own: a child thinking of dying hears 子供SOS first, then 189."""

PARTNER_ONLY_KINDS = frozenset({"violence"})
"""The kinds of a line only for violence from a partner (DV相談＋, #8008): never for a grown-up hurt by a
parent (`family`)."""


Hurt = Literal["child", "neglected", "partner", "parent", "own_child", "at_home", "by_parent"]
"""Who is being hurt in the conversation: the writer as a child (hit, or given no food), the writer by a
partner, the writer by someone at home not named (`at_home`), a parent by a grown child at home, or
the writer's own child by the writer, or the writer, a grown-up, by a parent (`by_parent`)."""

CHILD_HURTS: tuple[Hurt, ...] = ("child", "neglected")
"""The writer is a child being hurt or left without food: the children's lines fit what follows."""

HURT_IN: dict[Situation, Hurt] = {
    "child": "child",
    "neglect": "neglected",
    "violence": "partner",
    "at_home": "at_home",
    "home_violence": "parent",
    "parent": "own_child",
    "family": "by_parent",
}

SITUATION_OF_HURT: dict[Hurt, Situation] = {hurt: situation for situation, hurt in HURT_IN.items()}

DOERS_OF_HURT: dict[Hurt, tuple[str, ...]] = {
    "child": ("parent",),
    "neglected": ("parent",),
    "partner": ("partner",),
    "parent": ("child", "sibling"),
    "own_child": ("self",),
    "at_home": (),
    "by_parent": ("parent",),
}
"""Who hurts (as `dialogs.violence` names people) when the conversation knows this one is hurt."""

HURT_OF_ANSWERED: dict[Situation, Hurt] = {**HURT_IN, "grown_child": "own_child"}
"""Who is hurt in each situation answered for violence (a parent afraid of hitting a grown child too)."""

VIOLENCE_KINDS = frozenset({"violence", "child_abuse", "harm_to_others"})
"""Crisis kinds that tell of someone hurting someone."""

LATER_TOO: frozenset[Situation] = frozenset({"parent"})
"""Situations whose own lines closed now are named with their hours even when another is open: a
parent afraid of hurting their child hears of the city's 子育て相談 for the daytime, beside 189."""

REPEAT_WITHIN = timedelta(hours=12)
"""A crisis reply within this time of the last one is the brief, different one."""

AFTER_CRISIS_WITHIN = timedelta(hours=6)
"""A short reply within this time of a crisis reply is read as a reply to it (「別に」「けいさつはやだ」)."""

RISK_ASKED_WITHIN = timedelta(hours=12)
"""The gentle question about thoughts of dying is asked at most once in this time."""

URGENT_KIND_SITUATIONS: dict[str, UrgentSituation] = {
    "no_shelter": "no_place_tonight",
    "eviction": "losing_home",
    "no_food": "no_food",
    "utilities": "utilities_cut",
}
"""Crisis kinds of an urgent reading and the content's situation each calls for."""

UNNAMED_URGENT_SITUATIONS: tuple[UrgentSituation, ...] = ("no_place_tonight", "no_food", "utilities_cut")
"""What an urgent reading that names no situation is told: tonight's needs."""

CALL_YES: tuple[Situation, ...] = ("overdose", "self_harm", "unseen", "missing")
"""Situations whose question 'should I call?' gets its own plain yes: 119 after pills or cutting, 110
for someone unseen or missing; any other gets the general answer."""

WITHOUT_LINES: frozenset[Situation] = frozenset({"unseen", "missing"})
"""Situations whose reply names 110 and 119 only: a neighbour checking on someone needs no hotline."""

DYING_BESIDE: frozenset[Situation] = frozenset({"violence", "home_violence"})
"""Situations beside which thoughts of dying in the same message are answered too (the direct question)."""

VIOLENCE_AT_HOME: tuple[Situation, ...] = ("family", "at_home", "violence")
"""Replies to violence at home told by someone not yet known to be a child."""

EXPOSED_AFTER: tuple[Situation, ...] = ("violence", "at_home", "home_violence", "family")
"""Replies to violence at home after which a child said to be afraid is a child exposed to it."""

AFRAID_NOW_SITUATIONS: dict[str, tuple[Situation, ...]] = {"partner": ("violence",)}
"""The lines for one afraid right now, by who was hurt before: a partner's violence gets the DV line;
anyone else hurt at home (a grandson, a son) the lines for violence at home."""

QUESTION_FRESH = timedelta(minutes=30)
"""A bare typed 「はい」 within this time of a question about dying is its answer, and the question is
not asked again within it."""

WORDLESS_WITHIN = timedelta(minutes=30)
"""How soon after a reply to thoughts of dying a message without words (「😢」) is heard as part of it."""

YOUNG_TOO: tuple[Situation, ...] = ("suicidal", "family")
"""Replies that name the children's lines too when the writer may be a child, age unknown."""

ELDERS = frozenset({"parent", "grandparent"})
"""Who, hurt by another relative, is an elderly person the writer worries about (高齢者虐待)."""

ELDER_HURTERS = frozenset({"sibling", "child", "grandchild", "other_family"})
"""Relatives who, shouting at or hitting an elder, make it a worry for 地域包括支援センター (not the writer's
partner: DV; not a parent hitting the other: the writer may be a child at home)."""

ELDER_SELF_HURTERS = frozenset({"grandchild", "child"})
"""Who, hurting the elderly writer herself (「まごに たたかれたことも あります」), makes it 高齢者虐待."""

HARMED: tuple[Situation, ...] = ("overdose", "self_harm")
"""Situations in which the body is in danger: what the person says of it afterwards gets 119 again."""

MEANS_ASKED_WITHIN = timedelta(minutes=15)
"""The direct question asked less than this long ago is not asked again beside a means still at hand."""

CARER_HURTS = frozenset({"violence", "harm_to_others", "child_abuse"})
"""Readings of harm that, from a carer of an elderly parent, are the carer's own hand (the learned layer
reads 「このままだと殴ってしまいそう」 as a parent and a child, 「ゆすってしまった」 as a victim's words)."""

CARER_TOLD: frozenset[Situation] = frozenset({"parent", "child", "violence", "at_home", "home_violence"})
"""Situations pieces joined after a carer's reply may seem to tell (a parent's, a victim's): his, answered."""

PLACE_AFTER_WISH_WITHIN = timedelta(hours=1)
"""A place named this soon after a reply to thoughts of dying is read as where the person is now."""
