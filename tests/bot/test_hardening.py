"""Issue 14, bot side: the simulator never beside a real channel, replayed and stale events cost
nothing, malformed Unicode is stored not refused forever, /metrics needs its token, proxies are
believed only when configured, and no redirect echoes the Host header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.crisis_fast_path import STALE_MARK
from bot.metrics import scrape_allowed
from bot.settings import Settings, proxy_options
from bot.simulator import Simulator, driver
from bot.store.db import utcnow
from dialogs.crisis import crisis_reply
from tests.bot.helpers import InboxEvent, rows
from tests.bot.test_settings_and_cli import run_cli

REAL_CHANNEL = {"LINE_CHANNEL_SECRET": "a" * 32, "LINE_CHANNEL_ACCESS_TOKEN": "b" * 40}
CRISIS_TEXT = "もう死にたい"
THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000


@pytest.fixture
def sim(database_url: str) -> Iterator[Simulator]:
    """A running tsunagu with a fake LINE whose outbox retries quickly."""
    with Simulator(database_url, TSUNAGU_RETRY_BASE_S=0.02, TSUNAGU_RETRY_CAP_S=0.2) as simulator:
        yield simulator


def test_the_simulator_refuses_to_run_beside_a_real_channel(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="TSUNAGU_SIMULATOR is on while a real LINE channel"):
        Settings(TSUNAGU_SIMULATOR=True, _env_file=None, **REAL_CHANNEL)
    database = f"sqlite:///{tmp_path / 'x.db'}"
    result = run_cli(
        "migrate", env={**REAL_CHANNEL, "TSUNAGU_SIMULATOR": "true", "TSUNAGU_DATABASE_URL": database}
    )
    assert result.returncode == 2
    assert "TSUNAGU_SIMULATOR is on while a real LINE channel is configured" in result.stderr


def test_the_simulator_posts_only_to_its_own_server(sim: Simulator) -> None:
    response = sim.http.post("/simulator/api/send", json={"user": "u1"}, headers={"host": "127.0.0.2:9"})
    assert response.status_code == 200, "the event went to this server, not to the Host asked for"
    sim.wait_idle()
    assert sim.received("u1"), "the follow was answered"


def test_a_replayed_crisis_body_is_not_pushed_again(sim: Simulator) -> None:
    sim.follow("u1")
    event = driver.text_event(sim.fake, sim.user_id("u1"), CRISIS_TEXT)
    body = driver.webhook_body([event])
    assert sim.post_body(body).status_code == 200
    sim.wait_idle()
    head = crisis_reply(CRISIS_TEXT, utcnow())[0].text.splitlines()[0]
    assert sum(d.text.startswith(head) for d in sim.received("u1")) == 1
    for _ in range(3):
        assert sim.post_body(body).status_code == 200, "the same signed body, replayed"
    sim.wait_idle()
    resources = [d for d in sim.received("u1") if d.text.startswith(head)]
    assert [d.method for d in resources] == ["reply"], "no push for a replay (the reply token is spent)"


def test_a_stale_event_is_stored_but_never_answered(sim: Simulator, database_url: str) -> None:
    sim.follow("u1")
    before = len(sim.received("u1"))
    for text in ("こんにちは", CRISIS_TEXT):
        event = driver.text_event(sim.fake, sim.user_id("u1"), text)
        event["timestamp"] -= THIRTY_DAYS_MS
        assert sim.post([event]).status_code == 200
    sim.wait_idle()
    assert len(sim.received("u1")) == before, "nothing answered, by reply or by push"
    stored = [e for e in rows(database_url, InboxEvent) if e.event_type == "message"]
    assert len(stored) == 2 and all(e.payload.get(STALE_MARK) for e in stored)
    assert {e.status for e in stored} == {"done"}


def test_a_lone_surrogate_in_a_signed_message_is_stored_replaced(
    sim: Simulator, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    sim.follow("u1")
    event = driver.text_event(sim.fake, sim.user_id("u1"), "PLACEHOLDER")
    body = driver.webhook_body([event]).replace(b"PLACEHOLDER", b"secret-words\\ud800")
    for _ in range(3):
        assert sim.post_body(body).status_code == 200, "accepted, never 5xx (LINE would redeliver forever)"
    sim.wait_idle()
    [stored] = [e for e in rows(database_url, InboxEvent) if e.event_type == "message"]
    assert stored.payload["message"]["text"] == "secret-words\ufffd"
    assert stored.status == "done"
    assert "secret-words" not in caplog.text


def test_metrics_need_the_token(database_url: str) -> None:
    with Simulator(database_url, TSUNAGU_METRICS_TOKEN="m" * 32) as sim:
        assert sim.http.get("/metrics").status_code == 404
        assert sim.http.get("/metrics", headers={"authorization": "Bearer wrong"}).status_code == 404
        allowed = sim.http.get("/metrics", headers={"authorization": "Bearer " + "m" * 32})
        assert allowed.status_code == 200 and "tsunagu_" in allowed.text
    real = Settings(_env_file=None, **REAL_CHANNEL)
    assert not scrape_allowed(real, None), "a real channel without a metrics token serves no metrics"


def test_forwarded_headers_are_believed_only_from_configured_proxies() -> None:
    assert proxy_options(Settings(_env_file=None)) == {"proxy_headers": False, "forwarded_allow_ips": ""}
    configured = Settings(_env_file=None, TSUNAGU_FORWARDED_ALLOW_IPS=" 10.0.0.5 ,10.0.0.6")
    assert proxy_options(configured) == {"proxy_headers": True, "forwarded_allow_ips": "10.0.0.5,10.0.0.6"}


def test_no_redirect_echoes_the_host_header(sim: Simulator) -> None:
    for path in ("/csw/", "/healthz/", "/api/v1/cases/"):
        response = sim.http.get(path, headers={"host": "evil.example"})
        assert "evil.example" not in response.headers.get("location", ""), path
        assert response.status_code < 500
