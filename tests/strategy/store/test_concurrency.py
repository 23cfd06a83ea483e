"""Several processes editing through the services on one SQLite file: no lost update, no traceback."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlmodel import SQLModel

import models.tables  # noqa: F401
from models.engine import make_engine
from tests.concurrency import PATHS, hammer, race_names, race_rings


@pytest.fixture
def sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'stress.db'}"
    engine = make_engine(url)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    return url


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("shared", [True, False], ids=["one record", "own records"])
def test_four_writers_lose_nothing(sqlite_url, path, shared):
    tally = hammer(sqlite_url, processes=4, edits=50, path=path, shared=shared)
    assert tally.tracebacks == []
    assert tally.lost == 0
    assert tally.updates_audited == tally.saved
    assert tally.saved + sum(tally.refused.values()) == 200
    assert set(tally.refused) <= {"stale"}
    if not shared:
        assert tally.saved == 200


def test_two_people_closing_a_ring_at_once_store_no_ring(sqlite_url):
    engine = make_engine(sqlite_url)
    rings, refused, tracebacks = race_rings(engine, pairs=6)
    assert (rings, tracebacks) == (0, [])
    assert refused == Counter({"DependencyCycle": 6})


def test_several_people_creating_one_name_at_once_make_one_workspace(sqlite_url):
    created, refused, tracebacks = race_names(make_engine(sqlite_url), writers=8)
    assert (created, tracebacks, refused) == (1, [], Counter({"InvalidInput": 7}))
