"""The draft 相談受付票: what every typed message tells us, gathered as the person writes.

Not a flow of its own. The engine calls `listen` on each typed message before it is dispatched,
so free text fills the form wherever it is written (menu, a question, after a crisis): concerns
with whom they are about, intake entities (relation, age, duration, district, contact, hope), and
the person's own words, kept bounded. An answer filled from text is marked `from_text`; the form
then does not ask that question again (the review shows it, and 「戻る」 reaches it to correct).
An answer the person chose or typed at the question itself is never overwritten from text.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any

from dialogs import catalog, fragments
from dialogs.content import current_content
from dialogs.dialog import Dialog
from dialogs.flows.languages import asks_for_line_in_english, reply_language
from dialogs.intake_form import AGE_BANDS, BY_KEY, FAMILY_RELATIONS, SUPPORTER_RELATIONS, age_band_in
from dialogs.understanding.classifier import classify
from dialogs.understanding.entities import (
    LATE_NIGHT,
    RELATIVE_TO_RELATION,
    SELF_DESCRIPTIONS,
    lives_apart_told,
    relative_named,
    words_pattern,
)
from dialogs.understanding.model import (
    COMMAND_INTENTS,
    CONCERNS,
    CRISIS_KINDS,
    About,
    Entity,
    Evidence,
    Understanding,
)
from dialogs.violence import PEOPLE, VIOLENCE_DENIED, names_partner, who_hurts

HEARD_CHARS = 5000
"""How much of one message the draft keeps: LINE's own limit, so a message is kept whole (a longer
text, never sent through LINE, keeps its start, marked as cut)."""

HEARD_LIMIT = 200
"""How many of the person's messages the draft keeps, far above a real conversation."""

HEARD_TOTAL_CHARS = 60000
"""How many characters of the person's words the draft keeps in all."""

HEARD_FIRST = 10
"""Beyond either bound the first messages (usually the whole story) and the latest stay; those in
between are counted (「…ほかN件」) where they were."""

ASKERS = ("self", "family", "supporter")


def empty_form() -> dict[str, Any]:
    """A form with nothing in it yet."""
    return {"answers": {}, "skipped": [], "page": 0, "resume": None, "heard": []}


def form_of(dialog: Dialog) -> dict[str, Any]:
    """The form in progress (created empty when there is none)."""
    stored: dict[str, Any] = dialog.data.setdefault("intake", empty_form())
    stored.setdefault("heard", [])
    return stored


def _fill(answers: dict[str, Any], key: str, value: str, *, guess: bool = False) -> bool:
    """Fill an unanswered single-answer field from text; False when it already had an answer.

    What a later message says replaces what an earlier one said (「すみません、東台地区でした」), but
    never an answer chosen or typed at the question. A `guess` (who is asking, inferred rather than
    said) is replaced by anything said outright and replaces nothing.
    """
    earlier = answers.get(key, {})
    said_before = earlier.get("from_text") and not (guess and not earlier.get("guess"))
    if said_before and earlier.get("choice") != value:
        answers.pop(key)
    elif earlier.get("choice") or earlier.get("words"):
        return False
    if guess:
        answers[key] = {"choice": value, "from_text": True, "guess": True}
        return True
    answers[key] = {"choice": value, "from_text": True}
    return True


def _relation(answers: dict[str, Any], entity: Entity) -> list[str]:
    """Fill who is asking from 「家族のことで」 (family, relation not yet known); the keys filled."""
    return ["asker"] if entity.value in ASKERS and _fill(answers, "asker", entity.value) else []


def _writer_known(answers: dict[str, Any]) -> bool:
    """Whether who is writing is already known: the relation, or an asker said (not guessed) as self."""
    asker = answers.get("asker", {})
    said_self = asker.get("choice") == "self" and not asker.get("guess")
    return _is_filled(answers, "relation") or said_self


def _is_filled(answers: dict[str, Any], key: str) -> bool:
    """Whether a single-answer field holds a choice or words."""
    return bool(answers.get(key, {}).get("choice") or answers.get(key, {}).get("words"))


def _writer(answers: dict[str, Any], entity: Entity) -> list[str]:
    """Fill who is asking and their relation from what the writer says of themself; the keys filled.

    A self-introduction (「母です」) says it outright; whom they consult about (「息子のことで」) fills
    it only while it is not known, so a wife or a mother named later never changes it; 「自分のこと
    です」 says the writer asks for themself.
    """
    if entity.value == "self":
        if not _fill(answers, "asker", "self"):
            _mark_introduced(answers, "self", entity)
            return []
        _mark_introduced(answers, "self", entity)
        if answers.get("relation", {}).get("from_text"):
            answers.pop("relation")  # 「家族じゃなくて本人です」: no relative is whom the form is about
        return ["asker"]
    if entity.value not in (*FAMILY_RELATIONS, *SUPPORTER_RELATIONS):
        return []
    if entity.about != "self" and _writer_known(answers):
        return []
    asker = "supporter" if entity.value in SUPPORTER_RELATIONS else "family"
    filled = ["asker"] if _fill(answers, "asker", asker) else []
    _mark_introduced(answers, asker, entity)
    if answers["asker"].get("choice") == asker and _fill(answers, "relation", entity.value):
        filled.append("relation")
    return filled


def _mark_introduced(answers: dict[str, Any], asker: str, entity: Entity) -> None:
    """Mark who is asking as said by the writer of themself (「50代の父親です」「本人です」), not read
    from whom they write about (「息子が…」): the role question is then not asked again."""
    if entity.about == "self" and answers.get("asker", {}).get("choice") == asker:
        answers["asker"]["introduced"] = True


def _others_ask(answers: dict[str, Any]) -> bool:
    """Whether a family member or supporter is asking (the form is about someone else)."""
    return answers.get("asker", {}).get("choice") in ("family", "supporter")


def _about_the_person(answers: dict[str, Any], entity: Entity) -> bool:
    """Whether a fact (age, duration) describes the person the form is about.

    The form is about the writer when they ask for themself, else about the person they write about;
    a fact that names no one (「今年で37になります」) is taken as about that person too.
    """
    asker = answers.get("asker", {}).get("choice")
    if _of_another_relative(answers, entity):
        return False
    if asker in ("family", "supporter"):
        return entity.about in ("other", "unknown")
    return entity.about in ("self", "unknown") or asker is None


def _of_another_relative(answers: dict[str, Any], entity: Entity) -> bool:
    """Whether a fact names a relative other than the person the form is about (「母は70で」 from a
    sister writing about her brother). A supporter's relatives are the household they write of
    (「80代のお母さんと50代の息子さん」 from a 民生委員): none of them is another relative."""
    relation = answers.get("relation", {}).get("choice")
    named = relative_named(entity.matched) if entity.about == "other" else None
    supporter = relation in SUPPORTER_RELATIONS
    return relation is not None and named is not None and named != relation and not supporter


SENTENCE_END = re.compile(r"[。!?！？\n]")
"""Where a sentence of a message ends."""


def _age_of_another_named(answers: dict[str, Any], entity: Entity, text: str) -> bool:
    """Whether an age that names no one itself (「小学3年生」) stands in a sentence that names only other
    relatives than the person the form is about (「娘は小学3年生です。」 from a wife writing about her
    husband): the daughter's age, not his."""
    relation = answers.get("relation", {}).get("choice")
    if relation is None or relation in SUPPORTER_RELATIONS or entity.about != "other":
        return False
    if relative_named(entity.matched) is not None:
        return False  # 「母は70で」: _of_another_relative reads it
    sentence = next((part for part in SENTENCE_END.split(text) if entity.matched in part), "")
    named = {RELATIVE_TO_RELATION[word] for word in re.findall(words_pattern(RELATIVE_TO_RELATION), sentence)}
    return bool(named) and relation not in named


def _beside_a_relatives_age(answers: dict[str, Any], entity: Entity) -> bool:
    """Whether the writer gives their own age (「私は55です」) after a relative's was taken as the age
    of the person the form is about (「母は80で」): theirs is kept as the writer's own."""
    if entity.about != "self" or _others_ask(answers) or answers.get("asker", {}).get("choice") == "self":
        return False
    return answers.get("age_band", {}).get("of") == "other"


def _own_age_before_a_relatives(answers: dict[str, Any], entity: Entity) -> None:
    """A relative's age told (「78歳の父の介護をしています」) after an age said alone while no one was
    named (「42歳です」): the earlier age was the writer's own, and the writer is that relative's family."""
    relation = relative_named(entity.matched) if entity.about == "other" else None
    earlier = answers.get("age_band", {})
    if relation is None or _others_ask(answers) or _writer_known(answers):
        return
    if not (earlier.get("from_text") and earlier.get("of") == "unknown"):
        return
    answers["asker_age_band"] = {**answers.pop("age_band"), "of": "self"}
    _writer(answers, Entity("writer", relation, "other", entity.matched))


def _age_band(entity: Entity) -> str | None:
    """The age band an age or age-band entity names."""
    if entity.kind == "age_band":
        return entity.value if entity.value in BY_KEY["age_band"].options({}) else None
    if entity.value.isdigit():
        age = int(entity.value)
        return next((band for bound, band in AGE_BANDS if age < bound), None)
    return age_band_in(entity.value)


