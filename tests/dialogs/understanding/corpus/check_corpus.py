"""Check the labelled corpus files against the label vocabularies and print counts per category × style.

Usage: python tests/dialogs/understanding/corpus/check_corpus.py [file.jsonl ...]
(without arguments: every *.jsonl next to this script). Exits non-zero on the first file with errors.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, get_args

from dialogs.intake_form import BY_KEY
from dialogs.understanding.model import CONCERNS, CRISIS_LEVELS, INTENTS, CrisisKind

HERE = Path(__file__).parent
TALK_INTENTS = (
    "talk.greeting",
    "talk.thanks",
    "talk.guidance",
    "talk.listen",
    "talk.privacy_fear",
    "talk.addition",
)
ALL_INTENTS = frozenset((*INTENTS, *TALK_INTENTS))
CRISIS_KINDS = frozenset(get_args(CrisisKind))
URGENT_KINDS = frozenset(("no_shelter", "no_food", "utilities", "eviction"))
STYLES = (
    "standard",
    "kana",
    "dialect",
    "typo",
    "fragment",
    "third_party",
    "negated",
    "idiom",
    "fiction_news",
    "english",
    "emoji",
    "yasashii",
    "long",
)
HARD_NEGATIVE_STYLES = frozenset(("idiom", "negated", "fiction_news"))
ABOUTS = frozenset(("self", "other", "unknown"))
LINE_KEYS = frozenset(
    ("text", "crisis", "crisis_kinds", "possible_risk", "concerns", "intents", "style", "id")
)
ENTITY_KINDS = frozenset(("relation", "age", "age_band", "duration", "district", "contact", "hope"))
MESSAGE_KEYS = LINE_KEYS | {"expect_fallback", "persona"}


def entity_values(kind: str) -> frozenset[str] | None:
    """The allowed values of an entity kind, or None when the value is free (age, hope)."""
    keys = {"relation": "relation", "age_band": "age_band", "duration": "duration", "contact": "contact"}
    if kind == "district":
        return frozenset(BY_KEY["district"].options({}))
    if kind == "relation":
        family = BY_KEY["relation"].options({"asker": {"choice": "family"}})
        supporter = BY_KEY["relation"].options({"asker": {"choice": "supporter"}})
        return frozenset((*family, *supporter))
    if kind in keys:
        return frozenset(BY_KEY[keys[kind]].options({}))
    return None


def record_errors(record: dict[str, Any], messages: bool) -> list[str]:
    """Every problem with one record's labels."""
    errors = []
    required = MESSAGE_KEYS - {"persona"} if messages else LINE_KEYS
    allowed = (MESSAGE_KEYS if messages else LINE_KEYS) | {"entities", "writer"}
    if missing := required - record.keys():
        errors.append(f"missing {sorted(missing)}")
    if extra := record.keys() - allowed:
        errors.append(f"unknown keys {sorted(extra)}")
    if not str(record.get("text", "")).strip():
        errors.append("empty text")
    level, kinds = record.get("crisis"), record.get("crisis_kinds", [])
    if level not in CRISIS_LEVELS:
        errors.append(f"crisis {level!r}")
    if not set(kinds) <= CRISIS_KINDS:
        errors.append(f"crisis_kinds {kinds}")
    if level == "none" and kinds:
        errors.append("crisis none with kinds")
    if level == "crisis" and not set(kinds) - URGENT_KINDS:
        errors.append("crisis without a life-danger kind")
    if level == "urgent" and (not kinds or not set(kinds) <= URGENT_KINDS):
        errors.append(f"urgent kinds {kinds}")
    if level == "crisis" and record.get("possible_risk"):
        errors.append("possible_risk is for readings short of crisis")
    if not isinstance(record.get("possible_risk"), bool):
        errors.append("possible_risk not bool")
    for concern in record.get("concerns", []):
        if concern not in CONCERNS:
            errors.append(f"concern {concern!r}")
    for intent in record.get("intents", []):
        if intent not in ALL_INTENTS:
            errors.append(f"intent {intent!r}")
    if record.get("style") not in STYLES:
        errors.append(f"style {record.get('style')!r}")
    for entity in record.get("entities", []):
        values = entity_values(entity.get("kind", ""))
        if entity.get("kind") not in ENTITY_KINDS:
            errors.append(f"entity kind {entity.get('kind')!r}")
        elif values is not None and entity.get("value") not in values:
            errors.append(f"entity value {entity}")
        if entity.get("about") not in ABOUTS:
            errors.append(f"entity about {entity}")
    if messages and not isinstance(record.get("expect_fallback"), bool):
        errors.append("expect_fallback not bool")
    return errors


