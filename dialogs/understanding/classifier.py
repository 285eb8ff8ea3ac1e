"""Lexicon-and-rules classifier: crisis level, concerns, intents, with evidence for each."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dialogs.understanding import learned
from dialogs.understanding.analyzer import Token, analyze, as_written, tidy
from dialogs.understanding.entities import about_of_concerns, find_entities, language_of, only_cautions
from dialogs.understanding.grammar import Features, features, is_boundary, is_topic_comma
from dialogs.understanding.lexicon import GAP, MAX_GAP, Entry, LemmaRule, Lexicon, PrefixIndex, load_lexicon
from dialogs.understanding.model import (
    CONCERNS,
    CRISIS_KINDS,
    INTENTS,
    CrisisKind,
    CrisisLevel,
    Entity,
    Evidence,
    Understanding,
)
from dialogs.understanding.normalize import Normalized, normalize_with_spans, readable, standard_reading

MAX_OCCURRENCES = 32
CHILDHOOD_KINDS = frozenset(("violence", "child_abuse"))
"""Kinds told of the writer's childhood that are a past, not a danger now (a wish to die is not)."""
NEGATION_WINDOW = 24
MAX_BRIDGES = 4
_SENTENCE_ENDS = frozenset("。!?\n.")
_NOT_PAST = frozenset(("もう", "ころ"))
"""Past markers that also mean 'now, any more' (もう死にたい) or stand inside other words (ところ): they
 place no match in the past alone."""
_CLAUSE_MARKS = ("けど", "けれど")
"""Contrasts that end a clause inside a sentence, for where a fiction frame reaches (a bare 、 does not:
「ネットのニュースで、屋上から人が落ちたって」 is still the news)."""


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


