"""Plain output, and no command that breaks on the stream it writes to.

Plain output is ASCII-only, box-free and colourless, for screen readers, ``TERM=dumb`` and
streams that cannot show more; no meaning rests on colour or a mark alone. It comes with
``--plain`` or ``PARTSJOURNAL_PLAIN=1``, and by itself for ``TERM=dumb`` or a stream that is
not UTF-8. The terminal object decides it (tests/test_one_owner.py keeps it the one place).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from partsjournal.cli.root import app
from partsjournal.render import terminal
from tests.conftest import Cli
from tests.helpers import fake_terminal
from tests.journal_fixtures import at, day, make_part, protector, write

# Every reading command, each of which may show a table, a panel, a tree, a bar or a mark.
READING = [
    ["review"],
    ["review", "--month"],
    ["entries"],
    ["show", "last"],
    ["parts"],
    ["parts", "show", "The Critic"],
    ["parts", "map"],
    ["session", "list"],
    ["session", "show", "1"],
    ["practices"],
    ["exercise"],
    ["drafts"],
    ["config"],
    ["--help"],
    ["review", "--help"],
    ["exercise", "protector", "--help"],
    ["parts", "edit", "--help"],
]
BOXES = re.compile("[\u2500-\u259f]")  # box drawing and block elements
ESCAPE = "\x1b"


def small_journal(cli: Cli, words: str = "The team meeting") -> None:
    critic = make_part("The Critic", day(1))
    protector(at(day(20)), critic, situation=words, needs=f"{words}, gently")
    protector(at(day(22)), critic, before=8, after=3)
    write(at(day(21)), "note", [("moment", f"{words}: chest tight")])
    assert cli("session", "add", "2026-11-19").exit_code == 0
    assert cli("parts", "add", "Little One", "--role", "exile").exit_code == 0
    assert cli("parts", "edit", "The Critic", "--protects", "Little One").exit_code == 0


def run_all(cli: Cli, *before: str) -> dict[str, str]:
    shown = {}
    for args in READING:
        result = cli(*before, *args)
        assert result.exit_code == 0, (args, result.output)
        shown[" ".join(args)] = result.stdout + result.stderr
    return shown


@pytest.mark.parametrize("how", ["--plain", "PARTSJOURNAL_PLAIN=1", "TERM=dumb"])
def test_plain_output_is_ascii_without_boxes_or_colour(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    small_journal(cli)
    fake_terminal(monkeypatch, stdout_tty=True, stderr_tty=True, colour=True)  # would colour
    monkeypatch.setenv("PAGER", "")  # everything on this screen, none in a pager
    if how.startswith("--"):
        shown = run_all(cli, how)
    else:
        name, value = how.split("=")
        monkeypatch.setenv(name, value)
        monkeypatch.setattr(terminal, "_current", {"terminal": None, "fake": None})
        shown = run_all(cli)
    for command, text in shown.items():
        assert text.isascii(), (command, sorted({c for c in text if not c.isascii()}))
        assert BOXES.search(text) is None, command
        assert ESCAPE not in text, command
    review = shown["review"]
    # bars stand beside their numbers; the trend is written in numbers, not shapes
    assert re.search(r"before\s+8\s+#+-*\s+after\s+3\s+#+-*\s+-5", review), review
    assert "oldest first (lower is calmer): 4 3" in review
    assert re.search(r"^Self\n- The Critic.*\n  - Little One", shown["parts map"], re.M)


def test_the_same_commands_draw_boxes_and_marks_when_not_plain(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side of the test above, so it cannot pass by showing nothing."""
    small_journal(cli)
    fake_terminal(monkeypatch, stdout_tty=True, stderr_tty=True)
    monkeypatch.setenv("PAGER", "")
    shown = run_all(cli)
    assert BOXES.search(shown["parts"]) and BOXES.search(shown["show last"])
    assert "·" in shown["review"] and "█" in shown["review"]


TERMINALS = [
    # (environment, stdout encoding, stderr encoding, forced) -> plain
    ({}, "utf-8", "utf-8", False, False),
    ({}, "UTF8", "utf_8", False, False),
    ({}, "utf-8", "utf-8", True, True),
    ({"TERM": "dumb"}, "utf-8", "utf-8", False, True),
    ({"TERM": "xterm-256color"}, "utf-8", "utf-8", False, False),
    ({"PARTSJOURNAL_PLAIN": "1"}, "utf-8", "utf-8", False, True),
    ({"PARTSJOURNAL_PLAIN": "0"}, "utf-8", "utf-8", False, False),
    ({"PARTSJOURNAL_PLAIN": ""}, "utf-8", "utf-8", False, False),
    ({}, "ascii", "utf-8", False, True),
    ({}, "utf-8", "latin-1", False, True),
    ({}, "cp1252", "cp1252", False, True),
    ({}, "no-such-codec", "utf-8", False, True),
]


