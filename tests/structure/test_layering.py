"""The packages depend one way: bot → handoff → bot.store, and everything → dialogs, never back.

Read from the source with `ast`, so the test needs no import to succeed and catches imports inside
functions as well as at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "dialogs", "handoff")

ALLOWED: dict[str, tuple[str, ...]] = {
    "dialogs": ("dialogs",),
    "bot.store": ("bot.store", "dialogs"),
    "handoff": ("handoff", "bot.store", "dialogs"),
    "bot": ("bot", "handoff", "dialogs"),
}
"""What each layer may import (the most specific layer of a module applies)."""


def module_name(path: Path) -> str:
    """The dotted module name of a source file under ROOT."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    """Every module of the three packages (migrations excluded: Alembic loads them by path)."""
    return {
        module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules a source file imports, resolved to the longest known module name."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            names = [f"{base}.{alias.name}" for alias in node.names]
            # `from package import module` loads the module; the package only when a name is not one.
            targets = names if all(n in known for n in names) else [*names, base]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> project modules it imports."""
    modules = project_modules()
    known = set(modules)
    return {name: imports_of(path, name, known) for name, path in modules.items()}


def layer_of(module: str) -> str:
    """The most specific layer a module belongs to."""
    return max((layer for layer in ALLOWED if module == layer or module.startswith(layer + ".")), key=len)


def allowed(importer: str, imported: str) -> bool:
    """Whether the importer's layer may import the imported module."""
    return any(
        imported == ok or imported.startswith(ok + ".") for ok in ALLOWED[layer_of(importer)]
    ) and not (layer_of(importer) != "bot" and layer_of(imported) == "bot")


def forbidden_imports(graph: dict[str, set[str]]) -> list[str]:
    """Every import that climbs up a layer, as `importer -> imported`."""
    return sorted(
        f"{importer} -> {imported}"
        for importer, targets in graph.items()
        for imported in targets
        if not allowed(importer, imported)
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles between modules (each found once, by depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def package_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles between the layers themselves."""
    layers: dict[str, set[str]] = {}
    for importer, targets in graph.items():
        layers.setdefault(layer_of(importer), set()).update(
            layer_of(t) for t in targets if layer_of(t) != layer_of(importer)
        )
    return cycles(layers)


def test_no_module_imports_up_a_layer() -> None:
    assert forbidden_imports(import_graph()) == []


def test_no_import_circles_between_modules_or_layers() -> None:
    graph = import_graph()
    assert cycles(graph) == []
    assert package_cycles(graph) == []


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("handoff.relay", "bot.runtime"),
        ("dialogs.engine", "handoff.relay"),
        ("dialogs.flows.menu", "bot.store.tables"),
        ("bot.store.outbox", "bot.render"),
        ("bot.store.tables", "handoff.cases"),
    ],
)
def test_the_check_catches_an_import_up_a_layer(importer: str, imported: str) -> None:
    graph = import_graph()
    graph[importer] = {*graph[importer], imported}
    assert f"{importer} -> {imported}" in forbidden_imports(graph)


def test_the_check_catches_a_circle() -> None:
    graph = import_graph()
    graph["bot.store.db"] = {*graph["bot.store.db"], "bot.store.tables"}
    assert cycles(graph)
