"""Reading a crisis message: which situation it is, who writes, who hurts whom, pills taken, when it
happened."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any, cast

from dialogs import catalog, fragments
from dialogs.crisis.memory import memory_of
from dialogs.crisis.situations import (
    CARER_HURTS,
    CHILD_HURTS,
    DYING_BESIDE,
    HARMED,
    SITUATION_OF_HURT,
    VIOLENCE_KINDS,
    Hurt,
    Situation,
)
from dialogs.dialog import Dialog
from dialogs.flows.intake import takes_free_text
from dialogs.summary import urgency_reasons
from dialogs.understanding.analyzer import Token, analyze, tidy
from dialogs.understanding.classifier import classify
from dialogs.understanding.entities import FIRST_PERSON, words_pattern
from dialogs.understanding.grammar import features
from dialogs.understanding.lexicon import load_lexicon
from dialogs.understanding.model import Evidence, Understanding
from dialogs.understanding.normalize import normalize_with_spans
from dialogs.violence import (
    PERSON_OF_WRITERS_RELATION,
    WhoHurts,
    acts_in_past,
    named_as_spared,
    names_partner,
    only_denies,
    tells_acts,
    who_hurts,
)

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

ASKS_TO_CALL = "talk.ask_emergency_call"
"""The intent of asking whether to call an ambulance or the police (「救急車呼んだほうがいいですか」)."""

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
        child = hurt in CHILD_HURTS or writes_as_a_minor(understanding, data or {}, text)
        writer = not relative_speaks_of_dying(text) and not not_the_writer(text)
        past = memory_of(data or {})
        harmed = bool(set(HARMED) & set(past.answered))  # after cutting or pills: that reply's own question
        crisis_rules = {e.rule for e in understanding.evidence if e.label == "crisis"}
        cry = bool(crisis_rules) and crisis_rules <= CRY_FOR_HELP_RULES  # 「たすけて」: no wish to die
        if alone and child and writer and not harmed and not cry and not says_adult(understanding):
            return ("child_dying",)  # 「なんか死んだほうが楽かも」 from a child: her lines and the question
        if hurt in CHILD_HURTS and not says_adult(understanding):
            return (SITUATION_OF_HURT[hurt],)
        if alone and (relative_speaks_of_dying(text) or not_the_writer(text)):
            return ("relative_suicidal",)
        if kinds == {"self_harm"}:
            return ("relative_self_harm",) if _parent_tells_of_child(understanding, text) else ("self_harm",)
        return ("suicidal",)
    if kinds - {"no_food"} == {"child_abuse"} and _neglect_told_by_child(understanding, data or {}):
        return ("neglect",)
    as_a_child = _writes_as_a_child(understanding)
    if is_child(understanding, data or {}) or (
        "child_abuse" in kinds and as_a_child and _may_be_a_child(understanding, data or {}, text)
    ):
        return ("child",)
    by_parent = as_a_child and bool(text) and "parent" in who_hurts(text).by  # not 「私も親も叩かれます」
    if by_parent and not _may_be_a_child(understanding, data or {}, text):
        return ("family",)  # a grown-up hurt by a parent: the lines for violence at home, not 189
    if "child_abuse" not in kinds and relative_at_home_hurts(understanding):
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
    return read and not writer_relations(understanding) and not names_partner(text) and not who_hurts(text).by


def asks_to_call(understanding: Understanding | None) -> bool:
    """Whether the message asks whether to call an ambulance or the police."""
    return understanding is not None and ASKS_TO_CALL in understanding.intents


def relative_speaks_of_dying(text: str) -> bool:
    """Whether the words about dying are a relative's, told by the family (「兄は前から死にたいって
    言ってました」「娘から『もう生きていたくない』とLINEが来ました」): a relative named as the one
    speaking, and reported speech, not the writer's own wish; in English, a relative or 「he」 as the
    one in danger and no word of the writer's own (「he might hurt himself」, not 「I hurt myself」)."""
    speaking = RELATIVE_SPEAKER.search(text) is not None
    if speaking and bool(REPORTED_SPEECH.search(text)) and not WRITER_AS_SUBJECT.search(text):
        return True
    # 「I'm scared he might hurt himself. He once said he doesn't see the point of living anymore.」
    return fragments.english_relative_at_risk(text)


