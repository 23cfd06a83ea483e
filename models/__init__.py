"""SQLModel tables, engine and migrations of the workbench; importing it registers every table."""

from models import define, discover, history, plan, sustain, track, workshop, workspace  # noqa: F401
from models.workspace import AuditEvent, Workspace

__all__ = ["AuditEvent", "Workspace"]