def _kana_boundary_ok(text: str, start: int) -> bool:
    """A kana reading of a kanji phrase must not start right after a kanji (押し付けられ ≠ 蹴られ)."""
    return start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff")


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
            if (
                pattern is not None
                and _ascii_boundary_ok(text, start, end, pattern)
                and (pattern not in lex.kana_only or _kana_boundary_ok(text, start))
            ):
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

    def __init__(self, lex: Lexicon, norm: Normalized, original: str, tokens: tuple[Token, ...]) -> None:
        """Precompute sentence boundaries, the punctuation-free core, past markers and fiction frames."""
        self.lex = lex
        self.norm = norm
        self.text = norm.text
        self.bounds = [i for i, ch in enumerate(self.text) if ch in _SENTENCE_ENDS]
        self.core = _core(self.text)
        self.resolutions = self._resolutions() if any(w in self.text for w in lex.past) else []
        self.requirements: dict[int, bool] = {}
        self.token_starts = _token_offsets(original, tokens)
        self.frames: list[int] = []
        if not any(w in self.text for w in lex.self_now):
            self.frames = self._frames(original, tokens)

    def _frames(self, original: str, tokens: tuple[Token, ...]) -> list[int]:
        """Return the sorted start positions of fiction words that frame what follows (映画で, ゲームの).

        A fiction word that is only the first part of a compound names something else (ゲーム仲間,
        ゲームオーバー, 映画館): the compound's head comes last, so it frames nothing.
        """
        found: set[int] = set()
        for word in self.lex.fiction:
            pos = self.text.find(word)
            for _ in range(MAX_OCCURRENCES):
                if pos == -1:
                    break
                end = self.norm.ends[pos + len(word) - 1]
                timed = any(self.text.startswith(w, pos) for w in self.lex.not_a_frame)
                if not timed and not _compound_head_follows(original, tokens, self.token_starts, end):
                    found.add(pos)
                pos = self.text.find(word, pos + 1)
        return sorted(found)

    def fiction(self, at: int) -> bool:
        """Tell whether a fiction frame holds position at: one in its own sentence, or one in an earlier
        sentence when its own sentence puts the words in someone else's mouth (「アニメを見た。主人公が
        死にたいと叫んでいた」). The writer's own words after a game or a drama (「毎日ゲームしかしてない。
        もう死にたい」) are not framed."""
        if not self.frames:
            return False
        start, end = self.clause_start(at), self.sentence_end(at)
        if any(start <= frame <= end for frame in self.frames):
            return True
        if self.frames[0] > start:
            return False
        clause = self.text[start:end]
        return any(word in clause for word in self.lex.fiction_voice)

    def clause_start(self, at: int) -> int:
        """Return where the clause holding position at begins: after the sentence's last contrast before it
        (「ゲームばかりしてたけど、もう死にたい」 has two clauses)."""
        start = self.sentence_start(at)
        for mark in _CLAUSE_MARKS:
            found = self.text.rfind(mark, start, at)
            if found != -1 and not any(
                self.text.endswith(w, start, found + len(mark)) for w in self.lex.topic_intro
            ):
                start = max(start, found + len(mark))
        return start

    def sentence_start(self, at: int) -> int:
        """Return the position where the sentence holding position at begins."""
        j = bisect.bisect_left(self.bounds, at)
        return self.bounds[j - 1] + 1 if j > 0 else 0

    def sentence_end(self, at: int) -> int:
        """Return the position of the end of the sentence holding position at."""
        j = bisect.bisect_left(self.bounds, at)
        return self.bounds[j] if j < len(self.bounds) else len(self.text)

    def position_of_token(self, index: int) -> int:
        """Return where tokens[index] stands in the normalised text (or near, if tidied)."""
        if not self.token_starts:
            return 0
        offset = self.token_starts[min(index, len(self.token_starts) - 1)]
        return min(bisect.bisect_left(self.norm.starts, offset), max(len(self.text) - 1, 0))

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

    def told_as_past(self, start: int, end: int) -> bool:
        """Tell whether the sentence of a match places it in the past (当時, 昔, 〜ていた; not もう, which
        also says 'any more'): a resolution told before it then covers it (「5年前に離婚しました。当時は毎晩
        殴られていました」), while a danger told now after a resolution still counts."""
        sentence = self.sentence(start, end)
        return any(w in sentence for w in self.lex.past if w not in _NOT_PAST)

    def requirement_met(self, entry: Entry) -> bool:
        """Tell (once per entry and message) whether the message has one of the entry's required words."""
        met = self.requirements.get(id(entry))
        if met is None:
            met = self.requirements[id(entry)] = any(w in self.text for w in entry.requires)
        return met

    def excluded(self, entry: Entry, start: int, end: int) -> bool:
        """Tell whether an unless word stands in the match's sentence, or an unless_message word anywhere."""
        if entry.unless and any(w in self.sentence(start, end) for w in entry.unless):
            return True
        if not entry.unless_message:
            return False
        key = -id(entry)
        found = self.requirements.get(key)
        if found is None:
            found = self.requirements[key] = any(w in self.text for w in entry.unless_message)
        return found

    def told_of_childhood(self, entry: Entry, start: int, end: int) -> bool:
        """Whether violence is placed in the writer's childhood (「ガキの頃、親父によう叩かれたわ」) and
        nothing in the message tells of it now or lately (今も, 昨日, 毎日; 「小さい頃から」 goes on)."""
        if entry.kind not in CHILDHOOD_KINDS or not self.lex.childhood:
            return False
        sentence = self.sentence(start, end)
        placed = [w for w in self.lex.childhood if w in sentence]
        if not placed or any(f"{w}から" in sentence for w in placed):
            return False
        return not any(w in self.text for w in self.lex.lately)

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
        if entry.requires and not self.requirement_met(entry):
            return None
        if self.excluded(entry, hit.start, hit.end):
            return None
        tail = self.tail(hit.end)
        if entry.negatable and _is_negated(self.lex, tail):
            return "negated"
        if entry.label == "crisis":
            if self.fiction(hit.start):
                return "fiction"
            if any(tail.startswith(w) for w in self.lex.informational):
                return "info"
            if self.resolutions and self.resolutions[-1] >= hit.end:
                return "resolved"
            if self.told_of_childhood(entry, hit.start, hit.end):
                return "resolved"
        return ""


def _token_offsets(original: str, tokens: tuple[Token, ...]) -> list[int]:
    """Return where each token starts in the original text (where tidying changed letters, a near place)."""
    starts: list[int] = []
    cursor = 0
    for token in tokens:
        at = original.find(token.surface, cursor) if token.surface else -1
        if at < 0 or at > cursor + 8:
            starts.append(cursor)
            cursor += len(token.surface)
            continue
        starts.append(at)
        cursor = at + len(token.surface)
    return starts


