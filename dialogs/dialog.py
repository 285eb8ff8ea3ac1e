"""The per-turn model the machine drives, and the input/outcome types of one turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, cast

from transitions import EventData

from dialogs import catalog
from dialogs.effects import Effect
from dialogs.messages import Choice, Text
from dialogs.understanding.model import Understanding

InputKind = Literal["follow", "text", "choice", "unsupported"]
MAX_MESSAGES = 5
"""LINE's limit of messages in one reply."""

TEXT_LIMIT = 5000
"""LINE's limit on one text message, in UTF-16 code units."""


def utf16_units(text: str) -> int:
    """The length of a text as LINE counts it."""
    return len(text.encode("utf-16-le")) // 2


def _head(text: str, limit: int) -> str:
    """The longest start of `text` within `limit` UTF-16 units."""
    end = min(len(text), limit)
    while utf16_units(text[:end]) > limit:
        end -= 1
    return text[:end]


def _pieces(text: str) -> list[str]:
    """A text in pieces each within LINE's limit, broken at line ends where it can be."""
    pieces = [""]
    for line in text.splitlines(keepends=True):
        while utf16_units(line) > TEXT_LIMIT:
            head = _head(line, TEXT_LIMIT)
            pieces += [head, ""]
            line = line[len(head) :]
        if utf16_units(pieces[-1] + line) > TEXT_LIMIT:
            pieces.append("")
        pieces[-1] += line
    return [piece.strip() for piece in pieces if piece.strip()]


def within_line_limits(messages: tuple[Text, ...]) -> tuple[Text, ...]:
    """The turn's messages with none over LINE's 5,000 units: a longer one split at line ends (its
    buttons on its last piece), or, where the pieces would pass `MAX_MESSAGES`, its start marked as cut.
    What is stored (the person's words, the CSW's sheet) is never shortened: only what LINE carries."""
    if all(utf16_units(message.text) <= TEXT_LIMIT for message in messages):
        return messages
    split: list[Text] = []
    for message in messages:
        pieces = _pieces(message.text) if utf16_units(message.text) > TEXT_LIMIT else [message.text]
        split += [Text(piece) for piece in pieces[:-1]] + [Text(pieces[-1], message.choices)]
    if len(split) <= MAX_MESSAGES:
        return tuple(split)
    room = TEXT_LIMIT - utf16_units(catalog.text("summary.cut", words=""))
    return tuple(
        message
        if utf16_units(message.text) <= TEXT_LIMIT
        else Text(catalog.text("summary.cut", words=_head(message.text, room)), message.choices)
        for message in messages
    )


@dataclass(frozen=True)
class UserInput:
    """What the user did: followed, typed text, tapped a choice (postback data), or sent media."""

    kind: InputKind
    text: str = ""
    data: str = ""


@dataclass(frozen=True)
class Turn:
    """The outcome of one turn: the state and data to store, messages to send, effects to apply."""

    state: str
    data: dict[str, Any]
    messages: tuple[Text, ...]
    effects: tuple[Effect, ...]


@dataclass
class Dialog:
    """The per-turn model the machine drives; callbacks read the input and append replies.

    `data` is the JSON-able dict stored per conversation. Its keys: `last_at` (ISO time of the
    last turn), `intake` (answers in progress, see `dialogs.flows.intake`), `urgency` (level and
    reasons raised so far), `return_to` (the state a detour such as help or delete returns to),
    `consent` (the last recorded consent).
    """

    state: str
    data: dict[str, Any]
    user_input: UserInput
    now: datetime
    understanding: Understanding | None = None
    messages: list[Text] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    """The catalog keys said this turn, in order."""
    spoken: list[tuple[Text, str, dict[str, object]]] = field(default_factory=list)
    """Each message said from the catalog this turn, with its key and fields (to say it in English)."""
    from_content: list[Text] = field(default_factory=list)
    """The answers sent this turn from the municipality content (a service, a common question), which are
    in Japanese only: said in English by a short answer instead, for someone who writes in English."""

    def say(self, key: str, choices: tuple[Choice, ...] = (), **fields: object) -> None:
        """Queue the catalog message `key`, formatted with `fields`, offering `choices`."""
        message = Text(catalog.text(key, **fields), choices)
        self.messages.append(message)
        self.said.append(key)
        self.spoken.append((message, key, fields))

    def send(self, *messages: Text) -> None:
        """Queue ready-made messages."""
        self.messages.extend(messages)

    def send_content(self, text: str) -> None:
        """Queue an answer written in the municipality content (Japanese only)."""
        message = Text(text)
        self.messages.append(message)
        self.from_content.append(message)

    def put_first(self, text: str) -> None:
        """Put `text` before the turn's messages: as a message of its own, or, at LINE's limit of
        `MAX_MESSAGES`, opening the first one."""
        if len(self.messages) < MAX_MESSAGES:
            self.messages.insert(0, Text(text))
        else:
            first = self.messages[0]
            self.messages[0] = Text(f"{text}\n\n{first.text}", first.choices)

    def value(self) -> str:
        """Return the value part of the tapped choice's data (`trigger:value`), or ''."""
        if self.user_input.kind != "choice":
            return ""
        return self.user_input.data.partition(":")[2]

    def last_seen(self) -> datetime | None:
        """When the previous turn of this conversation happened, if known."""
        stamp = self.data.get("last_at")
        return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None

    def mark_seen(self) -> None:
        """Record this turn's time for the next turn's pause check."""
        self.data["last_at"] = self.now.isoformat()


def dialog_of(event: EventData) -> Dialog:
    """The per-turn `Dialog` a transition callback's event carries."""
    return cast(Dialog, event.model)
