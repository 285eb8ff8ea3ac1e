"""tsunagu's fake LINE Messaging API as a standalone process, with two endpoints for the benchmark.

`POST /bench/reply-tokens` issues reply tokens for a list of user ids, as LINE does when it delivers
an event, so replies from any process are checked and attributed to the right user.
`GET /bench/deliveries?since=N` lists deliveries from index N as `[user_id, at]` and their total as
`next`, where `at` is `time.monotonic()`: CLOCK_MONOTONIC is one clock for every process on a Linux
host, so the load generator compares it with its own send times. Needs the repository on PYTHONPATH.

    BENCH_ACCESS_TOKEN=... python bench/fake_line_server.py --port 8100 --delay 0.05
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

from bot.simulator.fake_line import FakeLine


class TokenRequest(BaseModel):
    """The users that are about to send one event each."""

    users: list[str]


def create_app(access_token: str, delay_s: float) -> FastAPI:
    """The fake API plus the benchmark's token and delivery endpoints."""
    fake = FakeLine(access_token, delay_s=delay_s)
    app = fake.app()

    @app.post("/bench/reply-tokens")
    async def reply_tokens(request: TokenRequest) -> dict[str, list[str]]:
        """One fresh reply token per listed user, in order."""
        return {"tokens": [fake.issue_reply_token(user) for user in request.users]}

    @app.get("/bench/deliveries")
    async def deliveries(since: int = 0) -> dict[str, Any]:
        """Deliveries from index `since` on, with their arrival times."""
        with fake.lock:
            batch, total = fake.deliveries[since:], len(fake.deliveries)
        return {"next": total, "deliveries": [[d.user_id, d.at] for d in batch]}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness."""
        return {"status": "ok"}

    return app


def main() -> None:
    """Serve the fake LINE API on loopback."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds before each API answer")
    args = parser.parse_args()
    app = create_app(os.environ["BENCH_ACCESS_TOKEN"], args.delay)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
