"""The 相談受付票 read field by field: whose words are whose, and whole phrases around urgency evidence.

In ひきこもり support ご本人 is the person the consultation is about, who is often not the one
writing: a mother's words are the 相談者's, not ご本人's. Urgency evidence is stored as the matched
words (「今夜は駅で過ご」); the case page shows the whole phrase around them, taken only from text
the CSW may already read (the 受付票, the case thread, and the conversation if it was shared).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dialogs.summary import label_for
from handoff import catalog

PHRASE_BREAK = re.compile(r"[。！？!?\n]")
MAX_PHRASE_CHARS = 80
QUOTES = "「」『』\"'"


def writer_label(summary: dict[str, Any]) -> str:
    """Who wrote the typed words: 相談者 with their standing (ご本人, 家族・親, 支援者 …)."""
    asker = str(summary.get("asker") or "")
    relation = str(summary.get("relation") or "")
    if asker == "self":
        return catalog.text("csw.sheet.writer_self")
    if asker in ("family", "supporter"):
        standing = catalog.text(f"csw.sheet.standing_{asker}")
        detail = label_for("relation", relation) if relation else ""
        return catalog.text(
            "csw.sheet.writer_other", standing=f"{standing}・{detail}" if detail else standing
        )
    return catalog.text("csw.sheet.writer_unknown")


@dataclass(frozen=True)
class Phrase:
    """Evidence inside its phrase: the words before, the matched words, and the words after."""

    before: str
    matched: str
    after: str


def matched_words(reason: str) -> str:
    """The matched words without the quotation marks the summary puts around them."""
    return reason.strip().strip(QUOTES).strip()


def quoted(reason: str) -> bool:
    """Tell whether a reason is the person's words (in 「」) rather than what the reading is about."""
    return reason.strip()[:1] in QUOTES


def whole_phrase(reason: str, texts: Iterable[str]) -> Phrase:
    """The sentence around `reason` in the first text that contains it (the words alone otherwise)."""
    words = matched_words(reason)
    for text in texts:
        at = text.find(words) if words else -1
        if at < 0:
            continue
        starts = [m.end() for m in PHRASE_BREAK.finditer(text, 0, at)]
        start = starts[-1] if starts else 0
        end_match = PHRASE_BREAK.search(text, at + len(words))
        end = end_match.end() if end_match else len(text)
        start = max(start, at - MAX_PHRASE_CHARS)
        end = min(end, at + len(words) + MAX_PHRASE_CHARS)
        return Phrase(text[start:at].lstrip(), words, text[at + len(words) : end].rstrip())
    return Phrase("", words, "")


def words_label(key: str) -> str:
    """The Japanese name of the question a person's typed words answer (never the field's id)."""
    return catalog.entries().get(f"csw.sheet.words_{key}") or label_for("unanswered", key)


def own_words(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """The typed words in the 受付票 as (question label, words)."""
    words = summary.get("own_words")
    if not isinstance(words, dict):
        return []
    return [(words_label(key), str(value)) for key, value in words.items() if value]


def texts_of(summary: dict[str, Any]) -> list[str]:
    """The 受付票's own typed words, for finding whole phrases."""
    return [value for _, value in own_words(summary)]
