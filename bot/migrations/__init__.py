"""Alembic migrations for tsunagu's schema."""
