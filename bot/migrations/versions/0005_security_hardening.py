"""consent range of a case, forced password change, API token scope and expiry (issue 14)

Revision ID: security_hardening_14
Revises: 0004_outbox_uncertain
Create Date: 2026-11-30 04:00:00
"""

import sqlalchemy as sa
from alembic import op

import bot.store.db

revision = "security_hardening_14"
down_revision = "0004_outbox_uncertain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the columns; existing tokens keep full rights (`act`), existing cases keep no lower bound."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conversation_from", bot.store.db.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("csw_accounts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=8), nullable=False, server_default="act"))
        batch_op.add_column(sa.Column("expires_at", bot.store.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Drop the columns."""
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
        batch_op.drop_column("scope")
    with op.batch_alter_table("csw_accounts", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("conversation_from")
