"""The outbox retry matrix against the fake LINE API: nothing lost, nothing sent twice."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from bot import outbox
from bot.outbox import Action, Answer, Plan, answer_for, decide, plan_for
from bot.simulator import Simulator, driver
from bot.simulator.fake_line import LOST_RESPONSE, TIMEOUT
from bot.store.outbox import token_issued_at
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


# --- the decision table (issue 16) ----------------------------------------------------------------

RECEIVED = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)


def stamp(moment: datetime) -> int:
    """LINE's event timestamp (epoch milliseconds) for `moment`."""
    return int(moment.timestamp() * 1000)


def test_token_age_counts_from_the_event_timestamp() -> None:
    late = {"timestamp": stamp(RECEIVED - timedelta(seconds=40))}
    assert token_issued_at(late, RECEIVED) == RECEIVED - timedelta(seconds=40)


def test_a_line_clock_ahead_of_ours_cannot_make_a_token_younger_than_its_receipt() -> None:
    ahead = {"timestamp": stamp(RECEIVED + timedelta(seconds=30))}
    assert token_issued_at(ahead, RECEIVED) == RECEIVED
    assert token_issued_at({}, RECEIVED) == RECEIVED
    assert token_issued_at({"timestamp": "soon"}, RECEIVED) == RECEIVED
    assert token_issued_at({"timestamp": 10**20}, RECEIVED) == RECEIVED


def test_every_answer_of_every_method_has_a_decision() -> None:
    for method in ("reply", "push"):
        for answer in Answer:
            for earlier_unknown in (False, True):
                assert decide(method, answer, earlier_unknown).why


@pytest.mark.parametrize("method", ["reply", "push"])
@pytest.mark.parametrize("answer", [Answer.NOT_SENT, Answer.RATE_LIMITED, Answer.UNKNOWN, Answer.REJECTED])
def test_no_answer_without_evidence_of_delivery_marks_a_row_sent(method: str, answer: Answer) -> None:
    for earlier_unknown in (False, True):
        assert decide(method, answer, earlier_unknown).action != Action.SENT


def test_a_rejected_token_means_delivered_only_after_an_earlier_reply_of_unknown_outcome() -> None:
    assert decide("reply", Answer.TOKEN_REJECTED, True).action == Action.SENT
    assert decide("reply", Answer.TOKEN_REJECTED, False).action == Action.PUSH_NOW


def test_an_unknown_reply_is_retried_at_once_then_with_backoff() -> None:
    assert decide("reply", Answer.UNKNOWN, False).action == Action.RETRY_AT_ONCE
    assert decide("reply", Answer.UNKNOWN, True).action == Action.BACKOFF


@pytest.mark.parametrize(
    ("status", "body", "method", "answer"),
    [
        (200, b"", "reply", Answer.DELIVERED),
        (200, b"<html>not json</html>", "push", Answer.DELIVERED),
        (409, b"{}", "push", Answer.ALREADY_ACCEPTED),
        (409, b"{}", "reply", Answer.REJECTED),
        (429, b"{}", "push", Answer.RATE_LIMITED),
        (500, b"{}", "reply", Answer.UNKNOWN),
        (503, b"{}", "push", Answer.UNKNOWN),
        (400, b'{"message":"Invalid reply token"}', "reply", Answer.TOKEN_REJECTED),
        (400, b'{"message":"The request body has 1 error(s)"}', "reply", Answer.REJECTED),
        (400, b'{"message":"Invalid reply token"}', "push", Answer.REJECTED),
        (403, b"{}", "push", Answer.REJECTED),
    ],
)
def test_http_answers_are_read_by_status(status: int, body: bytes, method: str, answer: Answer) -> None:
    assert answer_for(method, status, body, {}).answer == answer


def test_retry_after_is_honoured() -> None:
    assert answer_for("push", 429, b"{}", {"Retry-After": "7"}).retry_after_s == 7.0


