"""Fixtures for handoff tests: a running simulator with the dashboard over http; a headless browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.simulator import Simulator
from tests.handoff.test_browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture
def sim(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    """tsunagu with a fake LINE; dashboard cookies without Secure (http on loopback), fast polling."""
    monkeypatch.setenv("TSUNAGU_CSW_COOKIE_SECURE", "false")
    monkeypatch.setenv("TSUNAGU_CSW_POLL_SECONDS", "1")
    with Simulator(database_url) as simulator:
        yield simulator


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright (no Playwright browser download), shared by a module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()
