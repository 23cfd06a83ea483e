"""The business need: how needs are scored and ranked, and whether the organisation recognises them.

A need earns its place by how much it hurts (or could gain), how many people it touches and, when
someone has put a number on it, its yearly money value. The checks ask the question practitioners
ask first: is this a need the whole organisation recognises, top-down and bottom-up, or one
department's wish list?
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.labels import plural

Need = Mapping[str, Any]

VALUE_FLOOR = 10_000  # yearly value below this earns no value points
MAX_VALUE_POINTS = 5.0
SCORE_FORMULA = "Score = severity × reach + value points"
SCORE_NOTE = (
    "Severity (or size) and reach run 1–5, so severity × reach runs 1–25. Value points add 1 for every "
    f"tenfold of the estimated annual value above {VALUE_FLOOR:,}, up to {MAX_VALUE_POINTS:.0f} "
    "(none when no value is given): money matters, but it cannot outweigh a pain everyone feels."
)
MAX_VOTE_POINTS = 5.0
VOTE_NOTE = (
    f"Workshop votes add up to {MAX_VOTE_POINTS:.0f} vote points once their session closes: the need with the "
    "most dots gets all of them, the others in proportion (docs/METHOD.md, 'How workshop votes rank needs')."
)
MAX_SCORE = 25 + MAX_VALUE_POINTS + MAX_VOTE_POINTS

LEVEL_LABELS = {"leadership": "Leadership", "department_lead": "Department lead", "end_user": "End user"}
KIND_LABELS = {"pain": "Pain", "opportunity": "Opportunity"}
TOP_DOWN = frozenset({"leadership"})
BOTTOM_UP = frozenset({"department_lead", "end_user"})
IT_DEPARTMENTS = frozenset({"it", "ict", "is", "information technology", "information systems", "technology"})


def value_points(annual_value: float | None) -> float:
    """0–5 points: one per tenfold of yearly value above the floor, so scale matters but does not swamp pain."""
    if annual_value is None or annual_value <= VALUE_FLOOR:
        return 0.0
    return min(MAX_VALUE_POINTS, math.log10(annual_value / VALUE_FLOOR))


def need_score(severity: int, reach: int, annual_value: float | None = None) -> float:
    """The ranking score of one need (1 … 30), rounded to one decimal as shown on the page."""
    return round(severity * reach + value_points(annual_value), 1)


def vote_points(votes: int, most: int) -> float:
    """0–5 points in proportion to the room's favourite, so the room moves a need up without outvoting the pain."""
    if most <= 0 or votes <= 0:
        return 0.0
    return round(MAX_VOTE_POINTS * votes / most, 1)


@dataclass(frozen=True)
class RankedNeed:
    """A need with its place in the ranking."""

    rank: int
    score: float
    need: Need

    @property
    def label(self) -> str:
        return f"#{self.rank} {self.need['title']}"


def rank_needs(needs: Sequence[Need], votes: Mapping[int, int] | None = None) -> list[RankedNeed]:
    """Highest score (with workshop vote points) first; ties go to the larger money value, then severity,
    then title (stable)."""
    tally = votes or {}
    most = max(tally.values(), default=0)

    def score(need: Need) -> float:
        base = need_score(need["severity"], need["reach"], need.get("annual_value"))
        return round(base + vote_points(tally.get(need.get("id", -1), 0), most), 1)

    def order(need: Need) -> tuple[float, float, int, str]:
        return (-score(need), -(need.get("annual_value") or 0.0), -need["severity"], str(need["title"]).casefold())

    ordered = sorted(needs, key=order)
    return [RankedNeed(rank, score(n), n) for rank, n in enumerate(ordered, start=1)]


@dataclass(frozen=True)
class Finding:
    """One result of a check: 'warning' asks the room a question, 'ok' confirms a rule holds."""

    code: str
    level: str
    message: str


def is_it_department(department: str) -> bool:
    return department.strip().casefold() in IT_DEPARTMENTS


def _department_findings(departments: set[str]) -> list[Finding]:
    if all(is_it_department(d) for d in departments):
        return [
            Finding(
                "only_it",
                "warning",
                "Only IT has raised needs: is the need recognised throughout the organisation? "
                "Ask the business leaders and the departments that serve customers what hurts them.",
            )
        ]
    if len(departments) == 1:
        (only,) = departments
        return [
            Finding(
                "one_department",
                "warning",
                f"All needs come from {only}: is the need recognised throughout the organisation? "
                "Hear the other departments before the vision is set.",
            )
        ]
    return [Finding("departments", "ok", f"Needs come from {plural(len(departments), 'department')}.")]


def recognition_findings(needs: Sequence[Need]) -> list[Finding]:
    """Is the need shared across the organisation, and heard both top-down and bottom-up?"""
    if not needs:
        return [Finding("no_needs", "warning", "No needs yet: start with the pains and opportunities people name.")]
    findings = _department_findings({str(n["department"]).strip() for n in needs})
    levels = {n["level"] for n in needs}
    if levels & BOTTOM_UP:
        findings.append(Finding("bottom_up", "ok", "Department leads or end users have raised needs (bottom-up)."))
    else:
        findings.append(
            Finding(
                "no_bottom_up",
                "warning",
                "No bottom-up needs: no department lead or end user has raised one. The detailed "
                "requirements come from them: ask them, don't assume.",
            )
        )
    if levels & TOP_DOWN:
        findings.append(Finding("top_down", "ok", "Leadership has raised needs (top-down)."))
    else:
        findings.append(
            Finding(
                "no_top_down",
                "warning",
                "No top-down need: leadership has not raised one. The vision and the commitment come "
                "from leaders; without their need, the programme has no sponsor's reason to exist.",
            )
        )
    return findings


def department_totals(ranked: Sequence[RankedNeed]) -> dict[str, float]:
    """Sum of scores per department, largest first: where the weight of need lies."""
    totals: dict[str, float] = {}
    for item in ranked:
        department = str(item.need["department"])
        totals[department] = round(totals.get(department, 0.0) + item.score, 1)
    return dict(sorted(totals.items(), key=lambda pair: (-pair[1], pair[0])))
