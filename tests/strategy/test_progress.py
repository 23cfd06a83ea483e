"""Journey progress on the home page is judged from the records."""

from __future__ import annotations

from models.registry import ENTITIES
from strategy.progress import journey_progress
from strategy.store.snapshot import workspace_records
from tests.factories import make_need, make_workspace

EMPTY = {e.kind: [] for e in ENTITIES}


def scores(records) -> dict[str, float]:
    return {step.step: round(step.score, 2) for step in journey_progress(records)}


def test_an_empty_workspace_has_done_nothing():
    assert set(scores(EMPTY).values()) == {0.0}


def test_needs_from_one_department_and_one_level_are_a_partial_need(engine):
    ws = make_workspace(engine)
    make_need(engine, ws.id, level="end_user")
    need = next(s for s in journey_progress(workspace_records(engine, ws.id)) if s.step == "Need")
    assert round(need.score, 2) == round((1 / 3 + 1 / 3 + 1 / 2) / 3, 2)
    assert need.evidence == "1 need from 1 department; top-down no, bottom-up yes"


def test_the_sample_is_complete_but_for_its_one_vague_objective(engine, sample):
    result = scores(workspace_records(engine, sample.id))
    assert {k for k, v in result.items() if v < 1} == {"Objectives"}
