"""Normalisation of Japanese chat text for lexicon matching, keeping a map back to the original."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from dialogs.understanding.analyzer import hiragana, is_katakana_word

_COMBINING_KANA = frozenset("\u3099\u309a\uff9e\uff9f")
_LONG_VOWEL_MARKS = frozenset("ー—―")
_WAVE_MARKS = frozenset("〜~～")
_SMALL_VOWELS = {"ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お"}
_VOWEL_ROWS = {
    "あ": "あかさたなはまやらわがざだばぱゃ",
    "い": "いきしちにひみりぎじぢびぴ",
    "う": "うくすつぬふむゆるぐずづぶぷゅ",
    "え": "えけせてねへめれげぜでべぺ",
    "お": "おこそとのほもよろをごぞどぼぽょ",
}
_VOWEL_OF = {kana: vowel for vowel, row in _VOWEL_ROWS.items() for kana in row}
_KATA_TO_HIRA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}
_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_FOLD = str.maketrans({**_KATA_TO_HIRA, **_ASCII_LOWER})
_NO_COLLAPSE = frozenset("0123456789")
_LINE_BREAKS = frozenset("\r\n\u2028\u2029")
_DROPPED = frozenset("\ufe0f\u200d「」『』“”\"'`")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, per normalised character, the [start, end) slice of the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_slice(self, original: str, start: int, end: int) -> str:
        """Return the part of the original text that produced normalised text[start:end]."""
        if start >= end or end > len(self.starts):
            return ""
        return original[self.starts[start] : self.ends[end - 1]]


@lru_cache(maxsize=8192)
def _fold(unit: str) -> str:
    """Return a unit after NFKC, katakana to hiragana and ASCII lowercasing."""
    return unicodedata.normalize("NFKC", unit).translate(_FOLD)


_SPECIAL = _DROPPED | _LINE_BREAKS | _LONG_VOWEL_MARKS | _WAVE_MARKS | frozenset(_SMALL_VOWELS)


def _is_kana(ch: str) -> bool:
    """Tell whether ch is a hiragana letter (after folding)."""
    return "\u3041" <= ch <= "\u3096"


def _is_ascii_alnum(ch: str) -> bool:
    """Tell whether ch is an ASCII letter or digit."""
    return ch.isascii() and ch.isalnum() if ch else False


def normalize_with_spans(text: str, emoji: Mapping[str, str] | None = None) -> Normalized:
    """Normalise text (NFKC, kana and case folding, elongation and repeat collapsing) with spans."""
    emoji = emoji or {}
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    run, last, i, n = 0, "", 0, len(text)
    while i < n:
        start, i = i, i + 1
        while i < n and (text[i] in _COMBINING_KANA or unicodedata.combining(text[i])):
            i += 1
        unit = text[start:i]
        mapped = _fold(emoji.get(unit, unit))
        for ch in mapped:
            if ch not in _SPECIAL and ch != last and last != " " and not ch.isspace():
                chars.append(ch)
                starts.append(start)
                ends.append(i)
                run, last = 1, ch
                continue
            if ch in _DROPPED:
                continue
            if ch in _LINE_BREAKS:
                ch = "\n"
            elif ch.isspace():
                ch = " "
            if ch in _LONG_VOWEL_MARKS or (ch in _WAVE_MARKS and _is_kana(last)):
                continue
            if ch in _SMALL_VOWELS:
                vowel = _SMALL_VOWELS[ch]
                if _VOWEL_OF.get(last) == vowel or last == vowel:
                    continue
                ch = vowel
            if ch == " " and not _is_ascii_alnum(last):
                continue
            if last == " " and not _is_ascii_alnum(ch):
                chars.pop()
                starts.pop()
                ends.pop()
                last = chars[-1] if chars else ""
            if ch == last:
                run += 1
                if ch == "\n" or (run >= 3 and ch not in _NO_COLLAPSE):
                    if run == 3 and ch != "\n" and unit not in emoji:
                        chars.pop()
                        starts.pop()
                        ends.pop()
                    ends[-1] = i
                    continue
            else:
                run = 1
            chars.append(ch)
            starts.append(start)
            ends.append(i)
            last = ch
    while chars and chars[-1] in " \n":
        chars.pop()
        starts.pop()
        ends.pop()
    return Normalized("".join(chars), tuple(starts), tuple(ends))


KATAKANA_FILE = Path(__file__).with_name("lexicons") / "katakana.yaml"
"""The kanji a message written only in katakana is read in (its `katakana:` section)."""

_KANA_OR_KANJI = re.compile(r"[\u3041-\u3096\u4e00-\u9fff]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa]")


@cache
def _katakana_reading() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every listed katakana word (longest first; counters only after a digit) and
    what each reads as."""
    section = yaml.safe_load(KATAKANA_FILE.read_text(encoding="utf-8"))["katakana"]
    words: dict[str, str] = dict(section["words"])
    counters: dict[str, str] = dict(section["after_digits"])
    by_length = sorted(words, key=len, reverse=True)
    counted = sorted(counters, key=len, reverse=True)
    pattern = "|".join([*(rf"(?<=\d){re.escape(c)}" for c in counted), *map(re.escape, by_length)])
    return re.compile(pattern), {**words, **counters}


_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_KATAKANA_WORDS = re.compile(r"[\u30a1-\u30fa\u30fc]+[^\u30a1-\u30fa\u30fc]+[\u30a1-\u30fa\u30fc]")


def readable(text: str) -> str:
    """A message written only in katakana (「シゴト ハケン キラレタ 53サイ」) in the kanji the lexicons
    are written in (「仕事 派遣 切られた 53歳」), and every other word the dictionary does not know in
    katakana read as the same word in hiragana (タベル → たべる, カリラレル → かりられる), so it is
    understood as a message written in kana is; nouns it knows stay (ネットカフェ, クスリ). Any message
    with kanji or hiragana is read as it is, and so is one katakana word alone (ｼﾆﾀｲ: the lexicons read
    it as kana, and the evidence quotes the person's own characters)."""
    folded = unicodedata.normalize("NFKC", text)
    if _KANA_OR_KANJI.search(folded) or not _KATAKANA.search(folded):
        return text
    pattern, reading = _katakana_reading()
    if pattern.search(folded) is None and _KATAKANA_WORDS.search(folded) is None:
        return text
    read = pattern.sub(lambda found: reading[found.group(0)], folded)
    return _KATAKANA_RUN.sub(lambda run: _as_kana(run.group(0)), read)


def _as_kana(word: str) -> str:
    """A katakana word as the analyzer reads it best: as written when the dictionary knows it as a noun,
    else in hiragana, the way a kana writer would spell it."""
    return word if is_katakana_word(word) else hiragana(word)


DIALECT_FILE = Path(__file__).with_name("lexicons") / "dialect.yaml"
"""Dialect forms read as standard Japanese (its `dialect:` section: regular expressions, in order)."""


@cache
def _dialect_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The dialect rules, compiled, in the order the file gives them."""
    section = yaml.safe_load(DIALECT_FILE.read_text(encoding="utf-8"))["dialect"]
    return tuple((re.compile(str(rule["from"])), str(rule["to"])) for rule in section)


def standard_reading(text: str) -> str:
    """Dialect endings and particles read as standard Japanese (「担当の人さ伝えでけろ」 → 「担当の人に伝えて
    ください」, 「なんとがなんねぇべか」 → 「なんとかならないだろうか」), so the lexicons written in standard
    forms read them too (the classifier reads both); text without them comes back as it was."""
    for pattern, standard in _dialect_rules():
        text = pattern.sub(standard, text)
    return text
