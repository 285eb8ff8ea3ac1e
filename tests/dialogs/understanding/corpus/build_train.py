"""Build train.jsonl, the learned layer's training lines, from the hand-written sources in train_source/.

Usage: python tests/dialogs/understanding/corpus/build_train.py

Source format: a header `@ level | kinds | possible_risk(0/1) | concerns | intents | style` sets the labels
of the lines under it; a line may override them as `text ## style ## concerns ## intents` (a field given
empty means no labels; a field left out keeps the header's). Besides each hand-written line the script adds
(1) its hiragana reading as a `kana` line when that differs, and (2) `long` lines that join a crisis, urgent
or possible-risk line with an ordinary concern line by the same writer (labels merged), so the model sees
risk inside longer messages. Each record keeps its `writer`, so that the training's cross-validation can hold
out whole writers. Lines that near-duplicate a dev or test line (the checker's normalised comparison; test
texts are compared, never printed) are dropped, and only their count is shown.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from check_corpus import check, load, near_duplicates  # noqa: E402

from dialogs.understanding.analyzer import reading_of  # noqa: E402

STYLE_CODES = {
    "s": "standard",
    "k": "kana",
    "d": "dialect",
    "t": "typo",
    "f": "fragment",
    "3": "third_party",
    "n": "negated",
    "i": "idiom",
    "x": "fiction_news",
    "e": "english",
    "m": "emoji",
    "y": "yasashii",
    "l": "long",
}
LONG_LINES = 260
SEED = 11
WRITERS = {
    "crisis": "s3",
    "more": "s3",
    "concerns_intents": "s3",
    "urgent_risk_negatives": "s3",
    "s14_weak_voices": "writer14a",
    "s14_edges": "writer14b",
}


def _split(field: str) -> list[str]:
    """Comma-separated labels, blanks dropped."""
    return [part.strip() for part in field.split(",") if part.strip()]


def writer_of(path: Path) -> str:
    """Return who wrote a source file: one writer may have several files (training folds hold out writers)."""
    return WRITERS.get(path.stem, path.stem)


def parse(path: Path) -> list[dict[str, Any]]:
    """Read one compact source file into records (without ids)."""
    records: list[dict[str, Any]] = []
    header: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            header = [part.strip() for part in line[1:].split("|")]
            continue
        parts = [part.strip() for part in line.split("##")]
        level, kinds, risk, concerns, intents, style = header
        if len(parts) > 1 and parts[1]:
            style = parts[1]
        if len(parts) > 2:
            concerns = parts[2]
        if len(parts) > 3:
            intents = parts[3]
        records.append(
            {
                "text": parts[0],
                "crisis": level,
                "crisis_kinds": _split(kinds),
                "possible_risk": risk == "1",
                "concerns": _split(concerns),
                "intents": _split(intents),
                "style": STYLE_CODES[style],
                "writer": writer_of(path),
            }
        )
    return records


def kana_variant(record: dict[str, Any]) -> dict[str, Any] | None:
    """The same line written in hiragana only, or None when it already is (or is English)."""
    if record["style"] in ("english", "kana", "yasashii") or record["text"].isascii():
        return None
    kana = reading_of(record["text"])
    if kana == record["text"] or any("\u4e00" <= ch <= "\u9fff" for ch in kana):
        return None
    return {**record, "text": kana, "style": "kana"}


def merged(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two lines joined as one message, with their labels merged as the label guide says."""
    levels = [first["crisis"], second["crisis"]]
    level = "crisis" if "crisis" in levels else "urgent" if "urgent" in levels else "none"
    kinds = sorted(set(first["crisis_kinds"]) | set(second["crisis_kinds"]))
    if level == "none":
        kinds = []
    return {
        "text": f"{first['text']}。{second['text']}",
        "crisis": level,
        "crisis_kinds": kinds,
        "possible_risk": level != "crisis" and (first["possible_risk"] or second["possible_risk"]),
        "concerns": sorted(set(first["concerns"]) | set(second["concerns"])),
        "intents": sorted(set(first["intents"]) | set(second["intents"])),
        "style": "long",
        "writer": second["writer"],
    }


def build() -> list[dict[str, Any]]:
    """All training records: hand-written, kana readings, and merged long lines, de-duplicated."""
    hand = [r for path in sorted((HERE / "train_source").glob("*.txt")) for r in parse(path)]
    rng = random.Random(SEED)
    risky = [r for r in hand if (r["crisis"] != "none" or r["possible_risk"]) and r["style"] != "english"]
    ordinary = [
        r
        for r in hand
        if r["crisis"] == "none" and not r["possible_risk"] and r["concerns"] and r["style"] != "english"
    ]
    longs = []
    for _ in range(LONG_LINES):
        risk = rng.choice(risky)
        same_writer = [r for r in ordinary if r["writer"] == risk["writer"]] or ordinary
        longs.append(merged(rng.choice(same_writer), risk))
    candidates = hand + [v for r in hand if (v := kana_variant(r))] + longs
    seen: set[str] = set()
    unique = []
    for record in candidates:
        if record["text"] not in seen:
            seen.add(record["text"])
            unique.append(record)
    texts = [r["text"] for r in unique]
    dropped: set[str] = set()
    for split in (
        "dev.jsonl",
        "test.jsonl",
        "test2.jsonl",
        "test3.jsonl",
        "test4.jsonl",
        "messages_dev.jsonl",
        "messages_test.jsonl",
    ):
        if (HERE / split).exists():
            others = [r["text"] for r in load(HERE / split)]
            dropped |= {train for train, _ in near_duplicates(texts, others)}
    print(f"dropped {len(dropped)} lines that near-duplicate a dev or test line", file=sys.stderr)
    kept = [r for r in unique if r["text"] not in dropped]
    return [{**r, "id": f"r{n:04d}"} for n, r in enumerate(kept, start=1)]


def main() -> int:
    """Write train.jsonl and check it."""
    records = build()
    out = HERE / "train.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    problems = check(out)
    print(f"{len(records)} lines written to {out.name}; {len(problems)} problems", file=sys.stderr)
    for problem in problems[:20]:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
