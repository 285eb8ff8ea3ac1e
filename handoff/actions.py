"""What a CSW does to a case, for the dashboard and the API alike: lifecycle, relay and audit together.

Each operation runs inside the caller's transaction and raises `Conflict` when the case moved
meanwhile (another CSW was quicker) or `queue.Forbidden` when the account may not do it; the
caller's transaction then rolls back, so nothing is half done. After commit, the caller wakes the
outbox sender.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import AuditEntry, Case, CaseMessage, CswAccount
from bot.store.locks import lock_conversation
from bot.store.outbox import CRISIS_ORIGIN
from bot.store.tables import Conversation, InboxEvent, OutboxMessage
from bot.store.types import HELD_STATUSES
from dialogs.effects import ConsentScope
from handoff import audit, line_calls, queue, relay
from handoff.queue import Forbidden

MAX_REPLY_CHARS = 2000
CONVERSATION_LIMIT = 200
"""How many entries of the pre-handoff conversation the case page shows (the latest ones)."""
BOT_LINE_CHARS = 80
"""The bot's ordinary replies longer than this show folded to their first line (crisis replies never)."""
BOT_ORIGINS = ("bot", CRISIS_ORIGIN)
"""Outbox rows the bot itself wrote (CSW replies and handoff notices live in the case thread)."""


class Conflict(Exception):
    """The case changed meanwhile (claimed by someone else, released, closed)."""


@dataclass(frozen=True)
class Actor:
    """Who acts and through which face: the account, `web` or `api`, and the reply-token freshness limit."""

    account: CswAccount
    via: str
    max_age_s: float


Operation = Callable[[AsyncSession, Actor, Case, datetime], Awaitable[object]]
"""One action on a case, as the dashboard and the API run it."""


async def _conversation(session: AsyncSession, case_row: Case) -> Conversation | None:
    """The person's conversation (None once they deleted their data)."""
    if case_row.conversation_id is None:
        return None
    return await session.get(Conversation, case_row.conversation_id)


def _audit(
    session: AsyncSession, actor: Actor, case_code: str, action: str, now: datetime, *, detail: str = ""
) -> None:
    """Audit what the actor did to the case with this code, through the face they used."""
    audit.record(
        session,
        account=actor.account,
        action=action,
        case_code=case_code,
        detail=detail,
        now=now,
        via=actor.via,
    )


def _event(session: AsyncSession, case_row: Case, actor: Actor, body: str) -> None:
    """Add a lifecycle entry to the case thread (the template words it)."""
    session.add(CaseMessage(case_id=case_row.id, kind="event", body=body, account_id=actor.account.id))


async def view(session: AsyncSession, *, actor: Actor, code: str, now: datetime) -> Case | None:
    """Open a case the account may see, and log that it was viewed.

    When the account holds the case, the person's messages are marked read (既読) on LINE after
    commit: only a CSW who took the case opening it makes 既読 appear, never the bot.
    """
    case_row = await queue.get_case(session, viewer=actor.account, code=code)
    if case_row is not None:
        _audit(session, actor, case_row.code, "viewed", now)
        if case_row.status in HELD_STATUSES and queue.holds(actor.account, case_row):
            conversation = await _conversation(session, case_row)
            token = await relay.latest_read_token(session, conversation) if conversation else None
            if token:
                line_calls.after_commit(session, "mark_read", token)
    return case_row


async def typing(session: AsyncSession, *, actor: Actor, case_row: Case) -> None:
    """Show the person LINE's typing dots while the CSW holding their case writes a reply."""
    if case_row.status not in HELD_STATUSES or not queue.holds(actor.account, case_row):
        raise Forbidden("typing needs the case claimed by this account")
    conversation = await _conversation(session, case_row)
    if conversation is not None and case_row.connected_at is not None:
        line_calls.after_commit(session, "typing", conversation.line_user_id)


async def viewed_thread(
    session: AsyncSession, *, actor: Actor, case_row: Case, now: datetime, within: timedelta
) -> None:
    """Audit a polled read of the case thread, coalesced: no new entry while this account has a
    `viewed` entry for the case from the last `within`."""
    recent = await session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.account_id == actor.account.id,
            AuditEntry.case_code == case_row.code,
            AuditEntry.action == "viewed",
            AuditEntry.at > now - within,
        )
        .limit(1)
    )
    if recent is None:
        _audit(session, actor, case_row.code, "viewed", now, detail="thread")