def _entity(answers: dict[str, Any], entity: Entity) -> list[str]:
    """Fill the field one entity names, when it is still empty; the keys filled."""
    if entity.kind == "relation":
        return _relation(answers, entity)
    if entity.kind == "writer":
        return _writer(answers, entity)
    if entity.kind in ("age", "age_band"):
        band = _age_band(entity)
        _own_age_before_a_relatives(answers, entity)
        if _beside_a_relatives_age(answers, entity):
            key = "asker_age_band"
            _fill(answers, "asker", "family", guess=True)
        elif _about_the_person(answers, entity):
            key = "age_band"
        elif entity.about == "self":
            key = "asker_age_band"
        else:
            return []  # a child's age told by a parent who writes for herself, or a third relative's
        if not (band and _fill(answers, key, band)):
            return []
        answers[key]["of"] = entity.about
        return [key]
    if entity.kind == "duration" and entity.value in BY_KEY["duration"].options({}):
        if answers.get("duration", {}).get("words") and not answers["duration"].get("choice"):
            answers.pop("duration")  # words typed at the question that told no length (「よくわからない」)
        return ["duration"] if _fill(answers, "duration", entity.value) else []
    if entity.kind == "district" and current_content().district(entity.value):
        return ["district"] if _fill(answers, "district", entity.value) else []
    if entity.kind == "district_words" and not answers.get("district", {}).get("choice"):
        if answers.get("district", {}).get("words") == entity.value:
            return []
        answers["district"] = {"words": entity.value, "from_text": True}
        return ["district"]
    if entity.kind == "contact" and entity.value in BY_KEY["contact"].options({}):
        return ["contact"] if _latest_contact(answers, entity.value) else []
    if entity.kind == "contact_also" and entity.value in BY_KEY["contact"].options({}):
        return _also_contact(answers, entity)
    if entity.kind == "contact_times" and entity.value == LATE_NIGHT:
        return ["contact_times"] if _add_words(answers, "contact_times", entity.matched) else []
    if entity.kind == "contact_times" and entity.value in BY_KEY["contact_times"].options({}):
        if not _fill(answers, "contact_times", entity.value):
            return []
        answers["contact_times"]["words"] = entity.matched
        return ["contact_times"]
    if entity.kind == "consideration":
        earlier = answers.get("considerations", {})
        if earlier.get("choice") == "none" and not earlier.get("words"):
            answers.pop("considerations")  # 「特にない」, then 「夫には内緒にしてほしい」: the caution stands
        return ["considerations"] if _add_words(answers, "considerations", entity.value) else []
    if entity.kind == "line_unsafe":  # 「連絡はLINEだと見られるので」: staff must not write to this LINE
        answers.setdefault("contact", {})[NOT_LINE] = True
        note = "consideration.line_unreadable" if entity.value == "unreadable" else "consideration.no_line"
        kept = _add_words(answers, "considerations", catalog.text(note))
        return ["considerations"] if kept else []
    if entity.kind == "writer_apart":
        return _lives_apart(answers, entity)
    if entity.kind == "writer_together":
        return _lives_together(answers, entity)
    if entity.kind == "hope" and entity.value.strip():
        hopes = answers.setdefault("hopes", {"choices": []})
        words = hopes.get("words", "")
        if entity.value not in words:
            hopes["words"] = f"{words}\n{entity.value}".strip()
        return ["hopes"]
    if entity.kind == "hope_choice" and entity.value in BY_KEY["hopes"].options({}):
        choices = answers.setdefault("hopes", {"choices": []}).setdefault("choices", [])
        if entity.value not in choices:
            choices.append(entity.value)
        return ["hopes"]
    return []


def _lives_apart(answers: dict[str, Any], entity: Entity) -> list[str]:
    """A writer who lives apart and visits (「別に住んでて、週末だけ様子見に行ってる」) is a family member
    (a guess, while no one said otherwise), and that is their own situation on the 受付票."""
    asker = ["asker"] if _fill(answers, "asker", "family", guess=True) else []
    if answers.get("asker", {}).get("choice") != "family":
        return asker
    situation = _add_words(answers, "asker_situation", entity.matched)
    return [*asker, "asker_situation"] if situation else asker


def _lives_together(answers: dict[str, Any], entity: Entity) -> list[str]:
    """A family member who says they live with the person (「いえ、同居しております。離れて暮らしては
    おりません」): the words of living apart read before leave their situation, and these words stand."""
    if asker_of_answers(answers) != "family":
        return []
    situation = answers.get("asker_situation", {})
    if situation.get("from_text") and situation.get("words"):
        kept = [line for line in str(situation["words"]).split("\n") if not lives_apart_told(line)]
        situation["words"] = "\n".join(kept)
    return ["asker_situation"] if _add_words(answers, "asker_situation", entity.matched.rstrip("。")) else []


NOT_LINE = "not_line"
"""Kept on the contact answer when the person said this LINE is not safe to be reached at: what is said
after sending names the way she asked for, never this LINE."""

HOURS_TYPED = re.compile(
    r"\d{1,2}\s?時(?:半|\d{1,2}分)?\s?(?:から|〜|~|-|ー|－)\s?\d{1,2}\s?時(?:半|\d{1,2}分)?"
)
"""Hours of the clock typed as a span (「12時〜13時」「12時から1時」)."""


def line_unsafe(answers: Mapping[str, Any]) -> bool:
    """Whether the person said this LINE is not safe to be contacted at (「LINEだと見られるので」)."""
    return bool(answers.get("contact", {}).get(NOT_LINE))


def contact_time_text(answers: Mapping[str, Any]) -> str:
    """The time to be reached as the person reads it: the option with the hours she typed
    (「平日の日中（12時〜13時）」), her words when no option fits, or empty."""
    answer = answers.get("contact_times", {})
    words = str(answer.get("words", ""))
    hours = HOURS_TYPED.search(unicodedata.normalize("NFKC", words))
    choice = answer.get("choice")
    label = catalog.text(f"opt.contact_times.{choice}") if choice else ""
    if hours and label:
        return catalog.text("draft.time_with_hours", label=label, hours=hours.group(0))
    return label or (hours.group(0) if hours else "")


def _latest_contact(answers: dict[str, Any], way: str) -> bool:
    """A contact wish replaces the earlier one, even one chosen at the question (「やっぱり連絡はLINEで」
    after 電話), and the words naming another way leave the time's words: the sheet says the latest
    wish; False when it is the wish already kept."""
    for other in BY_KEY["contact"].options(answers):
        if other != way:
            _forget_the_way(answers, other)
    earlier = answers.get("contact", {})
    if earlier.get("choice") == way and not earlier.get("also"):
        return False
    unsafe = way != "line" and bool(earlier.get(NOT_LINE))  # she chose LINE again: it is safe now
    answers["contact"] = {"choice": way, "from_text": True, **({NOT_LINE: True} if unsafe else {})}
    return True


CLAUSE = re.compile(r"[^、。,，!?！？\n]+")
"""One clause of the person's words."""


def _forget_the_way(answers: dict[str, Any], way: str) -> None:
    """Take the clauses naming a way of contact no longer wished (「連絡は電話で」 of 「連絡は電話で、平日の
    午後なら出られます」) off the time's words: the sheet says only the latest wish; the time stays."""
    times = answers.get("contact_times", {})
    if not times.get("words"):
        return
    names = BY_KEY["contact"].aliases(way)
    kept = [c.strip() for c in CLAUSE.findall(str(times["words"])) if not any(n in c for n in names)]
    if kept:
        times["words"] = "、".join(kept)
    elif times.get("choice"):
        times.pop("words")


def _also_contact(answers: dict[str, Any], entity: Entity) -> list[str]:
    """Add a way of contact said as also fine (「電話でも大丈夫です」) beside the one already given, with
    the person's words; it is the way of contact when none was given yet."""
    earlier = answers.get("contact", {})
    if earlier.get("choice") in (None, entity.value):
        return ["contact"] if _fill(answers, "contact", entity.value) else []
    earlier.update({"also": entity.value, "words": entity.matched})
    return ["contact"]


def _add_words(answers: dict[str, Any], key: str, words: str) -> bool:
    """Add the person's words to a field not answered at its question; False when it was."""
    earlier = answers.get(key, {})
    if (earlier.get("choice") or earlier.get("words")) and not earlier.get("from_text"):
        return False
    before = earlier.get("words", "")
    if words not in before:
        answers[key] = {"words": f"{before}\n{words}".strip(), "from_text": True}
    return True


TOLD_OF_THE_PERSON = frozenset(("withdrawal", "violence"))
"""Concerns a family member or supporter who names no one (「今は部屋にこもってるけど」) tells of the
person they write about, not of themself."""

GUESSED_OF_THE_PERSON = frozenset(("mental_health", "illness"))
"""Concerns a family member or supporter who names no one tells of the person they write about when
they guess at it (「たぶん心の病気だと思います」): one does not guess at one's own illness."""

GUESS = re.compile(r"思う|思います|思って|みたい|かも|らしい|ようだ|ようです|気がする|気がします|のでは")
"""Words by which a writer guesses at someone's state rather than telling their own."""

MIND_ILLNESS = re.compile(r"(?:心|こころ|精神|メンタル|頭)の?(?:病気|病)")
"""An illness of the mind (「心の病気」): mental health, not a bodily illness."""


HOUSEHOLD_MATTERS = frozenset(("economic", "debt", "housing", "budgeting"))
"""Money and housing worries a family member who names no one goes on telling of the relative's
household (「電気とまったらどうなるんだろう」 after the brother's unpaid bills), not of their own."""

OF_THE_COUPLE = frozenset(("violence", "family_relations"))
"""Concerns a writer tells of themself when they name the partner they live with."""


def _told_of_the_person(concern: str, text: str) -> bool:
    """Whether a concern written without naming anyone is the person's, for a family member."""
    return concern in TOLD_OF_THE_PERSON or (concern in GUESSED_OF_THE_PERSON and bool(GUESS.search(text)))


