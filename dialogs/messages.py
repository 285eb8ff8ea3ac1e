"""Plain message objects the dialog returns; bot/ renders them into LINE SDK requests."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    """A quick-reply button: the label the user sees and the data sent back when tapped."""

    label: str
    data: str


@dataclass(frozen=True)
class Text:
    """A text message, optionally offering quick-reply choices."""

    text: str
    choices: tuple[Choice, ...] = field(default=())