async def claim(session: AsyncSession, *, actor: Actor, case_row: Case, now: datetime) -> None:
    """Take the case; the first time, tell the person that a CSW now reads their messages, and after a
    release or transfer, that a 相談員 continues (they were told the last one let go).

    The conversation is locked before the claim, as for a reply or a close: a turn in progress (the
    person withdrawing at this moment) finishes first, and the claim then finds the case as it left it.
    """
    conversation = await _conversation(session, case_row)
    if conversation is not None:
        await lock_conversation(session, conversation.key)
    if not await queue.claim(session, viewer=actor.account, case_row=case_row, now=now):
        raise Conflict("claim")
    _event(session, case_row, actor, "claimed")
    _audit(session, actor, case_row.code, "claimed", now)
    if conversation is None:
        return
    if case_row.connected_at is None:
        case_row.connected_at = now
        line_calls.after_commit(session, "person_menu", conversation.line_user_id)
        notice = relay.claimed_notice(case_row, conversation.data or {})
    else:
        notice = relay.reclaimed_notice(conversation.data or {})
    relay.send(
        session,
        case_row=case_row,
        conversation=conversation,
        text=notice,
        origin=relay.NOTICE_ORIGIN,
        now=now,
        max_age_s=actor.max_age_s,
    )


async def reply(
    session: AsyncSession, *, actor: Actor, case_row: Case, text: str, now: datetime
) -> CaseMessage:
    """Send the CSW's words to the person through LINE and keep them in the thread."""
    text = text.strip()
    if not text or len(text) > MAX_REPLY_CHARS:
        raise Forbidden("empty or too long")
    if case_row.status not in HELD_STATUSES or not queue.holds(actor.account, case_row):
        raise Forbidden("reply needs the case claimed by this account")
    conversation = await _conversation(session, case_row)
    if conversation is None:
        raise Forbidden("the person deleted their data")
    await lock_conversation(session, conversation.key)
    await session.refresh(case_row)
    if case_row.status not in HELD_STATUSES:
        raise Conflict("reply")
    rows = relay.send(
        session,
        case_row=case_row,
        conversation=conversation,
        text=text,
        origin=relay.REPLY_ORIGIN,
        now=now,
        max_age_s=actor.max_age_s,
    )
    await session.flush()
    message = CaseMessage(
        case_id=case_row.id, kind="csw", body=text, account_id=actor.account.id, outbox_id=rows[0].id
    )
    session.add(message)
    await queue.start_conversation(session, case_row=case_row, now=now)
    _audit(session, actor, case_row.code, "replied", now)
    await session.flush()
    return message


async def note(session: AsyncSession, *, actor: Actor, case_row: Case, text: str, now: datetime) -> None:
    """Add an internal note, which the person never sees."""
    text = text.strip()
    if not text or len(text) > MAX_REPLY_CHARS:
        raise Forbidden("empty or too long")
    session.add(CaseMessage(case_id=case_row.id, kind="note", body=text, account_id=actor.account.id))
    _audit(session, actor, case_row.code, "noted", now)


async def release(session: AsyncSession, *, actor: Actor, case_row: Case, now: datetime) -> None:
    """Put the case back in the queue; the person's messages keep arriving in its thread."""
    if not await queue.release(session, viewer=actor.account, case_row=case_row, now=now):
        raise Conflict("release")
    _event(session, case_row, actor, "released")
    _audit(session, actor, case_row.code, "released", now)


async def transfer(session: AsyncSession, *, actor: Actor, case_row: Case, team: str, now: datetime) -> None:
    """Move the case to another team's queue."""
    previous = case_row.team
    if team == previous:
        raise Forbidden("same team")
    if not await queue.transfer(session, viewer=actor.account, case_row=case_row, team=team, now=now):
        raise Conflict("transfer")
    _event(session, case_row, actor, f"transferred:{team}")
    _audit(session, actor, case_row.code, "transferred", now, detail=f"{previous}->{team}")


