"""The dialog engine: (conversation state, user input) -> (new state, messages, effects).

All flows share one `transitions.Machine`, built once at import with `model=None`; each turn
creates a small `Dialog` model and fires one event on it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from transitions import EventData, Machine

from dialogs import catalog
from dialogs.effects import Effect
from dialogs.flows import FLOWS, INITIAL_STATE
from dialogs.messages import Choice, Text

log = logging.getLogger(__name__)

InputKind = Literal["follow", "text", "choice", "unsupported"]


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
    """The per-turn model the machine drives; callbacks read the input and append replies."""

    state: str
    data: dict[str, Any]
    user_input: UserInput
    now: datetime
    messages: list[Text] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)

    def say(self, key: str, choices: tuple[Choice, ...] = (), **fields: object) -> None:
        """Queue the catalog message `key`, formatted with `fields`, offering `choices`."""
        self.messages.append(Text(catalog.text(key, **fields), choices))


def _build_machine() -> Machine:
    """Build the one machine that holds every flow's states and transitions."""
    states = [state.value for flow in FLOWS for state in flow.States]
    transitions = [dict(row) for flow in FLOWS for row in flow.TRANSITIONS]
    return Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=INITIAL_STATE,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=True,
    )


MACHINE = _build_machine()


def trigger_for(user_input: UserInput) -> str:
    """Name the machine event an input fires: `follow`, `text`, `unsupported`, or the choice's trigger."""
    if user_input.kind == "choice":
        return user_input.data.split(":", 1)[0]
    return user_input.kind


def choice_value(event: EventData) -> str:
    """Return the value part of a choice's data (`trigger:value`), or '' when there is none."""
    model: Dialog = event.model
    _, _, value = model.user_input.data.partition(":")
    return value


def handle(state: str, data: Mapping[str, Any], user_input: UserInput, *, now: datetime) -> Turn:
    """Run one turn of the conversation and return what to store, send and do."""
    if state not in MACHINE.states:
        log.warning("unknown stored state, restarting conversation", extra={"state": state})
        state = INITIAL_STATE
    dialog = Dialog(state=state, data=dict(data), user_input=user_input, now=now)
    event = MACHINE.events.get(trigger_for(user_input))
    fired = event is not None and event.trigger(dialog)
    if not fired:
        MACHINE.events["fallback"].trigger(dialog)
    return Turn(dialog.state, dialog.data, tuple(dialog.messages), tuple(dialog.effects))
