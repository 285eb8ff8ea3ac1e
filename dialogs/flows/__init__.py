"""Every flow of the conversation; each module declares its states and its transition table."""

from __future__ import annotations

from types import ModuleType

from dialogs.flows import consent, intake, menu

FLOWS: tuple[ModuleType, ...] = (menu, intake, consent)
INITIAL_STATE = menu.States.START.value
