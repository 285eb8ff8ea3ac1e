"""The morphological analyzer: SudachiPy with SudachiDict-core, loaded once per process, lazily.

Sudachi gives each word its normalised form (なぐられる → 殴る + れる, しにたい → 死ぬ + たい,
むすこ → 息子), its part of speech and its conjugation, so lexicons can be written once per lemma
instead of once per spelling. The dictionary ships inside the `sudachidict-core` wheel: nothing is
downloaded at run time. One dictionary is shared by the process; each thread gets its own tokenizer
(Sudachi's tokenizers keep per-call state).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_SMALL_VOWELS = {"ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お"}
_VOWEL_ROWS = {
    "あ": "あかさたなはまやらわがざだばぱゃ",
    "い": "いきしちにひみりぎじぢびぴ",
    "う": "うくすつぬふむゆるぐずづぶぷゅ",
    "え": "えけせてねへめれげぜでべぺ",
    "お": "おこそとのほもよろをごぞどぼぽょ",
}
_VOWEL_OF = {kana: vowel for vowel, row in _VOWEL_ROWS.items() for kana in row}
_KANA_WITH_SMALL_VOWEL = {
    **dict.fromkeys("ふゔつ", "ぁぃぇぉ"),
    **dict.fromkeys("てでくぐすず", "ぃ"),
    **dict.fromkeys("しじちぢ", "ぇ"),
    **dict.fromkeys("とど", "ぅ"),
    "う": "ぃぇぉ",
}
"""Hiragana that a small vowel really follows (ふぁ, てぃ, しぇ, どぅ …); after others it is a slip (なぃ)."""
_NO_COLLAPSE = frozenset("0123456789")
_WAVES = frozenset("〜~～")
_LAUGHTER = frozenset("wW笑草")
"""Laughter marks (ｗ after NFKC): set apart from the kana before them, so that 「意味ないしｗ」 reads
as ない + し, not as the conjunction ないし."""
LEMMA_ALIASES = {
    **{"無い": "ない", "居る": "いる", "為る": "する", "成る": "なる", "有る": "ある"},
    **{"良い": "いい", "事": "こと", "物": "もの", "所": "ところ"},
}
"""Lemmas the dictionary spells two ways (ない as an auxiliary, 無い as an adjective) read as one."""
MAX_ANALYZED_CHARS = 20_000
"""Longer input is cut: a LINE text holds at most 5,000 characters."""

_lock = threading.Lock()
_local = threading.local()
_dictionary: Any = None


@dataclass(frozen=True, slots=True)
class Token:
    """One word: as written, its normalised form (the lemma rules use), part of speech and conjugation."""

    surface: str
    lemma: str
    pos: str
    pos2: str
    conj_form: str
    reading: str


def _load_dictionary() -> Any:
    """Return the process's Sudachi dictionary, loading it on first use (thread-safe)."""
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                from sudachipy import Dictionary

                _dictionary = Dictionary(dict="core")
    return _dictionary


def _tokenizer() -> Any:
    """Return this thread's tokenizer (mode C: the longest units, e.g. 住居確保給付金 as one word)."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import SplitMode

        tokenizer = _local.tokenizer = _load_dictionary().tokenizer(mode=SplitMode.C)
    return tokenizer


def is_katakana_word(word: str) -> bool:
    """Whether the dictionary knows `word`, written in katakana, as one common noun or pronoun
    (ネットカフェ, ゴハン → 御飯, ナニ → 何) or as a word with a long vowel (ハローワーク): it reads best as
    written. A run it does not know (タベル as a place name, カリラレル) is a word a kana writer would
    spell in hiragana."""
    morphemes = _tokenizer().tokenize(word)
    if len(morphemes) != 1 or morphemes[0].is_oov():
        return False
    pos = morphemes[0].part_of_speech()
    return "ー" in word or (pos[0] in ("名詞", "代名詞") and pos[1] != "固有名詞")


def warm_up() -> None:
    """Load the dictionary now (startup), so the first message does not pay for it."""
    analyze("死にたい")


@lru_cache(maxsize=256)
def tidy(text: str) -> str:
    """Prepare chat text for the analyzer: NFKC, no elongations (しにたぁい) or small-kana slips (なぃ),
    no runs of 3+ characters, laughter marks set apart from the kana before them (ないしｗ)."""
    normalized = unicodedata.normalize("NFKC", text[:MAX_ANALYZED_CHARS])
    return "".join(ch for ch, _ in _tidied((ch, 0) for ch in normalized))


def _tidied(chars: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Apply tidy's rules to normalised letters, each carried with where it came from."""
    out: list[tuple[str, int]] = []
    run = 0
    for ch, origin in chars:
        last = out[-1][0] if out else ""
        if ch in _SMALL_VOWELS and (_VOWEL_OF.get(last) == _SMALL_VOWELS[ch] or last == _SMALL_VOWELS[ch]):
            continue
        if ch in _SMALL_VOWELS and last in _VOWEL_OF and ch not in _KANA_WITH_SMALL_VOWEL.get(last, ""):
            ch = _SMALL_VOWELS[ch]  # a small-kana slip: もぅ, なぃ
        if ch in _WAVES and "\u3041" <= last <= "\u3096":
            continue
        if ch == "ー" and "\u3041" <= last <= "\u3096":
            continue
        if ch in _LAUGHTER and "\u3041" <= last <= "\u3096":
            out.append((" ", origin))  # 「ないしｗ」: the particle ends the sentence, the laugh follows
        if ch == last:
            run += 1
            if run >= 3 and ch not in _NO_COLLAPSE:
                if run == 3:
                    out.pop()
                continue
        else:
            run = 1
        out.append((ch, origin))
    return out


