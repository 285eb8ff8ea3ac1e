"""The local LINE simulator: run tsunagu against a fake LINE and talk to it as simulated users.

    from bot.simulator import Simulator

    with Simulator() as sim:
        sim.follow("u1")                       # replies to the follow event
        replies = sim.send("u1", "相談したい")   # each reply has .text and .quick_replies
        replies = sim.choose("u1", "家族")       # taps the offered quick reply containing "家族"
        sim.cases()                            # handoff cases as dicts

It starts the real app (uvicorn on a free loopback port, its own SQLite file unless a database URL
is given) and drives it only through signed HTTP webhook requests, as LINE would.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import uvicorn

from bot.migrate import upgrade
from bot.settings import Settings, proxy_options
from bot.simulator import driver
from bot.simulator.fake_line import Delivery, FakeLine

__all__ = ["Delivery", "Simulator"]

START_TIMEOUT_S = 90.0
"""The server loads the analyzer and lexicons at start: seconds when quiet, a minute on a busy machine."""
SIMULATOR_SECRET_KEY = "simulator-signing-key-" + "x" * 24


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Simulator:
    """A running tsunagu with a fake LINE, driven by simulated users."""

    def __init__(
        self, database_url: str | None = None, *, line_delay_s: float = 0.0, **settings: Any
    ) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="tsunagu-sim-")
        self.database_url = database_url or f"sqlite:///{Path(self._tmp.name) / 'tsunagu.db'}"
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        overrides: dict[str, Any] = {
            "TSUNAGU_DATABASE_URL": self.database_url,
            "TSUNAGU_LINE_API_BASE": f"{self.base_url}/simulator/line-api",
            "TSUNAGU_SECRET_KEY": SIMULATOR_SECRET_KEY,
            "TSUNAGU_SIMULATOR": True,
            "TSUNAGU_POLL_INTERVAL_S": 0.2,
            "TSUNAGU_RETRY_BASE_S": 0.05,
            "TSUNAGU_RETRY_CAP_S": 1.0,
        }
        overrides.update(settings)
        self.settings = Settings(**overrides)
        self.fake = FakeLine(
            self.settings.access_token, delay_s=line_delay_s, channel_secret=self.settings.channel_secret
        )
        self._seen: dict[str, int] = {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.http = httpx.Client(base_url=self.base_url, timeout=30.0)

    def __enter__(self) -> Simulator:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Migrate the database and start the server in a background thread."""
        from bot.app import create_app

        upgrade(self.database_url)
        app = create_app(self.settings, fake_line=self.fake)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=1,
            **proxy_options(self.settings),
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="tsunagu-simulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the simulated tsunagu server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop the server and remove the temporary database."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=15)
        self.http.close()
        self._tmp.cleanup()

    def user_id(self, user: str) -> str:
        """The LINE user id the simulator uses for `user`."""
        return driver.simulated_user_id(user)

    def post(self, events: list[dict[str, Any]]) -> httpx.Response:
        """Sign and post a webhook body carrying `events`."""
        body = driver.webhook_body(events)
        return self.post_body(body)

    def post_body(self, body: bytes, signature: str | None = None) -> httpx.Response:
        """Post raw bytes to the webhook, signed correctly unless `signature` is given."""
        headers = {"x-line-signature": signature or driver.sign(self.settings.channel_secret, body)}
        return self.http.post(
            "/line/webhook", content=body, headers={**headers, "content-type": "application/json"}
        )

    def follow(self, user: str) -> list[Delivery]:
        """The user adds the account; returns the replies."""
        return self._act(user, driver.follow_event(self.fake, self.user_id(user)))

    def send(self, user: str, text: str) -> list[Delivery]:
        """The user sends text; returns the replies."""
        return self._act(user, driver.text_event(self.fake, self.user_id(user), text))

    def choose(self, user: str, label_part: str) -> list[Delivery]:
        """Tap the last offered quick reply whose label contains `label_part`; returns the replies."""
        for delivery in reversed(self.fake.received(self.user_id(user))):
            if delivery.choices:
                for label, data in delivery.choices:
                    if label_part in label:
                        return self._act(
                            user, driver.postback_event(self.fake, self.user_id(user), data, label)
                        )
                offered = ", ".join(delivery.quick_replies)
                raise LookupError(f"no quick reply containing {label_part!r}; offered: {offered}")
        raise LookupError("no quick replies were offered to this user")

    def sticker(self, user: str) -> list[Delivery]:
        """The user sends a sticker; returns the replies."""
        return self._act(user, driver.sticker_event(self.fake, self.user_id(user)))

    def unfollow(self, user: str) -> list[Delivery]:
        """The user blocks the account; returns what was sent (nothing is expected)."""
        return self._act(user, driver.unfollow_event(self.user_id(user)))

    def received(self, user: str) -> list[Delivery]:
        """Everything the user has received so far."""
        return self.fake.received(self.user_id(user))

    def cases(self) -> list[dict[str, Any]]:
        """Handoff cases, oldest first, as dicts (code, status, summary, summary_text, consent)."""
        response = self.http.get("/simulator/api/cases")
        response.raise_for_status()
        result: list[dict[str, Any]] = response.json()
        return result

    def wait_idle(self, timeout_s: float = 15.0) -> None:
        """Wait until every stored event is processed and every outbox message settled."""
        deadline = time.monotonic() + timeout_s
        while True:
            counts = self.http.get("/simulator/api/idle").json()
            if counts["inbox_pending"] == 0 and counts["outbox_pending"] == 0:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"tsunagu still busy: {counts}")
            time.sleep(0.02)

    def _act(self, user: str, event: dict[str, Any]) -> list[Delivery]:
        """Post one event, wait until it is fully handled, and return the user's new messages."""
        response = self.post([event])
        if response.status_code != 200:
            raise RuntimeError(f"webhook answered {response.status_code}: {response.text}")
        self.wait_idle()
        received = self.received(user)
        start = self._seen.get(user, 0)
        self._seen[user] = len(received)
        return received[start:]
