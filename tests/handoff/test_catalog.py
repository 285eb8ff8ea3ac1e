"""The dashboard's catalog: every key the templates use exists, and nothing in it is an NG expression."""

from __future__ import annotations

import re
from pathlib import Path

from handoff import catalog

HANDOFF = Path(__file__).resolve().parents[2] / "handoff"
NG_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "ng-expressions.txt"
KEY_USE = re.compile(r"""\bt\(\s*['"]([a-z0-9_.]+)['"]\s*[,)]""")


def ng_expressions() -> list[str]:
    """The NG list (a copy of the project's shared list, kept in tests/fixtures)."""
    lines = NG_PATH.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_no_ng_expression_in_the_handoff_catalog() -> None:
    text = (HANDOFF / "catalog.yaml").read_text(encoding="utf-8")
    assert "頑張って" in ng_expressions()
    assert not [ng for ng in ng_expressions() if ng in text]


def test_every_key_a_template_uses_is_in_the_catalog() -> None:
    used = {
        key
        for template in (HANDOFF / "templates").glob("*.html")
        for key in KEY_USE.findall(template.read_text(encoding="utf-8"))
    }
    assert len(used) > 20
    assert sorted(used - set(catalog.entries())) == []


def test_what_the_person_is_told_on_release_and_transfer_asks_nothing_of_them() -> None:
    for key in ("relay.released", "relay.transferred"):
        text = catalog.text(key, team="中央地区CSWチーム")
        assert "？" not in text and "?" not in text
        assert "もう一度話さなくても大丈夫" in text
