"""Calendar reminders for integration check-ins (RFC 5545 ``.ics``).

Only the session's date goes into the calendar: not its kind or label, since
calendars are often synced to other people's servers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from partsjournal.core.sessions import ARC_STAGES, Session
from partsjournal.render import output

CHECK_IN_DAYS = (1, 7, 30, 90)
# Each check-in is an all-day event, so its start is midnight of the day in the calendar's own
# time zone; the alarm rings this long after it: nine in the morning, on the day.
ALARM_AFTER_MIDNIGHT = timedelta(hours=9)


_ICS_SUMMARY = "Integration check-in: day {n} after your session of {day}"
_ICS_DESCRIPTION = (
    "A few quiet minutes to notice how body, mind, emotions, spirit and the balance of work "
    "and play are doing since the session.\nWhen you are ready: partsjournal integrate"
)


def _description(n: int) -> str:
    """The check-in's words: what this stretch of the arc is about, and what to run."""
    stage = next((about for first, last, _, about in ARC_STAGES if first <= n <= last), None)
    text = _ICS_DESCRIPTION
    if stage is not None:
        text = f"Day {n} of the integration arc: {stage}.\n" + text
    if n <= ARC_STAGES[0][1]:
        text += "\nWhile the session is fresh: partsjournal exercise journey"
    return text


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _duration(after: timedelta) -> str:
    """An RFC 5545 duration (3.3.6) of whole minutes after the start: ``PT9H``, ``PT8H30M``."""
    hours, minutes = divmod(int(after.total_seconds()) // 60, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _ics_fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets (RFC 5545 3.1)."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    pieces.append(current)
    return pieces


def ics_text(session: Session, stamp: datetime) -> str:
    """An iCalendar file with all-day check-ins 1, 7, 30 and 90 days after ``session``, each
    with an alarm in the morning of its day.

    Only the session's date goes into the calendar: not its kind or label, since
    calendars are often synced to other people's servers.
    """
    import hashlib

    utc = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    token = hashlib.sha256(f"{session.id}|{session.created}".encode()).hexdigest()[:20]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//partsjournal//integration check-ins//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for n in CHECK_IN_DAYS:
        day = session.date + timedelta(days=n)
        summary = _ICS_SUMMARY.format(n=n, day=session.date.isoformat())
        lines += [
            "BEGIN:VEVENT",
            f"UID:{token}-day{n}@partsjournal.invalid",
            f"DTSTAMP:{utc}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_escape(summary)}",
            f"DESCRIPTION:{_ics_escape(_description(n))}",
            "TRANSP:TRANSPARENT",
            # without an alarm most calendars show the day but never notify
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER;RELATED=START:{_duration(ALARM_AFTER_MIDNIGHT)}",
            f"DESCRIPTION:{_ics_escape(summary)}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _ics_fold(line))


def ics_target(target: Path, day: date) -> Path:
    """Where ``--ics`` will write: the file given, or a named file inside a folder
    (:func:`output.place` decides where that may be).

    Checked before the session is recorded, so a bad path changes nothing.
    """
    return output.place(target, "--ics", name_in_folder=f"partsjournal-check-ins-{day}.ics")


def write_ics(target: Path, session: Session, stamp: datetime) -> None:
    """Write the check-in calendar to ``target`` (through :func:`output.write`)."""
    output.write(target, [ics_text(session, stamp).encode("utf-8")], option="--ics")
