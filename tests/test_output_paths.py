"""Where a file the person names may be written: one owner (``render/output.place``) for every
command that writes one. Never inside the journal folder, however it is reached, never over a
journal file, never through a symlink into it; refused with one sentence and nothing changed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Cli, entry_files
from tests.helpers import command_options, takes_path
from tests.journal_fixtures import at, written_once
from tests.journal_fixtures import write as write_entry

# every command that writes a file the person names, and how to ask it to write to a path
WRITERS: dict[str, Callable[[str], list[str]]] = {
    "export --output": lambda p: ["export", "--since", "2026-01-01", "--output", p],
    "review --output": lambda p: ["review", "--output", p],
    "session add --ics": lambda p: ["session", "add", "2026-10-01", "--ics", p],
    "brief --output": lambda p: ["brief", "--since", "2026-09-01", "--output", p],
    "session plan --output": lambda p: ["session", "plan", "1", "--output", p],
}


def _session_file(home: Path) -> Path:
    [saved] = sorted((home / "sessions").glob("*.toml"))
    return saved


# every kind of forbidden place: (name, make the path from home and an outside folder)
FORBIDDEN: dict[str, Callable[[Path, Path], Path]] = {
    "a saved session": lambda home, out: _session_file(home),
    "a saved entry": lambda home, out: entry_files(home)[0],
    "the settings file": lambda home, out: home / "config.toml",
    "a new name inside the journal": lambda home, out: home / "week.md",
    "the journal folder itself": lambda home, out: home,
    "a folder of the journal": lambda home, out: home / "sessions",
    "a way round through ..": lambda home, out: home / "entries" / ".." / "sessions" / "x.toml",
    "a symlink to a journal file": lambda home, out: _link(out / "link.md", _session_file(home)),
    "a symlink to a missing name inside": lambda home, out: _link(out / "l.md", home / "new.md"),
    "a file in a symlinked journal folder": lambda home, out: (
        _link(out / "journal", home / "sessions") / "2026-10-01.toml"
    ),
    "a hard link to a journal file": lambda home, out: _hard(out / "hard.md", _session_file(home)),
}


def _link(link: Path, to: Path) -> Path:
    link.symlink_to(to)
    return link


def _hard(link: Path, to: Path) -> Path:
    os.link(to, link)
    return link


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every journal file and its bytes (the derived index, rebuilt at will, left out)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".index")
    }


@pytest.fixture
def journal(cli: Cli, home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A journal with a session, an entry, a settings file and an index (written once per
    test process, see :func:`written_once`; a copy's index is out of date, and the first
    command that reads it makes it again)."""

    def write(folder: Path) -> None:
        assert cli("session", "add", "2026-09-14").exit_code == 0
        write_entry(at(date(2026, 9, 15)), "grounding")
        (folder / "config.toml").write_text('name = "me"\n', encoding="utf-8")
        assert cli("review").exit_code == 0

    written_once("output-paths", home, tmp_path_factory, write)
    yield home


def test_session_add_ics_over_a_saved_session_is_refused_and_changes_nothing(
    cli: Cli, home: Path
) -> None:
    """The issue's case: the calendar text once replaced session 1, which every command then
    skipped. Now: one sentence, exit 2, session 1 as it was and no session 2."""
    assert cli("session", "add", "2026-09-14").exit_code == 0
    saved = home / "sessions" / "2026-09-14.toml"
    before = _snapshot(home)
    result = cli("session", "add", "2026-10-01", "--ics", str(saved))
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        f"partsjournal: --ics {saved} is inside the journal folder, where it could replace "
        "your own files; choose a place outside it."
    ]
    assert _snapshot(home) == before
    listed = cli("session", "list")
    assert "2026-09-14" in listed.stdout and "2026-10-01" not in listed.stdout


@pytest.mark.parametrize("place", sorted(FORBIDDEN))
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_no_writer_writes_inside_the_journal_or_over_its_files(
    cli: Cli, journal: Path, tmp_path: Path, writer: str, place: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = FORBIDDEN[place](journal, outside)
    before = _snapshot(journal)
    outside_before = sorted(p.name for p in outside.iterdir())
    result = cli(*WRITERS[writer](str(target)))
    assert result.exit_code == 2, result.output
    [sentence] = result.stderr.strip().splitlines()
    assert "inside the journal folder" in sentence and str(target) in sentence
    assert _snapshot(journal) == before
    assert sorted(p.name for p in outside.iterdir()) == outside_before


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_writer_writes_a_private_file_outside_the_journal(
    cli: Cli, journal: Path, tmp_path: Path, writer: str
) -> None:
    """The same check lets a good place through: the refusals above are about the place."""
    target = tmp_path / "out.txt"
    result = cli(*WRITERS[writer](str(target)))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0 and target.stat().st_mode & 0o777 == 0o600


def test_a_symlink_outside_pointing_outside_is_replaced_not_followed(
    cli: Cli, journal: Path, tmp_path: Path
) -> None:
    """A symlink that leads elsewhere outside the journal is not refused: the new file takes
    the link's name and the file it pointed to is left as it was."""
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("mine\n", encoding="utf-8")
    link = _link(tmp_path / "week.md", elsewhere)
    assert cli("review", "--output", str(link)).exit_code == 0
    assert not link.is_symlink() and elsewhere.read_text(encoding="utf-8") == "mine\n"


def test_every_option_that_names_a_file_to_write_is_in_the_writers_table() -> None:
    """A new command with a file option joins the table above, so it is checked the same
    way (and writes through ``render/output.place``)."""
    found = {
        f"{command} {param.opts[0]}"
        for command, param, annotation in command_options()
        if param.param_type_name == "option" and takes_path(annotation)
    }
    assert found == set(WRITERS)
