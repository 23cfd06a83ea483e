"""Rules that need more than one field or the workspace's settings; pure, shared by the
services and the importer so an import is held to the same rules as a form."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from models.workspace import WorkspaceBase
from strategy.errors import FieldError

Check = Callable[[WorkspaceBase, Mapping[str, Any]], list[FieldError]]


def start_year_within_horizon(workspace: WorkspaceBase, data: Mapping[str, Any]) -> list[FieldError]:
    """A cost or benefit starts in a year of the plan: 0 (the initial investment) to the horizon."""
    year = data.get("start_year")
    if year is not None and not 0 <= year <= workspace.horizon_years:
        return [
            FieldError(
                "start_year",
                f"'{data.get('name', '')}': start year {year} is outside 0 … "
                f"{workspace.horizon_years} (the plan's horizon)",
            )
        ]
    return []


def not_self_dependent(workspace: WorkspaceBase, data: Mapping[str, Any]) -> list[FieldError]:
    """An initiative cannot wait for itself."""
    own_id = data.get("id")
    if own_id is not None and own_id in (data.get("depends_on_ids") or []):
        return [FieldError("depends_on_ids", "an initiative cannot depend on itself")]
    return []


APPROVED = ("approved", "implemented")


def approved_after_assessment(workspace: WorkspaceBase, data: Mapping[str, Any]) -> list[FieldError]:
    """Change control: nothing is approved without an impact assessment, and a change to a core
    system of record only with a note on how its risk is handled — on every path that writes."""
    if data.get("status") not in APPROVED:
        return []
    errors = []
    if not str(data.get("impact_assessment") or "").strip():
        errors.append(FieldError("impact_assessment", "assess the knock-on effects before approving"))
    if data.get("affects_core_system") and not str(data.get("decision_note") or "").strip():
        errors.append(FieldError("decision_note", "a core system of record changes: say how the risk is handled"))
    return errors


CHECKS: dict[str, list[Check]] = {
    "cost": [start_year_within_horizon],
    "benefit": [start_year_within_horizon],
    "initiative": [not_self_dependent],
    "change_request": [approved_after_assessment],
}


def run_checks(kind: str, workspace: WorkspaceBase, data: Mapping[str, Any]) -> list[FieldError]:
    return [error for check in CHECKS.get(kind, []) for error in check(workspace, data)]
