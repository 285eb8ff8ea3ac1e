"""outbox: lease owner, unknown reply outcome, and the uncertainty the decision table chose

Revision ID: 0004_outbox_uncertain
Revises: 0003
Create Date: 2026-11-30 03:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_outbox_uncertain"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the three columns."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_owner", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("reply_unknown", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("uncertainty", sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Drop the three columns."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("uncertainty")
        batch_op.drop_column("reply_unknown")
        batch_op.drop_column("lease_owner")
