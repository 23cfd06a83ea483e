"""Prioritisation: value against effort (weighted shortest job first), quick wins, and the pilot wave.

Value comes from the business case where an initiative has benefit lines (its present value of
benefits, scaled so the most valuable initiative scores 5), else from the 1-5 value score people
gave it. Dividing by effort favours the work that delivers most per person-week, so small valuable
steps come first — the way practitioners recommend starting a CRM programme.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any, Literal

from strategy.plan.business_case import InitiativeEconomics

Record = Mapping[str, Any]
ValueSource = Literal["business case", "value score", "none"]

TOP_VALUE = 5.0
MIN_VALUE = 1.0
MIN_EFFORT = 1.0  # person-weeks: a tiny job must not score infinitely
SCORE_SCALE = 10.0  # value per 10 person-weeks reads as a small whole number
QUICK_WIN_VALUE = 4.0
PILOT_STATUSES = frozenset({"proposed", "planned", "in_progress"})
SCORE_FORMULA = "Score = value (1-5) × 10 ÷ effort in person-weeks"
SCORE_NOTE = (
    "Weighted shortest job first: the value delivered per 10 person-weeks. Value is 5 × the initiative's "
    "present value of benefits ÷ the largest of any initiative (at least 1) when the business case has "
    "benefit lines for it, else the 1-5 value score given to it. Effort under 1 person-week counts as 1."
)


@dataclass(frozen=True)
class Prioritised:
    """An initiative with its value, where the value came from, its score and its rank."""

    initiative: Record
    value: float | None
    source: ValueSource
    benefits: float | None  # present value of its benefit lines, when it has any
    score: float | None
    rank: int
    quick_win: bool = False


def value_of(
    initiative: Record, economics: Mapping[int, InitiativeEconomics], largest_benefits: float
) -> tuple[float | None, ValueSource]:
    """1-5 value: from the business case when the initiative has benefits there, else its score."""
    found = economics.get(initiative["id"])
    if found is not None and found.pv_benefits > 0 and largest_benefits > 0:
        return max(MIN_VALUE, TOP_VALUE * found.pv_benefits / largest_benefits), "business case"
    if initiative.get("value_score") is not None:
        return float(initiative["value_score"]), "value score"
    return None, "none"


def wsjf_score(value: float | None, effort: float) -> float | None:
    """Value per 10 person-weeks; None when the initiative has no value yet."""
    return None if value is None else value * SCORE_SCALE / max(effort, MIN_EFFORT)


def quick_win_effort(initiatives: Sequence[Record]) -> float:
    """The effort at or under which valuable work counts as a quick win: the median effort."""
    return float(median(float(i["effort"]) for i in initiatives)) if initiatives else 0.0


def prioritise(initiatives: Sequence[Record], economics: Mapping[int, InitiativeEconomics]) -> list[Prioritised]:
    """Every initiative scored and ranked, best first; those without a value rank last."""
    largest = max((e.pv_benefits for e in economics.values()), default=0.0)
    threshold = quick_win_effort(initiatives)
    scored = []
    for initiative in initiatives:
        value, source = value_of(initiative, economics, largest)
        found = economics.get(initiative["id"])
        benefits = found.pv_benefits if found is not None and source == "business case" else None
        score = wsjf_score(value, float(initiative["effort"]))
        quick = value is not None and value >= QUICK_WIN_VALUE and float(initiative["effort"]) <= threshold
        scored.append((initiative, value, source, benefits, score, quick))
    scored.sort(key=lambda row: (row[4] is None, -(row[4] or 0.0), row[0]["id"]))
    return [
        Prioritised(initiative, value, source, benefits, score, rank, quick)
        for rank, (initiative, value, source, benefits, score, quick) in enumerate(scored, start=1)
    ]


@dataclass(frozen=True)
class PilotProposal:
    """The initiatives proposed for the first wave and what they add up to."""

    ids: tuple[int, ...]
    effort: float
    max_initiatives: int
    max_effort: float


def propose_pilot(ranked: Sequence[Prioritised], max_initiatives: int, max_effort: float) -> PilotProposal:
    """Start small: quick wins first, then the best scores, within both caps, and only work whose
    prerequisites are done or in the pilot too."""
    status = {p.initiative["id"]: p.initiative["status"] for p in ranked}
    order = [p for p in ranked if p.quick_win] + [p for p in ranked if not p.quick_win]
    chosen: list[int] = []
    effort = 0.0
    for item in order:
        initiative = item.initiative
        if len(chosen) >= max_initiatives or item.score is None or initiative["status"] not in PILOT_STATUSES:
            continue
        ready = all(dep in chosen or status.get(dep) == "done" for dep in initiative["depends_on_ids"])
        if ready and effort + float(initiative["effort"]) <= max_effort:
            chosen.append(initiative["id"])
            effort += float(initiative["effort"])
    return PilotProposal(tuple(chosen), effort, max_initiatives, max_effort)


@dataclass(frozen=True)
class WaveLoad:
    """How many initiatives and how much effort a wave holds."""

    count: int
    effort: float


def wave_load(initiatives: Sequence[Record], wave: int, *, excluding: Collection[str] = ("parked",)) -> WaveLoad:
    members = [i for i in initiatives if i["wave"] == wave and i["status"] not in excluding]
    return WaveLoad(len(members), sum(float(i["effort"]) for i in members))


def pilot_breaches(load: WaveLoad, max_initiatives: int, max_effort: float) -> list[str]:
    """What about wave 1 breaks the pilot caps, in words; empty when it starts small enough."""
    found = []
    if load.count > max_initiatives:
        found.append(f"wave 1 holds {load.count} initiatives; the pilot cap is {max_initiatives}")
    if load.effort > max_effort + 1e-9:
        found.append(f"wave 1 holds {load.effort:g} person-weeks; the pilot cap is {max_effort:g}")
    return found
