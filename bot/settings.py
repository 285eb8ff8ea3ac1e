"""Runtime configuration from the environment (and `.env`), validated at startup."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import Field, PrivateAttr, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"changeme", "change-me", "secret", "your-channel-secret", "your-access-token", "xxx"}
SIMULATOR_CHANNEL_SECRET = "tsunagu-simulator-channel-secret"  # noqa: S105 - the local simulator's own secret
SIMULATOR_ACCESS_TOKEN = "tsunagu-simulator-access-token"  # noqa: S105 - the local simulator's own token
DEFAULT_LINE_API_BASE = "https://api.line.me"
DEFAULT_LINE_DATA_API_BASE = "https://api-data.line.me"


_OFFSET = re.compile(r"([+-])(\d+(?:\.\d+)?)([mhd])")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def _clock_offset(value: str, started: datetime) -> timedelta:
    """How far the simulator's clock is from the real one: an offset (「+14h」), or a Tokyo time
    (「2026-12-05T02:00」) minus the moment the clock started."""
    text = value.strip()
    offset = _OFFSET.fullmatch(text)
    if offset is not None:
        sign = -1 if offset[1] == "-" else 1
        return sign * timedelta(**{_UNITS[offset[3]]: float(offset[2])})
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"TSUNAGU_SIMULATOR_CLOCK={value!r} is neither a time (2026-12-05T02:00) "
            "nor an offset (+14h, -2d)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("Asia/Tokyo"))
    return moment - started


class Settings(BaseSettings):
    """Everything tsunagu reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    line_channel_secret: SecretStr | None = Field(default=None, alias="LINE_CHANNEL_SECRET")
    line_channel_access_token: SecretStr | None = Field(default=None, alias="LINE_CHANNEL_ACCESS_TOKEN")
    database_url: str = Field(default="sqlite:///./tsunagu.db", alias="TSUNAGU_DATABASE_URL")
    line_api_base: str = Field(default=DEFAULT_LINE_API_BASE, alias="TSUNAGU_LINE_API_BASE")
    secret_key: SecretStr | None = Field(default=None, alias="TSUNAGU_SECRET_KEY")
    data_keys: SecretStr | None = Field(default=None, alias="TSUNAGU_DATA_KEYS")
    secret_key_file: Path = Field(default=Path("tsunagu-secret.key"), alias="TSUNAGU_SECRET_KEY_FILE")
    content_path: Path | None = Field(default=None, alias="TSUNAGU_CONTENT_PATH")
    max_body_bytes: int = Field(default=1_000_000, alias="TSUNAGU_MAX_BODY_BYTES", gt=0)
    reply_token_max_age_s: float = Field(default=50.0, alias="TSUNAGU_REPLY_TOKEN_MAX_AGE_S", gt=0)
    worker_concurrency: int = Field(default=4, alias="TSUNAGU_WORKER_CONCURRENCY", gt=0)
    """Batches in progress at once per process on PostgreSQL (SQLite has one writer: always one)."""
    worker_batch: int = Field(default=16, alias="TSUNAGU_WORKER_BATCH", gt=0)
    """Conversations whose next event is handled in one transaction."""
    poll_interval_s: float = Field(default=1.0, alias="TSUNAGU_POLL_INTERVAL_S", gt=0)
    line_timeout_s: float = Field(default=10.0, alias="TSUNAGU_LINE_TIMEOUT_S", gt=0)
    line_connections: int = Field(default=64, alias="TSUNAGU_LINE_CONNECTIONS", gt=0)
    """Concurrent connections the outbox keeps to LINE (the SDK's default is 5 per CPU)."""
    retry_base_s: float = Field(default=1.0, alias="TSUNAGU_RETRY_BASE_S", gt=0)
    retry_cap_s: float = Field(default=300.0, alias="TSUNAGU_RETRY_CAP_S", gt=0)
    outbox_lease_s: float = Field(default=10.0, alias="TSUNAGU_OUTBOX_LEASE_S", gt=0)
    """How long a claimed outbox row is held; renewed every third of it while its call is in progress."""
    reply_min_window_s: float = Field(default=3.0, alias="TSUNAGU_REPLY_MIN_WINDOW_S", gt=0)
    """A reply is tried only while its token has at least this much of its life left; else push."""
    line_probe_interval_s: float = Field(default=2.0, alias="TSUNAGU_LINE_PROBE_INTERVAL_S", gt=0)
    """While LINE is failing, one waiting row is tried this often, so recovery is seen at once."""
    max_send_attempts: int = Field(default=50, alias="TSUNAGU_MAX_SEND_ATTEMPTS", gt=0)
    run_worker: bool = Field(default=True, alias="TSUNAGU_RUN_WORKER")
    simulator_enabled: bool | None = Field(default=None, alias="TSUNAGU_SIMULATOR")
    retention_unconsented_days: int = Field(default=30, alias="TSUNAGU_RETENTION_UNCONSENTED_DAYS", gt=0)
    """Days an idle conversation that never reached consent (and handled events, sent messages) is kept."""
    retention_closed_case_days: int = Field(default=365, alias="TSUNAGU_RETENTION_CLOSED_CASE_DAYS", gt=0)
    """Days a closed case and its thread are kept: the municipality's records retention period."""
    purge_interval_hours: float = Field(default=6.0, alias="TSUNAGU_PURGE_INTERVAL_HOURS", gt=0)
    """How often the server (where the worker runs) purges what retention no longer keeps."""
    forwarded_allow_ips: str = Field(default="", alias="TSUNAGU_FORWARDED_ALLOW_IPS")
    """Comma-separated proxy addresses whose X-Forwarded-For/-Proto are believed; empty: none."""
    metrics_token: SecretStr | None = Field(default=None, alias="TSUNAGU_METRICS_TOKEN")
    """Bearer token a Prometheus scrape of /metrics must send; unset: /metrics only with the simulator."""
    simulator_clock: str | None = Field(default=None, alias="TSUNAGU_SIMULATOR_CLOCK")
    """The simulator's conversation clock, to try nights and weekends: a Tokyo time it starts at
    (「2026-12-05T02:00」, then runs on) or an offset (「+14h」「-2d」); only with the simulator."""
    event_max_age_hours: float = Field(default=24.0, alias="TSUNAGU_EVENT_MAX_AGE_HOURS", gt=0)
    """Events dated longer ago than this (past LINE's redelivery) are stored but never answered."""

    @field_validator("line_channel_secret", "line_channel_access_token", "secret_key", "metrics_token")
    @classmethod
    def refuse_placeholders(cls, value: SecretStr | None) -> SecretStr | None:
        """Refuse empty or placeholder secrets so a half-configured deployment fails at startup."""
        if value is None:
            return None
        raw = value.get_secret_value().strip()
        if not raw or raw.lower() in PLACEHOLDER_SECRETS:
            raise ValueError("is empty or a placeholder; set the real value or leave it unset")
        return value

    @model_validator(mode="after")
    def require_both_line_credentials(self) -> Settings:
        """A LINE channel needs both its secret and its access token."""
        if (self.line_channel_secret is None) != (self.line_channel_access_token is None):
            raise ValueError(
                "LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN must be set together "
                "(leave both unset to use the local LINE simulator)"
            )
        if self.simulator_enabled and self.line_channel_secret is not None:
            raise ValueError(
                "TSUNAGU_SIMULATOR is on while a real LINE channel is configured; the simulator's pages "
                "would expose cases and sign requests with the real channel secret. Unset TSUNAGU_SIMULATOR "
                "(or unset LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN to try tsunagu locally)"
            )
        if self.simulator_clock is not None:
            if not self.simulator:
                raise ValueError(
                    "TSUNAGU_SIMULATOR_CLOCK is only for the local simulator; "
                    "unset it with a real LINE channel"
                )
            _clock_offset(self.simulator_clock, datetime.now(UTC))  # refuses what is not a time
        return self

    def conversation_now(self, now: datetime) -> datetime:
        """The time a turn of the conversation runs at: `now`, or the simulator's set clock.

        A set Tokyo time counts from this process's first turn, so the clock keeps running.
        """
        if self.simulator_clock is None:
            return now
        if self._clock_started is None:
            self._clock_started = now
        return now + _clock_offset(self.simulator_clock, self._clock_started)

    _clock_started: datetime | None = PrivateAttr(default=None)

    @property
    def simulator(self) -> bool:
        """True when tsunagu talks to its own local LINE simulator instead of a real channel."""
        if self.simulator_enabled is not None:
            return self.simulator_enabled
        return self.line_channel_secret is None

    @property
    def channel_secret(self) -> str:
        """The channel secret webhooks are verified with."""
        if self.line_channel_secret is None:
            return SIMULATOR_CHANNEL_SECRET
        return self.line_channel_secret.get_secret_value()

    @property
    def access_token(self) -> str:
        """The Messaging API access token."""
        if self.line_channel_access_token is None:
            return SIMULATOR_ACCESS_TOKEN
        return self.line_channel_access_token.get_secret_value()

    @property
    def line_data_api_base(self) -> str:
        """Where rich menu images go: LINE's data host, or the same base as the API (the simulator)."""
        if self.line_api_base == DEFAULT_LINE_API_BASE:
            return DEFAULT_LINE_DATA_API_BASE
        return self.line_api_base

    def signing_key(self) -> bytes:
        """The key for pseudonymous user hashes and dashboard sessions (created once if unset)."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        path = self.secret_key_file
        if not path.exists():
            path.write_text(secrets.token_urlsafe(48), encoding="ascii")
            path.chmod(0o600)
        return path.read_text(encoding="ascii").strip().encode()


def configure_encryption(settings: Settings) -> None:
    """Install the data keys that encrypt stored message text, answers and LINE ids."""
    from bot.store import crypto

    keys = settings.data_keys.get_secret_value() if settings.data_keys else None
    crypto.configure(keys, settings.signing_key())


def proxy_options(settings: Settings) -> dict[str, Any]:
    """Uvicorn's proxy settings: forwarded headers believed only from TSUNAGU_FORWARDED_ALLOW_IPS.

    Uvicorn's own default believes them from 127.0.0.1, which is where the documented reverse proxy
    connects from, so any client could choose its address (and dodge the login throttle).
    """
    allowed = ",".join(part.strip() for part in settings.forwarded_allow_ips.split(",") if part.strip())
    if not allowed:
        return {"proxy_headers": False, "forwarded_allow_ips": ""}
    return {"proxy_headers": True, "forwarded_allow_ips": allowed}


@cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once on first use."""
    return Settings()
