"""Each rule has one owner, so every command tells the same story.

Which session an entry belongs to, a realm's label, activation at the end, an
entry's first words, close names, and the save order: each is decided in one
place, and these tests check that the commands that show it agree. The rules of
docs/ARCHITECTURE.md's table that drifted before (the options a date hint names,
date words, showing a date, user text in a message, which part an answer is about,
matching names, the day a file name starts with, listing limits, plurals, reading a
period, the review's sections) each have a test here that fails when a second owner
comes back: a table over every command that takes such a value, or a scan of the
source for the rule written out again.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from partsjournal.cli import options
from partsjournal.core import (
    dates,
    drafts,
    layout,
    matching,
    part_record,
    parts,
    reading,
    store,
)
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer, AnswerValue
from partsjournal.core.entry import Entry, PartRef, new_id, save_new
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.wording import plural
from partsjournal.flow import care_words, exercises, integration, kinds, runner, saving
from partsjournal.flow.engine import Paused, Run
from partsjournal.flow.exercises import ExerciseFileError, Step
from partsjournal.render import review_sections
from partsjournal.render.text import sentence
from partsjournal.views import practices, search
from tests.askers import FakeAsker
from tests.conftest import BUILT, Cli, entry_files
from tests.helpers import TODAY, command_options, parsed, source_modules, walked, write_file
from tests.journal_fixtures import set_up_measure
from tests.journal_fixtures import write as write_entry

GROUNDING_ANSWERS = "distress = 3\nsafe = true\n"


def user_exercise(home: Path, name: str, steps: str) -> None:
    write_file(
        home / "exercises" / f"{name}.toml",
        f'name = "{name}"\ntitle = "Test {name}"\nsummary = "s"\nminutes = 1\n{steps}',
    )


def test_an_entry_marked_before_with_no_session_coming_belongs_to_no_session(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    """The architecture issue's example: `grounding --before` three days after session 1,
    none coming. Every command places it nowhere."""
    assert cli("session", "add", "2026-11-10").exit_code == 0
    answers = write_file(tmp_path / "g.toml", GROUNDING_ANSWERS)
    saved = cli(
        "exercise", "grounding", "--before", "--at", "2026-11-13 09:00", "--answers", str(answers)
    )
    assert saved.exit_code == 0, saved.output
    [path] = entry_files(home)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["phase"] == "before" and "session" not in data

    listing = cli("session", "list")
    row = next(line for line in listing.stdout.splitlines() if "2026-11-10" in line)
    assert [c.strip() for c in row.split("│")][5:7] == ["0", "0"]  # before, after
    review = json.loads(
        cli("review", "--since", "2026-11-09", "--until", "2026-11-15", "--format", "json").stdout
    )
    [near] = review["sessions"]["items"]
    assert (near["entries_before"], near["entries_after"]) == (0, 0)
    assert json.loads(cli("entries", "--session", "1", "--format", "json").stdout)["count"] == 0
    shown = cli("show", path.stem)
    assert shown.exit_code == 0 and "session 1" not in shown.stdout
    exported = json.loads(cli("export", "--since", "2026-11-01", "--format", "json").stdout)
    assert exported["entries"][0]["when"] is None


def test_an_entry_saved_before_its_session_was_added_is_placed_alike_everywhere(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    """An entry with no session stored, and a session added afterwards two days
    earlier: `entries --format json` and `export` both place it after that session
    (the file itself is never rewritten)."""
    answers = write_file(tmp_path / "g.toml", GROUNDING_ANSWERS)
    saved = cli("exercise", "grounding", "--at", "2026-11-12 09:00", "--answers", str(answers))
    assert saved.exit_code == 0, saved.output
    assert cli("session", "add", "2026-11-10").exit_code == 0
    [path] = entry_files(home)
    assert "session" not in tomllib.loads(path.read_text(encoding="utf-8"))

    [listed] = json.loads(cli("entries", "--format", "json").stdout)["entries"]
    [exported] = json.loads(cli("export", "--since", "2026-11-01", "--format", "json").stdout)[
        "entries"
    ]
    assert exported["session"] is not None and exported["phase"] == "after"
    assert (listed["session"], listed["phase"]) == (exported["session"]["id"], "after")
    listed_one = json.loads(cli("entries", "--session", "1", "--format", "json").stdout)
    assert [e["id"] for e in listed_one["entries"]] == [listed["id"]]


def test_a_realm_has_one_label_in_review_follow_up_and_practices(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    label = vocab.realm_label("balance")
    integrate = write_file(
        tmp_path / "i.toml",
        'balance_rating = 4\nbalance_practice = "Leave on time"\n',
    )
    done = cli(
        "integrate", "--realm", "balance", "--at", "2026-11-20 09:00", "--answers", str(integrate)
    )
    assert done.exit_code == 0, done.output
    review = cli("review", "--since", "2026-11-19", "--until", "2026-11-21", "--format", "markdown")
    assert f"| {label} |" in review.stdout
    listed = cli("practices", "--at", "2026-11-21 09:00")
    assert label in " ".join(listed.stdout.split())
    _, pending = practices.pending(datetime.fromisoformat("2026-11-21T09:00:00+00:00"))
    [question] = [s for s in integration.followup_steps(pending) if s.kind == "choice"]
    assert label in question.text


def test_activation_at_the_end_is_the_last_after_rating_everywhere(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    user_exercise(
        home,
        "twice",
        '[[steps]]\nid = "start"\nkind = "scale"\nrole = "activation-before"\ntext = "Now?"\n'
        '[[steps]]\nid = "mid"\nkind = "scale"\nrole = "activation-after"\ntext = "After?"\n'
        '[[steps]]\nid = "end"\nkind = "scale"\nrole = "activation-after"\ntext = "Again?"\n',
    )
    answers = write_file(tmp_path / "a.toml", "start = 7\nmid = 6\nend = 3\n")
    saved = cli("exercise", "twice", "--at", "2026-11-20 09:00", "--answers", str(answers))
    assert saved.exit_code == 0, saved.output
    assert "Activation: 7 → 3" in saved.stdout
    review = json.loads(cli("review", "--since", "2026-11-20", "--format", "json").stdout)
    [item] = review["activation"]["items"]
    assert (item["before"], item["after"]) == (7, 3)
    exported = json.loads(cli("export", "--since", "2026-11-20", "--format", "json").stdout)
    assert exported["entries"][0]["activation"] == {"before": 7, "after": 3}


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ('role = "part-fear"', "there is no role 'part-fear'"),
        ('role = "practice:work"', "names no realm"),
        ('role = "self:joy"', "names no Self quality"),
        ('role = "practice:body"\nrealm = "mind"', "has the realm 'mind' but the role"),
        ('realm = "heart"', "names the realm 'heart'"),
    ],
)
def test_a_mistyped_role_or_realm_is_an_error_when_the_file_loads(
    home: Path, step: str, problem: str
) -> None:
    user_exercise(home, "typo", f'[[steps]]\nid = "one"\nkind = "text"\ntext = "?"\n{step}\n')
    with pytest.raises(ExerciseFileError, match=problem):
        exercises.get("typo")


def test_every_role_in_the_shipped_exercises_is_in_the_vocabulary() -> None:
    roles = {s.role for ex in exercises.load_all() for s in ex.steps if s.role}
    assert roles and all(vocab.problem(r) is None for r in roles)


def test_the_entry_is_saved_before_any_part_file_and_parts_are_read_once(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts.create("The Critic")
    ex = exercises.get("protector")
    current = Run(
        exercise=ex,
        answers={"name_part": "The Critic", "fears": "being laughed at"},
    )
    order: list[str] = []
    real_create, real_read = parts.create, store.read_toml

    def create(name: str, **kwargs: object) -> parts.Part:
        order.append("part created")
        assert layout.entry_files(), "the entry must be on disk before a new part is created"
        return real_create(name, **kwargs)  # type: ignore[arg-type]

    reads: list[Path] = []

    def read(path: Path) -> dict[str, object]:
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(parts, "create", create)
    monkeypatch.setattr(part_record, "read_toml", read)
    entry = saving.save_run(current, datetime.fromisoformat("2026-11-20T09:00:00+01:00"))
    assert [p.name for p in entry.parts] == ["The Critic"]
    # the registry is listed once; the one part it changes is read again under its lock
    assert reads == [parts.part_path("the-critic")] * 2
    new = Run(exercise=ex, answers={"name_part": "Busy Bee"})
    saving.save_run(new, datetime.fromisoformat("2026-11-20T10:00:00+01:00"))
    assert order == ["part created"]
    assert parts.find("Busy Bee") is not None


def test_close_names_follow_one_rule_for_commands_exercises_and_parts(cli: Cli, home: Path) -> None:
    parts.create("The Critic")
    assert matching.closest("revew", ["review", "entries"]) == ["review"]
    assert "Did you mean review?" in cli("revew").output
    assert "Did you mean protector?" in cli("exercise", "protecter").stderr
    assert "Did you mean 'The Critic'?" in cli("parts", "show", "critc").stderr
    # one cut-off: what is too far for one is too far for all
    assert matching.closest("xyz", ["review", "protector", "the critic"]) == []


def test_the_grounding_offer_and_its_way_back_run_through_the_asker(home: Path) -> None:
    user_exercise(
        home,
        "rate",
        '[[steps]]\nid = "level"\nkind = "scale"\nrole = "activation-before"\ntext = "Level?"\n'
        '[[steps]]\nid = "after"\nkind = "text"\ntext = "And now?"\n',
    )
    asker = FakeAsker(
        {"level": 8, "after": "calmer", "distress": 4, "safe": True},
        [("ground yourself first", care_words.GROUND), ("Go on, or stop", care_words.GO_ON)],
    )
    saved = runner.run_exercise("rate", asker=asker)
    assert saved is not None
    assert asker.asked[0] == "level" and asker.asked[-1] == "after"
    assert "feet" in asker.asked and asker.asked.index("feet") < asker.asked.index("after")
    assert [a.step for a in saved.answers] == ["level", "after"]  # grounding is not saved here


def test_choosing_which_draft_to_resume_goes_through_the_asker(home: Path) -> None:
    user_exercise(
        home,
        "two",
        '[[steps]]\nid = "a"\nkind = "text"\ntext = "A?"\n'
        '[[steps]]\nid = "b"\nkind = "text"\ntext = "B?"\n',
    )

    class PauseAtB(FakeAsker):
        def ask(
            self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
        ) -> AnswerValue:
            if step.id == "b":
                raise Paused
            return super().ask(step, text, number, total, typed)

    for first in ("first", "second"):
        assert runner.run_exercise("two", asker=PauseAtB({"a": first})) is None
    assert len(drafts.load_all()) == 2
    listed = drafts.load_all()
    n = next(i for i, d in enumerate(listed, 1) if d.answers[0].value == "second")
    second = f"{n}. {drafts.label(listed[n - 1])}"  # both started the same minute: numbered
    chooser = FakeAsker({"b": "done"}, [("Which one", second)])
    saved = runner.resume(None, asker=chooser)
    assert saved is not None and saved.answer("a") is not None
    assert saved.answer("a").value == "second"  # type: ignore[union-attr]
    assert len(drafts.load_all()) == 1


def test_the_format_document_lists_every_role_of_the_vocabulary() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    for role in [*vocab.ROLES, *(f"{f}:<realm>" for f in vocab.REALM_FAMILIES)]:
        assert f"`{role}`" in text, role
    for quality in vocab.SELF_QUALITIES:
        assert f"`self:{quality}`" in text, quality


def test_the_close_name_offer_asks_through_the_askers_confirm(home: Path) -> None:
    parts.create("The Critic")
    step = Step(id="who", kind="part", role="part", text="Which part?")
    part = kinds.of("part")
    yes = FakeAsker(replies=[("Did you mean The Critic?", True)])
    assert part.settle(step, "the critc", yes) == "The Critic"
    no = FakeAsker(
        replies=[
            ("Did you mean The Critic?", False),
            ("like to do", "Start a new part called the critc"),
        ]
    )
    assert part.settle(step, "the critc", no) == "the critc"
    assert part.settle(step, "critic", FakeAsker()) == "critic"  # a fixed rule: not asked
    assert yes.questions[0] == no.questions[0] == "Did you mean The Critic?"


# --------------------------------------------------------------------------- is this a terminal

TERMINAL_OWNER = "render/terminal.py"
# questions about the terminal that only its one owner asks: calls, and the variables it reads
TERMINAL_CALLS = {"isatty", "get_terminal_size", "is_terminal"}
TERMINAL_WORDS = {"COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM"}
# a stream that stands in for stdout must answer isatty() for the stream it writes to
PASSES_THROUGH = {("render/plainly.py", "isatty")}


def terminal_questions(tree: ast.AST) -> list[str]:
    found = []
    for node in walked(tree):
        if isinstance(node, ast.Attribute) and node.attr in TERMINAL_CALLS:
            found.append(node.attr)
        elif isinstance(node, ast.Name) and node.id in TERMINAL_CALLS:
            found.append(node.id)
        elif isinstance(node, ast.Constant) and node.value in TERMINAL_WORDS:
            found.append(str(node.value))
    return found


def test_only_the_terminal_object_asks_whether_a_stream_is_a_terminal() -> None:
    """One owner for "is this a terminal", its size, colour and plain output: a second
    isatty() (or COLUMNS, NO_COLOR, TERM read elsewhere) is the drift issue 25 found, such as a
    progress bar on stderr decided by stdout."""
    src = Path(__file__).resolve().parents[1] / "src" / "partsjournal"
    elsewhere = {}
    for path in sorted(src.rglob("*.py")):
        where = path.relative_to(src).as_posix()
        asked = terminal_questions(parsed(path))
        asked = [q for q in asked if (where, q) not in PASSES_THROUGH]
        if asked and where != TERMINAL_OWNER:
            elsewhere[where] = asked
    assert elsewhere == {}
    owner = terminal_questions(parsed(src / TERMINAL_OWNER))
    assert {"isatty", "COLUMNS", "NO_COLOR", "TERM"} <= set(owner)  # the owner does ask


@pytest.mark.parametrize(
    "second",
    [
        "import sys\nif sys.stdout.isatty():\n    pass\n",
        "import os\nwidth = os.environ.get('COLUMNS')\n",
        "import shutil\nsize = shutil.get_terminal_size()\n",
        "def f(console):\n    return console.is_terminal\n",
        "import os\ncolour = 'NO_COLOR' not in os.environ\n",
    ],
)
def test_a_second_terminal_check_would_be_found(second: str) -> None:
    assert terminal_questions(ast.parse(second))


def test_only_the_output_owner_writes_files_outside_the_journal() -> None:
    """``private_dir=False`` (a file the person named, outside ``<home>``) is written only by
    ``render/output.write``, which checks the place first: a second writer would skip it."""
    src = Path(__file__).resolve().parents[1] / "src" / "partsjournal"
    writers = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        for node in walked(parsed(path))
        if isinstance(node, ast.keyword)
        and node.arg == "private_dir"
        and isinstance(node.value, ast.Constant)
        and node.value.value is False
    )
    assert writers == ["render/output.py"]


# ----------------------------------------------------------------------------- dates

SRC = Path(__file__).resolve().parents[1] / "src" / "partsjournal"


def _modules() -> list[tuple[str, ast.Module]]:
    return source_modules()


GAD7_ANSWERS = "".join(f"item_{n} = 0\n" for n in range(1, 8))  # a measure set up below

# every command that takes --at, and what else it needs to run without a terminal
AT_COMMANDS: dict[str, tuple[list[str], str]] = {
    "exercise": (["exercise", "grounding", "--answers", "-"], GROUNDING_ANSWERS),
    "ground": (["ground", "--answers", "-"], GROUNDING_ANSWERS),
    "integrate": (["integrate", "--answers", "-"], "body_rating = 5\n"),
    "note": (["note", "chest tight"], ""),
    "practices": (["practices", "--answers", "-"], ""),
    "measure take": (["measure", "take", "gad-7", "--answers", "-"], GAD7_ANSWERS),
}


def test_a_date_hint_names_only_options_its_command_has(cli: Cli, home: Path) -> None:
    """``note --at 2027-06-01`` once advised --future, which note does not have: every
    option a refusal names is one the command takes."""
    options: dict[str, set[str]] = {}
    for command, param, _ in command_options():
        options.setdefault(command, set()).update(getattr(param, "opts", []))
    assert {c for c, names in options.items() if "--at" in names} == set(AT_COMMANDS)
    set_up_measure("gad-7")
    for command, (args, stdin) in AT_COMMANDS.items():
        result = cli(*args, "--at", "2027-06-01", input=stdin)
        assert result.exit_code == 2, (command, result.output)
        assert "more than a day ahead" in result.stderr
        named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", result.stderr))
        assert "--at" in named and named <= options[command], (command, result.stderr)
        assert ("--future" in named) == ("--future" in options[command]), command
    assert entry_files(home) == []


# every option that takes a date, and a command line that gives it one
DATE_OPTIONS: dict[str, Callable[[str], tuple[list[str], str]]] = {
    "exercise --at": lambda d: (["exercise", "grounding", "--at", d, "--answers", "-"], GA),
    "ground --at": lambda d: (["ground", "--at", d, "--answers", "-"], GA),
    "integrate --at": lambda d: (
        ["integrate", "--realm", "body", "--at", d, "--answers", "-"],
        "body_rating = 5\n",
    ),
    "note --at": lambda d: (["note", "x", "--at", d], ""),
    "practices --at": lambda d: (["practices", "--at", d, "--answers", "-"], ""),
    "review --since": lambda d: (["review", "--since", d], ""),
    "review --until": lambda d: (["review", "--since", "2026-11-01", "--until", d], ""),
    "entries --since": lambda d: (["entries", "--since", d], ""),
    "entries --until": lambda d: (["entries", "--until", d], ""),
    "export --since": lambda d: (["export", "--since", d], ""),
    "export --until": lambda d: (["export", "--since", "2026-11-01", "--until", d], ""),
    "session add DATE": lambda d: (["session", "add", d], ""),
    "session edit --date": lambda d: (["session", "edit", "1", "--date", d], ""),
    "brief --since": lambda d: (["brief", "--since", d], ""),
    "brief --until": lambda d: (["brief", "--since", "2026-11-01", "--until", d], ""),
    "measure take --at": lambda d: (
        ["measure", "take", "gad-7", "--at", d, "--answers", "-"],
        GAD7_ANSWERS,
    ),
}
GA = GROUNDING_ANSWERS
DATE_WORDS = ["now", "today", "yesterday", "Yesterday 20:30", "today 07:15", "2026-11-22"]


def test_every_date_option_is_in_the_date_words_table() -> None:
    found = {
        f"{command} {param.opts[0] if param.param_type_name == 'option' else param.metavar}"
        for command, param, _ in command_options()
        if param.metavar == "DATE"
    }
    assert found == set(DATE_OPTIONS)


@pytest.mark.parametrize("word", DATE_WORDS)
@pytest.mark.parametrize("option", sorted(DATE_OPTIONS))
def test_date_words_work_alike_for_every_date_option(
    cli: Cli, home: Path, option: str, word: str
) -> None:
    """``--at now`` worked and ``--since now`` was refused; ``--at "yesterday 20:30"`` was
    refused. Now every date option reads the same words."""
    if option == "session edit --date":
        assert cli("session", "add", "2026-11-01").exit_code == 0
    if option.startswith("measure"):
        set_up_measure("gad-7")
    args, stdin = DATE_OPTIONS[option](word)
    result = cli(*args, input=stdin)
    assert result.exit_code == 0, (option, word, result.output)


@pytest.mark.parametrize("word", DATE_WORDS)
def test_a_date_word_names_the_same_day_as_a_date_and_as_a_moment(word: str) -> None:
    day = dates.parse_date(word)
    moment = dates.parse_datetime(word)
    assert day == moment.date()
    if word.lower().startswith("yesterday"):
        assert day == TODAY.date() - timedelta(days=1)
    elif word.lower().startswith(("now", "today")):
        assert day == TODAY.date()
    if " " in word:
        assert (moment.hour, moment.minute) == tuple(int(x) for x in word.split()[1].split(":"))


def test_date_words_are_read_only_in_core_dates() -> None:
    """A second reader of "today" or "yesterday" is how ``--since now`` came to differ."""
    readers = sorted(
        name
        for name, tree in _modules()
        for compare in walked(tree)
        if isinstance(compare, ast.Compare)
        for node in ast.walk(compare)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.strip().lower() in {"now", "today", "yesterday"}
    )
    assert readers == []  # core/dates reads them through its DAY_WORDS table


# formats that write a date into a file, not onto a screen: the calendar's and the entry id's
DATE_FORMATS_FOR_FILES = {"render/ics.py", "core/entry.py"}


def test_dates_are_formatted_for_the_screen_only_in_core_dates() -> None:
    """ "Sunday 6 December", "Sunday 06 December", "Thursday 2026-12-03" and "Thu 03 Dec"
    were four commands' forms of one kind of thing: a ``%`` date format anywhere else is a
    second owner."""
    formatters = sorted(
        name
        for name, tree in _modules()
        if name not in DATE_FORMATS_FOR_FILES | {"core/dates.py"}
        for node in walked(tree)
        if (
            isinstance(node, ast.FormattedValue)
            and node.format_spec is not None
            and "%" in ast.unparse(node.format_spec)
        )
        or (isinstance(node, ast.Attribute) and node.attr == "strftime")
    )
    assert formatters == []


def test_one_day_is_shown_one_way_by_every_command(cli: Cli, home: Path, tmp_path: Path) -> None:
    day = datetime(2026, 11, 5).date()
    long, short = dates.day_text(day), dates.short_day(day)
    assert (long, short) == ("Thursday 5 November 2026", "Thu 5 Nov")
    added = cli("session", "add", "2026-11-05")
    assert f"on {long}," in " ".join(added.stdout.split())
    shown = " ".join(cli("session", "show", "1").stdout.split())
    assert f"Session 1: ketamine, {long}" in shown
    assert f"({short} to " in shown  # the integration arc's first stage starts that day
    edited = cli("session", "edit", "1", "--label", "first")
    assert f"on {long}" in " ".join(edited.stdout.split())
    answers = write_file(tmp_path / "g.toml", GROUNDING_ANSWERS)
    saved = cli("ground", "--at", "2026-11-05 21:30", "--answers", str(answers))
    moment = dates.moment_text(datetime(2026, 11, 5, 21, 30))
    assert moment == "Thursday 5 November 2026, 21:30"
    assert moment in " ".join(saved.stdout.split())
    assert moment in " ".join(cli("show", "last").stdout.split())


# ------------------------------------------------------------------ user text on screen

# (what the person typed, how a message shows it)
SHOWN = [
    ("Café", "Café"),
    ("Café\tNoir", "Café\\tNoir"),
    ("two\nlines", "two\\nlines"),
    ("red\x1b[31mtext", "red\\x1b[31mtext"),
]


@pytest.mark.parametrize(("typed", "shown"), SHOWN)
@pytest.mark.parametrize(
    "command",
    [
        ["parts", "show", "{}"],  # There is no part called '...'
        ["parts", "add", "{}"],  # A part's name must be one line ... ('...' is not)
        ["exercise", "{}", "--answers", "-"],  # There is no exercise called '...'
        ["session", "show", "{}"],
    ],
)
def test_user_text_in_a_message_is_shown_one_way(
    cli: Cli, home: Path, command: list[str], typed: str, shown: str
) -> None:
    """``unicode_escape`` showed "Café" as ``Caf\\xe9``: the one catch point shows letters as
    they are and writes out controls, line breaks and tabs, on one line."""
    if typed == "Café" and command[:2] == ["parts", "add"]:
        typed = "Café\x07"  # a name that is refused, with a letter outside ASCII
        shown = "Café\\x07"
    result = cli(*(typed if arg == "{}" else arg for arg in command), input="")
    assert result.exit_code in (1, 2), result.output
    [line] = result.stderr.splitlines()
    assert f"'{shown}'" in line, line
    assert "\x1b" not in line and "\\xe9" not in line


def test_a_name_edited_by_hand_is_shown_by_the_same_rule(home: Path) -> None:
    part = parts.create("The Critic")
    data = part.to_dict() | {"name": "Café\nNoir"}
    with pytest.raises(JournalError) as caught:
        parts.check_edit(data, part)
    assert "'Café\nNoir'" in caught.value.message  # the message keeps the name exact ...
    assert "'Café\\nNoir'" in sentence(caught.value.message)  # ... the screen writes it out


def test_only_render_text_escapes_user_text() -> None:
    escapers = sorted(
        name
        for name, tree in _modules()
        for node in walked(tree)
        if isinstance(node, ast.Constant) and node.value in ("unicode_escape", "backslashreplace")
    )
    assert escapers == []


# ------------------------------------------- which part an answer with no part is about


def test_an_answer_with_no_part_is_about_the_same_part_everywhere(cli: Cli, home: Path) -> None:
    """An entry from before answers carried their part (or edited by hand), naming two
    parts: the part log, the review and the session notes all take its first part."""
    first, second = parts.create("The Critic"), parts.create("Little One")
    assert cli("session", "add", "2026-11-25").exit_code == 0
    answers = [
        ("part-needs", "To rest"),
        ("reflection", "It works so hard"),
        ("for-therapist", "Ask about the critic"),
        ("feel-toward", "wary"),
        ("feel-toward-after", "warmer"),
    ]
    saved = Entry(
        id=new_id(datetime(2026, 11, 20, 21, 0, tzinfo=TODAY.tzinfo)),
        created=datetime(2026, 11, 20, 21, 0, tzinfo=TODAY.tzinfo),
        exercise="protector",
        exercise_version=1,
        title="Meeting a protector part",
        answers=[
            Answer(step=role.replace("-", "_"), kind="text", prompt="?", value=v, role=role)
            for role, v in answers
        ],
        parts=[PartRef(first.id, first.name), PartRef(second.id, second.name)],
    )
    save_new(saved)
    assert all(saved.part_of(a) == first.id for a in saved.answers)

    first_log = " ".join(cli("parts", "show", "The Critic").stdout.split())
    second_log = " ".join(cli("parts", "show", "Little One").stdout.split())
    assert "To rest" in first_log and "To rest" not in second_log
    review = json.loads(cli("review", "--since", "2026-11-17", "--format", "json").stdout)
    [need] = review["highlights"]["needs"]
    [reflection] = review["highlights"]["reflections"]
    [note] = review["for_therapist"]
    [feel] = review["feel_toward"]
    assert {need["part"], reflection["part"], note["part"], feel["part"]} == {"The Critic"}
    upcoming = " ".join(cli("session", "show", "1").stdout.split())
    assert "(The Critic) Ask about the critic" in upcoming


# ----------------------------------------------------------------------- close names

NAMES = ["The Critic", "Critic Junior", "The Judge", "Little One", "Cricket", "My Sad One"]
TYPED = ["critc", "the critic", "THE  CRITIC", "judg", "little", "xyz", "Crit", "sad one", "a"]


@pytest.mark.parametrize("typed", TYPED)
def test_parts_are_matched_and_suggested_by_the_one_rule(home: Path, typed: str) -> None:
    """The parts registry once kept its own copy of the ranking; now both are
    core/matching's, so a part is suggested exactly when a command would be."""
    for name in NAMES:
        parts.create(name)
    close = matching.closest(typed, NAMES)
    assert [p.name for p in parts.suggest(typed)] == close
    same = matching.same(typed, NAMES, lambda n: [n])
    found = parts.find(typed)
    assert (found.name if found else None) == (same[0] if same else None)
    if found is None:
        with pytest.raises(UsageError) as caught:
            parts.resolve(typed)
        assert matching.did_you_mean(typed, NAMES, quote=True) in caught.value.message


