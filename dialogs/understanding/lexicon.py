"""Loading, validating and compiling the YAML lexicons (built-in plus municipality extensions)."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from dialogs.understanding.analyzer import analyze, canonical, fresh_reading, tidy
from dialogs.understanding.model import CRISIS_KINDS, LABELS
from dialogs.understanding.normalize import normalize_with_spans

BUILTIN_DIR = Path(__file__).resolve().parent / "lexicons"
CACHE_DIR_ENV = "TSUNAGU_CACHE_DIR"
"""Where compiled lexicons are kept between starts (default $XDG_CACHE_HOME/tsunagu or ~/.cache/tsunagu);
`off` compiles at every start."""
CACHE_FORMAT = 2
"""Bumped when the cached form changes in a way the hashed sources would not show."""
CACHE_KEEP = 8
"""Compiled lexicons kept in the cache directory (the most recently used; one per set of directories)."""
_COMPILE_SOURCES = ("lexicon.py", "analyzer.py", "normalize.py", "model.py")
"""The modules whose code decides what a compile produces: their bytes are part of the cache key."""
_log = logging.getLogger(__name__)
MAX_EXPANSIONS = 2048
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (the lexicons parse several times faster), else PyYAML's."""
_ENTRY_KEYS = frozenset(
    {"match", "requires", "unless", "unless_message", "unless_labels", "also", "max_len", "exact", "at_start"}
    | {"negatable"}
    | {"note", "kind", "lemma", "voice", "mood", "negated", "tense", "kana", "idiom"}
)
_FILE_KEYS = frozenset(
    ("label", "also", "kind", "entries", "emoji", "negation", "context", "katakana", "dialect", "note")
)
_VOICES = frozenset(("passive", "active", "causative", "any"))
_MOODS = frozenset(("desire", "volitional", "wish", "plain"))
_TENSES = frozenset(("past", "nonpast", "any"))
GAP = "~"
"""In a lemma sequence, stands for up to MAX_GAP words of any kind within the clause."""
MAX_GAP = 5
MIN_KANA_READING = 4
"""A kanji phrase also matches its kana reading (殴られ → なぐられ) when the reading is this long."""
_NEGATION_KEYS = ("bridges", "negators", "undo")
_CONTEXT_KEYS = (
    "past",
    "resolved",
    "childhood",
    "lately",
    "informational",
    "fiction",
    "fiction_voice",
    "self_now",
    "english_risk",
    "vanished",
    "leaving",
    "killing_time",
    "someone_away",
    "closing_words",
    "food",
    "after_death",
    "future_worry",
    "bed_tonight",
    "bereaved",
    "drinking",
    "pills_named",
    "baby_care",
    "battery",
    "job_lost",
    "relative_subject",
    "topic_intro",
    "weary",
    "prevention",
    "not_a_frame",
)


class TrieNode:
    """One node of the pattern trie: children by character, and the pattern ending here if any."""

    __slots__ = ("children", "pattern")

    def __init__(self) -> None:
        """Create an empty node."""
        self.children: dict[str, TrieNode] = {}
        self.pattern: str | None = None


PrefixIndex = Mapping[str, tuple[str, ...]]
"""Words grouped by their first character, longest first, for fast startswith checks."""


class LexiconError(ValueError):
    """A lexicon file is malformed or names an unknown label."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One compiled lexicon entry: what it labels and the conditions under which it fires."""

    label: str
    rule: str
    also: tuple[str, ...]
    requires: tuple[str, ...]
    unless: tuple[str, ...]
    unless_labels: frozenset[str]
    max_len: int | None
    exact: bool
    at_start: bool
    negatable: bool
    kind: str | None = None
    unless_message: tuple[str, ...] = ()
    """Words that cancel the entry wherever they stand in the message (`unless` reads only the sentence)."""


