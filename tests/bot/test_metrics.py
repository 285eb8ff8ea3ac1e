"""GET /metrics: counters move with traffic, database gauges reflect the queues, the output parses."""

from __future__ import annotations

from datetime import UTC, datetime

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from bot.metrics import outbox_gauges
from bot.migrate import upgrade
from bot.simulator import Simulator, driver
from bot.store.case_tables import Case
from bot.store.db import create_engine as create_async_engine
from bot.store.db import session_factory, sync_url
from bot.store.outbox import quota_month_start
from bot.store.tables import OutboxMessage
from handoff.budget import push_budget

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(sim: Simulator) -> Samples:
    """Fetch /metrics and index every sample by name and labels."""
    response = sim.http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    """One sample's value, 0 when absent."""
    return samples.get((name, frozenset(labels.items())), 0.0)


def add_case(database_url: str, code: str, status: str, urgency: str, district: str | None) -> None:
    """Store a handoff case directly."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        session.add(
            Case(
                code=code,
                status=status,
                urgency=urgency,
                district=district,
                summary={},
                summary_text="",
                consent_scope="csw",
                consent_version="test",
                consented_at=datetime.now(UTC),
                queued_at=datetime(2020, 1, 1, tzinfo=UTC),
            )
        )
    engine.dispose()


def test_counters_move_and_gauges_read_the_database(database_url: str) -> None:
    with Simulator(database_url) as sim:
        before = scrape(sim)
        assert sim.send("u1", "こんにちは")
        event = driver.text_event(sim.fake, sim.user_id("u2"), "こんにちは")
        assert sim.post([event]).status_code == 200
        assert sim.post([event]).status_code == 200
        push_only = driver.text_event(sim.fake, sim.user_id("u3"), "こんにちは")
        del push_only["replyToken"]
        assert sim.post([push_only]).status_code == 200
        assert sim.post_body(b'{"events": []}', "bad-signature").status_code == 401
        sim.wait_idle()
        add_case(database_url, "TG-AAAAA1", "waiting", "crisis", "鵠沼")
        add_case(database_url, "TG-AAAAA2", "waiting", "normal", None)
        add_case(database_url, "TG-AAAAA3", "claimed", "normal", None)
        after = scrape(sim)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("tsunagu_webhook_events_total", result="stored") == 3
    assert delta("tsunagu_webhook_events_total", result="duplicate") == 1
    assert delta("tsunagu_webhook_rejected_total", status="401") == 1
    assert delta("tsunagu_webhook_answer_seconds_count", status="200") == 4
    assert delta("tsunagu_event_processing_lag_seconds_count") == 3
    assert delta("tsunagu_outbox_sent_total", method="reply") >= 2
    assert delta("tsunagu_outbox_sent_total", method="push") >= 1
    assert value(after, "tsunagu_push_budget_used") >= 1
    assert value(after, "tsunagu_inbox_pending_events") == 0
    assert value(after, "tsunagu_outbox_messages", status="pending") == 0
    assert value(after, "tsunagu_queue_waiting_cases", urgency="crisis", district="鵠沼") == 1
    assert value(after, "tsunagu_queue_waiting_cases", urgency="normal", district="unknown") == 1
    assert value(after, "tsunagu_queue_oldest_waiting_age_seconds") > 86400
    for source in ("inbox", "outbox", "cases"):
        assert value(after, "tsunagu_metrics_source_up", source=source) == 1


def test_push_budget_month_starts_at_midnight_in_tokyo() -> None:
    assert quota_month_start(datetime(2025, 3, 31, 16, 0, tzinfo=UTC)) == datetime(
        2025, 3, 31, 15, 0, tzinfo=UTC
    )
    assert quota_month_start(datetime(2025, 3, 31, 14, 0, tzinfo=UTC)) == datetime(
        2025, 2, 28, 15, 0, tzinfo=UTC
    )


async def test_metrics_and_dashboard_count_the_push_budget_the_same_way(database_url: str) -> None:
    """LINE counts message objects, not calls: a push of three messages uses three of the quota."""
    upgrade(database_url)
    now = datetime.now(UTC)
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        for count in (3, 1):
            session.add(
                OutboxMessage(
                    conversation_key="k",
                    messages=[{"text": "x"}] * count,
                    message_count=count,
                    retry_key=f"r{count}",
                    method="push",
                    status="sent",
                    sent_at=now,
                )
            )
    engine.dispose()
    async_engine = create_async_engine(database_url)
    try:
        async with async_engine.connect() as connection:
            gauges = {m.name: m for m in await outbox_gauges(connection, now)}
        async with session_factory(async_engine)() as session:
            widget = await push_budget(session, now=now, budget=200, warn_ratio=0.8)
    finally:
        await async_engine.dispose()
    assert gauges["tsunagu_push_budget_used"].samples[0].value == widget.used == 4
