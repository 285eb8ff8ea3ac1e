"""The handoff summary (相談受付票): structured data, the text a CSW reads, and the person's preview.

Built only from what the person chose or wrote; typed words are kept verbatim and quoted 「」.
A question that was asked of this person but skipped or not reached is listed in `unanswered`.
The CSW text is rendered from the structured summary alone (`render`), so a case that grows by
merging a later hand-off (`merge`) is rendered the same way. The person never reads the staff text:
`person_preview` says what will be sent in their own terms, with no label put on a relative.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import reduce
from typing import Any, TypedDict, cast

from dialogs import catalog
from dialogs.content import current_content
from dialogs.intake_form import BY_KEY, Answers, Question, asked, asker_of
from dialogs.understanding.classifier import classify
from dialogs.understanding.model import CRISIS_KINDS, Understanding

SINGLE_KEYS = ("relation", "age_band", "duration", "contact", "contact_times", "considerations", "district")
"""One-answer fields: an option id, or the person's words when no option fits."""

LABEL_PREFIXES = {
    "asker": "asker",
    "concerns": "concern",
    "urgency": "urgency",
    "unanswered": "question",
    "language": "language",
    "by": "violence_person",
    "hurt": "violence_person",
}
"""Summary keys whose values read with the sheet's own names (not the button labels)."""

WELLBEING_QUESTIONS = {"distress": "asker_distress", "situation": "asker_situation"}
"""The `asker_wellbeing` fields and the questions they answer."""

URGENCY_LEVELS = ("crisis", "urgent", "normal")
ASKERS = ("self", "family", "supporter", "unknown")
OTHERS = ("family", "supporter")


def _entry(key: str, fallback: str) -> str:
    """The catalog text for `key`, or `fallback` when the catalog has no such entry."""
    return catalog.entries().get(key, fallback)


def _option_label(question: Question, value: str) -> str | None:
    """The button label of an option id of `question`; None when `value` is not one of its options."""
    if question.key == "district":
        district = current_content().district(value)
        return district.name if district else None
    return catalog.entries().get(f"opt.{question.key}.{value}")


def label_for(key: str, value: str) -> str:
    """The Japanese label of one value of the structured summary, worded as the sheet and buttons word it.

    `key` is a summary key (`asker`, `concerns`, `urgency`, `unanswered`, `distress`, …) or an intake
    question key; the concerns read with the assessment's names (経済的困窮 …), other options with
    their button labels. Typed words, and values with no label, come back unchanged.
    """
    key = WELLBEING_QUESTIONS.get(key, key)
    if key in LABEL_PREFIXES:
        return _entry(f"{LABEL_PREFIXES[key]}.{value}", value)
    if key in BY_KEY:
        return _option_label(BY_KEY[key], value) or value
    return value


def answers_in(data: Mapping[str, Any]) -> Answers:
    """The intake answers stored in conversation data."""
    answers: Answers = data.get("intake", {}).get("answers", {})
    return answers


def _single(answers: Answers, key: str) -> str | None:
    """The chosen option id, or the typed words, of a one-answer question; None when unanswered."""
    answer = answers.get(key, {})
    value = answer.get("choice") or answer.get("words")
    return str(value) if value else None


def _many(answers: Answers, key: str) -> list[str]:
    """The chosen option ids of a several-answer question (ids it does not offer are dropped)."""
    offered = BY_KEY[key].options(answers)
    return [str(c) for c in answers.get(key, {}).get("choices", []) if c in offered]


def _is_answered(answers: Answers, key: str) -> bool:
    """Whether the person chose or wrote anything for the question."""
    answer = answers.get(key, {})
    return bool(answer.get("choice") or answer.get("choices") or answer.get("words"))


def _asker(answers: Answers) -> str:
    """Who is asking, as one of `ASKERS` (anything else stored reads as unknown)."""
    asker = asker_of(answers)
    return asker if asker in ASKERS else "unknown"


def _concerns_by_whom(answers: Answers, asker: str) -> tuple[list[str], list[str]]:
    """(concerns of the person the form is about, the asker's own) — a family member's own
    sleeplessness is theirs, not their son's. A supporter's sheet has no line for the supporter's
    own troubles, so every concern a 民生委員 writes of is the neighbour's (「ガスが止められている
    ようです」 read of no relative is still hers)."""
    chosen = _many(answers, "concerns")
    about = answers.get("concerns", {}).get("about", {})
    if asker != "family":
        return chosen, []
    own = [c for c in chosen if about.get(c) in ("self", "both")]
    return [c for c in chosen if about.get(c) != "self"], own


