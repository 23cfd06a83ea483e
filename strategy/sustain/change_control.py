"""Change control: a committee approves, rejects or wish-lists each change after an impact assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from strategy.errors import FieldError, InvalidInput
from strategy.store.records import update_record

DECISIONS = ("approved", "wish_list", "rejected")


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
    """Record the committee's decision. The store refuses an approval without an impact assessment
    (or, for a core system of record, without a note on the risk): strategy/store/record_checks.py."""
    if decision not in DECISIONS:
        raise InvalidInput([FieldError("status", f"decide one of {', '.join(DECISIONS)}")])
    changes = {"status": decision, "decision_note": note.strip(), "decided_on": today}
    return update_record(
        engine, "change_request", workspace_id, request_id, changes, expected_version=expected_version, actor=actor
    )
