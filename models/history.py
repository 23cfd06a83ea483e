"""What the history features keep: the recycle bin, named baselines, and the rule that the audit trail
is append-only (a trigger in the database, so no code path, old or new, can rewrite history)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, JSON, Column, Index, event
from sqlmodel import Field, SQLModel

from models.base import utcnow
from models.workspace import AuditEvent

REFUSAL = "the audit trail is append-only"
# Statements per dialect; migration 0006 and create_all (the tests' in-memory databases) run the same
# ones, so a change here needs a new migration that replaces the triggers.
APPEND_ONLY: dict[str, tuple[str, ...]] = {
    "sqlite": tuple(
        f"CREATE TRIGGER auditevent_no_{verb.lower()} BEFORE {verb} ON auditevent "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
        for verb in ("UPDATE", "DELETE")
    ),
    "postgresql": (
        "CREATE FUNCTION auditevent_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$",
        "CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent "
        "FOR EACH ROW EXECUTE FUNCTION auditevent_refuse()",
    ),
}
DROP_APPEND_ONLY: dict[str, tuple[str, ...]] = {
    "sqlite": ("DROP TRIGGER auditevent_no_update", "DROP TRIGGER auditevent_no_delete"),
    "postgresql": ("DROP TRIGGER auditevent_append_only ON auditevent", "DROP FUNCTION auditevent_refuse()"),
}

for _dialect, _statements in APPEND_ONLY.items():
    for _statement in _statements:
        event.listen(AuditEvent.__table__, "after_create", DDL(_statement).execute_if(dialect=_dialect))  # type: ignore[attr-defined]


class BinEntry(SQLModel, table=True):
    """A deleted record kept for restoring: the row as the services return it, and what it was
    detached from (other records' references and links), so a restore can re-attach them."""

    __table_args__ = (Index("ix_binentry_record", "workspace_id", "kind", "record_id"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=40)
    record_id: int
    title: str = Field(max_length=200)
    rows: dict = Field(sa_column=Column(JSON, nullable=False))
    deleted_by: str = Field(max_length=80)
    deleted_at: datetime = Field(default_factory=utcnow)


class Baseline(SQLModel, table=True):
    """A named snapshot of a whole strategy, in the export format, to compare later versions against."""

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id", index=True, ondelete="CASCADE")
    name: str = Field(min_length=1, max_length=120)
    saved_by: str = Field(max_length=80)
    saved_at: datetime = Field(default_factory=utcnow)
    document: dict = Field(sa_column=Column(JSON, nullable=False))
