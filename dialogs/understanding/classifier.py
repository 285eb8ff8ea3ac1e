"""Lexicon-and-rules classifier: crisis level, concerns, intents, with evidence for each."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dialogs.understanding.lexicon import Entry, Lexicon, PrefixIndex, load_lexicon
from dialogs.understanding.model import CONCERNS, INTENTS, CrisisLevel, Evidence, Understanding
from dialogs.understanding.normalize import Normalized, normalize_with_spans

MAX_OCCURRENCES = 32
NEGATION_WINDOW = 24
MAX_BRIDGES = 4
_SENTENCE_ENDS = frozenset("。!?\n.")


@dataclass(frozen=True, slots=True)
class _Hit:
    """One occurrence of a pattern in the normalised text, for one entry."""

    start: int
    end: int
    entry: Entry


def normalize(text: str, *, extra_lexicon_dirs: Sequence[Path] = ()) -> str:
    """Return text normalised as the classifier sees it (emoji mapped to words)."""
    return normalize_with_spans(text, load_lexicon(extra_lexicon_dirs).emoji).text


def _ascii_boundary_ok(text: str, start: int, end: int, pattern: str) -> bool:
    """Reject an ASCII-edged pattern that sits inside a longer ASCII word."""
    if pattern[0].isascii() and pattern[0].isalnum() and start > 0:
        before = text[start - 1]
        if before.isascii() and before.isalnum():
            return False
    if pattern[-1].isascii() and pattern[-1].isalnum() and end < len(text):
        after = text[end]
        if after.isascii() and after.isalnum():
            return False
    return True


def _find_hits(lex: Lexicon, text: str) -> list[_Hit]:
    """Find pattern occurrences by walking the trie from each position.

    Each pattern is reported at most MAX_OCCURRENCES times, except crisis patterns, which are never
    capped so that a real crisis phrase cannot hide behind many negated ones.
    """
    hits: list[_Hit] = []
    seen: dict[str, int] = {}
    roots, n = lex.trie.children, len(text)
    for start in range(n):
        node = roots.get(text[start])
        end = start + 1
        while node is not None:
            pattern = node.pattern
            if pattern is not None and _ascii_boundary_ok(text, start, end, pattern):
                count = seen.get(pattern, 0)
                if count < MAX_OCCURRENCES or pattern in lex.uncapped:
                    seen[pattern] = count + 1
                    hits.extend(_Hit(start, end, lex.entries[i]) for i in lex.patterns[pattern])
            if end >= n:
                break
            node = node.children.get(text[end])
            end += 1
    return hits


def _drop_contained(hits: list[tuple[_Hit, str]]) -> list[tuple[_Hit, str]]:
    """Drop hits lying strictly inside a longer hit of the same label."""
    by_label: dict[str, list[tuple[_Hit, str]]] = {}
    for item in hits:
        by_label.setdefault(item[0].entry.label, []).append(item)
    kept: list[tuple[_Hit, str]] = []
    for group in by_label.values():
        group.sort(key=lambda item: (item[0].start, -item[0].end))
        best_end, span_best_end, span = -1, -1, (-1, -1)
        for item in group:
            hit = item[0]
            if (hit.start, hit.end) != span:
                best_end, span = max(best_end, span_best_end), (hit.start, hit.end)
                span_best_end = hit.end
            if best_end < hit.end:
                kept.append(item)
    kept.sort(key=lambda item: (item[0].start, item[0].end))
    return kept


def _strip_prefixes(text: str, words: PrefixIndex, limit: int) -> str:
    """Strip up to limit leading words (longest first) from text."""
    for _ in range(limit):
        if not text:
            return text
        for word in words.get(text[0], ()):
            if text.startswith(word):
                text = text[len(word) :]
                break
        else:
            return text
    return text


def _starts_with_any(text: str, words: PrefixIndex) -> str | None:
    """Return the longest word text starts with, if any."""
    for word in words.get(text[:1], ()):
        if text.startswith(word):
            return word
    return None


def _is_negated(lex: Lexicon, tail: str) -> bool:
    """Tell whether the words right after a match deny it (e.g. 「はありません」「とは思っていない」)."""
    rest = _strip_prefixes(tail, lex.bridges, MAX_BRIDGES)
    negator = _starts_with_any(rest, lex.negators)
    return negator is not None and _starts_with_any(rest[len(negator) :], lex.undo) is None


def _core(text: str) -> str:
    """Return text without punctuation, symbols, spaces or control characters."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")


