"""The suite runs on a plain clone: no test reads a file outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUTSIDE = re.compile(r"""\.\./shared|parents\[\d+\]\.parent\b|\.parent\s*/\s*["']shared["']""")


def test_no_test_reads_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "tests").rglob("*.py"))
        if path.name != Path(__file__).name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_copied_fixtures_are_present() -> None:
    assert (REPO / "tests" / "fixtures" / "ng-expressions.txt").is_file()
    assert (REPO / "tests" / "fixtures" / "line-sdk-python-webhook.json").is_file()
