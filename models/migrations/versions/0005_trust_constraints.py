"""trust: live workspace names are unique; a row's audit events are one index lookup away

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 03:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    """Rename older duplicates of a live name (keeping the first), then add the two indexes."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(f"SELECT id, name FROM workspace WHERE {LIVE} ORDER BY id")  # noqa: S608  (constant)
    ).all()
    seen: set[str] = set()
    for workspace_id, name in rows:
        if name in seen:
            connection.execute(
                sa.text("UPDATE workspace SET name = :name WHERE id = :id"),
                {"name": f"{name[:70]} ({workspace_id})", "id": workspace_id},
            )
        seen.add(name)
    with op.batch_alter_table("workspace") as batch_op:
        batch_op.create_index(
            "uq_workspace_live_name",
            ["name"],
            unique=True,
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )
    with op.batch_alter_table("auditevent") as batch_op:
        batch_op.create_index("ix_auditevent_row", ["table_name", "row_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("auditevent") as batch_op:
        batch_op.drop_index("ix_auditevent_row")
    with op.batch_alter_table("workspace") as batch_op:
        batch_op.drop_index("uq_workspace_live_name")
