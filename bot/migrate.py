"""Apply Alembic migrations programmatically (used by `tsunagu migrate`, serve, demo and tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import make_url

from bot.store.db import sync_url

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaNotCurrent(Exception):
    """The database has not been migrated to the newest revision (PostgreSQL is never migrated silently)."""


def alembic_config(database_url: str) -> Config:
    """An Alembic config pointing at tsunagu's migrations and `database_url`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", sync_url(database_url).replace("%", "%%"))
    return config


def upgrade(database_url: str) -> None:
    """Bring the database schema to the newest revision."""
    command.upgrade(alembic_config(database_url), "head")


def is_current(database_url: str) -> bool:
    """Whether the database's schema is at the newest revision."""
    heads = set(ScriptDirectory.from_config(alembic_config(database_url)).get_heads())
    engine = create_engine(sync_url(database_url), poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            applied = set(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()
    return applied == heads


def ensure_schema(database_url: str) -> bool:
    """Before serving: migrate embedded SQLite now; refuse an out-of-date PostgreSQL schema.

    Returns True when migrations were applied. Raises SchemaNotCurrent for a PostgreSQL database
    that is not at the newest revision: an operator migrates a shared server on purpose.
    """
    if is_current(database_url):
        return False
    if make_url(database_url).get_backend_name() == "sqlite":
        upgrade(database_url)
        return True
    raise SchemaNotCurrent(
        "the database schema is not up to date: run `tsunagu migrate` (with the same "
        "TSUNAGU_DATABASE_URL), then start the server again"
    )
