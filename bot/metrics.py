"""Prometheus metrics at `GET /metrics`: counters of the message path, and queue gauges read at scrape time.

Counters and histograms are kept per process. With several uvicorn workers, each process counts only
its own traffic and a scrape reaches one of them; to have `/metrics` add up every worker, start the
server with `PROMETHEUS_MULTIPROC_DIR` set to an empty directory (wiped before each start), as
prometheus-client's multiprocess mode requires. Gauges about the inbox, the outbox, the CSW queue and
the push budget are read from the database at each scrape with a few indexed COUNT queries, so they
agree whichever process answers. Labels carry statuses, urgencies and districts only: no user data.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Iterable, Iterator
from datetime import datetime

from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.runtime import Runtime
from bot.store.case_tables import Case
from bot.store.db import utcnow
from bot.store.outbox import pushed_messages_since, quota_month_start
from bot.store.tables import InboxEvent, OutboxMessage
from bot.store.types import CaseStatus, InboxStatus, OutboxStatus

log = logging.getLogger(__name__)
router = APIRouter()

SCRAPE_TIMEOUT_S = 2.0
OUTBOX_STATUSES = (OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED)
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0)
LAG_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

WEBHOOK_EVENTS = Counter(
    "tsunagu_webhook_events",
    "Webhook events accepted, by result (stored, or a duplicate dropped)",
    ["result"],
)
WEBHOOK_REJECTED = Counter(
    "tsunagu_webhook_rejected", "Webhook requests refused, by HTTP status (401 = bad signature)", ["status"]
)
WEBHOOK_ANSWER = Histogram(
    "tsunagu_webhook_answer_seconds", "Time to answer a webhook request", ["status"], buckets=LATENCY_BUCKETS
)
PROCESSING_LAG = Histogram(
    "tsunagu_event_processing_lag_seconds",
    "From webhook receipt to the event's processing being committed",
    buckets=LAG_BUCKETS,
)
EVENTS_FAILED = Counter("tsunagu_events_failed", "Events given up after their last processing attempt")
OUTBOX_SENT = Counter("tsunagu_outbox_sent", "Outbox rows delivered to LINE, by method", ["method"])
OUTBOX_RETRIED = Counter("tsunagu_outbox_retried", "LINE calls that failed and are scheduled to retry")
OUTBOX_FAILED = Counter("tsunagu_outbox_failed", "Outbox rows given up (4xx or too many attempts)")


def observe_webhook(status: int, seconds: float) -> None:
    """Record one webhook answer: its latency, and a rejection when it is a 4xx."""
    WEBHOOK_ANSWER.labels(status=str(status)).observe(seconds)
    if 400 <= status < 500:
        WEBHOOK_REJECTED.labels(status=str(status)).inc()


def count_events(received: int, stored: int) -> None:
    """Record the events of one accepted webhook body: how many were new and how many redelivered."""
    WEBHOOK_EVENTS.labels(result="stored").inc(stored)
    WEBHOOK_EVENTS.labels(result="duplicate").inc(received - stored)


def age_seconds(oldest: datetime | None, now: datetime) -> float:
    """Seconds since `oldest`, or 0 when there is nothing waiting."""
    return max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0


def gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    """A gauge without labels."""
    return GaugeMetricFamily(name, documentation, value=value)


async def inbox_gauges(connection: AsyncConnection, now: datetime) -> list[Metric]:
    """Events stored but not yet processed, and the age of the oldest."""
    pending, oldest = (
        await connection.execute(
            select(func.count(), func.min(InboxEvent.received_at)).where(
                InboxEvent.status == InboxStatus.PENDING
            )
        )
    ).one()
    return [
        gauge("tsunagu_inbox_pending_events", "Webhook events stored and not yet processed", pending),
        gauge(
            "tsunagu_inbox_oldest_pending_age_seconds",
            "Age of the oldest unprocessed event",
            age_seconds(oldest, now),
        ),
    ]


async def outbox_gauges(connection: AsyncConnection, now: datetime) -> list[Metric]:
    """Outbox rows by unsettled or failed status, and push calls sent this month."""
    counts: dict[str, int] = dict.fromkeys(OUTBOX_STATUSES, 0)
    rows = await connection.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.status.in_(OUTBOX_STATUSES))
        .group_by(OutboxMessage.status)
    )
    counts.update({status: count for status, count in rows})
    family = GaugeMetricFamily(
        "tsunagu_outbox_messages", "Outbox rows waiting to be sent, being sent, or failed", labels=["status"]
    )
    for status, count in counts.items():
        family.add_metric([status], count)
    pushes = await pushed_messages_since(connection, quota_month_start(now))
    budget = gauge(
        "tsunagu_push_budget_used",
        "Push messages sent since the 1st of this month (Asia/Tokyo): what LINE counts against the quota",
        pushes,
    )
    return [family, budget]


async def queue_gauges(connection: AsyncConnection, now: datetime) -> list[Metric]:
    """Waiting handoff cases by urgency and district, and the age of the oldest."""
    family = GaugeMetricFamily(
        "tsunagu_queue_waiting_cases", "Handoff cases waiting for a CSW", labels=["urgency", "district"]
    )
    rows = await connection.execute(
        select(Case.urgency, Case.district, func.count())
        .where(Case.status == CaseStatus.WAITING)
        .group_by(Case.urgency, Case.district)
    )
    for urgency, district, count in rows:
        family.add_metric([urgency, district or "unknown"], count)
    oldest = await connection.scalar(
        select(func.min(Case.queued_at)).where(Case.status == CaseStatus.WAITING)
    )
    return [
        family,
        gauge(
            "tsunagu_queue_oldest_waiting_age_seconds",
            "How long the longest-waiting case has been in the queue",
            age_seconds(oldest, now),
        ),
    ]


Reader = Callable[[AsyncConnection, datetime], Awaitable[list[Metric]]]
SOURCES: dict[str, Reader] = {"inbox": inbox_gauges, "outbox": outbox_gauges, "cases": queue_gauges}


async def database_gauges(engine: AsyncEngine) -> list[Metric]:
    """Read every database gauge, each source in its own connection so one failure spares the others."""
    now = utcnow()
    metrics: list[Metric] = []
    up = GaugeMetricFamily(
        "tsunagu_metrics_source_up", "1 when this scrape could read the source", labels=["source"]
    )
    for source, read in SOURCES.items():
        try:
            async with asyncio.timeout(SCRAPE_TIMEOUT_S), engine.connect() as connection:
                metrics.extend(await read(connection, now))
        except (SQLAlchemyError, TimeoutError, OSError) as exc:
            log.warning("metrics source unavailable", extra={"source": source, "error": type(exc).__name__})
            up.add_metric([source], 0)
        else:
            up.add_metric([source], 1)
    return [*metrics, up]


class Snapshot:
    """A collector that yields metric families computed before the scrape."""

    def __init__(self, families: Iterable[Metric]) -> None:
        self.families = list(families)

    def collect(self) -> Iterator[Metric]:
        """Yield the precomputed families."""
        return iter(self.families)


def process_registry() -> CollectorRegistry:
    """This process's counters, or every worker's summed when multiprocess mode is on."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


async def exposition(engine: AsyncEngine) -> bytes:
    """The full text exposition: process counters followed by the database gauges."""
    snapshot = CollectorRegistry(auto_describe=False)
    snapshot.register(Snapshot(await database_gauges(engine)))
    return generate_latest(process_registry()) + generate_latest(snapshot)


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus text exposition."""
    runtime: Runtime = request.app.state.runtime
    return Response(await exposition(runtime.engine), media_type=CONTENT_TYPE_LATEST)
