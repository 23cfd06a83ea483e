"""The feedback inbox: anyone (a front-line user, a workshop participant) sends a suggestion; the
CRM leader triages it into a change request, the wish list, or a reasoned decline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Engine

from models.engine import write_session
from models.registry import entity
from strategy.errors import FieldError, InvalidInput
from strategy.store import record_store as store
from strategy.store.access import Action, require
from strategy.store.records import create_record, update_record

Record = Mapping[str, Any]
TRIAGE = ("accept", "wish_list", "decline")


def submit_feedback(
    engine: Engine,
    workspace_id: int,
    *,
    text: str,
    department: str,
    category: str,
    submitted_by: str,
    today: date,
    actor: str,
) -> dict[str, Any]:
    """A new suggestion in the inbox; the one entry point for every caller (pages, workshop sessions)."""
    data = {
        "text": text.strip(),
        "department": department.strip(),
        "category": category,
        "submitted_by": submitted_by.strip(),
        "submitted_on": today,
        "status": "new",
    }
    return create_record(engine, "feedback", workspace_id, data, actor=actor)


def triage(
    engine: Engine,
    workspace_id: int,
    item: Record,
    decision: str,
    *,
    reason: str = "",
    actor: str,
    today: date,
) -> dict[str, Any]:
    """Accept into a new change request (one audited transaction), wish-list, or decline with a reason."""
    if decision not in TRIAGE:
        raise InvalidInput([FieldError("status", f"triage as one of {', '.join(TRIAGE)}")])
    if decision == "decline" and not reason.strip():
        raise InvalidInput([FieldError("decline_reason", "say why the suggestion is declined")])
    if decision != "accept":
        changes = {"status": "declined" if decision == "decline" else "wish_list", "decline_reason": reason.strip()}
        return update_record(
            engine, "feedback", workspace_id, item["id"], changes, expected_version=item["version"], actor=actor
        )
    request = {
        "title": _title(item["text"]),
        "description": item["text"],
        "raised_on": today,
        "requested_by": item["submitted_by"] or item["department"],
        "status": "submitted",
    }
    with write_session(engine) as session:
        require(session, workspace_id, actor, Action.EDIT)
        workspace = store.load_workspace(session, workspace_id)
        created = store.insert(session, entity("change_request"), workspace, request, actor)
        changes = {"status": "accepted", "change_request_id": created["id"]}
        return store.modify(session, entity("feedback"), workspace, item["id"], changes, item["version"], actor)


def _title(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else "Suggestion"
    return first if len(first) <= 120 else first[:119] + "…"


def feedback_counts(items: Sequence[Record]) -> dict[str, Counter[str]]:
    """How many suggestions each department sent, by status."""
    found: dict[str, Counter[str]] = {}
    for item in items:
        found.setdefault(item["department"] or "(no department)", Counter())[item["status"]] += 1
    return found
