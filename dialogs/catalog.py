"""The message catalog: every sentence the bot says, kept in catalog.yaml for tone review."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import yaml

CATALOG_PATH = Path(__file__).with_name("catalog.yaml")


class Catalog:
    """A YAML file of message key -> Japanese text template, read once on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @cached_property
    def messages(self) -> dict[str, str]:
        """Every entry of the file, whitespace-trimmed."""
        loaded = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
            raise ValueError(f"{self.path}: expected a mapping of key -> text")
        return {str(key): value.strip() for key, value in loaded.items()}

    def text(self, key: str, **fields: object) -> str:
        """The text for `key` with `{fields}` filled in."""
        return self.messages[key].format(**fields) if fields else self.messages[key]


BOT = Catalog(CATALOG_PATH)


def entries() -> dict[str, str]:
    """The bot's catalog: message key -> Japanese text template."""
    return BOT.messages


def text(key: str, **fields: object) -> str:
    """Return the catalog text for `key` with `{fields}` filled in."""
    return BOT.text(key, **fields)
