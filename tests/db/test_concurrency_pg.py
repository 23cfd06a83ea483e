"""Several processes editing through the services on a real PostgreSQL: no lost update."""

from __future__ import annotations

from collections import Counter

import pytest

from models.migrate import upgrade_to_head
from tests.concurrency import PATHS, hammer, race_names, race_rings

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("shared", [True, False], ids=["one record", "own records"])
def test_four_writers_lose_nothing(pg_engine, path, shared):
    upgrade_to_head(pg_engine)
    url = pg_engine.url.render_as_string(hide_password=False)
    tally = hammer(url, processes=4, edits=50, path=path, shared=shared)
    assert tally.tracebacks == []
    assert tally.lost == 0
    assert tally.updates_audited == tally.saved
    assert set(tally.refused) <= {"stale"}
    if not shared:
        assert tally.saved == 200


def test_two_people_closing_a_ring_at_once_store_no_ring(pg_engine):
    upgrade_to_head(pg_engine)
    rings, refused, tracebacks = race_rings(pg_engine, pairs=6)
    assert (rings, tracebacks) == (0, [])
    assert refused == Counter({"DependencyCycle": 6})


def test_several_people_creating_one_name_at_once_make_one_workspace(pg_engine):
    upgrade_to_head(pg_engine)
    created, refused, tracebacks = race_names(pg_engine, writers=8)
    assert (created, tracebacks, refused) == (1, [], Counter({"InvalidInput": 7}))
