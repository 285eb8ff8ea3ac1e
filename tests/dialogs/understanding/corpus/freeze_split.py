"""Freeze a new evaluation split from a compact source file written by a writer who never saw the analyzer.

Usage: python tests/dialogs/understanding/corpus/freeze_split.py SOURCE NAME ID_PREFIX "WHO AND HOW"

Reads SOURCE in build_train.py's compact format, drops lines that repeat one another or near-duplicate a line
of any other corpus file (only the count is printed, never the texts), numbers the rest ID_PREFIX0001…,
writes NAME (e.g. test2.jsonl), checks it, and records its SHA-256 with a dated note in FROZEN. Run it once,
before the analyzer has read a single line of the split; from then on the split is measured, never tuned on.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from build_train import parse  # noqa: E402
from check_corpus import check, load, near_duplicates  # noqa: E402


def main(argv: list[str]) -> int:
    """Write and freeze the split; return 1 when it already exists or has problems."""
    source, name, prefix, about = Path(argv[0]), argv[1], argv[2], argv[3]
    out = HERE / name
    if out.exists():
        print(f"{name} exists: a frozen split is never rewritten", file=sys.stderr)
        return 1
    seen: set[str] = set()
    records = []
    for record in parse(source):
        if record["text"] not in seen:
            seen.add(record["text"])
            records.append({k: v for k, v in record.items() if k != "writer"})
    texts = [r["text"] for r in records]
    dropped: set[str] = set()
    for other in sorted(HERE.glob("*.jsonl")):
        dropped |= {text for text, _ in near_duplicates(texts, [r["text"] for r in load(other)])}
    kept = [r for r in records if r["text"] not in dropped]
    print(f"dropped {len(dropped)} lines that near-duplicate another corpus file", file=sys.stderr)
    numbered = [{**r, "id": f"{prefix}{n:04d}"} for n, r in enumerate(kept, start=1)]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in numbered), encoding="utf-8")
    if problems := check(out):
        out.unlink()
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    today = datetime.date.today().isoformat()
    with (HERE / "FROZEN").open("a", encoding="utf-8") as frozen:
        frozen.write(f"sha256 {digest}  {name}\n")
        frozen.write(f"note {today} {name} frozen at {len(kept):,} lines, {about}\n")
    print(f"{len(kept)} lines written to {name} and frozen ({digest[:12]}…)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