async def close(session: AsyncSession, *, actor: Actor, case_row: Case, outcome: str, now: datetime) -> None:
    """Close the case with an outcome, tell the person, and let the bot answer again."""
    conversation = await _conversation(session, case_row)
    if conversation is not None:
        await lock_conversation(session, conversation.key)
        await session.refresh(case_row)
        if case_row.status in HELD_STATUSES and queue.holds(actor.account, case_row):
            relay.send(
                session,
                case_row=case_row,
                conversation=conversation,
                text=relay.closed_notice(),
                origin=relay.NOTICE_ORIGIN,
                now=now,
                max_age_s=actor.max_age_s,
            )
            relay.resume_bot(conversation)
            line_calls.after_commit(session, "default_menu", conversation.line_user_id)
    if not await queue.close(session, viewer=actor.account, case_row=case_row, outcome=outcome, now=now):
        raise Conflict("close")
    _event(session, case_row, actor, f"closed:{outcome}")
    _audit(session, actor, case_row.code, "closed", now, detail=outcome)


async def reopen(session: AsyncSession, *, actor: Actor, case_row: Case, now: datetime) -> Case:
    """Open a new waiting case linked to this closed one, sharing only the summary, and tell the person.

    The person agreed to share that summary with the team, not what they wrote since (or what they
    declined to send), so the new case carries no conversation; if they want to share more, the bot's
    consent flow asks them again.
    """
    new = await queue.reopen(session, viewer=actor.account, case_row=case_row, now=now)
    if new is None:
        raise Conflict("reopen")
    new.consent_scope = ConsentScope.SUMMARY
    new.conversation_from = None
    _audit(session, actor, new.code, "reopened", now, detail=f"from {case_row.code}")
    conversation = await _conversation(session, new)
    if conversation is not None:
        await lock_conversation(session, conversation.key)
        relay.send(
            session,
            case_row=new,
            conversation=conversation,
            text=relay.reopened_notice(new),
            origin=relay.NOTICE_ORIGIN,
            now=now,
            max_age_s=actor.max_age_s,
        )
    await session.flush()
    return new


def exported(session: AsyncSession, *, actor: Actor, case_row: Case, now: datetime) -> None:
    """Log that the case left tsunagu (a JSON download or an API read)."""
    _audit(session, actor, case_row.code, "exported", now)


@dataclass(frozen=True)
class BotMessage:
    """A message the bot sent the person while a CSW held the case (a crisis reply, the direct question,
    a notice): shown in the thread as 自動応答, so the person's answer never arrives without its question.
    Read from the outbox, never kept in the thread."""

    body: str
    created_at: datetime
    crisis: str = "none"
    choices: tuple[str, ...] = ()
    kind: str = "bot"
    id: int | None = None
    outbox_id: int | None = None


@dataclass(frozen=True)
class ThreadEntry:
    """One thread entry as the dashboard shows it, with the author's name and the delivery status."""

    message: CaseMessage | BotMessage
    author: str | None
    delivery: str | None


THREAD_BOT_ORIGINS = (*BOT_ORIGINS, relay.NOTICE_ORIGIN)
"""What the bot sends while a CSW holds a case: its replies, crisis replies, and the hand-off notices."""
ANSWER_WITHIN = timedelta(minutes=2)
"""A crisis reply is dated with the event it answers, before the worker relays that event to the thread:
it goes after the person's message stored within this time after it."""
SAME_TURN = timedelta(seconds=2)
"""A bot reply is written in the same transaction as the message it answers, a moment apart either way."""


async def thread(session: AsyncSession, *, case_row: Case, with_bot: bool = False) -> list[ThreadEntry]:
    """The case thread, oldest first; CSW replies carry their outbox status (pending, sent, failed).

    With `with_bot`, what the bot sent the person after the claim is there too, in order, after the
    message it answered."""
    rows = await session.execute(
        select(CaseMessage, CswAccount.display_name, OutboxMessage.status)
        .outerjoin(CswAccount, CswAccount.id == CaseMessage.account_id)
        .outerjoin(OutboxMessage, OutboxMessage.id == CaseMessage.outbox_id)
        .where(CaseMessage.case_id == case_row.id)
        .order_by(CaseMessage.id)
    )
    entries = [ThreadEntry(message, author, delivery) for message, author, delivery in rows]
    if not with_bot:
        return entries
    return _with_bot_lines(entries, await bot_lines(session, case_row))


