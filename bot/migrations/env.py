"""Alembic environment: runs migrations with a synchronous connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

import bot.store.case_tables
import bot.store.tables  # noqa: F401 - registers tables
from bot.store.db import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run migrations against the configured database."""
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
