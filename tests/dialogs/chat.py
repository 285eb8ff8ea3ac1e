"""A turn-by-turn driver for the dialog engine, checking LINE limits on every message it sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dialogs.effects import Effect
from dialogs.engine import Turn, UserInput, handle
from dialogs.flows import INITIAL_STATE
from dialogs.messages import Text

TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAY_MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)  # a Tuesday, office open
MAX_MESSAGES_PER_REPLY = 5


def utf16_units(text: str) -> int:
    """Length as LINE counts it."""
    return len(text.encode("utf-16-le")) // 2


def check_limits(messages: tuple[Text, ...]) -> None:
    """LINE's limits: ≤5 messages a reply, ≤5000 UTF-16 units, ≤13 choices, labels ≤20, data ≤300."""
    assert len(messages) <= MAX_MESSAGES_PER_REPLY, [m.text[:30] for m in messages]
    for message in messages:
        assert message.text.strip()
        assert utf16_units(message.text) <= 5000
        assert len(message.choices) <= 13, message.text
        for choice in message.choices:
            assert 0 < len(choice.label) <= 20, choice.label
            assert 0 < len(choice.data) <= 300, choice.data
    assert all(not m.choices for m in messages[:-1]), "quick replies show only on the last message"


@dataclass
class Chat:
    """One person's conversation with the engine, turn by turn."""

    now: datetime = WEEKDAY_MORNING
    state: str = INITIAL_STATE
    data: dict[str, Any] = field(default_factory=dict)
    effects: list[Effect] = field(default_factory=list)
    last: Turn | None = None

    def _turn(self, user_input: UserInput, **options: Any) -> Turn:
        turn = handle(self.state, self.data, user_input, now=self.now, **options)
        check_limits(turn.messages)
        self.state, self.data, self.last = turn.state, turn.data, turn
        self.effects.extend(turn.effects)
        self.now += timedelta(minutes=1)
        return turn

    def follow(self) -> Turn:
        return self._turn(UserInput("follow"))

    def send(self, text: str, **options: Any) -> Turn:
        return self._turn(UserInput("text", text=text), **options)

    def tap(self, label_part: str) -> Turn:
        """Tap the offered quick reply whose label contains `label_part`."""
        assert self.last is not None and self.last.messages, "nothing offered yet"
        offered = self.last.messages[-1].choices
        matches = [c for c in offered if label_part in c.label]
        assert matches, f"{label_part!r} not among {[c.label for c in offered]}"
        return self._turn(UserInput("choice", data=matches[0].data))

    def wait(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.last.messages] if self.last else []

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.last.messages[-1].choices] if self.last and self.last.messages else []


def said(chat: Chat) -> str:
    """Everything the bot said in the last turn, one message per line."""
    return "\n".join(chat.texts)


def intake_answers(chat: Chat) -> dict[str, Any]:
    """The intake form's answers as stored in the conversation."""
    result: dict[str, Any] = chat.data["intake"]["answers"]
    return result


def started(*messages: str, now: datetime = WEEKDAY_MORNING) -> Chat:
    """A conversation begun at `now`, after following the account and typing these messages."""
    chat = Chat(now=now)
    chat.follow()
    for text in messages:
        chat.send(text)
    return chat


def already_sent(*messages: str, now: datetime = WEEKDAY_MORNING, share: str = "この内容だけ送る") -> Chat:
    """A conversation whose `messages` led to the consent screen, then sent to a person by tapping `share`."""
    chat = started(*messages, now=now)
    chat.tap(share)
    assert "handoff" in chat.data, "the consultation was not sent"
    return chat