def category(record: dict[str, Any]) -> str:
    """The one reporting category of a record."""
    if record["crisis"] != "none":
        return record["crisis"]
    if record["possible_risk"]:
        return "possible_risk"
    if record["style"] in HARD_NEGATIVE_STYLES:
        return "hard_negative"
    if record["concerns"]:
        return "concern"
    if record["intents"]:
        return "intent"
    return "other"


NEAR_DUPLICATE_OVERLAP = 0.6
"""Character-bigram Jaccard overlap at or above which two lines count as the same line reworded."""


def normalised(text: str) -> str:
    """Text folded for comparison: NFKC, lower case, katakana as hiragana, no spaces, punctuation or marks."""
    folded = unicodedata.normalize("NFKC", text).lower()
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in folded)
    return "".join(c for c in hiragana if unicodedata.category(c)[0] in "LNS")


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of normalised text."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def near_duplicates(first: list[str], second: list[str]) -> list[tuple[str, str]]:
    """Pairs (a, b) with a from first and b from second that are equal or overlap heavily once normalised.

    Punctuation-only lines (「…」「。。。」) normalise to nothing; they are copies only when identical.
    """
    index = [(normalised(b), bigrams(normalised(b)), b) for b in second]
    pairs = []
    for a in first:
        norm = normalised(a)
        grams = bigrams(norm)
        for other_norm, other_grams, b in index:
            if a == b or (norm and norm == other_norm):
                pairs.append((a, b))
            elif grams and other_grams:
                overlap = len(grams & other_grams) / len(grams | other_grams)
                if overlap >= NEAR_DUPLICATE_OVERLAP:
                    pairs.append((a, b))
    return pairs


def load(path: Path) -> list[dict[str, Any]]:
    """The records of one JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(path: Path) -> list[str]:
    """Every problem in one file, with record ids."""
    messages = path.name.startswith("messages_")
    records = load(path)
    problems = [f"{r.get('id')}: {e}" for r in records for e in record_errors(r, messages)]
    ids = Counter(r.get("id") for r in records)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    texts = Counter(r.get("text") for r in records)
    problems += [f"duplicate text {t!r}" for t, n in texts.items() if n > 1]
    return problems


def summary(path: Path) -> str:
    """Counts per category × style, per concern and per intent family, as plain text."""
    records = load(path)
    table = Counter((category(r), r["style"]) for r in records)
    categories = ("crisis", "urgent", "possible_risk", "hard_negative", "concern", "intent", "other")
    used_styles = [s for s in STYLES if any(r["style"] == s for r in records)]
    rows = [f"{path.name}: {len(records)} records", "| category | " + " | ".join(used_styles) + " | total |"]
    rows.append("|---" * (len(used_styles) + 2) + "|")
    for name in categories:
        cells = [str(table[(name, s)]) for s in used_styles]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {sum(table[(name, s)] for s in used_styles)} |")
    concerns = Counter(c for r in records for c in r["concerns"])
    rows.append("concerns: " + ", ".join(f"{c} {concerns[c]}" for c in CONCERNS))
    intents = Counter(i for r in records for i in r["intents"])
    rows.append(f"lines with intents: {sum(1 for r in records if r['intents'])}")
    rows.append("intents: " + ", ".join(f"{i} {intents[i]}" for i in sorted(ALL_INTENTS)))
    kinds = Counter(k for r in records for k in r["crisis_kinds"])
    rows.append("crisis_kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    rows.append(f"lines with entities: {sum(1 for r in records if r.get('entities'))}")
    if path.name.startswith("messages_"):
        rows.append(f"expect_fallback: {sum(1 for r in records if r['expect_fallback'])}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    """Check the given files (or all corpus files) and print their summaries."""
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.jsonl"))
    failed = False
    splits = [("test.jsonl", "dev.jsonl"), ("messages_test.jsonl", "messages_dev.jsonl")]
    for test_name, dev_name in splits:
        if (HERE / test_name).exists() and (HERE / dev_name).exists():
            test_texts = [r["text"] for r in load(HERE / test_name)]
            dev_texts = [r["text"] for r in load(HERE / dev_name)]
            for a, b in near_duplicates(test_texts, dev_texts):
                print(f"near duplicate across {test_name} and {dev_name}: {a!r} ~ {b!r}")
                failed = True
    for path in paths:
        problems = check(path)
        for problem in problems:
            print(f"{path.name}: {problem}")
        failed = failed or bool(problems)
        print(summary(path))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
