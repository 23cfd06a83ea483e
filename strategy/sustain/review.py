"""The quarterly review in one value: every KPI's status, the funnel, adoption against the planned
ramp and the realised business case, computed from a workspace's records on a date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.settings import Settings
from models.workspace import WorkspaceBase
from strategy.plan.business_case import adoption_share, settings_of
from strategy.plan.realised import Realised, month_index, realised_benefits
from strategy.sustain.adoption import adoption_actuals
from strategy.sustain.funnel import FunnelReport, funnel_report
from strategy.sustain.tracking import KpiStatus, Thresholds, kpi_statuses

Records = Mapping[str, Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class Adoption:
    """The latest actual adoption share against the share the business case planned for its year."""

    month: int | None  # plan month of the latest actual
    actual: float | None
    planned: float | None


@dataclass(frozen=True)
class TrackReview:
    today: date
    statuses: tuple[KpiStatus, ...]
    funnel: FunnelReport
    adoption: Adoption
    realised: Realised


def thresholds_of(settings: Settings) -> Thresholds:
    return Thresholds(at_risk=settings.track_at_risk, off_track=settings.track_off_track)


def latest_adoption(workspace: WorkspaceBase, actual: Mapping[int, float], passed: int) -> Adoption:
    months = [m for m in actual if m <= max(passed, 0) + 1]
    if not months:
        return Adoption(None, None, None)
    month = max(months)
    return Adoption(month, actual[month], adoption_share(workspace.adoption_ramp, (month - 1) // 12 + 1))


def track_review(workspace: WorkspaceBase, records: Records, today: date, settings: Settings) -> TrackReview:
    """Everything the tracking page, the brief and `python -m strategy track` show."""
    measurements = records["measurement"]
    statuses = kpi_statuses(records["kpi"], measurements, workspace.plan_start, today, thresholds_of(settings))
    actual = adoption_actuals(records["kpi"], measurements, workspace.plan_start)
    passed = month_index(workspace.plan_start, today) - 1
    realised = realised_benefits(settings_of(workspace), records["cost"], records["benefit"], actual, passed)
    return TrackReview(
        today=today,
        statuses=tuple(statuses),
        funnel=funnel_report(records["funnel_stage"], measurements, settings.funnel_window_months),
        adoption=latest_adoption(workspace, actual, passed),
        realised=realised,
    )
