"""Every table module, imported for what needs the whole schema on SQLModel.metadata: Alembic's
environment, `create_all` in tests, and readers of every column (labels.date_fields)."""

from models import define, discover, history, plan, sustain, track, workshop, workspace

MODULES = (define, discover, history, plan, sustain, track, workshop, workspace)
