"""Settings of the CSW side (dashboard sessions, push budget), read from the environment at app start."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class HandoffSettings(BaseSettings):
    """What the dashboard and the API read from the environment (and `.env`)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    cookie_secure: bool = Field(default=True, alias="TSUNAGU_CSW_COOKIE_SECURE")
    idle_timeout_minutes: int = Field(default=30, alias="TSUNAGU_CSW_IDLE_MINUTES", gt=0)
    absolute_timeout_hours: int = Field(default=12, alias="TSUNAGU_CSW_ABSOLUTE_HOURS", gt=0)
    login_max_failures: int = Field(default=5, alias="TSUNAGU_CSW_LOGIN_MAX_FAILURES", gt=0)
    login_max_failures_per_address: int = Field(
        default=20, alias="TSUNAGU_CSW_LOGIN_MAX_FAILURES_PER_ADDRESS", gt=0
    )
    login_lockout_minutes: int = Field(default=15, alias="TSUNAGU_CSW_LOGIN_LOCKOUT_MINUTES", gt=0)
    push_budget_monthly: int = Field(default=200, alias="TSUNAGU_PUSH_BUDGET_MONTHLY", ge=0)
    push_budget_warn_ratio: float = Field(default=0.8, alias="TSUNAGU_PUSH_BUDGET_WARN", gt=0, le=1)
    queue_poll_seconds: int = Field(default=2, alias="TSUNAGU_CSW_POLL_SECONDS", gt=0)
    expiry_warning_seconds: int = Field(default=120, alias="TSUNAGU_CSW_EXPIRY_WARNING_SECONDS", gt=0)
    """How long before the session times out the page warns."""

    @property
    def cookie_name(self) -> str:
        """`__Host-` prefixed when Secure, so the cookie is bound to this host and path /."""
        return "__Host-tsunagu_csw" if self.cookie_secure else "tsunagu_csw"

    @property
    def login_csrf_cookie(self) -> str:
        """The double-submit cookie that protects the login form (before there is a session)."""
        return "__Host-tsunagu_login" if self.cookie_secure else "tsunagu_login"