def _only_of_the_mind(understanding: Understanding, text: str) -> bool:
    """Whether the only illness written of is one of the mind (「兄は心の病気だと思う」)."""
    if "mental_health" not in understanding.concerns or not MIND_ILLNESS.search(text):
        return False
    rest = MIND_ILLNESS.sub("", text)
    words = [e.matched for e in understanding.evidence if e.label == "concern:illness"]
    return all(word not in rest for word in words if word)


def _names_nobody(understanding: Understanding, text: str) -> bool:
    """Whether a message names neither the writer (私, 僕 …) nor a relative."""
    named = any(e.kind in ("relation", "writer") for e in understanding.entities)
    return not named and not any(word in text for word in WRITER_WORDS)


def _written(concern: str, understanding: Understanding, *, model_counts: bool) -> bool:
    """Whether the person wrote of a concern: words the rules read, or, where `model_counts`, a
    statement the learned model reads."""
    rules = any(
        e.label == f"concern:{concern}" and not e.rule.startswith("model:") for e in understanding.evidence
    )
    urgent = any(URGENT_NEEDS.get(kind) == concern for kind in understanding.crisis_kinds)
    return rules or urgent or model_counts


def _rules_read_a_concern(understanding: Understanding) -> bool:
    """Whether the rules read any worry in the message (words the person wrote, not the model's guess)."""
    return any(
        e.label.startswith("concern:") and not e.rule.startswith("model:") for e in understanding.evidence
    )


def _model_counts(text: str, understanding: Understanding, *, asked_other: bool) -> bool:
    """Whether the learned model's reading alone is a worry the person wrote: not on an answer to
    another question (「34」「じぶんのこと」), a message that is only a question to the bot (「車は
    手放さないとだめ？」; a story that ends in a question still tells its worries), a
    parent telling who she is (「シングルで子ども2人育ててます」) or how many children she has
    (「子ども2人おるけん」), a caution (「親には絶対言わないで」:
    school is not a worry there), or a message whose worries the rules
    already read: there the model's extra guesses (暴力 from 「言われて」, 介護 from 「実家で」, school
    from 「この子は」) are not what the person wrote."""
    question = all(s.rstrip().endswith(("?", "？")) for s in SENTENCE_ENDS.split(text) if s.strip())
    introduction = any(word in text for word in SELF_DESCRIPTIONS)
    caution = any(e.kind == "consideration" for e in understanding.entities)
    household = children_count(text) is not None  # 「子ども2人おるけん」: who lives there, not a worry
    told = introduction or caution or household
    return not (asked_other or question or told or _rules_read_a_concern(understanding))


SENTENCE_ENDS = re.compile(r"(?<=[。.!！?？\n])\s*")
"""Where one sentence ends and the next begins."""


def written_concerns(understanding: Understanding, text: str) -> list[str]:
    """The concerns a message typed on the menu tells of, as the draft records them."""
    model_counts = _model_counts(text.strip(), understanding, asked_other=False)
    return [
        c
        for c in CONCERNS
        if c in understanding.concerns and _written(c, understanding, model_counts=model_counts)
    ]


TICKED_FROM_TEXT = "ticked_from_text"
"""Where the concerns answer lists the concerns ticked from what the person wrote before the question:
a first tap on one of them keeps it (and says so) rather than silently taking it off."""


URGENT_NEEDS = {
    "no_food": "economic",
    "utilities": "economic",
    "no_shelter": "housing",
    "eviction": "housing",
    "payment_demand": "debt",
}
"""The worry an urgent need is (no money for food is 経済的困窮, a dormitory to leave by 12/5 is 住まい):
ticked whatever the words it was read from."""


def _concerns(
    answers: dict[str, Any],
    understanding: Understanding,
    *,
    model_counts: bool,
    untold_subject: bool,
    text: str = "",
    denied: tuple[str, ...] = (),
) -> list[str]:
    """Add the concerns written in the text, remembering whom each is about; ['concerns'] when any.

    A family member who names no one and not themself goes on about the worry already told of their
    relative (the brother's unpaid bills, then 「電気とまったらどうなるんだろう、冬なのに」): it stays his,
    as do money and housing worries while only the relative's worries were told so far."""
    about = dict(understanding.concern_about)
    needs = [URGENT_NEEDS[k] for k in understanding.crisis_kinds if k in URGENT_NEEDS]
    understanding = replace(
        understanding,
        concerns=(*understanding.concerns, *(c for c in needs if c not in understanding.concerns)),
    )
    if untold_subject and _others_ask(answers):
        about.update(
            {c: "other" for c, whose in about.items() if whose == "self" and _told_of_the_person(c, text)}
        )
    if untold_subject and _others_ask(answers) and not WRITER_SUBJECT.search(text):
        earlier = answers.get("concerns", {}).get("about", {})
        of_them = set(earlier.values()) == {"other"}  # so far only the relative's worries were told
        about.update(
            {
                c: "other"
                for c, whose in about.items()
                if whose == "self" and (earlier.get(c) == "other" or (of_them and c in HOUSEHOLD_MATTERS))
            }
        )
    if names_partner(text):  # 「同棲している彼が怖い」 tells of the writer and her partner, like 夫
        about.update({c: "self" for c in about if c in OF_THE_COUPLE})
    mind = _only_of_the_mind(understanding, text)
    found = [
        c
        for c in CONCERNS
        if c in understanding.concerns
        and _written(c, understanding, model_counts=model_counts)
        and not (mind and c == "illness")
        and c not in denied
    ]
    if not found:
        return []
    concerns = answers.setdefault("concerns", {"choices": []})
    chosen = concerns.setdefault("choices", [])
    whose = concerns.setdefault("about", {})
    for concern in found:
        if concern not in chosen:
            chosen.append(concern)
            concerns.setdefault(TICKED_FROM_TEXT, []).append(concern)
        whose[concern] = _merged_about(whose.get(concern), about.get(concern, "unknown"))
    return ["concerns"]


def tick_for_the_writer(data: dict[str, Any], concern: str) -> None:
    """Tick a concern the conversation showed about the writer (「わかんない」 to the question about
    dying: メンタルヘルス), as if read from their words."""
    concerns = data.setdefault("intake", {}).setdefault("answers", {}).setdefault("concerns", {"choices": []})
    chosen = concerns.setdefault("choices", [])
    if concern not in chosen:
        chosen.append(concern)
        concerns.setdefault(TICKED_FROM_TEXT, []).append(concern)
    whose = concerns.setdefault("about", {})
    whose[concern] = _merged_about(whose.get(concern), "self")


def untick_read_from_text(data: dict[str, Any], concern: str) -> None:
    """Take back a concern the draft ticked from typed words (not one chosen by a button) when the
    conversation shows the words meant something else (「こわくて部屋から出れない」 while someone at home
    throws things: hiding, not withdrawal)."""
    concerns = data.get("intake", {}).get("answers", {}).get("concerns", {})
    ticked = concerns.get(TICKED_FROM_TEXT, [])
    if concern not in ticked:
        return
    ticked.remove(concern)
    if concern in concerns.get("choices", []):
        concerns["choices"].remove(concern)
    concerns.get("about", {}).pop(concern, None)


DENIED = re.compile(
    r"([^。、,!?！？\n]{1,15}?)(?:は|が|って|とか|も)?\s?"
    r"(?:ちがう|ちがい|違う|違い|(?<![っしきいみべけせてねれげびぎちじえめへ])ちゃう|じゃない|じゃありません|じゃなく|ではない|ではありません|ではなく"
    r"|じゃなか|ではなか|じゃねえ|じゃねぇ|やないよ|やないで|やないし|やないです|(?<![いはお])やなく|ではねぁ|でねぁ"
    r"|という(?:こと|の)(?:も|は)(?:ございません|ありません|ない)"
    r"|外して|はずして|消して|けして|(?:取って|とって)(?=\s?(?:ください|下さい|ほしい|欲しい|もらえ|くれ|$|[。!！]))|いらない|いりません|関係ない|関係ありません|関係なく|かんけいない)"
    r"(?!\s?(?:か|でしょう|だろう))"
)
"""A worry named only to say it is not one (「仕事探しはちがう」「ひきこもりではありません」「仕事探しは
外して」「不登校とかは関係ないです」, in dialect 「ひきこもりとかじゃなかよ」「ひきこもりやないよ」
「子どものことやなくて」);
not a fear asked (「手を上げるのではないかと」).
「ちゃう」 is 違う only after a word, not after a verb's
て-form (「生活費ぜんぶ使っちゃう」 tells the worry); 取って only as a request (「ためとってまって」 in
名古屋弁 is 「ためてしまって」)."""
NOT_TOLD = re.compile(
    r"([^。、,!?！？\n]{1,15}?)(?:の話|のはなし|のこと|の事)(?:は|も|とか|なんて)?\s?"
    r"(?:(?:して|書いて|かいて|言って|いって|話して)(?:い|は|へ)?(?:ない|ません|ねえ)"
    r"|(?:書かなくて|かかなくて|書かんで|入れなくて|いれなくて|載せなくて|のせなくて)(?:いい|ええ|大丈夫|だいじょうぶ|かまわない|構わない))"
)
"""A worry the person says they never told of (「お金や借金の話はしていません」「借金のことは書いて
いません」) or need not be written (「子どものことは書かなくていいです」)."""


