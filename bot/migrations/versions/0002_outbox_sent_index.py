"""index for counting sent pushes (push budget, /metrics)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 07:40:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index the outbox by status, method and sending time."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_sent", ["status", "method", "sent_at"], unique=False)


def downgrade() -> None:
    """Drop the index."""
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_sent")