def _words(answers: Answers) -> dict[str, str]:
    """The person's typed words per question, where a question has both words and an option."""
    return {key: str(answer["words"]) for key, answer in answers.items() if answer.get("words")}


def _language_needs(data: Mapping[str, Any]) -> list[str]:
    """English or やさしい日本語 needed, as the person's writing in English or their own words say
    (writing in hiragana alone is no such need: a child writes so)."""
    stored = data.get("intake", {})
    if "language_needs" not in stored:  # a draft kept before needs were noted apart from writing
        return [str(need) for need in stored.get("language", []) if need == "en"]
    return [str(need) for need in stored["language_needs"]]


def _violence(data: Mapping[str, Any]) -> dict[str, list[str]] | None:
    """Who the person said hurts whom (sibling, partner, parent …; the writer as `self`); None if untold."""
    told = data.get("intake", {}).get("violence") or {}
    by, hurt = list(told.get("by", [])), list(told.get("hurt", []))
    return {"by": by, "hurt": hurt} if by or hurt else None


def _family_concerns(answers: Answers, asker: str) -> list[str]:
    """A relative's illness or disability told by a person writing of themself (「おかんも腰悪いし」): a
    state of that relative (`RELATIVES_STATE`), not a worry of theirs the reading may have put on a
    relative named beside it (「親とけんかして家にいづらい」)."""
    if asker != "self":
        return []
    about = answers.get("concerns", {}).get("about", {})
    return [c for c in _many(answers, "concerns") if about.get(c) == "other" and c in RELATIVES_STATE]


class IntakeSummary(TypedDict):
    """The structured 相談受付票: option ids, typed words, and what was left unanswered.

    `asker_wellbeing` (a family asker's own age, distress, situation and concerns), `heard` (the
    person's own words, bounded, with the fields each told about), `language` (English or
    やさしい日本語 needed, from how they wrote), `violence` (who hurts, `by`, and who is hurt,
    `hurt`: the writer as `self` or their relatives) and `children` (how many children were told of,
    「2人」 from 「子ども2人おるけん」, then the ages told in passing, 「子供は4さい」「2 kids, 6 and 9」,
    whoever the form is about) and `violence_denied` (the
    words saying there is no violence, 「暴力とかはないです」) and `family_concerns` (worries a person writing
    of themself tells of a relative, 「おかんも腰悪いし」: listed apart from their own 困りごと) are additions
    to the 受付票.
    """

    asker: str | None
    relation: str | None
    age_band: str | None
    duration: str | None
    concerns: list[str]
    urgency: str
    urgency_reasons: list[str]
    violence: dict[str, list[str]] | None
    hopes: list[str]
    contact: str | None
    contact_times: str | None
    considerations: str | None
    district: str | None
    own_words: dict[str, str]
    unanswered: list[str]
    asker_wellbeing: dict[str, Any] | None
    heard: list[dict[str, Any]]
    language: list[str]
    children: list[str]
    violence_denied: list[str]
    family_concerns: list[str]


SUMMARY_KEYS = tuple(IntakeSummary.__annotations__)
"""The structured keys, in the order a CSW reads them."""


def _children(form: Mapping[str, Any]) -> list[str]:
    """The children told in passing: how many (「2人」, from 「子ども2人おるけん」) when told, then their
    ages."""
    count = form.get("children_count")
    ages = [str(age) for age in form.get("children_ages", [])]
    return [catalog.text("summary.children_count", count=count), *ages] if count else ages


def _child_item(item: str) -> str:
    """One item of the 子ども line: an age (「4」 → 「4歳」) or how many (「2人」, as it is)."""
    return catalog.text("summary.child_age", age=item) if item.isdigit() else item


