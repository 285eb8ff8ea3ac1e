"""The inbox's notification payload: the conversations stored, when few."""

from __future__ import annotations

from bot.inbox import ANNOUNCED_KEYS_MAX, announcement


def test_few_conversations_are_named() -> None:
    assert announcement({"b" * 64, "a" * 64}).split() == ["a" * 64, "b" * 64]


def test_many_conversations_leave_the_worker_to_look() -> None:
    keys = {f"{n:064x}" for n in range(ANNOUNCED_KEYS_MAX + 1)}
    assert announcement(keys) == ""
    assert len(announcement(set(list(keys)[:ANNOUNCED_KEYS_MAX]))) < 8000, "PostgreSQL's payload limit"
