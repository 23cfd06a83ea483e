"""Bring any database to the newest schema, as the app and the CLI do at start.

A database already at the newest revision is recognised from the migration files' own `revision`
lines, without importing alembic: a quick command such as `python -m strategy list` does not pay
for it. Anything else goes through alembic.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from models.settings import ROOT

if TYPE_CHECKING:
    from alembic.config import Config

VERSIONS = ROOT / "models" / "migrations" / "versions"
REVISION = re.compile(r"^revision\b[^=]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
DOWN_REVISION = re.compile(r"^down_revision\b[^=]*=\s*(.+)$", re.MULTILINE)
QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def alembic_config() -> Config:
    from alembic.config import Config

    # Alembic's default stdout is whatever sys.stdout was when alembic was first imported (a default
    # argument), which may be a stream closed since, e.g. a CLI runner's; take today's.
    return Config(str(ROOT / "alembic.ini"), stdout=sys.stdout)


def script_heads() -> set[str]:
    """The revisions no other migration builds on, read from the files."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if found := REVISION.search(text):
            revisions.add(found[1])
        if down := DOWN_REVISION.search(text):
            parents |= set(QUOTED.findall(down[1]))
    return revisions - parents


def database_revisions(engine: Engine) -> set[str]:
    """The revisions the database is stamped with (none for a new database)."""
    try:
        with engine.connect() as connection:
            return {row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")}
    except DBAPIError:
        return set()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction per step (nothing to do at the newest)."""
    heads = script_heads()
    if heads and database_revisions(engine) == heads:
        return
    with engine.begin() as connection:
        migrate(connection, "head")


def migrate(connection: Connection, revision: str, *, down: bool = False) -> None:
    """Upgrade (or downgrade) the schema on an open connection to `revision`, inside its transaction."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    (command.downgrade if down else command.upgrade)(config, revision)


def check_no_drift(engine: Engine) -> None:
    """Raise when the tables in code differ from the migrated schema."""
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.check(config)
