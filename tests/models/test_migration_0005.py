"""Migration 0005 upgrades a database that already holds two live workspaces of one name."""

from __future__ import annotations

from sqlalchemy import inspect, text

from models.engine import make_engine
from models.migrate import check_no_drift, migrate, upgrade_to_head


def test_an_older_database_with_a_duplicate_name_upgrades_and_keeps_both(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        migrate(connection, "0001")
        for _ in range(2):
            connection.execute(
                text(
                    "INSERT INTO workspace (name, organisation, plan_start, horizon_years, currency, description,"
                    " discount_rate, benefit_risk, cost_risk, adoption_ramp, pilot_max_initiatives,"
                    " pilot_max_effort, capacity_per_quarter, archived, version, created_at, updated_at)"
                    " VALUES ('Plan', '', '2026-01-01', 3, 'EUR', '', 0.1, 0.1, 0.05, '[0.4]', 3, 40, 60, 0, 1,"
                    " '2026-01-01', '2026-01-01')"
                )
            )
    upgrade_to_head(engine)
    check_no_drift(engine)
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM workspace ORDER BY id")).scalars().all()
    assert names == ["Plan", "Plan (2)"]
    assert {"uq_workspace_live_name"} <= {i["name"] for i in inspect(engine).get_indexes("workspace")}
