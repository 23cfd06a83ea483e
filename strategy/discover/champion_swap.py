"""Promote a department's backup champion when its champion has left: one audited save."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine

from strategy.discover.people import DepartmentCover, Person
from strategy.edits import TableEdits
from strategy.errors import FieldError, InvalidInput
from strategy.store.records import apply_table_edits


def replace_champion(
    engine: Engine, workspace_id: int, cover: DepartmentCover, people: Sequence[Person], *, actor: str
) -> None:
    """The backup becomes the department's champion and the one who left stops being one, in one save."""
    if cover.proposed_id is None or cover.left_id is None:
        raise InvalidInput([FieldError("backup_id", f"{cover.department} has no active backup to promote")])
    versions = {p["id"]: p["version"] for p in people}
    edits = TableEdits(
        edited={
            cover.proposed_id: (versions[cover.proposed_id], {"is_champion": True}),
            cover.left_id: (versions[cover.left_id], {"is_champion": False, "backup_id": None}),
        }
    )
    apply_table_edits(engine, "stakeholder", workspace_id, edits, actor=actor)
