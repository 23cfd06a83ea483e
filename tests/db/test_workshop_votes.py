"""The dot-vote allowance holds on a real PostgreSQL server when votes arrive at once."""

from __future__ import annotations

import pytest

from models.migrate import upgrade_to_head
from strategy.workshop.participation import ballot
from strategy.workshop.sessions import join, open_session
from tests.factories import ACTOR, make_need, make_workspace
from tests.strategy.workshop.test_live import concurrent_votes

pytestmark = pytest.mark.postgres


def test_concurrent_votes_never_exceed_the_allowance_on_postgres(pg_engine):
    upgrade_to_head(pg_engine)
    ws = make_workspace(pg_engine)
    need = make_need(pg_engine, ws.id)
    live = open_session(pg_engine, ws.id, actor=ACTOR, minutes=30, allowance=3)
    seat = join(pg_engine, live.code, "Ana")
    outcomes = concurrent_votes(pg_engine, seat.token, need["id"], attempts=16)
    assert outcomes.count("ok") == 3 and ballot(pg_engine, seat.token).remaining == 0
