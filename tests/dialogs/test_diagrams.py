"""The committed Mermaid diagrams match the transition tables."""

from __future__ import annotations

from dialogs.diagrams import render, stale
from dialogs.flows import consent


def test_committed_diagrams_are_current() -> None:
    assert not stale(), "run: python -m dialogs.diagrams"


def test_diagram_shows_each_row() -> None:
    diagram = render(consent)
    assert diagram.startswith("stateDiagram-v2")
    assert "consent_review --> menu_main : share [is_scope]" in diagram
