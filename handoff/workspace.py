"""Safe actions around the case lifecycle: acknowledging an alert, and handing a case over with a note.

A crisis or urgent message on an open case sets its `alert`; only an explicit acknowledgement
clears it, recorded in the thread (who and when) and in the audit log. Closing, releasing or
transferring a case whose alert nobody acknowledged is refused with `NeedsAcknowledgement`.
Release and transfer carry a handover note for the next CSW, and a person who was already talking
with a CSW is told kindly who reads their messages now.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case, CaseMessage
from bot.store.tables import Conversation
from dialogs.content import current_content
from handoff import actions, audit, catalog, relay
from handoff.actions import Actor
from handoff.queue import Forbidden

MAX_NOTE_CHARS = actions.MAX_REPLY_CHARS


class NeedsAcknowledgement(Exception):
    """The case has a crisis or urgent alert that nobody has acknowledged yet."""


class NoteRequired(Exception):
    """A release or transfer without a handover note."""


def _check_acknowledged(case_row: Case) -> None:
    """Refuse to let a case go while its alert is unacknowledged."""
    if case_row.alert:
        raise NeedsAcknowledgement(case_row.code)


def _handover_note(text: str) -> str:
    """The handover note, trimmed; NoteRequired when empty, Forbidden when too long."""
    note = text.strip()
    if not note:
        raise NoteRequired
    if len(note) > MAX_NOTE_CHARS:
        raise Forbidden("note too long")
    return note


async def acknowledge(session: AsyncSession, *, actor: Actor, case_row: Case, now: datetime) -> bool:
    """Record that `actor` has read the alert; False when someone had already acknowledged it."""
    if not case_row.alert:
        return False
    case_row.alert = False
    session.add(
        CaseMessage(case_id=case_row.id, kind="event", body="acknowledged", account_id=actor.account.id)
    )
    audit.record(
        session, account=actor.account, action="acknowledged", case_code=case_row.code, now=now, via=actor.via
    )
    return True


async def _tell_person(
    session: AsyncSession, *, actor: Actor, case_row: Case, text: str, now: datetime
) -> None:
    """Send a notice to the person, if a CSW had already been talking with them."""
    if case_row.connected_at is None or case_row.conversation_id is None:
        return
    conversation = await session.get(Conversation, case_row.conversation_id)
    if conversation is None:
        return
    relay.send(
        session,
        case_row=case_row,
        conversation=conversation,
        text=text,
        origin=relay.NOTICE_ORIGIN,
        now=now,
        max_age_s=actor.max_age_s,
    )


async def release(session: AsyncSession, *, actor: Actor, case_row: Case, note: str, now: datetime) -> None:
    """Put the case back in the queue with a handover note, and tell the person a colleague takes over."""
    _check_acknowledged(case_row)
    text = _handover_note(note)
    await actions.release(session, actor=actor, case_row=case_row, now=now)
    session.add(CaseMessage(case_id=case_row.id, kind="note", body=text, account_id=actor.account.id))
    await _tell_person(session, actor=actor, case_row=case_row, text=catalog.text("relay.released"), now=now)


async def transfer(
    session: AsyncSession, *, actor: Actor, case_row: Case, team: str, note: str, now: datetime
) -> None:
    """Move the case to another team with a handover note, and tell the person who reads from now on."""
    _check_acknowledged(case_row)
    text = _handover_note(note)
    await actions.transfer(session, actor=actor, case_row=case_row, team=team, now=now)
    session.add(CaseMessage(case_id=case_row.id, kind="note", body=text, account_id=actor.account.id))
    team_name = current_content().team(team).name
    await _tell_person(
        session,
        actor=actor,
        case_row=case_row,
        text=catalog.text("relay.transferred", team=team_name),
        now=now,
    )


async def close(session: AsyncSession, *, actor: Actor, case_row: Case, outcome: str, now: datetime) -> None:
    """Close the case (the outcome chosen, never defaulted) once any alert has been acknowledged."""
    _check_acknowledged(case_row)
    await actions.close(session, actor=actor, case_row=case_row, outcome=outcome, now=now)
