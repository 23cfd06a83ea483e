"""Traceability need → objective → KPI: the links, and the orphans that break the chain."""

from __future__ import annotations

from datetime import date

from strategy.define.traceability import orphans, trace_links
from strategy.store.records import list_records
from tests.factories_define import kpi, need, objective


def test_links_follow_the_chain_and_ignore_records_that_are_gone():
    needs = [need(7), need(8, "Quotes take a week")]
    objectives = [objective(id=1, need_ids=[7, 99]), objective(id=2, need_ids=[])]
    kpis = [kpi(1, objective_id=1), kpi(2, objective_id=1), kpi(3, objective_id=42)]
    links = trace_links(needs, objectives, kpis)
    assert links.need_objective == ((7, 1),)
    assert links.objective_kpi == ((1, 1), (1, 2))


def test_orphans_are_unserved_needs_unmeasured_objectives_and_untargeted_kpis():
    needs = [need(7), need(8, "Quotes take a week")]
    objectives = [objective(id=1, need_ids=[7]), objective(id=2, title="Improve campaign efficiency", need_ids=[])]
    kpis = [kpi(1, objective_id=1), kpi(2, objective_id=1, target=None), kpi(3, objective_id=1, target_date=None)]
    found = [(f.rule_id, f.title, f.detail) for f in orphans(needs, objectives, kpis)]
    assert found == [
        ("TRACE-NEED", "Quotes take a week", "no objective serves this need"),
        ("TRACE-OBJECTIVE", "Improve campaign efficiency", "no KPI measures this objective"),
        ("TRACE-TARGET", "KPI 2", "no target value"),
        ("TRACE-TARGET", "KPI 3", "no target date"),
    ]


def test_a_complete_chain_has_no_orphans():
    assert orphans([need(7)], [objective(id=1, need_ids=[7])], [kpi(1, target_date=date(2027, 1, 1))]) == []


def test_the_sample_shows_the_newcomer_its_loose_ends(engine, sample):
    records = {kind: list_records(engine, kind, sample.id) for kind in ("need", "objective", "kpi")}
    found = orphans(records["need"], records["objective"], records["kpi"])
    assert ("TRACE-OBJECTIVE", "Improve campaign efficiency") in {(f.rule_id, f.title) for f in found}
    assert all(f.rule_id != "TRACE-TARGET" for f in found)
