"""Every table module, imported for what needs the whole schema on SQLModel.metadata: Alembic's
environment, `create_all` in tests, and readers of every column (labels.date_fields)."""

from models import accounts, define, discover, history, plan, sustain, track, workshop, workspace

MODULES = (accounts, define, discover, history, plan, sustain, track, workshop, workspace)
