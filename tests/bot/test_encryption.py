"""Privacy at rest: a database dump reveals no message, answer or LINE id; keys rotate without loss."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from bot.migrate import upgrade
from bot.rekey import encrypted_columns, rotate_all
from bot.simulator import Simulator, driver
from bot.store import crypto
from bot.store.crypto import DataKeyError, generate_key
from tests.bot.helpers import Conversation, InboxEvent, OutboxMessage, rows

SECRET_WORDS = ["カナリア山田", "借金が三百万円", "夫に殴られていて怖い"]


def dump(database_url: str) -> str:
    """Everything the database holds, as text, the way a stolen dump would show it."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(url.database or "")
        text = "\n".join(connection.iterdump())
        connection.close()
        return text
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return "\n".join(
            str(row) for name in tables for row in conn.execute(f'SELECT t::text FROM "{name}" t')
        )


def test_a_dump_reveals_no_message_answer_or_line_id(database_url: str) -> None:
    with Simulator(database_url) as sim:
        sim.follow("u1")
        for words in SECRET_WORDS:
            sim.send("u1", words)
        sim.send("u1", "担当者と話したい")
        user_id = sim.user_id("u1")
    text = dump(database_url)
    assert "INSERT INTO" in text or "(" in text, "the dump has rows"
    for needle in [*SECRET_WORDS, user_id]:
        assert needle not in text, f"found in dump: {needle[:6]}…"
    [conversation] = rows(database_url, Conversation)
    assert conversation.line_user_id == user_id, "readable through the application"
    assert any(SECRET_WORDS[0] in str(e.payload) for e in rows(database_url, InboxEvent))


def test_old_key_stays_readable_new_writes_use_the_new_key_and_rotation_rewrites(
    database_url: str, tmp_path: Path
) -> None:
    old_key, new_key = generate_key(), generate_key()
    with Simulator(database_url, TSUNAGU_DATA_KEYS=old_key) as sim:
        sim.send("u1", SECRET_WORDS[0])
    with Simulator(database_url, TSUNAGU_DATA_KEYS=f"{new_key},{old_key}") as sim:
        sim.send("u1", SECRET_WORDS[1])
        assert len(rows(database_url, InboxEvent)) == 2, "old rows still readable"
        assert crypto.keyring().is_current(crypto.keyring().encrypt(b"x"))
        rewritten = rotate_all(database_url)
    assert rewritten > 0
    crypto.configure(new_key, b"unused")
    payloads = [str(e.payload) for e in rows(database_url, InboxEvent)]
    assert SECRET_WORDS[0] in payloads[0] and SECRET_WORDS[1] in payloads[1]
    assert rows(database_url, OutboxMessage), "every encrypted column reads with the new key alone"
    assert rotate_all(database_url) == 0


def test_rows_written_with_an_unknown_key_fail_clearly(database_url: str) -> None:
    with Simulator(database_url, TSUNAGU_DATA_KEYS=generate_key()) as sim:
        sim.send("u1", "こんにちは")
    crypto.configure(generate_key(), b"unused")
    with pytest.raises(DataKeyError, match="not in TSUNAGU_DATA_KEYS"):
        rows(database_url, InboxEvent)


def test_malformed_key_is_refused_at_startup(database_url: str) -> None:
    upgrade(database_url)
    with (
        pytest.raises(DataKeyError, match="32 url-safe base64"),
        Simulator(database_url, TSUNAGU_DATA_KEYS="short"),
    ):
        pass


def test_every_column_holding_user_words_is_encrypted() -> None:
    assert set(encrypted_columns()) >= {
        ("inbox_events", "payload"),
        ("conversations", "line_user_id"),
        ("conversations", "data"),
        ("outbox", "messages"),
        ("outbox", "to"),
        ("cases", "summary"),
        ("cases", "summary_text"),
        ("cases", "urgency_reasons"),
        ("case_messages", "body"),
    }


def test_events_stored_under_a_key_no_longer_configured_wait_unread_until_it_is_back(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    old_key, wrong_key = generate_key(), generate_key()
    with Simulator(database_url, TSUNAGU_DATA_KEYS=old_key, TSUNAGU_RUN_WORKER=False) as sim:
        event = driver.text_event(sim.fake, sim.user_id("u1"), "こんにちは")
        assert sim.post([event]).status_code == 200
    with caplog.at_level(logging.WARNING), Simulator(database_url, TSUNAGU_DATA_KEYS=wrong_key) as sim:
        time.sleep(1.5)
        assert sim.received("u1") == [], "no apology: the event is kept, not given up"
    key_errors = [r for r in caplog.records if getattr(r, "error", None) == "DataKeyError"]
    assert key_errors and all(r.levelno == logging.ERROR for r in key_errors)
    assert len(key_errors) <= 3, "told clearly, not retried in a hot loop"
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()]
    with Simulator(database_url, TSUNAGU_DATA_KEYS=f"{wrong_key},{old_key}") as sim:
        sim.wait_idle()
        assert len(sim.received("u1")) == 2, "answered once the key is configured again"
    crypto.configure(old_key, b"unused")
    [stored] = rows(database_url, InboxEvent)
    assert stored.status == "done"
