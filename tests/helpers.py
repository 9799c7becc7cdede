"""Helpers shared by the test modules: the one place each is defined.

A test module imports helpers from here (or from the other helper modules: ``askers``,
``crypt_helpers``, ``journal_fixtures``, ``pty_helpers``), never from another test module;
``test_architecture.py`` checks both.
"""

from __future__ import annotations

import ast
import functools
import stat
import sys
import tomllib
import typing
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import pytest
import typer

from partsjournal.cli import root
from partsjournal.cli.lazy import TyperCommand
from partsjournal.core import dates

if TYPE_CHECKING:
    from partsjournal.render.terminal import Terminal

# "today" in every test unless it is marked ``@pytest.mark.now(...)``: Monday 23 November
# 2026, evening, UTC+1 (the suite's time zone, Europe/Paris, in winter)
TODAY = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def freeze_today(monkeypatch: pytest.MonkeyPatch, when: datetime = TODAY) -> None:
    """Make ``when`` the time partsjournal takes as now, in process and in every program
    the test starts from here on (the clock fixture does this for every test)."""
    monkeypatch.setenv(dates.NOW_VAR, when.isoformat())


# --- the source, read by the tests that scan it for a second owner of a rule -------------

SRC = Path(__file__).resolve().parents[1] / "src" / "partsjournal"


@functools.cache
def parsed(path: Path) -> ast.Module:
    """The syntax tree of a Python file, parsed once per test run however many tests scan
    it (parsing all of ``src/`` takes about half a second). The tests only read the tree:
    one that changes a node must change a copy."""
    return ast.parse(path.read_text(encoding="utf-8"))


@functools.cache
def walked(tree: ast.AST) -> tuple[ast.AST, ...]:
    """Every node of ``tree``, in the order ``ast.walk`` gives them, listed once."""
    return tuple(ast.walk(tree))


def source_modules() -> list[tuple[str, ast.Module]]:
    """(path under ``src/partsjournal`` with forward slashes, its tree) for every module."""
    return [(path.relative_to(SRC).as_posix(), parsed(path)) for path in sorted(SRC.rglob("*.py"))]


def command_options() -> Iterator[tuple[str, Any, Any]]:
    """(command as typed, its parameter, the parameter's Python type) for every option and
    argument of every command, sub-commands included: for tables that must name every
    command taking a file, a date, ... so a new one cannot be left out."""

    def walk(command: Any, typed: str) -> Iterator[tuple[str, Any, Any]]:
        if isinstance(command, TyperCommand):  # a Typer command run from Click: itself
            command = command.target()
        if hasattr(command, "list_commands"):
            ctx: Any = (
                click.Context(command)
                if isinstance(command, click.Group)
                else typer.Context(command)
            )
            for name in command.list_commands(ctx):
                yield from walk(command.get_command(ctx, name), f"{typed} {name}")
            return
        hints = typing.get_type_hints(command.callback)
        for param in command.params:
            yield typed, param, hints[param.name]

    for name in root.COMMANDS:
        yield from walk(root.build_command(name), name)


def takes_path(annotation: Any) -> bool:
    """True for a parameter typed ``Path`` or ``Path | None``."""
    return annotation is Path or Path in typing.get_args(annotation)


# --- a small exercise for the care tests -----------------------------------------------

DIALOGUE_STEPS: list[dict[str, object]] = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "How stirred up?"},
    {"id": "part", "kind": "part", "role": "part", "text": "Which part is here?"},
    {"id": "feelings", "kind": "text", "role": "part-feelings", "text": "How does {part} feel?"},
    {"id": "fears", "kind": "text", "role": "part-fears", "text": "What does {part} fear?"},
    {"id": "deeper", "kind": "text", "text": "What is underneath?"},
    {"id": "thanks", "kind": "guide", "text": "Thank {part} for talking with you."},
    {"id": "after", "kind": "scale", "role": "activation-after", "text": "And now?"},
    {"id": "closing", "kind": "guide", "text": "Thank {part}. It moves at its own pace."},
]
DIALOGUE_CLOSING = "It moves at its own pace."