async def bot_lines(session: AsyncSession, case_row: Case) -> list[tuple[BotMessage, str]]:
    """What the bot sent the person since a CSW took the case (until it closed), with each row's origin."""
    conversation = await _conversation(session, case_row)
    if conversation is None or case_row.connected_at is None:
        return []
    query = select(OutboxMessage.created_at, OutboxMessage.messages, OutboxMessage.origin).where(
        OutboxMessage.conversation_key == conversation.key,
        OutboxMessage.origin.in_(THREAD_BOT_ORIGINS),
        OutboxMessage.created_at >= case_row.connected_at,
    )
    if case_row.closed_at is not None:
        query = query.where(OutboxMessage.created_at <= case_row.closed_at + SAME_TURN)
    lines: list[tuple[BotMessage, str]] = []
    for at, messages, origin in await session.execute(query.order_by(OutboxMessage.id)):
        for message in messages or []:
            if not isinstance(message, dict) or not message.get("text"):
                continue
            choices = tuple(
                str(c.get("label", "")) for c in message.get("choices") or [] if isinstance(c, dict)
            )
            crisis = "crisis" if origin == CRISIS_ORIGIN else "none"
            lines.append((BotMessage(str(message["text"]), at, crisis, choices), origin))
    return lines


def _with_bot_lines(entries: list[ThreadEntry], lines: list[tuple[BotMessage, str]]) -> list[ThreadEntry]:
    """`entries` with the bot's lines put in: each after the thread entry it follows in time; a crisis
    reply (dated with its event, stored before the worker relays that event) after the message it
    answers."""
    after: dict[int, list[ThreadEntry]] = {}
    for line, origin in lines:
        place = -1
        if origin == CRISIS_ORIGIN:
            place = next(
                (
                    i
                    for i, e in enumerate(entries)
                    if e.message.kind == "user"
                    and line.created_at - SAME_TURN <= e.message.created_at <= line.created_at + ANSWER_WITHIN
                ),
                -1,
            )
        if place < 0:
            for i, e in enumerate(entries):
                slack = SAME_TURN if e.message.kind in ("user", "event") else timedelta(0)
                if e.message.created_at <= line.created_at + slack:
                    place = i
        after.setdefault(place, []).append(ThreadEntry(line, None, None))
    merged = list(after.get(-1, []))
    for i, entry in enumerate(entries):
        merged.append(entry)
        merged.extend(after.get(i, []))
    return merged


def unanswered(entries: list[ThreadEntry]) -> CaseMessage | None:
    """The person's last message when no reply was written after it (notes and events do not count)."""
    spoken = [
        e.message for e in entries if isinstance(e.message, CaseMessage) and e.message.kind in ("user", "csw")
    ]
    return spoken[-1] if spoken and spoken[-1].kind == "user" else None


async def visible_previous(session: AsyncSession, *, viewer: CswAccount, case_row: Case) -> Case | None:
    """The person's earlier case, only when `viewer` may see it (another team's case stays unnamed)."""
    if case_row.previous_case_id is None:
        return None
    previous = await session.get(Case, case_row.previous_case_id)
    if previous is None:
        return None
    teams = queue.visible_teams(viewer)
    return previous if teams is None or previous.team in teams else None


async def names(session: AsyncSession, *, ids: set[int]) -> dict[int, str]:
    """Display names of accounts by id."""
    if not ids:
        return {}
    rows = await session.execute(select(CswAccount.id, CswAccount.display_name).where(CswAccount.id.in_(ids)))
    return {account_id: name for account_id, name in rows}


def conversation_shared(case_row: Case) -> bool:
    """Whether the person agreed to share their conversation with the bot for this case."""
    return case_row.consent_scope == ConsentScope.SUMMARY_AND_CONVERSATION


@dataclass(frozen=True)
class ConversationEntry:
    """One line of the conversation with the bot before the handoff: who spoke, what, when."""

    speaker: Literal["user", "bot"]
    text: str
    at: datetime
    choices: tuple[str, ...] = ()
    tapped: bool = False
    """For the person's lines: this was a quick-reply button they tapped (its label), not typed text."""
    crisis: bool = False
    """For the bot's lines: sent in answer to danger to life (the hotlines given, whether 119 was)."""


def _user_entry(payload: dict[str, Any], at: datetime, offered: dict[str, str]) -> ConversationEntry | None:
    """The person's text message, or the label of the button they tapped; None for anything else."""
    message = payload.get("message")
    if isinstance(message, dict):
        text = message.get("text")
        if message.get("type") == "text" and isinstance(text, str):
            return ConversationEntry("user", text, at)
        return None
    postback = payload.get("postback")
    data = postback.get("data") if isinstance(postback, dict) else None
    if isinstance(data, str) and data in offered:
        return ConversationEntry("user", offered[data], at, tapped=True)
    return None