_NOT_NOUNS = frozenset(("動詞", "助詞", "形容詞", "副詞"))
"""Parts of speech that end a word which cannot start a compound noun (役をやる, 歌の)."""


def _compound_head_follows(original: str, tokens: tuple[Token, ...], starts: list[int], end: int) -> bool:
    """Tell whether a noun continues the noun ending at original[end] (ゲーム|仲間, 映画|館, ゲーム|オーバー).

    A word ending in a verb or a particle (役をやる, 歌の) is never the first part of a compound. Where the
    analyzer did not read the word as a noun of its own (げーむ仲間 split as げ + む), a kanji or katakana
    right after it is taken as a compound's head.
    """
    ends_a_noun: bool | None = None
    for index, start in enumerate(starts):
        token = tokens[index]
        stop = start + len(token.surface)
        if start < end < stop:
            return token.pos == "名詞"  # the word is the start of a longer noun (ゲームオーバー)
        if stop == end:
            ends_a_noun = True if token.pos == "名詞" else False if token.pos in _NOT_NOUNS else None
        if start == end:
            if ends_a_noun is None:
                return _is_kanji_or_katakana(original[end])
            return ends_a_noun and token.pos == "名詞" and token.pos2 not in ("数詞", "助動詞語幹")
    return False


def _is_kanji_or_katakana(ch: str) -> bool:
    """Tell whether a character is a kanji or a katakana (a noun's letters)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u30a1" <= ch <= "\u30fa"


def _bare(label: str) -> str:
    """Return a label without its concern:/intent: namespace."""
    return label.split(":", 1)[1] if ":" in label else label


def _rule_holds(rule: LemmaRule, found: Features) -> bool:
    """Tell whether the predicate's grammar is what the lemma rule asks for (negation aside)."""
    if rule.voice == "passive" and not found.passive:
        return False
    if rule.voice == "active" and (found.passive or found.causative):
        return False
    if rule.voice == "causative" and not found.causative:
        return False
    if rule.moods and not rule.moods & found.moods():
        return False
    if rule.tense == "past" and not found.past:
        return False
    return not (rule.tense == "nonpast" and found.past)


def _same_word(token: Token, word: str) -> bool:
    """Tell whether a token is the rule's word, by lemma or as written."""
    return token.lemma == word or token.surface == word


def _match_end(tokens: tuple[Token, ...], i: int, words: tuple[str, ...], written: tuple[str, ...]) -> int:
    """Return the index of the last token matching words from tokens[i] (GAP skips up to MAX_GAP), or -1."""
    if not words:
        return i - 1
    word, rest, other, rest_written = words[0], words[1:], written[0], written[1:]
    if word == GAP:
        for skip in range(MAX_GAP + 1):
            passed = i + skip - 1
            if skip and (
                passed >= len(tokens) or (is_boundary(tokens[passed]) and not is_topic_comma(tokens, passed))
            ):
                break
            end = _match_end(tokens, i + skip, rest, rest_written)
            if end >= 0:
                return end
        return -1
    if i >= len(tokens) or not (_same_word(tokens[i], word) or _same_word(tokens[i], other)):
        return -1
    return _match_end(tokens, i + 1, rest, rest_written)


def _possible(rule: LemmaRule, present: set[str], verdicts: dict[int, bool]) -> bool:
    """Tell (once per rule and message) whether every word of the rule occurs in the message at all."""
    verdict = verdicts.get(id(rule))
    if verdict is None:
        verdict = verdicts[id(rule)] = all(
            word == GAP or word in present or written in present
            for word, written in zip(rule.lemmas, rule.written, strict=True)
        )
    return verdict


def _lemma_hits(
    lex: Lexicon, tokens: tuple[Token, ...], done: set[int]
) -> Iterator[tuple[LemmaRule, int, Features]]:
    """Yield each lemma rule whose words occur in sequence and whose grammar holds (skipping done entries)."""
    present = {t.lemma for t in tokens} | {t.surface for t in tokens}
    verdicts: dict[int, bool] = {}
    for i, token in enumerate(tokens):
        candidates = lex.lemma_rules.get(token.lemma, ())
        if token.surface != token.lemma and token.surface in lex.lemma_rules:
            candidates = (*candidates, *lex.lemma_rules[token.surface])
        tried: set[int] = set()
        for rule in candidates:
            if rule.entry in done or id(rule) in tried or not _possible(rule, present, verdicts):
                continue
            tried.add(id(rule))
            last = _match_end(tokens, i + 1, rule.lemmas[1:], rule.written[1:])
            if last < i:
                continue
            found = features(tokens, last)
            if _rule_holds(rule, found):
                yield rule, i, found


