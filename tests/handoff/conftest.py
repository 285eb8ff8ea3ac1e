"""Fixtures for handoff tests: a running simulator with the dashboard on plain http."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.simulator import Simulator


@pytest.fixture
def sim(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    """tsunagu with a fake LINE; dashboard cookies without Secure (http on loopback), fast polling."""
    monkeypatch.setenv("TSUNAGU_CSW_COOKIE_SECURE", "false")
    monkeypatch.setenv("TSUNAGU_CSW_POLL_SECONDS", "1")
    with Simulator(database_url) as simulator:
        yield simulator
