"""Who hurts whom, as a message tells it: for the 相談受付票 and for fitting the crisis lines.

「兄が暴れて、私や親を殴ります」 → a brother hurts the writer and a parent; 「夫に殴られました」 → a partner
hurts the writer; 「私も親も叩かれます」 → the writer and a parent are hurt, by someone not named here.
People are named as the writer's relatives (親, きょうだい, 子ども, パートナー …) or the writer
(`self`). Read sentence by sentence from the analyzer's words and their particles: who is the
subject of an act of violence, who its object, and, in the passive, who does it (に/から).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.understanding.analyzer import Token, analyze, tidy
from dialogs.understanding.entities import FIRST_PERSON, RELATIVE_TO_RELATION
from dialogs.understanding.grammar import features

PERSON_OF_WRITERS_RELATION = {
    "parent": "child",
    "child": "parent",
    "sibling": "sibling",
    "spouse": "partner",
    "grandparent": "grandchild",
    "other_family": "other_family",
}
"""What a relative is to the writer, from what the writer is to them (息子: the writer is a parent)."""

PEOPLE = (
    "self",
    "parent",
    "sibling",
    "partner",
    "parents_partner",
    "child",
    "grandparent",
    "grandchild",
    "other_family",
)
"""Who may hurt or be hurt, in the order the sheet names them."""

EXTRA_PEOPLE = {
    **dict.fromkeys(
        ("祖母", "祖父", "おばあちゃん", "おじいちゃん", "ばあちゃん", "じいちゃん"),
        "grandparent",
    ),
    **dict.fromkeys(  # the analyzer's cut of おばあちゃん: お・ばあ(婆)・ちゃん
        ("婆", "爺", "ばあ", "じい"),
        "grandparent",
    ),
    **dict.fromkeys(("恋人", "彼氏", "内縁", "同居人"), "partner"),
    **dict.fromkeys(
        (
            "ママ",
            "パパ",
            "まま",
            "ぱぱ",
            "おかあさん",
            "おとうさん",
            "おや",
            "かあさん",
            "母さん",
            "かあちゃん",
            "母ちゃん",
        ),
        "parent",
    ),
    **dict.fromkeys(("継父", "継母"), "parents_partner"),
    **dict.fromkeys(("にいちゃん", "ねえちゃん", "兄ちゃん", "姉ちゃん"), "sibling"),
}
"""Names the relation lexicon leaves to the crisis rules, and grandparents (not the writer's tie)."""

PARTNER_PHRASE = re.compile(
    r"(?:同棲(?:している|してる|中の|相手の)|一緒に(?:住んで|暮らして)(?:いる|る)|"
    r"(?:住んで|暮らして)(?:いる|る))(?P<who>彼氏|彼女|彼|人|相手|男性|女性|男|女)"
)
"""A partner named by living together (「同棲している彼」「一緒に暮らしてる人」)."""

VIOLENT = frozenset(
    (
        "殴る",
        "叩く",
        "蹴る",
        "暴れる",
        "突き飛ばす",
        "絞める",
        "ぶつ",
        "殴りかかる",
        "張る",
        "怒鳴る",
        "引っ叩く",
    )
)
"""Acts of violence (怒鳴る too, as the DV lines count it), as the analyzer's lemmas."""

STRUCK = "打つ"
"""打つ (and ぶつ, which the analyzer reads as 打つ): violence only when a person or their face is struck
(「息子の顔を平手で打った」「息子をぶった」), not 頭を打った, メールを打つ, 点滴を打つ."""

STRUCK_PARTS = frozenset(
    ("顔", "頬", "ほお", "ほっぺ", "ほっぺた", "尻", "お尻", "背中", "体", "身体", "平手")
)
"""Body parts (and the open hand) that make 打つ a blow to a person."""

WITH_NOUN = {
    "上げる": "手",
    "あげる": "手",
    "振るう": "暴力",
    "ふるう": "暴力",
    "受ける": "暴力",
    "当たる": "もの",
}
"""Verbs that are violence only after their noun (手をあげる, 暴力をふるう, 暴力を受ける, 物に当たる)."""

SUFFERED = frozenset(("受ける",))
"""Verbs whose subject is the one hurt (暴力を受けている)."""

SUBJECT = frozenset(("が", "は"))
ALSO = "も"
OBJECT = frozenset(("を", "に"))
AGENT = frozenset(("に", "から"))
JOINED = frozenset(("や", "と", "とか", "、", "も"))
SENTENCE_END = frozenset(("。", "!", "?", "！", "？", "\n"))


@dataclass(frozen=True)
class WhoHurts:
    """Who a message says hurts (`by`), who is hurt (`hurt`), and who it says does not hurt (`not_by`:
    「妻に手を上げているのは息子ではなく」「息子は妻に手を上げてはいません」), each in `PEOPLE` order;
    `not_by_words` are the words that named them (息子); `cleft` says one was named as 「…のは」 does;
    `done` that an act is told as done outside such a naming (「怒鳴るだけです」)."""

    by: tuple[str, ...] = ()
    hurt: tuple[str, ...] = ()
    not_by: tuple[str, ...] = ()
    not_by_words: tuple[str, ...] = ()
    cleft: bool = False
    done: bool = False

    def __bool__(self) -> bool:
        return bool(self.by or self.hurt)


HONORIFICS = frozenset(("ちゃん", "さん", "様", "さま", "くん", "君"))
"""Words the analyzer may cut from a name (お・ばあ・ちゃん): a person named is read past them."""


def _person(token: Token) -> str | None:
    """Who a word names: the writer, a relative of theirs, or None."""
    if token.lemma in FIRST_PERSON or token.surface in FIRST_PERSON:
        return "self"
    for name in (token.lemma, token.surface):
        if name in EXTRA_PEOPLE:
            return EXTRA_PEOPLE[name]
        if name in RELATIVE_TO_RELATION:
            return PERSON_OF_WRITERS_RELATION[RELATIVE_TO_RELATION[name]]
    return None


def _sentences(tokens: Sequence[Token]) -> list[list[Token]]:
    """The tokens split into sentences."""
    sentences: list[list[Token]] = [[]]
    for token in tokens:
        if token.surface in SENTENCE_END:
            sentences.append([])
        else:
            sentences[-1].append(token)
    return [sentence for sentence in sentences if sentence]


def _acts(sentence: Sequence[Token]) -> list[tuple[int, bool, bool]]:
    """(index, passive, denied) of each act of violence in a sentence."""
    acts = []
    for i, token in enumerate(sentence):
        noun = WITH_NOUN.get(token.lemma)
        if noun is not None and not any(t.lemma == noun for t in sentence[max(0, i - 3) : i]):
            continue
        struck = token.lemma == STRUCK and _strikes_a_person(sentence[:i])
        if token.lemma not in VIOLENT and noun is None and not struck:
            continue
        after = sentence[i + 1 : i + 4]
        passive = token.lemma in SUFFERED or any(
            t.lemma in ("れる", "られる") and t.pos == "助動詞" for t in after
        )
        acts.append((i, passive, _denied(sentence[i + 1 :])))
    return acts


def _strikes_a_person(before: Sequence[Token]) -> bool:
    """Whether the words before 打つ name a person or a body part as struck (「息子を」「顔を平手で」),
    or the one who strikes (「父に打たれた」)."""
    named = [i for i, token in enumerate(before) if _person(token) or token.lemma in STRUCK_PARTS]
    return any(i + 1 < len(before) and before[i + 1].lemma in (*OBJECT, *AGENT, "で") for i in named)


NEGATIONS = frozenset(("ない", "ぬ", "ん", "ず"))
"""Auxiliaries that deny the act before them (「手をあげたりはしません」「殴られてはいない」)."""


def _denied(rest: Sequence[Token]) -> bool:
    """Whether the words after an act deny it, before the clause ends (「叩かれたりはしていません。」);
    not a denial of who did it (「手を上げているのは息子ではなく」: see `_cleft`)."""
    for index, token in enumerate(rest[:8]):
        if (
            _is_cleft(rest, index)
            or token.surface in ("、", ",")
            or (token.pos == "助詞" and token.pos2 == "接続助詞" and token.lemma != "て")
        ):
            return False
        if token.lemma in NEGATIONS and token.pos in ("助動詞", "形容詞"):
            return True
    return False


def _is_cleft(tokens: Sequence[Token], index: int) -> bool:
    """Whether 「のは」 begins at `index`: the act before it is told, who did it comes after."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return token.pos2 == "準体助詞" and following is not None and following.lemma == "は"


def _cleft(sentence: Sequence[Token], act: int) -> tuple[list[Token], list[Token]] | None:
    """In 「妻に手を上げているのは息子ではなく、私の父です」, the words naming who is said not to do the
    act (息子, up to the last denial) and who is said to do it (私の父, after it); None when the act is
    not followed by 「のは」."""
    start = next((i for i in range(act + 1, min(act + 6, len(sentence))) if _is_cleft(sentence, i)), None)
    if start is None:
        return None
    focus = list(sentence[start + 2 :])
    denials = [i for i, token in enumerate(focus) if token.lemma in NEGATIONS and token.pos != "名詞"]
    if not denials:
        return [], focus
    return focus[: denials[-1]], focus[denials[-1] + 1 :]  # 「息子ではなく、私でもありません」: both denied


def _named_as_doer(focus: Sequence[Token]) -> list[str]:
    """Who the words after 「のは」 name as the one who does it (「のは、私の父です」): a person not
    followed by a particle of another clause (「のは、私が…と言った時です」 names a time)."""
    return [who for who, particle in _people(focus) if particle not in (*SUBJECT, *OBJECT, *AGENT, ALSO)]


def _people(sentence: Sequence[Token]) -> list[tuple[str, str]]:
    """(who, particle) of each person named in a sentence; people joined by や/と share the particle
    after the last of them (「私や親を」), and the owner in 「私の母」 is not one of them."""
    named: list[tuple[str, str]] = []
    waiting: list[str] = []
    for i, token in enumerate(sentence):
        who = _person(token)
        if who is None:
            continue
        while i + 1 < len(sentence) and sentence[i + 1].lemma in HONORIFICS:
            i += 1  # 「おばあちゃんを」 cut as お・ばあ・ちゃん・を: the particle after ちゃん
        following = sentence[i + 1].lemma if i + 1 < len(sentence) else ""
        after_that = sentence[i + 2] if i + 2 < len(sentence) else None
        if following == "の" and after_that is not None and _person(after_that):
            continue  # 私の母: the mother is the one
        if following in JOINED and after_that is not None and _person(after_that):
            waiting.append(who)
            continue
        named += [(person, following) for person in (*waiting, who)]
        waiting = []
    return named


VIOLENCE_DENIED = re.compile(
    r"(?:暴力|ぼうりょく|手を(?:上げ|あげ|出|だ)|手は(?:上げ|あげ|出|だ)|て[はを](?:あげ|だし)|殴|なぐ|叩|たた)"
    r"[^。!?！？\n]{0,8}?"
    r"(?:ない|ありません|しません|ございません|おりません|いません|ねえ|なか)(?!か|で(?!す)|と|でしょう|だろう)"
)
"""Words saying there is no violence (「暴力とかはないです」「子供には手はだしてない」
「こどもにはてはだしてない」), not a fear asked."""

SPARED_AFTER = r"(?:には|にも|に|へは|は|も)[^。!?！？\n]{0,3}?(?:" + VIOLENCE_DENIED.pattern + ")"
"""What follows a person the words name as not hurt (「子供には手はだしてない」「子どもは叩かれてない」)."""


def named_as_spared(text: str, word: str) -> bool:
    """Whether the words name `word` (a relative as typed) as one no one hurts (「子供には手はだしてない」):
    beside a mother's 「今日なぐられた」, her child is not the one who hurts her."""
    plain = unicodedata.normalize("NFKC", text)
    return bool(word) and re.search(re.escape(word) + SPARED_AFTER, plain) is not None


LIVING_WITH_PARTNER = re.compile(r"(?:彼氏|彼女|恋人|パートナー)と(?:一緒に)?(?:住んで|暮らして|同棲)")
"""A partner the writer says they live with (「彼氏と住んでる」)."""


def names_partner(text: str) -> bool:
    """Whether the words name the one the writer lives with as a couple (「同棲している彼」「彼氏と住んでる」
    「一緒に暮らしてる人」): a partner, like 夫 or 彼氏."""
    plain = unicodedata.normalize("NFKC", text)
    return bool(PARTNER_PHRASE.search(plain) or LIVING_WITH_PARTNER.search(plain))


PARENTS_PARTNER_PHRASE = re.compile(
    r"(?P<parent>(?:お)?(?:かあ|かー|母|カア)(?:さん|ちゃん)|母親?|ママ|まま|おかん|オカン|おふくろ|お袋)の"
    r"(?:彼氏|かれし|カレシ|恋人|こいびと|再婚相手|交際相手|男|おとこ|彼(?!女))"
)
"""A parent's partner (「かあさんの彼氏」「ママの彼氏」): written as 継父, read as a parent's partner."""


def _partner_phrases(text: str) -> str:
    """The text with a partner named by living together written as 恋人 (one word the lexicon knows), and
    a parent's partner as 継父 (「かあさんの彼氏に」 → 「継父に」: not the writer's partner)."""
    plain = PARENTS_PARTNER_PHRASE.sub("継父", unicodedata.normalize("NFKC", text))
    return PARTNER_PHRASE.sub("恋人", plain)


def who_hurts(text: str) -> WhoHurts:
    """Who the message says hurts whom; empty when it tells of no act of violence."""
    by: list[str] = []
    hurt: list[str] = []
    not_by: list[Token] = []
    cleft_told = done = False
    for sentence in _sentences(analyze(tidy(_partner_phrases(text)))):
        by += _owners_of_violence(sentence)
        acts = _acts(sentence)
        if not acts:
            continue
        people = _people(sentence[: acts[-1][0]])  # who does it and to whom are named before the act
        subjects = [who for who, particle in people if particle in SUBJECT]
        also = [who for who, particle in people if particle == ALSO]
        objects = [who for who, particle in people if particle in OBJECT]
        passive = any(passive for _, passive, _ in acts)
        cleft = _cleft(sentence, acts[-1][0])
        if cleft is not None and not cleft[0] and not _named_as_doer(cleft[1]):
            cleft = None  # 「息子が暴れるのは、私が仕事を辞めろと言った時です」: when, not who
        if cleft is not None:  # 「…のは息子ではなく、私の父です」: who does it is named after the act
            denied_words, named_words = cleft
            cleft_told = True
            not_by += [token for token in denied_words if _person(token)]
            by += [who for who, _ in _people(named_words)]
            hurt += ([*subjects, *also] or ["self"]) if passive else objects
        elif all(denied for _, _, denied in acts):  # 「息子は妻に手を上げてはいません」
            doers = [who for who, particle in people if particle in (AGENT if passive else SUBJECT)]
            not_by += [token for token in sentence[: acts[-1][0]] if _person(token) in doers]
        elif passive:
            done = True
            by += [who for who, particle in people if particle in AGENT]
            hurt += [*subjects, *also] or ["self"]
        else:
            done = True
            by += subjects or (also if objects else [])
            hurt += objects + (also if subjects else [])
    if hurt and not by and names_partner(text):
        by = ["partner"]  # 「彼氏と住んでるけど、毎日怒鳴られて」: the one she lives with
    denied = [token for token in not_by if _person(token) not in by]
    return WhoHurts(
        _ordered(by),
        _ordered(hurt),
        _ordered([str(_person(token)) for token in denied]),
        tuple(dict.fromkeys(token.surface for token in denied)),
        cleft_told,
        done,
    )


def only_denies(text: str) -> bool:
    """Whether the words tell of acts of violence only to deny them or who did them (「夫は手を上げては
    いません」「妻に手を上げているのは息子ではありません」), none as done."""
    told = who_hurts(text)
    acts = [act for sentence in _sentences(analyze(tidy(text))) for act in _acts(sentence)]
    if not acts or told.done:
        return False
    return (told.cleft and not told.by) or all(denied for _, _, denied in acts)


def acts_in_past(text: str) -> bool:
    """Whether the message tells of acts of violence and tells each in the past (「殴られていました」
    「叩かれた」), none as going on (「殴られています」「叩かれる」)."""
    told = [
        features(sentence, index).past
        for sentence in _sentences(analyze(tidy(text)))
        for index, _, denied in _acts(sentence)
        if not denied
    ]
    return bool(told) and all(told)


def _owners_of_violence(sentence: Sequence[Token]) -> list[str]:
    """Whose violence a sentence names (「兄の暴力がひどい」)."""
    return [
        who
        for i, token in enumerate(sentence[:-2])
        if (who := _person(token)) is not None
        and sentence[i + 1].lemma == "の"
        and sentence[i + 2].lemma == "暴力"
    ]


def _ordered(people: Sequence[str]) -> tuple[str, ...]:
    """Each person once, in the sheet's order."""
    return tuple(person for person in PEOPLE if person in people)


def tells_acts(text: str) -> bool:
    """Whether the words tell of an act of violence (done, feared or denied)."""
    return any(_acts(sentence) for sentence in _sentences(analyze(tidy(text))))
