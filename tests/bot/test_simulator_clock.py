"""A municipal tester trying nights and weekends on the local simulator: TSUNAGU_SIMULATOR_CLOCK."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from dialogs.engine import UserInput, handle
from dialogs.flows import INITIAL_STATE

TOKYO = ZoneInfo("Asia/Tokyo")
REAL_NOW = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Tokyo: office open


def test_without_the_setting_the_conversation_runs_on_the_real_clock() -> None:
    settings = Settings(_env_file=None)
    assert settings.conversation_now(REAL_NOW) == REAL_NOW


def test_a_saturday_night_set_for_the_simulator_is_the_conversations_time_and_it_keeps_running() -> None:
    settings = Settings(TSUNAGU_SIMULATOR_CLOCK="2026-12-05T02:00", _env_file=None)
    first = settings.conversation_now(REAL_NOW)
    assert first == datetime(2026, 12, 5, 2, 0, tzinfo=TOKYO)
    assert settings.conversation_now(REAL_NOW + timedelta(minutes=3)) == first + timedelta(minutes=3)


def test_an_offset_moves_the_clock_by_that_much() -> None:
    settings = Settings(TSUNAGU_SIMULATOR_CLOCK="+14h", _env_file=None)
    assert settings.conversation_now(REAL_NOW) == REAL_NOW + timedelta(hours=14)
    assert Settings(TSUNAGU_SIMULATOR_CLOCK="-2d", _env_file=None).conversation_now(
        REAL_NOW
    ) == REAL_NOW - timedelta(days=2)


def test_the_clock_is_refused_with_a_real_line_channel() -> None:
    with pytest.raises(ValidationError, match="TSUNAGU_SIMULATOR_CLOCK"):
        Settings(
            TSUNAGU_SIMULATOR_CLOCK="2026-12-05T02:00",
            LINE_CHANNEL_SECRET="a" * 32,
            LINE_CHANNEL_ACCESS_TOKEN="b" * 40,
            _env_file=None,
        )


def test_a_clock_that_is_not_a_time_is_refused() -> None:
    with pytest.raises(ValidationError, match="TSUNAGU_SIMULATOR_CLOCK"):
        Settings(TSUNAGU_SIMULATOR_CLOCK="tonight", _env_file=None)


def test_at_the_set_night_the_welcome_says_when_a_person_can_answer() -> None:
    settings = Settings(TSUNAGU_SIMULATOR_CLOCK="2026-12-05T02:00", _env_file=None)
    turn = handle(INITIAL_STATE, {}, UserInput("follow"), now=settings.conversation_now(REAL_NOW))
    assert "12月7日(月) 8:30以降" in "\n".join(m.text for m in turn.messages)
