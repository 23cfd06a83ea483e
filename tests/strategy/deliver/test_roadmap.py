"""The roadmap service on the sample: the stored schedule, late objectives, gates between waves,
storing a new schedule, parked work and cycles that slipped in through an import or another editor."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from models.workspace import AuditEvent
from strategy.cycles import DependencyCycle
from strategy.deliver.roadmap import lanes_by_department, lanes_by_objective
from strategy.deliver.roadmap_store import load_roadmap, store_schedule
from strategy.store.records import list_records, update_record
from tests.factories import ACTOR

TODAY = date(2026, 11, 23)


def by_title(engine, workspace_id) -> dict[str, dict]:
    return {i["title"]: i for i in list_records(engine, "initiative", workspace_id)}


def test_the_samples_stored_schedule_is_what_the_scheduler_gives(engine, sample):
    roadmap = load_roadmap(engine, sample.id, TODAY)
    assert len(roadmap.items) == 9 and roadmap.unsaved == []
    assert [i.initiative["title"] for i in roadmap.items if i.critical] == [
        "Lapse-risk score and renewal alerts",
        "Member view at the till",
        "Next-trip recommendations",
    ]
    assert roadmap.issues == ()


def test_every_initiative_starts_after_its_dependencies_and_the_previous_wave(engine, sample):
    roadmap = load_roadmap(engine, sample.id, TODAY)
    placed = {i.initiative["id"]: i for i in roadmap.items}
    for item in roadmap.items:
        assert all(item.start > placed[d].end for d in item.initiative["depends_on_ids"])
        earlier = [p for p in roadmap.items if (p.initiative["wave"] or 0) < (item.initiative["wave"] or 0)]
        assert all(item.start > p.end for p in earlier)


def test_an_objective_due_before_its_work_ends_is_flagged(engine, sample):
    (late,) = load_roadmap(engine, sample.id, TODAY).late
    assert late.objective["title"].startswith("Resolve 80 % of member contacts at first contact")
    assert late.due == date(2027, 6, 30) and late.finish == date(2027, 7, 25)
    assert late.initiatives == ("Retire legacy member database",)


def test_the_gate_before_a_wave_shows_the_previous_waves_kpi_targets(engine, sample):
    gates = {g.wave: g for g in load_roadmap(engine, sample.id, TODAY).gates}
    assert sorted(gates) == [2, 3]
    names = [k.kpi["name"] for k in gates[2].kpis]
    assert "CRM adoption rate (active / licensed users)" in names and "Renewal rate" not in names  # leading first
    adoption = next(k for k in gates[2].kpis if k.kpi["name"].startswith("CRM adoption"))
    assert (adoption.latest, adoption.met) == (39.0, False) and not gates[2].open


def test_storing_the_schedule_writes_only_what_moved_and_audits_it(engine, sample):
    till = by_title(engine, sample.id)["Member view at the till"]
    update_record(
        engine,
        "initiative",
        sample.id,
        till["id"],
        {"duration_weeks": 30},
        expected_version=till["version"],
        actor=ACTOR,
    )
    roadmap = load_roadmap(engine, sample.id, TODAY)
    moved = {i.initiative["title"] for i in roadmap.unsaved}
    assert moved == {"Member view at the till", "Next-trip recommendations", "Retire legacy member database"}
    assert store_schedule(engine, sample.id, actor="planner", today=TODAY) == 3
    stored = by_title(engine, sample.id)
    assert stored["Next-trip recommendations"]["scheduled_start"] == date(2027, 7, 26)
    assert load_roadmap(engine, sample.id, TODAY).unsaved == []
    with Session(engine) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.actor == "planner")).all()
    assert len(events) == 3 and all("scheduled_start" in e.after for e in events)


def test_parked_work_leaves_the_schedule_and_its_dependants_are_told(engine, sample):
    till = by_title(engine, sample.id)["Member view at the till"]
    update_record(
        engine, "initiative", sample.id, till["id"], {"status": "parked"}, expected_version=till["version"], actor=ACTOR
    )
    roadmap = load_roadmap(engine, sample.id, TODAY)
    assert "Member view at the till" not in {i.initiative["title"] for i in roadmap.items}
    assert any("waits for parked 'Member view at the till'" in issue for issue in roadmap.issues)
    store_schedule(engine, sample.id, actor=ACTOR, today=TODAY)
    assert by_title(engine, sample.id)["Member view at the till"]["scheduled_start"] is None


def test_a_cycle_stored_behind_the_services_back_is_refused_by_name(engine, sample):
    titles = by_title(engine, sample.id)
    single = titles["Single member record (pilot: contact centre)"]
    update_record(
        engine,
        "initiative",
        sample.id,
        single["id"],
        {"depends_on_ids": [titles["Next-trip recommendations"]["id"]]},
        expected_version=single["version"],
        actor=ACTOR,
    )
    with pytest.raises(DependencyCycle) as caught:
        load_roadmap(engine, sample.id, TODAY)
    for name in ("Single member record", "Member view at the till", "Next-trip recommendations"):
        assert name in str(caught.value)


def test_work_behind_today_is_named(engine, sample):
    issues = load_roadmap(engine, sample.id, date(2027, 2, 1)).issues
    assert "'Member view at the till' was due to start on 28 Dec 2026 and is still planned" in " ".join(issues)
    assert any("'Lapse-risk score and renewal alerts' was due to end on 27 Dec 2026" in i for i in issues)


def test_swimlanes_by_objective_and_by_department(engine, sample):
    roadmap = load_roadmap(engine, sample.id, TODAY)
    objectives = list_records(engine, "objective", sample.id)
    lanes = lanes_by_objective(roadmap.items, objectives)
    training = "Champion network and CRM training"
    assert sum(training in {i.initiative["title"] for i in lane} for lane in lanes.values()) == 2  # serves two
    departments = lanes_by_department(roadmap.items, list_records(engine, "stakeholder", sample.id))
    assert sum(len(lane) for lane in departments.values()) == 9
    assert {i.initiative["title"] for i in departments["Marketing"]} >= {"Win-back programme"}