class Stream(io.TextIOWrapper):
    def __init__(self, encoding: str, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8")
        self._claimed, self._tty = encoding, tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._claimed

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(("env", "out", "err", "forced", "plain"), TERMINALS, ids=str)
@pytest.mark.parametrize("tty", [True, False])
def test_plain_is_chosen_by_flag_variable_dumb_terminal_or_encoding(
    env: dict[str, str], out: str, err: str, forced: bool, plain: bool, tty: bool
) -> None:
    made = terminal.Terminal.from_system(
        plain=forced, env=env, stdin=Stream("utf-8", tty), stdout=Stream(out, tty),
        stderr=Stream(err, tty),
    )  # fmt: skip
    assert made.plain is plain
    assert made.colour is (tty and not plain)  # never colour in plain output, or into a pipe
    assert made.can_prompt is tty and made.shows_progress() is (tty and not plain)


@pytest.mark.parametrize(
    ("env", "colour"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True), ({"TERM": "dumb"}, False)],
)
def test_colour_follows_no_color_and_the_terminal(env: dict[str, str], colour: bool) -> None:
    tty = Stream("utf-8", True)
    assert terminal.Terminal.from_system(env=env, stdout=tty, stderr=tty).colour is colour


@pytest.mark.parametrize(
    ("env", "tty", "size", "fits"),
    [
        ({"COLUMNS": "60", "LINES": "20"}, False, (60, 20), True),
        ({}, False, terminal.DEFAULT_SIZE, False),
        ({"COLUMNS": "nope"}, False, terminal.DEFAULT_SIZE, False),
        ({"COLUMNS": "0"}, False, terminal.DEFAULT_SIZE, False),
        ({"COLUMNS": "100"}, True, (100, terminal.DEFAULT_SIZE[1]), True),
    ],
)
def test_width_comes_from_columns_else_the_screen(
    env: dict[str, str], tty: bool, size: tuple[int, int], fits: bool
) -> None:
    stream = Stream("utf-8", tty)  # not a real terminal: there is no screen to measure
    made = terminal.Terminal.from_system(env=env, stdout=stream, stderr=stream)
    assert (made.width, made.height) == size
    assert made.fits_lines() is fits and made.fits_lines(stderr=True) is fits


NON_ASCII = "Café, naïve → 雨 🌧"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_no_reading_command_breaks_on_a_stream_that_is_not_utf8(
    cli: Cli, home: Path, encoding: str
) -> None:
    """The stream half of `PYTHONIOENCODING=ascii review` crashing: every reading command
    ends well, says what it can, and a document (JSON) stays whole and valid.

    Every command runs in process on streams of that encoding, which refuse (as
    PYTHONIOENCODING's standard output does) a character they cannot encode; the program
    itself, started with PYTHONIOENCODING, shows the entries at the end."""
    small_journal(cli, words=NON_ASCII)
    on_the_stream = CliRunner(charset=encoding)  # standard output strict, as Python's own
    for args in [*READING, ["entries", "--format", "json"], ["review", "--format", "json"]]:
        result = on_the_stream.invoke(app, args)
        stderr = result.stderr_bytes or b""
        assert result.exit_code == 0, (args, result.exception, stderr.decode(encoding))
        assert b"Traceback" not in stderr and b"Error" not in stderr, args
        if "json" in args:  # documents are UTF-8 whatever the stream: nothing lost
            assert NON_ASCII in json.dumps(json.loads(result.stdout_bytes), ensure_ascii=False)
        else:
            assert result.stdout_bytes.decode(encoding), args  # the stream's own encoding
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home), "PYTHONIOENCODING": encoding}
    shown = subprocess.run(
        [sys.executable, "-m", "partsjournal", "entries"], capture_output=True, env=env
    ).stdout.decode(encoding)
    if encoding == "ascii":
        assert "Caf\\xe9" in shown  # what the stream lacks is shown as an escape, not dropped
    else:
        assert "Café" in shown
