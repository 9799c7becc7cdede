"""Every option that takes a date, a number, a name or a file, given something it cannot use:
one sentence on stderr, exit 2 (1 when the problem is found while running), no traceback,
and nothing written to the journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files

GROUND_OK = "distress = 3\nsafe = true\n"

# (args, stdin, exit code, words the one sentence must contain)
# "{missing}", "{dir}", "{latin1}", "{toml:...}" are files the test writes first.
TABLE: list[tuple[list[str], str | None, int, str]] = [
    # exercise NAME / --at / --part / --answers
    (["exercise", "protecter", "--answers", "-"], PROTECTOR_ANSWERS, 2, "Did you mean protector"),
    (["exercise", "../../etc/passwd", "--answers", "-"], PROTECTOR_ANSWERS, 2, "no exercise"),
    (["exercise", "", "--answers", "-"], PROTECTOR_ANSWERS, 2, "no exercise"),
    (
        ["exercise", "protector", "--at", "next tuesday", "--answers", "-"],
        PROTECTOR_ANSWERS,
        2,
        "--at",
    ),
    (
        ["exercise", "protector", "--at", "2026-02-30", "--answers", "-"],
        PROTECTOR_ANSWERS,
        2,
        "--at",
    ),
    (["exercise", "protector", "--at", "", "--answers", "-"], PROTECTOR_ANSWERS, 2, "--at"),
    (
        ["exercise", "protector", "--at", "0001-01-01", "--answers", "-"],
        PROTECTOR_ANSWERS,
        2,
        "between 1900",
    ),
    (
        ["exercise", "protector", "--at", "2026-03-04T10:00+25:00", "--answers", "-"],
        PROTECTOR_ANSWERS,
        2,
        "--at",
    ),
    (
        ["exercise", "protector", "--at", "2026-03-04T10:00+05:30:15", "--answers", "-"],
        PROTECTOR_ANSWERS,
        2,
        "whole minutes",
    ),
    (["exercise", "protector", "--part", "  ", "--answers", "-"], PROTECTOR_ANSWERS, 2, "--part"),
    (["exercise", "protector", "--answers", "{missing}"], None, 2, "does not exist"),
    (["exercise", "protector", "--answers", "{dir}"], None, 2, "Could not read"),
    (["exercise", "protector", "--answers", "{latin1}"], None, 2, "not UTF-8"),
    (["exercise", "protector", "--answers", "-"], "situation = ", 2, "not valid TOML"),
    (["exercise", "protector", "--answers", "-"], 'colour = "x"', 2, "step 'colour'"),
    (["exercise", "protector", "--answers", "-"], "activation_before = 11", 2, "0 to 10"),
    (["exercise", "protector", "--answers", "-"], "activation_before = -1", 2, "0 to 10"),
    (["exercise", "protector", "--answers", "-"], "activation_before = 7.5", 2, "0 to 10"),
    (["exercise", "protector", "--answers", "-"], 'activation_before = "seven"', 2, "0 to 10"),
    (["exercise", "protector", "--answers", "-"], 'next_step = "Pause here"', 2, "one of"),
    (
        ["exercise", "protector", "--answers", "-"],
        'name_part = "The\\tCritic"',
        2,
        "a name on one line",
    ),
    (["exercise", "protector"], None, 2, "--answers"),
    # ground --at / --answers
    (["ground", "--at", "soon", "--answers", "-"], GROUND_OK, 2, "--at"),
    (["ground", "--answers", "{missing}"], None, 2, "does not exist"),
    (["ground", "--answers", "-"], "distress = 12\nsafe = true", 2, "0 to 10"),
    (["ground", "--answers", "-"], 'distress = 2\nsafe = "maybe"', 2, "true or false"),
    (["ground", "--answers", "-"], "distress = 2", 2, "'safe'"),
    (["ground"], None, 2, "--answers"),
    # resume DRAFT / --answers (a paused protector draft exists, see the fixture below)
    (["resume", "99"], None, 2, "no single draft"),
    (["resume", "0"], None, 2, "no single draft"),
    (["resume", "../config"], None, 2, "no single draft"),
    (["resume", "1", "--answers", "{missing}"], None, 2, "does not exist"),
    (["resume", "1", "--answers", "-"], "purpose = 5", 2, "should be text"),
    (["resume", "1"], None, 2, "--answers"),
    # drafts discard DRAFT
    (["drafts", "discard", "7", "--yes"], None, 2, "no single draft"),
    (["drafts", "discard", "", "--yes"], None, 2, "no single draft"),
    (["drafts", "discard", "1"], None, 2, "--yes"),
    # config contact add NAME HOW / remove NAME / crisis-line TEXT
    (["config", "contact", "add", "", "call"], None, 2, "needs a name"),
    (["config", "contact", "add", "Sam", "  "], None, 2, "how to reach"),
    (["config", "contact", "remove", "Nobody"], None, 2, "no contact called"),
    (["config", "crisis-line", "  "], None, 2, "--clear"),
    (["config", "crisis-line"], None, 2, "--clear"),
    (["config", "crisis-line", "Line 1", "--clear"], None, 2, "--clear"),
    # session add DATE / --ics / show ID
    (["session", "add", "someday"], None, 2, "as a date"),
    (["session", "add", "2026-02-30"], None, 2, "as a date"),
    (["session", "add", "2026-11-19", "--ics", "{missing}/x.ics"], None, 2, "does not exist"),
    (["session", "show", "7"], None, 2, "no session '7'"),
    # integrate --realm / --before --after / --at / --session; practices --weeks
    (["integrate", "--realm", "heart", "--answers", "-"], "", 2, "no realm 'heart'"),
    (["integrate", "--before", "--after", "--answers", "-"], "", 2, "not both"),
    (["integrate", "--at", "soon", "--answers", "-"], "", 2, "--at"),
    (["integrate", "--session", "4", "--answers", "-"], "", 2, "no session '4'"),
    (["practices", "--weeks", "0"], None, 2, "--weeks"),
    (["practices", "--weeks", "x"], None, 2, "--weeks"),
    # review / entries / show / export dates, numbers, formats, files, names
    (["review", "--since", "nope"], None, 2, "--since"),
    (["review", "--since", "2026-11-10", "--until", "2026-11-01"], None, 2, "before --since"),
    (["review", "--ago", "-1"], None, 2, "--ago"),
    (["review", "--format", "pdf"], None, 2, "--format"),
    (["review", "--output", "{missing}/week.md"], None, 2, "does not exist"),
    (["review", "--week", "--month"], None, 2, "--week"),
    (["review", "--output", "{home}/config.toml"], None, 2, "inside the journal folder"),
    (
        ["export", "--since", "2026-11-01", "--output", "{home}/entries/x.md"],
        None,
        2,
        "inside the journal folder",
    ),
    (["entries", "--since", "nope"], None, 2, "--since"),
    (["entries", "--part", "Nobody"], None, 2, "no part called 'Nobody'"),
    (["show", "2026-01-01T000000-abcdef"], None, 2, "no entry"),
    (["show", ""], None, 2, "not an entry id"),
    (["export", "--since", "2026-11-01", "--format", "docx"], None, 2, "--format"),
    (["export", "--until", "nope"], None, 2, "--until"),
    (["export", "--since", "2026-11-01", "--exclude", "2026"], None, 2, "--exclude"),
    (["export", "--since", "2026-11-01", "--part", "Nobody"], None, 2, "no part called"),
    # parts NAME
    (["parts", "show", "Nobody"], None, 2, "no part called 'Nobody'"),
    (["parts", "rename", "Nobody", "Someone"], None, 2, "no part called 'Nobody'"),
    (["parts", "merge", "A", "B"], None, 2, "no part called 'A'"),
    (["parts", "edit", "Nobody", "--role", "manager"], None, 2, "no part called 'Nobody'"),
]


def _ids() -> list[str]:
    return [" ".join(a)[:60] + (f" <{s[:20]}>" if s else "") for a, s, _, _ in TABLE]


def _fill(arg: str, files: dict[str, str]) -> str:
    for key, path in files.items():
        arg = arg.replace(key, path)
    return arg


@pytest.fixture
def paused_draft(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One paused protector draft, as a terminal run would leave it."""
    from tests.journal_fixtures import paused_protector, written_once

    written_once("paused-protector", home, tmp_path_factory, paused_protector)
    [draft] = (home / "drafts").glob("*.toml")
    return draft


