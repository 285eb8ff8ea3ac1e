"""What the conversation remembers of its crisis replies: when, for which situation, what was asked and
offered."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from dialogs import catalog
from dialogs.crisis.situations import (
    AFTER_CRISIS_WITHIN,
    HURT_IN,
    QUESTION_FRESH,
    REPEAT_WITHIN,
    SITUATION_OF_HURT,
    SITUATIONS,
    Hurt,
    Situation,
)
from dialogs.dialog import Dialog
from dialogs.summary import URGENCY_LEVELS


@dataclass(frozen=True)
class CrisisMemory:
    """What a conversation knows of its crisis replies: when the last was sent, the situations that
    got their whole fitted block since, and who is being hurt."""

    shown_at: datetime | None = None
    answered: tuple[str, ...] = ()
    hurt: Hurt | None = None
    asked_at: datetime | None = None
    """When the direct question about dying was last asked after a method was named."""
    brief: int = 0
    """How many brief replies were sent in a row since the last whole block."""
    sent: bool = False
    """Whether the conversation's case was sent and no CSW holds it yet: a crisis reply says the message
    reached it, and offers no hand-off."""
    no_phone: bool = False
    """Whether the person said they cannot phone (「電話は無理。声出ない」): chat and LINE lines first."""
    method_named: bool = False
    """Whether a way of dying was named and asked about: the first one named is more acute than
    thoughts of dying told before it (「台所で包丁を見ていて」 after 「私がいなくなったほうが」)."""
    question_answered_at: datetime | None = None
    """When a question about dying was last answered (a button or typed words)."""
    bleeding_stopped_at: datetime | None = None
    """When the person said the bleeding stopped (「血はとまった」)."""
    friend: bool = False
    """Whether the one whose words about dying were told is a friend, not family (「友達が」)."""
    held: bool = False
    """Whether a CSW holds the case now: a crisis reply says the 相談員 reading sees the message (never
    that staff read it in office hours), and offers no hand-off."""
    apart: bool = False
    """Whether the writer lives far from the home where someone is violent (「わたしは離れて住んどるで」)."""
    supporter: bool = False
    """Whether the writer writes as a supporter of a client (a care manager, 民生委員), on the form."""
    relative_spoken: str = ""
    """The relative the writer last named (「お母さん」), as written: words about dying reported with no
    one named soon after (「死にたいって言ってた」) are that relative's (see `relative_lately`)."""
    relative_spoken_at: datetime | None = None
    """When `relative_spoken` was named."""
    child_writer: bool = False
    """Whether the writer said they are under 18 (a relative's words about dying are answered in a
    child's words, with the children's lines)."""

    def relative_lately(self, now: datetime) -> str:
        """The relative named within `AFTER_CRISIS_WITHIN`, else ''."""
        at = self.relative_spoken_at
        return self.relative_spoken if at is not None and now - at < AFTER_CRISIS_WITHIN else ""

    def question_settled(self, now: datetime) -> bool:
        """Whether the direct question needs no asking now: asked within `QUESTION_FRESH` (not again at
        once), or within `REPEAT_WITHIN` and answered since."""
        answered = self.question_answered_at
        if self.asked_at is None or self.asked_within(now, QUESTION_FRESH):
            return self.asked_at is not None
        return self.asked_lately(now) and answered is not None and answered >= self.asked_at

    def bleeding_stopped(self, now: datetime) -> bool:
        """Whether the bleeding was said to have stopped within `AFTER_CRISIS_WITHIN`."""
        stopped = self.bleeding_stopped_at
        return stopped is not None and now - stopped < AFTER_CRISIS_WITHIN

    def asked_lately(self, now: datetime) -> bool:
        """Whether the direct question was asked within `REPEAT_WITHIN`."""
        return self.asked_at is not None and now - self.asked_at < REPEAT_WITHIN

    def asked_within(self, now: datetime, within: timedelta) -> bool:
        """Whether the direct question was asked less than `within` ago."""
        return self.asked_at is not None and now - self.asked_at < within

    def is_repeat(self, situation: Situation, now: datetime) -> bool:
        """Whether a reply for `situation` now is the same situation again, answered in full lately."""
        return self.recent(now) and situation in self.answered

    def recent(self, now: datetime) -> bool:
        """Whether the last crisis reply was sent within `REPEAT_WITHIN`."""
        return self.shown_at is not None and now - self.shown_at < REPEAT_WITHIN

    def after(
        self,
        situations: tuple[Situation, ...],
        now: datetime,
        *,
        asked: bool = False,
        brief: bool = False,
        method: bool = False,
    ) -> CrisisMemory:
        """The memory once a reply fitted to `situations` is sent at `now` (`asked`: with the question;
        `brief`: the brief reply; `method`: a way of dying named and asked about)."""
        answered = self.answered if self.recent(now) else ()
        hurt = HURT_IN.get(situations[0], self.hurt)
        asked_at = now if asked else self.asked_at
        briefs = self.brief + 1 if brief else 0
        told = situations if asked else situations[:1]  # with the question, the dying beside violence too
        answered_now = tuple(dict.fromkeys([*answered, *told]))
        named = self.method_named or method
        return replace(
            self,
            shown_at=now,
            answered=answered_now,
            hurt=hurt,
            asked_at=asked_at,
            brief=briefs,
            method_named=named,
        )


