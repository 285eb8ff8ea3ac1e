"""messages per outbox row, so the push budget counts what LINE counts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the number of message objects each row sends (rows written before count as one)."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_count", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    """Drop the count."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("message_count")
