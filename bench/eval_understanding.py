"""Score dialogs.understanding on the labelled corpus (dev and the four test splits apart) and its cost.

Usage: python bench/eval_understanding.py [--split dev|test|test2|test3|test4|all] [--errors SPLIT]
                                        [--json PATH]

test and test2 are frozen splits by two different writers; test2 was written in session 5, after test had
been measured six times, to have figures on lines that no tuning so far could have followed; test3 was
written and frozen early in session 6 for the same reason, by a third writer, and test4 early in session 13
by a fourth.

Reports, per split, for the lexicon rules alone and for the rules with the learned layer: crisis
recall, false crisis on ordinary lines, urgent, concern, intent and possible-risk recall, exact readings
per category and per writing style; the typed-message fallback rate on the whole-message corpus;
classification p50/p99 for a 100- and a 5,000-character message; lines/s; and the resident memory the
loaded analyzer, lexicons and learned weights add, and the time they take: the lexicons are compiled
cold (the on-disk cache of compiled lexicons switched off) unless --lexicon-cache, which loads them as a
server start does and says whether the cache held them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogs.understanding import analyzer, lexicon  # noqa: E402
from dialogs.understanding.classifier import classify  # noqa: E402
from dialogs.understanding.evaluation import (  # noqa: E402
    Breakdown,
    Example,
    breakdown,
    is_fallback,
    load_examples,
    text_of_length,
    timings_ms,
)
from dialogs.understanding.model import Understanding  # noqa: E402

CORPUS = ROOT / "tests" / "dialogs" / "understanding" / "corpus"
TARGETS = (
    ("crisis recall", "crisis_recall", ">=", 0.97),
    ("false crisis on ordinary lines", "false_crisis_on_ordinary", "<=", 0.03),
    ("urgent recall", "urgent_recall", ">=", 0.95),
    ("concern recall", "concern_recall", ">=", 0.90),
)


def rss_mb() -> float:
    """Return this process's resident memory in MB (Linux /proc)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile of sorted values."""
    return values[min(len(values) - 1, int(len(values) * q))]


def rules_only(text: str) -> Understanding:
    """Classify with the lexicon rules alone (the learned layer switched off), for comparison."""
    return classify(text, rules_only=True)


def _write_split(
    out: list[str], name: str, lines: Breakdown, messages: Breakdown | None
) -> dict[str, object]:
    """Append one split's figures to out and return them as data."""
    figures: dict[str, object] = {"lines": lines.lines}
    out.append(f"\n== {name}: {lines.lines} lines ==")
    for label, attr in (
        ("crisis recall", "crisis_recall"),
        ("false crisis on ordinary lines", "false_crisis_on_ordinary"),
        ("urgent recall (urgent or crisis)", "urgent_recall"),
        ("concern recall", "concern_recall"),
        ("intent recall", "intent_recall"),
        ("possible-risk recall (or crisis)", "possible_risk_recall"),
        ("crisis kind found", "kinds_recall"),
    ):
        r = getattr(lines, attr)
        out.append(f"{label:36} {r.rate:6.3f}  ({r.found}/{r.total})")
        figures[attr] = {"rate": r.rate, "found": r.found, "total": r.total}
    out.append("exact readings (level + concerns + intents) by category:")
    for key, r in lines.exact_by_category.items():
        out.append(f"  {key:20} {r.rate:6.3f}  ({r.found}/{r.total})")
    out.append("exact readings by writing style:")
    for key, r in lines.exact_by_style.items():
        out.append(f"  {key:20} {r.rate:6.3f}  ({r.found}/{r.total})")
    figures["by_category"] = {k: r.rate for k, r in lines.exact_by_category.items()}
    figures["by_style"] = {k: r.rate for k, r in lines.exact_by_style.items()}
    for label, key, op, limit in TARGETS:
        value = getattr(lines, key).rate
        met = value >= limit if op == ">=" else value <= limit
        out.append(f"  {'met   ' if met else 'MISSED'} {label} {op} {limit}: {value:.3f}")
    if messages is not None:
        fb = messages.fallback
        out.append(
            f"typed-message fallback rate ({messages.lines} messages): {fb.rate:.3f} ({fb.found}/{fb.total})"
        )
        met = fb.rate <= 0.10
        out.append(f"  {'met   ' if met else 'MISSED'} typed-message fallback <= 0.1: {fb.rate:.3f}")
        figures["fallback_rate"] = fb.rate
    return figures


