"""The welcome and the top menu: the first thing a person meets, and where every flow returns."""

from __future__ import annotations

from enum import StrEnum

from transitions import EventData

from dialogs.messages import Choice
from dialogs import catalog


class States(StrEnum):
    """States of the menu flow, stored as readable strings."""

    START = "menu.start"
    MENU = "menu.main"


def menu_choices() -> tuple[Choice, ...]:
    """The top-menu quick replies."""
    return (
        Choice(catalog.text("menu_services"), "services"),
        Choice(catalog.text("menu_talk"), "intake"),
    )


def greet(event: EventData) -> None:
    """Send the welcome and the menu."""
    event.model.say("welcome")
    event.model.say("menu_prompt", menu_choices())


def explain_fallback(event: EventData) -> None:
    """Say the text was not understood and offer the menu again."""
    event.model.say("fallback", menu_choices())


def ask_for_text(event: EventData) -> None:
    """Say media cannot be read and ask for text."""
    event.model.say("unsupported_media", menu_choices())


ANY = [state.value for state in States]

TRANSITIONS: list[dict[str, object]] = [
    {"trigger": "follow", "source": ANY, "dest": States.MENU.value, "after": greet},
    {"trigger": "text", "source": States.START.value, "dest": States.MENU.value, "after": greet},
    {"trigger": "unsupported", "source": ANY, "dest": "=", "after": ask_for_text},
    {"trigger": "fallback", "source": States.START.value, "dest": States.MENU.value, "after": greet},
    {"trigger": "fallback", "source": States.MENU.value, "dest": "=", "after": explain_fallback},
]