class _Reading:
    """Labels, evidence and crisis kinds gathered from the surface and lemma matches of one message.

    A surface crisis phrase that a lemma rule read as negated or as an idiom over the same words is
    dropped (「しにたくなんかないよ」, 「消えたいくらい恥ずかしい」): the grammar knows better.
    """

    def __init__(self) -> None:
        """Start empty."""
        self.counted: list[tuple[Entry, str, str]] = []
        self.by_lemma: set[str] = set()
        self.notes: dict[tuple[str, str], Evidence] = {}
        self.denied: set[str] = set()
        self.denied_kinds: set[str] = set()
        self.done: set[int] = set()

    def count(self, entry: Entry, matched: str, rule: str, *, lemma: bool = False) -> None:
        """Record a counted match (lemma: found by a lemma rule, so never overruled by one)."""
        self.counted.append((entry, matched, rule))
        if lemma and entry.label == "crisis":
            self.by_lemma.add(_fold_words(matched))

    def note(self, label: str, matched: str, rule: str) -> None:
        """Record a match that does not count (negated, resolved, informational, idiom) as evidence only."""
        self.notes.setdefault((label, rule), Evidence(label, matched, rule))
        if label in ("negated:crisis", "idiom:crisis"):
            self.denied.add(_fold_words(matched))

    def finish(self) -> tuple[set[str], tuple[Evidence, ...], set[str]]:
        """Return the labels, the evidence and the crisis kinds of the counted matches."""
        labels: set[str] = set()
        kinds: set[str] = set()
        evidence: dict[tuple[str, str], Evidence] = {}
        for entry, matched, rule in self.counted:
            if entry.label == "crisis" and self._denied(matched):
                self.note("negated:crisis", matched, rule)
                self.denied_kinds.add(entry.kind or "")
                continue
            labels.add(entry.label)
            labels.update(entry.also)
            if entry.kind is not None and entry.label in ("crisis", "urgent"):
                kinds.add(entry.kind)
            for label in (entry.label, *entry.also):
                evidence.setdefault((label, rule), Evidence(label, matched, rule))
        for key, note in self.notes.items():
            if _bare(note.label) not in labels and note.label.split(":")[-1] not in labels:
                evidence.setdefault(key, note)
        return labels, tuple(evidence.values()), kinds

    def _denied(self, matched: str) -> bool:
        """Tell whether lemma rules read these words only as negated or idiomatic, never as meant."""
        words = _fold_words(matched)
        if not words or any(words in c or c in words for c in self.by_lemma if c):
            return False
        return any(d and (words in d or d in words) for d in self.denied)


def _fold_words(text: str) -> str:
    """Return text in NFKC without punctuation, for comparing matched words across the two passes."""
    return _core(unicodedata.normalize("NFKC", text))


def _surface(lex: Lexicon, text: str, norm: Normalized, ctx: _Context, reading: _Reading) -> None:
    """Match the surface patterns (phrases, emoji, brand names) on the normalised text."""
    hits = [hit for hit in _find_hits(lex, norm.text) if not _word_for_emoji(lex, text, norm, hit)]
    candidates = [(hit, ctx.status(hit)) for hit in hits]
    kept = _drop_contained([(hit, status) for hit, status in candidates if status is not None])
    others = {hit.entry.label for hit, status in kept if not status}
    kept = [(h, s) for h, s in kept if s or not h.entry.unless_labels & (others - {h.entry.label})]
    counted = {hit.entry.label for hit, status in kept if not status}
    for hit, status in kept:
        matched = norm.original_slice(text, hit.start, hit.end)
        if not status:
            reading.count(hit.entry, matched, hit.entry.rule)
        elif hit.entry.label not in counted:
            reading.note(f"{status}:{_bare(hit.entry.label)}", matched, hit.entry.rule)
            if status == "negated" and hit.entry.label == "crisis":
                reading.denied_kinds.add(hit.entry.kind or "")


