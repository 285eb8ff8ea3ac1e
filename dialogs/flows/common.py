"""What every flow shares: the menu's states (every flow returns there) and the menu's buttons."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from dialogs import catalog
from dialogs.dialog import Dialog
from dialogs.messages import Choice


class MenuStates(StrEnum):
    """States of the menu flow, stored as readable strings."""

    START = "menu.start"
    MAIN = "menu.main"
    RESUME = "menu.resume"
    CONFIRM_DELETE = "menu.confirm_delete"
    CONFIRM_STOP = "menu.confirm_stop"


def has_paused_form(data: Mapping[str, Any]) -> bool:
    """Whether an unsent intake is waiting to be resumed."""
    return bool(data.get("intake", {}).get("resume"))


def menu_choices(data: Mapping[str, Any]) -> tuple[Choice, ...]:
    """The top-menu buttons; 'continue' replaces 'prepare' while a form is waiting."""
    consult = (
        Choice(catalog.text("menu.resume"), "resume")
        if has_paused_form(data)
        else Choice(catalog.text("menu.intake"), "intake")
    )
    return (
        Choice(catalog.text("menu.services"), "services"),
        Choice(catalog.text("menu.faq"), "faqs"),
        consult,
        Choice(catalog.text("menu.human"), "human"),
        Choice(catalog.text("menu.delete"), "delete"),
    )


def show_menu(dialog: Dialog, key: str = "menu.prompt", **fields: object) -> None:
    """Say `key` offering the menu buttons."""
    dialog.say(key, menu_choices(dialog.data), **fields)


def urgency_of(data: Mapping[str, Any]) -> str:
    """The urgency a hand-off now carries: the higher of this conversation's and the open case's."""
    levels = (data.get("urgency", {}).get("level"), data.get("handoff", {}).get("urgency"))
    return next((level for level in ("crisis", "urgent") if level in levels), "normal")
