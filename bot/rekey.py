"""Re-encrypt stored values with the newest data key (`tsunagu rotate-keys`)."""

from __future__ import annotations

from sqlalchemy import Column, Text, create_engine, select, table, update

import bot.store.case_tables
import bot.store.tables  # noqa: F401 - registers tables
from bot.store.crypto import EncryptedJSON, EncryptedText, keyring
from bot.store.db import Base, sync_url

BATCH = 500


def encrypted_columns() -> list[tuple[str, str]]:
    """(table, column) for every encrypted column in the schema."""
    return [
        (name, column.name)
        for name, schema_table in Base.metadata.tables.items()
        for column in schema_table.columns
        if isinstance(column.type, EncryptedText | EncryptedJSON)
    ]


def rotate_all(database_url: str) -> int:
    """Rewrite every value not written with the newest key; return how many were rewritten."""
    ring = keyring()
    engine = create_engine(sync_url(database_url))
    rewritten = 0
    try:
        for table_name, column_name in encrypted_columns():
            raw = table(table_name, Column("id"), Column(column_name, Text))
            value = raw.c[column_name]
            with engine.begin() as connection:
                for row_id, token in connection.execute(select(raw.c.id, value).where(value.is_not(None))):
                    if ring.is_current(token):
                        continue
                    connection.execute(
                        update(raw).where(raw.c.id == row_id).values({column_name: ring.rotate(token)})
                    )
                    rewritten += 1
    finally:
        engine.dispose()
    return rewritten
