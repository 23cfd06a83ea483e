"""The brief's direction section says the continuum is not assessed, and draws no chart of it, until its
questions are answered."""

from __future__ import annotations

from datetime import date

from strategy.brief.content import Chart, Facts
from strategy.brief.context import BriefContext
from strategy.brief.sections_define import NOT_ASSESSED, direction_section
from strategy.store.records import save_singleton
from strategy.store.snapshot import workspace_records
from tests.factories import ACTOR, make_workspace


def section_of(engine, ws):
    return direction_section(BriefContext(ws, workspace_records(engine, ws.id), date(2026, 6, 1)))


def facts_of(engine, ws) -> dict[str, str]:
    return dict(next(b for b in section_of(engine, ws).blocks if isinstance(b, Facts)).items)


def continuum_charts(engine, ws) -> list[Chart]:
    return [b for b in section_of(engine, ws).blocks if isinstance(b, Chart) and "continuum" in b.title]


def test_an_unanswered_continuum_is_not_assessed_rather_than_process(engine):
    ws = make_workspace(engine)
    save_singleton(
        engine, "direction", ws.id, {"lead_discipline": "customer_intimacy"}, expected_version=None, actor=ACTOR
    )
    facts = facts_of(engine, ws)
    assert facts["CRM today"] == NOT_ASSESSED and facts["CRM target"] == NOT_ASSESSED
    assert not continuum_charts(engine, ws)  # no chart of the default positions ("Process, 1.00")


def test_an_answered_continuum_names_its_stages(engine):
    ws = make_workspace(engine)
    answers = {"answers": {"processes_defined": 0}, "continuum_current": 0.0, "continuum_target": 2.0}
    save_singleton(engine, "direction", ws.id, answers, expected_version=None, actor=ACTOR)
    facts = facts_of(engine, ws)
    assert facts["CRM today"] == "Technology" and facts["CRM target"] == "Strategy"
    assert len(continuum_charts(engine, ws)) == 1