def denied_concerns(text: str) -> list[str]:
    """The concerns a message says are not the person's (「仕事探しは外して」 → job_search)."""
    denied: list[str] = []
    folded = unicodedata.normalize("NFKC", text)
    for match in (*DENIED.finditer(folded), *NOT_TOLD.finditer(folded)):
        denied += [c for c in _concerns_named(match.group(1)) if c not in denied]
    return denied


def _concerns_named(words: str) -> list[str]:
    """The concerns words name: as the reading finds them, or by a part of their button's label
    (「お金」 of 「お金・生活費」, 「こころ」 of 「こころのこと」)."""
    read = classify(words).concerns
    labels = {
        c: [part.removesuffix("のこと") for part in BY_KEY["concerns"].label(c).split("・")]
        for c in CONCERNS
        if c not in read
    }
    return [*read, *(c for c, parts in labels.items() if any(part in words for part in parts))]


def untick(answers: dict[str, Any], concerns: list[str]) -> list[str]:
    """Take concerns off the form; the ones that were on it."""
    stored = answers.get("concerns", {})
    removed = [c for c in concerns if c in stored.get("choices", [])]
    for concern in removed:
        stored["choices"].remove(concern)
        stored.get("about", {}).pop(concern, None)
        if concern in stored.get(TICKED_FROM_TEXT, []):
            stored[TICKED_FROM_TEXT].remove(concern)
    return removed


QUOTED = re.compile(r"[「『\"]([^」』\"]{1,60})[」』\"]")
"""Words quoted in a message (「特にございません」), to find where they stand in the form."""


NONE_OF_IT = re.compile(
    r"([^。、,!?！？\n]{1,12}?)(?:とかは|とかも|なんかは|は|も|とか)\s?(?:ない|無い|ありません|ございません|なか|あらへん|あれへん)"
)
"""With a word to take it off, a worry said to be none of it (「暴力とかはないで。そこ消しといて」): only with
that word, since 「お金がない」 alone tells a worry."""


def take_out(data: dict[str, Any], words: str) -> list[str]:
    """Take off the form what a typed change names: worries said not to be one (「学校のことは消して」)
    and any answer or message holding quoted words (「「特にございません」は削除して」); what is off,
    as the person would name it."""
    stored = data.setdefault("intake", {})
    answers: dict[str, Any] = stored.setdefault("answers", {})
    denied = denied_concerns(words)
    if fragments.holds_word_of(words, "removes"):  # 「暴力とかはないで。そこ消しといて」
        folded = unicodedata.normalize("NFKC", words)
        for match in NONE_OF_IT.finditer(folded):
            denied += [c for c in _concerns_named(match.group(1)) if c not in denied]
    untick(answers, denied)  # off already when this message's reading took them off
    removed = [BY_KEY["concerns"].label(c) for c in denied]
    for quoted in QUOTED.findall(unicodedata.normalize("NFKC", words)):
        holding = [key for key, answer in answers.items() if quoted in str(answer.get("words", ""))]
        heard = [item for item in stored.get("heard", []) if quoted in item.get("words", "")]
        for key in holding:
            answers.pop(key)
        stored["heard"] = [item for item in stored.get("heard", []) if item not in heard]
        if holding or heard:
            removed.append(quoted)
    for topic in _topics_named(words, stored):
        sentences = _strip_sentences_about(data, topic)
        removed.extend(BY_KEY["concerns"].label(c) for c in _untick_told_only_in(data, sentences))
        removed.extend(sentences)
    return list(dict.fromkeys(removed))


def _untick_told_only_in(data: dict[str, Any], sentences: list[str]) -> list[str]:
    """Take off the worries read only from sentences just taken off (「子どもは小2がひとりいます」 after
    「子どものことは書かなくていいです」), not ones the words still kept tell or the person ticked."""
    stored = data.get("intake", {})
    answers: dict[str, Any] = stored.get("answers", {})
    ticked = answers.get("concerns", {}).get(TICKED_FROM_TEXT, [])
    if not sentences or not ticked:
        return []
    from_them = {c for sentence in sentences for c in classify(sentence).concerns}
    kept = [str(item.get("words", "")) for item in stored.get("heard", [])]
    kept += [str(answer.get("words", "")) for answer in answers.values() if isinstance(answer, dict)]
    still = {c for words in kept if words.strip() for c in classify(words).concerns}
    return untick(answers, [c for c in ticked if c in from_them and c not in still])


def finds_to_take_out(data: dict[str, Any], words: str) -> bool:
    """Whether a typed change finds anything to take off the form (the form itself is left as it is)."""
    return bool(take_out(copy.deepcopy(data), words))


TOPIC = re.compile(r"([^、。,.!！?？\s「」『』]{2,16}?)(?:のこと|の事|の話|のはなし|について)")
"""What a change names as a topic (「仏壇のことは書かないで」), with any words before it in the clause."""

SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
"""One sentence of a message, with its closing mark."""


def _topics_named(words: str, stored: dict[str, Any]) -> list[str]:
    """The topics a change names that stand in the person's words (「あと仏壇のこと」 → 仏壇), longest
    form first; at least two characters, so a particle alone is never a topic."""
    written = " ".join(str(item.get("words", "")) for item in stored.get("heard", []))
    written += " ".join(str(a.get("words", "")) for a in stored.get("answers", {}).values())
    topics = []
    for named in TOPIC.findall(unicodedata.normalize("NFKC", words)):
        forms = [named[start:] for start in range(len(named) - 1)]
        topics.extend(next(([form] for form in forms if form in written), []))
    return topics


def _without_sentences_about(text: str, topic: str) -> tuple[str, list[str]]:
    """The text without its sentences about the topic, and those sentences."""
    sentences = SENTENCE.findall(text)
    about = [s for s in sentences if topic in s]
    return "".join(s for s in sentences if topic not in s), [s.strip() for s in about]


def _strip_sentences_about(data: dict[str, Any], topic: str) -> list[str]:
    """Take every sentence about the topic off the person's words, the answers and the reasons for
    urgency (「仏壇のことは書かないで」); the sentences taken off."""
    stored = data.setdefault("intake", {})
    taken: list[str] = []
    for item in stored.get("heard", []):
        item["words"], off = _without_sentences_about(str(item.get("words", "")), topic)
        taken.extend(off)
    stored["heard"] = [item for item in stored.get("heard", []) if item["words"].strip()]
    answers: dict[str, Any] = stored.setdefault("answers", {})
    for key, answer in list(answers.items()):
        if topic in str(answer.get("words", "")):
            answer["words"], off = _without_sentences_about(str(answer["words"]), topic)
            taken.extend(off)
            if not answer["words"].strip():
                answer.pop("words")
                if not answer:
                    answers.pop(key)
    urgency = data.get("urgency", {})
    if "reasons" in urgency:
        urgency["reasons"] = [reason for reason in urgency["reasons"] if topic not in reason]
    return list(dict.fromkeys(taken))


def _merged_about(before: str | None, now: str) -> str:
    """Whom a concern is about after one more mention: `both` once it was told of the writer and of
    the other person (her knee, his never seeing a doctor), else the one named over unknown."""
    if {before, now} == {"self", "other"} or "both" in (before, now):
        return "both"
    rank = {"other": 0, "self": 1, "unknown": 2}
    return min(before or "unknown", now, key=lambda about: rank.get(about, 2))


def _keep_words(form: dict[str, Any], text: str, fields: list[str]) -> None:
    """Keep the person's words (bounded) with the fields they told us about."""
    words = _bounded(text, HEARD_CHARS)
    heard: list[dict[str, Any]] = form["heard"]
    if any(item.get("words") == words for item in heard):
        return
    heard.append({"words": words, "fields": fields})
    while len(heard) > HEARD_LIMIT or sum(len(item.get("words", "")) for item in heard) > HEARD_TOTAL_CHARS:
        if not _leave_out_one(heard):
            return


def _leave_out_one(heard: list[dict[str, Any]]) -> bool:
    """Leave out the oldest message after the first ones, counted in the mark where it stood; False
    when only the first ones and the latest are left."""
    mark_at = HEARD_FIRST if len(heard) > HEARD_FIRST and "left_out" in heard[HEARD_FIRST] else None
    dropped = HEARD_FIRST + 1 if mark_at is not None else HEARD_FIRST
    if dropped >= len(heard) - 1:
        return False
    heard.pop(dropped)
    if mark_at is None:
        heard.insert(HEARD_FIRST, {"left_out": 1, "fields": []})
    else:
        heard[mark_at]["left_out"] += 1
    return True


def _bounded(text: str, limit: int) -> str:
    """The text, or its start marked as cut when it is longer than `limit`."""
    words = text.strip()
    return catalog.text("summary.cut", words=words[:limit]) if len(words) > limit else words


PERSON_CONCERNS = frozenset(("withdrawal", "mental_health", "job_search", "disability"))
"""What a family member consults about when they tell of a relative's troubles (「兄が家から出なく
なりました」「妻がうつで寝込んでいます」); a mother's illness (「母が入院していて」) says nothing of
who writes."""


def _relative_in_trouble(understanding: Understanding, told_own: Collection[str] = ()) -> Entity | None:
    """The writer's relation to a relative whose withdrawal or low mood the message tells of.

    Only a guess, from a worry the rules read (never the model's guess alone: 「妻とは別居しています」),
    taken while nothing yet says who is writing: a man who told of his own troubles
    first (「上司とうまくいかず辞めてしまい…」) and then of his mother (「母は心配してくれているのですが、
    …部屋にこもるようになりました」) is still the one asking: `told_own`, the worries a writer guessed to
    write for themself already told as theirs, are their story going on, not a relative's
    (「眠れません」 then 「兄が失業して」 still gives way)."""
    if any(entity.kind == "writer" for entity in understanding.entities):
        return None
    troubled = any(
        about == "other"
        and c in PERSON_CONCERNS
        and c not in told_own
        and _written(c, understanding, model_counts=False)
        for c, about in understanding.concern_about
    )
    named = [e for e in understanding.entities if e.kind == "relation" and e.value in FAMILY_RELATIONS]
    return Entity("writer", named[0].value, "other", named[0].matched) if troubled and named else None