def _word_for_emoji(lex: Lexicon, text: str, norm: Normalized, hit: _Hit) -> bool:
    """Tell whether a phrase written as an emoji (💀, read as 死) matched the same word written in letters
    (the 死 of 「爆死」): it stands for the emoji only."""
    if (norm.text[hit.start : hit.end], hit.entry.rule) not in lex.emoji_patterns:
        return False
    written = norm.original_slice(text, hit.start, hit.end)
    return not any(unicodedata.category(ch) in ("So", "Sk") for ch in written)


def _informational(lex: Lexicon, tokens: tuple[Token, ...], end: int) -> bool:
    """Tell whether the words after a match make it about people in general (死にたい人向けの窓口)."""
    tail = normalize_with_spans("".join(t.surface for t in tokens[end : end + 6]), lex.emoji).text
    return any(tail.startswith(w) for w in lex.informational)


def _lemmas(lex: Lexicon, text: str, tokens: tuple[Token, ...], ctx: _Context, reading: _Reading) -> None:
    """Match the lemma rules with their grammar on the analyzed words."""
    for rule, start, found in _lemma_hits(lex, tokens, reading.done):
        entry = lex.entries[rule.entry]
        matched = as_written(text, tokens, start, found.chain_end)
        if entry.requires and not ctx.requirement_met(entry):
            continue
        at = ctx.position_of_token(start)
        if ctx.excluded(entry, at, ctx.position_of_token(max(found.chain_end - 1, start))):
            continue
        label = f"{entry.rule} [{rule.describe()}]"
        if found.idiom and not rule.idiom:
            reading.note(f"idiom:{_bare(entry.label)}", matched, label)
            continue
        if rule.negated and not found.negated:
            continue  # a rule that needs a negation (もう戻らない) denies nothing where there is none
        if rule.negated is False and found.negated:
            reading.note(f"negated:{_bare(entry.label)}", matched, label)
            if entry.label == "crisis":
                reading.denied_kinds.add(entry.kind or "")
            continue
        if entry.label == "crisis" and ctx.fiction(at):
            reading.note("fiction:crisis", matched, label)
            continue
        if entry.label == "crisis" and _informational(lex, tokens, found.chain_end):
            reading.note("info:crisis", matched, label)
            continue
        end = ctx.position_of_token(max(found.chain_end - 1, start))
        resolved = bool(ctx.resolutions) and (ctx.resolutions[-1] >= end or ctx.told_as_past(at, end))
        if entry.label == "crisis" and (resolved or ctx.told_of_childhood(entry, at, end)):
            reading.note("resolved:crisis", matched, label)
            continue
        reading.count(entry, matched, label, lemma=True)
        reading.done.add(rule.entry)


_QUESTION_ENDS = ("?", "？", "か")
_QUESTION_TAIL = frozenset({"か", "の", "ん", "よ", "ね", "な", "かな", "かね", "よね", "ほんと", "本当"})
"""Words that may follow the verb of a question that asks whether something is gone (消えたの？)."""


def _denies_dying(evidence: list[Evidence]) -> bool:
    """Whether the rules read a denial of dying in the message (「死にたいなどということはございません」):
    then the learned layer alone may not call it crisis on the message's other words."""
    return any(e.label == "negated:crisis" for e in evidence)


