"""Screens that fit at 60 and 100 columns: messages break between words, never inside a
word, a date, a path or a command shown to type; tables never cut a name or a date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partsjournal.cli.root import app
from partsjournal.core import drafts, parts, sessions
from partsjournal.core.answers import Answer
from partsjournal.core.drafts import Draft
from partsjournal.render.text import wrap
from tests.conftest import Cli
from tests.helpers import TODAY
from tests.journal_fixtures import at, protector

NAMES = ["The Critic", "The Critical Kid", "The Inner Planner Who Never Rests", "Little One"]
HINTS = {
    ("parts",): 'partsjournal parts show "NAME"',
    ("entries",): "partsjournal show ID",
    ("session", "list"): "partsjournal session show NUMBER",
    ("drafts",): "partsjournal resume NUMBER",
    ("exercise",): "partsjournal exercise NAME",
    ("config",): 'partsjournal config contact add "Sam" "call or text"',
    ("review", "--since", "2026-11-01"): "partsjournal parts show NAME",
}


@pytest.fixture
def journal(home: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Four parts whose names start alike, a long session label, a paused draft."""
    days = []
    for n, name in enumerate(NAMES):
        day = date(2026, 11, 11 + n)
        part = parts.create(name, met=day)
        protector(at(day), part, needs="Rest", situation="Work")
        days.append(day.isoformat())
    sessions.add(date(2026, 11, 20), label="first session, with a long label", created=TODAY)
    drafts.save(
        Draft(
            id=drafts.new_id(TODAY),
            exercise="protector",
            exercise_version=1,
            title="Meeting a protector part",
            created=TODAY,
            updated=TODAY,
            answers=[Answer(step="situation", kind="long_text", prompt="?", value="Work")],
            part_name=NAMES[2],
        )
    )
    return days


def run(cli: Cli, columns: int, *args: str) -> str:
    result = cli.runner.invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [60, 100])
@pytest.mark.parametrize("args", list(HINTS), ids=" ".join)
def test_every_screen_fits_and_keeps_its_hint_whole(
    cli: Cli, journal: list[str], columns: int, args: tuple[str, ...]
) -> None:
    shown = run(cli, columns, *args)
    for line in shown.splitlines():  # a path longer than the screen is the one exception
        assert len(line) <= columns or " " not in line.strip(), line
    assert any(HINTS[args] in line for line in shown.splitlines()), shown


@pytest.mark.parametrize("columns", [60, 100])
@pytest.mark.parametrize(
    "args",
    [("parts",), ("entries",), ("session", "list"), ("session", "show", "1"), ("drafts",)],
    ids=" ".join,
)
def test_tables_never_cut_a_name_or_a_date(
    cli: Cli, journal: list[str], columns: int, args: tuple[str, ...]
) -> None:
    shown = run(cli, columns, *args)
    assert "…" not in shown, shown  # nothing was cut short
    dates = set(re.findall(r"\d{4}-\d\d-\d\d", shown))
    assert dates and dates <= {*journal, "2026-11-20", "2026-11-23"}, shown
    if args[0] in {"parts", "entries"}:  # every word of every name is there
        cells = re.sub(r"[│┃]", " ", shown).split()
        assert all(word in cells for name in NAMES for word in name.split()), shown


def test_an_error_fits_the_screen_without_splitting_the_command(
    cli: Cli, journal: list[str]
) -> None:
    result = cli.runner.invoke(app, ["parts", "show", "critc"], env={"COLUMNS": "60"})
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) > 1 and all(len(line) <= 60 for line in lines)
    assert any("'partsjournal parts'" in line for line in lines)


def test_output_to_a_pipe_is_not_broken(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    result = cli("practices")
    first = result.stdout.splitlines()[0]
    assert first.startswith("No practices") and first.endswith("partsjournal integrate")


@pytest.mark.parametrize(
    ("message", "width", "whole"),
    [
        (
            "No relations noted yet. Add one with: partsjournal parts edit NAME --protects X",
            60,
            "partsjournal parts edit NAME --protects X",
        ),
        (
            "There are 3 drafts; say which, for example 'partsjournal resume 1' (see it).",
            30,
            "'partsjournal resume 1'",
        ),
        (
            "Entry 2026-11-23T184957-655600 saved in /home/sam/journal/entries/2026/11/x.toml",
            40,
            "/home/sam/journal/entries/2026/11/x.toml",
        ),
        ("what The Critic needs, on Monday 23 November 2026, in the evening", 30, "Monday 23"),
        ("Highlights of the week — what it needs, Mon 23 Nov", 44, "Mon 23 Nov"),
    ],
)
def test_wrapping_keeps_commands_paths_and_dates_whole(
    message: str, width: int, whole: str
) -> None:
    lines = wrap(message, width).split("\n")
    assert any(whole in line for line in lines), lines
    assert " ".join(lines) == message


words = st.text(alphabet="abcdefghij-/.'\"", min_size=1, max_size=15)


@given(
    st.lists(st.one_of(words, st.just("partsjournal")), min_size=1, max_size=40),
    st.integers(10, 100),
)
def test_wrapping_breaks_only_between_words(tokens: list[str], width: int) -> None:
    message = " ".join(tokens)
    wrapped = wrap(message, width)
    assert wrapped.replace("\n", " ") == message  # only spaces became line breaks
    for line in wrapped.split("\n"):
        assert len(line) <= width or " " not in line.strip(), (line, width)


@given(
    words=st.lists(st.text("abcdefghij", min_size=1, max_size=12), min_size=1, max_size=8),
    width=st.integers(20, 120),
)
def test_a_panels_title_is_never_cut(words: list[str], width: int) -> None:
    """Every framed screen's title (an exercise's welcome, "Welcome back: ...", an entry in
    ``show``, the support card, a note) is shown whole at any width: in the border where it
    fits, else as the first line inside (rich cut it in the border: "Meeting a protector p─"
    at 40 columns)."""
    import io

    from rich.console import Console

    from partsjournal.render import ui
    from partsjournal.render.text import literal

    title = " ".join(words)
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(ui.panel(literal("The body."), literal(title), console, title_align="left"))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "…" not in shown
    assert all(len(line) <= width for line in shown.splitlines())
    inside = " ".join(re.sub(r"[│╭╮╰╯─]", " ", shown).split())
    assert title in inside


def test_the_welcome_back_title_is_whole_at_40_columns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from partsjournal.render import screens, ui

    monkeypatch.setenv("COLUMNS", "40")
    ui.begin()
    assert ui.out().width == 40
    screens.welcome_back("Monday 23 Nov", 3, "Meeting a protector part", 0)
    shown = capsys.readouterr().out
    assert max(len(line) for line in shown.splitlines()) <= 40
    assert "Welcome back: Meeting a protector part" in " ".join(
        re.sub(r"[│╭╮╰╯─]", " ", shown).split()
    )