def test_entries_by_part_use_the_same_names_as_the_parts_commands(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    """``entries --part`` compared names by its own casefold: "THE  CRITIC" found no entry
    that named the part in the entry only (an entry with no registry id)."""
    answers = write_file(tmp_path / "g.toml", GROUNDING_ANSWERS)
    assert cli("ground", "--at", "2026-11-20 09:00", "--answers", str(answers)).exit_code == 0
    [path] = entry_files(home)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("parts = []", '[[parts]]\nid = ""\nname = "The  Critic"\n', 1)
        if "parts = []" in text
        else text + '\n[[parts]]\nid = ""\nname = "The  Critic"\n',
        encoding="utf-8",
    )
    parts.create("The Critic")
    for typed in ("The Critic", "THE  CRITIC", "the critic "):
        listed = json.loads(cli("entries", "--part", typed, "--format", "json").stdout)
        assert listed["count"] == 1, typed


def test_names_are_compared_and_scored_only_in_core_matching() -> None:
    """A second ``casefold()`` comparison, score or cut-off is a second rule for names
    (sorting by ``casefold`` is not a comparison and stays where it is)."""
    others = sorted(
        name
        for name, tree in _modules()
        if name != "core/matching.py"
        for node in walked(tree)
        if (
            isinstance(node, ast.Attribute)
            and node.attr in {"score", "CUTOFF"}
            and isinstance(node.value, ast.Name)
            and node.value.id == "matching"
        )
        or (isinstance(node, ast.alias) and node.name == "difflib")
        or (
            isinstance(node, ast.Compare)
            and any(isinstance(n, ast.Attribute) and n.attr == "casefold" for n in ast.walk(node))
        )
    )
    assert others == []