def _model_may_call_crisis(lex: Lexicon, text: str, tokens: tuple[Token, ...]) -> bool:
    """Whether the learned layer alone may call this message crisis.

    English needs a word of danger in it (the model once read "living" in 「I am from Vietnam, living
    here 3 years」 as crisis); a question whether something is gone, its verb in the past
    (「ほんとに消えた？」 right after deleting one's data), wishes nothing and is not crisis; nor is a wish
    to leave someone (「夫から離れたい」), nor passing the time (「図書館で時間をつぶしております」),
    nor a relative away at work while the writer looks after someone (「親は仕事でほぼいないから俺がみてる」),
    nor a message whose last point is opened as such (「最後に一番伝えたいこと：夫には内緒に」),
    nor a worry for who is left after a death (「私が死んだら弟どうなるの」, 親亡き後), nor a death told as
    what happened (「家内が去年他界しまして」), nor a baby who cries or will not sleep
    (「赤ちゃんが泣き止まなくて私も泣いてばかり」), nor a relative's lost job told as what happened
    (「夫が半年前に会社を解雇されまして、それ以来…昼間からお酒を飲んでおります」), nor talk of prevention work
    (「自殺予防のゲートキーパー講座を受けました」),
    nor cautions alone (「家の電話にはかけないでください」).
    """
    if language_of(text) == "en":
        folded = normalize_with_spans(text, lex.emoji).text
        return any(_word_start_in(folded, start) for start in lex.english_risk)
    normalized = normalize_with_spans(text, lex.emoji).text
    settings = (
        *lex.leaving,
        *lex.killing_time,
        *lex.someone_away,
        *lex.closing_words,
        *lex.bereaved,
        *lex.baby_care,
        *lex.prevention,
    )
    if any(words in normalized for words in settings) or only_cautions(text):
        return False
    job_lost = any(words in normalized for words in lex.job_lost)
    if job_lost and any(words in normalized for words in lex.relative_subject):
        return False  # 「夫が半年前に会社を解雇されまして…お酒を飲んでおります」: what happened to him
    after_death = any(words in normalized for words in lex.after_death)
    if after_death and any(words in normalized for words in lex.future_worry):
        return False
    if not text.strip().endswith(_QUESTION_ENDS):
        return True
    for index, token in enumerate(tokens):
        if token.lemma in lex.vanished or token.surface in lex.vanished:
            found = features(tokens, index)
            tail = tokens[found.chain_end + 1 :]
            asks = all(t.surface in _QUESTION_TAIL or not _core(t.surface) for t in tail)
            if found.past and found.moods() == {"plain"} and asks:
                return False
    return True


def _drinks_without_pills(lex: Lexicon, text: str) -> bool:
    """Whether the message names a drink (「ストロング」「ビール」「酒」) and no medicine or pills."""
    folded = normalize_with_spans(text, lex.emoji).text
    drink = any(word in folded for word in lex.drinking)
    return drink and not any(word in folded for word in lex.pills_named)


def _word_start_in(text: str, start: str) -> bool:
    """Whether `start` occurs in `text` at the beginning of a word."""
    at = text.find(start)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find(start, at + 1)
    return False


HESITATION = re.compile(r"\s*[うウｳ][ー〜~～ｰ]+[んンﾝ]")
"""「うーん」 is a hesitation; normalising drops its long vowel, which would leave 「うん」 (yes)."""

BATTERY_NOT = frozenset({"concern:economic", "concern:debt"})
"""Concerns the learned layer alone may not read in words of a phone's charge (「充電あと20%」)."""

SHORT_REPLY_CHARS = 20
"""Up to this length, a message with a rule-read intent takes no concern from the learned layer alone."""