def build_summary(data: Mapping[str, Any]) -> IntakeSummary:
    """The structured summary of the intake and urgency stored in conversation data."""
    answers = answers_in(data)
    keys = {question.key for question in asked(answers)}
    urgency = data.get("urgency", {})
    asker = _asker(answers)
    concerns, own_concerns = _concerns_by_whom(answers, asker)
    family_concerns = _family_concerns(answers, asker)  # still among `concerns`: the sheet lists them apart
    level = urgency.get("level", "normal")
    summary: dict[str, Any] = {key: _single(answers, key) for key in SINGLE_KEYS}
    if "relation" not in keys:
        summary["relation"] = None
    summary.update(
        {
            "asker": asker,
            "concerns": concerns,
            "urgency": level if level in URGENCY_LEVELS else "normal",
            "urgency_reasons": list(urgency.get("reasons", [])),
            "violence": _violence(data),
            "hopes": _many(answers, "hopes"),
            "own_words": _words(answers),
            "unanswered": [q.key for q in asked(answers) if not _is_answered(answers, q.key)],
            "asker_wellbeing": {
                "age_band": _single(answers, "asker_age_band"),
                "distress": _single(answers, "asker_distress"),
                "situation": _single(answers, "asker_situation"),
                "concerns": own_concerns,
            }
            if asker == "family"
            else None,
            "heard": [
                dict(item)
                for item in data.get("intake", {}).get("heard", [])
                if str(item.get("words", "")).strip() not in _added_after_sending(data)
            ],
            "language": _language_needs(data),
            "children": _children(data.get("intake", {})),
            "violence_denied": [str(words) for words in data.get("intake", {}).get("violence_denied", [])],
            "family_concerns": family_concerns,
        }
    )
    return cast(IntakeSummary, {key: summary[key] for key in SUMMARY_KEYS})


# ---------------------------------------------------------------- why a case is urgent


REASON_CHARS = 60
"""The person's words quoted as an urgency reason are cut after this many characters."""

URGENT_REASON_KINDS = ("violence", "no_shelter", "eviction", "no_food", "utilities", "payment_demand")
"""Urgent kinds whose name leads the reasons, so the CSW reads what the hurry is about (DV, not a bed)."""

_CLAUSE_BREAK = re.compile(r"[、。,!?！？\n]")


def _clause_of(text: str, words: str) -> str:
    """The whole clause of `text` that holds `words` (「息子に手が出そうで怖い」 for 「手が出」); the
    words alone when the text does not hold them as written."""
    at = text.find(words) if words else -1
    if at < 0:
        return words
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    end = _CLAUSE_BREAK.search(text, at + len(words))
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)].strip()


def _bounded_reason(words: str) -> str:
    """The person's words as one reason, cut when long."""
    return words if len(words) <= REASON_CHARS else catalog.text("summary.cut", words=words[:REASON_CHARS])


_SENTENCE_BREAK = re.compile(r"[。!?！？\n]+|(?<=\.)\s+")


def _telling_pieces(words: str, level: str) -> list[str]:
    """The sentences of long words that, read alone, reach `level` (「私がいなくなったほうがみんな楽に
    なる」 in a letter of 600 characters), each narrowed to the space-separated piece that does (one
    message among several read together); the words themselves when no sentence does alone."""
    telling = []
    for sentence in (s.strip() for s in _SENTENCE_BREAK.split(words)):
        if sentence and classify(sentence).crisis == level:
            pieces = [p for p in sentence.split() if classify(p).crisis == level]
            telling += pieces if len(pieces) == 1 else [sentence]
    return telling or [words]


def _sentence_of(text: str, words: str) -> str:
    """The whole sentence of `text` that holds `words`; the words alone when the text does not hold them."""
    at = text.find(words) if words else -1
    if at < 0:
        return words
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, at)]
    end = _SENTENCE_BREAK.search(text, at + len(words))
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)].strip()


def _carrying_danger(words: list[str], text: str, level: str) -> list[str]:
    """The quoted words whose own sentence reaches `level` (「ご丁寧にありがとうございます」 is read as a
    farewell only beside another sentence, and is no reason of its own); all of them when none does."""
    if len(words) < 2:
        return words
    carrying = [w for w in words if classify(_sentence_of(text, w)).crisis == level]
    return carrying or words


