"""Monthly figures a municipality reports (新規相談件数, by concern, asker, age, district, hour, outcome),
with small counts suppressed so that nobody can be singled out.

A month is a Tokyo calendar month. A case counts in the month it was handed off (`created_at`);
outcomes count in the month the case was closed. Counts from 1 to 4 are shown as 「5未満」
(`SUPPRESSED`), in the page and in the CSV alike; shares and medians over fewer than 5 cases are
not shown either.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.case_tables import Case, CaseMessage
from bot.store.tables import Conversation
from dialogs.content import current_content
from dialogs.office_hours import TOKYO, is_open, to_tokyo
from dialogs.summary import label_for
from dialogs.understanding.model import CONCERNS
from handoff import catalog
from handoff.queue import ENDINGS

SMALLEST_SHOWN = 5
"""Counts below this (and above zero) are suppressed."""

MONTHS_SHOWN = 12


def suppressed(count: int) -> str:
    """The count as shown: 「5未満」 for 1–4, the number otherwise."""
    return catalog.text("csw.stats.suppressed") if 0 < count < SMALLEST_SHOWN else str(count)


@dataclass(frozen=True)
class Breakdown:
    """Counts by category, in a fixed order, for one chart and one block of the CSV."""

    key: str
    rows: list[tuple[str, int]]

    @property
    def largest(self) -> int:
        """The largest count (for the bar scale), at least 1."""
        return max([count for _, count in self.rows] + [1])


@dataclass
class MonthFigures:
    """Everything the statistics page and the CSV show for one month."""

    month: str
    new_cases: int = 0
    returning_cases: int = 0
    conversations: int = 0
    after_hours: int = 0
    first_reply_minutes: list[float] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)

    @property
    def handoff_percent(self) -> str:
        """Cases per new conversation that month, in percent ('' when too few to show)."""
        if self.conversations < SMALLEST_SHOWN or self.new_cases < SMALLEST_SHOWN:
            return ""
        return f"{round(100 * self.new_cases / self.conversations)}%"

    @property
    def after_hours_percent(self) -> str:
        """Share of cases handed off outside office hours (nights, weekends, holidays)."""
        if self.new_cases < SMALLEST_SHOWN:
            return ""
        return f"{round(100 * self.after_hours / self.new_cases)}%"

    @property
    def median_first_reply(self) -> str:
        """Median time from handoff to the first CSW reply, in whole minutes ('' when too few)."""
        if len(self.first_reply_minutes) < SMALLEST_SHOWN:
            return ""
        return str(round(statistics.median(self.first_reply_minutes)))


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """The first moment of `month` ('2026-11') and of the next one, in Tokyo time."""
    year, number = (int(part) for part in month.split("-"))
    start = datetime(year, number, 1, tzinfo=TOKYO)
    end = datetime(year + (number == 12), number % 12 + 1, 1, tzinfo=TOKYO)
    return start, end


def recent_months(now: datetime, count: int = MONTHS_SHOWN) -> list[str]:
    """The `count` months up to and including now's, newest first ('2026-11', '2026-10', …)."""
    local = to_tokyo(now)
    year, month = local.year, local.month
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def is_month(text: str) -> bool:
    """Whether `text` names a month as 'YYYY-MM'."""
    try:
        month_bounds(text)
    except ValueError:
        return False
    return len(text) == 7


def _labelled(key: str, counts: Counter[str], order: list[str]) -> Breakdown:
    """A breakdown in `order` first (known ids), then any other value, labelled in Japanese."""
    ids = [*order, *sorted(set(counts) - set(order))]
    return Breakdown(key, [(label_for(key, i) if i != "" else "", counts.get(i, 0)) for i in ids])


def _unknown(label: str) -> str:
    """Missing values count under the catalog's 'not answered' name."""
    return label or catalog.text("csw.stats.not_answered")


