"""Text typed by the person is text on every screen and in every document.

One journal is written with a part name and answers full of rich markup, markdown
structure and terminal escape sequences; every command that shows them is run, and
none may crash, drop the text, pass an escape sequence to the terminal, or let the
text build markdown structure. The files keep the text exactly as typed.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from partsjournal.cli.root import app
from partsjournal.core import drafts, parts, sessions
from partsjournal.core.answers import Answer
from partsjournal.core.drafts import Draft
from partsjournal.core.parts import Part
from partsjournal.flow import exercises
from partsjournal.render import screens, text
from tests import keys
from tests.conftest import Cli, entry_files
from tests.helpers import TODAY
from tests.journal_fixtures import at, protector, written_once
from tests.keys import CTRL_C, ENTER, Typing, lines, pick, shown_in_order
from tests.pty_helpers import Tiny, write_tiny

# A name that is all markup and brackets (allowed: it is one line of plain characters),
# and one that arrived in a hand-edited part file with escape sequences in it.
MARKUP_NAME = "[/teen] Critic [old] <b>"
ESCAPED_NAME = "Pwned \x1b]0;window title\x07 [bold]part[/bold]"
ANSWER = (
    "# Not a heading\n<script>alert(1)</script> [link](http://evil.example)\n"
    "\x1b[2J\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 [red]loud[/red] 1. - + ==="
)
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b")


def write_hostile(_: Path) -> None:
    markup = parts.create(MARKUP_NAME, met=date(2026, 11, 20))
    escaped = Part(id="pwned", name=ESCAPED_NAME, needs=ANSWER, notes=ANSWER, protects=[markup.id])
    parts.save(escaped)
    protector(at(date(2026, 11, 20)), markup, needs=ANSWER, reflection=ANSWER)
    protector(at(date(2026, 11, 21)), escaped, situation=ANSWER)
    sessions.add(date(2026, 11, 22), label=ANSWER, created=TODAY)
    drafts.save(
        Draft(
            id=drafts.new_id(TODAY),
            exercise="protector",
            exercise_version=1,
            title="Meeting a protector part",
            created=TODAY,
            updated=TODAY,
            answers=[Answer(step="situation", kind="long_text", prompt="?", value=ANSWER)],
            part_name=MARKUP_NAME,
            pending={"activation_before": "", "name_part": MARKUP_NAME},
        )
    )


@pytest.fixture
def hostile(home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The hostile journal (written once per test process, see
    :func:`journal_fixtures.written_once`); the ids of its two entries, oldest first."""
    written_once("hostile-text", home, tmp_path_factory, write_hostile)
    first, second = (tomllib.loads(p.read_text(encoding="utf-8"))["id"] for p in entry_files(home))
    return {"first": first, "second": second}


READING = [
    ("entries",),
    ("show", "{first}"),
    ("show", "{second}"),
    ("parts",),
    ("parts", "show", MARKUP_NAME),
    ("parts", "show", ESCAPED_NAME),
    ("parts", "show", "pwne"),  # not a name nor an id: the error suggests the escaped one
    ("parts", "map"),
    ("review",),
    ("review", "--format", "markdown"),
    ("export", "--since", "2026-11-01"),
    ("drafts",),
    ("session", "list"),
    ("session", "show", "1"),
    ("practices",),
    ("entries", "--grep", "Not a heading"),
]


@pytest.mark.parametrize("args", READING, ids=" ".join)
@pytest.mark.parametrize("columns", ["60", "100", "200"])
def test_every_screen_shows_hostile_text_literally_and_without_escapes(
    cli: Cli, hostile: dict[str, str], args: tuple[str, ...], columns: str
) -> None:
    argv = [a.format(**hostile) for a in args]
    result = cli.runner.invoke(app, argv, env={"COLUMNS": columns})
    shown = result.stdout + result.stderr
    assert result.exit_code == (2 if argv[-1] == "pwne" else 0), shown
    assert "something went wrong" not in shown
    for control in TERMINAL_CONTROLS:
        assert control not in shown, f"{control!r} reached the terminal from {argv}"
    lists = {"entries", "parts", "review", "export", "drafts"}
    if columns == "200" and argv[-1] != "pwne" and args[0] in lists:
        # names survive whole, brackets and all (rich would eat "[old]" as markup)
        flat = " ".join(shown.split())
        assert "Critic [old]" in flat or "Critic \\[old\\]" in flat, shown


@pytest.mark.parametrize(
    "args", [("review", "--format", "markdown"), ("export", "--since", "2026-11-01")]
)
def test_markdown_structure_is_always_the_programs(
    cli: Cli, hostile: dict[str, str], args: tuple[str, ...]
) -> None:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Not a heading" in text  # the answer is there, so every line below is checked
    for line in text.splitlines():
        assert not line.startswith("# Not"), line  # no heading made by the person's text
        assert not re.match(r"\s*(\+ |=== ?$|1\. )", line), line
    assert "<script>" not in text and "<b>" not in text  # no raw HTML
    assert "[link](" not in text  # no link
    assert "\\[/teen\\] Critic \\[old\\]" in text  # the name is there, escaped