def write_dialogue(home: Path, **extra: object) -> str:
    """A small dialogue with a gentle close (``close_from``), and a three-step grounding
    pause (``feet``, ``distress``, ``safe``) in place of the shipped one; returns its name."""
    from tests.pty_helpers import write_exercise, write_tiny_grounding

    write_tiny_grounding(home)
    write_exercise(home, "dialogue", DIALOGUE_STEPS, close_from="thanks", **extra)
    return "dialogue"


def flat_screen(text: str) -> str:
    """What a screen says, as one line: panel borders and line breaks taken out, so a
    sentence can be found however the panel wrapped it."""
    for border in "│╭╮╰╯─":
        text = text.replace(border, " ")
    return " ".join(text.split())


WHEN = datetime(2026, 11, 20, 21, 15, tzinfo=timezone(timedelta(hours=1)))


def by_step(data: dict[str, Any]) -> dict[str, Any]:
    return {a["step"]: a for a in data["answers"]}


def answers_of(path: Path) -> dict[str, object]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {a["step"]: a["value"] for a in data["answers"]}


def flat(text: str) -> str:
    """Rich wraps long lines at the console width; compare words, not line breaks."""
    return " ".join(text.split())


def stop_after(k: int) -> Callable[[Path], None]:
    """The conversion seam: stop (as Ctrl-C would) right after the k-th file (or step)."""
    done: list[Path] = []

    def after(path: Path) -> None:
        done.append(path)
        if len(done) == k:
            raise KeyboardInterrupt

    return after


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def one_line_error(result: object, code: int, needle: str) -> None:
    assert result.exit_code == code  # type: ignore[attr-defined]
    err: str = result.stderr  # type: ignore[attr-defined]
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def editor_script(script: Path, body: str) -> Path:
    """A small Python program at ``script`` that stands in for an editor: ``p`` (or
    ``path``) is the file it is given and ``text`` what the file held; ``body`` runs last.
    It starts isolated and without site packages (``-IS``, one word, as a ``#!`` line
    passes one), half the start-up of a plain ``python``: dozens of tests start one."""
    script.write_text(
        f"#!{sys.executable} -IS\nimport sys\nfrom pathlib import Path\n"
        "p = path = Path(sys.argv[1])\ntext = p.read_text(encoding='utf-8')\n"
        f"{body}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """$EDITOR becomes an :func:`editor_script` running ``body``."""
    monkeypatch.setenv("EDITOR", str(editor_script(tmp_path / "fake-editor", body)))
    monkeypatch.delenv("VISUAL", raising=False)


RATINGS = """
body_rating = 5
mind_rating = 6
emotion_rating = 4
spirit_rating = 7
balance_rating = 3
"""


PREPARE_ANSWERS = """
session_thoughts = "I picture the room and my chest goes tight."
activation_before = 6
name_part = "The Worrier"
willing = true
feel_toward = "curious"
part_feeling = "afraid of losing control"
part_fears = "That I will say something I regret."
part_purpose = "From being judged."
session_ok = true
part_needs = "To know I can ask to stop."
intention = "Meet what is under the tiredness, knowing I can stop."
support_people = "Anna, 0123 456"
grounding = "Peppermint tea and the heavy blanket"
activation_after = 4
"""


def write_file(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def draft_answers(home: Path) -> dict[str, Any]:
    files = sorted((home / "drafts").glob("*.toml")) if (home / "drafts").is_dir() else []
    if not files:
        return {}
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text(encoding="utf-8"))
    return {a["step"]: a["value"] for a in data["answers"]}


def fake_terminal(monkeypatch: pytest.MonkeyPatch, **answers: Any) -> Terminal:
    """Make every command of this test see a terminal with these answers (``stdout_tty=True``,
    ``width=60``, ``plain=True``...; the rest as for a pipe), as httpie's tests pass a
    ``MockEnvironment``; the real one is measured again after the test."""
    from partsjournal.render import terminal, ui

    fake = terminal.Terminal(**answers)
    monkeypatch.setitem(terminal._current, "fake", fake)
    monkeypatch.setitem(terminal._current, "terminal", fake)
    ui.out.cache_clear()
    ui.err.cache_clear()
    return fake
