"""Long output goes through a pager the way git does it: $PAGER, else ``less -FRX``, only on
a terminal, and only when the output as drawn is taller than the screen; what is searched for
in the pager is never kept (``LESSHISTFILE=-``)."""

from __future__ import annotations

import shlex
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partsjournal.render import pager
from partsjournal.render.terminal import Terminal
from tests.conftest import Cli
from tests.helpers import fake_terminal
from tests.journal_fixtures import at, day, make_part, protector, write, written_once

# Every command whose output grows with the journal, on a journal long enough for each.
LONG = [
    ["entries"],
    ["entries", "--all"],
    ["show", "last"],
    ["review"],
    ["review", "--month"],
    ["parts"],
    ["parts", "show", "Part 1"],
    ["parts", "map"],
    ["session", "list"],
    ["session", "show", "1"],
    ["exercise"],
    ["export"],
    ["export", "--format", "json"],
]

# A pager that writes down LESSHISTFILE and LESS as it sees them ("=value", or an empty line
# when unset), then the text it was given. A shell script: it starts in a millisecond or two,
# where a Python one took about twenty, once for every command paged.
RECORDER = """\
{ printf '%s\\n' "${LESSHISTFILE+=$LESSHISTFILE}" "${LESS+=$LESS}"; cat; } > "$1"
"""


@pytest.fixture
def recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pager that writes down what it was given, and its environment (read by
    :func:`paged`)."""
    script = tmp_path / "pager.sh"
    script.write_text(RECORDER, encoding="utf-8")
    seen = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", shlex.join(["/bin/sh", str(script), str(seen)]))
    return seen


def paged(seen: Path) -> tuple[str, str | None, str | None]:
    """What the recording pager was given: its text, and LESSHISTFILE and LESS as it saw
    them (None when they were not set)."""
    histfile, less, text = seen.read_bytes().decode("utf-8").split("\n", 2)
    return text, histfile[1:] if histfile else None, less[1:] if less else None


@pytest.fixture
def long_journal(cli: Cli, home: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    def write_it(_: Path) -> None:
        parts = [make_part(f"Part {n}", day(1)) for n in range(12)]
        for n in range(14):
            protector(at(day(1) + timedelta(days=n)), parts[n % 12], situation=f"situation {n}")
        write(at(day(22)), "note", [("moment", "a long moment " * 60)])
        for n in range(12):
            assert cli("session", "add", f"2026-0{1 + n % 9}-1{n % 9}").exit_code in (0, 2)
        assert cli("session", "add", "2026-11-10").exit_code == 0
        assert cli("parts", "edit", "Part 0", "--protects", "Part 1").exit_code == 0

    written_once("long-journal", home, tmp_path_factory, write_it)


@pytest.mark.parametrize("args", LONG, ids=" ".join)
def test_long_output_on_a_terminal_goes_through_the_pager(
    cli: Cli, long_journal: None, recorder: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    fake_terminal(monkeypatch, stdout_tty=True, width=60, height=8)
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # all of it went to the pager
    text, histfile, _ = paged(recorder)
    assert pager.rendered_height(text, 60) >= 8
    assert histfile == "-"


@pytest.mark.parametrize("args", LONG, ids=" ".join)
@pytest.mark.parametrize(
    "where",
    [{"stdout_tty": False, "height": 8}, {"stdout_tty": True, "height": 10_000}],
    ids=["a pipe", "a tall enough screen"],
)
def test_no_pager_for_a_pipe_or_output_that_fits(
    cli: Cli,
    long_journal: None,
    recorder: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    where: dict[str, int | bool],
) -> None:
    fake_terminal(monkeypatch, width=60, **where)
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() and not recorder.exists()


@pytest.mark.parametrize("value", ["", "cat", "/bin/cat", "no-such-pager-anywhere --flag"])
def test_no_pager_asked_for_or_none_found_prints_everything(
    cli: Cli, long_journal: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    fake_terminal(monkeypatch, stdout_tty=True, width=60, height=8)
    monkeypatch.setenv("PAGER", value)
    every = cli("entries", "--all")
    assert every.exit_code == 0 and "15 entries" in every.stdout
    assert pager.rendered_height(every.stdout, 60) > 15  # all of it, on the screen


@pytest.mark.parametrize(
    ("env", "argv"),
    [
        ({}, ["less", "-FRX"]),
        ({"PAGER": "more"}, ["more"]),
        ({"PAGER": "more", "PARTSJOURNAL_PAGER": "less -S"}, ["less", "-S"]),
        ({"PAGER": "less"}, ["less"]),
        ({"PAGER": ""}, None),
        ({"PAGER": "less", "PARTSJOURNAL_PAGER": ""}, None),
        ({"PAGER": "cat"}, None),
        ({"PAGER": "'unclosed"}, None),
    ],
)
def test_the_pager_is_chosen_as_git_chooses_it(env: dict[str, str], argv: list[str] | None) -> None:
    found = pager.command(env)
    if argv is None:
        assert found is None
    else:
        assert found == [shutil.which(argv[0]), *argv[1:]]


@pytest.mark.parametrize(
    ("env", "argv", "less"),
    [
        ({}, ["/usr/bin/less"], "FRX"),
        ({"LESS": "-S"}, ["/usr/bin/less"], "-S"),
        ({}, ["/usr/bin/more"], None),
        ({"LESSHISTFILE": "~/.lesshst"}, ["/usr/bin/less", "-R"], "FRX"),
    ],
)
def test_the_pager_keeps_no_search_history(
    env: dict[str, str], argv: list[str], less: str | None
) -> None:
    made = pager.environment(env, argv)
    assert made["LESSHISTFILE"] == "-" and made.get("LESS") == less


# one line of text: no line breaks of any kind, no escape character
LINE = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_characters="\n\r\x0b\x0c\x1b\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    max_size=300,
)


@given(st.lists(LINE, max_size=20), st.integers(min_value=1, max_value=200))
def test_height_counts_each_line_as_the_rows_it_takes(lines: list[str], width: int) -> None:
    from rich.cells import cell_len

    text = "".join(line + "\n" for line in lines)
    expected = sum(max(1, -(-cell_len(line) // width)) for line in lines)
    assert pager.rendered_height(text, width) == expected
    coloured = "".join(f"\x1b[1;31m{line}\x1b[0m\n" for line in lines)
    assert pager.rendered_height(coloured, width) == expected  # colour takes no room


def test_a_pager_that_cannot_start_leaves_the_output_on_screen(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("not allowed")

    monkeypatch.setattr(pager.subprocess, "Popen", refuse)
    text = "".join(f"line {n}\n" for n in range(50))
    pager.page(text, Terminal(stdout_tty=True, height=10), env={"PAGER": "less"})
    assert capsys.readouterr().out == text