@dataclass(frozen=True, slots=True)
class LemmaRule:
    """A lemma sequence (words in normalised form) and the grammar the predicate must show."""

    entry: int
    lemmas: tuple[str, ...]
    written: tuple[str, ...]
    voice: str
    moods: frozenset[str]
    negated: bool | None
    tense: str
    idiom: bool = False

    def describe(self) -> str:
        """Return the rule's condition as words for the evidence."""
        parts = ["+".join(self.lemmas)]
        if self.voice != "any":
            parts.append(self.voice)
        if self.moods:
            parts.append("|".join(sorted(self.moods)))
        if self.negated:
            parts.append("negated")
        if self.tense != "any":
            parts.append(self.tense)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All entries, indexed by normalised pattern, plus emoji, negation and context word lists."""

    entries: tuple[Entry, ...]
    patterns: Mapping[str, tuple[int, ...]]
    trie: TrieNode
    uncapped: frozenset[str]
    kana_only: frozenset[str]
    emoji: Mapping[str, str]
    bridges: PrefixIndex
    negators: PrefixIndex
    undo: PrefixIndex
    past: tuple[str, ...]
    resolved: tuple[str, ...]
    informational: tuple[str, ...]
    childhood: tuple[str, ...] = ()
    """Words that place what a sentence tells in the writer's childhood (「ガキの頃」「小学生の頃は」)."""
    lately: tuple[str, ...] = ()
    """Words of now or lately (今も, 昨日, 毎日): with them, violence placed in childhood goes on."""
    fiction: tuple[str, ...] = ()
    fiction_voice: tuple[str, ...] = ()
    """Words that put a crisis word in someone else's mouth (って言, セリフ, 主人公が): a fiction word in an
    earlier sentence frames only such a sentence."""
    self_now: tuple[str, ...] = ()
    english_risk: tuple[str, ...] = ()
    """Word starts an English message needs before the learned layer alone may call it crisis."""
    vanished: frozenset[str] = frozenset()
    """Verbs that, past and asked about (「ほんとに消えた？」), make no crisis on the learned layer alone."""
    leaving: tuple[str, ...] = ()
    """Wishes to leave someone (「夫から離れたい」): no crisis on the learned layer alone."""
    killing_time: tuple[str, ...] = ()
    """Words of passing the time (「図書館で時間をつぶす」): no crisis on the learned layer alone."""
    someone_away: tuple[str, ...] = ()
    """Words of a relative away at work while the writer looks after someone (「親は仕事でほぼいないから
    俺がみてる」): no crisis on the learned layer alone."""
    closing_words: tuple[str, ...] = ()
    """Words that open the last point of a message (「最後に一番伝えたいこと」): no crisis on the learned
    layer alone."""
    bed_tonight: tuple[str, ...] = ()
    """Words of a bed for tonight (「今日は泊まれる」): no 今夜の寝る場所がない on the learned layer alone."""
    battery: tuple[str, ...] = ()
    """Words of a phone's charge (「スマホの充電あと20%」): no money worry on the learned layer alone."""
    food: tuple[str, ...] = ()
    """Words of food or the cash in hand (「食べる」「所持金」): without one, no 食べるものがない on the
    learned layer alone (「お金もないし」 is a money worry)."""
    after_death: tuple[str, ...] = ()
    """Words of a time after someone dies (「私が死んだら」「親亡き後」): with a `future_worry`, no crisis on
    the learned layer alone."""
    future_worry: tuple[str, ...] = ()
    """Words of worry for who is left (「どうなる」「面倒」「将来」), beside `after_death`."""
    bereaved: tuple[str, ...] = ()
    """Words of someone's death told as what happened (「家内が去年他界しまして」): no crisis on the learned
    layer alone."""
    drinking: tuple[str, ...] = ()
    """Words of drink (「ストロング」「チューハイ」「酒」): without a word of `pills_named`, no overdose on
    the learned layer alone (「のみすぎた　ストロング5本目」 is drinking, not pills)."""
    pills_named: tuple[str, ...] = ()
    """Words for medicine or pills, beside which drinking may still be an overdose."""
    job_lost: tuple[str, ...] = ()
    """Words of a job lost told as what happened (「会社を解雇されまして」): beside a `relative_subject`, no
    crisis on the learned layer alone."""
    relative_subject: tuple[str, ...] = ()
    """A relative named as the subject (「夫が」「主人は」): the one the told events happened to."""
    baby_care: tuple[str, ...] = ()
    """Words of a baby who cries or will not sleep (「泣き止まなくて」「夜泣き」): exhaustion, no crisis on
    the learned layer alone (the rules still read 「叩いてしまいそう」)."""
    emoji_patterns: frozenset[tuple[str, str]] = frozenset()
    """(pattern, rule) of phrases written only as emoji (💀 → 死): they match the emoji, not the word its
    reading shares (the 死 of 「爆死」)."""
    not_a_frame: tuple[str, ...] = ()
    """Words that begin with a fiction word but name a time or place (授業中, 研修中): they frame nothing."""
    prevention: tuple[str, ...] = ()
    """Words of prevention work and training (「自殺予防」「ゲートキーパー」): no crisis on the learned layer
    alone (the rules still read the writer's own words)."""
    topic_intro: tuple[str, ...] = ()
    """Words after which a けど sets the topic of what follows (「ゲームの話なんですけど、」): no clause end
    for a fiction frame."""
    weary: tuple[str, ...] = ()
    """Words of exhaustion that are possible risk beside a denial of dying the rules noted
    (「死にたいとかじゃないけど、毎日しんどい」)."""
    lemma_rules: Mapping[str, tuple[LemmaRule, ...]] = field(default_factory=dict)
    """Lemma rules indexed by their first lemma."""


