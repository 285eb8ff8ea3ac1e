"""Print what understanding costs per turn: the analyzer alone, the whole reading, and the webhook's
crisis check, for short and long typed messages (fresh strings, so no cache answers).

Usage: python bench/understanding_cost.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogs.crisis import crisis_reply  # noqa: E402
from dialogs.understanding import analyzer  # noqa: E402
from dialogs.understanding.classifier import classify  # noqa: E402

MESSAGES = {
    "short (12 chars)": "息子が部屋から出てきません",
    "typical (60 chars)": (
        "こんばんは。40代の息子が10年ほど家にこもっていて、最近は私も眠れません。どこに相談したらいいですか"
    ),
    "crisis (8 chars)": "もう死にたい、つらい",
    "long (1,000 chars)": ("借金の返済が大変で、家賃も払えず、夜も眠れません。" * 40)[:1000],
}


def per_call_ms(function: object, text: str, runs: int) -> tuple[float, float]:
    """Return p50 and p99 milliseconds of function(text + a changing suffix)."""
    times = []
    for i in range(runs):
        fresh = text + chr(0x3042 + i % 80) + chr(0x3042 + i // 80 % 80)
        start = time.perf_counter()
        function(fresh)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    classify("warm-up")
    now = datetime.now(UTC)
    rows = [
        ("analyzer (Sudachi)", lambda t: analyzer.analyze(analyzer.tidy(t))),
        ("whole reading (classify)", classify),
        ("webhook crisis check", lambda t: crisis_reply(t, now)),
    ]
    print(f"{'message':22} {'step':26} {'p50 ms':>8} {'p99 ms':>8}")
    for name, text in MESSAGES.items():
        for step, function in rows:
            p50, p99 = per_call_ms(function, text, args.runs)
            print(f"{name:22} {step:26} {p50:8.2f} {p99:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