def _add_learned(
    lex: Lexicon,
    text: str,
    tokens: tuple[Token, ...],
    labels: set[str],
    evidence: list[Evidence],
    kinds: set[str],
) -> None:
    """Add what the learned models find beyond the rules: crisis by OR, concerns by union, intents where
    the rules read none of that family.

    A sentence whose crisis or urgent phrase the rules read as negated, idiomatic, fictional, resolved
    or informational cannot make that level on the model's word alone. Each addition carries as evidence the
    person's words behind the model's strongest features, one Evidence each, with rule "model:<name>".
    """
    found = learned.verdicts(learned.load_weights(), tokens, lex.emoji, CONCERNS, evidence)
    rule_crisis = "crisis" in labels
    rule_families = {
        learned.intent_family(label.removeprefix("intent:"))
        for label in labels
        if label.startswith("intent:")
    }
    split = list(learned.sentences(tokens))

    def add(label: str, score: learned.Score) -> None:
        labels.add(label)
        for words in learned.words_of(score, split, text) or [""]:
            evidence.append(Evidence(label, words, f"model:{score.name}"))

    # A request to delete one's data is read as that (「私の情報を全部削除して」 once scored crisis on 全部).
    # The crisis model needs the model of one life-danger kind to agree, as in the threshold search
    # (dialogs/understanding/train.py): on writers held out, that caught more crisis at the same false rate.
    # Drink named without medicine (「のみすぎた　ストロング5本目」) is drinking: no overdose on the model's
    # word alone.
    drinking_only = _drinks_without_pills(lex, text)
    life_kinds = tuple(k for k in learned.LIFE_KINDS if not (drinking_only and k == "overdose"))
    life = [k for k in found.kinds if k.fires and k.name.removeprefix("kind:") in life_kinds]
    if (
        found.crisis.fires
        and life
        and "crisis" not in labels
        and "intent:cmd.delete" not in labels
        and not _denies_dying(evidence)
        and _model_may_call_crisis(lex, text, tokens)
    ):
        add("crisis", found.crisis)
        kinds.update(learned.chosen_kinds(found, life_kinds))
    # Possible risk stays the rules' alone: on whole conversations (tests/dialogs/test_journeys.py) its
    # model fired on ordinary lines (「夜も眠れていません」), asking about dying without cause.
    # Urgent needs the urgent model and one urgent kind's model to agree: the urgent model alone fired
    # on ordinary worries in whole conversations (「お金もありません」 read as no bed tonight).
    # Having no food needs a word of food or of the cash in hand: 「お金もないし」 is a money worry.
    # No bed tonight needs no word of one (「ネカフェにいる、今日は泊まれる」).
    folded = normalize_with_spans(text, lex.emoji).text
    bed = any(word in folded for word in lex.bed_tonight)
    told = [
        k
        for k in learned.URGENT_KINDS
        if (k != "no_food" or any(word in folded for word in lex.food)) and (k != "no_shelter" or not bed)
    ]
    named = [k for k in found.kinds if k.fires and k.name.removeprefix("kind:") in told]
    if found.urgent.fires and named and not labels & {"crisis", "urgent"}:
        add("urgent", found.urgent)
        kinds.update(learned.chosen_kinds(found, told))
    # A short message the rules read as a request or a reply (「よろしく頼みます」「もう寝ます」) names no
    # worry of its own: a concern there would be the model's guess alone. Signs of violence still count.
    short_reply = len(text) <= SHORT_REPLY_CHARS and any(label.startswith("intent:") for label in labels)
    # A past the rules read as resolved (「昔は死にたかったけど今は大丈夫」) names no worry now.
    quiet = short_reply or any(e.label.startswith("resolved:") for e in evidence)
    # A phone's charge running low (「スマホの充電あと20%」) is no money worry nor utilities cut.
    battery = any(word in folded for word in lex.battery)
    # In English the learned layer's violence guess needs a word of harm (「My husband … left us」 is no
    # violence): its English lines are few.
    harm_named = any(_word_start_in(folded, start) for start in lex.english_risk)
    english_unhurt = language_of(text) == "en" and not harm_named
    for score in found.concerns:
        if battery and score.name in BATTERY_NOT:
            continue
        if english_unhurt and score.name == "concern:violence":
            continue
        if score.fires and score.name not in labels and (not quiet or score.name == "concern:violence"):
            add(score.name, score)
    # An intent only where the rules read none of its family (the model never overrules their reading),
    # and never on a crisis message: its reply comes first, and a wrong question answered there would jar.
    for score in found.intents if not rule_crisis else ():
        if score.fires and learned.intent_family(score.name.removeprefix("intent:")) not in rule_families:
            add(score.name, score)


def _in_standard_words(lex: Lexicon, text: str, reading: _Reading) -> None:
    """Read a message in dialect a second time in standard words (「担当の人さ伝えでけろ」 as 「担当の人に
    伝えてください」, `standard_reading`): the questions, requests and worries either reading finds count,
    so the entries written in dialect (「人さつないで」「話っこ」) still match the words as typed. Danger is
    read from the words as typed only (its evidence is quoted to staff as the person's own words)."""
    standard = standard_reading(text)
    if standard == text:
        return
    norm = normalize_with_spans(standard, lex.emoji)
    tokens = analyze(tidy(standard))
    ctx = _Context(lex, norm, standard, tokens)
    second = _Reading()
    _surface(lex, standard, norm, ctx, second)
    _lemmas(lex, standard, tokens, ctx, second)
    for entry, matched, rule in second.counted:
        labels = (entry.label, *entry.also)
        if all(label.startswith(STANDARD_READING_LABELS) for label in labels):
            reading.count(entry, matched, rule)


def _considerations_in_standard_words(text: str, found: Sequence[Entity]) -> tuple[Entity, ...]:
    """The consideration a dialect message asks for, read in standard words when the words as typed
    gave none (「息子さ知られねぇように相談できるべか」 as 「息子に知られないように…」), in the person's
    own words."""
    standard = standard_reading(text)
    if standard == text or any(e.kind == "consideration" for e in found):
        return ()
    read = find_entities(standard, analyze(tidy(standard)))
    return tuple(
        Entity(e.kind, text.strip(), e.about, text.strip()) for e in read if e.kind == "consideration"
    )[:1]