class _Context:
    """Per-message facts shared by all hit checks."""

    def __init__(self, lex: Lexicon, norm: Normalized) -> None:
        """Precompute sentence boundaries, the punctuation-free core and past markers."""
        self.lex = lex
        self.text = norm.text
        self.bounds = [i for i, ch in enumerate(self.text) if ch in _SENTENCE_ENDS]
        self.core = _core(self.text)
        self.resolutions = self._resolutions() if any(w in self.text for w in lex.past) else []
        self.requirements: dict[int, bool] = {}

    def _resolutions(self) -> list[int]:
        """Return sorted start positions of undenied present-resolution phrases (「今は大丈夫」)."""
        found: set[int] = set()
        for phrase in self.lex.resolved:
            pos = self.text.find(phrase)
            for _ in range(MAX_OCCURRENCES):
                if pos == -1:
                    break
                if not _is_negated(self.lex, self.tail(pos + len(phrase))):
                    found.add(pos)
                pos = self.text.find(phrase, pos + 1)
        return sorted(found)

    def _requirement_met(self, entry: Entry) -> bool:
        """Tell (once per entry and message) whether the message has one of the entry's required words."""
        met = self.requirements.get(id(entry))
        if met is None:
            met = self.requirements[id(entry)] = any(w in self.text for w in entry.requires)
        return met

    def sentence(self, start: int, end: int) -> str:
        """Return the sentence around text[start:end]."""
        i = bisect.bisect_left(self.bounds, start)
        left = self.bounds[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.bounds, end)
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        return self.text[left:right]

    def tail(self, end: int) -> str:
        """Return the text after a match, up to the negation window or the sentence end."""
        j = bisect.bisect_left(self.bounds, end)
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        return self.text[end : min(right, end + NEGATION_WINDOW)]

    def status(self, hit: _Hit) -> str | None:
        """Return "" if the hit counts, a status word (negated/resolved/info) if not, None to drop."""
        entry = hit.entry
        if entry.exact and self.core != _core(self.text[hit.start : hit.end]):
            return None
        if entry.at_start and not self.core.startswith(_core(self.text[hit.start : hit.end])):
            return None
        if entry.max_len is not None and len(self.core) > entry.max_len:
            return None
        if entry.requires and not self._requirement_met(entry):
            return None
        if entry.unless and any(w in self.sentence(hit.start, hit.end) for w in entry.unless):
            return None
        tail = self.tail(hit.end)
        if entry.negatable and _is_negated(self.lex, tail):
            return "negated"
        if entry.label == "crisis":
            if any(tail.startswith(w) for w in self.lex.informational):
                return "info"
            if self.resolutions and self.resolutions[-1] >= hit.end:
                return "resolved"
        return ""


def _bare(label: str) -> str:
    """Return a label without its concern:/intent: namespace."""
    return label.split(":", 1)[1] if ":" in label else label


def classify(text: str, *, extra_lexicon_dirs: Sequence[Path] = ()) -> Understanding:
    """Classify one message: crisis level, concerns, intents and the evidence behind them."""
    lex = load_lexicon(extra_lexicon_dirs)
    norm = normalize_with_spans(text, lex.emoji)
    ctx = _Context(lex, norm)
    labels: set[str] = set()
    evidence: dict[tuple[str, str], Evidence] = {}
    candidates = [(hit, ctx.status(hit)) for hit in _find_hits(lex, norm.text)]
    kept = _drop_contained([(hit, status) for hit, status in candidates if status is not None])
    others = {hit.entry.label for hit, status in kept if not status}
    kept = [(h, s) for h, s in kept if s or not h.entry.unless_labels & (others - {h.entry.label})]
    for hit, status in kept:
        if not status:
            labels.add(hit.entry.label)
            labels.update(hit.entry.also)
    for hit, status in kept:
        shown = (hit.entry.label, *hit.entry.also) if not status else ()
        if status and hit.entry.label not in labels:
            shown = (f"{status}:{_bare(hit.entry.label)}",)
        matched = norm.original_slice(text, hit.start, hit.end)
        for label in shown:
            evidence.setdefault((label, hit.entry.rule), Evidence(label, matched, hit.entry.rule))
    crisis: CrisisLevel = "crisis" if "crisis" in labels else "urgent" if "urgent" in labels else "none"
    return Understanding(
        crisis=crisis,
        concerns=tuple(c for c in CONCERNS if f"concern:{c}" in labels),
        intents=tuple(i for i in INTENTS if f"intent:{i}" in labels),
        evidence=tuple(evidence.values()),
    )


def classify_lines(in_stream: TextIO, out_stream: TextIO, *, extra_lexicon_dirs: Sequence[Path] = ()) -> int:
    """Classify each non-blank input line, writing one JSON object per line; return the count."""
    count = 0
    for line in in_stream:
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        out_stream.write(classify(text, extra_lexicon_dirs=extra_lexicon_dirs).to_json(text) + "\n")
        count += 1
    return count
