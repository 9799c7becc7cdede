"""The derived index: never believed when stale, and never changing an answer.

Every whole-history command is run on the same journal three ways: reading the
files (index switched off), building the index, and with the index warm; the
output must be the same, byte for byte. Then the journal is changed behind the
index's back in each way a person or a sync tool can, and the index must notice.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from partsjournal.core import index, index_file, index_rows, part_merges, paths, sessions
from partsjournal.core.entry import Entry
from partsjournal.views import search
from tests.conftest import Cli
from tests.helpers import TODAY, fake_terminal
from tests.journal_fixtures import at, day, make_part, protector, write


@pytest.fixture
def journal(home: Path) -> dict[str, Entry]:
    critic = make_part("The Critic", day(1))
    bee = make_part("Busy Bee", day(2))
    other = make_part("critic", day(3))
    sessions.add(day(10), created=TODAY)
    sessions.add(day(20), kind="therapy", label="second", created=TODAY)
    found = {
        "first": protector(at(day(1)), critic, situation="An October garden"),
        "bee": protector(at(day(4)), bee, situation="Too many lists", reflection="Garden work"),
        "other": protector(at(day(6)), other, situation="Before the first session"),
        "pinned": write(at(day(7)), "protector", [("situation", "Pinned")], session=None),
        "check": write(
            at(day(12), 9),
            "integrate",
            [("practice:body", "A short walk"), ("realm-rating:body", 5)],
        ),
        "follow": write(at(day(15), 9), "practice-check", [("practice-outcome:body", "partly")]),
        "after": protector(at(day(21)), critic, situation="After the second garden"),
        "phased": write(at(day(22)), "prepare", [("intention", "Rest")], phase="before"),
    }
    part_merges.merge(other, critic)  # entries that named "critic" now count for The Critic
    broken = home / "entries" / "2026" / "11" / "2026-11-05T100000-abcdef.toml"
    broken.write_text("this is not = [toml", encoding="utf-8")
    return found


COMMANDS = [
    ["parts"],
    ["parts", "show", "The Critic"],
    ["parts", "show", "Busy Bee"],
    ["parts", "show", "critic", "-n", "1"],
    ["session", "list"],
    ["session", "show", "1"],
    ["session", "show", "2"],
    ["entries"],
    ["entries", "-n", "2"],
    ["entries", "--all"],
    ["entries", "--part", "the critic"],
    ["entries", "--session", "1"],
    ["entries", "--grep", "GARDEN"],
    ["entries", "--exercise", "integrate", "--format", "json"],
    ["entries", "--since", "2026-11-05", "--until", "2026-11-15", "--format", "json"],
    ["practices", "--weeks", "10"],
    ["export", "--since", "2026-10-01"],
    ["export", "--since", "2026-10-01", "--format", "json", "--part", "The Critic"],
    ["export", "--since", "2026-11-05", "--only-highlights", "--exercise", "integrate"],
]


def run_all(cli: Cli) -> list[tuple[int, str, str]]:
    out = []
    for argv in COMMANDS:
        r = cli(*argv)
        out.append((r.exit_code, r.stdout, r.stderr))
    return out


@pytest.mark.parametrize("few_files", [0, search.FEW_FILES], ids=["periods-indexed", "default"])
def test_every_command_answers_the_same_with_and_without_the_index(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch, few_files: int
) -> None:
    monkeypatch.setattr(search, "FEW_FILES", few_files)
    monkeypatch.setattr(index, "enabled", False)
    from_files = run_all(cli)
    assert not index_file.index_path().exists()
    monkeypatch.setattr(index, "enabled", True)
    building = run_all(cli)
    assert index_file.index_path().exists()
    warm = run_all(cli)
    for argv, a, b, c in zip(COMMANDS, from_files, building, warm, strict=True):
        assert a[0] == 0, (argv, a)
        assert a == b == c, argv
    assert "Skipped" in from_files[0][2] or "Skipped" in from_files[6][2]


def test_the_index_is_hidden_private_and_built_in_parallel_for_many_files(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_rows, "PARALLEL_FROM", 2)
    assert cli("entries", "--all").exit_code == 0
    path = index_file.index_path()
    assert path.name.startswith(".") and path.parent == paths.home()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(index.current().rows()) == len(journal)  # type: ignore[union-attr]


def listed(cli: Cli, *args: str) -> str:
    result = cli("entries", "--all", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_hand_edit_is_seen_even_with_the_same_size_and_time(
    cli: Cli, journal: dict[str, Entry]
) -> None:
    listed(cli)  # builds the index
    path = journal["bee"].path
    assert path is not None
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Too many lists", "Too many birds"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # only ctime tells
    assert journal["bee"].id in listed(cli, "--grep", "birds")
    assert journal["bee"].id not in listed(cli, "--grep", "lists")


def test_a_deleted_file_is_gone_from_every_listing(cli: Cli, journal: dict[str, Entry]) -> None:
    assert journal["bee"].id in listed(cli)
    assert journal["bee"].path is not None
    journal["bee"].path.unlink()
    assert journal["bee"].id not in listed(cli)
    assert "Busy Bee" in cli("parts").stdout
    assert "No entries name this part yet." in cli("parts", "show", "Busy Bee").stdout


def test_a_file_copied_in_from_another_home_is_listed(
    cli: Cli, journal: dict[str, Entry], tmp_path: Path
) -> None:
    listed(cli)
    here = paths.home()
    paths.set_home(tmp_path / "laptop")
    elsewhere = write(at(day(8)), "protector", [("situation", "Written on the laptop")])
    paths.set_home(None)
    assert elsewhere.path is not None
    target = here / "entries" / "2026" / "11" / elsewhere.path.name
    shutil.copy2(elsewhere.path, target)  # keeps the laptop's modification time
    assert elsewhere.id in listed(cli, "--grep", "laptop")


def test_a_new_session_places_entries_again(cli: Cli, journal: dict[str, Entry]) -> None:
    before = cli("session", "list").stdout
    assert journal["phased"].id not in listed(cli, "--session", "2")
    sessions.add(day(23), kind="late", created=TODAY)  # session 3, the day after "phased"
    assert journal["phased"].id in listed(cli, "--session", "3")
    assert cli("session", "list").stdout != before


@pytest.mark.parametrize("damage", ["deleted", "truncated", "empty", "garbage", "older"])
def test_a_missing_damaged_or_older_index_is_rebuilt(
    cli: Cli, journal: dict[str, Entry], damage: str
) -> None:
    first = cli("entries", "--all").stdout
    path = index_file.index_path()
    if damage == "older":
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'version'")
        conn.execute("UPDATE entries SET exercise = 'not-what-the-file-says'")
        conn.commit()
        conn.close()
    elif damage == "deleted":
        path.unlink()
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(b"SQLite format 3\0" + os.urandom(5000))
    again = cli("entries", "--all")
    assert again.exit_code == 0, again.output
    assert again.stdout == first
    assert "not-what-the-file-says" not in again.stdout


def test_a_crashed_writer_leaves_nothing_the_index_believes(
    cli: Cli, journal: dict[str, Entry]
) -> None:
    listed(cli)
    folder = paths.home() / "entries" / "2026" / "11"
    (folder / ".2026-11-09T100000-aaaaaa.toml.1234.tmp").write_text("half", encoding="utf-8")
    # a writer that put its file in place and died before updating the index
    write(at(day(9)), "protector", [("situation", "Saved just before the crash")])
    out = listed(cli, "--grep", "crash")
    assert "1 entry" in out and "aaaaaa" not in out


def test_saving_updates_the_index_after_the_file(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch, protector_answers: Path
) -> None:
    listed(cli)
    saved = cli("exercise", "protector", "--answers", str(protector_answers))
    assert saved.exit_code == 0, saved.output
    read: list[str] = []
    real = index_rows.read_row
    monkeypatch.setattr(index_rows, "read_row", lambda rel, s: read.append(rel) or real(rel, s))
    assert "The team meeting on" in listed(cli)
    assert read == []  # the save already took the new entry in


def test_an_index_that_cannot_be_written_never_fails_a_save_or_a_listing(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch, protector_answers: Path
) -> None:
    listed(cli)

    def fail(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(index_file, "save", fail)
    saved = cli("exercise", "protector", "--answers", str(protector_answers))
    assert saved.exit_code == 0, saved.output
    assert "The team meeting on" in listed(cli)
    index_file.remove()
    assert "The team meeting on" in listed(cli)  # from the files


def test_entries_lists_the_latest_twenty_and_says_how_many_more(cli: Cli, home: Path) -> None:
    made = [
        write(at(date(2026, 10, 1 + n)), "protector", [("situation", f"n{n}")]) for n in range(25)
    ]
    out = cli("entries").stdout
    assert made[4].id not in out and made[5].id in out and made[24].id in out
    assert "latest 20 of 25" in out and "5 more" in out
    assert made[21].id not in cli("entries", "-n", "3").stdout
    assert made[0].id in cli("entries", "--all").stdout
    assert cli("entries", "--all", "-n", "2").exit_code == 2
    assert cli("entries", "-n", "0").exit_code == 2


@pytest.mark.parametrize("count", [0, 1, 3])
def test_export_pieces_make_the_same_document_as_one_dump(count: int) -> None:
    import json

    from partsjournal.render import entry as render_entry

    head = render_entry.export_head(
        count, since=day(1), until=day(30), only_highlights=False, selection={"parts": ["ä"]}
    )
    items = [
        {"id": f"e{n}", "answers": [{"value": "line\nnext", "n": [1, 2]}]} for n in range(count)
    ]
    whole = json.dumps({**head, "entries": items}, indent=2, ensure_ascii=False) + "\n"
    assert "".join(render_entry.export_json_chunks(head, iter(items))) == whole


def test_a_parts_time_line_shows_the_latest_twenty_unless_asked_for_all(
    cli: Cli, home: Path
) -> None:
    bee = make_part("Busy Bee", date(2026, 10, 1))
    made = [protector(at(date(2026, 10, 1 + n)), bee, situation=f"list {n}") for n in range(22)]
    out = cli("parts", "show", "Busy Bee").stdout
    assert "Time line (22 entries; the latest 20 below, --all for every one)" in out
    assert made[1].id not in out and made[2].id in out
    assert made[0].id in cli("parts", "show", "Busy Bee", "--all").stdout
    three = cli("parts", "show", "Busy Bee", "-n", "3").stdout
    assert made[18].id not in three and made[19].id in three
    assert cli("parts", "show", "Busy Bee", "-n", "0").exit_code == 2


def test_a_sealed_index_is_kept_whole_and_never_plain_on_disk(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seam encryption at rest uses: the index is loaded and saved as one block of
    bytes passed through ``seal`` / ``unseal`` (here a stand-in that flips bits)."""
    plain = cli("entries", "--all", "--grep", "garden").stdout
    index_file.remove()
    flip = lambda data: bytes(b ^ 0x5A for b in data)  # noqa: E731
    monkeypatch.setattr(index_file, "mode", "whole")
    monkeypatch.setattr(index_file, "seal", flip)
    monkeypatch.setattr(index_file, "unseal", flip)
    assert cli("entries", "--all", "--grep", "garden").stdout == plain
    on_disk = index_file.index_path().read_bytes()
    assert b"garden" not in on_disk and b"SQLite format" not in on_disk
    write(at(day(9)), "protector", [("situation", "A garden in the rain")])
    again = cli("entries", "--all", "--grep", "garden").stdout
    assert "A garden in the rain" in again
    monkeypatch.setattr(index_file, "keep_on_disk", False)
    index_file.remove()
    assert cli("entries", "--all", "--grep", "garden").stdout == again
    assert not index_file.index_path().exists()


