"""History on a real PostgreSQL: migration 0006 keeps the trail past its workspace and refuses
rewrites; a deleted record comes back from the recycle bin."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models.migrate import alembic_config, check_no_drift, upgrade_to_head
from tests.models.test_migration_0006 import EVENT, WORKSPACE

pytestmark = pytest.mark.postgres


def test_migration_0006_keeps_the_trail_and_refuses_rewrites(pg_engine):
    with pg_engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.execute(text(WORKSPACE))
        connection.execute(text(EVENT))
    upgrade_to_head(pg_engine)
    check_no_drift(pg_engine)
    with pg_engine.begin() as connection:
        connection.execute(text("DELETE FROM workspace WHERE id = 7"))
    for statement in ("UPDATE auditevent SET actor = 'mallory'", "DELETE FROM auditevent"):
        with pytest.raises(DBAPIError, match="append-only"), pg_engine.begin() as connection:
            connection.execute(text(statement))
    with pg_engine.connect() as connection:
        assert connection.execute(text("SELECT actor, workspace_id FROM auditevent")).all() == [("ada", 7)]


def test_migration_0006_downgrades_on_postgresql(pg_engine):
    upgrade_to_head(pg_engine)
    with pg_engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        connection.execute(text(WORKSPACE))
        connection.execute(text(EVENT))
        connection.execute(text("DELETE FROM auditevent"))  # writable again once the triggers are gone
