"""A change request's what-if (NPV and roadmap end with and without it, critical path) and its
approval, which writes the initiative, cost and benefit lines in one audited step."""

from __future__ import annotations

from datetime import date

import pytest

from strategy.errors import InvalidInput
from strategy.store.audit import data_version
from strategy.store.records import list_records
from strategy.store.snapshot import workspace_records
from strategy.sustain.change_apply import approve_with_effect
from strategy.sustain.change_whatif import what_if
from tests.conftest import ACTOR

TODAY = date(2026, 12, 1)
PUSH = "Push trip offers through the member app"


def push_request(engine, ws_id):
    records = workspace_records(engine, ws_id)
    request = next(r for r in records["change_request"] if r["title"] == PUSH)
    return records, request, next(e for e in records["change_effect"] if e["change_request_id"] == request["id"])


def test_the_sample_push_channel_lengthens_the_roadmap_on_the_critical_path(engine, sample):
    records, request, effect = push_request(engine, sample.id)
    version = data_version(engine, sample.id)
    found = what_if(sample, records, request, effect, TODAY)
    assert found.end_with > found.end_without and found.critical
    assert found.initiative_title == "Member app push offers"
    assert found.npv_with != found.npv_without
    assert data_version(engine, sample.id) == version  # a what-if stores nothing


def test_lengthening_an_existing_initiative_moves_the_end_by_its_weeks_when_critical(engine, sample):
    records, request, effect = push_request(engine, sample.id)
    last = max(records["initiative"], key=lambda i: i["scheduled_end"] or date.min)
    found = what_if(sample, records, request, {**effect, "initiative_id": last["id"], "cost": 0, "benefit": 0}, TODAY)
    assert found.npv_with == pytest.approx(found.npv_without)
    assert found.end_with is not None and found.end_without is not None and found.end_with >= found.end_without


def test_approving_writes_the_initiative_and_its_lines_once(engine, sample):
    _, request, _ = push_request(engine, sample.id)
    before = {k: len(list_records(engine, k, sample.id)) for k in ("initiative", "cost", "benefit")}
    approved = approve_with_effect(engine, sample.id, request, "", actor=ACTOR, today=TODAY)
    initiatives = list_records(engine, "initiative", sample.id)
    new = next(i for i in initiatives if i["title"] == "Member app push offers")
    assert approved["status"] == "approved" and approved["initiative_id"] == new["id"]
    assert new["depends_on_ids"] == [next(i["id"] for i in initiatives if i["title"] == "Next-trip recommendations")]
    after = {k: len(list_records(engine, k, sample.id)) for k in ("initiative", "cost", "benefit")}
    assert after == {k: v + 1 for k, v in before.items()}
    assert list_records(engine, "change_effect", sample.id)[0]["applied"] is True


def test_no_approval_without_an_impact_assessment(engine, sample):
    _, request, _ = push_request(engine, sample.id)
    with pytest.raises(InvalidInput, match="assess the knock-on effects"):
        approve_with_effect(engine, sample.id, {**request, "impact_assessment": ""}, "", actor=ACTOR, today=TODAY)
    assert not any(i["title"] == "Member app push offers" for i in list_records(engine, "initiative", sample.id))


def test_the_assessment_written_at_the_meeting_lets_the_committee_approve(engine, sample):
    _, request, _ = push_request(engine, sample.id)
    bare = {**request, "impact_assessment": ""}
    approved = approve_with_effect(engine, sample.id, bare, "", actor=ACTOR, today=TODAY, assessment="App only")
    assert (approved["status"], approved["impact_assessment"]) == ("approved", "App only")
