"""The relay's message catalog: what the person is told when a CSW takes over or closes (catalog.yaml)."""

from __future__ import annotations

from pathlib import Path

from dialogs.catalog import Catalog

RELAY = Catalog(Path(__file__).with_name("catalog.yaml"))


def entries() -> dict[str, str]:
    """The relay's catalog: message key -> Japanese text template."""
    return RELAY.messages


def text(key: str, **fields: object) -> str:
    """Return the relay catalog text for `key` with `{fields}` filled in."""
    return RELAY.text(key, **fields)
