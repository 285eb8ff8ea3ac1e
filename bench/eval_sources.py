"""Score the lexicon rules alone on training sources (per source file = per writer) and list misreadings.

Usage: python bench/eval_sources.py [--files s5_boundaries ...] [--errors] [--dev]

For each source in tests/dialogs/understanding/corpus/train_source/ (hand-written lines only, no kana or long
variants) prints crisis recall, false crisis on none lines, urgent recall (urgent or crisis), possible-risk
recall (possible risk or crisis) and false possible risk on plain none lines. --errors lists misread lines.
--dev adds dev.jsonl and messages_dev.jsonl (never the frozen test splits).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "dialogs" / "understanding" / "corpus"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(CORPUS))

from build_train import parse  # noqa: E402

from dialogs.understanding.classifier import classify  # noqa: E402
from dialogs.understanding.evaluation import load_examples  # noqa: E402


def records(name: str) -> list[dict[str, object]]:
    """Hand-written records of one source, or of a dev jsonl file."""
    if name.endswith(".jsonl"):
        return [
            {"text": e.text, "crisis": e.crisis, "possible_risk": e.possible_risk, "style": e.style}
            for e in load_examples(CORPUS / name)
        ]
    return parse(CORPUS / "train_source" / f"{name}.txt")


def score(name: str, show: bool) -> tuple[list[int], ...]:
    """Print one source's figures; return the counts [found, total] per figure."""
    crisis, false_crisis, urgent, risk, false_risk = [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]
    errors: list[str] = []
    for r in records(name):
        got = classify(str(r["text"]), rules_only=True)
        risky = ("crisis", "urgent", "possible_risk")
        why = ",".join(sorted({e.rule for e in got.evidence if e.label in risky}))
        if r["crisis"] == "crisis":
            crisis[1] += 1
            crisis[0] += got.crisis == "crisis"
            if got.crisis != "crisis":
                errors.append(f"MISS crisis [{r['style']}] {r['text']}  -> {got.crisis} {why}")
        elif r["crisis"] == "urgent":
            urgent[1] += 1
            urgent[0] += got.crisis != "none"
            if got.crisis == "none":
                errors.append(f"MISS urgent [{r['style']}] {r['text']}")
        else:
            false_crisis[1] += 1
            false_crisis[0] += got.crisis == "crisis"
            if got.crisis == "crisis":
                errors.append(f"FALSE crisis [{r['style']}] {r['text']}  <- {why}")
        if r["possible_risk"]:
            risk[1] += 1
            ok = got.possible_risk or got.crisis == "crisis"
            risk[0] += ok
            if not ok:
                errors.append(f"MISS risk [{r['style']}] {r['text']}  -> {got.crisis}")
        elif r["crisis"] == "none":
            false_risk[1] += 1
            false_risk[0] += got.possible_risk
            if got.possible_risk:
                errors.append(f"FALSE risk [{r['style']}] {r['text']}  <- {why}")

    def fmt(c: list[int]) -> str:
        return f"{c[0] / c[1]:.3f} ({c[0]}/{c[1]})" if c[1] else "-"

    print(
        f"{name:24} crisis {fmt(crisis):18} false {fmt(false_crisis):18} urgent {fmt(urgent):18} "
        f"risk {fmt(risk):18} false-risk {fmt(false_risk)}"
    )
    if show:
        for line in sorted(errors):
            print("   ", line)
    return crisis, false_crisis, urgent, risk, false_risk


def main() -> None:
    """Score the chosen sources."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", nargs="*")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--dev", action="store_true")
    args = parser.parse_args()
    names = args.files or ["s5_long_thirdparty", "s5_boundaries", "s5_urgent_concerns", "s5_intents"]
    if args.dev:
        names += ["dev.jsonl", "messages_dev.jsonl"]
    total = [[0, 0] for _ in range(5)]
    for name in names:
        for acc, c in zip(total, score(name, args.errors), strict=True):
            acc[0] += c[0]
            acc[1] += c[1]
    print("all: " + "  ".join(f"{c[0] / c[1]:.3f} ({c[0]}/{c[1]})" if c[1] else "-" for c in total))


if __name__ == "__main__":
    main()
