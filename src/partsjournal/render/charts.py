"""The course as small charts in a terminal: one strip per series, labelled in words.

Each series gets a line saying what it is and where it went ("Body rating: first 3 on
Sat 12 Sep, latest 7 on Fri 20 Nov, of 0-10"), then a strip of marks across the
course's days, higher marks for higher values; the days of sessions are marked in every
strip, and a last line numbers them. In plain mode the marks are ASCII; the words alone
say everything the marks show.
"""

from __future__ import annotations

from datetime import date

from partsjournal.core.dates import short_day
from partsjournal.render import terminal, ui
from partsjournal.render.text import visible, wrap
from partsjournal.views.course import Course, Series

UNICODE_MARKS = "▁▂▃▄▅▆▇█"
ASCII_MARKS = "_.:-=+*#"
SESSION_MARK = {False: "│", True: "|"}
INDENT = "  "
MAX_WIDTH = 100


def _number(value: float) -> str:
    return f"{value:g}"


def summary(series: Series) -> str:
    """ "Body rating: first 3 on Sat 12 Sep, latest 7 on Fri 20 Nov (of 0-10)"."""
    label = visible(series.label, one_line=True)
    scale = f"of {series.low}-{series.high}"
    (day0, v0), (day1, v1) = series.first, series.latest

    def with_band(i: int, value: float) -> str:
        band = series.bands[i] if series.bands else ""
        return f"{_number(value)} ({visible(band, one_line=True)})" if band else _number(value)

    if len(series.points) == 1:
        return f"{label}: {with_band(0, v0)} on {short_day(day0)} ({scale})"
    first, last = with_band(0, v0), with_band(len(series.points) - 1, v1)
    return (
        f"{label}: first {first} on {short_day(day0)}, latest {last} on {short_day(day1)} "
        f"({scale}, {len(series.points)} in all)"
    )


def columns(course: Course, width: int) -> tuple[int, int]:
    """How many columns the strips take, and how many each day gets (0: several days
    share a column)."""
    days = (course.until - course.since).days + 1
    room = max(10, min(width, MAX_WIDTH) - len(INDENT))
    if days <= room:
        per_day = room // days
        return days * per_day, per_day
    return room, 0


def _column(course: Course, day: date, cols: int, per_day: int) -> int:
    offset = (day - course.since).days
    if per_day:
        return offset * per_day
    days = (course.until - course.since).days + 1
    return min(cols - 1, offset * cols // days)


def strip(course: Course, series: Series, width: int, *, plain: bool) -> str:
    """One series as a strip of marks, sessions marked where no value falls."""
    cols, per_day = columns(course, width)
    marks = ASCII_MARKS if plain else UNICODE_MARKS
    cells = [" "] * cols
    for s in course.sessions:
        if course.since <= s.date <= course.until:
            cells[_column(course, s.date, cols, per_day)] = SESSION_MARK[plain]
    buckets: dict[int, list[float]] = {}
    for day, value in series.points:
        buckets.setdefault(_column(course, day, cols, per_day), []).append(value)
    span = max(1, series.high - series.low)
    for col, values in buckets.items():
        level = (sum(values) / len(values) - series.low) / span
        cells[col] = marks[max(0, min(len(marks) - 1, round(level * (len(marks) - 1))))]
    return INDENT + "".join(cells).rstrip()


def session_line(course: Course, width: int) -> str:
    """The sessions' numbers under their days."""
    cols, per_day = columns(course, width)
    cells = [" "] * (cols + 4)
    for s in course.sessions:
        if course.since <= s.date <= course.until:
            at = _column(course, s.date, cols, per_day)
            for i, ch in enumerate(str(s.number)):
                cells[at + i] = ch
    return INDENT + "".join(cells).rstrip()


def heading(course: Course) -> str:
    numbers = [str(s.number) for s in course.sessions]
    if not numbers:
        named = ""
    elif len(numbers) == 1:
        named = f"; session {numbers[0]} is marked in each strip"
    else:
        named = f"; sessions {', '.join(numbers[:-1])} and {numbers[-1]} are marked in each strip"
    days = f"{short_day(course.since)} to {short_day(course.until)}"
    where = f"Across the course, {days}" if course.whole else f"From {days}"
    return f"{where} (higher marks for higher values{named}):"


def whole_course_hint(course: Course) -> str:
    """For charts of a few days near a session: where the whole course is drawn."""
    if course.whole or not course.sessions:
        return ""
    return f"The whole course: partsjournal session show {course.sessions[-1].number}"


def lines(course: Course, width: int, *, plain: bool) -> list[str]:
    """The whole picture as lines of text; [] when nothing was rated."""
    if course.empty:
        return []
    out = [heading(course)]
    for series in course.series:
        out.append(summary(series))
        out.append(strip(course, series, width, plain=plain))
    if course.sessions:
        out.append("Sessions:")
        out.append(session_line(course, width))
    hint = whole_course_hint(course)
    return [*out, hint] if hint else out


def print_course(course: Course | None, *, plain: bool = False) -> None:
    """The charts on the screen: the words broken between words to fit it, the strips as
    they are (nothing in either is markup)."""
    from rich.text import Text

    console = ui.out()
    ascii_only = plain or terminal.current().plain  # the terminal object decides plain output
    found = lines(course, console.width, plain=ascii_only) if course is not None else []
    if not found:
        return
    console.print()
    ui.show(Text(found[0], style="bold"))
    for line in found[1:]:
        if line.startswith(INDENT):
            console.print(Text(line), soft_wrap=True)
        else:
            ui.show(Text(line))


def plain_text(course: Course | None, width: int = 100) -> str:
    """The charts for a text file: the same lines, after a blank one."""
    found = lines(course, width, plain=False) if course is not None else []
    fitted = [line if line.startswith(INDENT) else wrap(line, width) for line in found]
    return "\n" + "\n".join(fitted) + "\n" if found else ""


def markdown_text(course: Course | None) -> str:
    """The charts for a markdown document: a heading, then the lines as plain text."""
    found = lines(course, 80, plain=False) if course is not None else []
    if not found:
        return ""
    body = [line.replace("`", "'") for line in found[1:]]
    return "\n".join(["", "## Charts", "", found[0], "", "```text", *body, "```", ""])