def _sequence(pattern: str, i: int) -> tuple[list[str], int]:
    """Expand pattern from i up to the next top-level '|' or ')'."""
    out = [""]
    while i < len(pattern) and pattern[i] not in "|)":
        if pattern[i] == "(":
            alternatives, i = _alternatives(pattern, i + 1)
            out = [head + alt for head in out for alt in alternatives]
        else:
            out = [head + pattern[i] for head in out]
            i += 1
        if len(out) > MAX_EXPANSIONS:
            raise LexiconError(f"expands to more than {MAX_EXPANSIONS} alternatives")
    return out, i


def _alternatives(pattern: str, i: int) -> tuple[list[str], int]:
    """Expand the alternatives of a group whose '(' is just before i; return them and the index after ')'."""
    out: list[str] = []
    while True:
        sequence, i = _sequence(pattern, i)
        out.extend(sequence)
        if i >= len(pattern):
            raise LexiconError("has an unclosed '('")
        i += 1
        if pattern[i - 1] == ")":
            return out, i


def expand(pattern: str) -> list[str]:
    """Expand the (a|b|) groups of pattern, which may nest, into the literal strings it stands for."""
    try:
        alternatives, end = _alternatives(pattern + ")", 0)
        if end != len(pattern) + 1:
            raise LexiconError("has an unmatched ')'")
    except LexiconError as exc:
        raise LexiconError(f"pattern {pattern!r} {exc}") from None
    return alternatives


def _strings(value: object, where: str) -> list[str]:
    """Return value as a list of non-empty strings, or raise."""
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise LexiconError(f"{where}: expected a string or a list of strings")
    return [str(v) for v in value if str(v).strip()]


def _labels(value: object, where: str) -> tuple[str, ...]:
    """Return value as a tuple of known labels, or raise."""
    labels = tuple(_strings(value, where))
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise LexiconError(f"{where}: unknown label(s) {unknown}")
    return labels


@dataclass(slots=True)
class _Raw:
    """Lexicon content gathered from files before normalisation."""

    entries: list[tuple[dict[str, object], str, tuple[str, ...], str, str | None]]
    emoji: dict[str, str]
    negation: dict[str, list[str]]
    context: dict[str, list[str]]


def _read_file(path: Path, rule_prefix: str, raw: _Raw) -> None:
    """Add the content of one YAML lexicon file (one or more documents) to raw."""
    try:
        documents = list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})") from exc
    for data in documents:
        if data is not None:
            _read_document(data, path, rule_prefix, raw)