def _writes_for_themself(understanding: Understanding) -> bool:
    """Whether the message speaks only of the writer's own troubles and says of no one else's."""
    whose = {about for _, about in understanding.concern_about}
    writer = any(entity.kind in ("writer", "writer_apart") for entity in understanding.entities)
    return whose == {"self"} and not writer


ASKER_QUESTIONS = ("asker_distress", "asker_situation")
"""Questions about the family member's own situation: an age typed there is their own."""

WRITER_WORDS = ("私", "僕", "俺", "自分", "わたし", "あたし", "ぼく", "おれ", "わたくし")
"""Words by which a writer says an age is their own (「私は60歳です」)."""


def _age_for_question(entity: Entity, answers: dict[str, Any], asking: str | None, text: str) -> Entity:
    """An age typed as an answer belongs to the question asked.

    At the age question it is the age of the person the form is about; at any other question a
    family member's or supporter's age that does not say it is their own (「35さいです」) is too.
    """
    if asking is None or asking in ASKER_QUESTIONS:
        return entity
    about: About
    if asking == "age_band" and not _others_ask(answers) and entity.about == "other" and relative_named(text):
        return entity  # 「子どもは小2がひとりいます」 at the writer's own age: the child's age, not theirs
    if asking == "age_band":
        about = "other" if _others_ask(answers) else "self"
    elif _others_ask(answers) and entity.about == "self" and not any(w in text for w in WRITER_WORDS):
        about = "other"
    else:
        return entity
    return Entity(entity.kind, entity.value, about, entity.matched)


CONTACT_WORDS = re.compile(
    r"(?:電話|でんわ)(?!代|番号|料)|着信|留守電|郵便|手紙|封筒|はがき|ハガキ|家に来|訪問"
)
"""Ways the municipality might reach the person (a phone call, the post, a visit), not a phone bill."""

CAUTION_WORDS = re.compile(
    r"(?:出|で)(?:られ|れ)(?:ない|へん|ん|ず)|(?:取|と)れない|(?:見|み)られ(?:たくない|ると|たら|ちゃう|てしまう)"
    r"|(?:知|し)られ(?:たくない|ると|たら|ちゃう|てしまう)|ばれ|バレ|(?:聞|き)かれ(?:たくない|ると|たら|ちゃう)"
    r"|横に|そばに|隣に|近くに|避けて|さけて|やめて|怖|こわ|無理|むり|苦手"
)
"""How a person says a way of contact is unsafe or impossible for them (「出られない」「見られたくない」)."""


def _cautions(text: str) -> list[Entity]:
    """Cautions about contact said anywhere in a sentence (「電話だと親が横にいることが多いので
    できればLINEがいいです」「家族に郵便を見られたくない」), as the sentence the person wrote; not a
    question (「窓口の電話は何番ですか」)."""
    out = []
    for sentence in re.split(r"(?<=[。！？!?\n])", text):
        words = sentence.strip().rstrip("。")
        asks = words.endswith(("?", "？", "か"))
        if words and not asks and CONTACT_WORDS.search(words) and CAUTION_WORDS.search(words):
            out.append(Entity("consideration", words, "self", words))
    return out


OWN_QUESTION = {"hope": "hopes", "consideration": "considerations"}
"""Entities kept as words, and the question whose typed answer already holds those words."""


EASY_JAPANESE_ASKED = re.compile(
    r"hiragana|katakana|easy japanese|simple japanese|[\u3040-\u30ff\u4e00-\u9fff]"
)
"""A message about language that asks for simple Japanese (「にほんご すこし わかります」「I can read
hiragana a little」), not only for English."""


def _note_language(form: dict[str, Any], dialog: Dialog) -> None:
    """Remember how the person writes (English, spaced simple Japanese: the replies follow it) and,
    for the CSW, the language they need: English when they write in it, やさしい日本語 only when they
    say they read little Japanese (a child writing in hiragana needs no note)."""
    written = reply_language(dialog)
    needs: list[str] = form.setdefault("language", [])
    said: list[str] = form.setdefault("language_needs", [])
    if fragments.holds_word_of(dialog.user_input.text, "not_english"):  # 「英語じゃないです」
        needs[:] = [need for need in needs if need != "en"]
        said[:] = [need for need in said if need != "en"]
    if written is not None and written not in needs:
        needs.append(written)
    understanding = dialog.understanding
    asked = understanding is not None and "talk.language" in understanding.intents
    vietnamese = "vi" if fragments.holds_word_of(dialog.user_input.text, "native_vietnamese") else None
    for need in (
        written if written == "en" else None,
        "easy" if asked and _asks_easy(dialog) else None,
        vietnamese,
    ):
        if need is not None and need not in said:
            said.append(need)


def _asks_easy(dialog: Dialog) -> bool:
    """Whether a message about language asks for simple Japanese."""
    return bool(EASY_JAPANESE_ASKED.search(dialog.user_input.text.lower()))


GROWN_WRITERS = frozenset(("parent", "spouse", "grandparent", *SUPPORTER_RELATIONS))
"""What a writer is to the person (a parent, a partner, a 民生委員) that says the writer is grown."""


def _grown(band: object) -> bool:
    """Whether an age band is 18 or over."""
    return band in BY_KEY["age_band"].options({}) and band != "under_18"


def _bands_told(understanding: Understanding, about: About) -> list[str]:
    """The age bands a message gives of the writer (`self`) or of the person written about (`other`)."""
    return [e.value for e in understanding.entities if e.kind == "age_band" and e.about == about]


def _writer_grown(answers: dict[str, Any], understanding: Understanding) -> bool:
    """Whether the writer is known to be 18 or over: by their age, or as a parent, partner or supporter."""
    told = _bands_told(understanding, "self")
    if told:
        return all(_grown(band) for band in told)
    asker = answers.get("asker", {}).get("choice")
    own = answers.get("age_band" if asker == "self" else "asker_age_band", {}).get("choice")
    return _grown(own) or answers.get("relation", {}).get("choice") in GROWN_WRITERS


def _person_grown(answers: dict[str, Any], understanding: Understanding, text: str) -> bool:
    """Whether the person written about is known to be 18 or over (「42歳の息子」「成人した娘」)."""
    told = _bands_told(understanding, "other")
    if told:
        return all(_grown(band) for band in told)
    if fragments.holds_word_of(text, "grown_named"):
        return True
    return _others_ask(answers) and _grown(answers.get("age_band", {}).get("choice"))


def _names_a_minor(understanding: Understanding, text: str) -> bool:
    """Whether a message names a child under 18 (「小学生の子」「8歳の娘」「孫」)."""
    young = any(e.kind == "age_band" and e.value == "under_18" for e in understanding.entities)
    return young or fragments.holds_word_of(text, "minor_named")


def of_grown_people(understanding: Understanding, data: dict[str, Any], text: str) -> Understanding:
    """The reading without a child's worries where everyone it tells of is grown: a mother's own bruise
    (「腕にあざができたくらいです」, her son hits her) is violence toward her, not child abuse, and a
    42-year-old son's schooling is no 子ども・教育. A message naming a child keeps them, and a parent afraid
    of hurting a grown child is read by `dialogs.crisis` (its own line for them)."""
    if _names_a_minor(understanding, text):
        return understanding
    answers = data.get("intake", {}).get("answers", {})
    writer = _writer_grown(answers, understanding)
    person = _person_grown(answers, understanding, text)
    grown = {"self": writer, "other": person, "unknown": writer and person}
    about = dict(understanding.concern_about)
    education = "childcare_education" in about and grown[about["childcare_education"]]
    kinds = understanding.crisis_kinds
    hurt = "child_abuse" in kinds and "harm_to_others" not in kinds  # one who may hurt: dialogs.crisis
    abuse = hurt and grown[about.get("violence", "unknown")]
    if not (education or abuse):
        return understanding
    named = {"violence" if kind == "child_abuse" and abuse else kind for kind in understanding.crisis_kinds}
    dropped = {"childcare_education"} if education else set()
    return replace(
        understanding,
        crisis_kinds=tuple(kind for kind in CRISIS_KINDS if kind in named),
        concerns=tuple(c for c in understanding.concerns if c not in dropped),
        concern_about=tuple((c, who) for c, who in understanding.concern_about if c not in dropped),
    )  # the evidence stays: the rules did read a worry (「高校を中退して」), so the model's guesses stay out


APPETITE_RULE = "intake_talk.yaml#appetite_lost"
"""The evidence rule of appetite lost to grief or low mood, read in the conversation's light."""


def without_entities(understanding: Understanding, kind: str) -> Understanding:
    """The reading without the facts of one kind (a time served in prison is no 期間)."""
    kept = tuple(entity for entity in understanding.entities if entity.kind != kind)
    return understanding if kept == understanding.entities else replace(understanding, entities=kept)


