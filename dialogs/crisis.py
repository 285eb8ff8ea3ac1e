"""The crisis path: emergency resources at once, from any state, before consent and before the database.

The reply is fitted to the person and the moment: a child being hurt gets 189 and children's lines,
violence from a partner the DV lines and safety first, violence from a grown child or a brother or sister
at home 110 and the 保健所 / 精神保健福祉センター, thoughts of dying いのちの電話, よりそい and the chat or
LINE lines for someone who cannot phone, pills already taken 119 first. Signs of violence from a
partner short of being hit (fear, being watched, money kept back) are urgent and get the DV lines,
never the question about dying. Only lines known to be open now are listed (a line whose hours
vary is not). The same situation again within `REPEAT_WITHIN` gets a brief, different reply with
one line and the offer of a person, not the same block again; a new or more acute one (pills taken
after pills kept) gets its own block. The conversation remembers who is being hurt
(`CrisisMemory`), so a message that does not say gets the lines of the one it knows. While a CSW
holds the case the reply says the person reading will see the message. In the hours after a
crisis reply, waving it off (「別に」「もういい」) gets one warm line that leaves the door open, not
wanting the police a line that is not the police, and 「じどうそうだんじょ」 what a 児童相談所 does.
A sign short of crisis (`possible_risk`) gets one gentle, direct question; a typed no to it is
thanked. The same urgent need again gets one short line.

Danger said in pieces (`dialogs.fragments`): a short message that says nothing alone is read with the
last few short ones (「くすり」「のんだ」 → pills taken, 119 first). After pills or cutting, words about
the body (「ねむい」「血とまらん」) get 119 again; after any crisis reply, taking it back (「冗談です」)
gets a warm line and a plea (「おねがい だれか」) a line to call now; a way of dying named after the
first reply (「練炭とか楽なのかなって」) gets 119/110 and one direct question.

Try-out 7: pills taken in slang (「眠剤ぜんぶいった」) are pills taken; after them, going to sleep and
holding back from 119 (「大げさ」「親にバレたくない」, the ambulance's cost) get 119 and why it matters now.
A relative gone out and not found at night (`missing`) gets 110 now. After a case was sent, a crisis
reply says the message reached it; someone who cannot phone is given chat lines first, and asking
whether a line is open now gets its hours.

Try-out 10: a correction of who hurts whom (「いえ、妻に手を上げているのは息子ではなく…」) revises what
the conversation knows instead of answering it as harm, and a sentence that only denies is never
quoted on the 受付票; violence told in the past and placed long ago, or an attempt now settled, is
heard and noted, not met with the emergency lines; a question asked beside danger is answered briefly
with the safety content; cutting to cope after the bleeding stopped gets no first aid again.

Try-out 12: half a joke (「ネタだけど。半分くらい」) is no take-back: the direct question, and the lines
to write to for someone who cannot phone. A grown-up hit by a parent (「昔から父に殴られてて」) gets the
lines for violence at home (`family`), never 189; a writer who then says she is a child (「わたし高2で
17だけど…親にバレる」) gets what a children's line does first and the children's block; a child afraid
at home after violence told by a parent (「子どもがこわがってる」) is heard and noted on the 受付票.

`crisis_answer(text, now, memory)` is pure and fast so the bot can send it on the webhook's fast path;
`interrupt(dialog, already_sent=...)` is what every turn runs first (see `dialogs.engine.handle`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from dialogs import catalog, fragments
from dialogs.content import (
    URGENT_SITUATIONS,
    FaqIntent,
    Hotline,
    QuestionId,
    ServiceId,
    UrgentSituation,
    current_content,
)
from dialogs.dialog import MAX_MESSAGES, Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows import answers, consent, followup
from dialogs.flows.common import MenuStates, menu_choices
from dialogs.flows.draft import keep_typed, note_consideration, tick_for_the_writer, untick_read_from_text
from dialogs.flows.intake import field_to_edit, takes_free_text
from dialogs.flows.reply_due import reply_due
from dialogs.messages import Choice, Text
from dialogs.office_hours import format_jp, is_open
from dialogs.summary import REASON_CHARS, URGENCY_LEVELS, urgency_reasons
from dialogs.understanding.analyzer import Token, analyze, tidy
from dialogs.understanding.classifier import classify
from dialogs.understanding.entities import FIRST_PERSON, words_pattern
from dialogs.understanding.grammar import features
from dialogs.understanding.lexicon import load_lexicon
from dialogs.understanding.model import CrisisKind, Evidence, Understanding
from dialogs.understanding.normalize import normalize_with_spans
from dialogs.violence import (
    PERSON_OF_WRITERS_RELATION,
    VIOLENCE_DENIED,
    WhoHurts,
    acts_in_past,
    named_as_spared,
    names_partner,
    only_denies,
    tells_acts,
    who_hurts,
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

LONG_AGO_RULE = "context:violence_long_ago"
"""The rule of violence told in the past and placed long ago (「小学生の頃、父に殴られていました」)."""

SWALLOWED = frozenset({"飲む", "呑む", "飲み込む", "のむ", "キメる", "od"})
"""Words that, said in the past tense of a reading about an overdose, mean the pills are already taken."""
SWALLOWED_ENGLISH = re.compile(r"\b(took|swallowed|overdosed|have taken)\b", re.IGNORECASE)
SWALLOWED_PAST = re.compile(r"(飲|呑|の)(んだ|んじゃった|んでしまった|みました|みこんだ|み込んだ)")
"""The past of swallowing as written, for when the tokens miss it (「くすり20このんだ」 read as 好む)."""
SWALLOWED_SLANG = re.compile(
    r"(全部|ぜんぶ|まとめて|一気に|いっきに|大量に|\d+\s*(錠|じょう|粒|つぶ|個|こ|シート|箱))(を|)\s*"
    r"(いった|いっちゃった|いっちゃいました|いきました|いってしまった|いっといた)"
)
"""Pills taken said in slang: an amount, then 'went' (「眠剤ぜんぶいった」「20錠いっちゃった」)."""
PILL_WORDS = fragments.WORDS["pill_words"]
"""Words for pills: pieces that name them and say they were swallowed, soon after a crisis reply, tell of
an overdose whatever the reading of the pieces alone."""

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

ASKS_TO_CALL = "talk.ask_emergency_call"
"""The intent of asking whether to call an ambulance or the police (「救急車呼んだほうがいいですか」)."""

CALL_YES: tuple[Situation, ...] = ("overdose", "self_harm", "unseen", "missing")
"""Situations whose question 'should I call?' gets its own plain yes: 119 after pills or cutting, 110
for someone unseen or missing; any other gets the general answer."""

WITHOUT_LINES: frozenset[Situation] = frozenset({"unseen", "missing"})
"""Situations whose reply names 110 and 119 only: a neighbour checking on someone needs no hotline."""

MISSING_RULES = ("#went_missing",)
"""Lexicon rules (kind unseen) that tell of a relative gone out and not found (「出ていって見つからん」)."""

NEGLECT_RULES = ("#no_meals_", "#parent_gone", "#shut_out_dialect")
"""Lexicon rules that tell, in a child's words, of being given no food or left alone (「給食だけ」)."""

RELATIVE_NAMES: dict[str, str] = {
    word: who for who in fragments.RELATIVES_SPOKEN_OF for word in fragments.WORDS[f"relative_{who}"]
}
"""A relative as the writer names them, and the catalog's respectful name for them (息子 → 息子さん)."""

RELATIVE_SPEAKER = re.compile(rf"(?<![丈祖])({words_pattern(RELATIVE_NAMES)})(が|は|も|から|の)")
"""A relative named as the one who speaks or is spoken of (「兄は」「娘から」「息子の部屋」)."""
RELATIVE_WORD = re.compile(rf"(?<![丈祖])({words_pattern(RELATIVE_NAMES)})")
"""A relative named anywhere (「いや私じゃなくて兄です」)."""

REPORTED_SPEECH = re.compile(
    rf"(って|と)[^。]{{0,14}}?({words_pattern(fragments.WORDS['reported_speech'])})"
    rf"|({words_pattern(fragments.WORDS['written_by_someone'])})(が|で)(来|き|届|送)"
    r"|[」』”\"]\s?(って|と)\s?(来|き|届|送られ)"
    rf"|{words_pattern(fragments.WORDS['heard_from_someone'])}"
)
"""Words that report what someone else says or wrote (「死にたいって言ってました」「…とLINEが来ました」,
a quotation that arrived: 「「今までありがとう」って来た」), not what the writer said once (「死にたいって
友達に言った」; 「死にたくなってきた」 has no closing quotation mark)."""
WRITER_AS_SUBJECT = re.compile(
    rf"({words_pattern(FIRST_PERSON)})(が|は|も|だって)[^。]{{0,10}}(死|しに|消え|生き)"
)
"""The writer as the one who wants to die (「私が死にたいと言っても」): not a relative's words."""
WRITER_NAMED = re.compile(rf"({words_pattern(FIRST_PERSON - {'自分'})})(が|は|も)")
"""The writer named as a subject (「私が」「僕は」; not 自分, which may be the relative's 「自分の頭を」)."""


DYING_BESIDE: frozenset[Situation] = frozenset({"violence", "home_violence"})
"""Situations beside which thoughts of dying in the same message are answered too (the direct question)."""

SAYS_DYING = re.compile(r"(死|しに|消え)[^。、]{0,8}(って|と)(言|い)(って|う|った)")
"""Words about dying said by someone (「死にたいと言って暴れています」), beside a relative named."""

READ_BY_MODEL_ONLY = frozenset({"violence", "harm_to_others", "child_abuse"})
"""Kinds dropped when only the learned layer read them beside a way of dying the rules read (「包丁を見て
いて、これで全部終わりにできたら」 is about herself, not violence at home)."""


def situations_of(
    understanding: Understanding, data: dict[str, Any] | None = None, text: str = "", hurt: Hurt | None = None
) -> tuple[Situation, ...]:
    """Which lines fit this message, most fitting first; thoughts of dying told beside violence come
    second (「夫に…」「私がいなくなったほうがみんな楽になる」), so both are answered."""
    kinds = set(understanding.crisis_kinds)
    if text and "suicidal" in kinds and kinds & READ_BY_MODEL_ONLY and names_method(understanding):
        ruled = set(classify(text, rules_only=True).crisis_kinds)
        kept = tuple(k for k in understanding.crisis_kinds if k in ruled or k not in READ_BY_MODEL_ONLY)
        understanding = replace(understanding, crisis_kinds=kept)
    found = _fitting_situations(understanding, data, text, hurt)
    told_of = bool(RELATIVE_SPEAKER.search(text) and SAYS_DYING.search(text))
    if found[0] in DYING_BESIDE and "suicidal" in understanding.crisis_kinds and not told_of:
        return (*found, "suicidal")  # not 「息子が死にたいと言って暴れて」: the son's words, not hers
    return found


def _fitting_situations(
    understanding: Understanding, data: dict[str, Any] | None = None, text: str = "", hurt: Hurt | None = None
) -> tuple[Situation, ...]:
    """Which lines fit this message, most fitting first.

    Pills already taken come first (119 at once); cutting alone gets its own reply. A child being
    hurt gets children's lines only; a parent whose grown child (or a sister whose brother) is
    violent the lines for violence at home; an adult writing about
    violence from a partner the DV lines, and children's lines too when a child is hurt or at risk;
    otherwise the lines for thoughts of dying. `hurt`, who the conversation already knows is being
    hurt, decides when the message does not say (「きのうも なぐられた」, a child's 「たすけて」).
    """
    understanding = without_the_spared(understanding, text)
    kinds = set(understanding.crisis_kinds)
    if "overdose" in kinds and (
        overdose_taken(text)
        or (not fragments.pills_kept(text) and asks_to_call(understanding))
        or (not fragments.pills_kept(text) and fragments.tells_of_body(text, "overdose"))
        or "overdose" in memory_of(data or {}).answered  # 「20錠くらい？」 after 「眠剤ぜんぶいった」
    ):
        return ("overdose",)
    if "unseen" in kinds:
        found = [evidence.rule for evidence in understanding.evidence if evidence.label == "crisis"]
        return ("missing",) if any(rule in name for name in found for rule in MISSING_RULES) else ("unseen",)
    if _parent_who_may_hurt(understanding, data or {}, text, hurt):
        return ("grown_child",) if _child_is_grown(understanding, data or {}) else ("parent",)
    if not kinds & {"violence", "child_abuse"}:
        alone = "suicidal" in kinds and not kinds & {"self_harm", "overdose", "harm_to_others"}
        child = hurt in CHILD_HURTS or _writes_as_a_minor(understanding, data or {}, text)
        writer = not relative_speaks_of_dying(text) and not not_the_writer(text)
        past = memory_of(data or {})
        harmed = bool(set(HARMED) & set(past.answered))  # after cutting or pills: that reply's own question
        crisis_rules = {e.rule for e in understanding.evidence if e.label == "crisis"}
        cry = bool(crisis_rules) and crisis_rules <= CRY_FOR_HELP_RULES  # 「たすけて」: no wish to die
        if alone and child and writer and not harmed and not cry and not _says_adult(understanding):
            return ("child_dying",)  # 「なんか死んだほうが楽かも」 from a child: her lines and the question
        if hurt in CHILD_HURTS and not _says_adult(understanding):
            return (SITUATION_OF_HURT[hurt],)
        if alone and (relative_speaks_of_dying(text) or not_the_writer(text)):
            return ("relative_suicidal",)
        if kinds == {"self_harm"}:
            return ("relative_self_harm",) if _parent_tells_of_child(understanding, text) else ("self_harm",)
        return ("suicidal",)
    if kinds - {"no_food"} == {"child_abuse"} and _neglect_told_by_child(understanding, data or {}):
        return ("neglect",)
    as_a_child = _writes_as_a_child(understanding)
    if _is_child(understanding, data or {}) or (
        "child_abuse" in kinds and as_a_child and _may_be_a_child(understanding, data or {}, text)
    ):
        return ("child",)
    by_parent = as_a_child and bool(text) and "parent" in who_hurts(text).by  # not 「私も親も叩かれます」
    if by_parent and not _may_be_a_child(understanding, data or {}, text):
        return ("family",)  # a grown-up hurt by a parent: the lines for violence at home, not 189
    if "child_abuse" not in kinds and _relative_at_home_hurts(understanding):
        return ("home_violence",)
    if hurt is not None and not _names_who_hurts(understanding, text):
        return (SITUATION_OF_HURT[hurt],)
    if kinds == {"violence"} and _unnamed_at_home(understanding, text):
        return ("at_home",)
    return ("violence", "child") if "child_abuse" in kinds else ("violence",)


AT_HOME_RULES = "crisis_s10.yaml#"
"""Rules of violence at home told without naming who does it (「物投げてくる」「いまも下で怒鳴ってる」)."""


def _unnamed_at_home(understanding: Understanding, text: str) -> bool:
    """Whether the words tell of things thrown or shouting now at home and name no one who does it, no
    partner among them: someone at home, who is not known."""
    read = any(e.label == "crisis" and e.rule.startswith(AT_HOME_RULES) for e in understanding.evidence)
    return (
        read and not _writer_relations(understanding) and not names_partner(text) and not who_hurts(text).by
    )


def asks_to_call(understanding: Understanding | None) -> bool:
    """Whether the message asks whether to call an ambulance or the police."""
    return understanding is not None and ASKS_TO_CALL in understanding.intents


def relative_speaks_of_dying(text: str) -> bool:
    """Whether the words about dying are a relative's, told by the family (「兄は前から死にたいって
    言ってました」「娘から『もう生きていたくない』とLINEが来ました」): a relative named as the one
    speaking, and reported speech, not the writer's own wish."""
    speaking = RELATIVE_SPEAKER.search(text) is not None
    return speaking and bool(REPORTED_SPEECH.search(text)) and not WRITER_AS_SUBJECT.search(text)


def not_the_writer(text: str) -> bool:
    """Whether the words say the one at risk is someone named, not the writer (「わたしじゃなくて友達が
    死ぬかもしれないの」「私じゃなくて兄が」)."""
    return fragments.holds_word_of(text, "not_me") and RELATIVE_WORD.search(text) is not None


def _parent_tells_of_child(understanding: Understanding, text: str) -> bool:
    """Whether a parent tells of their child (「中2の娘が」「息子の腕に」), not of themself
    (「お母さんの前で」):
    the writer is a parent of the relative named, and no word of the writer as the subject."""
    parent = any(
        entity.value == "parent" for entity in understanding.entities if entity.kind in ("writer", "relation")
    )
    return parent and not WRITER_NAMED.search(text)


def names_a_friend(text: str) -> bool:
    """Whether the first one the words name is a friend, partner or colleague, not family (「友達が」)."""
    match = RELATIVE_SPEAKER.search(text) or RELATIVE_WORD.search(text)
    return match is not None and RELATIVE_NAMES[match.group(1)] in fragments.FRIENDS_SPOKEN_OF


def relative_name(text: str) -> str:
    """The respectful name of the first relative the words name (息子 → 息子さん), else 「ご家族」."""
    match = RELATIVE_SPEAKER.search(text) or RELATIVE_WORD.search(text)
    return catalog.text(f"crisis.relative.{RELATIVE_NAMES[match.group(1)] if match else 'family'}")


def _neglect_told_by_child(understanding: Understanding, data: dict[str, Any]) -> bool:
    """Whether a child tells of being given no food or left alone (「給食だけ」「ごはんもらえない」), and
    only that: not a parent or another grown-up writing."""
    found = [
        e.rule for e in understanding.evidence if e.label == "crisis" and not e.rule.startswith("model:")
    ]
    neglect = bool(found) and all(any(rule in name for rule in NEGLECT_RULES) for name in found)
    return neglect and not _says_adult(understanding) and not _parent_of_a_child(data)


def _parent_who_may_hurt(
    understanding: Understanding, data: dict[str, Any], text: str, hurt: Hurt | None
) -> bool:
    """Whether the writer is a parent afraid of hurting, or who has hurt, their own child: harm by the
    writer to a child (「子どもに手をあげてしまいました」「虐待してしまいそうで怖い」), or harm by the writer
    (「まだ叩いてはいません。でも今夜はやばいかも」) in a parent's words, from a parent of a young child
    or after such words."""
    kinds = set(understanding.crisis_kinds)
    if _is_child(understanding, data):
        return False
    if "harm_to_others" in kinds:
        return (
            "child_abuse" in kinds
            or hurt == "own_child"
            or _parent_of_a_child(data)
            or _parents_own_words(understanding)
        )
    return (
        hurt == "own_child"
        and bool(kinds & {"violence", "child_abuse"})
        and not _names_who_hurts(understanding, text)
    )


PARENT_RULES = "crisis_parents.yaml#"
"""The lexicon of a parent's own words about hurting their child (「まだ叩いてはいません。でも…」)."""


def _parents_own_words(understanding: Understanding) -> bool:
    """Whether a rule for a parent's own words read the message, with no partner, parent or sibling named
    as the one who might be hit (「夫をまだ叩いてはいません」 is not about a child)."""
    relations = {e.value for e in understanding.entities if e.kind == "relation"}
    found = [evidence for evidence in understanding.evidence if evidence.label == "crisis"]
    return not relations - {"child"} and any(evidence.rule.startswith(PARENT_RULES) for evidence in found)


def _parent_of_a_child(data: dict[str, Any]) -> bool:
    """Whether the draft says the writer is writing as the parent of someone under 18 (「2歳の息子が」)."""
    answers = data.get("intake", {}).get("answers", {})
    return (
        answers.get("relation", {}).get("choice") == "parent"
        and answers.get("age_band", {}).get("choice") == "under_18"
    )


def _child_is_grown(understanding: Understanding, data: dict[str, Any]) -> bool:
    """Whether the child a parent fears hurting is 18 or over: said in the message (「24の息子が」
    「30歳の娘」), else known from a reply about a grown child before, else from the draft (a parent
    writing about someone 18 or over)."""
    others = [entity for entity in understanding.entities if entity.about == "other" and entity.value]
    ages = [e.value != "under_18" for e in others if e.kind == "age_band"]
    ages += [int(e.value) >= 18 for e in others if e.kind == "age" and e.value.isdigit()]
    if ages:
        return all(ages)
    if "grown_child" in memory_of(data).answered:
        return True
    answers = data.get("intake", {}).get("answers", {})
    band = answers.get("age_band", {}).get("choice")
    return answers.get("relation", {}).get("choice") == "parent" and band not in (None, "under_18")


def _says_adult(understanding: Understanding) -> bool:
    """Whether the message says the writer is a grown-up (「34歳の男です」)."""
    for entity in understanding.entities:
        if entity.about == "other":
            continue
        if entity.kind == "age_band" and entity.value not in ("under_18", ""):
            return True
        if entity.kind == "age" and entity.value.isdigit() and int(entity.value) >= 18:
            return True
    return False


def overdose_taken(text: str) -> bool:
    """Whether the words say the pills are already swallowed (「さっき20じょうくらいのんだ」
    「昨夜ODしました」), not kept."""
    if SWALLOWED_ENGLISH.search(text) or SWALLOWED_PAST.search(text) or SWALLOWED_SLANG.search(text):
        return True
    tokens = analyze(tidy(text))
    return any(
        (token.lemma in SWALLOWED or token.surface.lower() in SWALLOWED)
        and (features(tokens, index).past or _done_past(tokens, index))
        for index, token in enumerate(tokens)
    )


