"""One bad field never breaks a command: every field of every file is type-checked when
read, a file that fails is skipped with one warning, and ``edit`` refuses exactly what the
reader would skip, keeping what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from partsjournal.core import drafts, entry, sessions
from partsjournal.core.entry import Entry
from partsjournal.flow import editing
from tests.conftest import Cli
from tests.helpers import fake_editor
from tests.journal_fixtures import at, make_part, protector

DAY = date(2026, 11, 20)

# (what the line becomes, words that must be in the warning)
BAD_ENTRY_FIELDS: list[tuple[str, str, str]] = [
    ("exercise_version = 1", 'exercise_version = "two"', "'exercise_version'"),
    ('role = "situation"', "role = 5", "'role'"),
    ('role = "situation"', 'role = ["x"]', "'role'"),
    ("exercise_version = 1", "exercise_version = 1\nsession = { a = 1 }", "'session'"),
    ("exercise_version = 1", "exercise_version = 1\nphase = 1", "'phase'"),
    ('title = "Meeting a protector part"', "title = 3", "'title'"),
    ('id = "the-critic"', "id = 7", "'id'"),
    ("exercise_version = 1", "exercise_version = true", "'exercise_version'"),
    ("value = 7", "value = 7.5", "value"),
    ("value = 7", "value = 2026-11-20", "value"),
    ("value = 7", "value = { a = 1 }", "value"),
]

COMMANDS = [
    ["entries"],
    ["review", "--since", "2026-11-01", "--until", "2026-11-30"],
    ["review", "--since", "2026-11-01", "--until", "2026-11-30", "--format", "json"],
    ["parts"],
    ["parts", "show", "The Critic"],
    ["session", "list"],
    ["session", "show", "1"],
    ["export", "--since", "2026-11-01", "--until", "2026-11-30"],
    ["practices"],
]


@pytest.fixture
def two_entries(home: Path) -> tuple[Entry, Entry]:
    critic = make_part("The Critic", DAY)
    sessions.add(DAY, created=at(DAY))
    good = protector(at(DAY, 9), critic, situation="Still here")
    bad = protector(at(DAY, 21), critic, situation="About to break")
    return good, bad


def _break(e: Entry, old: str, new: str) -> str:
    assert e.path is not None
    text = e.path.read_text(encoding="utf-8")
    assert old in text, text
    broken = text.replace(old, new, 1)
    e.path.write_text(broken, encoding="utf-8")
    return broken


@pytest.mark.parametrize(("old", "new", "needle"), BAD_ENTRY_FIELDS)
def test_an_entry_with_a_wrong_type_is_skipped_by_every_command_with_one_warning(
    cli: Cli, two_entries: tuple[Entry, Entry], old: str, new: str, needle: str
) -> None:
    good, bad = two_entries
    broken = _break(bad, old, new)
    for args in COMMANDS:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output
        warnings = [line for line in result.stderr.splitlines() if str(bad.path) in line]
        assert len(warnings) == 1, (args, result.stderr)
        assert needle in warnings[0]
    assert bad.path is not None and bad.path.read_text(encoding="utf-8") == broken
    assert [e.id for e in entry.load_range()] == [good.id]


@pytest.mark.parametrize(("old", "new", "needle"), BAD_ENTRY_FIELDS)
def test_edit_refuses_exactly_what_the_reader_would_skip(
    cli: Cli,
    two_entries: tuple[Entry, Entry],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    old: str,
    new: str,
    needle: str,
) -> None:
    _, e = two_entries
    assert e.path is not None
    before = e.path.read_bytes()
    fake_editor(tmp_path, monkeypatch, f"p.write_text(text.replace({old!r}, {new!r}, 1))")
    result = cli("edit", "--raw", e.id)
    assert result.exit_code == 1
    assert needle in result.stderr and "unchanged" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert e.path.read_bytes() == before
    [kept] = [p for p in e.path.parent.iterdir() if p.name.endswith(".edit.toml")]
    assert str(kept) in result.stderr and new in kept.read_text(encoding="utf-8")


def test_a_refused_edit_can_be_opened_again_and_fixed(
    two_entries: tuple[Entry, Entry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, e = two_entries
    assert e.path is not None
    count = tmp_path / "count"
    fake_editor(
        tmp_path,
        monkeypatch,
        f"c = Path({str(count)!r})\nn = int(c.read_text()) if c.exists() else 0\n"
        "c.write_text(str(n + 1))\n"
        "if n == 0: p.write_text(text.replace('About to break', 'Fixed') + 'oops = = 1\\n')\n"
        "else: p.write_text(text.replace('oops = = 1\\n', ''))\n",
    )
    questions: list[str] = []

    def again(question: str) -> bool:
        questions.append(question)
        return True

    edited = editing.edit_entry(e.path, entry.load(e.path), again=again)
    assert edited is not None and len(questions) == 1
    assert "not valid TOML" in questions[0] and questions[0].endswith("fix it?")
    assert entry.load(e.path).answers[0].value == "Fixed"
    assert [p.name for p in e.path.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("what", ["entry", "part"])
def test_a_file_changed_during_an_edit_is_not_overwritten_and_the_edit_is_kept(
    cli: Cli,
    two_entries: tuple[Entry, Entry],
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
) -> None:
    """The editor stays open while another command saves the same file (the window is
    widened by the fake editor itself writing the original, as a second `edit` would)."""
    _, e = two_entries
    target = e.path if what == "entry" else home / "parts" / "the-critic.toml"
    assert target is not None
    old, new = ("About to break", "Mine") if what == "entry" else ("The Critic", "Mine")
    fake_editor(
        tmp_path,
        monkeypatch,
        f"other = Path({str(target)!r})\n"
        "other.write_text(other.read_text(encoding='utf-8') + '# the other edit\\n')\n"
        f"p.write_text(text.replace({old!r}, {new!r}))\n",
    )
    args = ["edit", "--raw", e.id] if what == "entry" else ["parts", "edit", "The Critic"]
    result = cli(*args)
    assert result.exit_code == 1
    assert "changed by another command" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8").endswith("# the other edit\n")
    [kept] = [p for p in target.parent.iterdir() if p.name.endswith(".edit.toml")]
    assert str(kept) in result.stderr and new in kept.read_text(encoding="utf-8")


BAD_OTHER_FILES: list[tuple[str, str, Callable[[Path], Path]]] = [
    ("parts", 'name = "Odd One"\nmerged_into = 3\n', lambda h: h / "parts" / "odd-one.toml"),
    (
        "parts",
        'name = "Odd One"\nfirst_met = 2026-11-20T10:00:00Z\n',
        lambda h: h / "parts" / "odd-one.toml",
    ),
    (
        "session list",
        'date = 2026-11-19\nkind = "ketamine"\ncreated = "monday"\n',
        lambda h: h / "sessions" / "2026-11-19-ketamine.toml",
    ),
    (
        "drafts",
        'exercise = "protector"\ncreated = 2026-11-20T10:00:00+01:00\nanswers = []\n'
        'exercise_version = "one"\n',
        lambda h: h / "drafts" / "2026-11-20T100000-abcdef.toml",
    ),
    (
        "drafts",
        'exercise = "protector"\ncreated = 2026-11-20T10:00:00+01:00\nanswers = []\n'
        "[context]\nsession = 5\n",
        lambda h: h / "drafts" / "2026-11-20T100000-abcdef.toml",
    ),
]


@pytest.mark.parametrize(("command", "content", "where"), BAD_OTHER_FILES)
def test_parts_sessions_and_drafts_with_a_wrong_type_are_skipped_with_one_warning(
    cli: Cli, home: Path, command: str, content: str, where: Callable[[Path], Path]
) -> None:
    path = where(home)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    result = cli(*command.split())
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert sum(str(path) in line for line in result.stderr.splitlines()) == 1
    assert path.read_text(encoding="utf-8") == content
    if command == "drafts":
        assert drafts.load_all() == []