def urgency_reasons(understanding: Understanding, level: str, text: str) -> tuple[str, ...]:
    """Why this message raised the case to `level`, as a CSW reads it: what it is about in Japanese
    (「人を傷つけてしまうおそれ」「パートナーからの暴力（DV）のおそれ」), then the person's words in
    「」, each the whole clause the rules read (never a piece of a word such as 「手が出」). What the
    learned layer alone found is quoted as the whole message: its evidence is only pieces."""
    found = [evidence for evidence in understanding.evidence if evidence.label == level]
    plain = text.strip()
    words = [_clause_of(plain, e.matched) for e in found if not e.rule.startswith("model:")]
    if any(evidence.rule.startswith("model:") for evidence in found):
        words.append(plain)
    words = [piece for w in words for piece in (_telling_pieces(w, level) if len(w) > REASON_CHARS else [w])]
    words = _carrying_danger(words, plain, level)
    kinds = URGENT_REASON_KINDS if level == "urgent" else CRISIS_KINDS if level == "crisis" else ()
    prefix = "urgency.reason" if level == "urgent" else "urgency.crisis_reason"
    named = [catalog.text(f"{prefix}.{kind}") for kind in kinds if kind in understanding.crisis_kinds]
    quoted = [_quote(_bounded_reason(w)) for w in words if w]
    return tuple(dict.fromkeys([*named, *quoted]))


# ---------------------------------------------------------------- merging a later hand-off


def _merge_lists(before: list[Any], after: list[Any]) -> list[Any]:
    """Both lists' items, in order, each once."""
    merged = list(before)
    merged += [item for item in after if item not in merged]
    return merged


