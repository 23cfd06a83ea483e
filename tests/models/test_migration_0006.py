"""Migration 0006: the audit trail of an older database outlives its workspace and can no longer be
rewritten; the recycle bin and baselines have their tables."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from models.engine import make_engine
from models.migrate import check_no_drift, migrate, upgrade_to_head

WORKSPACE = (
    "INSERT INTO workspace (id, name, organisation, plan_start, horizon_years, currency, description,"
    " discount_rate, benefit_risk, cost_risk, adoption_ramp, pilot_max_initiatives, pilot_max_effort,"
    " capacity_per_quarter, archived, version, created_at, updated_at) VALUES (7, 'Plan', '', '2026-01-01', 3,"
    " 'EUR', '', 0.1, 0.1, 0.05, '[0.4]', 3, 40, 60, false, 1, '2026-01-01', '2026-01-01')"
)
EVENT = (
    "INSERT INTO auditevent (workspace_id, at, actor, table_name, row_id, action, before, after)"
    " VALUES (7, '2026-01-01', 'ada', 'workspace', 7, 'create', NULL, '{}')"
)


def _database_at_0005(tmp_path) -> Engine:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        migrate(connection, "0005")
        connection.execute(text(WORKSPACE))
        connection.execute(text(EVENT))
    return engine


def test_the_trail_outlives_a_workspace_removed_for_good(tmp_path):
    engine = _database_at_0005(tmp_path)
    upgrade_to_head(engine)
    check_no_drift(engine)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM workspace WHERE id = 7"))
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT actor, workspace_id FROM auditevent")).all()
    assert kept == [("ada", 7)]
    assert {"binentry", "baseline"} <= set(inspect(engine).get_table_names())


@pytest.mark.parametrize("statement", ["UPDATE auditevent SET actor = 'mallory'", "DELETE FROM auditevent"])
def test_the_upgraded_trail_refuses_rewrites(tmp_path, statement):
    engine = _database_at_0005(tmp_path)
    upgrade_to_head(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT actor FROM auditevent")).scalars().all() == ["ada"]


def test_downgrading_0006_gives_back_the_cascade_and_the_writable_trail(tmp_path):
    engine = _database_at_0005(tmp_path)
    upgrade_to_head(engine)
    with engine.begin() as connection:
        migrate(connection, "0005", down=True)
    assert "binentry" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM workspace WHERE id = 7"))
        assert connection.execute(text("SELECT count(*) FROM auditevent")).scalar_one() == 0
