"""The committed migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic import command

from bot.migrate import alembic_config, upgrade


def test_migrations_match_the_models(database_url: str) -> None:
    upgrade(database_url)
    command.check(alembic_config(database_url))
