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


FUTURE_SLACK = timedelta(days=1)  # a day ahead still fits any time zone's "today"


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
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise UsageError(f"Could not read {option} '{text}' as a date; {_FORMATS_HINT}.") from None
