"""Reading the dates and times people type, always into aware datetimes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from partsjournal.core.errors import UsageError

_FORMATS_HINT = "use YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (today and yesterday work too)"


def now() -> datetime:
    """The current local time with its UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)


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
        value = value.astimezone()
    return value.replace(microsecond=0)


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