def _read_document(data: object, path: Path, rule_prefix: str, raw: _Raw) -> None:
    """Add one YAML document (a label with entries, or emoji/negation/context lists) to raw."""
    if not isinstance(data, dict) or set(data) - _FILE_KEYS:
        raise LexiconError(f"{path}: expected a mapping with keys among {sorted(_FILE_KEYS)}")
    emoji = data.get("emoji") or {}
    if not isinstance(emoji, dict):
        raise LexiconError(f"{path}: emoji must map an emoji to words")
    for key, value in emoji.items():
        raw.emoji[str(key)] = str(value)
    for section, keys, target in (
        ("negation", _NEGATION_KEYS, raw.negation),
        ("context", _CONTEXT_KEYS, raw.context),
    ):
        block = data.get(section) or {}
        if not isinstance(block, dict) or set(block) - set(keys):
            raise LexiconError(f"{path}: {section} must be a mapping with keys among {keys}")
        for key, value in block.items():
            target.setdefault(key, []).extend(_strings(value, f"{path}: {section}.{key}"))
    if "entries" not in data:
        return
    label = str(data.get("label", ""))
    if label not in LABELS:
        raise LexiconError(f"{path}: unknown label {label!r}")
    file_also = _labels(data.get("also") or [], f"{path}: also")
    file_kind = data.get("kind")
    entries = data["entries"]
    if not isinstance(entries, dict):
        raise LexiconError(f"{path}: entries must map an id to patterns")
    for entry_id, spec in entries.items():
        where = f"{path}: {label} {entry_id}"
        body = spec if isinstance(spec, dict) else {"match": spec}
        if set(body) - _ENTRY_KEYS or ("match" not in body) == ("lemma" not in body):
            raise LexiconError(f"{where}: needs 'match' or 'lemma', and keys among {sorted(_ENTRY_KEYS)}")
        also = file_also + _labels(body.get("also") or [], f"{where}: also")
        kind = body.get("kind", file_kind)
        if kind is not None and kind not in CRISIS_KINDS:
            raise LexiconError(f"{where}: unknown kind {kind!r}")
        raw.entries.append((body, label, also, f"{rule_prefix}#{entry_id}", kind))


def _files(directory: Path) -> Iterable[Path]:
    """Yield the lexicon files of a directory in a stable order."""
    if not directory.is_dir():
        raise LexiconError(f"{directory}: not a directory")
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


class _Norm:
    """Normalises lexicon words the same way user text is normalised, each distinct word once per compile
    (the same words recur across entries, their (a|b) expansions and their kana readings)."""

    __slots__ = ("emoji", "seen")

    def __init__(self, emoji: Mapping[str, str]) -> None:
        """Normalise with this emoji mapping."""
        self.emoji = emoji
        self.seen: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        """Return word normalised."""
        out = self.seen.get(word)
        if out is None:
            out = self.seen[word] = normalize_with_spans(word, self.emoji).text
        return out

    def all(self, words: Iterable[str]) -> tuple[str, ...]:
        """Normalise and expand words, longest first, without duplicates."""
        out = {self(w) for word in words for w in expand(word)}
        out.discard("")
        return tuple(sorted(out, key=lambda w: (-len(w), w)))


def _prefix_index(words: tuple[str, ...]) -> PrefixIndex:
    """Group words (already longest first) by their first character."""
    index: dict[str, list[str]] = defaultdict(list)
    for word in words:
        index[word[0]].append(word)
    return {first: tuple(group) for first, group in index.items()}


