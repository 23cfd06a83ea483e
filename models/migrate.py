"""Bring any database to the newest schema, as the app and the CLI do at start."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from models.settings import ROOT


def alembic_config() -> Config:
    return Config(str(ROOT / "alembic.ini"))


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction per step."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def check_no_drift(engine: Engine) -> None:
    """Raise when the tables in code differ from the migrated schema."""
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.check(config)