def memory_of(data: dict[str, Any]) -> CrisisMemory:
    """The crisis memory kept in a conversation's stored data."""
    stored = data.get("crisis", {})
    hurt = stored.get("hurt")
    brief = stored.get("brief")
    return CrisisMemory(
        _stamp(stored, "shown_at"),
        tuple(stored.get("answered") or stored.get("situations") or ()),
        hurt if hurt in SITUATION_OF_HURT else None,
        _stamp(stored, "method_asked_at"),
        brief if isinstance(brief, int) else 0,
        isinstance(data.get("handoff"), dict) and not data.get("with_person"),
        bool(stored.get("no_phone")),
        bool(stored.get("method_named")),
        _stamp(stored, "risk_answered_at"),
        _stamp(stored, "bleeding_stopped_at"),
        bool(stored.get("relative_friend")),
        bool(data.get("with_person")),
        bool(stored.get("apart")),
        data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice") == "supporter",
        _spoken_of(stored),
        _stamp(stored.get("spoken_of") or {}, "at"),
        _under_18(data),
    )


def _spoken_of(stored: dict[str, Any]) -> str:
    """The relative kept as last named (see `note_relative_spoken`)."""
    kept = stored.get("spoken_of")
    return str(kept.get("who", "")) if isinstance(kept, dict) else ""


def _under_18(data: dict[str, Any]) -> bool:
    """Whether the writer answered (or wrote) an age under 18, asking for themself."""
    answers = data.get("intake", {}).get("answers", {})
    asker = answers.get("asker", {}).get("choice")
    return answers.get("age_band", {}).get("choice") == "under_18" and asker in (None, "self")


def _stamp(stored: dict[str, Any], key: str) -> datetime | None:
    """The time kept under `key`, if any."""
    value = stored.get(key)
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def note_relative_spoken(dialog: Dialog, relative: str) -> None:
    """Keep `relative` (「お母さん」) as the one the writer last named, with the time."""
    if relative:
        dialog.data.setdefault("crisis", {})["spoken_of"] = {"who": relative, "at": dialog.now.isoformat()}


def record(dialog: Dialog, level: str, reasons: tuple[str, ...]) -> None:
    """Keep the highest urgency and every reason given so far, in order, for the summary (「食べるものがない」
    stays beside a later 「死にたい」)."""
    stored = dialog.data.get("urgency", {})
    levels = [known for known in (stored.get("level"), level) if known in URGENCY_LEVELS]
    highest = min(levels, key=URGENCY_LEVELS.index, default=level)
    kept = list(stored.get("reasons", []))
    dialog.data["urgency"] = {"level": highest, "reasons": [*kept, *(r for r in reasons if r not in kept)]}


def recently(dialog: Dialog, key: str, within: timedelta) -> bool:
    """Whether `data['crisis'][key]` holds a time less than `within` ago."""
    stamp = dialog.data.get("crisis", {}).get(key)
    return isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < within


def mark_now(dialog: Dialog, key: str) -> None:
    """Record now under `data['crisis'][key]`."""
    dialog.data.setdefault("crisis", {})[key] = dialog.now.isoformat()


def last_situations(dialog: Dialog) -> tuple[Situation, ...]:
    """The situations the last crisis reply was fitted to (thoughts of dying when none was kept)."""
    kept = dialog.data.get("crisis", {}).get("situations") or []
    return tuple(s for s in SITUATIONS if s in kept) or ("suicidal",)


def note_offer(dialog: Dialog) -> None:
    """Remember whether this turn's reply ends by offering a person (「担当者に伝えたい」), so that a typed
    yes on the next turn (「はい」「お願いします」) is taken as a yes to that offer."""
    last = dialog.messages[-1] if dialog.messages else None
    offered = last is not None and any(
        choice.data == "human" and choice.label == catalog.text("crisis.human") for choice in last.choices
    )
    stored = dialog.data.get("crisis")
    if offered:
        dialog.data.setdefault("crisis", {})["person_offered"] = True
    elif isinstance(stored, dict):
        stored.pop("person_offered", None)


def person_offered(dialog: Dialog) -> bool:
    """Whether the bot's last reply ended by offering a person (see `note_offer`)."""
    return bool(dialog.data.get("crisis", {}).get("person_offered"))
