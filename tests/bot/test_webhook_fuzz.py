"""Property-based webhook tests: any input gets 2xx or 4xx, never 5xx; unsigned bytes are never stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.simulator import Simulator, driver
from tests.bot.helpers import InboxEvent, count

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    """One running tsunagu (own SQLite) for all examples; its worker is off so only the webhook is fuzzed."""
    with Simulator(TSUNAGU_RUN_WORKER=False, TSUNAGU_MAX_BODY_BYTES=200_000) as simulator:
        yield simulator


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)

event_like = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            ["message", "follow", "unfollow", "postback", "join", "beacon", "nonsense", ""]
        ),
        "mode": st.sampled_from(["active", "standby", "weird"]),
        "timestamp": st.integers(min_value=-(2**63), max_value=2**63 - 1),
        "source": st.one_of(
            st.fixed_dictionaries({"type": st.just("user"), "userId": st.text(max_size=40)}),
            st.fixed_dictionaries(
                {"type": st.sampled_from(["group", "room"]), "groupId": st.text(max_size=40)}
            ),
            json_values,
        ),
        "webhookEventId": st.text(min_size=1, max_size=80),
        "replyToken": st.text(max_size=60),
        "message": st.one_of(
            st.fixed_dictionaries(
                {"type": st.just("text"), "id": st.text(max_size=5), "text": st.text(max_size=300)}
            ),
            json_values,
        ),
    },
    optional={"postback": json_values, "deliveryContext": json_values},
)


def stored(sim: Simulator) -> int:
    """Inbox rows stored so far."""
    return count(sim.database_url, InboxEvent)


header_values = st.text(alphabet=st.characters(codec="latin-1", exclude_categories=("Cc",)), max_size=60).map(
    lambda value: value.strip().encode("latin-1")
)


@FUZZ
@given(body=st.binary(max_size=3000), signature=header_values)
def test_arbitrary_bytes_with_arbitrary_signatures_are_refused_and_not_stored(
    sim: Simulator, body: bytes, signature: bytes
) -> None:
    before = stored(sim)
    headers = {b"x-line-signature": signature} if signature else {}
    response = sim.http.post("/line/webhook", content=body, headers=headers)
    assert 400 <= response.status_code < 500
    assert stored(sim) == before


@FUZZ
@given(payload=json_values)
def test_any_signed_json_gets_200_or_400(sim: Simulator, payload: Any) -> None:
    response = sim.post_body(json.dumps(payload).encode())
    assert response.status_code in (200, 400)


@FUZZ
@given(events=st.lists(event_like, max_size=4))
def test_event_shaped_bodies_signed_get_200_or_400_and_refusals_store_nothing(
    sim: Simulator, events: list[dict[str, Any]]
) -> None:
    before = stored(sim)
    response = sim.post_body(driver.webhook_body(events))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert stored(sim) == before


@FUZZ
@given(size=st.integers(min_value=0, max_value=400_000))
def test_any_size_is_answered_without_a_server_error(sim: Simulator, size: int) -> None:
    body = b'{"events": [], "pad": "' + b"x" * size + b'"}'
    status = sim.post_body(body).status_code
    assert status == (200 if len(body) <= 200_000 else 413)
