"""Mermaid state diagrams generated from the flows' transition tables.

`python -m dialogs.diagrams` (re)writes `dialogs/flows/<flow>.mmd`; a test fails when a committed
diagram differs from what the tables generate now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from dialogs.flows import FLOWS

FLOWS_DIR = Path(__file__).with_name("flows")
ANY = "any"
MANY_SOURCES = 5
"""A row leaving this many states or more is drawn from one 'any state' node."""


def _node(state: str) -> str:
    """A Mermaid-safe node id for a stored state name."""
    return state.replace(".", "_")


def _names(callbacks: Any) -> list[str]:
    """The names of a row's condition callables."""
    items: Iterable[Callable[..., Any]] = callbacks if isinstance(callbacks, list | tuple) else [callbacks]
    return [getattr(c, "__name__", str(c)) for c in items]


def _label(row: dict[str, Any]) -> str:
    """'trigger [condition, not other]' for one row."""
    guards = _names(row.get("conditions", [])) + [f"not {n}" for n in _names(row.get("unless", []))]
    return f"{row['trigger']} [{', '.join(guards)}]" if guards else str(row["trigger"])


def _edges(row: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(source node, dest node, label) for one row; internal rows loop on their source."""
    sources = row["source"] if isinstance(row["source"], list) else [row["source"]]
    label = _label(row)
    if len(sources) >= MANY_SOURCES:
        dest = ANY if row["dest"] is None else _node(str(row["dest"]))
        return [(ANY, dest, label)]
    return [(_node(s), _node(s) if row["dest"] is None else _node(str(row["dest"])), label) for s in sources]


def render(flow: ModuleType) -> str:
    """The Mermaid diagram of one flow's table."""
    name = flow.__name__.rpartition(".")[2]
    edges: list[tuple[str, str, str]] = []
    for row in flow.TRANSITIONS:
        edges += [edge for edge in _edges(row) if edge not in edges]
    states = sorted({s for edge in edges for s in edge[:2]} | {_node(s.value) for s in flow.States})
    lines = [
        "stateDiagram-v2",
        f"    %% Generated from dialogs/flows/{name}.py by `python -m dialogs.diagrams`; do not edit.",
    ]
    lines += [
        f'    state "{"(any state)" if node == ANY else node.replace("_", ".", 1)}" as {node}'
        for node in states
    ]
    lines += [f"    {source} --> {dest} : {label}" for source, dest, label in edges]
    return "\n".join(lines) + "\n"


def diagram_path(flow: ModuleType) -> Path:
    """Where a flow's committed diagram lives."""
    return FLOWS_DIR / f"{flow.__name__.rpartition('.')[2]}.mmd"


def stale() -> list[Path]:
    """Committed diagrams that differ from the tables (or are missing)."""
    return [
        diagram_path(flow)
        for flow in FLOWS
        if not diagram_path(flow).exists() or diagram_path(flow).read_text(encoding="utf-8") != render(flow)
    ]


def main() -> None:
    """Write every flow's diagram."""
    for flow in FLOWS:
        diagram_path(flow).write_text(render(flow), encoding="utf-8")


if __name__ == "__main__":
    main()
