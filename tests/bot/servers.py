"""Real processes for fault tests: tsunagu as a subprocess, a fake LINE server, a cuttable TCP proxy."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from bot.simulator import SIMULATOR_SECRET_KEY, driver, free_port
from bot.simulator.fake_line import FakeLine

METRICS_TOKEN = "test-metrics-token-" + "m" * 24
"""The bearer token the test servers expect on /metrics."""

REPO = Path(__file__).resolve().parents[2]
STARTUP_LIMIT_S = 60
"""How long a started server may take to answer /healthz (it builds the lexicons first; a shared 2-core
machine under load has taken 30 s)."""
CHANNEL_SECRET = "fault-test-channel-secret-0123456789abcdef"
ACCESS_TOKEN = "fault-test-access-token-0123456789abcdef"


class FakeLineServer:
    """The fake LINE Messaging API served by uvicorn on its own loopback port, in a thread."""

    def __init__(self) -> None:
        self.fake = FakeLine(ACCESS_TOKEN)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.fake.app(), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> FakeLineServer:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class TsunaguProcess:
    """`tsunagu serve` in a child process, configured for a real channel pointed at a fake LINE."""

    def __init__(
        self, database_url: str, line_api_base: str, workdir: Path, command: str = "serve", **env: Any
    ) -> None:
        self.command = command
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(REPO),
            "LINE_CHANNEL_SECRET": CHANNEL_SECRET,
            "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
            "TSUNAGU_SECRET_KEY": SIMULATOR_SECRET_KEY,
            "TSUNAGU_DATABASE_URL": database_url,
            "TSUNAGU_LINE_API_BASE": line_api_base,
            "TSUNAGU_POLL_INTERVAL_S": "0.2",
            "TSUNAGU_OUTBOX_LEASE_S": "2",
            "TSUNAGU_RETRY_BASE_S": "0.05",
            "TSUNAGU_RETRY_CAP_S": "0.5",
            "TSUNAGU_METRICS_TOKEN": METRICS_TOKEN,
            **{k: str(v) for k, v in env.items()},
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.http = httpx.Client(base_url=self.base_url, timeout=10.0)

    def metrics_text(self) -> str:
        """The server's /metrics, with the bearer token Prometheus would send."""
        return self.http.get("/metrics", headers={"authorization": f"Bearer {METRICS_TOKEN}"}).text

    def start(self) -> None:
        """Start the server and wait until it answers /healthz."""
        arguments = ["serve", "--port", str(self.port)] if self.command == "serve" else [self.command]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *arguments],
            cwd=self.workdir,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if self.command != "serve":
            return
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while time.monotonic() < deadline:
            try:
                if self.http.get("/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("tsunagu did not start")

    def kill(self) -> None:
        """SIGKILL the server: no shutdown code runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server gracefully if it is still running."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.http.close()

    def post(self, events: list[dict[str, Any]]) -> int:
        """Sign and post events; the HTTP status, or 0 when the server could not be reached."""
        body = driver.webhook_body(events)
        try:
            response = self.http.post(
                "/line/webhook", content=body, headers={"x-line-signature": driver.sign(CHANNEL_SECRET, body)}
            )
        except httpx.TransportError:
            return 0
        return response.status_code


class TcpProxy:
    """A loopback TCP proxy whose link can be cut and restored, to play a database going away."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    def __enter__(self) -> TcpProxy:
        self.thread.start()
        self.restore()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cut()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)

    def restore(self) -> None:
        """Start accepting connections again."""
        asyncio.run_coroutine_threadsafe(self._listen(), self.loop).result(timeout=5)

    def cut(self) -> None:
        """Stop listening and drop every open connection."""
        asyncio.run_coroutine_threadsafe(self._close(), self.loop).result(timeout=5)

    async def _listen(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port, reuse_address=True)

    async def _close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        for writer in list(self.writers):
            writer.close()
        self.writers.clear()

    async def _handle(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        self.writers.update({client_writer, upstream_writer})

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                writer.close()

        await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))
