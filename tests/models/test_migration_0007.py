"""Migration 0007 adds accounts and memberships to a database that already holds a workspace, and a
membership goes with its workspace or its account."""

from __future__ import annotations

from sqlalchemy import inspect, text

from models.engine import make_engine
from models.migrate import check_no_drift, migrate, upgrade_to_head

WORKSPACE = (
    "INSERT INTO workspace (name, organisation, plan_start, horizon_years, currency, description,"
    " discount_rate, benefit_risk, cost_risk, adoption_ramp, pilot_max_initiatives,"
    " pilot_max_effort, capacity_per_quarter, archived, version, created_at, updated_at)"
    " VALUES ('Plan', '', '2026-01-01', 3, 'EUR', '', 0.1, 0.1, 0.05, '[0.4]', 3, 40, 60, 0, 1,"
    " '2026-01-01', '2026-01-01')"
)


def test_an_older_database_gains_accounts_and_keeps_its_workspace(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        migrate(connection, "0006")
        connection.execute(text(WORKSPACE))
    upgrade_to_head(engine)
    check_no_drift(engine)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO account (name, display_name, created_at) VALUES ('ana', '', '2026-12')"))
        connection.execute(text("INSERT INTO membership VALUES (1, 1, 'owner')"))
        assert connection.execute(text("SELECT name FROM workspace")).scalars().all() == ["Plan"]
        connection.execute(text("DELETE FROM workspace"))
        assert connection.execute(text("SELECT count(*) FROM membership")).scalar_one() == 0
    assert {"account", "membership"} <= set(inspect(engine).get_table_names())


def test_the_downgrade_removes_both_tables(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    upgrade_to_head(engine)
    with engine.begin() as connection:
        migrate(connection, "0006", down=True)
    assert not {"account", "membership"} & set(inspect(engine).get_table_names())
