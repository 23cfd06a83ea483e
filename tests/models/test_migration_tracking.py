"""Migration 0003: a database from before tracking keeps its KPIs, which become monthly KPIs."""

from __future__ import annotations

from sqlalchemy import inspect, text

from models.engine import make_engine
from models.migrate import check_no_drift, migrate, upgrade_to_head
from strategy.store.database import load_sample
from tests.conftest import ACTOR, SAMPLE

TRACKING_TABLES = {"funnelstage", "feedback", "unusedcapability", "stepreview", "changeeffect"}


def test_an_older_database_gains_tracking_and_its_kpis_become_monthly(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade_to_head(engine)
    load_sample(engine, SAMPLE, actor=ACTOR)
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM kpi")).scalar_one()
    with engine.begin() as connection:
        migrate(connection, "0001", down=True)
    assert not TRACKING_TABLES & set(inspect(engine).get_table_names())
    upgrade_to_head(engine)
    check_no_drift(engine)
    with engine.connect() as connection:
        cadences = connection.execute(text("SELECT DISTINCT cadence_months FROM kpi")).scalars().all()
        kpis = connection.execute(text("SELECT count(*) FROM kpi")).scalar_one()
    assert cadences == [1] and kpis == before > 0
    assert set(inspect(engine).get_table_names()) >= TRACKING_TABLES