def _errors(examples: list[Example]) -> list[str]:
    """Return one JSON line per misread example."""
    rows = []
    for ex in examples:
        got = classify(ex.text)
        if got.crisis != ex.crisis or set(got.concerns) != ex.concerns or set(got.intents) != ex.intents:
            rows.append(
                json.dumps(
                    {
                        "text": ex.text,
                        "style": ex.style,
                        "want": [ex.crisis, sorted(ex.concerns), sorted(ex.intents), ex.possible_risk],
                        "got": [got.crisis, list(got.concerns), list(got.intents), got.possible_risk],
                        "fallback": is_fallback(got),
                    },
                    ensure_ascii=False,
                )
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation, print the figures, optionally write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "test2", "test3", "test4", "all"), default="all")
    parser.add_argument("--errors", metavar="FILE", help="list misread lines of this corpus file (dev only)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per message length")
    parser.add_argument(
        "--lexicon-cache",
        action="store_true",
        help="load the lexicons as a server start does (from the compiled-lexicon cache when it holds them)",
    )
    args = parser.parse_args(argv)
    if not args.lexicon_cache:
        os.environ[lexicon.CACHE_DIR_ENV] = "off"  # time a cold compile

    before = rss_mb()
    start = time.perf_counter()
    analyzer.warm_up()
    analyzer_ms = (time.perf_counter() - start) * 1000
    after_analyzer = rss_mb()
    start = time.perf_counter()
    classify("warm-up")
    lexicon_ms = (time.perf_counter() - start) * 1000
    after_lexicons = rss_mb()
    report = lexicon.last_load()
    how = {"hit": "read from the compiled-lexicon cache", "off": "compiled cold, cache off"}.get(
        report.cache if report else "", f"compiled cold, cache {report.cache if report else '?'}"
    )

    out: list[str] = []
    figures: dict[str, object] = {}
    if args.errors:
        if "test" in Path(args.errors).name:
            parser.error("misread lines are listed for dev files only: the test split is never tuned on")
        print("\n".join(_errors(load_examples(Path(args.errors)))))
        return 0
    splits = ("dev", "test", "test2", "test3", "test4") if args.split == "all" else (args.split,)
    everything: list[Example] = []
    for split in splits:
        path = CORPUS / f"{split}.jsonl"
        if not path.exists():
            out.append(f"\n== {split}: {path.name} not found ==")
            continue
        examples = load_examples(path)
        everything += examples
        messages_path = CORPUS / f"messages_{split}.jsonl"
        message_examples = load_examples(messages_path) if messages_path.exists() else None
        rules = breakdown(examples, rules_only)
        rules_messages = breakdown(message_examples, rules_only) if message_examples else None
        figures[f"{split}_rules_only"] = _write_split(out, f"{split}, rules only", rules, rules_messages)
        messages = breakdown(message_examples) if message_examples else None
        figures[split] = _write_split(out, f"{split}, rules + learned layer", breakdown(examples), messages)

    speed: dict[str, float] = {}
    if everything:
        start = time.perf_counter()
        for ex in everything:
            classify(ex.text + "。")  # a fresh string: the analyzer's cache must not answer
        speed["lines_per_s"] = len(everything) / (time.perf_counter() - start)
        for length in (100, 5000):
            base = text_of_length(everything, length)
            times = timings_ms_fresh(base, args.runs)
            speed[f"p50_ms_{length}"] = percentile(times, 0.5)
            speed[f"p99_ms_{length}"] = percentile(times, 0.99)
        out.append(
            f"\nspeed: {speed['lines_per_s']:.0f} lines/s; "
            f"100 chars p50 {speed['p50_ms_100']:.2f} / p99 {speed['p99_ms_100']:.2f} ms; "
            f"5,000 chars p50 {speed['p50_ms_5000']:.1f} / p99 {speed['p99_ms_5000']:.1f} ms"
        )
    out.append(
        f"memory: analyzer (SudachiDict-core) +{after_analyzer - before:.0f} MB RSS, "
        f"loaded in {analyzer_ms:.0f} ms; "
        f"lexicons and learned weights +{after_lexicons - after_analyzer:.0f} MB, "
        f"loaded in {lexicon_ms:.0f} ms (lexicons {how}"
        f"{f', {report.seconds * 1000:.0f} ms of it' if report else ''})"
    )
    figures["speed"] = speed
    figures["memory_mb"] = {"analyzer": after_analyzer - before, "lexicons": after_lexicons - after_analyzer}
    figures["load_ms"] = {"lexicons_and_weights": lexicon_ms}
    figures["lexicon_cache"] = report.cache if report else "?"
    sys.stdout.write("\n".join(out) + "\n")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def timings_ms_fresh(base: str, runs: int) -> list[float]:
    """Time classifying base with a changing last character, so no cache answers; sorted ms."""
    variants = [base[:-1] + chr(0x3042 + i % 80) for i in range(runs)]
    out: list[float] = []
    for text in variants:
        out.extend(timings_ms(text, 1))
    return sorted(out)


if __name__ == "__main__":
    raise SystemExit(main())