def of_appetite_lost(understanding: Understanding, text: str) -> Understanding:
    """The reading of eating little from grief or low mood (「ごはんもあまり食べてない」「食欲がなくて」):
    a worry of mood (メンタルヘルス), not 食べるものがない nor money, and nothing urgent; unless the
    words say money or food is running out (「お金がなくて、ごはんもあまり食べてない」)."""
    if not fragments.holds_word_of(text, "appetite_lost") or fragments.holds_word_of(text, "short_of_money"):
        return understanding
    kinds = tuple(kind for kind in understanding.crisis_kinds if kind != "no_food")
    level = understanding.crisis
    if level == "urgent" and not kinds:
        level = "none"
    about = dict(understanding.concern_about)
    whose = about.pop("economic", about.get("mental_health", "unknown"))
    about.setdefault("mental_health", whose)
    concerns = tuple(c for c in CONCERNS if c in about)
    dropped = {"concern:economic", *(("urgent",) if level == "none" else ())}
    kept = [evidence for evidence in understanding.evidence if evidence.label not in dropped]
    return replace(
        understanding,
        crisis=level,
        crisis_kinds=kinds,
        concerns=concerns,
        concern_about=tuple((c, about[c]) for c in concerns),
        evidence=(*kept, Evidence("concern:mental_health", text.strip(), APPETITE_RULE)),
    )


def of_denials(understanding: Understanding, text: str) -> Understanding:
    """The reading without the worries the words deny (「別にひきこもりとかじゃなかよ」) and without a
    worry of the mind the model alone guessed from relief (「ちょっと楽になったかも」): nothing in
    the reply or on the sheet says the person is troubled by what they said is not so. A reading of
    danger is left whole: the crisis replies weigh their own denials."""
    if understanding.crisis != "none":
        return understanding
    denied = set(denied_concerns(text))
    if fragments.holds_word_of(text, "feels_better") and understanding.learned_only("concern:mental_health"):
        denied.add("mental_health")
    if not denied & set(understanding.concerns):
        return understanding
    concerns = tuple(c for c in understanding.concerns if c not in denied)
    return replace(
        understanding,
        concerns=concerns,
        concern_about=tuple(pair for pair in understanding.concern_about if pair[0] not in denied),
        evidence=tuple(e for e in understanding.evidence if e.label.removeprefix("concern:") not in denied),
    )


def _untick_a_grown_persons_schooling(form: dict[str, Any], text: str) -> bool:
    """Take 子ども・教育 ticked from earlier words off once the person is known to be grown (「高校を中退して
    から家にいます」, then 「息子は42歳です」), unless a child was named; True when it came off."""
    answers: dict[str, Any] = form["answers"]
    concerns = answers.get("concerns", {})
    ticked = "childcare_education" in concerns.get(TICKED_FROM_TEXT, [])
    of_the_person = concerns.get("about", {}).get("childcare_education") in ("other", "unknown")
    grown = _others_ask(answers) and _grown(answers.get("age_band", {}).get("choice"))
    written = [text, *(str(item.get("words", "")) for item in form["heard"])]
    if not (ticked and of_the_person and grown) or any(
        fragments.holds_word_of(w, "minor_named") for w in written
    ):
        return False
    return bool(untick(answers, ["childcare_education"]))


def _denied_before(form: dict[str, Any], understanding: Understanding) -> list[str]:
    """The worries the person said earlier are not theirs (「子どものことやなくて」) that only the learned
    layer reads again now (「今夜さむいし子どもらが心配」): its guess does not bring them back; words the
    rules read do."""
    return [c for c in form.get("denied_concerns", []) if understanding.learned_only(f"concern:{c}")]


def listen(dialog: Dialog, *, keep_words: bool, asking: str | None = None) -> list[str]:
    """Gather what one typed message says into the draft; return the fields it filled or added to.

    `keep_words` keeps the message itself among the person's words (off for commands and for text
    the current question stores as its answer anyway) when it tells anything, and always once
    the conversation is urgent or in crisis (「なんか吐きそう」 after pills is for the CSW).
    `asking` is the question being asked: an age typed at the age question is the age of the
    person the form is about.
    """
    understanding = dialog.understanding
    if understanding is None or dialog.user_input.kind != "text":
        return []
    form = form_of(dialog)
    _note_language(form, dialog)
    answers: dict[str, Any] = form["answers"]
    filled: list[str] = []
    guessed = "asker" not in answers or bool(answers["asker"].get("guess"))
    own_guess = answers.get("asker", {}).get("choice") == "self" and guessed
    told_own = answers.get("concerns", {}).get("choices", []) if own_guess else []
    inferred = (
        _relative_in_trouble(understanding, told_own) if guessed else None
    )  # a guess gives way to 「兄が失業して」
    told = [e.value for e in understanding.entities if e.kind == "consideration"]
    cautions = [e for e in _cautions(dialog.user_input.text) if not any(e.value in w for w in told)]
    _note_children(form, understanding, dialog.user_input.text)
    _note_violence_denied(form, dialog.user_input.text)
    for entity in (*understanding.entities, *([inferred] if inferred else []), *cautions):
        if asking is not None and OWN_QUESTION.get(entity.kind) == asking:
            continue  # the question stores the typed words as its answer
        if entity.kind == "hope" and (
            fragments.asks_to_prepare(entity.value)
            or fragments.holds_word_of(entity.value, "navigation_wish")
        ):
            continue  # 「相談の準備をしたいです」「もう一度相談したいです」 steer the talk: no hope
        if entity.kind == "hope" and classify(entity.value, rules_only=True).crisis == "crisis":
            continue  # 「もう母と一緒に消えてしまいたいと思って」: danger, never a hope on the sheet
        if entity.kind in ("age", "age_band"):
            if _age_of_another_named(answers, entity, dialog.user_input.text):
                continue  # 「娘は小学3年生です」 from a wife writing about her husband
            entity = _age_for_question(entity, answers, asking, dialog.user_input.text)
        filled += [key for key in _entity(answers, entity) if key not in filled]
    if asks_for_line_in_english(dialog) and _latest_contact(answers, "line") and "contact" not in filled:
        filled.append("contact")  # 「LINE message ok」
    text = dialog.user_input.text.strip()
    written = _concerns(
        answers,
        understanding,
        model_counts=_model_counts(
            text, understanding, asked_other=asking is not None and asking != "concerns"
        ),
        untold_subject=_names_nobody(understanding, text),
        text=text,
        denied=(*(denied := denied_concerns(text)), *_denied_before(form, understanding)),
    )
    form["denied_concerns"] = list(dict.fromkeys([*form.get("denied_concerns", []), *denied]))
    filled += [key for key in written if key not in filled]
    at_concerns = asking == "concerns"  # the question takes them off itself, and says so
    if not at_concerns and untick(answers, denied) and "concerns" not in filled:
        filled.append("concerns")
    if _untick_a_grown_persons_schooling(form, text) and "concerns" not in filled:
        filled.append("concerns")
    _note_violence(form, understanding, text)
    if _take_back_no_bed(dialog, text):
        filled.append("urgency")
    of_a_partner = names_partner(text) and "violence" in understanding.concerns
    if (_writes_for_themself(understanding) or of_a_partner) and _fill(answers, "asker", "self", guess=True):
        filled.append("asker")
    urgent = dialog.data.get("urgency", {}).get("level", "normal") != "normal"
    in_danger = urgent and not dialog.state.startswith("consent.")  # consent decides what it adds
    in_danger = in_danger and not _only_greets(understanding)  # 「こんにちは。前にここで相談しかけた者です」
    filled += [key for key in _writer_own(answers, text) if key not in filled]
    meaningful = bool(filled) or understanding.crisis != "none" or understanding.possible_risk or in_danger
    only_sorry = understanding.crisis == "none" and fragments.only_apologises(text)  # 「すみませんでした」
    if keep_words and not only_sorry and (meaningful or tells_something(understanding, text)):
        _keep_words(form, dialog.user_input.text, filled)
    for key in filled:
        if key in form["skipped"]:
            form["skipped"].remove(key)
    if _note_phone_checked(dialog, text) and "considerations" not in filled:
        filled.append("considerations")
    _take_back_violence(dialog)
    return filled


def _note_phone_checked(dialog: Dialog, text: str) -> bool:
    """Note on the 受付票's 配慮 that someone reads or checks the writer's phone (「彼氏にスマホ見られてる」
    「携帯チェックされる」): how to reach her safely; with the daytime once she says it is safe then
    (「昼間なら連絡できる」), in the same message or later. True when the note was added or changed."""
    answers = form_of(dialog)["answers"]
    plain = catalog.text("consideration.phone_checked")
    daytime = catalog.text("consideration.phone_checked.daytime")
    stored = str(answers.get("considerations", {}).get("words", ""))
    asked = text.rstrip().endswith(
        ("?", "？")
    )  # 「スマホ見られたらどうなる？」: a question, answered elsewhere
    if not (fragments.holds_word_of(text, "phone_checked") and not asked) and plain not in stored:
        return False
    times = answers.get("contact_times", {})
    day = "daytime" in str(times.get("choice", "")) or any(
        w in str(times.get("words", "")) for w in ("昼", "日中")
    )
    note = daytime if day else plain
    if note in stored or (daytime in stored and not day):
        return False
    if plain in stored:
        answers["considerations"]["words"] = stored.replace(plain, daytime)
        return True
    return _add_words(answers, "considerations", note)


GREETING_INTENTS = frozenset(("talk.greeting", "talk.returning"))
"""Turns that only greet or say one is back: nothing for staff to read, even in an urgent conversation."""


def _only_greets(understanding: Understanding) -> bool:
    """Whether a message only greets or says the writer is back (「こんにちは。前にここで相談しかけた
    者です」)."""
    intents = set(understanding.intents)
    told = understanding.concerns or understanding.entities or understanding.crisis != "none"
    return bool(intents) and intents <= GREETING_INTENTS and not told and not understanding.possible_risk


