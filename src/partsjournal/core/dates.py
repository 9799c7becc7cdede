"""Reading the dates and times people type, always into aware datetimes."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta, timezone

from partsjournal.core.errors import UsageError

# The time partsjournal takes as "now", when set (ISO 8601, e.g. 2026-11-23T20:00+01:00):
# for the test suite, whose programs all share one frozen day, and for demonstrations that
# must look the same on any day. Like git's GIT_COMMITTER_DATE; nobody needs it day to day.
NOW_VAR = "PARTSJOURNAL_NOW"

_FORMATS_HINT = "use YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (today and yesterday work too)"


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
        raise UsageError(
            f"{NOW_VAR} is set to {text!r}, which is not a date and time; "
            f"unset it, or use a form like 2026-11-23T20:00+01:00."
        ) from None
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


def parse_datetime(text: str, *, option: str = "--at") -> datetime:
    """Turn ``text`` into an aware datetime; naive times are taken as local."""
    cleaned = text.strip()
    word = cleaned.lower()
    if word in {"now", "today"}:
        return now()
    if word == "yesterday":
        return now() - timedelta(days=1)
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise UsageError(f"Could not read {option} '{text}' as a date; {_FORMATS_HINT}.") from None
    if not 1900 <= value.year <= 9998:
        raise UsageError(f"{option} '{text}' is out of range; give a date between 1900 and 9998.")
    if value.tzinfo is None:
        local = value.astimezone()
        if local.replace(tzinfo=None) != value:
            raise UsageError(
                f"{option} '{text}' does not exist in your time zone (the clocks jumped forward "
                "past it that night); give a time just before or after the jump."
            )
        value = whole_minutes(local)
    else:
        offset = value.utcoffset()
        if offset is not None and (offset.seconds % 60 or offset.microseconds):
            raise UsageError(
                f"{option} '{text}' has a UTC offset with seconds, which cannot be stored; "
                "give the offset in whole minutes, for example +05:30."
            )
    return value.replace(microsecond=0)


FUTURE_SLACK = timedelta(days=1)  # a day ahead still fits any time zone's "today"


def entry_time(at: str | None, *, future: bool = False) -> datetime:
    """When an entry is dated: ``--at`` if given (see :func:`parse_at`), else now."""
    return parse_at(at, future=future) if at is not None else now()


def parse_at(text: str, *, future: bool = False, option: str = "--at") -> datetime:
    """The moment an entry is about (``--at``): more than a day ahead is refused, as a
    mistyped year usually is, unless ``future`` (``--future``) says it is meant."""
    value = parse_datetime(text, option=option)
    if not future and value - now() > FUTURE_SLACK:
        raise UsageError(
            f"{option} {value:%Y-%m-%d} is more than a day ahead; check the year, "
            "or add --future to date the entry ahead on purpose."
        )
    return value


def parse_date(text: str, *, option: str = "--since") -> date:
    """Turn ``text`` into a calendar date (``today``/``yesterday`` allowed)."""
    cleaned = text.strip().lower()
    if cleaned == "today":
        return now().date()
    if cleaned == "yesterday":
        return now().date() - timedelta(days=1)
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        try:
            day = datetime.fromisoformat(cleaned).date()
        except ValueError:
            raise UsageError(
                f"Could not read {option} '{text}' as a date; {_FORMATS_HINT}."
            ) from None
    if not 1900 <= day.year <= 9998:  # the days around it (reviews, check-ins) must exist
        raise UsageError(f"{option} '{text}' is out of range; give a date between 1900 and 9998.")
    return day


_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.h]([0-5]\d)")


def parse_time(text: str, *, option: str = "--time") -> time:
    """A time of day as people type it (a session's), ``HH:MM`` (``14:00``, ``9:30``)."""
    found = _CLOCK.fullmatch(text.strip().lower())
    if found is None:
        raise UsageError(
            f"Could not read {option} '{text}' as a time; give it as HH:MM, like 14:00."
        )
    return time(int(found.group(1)), int(found.group(2)))
