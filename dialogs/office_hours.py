"""Office hours of the CSW teams: open now?, next opening, reply-by time, and Japanese date formatting.

Every function is pure and takes an aware `datetime` in any timezone; it is converted to Asia/Tokyo.
A window is open from `start` (inclusive) to `end` (exclusive): 8:30 is open, 17:00 is closed.
Closed all day: national holidays (including substitute holidays, via `jpholiday`), the year-end
break 12/29–1/3, and the municipality's `extra_closed_days`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Annotated, Literal, get_args
from zoneinfo import ZoneInfo

import jpholiday
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

TOKYO = ZoneInfo("Asia/Tokyo")

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
_KANJI = "月火水木金土日"
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_SEARCH_DAYS = 400
"""How far ahead to look for an opening before deciding the hours never open."""


def _parse_clock(value: object) -> object:
    """Read 'H:MM' or 'HH:MM'; explain YAML's unquoted 17:00, which arrives as the integer 1020."""
    if isinstance(value, time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(f'time was read as the number {value}: write it in quotes, e.g. "08:30"')
    if isinstance(value, str) and (match := _CLOCK.fullmatch(value.strip())):
        return time(int(match[1]), int(match[2]))
    raise ValueError(f'invalid time {value!r}: use HH:MM between "00:00" and "23:59", e.g. "08:30"')


ClockTime = Annotated[time, BeforeValidator(_parse_clock)]


class TimeWindow(BaseModel):
    """One opening window: on `days` (every day if omitted), from `start` up to but not including `end`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS))
    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _check(self) -> TimeWindow:
        """Refuse an empty or repeated day list and a window that ends before it starts."""
        if not self.days or len(set(self.days)) != len(self.days):
            raise ValueError("days must list each weekday at most once, and at least one")
        if self.start >= self.end:
            raise ValueError(
                f"start {format_time(self.start)} must be before end {format_time(self.end)}"
                " (windows past midnight are not supported)"
            )
        return self

    def covers(self, moment: datetime) -> bool:
        """Whether the Tokyo wall-clock `moment` falls inside this window."""
        return WEEKDAYS[moment.weekday()] in self.days and self.start <= moment.time() < self.end


class OfficeHours(BaseModel):
    """When the CSW office is open: weekly windows minus holidays, year-end and extra closed days."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    timezone: Literal["Asia/Tokyo"] = "Asia/Tokyo"
    weekly: list[TimeWindow] = Field(min_length=1)
    national_holidays_closed: bool = True
    year_end_closed: bool = True
    extra_closed_days: list[date] = []

    @model_validator(mode="after")
    def _no_overlap(self) -> OfficeHours:
        """Refuse two weekly windows that overlap on the same weekday."""
        for day in WEEKDAYS:
            spans = sorted((w.start, w.end, i) for i, w in enumerate(self.weekly) if day in w.days)
            for (_, first_end, first), (second_start, _, second) in pairwise(spans):
                if second_start < first_end:
                    raise ValueError(f"weekly[{second}] overlaps weekly[{first}] on {day}")
        return self

    def is_closed_day(self, day: date) -> bool:
        """Whether all of `day` is closed: a national holiday, the year-end break or an extra closed day."""
        year_end = (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)
        return (
            (self.national_holidays_closed and jpholiday.is_holiday(day))
            or (self.year_end_closed and year_end)
            or day in self.extra_closed_days
        )


def to_tokyo(moment: datetime) -> datetime:
    """Convert an aware datetime to Asia/Tokyo; a naive one raises ValueError."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()}: pass an aware datetime")
    return moment.astimezone(TOKYO)


def _open_spans(start: datetime, hours: OfficeHours) -> Iterator[tuple[datetime, datetime]]:
    """Yield the open spans that end after Tokyo-time `start`, in order, clipped to begin at `start`."""
    for offset in range(_SEARCH_DAYS):
        day = start.date() + timedelta(days=offset)
        if hours.is_closed_day(day):
            continue
        weekday = WEEKDAYS[day.weekday()]
        for window in sorted((w for w in hours.weekly if weekday in w.days), key=lambda w: w.start):
            closes = datetime.combine(day, window.end, TOKYO)
            if closes > start:
                yield max(datetime.combine(day, window.start, TOKYO), start), closes
    raise ValueError(f"the office does not open in the {_SEARCH_DAYS} days from {start:%Y-%m-%d}")


def is_open(now: datetime, hours: OfficeHours) -> bool:
    """Whether the office is open at `now`."""
    local = to_tokyo(now)
    return not hours.is_closed_day(local.date()) and any(w.covers(local) for w in hours.weekly)


def next_opening(now: datetime, hours: OfficeHours) -> datetime:
    """The next moment the office is open, in Asia/Tokyo: `now` itself when it is open."""
    return reply_by(now, hours)


def reply_by(now: datetime, hours: OfficeHours, *, within: timedelta | None = None) -> datetime:
    """The time by which staff will answer a message sent at `now`, in Asia/Tokyo.

    `within` counts office time only: the answer comes after that much open time has passed from
    `now` (Friday 16:30 + 2h is Monday 10:00 with 8:30–17:00 hours). With `within=None` staff answer
    when they next read messages, i.e. at the next opening (`now` itself when open).
    """
    remaining = within or timedelta(0)
    if remaining < timedelta(0):
        raise ValueError(f"within must not be negative, got {within}")
    spans = _open_spans(to_tokyo(now), hours)
    opens, closes = next(spans)
    while opens + remaining > closes:
        remaining -= closes - opens
        opens, closes = next(spans)
    return opens + remaining


def format_time(clock: time) -> str:
    """'8:30', '17:00': hours without a leading zero."""
    return f"{clock.hour}:{clock.minute:02d}"


def format_jp(moment: datetime) -> str:
    """'11月24日(火) 8:30' in Tokyo time."""
    local = to_tokyo(moment)
    return f"{local.month}月{local.day}日({_KANJI[local.weekday()]}) {format_time(local.time())}"


def format_jp_onward(moment: datetime) -> str:
    """'11月24日(火) 8:30以降' in Tokyo time."""
    return f"{format_jp(moment)}以降"


def format_window(window: TimeWindow) -> str:
    """'毎日 10:00〜22:00', '月〜金 8:30〜17:00', '月・水 9:00〜12:00'."""
    indexes = sorted(WEEKDAYS.index(day) for day in window.days)
    if len(indexes) == len(WEEKDAYS):
        days = "毎日"
    elif len(indexes) >= 3 and indexes[-1] - indexes[0] == len(indexes) - 1:
        days = f"{_KANJI[indexes[0]]}〜{_KANJI[indexes[-1]]}"
    else:
        days = "・".join(_KANJI[i] for i in indexes)
    return f"{days} {format_time(window.start)}〜{format_time(window.end)}"
