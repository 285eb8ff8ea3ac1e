"""The inbox's notification payload: who stored the events, and their conversations when few."""

from __future__ import annotations

from bot.inbox import ANNOUNCED_KEYS_MAX, announcement, process_name


def test_few_conversations_are_named_after_the_storing_process() -> None:
    sender, *keys = announcement({"b" * 64, "a" * 64}).split()
    assert sender == process_name()
    assert keys == ["a" * 64, "b" * 64]


def test_many_conversations_leave_the_listener_to_look() -> None:
    keys = {f"{n:064x}" for n in range(ANNOUNCED_KEYS_MAX + 1)}
    payload = announcement(keys)
    assert payload == process_name()
    assert len(announcement(set(list(keys)[:ANNOUNCED_KEYS_MAX]))) < 8000, "PostgreSQL's payload limit"