STANDARD_READING_LABELS = ("intent:", "concern:")

SELF_DANGER = frozenset(("suicidal", "self_harm", "overdose"))
"""Kinds whose denial, beside words of exhaustion, leaves a sign short of crisis."""


PLAYED_DOWN_REACH = 6
"""How far after a word of exhaustion 〜だけ may stand to play it down (疲れただけ, つらいだけです)."""


def _played_down(text: str, end: int) -> bool:
    """Tell whether 〜だけ follows a word of exhaustion closely in its sentence (「ちょっと疲れただけ」)."""
    tail = text[end : end + PLAYED_DOWN_REACH]
    for mark in _SENTENCE_ENDS:
        tail = tail.split(mark, 1)[0]
    return "だけ" in tail


def _weary_beside_denial(
    lex: Lexicon, text: str, norm: Normalized, reading: _Reading, labels: set[str], evidence: list[Evidence]
) -> None:
    """Read possible risk where the rules noted a denial of dying or of hurting oneself and the message
    tells of exhaustion (「死にたいとかじゃないけど、毎日しんどい」「しぬつもりはないけど、つかれた」): the
    person brought the thought up to set it aside, and is worn out. Alone, such words are everyday, and so
    they are when played down (「ただ疲れただけ」)."""
    if "crisis" in labels or "possible_risk" in labels or not reading.denied_kinds & SELF_DANGER:
        return
    for word in lex.weary:
        at = norm.text.find(word)
        if at >= 0 and not _played_down(norm.text, at + len(word)):
            labels.update(("possible_risk", "concern:mental_health"))
            matched = norm.original_slice(text, at, at + len(word))
            evidence.append(Evidence("possible_risk", matched, "context.yaml#weary"))
            evidence.append(Evidence("concern:mental_health", matched, "context.yaml#weary"))
            return


"""What the standard-words reading of a dialect message may add: questions, requests and worries."""


def classify(
    text: str, *, extra_lexicon_dirs: Sequence[Path] = (), rules_only: bool = False
) -> Understanding:
    """Classify one message: crisis level, concerns, intents, entities and the evidence behind them.

    The lexicon rules read first; the learned layer (dialogs/understanding/learned.py) then adds what
    it finds beyond them, unless rules_only (used to report the two side by side).
    """
    lex = load_lexicon(extra_lexicon_dirs)
    text = readable(text)  # 「シゴト ハケン キラレタ」 as 「仕事 派遣 切られた」
    norm = normalize_with_spans(text, lex.emoji)
    tokens = analyze(tidy(text))
    ctx = _Context(lex, norm, text, tokens)
    reading = _Reading()
    _surface(lex, text, norm, ctx, reading)
    _lemmas(lex, text, tokens, ctx, reading)
    _in_standard_words(lex, text, reading)
    labels, rule_evidence, found_kinds = reading.finish()
    evidence = list(rule_evidence)
    _weary_beside_denial(lex, text, norm, reading, labels, evidence)
    if HESITATION.match(text):
        labels.discard("intent:cmd.yes")
        evidence = [e for e in evidence if e.label != "intent:cmd.yes"]
    if not rules_only:
        _add_learned(lex, text, tokens, labels, evidence, found_kinds)
    crisis: CrisisLevel = "crisis" if "crisis" in labels else "urgent" if "urgent" in labels else "none"
    concerns = tuple(c for c in CONCERNS if f"concern:{c}" in labels)
    kinds: tuple[CrisisKind, ...] = tuple(k for k in CRISIS_KINDS if k in found_kinds)
    return Understanding(
        crisis=crisis,
        concerns=concerns,
        intents=tuple(i for i in INTENTS if f"intent:{i}" in labels),
        evidence=tuple(evidence),
        crisis_kinds=kinds if crisis != "none" else (),
        possible_risk="possible_risk" in labels and crisis != "crisis",
        concern_about=about_of_concerns(concerns, evidence, tokens),
        entities=(*(found := find_entities(text, tokens)), *_considerations_in_standard_words(text, found)),
        language=language_of(text),
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