def _compile(raw: _Raw) -> Lexicon:
    """Normalise all patterns and build the lookup indexes."""
    emoji = raw.emoji
    norm = _Norm(emoji)
    readings_of: dict[str, str] = {}
    entries: list[Entry] = []
    patterns: dict[str, list[int]] = defaultdict(list)
    written: set[str] = set()
    readings: set[str] = set()
    lemma_rules: dict[str, dict[LemmaRule, None]] = defaultdict(dict)
    emoji_patterns: set[tuple[str, str]] = set()
    for body, label, also, rule, kind in raw.entries:
        max_len = body.get("max_len")
        if max_len is not None and not isinstance(max_len, int):
            raise LexiconError(f"{rule}: max_len must be an integer")
        index = len(entries)
        entries.append(
            Entry(
                label=label,
                rule=rule,
                also=also,
                requires=norm.all(_strings(body.get("requires") or [], rule)),
                unless=norm.all(_strings(body.get("unless") or [], rule)),
                unless_labels=frozenset(_labels(body.get("unless_labels") or [], rule)),
                max_len=max_len,
                exact=bool(body.get("exact", False)),
                at_start=bool(body.get("at_start", False)),
                negatable=bool(body.get("negatable", not label.startswith("intent:"))),
                kind=kind,
                unless_message=norm.all(_strings(body.get("unless_message") or [], rule)),
            )
        )
        if "lemma" in body:
            for lemma_rule in _lemma_rules(body, index, rule):
                for first in {lemma_rule.lemmas[0], lemma_rule.written[0]}:
                    lemma_rules[first].setdefault(lemma_rule)
            continue
        try:
            phrases = _strings(body["match"], rule)
            compiled = norm.all(phrases)
            written.update(compiled)
            emoji_patterns.update((p, rule) for p in norm.all([x for x in phrases if _only_emoji(x)]))
            if body.get("kana", True):
                kana = _kana_readings(phrases, compiled, norm, readings_of)
                readings.update(kana)
                compiled = (*compiled, *kana)
        except LexiconError as exc:
            raise LexiconError(f"{rule}: {exc}") from exc
        for pattern in compiled:
            if index not in patterns[pattern]:
                patterns[pattern].append(index)
    return Lexicon(
        entries=tuple(entries),
        patterns={p: tuple(ix) for p, ix in patterns.items()},
        trie=_trie(patterns),
        uncapped=frozenset(p for p, ix in patterns.items() if any(entries[i].label == "crisis" for i in ix)),
        kana_only=frozenset(readings - written),
        emoji=dict(emoji),
        bridges=_prefix_index(norm.all(raw.negation.get("bridges", []))),
        negators=_prefix_index(norm.all(raw.negation.get("negators", []))),
        undo=_prefix_index(norm.all(raw.negation.get("undo", []))),
        past=norm.all(raw.context.get("past", [])),
        resolved=norm.all(raw.context.get("resolved", [])),
        informational=norm.all(raw.context.get("informational", [])),
        childhood=norm.all(raw.context.get("childhood", [])),
        lately=norm.all(raw.context.get("lately", [])),
        fiction=norm.all(raw.context.get("fiction", [])),
        fiction_voice=norm.all(raw.context.get("fiction_voice", [])),
        self_now=norm.all(raw.context.get("self_now", [])),
        english_risk=norm.all(raw.context.get("english_risk", [])),
        vanished=frozenset(raw.context.get("vanished", [])),
        leaving=norm.all(raw.context.get("leaving", [])),
        killing_time=norm.all(raw.context.get("killing_time", [])),
        someone_away=norm.all(raw.context.get("someone_away", [])),
        closing_words=norm.all(raw.context.get("closing_words", [])),
        food=norm.all(raw.context.get("food", [])),
        after_death=norm.all(raw.context.get("after_death", [])),
        future_worry=norm.all(raw.context.get("future_worry", [])),
        bed_tonight=norm.all(raw.context.get("bed_tonight", [])),
        bereaved=norm.all(raw.context.get("bereaved", [])),
        drinking=norm.all(raw.context.get("drinking", [])),
        pills_named=norm.all(raw.context.get("pills_named", [])),
        baby_care=norm.all(raw.context.get("baby_care", [])),
        battery=norm.all(raw.context.get("battery", [])),
        job_lost=norm.all(raw.context.get("job_lost", [])),
        relative_subject=norm.all(raw.context.get("relative_subject", [])),
        emoji_patterns=frozenset(emoji_patterns),
        topic_intro=norm.all(raw.context.get("topic_intro", [])),
        prevention=norm.all(raw.context.get("prevention", [])),
        not_a_frame=norm.all(raw.context.get("not_a_frame", [])),
        weary=norm.all(raw.context.get("weary", [])),
        lemma_rules={first: tuple(rules) for first, rules in lemma_rules.items()},
    )


