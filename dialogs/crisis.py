"""The crisis path: emergency resources at once, from any state, before consent and before the database.

`crisis_reply(text, now)` is pure and fast so the bot can send it on the webhook's fast path;
`interrupt(dialog, already_sent=...)` is what every turn runs first (see `dialogs.engine.handle`).
"""

from __future__ import annotations

from datetime import datetime

from dialogs import catalog
from dialogs.content import URGENT_SITUATIONS, UrgentSituation, default_content
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.intake import takes_free_text
from dialogs.messages import Choice, Text
from dialogs.understanding.classifier import classify
from dialogs.understanding.model import Understanding

URGENT_KIND_SITUATIONS: dict[str, UrgentSituation] = {
    "no_shelter": "no_place_tonight",
    "eviction": "no_place_tonight",
    "no_food": "no_food",
    "utilities": "utilities_cut",
}
"""Urgent crisis kinds and the content's situation each calls for."""


def _offer(key: str) -> Text:
    """The closing message: tell a human, or carry on where the conversation was."""
    return Text(
        catalog.text(key),
        (
            Choice(catalog.text("crisis.human"), "human"),
            Choice(catalog.text("crisis.continue"), "resume"),
        ),
    )


def _hotline_lines(now: datetime) -> str:
    """One line per hotline open at `now` (and those whose hours vary, marked so)."""
    lines = []
    for hotline in default_content().hotlines_open_at(now):
        notes = catalog.text("crisis.hotline_free") if hotline.free else ""
        lines.append(
            catalog.text(
                "crisis.hotline_line",
                name=hotline.name,
                number=hotline.number,
                hours=hotline.hours_text,
                notes=notes,
            )
        )
    return "\n".join(lines)


def crisis_messages(now: datetime) -> tuple[Text, ...]:
    """The emergency resources open at `now`, and an offer of a human."""
    return (
        Text(catalog.text("crisis.first")),
        Text(catalog.text("crisis.hotlines", lines=_hotline_lines(now))),
        _offer("crisis.offer"),
    )


def crisis_reply(text: str, now: datetime) -> tuple[Text, ...] | None:
    """The messages to send at once when `text` suggests danger to life; None otherwise.

    Pure (no I/O) and quick, for the webhook's fast path. When the bot sends these, it must pass
    `crisis_already_sent=True` to `dialogs.engine.handle` for the same text.
    """
    return crisis_messages(now) if classify(text).crisis == "crisis" else None


def _reasons(understanding: Understanding, level: str) -> tuple[str, ...]:
    """The person's own words that raised this level, for the CSW to read."""
    return tuple(
        catalog.text("summary.quote", words=evidence.matched)
        for evidence in understanding.evidence
        if evidence.label == level
    )


def _urgent_guidance(understanding: Understanding, now: datetime) -> str:
    """What to do tonight for each urgent situation the evidence names (all of them if none is named)."""
    content = default_content()
    named = {URGENT_KIND_SITUATIONS.get(kind) for kind in understanding.crisis_kinds}
    situations = [s for s in URGENT_SITUATIONS if s in named] or list(URGENT_SITUATIONS)
    return "\n".join(content.urgent_guidance(situation, now) for situation in situations)


def _record(dialog: Dialog, level: str, reasons: tuple[str, ...]) -> None:
    """Keep the highest urgency and its reasons for the summary."""
    stored = dialog.data.get("urgency", {})
    if stored.get("level") == "crisis" and level == "urgent":
        return
    kept = [r for r in stored.get("reasons", []) if stored.get("level") == level]
    dialog.data["urgency"] = {"level": level, "reasons": [*kept, *(r for r in reasons if r not in kept)]}


def interrupt(dialog: Dialog, *, already_sent: bool) -> bool:
    """Answer a crisis or urgent need in typed text; True when the turn is fully handled.

    Crisis: resources (unless `already_sent`), `RaiseUrgency("crisis")`, state unchanged. Urgent:
    一時生活支援 guidance and `RaiseUrgency("urgent")`; the text still answers a question that takes
    free text (returns False), otherwise the state is unchanged and the person is offered a human.
    """
    understanding = dialog.understanding
    if understanding is None or understanding.crisis == "none":
        return False
    level = understanding.crisis
    reasons = _reasons(understanding, level)
    _record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    if level == "crisis":
        if not already_sent:
            dialog.send(*crisis_messages(dialog.now))
        return True
    dialog.say("urgent.info", guidance=_urgent_guidance(understanding, dialog.now))
    if takes_free_text(dialog.state):
        return False
    dialog.send(_offer("urgent.offer"))
    return True
