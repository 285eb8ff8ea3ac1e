"""The FastAPI application: webhook, health, and (without a LINE channel) the local simulator."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, Configuration
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics, notify, retention, webhook
from bot.line_native import LineNative
from bot.logs import RequestIdMiddleware, configure_logging
from bot.outbox import OutboxSender
from bot.runtime import Runtime
from bot.settings import DEFAULT_LINE_API_BASE, Settings, configure_encryption, get_settings
from bot.simulator.fake_line import FakeLine
from bot.store.db import create_engine, is_postgres, session_factory
from bot.worker import Worker
from dialogs import catalog
from dialogs.content import use_content
from dialogs.understanding import classify
from handoff.clock import use_clock
from handoff.web import mount_dashboard

log = logging.getLogger(__name__)

CRISIS_CONNECTIONS = 16
"""The crisis fast path's own connections to LINE, so resources never queue behind ordinary sends."""


def line_configuration(settings: Settings, connections: int) -> Configuration:
    """The SDK's configuration for a client with its own pool of `connections`."""
    configuration = Configuration(host=settings.line_api_base, access_token=settings.access_token)
    configuration.connection_pool_maxsize = connections
    return configuration


SIMULATOR_API_PATH = "/simulator/line-api"
READY_TIMEOUT_S = 2.0


GC_YOUNG_THRESHOLD = 50_000


def warm_up() -> None:
    """Load the lexicons and catalog now, so the first message (maybe a crisis) waits for neither."""
    classify("")
    catalog.entries()


def tune_garbage_collector() -> None:
    """Collect cycles less often and never rescan what startup loaded.

    With CPython's default (a young collection every 700 allocations) the collector's pauses set the
    webhook's tail: bench/run.py's ladder at 32 concurrent requests gave p99 163-172 ms with the
    default and 41-44 ms with this, and 1,400 -> 1,500-1,900 answers/s. Reference counting still
    frees all other garbage at once; only cyclic garbage waits a little longer.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def create_app(settings: Settings | None = None, *, fake_line: FakeLine | None = None) -> FastAPI:
    """Build the app; a LINE client, worker and outbox sender start in its lifespan."""
    settings = settings or get_settings()
    configure_logging()
    use_content(settings.content_path)  # a broken file stops startup here, naming file, line and field
    use_clock(settings.conversation_now if settings.simulator_clock is not None else None)
    configure_encryption(settings)
    if settings.simulator and settings.line_api_base == DEFAULT_LINE_API_BASE:
        raise RuntimeError(
            "No LINE channel is configured, so tsunagu runs with its local simulator: set "
            "TSUNAGU_LINE_API_BASE to this server's /simulator/line-api (`tsunagu demo` and "
            "`tsunagu serve` do this for you)."
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url)
        runtime = Runtime(settings, engine, session_factory(engine), settings.signing_key())
        app.state.runtime = runtime
        warm_up()
        tune_garbage_collector()
        async with (
            AsyncApiClient(line_configuration(settings, settings.line_connections)) as outbox_client,
            AsyncApiClient(line_configuration(settings, CRISIS_CONNECTIONS)) as crisis_client,
        ):
            runtime.crisis_api = AsyncMessagingApi(crisis_client)
            tasks = []
            if settings.run_worker:
                runtime.line = LineNative(
                    AsyncMessagingApi(outbox_client), quota_from_line=not settings.simulator
                )
                tasks.append(asyncio.create_task(runtime.line.run(), name="line-loading"))
                tasks.append(asyncio.create_task(Worker(runtime).run(), name="worker"))
                tasks.append(
                    asyncio.create_task(
                        OutboxSender(runtime, AsyncMessagingApi(outbox_client)).run(), name="outbox"
                    )
                )
                purging = retention.run_periodically(
                    runtime.engine,
                    runtime.sessions,
                    retention.RetentionPolicy.from_settings(settings),
                    interval_s=settings.purge_interval_hours * 3600,
                )
                tasks.append(asyncio.create_task(purging, name="retention"))
                if is_postgres(engine):
                    tasks.append(asyncio.create_task(notify.listen(runtime), name="inbox-notifications"))
            runtime.wake_worker()
            runtime.wake_outbox()
            try:
                yield
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                await engine.dispose()

    interactive_docs = settings.simulator
    app = FastAPI(
        title="tsunagu",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs" if interactive_docs else None,
        redoc_url="/redoc" if interactive_docs else None,
        redirect_slashes=False,  # Starlette's slash redirects copy the client's Host into Location
    )
    app.include_router(webhook.router)
    mount_dashboard(app)  # CSW dashboard (/csw) and JSON API (/api/v1)
    app.include_router(metrics.router)
    app.add_middleware(RequestIdMiddleware)

    @app.get("/healthz", summary="Liveness")
    async def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @app.get("/readyz", summary="Readiness: the database answers")
    async def readyz() -> JSONResponse:
        """Ready when the database answers a trivial query within two seconds."""
        runtime: Runtime = app.state.runtime
        try:
            async with asyncio.timeout(READY_TIMEOUT_S), runtime.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, TimeoutError, OSError):
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    if settings.simulator:
        from bot.simulator.routes import mount_simulator

        fake = fake_line or FakeLine(settings.access_token, channel_secret=settings.channel_secret)
        mount_simulator(app, fake, SIMULATOR_API_PATH)
    return app
