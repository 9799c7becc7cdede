"""A save reads each file once, and the index takes the new entry without scanning.

Saving a protector entry once parsed the sessions folder five times, the parts registry three
times, opened recipient.txt eight times and then statted every entry file of the journal. These
tests wrap the one function that reads a file from the disk (``core/reading``) and the listing
of entry files, so a second read or a scan coming back fails them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from partsjournal.core import index, index_file, index_rows, layout, reading, sessions
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.crypt_helpers import key_file
from tests.helpers import TODAY
from tests.journal_fixtures import at, make_part, protector


@pytest.fixture
def journal(cli: Cli, home: Path) -> Path:
    """Some weeks of entries, parts (one the save names), sessions before and after
    today, and an index as a journal in use has one."""
    critic = make_part("The Critic", TODAY.date() - timedelta(days=40))
    for name in ("Busy Bee", "Little One", "Night Watch"):
        make_part(name, TODAY.date() - timedelta(days=40))
    for days in (120, 30, 3):
        day = TODAY.date() - timedelta(days=days)
        assert cli("session", "add", day.isoformat()).exit_code == 0
    assert cli("session", "add", (TODAY.date() + timedelta(days=5)).isoformat()).exit_code == 0
    for n in range(30):
        protector(at(TODAY.date() - timedelta(days=n + 1)), critic)
    assert cli("parts").exit_code == 0  # builds the index
    return home


@pytest.fixture
def disk_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every read of a file from the disk, by path."""
    seen: Counter[str] = Counter()
    real = reading._from_disk

    def counted(path: Path) -> tuple[tuple[int, int, int], bytes]:
        seen[str(path)] += 1
        return real(path)

    monkeypatch.setattr(reading, "_from_disk", counted)
    return seen


@pytest.fixture
def no_scan(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails on any listing-and-stat of every entry file (what the index does to catch up)."""
    scans: list[str] = []

    def scan() -> Iterator[tuple[str, object]]:
        scans.append("entry_stats")
        raise AssertionError("the save scanned every entry file")

    monkeypatch.setattr(layout, "entry_stats", scan)
    yield scans
    assert scans == []


def _save(cli: Cli) -> None:
    result = cli("exercise", "protector", "--answers", "-", input=PROTECTOR_ANSWERS)
    assert result.exit_code == 0, result.output


def test_a_save_reads_each_file_at_most_once(
    cli: Cli, journal: Path, disk_reads: Counter[str], no_scan: list[str]
) -> None:
    _save(cli)
    assert disk_reads, "nothing was read: the counter does not see the reads"
    assert any("/sessions/" in p for p in disk_reads) and any("/parts/" in p for p in disk_reads)
    twice = {p: n for p, n in disk_reads.items() if n > 1}
    assert twice == {}
    # the sessions read are those near the entry's day, not every session
    assert sum("/sessions/" in p for p in disk_reads) < len(list((journal / "sessions").iterdir()))


def test_an_encrypted_save_reads_the_key_and_each_file_once(
    cli: Cli,
    journal: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    disk_reads: Counter[str],
) -> None:
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    disk_reads.clear()
    _save(cli)
    assert disk_reads[str(journal / "recipient.txt")] == 1
    assert {p: n for p, n in disk_reads.items() if n > 1} == {}


def test_the_index_takes_the_new_entry_and_the_next_command_reads_no_file(
    cli: Cli, journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = len(entry_files(journal))
    real_scan, scans = layout.entry_stats, []
    monkeypatch.setattr(layout, "entry_stats", lambda: scans.append(1) or real_scan())
    _save(cli)
    assert scans == []  # the save did not look at the other entries
    conn = index_file.open_db()
    assert conn is not None
    with conn:  # the fingerprint the save left is the one a scan of every file gives
        assert dict(conn.execute("SELECT key, value FROM meta"))["entries"] == index._scan()[1]
    conn.close()
    scans.clear()
    # the next command scans: it finds the index up to date, and reads no entry file
    read: list[str] = []
    real = index_rows.read_row
    monkeypatch.setattr(
        index_rows, "read_row", lambda rel, stamp: read.append(rel) or real(rel, stamp)
    )
    current = index.current()
    assert current is not None
    rows = current.rows()
    assert scans == [1] and read == []
    assert len(rows) == before + 1 == len(entry_files(journal))
    [new] = [r for r in rows if r.created.date() == TODAY.date()]
    assert new.session is not None and new.phase == "after"  # three days after session 3


def test_a_save_reads_the_same_however_long_the_journal(
    cli: Cli, home: Path, disk_reads: Counter[str]
) -> None:
    """Ten years of entries and sessions read, on saving, what a journal of weeks reads."""
    critic = make_part("The Critic", date(2016, 1, 1))
    for year in range(2016, 2027):
        for month in (1, 5, 9):
            assert cli("session", "add", f"{year}-{month:02d}-10").exit_code == 0
        for month in range(1, 12):
            protector(at(date(year, month, 20)), critic)
    assert cli("parts").exit_code == 0
    disk_reads.clear()
    _save(cli)
    inside = [Path(p).relative_to(home) for p in disk_reads if Path(p).is_relative_to(home)]
    assert not any(p.parts[0] == "entries" for p in inside)  # no other entry is read
    assert [p.name for p in inside if p.parts[0] == "parts"] == ["the-critic.toml"]
    # of 33 sessions, only those an entry of today may count from (its arc reaches back
    # 120 days, to 2026-09-10)
    read = sorted(date.fromisoformat(p.stem) for p in inside if p.parts[0] == "sessions")
    assert read == [date(2026, 9, 10)]
    assert (TODAY.date() - read[0]).days <= sessions.ARC_REACH_DAYS


def test_the_row_a_save_gives_the_index_is_the_row_a_rebuild_reads_from_the_file(
    cli: Cli, journal: Path
) -> None:
    _save(cli)
    taken = index.current()
    assert taken is not None
    after_save = [(row, taken.entry(row)) for row in taken.rows(search=True)]
    index_file.remove()
    rebuilt = index.current()
    assert rebuilt is not None
    from_files = [(row, rebuilt.entry(row)) for row in rebuilt.rows(search=True)]
    assert after_save == from_files and len(from_files) == 31
