"""The relay's message catalog: what the person is told when a CSW takes over or closes (catalog.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

CATALOG_PATH = Path(__file__).with_name("catalog.yaml")


@cache
def entries() -> dict[str, str]:
    """Load the catalog once: message key -> Japanese text template."""
    loaded = yaml.safe_load(CATALOG_PATH.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
        raise ValueError(f"{CATALOG_PATH}: expected a mapping of key -> text")
    return {str(key): value.strip() for key, value in loaded.items()}


def text(key: str, **fields: object) -> str:
    """Return the catalog text for `key` with `{fields}` filled in."""
    return entries()[key].format(**fields) if fields else entries()[key]
