"""Grammar around a matched word: voice, desire, wish, volition, tense and negation with its scope.

The analyzer splits 「殴られていた」 into 殴る + れる + て + いる + た; this module reads the words that
follow a predicate (its auxiliaries) and a little further, across the words that carry a negation
over from a following clause (「死にたい**とは思っていない**」「死にたい**わけじゃない**」「死にたい
**気持ちはない**」), but never across a sentence end or a clause linker such as けど.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dialogs.understanding.analyzer import Token

_AUX_VERBS = frozenset(
    ("いる", "仕舞う", "ちゃう", "ちまう", "置く", "来る", "行く", "見る", "ある", "てる", "とく")
)
_SCOPE_NEGATORS = frozenset(("冗談", "嘘", "うそ"))
"""Words that take back what was said before them (死にたいって言ったのは冗談)."""
_NEGATORS = frozenset(("ない", "ぬ", "ず", "ん", "へん", "ひん", "ねえ", "ねぇ", "ん"))
_DESIRE = frozenset(("たい", "たがる", "欲しい"))
_PASSIVE = frozenset(("れる", "られる"))
_CAUSATIVE = frozenset(("せる", "させる"))
_WISH_HEADS = frozenset(("いい", "楽", "のに", "助かる", "幸せ", "マシ", "まし", "増し", "いっそ"))
_BRIDGE_WORDS = frozenset(
    (
        *(
            "は",
            "が",
            "も",
            "と",
            "とか",
            "か",
            "なんて",
            "って",
            "など",
            "まで",
            "を",
            "の",
            "に",
            "なんか",
            "たり",
        ),
        *("ほど", "一言", "一度", "全然", "別に", "決して", "絶対", "少し", "そんな", "未だ"),
        *("そう", "そういう", "そう言う"),
        *("訳", "こと", "気持ち", "気", "積もり", "様", "予定", "考え", "思い", "感じ"),
        *("だ", "です", "思う", "考える", "言う", "ある", "御座る", "する", "いる", "思える"),
        *("言える", "言い切る", "言い切れる", "断言", "出来る", "いえる", "いいきる", "いいきれる", "や"),
    )
)
"""Words a denial reaches across from a following clause; 〜とは言い切れない and 〜とは断言できない deny like
〜とは言えない (so 「死にたくないとは言い切れない」 is a double negative); 関西の や of 〜とかやない."""
_DOUBLE_NEGATION_NOUNS = frozenset(("日", "時", "こと", "夜", "朝"))
_CLAUSE_PARTICLES = frozenset(("て", "で", "ちゃ", "じゃ"))
SCOPE_LIMIT = 12


@dataclass(frozen=True, slots=True)
class Features:
    """What the words after a predicate say about it."""

    passive: bool = False
    causative: bool = False
    desire: bool = False
    volitional: bool = False
    wish: bool = False
    past: bool = False
    negated: bool = False
    idiom: bool = False
    chain_end: int = 0

    def moods(self) -> frozenset[str]:
        """Return the mood names a rule can ask for."""
        names = {
            name
            for name, on in (("desire", self.desire), ("volitional", self.volitional), ("wish", self.wish))
            if on
        }
        return frozenset(names or {"plain"})

    def describe(self) -> str:
        """Return the features as words for the evidence (e.g. "passive, past")."""
        names = [
            name
            for name, on in (
                ("passive", self.passive),
                ("causative", self.causative),
                ("desire", self.desire),
                ("volitional", self.volitional),
                ("wish", self.wish),
                ("past", self.past),
                ("negated", self.negated),
            )
            if on
        ]
        return ", ".join(names)


def _is_negator(token: Token) -> bool:
    """Tell whether a word negates what precedes it (ない, ぬ, ず, ん, 関西の へん/ひん)."""
    if token.lemma == "ない":
        return token.pos in ("助動詞", "形容詞")
    if token.surface == "ん" and token.lemma == "む":
        return token.pos == "助動詞"  # せん (しない) is read as せ + the old volitional む
    return token.lemma in _NEGATORS and token.pos in ("助動詞", "名詞", "助詞")


_LISTING_PARTICLES = frozenset(("か", "とか", "って", "なんか", "なんて"))
_ROUGH_NEGATORS = frozenset(("ね", "ねえ", "ねぇ", "ねー"))


def _is_rough_denial(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether ね/ねえ right after 〜たく is the rough ない (「死にたくねぇよ」, tidied to 死にたくね):
    the analyzer reads it as the sentence-final particle ね."""
    if index <= 0 or index >= len(tokens):
        return False
    token, before = tokens[index], tokens[index - 1]
    return (
        token.surface in _ROUGH_NEGATORS
        and token.pos == "助詞"
        and before.lemma == "たい"
        and before.surface.endswith("く")
    )


