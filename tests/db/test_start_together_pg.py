"""Several app servers started at once on a new PostgreSQL (a compose file with two replicas, a
restart after an upgrade): each creates or upgrades the schema and seeds the sample as it starts, so
they must take turns — not crash on each other's tables, not load the sample twice."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from sqlalchemy import Engine

from models.settings import Settings
from strategy.store.workspaces import list_workspaces

pytestmark = pytest.mark.postgres
SERVERS = 2


def _start(url: str, barrier: Any, outcomes: Any) -> None:
    """One server's start: the database opened, upgraded and seeded, all starting at the same moment."""
    from strategy.store.database import ensure_database

    settings = Settings(database_url=url, load_sample=True)
    barrier.wait(timeout=120)
    try:
        ensure_database(settings)
        outcomes.put("ready")
    except Exception as error:  # the test reports what a server would have died of
        outcomes.put(f"{type(error).__name__}: {str(error)[:200]}")


def test_servers_starting_together_on_a_new_database_all_start_and_seed_once(pg_engine: Engine):
    url = pg_engine.url.render_as_string(hide_password=False)
    spawn = multiprocessing.get_context("spawn")
    barrier, outcomes = spawn.Barrier(SERVERS), spawn.Queue()
    servers = [spawn.Process(target=_start, args=(url, barrier, outcomes)) for _ in range(SERVERS)]
    for server in servers:
        server.start()
    results = [outcomes.get(timeout=180) for _ in servers]
    for server in servers:
        server.join(timeout=30)
    assert results == ["ready"] * SERVERS
    assert [w.name for w in list_workspaces(pg_engine)] == ["Meridian Outdoor Co-op"]