async def month_figures(session: AsyncSession, *, month: str) -> MonthFigures:
    """The figures for one month."""
    start, end = month_bounds(month)
    content = current_content()
    figures = MonthFigures(month=month)
    cases = list(
        (await session.scalars(select(Case).where(Case.created_at >= start, Case.created_at < end))).all()
    )
    concerns: Counter[str] = Counter()
    askers: Counter[str] = Counter()
    ages: Counter[str] = Counter()
    districts: Counter[str] = Counter()
    hours: Counter[str] = Counter()
    for case_row in cases:
        summary = case_row.summary if isinstance(case_row.summary, dict) else {}
        figures.new_cases += 1
        figures.returning_cases += case_row.previous_case_id is not None
        concerns.update(str(c) for c in summary.get("concerns") or [])
        askers[str(summary.get("asker") or "")] += 1
        ages[str(summary.get("age_band") or "")] += 1
        districts[str(case_row.district or "")] += 1
        arrived = to_tokyo(case_row.created_at)
        hours[f"{arrived.hour:02d}"] += 1
        figures.after_hours += not is_open(case_row.created_at, content.office_hours)
    first_replies = dict(
        (
            await session.execute(
                select(CaseMessage.case_id, func.min(CaseMessage.created_at))
                .where(CaseMessage.case_id.in_([c.id for c in cases]), CaseMessage.kind == "csw")
                .group_by(CaseMessage.case_id)
            )
        ).all()
    )
    figures.first_reply_minutes = [
        (first_replies[c.id] - c.created_at).total_seconds() / 60 for c in cases if c.id in first_replies
    ]
    figures.conversations = int(
        await session.scalar(
            select(func.count())
            .select_from(Conversation)
            .where(Conversation.created_at >= start, Conversation.created_at < end)
        )
        or 0
    )
    outcomes: Counter[str] = Counter(
        str(o)
        for o in await session.scalars(
            select(Case.outcome).where(Case.closed_at >= start, Case.closed_at < end)
        )
    )
    district_names = {d.id: d.name for d in content.districts}
    figures.breakdowns = [
        _labelled("concerns", concerns, list(CONCERNS)),
        Breakdown(
            "asker", [(_unknown(label_for("asker", k) if k else ""), n) for k, n in sorted(askers.items())]
        ),
        Breakdown(
            "age_band",
            [(_unknown(label_for("age_band", k) if k else ""), n) for k, n in sorted(ages.items())],
        ),
        Breakdown(
            "district",
            [(district_names.get(d.id, d.id), districts.get(d.id, 0)) for d in content.districts]
            + [(_unknown(""), districts.get("", 0))],
        ),
        Breakdown("hour", [(f"{h}時台", hours.get(f"{h:02d}", 0)) for h in range(24)]),
        Breakdown("outcome", [(catalog.text(f"csw.outcome.{o}"), outcomes.get(o, 0)) for o in ENDINGS]),
    ]
    return figures


async def monthly_counts(session: AsyncSession, *, months: list[str]) -> list[tuple[str, int]]:
    """New cases in each of `months` (oldest first), for the trend chart."""
    counts = []
    for month in sorted(months):
        start, end = month_bounds(month)
        count = await session.scalar(
            select(func.count()).select_from(Case).where(Case.created_at >= start, Case.created_at < end)
        )
        counts.append((month, int(count or 0)))
    return counts


CSV_HEADER = ("月", "区分", "項目", "件数")


def section(key: str) -> str:
    """The Japanese name of a block of figures (`csw.stats.section.<key>` in the catalog)."""
    return catalog.text(f"csw.stats.section.{key}")


def headline(figures: MonthFigures) -> list[tuple[str, str]]:
    """The month's headline figures as (name, shown value), suppressed where small."""
    return [
        (section("new_cases"), suppressed(figures.new_cases)),
        (section("returning"), suppressed(figures.returning_cases)),
        (section("handoff_rate"), figures.handoff_percent),
        (section("after_hours"), figures.after_hours_percent),
        (section("first_reply"), figures.median_first_reply),
    ]


def to_csv(figures: MonthFigures) -> str:
    """The month as CSV for reporting (UTF-8 with BOM for spreadsheet software), small counts suppressed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for name, value in headline(figures):
        writer.writerow((figures.month, section("summary"), name, value))
    for breakdown in figures.breakdowns:
        for label, count in breakdown.rows:
            writer.writerow((figures.month, section(breakdown.key), label, suppressed(count)))
    return "\ufeff" + out.getvalue()
