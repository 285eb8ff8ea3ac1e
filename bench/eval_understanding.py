"""Score dialogs.understanding on the labelled evaluation set and measure its speed.

Usage: python bench/eval_understanding.py [--eval-set PATH] [--json PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogs.understanding.classifier import classify  # noqa: E402
from dialogs.understanding.evaluation import evaluate, load_examples, long_input, timings_ms  # noqa: E402

DEFAULT_EVAL_SET = ROOT / "tests" / "dialogs" / "understanding" / "eval_set.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation, print a table, optionally write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-set", type=Path, default=DEFAULT_EVAL_SET)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--errors", action="store_true", help="also list misclassified lines")
    parser.add_argument("--runs", type=int, default=200, help="timed runs of the 5000-char input")
    args = parser.parse_args(argv)

    examples = load_examples(args.eval_set)
    classify("warm-up")
    report = evaluate(examples)

    passes = 5
    start = time.perf_counter()
    for _ in range(passes):
        for ex in examples:
            classify(ex.text)
    lines_per_s = passes * len(examples) / (time.perf_counter() - start)
    times = timings_ms(long_input(examples), args.runs)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]

    out = sys.stdout
    out.write(f"{'label':36} {'prec':>6} {'rec':>6} {'f1':>6} {'supp':>5}\n")
    for label, s in report.scores.items():
        out.write(f"{label:36} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:5d}\n")
    out.write(
        f"\nlines: {report.lines}\n"
        f"crisis recall: {report.crisis_recall:.3f}\n"
        f"crisis false-positive rate on lines labelled none: {report.crisis_false_positive_rate:.3f}\n"
        f"concern macro-F1: {report.concern_macro_f1:.3f}\n"
        f"intent macro-F1: {report.intent_macro_f1:.3f}\n"
        f"throughput: {lines_per_s:.0f} lines/s\n"
        f"5000-char input: p50 {times[len(times) // 2]:.2f} ms, p99 {p99:.2f} ms\n"
    )
    if args.errors:
        for error in report.errors:
            out.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.json:
        figures = report.to_dict() | {
            "throughput_lines_per_s": lines_per_s,
            "p99_ms_5000_chars": p99,
            "p50_ms_5000_chars": times[len(times) // 2],
        }
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