async def consented_range(session: AsyncSession, case_row: Case) -> tuple[datetime | None, datetime]:
    """The span of the conversation the person's consent for this case covers: (start or None, hand-off).

    It starts where the consent's own range starts, and never before the hand-off or close of another
    case of the same person; it ends at this case's hand-off. What came later is in the case thread.
    """
    start = case_row.conversation_from
    others = await session.execute(
        select(Case.consented_at, Case.closed_at).where(
            Case.conversation_id == case_row.conversation_id,
            Case.id != case_row.id,
            Case.consented_at < case_row.consented_at,
        )
    )
    for consented_at, closed_at in others:
        for bound in (consented_at, closed_at):
            if bound is not None and bound <= case_row.consented_at and (start is None or bound > start):
                start = bound
    return start, case_row.consented_at


async def conversation_log(
    session: AsyncSession, *, case_row: Case, limit: int = CONVERSATION_LIMIT
) -> list[ConversationEntry]:
    """The person's conversation with the bot inside the consent given for this case, oldest first.

    Only for cases whose consent covers the conversation (`conversation_shared`); others get [].
    Text messages the person typed, buttons they tapped (by label), and what the bot said; no LINE ids.
    The span is `consented_range`: never a declined intake, never another case's conversation, never
    what was written after the hand-off (the case thread holds that once a CSW takes the case). With a
    start, the bot's lines before the person's first event in the span (the answer to the event that
    closed the previous span) are left out.
    """
    conversation = await _conversation(session, case_row)
    if conversation is None or not conversation_shared(case_row):
        return []
    start, until = await consented_range(session, case_row)
    events = select(InboxEvent.received_at, InboxEvent.id, InboxEvent.payload).where(
        InboxEvent.conversation_key == conversation.key,
        InboxEvent.event_type.in_(("message", "postback")),
        InboxEvent.received_at <= until,
    )
    bot_columns = (OutboxMessage.created_at, OutboxMessage.id, OutboxMessage.messages, OutboxMessage.origin)
    bot = select(*bot_columns).where(
        OutboxMessage.conversation_key == conversation.key,
        OutboxMessage.origin.in_(BOT_ORIGINS),
        OutboxMessage.created_at <= until,
    )
    if start is not None:
        events = events.where(InboxEvent.received_at > start)
        first_event = await session.scalar(
            select(func.min(InboxEvent.received_at)).where(
                InboxEvent.conversation_key == conversation.key,
                InboxEvent.received_at > start,
                InboxEvent.received_at <= until,
            )
        )
        bot = bot.where(OutboxMessage.created_at > (first_event or until))
    # Fetch a margin beyond `limit`: stickers, images and unknown postbacks are dropped below.
    fetch = limit * 2
    event_rows = (await session.execute(events.order_by(InboxEvent.id.desc()).limit(fetch))).all()
    bot_rows = (await session.execute(bot.order_by(OutboxMessage.id.desc()).limit(fetch))).all()
    timeline: list[tuple[datetime, int, int, Any, str]] = [(at, 0, i, p, "") for at, i, p in event_rows]
    timeline += [(at, 1, i, m, origin) for at, i, m, origin in bot_rows]
    timeline.sort(key=lambda item: (item[0], item[1], item[2]))
    entries: list[ConversationEntry] = []
    offered: dict[str, str] = {}
    for at, source, _, content, origin in timeline:
        if source == 0:
            entry = _user_entry(content if isinstance(content, dict) else {}, at, offered)
            if entry is not None:
                entries.append(entry)
            continue
        for message in content or []:
            if not isinstance(message, dict):
                continue
            choices = [c for c in message.get("choices") or [] if isinstance(c, dict)]
            if choices:
                offered = {str(c.get("data", "")): str(c.get("label", "")) for c in choices}
            entries.append(
                ConversationEntry(
                    "bot",
                    str(message.get("text", "")),
                    at,
                    choices=tuple(str(c.get("label", "")) for c in choices),
                    crisis=origin == CRISIS_ORIGIN,
                )
            )
    return entries[-limit:]
