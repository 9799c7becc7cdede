"""One bad file breaks nothing: a file nested hundreds of tables deep, or holding an
integer too long to read, in any kind of file, is skipped with the usual one-line
warning, like a wrongly typed field; an --answers file like that is refused with a
sentence; the exercise list shows the good exercises and names the bad."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partsjournal.core import store
from tests.conftest import Cli
from tests.journal_fixtures import written_once

# Text no journal file holds, in every shape the TOML reader (or Python) cannot take.
HOSTILE = {
    "lists 500 deep": "x = " + "[" * 500 + "]" * 500 + "\n",
    "inline tables 500 deep": "x = " + "{a = " * 500 + "1" + "}" * 500 + "\n",
    "dotted key 500 parts": ".".join(["a"] * 500) + " = 1\n",
    "table 900 deep": "[" + ".".join(["t"] * 900) + "]\nx = 1\n",
    "key of 1001 parts": ".".join(["k"] * 1001) + " = 1\n",
    "integer of 4400 digits": "x = " + "7" * 4400 + "\n",
    "deep under a good start": 'schema = 1\nid = "x"\nvalue = ' + "[" * 450 + "]" * 450 + "\n",
}

# Where each kind of file lives (the name of a file of that kind, under <home>).
KINDS = {
    "entry": "entries/2026/11/2026-11-18T100000-abcdef.toml",  # older than the good note
    "part": "parts/the-hostile.toml",
    "session": "sessions/2026-11-10.toml",
    "draft": "drafts/2026-11-21T100000-abcdef.toml",
    "config": "config.toml",
    "exercise": "exercises/hostile.toml",
}

READING = [
    ["entries", "--all"],
    ["review"],
    ["parts"],
    ["parts", "show", "The Critic"],
    ["session", "list"],
    ["drafts"],
    ["exercise"],
    ["config"],
    ["show", "last"],
    ["export", "--since", "2026-11-01", "--format", "json"],
    ["practices"],
]


@pytest.fixture
def good_journal(cli: Cli, home: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A note about The Critic, a session and a contact (written once per test process,
    see :func:`journal_fixtures.written_once`)."""

    def write(_: Path) -> None:
        note = ["note", "a good note", "--part", "The Critic", "--at", "2026-11-20 09:00"]
        assert cli(*note).exit_code == 0
        assert cli("session", "add", "2026-11-19").exit_code == 0
        assert cli("config", "contact", "add", "Sam", "555 0100").exit_code == 0

    written_once("good-journal", home, tmp_path_factory, write)


@pytest.mark.parametrize("shape", HOSTILE)
@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_file_of_any_kind_is_skipped_with_one_warning_by_every_command(
    good_journal: None, home: Path, cli: Cli, kind: str, shape: str
) -> None:
    bad = home / KINDS[kind]
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text(HOSTILE[shape], encoding="utf-8")
    named = 0
    for args in READING:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "something went wrong" not in result.stderr
        lines = result.stderr.splitlines()
        assert all(line.startswith("warning: ") for line in lines), (args, lines)
        mentions = [line for line in lines if str(bad) in line]
        assert len(mentions) <= 1, (args, mentions)  # one line per bad file, never a flood
        named += len(mentions)
        if args[0] == "exercise":
            assert "protector" in result.stdout  # the good ones are listed
            assert len(mentions) == (kind == "exercise")
        if args == ["entries", "--all"]:
            assert "a good note" in result.stdout
    assert named >= 1  # some command says which file it skipped, and why


@pytest.mark.parametrize("shape", HOSTILE)
def test_an_answers_file_like_that_is_refused_with_a_sentence(
    home: Path, cli: Cli, tmp_path: Path, shape: str
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(HOSTILE[shape], encoding="utf-8")
    result = cli("exercise", "grounding", "--answers", str(answers))
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert message.count("\n") == 0 and "could not be read because" in message
    assert str(answers) in message


def test_twenty_hostile_exercise_files_leave_the_good_ones_listed(home: Path, cli: Cli) -> None:
    folder = home / "exercises"
    folder.mkdir(parents=True)
    shapes = list(HOSTILE.values())
    for n in range(20):
        (folder / f"bad-{n:02d}.toml").write_text(shapes[n % len(shapes)], encoding="utf-8")
    (folder / "mine.toml").write_text(
        'name = "mine"\ntitle = "My own"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\nid = "a"\nkind = "text"\ntext = "What is here?"\n',
        encoding="utf-8",
    )
    result = cli("exercise")
    assert result.exit_code == 0
    assert "My own" in result.stdout and "protector" in result.stdout
    named = [line for line in result.stderr.splitlines() if "bad-" in line]
    assert len(named) == 20 and all(line.startswith("warning: ") for line in named)


@settings(max_examples=80, deadline=None)
@given(
    depth=st.integers(min_value=0, max_value=1200),
    digits=st.integers(min_value=1, max_value=6000),
    how=st.sampled_from(["list", "inline", "dotted", "header"]),
)
def test_reading_any_depth_or_length_is_data_or_a_reason_never_a_crash(
    depth: int, digits: int, how: str
) -> None:
    """The one parser returns data no deeper than MAX_DEPTH, or TOMLError with a reason."""
    number = "1" * digits
    text = {
        "list": f"x = {'[' * depth}{number}{']' * depth}\n",
        "inline": f"x = {'{a = ' * depth}{number}{'}' * depth}\n",
        "dotted": ".".join(["a"] * (depth + 1)) + f" = {number}\n",
        "header": "[" + ".".join(["t"] * (depth + 1)) + f"]\nx = {number}\n",
    }[how]
    nested = depth + (how == "header")  # tables or lists inside the top table
    refused = nested >= store.MAX_DEPTH or digits > 4300
    try:
        data = store.loads_toml(text)
    except store.TOMLError as exc:
        assert refused and exc.reason.startswith("it ")
        return
    assert not refused and data