def _done_past(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the word at `index` is followed by する in the past (「ODしました」「ODしちゃった」)."""
    following = index + 1
    return following < len(tokens) and tokens[following].lemma == "する" and features(tokens, following).past


def hurt_named(
    understanding: Understanding, data: dict[str, Any] | None = None, text: str = ""
) -> Hurt | None:
    """Who the message says is being hurt, when it speaks of violence or fear: the writer as a child,
    the writer by a partner (「夫が怖い」「夫にLINEを見られるのが怖い」), or a parent by a grown child.

    A relation in an act of violence the writer did not suffer (a father's 「妻を突き飛ばしました」
    about his son) says who was hurt, not who hurts the writer; relatives named only as hurt with
    the writer (「私も親も叩かれます」) say nothing new of who hurts.
    """
    understanding = without_the_spared(understanding, text)
    kinds = set(understanding.crisis_kinds)
    if not kinds & {"violence", "child_abuse"} and "violence" not in understanding.concerns:
        return None
    if {"harm_to_others", "child_abuse"} <= kinds and not _is_child(understanding, data or {}):
        return "own_child"
    if text and _only_the_hurt_named(text):
        return None
    relations = _writer_relations(understanding)
    if text and names_partner(text):
        relations.add("spouse")
    suffered = understanding.crisis != "crisis" or _suffered(understanding)
    if "spouse" in relations and suffered:
        return "partner"
    written = bool(kinds & {"violence", "child_abuse"}) or _violence_written(understanding)
    by_parent = "child" in relations and "parent" not in relations and suffered and written
    if _is_child(understanding, data or {}) or (
        by_parent and _may_be_a_child(understanding, data or {}, text)
    ):
        return "child"
    if by_parent and text and "parent" in who_hurts(text).by:
        return "by_parent"  # 「昔から父に殴られてて、今も殴られます」: a grown-up's
    if relations == {"parent"} and "child_abuse" not in kinds:
        return "parent"
    return None


def _violence_written(understanding: Understanding) -> bool:
    """Whether a rule read violence in the words (「怒鳴られる」), not only the learned layer's guess from
    pieces (「言われて」「顔を」 in a man's account of his parents' worry)."""
    return any(
        evidence.label == "concern:violence" and not evidence.rule.startswith("model:")
        for evidence in understanding.evidence
    )


CONTROL_RULES = (
    "crisis_parents.yaml#watched_always",
    "crisis_parents.yaml#money_kept",
    "intents_s12_dvphone.yaml#pay_taken",
)
"""Rules for control by a partner told gently (being watched, money kept back): the first signs."""


def _violence_beyond_control(understanding: Understanding) -> bool:
    """Whether a rule read violence beyond the first signs of control (「口答えすると物に当たります」)."""
    return any(
        evidence.label == "concern:violence" and not evidence.rule.startswith(("model:", *CONTROL_RULES))
        for evidence in understanding.evidence
    )


def _suffered(understanding: Understanding) -> bool:
    """Whether the writer tells of violence done to them (「殴られました」: the grammar reads a passive)."""
    return any("passive" in e.rule for e in understanding.evidence if e.label == "crisis")


def _names_who_hurts(understanding: Understanding, text: str = "") -> bool:
    """Whether the message names by relation someone who hurts the writer (「夫に殴られました」), not
    only relatives hurt with them (「私も親も叩かれます」)."""
    named = _suffered(understanding) and any(e.kind == "relation" for e in understanding.entities)
    return named and not (text and _only_the_hurt_named(text))


def _only_the_hurt_named(text: str) -> bool:
    """Whether the relatives the words name in an act of violence are all among the hurt."""
    told = who_hurts(text)
    return not told.by and any(who != "self" for who in told.hurt)


def without_the_spared(understanding: Understanding, text: str) -> Understanding:
    """The reading without the relatives the words name only as not hurt, when no one reads them as the
    one who hurts: in 「今日なぐられた。子供は4さい。子供には手はだしてない」 the child is neither the one
    at home who hurts the mother nor a child hurt, so her partner's violence keeps the DV lines."""
    spared = [
        entity
        for entity in understanding.entities
        if entity.kind == "relation" and entity.about == "self" and named_as_spared(text, entity.matched)
    ]
    if not spared:
        return understanding
    doers = who_hurts(text).by
    spared = [entity for entity in spared if PERSON_OF_WRITERS_RELATION.get(entity.value) not in doers]
    kept = tuple(entity for entity in understanding.entities if entity not in spared)
    return replace(understanding, entities=kept) if spared else understanding


def _writer_relations(understanding: Understanding) -> set[str]:
    """What the writer is to the people the message names (「息子が」: parent; 「兄が」: sibling)."""
    return {e.value for e in understanding.entities if e.kind == "relation" and e.about == "self"}


def _relative_at_home_hurts(understanding: Understanding) -> bool:
    """Whether a grown child or a brother or sister is the one at home (「兄が包丁を持って」), no partner."""
    relations = _writer_relations(understanding)
    return bool(relations) and relations <= {"parent", "sibling"}


def _writes_as_a_child(understanding: Understanding) -> bool:
    """Whether the writer names themself someone's child (「おとうさんに」) and no one as their child."""
    relations = _writer_relations(understanding)
    return "child" in relations and "parent" not in relations


CHILDLIKE_WORDS = (*fragments.WORDS["childlike_parent"], *fragments.WORDS["child_school_life"])
"""Words as typed that, beside violence from a parent, tell of a child writing (「おとうさん」「部活」)."""


def _may_be_a_child(understanding: Understanding, data: dict[str, Any], text: str) -> bool:
    """Whether someone who writes of violence from a parent may be a child: an age or school year under
    18, a parent named as a child names them (「おやに」「ぱぱに」), school life, or words in kana only.
    「昔から父に殴られてて、今も殴られます」 is an adult's, whose lines are not the children's."""
    if not text or _is_child(understanding, data):
        return True
    band = data.get("intake", {}).get("answers", {}).get("age_band", {})
    if _says_adult(understanding) or (
        band.get("choice") not in (None, "under_18") and band.get("of") != "other"
    ):
        return False
    kana_only = not any("\u4e00" <= char <= "\u9fff" for char in text)
    return kana_only or any(word in text for word in CHILDLIKE_WORDS)


def _is_child(understanding: Understanding, data: dict[str, Any]) -> bool:
    """Whether the writer says they are under 18 (中2, 14歳), now or earlier in the draft."""
    for entity in understanding.entities:
        if entity.about == "other":
            continue
        if entity.kind == "age_band" and entity.value == "under_18":
            return True
        if entity.kind == "age" and entity.value.isdigit() and int(entity.value) < 18:
            return True
    answers = data.get("intake", {}).get("answers", {})
    band = answers.get("age_band", {})
    return bool(
        answers.get("asker", {}).get("choice") in (None, "self")
        and band.get("choice") == "under_18"
        and band.get("of") != "other"  # 「2歳の息子に手をあげてしまいそう」: the son's age, not the writer's
    )


def _open_lines(situations: tuple[Situation, ...], now: datetime) -> tuple[list[Hotline], list[Hotline]]:
    """(phone lines, chat and LINE lines) for the situations, open at `now`, best fitting first."""
    lines = [
        line
        for line in current_content().hotlines
        if line.hours_known and line.is_open_at(now) and "emergency" not in line.kinds
    ]
    if situations and situations[0] == "family":  # a parent's violence: no partner's line
        lines = [line for line in lines if not set(line.kinds) <= PARTNER_ONLY_KINDS]
    fitting: list[Hotline] = []
    for situation in situations:
        kinds = (
            LINES_FOR.get(situation, situation),
            *((LINES_TOO[situation],) if situation in LINES_TOO else ()),
        )
        for kind in kinds:
            fitting += [line for line in lines if kind in line.kinds and line not in fitting]
    fitting += [line for line in lines if "anything" in line.kinds and line not in fitting]
    return (
        [line for line in fitting if line.channel == "phone"],
        [line for line in fitting if line.channel != "phone"],
    )


def _later_lines(situation: Situation, now: datetime) -> list[Hotline]:
    """The situation's own phone lines, closed now but with known hours, when none of them is open."""
    kind = LINES_FOR.get(situation, situation)
    own = [
        line
        for line in current_content().hotlines
        if kind in line.kinds and line.channel == "phone" and line.hours_known
    ]
    if situation in LATER_TOO:
        return [line for line in own if not line.is_open_at(now)]
    if any(line.is_open_at(now) for line in own):
        return []
    return own


def _line_text(line: Hotline) -> str:
    """One line as the person reads it: name, number or address, hours, free."""
    notes = catalog.text("crisis.hotline_free") if line.free else ""
    return catalog.text(
        f"crisis.line.{line.channel}",
        name=line.name,
        reach=line.number or line.url,
        hours=line.hours_text,
        notes=notes,
    )


def _offer(key: str, *, with_person: bool = False, sent: bool = False) -> Text:
    """The closing message: tell a person (unless one is already reading, or the case was sent: then
    what becomes of this message), or carry on."""
    if with_person:
        return Text(catalog.text("crisis.offer_with_person"))
    if sent:  # carry on, or the menu (whose 「担当者と話したい」 still reaches a person): no second hand-off
        return Text(
            catalog.text("crisis.offer_sent" if key == "crisis.offer" else "crisis.again_offer_sent"),
            (Choice(catalog.text("crisis.continue"), "resume"), Choice(catalog.text("nav.menu"), "menu")),
        )
    return Text(
        catalog.text(key),
        (
            Choice(catalog.text("crisis.human"), "human"),
            Choice(catalog.text("crisis.continue"), "resume"),
        ),
    )


def _offer_to(dialog: Dialog, key: str) -> Text:
    """The closing message fitted to the conversation: a CSW reading, a case sent, or neither."""
    return _offer(key, with_person=bool(dialog.data.get("with_person")), sent=memory_of(dialog.data).sent)


def hotline_list(now: datetime) -> Text:
    """Every line open at `now`, asked for from the rich menu (no urgency is raised)."""
    phones, chats = _open_lines(SITUATIONS, now)
    lines = "\n".join(_line_text(line) for line in [*phones, *chats])
    return Text(catalog.text("hotlines.on_request", lines=lines))


def crisis_messages(
    now: datetime,
    situations: tuple[Situation, ...] = ("suicidal",),
    *,
    with_person: bool = False,
    ask: bool = False,
    who: str = "",
    asked: bool = False,
    sent: bool = False,
    no_phone: bool = False,
    pills_kept: bool = False,
    friend: bool = False,
    young: bool = False,
    minority: bool = False,
) -> tuple[Text, ...]:
    """The first crisis reply: safety now, the fitting lines open at `now`, and the offer of a person
    (after a case was sent, that this message reached it); with `ask` (a way of dying named, or
    thoughts of dying beside violence), the direct question last, with buttons to answer it.

    `who` names the relative whose words about dying the family tells of (`friend`: a friend, partner
    or colleague, whose reply says what a friend can do); `asked` (whether to call 119
    or 110) opens the reply with a plain yes and what to do. Someone unseen or missing gets no lines,
    only 110/119. Someone who cannot phone (`no_phone`) reads the chat and LINE lines first; someone
    who keeps pills (`pills_kept`) is told they can be handed to someone or to a pharmacy. Someone whose
    age is not known and who may be a child (`young`: hurt by a parent, put out of home) is told the
    children's lines too; words of being a sexual minority (`minority`) name a line's service for it."""
    first_key = f"crisis.call_yes.{situations[0]}" if asked else f"crisis.first.{situations[0]}"
    if friend and f"{first_key}.friend" in catalog.entries():  # what a friend can do, not a family
        first_key += ".friend"
    first = Text(catalog.text(first_key, who=who or catalog.text("crisis.relative.family")))
    offer = _offer("crisis.offer", with_person=with_person, sent=sent)
    if situations[0] in WITHOUT_LINES:
        return (first, offer)
    lines = _lines_text(situations, now, no_phone=no_phone)
    later = _later_lines(situations[0], now)
    if later:
        lines += "\n" + catalog.text("crisis.later", lines="\n".join(_line_text(line) for line in later))
    if pills_kept:
        lines += "\n" + catalog.text("crisis.pills_kept_away")
    if young:
        lines += young_lines_text(now, lines)
    if minority:
        lines += minority_lines_text(now)
    if ask:
        question = _direct_question(with_person=with_person, child=situations[0] == "child_dying")
        return (first, Text(lines), Text(offer.text), question)
    return (first, Text(lines), offer)


def young_lines_text(now: datetime, told: str = "") -> str:
    """The children's phone lines open now not already in `told`, for a writer whose age is not known
    (「18歳未満のときは…」), opening with a line end; '' when none is left."""
    phones, _ = _open_lines(("child",), now)
    left = [line for line in phones if "child" in line.kinds and line.number not in told]
    if not left:
        return ""
    return "\n" + catalog.text("crisis.young_too", lines="\n".join(_line_text(line) for line in left)).strip()


def minority_lines_text(now: datetime) -> str:
    """What lines open now offer sexual minorities (「ゲイってばれて…」), opening with a line end; ''
    when the content names none."""
    said = [
        catalog.text("crisis.minority_line", name=line.name, service=line.minorities).strip()
        for line in current_content().hotlines
        if line.minorities and line.hours_known and line.is_open_at(now)
    ]
    return "".join(f"\n{text}" for text in said)


def _lines_text(situations: tuple[Situation, ...], now: datetime, *, no_phone: bool = False) -> str:
    """The fitting phone lines open now, then the chat and LINE ones (those first for `no_phone`)."""
    phones, chats = _open_lines(situations, now)
    phone_text = catalog.text("crisis.phones", lines="\n".join(_line_text(line) for line in phones))
    if not chats:
        return phone_text
    if no_phone:
        chat_text = catalog.text("crisis.chats_first", lines="\n".join(_line_text(line) for line in chats))
        return "\n".join((chat_text, phone_text))
    return "\n".join(
        (phone_text, catalog.text("crisis.chats", lines="\n".join(_line_text(line) for line in chats)))
    )


def _direct_question(*, with_person: bool, child: bool = False) -> Text:
    """The direct question about dying, with buttons to answer it (and to be heard by a person); to a
    child (`child`), in a child's words, with whether the place is safe."""
    choices: tuple[Choice, ...] = (
        Choice(catalog.text("risk.yes"), "risk:yes"),
        Choice(catalog.text("risk.no"), "risk:no"),
    )
    if not with_person:
        choices = (*choices, Choice(catalog.text("risk.listen"), "human"))
    return Text(catalog.text("crisis.child_ask" if child else "crisis.method_ask"), choices)


def dv_messages(now: datetime) -> tuple[Text, ...]:
    """Signs of violence from a partner short of crisis: not your fault, 110 if in danger, the DV lines."""
    return (Text(catalog.text("dv.signs")), Text(_lines_text(("violence",), now)))


def again_messages(
    now: datetime,
    situations: tuple[Situation, ...],
    *,
    with_person: bool = False,
    pills: bool = False,
    turn: int = 0,
    sent: bool = False,
    no_phone: bool = False,
    friend: bool = False,
    minority: bool = False,
) -> tuple[Text, ...]:
    """The brief reply to a second trigger: heard, one fitting line open now, and a person.

    A child hurt at home hears two children's lines (189 and 子供SOS), in her own short words; words of
    being a sexual minority (`minority`) name a line's service for it.

    About pills (`pills`, or pills already taken) it names 119 first, every time. Brief replies in a
    row (`turn`, counted from 0) take turns between two wordings and two lines, so the same cry again
    never gets the last reply word for word. Someone who cannot phone (`no_phone`) is given a chat or
    LINE line.
    """
    phones, chats = _open_lines(situations, now)
    fitting = sorted(phones + chats, key=lambda line: "anything" in line.kinds)  # DV相談＋ before よりそい
    if no_phone and chats:
        fitting = chats + phones
    variant = ".b" if turn % 2 else ""
    first = fitting[1:2] if variant and len(fitting) > 1 else fitting[:1]
    if situations[0] == "child" and len(fitting) > 1 and not no_phone:
        first = fitting[:2]
    line = "\n".join(_line_text(one) for one in first) if first else catalog.text("crisis.again_emergency")
    key = "crisis.again_overdose" if pills or situations[0] == "overdose" else "crisis.again"
    if situations[0] == "overdose":
        key = "crisis.again_overdose_taken"  # 「20錠くらい？」 after pills taken: 119 now, not "if"
    if key == "crisis.again" and situations[0] == "self_harm":
        key = "crisis.again_self_harm"  # 「血が止まらない」 again: how to stop the bleeding, and 119
    if situations[0] in (
        "at_home",
        "home_violence",
        "parent",
        "grown_child",
        "relative_suicidal",
        "relative_self_harm",
        "unseen",
        "neglect",
        "missing",
        "family",
        "child",
        "child_dying",
    ):  # a child unfed: never 110
        key = f"crisis.again_{situations[0]}"
    if friend and situations[0] == "relative_suicidal":
        key = "crisis.again_friend_suicidal"  # a friend: not 「ご家族のことが」
    text = catalog.text(key + variant, line=line)
    if minority:
        text = text.rstrip("\n") + minority_lines_text(now)
    if with_person or sent:
        return (Text(text), _offer("crisis.offer", with_person=with_person, sent=sent))
    return (Text(text), _offer("crisis.again_offer" + variant))


@dataclass(frozen=True)
class CrisisMemory:
    """What a conversation knows of its crisis replies: when the last was sent, the situations that
    got their whole fitted block since, and who is being hurt."""

    shown_at: datetime | None = None
    answered: tuple[str, ...] = ()
    hurt: Hurt | None = None
    asked_at: datetime | None = None
    """When the direct question about dying was last asked after a method was named."""
    brief: int = 0
    """How many brief replies were sent in a row since the last whole block."""
    sent: bool = False
    """Whether the conversation's case was sent and no CSW holds it yet: a crisis reply says the message
    reached it, and offers no hand-off."""
    no_phone: bool = False
    """Whether the person said they cannot phone (「電話は無理。声出ない」): chat and LINE lines first."""
    method_named: bool = False
    """Whether a way of dying was named and asked about: the first one named is more acute than
    thoughts of dying told before it (「台所で包丁を見ていて」 after 「私がいなくなったほうが」)."""
    question_answered_at: datetime | None = None
    """When a question about dying was last answered (a button or typed words)."""
    bleeding_stopped_at: datetime | None = None
    """When the person said the bleeding stopped (「血はとまった」)."""
    friend: bool = False
    """Whether the one whose words about dying were told is a friend, not family (「友達が」)."""

    def question_settled(self, now: datetime) -> bool:
        """Whether the direct question needs no asking now: asked within `QUESTION_FRESH` (not again at
        once), or within `REPEAT_WITHIN` and answered since."""
        answered = self.question_answered_at
        if self.asked_at is None or self.asked_within(now, QUESTION_FRESH):
            return self.asked_at is not None
        return self.asked_lately(now) and answered is not None and answered >= self.asked_at

    def bleeding_stopped(self, now: datetime) -> bool:
        """Whether the bleeding was said to have stopped within `AFTER_CRISIS_WITHIN`."""
        stopped = self.bleeding_stopped_at
        return stopped is not None and now - stopped < AFTER_CRISIS_WITHIN

    def asked_lately(self, now: datetime) -> bool:
        """Whether the direct question was asked within `REPEAT_WITHIN`."""
        return self.asked_at is not None and now - self.asked_at < REPEAT_WITHIN

    def asked_within(self, now: datetime, within: timedelta) -> bool:
        """Whether the direct question was asked less than `within` ago."""
        return self.asked_at is not None and now - self.asked_at < within

    def is_repeat(self, situation: Situation, now: datetime) -> bool:
        """Whether a reply for `situation` now is the same situation again, answered in full lately."""
        return self.recent(now) and situation in self.answered

    def recent(self, now: datetime) -> bool:
        """Whether the last crisis reply was sent within `REPEAT_WITHIN`."""
        return self.shown_at is not None and now - self.shown_at < REPEAT_WITHIN

    def after(
        self,
        situations: tuple[Situation, ...],
        now: datetime,
        *,
        asked: bool = False,
        brief: bool = False,
        method: bool = False,
    ) -> CrisisMemory:
        """The memory once a reply fitted to `situations` is sent at `now` (`asked`: with the question;
        `brief`: the brief reply; `method`: a way of dying named and asked about)."""
        answered = self.answered if self.recent(now) else ()
        hurt = HURT_IN.get(situations[0], self.hurt)
        asked_at = now if asked else self.asked_at
        briefs = self.brief + 1 if brief else 0
        told = situations if asked else situations[:1]  # with the question, the dying beside violence too
        answered_now = tuple(dict.fromkeys([*answered, *told]))
        named = self.method_named or method
        return replace(
            self,
            shown_at=now,
            answered=answered_now,
            hurt=hurt,
            asked_at=asked_at,
            brief=briefs,
            method_named=named,
        )


def memory_of(data: dict[str, Any]) -> CrisisMemory:
    """The crisis memory kept in a conversation's stored data."""
    stored = data.get("crisis", {})
    hurt = stored.get("hurt")
    brief = stored.get("brief")
    return CrisisMemory(
        _stamp(stored, "shown_at"),
        tuple(stored.get("answered") or stored.get("situations") or ()),
        hurt if hurt in SITUATION_OF_HURT else None,
        _stamp(stored, "method_asked_at"),
        brief if isinstance(brief, int) else 0,
        isinstance(data.get("handoff"), dict) and not data.get("with_person"),
        bool(stored.get("no_phone")),
        bool(stored.get("method_named")),
        _stamp(stored, "risk_answered_at"),
        _stamp(stored, "bleeding_stopped_at"),
        bool(stored.get("relative_friend")),
    )


def _stamp(stored: dict[str, Any], key: str) -> datetime | None:
    """The time kept under `key`, if any."""
    value = stored.get(key)
    return datetime.fromisoformat(value) if isinstance(value, str) else None


METHOD_RULES = (
    "#method",
    "#stockpile",
    "#rope_ready",
    "#bare_means",
    "#sealed_car",
    "#at_danger_place",
    "#looking_down",
    "#train_jump",
    "#going_to_end_place",
)
"""Lexicon rules that name a way of dying (練炭, 飛び降り, ロープ), pills being kept for it, or being at
a place to die (「屋上にいる」)."""


def names_method(understanding: Understanding | None) -> bool:
    """Whether the words name a way of dying or pills being kept (「練炭とか楽なのかなって」「薬をためてる」).

    A jump is named by the lemma rules too (「飛び降りたら楽かな」 reads as 飛び下りる wished)."""
    if understanding is None:
        return False
    found = [evidence for evidence in understanding.evidence if evidence.label == "crisis"]
    named = [evidence for evidence in found if any(rule in evidence.rule for rule in METHOD_RULES)]
    return bool(named) or any("飛び" in evidence.matched for evidence in found)


def method_messages(
    now: datetime,
    situations: tuple[Situation, ...],
    *,
    with_person: bool = False,
    no_phone: bool = False,
    first: str = "crisis.method",
    ask: bool = True,
    sent: bool = False,
) -> tuple[Text, ...]:
    """A way of dying named after the first reply (often after a denial), or thoughts of dying told beside
    violence already answered (`first`: "crisis.dying_too"): safety now with 119 and 110, the lines
    open now, and one gentle, direct question with buttons to answer it (without `ask`, when it was
    asked minutes ago: the offer of a person instead)."""
    last = (
        _direct_question(with_person=with_person)
        if ask
        else _offer("crisis.again_offer", with_person=with_person, sent=sent)
    )
    return (Text(catalog.text(first)), Text(_lines_text(situations, now, no_phone=no_phone)), last)


def still_there_messages(
    now: datetime,
    situations: tuple[Situation, ...],
    *,
    no_phone: bool = False,
    sent: bool = False,
    outside: bool = False,
) -> tuple[Text, ...]:
    """Still at the place named after the question (「まだベランダ。寒い」): go inside, away from the edge,
    someone near, 119/110, and one line to reach now (a chat line for someone who cannot phone). A place
    outside (`outside`: 「まだ橋の上」) gets away from the edge to a safe spot or to people instead."""
    key = "crisis.still_at_place_outside" if outside else "crisis.still_at_place"
    line = _one_line_now(now, situations, no_phone=no_phone)
    return (Text(catalog.text(key, line=line)), _offer("crisis.again_offer", sent=sent))


def reply_for(
    understanding: Understanding | None,
    situations: tuple[Situation, ...],
    memory: CrisisMemory,
    now: datetime,
    *,
    with_person: bool = False,
    text: str = "",
    young: bool = False,
) -> tuple[tuple[Text, ...], CrisisMemory]:
    """The crisis reply that fits what the conversation knows, and the memory after it.

    A new or more acute situation gets its whole block; the same one again within `REPEAT_WITHIN` the
    brief reply, except that a way of dying named then (「練炭とか楽なのかなって」 after 「冗談です」)
    gets the direct question, once in that time. A way of dying named in the first message
    (「ロープ買ってきた」「屋上にいる」) gets the whole block with the direct question last. Asking
    whether to call (「救急車呼んだほうがいいですか」) after pills, cutting or someone unseen or missing is
    answered with a plain yes first, every time. Thoughts of dying told after pills or cutting
    (「消えたいなーってのは毎日ある」) get the direct question too. A time named with thoughts of dying
    (「今日で終わりにしたい」) is more acute: the whole block and the question again. Thoughts of dying
    beside violence get the question too; still at the place named (「まだ屋上にいる」) gets go inside.
    Thoughts of dying again (「なんかもう全部終わりにしたい」) while the direct question was never asked,
    or not answered and not asked in the last `QUESTION_FRESH`, get the brief reply and the question.
    Cutting told as a way to cope (「別に死にたいわけじゃない。やると落ち着くだけ」), or more words after
    the bleeding stopped, is heard without first aid again. After a case was sent, the reply says the
    message reached it; after 「電話は無理」, chat and LINE lines come first. A child thinking of dying
    (`child_dying`) is asked the direct question at once, in a child's words; someone who may be a child,
    age unknown (`young`), is asked too and told the children's lines beside the others."""
    minority = fragments.holds_word_of(text, "sexual_minority")
    memory = replace(memory, no_phone=memory.no_phone or fragments.cannot_phone(text))
    no_phone, sent = memory.no_phone, memory.sent and not with_person
    asked = asks_to_call(understanding) and situations[0] in CALL_YES
    if asked and memory.is_repeat(situations[0], now):
        yes = Text(catalog.text(f"crisis.call_yes.{situations[0]}"))
        offer = _offer("crisis.again_offer", with_person=with_person, sent=sent)
        return (yes, offer), memory.after(situations, now)
    timed = situations[0] == "suicidal" and fragments.names_a_time(text)
    dying_too = "suicidal" in situations[1:] and not memory.asked_lately(now)
    if timed or not memory.is_repeat(situations[0], now):
        # pills kept and affairs put in order count as a way named (「睡眠薬を飲まずにためてあります」
        # 「身辺整理はだいたい済んだ」): preparation is asked about directly
        prepared = fragments.holds_word_of(text, "affairs_in_order")
        named = names_method(understanding) or fragments.pills_kept(text) or prepared
        method = situations[0] == "suicidal" and named and not memory.asked_lately(now)
        after_harm = (
            situations[0] == "suicidal" and memory.recent(now) and bool(set(HARMED) & set(memory.answered))
        )
        ask = timed or method or dying_too or (after_harm and not memory.asked_lately(now))
        ask = ask or (situations[0] == "child_dying" or (young and situations[0] == "suicidal"))
        who = relative_name(text) if situations[0] in ("relative_suicidal", "relative_self_harm") else ""
        friend = situations[0] == "relative_suicidal" and (names_a_friend(text) or memory.friend)
        messages = crisis_messages(
            now,
            situations,
            with_person=with_person,
            ask=ask,
            who=who,
            asked=asked,
            sent=sent,
            no_phone=no_phone,
            pills_kept=fragments.pills_kept(text),
            friend=friend,
            young=young,
            minority=minority,
        )
        return messages, memory.after(situations, now, asked=ask, method=method)
    if memory.asked_lately(now) and memory.method_named and fragments.still_at_place(text):
        outside = fragments.outside_place(text)
        messages = still_there_messages(now, situations, no_phone=no_phone, sent=sent, outside=outside)
        return messages, memory.after(situations, now)
    method = names_method(understanding)
    again = method and (not memory.method_named or fragments.says_misread(text))
    if (method or dying_too) and (not memory.asked_lately(now) or again):
        first = "crisis.method" if method else "crisis.dying_too"
        # asked again after `QUESTION_FRESH`, or for the first way of dying named; not for a correction
        ask = not memory.asked_within(now, QUESTION_FRESH) or (method and not memory.method_named)
        messages = method_messages(
            now, situations, with_person=with_person, no_phone=no_phone, first=first, ask=ask, sent=sent
        )
        if method:  # the lines were given minutes ago: one kept, and the kept pills spoken of
            messages = _lines_again(messages, situations, now, no_phone=no_phone, text=text)
        return messages, memory.after(situations, now, asked=ask, method=method)
    if situations[0] == "self_harm" and _copes(understanding, memory, now, text):
        messages = coping_messages(now, with_person=with_person, no_phone=no_phone, sent=sent, memory=memory)
        return messages, memory.after(situations, now, brief=True)
    pills = understanding is not None and "overdose" in understanding.crisis_kinds
    if situations[0] in ("suicidal", "child_dying") and not memory.question_settled(now):  # never asked
        brief, offer = again_messages(
            now,
            situations,
            with_person=with_person,
            pills=pills,
            turn=memory.brief,
            sent=sent,
            no_phone=no_phone,
        )
        kept = (Text(offer.text),) if sent or with_person else ()  # what becomes of it, without buttons
        question = _direct_question(with_person=with_person, child=situations[0] == "child_dying")
        messages = (brief, *kept, question)
        return messages, memory.after(situations, now, asked=True, brief=True)
    if (
        situations[0] == "child"
        and understanding is not None
        and "talk.child_guidance" in understanding.intents
    ):
        guidance = child_guidance_text(
            now
        )  # 「じどうそうだんじょって いったら いえに くるの？」: her question
        if guidance is not None:
            offer = _offer("crisis.again_offer", with_person=with_person, sent=sent)
            return (Text(guidance), offer), memory.after(situations, now, brief=True)
    messages = again_messages(
        now,
        situations,
        with_person=with_person,
        pills=pills,
        turn=memory.brief,
        sent=sent,
        no_phone=no_phone,
        friend=memory.friend or names_a_friend(text),
        minority=minority,
    )
    return messages, memory.after(situations, now, brief=True)


COPING_RULES = ("#cutting_calms",)
"""Lexicon rules that tell of cutting to cope (「やると落ち着く」「切ったら楽になる」)."""


def _copes(understanding: Understanding | None, memory: CrisisMemory, now: datetime, text: str) -> bool:
    """Whether more words after cutting was answered tell of cutting to cope (「別に死にたいわけじゃない。
    やると落ち着くだけ」) or come after the bleeding stopped, and nothing of a wound bleeding now."""
    if fragments.tells_of_body(text, "self_harm"):
        return False
    found = [e.rule for e in understanding.evidence if e.label == "crisis"] if understanding else []
    coping = any(rule in name for name in found for rule in COPING_RULES)
    return coping or memory.bleeding_stopped(now)


def coping_messages(
    now: datetime, *, with_person: bool, no_phone: bool, sent: bool, memory: CrisisMemory
) -> tuple[Text, ...]:
    """Cutting to cope, without wanting to die: heard without a lecture, the wound named only while it
    may still bleed, a line to write or talk to (chat first), and a person; no first aid again."""
    phones, chats = _open_lines(("self_harm",), now)
    reach = (chats + phones)[:1] if no_phone or not phones else (chats[:1] or phones[:1])
    line = _line_text(reach[0]) if reach else catalog.text("crisis.again_emergency")
    key = "crisis.coping_self_harm" if memory.bleeding_stopped(now) else "crisis.coping_self_harm.unsure"
    return (
        Text(catalog.text(key, line=line)),
        _offer("crisis.again_offer", with_person=with_person, sent=sent),
    )


def child_guidance_text(now: datetime) -> str | None:
    """For a child asking what a 児童相談所 does (and fearing the family will find out): what it is, that
    she may say that fear first, and the line open now; None when the content has no such line."""
    phones, chats = _open_lines(("child",), now)
    told = [line for line in [*phones, *chats] if line.about]
    if not told:
        return None
    return catalog.text("crisis.child_guidance_fear", about=told[0].about, line=_line_text(told[0]))


def crisis_answer(
    text: str, now: datetime, memory: CrisisMemory | None = None
) -> tuple[tuple[Text, ...], CrisisMemory] | None:
    """The messages to send at once when `text` suggests danger to life, and the memory after; None otherwise.

    Pure (no I/O) and quick, for the webhook's fast path. `memory` is what the conversation knows, if
    anything: the same situation again within `REPEAT_WITHIN` gets the brief reply; a new or more
    acute one (pills taken after pills kept, a child hit after 「たすけて」) its whole fitted block.
    """
    memory = memory or CrisisMemory()
    understanding = _as_told(_feared_in_words(classify(text), text, None, memory.hurt), text)
    if understanding.crisis != "crisis":
        return None  # 「息子が壁を殴って穴を」 read as crisis by the model alone: the turn answers (保健所)
    if memory.asked_lately(now) and fragments.answers_yes_at_length(text):
        return None  # a yes to the direct question: the turn answers it (`answer_risk_at_length`)
    situations = situations_of(understanding, None, text, memory.hurt)
    return reply_for(understanding, situations, memory, now, text=text)


def crisis_reply(text: str, now: datetime, *, memory: CrisisMemory | None = None) -> tuple[Text, ...] | None:
    """The messages to send at once when `text` suggests danger to life; None otherwise.

    When the bot sends these, it must pass `crisis_already_sent=True` to `dialogs.engine.handle` for
    the same text.
    """
    answer = crisis_answer(text, now, memory)
    return answer[0] if answer else None


REPLACED_BY_LEAD: dict[str, str] = {
    "home_violence": "urgency.reason.violence",
    "neglect": "urgency.crisis_reason.child_abuse",
    "missing": "urgency.crisis_reason.unseen",
    "grown_child": "urgency.crisis_reason.child_abuse",
    "friend_suicidal": "urgency.crisis_reason.suicidal",
    "family": "urgency.crisis_reason.child_abuse",
}
"""A reason the conversation names more exactly: a grown child's shouting is not partner DV, and a child
given no food is not read as hit, and a parent afraid of hitting a grown child, or a grown-up hit by a
parent, is not child abuse."""


def _reasons(
    understanding: Understanding, level: str, text: str, lead: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Why this message raised the case to `level`, for the CSW (see `summary.urgency_reasons`);
    `lead` names first what the conversation tells more exactly (violence from a grown child, neglect).
    A sentence that only denies an act of violence (「夫は手を上げてはいません」) is never quoted."""
    named = [catalog.text(f"urgency.reason.{kind}") for kind in lead]
    replaced = {catalog.text(REPLACED_BY_LEAD[kind]) for kind in lead if kind in REPLACED_BY_LEAD}
    told = _kinds_told(understanding, text)
    sentences = SENTENCES.findall(text)
    kept = "".join(sentence for sentence in sentences if not only_denies(sentence)).strip() or text
    if kept != text.strip():  # the whole message read by a context rule is read as what is kept
        whole = [replace(e, matched=kept) if e.matched == text.strip() else e for e in told.evidence]
        told = replace(told, evidence=tuple(e for e in whole if e.matched in kept))
    found = [reason for reason in urgency_reasons(told, level, kept) if reason not in replaced]
    return tuple(dict.fromkeys([*named, *found]))


SENTENCES = re.compile(r"[^。!?！？\n]+[。!?！？\n]*")
"""The sentences of a message, each with its end marks."""


CRY_FOR_HELP_RULES = frozenset({"crisis_violence.yaml#help_now"})
"""Rules that read a bare cry for help (「だれか たすけて」): answered with the crisis lines, but no sign
of wanting to die to write on the sheet."""


def _tells_who_hurts(text: str) -> bool:
    """Whether the words themselves tell of an act of violence, by someone or to someone (not denied)."""
    told = who_hurts(text)
    return bool(told.by or told.hurt)


def _kinds_told(understanding: Understanding, text: str) -> Understanding:
    """The reading with only the kinds its words tell the CSW: not a wish to die from a bare cry for
    help, and not violence the learned layer alone read beside thoughts of dying when nothing in the
    words says who hurts whom (「私がいなくなったほうがみんな楽になる」 beside 「子どもたちも殴られては
    いないです」); violence the message tells of (「夫が息子を毎晩殴る」) keeps the learned layer's kind."""
    kinds = understanding.crisis_kinds
    if text and "suicidal" in kinds and set(kinds) & READ_BY_MODEL_ONLY and not _tells_who_hurts(text):
        ruled = classify(text, rules_only=True).crisis_kinds
        kinds = tuple(k for k in kinds if k in ruled or k not in READ_BY_MODEL_ONLY)
    crisis_rules = {e.rule for e in understanding.evidence if e.label == "crisis"}
    if crisis_rules and crisis_rules <= CRY_FOR_HELP_RULES:
        kinds = tuple(k for k in kinds if k != "suicidal")
    return replace(understanding, crisis_kinds=kinds)


def _urgent_guidance(understanding: Understanding, now: datetime) -> str:
    """What to do for each urgent situation the reading names (tonight's needs if none is named).

    No bed tonight comes first and whole; every other need named with it gets one line between them
    (the home: `urgent.home_too`, else `urgent.also`), so the office hours are told once."""
    content = current_content()
    named = {URGENT_KIND_SITUATIONS.get(kind) for kind in understanding.crisis_kinds}
    if "no_place_tonight" in named and "housing" in understanding.concerns:
        named.add("losing_home")  # a home about to be lost: tonight's bed and how to keep a home
    situations = [s for s in URGENT_SITUATIONS if s in named] or list(UNNAMED_URGENT_SITUATIONS)
    if "no_place_tonight" not in situations or len(situations) == 1:
        return "\n".join(content.urgent_guidance(situation, now) for situation in situations)
    others = [s for s in situations if s != "no_place_tonight"]
    hours = "during" if is_open(now, content.office_hours) else "after"
    window = content.window(content.temporary_living_info.window)
    if others == ["losing_home"]:
        also = catalog.text(f"urgent.home_too.{hours}", window_name=window.name)
    else:
        topics = catalog.text("summary.separator").join(catalog.text(f"urgent.topic.{s}") for s in others)
        also = catalog.text(f"urgent.also.{hours}", topics=topics, window_name=window.name)
    return "\n".join((content.urgent_guidance("no_place_tonight", now), also.strip()))


def _record(dialog: Dialog, level: str, reasons: tuple[str, ...]) -> None:
    """Keep the highest urgency and every reason given so far, in order, for the summary (「食べるものがない」
    stays beside a later 「死にたい」)."""
    stored = dialog.data.get("urgency", {})
    levels = [known for known in (stored.get("level"), level) if known in URGENCY_LEVELS]
    highest = min(levels, key=URGENCY_LEVELS.index, default=level)
    kept = list(stored.get("reasons", []))
    dialog.data["urgency"] = {"level": highest, "reasons": [*kept, *(r for r in reasons if r not in kept)]}


def _recently(dialog: Dialog, key: str, within: timedelta) -> bool:
    """Whether `data['crisis'][key]` holds a time less than `within` ago."""
    stamp = dialog.data.get("crisis", {}).get(key)
    return isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < within


def _mark(dialog: Dialog, key: str) -> None:
    """Record now under `data['crisis'][key]`."""
    dialog.data.setdefault("crisis", {})[key] = dialog.now.isoformat()


def _answer_crisis(
    dialog: Dialog,
    situations: tuple[Situation, ...],
    *,
    already_sent: bool,
    understanding: Understanding | None = None,
) -> None:
    """Send the whole fitted block, the direct question after a way of dying is named, or the brief reply
    to the same situation again (nothing when the fast path already sent it), and remember what was
    answered and who is hurt. `understanding` is the reading that called for it (this message's, or
    the message read with the short ones before it)."""
    with_person = bool(dialog.data.get("with_person"))
    reading = understanding or dialog.understanding
    memory = memory_of(dialog.data)
    text = dialog.user_input.text
    young = situations[0] in YOUNG_TOO and maybe_young(dialog, reading, situations[0])
    if situations[0] == "child" and memory.is_repeat("child_dying", dialog.now):
        memory = replace(memory, answered=(*memory.answered, "child"))  # her lines were given: brief
    messages, after = reply_for(
        reading, situations, memory, dialog.now, with_person=with_person, text=text, young=young
    )
    stored = dialog.data.setdefault("crisis", {})
    stored.update(
        shown_at=dialog.now.isoformat(),
        situations=list(situations),
        answered=list(after.answered),
        brief=after.brief,
    )
    if situations[0] == "relative_suicidal":
        stored["relative"] = relative_name(text)
        if names_a_friend(text):
            stored["relative_friend"] = True
            _note_friend_asks(dialog)
    if after.hurt is not None:
        stored["hurt"] = after.hurt
    if situations[0] == "family":
        untick_read_from_text(dialog.data, "childcare_education")  # a grown-up hit by a parent
    if after.asked_at is not None:
        stored["method_asked_at"] = after.asked_at.isoformat()
    if after.no_phone:
        stored["no_phone"] = True
    if after.method_named:
        stored["method_named"] = True
    if not already_sent:
        dialog.send(*messages)


def _note_friend_asks(dialog: Dialog) -> None:
    """On the 受付票, one writing of a friend at risk asks as a friend (関係者・友人), unless who is asking
    was chosen or said outright: the friend is the one the form is about, not the writer."""
    answers = dialog.data.setdefault("intake", {}).setdefault("answers", {})
    asker = answers.get("asker", {})
    if asker.get("choice") and not asker.get("guess"):
        return
    answers["asker"] = {"choice": "supporter", "from_text": True}
    if not answers.get("relation", {}).get("choice"):
        answers["relation"] = {"choice": "friend", "from_text": True}


def _last_situations(dialog: Dialog) -> tuple[Situation, ...]:
    """The situations the last crisis reply was fitted to (thoughts of dying when none was kept)."""
    kept = dialog.data.get("crisis", {}).get("situations") or []
    return tuple(s for s in SITUATIONS if s in kept) or ("suicidal",)


def remember_hurt(dialog: Dialog) -> None:
    """Keep who the message says is being hurt, for the turns after (「きのうも なぐられた」); not from
    violence long past (「小学生の頃、父に毎日殴られていました」)."""
    if dialog.understanding is None or told_long_ago(dialog.user_input.text):
        return
    hurt = hurt_named(dialog.understanding, dialog.data, dialog.user_input.text)
    if hurt is not None:
        dialog.data.setdefault("crisis", {})["hurt"] = hurt


def correction_of(text: str) -> WhoHurts | None:
    """Who the words say does not hurt, when they correct a reading of who hurts whom (「いえ、妻に手を
    上げているのは息子ではなく…」「いえ、息子は妻に手を上げてはいません」); None when they do not."""
    told = who_hurts(text)
    if not told.not_by or told.done or not (told.cleft or fragments.opens_with_correction(text)):
        return None  # 「いえ、夫は手を上げてはいません。怒鳴るだけです」 still tells of an act
    return told


def _revise_after_correction(dialog: Dialog, told: WhoHurts) -> None:
    """Forget what a correction says was misread: that the one said not to hurt is hurting someone, and
    the situations answered for it (a later crisis gets its own whole block, not the brief one)."""
    stored = dialog.data.setdefault("crisis", {})
    wrong = {hurt for hurt, doers in DOERS_OF_HURT.items() if set(doers) & set(told.not_by)}
    if stored.get("hurt") in wrong:
        del stored["hurt"]
    if "answered" in stored:
        stored["answered"] = [s for s in stored["answered"] if HURT_OF_ANSWERED.get(s) not in wrong]


def _without_violence(understanding: Understanding) -> Understanding:
    """The reading without the kinds that tell of someone hurting someone (no danger when none is left)."""
    kinds = tuple(kind for kind in understanding.crisis_kinds if kind not in VIOLENCE_KINDS)
    return replace(understanding, crisis=understanding.crisis if kinds else "none", crisis_kinds=kinds)


def _as_told(understanding: Understanding, text: str) -> Understanding:
    """The reading with what the words take back or place long ago set aside: violence someone is said
    not to do (「いえ、妻に手を上げているのは息子ではなく、私でもありません」) is no danger, and violence
    long past, told in the past with nothing of it lately (「小学生の頃、父に毎日殴られていました」), is
    history to hear (`LONG_AGO_RULE`), not the emergency lines; 「昨日も」「今も」 keep it a crisis."""
    kinds = set(understanding.crisis_kinds)
    if understanding.crisis == "none" or not kinds & VIOLENCE_KINDS:
        return understanding
    told = correction_of(text)
    if told is not None and not told.by:
        return _without_violence(understanding)
    if kinds <= VIOLENCE_KINDS and told_long_ago(text):
        past = Evidence("resolved:crisis", text.strip(), LONG_AGO_RULE)
        return replace(_without_violence(understanding), evidence=(*understanding.evidence, past))
    return understanding


def told_long_ago(text: str) -> bool:
    """Whether the words tell of violence only in the past and place it long ago, nothing of it lately;
    a sentence of fear that lasts, with no act in it (「昔、父に殴られていました。今も怖いです」), tells of
    a feeling now, not of violence lately."""
    return fragments.tells_long_ago(_without_lasting_fear(text)) and acts_in_past(text)


def _without_lasting_fear(text: str) -> str:
    """The words less the sentences that tell only of fear or memories that last (「今も怖いです」)."""
    kept = [s for s in SENTENCES.findall(text) if not (fragments.fear_lingers(s) and not tells_acts(s))]
    return "".join(kept)


def answer_correction(dialog: Dialog) -> bool:
    """A correction of who hurts whom that names no one else (「いえ、妻に手を上げているのは息子ではなく、
    私でもありません。ただ、いずれそうなりそうで怖いのです」): thanks, the reading revised, and a window
    that is not the police for the worry about what may come; never the lines for the one said not to
    hurt. True when answered."""
    told = correction_of(dialog.user_input.text)
    if told is None or told.by:
        return False
    who = next((RELATIVE_NAMES[word] for word in told.not_by_words if word in RELATIVE_NAMES), "family")
    lines_for: Situation = "violence" if "partner" in told.not_by else "home_violence"
    line = _first_line_with_about((lines_for,), dialog.now)
    window = "\n".join((line.about, _line_text(line))) if line is not None else ""
    keep_typed(dialog)
    dialog.say("crisis.corrected", who=catalog.text(f"crisis.relative.{who}"), window=window)
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def answer_past_told(dialog: Dialog) -> bool:
    """Violence long past (「小学生の頃、父に毎日殴られていました」「昔、元夫からDVを受けていました。
    離婚して5年です」) or an attempt or self-harm now settled (「10年前に自殺未遂をしたことがあります。
    今は落ち着いています」), told at the menu: heard warmly and kept for the person in charge, no
    emergency block, and the conversation goes on; once in `REPEAT_WITHIN`. The 受付票 notes it beside
    the urgency, which it does not raise. True when answered."""
    understanding = dialog.understanding
    if understanding is None or understanding.crisis != "none":
        return False
    at_menu = dialog.state in (MenuStates.START, MenuStates.MAIN)
    if not at_menu or _recently(dialog, "past_told_at", REPEAT_WITHIN):
        return False
    text = dialog.user_input.text
    resolved = [evidence.rule for evidence in understanding.evidence if evidence.label == "resolved:crisis"]
    violence = LONG_AGO_RULE in resolved or (
        "violence" in understanding.concerns
        and fragments.tells_long_ago(_without_lasting_fear(text))
        and not understanding.intents
    )
    if not resolved and not violence:
        return False
    _mark(dialog, "past_told_at")
    keep_typed(dialog)
    kind = "violence" if violence else "harm"
    _record(dialog, "normal", (catalog.text(f"urgency.history.{kind}"),))  # for the CSW: no raise
    afraid = violence and fragments.fear_lingers(text)  # 「今も怖いです」: the fear now, and is she safe
    dialog.say("crisis.past_told.violence_feared" if afraid else f"crisis.past_told.{kind}")
    dialog.send(_offer_to(dialog, "urgent.offer"))
    _answer_asked_too(dialog)
    return True


def _first_line_with_about(situations: tuple[Situation, ...], now: datetime) -> Hotline | None:
    """The best fitting line open now that says what it is (for someone who fears the police)."""
    phones, chats = _open_lines(situations, now)
    told = [line for line in [*phones, *chats] if line.about]
    return min(told, key=lambda line: "anything" in line.kinds, default=None)  # DV相談＋ before よりそい


def _first_open_line(situations: tuple[Situation, ...], now: datetime, *, no_phone: bool) -> Hotline | None:
    """The best fitting line open at `now`, one to write to first for someone who cannot phone."""
    phones, chats = _open_lines(situations, now)
    return next(iter(chats + phones if no_phone else phones + chats), None)


def _one_line_now(now: datetime, situations: tuple[Situation, ...], *, no_phone: bool) -> str:
    """One line to reach now (a chat line first for someone who cannot phone), or 119/110 if none is open."""
    line = _first_open_line(situations, now, no_phone=no_phone)
    return _line_text(line) if line else catalog.text("crisis.again_emergency")


def _written_line_first(situations: tuple[Situation, ...], now: datetime) -> str:
    """One line open at `now` for these situations, a chat line before a phone line (110/119 if none)."""
    return _one_line_now(now, situations, no_phone=True)


def _forget_overdose(dialog: Dialog) -> None:
    """Leave the overdose reading when the person says the pills were not taken (「飲んでないです。
    ためてるだけです」): later turns are not answered as pills swallowed."""
    stored = dialog.data.get("crisis", {})
    for key in ("situations", "answered"):
        kept = [situation for situation in stored.get(key, []) if situation != "overdose"]
        stored[key] = kept or ["suicidal"]


def answer_after_crisis(dialog: Dialog) -> bool:
    """Answer a short reply to a recent crisis reply; False when it is not one.

    A denial (「別に死ぬつもりちゃうで」): thanks, and 119 again if pills were taken.
    「別に」「もういい」 (also at the start: 「もういい。どうせ…」) and taking it back (「冗談です」
    「ちょっと疲れてるだけ」) on the menu: one warm line that leaves the door open, with 119 after
    pills (at a question they may be the answer: 配慮してほしいことは → 「別に」). 「けいさつはやだ」:
    a line that is not the police, and 110 only if life is in danger. 「じどうそうだんじょ」: what a
    児童相談所 does.
    """
    understanding = dialog.understanding
    if understanding is None or not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    intents = set(understanding.intents)
    waved_off = "talk.dismiss" in intents or fragments.waves_off(dialog.user_input.text)
    situations = _last_situations(dialog)
    if situations[0] == "relative_suicidal" and (
        "talk.dismiss" in intents or fragments.takes_back(dialog.user_input.text)
    ):  # 「息子のことです。私は大丈夫です」: her own word, not a denial to doubt
        keep_typed(dialog)
        who = dialog.data.get("crisis", {}).get("relative") or catalog.text("crisis.relative.family")
        dialog.say("crisis.relative_fine", who=who)
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    text = dialog.user_input.text
    pills_question_open = _recently(dialog, "pills_asked_at", QUESTION_FRESH)  # answer_pills_reply's
    if fragments.pills_kept(text) and not overdose_taken(text) and not pills_question_open:
        _forget_overdose(dialog)
        keep_typed(dialog)
        dialog.say("crisis.denied_pills_kept", line=_written_line_first(situations, dialog.now))
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    if situations[0] == "parent" and fragments.is_short(text) and only_denies(text):
        # 「叩いてないよ」 after 「さっき叩きそうになった」: she stopped herself; no label on her
        keep_typed(dialog)
        dialog.say("crisis.parent_not_hit", line=_written_line_first(situations, dialog.now))
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    if any(evidence.label == "negated:crisis" for evidence in understanding.evidence):
        keep_typed(dialog)
        pills = "overdose" in memory_of(dialog.data).answered
        dialog.say("crisis.denied_after_pills" if pills else "crisis.denied")
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    if fragments.apologises(text) and not waved_off and not fragments.takes_back(text):
        # 「すみません取り乱して」: no need to say sorry, not the generic 受け取りました
        menu = Choice(catalog.text("nav.menu"), "menu")
        person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
        if fragments.holds_word_of(text, "awake_at_night"):  # 「さっきはすまんかったな。寝れんわ」
            keep_typed(dialog)
            dialog.say("crisis.no_apology.awake", (*person, menu), lines=_phone_and_chat(dialog))
            return True
        dialog.say("crisis.no_apology", (*person, menu), line=_written_line_first(situations, dialog.now))
        return True
    if "talk.child_guidance" in intents and situations[0] == "child":
        guidance = child_guidance_text(dialog.now)
        if guidance is None:
            return False
        keep_typed(dialog)
        dialog.send(Text(guidance), _offer_to(dialog, "crisis.again_offer"))
        return True
    if "talk.child_guidance" in intents:
        told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
        line = told[0] if told else None
        key = "crisis.parent_189" if situations[0] == "parent" else "crisis.child_guidance"
    elif "talk.no_police" in intents:
        line = _first_line_with_about(situations, dialog.now)
        key = "crisis.not_police_home_violence" if situations[0] == "home_violence" else "crisis.not_police"
    elif dialog.state in (MenuStates.START, MenuStates.MAIN) and (
        waved_off or fragments.takes_back(dialog.user_input.text)
    ):
        line_text = _written_line_first(situations, dialog.now)
        if "overdose" in memory_of(dialog.data).answered:
            key = "crisis.taken_back_after_pills"  # 「冗談です」 after pills: 119 all the same
        elif waved_off:
            key = "crisis.door_open"
        else:
            key = "crisis.taken_back"
        keep_typed(dialog)
        menu = Choice(catalog.text("nav.menu"), "menu")
        person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
        dialog.say(key, (*person, menu), line=line_text)  # a case sent: no second hand-off offered
        return True
    else:
        return False
    if line is None:
        return False
    keep_typed(dialog)
    dialog.say(key, about=line.about, line=_line_text(line))
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_half_serious(dialog: Dialog) -> bool:
    """Thoughts of dying said to be partly meant, soon after the reply to them (「いやまあネタだけど。半分
    くらい」「ちょっとは本気」「冗談だけど…」): no take-back. Half is enough to take seriously, the
    direct question with its buttons, and the lines to write to first (only those, if they cannot phone).
    A take-back taken back (「うそうそ」 then 「いや、うそじゃないかも　わからん」), or half said again, comes
    soon after the block: one line to reach now and the direct question, never the menu.
    True when answered."""
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _last_situations(dialog)[0] != "suicidal":
        return False
    text = dialog.user_input.text
    if not (fragments.half_serious(text) or fragments.undoes_take_back(text)):
        return False
    keep_typed(dialog)
    reasons = (catalog.text("urgency.half_serious"),)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    tick_for_the_writer(dialog.data, "mental_health")
    no_phone = memory_of(dialog.data).no_phone
    question = _direct_question(with_person=bool(dialog.data.get("with_person")))
    taken_back, said_before = (
        _recently(dialog, key, REPEAT_WITHIN) for key in ("taken_back_at", "half_serious_at")
    )
    _mark(dialog, "risk_asked_at")
    _mark(dialog, "half_serious_at")
    line = _written_line_first(("suicidal",), dialog.now)
    if said_before:  # said again: not the same words, the question still open with its buttons
        dialog.send(Text(catalog.text("crisis.take_back_undone.again", line=line).strip(), question.choices))
        return True
    if taken_back:  # 「うそうそ」 then 「いや、うそじゃないかも」: the block was just shown, so briefly
        dialog.send(Text(catalog.text("crisis.take_back_undone", line=line).strip()), question)
        return True
    chats = _open_lines(("suicidal",), dialog.now)[1]
    if no_phone and chats:
        lines = catalog.text("crisis.chats_first", lines="\n".join(_line_text(line) for line in chats))
    else:
        lines = _lines_text(("suicidal",), dialog.now, no_phone=no_phone)
    dialog.send(Text(catalog.text("crisis.half_serious")), Text(lines), question)
    return True


MISSING_REASONS = ("urgency.reason.missing", "urgency.crisis_reason.unseen")
"""The reasons the reply for a relative gone and not found gave the case, taken off when it is not urgent."""


def answer_missing_not_urgent(dialog: Dialog) -> bool:
    """Soon after the reply for a relative gone and not found (110 now), the writer says it is not urgent
    or long ago (「急ぎではないんです。もう半年になります」): the misreading is owned, the urgency it gave
    comes down (level back to normal when no other reason stands), the conversation no longer holds a
    missing person, and her words stay on the 受付票 as she wrote them. True when answered."""
    text = dialog.user_input.text
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _last_situations(dialog)[0] != "missing":
        return False
    if not fragments.holds_word_of(text, "missing_not_urgent"):
        return False
    keep_typed(dialog)
    stored = dialog.data.get("urgency", {})
    remembered = dialog.data.get("crisis", {})
    taken_off = {catalog.text(key) for key in MISSING_REASONS} | set(remembered.pop("missing_reasons", []))
    kept = [reason for reason in stored.get("reasons", []) if reason not in taken_off]
    if kept:
        stored["reasons"] = kept
    else:
        dialog.data.pop("urgency", None)
    for key in ("situations", "answered"):
        remembered[key] = [situation for situation in remembered.get(key, []) if situation != "missing"]
    if not remembered["situations"] and not remembered["answered"]:
        for key in ("situations", "answered", "shown_at", "brief"):
            remembered.pop(key, None)
    heard = " ".join(str(item.get("words", "")) for item in dialog.data.get("intake", {}).get("heard", []))
    if not fragments.holds_word_of(heard, "care_named"):  # 介護 came only from reading her as missing
        untick_read_from_text(dialog.data, "caregiving")
    menu = Choice(catalog.text("nav.menu"), "menu")
    person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
    dialog.say("crisis.missing_not_urgent", (*person, menu), who=_relative_heard(dialog))
    return True


def _relative_heard(dialog: Dialog) -> str:
    """The respectful name of the relative the kept words last name (娘 → 娘さん), else 「ご家族」."""
    heard = [str(item.get("words", "")) for item in dialog.data.get("intake", {}).get("heard", [])]
    for words in reversed(heard):
        if RELATIVE_WORD.search(words):
            return relative_name(words)
    return catalog.text("crisis.relative.family")


def answer_drinking_after_wish(dialog: Dialog) -> bool:
    """Drink named soon after a reply to thoughts of dying (「ストロング5本目」「酒めっちゃ飲んでる」), with
    no pills: no overdose and no 119 for it, but gently said that drink makes the feelings heavier and
    harder to hold back tonight, with a line to reach now; the 受付票 carries it as a reason. Said again
    within `REPEAT_WITHIN`: a short line. True when answered."""
    text = dialog.user_input.text
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _last_situations(dialog)[0] != "suicidal":
        return False
    if not fragments.drinks_without_pills(text):
        return False
    keep_typed(dialog)
    line = _written_line_first(("suicidal",), dialog.now)
    if _recently(dialog, "drinking_at", REPEAT_WITHIN):
        dialog.say("crisis.drinking_after_wish.again", line=line)
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    _mark(dialog, "drinking_at")
    reasons = (catalog.text("urgency.reason.drinking_after_wish"),)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    dialog.say("crisis.drinking_after_wish", line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


VIOLENCE_AT_HOME: tuple[Situation, ...] = ("family", "at_home", "violence")
"""Replies to violence at home told by someone not yet known to be a child."""


def answer_minor_after_violence(dialog: Dialog) -> bool:
    """Soon after a reply to violence at home, the writer says she is a child and fears what a call
    would bring (「わたし高2で17だけど警察とかよんだら親にバレるしもっとやばくなる」): what a children's line
    does first (listens; not the police), then the children's block (189, 子供SOS, chat; 110 if in
    danger now). On the 受付票 the writer is 本人, a child hurt at home. True when answered."""
    understanding = dialog.understanding
    memory = memory_of(dialog.data)
    if understanding is None or memory.hurt in CHILD_HURTS:
        return False
    after_violence = _last_situations(dialog)[0] in VIOLENCE_AT_HOME
    if not after_violence or not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    if not _writes_as_a_minor(understanding, dialog.data, dialog.user_input.text):
        return False
    keep_typed(dialog)
    dialog.data.setdefault("crisis", {})["hurt"] = "child"
    answers = dialog.data.setdefault("intake", {}).setdefault("answers", {})
    if answers.get("asker", {}).get("guess") or not answers.get("asker"):
        answers["asker"] = {"choice": "self", "from_text": True}  # 「わたし高2で17」: she writes of herself
    concerns = answers.get("concerns") or {}
    if "violence" in concerns.get("about", {}):
        concerns["about"]["violence"] = "self"
    reasons = (catalog.text("urgency.reason.child_at_home"),)
    stored = dialog.data.get("urgency", {})
    partner = catalog.text("urgency.reason.violence")  # a child at home: not a partner's violence
    stored["reasons"] = [reason for reason in stored.get("reasons", []) if reason != partner]
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
    about = told[0].about if told else ""
    dialog.send(Text(catalog.text("crisis.child_fears_telling", about=about).strip()))
    _answer_crisis(dialog, ("child",), already_sent=False)
    return True


def answer_minor_told(dialog: Dialog) -> bool:
    """The writer says she is under 18 (「16です　高1」) soon after replies that did not know it (a night
    put out of home, thoughts of dying): from now on the children's lines, in a child's words, once and
    short; put out by a parent, 189 and 一時保護 for tonight, and the case raised as a child at home."""
    understanding = dialog.understanding
    memory = memory_of(dialog.data)
    if understanding is None or memory.hurt in CHILD_HURTS or "child" in memory.answered:
        return False
    if set(HARMED) & set(memory.answered):  # 「119とかまじむり…てか高1だし」 after cutting: 119 first
        return False
    if not _writes_as_a_minor(understanding, {}, dialog.user_input.text):
        return False
    put_out = _put_out_lately(dialog)
    if not put_out and not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    stored = dialog.data.setdefault("crisis", {})
    if put_out or memory.hurt == "by_parent":
        stored["hurt"] = "child"
        reasons = (catalog.text("urgency.reason.child_at_home"),)
        _record(dialog, "crisis", reasons)
        dialog.effects.append(RaiseUrgency("crisis", reasons))
    phones, chats = _open_lines(("child_dying",), dialog.now)
    reach = [line for line in phones if "child_talk" in line.kinds][:1] + chats[:1]
    key = "crisis.minor_told.no_place" if put_out else "crisis.minor_told"
    dialog.say(key, lines="\n".join(_line_text(line) for line in reach))
    recent = list(memory.answered) if memory.recent(dialog.now) else []
    stored.update(shown_at=dialog.now.isoformat(), answered=[*recent, "child"], brief=0)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_child_worry_for_parent(dialog: Dialog) -> bool:
    """A child hurt at home worries for the mother hurt beside him (「16さい。かあちゃん大丈夫かな」): not a
    take-back. 189 can help his mother too, 110 if she is in danger now, a line that is for her (DV相談＋),
    and that he is not to blame, with the children's lines. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or dialog.data.get("with_person"):
        return False
    if not (
        fragments.holds_word_of(text, "mother_named") and fragments.holds_word_of(text, "worry_for_other")
    ):
        return False
    memory = memory_of(dialog.data)
    if not memory.recent(dialog.now):
        return False
    at_home = memory.hurt in CHILD_HURTS or _last_situations(dialog)[0] in (
        *VIOLENCE_AT_HOME,
        "home_violence",
    )
    if not at_home or not _writes_as_a_minor(understanding, dialog.data, text):
        return False
    keep_typed(dialog)
    dialog.data.setdefault("crisis", {})["hurt"] = "child"
    phones = _open_lines(("child",), dialog.now)[0]
    children = [line for line in phones if "child" in line.kinds][:2] or phones[:1]
    dialog.say(
        "crisis.child_worry_for_mother",
        dv_lines="\n".join(_dv_lines()[:1]),
        lines="\n".join(_line_text(line) for line in children),
    )
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    _mark(dialog, "shown_at")
    return True


def answer_phone_low(dialog: Dialog) -> bool:
    """The phone's charge running low soon after lines were given (「スマホの充電あと20%」): keep the most
    important number, make the charge last, where to charge; not a money worry, not the lines again."""
    text = dialog.user_input.text
    if not (fragments.holds_word_of(text, "battery_named") and fragments.holds_word_of(text, "battery_low")):
        return False
    stamp = dialog.data.get("crisis", {}).get("urgent_told", {})
    urgent = any(
        isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < AFTER_CRISIS_WITHIN
        for told in stamp.values()
    )
    if not urgent and not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    understanding = dialog.understanding
    memory = memory_of(dialog.data)
    child = memory.hurt in CHILD_HURTS or (
        understanding is not None and _is_child(understanding, dialog.data)
    )
    situation: Situation = "child" if child else _last_situations(dialog)[0]
    phones, chats = _open_lines((situation,), dialog.now)
    first = (phones + chats)[:1]
    line = _line_text(first[0]) if first else ""
    dialog.say("crisis.phone_low.child" if child else "crisis.phone_low", line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


EXPOSED_AFTER: tuple[Situation, ...] = ("violence", "at_home", "home_violence", "family")
"""Replies to violence at home after which a child said to be afraid is a child exposed to it."""


def answer_child_exposed(dialog: Dialog) -> bool:
    """A child at home afraid of what happens there, told soon after a reply to violence at home by the
    parent who writes (「子どもがこわがってる」 after 「夫が怒鳴って物を投げます」): the child is heard, with
    the lines for children and families (189 is not the police; 子ども家庭支援センター) told gently; the
    受付票 notes the child (配慮, and a reason). True when answered."""
    text = dialog.user_input.text
    if memory_of(dialog.data).hurt in CHILD_HURTS or _last_situations(dialog)[0] not in EXPOSED_AFTER:
        return False
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _recently(
        dialog, "exposed_at", REPEAT_WITHIN
    ):
        return False
    if not (
        fragments.holds_word_of(text, "child_at_home_named") and fragments.holds_word_of(text, "child_afraid")
    ):
        return False
    _mark(dialog, "exposed_at")
    note_consideration(dialog, catalog.text("consideration.child_exposed"))
    reasons = (catalog.text("urgency.reason.child_exposed"),)
    _record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    phones, chats = _open_lines(("parent",), dialog.now)
    lines = "\n".join(_line_text(line) for line in (phones + chats)[:3]) or catalog.text(
        "crisis.again_emergency"
    )
    told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
    dialog.say("crisis.child_exposed", about=told[0].about if told else "", lines=lines)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_denied_for_relative(dialog: Dialog) -> bool:
    """Wanting to die denied for oneself and said to be about a relative (「いえ、私自身が死にたいなどと
    いうことはございません。息子の件です」), soon after violence at home was answered: thanks, and back
    to the relative, with the window that is not the police; never the question again. True when
    answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or not any(e.label == "negated:crisis" for e in understanding.evidence):
        return False
    told = dialog.data.get("crisis", {}).get("urgent_told", {}).get("violence")
    violence_lately = (
        isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < AFTER_CRISIS_WITHIN
    )
    at_home = _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and _last_situations(dialog)[0] in (
        "home_violence",
        "grown_child",
    )
    if not RELATIVE_SPEAKER.search(text) or not (violence_lately or at_home):
        return False
    line = _first_line_with_about(("home_violence",), dialog.now)
    if line is None:
        return False
    keep_typed(dialog)
    dialog.say("crisis.denied_for_relative", who=relative_name(text), about=line.about, line=_line_text(line))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def worries_after_death(understanding: Understanding, text: str) -> bool:
    """Whether the words worry about a relative after the writer or the parents die (「私が死んだら
    息子はどうなるんでしょう」): a relative named, a death of the writer's own, and a future asked about."""
    named = any(entity.kind == "relation" for entity in understanding.entities)
    if not named and not PARENTS_GOING_FIRST.search(text):  # 「親が先に逝ったら」 names the parents
        return False
    lexicon = load_lexicon()
    normalized = normalize_with_spans(text).text
    after_death = any(words in normalized for words in lexicon.after_death)
    return after_death and any(words in normalized for words in lexicon.future_worry)


PARENTS_GOING_FIRST = re.compile(
    r"(?:親|両親|親たち|私たち|わたしたち|私ども|わたくしども|夫婦)(?:が|は|も|のほうが|の方が)(?:先に|さきに)?"
    r"(?:逝|死|亡くな|なくな|いなくな)"
)
"""The parents named as the ones who die (「このまま親が先に逝ってしまったら」): a parent or the grown child
may be writing, so the answer names no one as left behind."""
WRITER_GOING = re.compile(
    r"(?:私|わたし|あたし|俺|おれ|僕|ぼく|自分)(?:が|は)(?:先に|さきに)?(?:死|亡くな|いなくな|逝)"
)
"""The writer named as the one who dies (「私が死んだら弟どうなるの」): the answer for who is left behind."""


def answer_future_after_us(dialog: Dialog) -> bool:
    """A worry for a relative after the writer or the parents die (「私が死んだら弟どうなるのって最近ずっと
    考えてる」, 親亡き後), read as no crisis: that it can be planned with a person from now, once in
    `REPEAT_WITHIN`; no crisis block. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.crisis != "none":
        return False
    if not worries_after_death(understanding, text):
        return False
    if _recently(dialog, "future_told_at", REPEAT_WITHIN):
        return False
    _mark(dialog, "future_told_at")
    keep_typed(dialog)
    if PARENTS_GOING_FIRST.search(text) and not WRITER_GOING.search(text):  # a parent or the grown child
        dialog.say("crisis.future_parents_gone", service=_brief_answer(dialog, "service.withdrawal_support"))
    else:
        dialog.say("crisis.future_after_us", who=relative_name(text))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def answer_call_question(dialog: Dialog) -> bool:
    """Answer 「救急車呼んだほうがいいですか」「警察に連絡したほうがいいですか」 plainly: after pills,
    cutting or someone unseen, yes and what to do now; otherwise when to call 119 and when 110.
    False if not asked."""
    if not asks_to_call(dialog.understanding):
        return False
    answered = memory_of(dialog.data).answered if _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) else ()
    situation = next((s for s in CALL_YES if s in answered), "any")
    keep_typed(dialog)
    dialog.say(f"crisis.call_yes.{situation}")
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def _alone_in_context(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Someone the conversation said lives alone (「80代くらいの男性で一人暮らしです」): later words that
    they are unseen or may lie inside (「ここ数日姿を見てないんです」「中で倒れてたらどうしよう」) are read
    with that said, within `REPEAT_WITHIN`; this message's own reading otherwise."""
    text = dialog.user_input.text
    if fragments.holds_word_of(text, "lives_alone"):
        _mark(dialog, "alone_told_at")
    if understanding.crisis != "none" or not _recently(dialog, "alone_told_at", REPEAT_WITHIN):
        return understanding
    told = classify(f"{fragments.WORDS['lives_alone'][0]} {text}")
    return told if told.crisis == "crisis" and told.crisis_kinds == ("unseen",) else understanding


def answer_not_me(dialog: Dialog) -> bool:
    """「いや私じゃなくて兄です」 soon after a reply to the writer's own thoughts of dying: the family reply
    for the relative named. True when answered."""
    text = dialog.user_input.text
    if not not_the_writer(text) or not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    last = _last_situations(dialog)[0]
    if last == "relative_suicidal":  # already answered for them: heard, and what to do for them now
        stored = dialog.data.setdefault("crisis", {})
        who = stored.get("relative") or relative_name(text)
        friend = ".friend" if stored.get("relative_friend") or names_a_friend(text) else ""
        keep_typed(dialog)
        dialog.say("crisis.not_me_heard", who=who)
        dialog.say("crisis.relative_unreachable.again" + friend, who=who)
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    if last != "suicidal":
        return False
    keep_typed(dialog)
    if names_a_friend(text):  # the sheet: a friend at risk, not the one writing
        reasons = (catalog.text("urgency.reason.friend_suicidal"),)
        _record(dialog, "crisis", reasons)
        dialog.effects.append(RaiseUrgency("crisis", reasons))
    _answer_crisis(dialog, ("relative_suicidal",), already_sent=False)
    return True


def answer_relative_unreachable(dialog: Dialog) -> bool:
    """After a relative's words about dying were answered, words that the relative does not answer or is
    far away (「既読はつくけど返事がない」「隣の県に住んでて今から行けない」), asking what to do, or whether
    the police is too much (「警察に電話したら大げさですか？」): 110 and a welfare check at their address
    now, and a line that takes family calls (briefly after the first time). True when answered."""
    understanding = dialog.understanding
    if understanding is None or not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    if _last_situations(dialog)[0] != "relative_suicidal":
        return False
    text = dialog.user_input.text
    asks_call = asks_to_call(understanding)
    told = any(fragments.holds_word_of(text, name) for name in ("relative_unreachable", "lives_alone"))
    if not (asks_call or told or "talk.guidance" in understanding.intents):
        return False
    who = dialog.data.get("crisis", {}).get("relative") or catalog.text("crisis.relative.family")
    friend = ".friend" if dialog.data.get("crisis", {}).get("relative_friend") else ""
    keep_typed(dialog)
    if asks_call:
        dialog.say(f"crisis.call_yes.relative_suicidal{friend}", who=who)
    elif _recently(dialog, "unreachable_told_at", AFTER_CRISIS_WITHIN):
        dialog.say(f"crisis.relative_unreachable.again{friend}", who=who)
    else:
        phones, chats = _open_lines(("relative_suicidal",), dialog.now)
        reach = (phones + chats)[:1]
        line = _line_text(reach[0]) if reach else catalog.text("crisis.again_emergency")
        dialog.say(f"crisis.relative_unreachable{friend}", who=who, line=line)
    _mark(dialog, "unreachable_told_at")
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


ASKS_WHERE = frozenset({"talk.guidance", "faq.how_to_reach"})
"""Intents of asking where to turn (「どこに相談したらいいですか」)."""


def _partner_named(understanding: Understanding, text: str) -> bool:
    """Whether the words name the writer's partner (「夫」「同棲している彼」)."""
    return names_partner(text) or any(
        e.kind == "relation" and e.value == "spouse" and e.about == "self" for e in understanding.entities
    )


def answer_where_to_leave(dialog: Dialog) -> bool:
    """「夫から離れたいんです。どこに相談したらいいですか」 from someone who told of her partner's control
    or violence: the DV lines, which also help with leaving safely. False if not asked so."""
    understanding = dialog.understanding
    if understanding is None or memory_of(dialog.data).hurt != "partner":
        return False
    if not ASKS_WHERE & set(understanding.intents) or not _partner_named(
        understanding, dialog.user_input.text
    ):
        return False
    lines = [
        _line_text(line)
        for line in current_content().hotlines
        if "violence" in line.kinds and "anything" not in line.kinds
    ]
    keep_typed(dialog)
    dialog.say("dv.where_to_leave", lines="\n".join(lines))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def _partner_only_hurt(text: str) -> bool:
    """Whether the partner the words name is one who is (or may be) hurt, not one who hurts or controls
    (a father's 「いずれ妻に手を上げるのではないかと案じております」 about his son)."""
    told = who_hurts(text)
    return "partner" in told.hurt and "partner" not in told.by


def answer_dv_first_sign(dialog: Dialog) -> bool | None:
    """Signs of control by a partner told first (being watched, money kept back): the DV lines,
    gently and without alarm, once in `REPEAT_WITHIN`; no urgency is raised.

    「夫にスマホを毎晩チェックされます」 also gets the privacy answer (False: the flow still answers);
    「お金も全部夫が管理していて…」 is handled here (True). None when this is not such a sign.
    """
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.crisis != "none" or text.strip().endswith(QUESTION_ENDS):
        return None
    partner = _partner_named(understanding, text) and not _partner_only_hurt(text)
    watched = "talk.privacy_fear" in understanding.intents
    if not partner or not _violence_written(understanding):
        return None
    if _recently(dialog, "dv_signs_at", REPEAT_WITHIN) or _recently(dialog, "shown_at", REPEAT_WITHIN):
        return None
    _mark(dialog, "dv_signs_at")
    dialog.send(Text(catalog.text("dv.first_signs")), Text(_lines_text(("violence",), dialog.now)))
    if watched:
        return False
    keep_typed(dialog)
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def answer_not_hit_but(dialog: Dialog) -> bool:
    """「殴られたりはしていないです。でも、友達と会うのも止められていて」 from someone who told of her
    partner's control: being kept from people, watched or kept short of money is violence too (DV), she is
    not to blame, and the line for it (a short reminder when the lines were just given); nothing is said to
    reach staff, since nothing was sent. False when the words deny no hitting or no partner is known."""
    text = dialog.user_input.text
    denied = VIOLENCE_DENIED.search(unicodedata.normalize("NFKC", text))
    if memory_of(dialog.data).hurt != "partner" or not denied:
        return False
    given = partner_lines_given(dialog)
    _told_lately(dialog, ["violence"])
    keep_typed(dialog)
    line = safe_line(dialog.now)
    dialog.say("dv.not_hit_but_again" if given else "dv.not_hit_but", line=line)
    return True


def answer_child_after(dialog: Dialog) -> bool:
    """After a child's crisis reply, 「いえにいたくない」 or words the bot cannot read (「おねがい だれか」)
    get the children's lines again, briefly, never the fallback; a phone she cannot use (「電話は声
    きこえるから無理」) the lines to write to and this LINE; the one who hurts near or awake
    (「まだ おきてる。へやに かぎ ない」) gets how to stay safe now, in plain kana, and raises the case."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    memory = memory_of(dialog.data)
    if (
        understanding is None
        or memory.hurt not in CHILD_HURTS
        or not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN)
        or fragments.takes_back(text)  # 「やっぱいい」: a change of mind, answered where it was typed
    ):
        return False
    plain = text.replace(" ", "").replace("　", "")
    not_home = any(word in plain for word in NOT_HOME_WORDS)
    near = fragments.danger_near(text)
    read = [
        concern for concern in understanding.concerns if not understanding.learned_only(f"concern:{concern}")
    ]
    unread = not understanding.intents and not read and not understanding.entities
    says_no_phone = fragments.cannot_phone(text)  # 「電話は声きこえるから無理」: the ways to write
    if not (not_home or near or unread or says_no_phone) or not any(char.isalnum() for char in text):
        return False
    keep_typed(dialog)
    if near:
        _raise_with_words(dialog)
        _mark(dialog, "shown_at")
    no_phone = says_no_phone or memory.no_phone  # said once (「でんわむり」), it holds for what follows
    phones, chats = _open_lines(("child",), dialog.now)
    if no_phone:
        reach = (chats or phones)[:2] if says_no_phone else (chats + phones)[:2]
    else:
        reach = (phones + chats)[:2]
    lines = "\n".join(_line_text(line) for line in reach) or catalog.text("crisis.again_emergency")
    here = "crisis.child_here_written" if no_phone else "crisis.child_here"
    key = "crisis.child_not_home" if not_home else "crisis.child_danger_near" if near else here
    if says_no_phone and not near and not not_home:
        key = "crisis.child_no_phone"
    if key == "crisis.child_here" and _recently(dialog, "child_here_at", REPEAT_WITHIN):
        key, lines = "crisis.child_here.b", lines.split("\n")[0]  # said lately: short, one line
    if key == "crisis.child_here":
        _mark(dialog, "child_here_at")
    dialog.say(key, line=lines)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


AFRAID_NOW_SITUATIONS: dict[str, tuple[Situation, ...]] = {"partner": ("violence",)}
"""The lines for one afraid right now, by who was hurt before: a partner's violence gets the DV line;
anyone else hurt at home (a grandson, a son) the lines for violence at home."""


def answer_afraid_now(dialog: Dialog) -> bool:
    """Violence told earlier in the conversation, then fear right now with the one who hurts near
    (「まごが おきてきました。こわい」「夫が帰ってきた、怖い」「足音がする。こわい」): at once how to stay
    safe (110 if in danger, a locked room or outside, a neighbour), one line open now, in plain kana for
    one who writes in kana; the case is raised with her words (added to it once sent). Fear without
    someone near (「虫がでた。こわい」) or without violence told is not this. True when answered."""
    text = dialog.user_input.text
    memory = memory_of(dialog.data)
    told = memory.hurt is not None or (
        bool(dialog.data.get("crisis", {}).get("situations"))
        and _last_situations(dialog)[0] in (*VIOLENCE_AT_HOME, "home_violence")
    )
    if not told or memory.hurt in CHILD_HURTS:
        return False  # a child hurt at home: answer_child_after, in a child's words
    if not (fragments.danger_near(text) and fragments.holds_word_of(text, "afraid_now")):
        return False
    if fragments.takes_back(text):
        return False
    keep_typed(dialog)
    _raise_with_words(dialog)
    _mark(dialog, "shown_at")
    situations = AFRAID_NOW_SITUATIONS.get(str(memory.hurt), ("home_violence",))
    line = _one_line_now(dialog.now, situations, no_phone=memory.no_phone)
    kana = not any("\u4e00" <= char <= "\u9fff" for char in text)
    dialog.say("crisis.afraid_now.kana" if kana else "crisis.afraid_now", line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def _writes_as_child(dialog: Dialog) -> bool:
    """Whether the writer is a child: hurt as a child at home, or under 18 by their own answer."""
    age = dialog.data.get("intake", {}).get("answers", {}).get("age_band", {}).get("choice")
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    return memory_of(dialog.data).hurt in CHILD_HURTS or (age == "under_18" and asker in (None, "self"))


ASKS_AT_THE_END = re.compile(
    r"(か|かな|かね|の|ほしい|ください|くれない|くれん|もらえる|もらえない|けね|べか|ねが)[。!！…]*$"
)
"""How a message ends when it asks (「来てもらえますか」「きてほしい」), beside a question mark."""


def asks_someone_to_come_now(text: str) -> bool:
    """Whether the words ask for someone from here to come now (「ここのひと、いまきてくれる？」「今から来て
    もらえますか」), not whether staff visit at all (「家に来てもらうこともできますか」)."""
    folded = unicodedata.normalize("NFKC", text).replace(" ", "").strip()
    asks = "?" in folded or bool(ASKS_AT_THE_END.search(folded))
    return (
        asks
        and fragments.holds_word_of(folded, "come_now_when")
        and fragments.holds_word_of(folded, "come_to_me")
    )


def answer_come_now(dialog: Dialog) -> bool:
    """Asked whether someone from here comes now: honestly that no one can, when the person in charge
    reads (the sent case's promise, or a message sent now), and for danger now 110/119; a child hears
    it in plain kana with 189 and the children's lines (a line to write to first when she cannot phone).
    Never the home-visit answer, which a child at night may read as someone on the way."""
    if not asks_someone_to_come_now(dialog.user_input.text):
        return False
    keep_typed(dialog)
    memory = memory_of(dialog.data)
    level = str((dialog.data.get("urgency") or {}).get("level") or "normal")
    reply_by = format_jp(reply_due(dialog, level))
    sent = followup.open_handoff(dialog) is not None
    if _writes_as_child(dialog):
        phones, chats = _open_lines(("child",), dialog.now)
        reach = (chats + phones)[:2] if memory.no_phone else (phones + chats)[:2]
        lines = "\n".join(_line_text(line) for line in reach) or catalog.text("crisis.again_emergency")
        dialog.say("come_now.child_sent" if sent else "come_now.child", reply_by=reply_by, line=lines)
    else:
        line = _one_line_now(dialog.now, ("suicidal",), no_phone=memory.no_phone)
        dialog.say("come_now.sent" if sent else "come_now.not_sent", reply_by=reply_by, line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_child_leaving(dialog: Dialog) -> bool:
    """A child who was hurt at home and thinks of running away (「あしたがっこういくふりして、どっかいった
    ほうがいい？」「家出したい」): not to go off alone or with strangers, to tell the school nurse or
    counsellor, 189 (a safe place), 110 in danger; a line to write to first when she cannot phone."""
    if memory_of(dialog.data).hurt not in CHILD_HURTS:
        return False
    if not fragments.holds_word_of(dialog.user_input.text, "child_runs_away"):
        return False
    keep_typed(dialog)
    no_phone = memory_of(dialog.data).no_phone
    phones, chats = _open_lines(("child",), dialog.now)
    reach = (chats + phones)[:2] if no_phone else (phones + chats)[:2]
    lines = "\n".join(_line_text(line) for line in reach) or catalog.text("crisis.again_emergency")
    dialog.say("crisis.child_runs_away", line=lines)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_about_189(dialog: Dialog) -> bool:
    """Answer a question about 189 (「189に電話したら通報されるんですか？」) with what it is, plainly;
    a parent (who wrote of their young child, or of fearing to hurt them) hears that parents call too."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or "talk.child_guidance" not in understanding.intents or "189" not in text:
        return False
    told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
    if not told:
        return False
    parent = memory_of(dialog.data).hurt == "own_child" or _parent_of_a_child(dialog.data)
    keep_typed(dialog)
    key = "crisis.parent_189" if parent else "crisis.child_guidance"
    dialog.say(key, about=told[0].about, line=_line_text(told[0]))
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


CHILD_GUIDANCE_NAMES = tuple(
    unicodedata.normalize("NFKC", word) for word in fragments.WORDS["child_guidance_names"]
)


def tells_no_child_guidance(dialog: Dialog) -> bool:
    """Whether the words ask that a 児童相談所 not be involved (「じそうとかはやだ」「児相には言わないで」),
    outside a question that keeps typed words as its answer."""
    understanding = dialog.understanding
    if understanding is None or takes_free_text(dialog.state):
        return False
    typed = unicodedata.normalize("NFKC", dialog.user_input.text)
    if "?" in typed:  # 「いったら いえに くるの？」 asks what it does: answer_after_crisis answers that
        return False
    cautious = any(entity.kind == "consideration" for entity in understanding.entities)
    return cautious and any(name in typed for name in CHILD_GUIDANCE_NAMES)


def answer_no_child_guidance(dialog: Dialog) -> None:
    """Answer not wanting a 児童相談所 involved (kept as a caution for the 受付票) honestly: what this LINE
    does and does not do, and that the law asks staff to tell one when a life or body is in danger."""
    keep_typed(dialog)
    dialog.say("crisis.no_child_guidance")
    dialog.send(_offer("crisis.again_offer"))


def ask_about_risk(dialog: Dialog) -> bool:
    """Ask one gentle, direct question when the message shows signs short of crisis; False if not asked.
    Signs in someone else the writer tells of (「母親は相談にいく気力がない」 from a teacher) are not the
    writer's: they are answered about that person (family may consult alone, a visit), never with the
    question about dying put to the writer."""
    understanding = dialog.understanding
    if understanding is None or not understanding.possible_risk or understanding.crisis != "none":
        return False
    if _signs_in_someone_else(understanding, dialog.user_input.text):
        keep_typed(dialog)
        who = relative_name(dialog.user_input.text)
        dialog.say("risk.someone_else_worn_out", who=who)
        return True
    if _recently(dialog, "risk_asked_at", RISK_ASKED_WITHIN) or _recently(dialog, "shown_at", REPEAT_WITHIN):
        return False
    _mark(dialog, "risk_asked_at")
    told = next((topic for topic in ANSWERED_BESIDE_RISK if topic in understanding.intents), None)
    if told is not None:  # 「赤ちゃん産んでから毎日涙が出る」: where to turn, then the gentle question
        dialog.send_content(answers.question_text(dialog, cast(QuestionId, told)))
        dialog.data[answers.ANSWERED] = {"topic": told, "at": dialog.now.isoformat()}
    dialog.say("risk.ask", _risk_choices())
    return True


def _signs_in_someone_else(understanding: Understanding, text: str) -> bool:
    """Whether the signs short of crisis are told of a relative named (「母親は…気力がない」「父親はもう限界
    みたいで」) and the writer does not speak of themself (not 「私ももう限界」)."""
    about = dict(understanding.concern_about).get("mental_health")
    if about != "other" or RELATIVE_WORD.search(text) is None:
        return False
    return not any(word in text for word in FIRST_PERSON)


ANSWERED_BESIDE_RISK = ("ask.postpartum",)
"""Topics whose answer comes before the gentle question about dying when both are read in one message:
a mother worn out after a birth (「赤ちゃんが泣き止まなくて私も泣いてばかり」) hears of the 保健センター and
産後ケア as well as being asked, gently, how she is."""


def answer_risk(dialog: Dialog, *, typed_yes: bool = False) -> bool:
    """Answer the person's reply to the risk question; True when they said the thoughts are there: the
    answer acknowledged, the lines open now, and whether they are safe now, with a person offered."""
    _mark(dialog, "risk_answered_at")
    if dialog.value() != "yes" and not typed_yes:
        dialog.say("risk.thanks")
        return False
    reasons = (catalog.text("summary.quote", words=catalog.text("risk.yes")),)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    memory = memory_of(dialog.data)
    if memory.is_repeat("child_dying", dialog.now):  # a child asked in her words: her lines, her words
        _answer_crisis(dialog, ("child_dying",), already_sent=True)
        phones, chats = _open_lines(("child_dying",), dialog.now)
        reach = (phones[:1] + chats[:1]) if not memory.no_phone else (chats + phones)[:2]
        told = "\n".join(_line_text(line) for line in reach) or catalog.text("crisis.again_emergency")
        dialog.say("crisis.child_yes", line=told)
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    if memory.is_repeat("suicidal", dialog.now) or memory.asked_lately(dialog.now):  # the direct question
        _answer_crisis(dialog, ("suicidal",), already_sent=True)  # remembered; the reply is its own
        phones, chats = _open_lines(("suicidal",), dialog.now)
        reach = (phones + chats)[:1]
        line = _line_text(reach[0]) if reach else catalog.text("crisis.again_emergency")
        dialog.say("crisis.method_yes", line=line)
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    _answer_crisis(dialog, ("suicidal",), already_sent=True)  # remembered; the answer is acknowledged
    memory = memory_of(dialog.data)
    lines = crisis_messages(dialog.now, ("suicidal",), no_phone=memory.no_phone)[1]
    offer = _offer_to(dialog, "crisis.offer")
    safe_now = Text(f"{catalog.text('risk.safe_now')}\n{offer.text}", offer.choices)
    dialog.send(Text(catalog.text("risk.yes_answered")), lines, safe_now)
    return True


QUESTION_FRESH = timedelta(minutes=30)
"""A bare typed 「はい」 within this time of a question about dying is its answer, and the question is
not asked again within it."""


def answer_risk_in_words(dialog: Dialog) -> bool:
    """Take a typed answer to a question about dying as its answer; False if not one.

    A typed 'no' (「死にたいとかじゃない」) to the gentle question or to the direct one asked after a way
    of dying was named is thanked; a bare 「はい」「うん」「ある」 soon after either is a yes, and gets
    what the button 「そういう気持ちがある」 gets.
    """
    understanding = dialog.understanding
    if understanding is None:
        return False
    asked = [
        key for key in ("risk_asked_at", "method_asked_at") if _recently(dialog, key, AFTER_CRISIS_WITHIN)
    ]
    if not asked or _recently(dialog, "risk_answered_at", AFTER_CRISIS_WITHIN):
        return False
    fresh = any(_recently(dialog, key, QUESTION_FRESH) for key in asked)
    if fresh and fragments.says_yes(dialog.user_input.text):
        _mark(dialog, "risk_answered_at")
        keep_typed(dialog)
        answer_risk(dialog, typed_yes=True)
        return True
    if fresh and fragments.is_word_of(dialog.user_input.text, "unsure_answer"):
        _mark(dialog, "risk_answered_at")
        keep_typed(dialog)
        _answer_unsure(dialog)
        return True
    denied = any(evidence.label == "negated:crisis" for evidence in understanding.evidence)
    if not denied and "cmd.no" not in understanding.intents:
        return False
    _mark(dialog, "risk_answered_at")
    dialog.say("risk.thanks_in_words", menu_choices(dialog.data))
    return True


def _risk_choices() -> tuple[Choice, ...]:
    """The buttons that answer the gentle question about dying."""
    return (
        Choice(catalog.text("risk.yes"), "risk:yes"),
        Choice(catalog.text("risk.no"), "risk:no"),
        Choice(catalog.text("risk.listen"), "human"),
    )


def stay_with_open_question(dialog: Dialog) -> bool:
    """Words that do not answer the gentle question about dying, asked within `QUESTION_FRESH` and not
    answered: a bare filler (「なんか」「😢」) is told there is no hurry and the buttons stay; words of
    being worn out (「全部いやになった」) get the question once more, gently, once — only words the rules
    read as a sign of danger (possible_risk): tiredness or a worry told (「夜中に何回も起こされる」) is heard
    as what it tells. Never a question or a request (those are answered as asked). True when answered."""
    understanding = dialog.understanding
    if understanding is None or understanding.intents or understanding.crisis != "none":
        return False
    if not _recently(dialog, "risk_asked_at", QUESTION_FRESH):
        return False
    if _recently(dialog, "risk_answered_at", QUESTION_FRESH) or _recently(
        dialog, "risk_reasked_at", QUESTION_FRESH
    ):
        return False
    worn_out = (
        understanding.possible_risk
    )  # a new sign of danger, not tiredness told (「夜中に何回も起こされる」)
    if understanding.concerns and not worn_out:
        return False  # another worry told (「お金もなくて」): heard as such
    keep_typed(dialog)
    if worn_out:
        _mark(dialog, "risk_reasked_at")
        dialog.say("risk.ask_again", _risk_choices())
    else:
        dialog.say("risk.stay_open", _risk_choices())
    return True


WORDLESS_WITHIN = timedelta(minutes=30)
"""How soon after a reply to thoughts of dying a message without words (「😢」) is heard as part of it."""


def answer_wordless_after_crisis(dialog: Dialog) -> bool:
    """A message without words (「😢」「。。。」) within `WORDLESS_WITHIN` of a reply to the writer's own
    thoughts of dying: still here, and a chat line open now (a person offered). True when answered."""
    text = dialog.user_input.text.strip()
    if not text or any(char.isalnum() for char in text):
        return False
    if not _recently(dialog, "shown_at", WORDLESS_WITHIN) or _last_situations(dialog)[0] != "suicidal":
        return False
    line = _written_line_first(("suicidal",), dialog.now)
    keep_typed(dialog)
    dialog.say("crisis.here_wordless", line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def _answer_unsure(dialog: Dialog) -> None:
    """Stay with 「わかんない」 as the answer to a question about dying: that not knowing is fine,
    tonight's lines, and a person offered. Not knowing is no 'no': the 受付票 goes to the top of the
    queue with the answer in the person's words, and メンタルヘルス is recorded."""
    words = catalog.text("urgency.unsure_answer", words=dialog.user_input.text.strip()[:REASON_CHARS])
    reasons = (catalog.text("urgency.crisis_reason.suicidal"), words)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    tick_for_the_writer(dialog.data, "mental_health")
    lines = crisis_messages(dialog.now, ("suicidal",), no_phone=memory_of(dialog.data).no_phone)[1]
    dialog.send(Text(catalog.text("risk.unsure")), lines, _offer_to(dialog, "crisis.offer"))


def answer_risk_at_length(dialog: Dialog) -> bool:
    """A longer typed answer to a question about dying that opens with a yes (「正直に答えると、そういう
    気持ちは、あると思います。ただ、いますぐ何かをしようとしているわけではありません…」, or a bare
    「うん。たまに。方法調べたりはしてないよ」 that does not go on to deny it), even one the reading takes
    for danger again: the answer, as the button 「そういう気持ちがある」 is. True when answered."""
    understanding = dialog.understanding
    if understanding is None or dialog.data.get("with_person"):  # a CSW reads the answer
        return False
    text = dialog.user_input.text
    denied = any(evidence.label == "negated:crisis" for evidence in understanding.evidence)
    bare_yes = fragments.opens_with_yes(text) and not denied and not fragments.takes_back(text)
    if not fragments.answers_yes_at_length(text) and not bare_yes:
        return False
    asked = any(_recently(dialog, key, AFTER_CRISIS_WITHIN) for key in ("risk_asked_at", "method_asked_at"))
    if not asked or _recently(dialog, "risk_answered_at", AFTER_CRISIS_WITHIN):
        return False
    _mark(dialog, "risk_answered_at")
    keep_typed(dialog)
    answer_risk(dialog, typed_yes=True)
    return True


QUESTION_ENDS = ("?", "？", "か", "よね")
"""How a question ends (「消せますか」「夫には行かないですよね」 ask; 「毎晩チェックされます」 tells)."""


def _in_context(understanding: Understanding, text: str, hurt: Hurt | None) -> Understanding:
    """The reading in the light of the conversation: being watched (「スマホも毎晩チェックされます」),
    told by someone who spoke earlier of fear of her partner, is a sign of violence from that partner;
    a question about this LINE (「このやりとりって、あとで消せますか」) stays a question. Soon after a
    crisis reply, someone at home who only watches (「ままはみてるだけ」) is part of what happens, not
    the person saying they are just looking. Fear of the one the writer lives with as a couple
    (「同棲している彼が怖いです」) is a sign of violence from a partner, as 「夫が怖い」 is; so is more
    told of violence by someone known to fear her partner (「口答えすると物に当たります」)."""
    if _watching_relative(understanding, hurt):
        intents = tuple(intent for intent in understanding.intents if intent != "talk.just_looking")
        return replace(understanding, intents=intents)
    if (
        understanding.crisis == "none"
        and hurt == "at_home"
        and fragments.holds_word_of(text, "hiding_in_room")
    ):
        return _hiding_at_home(understanding, text)
    if understanding.crisis == "none" and "violence" in understanding.concerns and names_partner(text):
        return _partner_sign(understanding, text, "context:afraid_of_live_in_partner")
    if understanding.crisis == "none" and hurt == "partner" and _violence_beyond_control(understanding):
        return _partner_sign(understanding, text, "context:more_from_partner")
    watched = (
        "talk.privacy_fear" in understanding.intents
        and not understanding.learned_only("intent:talk.privacy_fear")
        and not text.strip().endswith(QUESTION_ENDS)
    )
    if understanding.crisis != "none" or not watched or hurt != "partner":
        return understanding
    return _partner_sign(understanding, text, "context:watched_by_partner")


HIDING_AT_HOME = "context:hiding_from_violence_at_home"
"""The rule of the writer hiding in her room from someone at home who throws things or shouts."""


def _hiding_at_home(understanding: Understanding, text: str) -> Understanding:
    """「こわくて部屋から出れない」 after things thrown or shouting at home: the danger at home still (crisis,
    violence), not withdrawal."""
    hiding = Evidence("crisis", text.strip(), HIDING_AT_HOME)
    concerns = tuple(dict.fromkeys((*(c for c in understanding.concerns if c != "withdrawal"), "violence")))
    return replace(
        understanding,
        crisis="crisis",
        crisis_kinds=("violence",),
        concerns=concerns,
        evidence=(*understanding.evidence, hiding),
    )


def _set_aside_after_reply(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Soon after a reply about someone unseen or missing, danger that only the learned layer read
    (「警察に電話したほうがいいでしょうか」「中で倒れていて救急車で運ばれました」) is about that person, not
    the writer; after pills or cutting, holding back from 119 (「119とかまじむり」) is that worry, not a
    new crisis. Either is set aside, so the question gets its plain yes, the news no block, and the
    worry why 119 matters now."""
    recent = _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN)
    unseen = recent and bool(WITHOUT_LINES & set(memory_of(dialog.data).answered))
    worry = bool(_harm_told(dialog)) and fragments.worries_about_calling(dialog.user_input.text)
    if not (unseen or worry) or understanding.crisis == "none":
        return understanding
    if not understanding.learned_only(understanding.crisis):
        return understanding
    return replace(understanding, crisis="none", crisis_kinds=())


FEARED_AT_HOME = "context:violence_at_home_feared"
"""The rule of a sign of violence at home read in the light of the conversation (`_feared_at_home`)."""


def _feared_at_home(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Violence at home the rules read short of crisis (「壁を蹴る音が日に日に強く…いずれ妻に手を上げる
    のでは」), from a parent or a sister or brother of the one at home, that the learned layer alone
    called crisis or that is feared: signs of violence at home (urgent, the 保健所 and 110 if in danger),
    never the question about dying."""
    told = dialog.data.get("intake", {}).get("answers", {}).get("relation", {}).get("choice")
    return _feared_in_words(understanding, dialog.user_input.text, told, memory_of(dialog.data).hurt)


def _feared_in_words(
    understanding: Understanding, text: str, told: str | None, hurt: Hurt | None
) -> Understanding:
    """`_feared_at_home` from the words alone, with what the conversation holds: the relation told
    (`told`, else the one this message names) and who was hurt before; also a fear the rules read short
    of crisis that someone at home will be hurt (`_fears_someone_hurt`)."""
    model_called = understanding.crisis == "crisis" and understanding.learned_only("crisis")
    if not model_called and not (understanding.crisis == "none" and _fears_someone_hurt(text)):
        return understanding
    named = next((str(e.value) for e in understanding.entities if e.kind == "relation"), None)
    partner = names_partner(text) or "partner" in who_hurts(text).by or hurt == "partner"
    if not _violence_written(understanding) or (told or named) not in ("parent", "sibling") or partner:
        return understanding
    sign = Evidence("urgent", text.strip(), FEARED_AT_HOME)
    return replace(
        understanding, crisis="urgent", crisis_kinds=("violence",), evidence=(*understanding.evidence, sign)
    )


def _fears_someone_hurt(text: str) -> bool:
    """Whether the words fear that someone at home will be hurt (「いずれ妻に手を上げるのではないかと案じて
    おります」「母をなぐるんじゃないかと心配で」): an act of violence with someone named as its target and a
    word of fear."""
    return bool(who_hurts(text).hurt) and fragments.holds_word_of(text, "fear_of_harm")


def _partner_sign(understanding: Understanding, text: str, rule: str) -> Understanding:
    """The reading as a sign of violence from a partner short of being hit: urgent, the DV lines."""
    sign = Evidence("urgent", text.strip(), rule)
    return replace(
        understanding, crisis="urgent", crisis_kinds=("violence",), evidence=(*understanding.evidence, sign)
    )


def _watching_relative(understanding: Understanding, hurt: Hurt | None) -> bool:
    """Whether 「みてるだけ」 is said of a relative (「ままはみてるだけ」) by someone known to be hurt."""
    names_relative = any(entity.kind == "relation" for entity in understanding.entities)
    return hurt is not None and names_relative and "talk.just_looking" in understanding.intents


TOLD_WITH: dict[str, str] = {"eviction": "no_shelter"}
"""An urgent kind already covered by another's guidance: someone told tonight's options for a bed who
then says they were put out (「アパート追い出されて」) is in the same situation, not a new one."""


def _told_lately(dialog: Dialog, situations: list[str]) -> bool:
    """Whether every urgent situation named was told in full within `REPEAT_WITHIN`; marks them told now."""
    told = dialog.data.setdefault("crisis", {}).setdefault("urgent_told", {})

    def lately(situation: str) -> bool:
        stamp = told.get(situation)
        return isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < REPEAT_WITHIN

    repeat = all(lately(situation) or lately(TOLD_WITH.get(situation, "")) for situation in situations)
    if not repeat:
        told.update(dict.fromkeys(situations, dialog.now.isoformat()))
    return repeat


SCHOOL_WORDS = fragments.WORDS["school"]
"""Words of school that, in a message written only in kana, tell of a child writing."""

MINOR_YEAR = re.compile(
    r"(小学生|中学生|高校生|中学[1-3一二三]年|高校[1-3一二三]年|中[1-3一二三]|高[1-3一二三](?!齢|い|く|す|め))"
)
"""A school year that says the writer is a child (「高校生です」「中3」), when no relative is named."""

NOT_HOME_WORDS = fragments.WORDS["not_home"]
"""A child's words for not wanting to be at home (「いえにいたくない」): after a child's crisis reply,
the children's lines again, not a misreading of いえ as 'no'."""


def _writes_as_a_minor(understanding: Understanding, data: dict[str, Any], text: str) -> bool:
    """Whether the writer is a child: an age or school year under 18 (15歳, 中学生, 高校生), a child known
    to be hurt in this conversation, or kana-only words about school (「がっこう いけない」)."""
    if _is_child(understanding, data) or memory_of(data).hurt in CHILD_HURTS:
        return not _says_adult(understanding)
    named_relative = any(entity.kind == "relation" for entity in understanding.entities)
    if not named_relative and MINOR_YEAR.search(unicodedata.normalize("NFKC", text)):
        return True
    kana_only = not any("\u4e00" <= char <= "\u9fff" for char in text)
    return kana_only and any(word in text for word in SCHOOL_WORDS)


def _answer_child_no_place(dialog: Dialog, key: str = "urgent.child_no_place") -> None:
    """A child with nowhere to go (189: a safe place, 一時保護) or nothing to eat tonight (189 and
    tonight's food): 子供SOS and a chat line, not rent support or a food bank's office hours."""
    dialog.send(Text(catalog.text(key)), Text(_lines_text(("child",), dialog.now)))


def home_violence_messages(now: datetime) -> tuple[Text, ...]:
    """Shouting or banging from a grown child or another relative at home, short of being hit: not
    your fault, 110 if in danger, the 保健所 / 精神保健福祉センター and the lines open now."""
    lines = [_lines_text(("home_violence",), now)]
    later = _later_lines("home_violence", now)
    if later:
        lines.append(catalog.text("crisis.later", lines="\n".join(_line_text(line) for line in later)))
    return (Text(catalog.text("dv.home_signs")), Text("\n".join(lines)))


def _relative_at_home(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether the one who shouts or hurts is a grown child or a brother or sister at home, not a partner:
    named so in the message (「娘に怒鳴られて」), or, when the message names no one (「さっきドア越しに
    怒鳴られました」), by what the writer told before (「息子が20年部屋から出てきません」)."""
    if any(evidence.rule == FEARED_AT_HOME for evidence in understanding.evidence):
        return True
    if names_partner(dialog.user_input.text):
        return False
    understanding = without_the_spared(understanding, dialog.user_input.text)
    if _writer_relations(understanding):
        return _relative_at_home_hurts(understanding)
    told = dialog.data.get("intake", {}).get("answers", {}).get("relation", {}).get("choice")
    return told in ("parent", "sibling") and memory_of(dialog.data).hurt != "partner"


def _leaving_on_a_date(understanding: Understanding, text: str) -> Understanding:
    """The reading of a question about an eviction letter (「12月20日に本当に出ていかなあかんのですか？
    行くところがありません」): nowhere to go on the letter's date is a home about to be lost, not tonight's
    bed, unless tonight or today is said; the question itself is answered after the guidance."""
    kinds = understanding.crisis_kinds
    if "ask.eviction" not in understanding.intents or "no_shelter" not in kinds:
        return understanding
    if fragments.holds_word_of(text, "tonight_or_today"):
        return understanding
    leaving = tuple(dict.fromkeys("eviction" if kind == "no_shelter" else kind for kind in kinds))
    return replace(understanding, crisis_kinds=cast(Any, leaving))


YOUNG_TOO: tuple[Situation, ...] = ("suicidal", "family")
"""Replies that name the children's lines too when the writer may be a child, age unknown."""


def _age_unknown(understanding: Understanding | None, data: dict[str, Any]) -> bool:
    """Whether nothing in the message or the draft tells the writer's age (neither under 18 nor grown)."""
    if understanding is not None and (_says_adult(understanding) or _is_child(understanding, data)):
        return False
    return not data.get("intake", {}).get("answers", {}).get("age_band", {}).get("choice")


def _put_out_lately(dialog: Dialog) -> bool:
    """Whether the writer told, within `REPEAT_WITHIN`, of being put out of home by a parent."""
    return _recently(dialog, "put_out_at", REPEAT_WITHIN)


def maybe_young(dialog: Dialog, understanding: Understanding | None, situation: Situation) -> bool:
    """Whether the writer, age unknown, may be a child: hurt by a parent (「父に殴られた」), or put out of
    home by one lately (「親に家追い出された」, then 「なんか死んだほうが楽かも」)."""
    if not _age_unknown(understanding, dialog.data):
        return False
    return situation == "family" or _put_out_lately(dialog)


def put_out_by_parent(understanding: Understanding) -> bool:
    """Whether the words tell of being put out of home by a parent (「親に家追い出された」
    「母に追い出された」): a night without a bed, and the writer may be a child; not a landlord
    (「大家に追い出された」)."""
    out_now = "no_shelter" in understanding.crisis_kinds or any(
        evidence.label == "urgent" and evidence.rule.endswith(PUT_OUT_RULES)
        for evidence in understanding.evidence
    )  # not 「出ていけと言われた」: told to leave, a home still to keep
    if not out_now:
        return False
    return any(
        entity.kind == "relation" and entity.value == "child" and entity.about == "self"
        for entity in understanding.entities
    )


PUT_OUT_RULES = ("#evicted_now", "#kicked_out")
"""Rules that read being put out of home already (「追い出された」), not told to leave by a day."""


def _urgent_again(dialog: Dialog, kinds: set[CrisisKind], minor: bool, young: bool) -> None:
    """The same urgent need again, briefly: a child's or a maybe-child's bed tonight (189), or that it was
    received; that it reaches a person only when a case was sent, else how to send it."""
    if minor and kinds & {"no_shelter", "eviction"}:
        dialog.say("urgent.child_no_place_again")
        return
    if young and kinds & {"no_shelter", "eviction"}:
        desk = current_content().temporary_living_info.after_hours_desk
        dialog.say("urgent.put_out_again", desk=desk.name, phone=desk.phone)
        return
    sent = isinstance(dialog.data.get("handoff"), dict) or bool(dialog.data.get("with_person"))
    dialog.say("urgent.again_sent" if sent else "urgent.again")


def _answer_put_out(dialog: Dialog, understanding: Understanding, *, young: bool) -> None:
    """Put out of home by a parent (「親に家追い出された」): tonight's bed (not rent); the age unknown
    (`young`), what a child can do (189, 一時保護, the children's lines), and the age asked once."""
    tonight = replace(
        understanding,
        crisis_kinds=("no_shelter",),
        concerns=tuple(concern for concern in understanding.concerns if concern != "housing"),
    )
    dialog.say("urgent.tonight", guidance=_urgent_guidance(tonight, dialog.now))
    if not young:
        return
    phones, _ = _open_lines(("child",), dialog.now)
    lines = "\n".join(_line_text(line) for line in phones if "child" in line.kinds)
    dialog.say("urgent.put_out_young", lines=lines)


def _answer_urgent(dialog: Dialog, understanding: Understanding) -> None:
    """Send the DV lines (the lines for violence at home when a grown child shouts), 一時生活支援 guidance
    (a child's lines to a child with nowhere to go) or what a court's payment demand needs; the same
    urgent situation again gets one short line."""
    kinds = set(understanding.crisis_kinds)
    minor = _writes_as_a_minor(understanding, dialog.data, dialog.user_input.text)
    put_out = put_out_by_parent(understanding)
    if put_out:  # put out tonight: no bed tonight, whatever else the words name
        kinds |= {"no_shelter", "eviction"}
        _mark(dialog, "put_out_at")
        if not _says_adult(understanding):
            dialog.data["crisis"]["hurt"] = "child" if minor else "by_parent"
    young = not minor and _put_out_lately(dialog) and _age_unknown(understanding, dialog.data)
    if kinds == {"violence"} and answer_not_hit_but(dialog):
        return
    if _told_lately(dialog, sorted(kinds) or ["unnamed"]):
        _urgent_again(dialog, kinds, minor or memory_of(dialog.data).hurt in CHILD_HURTS, young)
        return
    if kinds & {"no_shelter", "eviction"} and minor:
        _answer_child_no_place(dialog)
        return
    if put_out and not minor:  # tonight's bed, not rent; a child's lines while the age is not known
        _answer_put_out(dialog, understanding, young=young)
        return
    if kinds == {"no_food"} and _writes_as_a_minor(understanding, dialog.data, dialog.user_input.text):
        _answer_child_no_place(dialog, "urgent.child_no_food")
        return
    if "payment_demand" in kinds:
        answer = current_content().questions["ask.ignore_payment_demand"].answer
        dialog.say("urgent.payment_demand", answer=answer)
        kinds.discard("payment_demand")
        if not kinds:
            return
    if "violence" in kinds:
        home = _relative_at_home(dialog, understanding)
        dialog.send(*(home_violence_messages(dialog.now) if home else dv_messages(dialog.now)))
    if kinds - {"violence"} or not kinds:
        key = "urgent.tonight" if "no_shelter" in kinds else "urgent.info"  # the bed first, nothing before it
        dialog.say(key, guidance=_urgent_guidance(understanding, dialog.now))


COLD_OR_BODY_WORDS = fragments.WORDS["cold_or_body"]
"""Words about the cold or the body: only a message with one of them gets the short line with 119."""


def safety_line_fits(dialog: Dialog) -> bool:
    """Whether one short safety line fits an ordinary message now: the person was told lately they
    have no place to sleep tonight, writes about the cold or their body, and has not had the line since."""
    if not any(word in dialog.user_input.text for word in COLD_OR_BODY_WORDS):
        return False
    stamp = dialog.data.get("crisis", {}).get("urgent_told", {}).get("no_shelter")
    outside = isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < REPEAT_WITHIN
    if not outside or _recently(dialog, "safety_line_at", REPEAT_WITHIN):
        return False
    _mark(dialog, "safety_line_at")
    return True


def interrupt(dialog: Dialog, *, already_sent: bool) -> bool:
    """Answer a crisis or urgent need in typed text; True when the turn is fully handled.

    Crisis: resources fitted to the situation (unless `already_sent`), `RaiseUrgency("crisis")`,
    state unchanged. Urgent: 一時生活支援 guidance or the DV lines (one short line for the same
    situation again) and `RaiseUrgency("urgent")`; the text still answers a question that takes
    free text (returns False), otherwise the state is unchanged and the person is offered a human.
    A sign of possible risk: one gentle question, state unchanged; a typed 'no' to it, thanks.
    A short message that says nothing alone is read with the short ones just before it
    (「くすり」「のんだ」); after pills or cutting, words about the body get 119 again. While a CSW holds
    the conversation only these are answered: the rest of what follows a crisis reply is the CSW's.
    """
    if dialog.understanding is None:
        return False
    before = fragments.recent(dialog.data, dialog.now)
    fragments.keep(dialog.data, dialog.user_input.text, dialog.now)
    known_hurt = memory_of(dialog.data).hurt
    correction = correction_of(dialog.user_input.text)
    if correction is None:
        remember_hurt(dialog)
    else:
        _revise_after_correction(dialog, correction)
    if fragments.cannot_phone(dialog.user_input.text):
        dialog.data.setdefault("crisis", {})["no_phone"] = True
    note_pills_kept(dialog)
    note_means(dialog)
    as_written = dialog.understanding
    if _asks_if_watched(dialog):
        return False  # 「LINEなら大丈夫？スマホみられてるかも」: how to hide and delete this talk, as asked
    understanding = dialog.understanding = _set_aside_after_reply(
        dialog, _in_context(dialog.understanding, dialog.user_input.text, known_hurt)
    )
    understanding = _as_told(_feared_at_home(dialog, understanding), dialog.user_input.text)
    understanding = dialog.understanding = _alone_in_context(dialog, understanding)
    if any(evidence.rule == HIDING_AT_HOME for evidence in understanding.evidence):
        untick_read_from_text(dialog.data, "withdrawal")  # hiding from someone at home, not withdrawal
    worry = as_written.crisis == "none" and worries_after_death(as_written, dialog.user_input.text)
    if worry:  # 「私が死んだら息子はどうなるんでしょう」 beside violence at home: a worry, not danger now
        understanding = dialog.understanding = as_written
    if answer_risk_at_length(dialog) or answer_elder_hurt(dialog, understanding):
        return True
    if answer_elder_hurt_self(dialog, understanding):
        return True
    if answer_carer_hurt(dialog, understanding) or answer_carer_fears_telling(dialog):
        return True
    answer_elder_money(dialog)
    if answer_means_at_hand(dialog):  # 「練炭まだ車にあるけどな」 after a take-back: out of reach tonight
        return True
    if answer_leaving_plan(dialog) or answer_place_after_wish(dialog, before, already_sent=already_sent):
        return True
    understanding = dialog.understanding = _prepared_after_farewell(dialog, understanding)
    read_alone = understanding.crisis != "none" or worry
    pieces = PiecesReading() if read_alone else _read_in_pieces(dialog, before)
    understanding = dialog.understanding = _leaving_on_a_date(
        pieces.urgent or understanding, dialog.user_input.text
    )
    near = fragments.danger_near(dialog.user_input.text)
    if understanding.crisis != "none" and near and answer_child_after(dialog):
        return (
            True  # 「ドアをドンドンたたかれてる」 soon after a child's reply: how to stay safe now, in kana
        )
    if understanding.crisis != "crisis" and answer_minor_after_violence(dialog):
        return True  # 「わたし高2で17だけど…」 after violence at home: a child's lines, not the DV signs
    if answer_child_worry_for_parent(dialog):  # 「16さい。かあちゃん大丈夫かな」 after being hit with her
        return True
    if understanding.crisis == "none" and answer_minor_told(dialog):
        return True  # 「16です　高1」 after a night without a bed or thoughts of dying: the children's lines
    if understanding.crisis == "none":
        if consent.answer_in_words(dialog) is not None or followup.asks_what_was_sent(dialog):
            return False  # 「送る。やりとりも」「何が送られたの？」 after pills: answered as asked
        if answer_afraid_now(dialog):
            return True  # 「まごが おきてきました。こわい」 after violence was told: safe now, 110, at once
        joined = pieces.crisis
        if answer_not_me(dialog) or answer_relative_unreachable(dialog):
            return True
        if answer_call_question(dialog) or answer_correction(dialog) or answer_past_told(dialog):
            return True
        if joined is not None and _answer_joined(dialog, *joined, new=True):
            return True
        if dialog.data.get("with_person"):  # the CSW answers the rest; the body after harm still gets 119
            return (
                answer_who_is_told(dialog)
                or answer_body_after_harm(dialog)
                or (joined is not None and _answer_joined(dialog, *joined, new=False))
            )
        if answer_come_now(dialog) or answer_child_leaving(dialog):
            return True
        if answer_missing_not_urgent(dialog):  # 「急ぎではないんです。もう半年になります」 after 110
            return True
        if answer_half_serious(dialog):  # 「ネタだけど。半分くらい。電話とか無理だし」 before 「電話は無理」
            return True
        if answer_drinking_after_wish(dialog):  # 「ストロング5本目」 after 「もう死にたい」: drink, not pills
            return True
        if (
            answer_cannot_phone(dialog)
            or answer_not_dying_but(dialog)
            or answer_goodnight_after_pills(dialog)
        ):
            return True
        if answer_taken_back_after_means(dialog):
            return True
        if answer_where_to_leave(dialog):
            return True
        first_sign = answer_dv_first_sign(dialog)
        if first_sign is not None:
            return first_sign
        if answer_who_is_told(dialog):
            return True
        if answer_line_hours(dialog) or answer_body_after_harm(dialog) or answer_still_there(dialog):
            return True
        first_message = dialog.state == MenuStates.START  # welcomed first (dialogs.flows.menu)
        if not first_message and tells_no_child_guidance(dialog):
            answer_no_child_guidance(dialog)
            return True
        if answer_child_exposed(dialog):
            return True
        if answer_denied_for_relative(dialog) or answer_after_crisis(dialog) or answer_about_189(dialog):
            return True
        if answer_future_after_us(dialog):
            return True
        if joined is not None and _answer_joined(dialog, *joined, new=False):
            return True
        if answer_pills_reply(dialog) or answer_pills_named(dialog):
            return True
        if answer_phone_low(dialog):
            return True
        if answer_plea(dialog) or answer_child_after(dialog) or answer_risk_in_words(dialog):
            return True
        if stay_with_open_question(dialog) or answer_wordless_after_crisis(dialog):
            return True
        return answer_unread_after_harm(dialog) or ask_about_risk(dialog)
    level = understanding.crisis
    text = dialog.user_input.text
    situations = situations_of(understanding, dialog.data, text, memory_of(dialog.data).hurt)
    lead = _lead_reasons(dialog, understanding, situations[0])
    reasons = _reasons(understanding, level, text, lead)
    _record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    if situations[0] == "missing":  # taken off again if she says it is not urgent (answer_missing_not_urgent)
        dialog.data.setdefault("crisis", {})["missing_reasons"] = list(reasons)
    if level == "crisis":
        _answer_crisis(dialog, situations, already_sent=already_sent)
        _answer_asked_too(dialog)
        return True
    if not answer_bed_after_violence(dialog, understanding):
        _answer_urgent(dialog, understanding)
    if takes_free_text(dialog.state):
        return False
    dialog.send(_offer_to(dialog, "urgent.offer"))
    _answer_asked_too(dialog)
    return True


ELDERS = frozenset({"parent", "grandparent"})
"""Who, hurt by another relative, is an elderly person the writer worries about (高齢者虐待)."""

ELDER_HURTERS = frozenset({"sibling", "child", "grandchild", "other_family"})
"""Relatives who, shouting at or hitting an elder, make it a worry for 地域包括支援センター (not the writer's
partner: DV; not a parent hitting the other: the writer may be a child at home)."""


def _hurts_an_elder(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether the words tell of a relative shouting at or hitting the writer's parent or grandparent
    (「あれから兄が夜中に父を怒鳴ってるのを見た」), told by an adult who is not the one hurt."""
    told = who_hurts(dialog.user_input.text)
    if not (set(told.hurt) & ELDERS) or "self" in told.hurt or not told.by or set(told.by) - ELDER_HURTERS:
        return False
    if "parent" in told.hurt and "grandparent" not in told.hurt:
        minor = _writes_as_a_minor(understanding, dialog.data, dialog.user_input.text)
        return not minor and _parent_known_elderly(dialog)
    return True


def _parent_known_elderly(dialog: Dialog) -> bool:
    """Whether the conversation tells the parent is elderly: words of age or care (「親は高齢で、父が認知症
    ぎみ」) now or among the words kept for the 受付票, or care (介護) ticked as a concern."""
    form = dialog.data.get("intake") or {}
    heard = [str(item.get("words", "")) for item in form.get("heard", []) if isinstance(item, dict)]
    concerns = (form.get("answers") or {}).get("concerns") or {}
    cared = "caregiving" in (concerns.get("choices") or []) if isinstance(concerns, dict) else False
    said = (dialog.user_input.text, *heard)
    return cared or any(fragments.holds_word_of(words, "elder_signs") for words in said)


def _elder_window_line() -> str:
    content = current_content()
    window = content.window(content.service("elderly_center").how_to_reach.window)
    return catalog.text(
        "crisis.elder_window_line", name=window.name, phone=window.phone, hours=window.hours_text
    ).strip()


def answer_elder_hurt(dialog: Dialog, understanding: Understanding) -> bool:
    """An elderly parent shouted at or hit by another relative: the elder's safety, 110 if in danger now,
    and 地域包括支援センター (高齢者虐待の相談), not a reply to the writer as the one at risk or as
    living with the one who shouts; an urgent notice on the case."""
    if not _hurts_an_elder(dialog, understanding):
        return False
    reasons = (catalog.text("urgency.reason.elder_hurt"),)
    ruled = any(e.label == "crisis" and not e.rule.startswith("model:") for e in understanding.evidence)
    level = "crisis" if ruled else "urgent"  # the learned layer alone once read 「あれから…」 as suicidal
    _record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    said = catalog.text("crisis.elder_hurt", window_line=_elder_window_line())
    text = dialog.user_input.text
    if fragments.holds_word_of(text, "elder_money") and fragments.holds_word_of(text, "money_taken"):
        said += "\n" + catalog.text("crisis.elder_money_too")  # 「…年金を取り上げてる」: that is abuse too
    dialog.send(Text(said.strip()))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


ELDER_SELF_HURTERS = frozenset({"grandchild", "child"})
"""Who, hurting the elderly writer herself (「まごに たたかれたことも あります」), makes it 高齢者虐待."""


def _writer_is_elder(dialog: Dialog) -> bool:
    """Whether the writer is elderly: she writes as a grandparent (「まごのことで」) or of her age or
    pension (「わたしのねんきん」)."""
    answers = dialog.data.get("intake", {}).get("answers", {})
    asker = answers.get("asker", {}).get("choice")
    if answers.get("relation", {}).get("choice") == "grandparent" and asker in (None, "family"):
        return True
    return fragments.holds_word_of(dialog.user_input.text, "elder_signs")


def answer_elder_hurt_self(dialog: Dialog, understanding: Understanding) -> bool:
    """An elderly writer hit or shouted at by her grandchild or child (「まごに たたかれたことも あります」):
    110 if in danger now, 地域包括支援センター (高齢者虐待の相談), money taken named as abuse too when she
    told of it, in kana for a kana writer; an urgent notice on the case. Not the DV (partner) lines."""
    told = who_hurts(dialog.user_input.text)
    if "self" not in told.hurt or not told.by or set(told.by) - ELDER_SELF_HURTERS:
        return False
    if not _writer_is_elder(dialog):
        return False
    keep_typed(dialog)
    reasons = (catalog.text("urgency.reason.elder_hurt"),)
    ruled = any(e.label == "crisis" and not e.rule.startswith("model:") for e in understanding.evidence)
    level = "crisis" if ruled or understanding.crisis == "crisis" else "urgent"
    _record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    stored = dialog.data.setdefault("crisis", {})
    answered = list(dict.fromkeys([*stored.get("answered", []), "home_violence", "violence"]))
    stored.update(shown_at=dialog.now.isoformat(), situations=["home_violence"], answered=answered)
    form = dialog.data.get("intake") or {}
    heard = [str(item.get("words", "")) for item in form.get("heard", []) if isinstance(item, dict)]
    money = any(
        fragments.holds_word_of(words, "elder_money") and fragments.holds_word_of(words, "money_taken")
        for words in (dialog.user_input.text, *heard)
    )
    kana = not any("\u4e00" <= char <= "\u9fff" for char in dialog.user_input.text)
    key = "crisis.elder_hurt_self.kana" if kana else "crisis.elder_hurt_self"
    said = catalog.text(key, window_line=_elder_window_line())
    if money:
        said += "\n" + catalog.text(f"{key}.money")
    dialog.send(Text(said.strip()))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def answer_elder_money(dialog: Dialog) -> None:
    """An elderly parent's bankbook or pension held by another relative (「父の通帳も兄が持ってるみたい」):
    say it may be financial abuse and name 地域包括支援センター; the turn goes on as usual (the words are
    still kept or offered to the sent case)."""
    if fragments.elder_money_held(dialog.user_input.text):
        dialog.send(Text(catalog.text("crisis.elder_money", window_line=_elder_window_line())))


def _prepared_after_farewell(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Affairs put in order (「身辺整理はだいたい済んだ」) within `AFTER_CRISIS_WITHIN` of a reply to the
    writer's own farewell or thoughts of dying (「最後に娘の顔だけ見ておこうかな」), or of the gentle question
    about dying asked after a sign of possible risk: a preparation signal,
    read as thoughts of dying (crisis lines, the direct question, an urgent notice); alone it stays a
    sign of possible risk, asked about gently."""
    if understanding.crisis != "none" or not fragments.holds_word_of(
        dialog.user_input.text, "affairs_in_order"
    ):
        return understanding
    asked = _recently(dialog, "risk_asked_at", AFTER_CRISIS_WITHIN)
    shown = _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and _last_situations(dialog)[0] == "suicidal"
    if not asked and not shown:
        return understanding
    return replace(understanding, crisis="crisis", crisis_kinds=("suicidal",))


TOLD_BESIDE_DANGER = ("ask.after_prison",)
"""Turning points told, not asked, beside an urgent need whose answer the need's reply leaves out: a man a
week out of prison with nowhere to sleep (「出所したばかりで住むところもお金もない」) hears of 生活保護 and
保護観察所 too, not only tonight's bed."""


def _answer_asked_too(dialog: Dialog) -> None:
    """A question asked in the same message as danger (「息子がまた暴れて…こういうときの相談先は保健所
    でしょうか」), or a turning point told beside it (`TOLD_BESIDE_DANGER`): answered briefly after the
    safety content, before the closing offer, never left out."""
    told = [
        topic
        for topic in TOLD_BESIDE_DANGER
        if dialog.understanding and topic in dialog.understanding.intents
    ]
    sentences = answers.SENTENCE.findall(dialog.user_input.text)
    if not told and not any(
        sentence.strip().rstrip("。!！ 　").endswith(answers.QUESTION_ENDS) for sentence in sentences
    ):
        return  # 「元夫が家に来て殴られました」 names a visit but asks nothing
    topics = told or answers.topics_asked(dialog)
    briefs = [_brief_answer(dialog, topic) for topic in topics]
    if not briefs:
        return
    if told:  # its follow-ups (「家族とは縁切れてます」「4年いました」) are heard as after its own answer
        dialog.data[answers.ANSWERED] = {"topic": told[-1], "at": dialog.now.isoformat()}
    key = "crisis.told_too" if told else "crisis.asked_too"
    text = catalog.text(key, answer="\n".join(briefs))
    if not dialog.messages:
        dialog.send(Text(text))
    elif len(dialog.messages) < MAX_MESSAGES:
        dialog.messages.insert(len(dialog.messages) - 1, Text(text))
    else:  # at LINE's limit: the answer closes the message before the offer
        before = dialog.messages[-2]
        dialog.messages[-2] = Text(f"{before.text}\n\n{text}", before.choices)


def _brief_answer(dialog: Dialog, topic: str) -> str:
    """A short answer to one service, question or FAQ asked beside danger: what a service is and its
    window; a question's or a FAQ's answer from the content."""
    if topic.startswith("service."):
        content = current_content()
        service = content.service(cast(ServiceId, topic.removeprefix("service.")))
        window = content.window(service.how_to_reach.window)
        return catalog.text(
            "crisis.asked_service",
            name=service.name,
            summary=service.summary,
            window_name=window.name,
            window_phone=window.phone,
            window_hours=window.hours_text,
        )
    if topic.startswith("ask."):
        return answers.question_text(dialog, cast(QuestionId, topic))
    return answers.faq_text(cast(FaqIntent, topic), None)


def _lead_reasons(dialog: Dialog, understanding: Understanding, situation: Situation) -> tuple[str, ...]:
    """What the CSW should read first about this reading, when the words alone do not say it: a child
    given no food, someone unseen, a parent afraid of hitting a grown child, shouting from a grown child
    at home (not a partner)."""
    if understanding.crisis == "crisis":
        if situation == "relative_suicidal" and names_a_friend(dialog.user_input.text):
            return ("friend_suicidal",)  # the friend is at risk, not the one writing
        if situation == "suicidal" and fragments.holds_word_of(dialog.user_input.text, "affairs_in_order"):
            return ("preparing",)  # read as a crisis only after a farewell-like line
        return (situation,) if situation in ("neglect", "unseen", "missing", "grown_child", "family") else ()
    home = "violence" in understanding.crisis_kinds and _relative_at_home(dialog, understanding)
    return ("home_violence",) if home else ()


HARMED: tuple[Situation, ...] = ("overdose", "self_harm")
"""Situations in which the body is in danger: what the person says of it afterwards gets 119 again."""


@dataclass(frozen=True)
class PiecesReading:
    """What a short message says read with the short ones just before it: an urgent need told only
    together (「たいきょ」「あした」), else the danger to life they tell together with the words read."""

    urgent: Understanding | None = None
    crisis: tuple[Understanding, str] | None = None


def _read_in_pieces(dialog: Dialog, before: list[str]) -> PiecesReading:
    """Read a short message that says nothing alone with the short ones just before it, each join once.

    The nearest messages are tried first, then one more at a time. The first join that tells of an
    urgent need the earlier pieces alone did not tell is the urgent reading (and ends the pass).
    Otherwise, so that a crisis already answered further back (「しにたい」) does not hide what the last
    pieces say, the first join that tells of a situation not answered lately is the crisis reading
    (「くすり」「しにたい」「のんだ」 → pills taken), else the nearest crisis join.
    """
    understanding = dialog.understanding
    text = dialog.user_input.text.strip()
    if understanding is None or understanding.intents or not before or not fragments.is_short(text):
        return PiecesReading()
    if field_to_edit(dialog):  # 「連絡方法を変えたい」 asks for a change, whatever came before it
        return PiecesReading()
    if any(not evidence.rule.startswith("model:") for evidence in understanding.evidence):
        return PiecesReading()  # 「壁を殴ります」 after 「手首切った」 says what it says alone
    memory = memory_of(dialog.data)
    fresh: tuple[Understanding, str] | None = None
    nearest: tuple[Understanding, str] | None = None
    for count in range(1, len(before) + 1):
        earlier = " ".join(before[-count:])
        joined = f"{earlier} {text}"
        told = classify(joined)
        if told.crisis == "urgent" and classify(earlier).crisis == "none":
            return PiecesReading(urgent=told)
        if _story_of_pills(told, joined):  # 「推理ドラマで」「毒を何錠」「飲ませたか考えてる」: the plot
            return PiecesReading()
        reading = _pills_in_context(told, joined, dialog)
        if reading.crisis != "crisis" or fresh is not None:
            continue
        situation = situations_of(reading, dialog.data, joined, memory.hurt)[0]
        if not memory.is_repeat(situation, dialog.now):
            fresh = (reading, joined)
        elif nearest is None:
            nearest = (reading, joined)
    return PiecesReading(crisis=fresh or nearest)


def _story_of_pills(reading: Understanding, joined: str) -> bool:
    """Whether pieces read together are a story's plot about pills: a fiction frame the reading sets the
    danger words inside (「推理ドラマで 毒を何錠 飲ませたか考えてる」), with a count asked or someone else
    made to swallow. Pieces of one's own (「ゲームしてた」「くすり」「のんだ」) are never the plot."""
    framed = reading.crisis == "none" and any(e.label == "fiction:crisis" for e in reading.evidence)
    return framed and fragments.holds_word_of(joined, "story_count")


def _pills_in_context(reading: Understanding, joined: str, dialog: Dialog) -> Understanding:
    """Pieces that name pills and say they were swallowed, soon after a crisis reply or beside words
    about dying (「くすり」「しにたい」「のんだ」), are an overdose."""
    if "overdose" in reading.crisis_kinds:
        return reading
    if reading.crisis != "crisis" and not _recently(dialog, "shown_at", fragments.WITHIN):
        return reading
    if not any(word in joined for word in PILL_WORDS) or not overdose_taken(joined):
        return reading
    sign = Evidence("crisis", joined, "context:pills_in_pieces")
    kinds: tuple[CrisisKind, ...] = ("overdose", *reading.crisis_kinds)
    return replace(reading, crisis="crisis", crisis_kinds=kinds, evidence=(*reading.evidence, sign))


def _answer_joined(dialog: Dialog, reading: Understanding, joined: str, *, new: bool) -> bool:
    """Answer the danger the recent pieces tell together; True when answered.

    `new`: only a situation not answered lately (pills taken, after 「しにたい」 was answered) gets its
    whole block. Otherwise only more about pills taken or cutting (「20こ」) gets the brief reply with
    119 again; more pieces after thoughts of dying were answered are read alone (「べつに」).
    """
    hurt = memory_of(dialog.data).hurt
    asked_before = tuple(intent for intent in reading.intents if intent != ASKS_TO_CALL)
    reading = replace(reading, intents=asked_before)  # a question in the pieces before was answered there
    situations = situations_of(reading, dialog.data, joined, hurt)
    repeat = memory_of(dialog.data).is_repeat(situations[0], dialog.now)
    if new == repeat or (repeat and situations[0] not in HARMED):
        return False
    if situations[0] in CARER_TOLD and _recently(dialog, "carer_at", AFTER_CRISIS_WITHIN):
        return False  # 「すみません取り乱して」 after the carer's reply: the pieces are his, already answered
    named = _reasons(replace(reading, evidence=()), "crisis", joined)  # what it is about, no words
    reasons = (
        *named,
        catalog.text("summary.quote", words=dialog.user_input.text.strip()),
    )  # this message only
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    _answer_crisis(dialog, situations, already_sent=False, understanding=reading)
    return True


def answer_body_after_harm(dialog: Dialog) -> bool:
    """After a reply about pills taken or cutting, words about the body (「ねむい」「血とまらんかったら」)
    get 119 again, briefly: first aid for a wound, 119 and someone near for pills. Holding back from
    119 after pills (「救急とか大げさ」「親にバレたくない」「救急車って金かかる？」) is told why it matters
    now and that the ambulance is free. Bleeding that stopped
    (「とまった」) is thanked with what to watch for; help on its way (「救急車よんだ」) gets what to tell
    them; a bare 「はい」 names 119 once more (asking whether parents are told: `answer_who_is_told`).
    True when answered."""
    told = _harm_told(dialog)
    text = dialog.user_input.text
    if "self_harm" in told and fragments.bleeding_stopped(text):
        keep_typed(dialog)
        _mark(dialog, "bleeding_stopped_at")
        dialog.say("crisis.bleeding_stopped")
        _ask_once_after_harm(dialog)
        return True
    if (
        "self_harm" in told
        and fragments.says_not_called(text)
        and _recently(dialog, "bleeding_stopped_at", AFTER_CRISIS_WITHIN)
    ):  # 「え 119とかしてないけど」 after 「血はとまった」: when to call, not thanks for calling
        keep_typed(dialog)
        dialog.say("crisis.not_called_after_stopped")
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    worried = bool(told) and fragments.worries_about_calling(text)
    harmed = next((situation for situation in told if fragments.tells_of_body(text, situation)), None)
    if worried or harmed is not None:
        _raise_with_words(dialog)
        keep_typed(dialog)
        _mark(dialog, "shown_at")
        dialog.messages.clear()  # danger first: no note that 「親にバレたくない」 was kept as a 配慮
        key = "crisis.body_after_pills" if harmed == "overdose" else "crisis.body_after_cutting"
        if worried:  # the same worry again takes turns between two wordings, never the last word for word
            stored = dialog.data.setdefault("crisis", {})
            times = stored.get("call_worries_told", 0)
            after = "pills" if "overdose" in told else "cutting"
            key = f"crisis.call_worries_after_{after}" + (".b" if times % 2 else "")
            stored["call_worries_told"] = times + 1
        dialog.say(key)
        if worried and dialog.understanding is not None and _is_child(dialog.understanding, dialog.data):
            _say_child_line(dialog)
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    if told and fragments.is_short(text) and (fragments.help_coming(text) or fragments.acknowledges(text)):
        _say_acknowledged(dialog, told[0], coming=fragments.help_coming(text))
        return True
    return False


def _ask_once_after_harm(dialog: Dialog) -> None:
    """Once the wound is cared for, the direct question about dying, gently, unless asked lately (then
    the offer of a person): cutting is a sign, and asking does not plant the idea."""
    if memory_of(dialog.data).asked_lately(dialog.now):
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return
    _mark(dialog, "method_asked_at")
    dialog.send(_direct_question(with_person=bool(dialog.data.get("with_person"))))


def answer_who_is_told(dialog: Dialog) -> bool:
    """Soon after a crisis reply, asking whether parents or school are told, or asking that they not be
    (「親に連絡いく？」「親には絶対言わないで」「担当者って学校とか親に連絡する？」): what this LINE and the
    staff do and do not tell, worded by what was told. While the body is still at risk (pills taken,
    or cutting whose bleeding has not stopped) 119 and first aid are kept, and come first; otherwise
    the content's confidentiality answer, limits included, never first aid again. While a CSW holds
    the case only the body at risk is answered. True when answered."""
    text = dialog.user_input.text
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or not fragments.asks_who_is_told(text):
        return False
    intents = dialog.understanding.intents if dialog.understanding else ()
    if any(intent.startswith("cmd.") or intent == "talk.addition" for intent in intents):
        return False  # 「担当の人に、今日のこと伝えてほしい。でも親には…」 asks to send: answered as asked
    told = _harm_told(dialog)
    bleeding = "self_harm" in told and not _recently(dialog, "bleeding_stopped_at", AFTER_CRISIS_WITHIN)
    at_risk = "overdose" in told or bleeding
    if not at_risk and (fragments.worries_about_calling(text) or dialog.data.get("with_person")):
        return False  # 「親にバレたくない」 after cutting: why 119 matters (answer_body_after_harm)
    keep_typed(dialog)
    if at_risk:
        dialog.messages.clear()  # danger first: no note that the worry was kept as a 配慮
        dialog.say(
            "crisis.family_told_after_pills" if "overdose" in told else "crisis.family_told_after_cutting"
        )
    else:
        dialog.say("crisis.who_is_told", answer=current_content().faq_answer("faq.confidentiality"))
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def _say_child_line(dialog: Dialog) -> None:
    """A line for children open now, for a child holding back from 119 (「てか高1だし」)."""
    children = [
        line
        for line in current_content().hotlines
        if "child_talk" in line.kinds and line.hours_known and line.is_open_at(dialog.now)
    ]
    if children:
        dialog.say("crisis.child_line_too", line=_line_text(children[0]))


def _raise_with_words(dialog: Dialog) -> None:
    """Raise the case to crisis with the person's own words (cut if long) as the reason."""
    whole = dialog.user_input.text.strip()
    words = whole if len(whole) <= REASON_CHARS else catalog.text("summary.cut", words=whole[:REASON_CHARS])
    reasons = (catalog.text("summary.quote", words=words),)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))


def answer_still_there(dialog: Dialog) -> bool:
    """Still at the place named soon after the direct question about it (「まだベランダ。寒い」): go inside,
    someone near, 119/110 and one line, never the fallback; the case is raised. True when answered."""
    if not _recently(dialog, "method_asked_at", AFTER_CRISIS_WITHIN):
        return False
    if not fragments.still_at_place(dialog.user_input.text):
        return False
    _raise_with_words(dialog)
    keep_typed(dialog)
    _mark(dialog, "shown_at")
    memory = memory_of(dialog.data)
    situations = _last_situations(dialog)
    outside = fragments.outside_place(dialog.user_input.text)
    messages = still_there_messages(
        dialog.now, situations, no_phone=memory.no_phone, sent=memory.sent, outside=outside
    )
    dialog.send(*messages)
    return True


NAME_PART_CHARS = 4
"""The shortest part of a line's name that names it (「いばしょ」 for あなたのいばしょ)."""


def _named_lines(text: str) -> list[Hotline]:
    """The crisis lines the words name, by their name or a distinctive part of it (「いばしょ」「よりそい」;
    not 「チャット」, which names a way to reach a line)."""
    written = normalize_with_spans(text).text
    named = []
    for line in current_content().hotlines:
        name = normalize_with_spans(line.name.split("（")[0]).text
        parts = {name[:end] for end in range(NAME_PART_CHARS, len(name) + 1)}
        parts |= {name[start:] for start in range(len(name) - NAME_PART_CHARS + 1)}
        distinct = [part for part in parts if not part.endswith("の") and not fragments.names_a_channel(part)]
        if any(part in written for part in distinct):
            named.append(line)
    return named


def answer_line_hours(dialog: Dialog) -> bool:
    """Whether a crisis line is open now, asked of a line named (「あなたのいばしょってとこ、今やってるの？」)
    or, soon after a crisis reply, of the chat or phone lines it gave (「チャットのほうがいい。でもこの時間
    やってるの？」): that line's hours from the content and the lines open now, not the city's hours."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or "faq.hours" not in understanding.intents:
        return False
    named = _named_lines(text)
    if not named and not (
        _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and fragments.names_a_channel(text)
    ):
        return False
    said = []
    for line in named:
        state = "varies" if not line.hours_known else "open" if line.is_open_at(dialog.now) else "closed"
        said.append(catalog.text(f"crisis.line_hours.{state}", name=line.name, hours=line.hours_text))
    phones, chats = _open_lines(_last_situations(dialog), dialog.now)
    chats_first = memory_of(dialog.data).no_phone or fragments.asks_for_text(text)
    reach = [line for line in named if line.hours_known and line.is_open_at(dialog.now)]
    reach += [line for line in (chats + phones if chats_first else phones + chats) if line not in reach]
    lines = "\n".join(_line_text(line) for line in reach[:3]) or catalog.text("crisis.again_emergency")
    said.append(catalog.text("crisis.line_hours.now", lines=lines))
    keep_typed(dialog)
    dialog.say("crisis.line_hours.reply", answer="\n".join(said))
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_unread_after_harm(dialog: Dialog) -> bool:
    """A short message nothing else reads, within `fragments.WITHIN` of a reply about pills or cutting
    (「20こ」 after pills told in a long message): 119 named once more, not the fallback."""
    told = _harm_told(dialog)
    understanding = dialog.understanding
    if not told or understanding is None or understanding.intents or understanding.concerns:
        return False
    if not fragments.is_short(dialog.user_input.text) or not _recently(dialog, "shown_at", fragments.WITHIN):
        return False
    _say_acknowledged(dialog, told[0], coming=False)
    return True


def _harm_told(dialog: Dialog) -> list[Situation]:
    """Pills taken or cutting answered in the hours just past, most urgent first."""
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return []
    answered = memory_of(dialog.data).answered
    return [situation for situation in HARMED if situation in answered]


def _say_acknowledged(dialog: Dialog, harmed: Situation, *, coming: bool) -> None:
    """Help on its way: what to tell them; otherwise 119 named once more for the signs to watch."""
    keep_typed(dialog)
    kind = "pills" if harmed == "overdose" else "cutting"
    if coming:
        dialog.say(f"crisis.help_coming.{kind}")
    else:  # a line to write to first: 「電話は無理やわ、声出えへん」 cannot phone
        line = _written_line_first((harmed,), dialog.now)
        dialog.say(f"crisis.acknowledged.{kind}", line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))


def answer_plea(dialog: Dialog) -> bool:
    """A plea on the menu soon after a crisis reply (「おねがい だれか」): the words were received, one
    line to call now, and a person; not the fallback, and not a copy of the last reply. True when answered."""
    at_menu = dialog.state in (MenuStates.START, MenuStates.MAIN)
    if not at_menu or not fragments.pleads(dialog.user_input.text):
        return False
    if person_offered(dialog) and dialog.understanding and "cmd.yes" in dialog.understanding.intents:
        return False  # 「お願いします」 to the offer of a person: a yes, answered by the dialog
    if dialog.understanding is not None and "cmd.human" in dialog.understanding.intents:
        return False  # 「担当の方から折り返しをお願いできますか」 asks for the person in charge
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    situations = _last_situations(dialog)
    line = _one_line_now(dialog.now, situations, no_phone=False)
    keep_typed(dialog)
    _mark(dialog, "shown_at")
    dialog.say("crisis.plea.child" if situations[0] == "child" else "crisis.plea", line=line)
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_pills_named(dialog: Dialog) -> bool:
    """Pills named, not said to be taken, soon after a crisis reply (「しにたい」「べつに」「くすり」): ask
    plainly whether they were taken and how many, with 119 if they were. True when asked."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.intents or not fragments.is_short(text):
        return False
    if not any(word in text for word in PILL_WORDS) or overdose_taken(text):
        return False
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _recently(
        dialog, "pills_asked_at", REPEAT_WITHIN
    ):
        return False
    _mark(dialog, "pills_asked_at")
    keep_typed(dialog)
    dialog.say("crisis.pills_ask")
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def answer_pills_reply(dialog: Dialog) -> bool:
    """A short answer soon after being asked whether pills were taken: not yet (「のんでない」「まだ」) is
    thanked, with pills kept out of reach and 119 if taken; anything else (「はい」「20こ」) is read as
    pills taken, and gets 119 first. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.concerns or not fragments.is_short(text):
        return False
    if not _recently(dialog, "pills_asked_at", QUESTION_FRESH) or _recently(
        dialog, "pills_answered_at", QUESTION_FRESH
    ):
        return False
    if set(understanding.intents) - {"cmd.yes", "cmd.no"}:
        return False
    _mark(dialog, "pills_answered_at")
    keep_typed(dialog)
    if "cmd.no" in understanding.intents or fragments.not_taken(text):
        dialog.say("crisis.pills_not_taken")
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    reasons = (catalog.text("summary.quote", words=text.strip()),)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    _answer_crisis(dialog, ("overdose",), already_sent=False)
    return True


def note_offer(dialog: Dialog) -> None:
    """Remember whether this turn's reply ends by offering a person (「担当者に伝えたい」), so that a typed
    yes on the next turn (「はい」「お願いします」) is taken as a yes to that offer."""
    last = dialog.messages[-1] if dialog.messages else None
    offered = last is not None and any(
        choice.data == "human" and choice.label == catalog.text("crisis.human") for choice in last.choices
    )
    stored = dialog.data.get("crisis")
    if offered:
        dialog.data.setdefault("crisis", {})["person_offered"] = True
    elif isinstance(stored, dict):
        stored.pop("person_offered", None)


def person_offered(dialog: Dialog) -> bool:
    """Whether the bot's last reply ended by offering a person (see `note_offer`)."""
    return bool(dialog.data.get("crisis", {}).get("person_offered"))


# ---------------------------------------------------------------- try-out 13: crisis follow-through


STOCKED = ("ため", "溜め", "貯め")
"""Stems of keeping a stock (「睡眠薬けっこうためてる」), read beside a word for pills."""


def note_pills_kept(dialog: Dialog) -> None:
    """Remember when the person said pills are kept (「薬ためてあるから、いざとなったら」), so that a
    take-back, 「電話は無理」 or 「寝ます」 in the hours after still speaks of them."""
    text = dialog.user_input.text
    stocked = any(word in text for word in PILL_WORDS) and any(word in text for word in STOCKED)
    if (fragments.pills_kept(text) or stocked) and not overdose_taken(text):
        _mark(dialog, "pills_kept_at")


MEANS_ASKED_WITHIN = timedelta(minutes=15)
"""The direct question asked less than this long ago is not asked again beside a means still at hand."""


def _means_word(text: str) -> str | None:
    """The means of dying named in `text` as the list spells it (「練炭」), or None."""
    typed = text.lower()
    return next((word for word in fragments.WORDS["means_named"] if word.lower() in typed), None)


def note_means(dialog: Dialog) -> None:
    """Remember a means of dying named in words read as a crisis (「ホームセンターで練炭買ってきたわ」),
    so that a take-back after it (「冗談だて」) still speaks of putting it out of reach."""
    text = dialog.user_input.text
    word = _means_word(text)
    understanding = dialog.understanding
    if word is None or word in PILL_WORDS or overdose_taken(text) or understanding is None:
        return
    if understanding.crisis != "none":
        _mark(dialog, "means_named_at")
        dialog.data.setdefault("crisis", {})["means"] = word


def _means_lately(dialog: Dialog) -> str | None:
    """The means (not pills) named within `AFTER_CRISIS_WITHIN`, or None."""
    if not _recently(dialog, "means_named_at", AFTER_CRISIS_WITHIN):
        return None
    means = dialog.data.get("crisis", {}).get("means")
    return means if isinstance(means, str) else None


def _phone_and_chat(dialog: Dialog) -> str:
    """One phone line and one line to write to, open now for the last crisis reply's situations (only
    the one to write to when the person said they cannot phone)."""
    phones, chats = _open_lines(_last_situations(dialog), dialog.now)
    reach = chats[:1] if memory_of(dialog.data).no_phone and chats else phones[:1] + chats[:1]
    if not reach:
        return catalog.text("crisis.again_emergency")
    return "\n".join(_line_text(line) for line in reach)


def answer_means_at_hand(dialog: Dialog) -> bool:
    """A means of dying said to be still at hand after a crisis reply or a take-back (「練炭まだ車にあるけど
    な」「死にたいわけじゃにゃあ。でも練炭は捨てれんわ」「ロープまだとってある」): plainly that it is
    dangerous, to put it out of reach tonight or give it to someone to keep, the direct question again
    (unless asked in the last minutes, or dying was just denied), and a line to phone and one to write
    to, with 119/110. Raised as a crisis. True when answered."""
    text = dialog.user_input.text
    if dialog.data.get("with_person") or not fragments.holds_word_of(text, "means_kept"):
        return False
    if overdose_taken(text) or "overdose" in memory_of(dialog.data).answered:
        return False
    word = _means_word(text)
    if word in PILL_WORDS and (fragments.pills_kept(text) or any(stem in text for stem in STOCKED)):
        return False  # 「薬ためてあるから」: the pills' own replies (`_lines_again`, `denied_pills_kept`)
    means = word or _means_lately(dialog)
    if means is None:
        return False
    memory = memory_of(dialog.data)
    if not memory.recent(dialog.now):  # 「包丁は家にあるので」 with no crisis told: not a means at hand
        return False
    keep_typed(dialog)
    reasons = (catalog.text("summary.quote", words=text.strip()[:REASON_CHARS]),)
    _record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    tick_for_the_writer(dialog.data, "mental_health")
    not_dying = fragments.holds_word_of(text, "not_dying_but") or fragments.holds_word_of(text, "wish_denied")
    key = "crisis.means_at_hand.not_dying" if not_dying else "crisis.means_at_hand"
    dialog.say(key, means=means)
    dialog.send(Text(catalog.text("crisis.means_lines", lines=_phone_and_chat(dialog)).strip()))
    _mark(dialog, "means_away_at")
    _mark(dialog, "shown_at")
    asked = memory.asked_within(dialog.now, MEANS_ASKED_WITHIN)
    if memory.sent:
        dialog.send(_offer_to(dialog, "crisis.again_offer"))
    if not_dying or asked:
        if not memory.sent:
            dialog.send(_offer_to(dialog, "crisis.again_offer"))
        return True
    _mark(dialog, "method_asked_at")
    _mark(dialog, "risk_asked_at")
    dialog.send(_direct_question(with_person=False))
    return True


def _pills_kept_lately(dialog: Dialog) -> bool:
    """Whether pills were said to be kept (not taken) within `AFTER_CRISIS_WITHIN`."""
    taken = "overdose" in memory_of(dialog.data).answered
    return not taken and _recently(dialog, "pills_kept_at", AFTER_CRISIS_WITHIN)


def _lines_again(
    messages: tuple[Text, ...], situations: tuple[Situation, ...], now: datetime, *, no_phone: bool, text: str
) -> tuple[Text, ...]:
    """A way of dying named after the lines were given in full (「薬ためてあるから、いざとなったら」 after
    「もう全部おわりにしたい」): the block of lines becomes one line with a word that the ones given still
    answer, and pills said to be kept get how to put them out of reach."""
    reach = _first_open_line(situations, now, no_phone=no_phone)
    if reach is None or len(messages) < 2:
        return messages
    said = catalog.text("crisis.lines_again", line=_line_text(reach))
    if fragments.pills_kept(text):
        said += "\n" + catalog.text("crisis.pills_kept_away")
    return (messages[0], Text(said.strip()), *messages[2:])


def _chat_line_first(dialog: Dialog) -> str:
    """One line open now for the last crisis reply's situations, one to write to before one to phone."""
    return _written_line_first(_last_situations(dialog), dialog.now)


def answer_taken_back_after_means(dialog: Dialog) -> bool:
    """Taking back words about dying on the menu (「冗談です」「ほんとに大丈夫なんで」) soon after a crisis
    reply. After pills were said to be kept, the take-back is met warmly but the pills are not dropped
    (hand them to someone or a pharmacy) and the door stays open; a take-back again within
    `REPEAT_WITHIN` gets a short reply that points to the lines already given, never the same words.
    False (and the take-back remembered) when `answer_after_crisis` answers it."""
    text = dialog.user_input.text
    understanding = dialog.understanding
    if understanding is None or dialog.state not in (MenuStates.START, MenuStates.MAIN):
        return False
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _last_situations(dialog)[0] != "suicidal":
        return False
    waved_off = "talk.dismiss" in understanding.intents or fragments.waves_off(text)
    if not (waved_off or fragments.takes_back(text)) or "overdose" in memory_of(dialog.data).answered:
        return False
    means = _means_lately(dialog)
    line = _chat_line_first(dialog)
    if _pills_kept_lately(dialog) and not _recently(dialog, "pills_away_at", AFTER_CRISIS_WITHIN):
        key = "crisis.taken_back_after_means"
        line = _phone_and_chat(dialog)  # 「冗談です」 after pills kept: a phone line kept beside the chat
        _mark(dialog, "pills_away_at")
    elif means and not _recently(dialog, "means_away_at", AFTER_CRISIS_WITHIN):
        key = (
            "crisis.taken_back_after_means.other"  # 「冗談だて」 after 「練炭買ってきた」: a phone line kept
        )
        line = _phone_and_chat(dialog)
        _mark(dialog, "means_away_at")
    elif _recently(dialog, "taken_back_at", REPEAT_WITHIN):
        key = "crisis.taken_back_again"
    else:
        _mark(dialog, "taken_back_at")
        return False
    _mark(dialog, "taken_back_at")
    keep_typed(dialog)
    menu = Choice(catalog.text("nav.menu"), "menu")
    person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
    dialog.say(key, (*person, menu), line=line, means=means or "")
    return True


def answer_cannot_phone(dialog: Dialog) -> bool:
    """「電話は無理。声でない」 soon after a crisis reply: the lines one can write to, and that this LINE
    takes words too; after pills kept, keep them out of reach and ask someone near to call 119. Never
    an order to phone, and never the menu. True when answered."""
    text = dialog.user_input.text
    if not fragments.cannot_phone(text) or not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    situations = _last_situations(dialog)
    if situations[0] in WITHOUT_LINES:
        return False
    _phones, chats = _open_lines(situations, dialog.now)
    if not chats:
        return False
    said = catalog.text("crisis.cannot_phone", lines="\n".join(_line_text(line) for line in chats))
    if _pills_kept_lately(dialog):
        said += "\n" + catalog.text("crisis.cannot_phone_pills")
        _mark(dialog, "pills_away_at")
    keep_typed(dialog)
    dialog.send(Text(said.strip()), _offer_to(dialog, "crisis.again_offer"))
    return True


def answer_goodnight_after_pills(dialog: Dialog) -> bool:
    """「寝ます」 in the hours after pills were said to be kept (not taken): thanks, the pills out of reach
    before sleeping, a line to write to in the night, then good night. True when answered."""
    understanding = dialog.understanding
    if understanding is None or "talk.goodnight" not in understanding.intents:
        return False
    if not _pills_kept_lately(dialog):
        return False
    keep_typed(dialog)
    dialog.say(
        "crisis.goodnight_after_pills",
        (Choice(catalog.text("nav.menu"), "menu"),),
        line=_chat_line_first(dialog),
    )
    return True


def answer_not_dying_but(dialog: Dialog) -> bool:
    """「いや、死にはしないけど」 soon after a reply to thoughts of dying: a partial retraction, thanked and
    stayed with (how cornered they feel), with one line to write to; not a 'no' to a question that was
    never asked. True when answered."""
    if not fragments.holds_word_of(dialog.user_input.text, "not_dying_but"):
        return False
    if not _recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or _last_situations(dialog)[0] != "suicidal":
        return False
    keep_typed(dialog)
    dialog.say("crisis.not_dying_but", line=_chat_line_first(dialog))
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


def plans_to_leave(dialog: Dialog) -> bool:
    """Whether the words tell a plan to leave or flee a partner (「彼がねてるうちに子どもと出たい」): a way
    of leaving beside a partner named, or after violence from a partner was told."""
    text = dialog.user_input.text
    if not fragments.holds_word_of(text, "leaving_plan"):
        return False
    partner = fragments.holds_word_of(text, "partner_near") or names_partner(text)
    return partner or memory_of(dialog.data).hurt == "partner"


def _dv_lines() -> list[str]:
    """The lines for violence from a partner (DV相談＋, DV相談ナビ), as `answer_where_to_leave` gives them."""
    hotlines = current_content().hotlines
    return [
        _line_text(line) for line in hotlines if "violence" in line.kinds and "anything" not in line.kinds
    ]


def answer_leaving_plan(dialog: Dialog) -> bool:
    """A plan to leave a partner (「彼がねてるうちに子どもと出たい」「夫が寝てる間に子供つれて逃げたい」):
    safety planning with the DV lines and 110 if in danger, raised as urgent violence; not a worry about
    children or school, and not thoughts of dying read by the learned layer alone. True when answered."""
    understanding = dialog.understanding
    if understanding is None or dialog.data.get("with_person") or not plans_to_leave(dialog):
        return False
    if ASKS_WHERE & set(understanding.intents) and memory_of(dialog.data).hurt == "partner":
        return False  # 「夫から離れたいんです。どこに相談したら」: `answer_where_to_leave` answers it
    if understanding.crisis != "none" and not understanding.learned_only(understanding.crisis):
        return False
    reasons = (catalog.text("summary.quote", words=dialog.user_input.text.strip()[:REASON_CHARS]),)
    _record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    tick_for_the_writer(dialog.data, "violence")
    untick_read_from_text(dialog.data, "childcare_education")
    stored = dialog.data.setdefault("crisis", {})
    stored["hurt"] = "partner"
    keep_typed(dialog)
    dialog.say("dv.leaving_plan", lines="\n".join(_dv_lines()))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    return True


def answer_bed_after_violence(dialog: Dialog, understanding: Understanding) -> bool:
    """A bed tonight asked (「今夜とまれるところありますか」) by someone hurt by a partner: DV相談＋ named
    first as the way to a safe place tonight (as its content says), 110 if in danger; the 一時生活支援
    guidance only after. True when answered."""
    if set(understanding.crisis_kinds) != {"no_shelter"} or memory_of(dialog.data).hurt != "partner":
        return False
    dv_lines = [line for line in current_content().hotlines if "violence" in line.kinds and line.shelter]
    open_now = [line for line in dv_lines if line.hours_known and line.is_open_at(dialog.now)]
    if not open_now:
        return False
    keep_typed(dialog)
    lines = "\n".join(_line_text(line) for line in open_now)
    shelter = "\n".join(line.shelter for line in open_now)
    stored = dialog.data.setdefault("crisis", {})
    if _recently(dialog, "dv_bed_at", REPEAT_WITHIN):  # asked again: the line named, in turns of two wordings
        again = int(stored.get("dv_bed_again", 0))
        dialog.say("dv.bed_again.b" if again % 2 else "dv.bed_again", lines=lines, shelter=shelter)
        stored["dv_bed_again"] = again + 1
    else:
        stored["dv_bed_again"] = 0
        dialog.say("dv.bed_tonight", lines=lines, shelter=shelter)
        dialog.say("urgent.tonight", guidance=_urgent_guidance(understanding, dialog.now))
    _mark(dialog, "dv_bed_at")
    _told_lately(dialog, ["no_shelter"])
    intents = tuple(intent for intent in understanding.intents if intent != "service.temporary_living")
    dialog.understanding = replace(understanding, intents=intents)  # no weekday card after it
    return True


def _asks_if_watched(dialog: Dialog) -> bool:
    """Whether words about this LINE or the phone being seen ask something (「LINEなら大丈夫？スマホみられ
    てるかも」「このLINE、彼に見られたらどうしよう」「履歴けしたほうがいい？」), fear or guess it
    (「このLINEも見られるかもしれないので怖いです」), or tell it after the DV lines were given
    (「彼がLINEチェックする」), with no danger read in them: the flow answers how to hide and delete this
    talk; not a sign of violence or a take-back."""
    understanding = dialog.understanding
    if understanding is None or understanding.crisis != "none":
        return False
    text = dialog.user_input.text
    if "talk.privacy_fear" not in understanding.intents:
        return False
    # 「旦那に見られたらやばい」 after the DV lines: this LINE, though unnamed
    seen_by_partner = _partner_named(understanding, text) and partner_lines_given(dialog)
    if not fragments.holds_word_of(text, "this_line_named") and not seen_by_partner:
        return False
    asked = any(mark in text for mark in "?？") or "talk.guidance" in understanding.intents
    if asked or any(evidence.rule.endswith("#delete_history") for evidence in understanding.evidence):
        return True
    return fragments.holds_word_of(text, "seen_feared") or partner_lines_given(dialog)


def safe_line(now: datetime) -> str:
    """The line for violence from a partner open at `now` (DV相談＋ before a line for anything), as the
    person reads it; empty when none is open."""
    phones, chats = _open_lines(("violence",), now)
    lines = [line for line in (*phones, *chats) if "anything" not in line.kinds] or [*phones, *chats]
    return _line_text(lines[0]) if lines else ""


def partner_lines_given(dialog: Dialog) -> bool:
    """Whether the DV lines were given lately to someone known to be hurt or controlled by a partner: this
    LINE or the phone told as seen then (「彼がLINEチェックする」) is answered with how to hide this talk,
    not the same lines again."""
    if memory_of(dialog.data).hurt != "partner":
        return False
    told = dialog.data.get("crisis", {}).get("urgent_told", {}).get("violence")
    lately = isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < REPEAT_WITHIN
    signs = _recently(dialog, "dv_signs_at", REPEAT_WITHIN)
    return lately or signs or _recently(dialog, "shown_at", REPEAT_WITHIN)


CARER_HURTS = frozenset({"violence", "harm_to_others", "child_abuse"})
"""Readings of harm that, from a carer of an elderly parent, are the carer's own hand (the learned layer
reads 「このままだと殴ってしまいそう」 as a parent and a child, 「ゆすってしまった」 as a victim's words)."""
CARER_TOLD: frozenset[Situation] = frozenset({"parent", "child", "violence", "at_home", "home_violence"})
"""Situations pieces joined after a carer's reply may seem to tell (a parent's, a victim's): his, answered."""


def _carer_may_hurt(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether a grown-up caring for an elderly parent tells of hurting, or fearing to hurt, them
    (「さっき怒鳴って肩つかんでゆすってしまった」 after 「おふくろが認知症で」): harm read, in the writer's
    own act (「…てしまった」「…しまいそう」), with nobody else named as the one who hurts and no child."""
    kinds = set(understanding.crisis_kinds)
    if not kinds & CARER_HURTS or kinds - CARER_HURTS:
        return False  # thoughts of dying beside it get the crisis reply as before
    text = dialog.user_input.text
    told = who_hurts(text)
    if set(told.by) - {"self"} or set(told.hurt) - ELDERS:
        return False  # 「兄が父を」: answer_elder_hurt; 「子どもを」「母に叩かれた」: as before
    if not fragments.holds_word_of(text, "own_hurt_mark") or _parent_of_a_child(dialog.data):
        return False
    if not _own_hand_in_one_sentence(text):
        return False  # 「大げさに書いてしまった…夫は手をあげたりはしません」: no act of his own
    return _parent_known_elderly(dialog) and not _writes_as_a_minor(understanding, dialog.data, text)


def _own_hand_in_one_sentence(text: str) -> bool:
    """Whether, in a message of several sentences, one sentence tells both harm and the writer's own act
    (「自分が怖い。このままだと殴ってしまいそう」); a message of one sentence is read whole already."""
    sentences = [sentence for sentence in SENTENCES.findall(text) if sentence.strip()]
    if len(sentences) < 2:
        return True
    return any(
        fragments.holds_word_of(sentence, "own_hurt_mark")
        and set(classify(sentence).crisis_kinds) & CARER_HURTS
        for sentence in sentences
    )


def answer_carer_hurt(dialog: Dialog, understanding: Understanding) -> bool:
    """A carer who hurt, or fears hurting, the elderly parent they care for: without blame, the parent's
    safety and a moment apart, 110/119, 地域包括支援センター (高齢者虐待の相談, carers too) and the line
    open tonight; caregiving ticked and the case raised with the fear as its reason. True when answered."""
    if not _carer_may_hurt(dialog, understanding):
        return False
    reasons = (catalog.text("urgency.reason.carer_hurt"),)
    level = "crisis" if understanding.crisis == "crisis" else "urgent"
    _record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    tick_for_the_writer(dialog.data, "caregiving")
    _note_carer_hurts(dialog)
    open_lines = [
        line
        for line in current_content().hotlines
        if "anything" in line.kinds
        and line.channel == "phone"
        and line.hours_known
        and line.is_open_at(dialog.now)
    ]
    tonight = catalog.text("crisis.carer_line", line=_line_text(open_lines[0])) if open_lines else ""
    again = _recently(dialog, "carer_at", AFTER_CRISIS_WITHIN)  # 「自分が怖い…」 right after: briefly
    key = "crisis.carer_hurt_again" if again else "crisis.carer_hurt"
    said = catalog.text(key, window_line=_elder_window_line(), tonight=tonight)
    dialog.send(Text(said.strip()))
    dialog.send(_offer_to(dialog, "urgent.offer"))
    _mark(dialog, "carer_at")
    return True


VICTIM_REASONS = ("urgency.reason.violence", "urgency.reason.home_violence", "urgency.reason.family")
"""Urgency reasons an earlier reading of a carer's words as a victim's may have left on the case."""


def _note_carer_hurts(dialog: Dialog) -> None:
    """Put the carer on the 受付票 as the one who hurt or fears hurting and the elder as the one at risk,
    in place of an earlier reading of his words as a victim's (「ゆすってしまった」 read as being shaken)."""
    told = who_hurts(dialog.user_input.text)
    elders = [person for person in told.hurt if person in ELDERS] or ["parent"]
    form = dialog.data.setdefault("intake", {})
    stored = form.setdefault("violence", {"by": [], "hurt": []})
    by = [person for person in stored.get("by", []) if person not in ELDERS]
    hurt = [person for person in stored.get("hurt", []) if person != "self"]
    stored["by"] = ["self", *(person for person in by if person != "self")]
    stored["hurt"] = [*elders, *(person for person in hurt if person not in elders)]
    victim = {catalog.text(key) for key in VICTIM_REASONS}
    urgency = dialog.data.get("urgency", {})
    if urgency.get("reasons"):
        urgency["reasons"] = [reason for reason in urgency["reasons"] if reason not in victim]


def answer_carer_fears_telling(dialog: Dialog) -> bool:
    """After the carer's reply, the fear of telling the care manager or the centre (「ケアマネには言えない。
    虐待って言われるから」): asking for help protects both; 地域包括支援センター is there to help go on
    caring, not to blame; the line open tonight. True when answered."""
    if not _recently(dialog, "carer_at", AFTER_CRISIS_WITHIN):
        return False
    if not fragments.holds_word_of(dialog.user_input.text, "carer_fears_telling"):
        return False
    dialog.say("crisis.carer_fears_telling")
    dialog.send(_offer_to(dialog, "crisis.again_offer"))
    return True


PLACE_AFTER_WISH_WITHIN = timedelta(hours=1)
"""A place named this soon after a reply to thoughts of dying is read as where the person is now."""


def _wished_with_child(dialog: Dialog, before: list[str]) -> bool:
    """Whether the wish to die was told with one's child (「この子と一緒に消えたい」), in the short
    messages just before or among the person's last words kept for the 受付票."""
    heard = dialog.data.get("intake", {}).get("heard") or []
    words = [*before, *(str(item.get("words", "")) for item in heard[-4:] if isinstance(item, dict))]
    return any(fragments.with_the_child(said) for said in words)


def answer_place_after_wish(dialog: Dialog, before: list[str], *, already_sent: bool = False) -> bool:
    """A dangerous place typed soon after a reply to thoughts of dying (「死にたい」 → 「ベランダにいる」
    「いま屋上」「駅のホームにいる」), before the direct question was asked about it: away from the edge
    (inside from a balcony or window; to a safe spot or to people from a bridge, platform or roof),
    110/119 if about to act, one line to reach now, and the direct question; after a wish to die with
    one's child (「この子と一緒に消えたい」) the child's safety too. The case is raised. A place alone,
    with no wish before it, stays ordinary. True when answered."""
    text = dialog.user_input.text
    if dialog.data.get("with_person") or _recently(dialog, "method_asked_at", AFTER_CRISIS_WITHIN):
        return False  # the CSW answers; or the question was asked: 「まだ…」 gets answer_still_there
    if not _recently(dialog, "shown_at", PLACE_AFTER_WISH_WITHIN) or "suicidal" not in _last_situations(
        dialog
    ):
        return False
    outside = fragments.outside_place(text)
    if not (fragments.still_at_place(text) or outside) or fragments.holds_word_of(text, "left_place"):
        return False
    _raise_with_words(dialog)
    keep_typed(dialog)
    _mark(dialog, "shown_at")
    _mark(dialog, "method_asked_at")
    dialog.data["crisis"]["method_named"] = True  # 「まだ屋上にいる」 next gets answer_still_there
    memory = memory_of(dialog.data)
    situations = _last_situations(dialog)
    key = "crisis.place_after_wish_outside" if outside else "crisis.place_after_wish"
    place = catalog.text(key, line=_one_line_now(dialog.now, situations, no_phone=memory.no_phone))
    if _wished_with_child(dialog, before):
        place = "\n".join((place.rstrip("\n"), catalog.text("crisis.place_baby_safe").rstrip("\n")))
    if already_sent:  # the fast path asked already (「駅のホームにいる」 read as crisis): the place only
        dialog.send(Text(place))
    else:
        dialog.send(Text(place), _direct_question(with_person=False))
    return True
