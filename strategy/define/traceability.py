"""Traceability: need → objective → KPI. Every pain or opportunity answered by an objective, every
objective measured by a KPI, every KPI with a target; what breaks the chain is listed as an orphan."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from strategy.define.method import Finding

Record = Mapping[str, Any]
TARGET_FIELDS = (("target", "target value"), ("target_date", "target date"))


@dataclass(frozen=True)
class TraceLinks:
    """The chain as pairs of ids: which objective serves which need, which KPI measures which objective."""

    need_objective: tuple[tuple[int, int], ...]
    objective_kpi: tuple[tuple[int, int], ...]


def trace_links(needs: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record]) -> TraceLinks:
    """Links between records that exist (a link to a missing need is ignored)."""
    need_ids = {n["id"] for n in needs}
    objective_ids = {o["id"] for o in objectives}
    return TraceLinks(
        tuple((n, o["id"]) for o in objectives for n in o.get("need_ids") or [] if n in need_ids),
        tuple((k["objective_id"], k["id"]) for k in kpis if k["objective_id"] in objective_ids),
    )


def unserved_needs(needs: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """TRACE-NEED: needs no objective serves."""
    served = {n for o in objectives for n in o.get("need_ids") or []}
    return [
        Finding("TRACE-NEED", "need", n["id"], n["title"], "no objective serves this need")
        for n in needs
        if n["id"] not in served
    ]


def unmeasured_objectives(
    needs: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record]
) -> list[Finding]:
    """TRACE-OBJECTIVE: objectives without any KPI."""
    measured = {k["objective_id"] for k in kpis}
    return [
        Finding("TRACE-OBJECTIVE", "objective", o["id"], o["title"], "no KPI measures this objective")
        for o in objectives
        if o["id"] not in measured
    ]


def untargeted_kpis(needs: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """TRACE-TARGET: KPIs missing a target value or a target date."""
    found = []
    for kpi in kpis:
        missing = [
            label
            for field, label in (("target", "target value"), ("target_date", "target date"))
            if kpi.get(field) is None
        ]
        if missing:
            found.append(Finding("TRACE-TARGET", "kpi", kpi["id"], kpi["name"], f"no {' and no '.join(missing)}"))
    return found


@dataclass(frozen=True)
class TraceRule:
    """An implementation of a rule-book rule over needs, objectives and KPIs."""

    rule_id: str
    find: Callable[[Sequence[Record], Sequence[Record], Sequence[Record]], list[Finding]]


RULES: tuple[TraceRule, ...] = (
    TraceRule("TRACE-NEED", unserved_needs),
    TraceRule("TRACE-OBJECTIVE", unmeasured_objectives),
    TraceRule("TRACE-TARGET", untargeted_kpis),
)


def orphans(needs: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """Every break in the chain: unserved needs, unmeasured objectives, KPIs without targets."""
    return [finding for rule in RULES for finding in rule.find(needs, objectives, kpis)]
