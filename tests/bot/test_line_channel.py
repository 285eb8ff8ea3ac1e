"""`tsunagu line check` and `tsunagu line setup` against the simulator's LINE API, and serving on an
unmigrated database."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from linebot.v3.messaging import RichMenuResponse

from bot import cli, line_channel
from bot.migrate import is_current
from bot.settings import Settings
from bot.simulator import SIMULATOR_SECRET_KEY, Simulator
from dialogs.content import use_content
from tests.conftest import SECOND_CITY, TEST_DATABASE_URL


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """A running tsunagu whose fake LINE plays the channel."""
    with Simulator() as simulator:
        yield simulator


def channel(sim: Simulator, token: str | None = None) -> Settings:
    """Settings that reach the simulator's LINE API (with another token when given)."""
    values: dict[str, object] = {
        "TSUNAGU_LINE_API_BASE": f"{sim.base_url}/simulator/line-api",
        "TSUNAGU_SECRET_KEY": SIMULATOR_SECRET_KEY,
        "TSUNAGU_SIMULATOR": not token,  # a configured channel never runs beside the simulator
    }
    if token:
        values.update(LINE_CHANNEL_SECRET="some-channel-secret-value", LINE_CHANNEL_ACCESS_TOKEN=token)
    return Settings(**values)


def tsunagu_menus(sim: Simulator) -> dict[str, str]:
    """tsunagu's rich menus on the fake channel: id -> name."""
    return {i: m.definition["name"] for i, m in sim.fake.rich_menus.items()}


def test_check_reports_a_channel_that_is_not_set_up(sim: Simulator) -> None:
    """Token and modes are fine, but no webhook is set: a problem, so a non-zero exit."""
    report = line_channel.check(channel(sim))
    text = report.text()
    assert not report.ok
    assert "ok      token: valid" in text
    assert "ok      chat mode: bot" in text
    assert "PROBLEM webhook: no endpoint is set" in text
    assert "ok      quota: 0 of 200 messages used this month" in text


def test_setup_sets_the_webhook_and_menus_and_is_idempotent(sim: Simulator) -> None:
    """Setup tests the webhook, creates both menus with PNG images of their size, sets the default;
    running it again changes nothing, and a changed content file replaces the menus instead of adding."""
    settings = channel(sim)
    url = f"{sim.base_url}/line/webhook"
    first = line_channel.setup(settings, webhook_url=url)
    assert first.ok, first.text()
    assert "ok      webhook test: the server answered 200" in first.text()
    assert sim.fake.webhook_endpoint == url and sim.fake.webhook_active
    menus = tsunagu_menus(sim)
    assert sorted(name.split(":")[1] for name in menus.values()) == ["bot", "person"]
    for menu in sim.fake.rich_menus.values():
        assert menu.image is not None and menu.image_type == "image/png"
        width, height = struct.unpack(">II", menu.image[16:24])
        assert (width, height) == (menu.definition["size"]["width"], menu.definition["size"]["height"])
        RichMenuResponse.from_dict({"richMenuId": "x", **menu.definition})  # the SDK's shape
    default = sim.fake.default_rich_menu
    assert default is not None and menus[default].startswith("tsunagu:bot:")

    again = line_channel.setup(settings, webhook_url=url)
    assert again.ok and "unchanged" in again.text()
    assert tsunagu_menus(sim) == menus and sim.fake.default_rich_menu == default

    use_content(SECOND_CITY)
    changed = line_channel.setup(settings, webhook_url=url)
    assert changed.ok, changed.text()
    replaced = tsunagu_menus(sim)
    assert len(replaced) == 2 and not set(replaced) & set(menus)
    labels = [
        a["action"]["label"]
        for a in sim.fake.rich_menus[sim.fake.default_rich_menu or ""].definition["areas"]
    ]
    assert labels[0] == "窓口を調べる"
    assert line_channel.check(settings).ok


def test_a_refused_token_is_a_problem_and_exit_status_one(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong token: the report says so and `tsunagu line check` exits 1."""
    report = line_channel.check(channel(sim, token="not-the-channel-token"))
    assert not report.ok
    assert "PROBLEM token: LINE refused the channel access token (401)" in report.text()
    monkeypatch.setenv("LINE_CHANNEL_SECRET", "some-channel-secret-value")
    monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", "not-the-channel-token")
    monkeypatch.setenv("TSUNAGU_LINE_API_BASE", f"{sim.base_url}/simulator/line-api")
    monkeypatch.setenv("TSUNAGU_SECRET_KEY", SIMULATOR_SECRET_KEY)
    assert cli.main(["line", "check"]) == 1
    assert "PROBLEM token" in capsys.readouterr().out
    assert cli.main(["line", "setup", "--url", "https://tsunagu.example/line/webhook"]) == 1


def test_serve_migrates_an_unmigrated_sqlite_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tsunagu serve` on a new SQLite file applies the migrations before serving."""
    url = f"sqlite:///{tmp_path / 'new.db'}"
    monkeypatch.setenv("TSUNAGU_DATABASE_URL", url)
    monkeypatch.setenv("TSUNAGU_SECRET_KEY", SIMULATOR_SECRET_KEY)
    monkeypatch.setenv("TSUNAGU_LINE_API_BASE", "http://127.0.0.1:8000/simulator/line-api")  # serve sets it
    served: list[bool] = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: served.append(True))
    assert cli.main(["serve"]) == 0
    assert served and is_current(url)


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs TSUNAGU_TEST_DATABASE_URL (PostgreSQL)")
def test_serve_refuses_an_unmigrated_postgresql_database(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On PostgreSQL, serve never migrates by itself: it stops and says to run `tsunagu migrate`."""
    monkeypatch.setenv("TSUNAGU_DATABASE_URL", database_url)
    monkeypatch.setenv("TSUNAGU_SECRET_KEY", SIMULATOR_SECRET_KEY)
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("served an unmigrated database"))
    assert cli.main(["serve"]) == 2
    assert "run `tsunagu migrate`" in capsys.readouterr().err
    assert not is_current(database_url)
