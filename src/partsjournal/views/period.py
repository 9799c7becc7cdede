"""The span a review covers, and the days around it that have entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from partsjournal.core import layout
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError

EARLIEST = date(1900, 1, 1)  # the first day a date may be given for (core/dates)
STREAK_CAP = 366  # days; a longer streak is shown as "a year or more"


@dataclass(frozen=True)
class Period:
    since: date
    until: date
    kind: str = "range"  # week, month or range

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        return Period(
            self.since - timedelta(days=self.days), self.since - timedelta(days=1), self.kind
        )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.since <= day <= self.until


def period_for(
    today: date,
    *,
    month: bool = False,
    ago: int = 0,
    since: date | None = None,
    until: date | None = None,
) -> Period:
    """The period a review covers.

    The default is the seven days ending today; ``month`` is the 30 days ending
    today; ``ago`` moves back that many whole periods. ``since``/``until`` give
    the period directly (``until`` defaults to today).
    """
    if ago < 0:
        raise UsageError(msg.AGO_NEGATIVE)
    if since is not None:
        if month or ago:
            raise UsageError(msg.PERIOD_TWO_WAYS)
        end = until or today
        if end < since:
            raise UsageError(msg.UNTIL_BEFORE_SINCE.format(until=end, since=since))
        return Period(since, end, "range")
    if until is not None:
        raise UsageError(msg.UNTIL_NEEDS_SINCE)
    length = 30 if month else 7
    if length * (ago + 1) > (today - EARLIEST).days:
        unit = "months" if month else "weeks"
        raise UsageError(msg.AGO_TOO_FAR.format(ago=ago, year=EARLIEST.year, unit=unit))
    end = today - timedelta(days=length * ago)
    return Period(end - timedelta(days=length - 1), end, "month" if month else "week")


RECENT = (7, 30)  # "journaled on 5 of the last 7 days; 23 of the last 30"


def recent_days(days: Iterable[date], end: date) -> tuple[int, int]:
    """On how many of the last 7 and the last 30 days ending at ``end`` something was written.

    What was done, never a streak that can break.
    """
    have = set(days)
    short, long = RECENT
    return (
        sum(1 for d in have if 0 <= (end - d).days < short),
        sum(1 for d in have if 0 <= (end - d).days < long),
    )


def recent_days_back(end: date) -> tuple[int, int]:
    """:func:`recent_days` from file names alone: one or two month folders are listed."""
    start = end - timedelta(days=RECENT[1] - 1)
    found: set[date] = set()
    year, month = end.year, end.month
    while (year, month) >= (start.year, start.month):
        found |= {date.fromisoformat(d) for d in layout.days_in_month(year, month)}
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return recent_days(found, end)


def streak(days: Iterable[date], end: date) -> int:
    """Days in a row with an entry, ending at ``end`` (or the day before it).

    The day before counts as well so that the streak is not "broken" in the
    morning, before today's entry is written.
    """
    have = set(days)
    day = end if end in have else end - timedelta(days=1)
    n = 0
    while day in have:
        n += 1
        day -= timedelta(days=1)
    return n


def streak_back(end: date) -> int:
    """The streak ending at ``end`` (see :func:`streak`), from file names alone.

    Nothing is opened: month folders are listed backwards from ``end`` and the
    walk stops at the month that holds the streak's first gap, so a broken
    streak costs one or two listings. Streaks are counted up to
    :data:`STREAK_CAP` days ("a year or more"), so years of daily writing never
    cost more than thirteen folder listings.
    """
    found: set[str] = set()
    year, month = end.year, end.month
    one_day = timedelta(days=1)
    cursor: date | None = None
    while True:
        found |= layout.days_in_month(year, month)
        if cursor is None:
            cursor = end if end.isoformat() in found else end - one_day
            start = cursor
        while cursor.isoformat() in found:  # walk on from where the last month left off
            cursor -= one_day
        if (start - cursor).days >= STREAK_CAP:
            return STREAK_CAP
        if cursor >= date(year, month, 1):  # the streak's first gap is in a listed month
            return (start - cursor).days
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
