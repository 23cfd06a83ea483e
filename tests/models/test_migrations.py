"""Alembic: the migrations build the schema the code expects, and old databases are upgraded."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from models.engine import make_engine
from models.migrate import alembic_config, check_no_drift, upgrade_to_head
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
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "base")
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


def test_the_newest_revision_is_read_from_the_files_as_alembic_reads_it():
    from models.migrate import script_heads

    assert script_heads() == {head_revision()}