@lru_cache(maxsize=64)
def _tidied_with_origins(text: str) -> tuple[str, tuple[int, ...]]:
    """The tidied text, and for each of its letters the position in text of the letter it came from."""
    pairs = _tidied(
        (ch, i)
        for i, letter in enumerate(text[:MAX_ANALYZED_CHARS])
        for ch in unicodedata.normalize("NFKC", letter)
    )
    return "".join(ch for ch, _ in pairs), tuple(origin for _, origin in pairs)


def as_written(text: str, tokens: tuple[Token, ...], start: int, end: int) -> str:
    """Return the words tokens[start:end] as the person wrote them in text (before tidy).

    Tidying can change letters (㌱ → ビル, しにたぁい → しにたい); the words are then found by their place
    in the tidied text and cut from the original where the letters they came from stand.
    """
    joined = "".join(t.surface for t in tokens[start:end])
    if joined in text:
        return joined
    tidied, origins = _tidied_with_origins(text)
    whole = tidy(text)
    begin = cursor = 0
    for index, token in enumerate(tokens[:end]):
        at = whole.find(token.surface, cursor)
        if at < 0:
            return joined
        if index == start:
            begin = at
        cursor = at + len(token.surface)
    if tidied == whole and 0 < cursor <= len(origins):
        return text[origins[begin] : origins[cursor - 1] + 1].strip() or joined
    # Letters that combine across characters (ｶﾞ → ガ) tidy differently one by one: search by prefixes.
    return text[_original_end(text, begin) : _original_end(text, cursor)].strip() or joined


def _original_end(text: str, tidied_length: int) -> int:
    """Return the shortest prefix length of text whose tidied form is at least tidied_length long."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        if len(tidy(text[:middle])) >= tidied_length:
            high = middle
        else:
            low = middle + 1
    return low


@lru_cache(maxsize=4096)
def analyze(text: str) -> tuple[Token, ...]:
    """Split tidied text into words with their lemmas (cached: the webhook and the worker share it)."""
    tokens: list[Token] = []
    for morpheme in _tokenizer().tokenize(text):
        pos = morpheme.part_of_speech()
        surface = morpheme.surface()
        if not surface.strip():
            continue
        tokens.append(
            Token(
                surface=surface,
                lemma=_lemma(surface, morpheme.normalized_form(), tokens[-1].surface if tokens else ""),
                pos=pos[0],
                pos2=pos[1],
                conj_form=pos[5],
                reading=morpheme.reading_form(),
            )
        )
    return tuple(tokens)


NOT_A_PRONOUN = frozenset({"かん"})
"""Kana Sudachi reads as the pronoun 彼 that, after あ or な, are only a dialect ending (must):
「出ていかなあかん」「働かんとあかん」「行かなかん」, never a partner; 「かれ」「彼氏」 still are, and
「おかん」 reads as it did."""

DIALECT_ENDING_AFTER = ("あ", "な")
"""How the word before such kana ends when they close 〜なあかん / 〜んとあかん / 〜なかん."""


def _lemma(surface: str, normalized: str, before: str) -> str:
    """The lemma rules use for one word: its normalised form, spelt as rules spell it (`canonical`), or
    the word as written where the normalised form misreads a dialect ending as 彼 (`before` is the
    word written just before it)."""
    if normalized == "彼" and surface in NOT_A_PRONOUN and before.endswith(DIALECT_ENDING_AFTER):
        return surface
    return canonical(normalized)


def canonical(lemma: str) -> str:
    """Return the one spelling rules use for a lemma (無い → ない, 居る → いる)."""
    return LEMMA_ALIASES.get(lemma, lemma)


def hiragana(katakana: str) -> str:
    """Return katakana as hiragana (readings come in katakana)."""
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in katakana)


@lru_cache(maxsize=16384)
def reading_of(text: str) -> str:
    """Return how text is read, in hiragana (中央 → ちゅうおう), for matching kana-only writing."""
    return "".join(hiragana(token.reading) for token in analyze(tidy(text)))


def fresh_reading(text: str) -> str:
    """reading_of(text), computed without filling the per-message caches (tidy, analyze, reading_of):
    compiling the lexicons reads ~90,000 phrases once each, which would only push out the messages'."""
    tokens = _tokenizer().tokenize(tidy.__wrapped__(text))
    return "".join(hiragana(m.reading_form()) for m in tokens if m.surface().strip())
