"""Change control: a committee approves, rejects or wish-lists each change after an impact assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from strategy.errors import FieldError, InvalidInput
from strategy.store.records import get_record, update_record

DECISIONS = ("approved", "wish_list", "rejected")


def decision_errors(request: dict[str, Any], decision: str, note: str) -> list[FieldError]:
    """Why a decision cannot be recorded yet: no approval without an impact assessment, and a note
    on how the risk is handled when a core system of record changes."""
    errors = []
    if decision == "approved" and not request["impact_assessment"].strip():
        errors.append(FieldError("impact_assessment", "assess the knock-on effects before approving"))
    if decision == "approved" and request["affects_core_system"] and not note.strip():
        errors.append(FieldError("decision_note", "a core system of record changes: say how the risk is handled"))
    return errors


def decide(
    engine: Engine,
    workspace_id: int,
    request_id: int,
    decision: str,
    note: str,
    *,
    expected_version: int,
    actor: str,
    today: date,
) -> dict[str, Any]:
    """Record the committee's decision. Nothing is approved without an impact assessment, and a change
    to a core system of record needs a note saying how the risk is handled."""
    if decision not in DECISIONS:
        raise InvalidInput([FieldError("status", f"decide one of {', '.join(DECISIONS)}")])
    request = get_record(engine, "change_request", workspace_id, request_id)
    errors = decision_errors(request, decision, note)
    if errors:
        raise InvalidInput(errors)
    changes = {"status": decision, "decision_note": note.strip(), "decided_on": today}
    return update_record(
        engine, "change_request", workspace_id, request_id, changes, expected_version=expected_version, actor=actor
    )
