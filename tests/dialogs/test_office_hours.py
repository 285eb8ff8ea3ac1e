"""Office hours: holidays, the year-end break, boundaries, reply-by arithmetic and Japanese formatting."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from dialogs.office_hours import (
    TOKYO,
    OfficeHours,
    TimeWindow,
    format_jp,
    format_jp_onward,
    format_window,
    is_open,
    next_opening,
    reply_by,
)

WEEKDAYS_830_1700 = OfficeHours.model_validate(
    {"weekly": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:30", "end": "17:00"}]}
)
WITH_EXTRA_CLOSED = WEEKDAYS_830_1700.model_copy(update={"extra_closed_days": (date(2026, 11, 16),)})


def jst(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    """A datetime in Asia/Tokyo."""
    return datetime(year, month, day, hour, minute, second, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(jst(2026, 11, 13, 17, 1), jst(2026, 11, 16, 8, 30), id="friday-17:01-to-monday"),
        pytest.param(jst(2026, 11, 14, 12, 0), jst(2026, 11, 16, 8, 30), id="saturday-to-monday"),
        pytest.param(jst(2026, 11, 20, 17, 1), jst(2026, 11, 24, 8, 30), id="holiday-monday-to-tuesday"),
        pytest.param(jst(2026, 11, 23, 10, 0), jst(2026, 11, 24, 8, 30), id="on-the-holiday"),
        pytest.param(jst(2026, 12, 28, 16, 0), jst(2026, 12, 28, 16, 0), id="12/28-16:00-open"),
        pytest.param(jst(2026, 12, 28, 17, 30), jst(2027, 1, 4, 8, 30), id="12/28-17:30-to-1/4"),
        pytest.param(jst(2027, 1, 3, 9, 0), jst(2027, 1, 4, 8, 30), id="1/3-closed"),
        pytest.param(jst(2026, 5, 1, 17, 30), jst(2026, 5, 7, 8, 30), id="golden-week-substitute-5/6"),
        pytest.param(jst(2027, 3, 19, 18, 0), jst(2027, 3, 23, 8, 30), id="substitute-monday-3/22"),
        pytest.param(jst(2026, 11, 16, 8, 30), jst(2026, 11, 16, 8, 30), id="exactly-8:30-open"),
        pytest.param(jst(2026, 11, 16, 8, 29, 59), jst(2026, 11, 16, 8, 30), id="8:29:59-waits"),
        pytest.param(jst(2026, 11, 16, 16, 59, 59), jst(2026, 11, 16, 16, 59, 59), id="16:59:59-open"),
        pytest.param(jst(2026, 11, 16, 17, 0), jst(2026, 11, 17, 8, 30), id="exactly-17:00-closed"),
        pytest.param(datetime(2026, 11, 20, 8, 1, tzinfo=UTC), jst(2026, 11, 24, 8, 30), id="utc-input"),
    ],
)
def test_next_opening(now: datetime, expected: datetime) -> None:
    """The next opening skips weekends, holidays, substitute holidays and 12/29–1/3."""
    opening = next_opening(now, WEEKDAYS_830_1700)
    assert opening == expected
    assert opening.tzinfo == TOKYO
    assert is_open(now, WEEKDAYS_830_1700) is (opening == now)


def test_january_4th_2027_is_a_monday() -> None:
    """The year-end case above relies on 2027-01-04 being a working Monday."""
    assert date(2027, 1, 4).weekday() == 0
    assert is_open(jst(2027, 1, 4, 8, 30), WEEKDAYS_830_1700)


@pytest.mark.parametrize(
    ("now", "hours", "expected"),
    [
        pytest.param(
            jst(2026, 11, 13, 17, 1), WITH_EXTRA_CLOSED, jst(2026, 11, 17, 8, 30), id="extra-closed-monday"
        ),
        pytest.param(
            jst(2026, 11, 16, 9, 0), WITH_EXTRA_CLOSED, jst(2026, 11, 17, 8, 30), id="on-extra-closed-day"
        ),
        pytest.param(
            jst(2026, 11, 23, 10, 0),
            WEEKDAYS_830_1700.model_copy(update={"national_holidays_closed": False}),
            jst(2026, 11, 23, 10, 0),
            id="holidays-open-when-configured",
        ),
        pytest.param(
            jst(2026, 12, 30, 10, 0),
            WEEKDAYS_830_1700.model_copy(update={"year_end_closed": False}),
            jst(2026, 12, 30, 10, 0),
            id="year-end-open-when-configured",
        ),
    ],
)
def test_configured_closures(now: datetime, hours: OfficeHours, expected: datetime) -> None:
    """Extra closed days close the office; holiday and year-end closing can be switched off."""
    assert next_opening(now, hours) == expected


def test_lunch_break() -> None:
    """Two windows on a day leave the gap between them closed and meet without a gap when adjacent."""
    hours = OfficeHours.model_validate(
        {
            "weekly": [
                {"days": ["mon"], "start": "08:30", "end": "12:00"},
                {"days": ["mon"], "start": "13:00", "end": "17:00"},
            ]
        }
    )
    assert not is_open(jst(2026, 11, 16, 12, 0), hours)
    assert next_opening(jst(2026, 11, 16, 12, 0), hours) == jst(2026, 11, 16, 13, 0)
    assert next_opening(jst(2026, 11, 16, 17, 0), hours) == jst(2026, 11, 30, 8, 30)


@pytest.mark.parametrize(
    ("now", "within", "expected"),
    [
        pytest.param(jst(2026, 11, 16, 10, 0), None, jst(2026, 11, 16, 10, 0), id="open-none-is-now"),
        pytest.param(jst(2026, 11, 13, 20, 0), None, jst(2026, 11, 16, 8, 30), id="closed-none-is-opening"),
        pytest.param(jst(2026, 11, 16, 10, 0), timedelta(hours=2), jst(2026, 11, 16, 12, 0), id="same-day"),
        pytest.param(
            jst(2026, 11, 16, 15, 0), timedelta(hours=2), jst(2026, 11, 16, 17, 0), id="ends-at-close"
        ),
        pytest.param(
            jst(2026, 11, 13, 16, 30), timedelta(hours=2), jst(2026, 11, 16, 10, 0), id="over-weekend"
        ),
        pytest.param(
            jst(2026, 11, 20, 16, 0), timedelta(hours=2), jst(2026, 11, 24, 9, 30), id="over-holiday"
        ),
        pytest.param(jst(2026, 11, 14, 9, 0), timedelta(hours=1), jst(2026, 11, 16, 9, 30), id="from-closed"),
        pytest.param(
            jst(2026, 11, 16, 9, 0), timedelta(hours=17), jst(2026, 11, 18, 9, 0), id="two-working-days"
        ),
    ],
)
def test_reply_by(now: datetime, within: timedelta | None, expected: datetime) -> None:
    """`within` counts office time only."""
    assert reply_by(now, WEEKDAYS_830_1700, within=within) == expected


def test_reply_by_refuses_negative_within() -> None:
    """A negative allowance is a programming error."""
    with pytest.raises(ValueError, match="negative"):
        reply_by(jst(2026, 11, 16, 10, 0), WEEKDAYS_830_1700, within=timedelta(minutes=-1))


@pytest.mark.parametrize(
    "call",
    [
        lambda now: is_open(now, WEEKDAYS_830_1700),
        lambda now: next_opening(now, WEEKDAYS_830_1700),
        lambda now: reply_by(now, WEEKDAYS_830_1700, within=timedelta(hours=1)),
        format_jp,
    ],
    ids=["is_open", "next_opening", "reply_by", "format_jp"],
)
def test_naive_datetime_is_refused(call: Callable[[datetime], object]) -> None:
    """A naive datetime raises ValueError everywhere."""
    with pytest.raises(ValueError, match="naive"):
        call(datetime(2026, 11, 16, 10, 0))


def test_office_that_never_opens() -> None:
    """Hours whose only day is always closed raise instead of looping forever."""
    hours = WEEKDAYS_830_1700.model_copy(
        update={"extra_closed_days": tuple(date(2026, 11, 16) + timedelta(days=i) for i in range(400))}
    )
    with pytest.raises(ValueError, match="does not open"):
        next_opening(jst(2026, 11, 16, 9, 0), hours)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (jst(2026, 11, 24, 8, 30), "11月24日(火) 8:30"),
        (jst(2027, 1, 4, 13, 5), "1月4日(月) 13:05"),
        (jst(2026, 11, 22, 0, 0), "11月22日(日) 0:00"),
        (datetime(2026, 11, 23, 23, 30, tzinfo=UTC), "11月24日(火) 8:30"),
    ],
)
def test_format_jp(moment: datetime, expected: str) -> None:
    """Month, day, weekday kanji and an unpadded hour, in Tokyo time."""
    assert format_jp(moment) == expected
    assert format_jp_onward(moment) == f"{expected}以降"


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ({"start": "10:00", "end": "22:00"}, "毎日 10:00〜22:00"),
        (
            {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:30", "end": "17:00"},
            "月〜金 8:30〜17:00",
        ),
        ({"days": ["wed", "mon"], "start": "09:00", "end": "12:00"}, "月・水 9:00〜12:00"),
        ({"days": ["sat", "sun"], "start": "09:00", "end": "12:00"}, "土・日 9:00〜12:00"),
    ],
)
def test_format_window(window: dict[str, object], expected: str) -> None:
    """Windows read as Japanese day ranges and times."""
    assert format_window(TimeWindow.model_validate(window)) == expected


@pytest.mark.parametrize(
    ("weekly", "message"),
    [
        ([{"start": "25:00", "end": "26:00"}], "invalid time '25:00'"),
        ([{"start": 510, "end": "17:00"}], "write it in quotes"),
        ([{"start": "17:00", "end": "08:30"}], "start 17:00 must be before end 8:30"),
        ([{"days": ["mon", "mon"], "start": "08:30", "end": "17:00"}], "at most once"),
        ([{"days": [], "start": "08:30", "end": "17:00"}], "at least one"),
        ([{"days": ["mom"], "start": "08:30", "end": "17:00"}], "'mon'"),
        (
            [{"start": "08:30", "end": "12:30"}, {"days": ["tue"], "start": "12:00", "end": "17:00"}],
            "weekly[1] overlaps weekly[0] on tue",
        ),
        ([], "at least 1 item"),
    ],
)
def test_invalid_hours(weekly: list[dict[str, object]], message: str) -> None:
    """Malformed windows are refused with a message saying what is wrong."""
    with pytest.raises(ValidationError, match=re.escape(message)):
        OfficeHours.model_validate({"weekly": weekly})
