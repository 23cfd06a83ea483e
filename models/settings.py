"""Settings from the environment (prefix WORKBENCH_, plus the conventional DATABASE_URL)."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Where the data lives and the bounds the method uses."""

    model_config = SettingsConfigDict(env_prefix="WORKBENCH_", extra="ignore", populate_by_name=True)

    # Any SQLAlchemy URL; when unset, the embedded SQLite file below is used.
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "WORKBENCH_DATABASE_URL")
    )
    sqlite_path: Path = ROOT / "instance" / "workbench.db"
    sample_path: Path = ROOT / "data" / "sample_strategy.json"
    load_sample: bool = True
    # Who the audit trail names when nobody has said who they are.
    default_actor: str = "facilitator"
    # SMART "Achievable": the largest plausible change per year, relative to the baseline.
    smart_max_annual_change: float = Field(default=0.5, gt=0)
    sqlite_busy_timeout_ms: int = 5000
    # Health check bounds (docs/METHOD.md, HEALTH-…).
    # HEALTH-CAPABILITY: a gap (target - current, 1-5 scale) this large needs an initiative closing it.
    health_major_gap: int = Field(default=2, ge=1, le=4)
    # HEALTH-CONTINUUM: the target position (0 technology … 2 strategy) below which the plan aims too low.
    health_continuum_target: float = Field(default=1.5, ge=0.5, le=2)
    # HEALTH-PILOT: the largest share of all planned effort the first wave may hold.
    health_pilot_max_share: float = Field(default=0.3, gt=0, le=1)
    # HEALTH-CHANGE: days a change request may wait for the committee's decision.
    health_change_max_wait_days: int = Field(default=60, ge=1)
    # HEALTH-DATA: the longest retention, in months, before personal data is called hoarded.
    health_personal_retention_months: int = Field(default=84, ge=1, le=600)
    # KPI tracking: how far behind its target path (as a share of the planned change) a KPI may be.
    track_at_risk: float = Field(default=0.05, ge=0)
    track_off_track: float = Field(default=0.25, gt=0)
    # The funnel's weakest conversion is judged over this many latest months.
    funnel_window_months: int = Field(default=6, ge=1)
    # The largest KPI actuals CSV accepted, in bytes.
    actuals_max_bytes: int = Field(default=5_000_000, gt=0)
    # A journey step not reviewed for this many months is flagged as stale.
    step_review_months: int = Field(default=6, ge=1)
    # The longest one chart of a brief may take to draw before the brief is stopped and the chart named.
    chart_timeout_s: float = Field(default=20, gt=0)
    # The largest workspace file an import reads; larger files are refused before parsing.
    max_import_mb: float = Field(default=20, gt=0)
    # Deleted records stay in the recycle bin, restorable, for this many days.
    recycle_bin_days: int = Field(default=30, ge=1)
    # off: one local user, no sign-in, the server on localhost only; passwords: accounts signed in with
    # `python -m strategy user …` passwords; oidc: sign-in through the provider in .streamlit/secrets.toml.
    accounts: Literal["off", "passwords", "oidc"] = "off"

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"


def is_local_address(address: str | None) -> bool:
    """True when a server bound to this address is reachable from this machine only. An empty address
    means every interface (Streamlit's default), so it is not local."""
    host = (address or "").strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


LOCAL_ONLY = (
    "accounts are off (WORKBENCH_ACCOUNTS=off), so anyone who can reach this server would edit every "
    'workspace; the server must listen on localhost only (server.address = "localhost"), or turn '
    "accounts on with WORKBENCH_ACCOUNTS=passwords or oidc"
)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