FIRST_PERSON_WORD = re.compile(words_pattern(FIRST_PERSON))
"""The writer named anywhere (「私も」「うち」): reported words are then perhaps the writer's own."""


def relative_named_in(text: str) -> str:
    """The relative the words name, as written (「お母さん」), else ''."""
    match = RELATIVE_SPEAKER.search(text) or RELATIVE_WORD.search(text)
    return match.group(1) if match else ""


def told_of_relative(text: str, relative: str) -> str:
    """Words about dying reported of someone with no one named (「死にたいって言ってた」), soon after the
    writer named `relative` (「お母さんが死んじゃったらどうしよう」), read as that relative's
    (「お母さんが死にたいって言ってた」); `text` itself otherwise (a relative or the writer named, or no
    words reported)."""
    if not relative or RELATIVE_WORD.search(text) or FIRST_PERSON_WORD.search(text):
        return text
    if not REPORTED_SPEECH.search(text):
        return text
    return f"{relative}が{text}"


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
    return parent and not WRITER_NAMED.search(text) and not own_harm_beside_relative(understanding, text)


WRITER_SELF_TOLD = re.compile(
    rf"(^|[。、！？!?\s])({words_pattern(FIRST_PERSON - {'自分'})})(?!の|ら|ん(家|ち)|ん[ちと]こ)"
)
"""The writer named at the start of a sentence as the one it tells of (「うちシングルで夜勤しとんねん」
「私シングルで」), not as an owner (「うちの子」)."""

ABOUT_SOMEONE = re.compile(r"のこと|について|が心配|を心配")
"""Words that say a sentence is about the one named (「娘のことです」)."""


def own_harm_beside_relative(understanding: Understanding, text: str) -> bool:
    """Whether cutting is told of the writer herself, a child named only in another sentence doing
    something else (「うちシングルで夜勤しとんねん。子ども寝とる。今日な、また腕切ってもうた」): the writer
    named as herself, no relative in any sentence that tells of the harm, and no sentence 'about' the
    relative (「娘のことです。また切っていました」 stays the relative's)."""
    if fragments.holds_word_of(text, "own_not_theirs"):
        return True
    if not WRITER_SELF_TOLD.search(text):
        return False
    matched = [e.matched for e in understanding.evidence if e.label == "crisis" and e.matched]
    sentences = [sentence for sentence in SENTENCES.findall(text) if sentence.strip()]
    harm = [sentence for sentence in sentences if any(words in sentence for words in matched)]
    if not harm or any(RELATIVE_WORD.search(sentence) for sentence in harm):
        return False
    others = [sentence for sentence in sentences if sentence not in harm and RELATIVE_WORD.search(sentence)]
    return not any(ABOUT_SOMEONE.search(sentence) for sentence in others)


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
    return neglect and not says_adult(understanding) and not parent_of_a_child(data)


