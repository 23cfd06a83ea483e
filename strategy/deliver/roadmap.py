"""The roadmap as a live view of the records: prioritise, schedule, find the critical path, check the
plan against objectives, waves and today — and store the schedule when a person asks for it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.workspace import WorkspaceBase
from strategy.deliver.plan_window import plan_end
from strategy.deliver.prioritise import Prioritised, prioritise
from strategy.deliver.roadmap_checks import (
    Gate,
    LateObjective,
    Scheduled,
    behind_today,
    beyond_horizon,
    late_objectives,
    wave_gates,
)
from strategy.deliver.schedule import Schedule, Task, schedule
from strategy.deliver.slack import slack_days
from strategy.edits import TableEdits
from strategy.plan.business_case import initiative_economics

Record = Mapping[str, Any]
Records = Mapping[str, Sequence[Record]]
NO_LANE = {"objective": "No objective yet", "department": "No owner yet"}
STATUS_LABELS = {
    "proposed": "Proposed",
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "parked": "Parked (out of the plan)",
}


@dataclass(frozen=True)
class RoadmapItem:
    """One scheduled initiative: its dates, whether it is critical, its slack and its priority rank."""

    initiative: Record
    start: date
    end: date
    critical: bool
    slack_days: int
    rank: int

    @property
    def stored_matches(self) -> bool:
        """Whether the stored schedule already says what the live schedule says."""
        return (self.initiative["scheduled_start"], self.initiative["scheduled_end"]) == (self.start, self.end)


@dataclass(frozen=True)
class Roadmap:
    """Everything the roadmap page, the CLI and the brief show, computed from one set of records."""

    items: tuple[RoadmapItem, ...]  # in start order
    parked: tuple[Record, ...]
    ranked: tuple[Prioritised, ...]
    schedule: Schedule
    issues: tuple[str, ...]
    late: tuple[LateObjective, ...]
    gates: tuple[Gate, ...]
    plan_start: date
    plan_end: date

    @property
    def critical_ids(self) -> set[int]:
        return {item.initiative["id"] for item in self.items if item.critical}

    @property
    def unsaved(self) -> list[RoadmapItem]:
        """Initiatives whose stored dates differ from the live schedule."""
        return [item for item in self.items if not item.stored_matches]


def to_tasks(initiatives: Sequence[Record], ranked: Sequence[Prioritised], plan_start: date) -> list[Task]:
    """The scheduler's view in priority order (the scheduler takes the waves in turn)."""
    rank = {p.initiative["id"]: p.rank for p in ranked}
    live = {i["id"] for i in initiatives}
    ordered = sorted(initiatives, key=lambda i: (rank.get(i["id"], 0), i["id"]))
    return [
        Task(
            id=i["id"],
            title=i["title"],
            duration_weeks=int(i["duration_weeks"]),
            effort=float(i["effort"]),
            release=max(plan_start, i["earliest_start"] or plan_start),
            depends_on=tuple(d for d in i["depends_on_ids"] if d in live),
            pinned=i["pinned_start"],
            wave=i["wave"],
        )
        for i in ordered
    ]


def parked_dependencies(active: Sequence[Record], parked: Sequence[Record]) -> list[str]:
    """Dependencies on parked work: the schedule ignores them until that work is planned again."""
    titles = {p["id"]: p["title"] for p in parked}
    return [
        f"'{i['title']}' waits for parked '{titles[d]}': the schedule ignores that dependency while it is parked"
        for i in active
        for d in i["depends_on_ids"]
        if d in titles
    ]


def placed_items(
    active: Sequence[Record], ranked: Sequence[Prioritised], planned: Schedule, slack: Mapping[int, int]
) -> list[RoadmapItem]:
    """Each scheduled initiative with its dates, slack and rank, in start order."""
    rank = {p.initiative["id"]: p.rank for p in ranked}
    items = [
        RoadmapItem(
            i,
            planned.placements[i["id"]].start,
            planned.placements[i["id"]].end,
            slack[i["id"]] <= 0,
            slack[i["id"]],
            rank[i["id"]],
        )
        for i in active
    ]
    return sorted(items, key=lambda item: (item.start, item.end, item.rank))


def build_roadmap(workspace: WorkspaceBase, records: Records, today: date) -> Roadmap:
    """The whole roadmap from the stored records; raises DependencyCycle naming a ring of waits."""
    initiatives = records["initiative"]
    active = [i for i in initiatives if i["status"] != "parked"]
    parked = [i for i in initiatives if i["status"] == "parked"]
    economics = initiative_economics(
        workspace, [dict(c) for c in records["cost"]], [dict(b) for b in records["benefit"]]
    )
    ranked = prioritise(active, economics)
    tasks = to_tasks(active, ranked, workspace.plan_start)
    planned = schedule(tasks, workspace.capacity_per_quarter)
    items = placed_items(active, ranked, planned, slack_days(tasks, planned))
    scheduled = [Scheduled(item.initiative, item.start, item.end) for item in items]
    last_day = plan_end(workspace.plan_start, workspace.horizon_years)
    issues = [
        *(issue.message for issue in planned.issues),
        *parked_dependencies(active, parked),
        *beyond_horizon(scheduled, last_day),
        *behind_today(scheduled, today),
    ]
    gates = wave_gates(initiatives, records["objective"], records["kpi"], records["measurement"])
    return Roadmap(
        items=tuple(items),
        parked=tuple(parked),
        ranked=tuple(ranked),
        schedule=planned,
        issues=tuple(issues),
        late=tuple(late_objectives(records["objective"], scheduled)),
        gates=tuple(gates),
        plan_start=workspace.plan_start,
        plan_end=last_day,
    )


def schedule_edits(roadmap: Roadmap) -> TableEdits:
    """The stored dates to change so the records say what the live schedule says (parked work
    loses its dates: it is not in the plan)."""
    edits = TableEdits()
    for item in roadmap.unsaved:
        edits.edited[item.initiative["id"]] = (
            item.initiative["version"],
            {"scheduled_start": item.start, "scheduled_end": item.end},
        )
    for parked in roadmap.parked:
        if parked["scheduled_start"] is not None or parked["scheduled_end"] is not None:
            edits.edited[parked["id"]] = (parked["version"], {"scheduled_start": None, "scheduled_end": None})
    return edits


def lanes_by_objective(items: Sequence[RoadmapItem], objectives: Sequence[Record]) -> dict[str, list[RoadmapItem]]:
    """Swimlanes: each objective's initiatives (one serving two objectives shows in both)."""
    lanes: dict[str, list[RoadmapItem]] = {}
    for objective in sorted(objectives, key=lambda o: o["id"]):
        serving = [item for item in items if objective["id"] in item.initiative["objective_ids"]]
        if serving:
            lanes[objective["title"]] = serving
    unserved = [item for item in items if not item.initiative["objective_ids"]]
    if unserved:
        lanes[NO_LANE["objective"]] = unserved
    return lanes


def lanes_by_department(items: Sequence[RoadmapItem], stakeholders: Sequence[Record]) -> dict[str, list[RoadmapItem]]:
    """Swimlanes: the initiatives owned by each department (through their owner)."""
    departments = {s["id"]: s["department"] for s in stakeholders}
    lanes: dict[str, list[RoadmapItem]] = {}
    for item in items:
        lane = departments.get(item.initiative["owner_id"], NO_LANE["department"])
        lanes.setdefault(lane, []).append(item)
    return dict(sorted(lanes.items(), key=lambda kv: (kv[0] == NO_LANE["department"], kv[0])))
