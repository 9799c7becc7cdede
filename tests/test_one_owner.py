"""Each rule has one owner, so every command tells the same story.

Which session an entry belongs to, a realm's label, activation at the end, an
entry's first words, close names, and the save order: each is decided in one
place, and these tests check that the commands that show it agree.
"""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from partsjournal import prompts
from partsjournal.core import drafts, layout, matching, part_record, parts, store
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import AnswerValue
from partsjournal.flow import care_words, exercises, integration, journal, runner
from partsjournal.flow.engine import Paused, Run
from partsjournal.flow.exercises import ExerciseFileError, Step
from partsjournal.views import practices
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import write_file

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
    entry = journal.save_run(current, datetime.fromisoformat("2026-11-20T09:00:00+01:00"))
    assert [p.name for p in entry.parts] == ["The Critic"]
    # the registry is listed once; the one part it changes is read again under its lock
    assert reads == [parts.part_path("the-critic")] * 2
    new = Run(exercise=ex, answers={"name_part": "Busy Bee"})
    journal.save_run(new, datetime.fromisoformat("2026-11-20T10:00:00+01:00"))
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
    questions: list[str] = []

    class Saying(prompts.InteractiveAsker):
        def __init__(self, reply: bool) -> None:
            super().__init__()
            self.reply = reply

        def confirm(self, question: str, *, default: bool = True) -> bool:
            questions.append(question)
            return self.reply

    assert Saying(True).offer_close_part("the critc") == "The Critic"
    assert Saying(False).offer_close_part("the critc") == "the critc"
    assert Saying(True).offer_close_part("critic") == "critic"  # a fixed rule: not asked
    assert questions == ["Did you mean The Critic?"] * 2


# --------------------------------------------------------------------------- is this a terminal

TERMINAL_OWNER = "render/terminal.py"
# questions about the terminal that only its one owner asks: calls, and the variables it reads
TERMINAL_CALLS = {"isatty", "get_terminal_size", "is_terminal"}
TERMINAL_WORDS = {"COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM"}
# a stream that stands in for stdout must answer isatty() for the stream it writes to
PASSES_THROUGH = {("render/plainly.py", "isatty")}


def terminal_questions(source: str) -> list[str]:
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
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
        asked = terminal_questions(path.read_text(encoding="utf-8"))
        asked = [q for q in asked if (where, q) not in PASSES_THROUGH]
        if asked and where != TERMINAL_OWNER:
            elsewhere[where] = asked
    assert elsewhere == {}
    owner = terminal_questions((src / TERMINAL_OWNER).read_text(encoding="utf-8"))
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
    assert terminal_questions(second)
