"""How complete each step of the strategy journey is, judged from the stored records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.labels import plural

Records = Mapping[str, Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class StepProgress:
    """One step of the journey: a score from 0 to 1 and the evidence behind it."""

    step: str
    score: float
    evidence: str


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _need(r: Records) -> StepProgress:
    needs = r["need"]
    departments = {n["department"] for n in needs}
    top_down = any(n["level"] == "leadership" for n in needs)
    bottom_up = any(n["level"] != "leadership" for n in needs)
    score = (min(len(needs), 3) / 3 + min(len(departments), 3) / 3 + (top_down + bottom_up) / 2) / 3
    return StepProgress(
        "Need",
        score,
        f"{plural(len(needs), 'need')} from {plural(len(departments), 'department')}; "
        f"top-down {'yes' if top_down else 'no'}, bottom-up {'yes' if bottom_up else 'no'}",
    )


def _vision(r: Records) -> StepProgress:
    statement = bool(r["vision"] and r["vision"][0]["statement"].strip())
    priorities, principles = len(r["priority"]), len(r["principle"])
    score = (statement + min(priorities, 3) / 3 + min(principles, 1)) / 3
    return StepProgress(
        "Vision",
        score,
        f"statement {'written' if statement else 'missing'}; {priorities} priorities, {principles} guiding principles",
    )


def _direction(r: Records) -> StepProgress:
    found = r["direction"][0] if r["direction"] else None
    lead = bool(found and found["lead_discipline"])
    assessed = bool(found and found["answers"])
    return StepProgress(
        "Direction",
        (lead + assessed) / 2,
        f"lead discipline {'chosen' if lead else 'not chosen'}; continuum {'assessed' if assessed else 'not assessed'}",
    )


def _objectives(r: Records) -> StepProgress:
    objectives = r["objective"]
    kinds: dict[int, set[str]] = {}
    for kpi in r["kpi"]:
        kinds.setdefault(kpi["objective_id"], set()).add(kpi["kind"])
    traced = sum(bool(o["need_ids"] or o["priority_id"]) for o in objectives)
    measured = sum(kinds.get(o["id"], set()) >= {"leading", "lagging"} for o in objectives)
    score = (min(len(objectives), 1) + _share(traced, len(objectives)) + _share(measured, len(objectives))) / 3
    return StepProgress(
        "Objectives",
        score,
        f"{plural(len(objectives), 'objective')}; {traced} traced to a need or "
        f"priority; {measured} with leading and lagging KPIs",
    )


def _capabilities(r: Records) -> StepProgress:
    rated = len(r["capability"])
    sponsors = sum(s["is_sponsor"] for s in r["stakeholder"])
    champions = sum(s["is_champion"] and s["active"] for s in r["stakeholder"])
    score = (min(rated, 4) / 4 + min(sponsors, 1) + min(champions, 1)) / 3
    return StepProgress(
        "Capabilities & people",
        score,
        f"{plural(rated, 'capability rating')}; {plural(sponsors, 'sponsor')}; {plural(champions, 'active champion')}",
    )


def _case(r: Records) -> StepProgress:
    costs, benefits = len(r["cost"]), len(r["benefit"])
    return StepProgress(
        "Business case", (min(costs, 1) + min(benefits, 1)) / 2, f"{costs} cost lines, {benefits} benefit lines"
    )


def _roadmap(r: Records) -> StepProgress:
    initiatives = r["initiative"]
    placed = sum(bool(i["wave"] or i["scheduled_start"]) for i in initiatives)
    score = (min(len(initiatives), 1) + _share(placed, len(initiatives))) / 2
    return StepProgress(
        "Roadmap", score, f"{plural(len(initiatives), 'initiative')}; {placed} placed in a wave or scheduled"
    )


def _sustain(r: Records) -> StepProgress:
    parts = {
        "change requests": len(r["change_request"]),
        "KPI actuals": len(r["measurement"]),
        "datasets with retention": sum(d["retention_months"] is not None for d in r["dataset"]),
        "reviews": len(r["review"]),
    }
    score = sum(min(n, 1) for n in parts.values()) / len(parts)
    return StepProgress("Sustain", score, "; ".join(f"{n} {label}" for label, n in parts.items()))


STEPS = (_need, _vision, _direction, _objectives, _capabilities, _case, _roadmap, _sustain)


def journey_progress(records: Records) -> list[StepProgress]:
    """Every step's progress, in the order of the journey."""
    return [step(records) for step in STEPS]
