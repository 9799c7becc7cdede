"""The one module that knows where entry files live: ``<home>/entries/YYYY/MM/<id>.toml``.

An entry's id begins with its local date and time (``2026-11-20T211500-3f9a2c``),
so a period, a day or an id is found from folder and file names alone, without
opening a file. Every reader that lists entries goes through here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from partsjournal.core import paths, reading
from partsjournal.core.reading import is_journal_file, is_journal_name

SUFFIX = ".toml"


def name_day(name: str) -> str:
    """The day a file name or an id starts with, as written (``2026-11-20``): entry and
    session files are named so. The one place that knows where that day is in a name."""
    return name[:10]


def name_date(name: str) -> date | None:
    """:func:`name_day` as a date, or None when the name does not start with one."""
    try:
        return date.fromisoformat(name_day(name))
    except ValueError:
        return None


def dated_names(folder: Path) -> list[tuple[str, date | None]]:
    """The journal files' names in ``folder`` in order, each with the date it starts with
    (None for a name that does not): for sessions, numbered by date from their names."""
    return [(n, name_date(n)) for n in sorted(reading.listing(folder)) if is_journal_name(n)]


def month_of(entry_id: str) -> tuple[int, int]:
    """The year and month of the folder an id (or the start of one) belongs in."""
    return int(entry_id[:4]), int(entry_id[5:7])


def entry_path(entry_id: str) -> Path:
    """``<home>/entries/YYYY/MM/<id>.toml``; the id begins with the local date."""
    year, month = month_of(entry_id)
    return month_dir(year, month) / f"{entry_id}{SUFFIX}"


def month_dir(year: int, month: int) -> Path:
    return paths.entries_dir() / f"{year:04d}" / f"{month:02d}"


def month_names(year: int, month: int) -> list[str]:
    """The entry file names in one month's folder, sorted (none when it is missing)."""
    try:
        names = reading.listing(month_dir(year, month))
    except OSError:
        return []
    return sorted(n for n in names if n.endswith(SUFFIX) and not n.startswith("."))


def ids_in_month(year: int, month: int) -> list[str]:
    return [n[: -len(SUFFIX)] for n in month_names(year, month)]


def entry_files(since: date | None = None, until: date | None = None) -> list[Path]:
    """Entry files whose names fall in ``[since, until]``, oldest first.

    Only folder and file names are looked at: a one-week query lists one or two
    month folders, whatever the size of the journal.
    """
    root = paths.entries_dir()
    if not root.is_dir():
        return []
    lo = since.isoformat() if since else "0000-00-00"
    hi = until.isoformat() if until else "9999-99-99"
    found: list[Path] = []
    for year in sorted(root / n for n in reading.listing(root)):
        if not year.is_dir() or not (lo[:4] <= year.name <= hi[:4]):
            continue
        for month in sorted(year / n for n in reading.listing(year)):
            ym = f"{year.name}-{month.name}"
            if not month.is_dir() or not (lo[:7] <= ym <= hi[:7]):
                continue
            for f in sorted(month / n for n in reading.listing(month)):
                if is_journal_file(f) and lo <= name_day(f.name) <= hi:
                    found.append(f)
    return found


def last_id() -> str | None:
    """The id of the newest entry (the latest date), or None for an empty journal.

    Only the newest year and month folders that hold an entry are listed.
    """
    try:
        years = sorted(
            (int(n) for n in reading.listing(paths.entries_dir()) if n.isdigit()), reverse=True
        )
    except OSError:
        return None
    for year in years:
        for month in range(12, 0, -1):
            names = month_names(year, month)
            if names:
                return names[-1][: -len(SUFFIX)]
    return None


def first_year() -> int | None:
    """The earliest year folder, or None for an empty journal."""
    root = paths.entries_dir()
    try:
        years = [int(n) for n in reading.listing(root) if n.isdigit() and len(n) == 4]
    except OSError:
        return None
    return min(years) if years else None


def files_backwards(until: date) -> Iterator[Path]:
    """Entry files on or before ``until``, newest first, one month folder at a time,
    so a caller that stops early never lists the older months."""
    earliest = first_year()
    if earliest is None:
        return
    year, month = until.year, until.month
    while year >= earliest:
        for name in reversed(month_names(year, month)):
            if name_day(name) <= until.isoformat():
                yield month_dir(year, month) / name
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def days_in_month(year: int, month: int) -> set[str]:
    """The days (``YYYY-MM-DD``) that have at least one entry in a month."""
    return {name_day(n) for n in month_names(year, month)}


def entry_stats() -> Iterator[tuple[str, os.stat_result]]:
    """Every entry file's path under ``entries/`` and its stat data, without opening one.

    The same files as ``entry_files()`` with no period (year and month folders
    in range, visible ``.toml`` names), so that noticing a change made behind
    partsjournal's back costs one ``stat`` a file. A folder that cannot be
    listed raises, as it does for ``entry_files()``.
    """
    root = paths.entries_dir()
    try:
        years = sorted(reading.listing(root))
    except FileNotFoundError:
        return
    for year in years:
        year_dir = root / year
        if not ("0000" <= year <= "9999") or not year_dir.is_dir():
            continue
        for month in sorted(reading.listing(year_dir)):
            month_path = year_dir / month
            if not ("0000-00" <= f"{year}-{month}" <= "9999-99") or not month_path.is_dir():
                continue
            folder = str(month_path)
            for name in sorted(reading.listing(month_path)):
                if (
                    name.endswith(SUFFIX)
                    and not name.startswith(".")
                    and "0000-00-00" <= name_day(name) <= "9999-99-99"
                ):
                    try:
                        st = os.stat(os.path.join(folder, name))
                    except FileNotFoundError:  # removed while listing
                        continue
                    if stat.S_ISREG(st.st_mode):
                        yield f"{year}/{month}/{name}", st
