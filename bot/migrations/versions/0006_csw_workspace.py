"""CSW workspace: per-account read marks on case threads, and saved replies (定型文)

Revision ID: 0013_csw_workspace
Revises: security_hardening_14
Create Date: 2026-11-30 03:40:00
"""

import sqlalchemy as sa
from alembic import op

import bot.store.db

revision = "0013_csw_workspace"
down_revision = "security_hardening_14"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create case_reads and saved_replies."""
    op.create_table(
        "case_reads",
        sa.Column("account_id", BigId, nullable=False),
        sa.Column("case_id", BigId, nullable=False),
        sa.Column("last_message_id", BigId, nullable=False),
        sa.Column("read_at", bot.store.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["csw_accounts.id"], name=op.f("fk_case_reads_account_id_csw_accounts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_reads_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("account_id", "case_id", name=op.f("pk_case_reads")),
    )
    op.create_table(
        "saved_replies",
        sa.Column("id", BigId, nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("body", sa.String(length=2000), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", BigId, nullable=True),
        sa.Column("updated_at", bot.store.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["csw_accounts.id"],
            name=op.f("fk_saved_replies_updated_by_id_csw_accounts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_replies")),
    )


def downgrade() -> None:
    """Drop the workspace tables."""
    op.drop_table("saved_replies")
    op.drop_table("case_reads")
