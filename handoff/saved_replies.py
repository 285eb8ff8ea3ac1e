"""Saved replies (定型文): supervisors keep them, CSWs insert one into the reply box and edit it there.

A fresh installation starts with the catalog's four (greeting with signature, hotlines open now,
documents for 住居確保給付金, closing). `{name}`, `{team}` and `{hotlines}` in a body are filled in
when it is offered on a case page: the CSW's name, their team, and the hotlines open at that moment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import CswAccount, SavedReply
from dialogs.content import current_content
from handoff import catalog

STARTERS = ("greeting", "hotlines", "housing", "closing")
"""The catalog's saved replies (`saved.<id>.title` / `.body`), in the order a new installation shows them."""

PLACEHOLDER = re.compile(r"\{(name|team|hotlines)\}")
MAX_TITLE = 100
MAX_BODY = 2000


class InvalidSavedReply(Exception):
    """A saved reply without a title or body, or too long."""


@dataclass(frozen=True)
class Offered:
    """A saved reply as a case page offers it: placeholders filled for this CSW, now."""

    id: int
    title: str
    text: str


async def all_replies(session: AsyncSession) -> list[SavedReply]:
    """Every saved reply in display order; the catalog's starters the first time."""
    rows = list(
        (await session.scalars(select(SavedReply).order_by(SavedReply.position, SavedReply.id))).all()
    )
    if rows or await session.scalar(select(func.count()).select_from(SavedReply)):
        return rows
    for position, key in enumerate(STARTERS):
        session.add(
            SavedReply(
                title=catalog.text(f"saved.{key}.title"),
                body=catalog.text(f"saved.{key}.body"),
                position=position,
            )
        )
    await session.flush()
    return list(
        (await session.scalars(select(SavedReply).order_by(SavedReply.position, SavedReply.id))).all()
    )


def hotline_list(now: datetime) -> str:
    """The hotlines known to be open at `now`, one line each (from the municipality's dated content)."""
    return "\n".join(
        catalog.text("saved.hotline_line", name=h.name, number=h.number or h.url, hours=h.hours_text)
        for h in current_content().hotlines
        if h.hours_known and h.is_open_at(now)
    )


def fill(body: str, *, account: CswAccount, now: datetime) -> str:
    """The body with {name}, {team} and {hotlines} filled for `account` at `now`; other braces stay."""
    content = current_content()
    teams = {team.id: team.name for team in content.teams}
    team = teams.get(account.team or "", content.municipality.name)
    values = {"name": account.display_name, "team": team, "hotlines": ""}
    if "{hotlines}" in body:
        values["hotlines"] = hotline_list(now)
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], body)


async def offered(session: AsyncSession, *, account: CswAccount, now: datetime) -> list[Offered]:
    """The saved replies filled in for `account`, ready to insert."""
    return [
        Offered(r.id, r.title, fill(r.body, account=account, now=now)) for r in await all_replies(session)
    ]


def _checked(title: str, body: str) -> tuple[str, str]:
    """Trimmed title and body; InvalidSavedReply when empty or too long."""
    title, body = title.strip(), body.strip()
    if not title or not body or len(title) > MAX_TITLE or len(body) > MAX_BODY:
        raise InvalidSavedReply
    return title, body


async def save(
    session: AsyncSession, *, editor: CswAccount, reply_id: int | None, title: str, body: str, position: int
) -> SavedReply:
    """Create a saved reply, or change one (`reply_id`); InvalidSavedReply for bad input or unknown id."""
    title, body = _checked(title, body)
    row = await session.get(SavedReply, reply_id) if reply_id else SavedReply()
    if row is None:
        raise InvalidSavedReply
    row.title, row.body, row.position, row.updated_by_id = title, body, position, editor.id
    session.add(row)
    await session.flush()
    return row


async def remove(session: AsyncSession, *, reply_id: int) -> bool:
    """Delete a saved reply; False when there was none."""
    result = await session.execute(delete(SavedReply).where(SavedReply.id == reply_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]