def row_like(**values: object) -> SimpleNamespace:
    """An outbox row as the sender sees it after claiming."""
    defaults: dict[str, object] = {
        "reply_token": "token",
        "reply_expires_at": RECEIVED + timedelta(seconds=10),
        "to": "U" + "0" * 32,
        "reply_unknown": False,
    }
    return SimpleNamespace(**{**defaults, **values})


def test_a_token_too_old_is_never_tried() -> None:
    young = row_like(reply_expires_at=RECEIVED + timedelta(seconds=5))
    old = row_like(reply_expires_at=RECEIVED + timedelta(seconds=2))
    assert plan_for(young, RECEIVED, 3.0) == Plan("reply")  # type: ignore[arg-type]
    assert plan_for(old, RECEIVED, 3.0) == Plan("push")  # type: ignore[arg-type]


def test_a_push_after_a_reply_of_unknown_outcome_is_a_chosen_possible_duplicate() -> None:
    doubtful = row_like(reply_expires_at=RECEIVED, reply_unknown=True)
    assert plan_for(doubtful, RECEIVED, 3.0) == Plan("push", "possible_duplicate")  # type: ignore[arg-type]
    group_note = row_like(reply_expires_at=RECEIVED, reply_unknown=True, to=None)
    assert plan_for(group_note, RECEIVED, 3.0) == Plan("none", "possible_loss")  # type: ignore[arg-type]


def test_an_unexpected_exception_while_sending_settles_the_row_and_it_is_retried(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_to_sdk = outbox.to_sdk
    calls = {"n": 0}

    def failing_once(messages: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("unexpected")
        return real_to_sdk(messages)

    monkeypatch.setattr(outbox, "to_sdk", failing_once)
    with Simulator(database_url, **FAST_RETRIES) as simulator:
        replies = simulator.follow("u1")
    assert len(replies) == 2, "retried after the error and delivered, not left `sending`"
    [row] = rows(database_url, OutboxMessage)
    assert (row.status, row.attempts) == ("sent", 2)


def test_a_reply_with_an_expired_token_goes_straight_to_push(database_url: str) -> None:
    with Simulator(database_url, **FAST_RETRIES) as simulator:
        event = driver.text_event(simulator.fake, simulator.user_id("late"), "こんにちは")
        event["timestamp"] -= 120_000  # redelivered two minutes after LINE issued its token
        event["deliveryContext"] = {"isRedelivery": True}
        assert simulator.post([event]).status_code == 200
        simulator.wait_idle()
        deliveries = simulator.received("late")
    assert deliveries and {d.method for d in deliveries} == {"push"}
    assert [call["method"] for call in simulator.fake.calls] == ["push"], "the old token was never tried"


def test_crisis_resources_after_a_fast_reply_of_unknown_outcome_are_a_counted_possible_duplicate(
    sim: Simulator, database_url: str
) -> None:
    sim.follow("u1")
    counted_before = uncertain_counted(sim)
    sim.fake.fail_next(LOST_RESPONSE)  # the fast reply lands, but its answer is lost
    sim.send("u1", "もう死にたい")
    deadline = time.monotonic() + 15
    while not (crisis := [row for row in rows(database_url, OutboxMessage) if row.origin == "crisis"]):
        assert time.monotonic() < deadline, "the resources were not queued as a push"
        time.sleep(0.05)  # queued by the webhook's background task once the fast reply failed
    sim.wait_idle()
    crisis = [row for row in rows(database_url, OutboxMessage) if row.origin == "crisis"]
    assert crisis and crisis[0].uncertainty == "possible_duplicate"
    assert all(row.status == "sent" for row in crisis)
    assert uncertain_counted(sim) == counted_before + 1


def uncertain_counted(sim: Simulator) -> float:
    """The server's count of possible duplicates chosen (counters are per process: compare deltas)."""
    sample = 'tsunagu_outbox_uncertain_total{decision="possible_duplicate"} '
    for line in sim.http.get("/metrics").text.splitlines():
        if line.startswith(sample):
            return float(line.removeprefix(sample))
    return 0.0