def merge(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """A case's summary after a later hand-off: nothing it had is lost, new answers fill or update.

    A later answer replaces an earlier one (the person corrected it); a field the later summary
    leaves empty keeps what the case had; lists and words are joined; urgency only goes up.
    """
    merged: dict[str, Any] = dict(before)
    for key in SUMMARY_KEYS:
        old, new = before.get(key), after.get(key)
        if key == "asker":
            merged[key] = new if new not in (None, "unknown") else old or "unknown"
        elif key == "urgency":
            rank = {level: i for i, level in enumerate(URGENCY_LEVELS)}
            merged[key] = min(old or "normal", new or "normal", key=lambda v: rank.get(v, 2))
        elif key == "unanswered":
            continue
        elif isinstance(old, list) or isinstance(new, list):
            merged[key] = _merge_lists(old or [], new or [])
        elif isinstance(old, dict) or isinstance(new, dict):
            merged[key] = _merge_dicts(old or {}, new or {})
        else:
            merged[key] = new if new else old
    answered = {key for key in SUMMARY_KEYS if merged.get(key)}
    merged["unanswered"] = [
        key
        for key in _merge_lists(before.get("unanswered", []), after.get("unanswered", []))
        if key not in answered
    ]
    return merged


def _merge_dicts(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Two small dicts of words or values merged: words are joined, empty values keep the old."""
    merged = dict(old)
    for key, value in new.items():
        before = merged.get(key)
        if isinstance(before, str) and isinstance(value, str) and value not in before:
            merged[key] = f"{before}\n{value}"
        elif isinstance(before, list) and isinstance(value, list):
            merged[key] = _merge_lists(before, value)
        elif value:
            merged[key] = value
    return merged


# ---------------------------------------------------------------- the CSW's text


def _quote(words: str) -> str:
    """The person's words, in 「」."""
    return catalog.text("summary.quote", words=words)


def _quote_each(words: str) -> str:
    """Each of the person's sentences kept on its own line (their wishes, their cautions), in its own 「」."""
    return _join([_quote(line.strip()) for line in words.split("\n") if line.strip()])


def _shown(summary: Mapping[str, Any], key: str) -> str | None:
    """How one one-answer field reads on the sheet: its option label, and the typed words in 「」."""
    value = summary.get(key)
    words = summary.get("own_words", {}).get(key)
    if not value:
        return None
    label = _option_label(BY_KEY[key], str(value))
    if label is None:
        return _quote_each(str(value))
    return f"{label} {_quote_each(words)}" if words and words != value else label


def _join(items: list[str]) -> str:
    """Items joined with the sheet's separator."""
    return catalog.text("summary.separator").join(items)


def _line(key: str, value: str | None) -> str | None:
    """One sheet line, or None when there is nothing to show."""
    return catalog.text(f"summary.{key}", value=value) if value else None


def heard_lines(summary: Mapping[str, Any]) -> list[str]:
    """The person's own words, each with the fields it told about."""
    lines = []
    for item in summary.get("heard") or []:
        if "left_out" in item:  # messages in between, beyond the draft's bound (`draft.HEARD_LIMIT`)
            lines.append(catalog.text("summary.heard_left_out", count=item["left_out"]))
            continue
        fields = _join([_entry(f"question.{f}", f) for f in item.get("fields", [])])
        about = catalog.text("summary.heard_about", fields=fields) if fields else ""
        lines.append(catalog.text("summary.heard", words=_quote(str(item.get("words", ""))), about=about))
    return lines


def _violence_lines(violence: Mapping[str, Any]) -> list[str | None]:
    """Who hurts and who is hurt, as two sheet lines (either left out when not told)."""
    return [
        _line(f"violence_{key}", _join([label_for(key, str(who)) for who in violence.get(key) or []]))
        for key in ("by", "hurt")
    ]


def render(summary: Mapping[str, Any]) -> str:
    """The 相談受付票 as short Japanese text, in the order a CSW reads it, from the structured summary."""
    none = catalog.text("summary.none")
    asker = label_for("asker", str(summary.get("asker") or "unknown"))
    relation = _shown(summary, "relation")
    urgency = label_for("urgency", str(summary.get("urgency") or "normal"))
    if summary.get("urgency_reasons"):
        urgency = catalog.text("summary.reason", level=urgency, reasons=_join(summary["urgency_reasons"]))
    family = summary.get("family_concerns") or []
    concerns = _join([label_for("concerns", c) for c in summary.get("concerns") or [] if c not in family])
    hopes = _join([label_for("hopes", h) for h in summary.get("hopes") or []])
    words = summary.get("own_words") or {}
    wellbeing = summary.get("asker_wellbeing") or {}
    own = [
        label_for("age_band", str(wellbeing["age_band"])) if wellbeing.get("age_band") else "",
        _distress(str(wellbeing["distress"])) if wellbeing.get("distress") else "",
        _join([label_for("concerns", c) for c in wellbeing.get("concerns") or []]),
        _quote(str(wellbeing["situation"])) if wellbeing.get("situation") not in (None, "none") else "",
    ]
    contact, times = _shown(summary, "contact"), _shown(summary, "contact_times")
    unanswered = [label_for("unanswered", key) for key in summary.get("unanswered") or []]
    lines = [
        catalog.text("summary.title"),
        _line(
            "asker",
            catalog.text("summary.with_relation", asker=asker, relation=relation) if relation else asker,
        ),
        _line("age_band", _shown(summary, "age_band")),
        _line("duration", _shown(summary, "duration")),
        _line("concerns", concerns),
        _line("family_concerns", _join([label_for("concerns", c) for c in family])),
        _line("concerns_words", _quote(words["concerns"]) if words.get("concerns") else None),
        _line("urgency", urgency),
        *_violence_lines(summary.get("violence") or {}),
        _line(
            "hopes",
            _join([h for h in (hopes, _quote_each(words["hopes"]) if words.get("hopes") else "") if h]),
        ),
        _line("district", _shown(summary, "district")),
        catalog.text("summary.contact", value=contact or none, times=times or none)
        if contact or times
        else None,
        _line("considerations", _shown(summary, "considerations")),
        _line("asker_wellbeing", catalog.text("summary.slash").join(w for w in own if w)),
        _line("own_words", _quote(words["own_words"]) if words.get("own_words") else None),
        _line("language", _join([label_for("language", need) for need in summary.get("language") or []])),
        _line("violence_denied", _join([_quote(words) for words in summary.get("violence_denied") or []])),
        _line(
            "children",
            _join([_child_item(str(item)) for item in summary.get("children") or []]),
        ),
        *heard_lines(summary),
        _line("unanswered", _join(unanswered) or catalog.text("summary.nothing_left")),
    ]
    return "\n".join(line for line in lines if line)


def summary_text(data: Mapping[str, Any]) -> str:
    """The 相談受付票 of the conversation data as the CSW reads it."""
    return render(build_summary(data))


# ---------------------------------------------------------------- what the person reads before consenting


PREVIEW_WORDS_CHARS = 300
"""How much of one typed answer the person's preview repeats (the sheet keeps it whole): LINE takes
5,000 characters a message."""


def _bounded(words: str) -> str:
    """The start of long typed words, marked as cut, for the person's preview."""
    if len(words) <= PREVIEW_WORDS_CHARS:
        return words
    return catalog.text("summary.cut", words=words[:PREVIEW_WORDS_CHARS])


def _briefly(summary: IntakeSummary) -> dict[str, Any]:
    """The summary with each typed answer bounded for the person's preview (the sheet keeps it whole)."""
    brief: dict[str, Any] = dict(summary)
    for key in SINGLE_KEYS:
        value = summary[key]  # type: ignore[literal-required]
        if value and _option_label(BY_KEY[key], str(value)) is None:
            brief[key] = _bounded(str(value))
    brief["own_words"] = {key: _bounded(words) for key, words in summary["own_words"].items()}
    return brief


def _distress(value: str) -> str:
    """How hard it is for a family member: the option chosen, or their own words quoted
    (「私も正直つかれてます」 told in passing)."""
    label = label_for("asker_distress", value)
    return label if label != value else _quote(_bounded(value))


def _asker_own(summary: IntakeSummary) -> list[str]:
    """A family member's own age, how hard it is, and their situation in their words."""
    wellbeing = summary["asker_wellbeing"] or {}
    own = [label_for("age_band", str(wellbeing["age_band"]))] if wellbeing.get("age_band") else []
    if wellbeing.get("distress"):
        own.append(_distress(str(wellbeing["distress"])))
    if wellbeing.get("situation") not in (None, "none"):
        own.append(_quote(_bounded(str(wellbeing["situation"]))))
    return own


WRITERS_OWN = frozenset(("family_relations", "violence"))

RELATIVES_STATE = frozenset(("illness", "disability"))
"""Worries that are a state of the relative they are told of (「おかんも腰悪い」 is her back)."""
"""Worries a person writing of themself has with their family, never only the family's (「親とは仲悪くて、
小さい頃から怒鳴られてた」 is hers)."""


def _person_topics(answers: Answers, say: Callable[..., str] = catalog.text) -> list[str]:
    """What the person wrote about, in their terms, each worry by its own gentle name (「仕事のこと」,
    never a staff label): their own, then a relative's under 「ご家族のこと（…）」 and a supporter's
    resident's under 「気にかけている方のこと（…）」 — exactly the worries the sheet carries."""
    asker = _asker(answers)
    about = answers.get("concerns", {}).get("about", {})
    chosen = _many(answers, "concerns")
    if asker == "supporter":
        own: list[str] = []
        others = chosen
    elif asker == "family":
        others, own = _concerns_by_whom(answers, asker)
        own = [c for c in own if c not in others]  # 「家族とのこと」 once, not again as the family's
    else:  # a person writing of themself: a worry about a relative of theirs is under ご家族のこと
        own = [c for c in chosen if about.get(c) != "other" or c in WRITERS_OWN]
        others = [c for c in chosen if c not in own]
    named = [say(f"person.concern.{concern}") for concern in own]
    if others:
        key = "preview.supporter_topics" if asker == "supporter" else "preview.family_topics"
        value = _listing(say)([say(f"person.concern.{concern}") for concern in others])
        named.append(say(key, value=value))
    return named


def _added_after_sending(data: Mapping[str, Any]) -> frozenset[str]:
    """Words already added to the open case after it was sent (never listed or sent a second time)."""
    handoff = data.get("handoff")
    added = handoff.get("added_words", []) if isinstance(handoff, Mapping) else []
    return frozenset(str(words).strip() for words in added)


def person_preview(data: Mapping[str, Any], language: str | None = None) -> str:
    """What will be sent, in the person's own terms: no staff category, no label on a relative. In
    English (`language="en"`) for someone who writes in it, where the catalog has the English twin of a
    line (`en.preview.*`, `en.person.concern.*`); typed words and option labels stay as they are."""
    say = _twin_saying(language)
    summary = build_summary(data)
    join = _join if language is None else _listing(say)
    brief = _briefly(summary)
    lines: list[str] = []
    asker = summary["asker"]
    if asker != "unknown":
        relation = _shown(brief, "relation")
        who = say(f"preview.asker.{asker}")
        lines.append(say("preview.who", value=f"{who}（{relation}）" if relation else who))
    for key in ("age_band", "duration", "district"):
        shown = _shown(brief, key)
        if shown:
            lines.append(say(f"preview.{key}", value=shown))
    topics = _person_topics(answers_in(data), say)
    if topics:
        lines.append(say("preview.topics", value=join(topics)))
    hopes = [label_for("hopes", h) for h in summary["hopes"]]
    if hopes:
        lines.append(say("preview.hopes", value=join(hopes)))
    for key in ("contact", "contact_times", "considerations"):
        shown = _shown(brief, key)
        if shown:
            lines.append(say(f"preview.{key}", value=labels_in_english(shown) if language == "en" else shown))
    own = _asker_own(summary)
    if own:
        lines.append(say("preview.asker_own", value=catalog.text("summary.slash").join(own)))
    if summary["language"]:
        needs = [say(f"preview.language.{need}") for need in summary["language"]]
        lines.append(say("preview.language", value=join(needs)))
    heard = [str(item["words"]) for item in summary["heard"] if "words" in item]
    typed = [
        line.strip()
        for key, w in summary["own_words"].items()
        if key in ("concerns", "own_words", "hopes")
        for line in str(w).split("\n")
    ]
    told = [*heard, *(line for line in typed if line and not any(line in message for message in heard))]
    if told:
        words = [_quote(_bounded(message)) for message in dict.fromkeys(told)]
        lines.append(say("preview.words", value="\n".join(words)))
    if summary["urgency"] != "normal":
        lines.append(say("preview.urgent"))
    if not lines:
        return say("preview.nothing_yet")
    return "\n".join([say("preview.title"), *lines])


TWINNED_LABELS = (
    "opt.concerns.",
    "opt.hopes.",
    "opt.contact",
    "consideration.",
    "draft.noted_",
    "question.contact",
    "question.considerations",
)
"""Catalog keys of the labels on what is sent (a way and time of contact, a caution, their names) that
have English twins: the preview and 'we noted' name them in English to someone who writes in English."""

_QUOTED = re.compile(r"「([^」]*)」")


def labels_in_english(text: str) -> str:
    """`text` with the Japanese labels of `TWINNED_LABELS` in their English twins (「電話」 → “phone”);
    the person's own words in 「」 stay as typed."""
    entries = catalog.entries()
    twins = sorted(
        (
            (entries[key].strip(), entries[f"en.{key}"].strip())
            for key in entries
            if key.startswith(TWINNED_LABELS) and f"en.{key}" in entries and "{" not in entries[key]
        ),
        key=lambda pair: -len(pair[0]),
    )
    known = dict(twins)

    def plain(part: str) -> str:
        for japanese, english in twins:
            part = part.replace(japanese, english)
        return part.replace(catalog.text("summary.separator"), ", ")

    out, at = [], 0
    for quoted in _QUOTED.finditer(text):
        out.append(plain(text[at : quoted.start()]))
        inner = quoted.group(1)
        out.append(f"“{known[inner]}”" if inner in known else quoted.group(0))
        at = quoted.end()
    out.append(plain(text[at:]))
    return "".join(out)


def _listing(say: Callable[..., str]) -> Callable[[list[str]], str]:
    """Items joined as a list in the language `say` speaks (「仕事のこと、住まいのこと」, "work, housing")."""

    def listed(items: list[str]) -> str:
        return reduce(lambda first, then: say("preview.list", first=first, next=then), items[1:], items[0])

    return listed


def _twin_saying(language: str | None) -> Callable[..., str]:
    """Say a catalog key in `language` where it has a twin there (`en.<key>`), else in Japanese."""
    if language is None:
        return catalog.text
    entries = catalog.entries()

    def say(key: str, **fields: object) -> str:
        twin = f"{language}.{key}"
        return catalog.text(twin if twin in entries else key, **fields)

    return say


def urgency_of(data: Mapping[str, Any]) -> str:
    """The urgency a hand-off now carries: the higher of this conversation's and the open case's."""
    levels = (data.get("urgency", {}).get("level"), data.get("handoff", {}).get("urgency"))
    return next((level for level in ("crisis", "urgent") if level in levels), "normal")
