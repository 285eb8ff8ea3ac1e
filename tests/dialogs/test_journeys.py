"""The journey suite: every persona reaches a person with the 受付票 they should leave, told kindly.

Each journey asserts the final summary's fields and urgency, no fallback where the meaning was
clear, and the tone over every message the bot sent (no expression from the list, at most one
question a message, LINE's limits). The fallback rate over all typed messages is printed by
`python -m tests.dialogs.test_journeys` and must stay at or below 10%.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dialogs import catalog
from dialogs.effects import HandOff
from tests.dialogs.chat import Chat
from tests.dialogs.journeys import PERSONAS, Persona
from tests.dialogs.test_tone import questions_in, says_nothing_unkind

FALLBACK_RATE_LIMIT = 0.10


@dataclass
class Walked:
    """What one journey produced: the last hand-off, typed messages, and those answered by the fallback."""

    handoff: HandOff | None
    typed: int
    fallbacks: list[str]
    unexpected: list[str]
    said: list[str]


def walk(persona: Persona) -> Walked:
    """Run a persona's steps through the engine and collect what the suite checks."""
    chat = Chat(now=persona.now)
    chat.follow()
    said = list(chat.texts)
    typed, fallbacks, unexpected = 0, [], []
    fallback = catalog.text("fallback")
    for step in persona.steps:
        if step.startswith("tap:"):
            chat.tap(step.removeprefix("tap:"))
        else:
            text = step.removeprefix("?")
            chat.send(text)
            typed += 1
            if any(fallback in message for message in chat.texts):
                fallbacks.append(text)
                if not step.startswith("?"):
                    unexpected.append(text)
        said += chat.texts
    handoffs = [e for e in chat.effects if isinstance(e, HandOff)]
    return Walked(handoffs[-1] if handoffs else None, typed, fallbacks, unexpected, said)


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_journey(persona: Persona) -> None:
    walked = walk(persona)
    assert walked.handoff is not None, "every journey ends with a person"
    summary = walked.handoff.summary
    for key, value in persona.expect.items():
        outer, _, inner = key.partition(".")
        found = (summary[outer] or {}).get(inner) if inner else summary[outer]
        assert found == value, (key, found)
    assert summary["urgency"] == persona.urgency
    wellbeing = summary.get("asker_wellbeing") or {}
    seen = set(summary["concerns"]) | set(wellbeing.get("concerns") or [])
    assert set(persona.concerns) <= seen, (persona.concerns, seen)
    assert not walked.unexpected, f"fallback where the meaning was clear: {walked.unexpected}"
    for message in walked.said:
        assert not says_nothing_unkind(message), message
        assert questions_in(message) <= 1, message


def test_there_are_at_least_30_personas() -> None:
    assert len(PERSONAS) >= 30


def fallback_rate() -> tuple[int, int]:
    """(typed messages answered by the fallback, typed messages) over the whole suite."""
    walks = [walk(persona) for persona in PERSONAS]
    return sum(len(w.fallbacks) for w in walks), sum(w.typed for w in walks)


def test_fallback_rate_over_the_suite() -> None:
    fallbacks, typed = fallback_rate()
    assert fallbacks / typed <= FALLBACK_RATE_LIMIT, f"{fallbacks} of {typed}"


if __name__ == "__main__":
    count, total = fallback_rate()
    rate = f"fallback on {count} ({count / total:.1%})"
    print(f"journey suite: {len(PERSONAS)} personas, {total} typed messages, {rate}")
