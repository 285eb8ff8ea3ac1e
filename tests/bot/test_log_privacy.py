"""No log line carries message text or a LINE user id, across whole conversations."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import JsonFormatter
from bot.simulator import Simulator
from tests.bot.helpers import sdk_fixture

SECRET_WORDS = [
    "カナリア山田の借金",
    "もう死にたい",
    "夫に殴られていて怖い",
    "家賃が払えなくて明日追い出される",
]


class Collect(logging.Handler):
    """Keeps every record, formatted as tsunagu formats its logs."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(JsonFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record) + " " + record.getMessage())


@pytest.fixture
def logs() -> Iterator[Collect]:
    """Every log record emitted during the test, at the level tsunagu logs in production."""
    handler = Collect()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def test_whole_conversations_leave_no_text_or_user_id_in_logs(database_url: str, logs: Collect) -> None:
    with Simulator(database_url) as sim:
        for number, words in enumerate(SECRET_WORDS):
            user = f"privacy-{number}"
            sim.follow(user)
            sim.send(user, words)
            sim.send(user, "相談したい")
            sim.sticker(user)
        sim.fake.fail_next(500, 400)
        sim.send("privacy-0", SECRET_WORDS[0])
        fixture = sdk_fixture(unique_ids=True)
        sim.post_body(json.dumps(fixture).encode())
        sim.wait_idle()
        user_ids = [sim.user_id(f"privacy-{n}") for n in range(len(SECRET_WORDS))]
    fixture_texts = [e["message"]["text"] for e in fixture["events"] if e.get("message", {}).get("text")]
    fixture_ids = {e["source"].get("userId") for e in fixture["events"]} - {None}
    assert logs.lines, "the run logged something"
    everything = "\n".join(logs.lines)
    for needle in [*SECRET_WORDS, *user_ids, *fixture_ids, *fixture_texts]:
        assert needle not in everything, f"leaked into logs: {needle[:6]}…"


def test_each_request_logs_with_its_request_id(database_url: str, logs: Collect) -> None:
    with Simulator(database_url) as sim:
        answered = sim.post_body(b"not json")
        assert answered.status_code == 400
        request_id = answered.headers["x-request-id"]
        given = sim.http.post("/line/webhook", content=b"{}", headers={"x-request-id": "lb-7f3a.1"})
        refused = sim.http.post("/line/webhook", content=b"{}", headers={"x-request-id": "bad id; x"})
    malformed = [json.loads(line.rsplit("} ", 1)[0] + "}") for line in logs.lines if "malformed" in line]
    assert malformed[0]["request_id"] == request_id
    assert len(request_id) == 32
    assert given.headers["x-request-id"] == "lb-7f3a.1"
    assert refused.headers["x-request-id"] not in ("bad id; x", request_id)
