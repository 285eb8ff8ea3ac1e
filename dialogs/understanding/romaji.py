"""Japanese typed in romaji (「tasukete kudasai. shinitai」「okane nai. 2nichi tabetenai」), read as hiragana.

Someone without a Japanese keyboard, or who reads Japanese but cannot type it, writes it in Latin letters.
A message of Latin letters only whose words are mostly Japanese syllables (Hepburn or 訓令式, with っ for a
doubled consonant and ん for n, n' or nn) is read as its hiragana, keeping the spaces between words, so
that understanding and the crisis check read 「たすけて ください。 しにたい」. English stays English: a word
that is not made of Japanese syllables (「help」「want」「please」), or an English word that happens to be
(`not_romaji_words`: 「you」「are」「hope」, Portuguese 「ajuda」), does not count as Japanese.
"""

from __future__ import annotations

import re
import unicodedata

from dialogs import fragments

_VOWELS = {"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お"}
_ROWS = {
    "k": "かきくけこ",
    "g": "がぎぐげご",
    "s": "さしすせそ",
    "z": "ざじずぜぞ",
    "t": "たちつてと",
    "d": "だぢづでど",
    "n": "なにぬねの",
    "h": "はひふへほ",
    "b": "ばびぶべぼ",
    "p": "ぱぴぷぺぽ",
    "m": "まみむめも",
    "r": "らりるれろ",
}
_SMALL = {"a": "ゃ", "u": "ゅ", "o": "ょ"}
_YOON_HEADS = ("ky", "gy", "sy", "zy", "ty", "ny", "hy", "by", "py", "my", "ry", "sh", "ch", "j", "jy", "cy")
_YOON = dict(zip(_YOON_HEADS, "きぎしじちにひびぴみりしちじじち", strict=True))


def _syllables() -> dict[str, str]:
    table = dict(_VOWELS)
    for consonant, kana in _ROWS.items():
        table.update({consonant + vowel: kana[i] for i, vowel in enumerate("aiueo")})
    for head, kana in _YOON.items():
        table.update({head + vowel: kana + small for vowel, small in _SMALL.items()})
    for kunrei in ("di", "du"):  # ぢ and づ are typed ji and zu: 「die」 is English
        del table[kunrei]
    table.update({"ya": "や", "yu": "ゆ", "yo": "よ", "wa": "わ", "wo": "を", "fu": "ふ", "hu": "ふ"})
    table.update({"shi": "し", "chi": "ち", "tsu": "つ", "ji": "じ", "che": "ちぇ", "je": "じぇ"})
    table.update({"fa": "ふぁ", "fo": "ふぉ", "vu": "ゔ", "xtsu": "っ"})
    return table


SYLLABLES = _syllables()
_LONGEST = max(len(syllable) for syllable in SYLLABLES)
_MACRONS = str.maketrans(dict(zip("āīūēōâîûêô", ["aa", "ii", "uu", "ee", "ou"] * 2, strict=True)))
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_PUNCTUATION = str.maketrans({".": "。", ",": "、", "?": "？", "!": "！"})

JAPANESE_SHARE = 0.7
"""At least this share of a message's words must be Japanese syllables for it to be read as romaji."""

MIN_LETTERS = 3
"""…and they must hold at least this many letters (「I」 alone, 「a」 alone are not Japanese)."""


def word_as_kana(word: str) -> str | None:
    """Return the hiragana of one romaji word (「shinitai」→「しにたい」), or None when it is not made of
    Japanese syllables (「help」)."""
    word = word.lower().translate(_MACRONS)
    out: list[str] = []
    i = 0
    while i < len(word):
        rest = word[i:]
        if rest[0] == "'":
            i += 1
            continue
        if rest[0] == "n" and (len(rest) == 1 or rest[1] not in "aiueoy"):
            out.append("ん")
            twice = len(rest) >= 2 and rest[1] in "n'" and (len(rest) == 2 or rest[2] not in "aiueoy")
            i += 2 if twice else 1
            continue
        if (len(rest) >= 2 and rest[0] == rest[1] and rest[0] not in "aiueon") or rest.startswith("tch"):
            out.append("っ")
            i += 1
            continue
        for length in range(min(_LONGEST, len(rest)), 0, -1):
            kana = SYLLABLES.get(rest[:length])
            if kana is not None:
                out.append(kana)
                i += length
                break
        else:
            return None
    return "".join(out)


def as_kana(text: str) -> str | None:
    """Return the message read as hiragana when it is Japanese typed in romaji, else None (English, a
    message with kana or kanji in it, a name alone)."""
    text = unicodedata.normalize("NFC", text)
    if _JAPANESE.search(text):
        return None
    words = _WORD.findall(text)
    if not words:
        return None
    english = fragments.WORDS["not_romaji_words"]
    kana = {word: word_as_kana(word) for word in words}
    english_words = {word for word in words if word.lower() in english or word == "I"}  # 「I live in …」
    japanese = [word for word in words if kana[word] is not None and word not in english_words]
    if len(japanese) < JAPANESE_SHARE * len(words) or sum(len(word) for word in japanese) < MIN_LETTERS:
        return None
    read = _WORD.sub(lambda match: kana[match.group()] or match.group(), text)
    return read.translate(_PUNCTUATION)
