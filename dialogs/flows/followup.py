"""After a hand-off, before a CSW takes the case: what the person writes is added to it, never lost.

With consent to share the conversation (`summary_and_conversation`) every typed message is added
and the person is told it will be read; with consent to the summary only, a message is added when
the person asks for it (「追加です」「担当の方に伝えて」), otherwise they are offered to pass it on.
The bot applies `AddToCase` to the conversation's open case.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dialogs import catalog
from dialogs.content import current_content
from dialogs.dialog import Dialog
from dialogs.effects import AddToCase, ConsentScope
from dialogs.flows.common import menu_choices
from dialogs.messages import Choice
from dialogs.office_hours import format_jp

PENDING_CHARS = 2000
"""How much of a message waiting for the person's yes is kept."""


def open_handoff(dialog: Dialog) -> dict[str, Any] | None:
    """The hand-off this conversation made, while no CSW is talking with the person yet."""
    handoff = dialog.data.get("handoff")
    if not isinstance(handoff, dict) or dialog.data.get("with_person"):
        return None
    return handoff


def adds_automatically(dialog: Dialog) -> bool:
    """Whether typed text goes to the open case without asking (the conversation is shared)."""
    handoff = open_handoff(dialog)
    return handoff is not None and handoff.get("scope") == ConsentScope.SUMMARY_AND_CONVERSATION


def _add(dialog: Dialog, text: str) -> None:
    """Ask the bot to add `text` to the open case and tell the person when it will be read."""
    handoff = open_handoff(dialog) or {}
    urgency = str(handoff.get("urgency", "normal"))
    dialog.effects.append(AddToCase(text))
    dialog.say(
        "addition.added",
        menu_choices(dialog.data),
        reply_promise=current_content().reply_promise_text(dialog.now, urgency),
    )


def add_typed(dialog: Dialog) -> bool:
    """Add the typed message to the open case; False when there is no open case."""
    text = dialog.user_input.text.strip()
    if open_handoff(dialog) is None or not text:
        return False
    _add(dialog, text)
    return True


def offer_to_add(dialog: Dialog) -> bool:
    """Offer to pass the typed message on to the open case; False when there is none."""
    handoff = open_handoff(dialog)
    text = dialog.user_input.text.strip()
    if handoff is None or not text:
        return False
    handoff["pending"] = text[:PENDING_CHARS]
    dialog.say(
        "addition.offer",
        (
            Choice(catalog.text("addition.yes"), "add_pending"),
            Choice(catalog.text("addition.no"), "menu"),
        ),
    )
    return True


def add_pending(dialog: Dialog) -> None:
    """Add the message the person chose to pass on; say so plainly when there is none left."""
    handoff = open_handoff(dialog)
    text = handoff.pop("pending", "") if handoff else ""
    if text:
        _add(dialog, text)
    else:
        dialog.say("addition.nothing", menu_choices(dialog.data))


def tell_when(dialog: Dialog) -> bool:
    """Say when the open case will be answered: the time promised at the hand-off (the queue's due
    time), with an apology once it has passed; False when there is no open case."""
    handoff = open_handoff(dialog)
    if handoff is None:
        return False
    due = current_content().reply_due(datetime.fromisoformat(str(handoff["at"])), str(handoff["urgency"]))
    key = "followup.when_late" if dialog.now > due else "followup.when"
    dialog.say(key, menu_choices(dialog.data), reply_by=format_jp(due))
    return True


def say_goodnight(dialog: Dialog) -> bool:
    """Say goodnight and that the sent consultation is kept and will be read; False with no open case."""
    if open_handoff(dialog) is None:
        return False
    dialog.say("followup.goodnight", (Choice(catalog.text("nav.menu"), "menu"),))
    return True