PASSING_INTENTS = frozenset(
    (
        *COMMAND_INTENTS,
        "talk.greeting",
        "talk.thanks",
        "talk.goodbye",
        "talk.goodnight",
        "talk.write_again",
        "talk.just_looking",
        "talk.language",
        "talk.when_reply",
        "talk.deleted_check",
        "talk.withdraw",
        "talk.consider",
        "talk.returning",
    )
)
"""Turns that tell nothing of a life: greetings, thanks, goodbyes, commands (「担当者と話したい」) and
thinking of consulting (「ちょっと相談してみようかと思って」)."""

SENTENCES = re.compile(r"[^。.!?！？\n]+[。.!?！？]*")
"""One sentence of the person's words, with its end marks (English sentences end with 「.」 too)."""

ASKS = re.compile(r"(?:[?？]|か|かな|かね|の|よね|ますか|ですか|でしょうか)[。.\s]*$")
"""How a sentence ends when it asks (「無料ですか？」「名前とか言わなくていいの」
「行ったりしないですよね」)."""

TELLING_CHARS = 6
"""How long a sentence that is not a question must be to tell something (not 「すみません」 alone)."""


def _tells(sentence: str) -> bool:
    """Whether one sentence states something rather than asks: 「妻は去年亡くなって」「I am scared」."""
    words = sentence.strip()
    return len(words) >= TELLING_CHARS and ASKS.search(words) is None


def tells_something(understanding: Understanding, text: str) -> bool:
    """Whether a message tells of the person's life or worries, so its words go on the 受付票 even when
    no field was filled and an FAQ or service card answered it (「妻は去年亡くなって、私も来年定年で。正直
    どうしたらいいのか」「visa is spouse visa. if I ask help, immigration know? I am scared」).

    Left out: greetings, thanks and commands, and a bare question about the service (「ここって本当に
    無料ですか？名前とか言わなくていいの？」「is free?」); a service question beside a statement is kept."""
    if understanding.concerns or understanding.entities:
        return True
    if understanding.intents and all(intent in PASSING_INTENTS for intent in understanding.intents):
        return False
    sentences = [s for s in SENTENCES.findall(text) if s.strip()]
    if not understanding.intents:
        return any(_tells(s) for s in sentences)
    service = all(intent.split(".")[0] in SERVICE_QUESTION_KINDS for intent in understanding.intents)
    return any(_tells(s) for s in sentences) and (not service or len(sentences) > 1)


SERVICE_QUESTION_KINDS = frozenset(("faq", "ask", "service"))
"""Intent families that ask about the service or a support (「住居確保給付金について知りたい」)."""

WRITER_SUBJECT = re.compile(
    r"(?:私|わたし|わたくし|あたし|僕|ぼく|俺|おれ|自分)(?:は|も|が|自身|ひとり|一人)|\bI (?:am|'m)\b"
)
"""The writer named as the one a sentence is about (「私も来年定年で」「私は県外に住んでて」), not as the
one spoken to (「兄は私からの電話にも出ません」)."""

DYING = re.compile(r"死|自殺|しにたい|消えたい|きえたい")
"""Words of dying: a sentence with one (「私自身が死にたいなどということはございません」) is the crisis
reading's, not the writer's situation on the sheet."""


OTHERS_NAMED = re.compile(r"息子|娘|兄|弟|姉|妹|父|母|親|夫|妻|主人|子ども|子供|こども|本人|彼|孫|甥|姪")
"""Someone other than the writer named in a sentence (a tiredness told of them is theirs)."""


def _writer_own(answers: dict[str, Any], text: str) -> list[str]:
    """A family member's own situation and strain told in passing, for the sheet's 相談者自身 line.

    A spouse's death (「妻は去年亡くなって」) and sentences the writer tells of themself (「私も来年定年で」
    「私は県外に住んでて、小さい子もいて」) are their situation; their own tiredness or not knowing what
    to do (「私も正直つかれてます」「正直どうしたらいいのか」, naming no one else) is their しんどさ. A
    situation is never a question; all of it only once the writer is known to write for a relative."""
    if asker_of_answers(answers) != "family":
        return []
    filled: list[str] = []
    for sentence in SENTENCES.findall(text):
        words = sentence.strip()
        mine = WRITER_SUBJECT.search(words) is not None
        strain = fragments.holds_word_of(words, "own_strain") and (mine or not OTHERS_NAMED.search(words))
        if strain:  # 「正直どうしたらいいのか」 asks no one
            key = "asker_distress"
        elif (
            DYING.search(words) is None
            and ASKS.search(words) is None
            and (mine or fragments.tells_spouse_lost(words))
        ):
            key = "asker_situation"
        else:
            continue
        if _add_words(answers, key, words.rstrip("。")) and key not in filled:
            filled.append(key)
    return filled


def asker_of_answers(answers: dict[str, Any]) -> str | None:
    """Who writes, as the draft holds it (a guess included)."""
    asker = answers.get("asker", {}).get("choice")
    return str(asker) if asker else None


CHILDREN_EN = re.compile(
    r"\b(?:kids?|children|child|sons?|daughters?|boys?|girls?)\b([^.!?]{0,30})", re.IGNORECASE
)
"""Children named in English, with the words after them (「2 kids, 6 and 9」)."""

CHILD_AGE_LIMIT = 18

CHILDREN_TOLD = re.compile(
    r"(?:子ども|子供|こども|子|ガキ|がき)(?:ら|たち|達)?(?:が|は|も)?\s?"
    r"(?P<count>\d{1,2}|[一二三四五六]|ひとり|ふたり|さんにん|よにん)\s?(?:人|にん)?\s?"
    r"(?:おる|いる|居る|おって|いて|おります|います|おるけん|抱え|かかえ|育て|そだて)"
    r"|(?P<before>\d{1,2}|[一二三四五六]|ふたり|さんにん|よにん)\s?(?:人|にん)?の(?:子ども|子供|こども|子)(?:が|を|と)"
)
"""Children told as part of the household (「子ども2人おるけん」「子供が二人います」「3人の子を育てて」):
a fact a CSW plans for, not a worry about the children."""

KANJI_COUNTS = {
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "ひとり": "1",
    "ふたり": "2",
}
KANJI_COUNTS.update({"さんにん": "3", "よにん": "4"})
"""How many, written in kanji or kana (二 → 2, ふたり → 2)."""


def children_count(text: str) -> str | None:
    """How many children a message tells the household has (「子ども2人おるけん」 → 2), else None."""
    found = CHILDREN_TOLD.search(unicodedata.normalize("NFKC", text))
    if found is None:
        return None
    count = found.group("count") or found.group("before")
    return KANJI_COUNTS.get(count, count)


NOT_VIOLENCE = re.compile(
    r"(^|[、。\s])(暴力|ぼうりょく)(では|じゃ|とかは|とか|は)?(ござい|ありま|な[いく]|ね[えぇ]|ちゃう|ちが|違)"
)
"""Words that say what was read is not violence at all (「いえ、暴力ではございません」「暴力とかはないで」),
not a denial for one person (「子供には手はだしてない」)."""


BUT = re.compile(r"ただ|でも|けど|けれど|しかし|だが")
"""A clause that goes on after the denial (「暴力はないです。ただ…」)."""


def _thrown_only(text: str) -> bool:
    """Whether a phone number or a matter 'thrown' at the writer (「電話番号なげられても困るわ」) is all the
    violence the words were read to tell."""
    words = sorted(fragments.WORDS["thrown_figurative"], key=len, reverse=True)
    if not any(word in text for word in words):
        return False
    plain = text
    for word in words:
        plain = plain.replace(word, "")
    read = classify(plain)
    return "violence" not in read.concerns and not {"violence", "child_abuse"} & set(read.crisis_kinds)


def _take_back_violence(dialog: Dialog) -> None:
    """「いえ、暴力ではございません。母は病気ですから」: violence ticked from her words, and who hurts whom,
    come off the sheet; a partner named keeps them (「夫は暴力はないけど…」 may still be DV)."""
    text = unicodedata.normalize("NFKC", dialog.user_input.text)
    if _thrown_only(dialog.user_input.text):  # 「電話番号なげられても困るわ」: nothing thrown at her
        untick_read_from_text(dialog.data, "violence")
        return
    if not NOT_VIOLENCE.search(text) or names_partner(text) or BUT.search(text):
        return  # 「暴力はないです。ただ友達と会うなって言われてて」: signs of DV still told
    if dialog.data.get("crisis", {}).get("hurt") == "partner":
        return
    untick_read_from_text(dialog.data, "violence")
    form_of(dialog).pop("violence", None)
    dialog.data.get("crisis", {}).pop("hurt", None)


def _note_violence_denied(form: dict[str, Any], text: str) -> None:
    """Keep the sentence saying there is no violence, for the sheet: a CSW reads that it was denied."""
    for sentence in SENTENCES.findall(unicodedata.normalize("NFKC", text)):
        words = sentence.strip().rstrip("。")
        kept = form.setdefault("violence_denied", []) if VIOLENCE_DENIED.search(words) else None
        if kept is not None and words not in kept:
            kept.append(words)


