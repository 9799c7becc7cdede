"""Dates and times: reading what people type (always into aware datetimes) and showing
them, one form for each kind of thing on screen."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta, timezone

from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError

# The time partsjournal takes as "now", when set (ISO 8601, e.g. 2026-11-23T20:00+01:00):
# for the test suite, whose programs all share one frozen day, and for demonstrations that
# must look the same on any day. Like git's GIT_COMMITTER_DATE; nobody needs it day to day.
NOW_VAR = "PARTSJOURNAL_NOW"

# the words a date option takes besides YYYY-MM-DD [HH:MM]: "now", "today", "yesterday",
# and "today"/"yesterday" with a time ("yesterday 20:30"); the same for every date option
DAY_WORDS = {"today": 0, "yesterday": 1}
NOW_WORD = "now"


def now() -> datetime:
    """The current local time with its UTC offset (whole minutes, see :func:`whole_minutes`),
    or the time ``PARTSJOURNAL_NOW`` names. The one clock of the program."""
    fixed = os.environ.get(NOW_VAR)
    if fixed:
        return _fixed_now(fixed)
    return whole_minutes(datetime.now().astimezone().replace(microsecond=0))


def _fixed_now(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(msg.NOW_VAR_INVALID.format(variable=NOW_VAR, text=text)) from None
    return whole_minutes((value if value.tzinfo else value.astimezone()).replace(microsecond=0))


def whole_minutes(value: datetime) -> datetime:
    """``value`` with its UTC offset rounded to whole minutes, the wall-clock time kept.

    TOML (and so every journal file) can only hold offsets in whole minutes; a
    few historic time zones (Africa/Monrovia before 1972, local mean times
    before 1900-ish) had offsets with seconds. The instant moves by under 30 s.
    """
    offset = value.utcoffset()
    if offset is None or (offset.seconds % 60 == 0 and offset.microseconds == 0):
        return value
    minutes = max(-1439, min(1439, round(offset.total_seconds() / 60)))
    return value.replace(tzinfo=timezone(timedelta(minutes=minutes)))


def _spelled(text: str) -> str:
    """``text`` with its date word written as a date: "now" (and "today" or "yesterday"
    alone) as that moment, "yesterday 20:30" as "2026-11-22 20:30". The one reading of
    date words, shared by every date option (:func:`parse_datetime`, :func:`parse_date`)."""
    cleaned = text.strip()
    word, _, rest = cleaned.partition(" ")
    word = word.lower()
    if cleaned.lower() == NOW_WORD:
        return now().isoformat()
    if word not in DAY_WORDS:
        return cleaned
    moment = now() - timedelta(days=DAY_WORDS[word])
    return f"{moment.date()} {rest.strip()}" if rest.strip() else moment.isoformat()


def parse_datetime(text: str, *, option: str = "--at") -> datetime:
    """Turn ``text`` into an aware datetime; naive times are taken as local."""
    try:
        value = datetime.fromisoformat(_spelled(text))
    except ValueError:
        raise UsageError(
            msg.DATE_UNREADABLE.format(option=option, text=text, forms=msg.DATE_FORMS)
        ) from None
    if not 1900 <= value.year <= 9998:
        raise UsageError(msg.DATE_OUT_OF_RANGE.format(option=option, text=text))
    if value.tzinfo is None:
        local = value.astimezone()
        if local.replace(tzinfo=None) != value:
            raise UsageError(msg.TIME_SKIPPED_BY_CLOCKS.format(option=option, text=text))
        value = whole_minutes(local)
    else:
        offset = value.utcoffset()
        if offset is not None and (offset.seconds % 60 or offset.microseconds):
            raise UsageError(msg.OFFSET_WITH_SECONDS.format(option=option, text=text))
    return value.replace(microsecond=0)


FUTURE_SLACK = timedelta(days=1)  # a day ahead still fits any time zone's "today"


def entry_time(at: str | None, *, future: bool | None = None) -> datetime:
    """When an entry is dated: ``--at`` if given (see :func:`parse_at`), else now.

    ``future`` is the command's ``--future`` flag; None for a command without one.
    """
    return parse_at(at, future=future) if at is not None else now()


def parse_at(text: str, *, future: bool | None = None, option: str = "--at") -> datetime:
    """The moment an entry is about (``--at``): more than a day ahead is refused, as a
    mistyped year usually is, unless ``future`` (``--future``) says it is meant.

    The one owner of what the refusal advises: ``--future`` only for a command that has
    it (``future`` is then True or False, None for a command without it).
    """
    value = parse_datetime(text, option=option)
    if not future and value - now() > FUTURE_SLACK:
        advice = msg.AHEAD_ADD_FUTURE if future is not None else msg.AHEAD_NO_FUTURE
        raise UsageError(msg.DATE_TOO_FAR_AHEAD.format(option=option, day=value, advice=advice))
    return value


def parse_date(text: str, *, option: str = "--since") -> date:
    """Turn ``text`` into a calendar date: the same forms and words as
    :func:`parse_datetime` ("now", "yesterday 20:30"), the time left aside."""
    cleaned = _spelled(text)
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        try:
            day = datetime.fromisoformat(cleaned).date()
        except ValueError:
            raise UsageError(
                msg.DATE_UNREADABLE.format(option=option, text=text, forms=msg.DATE_FORMS)
            ) from None
    if not 1900 <= day.year <= 9998:  # the days around it (reviews, check-ins) must exist
        raise UsageError(msg.DATE_OUT_OF_RANGE.format(option=option, text=text))
    return day


_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.h]([0-5]\d)")


def parse_time(text: str, *, option: str = "--time") -> time:
    """A time of day as people type it (a session's), ``HH:MM`` (``14:00``, ``9:30``)."""
    found = _CLOCK.fullmatch(text.strip().lower())
    if found is None:
        raise UsageError(msg.TIME_UNREADABLE.format(option=option, text=text))
    return time(int(found.group(1)), int(found.group(2)))


# --------------------------------------------------------------------------- showing
#
# One form on screen for each kind of thing, whatever command shows it. The names are
# written here rather than taken from the C library (strftime's %A and %B follow the
# process's locale, so a library that sets it would change half the screen).

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DASH = "\u2013"  # en dash, between the days of a span


def day_text(day: date, *, year: bool = True) -> str:
    """A day in a sentence or a heading: "Sunday 6 December 2026" ("Sunday 6 December")."""
    shown = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{shown} {day.year}" if year else shown


def moment_text(when: datetime) -> str:
    """A moment in a sentence or a heading: "Sunday 6 December 2026, 20:30"."""
    return f"{day_text(when.date())}, {when.hour:02d}:{when.minute:02d}"


def short_day(day: date) -> str:
    """A day in a line of a list: "Sun 6 Dec"."""
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"


def short_moment(when: datetime) -> str:
    """A moment in a line of a list: "Sun 6 Dec, 20:30"."""
    return f"{short_day(when.date())}, {when.hour:02d}:{when.minute:02d}"


def tick_day(day: date) -> str:
    """A day on a chart's axis: "6 Dec"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"


def clock_text(at: time) -> str:
    """A time of day: "14:00"."""
    return f"{at.hour:02d}:{at.minute:02d}"


def stamp(when: datetime) -> str:
    """A moment in a table column or a time line, sortable: "2026-12-06 20:30" (a day
    there is its ISO date, ``day.isoformat()``)."""
    return f"{when.date().isoformat()} {when.hour:02d}:{when.minute:02d}"


def span_text(since: date, until: date) -> str:
    """A period: "13-19 November 2026", "30 November-6 December 2026" (an en dash, spaced)."""

    def dm(d: date) -> str:
        return f"{d.day} {MONTH_NAMES[d.month - 1]}"

    if since == until:
        return f"{dm(until)} {until.year}"
    if since.year != until.year:
        return f"{dm(since)} {since.year} {DASH} {dm(until)} {until.year}"
    if since.month != until.month:
        return f"{dm(since)} {DASH} {dm(until)} {until.year}"
    return f"{since.day} {DASH} {dm(until)} {until.year}"