_QUOTE_CLOSERS = frozenset(("」", "』", '"', "”", "’", ")", "）"))
_ELLIPSES = frozenset((".", "…", "・", "‥"))
_QUOTING = frozenset(("と", "って", "とか"))


def _is_quote_end(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether a mark at tokens[index] only closes the words quoted before it (「死にたい」とは言って
    ない, 考えてない…と言ったら嘘): a closing bracket, or dots, followed by と/って, which a denial reaches
    across."""
    token = tokens[index]
    if token.surface not in _QUOTE_CLOSERS and not all(ch in _ELLIPSES for ch in token.surface):
        return False
    ahead = index + 1
    while ahead < len(tokens) and tokens[ahead].pos == "補助記号" and tokens[ahead].surface in _QUOTE_CLOSERS:
        ahead += 1
    return ahead < len(tokens) and tokens[ahead].lemma in _QUOTING


_SAY_IF = frozenset(("言う", "言える"))


def _is_if_said(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether ば at tokens[index] makes 〜と言えば, which 嘘 may follow
    (「死にたくないと言えば嘘になる」): not a clause end then."""
    return tokens[index].lemma == "ば" and index > 0 and tokens[index - 1].lemma in _SAY_IF


def _is_kansai_denial(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether 関西弁 ちゃう (違う) after a noun or a listing particle denies what precedes it.

    「死ぬつもりちゃうで」「死にたいとかちゃうで」 deny; after a verb's て form it is てしまう (食べちゃう).
    """
    token = tokens[index]
    before = tokens[index - 1] if index > 0 else None
    denies = before is not None and (
        before.pos == "名詞" or (before.pos == "助詞" and before.lemma in _LISTING_PARTICLES)
    )
    return denies and token.lemma in ("違う", "ちゃう") and token.surface.startswith("ちゃ")


def _is_kyushu_denial(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether 九州の じゃなか (じゃない), which the analyzer reads as じゃ + 中, denies what precedes
    it: 「別にひきこもりとかじゃなかよ」."""
    after = tokens[index + 1] if 0 <= index < len(tokens) - 1 else None
    return (
        tokens[index].surface in ("じゃ", "では", "や")
        and after is not None
        and after.surface == "なか"
        and after.lemma == "中"
    )


_SAYING = frozenset(("言う", "思う", "限る", "考える"))
_MUST_HEADS = frozenset(("駄目", "だめ", "ダメ", "無理", "いけない", "いける", "行ける"))


def _must_do(tokens: Sequence[Token], after: int) -> bool:
    """Tell whether a negator at tokens[after - 1] opens 'unless I do …, I cannot' (「リスカしないと眠れない」
    「切らないと落ち着かない」「飲まないとだめ」): the act is done, not denied."""
    if after >= len(tokens) or tokens[after].surface != "と":
        return False
    ahead = tokens[after + 1 : after + 5]
    if ahead and (ahead[0].surface in ("は", "も") or any(t.lemma in _SAYING for t in ahead)):
        return False  # 「叩かれてないとは言えない」「死なないとも限らない」: a double negative, read as such
    return any(_is_negator(t) or t.lemma in _MUST_HEADS or t.surface in _MUST_HEADS for t in ahead)


def _is_functional(token: Token) -> bool:
    """Tell whether a word belongs to the predicate before it (auxiliary, て, a helping verb)."""
    if token.pos in ("助動詞", "接尾辞"):
        return True
    if token.pos == "助詞":
        return token.lemma in _CLAUSE_PARTICLES or token.lemma in ("ば", "たら")
    if token.pos == "動詞" and token.pos2 == "非自立可能":
        return token.lemma in _AUX_VERBS
    if token.pos == "形容詞" and token.pos2 == "非自立可能":
        return token.lemma in ("ない", "欲しい")
    return _is_negator(token)


def is_boundary(token: Token) -> bool:
    """Tell whether a word ends the clause (punctuation, けど, から, が as a linker)."""
    if token.pos in ("補助記号", "空白"):
        return True
    return token.pos == "助詞" and token.pos2 == "接続助詞" and token.lemma not in _CLAUSE_PARTICLES


_TOPIC_MARKS = frozenset(("、", ",", "，"))
"""Commas that may stand where a particle was dropped after a noun (「眠剤、のまずにためてる」)."""


def is_topic_comma(tokens: Sequence[Token], index: int) -> bool:
    """Tell whether tokens[index] is a comma or a space right after a noun that opens the clause: it
    stands for a dropped は/を (「眠剤、のまずにためてる」「睡眠薬　ためこんでる」), not a clause end."""
    token = tokens[index]
    if token.surface not in _TOPIC_MARKS and token.pos != "空白":
        return False
    before = index - 1
    if before < 0 or tokens[before].pos != "名詞":
        return False
    while before > 0 and tokens[before - 1].pos in ("名詞", "接頭辞"):
        before -= 1  # 睡眠 薬: a compound noun
    return before == 0 or is_boundary(tokens[before - 1])


def features(tokens: Sequence[Token], last: int) -> Features:
    """Read the predicate ending at tokens[last]: its auxiliaries, then the negation's wider scope."""
    passive = causative = desire = volitional = past = conditional = False
    negations = 0
    first_form = tokens[last].conj_form
    volitional = first_form.startswith("意志推量形")
    conditional = first_form.startswith("仮定形")
    i = last + 1
    while i < len(tokens) and _is_functional(tokens[i]):
        token = tokens[i]
        lemma = token.lemma
        if _is_negator(token):
            negations += 1
        elif lemma in _PASSIVE:
            passive = True
        elif lemma in _CAUSATIVE:
            causative = True
        elif lemma in _DESIRE:
            desire = True
        elif lemma == "た":
            past = past or not token.conj_form.startswith("仮定形")
        if token.conj_form.startswith("意志推量形") and lemma not in ("だ", "です"):
            volitional = True
        if token.conj_form.startswith("仮定形") or lemma in ("ば", "たら"):
            conditional = True
        i += 1
    if _is_rough_denial(tokens, i):
        negations += 1
        i += 1
    chain_end = i
    if negations % 2 and _must_do(tokens, i):
        negations -= 1
    double = i < len(tokens) and tokens[i].lemma in _DOUBLE_NEGATION_NOUNS
    if negations % 2 and double and any(_is_negator(t) for t in tokens[i + 1 : i + 3]):
        return Features(chain_end=chain_end)  # 「思わない日はない」: a double negative affirms
    ahead = tokens[i : i + 4]
    wish = conditional and any(t.lemma in _WISH_HEADS or t.lemma == "思う" for t in ahead)
    if conditional and negations and wish:
        negations -= 1  # 「生まれてこなければよかった」: the negation belongs to the wish
    negations += _scope_negations(tokens, i)
    idiom = _is_idiom(tokens, last, i)
    return Features(
        passive=passive,
        causative=causative,
        desire=desire,
        volitional=volitional,
        wish=wish,
        past=past,
        negated=negations % 2 == 1,
        idiom=idiom,
        chain_end=chain_end,
    )


_DEGREE_WORDS = frozenset(
    ("ほど", "程", "くらい", "ぐらい", "位", "気", "程度", "よう", "様", "みたい", "そう")
)

_HEARSAY_OR_LIKE = frozenset(("みたい", "よう", "様"))
_RESOLVE_NOUNS = frozenset(("覚悟", "気持ち", "積もり"))
_BOLD_ACTS = frozenset(
    (
        *("告白", "頼む", "挑む", "申し込む", "応募", "臨む", "買う", "交渉"),
        *("相談", "誘う", "お願い", "伝える", "提出", "転職", "辞める"),
    )
)
"""After 〜覚悟で these make a figure of boldness (「清水の舞台から飛び降りる覚悟で告白した」)."""
"""After a predicate these compare (〜みたいに, 〜ような) or report what seems to happen (〜みたいです)."""


def _is_idiom(tokens: Sequence[Token], last: int, end: int) -> bool:
    """Tell whether the predicate is used for degree or looks (死ぬほど, 死にそう, 死ぬかと思った)."""
    chain = tokens[last + 1 : end]
    if any(t.lemma == "そう" and t.pos == "形状詞" for t in chain):
        return True
    following = [t for t in tokens[end : end + 4] if t.pos != "補助記号"]
    if following and following[0].lemma in _HEARSAY_OR_LIKE:
        # 「死んだように眠る」「消えたみたいな気分」 compare;
        # 「腕を切ってるみたい」「殴られているようです」 report what seems to happen;
        # 「切るようになった」 says it began
        if len(following) > 2 and following[1].surface == "に" and following[2].lemma == "なる":
            return False
        return len(following) > 1 and following[1].surface in ("に", "な")
    if following and following[0].lemma in _DEGREE_WORDS:
        return True
    if len(following) > 2 and following[0].lemma in _RESOLVE_NOUNS and following[1].surface == "で":
        return any(t.lemma in _BOLD_ACTS for t in tokens[end + 2 : end + 7])
    if len(following) > 1 and following[0].lemma in ("って", "と") and following[1].lemma in _DEGREE_WORDS:
        return True
    return _is_close_call(tokens, last, end)


_THINKING_ON = frozenset(("いる", "てる", "居る", "おる", "とる"))
"""After 〜かと思って these make it ongoing thought (「死のうかと思っている」), not a close call."""


def _is_close_call(tokens: Sequence[Token], last: int, end: int) -> bool:
    """Tell whether the predicate is the idiom 死ぬかと思った (a close call, told in surprise).

    The whole verb chain must be plain (「死んでしまおうか」「死んじゃおうかな」 are plans), followed by
    か と and 思う, and 思う must be past (思った, 思いました) or measure a degree (思うくらい, 思うほど);
    「〜かと考えています」「〜かと思っています」 tell what one is considering.
    """
    if any(t.conj_form.startswith("意志推量形") for t in tokens[last:end]):
        return False
    i = end
    for word in ("か", "と"):
        if i >= len(tokens) or tokens[i].lemma != word:
            return False
        i += 1
    if i >= len(tokens) or tokens[i].lemma != "思う":
        return False
    after = tokens[i + 1 : i + 5]
    if after and after[0].lemma in _DEGREE_WORDS:
        return True
    for token in after:
        if token.lemma in _THINKING_ON:
            return False
        if token.lemma == "た":
            return True
        if not _is_functional(token):
            break
    return False


def _scope_negations(tokens: Sequence[Token], start: int) -> int:
    """Count negators reached across bridge words (と思って, わけじゃ, 気持ちは) before the clause ends."""
    count = 0
    i = start
    limit = min(len(tokens), start + SCOPE_LIMIT)
    while i < limit:
        token = tokens[i]
        if _is_quote_end(tokens, i) or _is_if_said(tokens, i):
            i += 1
            limit = min(len(tokens), limit + 1)
            continue
        if is_boundary(token):
            break
        if token.lemma in _SCOPE_NEGATORS:
            return count + 1
        if _is_kyushu_denial(tokens, i):
            count += 1
            i += 2
            continue
        if (
            _is_negator(token)
            or _is_kansai_denial(tokens, i)
            or _is_kyushu_denial(tokens, i - 1)
            or _is_rough_denial(tokens, i)
        ):
            following = tokens[i + 1 : i + 3]
            if following and following[0].lemma in _DOUBLE_NEGATION_NOUNS:
                return count  # 「思わない日はない」: a double negative affirms
            if _must_do(tokens, i + 1):
                return count
            count += 1
        elif not (_is_functional(token) or token.lemma in _BRIDGE_WORDS or token.surface in _BRIDGE_WORDS):
            break
        i += 1
    return count
