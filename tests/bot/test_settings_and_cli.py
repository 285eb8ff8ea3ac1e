"""Settings refuse half-configured or placeholder secrets; the CLI says so clearly; simulate runs scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import SIMULATOR_CHANNEL_SECRET, Settings

REPO = Path(__file__).resolve().parents[2]


def test_no_channel_means_simulator_mode() -> None:
    settings = Settings(_env_file=None)
    assert settings.simulator is True
    assert settings.channel_secret == SIMULATOR_CHANNEL_SECRET


def test_real_channel_is_used_when_both_credentials_are_set() -> None:
    settings = Settings(LINE_CHANNEL_SECRET="a" * 32, LINE_CHANNEL_ACCESS_TOKEN="b" * 40, _env_file=None)
    assert settings.simulator is False
    assert settings.channel_secret == "a" * 32


@pytest.mark.parametrize(
    "values",
    [
        {"LINE_CHANNEL_SECRET": "a" * 32},
        {"LINE_CHANNEL_ACCESS_TOKEN": "b" * 40},
        {"LINE_CHANNEL_SECRET": "changeme", "LINE_CHANNEL_ACCESS_TOKEN": "b" * 40},
        {"LINE_CHANNEL_SECRET": "  ", "LINE_CHANNEL_ACCESS_TOKEN": "b" * 40},
        {"TSUNAGU_SECRET_KEY": "secret"},
    ],
    ids=["secret-only", "token-only", "placeholder", "blank", "placeholder-key"],
)
def test_half_configured_or_placeholder_secrets_are_refused(values: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Settings(**values, _env_file=None)  # type: ignore[arg-type]


def test_signing_key_file_is_created_once_and_reused(tmp_path: Path) -> None:
    settings = Settings(TSUNAGU_SECRET_KEY_FILE=tmp_path / "key", _env_file=None)  # type: ignore[arg-type]
    first = settings.signing_key()
    assert first == settings.signing_key()
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot.cli` in the repo."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_reports_bad_configuration_clearly() -> None:
    result = run_cli("migrate", env={"LINE_CHANNEL_SECRET": "a" * 32})
    assert result.returncode == 2
    assert "invalid configuration" in result.stderr
    assert "LINE_CHANNEL_ACCESS_TOKEN must be set together" in result.stderr


def test_simulate_runs_a_jsonl_script(tmp_path: Path) -> None:
    script = tmp_path / "script.jsonl"
    steps = [{"user": "u1", "event": "follow"}, {"user": "u2", "text": "こんにちは"}]
    script.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in steps), encoding="utf-8")
    result = run_cli("simulate", str(script), env={"TSUNAGU_SECRET_KEY": "k" * 40})
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {line["user"] for line in lines} == {"u1", "u2"}
    assert all(line["text"] for line in lines)
    assert any(line["quick_replies"] for line in lines)
