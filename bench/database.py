"""Database work for the benchmark, run with the repository on PYTHONPATH and printing JSON.

python bench/database.py seed URL COUNT      # COUNT finished conversations: conversation, inbox, outbox rows
python bench/database.py claims URL SECONDS  # 8 CSWs claiming waiting cases concurrently (PostgreSQL)
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import sys
import time
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select

from bot.settings import configure_encryption, get_settings
from bot.store.case_tables import Case, CswAccount
from bot.store.db import create_engine, session_factory, utcnow
from bot.store.tables import Conversation, InboxEvent, OutboxMessage
from handoff.queue import claim_by_id

SEED_BATCH = 5000
CLAIMERS = 8
CLAIM_CANDIDATES = 16
CLAIM_CASES = 20_000


def seed_rows(start: int, stop: int) -> tuple[list[dict[str, Any]], list[str]]:
    """Conversation rows for seed indexes [start, stop) and their keys."""
    now = utcnow()
    keys = [hashlib.sha256(f"bench-seed:{i}".encode()).hexdigest() for i in range(start, stop)]
    rows = [
        {
            "key": key,
            "line_user_id": "U" + key[:32],
            "state": "menu",
            "data": {"seeded": True},
            "following": True,
            "created_at": now,
            "updated_at": now,
            "last_user_event_at": now,
        }
        for key in keys
    ]
    return rows, keys


async def seed(url: str, count: int) -> dict[str, Any]:
    """Store `count` conversations, each with one processed inbox event and one sent reply."""
    engine = create_engine(url)
    started = time.monotonic()
    for start in range(0, count, SEED_BATCH):
        rows, keys = seed_rows(start, min(count, start + SEED_BATCH))
        now = utcnow()
        async with session_factory(engine).begin() as session:
            await session.execute(insert(Conversation), rows)
            found = await session.execute(
                select(Conversation.key, Conversation.id).where(Conversation.key.in_(keys))
            )
            ids: dict[str, int] = {key: id_ for key, id_ in found}
            await session.execute(
                insert(InboxEvent),
                [
                    {
                        "webhook_event_id": key[:26].upper(),
                        "conversation_key": key,
                        "event_type": "message",
                        "payload": {"type": "message", "message": {"type": "text", "text": "seed"}},
                        "received_at": now,
                        "status": "done",
                        "attempts": 1,
                        "processed_at": now,
                    }
                    for key in keys
                ],
            )
            await session.execute(
                insert(OutboxMessage),
                [
                    {
                        "conversation_key": key,
                        "conversation_id": ids[key],
                        "to": "U" + key[:32],
                        "messages": [{"type": "text", "text": "seed"}],
                        "retry_key": str(uuid.uuid4()),
                        "origin": "bot",
                        "status": "sent",
                        "method": "reply",
                        "attempts": 1,
                        "next_attempt_at": now,
                        "last_status": 200,
                        "created_at": now,
                        "sent_at": now,
                    }
                    for key in keys
                ],
            )
    await engine.dispose()
    return {"conversations": count, "seconds": time.monotonic() - started}


async def claims(url: str, seconds: float) -> dict[str, Any]:
    """Seed waiting cases and CSW accounts, then let 8 claimers take cases for `seconds`."""
    engine = create_engine(url)
    sessions = session_factory(engine)
    now = utcnow()
    async with sessions.begin() as session:
        accounts = [
            CswAccount(
                login=f"bench-csw-{i}", display_name=f"CSW {i}", role="csw", team="", password_hash="-"
            )
            for i in range(CLAIMERS)
        ]
        session.add_all(accounts)
        await session.flush()
        account_ids = [a.id for a in accounts]
        await session.execute(
            insert(Case),
            [
                {
                    "code": f"TG-B{i:07d}",
                    "status": "waiting",
                    "urgency": random.choice(("normal", "normal", "normal", "urgent")),
                    "urgency_reasons": [],
                    "alert": False,
                    "summary": {},
                    "summary_text": "",
                    "team": "",
                    "consent_scope": "csw",
                    "consent_version": "bench",
                    "consented_at": now,
                    "queued_at": now - timedelta(milliseconds=i),
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(CLAIM_CASES)
            ],
        )
    won = lost = 0
    deadline = time.monotonic() + seconds

    async def claimer(account_id: int) -> None:
        nonlocal won, lost
        while time.monotonic() < deadline:
            async with sessions.begin() as session:
                candidates = (
                    await session.scalars(
                        select(Case.id)
                        .where(Case.status == "waiting")
                        .order_by(Case.queued_at, Case.id)
                        .limit(CLAIM_CANDIDATES)
                    )
                ).all()
                if not candidates:
                    return
                claimed = await claim_by_id(
                    session, account_id=account_id, case_id=random.choice(candidates), now=utcnow()
                )
            won, lost = (won + 1, lost) if claimed else (won, lost + 1)

    started = time.monotonic()
    await asyncio.gather(*(claimer(a) for a in account_ids))
    elapsed = time.monotonic() - started
    await engine.dispose()
    return {
        "claimers": CLAIMERS,
        "claims": won,
        "conflicts": lost,
        "seconds": elapsed,
        "claims_per_s": won / elapsed,
        "method": "handoff.queue.claim_by_id, each claimer picking at random among the 16 oldest waiting",
    }


def main() -> None:
    """Run one subcommand and print its result as JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("seed", "claims"))
    parser.add_argument("database_url")
    parser.add_argument("amount", type=float)
    args = parser.parse_args()
    configure_encryption(get_settings())
    if args.command == "seed":
        result = asyncio.run(seed(args.database_url, int(args.amount)))
    else:
        result = asyncio.run(claims(args.database_url, args.amount))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