def test_a_rebuild_of_many_files_shows_its_progress(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    from partsjournal.render import ui

    shown: list[str] = []

    def bar(items: object, description: str) -> object:
        shown.append(description)
        return items

    fake_terminal(monkeypatch, stderr_tty=True)  # the bar is drawn on stderr
    monkeypatch.setattr(ui, "track", bar)
    monkeypatch.setattr(index_rows, "PARALLEL_FROM", 2)
    monkeypatch.setattr(index_rows.os, "cpu_count", lambda: 1)  # the one-process path
    assert cli("parts").exit_code == 0
    assert shown == ["Indexing your journal"]
    assert cli("parts").exit_code == 0
    assert shown == ["Indexing your journal"]  # a fresh index is not read again


@pytest.mark.parametrize(
    ("where", "bars"),
    [
        ({"stderr_tty": True}, ["bar"]),
        ({"stderr_tty": True, "stdout_tty": True}, ["bar"]),
        ({"stdout_tty": True}, []),
        ({"stderr_tty": True, "plain": True}, []),
        ({}, []),
    ],
    ids=str,
)
def test_a_progress_bar_only_where_stderr_is_a_terminal_and_output_is_not_plain(
    cli: Cli,
    journal: dict[str, Entry],
    monkeypatch: pytest.MonkeyPatch,
    where: dict[str, bool],
    bars: list[str],
) -> None:
    """A bar drawn on stderr is decided by stderr (not stdout: `parts | less`), and never
    drawn in plain output, which a screen reader would read out at every step."""
    from rich import progress as rich_progress

    drawn: list[str] = []
    monkeypatch.setattr(rich_progress, "track", lambda items, **kw: drawn.append("bar") or items)
    fake_terminal(monkeypatch, **where)
    monkeypatch.setattr(index_rows, "PARALLEL_FROM", 2)
    monkeypatch.setattr(index_rows.os, "cpu_count", lambda: 1)
    assert cli("parts").exit_code == 0
    assert drawn == bars


def test_the_index_works_in_a_folder_whose_name_looks_like_a_uri(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "my journal?mode=ro#%20"
    monkeypatch.setenv(paths.ENV_VAR, str(odd))
    paths.set_home(None)
    write(at(day(3)), "protector", [("situation", "An odd folder")])
    assert "An odd folder" in cli("entries").stdout
    assert (odd / index_file.NAME).is_file()
    write(at(day(4)), "protector", [("situation", "A second one")])
    assert "A second one" in cli("entries").stdout


# --------------------------------------------------------------------------- kept whole


@pytest.fixture
def whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The way an encrypted journal keeps its index (bytes through a stand-in seal)."""
    flip = lambda data: bytes(b ^ 0x5A for b in data)  # noqa: E731
    monkeypatch.setattr(index_file, "mode", "whole")
    monkeypatch.setattr(index_file, "seal", flip)
    monkeypatch.setattr(index_file, "unseal", flip)


def bulk_files() -> list[Path]:
    return [index_file.bulk_path(t) for t in index_file.BULK]


def test_a_whole_index_loads_its_bulky_tables_only_when_a_command_needs_them(
    cli: Cli, journal: dict[str, Entry], whole: None
) -> None:
    index_file.remove()
    parts_before, grep_before = cli("parts").stdout, listed(cli, "--grep", "garden")
    assert all(p.is_file() for p in [index_file.index_path(), *bulk_files()])
    for p in bulk_files():
        p.unlink()
    # parts and session list need neither the answer text nor the parsed entries
    assert cli("parts").stdout == parts_before
    assert cli("session", "list").exit_code == 0
    assert not any(p.exists() for p in bulk_files())
    # a listing with --grep needs both: the missing files mean a rebuild, same answer
    assert listed(cli, "--grep", "garden") == grep_before
    assert all(p.is_file() for p in bulk_files())


def test_a_bulk_file_from_another_save_is_never_believed(
    cli: Cli, journal: dict[str, Entry], whole: None
) -> None:
    index_file.remove()
    listed(cli, "--grep", "garden")
    old = {p: p.read_bytes() for p in bulk_files()}
    write(at(day(9)), "protector", [("situation", "A garden in the rain")])
    after = listed(cli, "--grep", "garden")
    assert "A garden in the rain" in after
    for p, data in old.items():  # say, restored from a backup taken before
        p.write_bytes(data)
    assert listed(cli, "--grep", "garden") == after


def test_a_save_leaves_a_whole_index_for_the_next_command(
    cli: Cli, journal: dict[str, Entry], whole: None, protector_answers: Path
) -> None:
    """Saving never decrypts and rewrites the whole index; the next listing reads the
    one new file and has it."""
    index_file.remove()
    listed(cli)
    files = [index_file.index_path(), *bulk_files()]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    saved = cli("exercise", "protector", "--answers", str(protector_answers))
    assert saved.exit_code == 0, saved.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert "The team meeting on" in listed(cli)
    assert index_file.index_path().read_bytes() != before[index_file.index_path()][0]


def test_a_screenful_of_entries_is_read_from_their_files_not_the_whole_copy(
    cli: Cli, journal: dict[str, Entry], whole: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An encrypted index keeps every entry's copy in one file; a listing that shows a
    few entries reads those few files instead of decrypting that whole copy."""
    index_file.remove()
    every = listed(cli)
    blobs = index_file.bulk_path("blobs")
    blobs.unlink()
    assert listed(cli) == every
    assert not blobs.exists()  # never needed
    monkeypatch.setattr(index, "FROM_FILES", 2)  # more entries than that: the copy is used
    assert listed(cli) == every  # the copy is missing: rebuilt, same answer
    assert blobs.is_file()