@pytest.mark.parametrize("fmt", [("review", "--format", "json"), ("export", "--format", "json")])
def test_json_keeps_the_text_exactly(
    cli: Cli, hostile: dict[str, str], fmt: tuple[str, ...]
) -> None:
    args = [*fmt, "--since", "2026-11-01"] if fmt[0] == "export" else [*fmt, "--month"]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert (ANSWER if fmt[0] == "export" else MARKUP_NAME) in _strings(json.loads(result.stdout))


def _strings(data: object) -> list[str]:
    """Every string anywhere in a JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in _strings(item)] if isinstance(data, list) else []


def test_files_keep_the_text_exactly(hostile: dict[str, str], home: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in entry_files(home)]
    values = [a["value"] for t in texts for a in tomllib.loads(t)["answers"]]
    assert ANSWER in values and MARKUP_NAME in values
    assert parts.get("pwned") is not None and parts.get("pwned").name == ESCAPED_NAME  # type: ignore[union-attr]


def test_resuming_a_draft_with_a_markup_part_name_saves_it(
    cli: Cli, hostile: dict[str, str], home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(
        "self_check = false\nactivation_before = 5\nwilling = true\nfeel_toward = 'curious'\n"
        "purpose = 'x'\nfeelings = 'x'\nfears = 'x'\nstrengths = 'x'\nneeds = 'x'\n"
        "feel_toward_end = 'curious'\nreflection = 'x'\nactivation_after = 3\n"
        "next_step = 'bring it to my therapist'\n",
        encoding="utf-8",
    )
    result = cli("resume", "1", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Critic [old]" in " ".join(result.stdout.split())
    saved = [tomllib.loads(p.read_text(encoding="utf-8")) for p in entry_files(home)]
    newest = max(saved, key=lambda e: e["id"])
    assert newest["parts"][0]["name"] == MARKUP_NAME


def test_the_step_screens_show_part_names_literally(capsys: pytest.CaptureFixture[str]) -> None:
    ex = exercises.get("protector")
    step = next(s for s in ex.steps if "{part}" in s.text)
    screens.step_header(step, step.text.replace("{part}", ESCAPED_NAME), 3, 9)
    screens.welcome_back("Monday 23 November, 20:00", 2, f"About {MARKUP_NAME}", 0)
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown
    flat = " ".join(shown.split())
    assert "[bold]part[/bold]" in flat and "Critic [old] <b>" in flat


@pytest.mark.parametrize(
    "name", ["Line\nbreak", "Tab\there", "Esc \x1b[2J", "Bell\x07", "Right-to-left \u202e"]
)
def test_part_names_with_line_breaks_or_controls_are_refused(
    cli: Cli, home: Path, name: str, protector_answers: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "hostile-answers.toml"
    text = protector_answers.read_text(encoding="utf-8")
    answers.write_text(
        re.sub(r'name_part = ".*"', lambda _: f"name_part = {json.dumps(name)}", text),
        encoding="utf-8",
    )
    result = cli("exercise", "protector", "--answers", str(answers))
    assert result.exit_code == 2
    assert "one line, without tabs or control characters" in result.stderr
    result = cli("exercise", "protector", "--part", name, "--answers", str(protector_answers))
    assert result.exit_code == 2 and "one line of text" in result.stderr
    assert entry_files(home) == []
    cli("exercise", "protector", "--answers", str(protector_answers))
    for args in (["rename", "The Critic", name], ["edit", "The Critic", "--alias", name]):
        result = cli("parts", *args)
        assert result.exit_code == 2, result.stdout
        assert "one line of text without tabs or control characters" in result.stderr
    assert parts.find("The Critic") is not None and parts.find("The Critic").aliases == []  # type: ignore[union-attr]


def test_a_markup_part_name_is_asked_about_paused_and_resumed_in_a_terminal(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    name = "[/teen] Critic [old]"
    typed = [ENTER, lines("The [bold]meeting[/bold]"), keys.line("5"), keys.line(name), CTRL_C]
    with terminal.typing(*typed):
        result = cli("exercise", write_tiny(home))
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, f"{Tiny.BODY} {name}?", "Paused.")  # named as typed
    assert name in " ".join(cli("drafts").stdout.split())

    with terminal.typing(keys.line("shoulders"), pick(1), ENTER, ENTER):
        result = cli("resume")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, "Welcome back", f"{Tiny.BODY} {name}?", f"{Tiny.NEEDS} {name}?")
    assert "Critic [old]" in " ".join(cli("entries").stdout.split())


@pytest.mark.parametrize(
    "name",
    [
        "Family \U0001f468\u200d\U0001f469\u200d\U0001f467",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    ],
)
def test_joiners_inside_emoji_and_words_are_shown_as_typed(name: str) -> None:
    # a zero-width joiner builds one emoji, a non-joiner shapes Persian and Indic words:
    # they are part of the text, not a way to hide or reorder it
    assert text.visible(name) == name


def test_marks_that_reorder_or_hide_text_stay_visible() -> None:
    assert text.visible("a\u202eb\u200fc\u200bd") == "a\\u202eb\\u200fc\\u200bd"
