"""Settings from the environment (prefix WORKBENCH_, plus the conventional DATABASE_URL)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    # The longest one chart of a brief may take to draw before the brief is stopped and the chart named.
    chart_timeout_s: float = Field(default=20, gt=0)
    # The largest workspace file an import reads; larger files are refused before parsing.
    max_import_mb: float = Field(default=20, gt=0)

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
