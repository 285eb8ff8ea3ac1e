"""schemathesis against tsunagu's own OpenAPI schema (the webhook, health and the CSW JSON API): zero 5xx.

The schema is read from a running simulator (`/openapi.json`); every operation gets a bounded number of
generated requests (valid and invalid) with a live API token of a supervisor, so the API's handlers run
past authentication and see real cases as well as made-up codes. The check is `not_a_server_error`.
Run with `-s` to see how many requests each operation got.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from bot.simulator import Simulator
from dialogs import catalog
from handoff import admin
from tests.conftest import TEST_DATABASE_URL, reset_postgres

MAX_EXAMPLES = 30
"""Generated requests per operation (keeps the whole run well under two minutes)."""


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Simulator, str]]:
    """A simulator with two consented cases (one a crisis) and a supervisor's API token."""
    if TEST_DATABASE_URL:
        reset_postgres(TEST_DATABASE_URL)
        url = TEST_DATABASE_URL
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'tsunagu.db'}"
    with Simulator(url) as sim:
        for user, crisis in (("u1", False), ("u2", True)):
            sim.follow(user)
            if crisis:
                sim.send(user, "もう死にたい")
                sim.choose(user, catalog.text("crisis.human"))
            else:
                sim.choose(user, catalog.text("menu.human"))
            sim.choose(user, catalog.text("consent.share_conversation"))
        admin.add(url, login="fuzzboss", name="fuzz", role="supervisor", team=None, password=None)
        token = admin.token(url, login="fuzzboss", name="schemathesis", scope="act", days=1)
        yield sim, token


@pytest.fixture(scope="module")
def api_schema(fuzz_target: tuple[Simulator, str]) -> Any:
    """The app's own OpenAPI schema, as served."""
    sim, _ = fuzz_target
    return schemathesis.openapi.from_url(sim.base_url + "/openapi.json")


def operations(api_schema: Any) -> list[Any]:
    """Every operation of the schema."""
    return [result.ok() for result in api_schema.get_all_operations()]


def fuzz(operation: Any, strategy: Any, sim: Simulator, token: str) -> int:
    """Send `MAX_EXAMPLES` generated requests for one operation; return how many were sent.

    Raises on the first 5xx (hypothesis shrinks it to a minimal example first).
    """
    sent = 0
    headers = {"authorization": f"Bearer {token}"} if operation.path.startswith("/api/v1") else None

    @given(strategy)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
    )
    def run(case: Any) -> None:
        nonlocal sent
        sent += 1
        case.call_and_validate(
            base_url=sim.base_url, headers=headers, checks=[not_a_server_error], timeout=30
        )

    try:
        run()
    except Unsatisfiable:
        return 0  # negative mode: an operation without inputs (e.g. /healthz) has no invalid request
    return sent


# The schemathesis pytest plugin (`schemathesis.pytest.from_fixture`) does not run under pytest 9
# (it reads `request.node._nodeid`), so each operation is driven with its hypothesis strategy here.


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_operation_answers_a_server_error(
    mode: GenerationMode, api_schema: Any, fuzz_target: tuple[Simulator, str]
) -> None:
    sim, token = fuzz_target
    sent = {
        operation.label: fuzz(operation, operation.as_strategy(mode), sim, token)
        for operation in operations(api_schema)
    }
    assert len(sent) >= 8, sent
    # The webhook documents no body or headers (it reads the raw signed bytes), so only the positive
    # mode has requests for it: bare POSTs without a signature.
    assert all(count > 0 for label, count in sent.items() if "/api/v1" in label), sent
    if mode is GenerationMode.POSITIVE:
        assert sent["POST /line/webhook"] > 0, sent
    print(f"schemathesis {mode.value}: {sum(sent.values())} requests, no 5xx: {sent}")


def test_real_cases_through_every_case_operation(api_schema: Any, fuzz_target: tuple[Simulator, str]) -> None:
    """Generated requests on the cases that exist (claim, reply, close in any order): still no 5xx."""
    sim, token = fuzz_target
    codes = [c["code"] for c in sim.cases()]
    assert codes
    for code in codes:
        for operation in operations(api_schema):
            if "{code}" in operation.path:
                strategy = operation.as_strategy(GenerationMode.POSITIVE, path_parameters={"code": code})
                assert fuzz(operation, strategy, sim, token) > 0


def test_the_schema_covers_the_webhook_and_the_csw_api(api_schema: Any) -> None:
    paths = {operation.path for operation in operations(api_schema)}
    assert {"/line/webhook", "/api/v1/cases", "/api/v1/cases/{code}", "/api/v1/cases/{code}/claim"} <= paths
