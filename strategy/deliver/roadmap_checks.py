"""What keeps a roadmap honest: objectives due before their work ends, gates between waves (the KPI
targets of one wave that must be met before the next starts), and work running behind today."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from models.labels import DATE_TEXT

Record = Mapping[str, Any]
NOT_STARTED = frozenset({"proposed", "planned"})


@dataclass(frozen=True)
class Scheduled:
    """An initiative with the dates the schedule gives it (end is its last day)."""

    initiative: Record
    start: date
    end: date


@dataclass(frozen=True)
class LateObjective:
    """An objective due before the initiatives that serve it are finished."""

    objective: Record
    due: date
    finish: date
    initiatives: tuple[str, ...]  # titles of the work still running on the due date

    @property
    def days_late(self) -> int:
        return (self.finish - self.due).days


def late_objectives(objectives: Sequence[Record], scheduled: Sequence[Scheduled]) -> list[LateObjective]:
    """Objectives whose due date comes before the last serving initiative ends, latest first."""
    serving: dict[int, list[Scheduled]] = defaultdict(list)
    for item in scheduled:
        for objective_id in item.initiative["objective_ids"]:
            serving[objective_id].append(item)
    found = []
    for objective in objectives:
        due, work = objective.get("due_date"), serving.get(objective["id"], [])
        finish = max((item.end for item in work), default=None)
        if due is not None and finish is not None and finish > due:
            titles = tuple(item.initiative["title"] for item in work if item.end > due)
            found.append(LateObjective(objective, due, finish, titles))
    return sorted(found, key=lambda late: -late.days_late)


@dataclass(frozen=True)
class GateKpi:
    """A KPI target the previous wave must meet, with the latest measurement against it."""

    kpi: Record
    objective_title: str
    latest: float | None
    measured_on: date | None

    @property
    def met(self) -> bool | None:
        """True or False once measured; None while there is no measurement yet."""
        if self.latest is None:
            return None
        target = float(self.kpi["target"])
        return self.latest >= target if self.kpi["good_direction"] == "up" else self.latest <= target


@dataclass(frozen=True)
class Gate:
    """Between two waves: the targets of the earlier wave's objectives that open the next one."""

    wave: int
    previous_wave: int
    kpis: tuple[GateKpi, ...]

    @property
    def open(self) -> bool:
        return bool(self.kpis) and all(k.met for k in self.kpis)


def latest_measurements(measurements: Sequence[Record]) -> dict[int, Record]:
    """The newest measurement of each KPI."""
    newest: dict[int, Record] = {}
    for m in measurements:
        if m["kpi_id"] not in newest or m["measured_on"] >= newest[m["kpi_id"]]["measured_on"]:
            newest[m["kpi_id"]] = m
    return newest


def gate_kpis(objective_ids: set[int], kpis: Sequence[Record]) -> list[Record]:
    """The KPIs with targets that judge a wave: each objective's leading indicators (they move
    first, so a wave can prove itself on them), or its lagging ones when it has no leading KPI."""
    with_target: dict[int, list[Record]] = defaultdict(list)  # grouped once, not scanned per objective
    for k in kpis:
        if k["target"] is not None:
            with_target[k["objective_id"]].append(k)
    chosen = []
    for objective_id in sorted(objective_ids):
        own = with_target.get(objective_id, [])
        leading = [k for k in own if k["kind"] == "leading"]
        chosen += leading or own
    return sorted(chosen, key=lambda k: (k["target_date"] or date.max, k["id"]))


def wave_gates(
    initiatives: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record], measurements: Sequence[Record]
) -> list[Gate]:
    """One gate before every wave after the first: the KPI targets of the objectives the previous
    wave serves, with the latest measurement of each."""
    active = [i for i in initiatives if i["status"] != "parked"]
    waves = sorted({i["wave"] for i in active if i["wave"] is not None})
    titles = {o["id"]: o["title"] for o in objectives}
    newest = latest_measurements(measurements)
    gates = []
    for previous, wave in pairwise(waves):
        served = {o for i in active if i["wave"] == previous for o in i["objective_ids"]}
        gate = [
            GateKpi(
                k,
                titles.get(k["objective_id"], ""),
                float(newest[k["id"]]["value"]) if k["id"] in newest else None,
                newest[k["id"]]["measured_on"] if k["id"] in newest else None,
            )
            for k in gate_kpis(served, kpis)
        ]
        gates.append(Gate(wave, previous, tuple(gate)))
    return gates


def behind_today(scheduled: Sequence[Scheduled], today: date) -> list[str]:
    """Work the schedule says should have started or ended by today but whose status says otherwise."""
    found = []
    for item in scheduled:
        status, title = item.initiative["status"], item.initiative["title"]
        if status in NOT_STARTED and item.start < today:
            found.append(
                f"'{title}' was due to start on {item.start:{DATE_TEXT}} and is still {status}: "
                "start it, or give it a later earliest start"
            )
        elif status == "in_progress" and item.end < today:
            found.append(f"'{title}' was due to end on {item.end:{DATE_TEXT}} and is still in progress")
    return found


def beyond_horizon(scheduled: Sequence[Scheduled], plan_end: date) -> list[str]:
    """Work that ends after the last day of the plan."""
    return [
        f"'{item.initiative['title']}' ends on {item.end:{DATE_TEXT}}, after the plan ends ({plan_end:{DATE_TEXT}})"
        for item in scheduled
        if item.end > plan_end
    ]