def _parent_who_may_hurt(
    understanding: Understanding, data: dict[str, Any], text: str, hurt: Hurt | None
) -> bool:
    """Whether the writer is a parent afraid of hurting, or who has hurt, their own child: harm by the
    writer to a child (「子どもに手をあげてしまいました」「虐待してしまいそうで怖い」), or harm by the writer
    (「まだ叩いてはいません。でも今夜はやばいかも」) in a parent's words, from a parent of a young child
    or after such words."""
    kinds = set(understanding.crisis_kinds)
    if is_child(understanding, data):
        return False
    if "harm_to_others" in kinds:
        return (
            "child_abuse" in kinds
            or hurt == "own_child"
            or parent_of_a_child(data)
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


def parent_of_a_child(data: dict[str, Any]) -> bool:
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


def says_adult(understanding: Understanding) -> bool:
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
    if {"harm_to_others", "child_abuse"} <= kinds and not is_child(understanding, data or {}):
        return "own_child"
    if text and _only_the_hurt_named(text):
        return None
    relations = writer_relations(understanding)
    if text and names_partner(text):
        relations.add("spouse")
    suffered = understanding.crisis != "crisis" or _suffered(understanding)
    if "spouse" in relations and suffered:
        return "partner"
    written = bool(kinds & {"violence", "child_abuse"}) or violence_written(understanding)
    by_parent = "child" in relations and "parent" not in relations and suffered and written
    if is_child(understanding, data or {}) or (
        by_parent and _may_be_a_child(understanding, data or {}, text)
    ):
        return "child"
    if by_parent and text and "parent" in who_hurts(text).by:
        return "by_parent"  # 「昔から父に殴られてて、今も殴られます」: a grown-up's
    if relations == {"parent"} and "child_abuse" not in kinds:
        return "parent"
    return None


def violence_written(understanding: Understanding) -> bool:
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


def writer_relations(understanding: Understanding) -> set[str]:
    """What the writer is to the people the message names (「息子が」: parent; 「兄が」: sibling)."""
    return {e.value for e in understanding.entities if e.kind == "relation" and e.about == "self"}


def relative_at_home_hurts(understanding: Understanding) -> bool:
    """Whether a grown child or a brother or sister is the one at home (「兄が包丁を持って」), no partner."""
    relations = writer_relations(understanding)
    return bool(relations) and relations <= {"parent", "sibling"}


def _writes_as_a_child(understanding: Understanding) -> bool:
    """Whether the writer names themself someone's child (「おとうさんに」) and no one as their child."""
    relations = writer_relations(understanding)
    return "child" in relations and "parent" not in relations


CHILDLIKE_WORDS = (*fragments.WORDS["childlike_parent"], *fragments.WORDS["child_school_life"])
"""Words as typed that, beside violence from a parent, tell of a child writing (「おとうさん」「部活」)."""


def _may_be_a_child(understanding: Understanding, data: dict[str, Any], text: str) -> bool:
    """Whether someone who writes of violence from a parent may be a child: an age or school year under
    18, a parent named as a child names them (「おやに」「ぱぱに」), school life, or words in kana only.
    「昔から父に殴られてて、今も殴られます」 is an adult's, whose lines are not the children's."""
    if not text or is_child(understanding, data):
        return True
    band = data.get("intake", {}).get("answers", {}).get("age_band", {})
    if says_adult(understanding) or (
        band.get("choice") not in (None, "under_18") and band.get("of") != "other"
    ):
        return False
    kana_only = not any("\u4e00" <= char <= "\u9fff" for char in text)
    return kana_only or any(word in text for word in CHILDLIKE_WORDS)


def is_child(understanding: Understanding, data: dict[str, Any]) -> bool:
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


REPLACED_BY_LEAD: dict[str, str] = {
    "home_violence": "urgency.reason.violence",
    "neglect": "urgency.crisis_reason.child_abuse",
    "missing": "urgency.crisis_reason.unseen",
    "grown_child": "urgency.crisis_reason.child_abuse",
    "friend_suicidal": "urgency.crisis_reason.suicidal",
    "relative_suicidal": "urgency.crisis_reason.suicidal",
    "family": "urgency.crisis_reason.child_abuse",
}
"""A reason the conversation names more exactly: a grown child's shouting is not partner DV, and a child
given no food is not read as hit, and a parent afraid of hitting a grown child, or a grown-up hit by a
parent, is not child abuse."""


def danger_reasons(
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


def correction_of(text: str) -> WhoHurts | None:
    """Who the words say does not hurt, when they correct a reading of who hurts whom (「いえ、妻に手を
    上げているのは息子ではなく…」「いえ、息子は妻に手を上げてはいません」); None when they do not."""
    told = who_hurts(text)
    if not told.not_by or told.done or not (told.cleft or fragments.opens_with_correction(text)):
        return None  # 「いえ、夫は手を上げてはいません。怒鳴るだけです」 still tells of an act
    return told


def _without_violence(understanding: Understanding) -> Understanding:
    """The reading without the kinds that tell of someone hurting someone (no danger when none is left)."""
    kinds = tuple(kind for kind in understanding.crisis_kinds if kind not in VIOLENCE_KINDS)
    return replace(understanding, crisis=understanding.crisis if kinds else "none", crisis_kinds=kinds)


def as_told(understanding: Understanding, text: str) -> Understanding:
    """The reading with what the words take back or place long ago set aside: violence someone is said
    not to do (「いえ、妻に手を上げているのは息子ではなく、私でもありません」) is no danger, and violence
    long past, told in the past with nothing of it lately (「小学生の頃、父に毎日殴られていました」), is
    history to hear (`LONG_AGO_RULE`), not the emergency lines; 「昨日も」「今も」 keep it a crisis."""
    kinds = set(understanding.crisis_kinds)
    if understanding.crisis == "none" or not kinds & VIOLENCE_KINDS:
        return understanding
    if _violence_only_in(text, "thrown_figurative", ""):  # 「電話番号なげられても困るわ」: no one hit her
        return _without_violence(understanding)
    partner = names_partner(text) or any(
        RELATIVE_NAMES[found] in PARTNERS for found in RELATIVE_WORD.findall(text)
    )  # 「夫のことで毎日怒鳴られています」: shouting from a partner is a sign of DV, kept
    if "suicidal" in kinds and not partner and _violence_only_in(text, "shouted_at", "言われ"):
        return _without_violence(
            understanding
        )  # 「母に怒鳴られて、母と一緒に消えたい」: the wish, not violence
    told = correction_of(text)
    if told is not None and not told.by:
        return _without_violence(understanding)
    if kinds <= VIOLENCE_KINDS and told_long_ago(text):
        past = Evidence("resolved:crisis", text.strip(), LONG_AGO_RULE)
        return replace(_without_violence(understanding), evidence=(*understanding.evidence, past))
    return understanding


PARTNERS = frozenset(("husband", "wife", "boyfriend", "girlfriend"))
"""Of `RELATIVE_NAMES`' values, a partner."""


def _violence_only_in(text: str, name: str, instead: str) -> bool:
    """Whether the words of the list `name` hold all the violence the rules read (「電話番号なげられても困る
    わ」, 「母に怒鳴られて」): the message with them put `instead` tells of no one hurting anyone."""
    words = sorted(fragments.WORDS[name], key=len, reverse=True)
    if not any(word in text for word in words):
        return False
    plain = text
    for word in words:
        plain = plain.replace(word, instead)
    return not set(classify(plain, rules_only=True).crisis_kinds) & VIOLENCE_KINDS


def told_long_ago(text: str) -> bool:
    """Whether the words tell of violence only in the past and place it long ago, nothing of it lately;
    a sentence of fear that lasts, with no act in it (「昔、父に殴られていました。今も怖いです」), tells of
    a feeling now, not of violence lately."""
    return fragments.tells_long_ago(without_lasting_fear(text)) and acts_in_past(text)


def without_lasting_fear(text: str) -> str:
    """The words less the sentences that tell only of fear or memories that last (「今も怖いです」)."""
    kept = [s for s in SENTENCES.findall(text) if not (fragments.fear_lingers(s) and not tells_acts(s))]
    return "".join(kept)


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


def partner_named(understanding: Understanding, text: str) -> bool:
    """Whether the words name the writer's partner (「夫」「同棲している彼」)."""
    return names_partner(text) or any(
        e.kind == "relation" and e.value == "spouse" and e.about == "self" for e in understanding.entities
    )


def partner_only_hurt(text: str) -> bool:
    """Whether the partner the words name is one who is (or may be) hurt, not one who hurts or controls
    (a father's 「いずれ妻に手を上げるのではないかと案じております」 about his son)."""
    told = who_hurts(text)
    return "partner" in told.hurt and "partner" not in told.by


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


QUESTION_ENDS = ("?", "？", "か", "よね")
"""How a question ends (「消せますか」「夫には行かないですよね」 ask; 「毎晩チェックされます」 tells)."""


def in_context(understanding: Understanding, text: str, hurt: Hurt | None) -> Understanding:
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


FEARED_AT_HOME = "context:violence_at_home_feared"
"""The rule of a sign of violence at home read in the light of the conversation (`_feared_at_home`)."""


def feared_in_words(
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
    if not violence_written(understanding) or (told or named) not in ("parent", "sibling") or partner:
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


SCHOOL_WORDS = fragments.WORDS["school"]
"""Words of school that, in a message written only in kana, tell of a child writing."""

MINOR_YEAR = re.compile(
    r"(小学生|中学生|高校生|中学[1-3一二三]年|高校[1-3一二三]年|中[1-3一二三]|高[1-3一二三](?!齢|い|く|す|め))"
)
"""A school year that says the writer is a child (「高校生です」「中3」), when no relative is named."""

NOT_HOME_WORDS = fragments.WORDS["not_home"]
"""A child's words for not wanting to be at home (「いえにいたくない」): after a child's crisis reply,
the children's lines again, not a misreading of いえ as 'no'."""


def writes_as_a_minor(understanding: Understanding, data: dict[str, Any], text: str) -> bool:
    """Whether the writer is a child: an age or school year under 18 (15歳, 中学生, 高校生), a child known
    to be hurt in this conversation, or kana-only words about school (「がっこう いけない」)."""
    if is_child(understanding, data) or memory_of(data).hurt in CHILD_HURTS:
        return not says_adult(understanding)
    named_relative = any(entity.kind == "relation" for entity in understanding.entities)
    if not named_relative and MINOR_YEAR.search(unicodedata.normalize("NFKC", text)):
        return True
    kana_only = not any("\u4e00" <= char <= "\u9fff" for char in text)
    return kana_only and any(word in text for word in SCHOOL_WORDS)


def leaving_on_a_date(understanding: Understanding, text: str) -> Understanding:
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


ALREADY_OUT = re.compile(
    r"追い出され(?:た|ました|て)|追いだされ(?:た|ました|て)|家を出され|鍵を(?:変え|替え)られ|荷物を(?:外に)?出され"
)
"""Words of being put out already (「追い出された」「鍵を替えられ」), not of a day to leave by."""

NOT_YET_OUT = ("明日", "あした", "までに", "中に", "そう", "かも", "予定", "来月", "来週")
"""Words that put the being put out ahead, not behind (「明日追い出されて…」「追い出されそう」)."""


def put_out_tonight(understanding: Understanding, text: str) -> Understanding:
    """The reading of a message telling of being put out of home already, by anyone (「大家に追い出された」
    「アパート追い出された」): no bed tonight first (`no_shelter`), then the home (`housing`); not a home
    still to keep (「大家に出ていけと言われた」「追い出されそう」), which stays an eviction."""
    if "eviction" not in understanding.crisis_kinds or any(word in text for word in NOT_YET_OUT):
        return understanding
    out = any(
        evidence.label == "urgent"
        and (
            evidence.rule.endswith("#kicked_out")
            or "#kicked_out " in evidence.rule
            or (evidence.rule.endswith("#evicted_now") and ALREADY_OUT.search(evidence.matched) is not None)
        )
        for evidence in understanding.evidence
    )
    if not out:
        return understanding
    kinds = tuple(dict.fromkeys((*understanding.crisis_kinds, "no_shelter")))
    concerns = tuple(dict.fromkeys((*understanding.concerns, "housing")))
    return replace(understanding, crisis_kinds=cast(Any, kinds), concerns=cast(Any, concerns))


def age_unknown(understanding: Understanding | None, data: dict[str, Any]) -> bool:
    """Whether nothing in the message or the draft tells the writer's age (neither under 18 nor grown)."""
    if understanding is not None and (says_adult(understanding) or is_child(understanding, data)):
        return False
    return not data.get("intake", {}).get("answers", {}).get("age_band", {}).get("choice")


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


def story_of_pills(reading: Understanding, joined: str) -> bool:
    """Whether pieces read together are a story's plot about pills: a fiction frame the reading sets the
    danger words inside (「推理ドラマで 毒を何錠 飲ませたか考えてる」), with a count asked or someone else
    made to swallow. Pieces of one's own (「ゲームしてた」「くすり」「のんだ」) are never the plot."""
    framed = reading.crisis == "none" and any(e.label == "fiction:crisis" for e in reading.evidence)
    return framed and fragments.holds_word_of(joined, "story_count")


STOCKED = ("ため", "溜め", "貯め")
"""Stems of keeping a stock (「睡眠薬けっこうためてる」), read beside a word for pills."""


def means_word(text: str) -> str | None:
    """The means of dying named in `text` as the list spells it (「練炭」), or None."""
    typed = text.lower()
    return next((word for word in fragments.WORDS["means_named"] if word.lower() in typed), None)


def own_hand_in_one_sentence(text: str) -> bool:
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
