"""KPI category: what a KPI measures (a value discipline, or general)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 03:30:00

Library KPIs already stored take the library's category; custom KPIs stay empty until someone
says what they measure (the health check names them).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The library's categories when this migration was written; a migration never imports app code.
LIBRARY_CATEGORIES = {
    "customer_intimacy": ("active_base", "first_purchase", "won_back", "lapsed", "retention_rate"),
    "operational_excellence": ("qualification_rate", "cost_to_serve", "first_contact_resolution"),
    "product_leadership": ("new_product_share",),
    "general": ("total_transactions", "lead_volume", "close_rate", "adoption_rate", "data_completeness"),
}


def upgrade() -> None:
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.add_column(sa.Column("category", sa.String(length=32), nullable=True))
    kpi = sa.table("kpi", sa.column("library_key", sa.String), sa.column("category", sa.String))
    for category, keys in LIBRARY_CATEGORIES.items():
        op.execute(kpi.update().where(kpi.c.library_key.in_(keys)).values(category=category))


def downgrade() -> None:
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.drop_column("category")