def _note_children(form: dict[str, Any], understanding: Understanding, text: str) -> None:
    """Note the ages of children told in passing (「子供は4さい」「2 kids, 6 and 9」), for the sheet's
    子ども line, whoever the form's age field is about: a CSW plans for them too."""
    ages = [
        entity.value
        for entity in understanding.entities
        if entity.kind == "age"
        and entity.value.isdigit()
        and int(entity.value) < CHILD_AGE_LIMIT
        and (entity.matched.startswith("子") or fragments.holds_word_of(entity.matched, "minor_named"))
    ]
    for found in CHILDREN_EN.finditer(unicodedata.normalize("NFKC", text)):
        ages += [n for n in re.findall(r"\b\d{1,2}\b", found.group(1)) if int(n) < CHILD_AGE_LIMIT]
    count = children_count(text)
    if count is not None:
        form["children_count"] = count
    if ages:
        kept = form.setdefault("children_ages", [])
        kept += [age for age in dict.fromkeys(ages) if age not in kept]


STILL_A_BED_TONIGHT = re.compile(
    r"(今夜|今晩|こんや|こんばん|今日|きょう)\s?は?\s?(まだ|いちおう|一応)[^。!?！？\n]{0,10}"
    r"(いられ|居られ|いれ|おれ|居れ|泊まれ|とまれ|寝られ|ねられ|寝れ|ねれ|住め|すめ)"
)
"""The writer says there is still a bed tonight (「今夜はまだ部屋にいられます。金曜が期限です」)."""


def _take_back_no_bed(dialog: Dialog, text: str) -> bool:
    """Take 「今夜の寝る場所がない」 off the urgency reasons when the writer says there is still a bed
    tonight: the hurry is the deadline, and the case stays urgent for it. A place to sleep tonight found
    or told afterwards (「いまはかれしのいえいるからねるとこはある」) puts her words in its place, and
    when nothing else made the case urgent it is no longer urgent; True then (the reply says so)."""
    urgency = dialog.data.get("urgency", {})
    no_bed = catalog.text("urgency.reason.no_shelter")
    reasons = list(urgency.get("reasons", []))
    if no_bed not in reasons:
        return False
    if STILL_A_BED_TONIGHT.search(unicodedata.normalize("NFKC", text)):
        urgency["reasons"] = [reason for reason in reasons if reason != no_bed]
        return False
    asked = text.rstrip().endswith(("?", "？", "か"))  # 「ねるとこある？」 asks
    if asked or not fragments.holds_word_of(text, "bed_tonight_said"):
        return False
    found = catalog.text("urgency.bed_found", words=_bounded(text, ECHO_CHARS))
    others = [reason for reason in reasons if reason != no_bed and not reason.startswith("「")]
    if urgency.get("level") == "urgent" and not others:
        dialog.data["urgency"] = {"level": "normal", "reasons": [found]}
    else:
        urgency["reasons"] = [found if reason == no_bed else reason for reason in reasons]
    dialog.data.get("crisis", {}).get("urgent_told", {}).pop(
        "no_shelter", None
    )  # a bed lost again: told whole
    dialog.data.setdefault("crisis", {})["bed_found_at"] = dialog.now.isoformat()  # 「泊めて」 is no new need
    return True


def _note_violence(form: dict[str, Any], understanding: Understanding, text: str) -> None:
    """Remember who the message says hurts whom (「兄が暴れて、私や親を殴ります」), for the 受付票."""
    if "violence" not in understanding.concerns and "violence" not in understanding.crisis_kinds:
        return
    told = who_hurts(text)
    if not told:
        return
    stored = form.setdefault("violence", {"by": [], "hurt": []})
    for key, people in (("by", told.by), ("hurt", told.hurt)):
        known = set(stored.get(key, [])) | set(people)
        stored[key] = [person for person in PEOPLE if person in known]


ECHO_CHARS = 40
"""How much of a message the bot quotes back when it says the words were added."""


def keep_typed(dialog: Dialog) -> str:
    """Keep the typed message among the person's own words (once); return its start, to quote back."""
    _keep_words(form_of(dialog), dialog.user_input.text, [])
    return _bounded(dialog.user_input.text, ECHO_CHARS)


def note_consideration(dialog: Dialog, words: str) -> None:
    """Add a consideration the person's question tells (「外でなくても話せる？」 → 外出が難しい) to the
    受付票, with the words typed kept among theirs; nothing when it was answered at its question."""
    stored = form_of(dialog)
    _add_words(stored.setdefault("answers", {}), "considerations", words)
    keep_typed(dialog)


def has_anything(data: dict[str, Any]) -> bool:
    """Whether the draft holds any answer or any of the person's words."""
    stored = data.get("intake", {})
    return bool(stored.get("answers") or stored.get("heard"))


def writes_as_themself(dialog: Dialog) -> None:
    """A writer who corrects that the harm was her own (「切ったんはうちの腕や」): 相談者 本人, and the one
    read from her words no longer stands as whom the form is about; an answer chosen at its question stays."""
    answers = form_of(dialog)["answers"]
    chosen = [answers[key] for key in ("asker", "relation") if key in answers]
    if any(not answer.get("from_text") for answer in chosen):
        return
    answers.pop("relation", None)
    answers["asker"] = {"choice": "self", "from_text": True, "introduced": True}


def writes_for_themself(dialog: Dialog) -> None:
    """A writer under 18 consults for themself (a young carer, 「17、高2…俺がみてる」): 相談者 本人, and no
    relative read from their words (「親は仕事で」) stands as whom the form is about; an answer chosen at
    its question stays, and a grown carer stays family."""
    answers = form_of(dialog)["answers"]
    chosen = [answers[key] for key in ("asker", "relation") if key in answers]
    if any(not answer.get("from_text") for answer in chosen):
        return
    own_age = answers.get("asker_age_band", {})
    if "under_18" not in (own_age.get("choice"), answers.get("age_band", {}).get("choice")):
        return  # 「42歳です。78歳の父の介護をしています」: a grown carer writes as family
    answers.pop("relation", None)
    answers["asker"] = {"choice": "self", "from_text": True, "introduced": True}
    if own_age.get("choice") == "under_18":  # the writer's own age is the form's age now
        answers["age_band"] = answers.pop("asker_age_band")


CORRECTION_CHARS = 60
"""A longer message is a story, not a value said to be shown wrongly."""


def correction_of(dialog: Dialog) -> tuple[str, str] | None:
    """The age the person says the draft shows wrongly, with the right one (「年代が18歳未満になってるけど
    私は30代です」 → age_band, 18_39): the field and the band to put in it; None when the words correct
    no age already on the draft. A correction changes that field only (no worry is read from it)."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or dialog.user_input.kind != "text" or len(text.strip()) > CORRECTION_CHARS:
        return None
    if not fragments.holds_word_of(text, "shown_wrong"):
        return None
    answers: dict[str, Any] = dialog.data.get("intake", {}).get("answers", {})
    bands = [band for e in understanding.entities if e.kind in ("age", "age_band") and (band := _age_band(e))]
    if not bands or not (fragments.holds_word_of(text, "edit_field_age_band") or len(set(bands)) > 1):
        return None
    own = _others_ask(answers) and any(word in text for word in WRITER_WORDS)
    key = "asker_age_band" if own else "age_band"
    current = answers.get(key, {}).get("choice")
    band = next((band for band in reversed(bands) if band != current), None)
    if current is None or band is None:
        return None
    return key, band


WRITER_IS_THE_ONE = re.compile(
    r"(?:相談(?:する|してる|している|しとる|しよる|してん)(?:の|ん)(?:は|って)|相談者は|話(?:してる|している)の(?:は|って))\s?"
    r"(?:俺|おれ|私|わたし|僕|ぼく|うち|自分|じぶん|わし|あたし|わい)"
    r"|(?:俺|おれ|私|わたし|僕|ぼく|うち|自分|じぶん|わし|あたし|わい)\s?本人"
)
"""The writer says the consultation is theirs (「相談するのはうち本人や」「だから相談してるのは俺」)."""

OF_A_RELATIVE = re.compile(
    r"(?:息子|娘|夫|妻|母|父|親|兄|姉|弟|妹|子ども|子供)(?:の|について)(?:こと|相談)(?!じゃ|では|ちゃう|やない)"
)
"""A relative still named as whom the consultation is about (「相談してるのは私ですが、息子のことです」)."""


WRITER_CLAIM_CHARS = 40
"""A longer message tells more than whose consultation it is."""


def says_writer_is_the_one(dialog: Dialog) -> bool:
    """Whether short words on the send screen or at the menu with a draft say the writer consults for
    themself, while the draft has them as family or a supporter: 相談者 本人, not words to add."""
    text = unicodedata.normalize("NFKC", dialog.user_input.text) if dialog.user_input.kind == "text" else ""
    if not text.strip() or len(text.strip()) > WRITER_CLAIM_CHARS:
        return False
    if dialog.state not in ("consent.review", "menu.main") or open_handoff_of(dialog.data):
        return False
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    if asker in (None, "self") or OF_A_RELATIVE.search(text):
        return False
    return WRITER_IS_THE_ONE.search(text) is not None


def open_handoff_of(data: Mapping[str, Any]) -> bool:
    """Whether a consultation has been sent (its case still open to additions)."""
    return bool(data.get("handoff"))


def make_writer_the_one(dialog: Dialog) -> None:
    """The writer consults for themself: 相談者 本人, and no relative stands as whom the form is about."""
    answers = form_of(dialog)["answers"]
    answers.pop("relation", None)
    answers["asker"] = {"choice": "self", "from_text": True}


def correct(dialog: Dialog, key: str, band: str) -> None:
    """Put the corrected age band in its field, nothing else."""
    answers = form_of(dialog)["answers"]
    before = answers.get(key, {})
    answers[key] = {"choice": band, "from_text": True, **({"of": before["of"]} if "of" in before else {})}
    if key in form_of(dialog)["skipped"]:
        form_of(dialog)["skipped"].remove(key)