# -------------------------------- the day a file name starts with; listing limits; plurals


def test_the_day_at_the_start_of_a_file_name_is_read_only_in_core_layout() -> None:
    """``name[:10]``, ``id[:4]``/``id[5:7]`` were written out in four modules."""

    def bounds(node: ast.Slice) -> tuple[object, object]:
        def value(part: ast.expr | None) -> object:
            return part.value if isinstance(part, ast.Constant) else part and ast.unparse(part)

        return value(node.lower), value(node.upper)

    readers = sorted(
        name
        for name, tree in _modules()
        if name != "core/layout.py"
        for node in walked(tree)
        if isinstance(node, ast.Slice) and bounds(node) in {(None, 10), (None, 7), (5, 7)}
    )
    assert readers == []
    assert layout.name_day("2026-11-20T211500-3f9a2c.toml") == "2026-11-20"
    assert layout.name_date("2026-02-30-x") is None
    assert layout.month_of("2026-11-20T2115") == (2026, 11)


LISTINGS = [["entries"], ["parts", "show", "The Critic"], ["practices"], ["session", "show", "1"]]


@pytest.mark.parametrize("command", LISTINGS)
def test_every_listing_says_and_uses_the_one_listing_limit(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """The help pages wrote "20" by hand in seven places: with a different limit, every
    help page says that number and never 20, and the listing shows that many."""
    monkeypatch.setattr(options, "LATEST", 3)
    BUILT.clear()  # the commands are made again, with the help this limit gives
    shown = " ".join(cli(*command[:-1] if len(command) > 1 else command, "--help").stdout.split())
    assert not re.search(r"\b20\b", shown)
    assert "default 3" in shown and ("latest 3" in shown or "first 3" in shown)
    assert options.how_many(None, False) == 3


def test_a_listing_shows_the_one_limit(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(options, "LATEST", 3)
    for hour in range(9, 14):
        write_entry(datetime(2026, 11, 20, hour, 0, tzinfo=TODAY.tzinfo), "grounding")
    listed = cli("entries")
    assert "The latest 3 of 5 entries (2 more" in " ".join(listed.stdout.split())


def test_a_count_is_said_by_one_rule() -> None:
    """``'s' if n != 1 else ''`` was written out fourteen times; now only core/wording
    chooses between one and many (two words, or two sentences, chosen by a count of one;
    "say how many only when more than one" is not that)."""
    choosers = sorted(
        name
        for name, tree in _modules()
        if name != "core/wording.py"
        for node in walked(tree)
        if isinstance(node, ast.IfExp)
        and isinstance(node.test, ast.Compare)
        and all(isinstance(op, ast.Eq | ast.NotEq) for op in node.test.ops)
        and any(isinstance(c, ast.Constant) and c.value == 1 for c in node.test.comparators)
        and (
            all(
                isinstance(b, ast.Constant) and isinstance(b.value, str)
                for b in (node.body, node.orelse)
            )
            or all(isinstance(b, ast.JoinedStr) for b in (node.body, node.orelse))
        )
    )
    assert choosers == []
    said = [plural(n, "entry", "entries") for n in (0, 1, 2)]
    assert said == ["0 entries", "1 entry", "2 entries"]


# ------------------------------------------------- reading a period: the owner the doc names


def test_only_the_period_reader_lists_entry_files() -> None:
    """docs/ARCHITECTURE.md names ``views/search.history`` the owner of reading the entries
    of a period; ``review`` read its files itself. ``core/session_edits`` walks every file
    to move entries to a session's new date, which is writing, not reading a period."""
    callers = sorted(
        name
        for name, tree in _modules()
        if name not in {"views/search.py", "core/layout.py", "core/entry.py"}
        for node in walked(tree)
        if isinstance(node, ast.Attribute | ast.Name)
        and (node.attr if isinstance(node, ast.Attribute) else node.id)
        in {"entry_files", "load_range"}
    )
    assert callers == ["core/session_edits.py"]


@pytest.mark.parametrize("period", [["--week"], ["--month"], ["--since", "2026-01-01"]])
def test_review_reads_its_period_through_history_and_lists_each_folder_once(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch, period: list[str]
) -> None:
    critic = parts.create("The Critic")
    for day in range(1, 24):
        write_entry(datetime(2026, 11, day, 20, 0, tzinfo=TODAY.tzinfo), "grounding")
    # a long period has more files than are read one by one: it is read from the index
    many = search.FEW_FILES + 10 if "--since" in period else 10
    for n in range(many):
        when = datetime(2026, 1, 1, 9, 0, tzinfo=TODAY.tzinfo) + timedelta(days=n * 300 // many)
        write_entry(when, "self-check")
    assert critic is not None
    for day in ("2026-06-01", "2026-10-20", "2026-11-18"):
        assert cli("session", "add", day).exit_code == 0
    assert cli("parts").exit_code == 0  # the index, as a journal in use has it
    asked: list[tuple[object, object]] = []
    real_history = search.history
    monkeypatch.setattr(
        search,
        "history",
        lambda since=None, until=None, **kw: (
            asked.append((since, until)) or real_history(since, until, **kw)
        ),
    )
    listed: Counter[str] = Counter()
    read: Counter[str] = Counter()
    real_list, real_read = reading._list_disk, reading._from_disk
    monkeypatch.setattr(
        reading, "_list_disk", lambda folder: listed.update([str(folder)]) or real_list(folder)
    )
    monkeypatch.setattr(
        reading, "_from_disk", lambda path: read.update([str(path)]) or real_read(path)
    )
    result = cli("review", *period, "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(asked) == 1
    assert listed and {f: n for f, n in listed.items() if n > 1} == {}
    assert str(home / "sessions") in listed
    assert {f: n for f, n in read.items() if n > 1} == {}


def test_a_new_review_section_is_one_entry_in_the_section_model_drawn_by_both(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen and the document walked the same twelve sections separately; now a section
    added to ``review_sections.SECTIONS`` (with every kind of block) shows in both."""

    def every_kind(review: object, esc: Callable[..., str]) -> list[review_sections.Block]:
        return [
            review_sections.Line("A line of ours", "note", command="partsjournal ground"),
            review_sections.Items([esc("an item with [brackets]")]),
            review_sections.Quotes([("some words", "who said them")]),
            review_sections.Table(
                ["Name", "Times"],
                [[review_sections.Cell("tea", bar=4), review_sections.Cell(count=3)]],
                right={1},
            ),
            review_sections.Chart([[review_sections.Cell("walk"), review_sections.Cell(bar=7)]]),
        ]

    monkeypatch.setattr(
        review_sections, "SECTIONS", [*review_sections.SECTIONS, ("A new look", every_kind)]
    )
    write_entry(datetime(2026, 11, 20, 9, 0, tzinfo=TODAY.tzinfo), "grounding")
    screen = cli("review").stdout
    document = cli("review", "--format", "markdown").stdout
    screen_lines = [line.rstrip() for line in screen.splitlines()]
    assert screen_lines[screen_lines.index("A new look") :] == [
        "A new look",
        "A line of ours partsjournal ground",
        "• an item with [brackets]",
        "“some words” — who said them",
        "████······ tea  \u00d73",  # the bar, its words, then the count
        "walk  ███████···",
    ]
    assert document.split("## A new look\n\n")[1] == (
        "A line of ours `partsjournal ground`.\n\n"
        "- an item with \\[brackets\\]\n\n"
        "> some words\n> — who said them\n\n"
        "| Name | Times |\n| --- | ---: |\n| tea | 3 |\n\n"
        "```text\nwalk #######...\n```\n"
    )
    # the same sections, in the same order, on the screen and in the document
    headings = re.findall(r"^## (.+)$", document, flags=re.M)
    assert [h for h in headings if h in screen_lines] == headings
    positions = [screen_lines.index(h) for h in headings]
    assert positions == sorted(positions)
