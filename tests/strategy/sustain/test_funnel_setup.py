"""A funnel from a template: a KPI per stage and the stages in order, all or nothing, once."""

from __future__ import annotations

import pytest

from strategy.errors import InvalidInput
from strategy.store.records import list_records
from strategy.sustain.funnel import MEMBER_LIFECYCLE
from strategy.sustain.funnel_setup import set_up_funnel
from tests.factories import ACTOR, make_workspace


def objective_of(engine, ws_id: int) -> int:
    from strategy.store.records import create_record

    return create_record(engine, "objective", ws_id, {"title": "Keep members"}, actor=ACTOR)["id"]


def test_a_template_makes_a_counting_kpi_for_each_stage_in_order(engine):
    ws = make_workspace(engine)
    made = set_up_funnel(engine, ws.id, "Member lifecycle", objective_of(engine, ws.id), actor=ACTOR)
    stages = sorted(list_records(engine, "funnel_stage", ws.id), key=lambda s: s["position"])
    kpis = {k["id"]: k for k in list_records(engine, "kpi", ws.id)}
    assert made == 5 and [s["name"] for s in stages] == list(MEMBER_LIFECYCLE)
    assert [kpis[s["kpi_id"]]["name"] for s in stages] == [f"{name} per month" for name in MEMBER_LIFECYCLE]


def test_a_second_set_up_is_refused_and_writes_nothing(engine):
    ws = make_workspace(engine)
    objective = objective_of(engine, ws.id)
    set_up_funnel(engine, ws.id, "Sales funnel", objective, actor=ACTOR)
    with pytest.raises(InvalidInput, match="has a funnel already"):
        set_up_funnel(engine, ws.id, "Member lifecycle", objective, actor=ACTOR)
    assert len(list_records(engine, "kpi", ws.id)) == 5


def test_an_objective_from_elsewhere_leaves_no_half_made_funnel(engine):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput):
        set_up_funnel(engine, ws.id, "Sales funnel", 999, actor=ACTOR)
    assert list_records(engine, "kpi", ws.id) == [] and list_records(engine, "funnel_stage", ws.id) == []