def _only_emoji(phrase: str) -> bool:
    """Tell whether a phrase is written only in emoji (symbols, their modifiers and joiners)."""
    return all(unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf", "Me") for ch in phrase)


def _trie(patterns: Iterable[str]) -> TrieNode:
    """Build the pattern trie (each node holds the pattern string itself, not a copy)."""
    trie = TrieNode()
    for pattern in patterns:
        node = trie
        for ch in pattern:
            child = node.children.get(ch)
            if child is None:
                child = node.children[ch] = TrieNode()
            node = child
        node.pattern = pattern
    return trie


def _has_kanji(text: str) -> bool:
    """Tell whether text holds a kanji."""
    return any("\u4e00" <= ch <= "\u9fff" or ch == "々" for ch in text)


def _kana_readings(
    phrases: list[str], compiled: tuple[str, ...], norm: _Norm, readings_of: dict[str, str]
) -> list[str]:
    """Return the kana readings of kanji phrases long enough not to collide (殴られ → なぐられ).

    readings_of remembers, for the whole compile, each literal's normalised reading."""
    known = set(compiled)
    out: list[str] = []
    for phrase in phrases:
        for literal in expand(phrase):
            if not _has_kanji(literal) or _has_kanji(literal[-1]):
                continue  # a kanji stem alone (飲, 切) has no reading of its own
            reading = readings_of.get(literal)
            if reading is None:
                reading = readings_of[literal] = norm(fresh_reading(literal))
            if len(reading) >= MIN_KANA_READING and reading not in known and not _has_kanji(reading):
                known.add(reading)
                out.append(reading)
    return out


def _choice(body: Mapping[str, object], key: str, allowed: frozenset[str], default: str, rule: str) -> str:
    """Return one option's value, checked against the allowed names."""
    value = str(body.get(key, default))
    if value not in allowed:
        raise LexiconError(f"{rule}: {key} must be one of {sorted(allowed)}")
    return value


def _lemma_rules(body: Mapping[str, object], index: int, rule: str) -> list[LemmaRule]:
    """Compile an entry's lemma sequences (words separated by spaces; (a|b) alternatives expand)."""
    voice = _choice(body, "voice", _VOICES, "any", rule)
    tense = _choice(body, "tense", _TENSES, "any", rule)
    moods = frozenset(_strings(body.get("mood") or [], rule))
    if moods - _MOODS:
        raise LexiconError(f"{rule}: mood must be among {sorted(_MOODS)}")
    negated = body.get("negated")
    if negated not in (None, True, False, "any"):
        raise LexiconError(f"{rule}: negated must be true, false or any")
    out: list[LemmaRule] = []
    for pattern in _strings(body["lemma"], rule):
        for literal in expand(pattern):
            lemmas = tuple(_lemma_of(word) for word in literal.split())
            written = tuple(literal.split())
            if lemmas:
                out.append(
                    LemmaRule(
                        entry=index,
                        lemmas=lemmas,
                        written=written,
                        voice=voice,
                        moods=moods,
                        negated=None if negated == "any" else bool(negated),
                        tense=tense,
                        idiom=bool(body.get("idiom", False)),
                    )
                )
    return out


def _lemma_of(word: str) -> str:
    """Return the normalised form the analyzer gives a word written in a rule (しぬ → 死ぬ)."""
    if word == GAP:
        return word
    tokens = analyze(tidy(word))
    return tokens[0].lemma if len(tokens) == 1 else canonical(word)


@dataclass(frozen=True, slots=True)
class LoadReport:
    """How the last lexicon load went: `cache` is "hit", "miss" (compiled, then stored), "unwritable"
    (compiled, the cache directory could not be written) or "off"; `seconds` is its wall time."""

    cache: str
    seconds: float


_last_load: list[LoadReport] = []


def last_load() -> LoadReport | None:
    """Return how the most recent (not in-process cached) lexicon load went, for benchmarks."""
    return _last_load[-1] if _last_load else None


def cache_directory() -> Path | None:
    """Return the directory compiled lexicons are kept in, or None when the cache is switched off."""
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "tsunagu"


def _versions() -> str:
    """The analyzer's and the dictionary's versions (their readings and lemmas go into the compile)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("SudachiPy", "SudachiDict-core", "PyYAML"):
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=?")
    return ";".join(found)


def _cache_key(sources: list[tuple[Path, str, list[Path]]]) -> str:
    """SHA-256 of everything a compile depends on: every lexicon file's name and bytes, the code of the
    compiling modules, the SudachiPy/SudachiDict versions and the Python version."""
    digest = hashlib.sha256()

    def add(part: bytes) -> None:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)

    add(f"format={CACHE_FORMAT};python={sys.version_info[:2]};{_versions()}".encode())
    here = Path(__file__).resolve().parent
    for name in _COMPILE_SOURCES:
        add(name.encode())
        add((here / name).read_bytes())
    for directory, _, paths in sources:
        add(str(directory).encode())
        for path in paths:
            add(path.name.encode())
            add(path.read_bytes())
    return digest.hexdigest()


def _from_cache(path: Path) -> Lexicon | None:
    """Return the compiled lexicon stored at path, or None when it is missing or unreadable."""
    try:
        with path.open("rb") as stored:
            lexicon = pickle.load(stored)  # noqa: S301 - our own file, in the user's own cache directory
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file is only a miss
        _log.warning("compiled lexicon cache %s unreadable (%s): compiling", path, type(exc).__name__)
        return None
    if not isinstance(lexicon, Lexicon):
        return None
    with suppress(OSError):
        os.utime(path)  # most recently used: kept by _prune
    return replace(lexicon, trie=_trie(lexicon.patterns))


def _store(path: Path, lexicon: Lexicon) -> bool:
    """Write lexicon to path atomically (a temporary file, then os.replace); False when not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".lexicon-", suffix=".tmp", delete=False
        ) as tmp:
            try:
                # The trie is rebuilt from the patterns on loading: unpickling its ~470,000 nodes would
                # take as long and leave ~130 MB more resident memory behind.
                pickle.dump(replace(lexicon, trie=TrieNode()), tmp, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.flush()
                os.fsync(tmp.fileno())
            except BaseException:
                os.unlink(tmp.name)
                raise
        os.replace(tmp.name, path)
    except OSError as exc:
        _log.info("compiled lexicon cache %s not writable (%s): compiling at each start", path.parent, exc)
        return False
    _prune(path.parent)
    return True


def _prune(directory: Path) -> None:
    """Keep only the CACHE_KEEP most recently used compiled lexicons in directory."""
    try:
        stored = sorted(directory.glob("lexicon-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[CACHE_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _sources(directories: tuple[Path, ...]) -> list[tuple[Path, str, list[Path]]]:
    """Each lexicon directory (built-in first) with its rule-id prefix and its files, in order."""
    out = []
    for directory in (BUILTIN_DIR, *directories):
        prefix = "" if directory == BUILTIN_DIR else f"{directory.name}/"
        out.append((directory, prefix, list(_files(directory))))
    return out


def _compile_sources(sources: list[tuple[Path, str, list[Path]]]) -> Lexicon:
    """Read and compile the lexicon files."""
    raw = _Raw(entries=[], emoji={}, negation={}, context={})
    for _, prefix, paths in sources:
        for path in paths:
            _read_file(path, f"{prefix}{path.name}", raw)
    return _compile(raw)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while ~2 million long-lived objects are made (a compile or an
    unpickle): it would otherwise walk them all again and again, doubling the time; they hold no cycles
    to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect()  # now, at load, not as a long pause in the first messages' classification


@lru_cache(maxsize=16)
def _load(directories: tuple[Path, ...]) -> Lexicon:
    """Read and compile the built-in lexicons plus the given extra directories (cached in the process,
    and compiled once per change of the files or the compiling code in the cache directory)."""
    started = time.perf_counter()
    with _no_gc_pauses():
        lexicon, outcome = _load_uncached(_sources(directories))
    _last_load.append(LoadReport(outcome, time.perf_counter() - started))
    return lexicon


def _load_uncached(sources: list[tuple[Path, str, list[Path]]]) -> tuple[Lexicon, str]:
    """Return the compiled lexicon, from the cache directory when it holds it, and how it was found."""
    directory = cache_directory()
    if directory is None:
        return _compile_sources(sources), "off"
    path = directory / f"lexicon-{_cache_key(sources)}.pickle"
    cached = _from_cache(path)
    if cached is not None:
        return cached, "hit"
    lexicon = _compile_sources(sources)
    return lexicon, "miss" if _store(path, lexicon) else "unwritable"


def load_lexicon(extra_dirs: Sequence[Path] = ()) -> Lexicon:
    """Return the compiled lexicon for the built-in files plus extra_dirs, loaded once and cached."""
    return _load(tuple(Path(d).resolve() for d in extra_dirs))
