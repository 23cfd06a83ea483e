"""history: the audit trail outlives its workspace and is append-only; recycle bin and baselines

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from models.history import APPEND_ONLY, DROP_APPEND_ONLY

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _audit_table(with_workspace_fk: bool) -> sa.Table:
    """The audit table as 0001 and 0005 left it, with or without its cascade to the workspace (SQLite
    cannot drop an unnamed constraint, so batch mode rebuilds the table from this description)."""
    fk = [sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE")] if with_workspace_fk else []
    table = sa.Table(
        "auditevent",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        *fk,
    )
    sa.Index("ix_auditevent_workspace_id", table.c.workspace_id)
    sa.Index("ix_auditevent_row", table.c.table_name, table.c.row_id, table.c.id)
    return table


def _set_workspace_fk(present: bool) -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        with op.batch_alter_table("auditevent", recreate="always", copy_from=_audit_table(present)):
            pass
        return
    if present:
        op.create_foreign_key(None, "auditevent", "workspace", ["workspace_id"], ["id"], ondelete="CASCADE")
        return
    for fk in sa.inspect(connection).get_foreign_keys("auditevent"):
        op.drop_constraint(fk["name"], "auditevent", type_="foreignkey")


def _run(statements: dict[str, tuple[str, ...]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, ()):
        op.execute(statement)


def upgrade() -> None:
    _set_workspace_fk(False)
    _run(APPEND_ONLY)
    op.create_table(
        "binentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("deleted_by", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("binentry") as batch_op:
        batch_op.create_index("ix_binentry_record", ["workspace_id", "kind", "record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_binentry_workspace_id"), ["workspace_id"], unique=False)
    op.create_table(
        "baseline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("saved_by", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("saved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("baseline") as batch_op:
        batch_op.create_index(batch_op.f("ix_baseline_workspace_id"), ["workspace_id"], unique=False)
    # Workspace deletes were recorded as updates that set deleted_at; the trail keeps them as they
    # were written (it is append-only from here on), and the history page reads both forms.


def downgrade() -> None:
    op.drop_table("baseline")
    op.drop_table("binentry")
    _run(DROP_APPEND_ONLY)
    _set_workspace_fk(True)
