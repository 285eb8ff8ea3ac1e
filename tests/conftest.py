"""Shared fixtures: a fresh database per test, on SQLite or on PostgreSQL (TSUNAGU_TEST_DATABASE_URL)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.simulator import SIMULATOR_SECRET_KEY
from bot.store import crypto
from bot.store.db import sync_url
from dialogs.content import use_content
from handoff.clock import use_clock

TEST_DATABASE_URL = os.environ.get("TSUNAGU_TEST_DATABASE_URL")


def reset_postgres(url: str) -> None:
    """Drop and recreate the public schema so each test starts from nothing."""
    engine = create_engine(sync_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(autouse=True)
def data_keys() -> None:
    """Tests read stored rows directly: use the data key the simulator and test servers derive."""
    crypto.configure(None, SIMULATOR_SECRET_KEY.encode())


@pytest.fixture(autouse=True)
def shipped_content() -> Iterator[None]:
    """Each test starts and ends with the shipped content in use (some tests load another file)."""
    use_content(None)
    yield
    use_content(None)


@pytest.fixture(autouse=True)
def real_clock() -> Iterator[None]:
    """Each test starts and ends with cases on the real clock (a simulator with a set clock changes it)."""
    use_clock(None)
    yield
    use_clock(None)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database URL with an empty database behind it (migrations are applied by the code under test)."""
    if TEST_DATABASE_URL:
        reset_postgres(TEST_DATABASE_URL)
        yield TEST_DATABASE_URL
    else:
        yield f"sqlite:///{tmp_path / 'tsunagu.db'}"


@pytest.fixture
def backend() -> str:
    """Which database backend this run uses."""
    return "postgresql" if TEST_DATABASE_URL else "sqlite"


FIXTURES = Path(__file__).resolve().parent / "fixtures"
SECOND_CITY = FIXTURES / "content-hoshimi.yaml"
"""A second, complete municipality: ほしみ市, 13 districts, its own windows, hours, holidays, hotlines."""
