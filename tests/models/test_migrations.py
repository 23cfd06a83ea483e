"""Alembic: the migrations build the schema the code expects, and old databases are upgraded."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from models.engine import make_engine
from models.migrate import alembic_config, check_no_drift, migrate, upgrade_to_head
from models.settings import Settings
from strategy.store.database import ensure_database


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def test_an_empty_database_upgrades_to_head_without_drift(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade_to_head(engine)
    check_no_drift(engine)  # raises if the tables in code and the migrated schema differ
    assert {"workspace", "need", "objective", "kpi", "initiative", "auditevent"} <= set(
        inspect(engine).get_table_names()
    )


def test_the_app_start_upgrades_an_older_database_and_keeps_its_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        migrate(connection, "head")
        migrate(connection, "base", down=True)
        connection.execute(text("CREATE TABLE keepsake (note TEXT)"))
        connection.execute(text("INSERT INTO keepsake VALUES ('still here')"))
    upgraded, loaded = ensure_database(Settings(database_url=url))
    with upgraded.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        kept = connection.execute(text("SELECT note FROM keepsake")).scalar_one()
    assert (version, kept) == (head_revision(), "still here")
    assert loaded is not None and loaded.name == "Meridian Outdoor Co-op"


def test_sqlite_is_tuned_for_several_users(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'tuned.db'}", busy_timeout_ms=4321)
    with engine.connect() as connection:
        pragmas = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 4321}


def test_database_url_overrides_the_embedded_default(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_SQLITE_PATH", str(tmp_path / "default.db"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert Settings().url == f"sqlite:///{tmp_path / 'default.db'}"
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:p@127.0.0.1:5432/db")
    assert Settings().url == "postgresql+psycopg://u:p@127.0.0.1:5432/db"


OLD_ROWS = (
    "INSERT INTO workspace (id, name, organisation, plan_start, horizon_years, currency, description, discount_rate,"
    " benefit_risk, cost_risk, adoption_ramp, pilot_max_initiatives, pilot_max_effort, capacity_per_quarter,"
    " archived, version, created_at, updated_at) VALUES (1, 'Old plan', '', '2026-01-01', 3, 'EUR', '', 0.1, 0.1,"
    " 0.05, '[0.5]', 3, 40, 60, 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    "INSERT INTO objective (id, workspace_id, version, created_at, updated_at, title, metric, unit) VALUES"
    " (1, 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'Keep members', '', '')",
    "INSERT INTO kpi (id, workspace_id, version, created_at, updated_at, objective_id, name, kind, unit,"
    " good_direction, library_key) VALUES (1, 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1,"
    " 'Members won back', 'lagging', '', 'up', 'won_back'), (2, 1, 1, '2026-01-01 00:00:00',"
    " '2026-01-01 00:00:00', 1, 'Renewals (cost)', 'lagging', '', 'down', NULL)",
)


def test_kpis_stored_before_categories_take_the_librarys_and_custom_ones_stay_unset(tmp_path):
    """0002: an older database's library KPIs get their library category; a custom KPI keeps none,
    so the health check asks for one instead of guessing from its name."""
    engine = make_engine(f"sqlite:///{tmp_path / 'before_categories.db'}")
    with engine.begin() as connection:
        migrate(connection, "0001")
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    upgrade_to_head(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, category FROM kpi ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [("Members won back", "customer_intimacy"), ("Renewals (cost)", None)]


def test_a_database_from_before_workshops_upgrades_and_keeps_its_workspaces(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'before_workshops.db'}")
    with engine.begin() as connection:
        migrate(connection, "0001")
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    upgrade_to_head(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"agendastep", "decision", "workshopsettings", "livesession", "participant", "vote"} <= tables
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM workspace")).scalar_one() == "Old plan"


def test_the_newest_revision_is_read_from_the_files_as_alembic_reads_it():
    from models.migrate import script_heads

    assert script_heads() == {head_revision()}