@pytest.mark.parametrize(("args", "stdin", "code", "needle"), TABLE, ids=_ids())
def test_bad_input_is_one_sentence_and_its_exit_code(
    cli: Cli,
    home: Path,
    tmp_path: Path,
    paused_draft: Path,
    args: list[str],
    stdin: str | None,
    code: int,
    needle: str,
) -> None:
    (tmp_path / "a-folder").mkdir()
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("situation = 'caf\u00e9'\n".encode("latin-1"))
    files = {
        "{missing}": str(tmp_path / "no-such.toml"),
        "{dir}": str(tmp_path / "a-folder"),
        "{latin1}": str(latin1),
        "{home}": str(home),
    }
    draft_before = paused_draft.read_bytes()
    result = cli(*[_fill(a, files) for a in args], input=stdin)
    assert result.exit_code == code, result.output
    assert needle in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("partsjournal: ")
    assert "Traceback" not in result.output
    assert entry_files(home) == []
    assert paused_draft.read_bytes() == draft_before
    assert not (home / "config.toml").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["config", "contact", "add", "Sam", "call"],
        ["config", "contact", "remove", "Sam"],
        ["config", "crisis-line", "Line 1"],
    ],
)
def test_changing_a_broken_config_is_a_runtime_failure(
    cli: Cli, home: Path, args: list[str]
) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_bytes(b"contacts = 3")
    result = cli(*args)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "config.toml" in result.stderr
    assert (home / "config.toml").read_bytes() == b"contacts = 3"


def test_resuming_a_draft_of_a_removed_exercise_is_a_runtime_failure(
    cli: Cli, home: Path, paused_draft: Path
) -> None:
    text = paused_draft.read_text(encoding="utf-8").replace(
        'exercise = "protector"', 'exercise = "gone-away"'
    )
    paused_draft.write_text(text, encoding="utf-8")
    result = cli("resume", "1")
    assert result.exit_code == 1
    assert "no longer installed" in result.stderr and str(paused_draft) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert paused_draft.read_text(encoding="utf-8") == text
