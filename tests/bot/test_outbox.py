"""The outbox retry matrix against the fake LINE API: nothing lost, nothing sent twice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.simulator import Simulator
from bot.simulator.fake_line import LOST_RESPONSE, TIMEOUT
from tests.bot.helpers import OutboxMessage, rows

FAST_RETRIES = {"TSUNAGU_LINE_TIMEOUT_S": 0.5, "TSUNAGU_RETRY_BASE_S": 0.02, "TSUNAGU_RETRY_CAP_S": 0.2}
PUSH_ONLY = {**FAST_RETRIES, "TSUNAGU_REPLY_TOKEN_MAX_AGE_S": 0.001}


@pytest.fixture
def sim(database_url: str) -> Iterator[Simulator]:
    """A simulator whose LINE calls time out and retry quickly."""
    with Simulator(database_url, **FAST_RETRIES) as simulator:
        yield simulator


@pytest.fixture
def push_sim(database_url: str) -> Iterator[Simulator]:
    """A simulator where every reply token is already stale, so everything is pushed."""
    with Simulator(database_url, **PUSH_ONLY) as simulator:
        yield simulator


@pytest.mark.parametrize(
    "faults", [(500,), (500, 502, 503), (429,), (TIMEOUT,)], ids=["500", "5xx-x3", "429", "timeout"]
)
def test_transient_reply_failures_are_retried_and_delivered_once(
    sim: Simulator, faults: tuple[object, ...]
) -> None:
    sim.fake.fail_next(*faults)
    replies = sim.follow("u1")
    assert len(replies) == 2
    assert [d.method for d in replies] == ["reply", "reply"]
    assert len(sim.fake.calls) == len(faults) + 1


@pytest.mark.parametrize("faults", [(500,), (429,), (TIMEOUT,)], ids=["500", "429", "timeout"])
def test_transient_push_failures_are_retried_with_the_same_retry_key(
    push_sim: Simulator, faults: tuple[object, ...]
) -> None:
    push_sim.fake.fail_next(*faults)
    replies = push_sim.follow("u1")
    assert [d.method for d in replies] == ["push", "push"]
    keys = [call["retry_key"] for call in push_sim.fake.calls]
    assert len(keys) == len(faults) + 1
    assert len(set(keys)) == 1 and keys[0]


def test_lost_push_response_is_not_delivered_twice(push_sim: Simulator, database_url: str) -> None:
    push_sim.fake.fail_next(LOST_RESPONSE)
    replies = push_sim.follow("u1")
    assert len(replies) == 2, "the retry got 409 (already accepted): counted as delivered, not resent"
    [row] = rows(database_url, OutboxMessage)
    assert (row.status, row.last_status, row.attempts) == ("sent", 409, 2)


def test_lost_reply_response_is_not_delivered_twice(sim: Simulator, database_url: str) -> None:
    sim.fake.fail_next(LOST_RESPONSE)
    replies = sim.follow("u1")
    assert len(replies) == 2, "the reply token was used by the first attempt: counted as delivered"
    [row] = rows(database_url, OutboxMessage)
    assert row.status == "sent"


def test_client_error_on_push_is_recorded_and_not_retried(push_sim: Simulator, database_url: str) -> None:
    push_sim.fake.fail_next(400)
    assert push_sim.follow("u1") == []
    [row] = rows(database_url, OutboxMessage)
    assert (row.status, row.last_status, row.attempts) == ("failed", 400, 1)
    assert len(push_sim.fake.calls) == 1


def test_rejected_reply_token_falls_back_to_push(sim: Simulator) -> None:
    sim.fake.fail_next(400)
    replies = sim.follow("u1")
    assert [d.method for d in replies] == ["push", "push"]


def test_line_down_for_a_while_loses_nothing_and_keeps_order(push_sim: Simulator, database_url: str) -> None:
    push_sim.fake.fail_next(*([503] * 8))
    push_sim.follow("u1")
    push_sim.send("u1", "こんにちは")
    push_sim.sticker("u1")
    outbox = rows(database_url, OutboxMessage)
    assert {row.status for row in outbox} == {"sent"}
    queued = [message["text"] for row in outbox for message in row.messages]
    assert [d.text for d in push_sim.received("u1")] == queued, "every message once, in order"
