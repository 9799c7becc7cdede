"""``entries``, ``show``, ``edit`` and ``export``: finding entries and sharing them."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from partsjournal.core import entry, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry
from tests.conftest import Cli
from tests.helpers import TODAY, fake_editor
from tests.journal_fixtures import at, day, make_part, protector, write


@pytest.fixture
def journal(home: Path) -> dict[str, Entry]:
    critic = make_part("The Critic", day(10))
    bee = make_part("Busy Bee", day(12))
    sessions.add(day(19), created=TODAY)
    return {
        "early": protector(at(day(3)), critic, situation="October feelings"),
        "critic": protector(at(day(18)), critic, situation="Planning the Session", needs="Rest"),
        "bee": protector(at(day(20)), bee, situation="Too many lists", reflection="It is tired"),
        "check": write(
            at(day(21), 9), "self-check", [("self:calm", 6), ("feel-toward", ["Warm", "Open"])]
        ),
        "late": protector(at(day(22)), critic, situation="Sunday dread"),
    }


def ids(result_stdout: str) -> list[str]:
    return [e["id"] for e in json.loads(result_stdout)["entries"]]


def test_entries_lists_everything_in_order(cli: Cli, journal: dict[str, Entry]) -> None:
    result = cli("entries")
    assert result.exit_code == 0, result.output
    out = result.stdout
    order = [out.index(journal[k].id) for k in ("early", "critic", "bee", "check", "late")]
    assert order == sorted(order)
    assert "The Critic" in out and "Too many lists" in out and "5 entries" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--since", "2026-11-18", "--until", "2026-11-20"], ["critic", "bee"]),
        (["--part", "the critic"], ["early", "critic", "late"]),
        (["--part", "BUSY BEE", "--since", "2026-11-01"], ["bee"]),
        (["--exercise", "self-check"], ["check"]),
        (["--session", "1"], ["critic", "bee", "check", "late"]),
        (["--grep", "SESSION"], ["critic"]),
        (["--grep", "open"], ["check"]),  # inside a list answer
        (["--grep", "tired", "--part", "The Critic"], []),
    ],
)
def test_entries_filters(
    cli: Cli, journal: dict[str, Entry], args: list[str], expected: list[str]
) -> None:
    result = cli("entries", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    assert ids(result.stdout) == [journal[k].id for k in expected]


def test_entries_json_rows(cli: Cli, journal: dict[str, Entry]) -> None:
    data = json.loads(cli("entries", "--format", "json", "--exercise", "protector").stdout)
    assert data["schema_version"] == 1 and data["count"] == 4
    row = data["entries"][1]
    assert row["parts"] == ["The Critic"] and row["first_words"] == "Planning the Session"
    assert row["day"] == "2026-11-18" and row["exercise"] == "protector"


def test_no_match_is_said_kindly(cli: Cli, journal: dict[str, Entry]) -> None:
    result = cli("entries", "--grep", "nothing like this")
    assert result.exit_code == 0 and "No entries match" in result.stdout


def test_show_by_full_id_and_by_prefix(cli: Cli, journal: dict[str, Entry]) -> None:
    e = journal["bee"]
    for ref in (e.id, e.id[:13]):
        result = cli("show", ref)
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "Meeting a protector part" in out and "Friday 20 November 2026, 21:00" in out
        assert "day 1 after session 1" in out
        assert "A question about situation?" in out and "Too many lists" in out
        assert "7 / 10" in out and "Busy Bee" in out


def test_show_finds_the_file_from_the_date_in_the_id(
    cli: Cli, journal: dict[str, Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    real = entry.read_toml
    monkeypatch.setattr(entry, "read_toml", lambda p: opened.append(p) or real(p))
    monkeypatch.setattr(entry, "entry_files", lambda *a, **k: pytest.fail("scanned entries"))
    assert cli("show", journal["late"].id).exit_code == 0
    assert opened == [journal["late"].path]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("2026-11-2", "fits 3 entries"),
        ("2026-11-25", "There is no entry '2026-11-25'"),
        ("hello", "'hello' is not an entry id"),
    ],
)
def test_show_bad_ids_are_one_sentence_exit_2(
    cli: Cli, journal: dict[str, Entry], ref: str, message: str
) -> None:
    result = cli("show", ref)
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.count("\n") == 1


# --------------------------------------------------------------------------- edit


def test_edit_saves_a_valid_change(
    cli: Cli, journal: dict[str, Entry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    e = journal["bee"]
    fake_editor(
        tmp_path, monkeypatch, "p.write_text(text.replace('Too many lists', 'Lists, lists'))"
    )
    result = cli("edit", e.id[:15])
    assert result.exit_code == 0, result.output
    assert "Saved your changes" in result.stdout
    assert entry.load(e.path).answer("situation").value == "Lists, lists"  # type: ignore[arg-type,union-attr]
    assert stat.S_IMODE(e.path.stat().st_mode) == 0o600  # type: ignore[union-attr]
    assert [p.name for p in e.path.parent.iterdir() if p.name.startswith(".")] == []  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("p.write_text('this is = = not toml')", "is not valid TOML"),
        ("p.write_text('')", "the file is empty"),
        (
            "p.write_text(text.replace('exercise = ', 'exercize = '))",
            "it has unknown keys ['exercize']",
        ),
        ("p.write_text(text.replace('schema = 1', 'schema = 0'))", "'schema' cannot go down"),
        ("p.write_text(text.replace('id = \"', 'id = \"x'))", "The id must stay"),
        (
            "p.write_text(text.replace('2026-11-20 21:00', '2026-11-21 21:00'))",
            "must stay on 2026-11-20",
        ),
        ("p.write_bytes(b'id = \"caf\\xe9\"')", "not UTF-8"),
        ("sys.exit(3)", "The editor stopped with an error"),
    ],
)
def test_a_broken_edit_is_refused_and_the_original_kept(
    cli: Cli,
    journal: dict[str, Entry],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    message: str,
) -> None:
    e = journal["bee"]
    assert e.path is not None
    before = e.path.read_bytes()
    fake_editor(tmp_path, monkeypatch, body)
    result = cli("edit", "--raw", e.id)
    assert result.exit_code == 1
    assert message in result.stderr and "unchanged" in result.stderr
    assert result.stderr.count("\n") == 1
    assert e.path.read_bytes() == before
    hidden = [p for p in e.path.parent.iterdir() if p.name.startswith(".")]
    if body == "sys.exit(3)":  # nothing was typed, so nothing is kept
        assert hidden == []
        return
    # what was typed is never thrown away: the copy stays, and the message says where
    [kept] = hidden
    assert f"kept in {kept}" in result.stderr
    assert kept.read_bytes() != before and kept.name.endswith(".edit.toml")


def test_edit_without_changes_and_without_an_editor(
    cli: Cli, journal: dict[str, Entry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_editor(tmp_path, monkeypatch, "pass")
    assert "No changes" in cli("edit", journal["bee"].id).stdout
    monkeypatch.delenv("EDITOR")
    monkeypatch.setenv("PATH", str(tmp_path / "no-editors-here"))
    result = cli("edit", journal["bee"].id)
    assert result.exit_code == 2 and "set $EDITOR" in result.stderr


# --------------------------------------------------------------------------- export


def test_export_markdown_has_entries_in_order_with_phases_and_parts(
    cli: Cli, journal: dict[str, Entry]
) -> None:
    result = cli("export", "--since", "2026-11-15")
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# Journal entries, 15 – 23 November 2026\n")  # noqa: RUF001
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == [
        "Wednesday 18 November 2026, 21:00 · Meeting a protector part",
        "Friday 20 November 2026, 21:00 · Meeting a protector part",
        "Saturday 21 November 2026, 09:00 · Self check",
        "Sunday 22 November 2026, 21:00 · Meeting a protector part",
    ]
    assert "*1 day before session 1 · part: The Critic · activation 7 → 4*" in md
    assert "**A question about situation?**\n\n> Too many lists" in md
    assert "> Warm, Open" in md


def test_export_selection_options(cli: Cli, journal: dict[str, Entry]) -> None:
    def chosen(*args: str) -> list[str]:
        result = cli("export", "--since", "2026-11-01", "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return [e["id"] for e in json.loads(result.stdout)["entries"]]

    j = journal
    assert chosen() == [j[k].id for k in ("early", "critic", "bee", "check", "late")]
    assert chosen("--part", "the critic") == [j[k].id for k in ("early", "critic", "late")]
    assert chosen("--part", "The Critic", "--part", "busy bee") == [
        j[k].id for k in ("early", "critic", "bee", "late")
    ]
    assert chosen("--exercise", "self-check") == [j["check"].id]
    assert chosen("--exclude", j["critic"].id, "--exclude", j["late"].id[:15]) == [
        j[k].id for k in ("early", "bee", "check")
    ]
    assert chosen("--part", "The Critic", "--exclude", j["early"].id) == [
        j[k].id for k in ("critic", "late")
    ]


# each way of choosing what an export holds -> what its header says it holds
EXPORT_HOLDS: dict[str, tuple[list[str], str]] = {
    "the dates alone": ([], "all those written on these dates."),
    "a part": (["--part", "The Critic"], "all those written on these dates that name The Critic."),
    "two parts": (
        ["--part", "The Critic", "--part", "Busy Bee"],
        "all those written on these dates that name The Critic or Busy Bee.",
    ),
    "an exercise": (
        ["--exercise", "self-check"],
        "all those written on these dates from the exercise self-check.",
    ),
    "entries left out": (
        ["--exclude", "2026-11-18"],
        "all those written on these dates, without those you chose to leave out.",
    ),
    "all of them": (
        ["--part", "The Critic", "--exercise", "protector", "--exclude", "2026-11-18"],
        "all those written on these dates that name The Critic from the exercise protector, "
        "without those you chose to leave out.",
    ),
}


@pytest.mark.parametrize("how", list(EXPORT_HOLDS))
def test_the_export_says_plainly_which_entries_it_holds(
    cli: Cli, journal: dict[str, Entry], how: str
) -> None:
    """Walked by a clinician: the header said "chosen to share", while the export holds every
    entry of its dates the options let through; nobody picked them one by one to share."""
    args, said = EXPORT_HOLDS[how]
    md = cli("export", "--since", "2026-11-01", *args).stdout
    count = len(
        json.loads(cli("export", "--since", "2026-11-01", "--format", "json", *args).stdout)[
            "entries"
        ]
    )
    entries = "1 entry" if count == 1 else f"{count} entries"
    assert f"\n{entries}: {said} Written with partsjournal" in md
    assert "chosen to share" not in md


def test_export_only_highlights_and_json_shape(cli: Cli, journal: dict[str, Entry]) -> None:
    result = cli(
        "export",
        "--since",
        "2026-11-20",
        "--until",
        "2026-11-20",
        "--format",
        "json",
        "--only-highlights",
    )
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1 and data["only_highlights"] is True
    assert (data["since"], data["until"], data["count"]) == ("2026-11-20", "2026-11-20", 1)
    item = data["entries"][0]
    assert [a["role"] for a in item["answers"]] == ["part-needs", "reflection"]
    assert item["session"]["number"] == 1 and item["phase"] == "after"
    assert item["when"] == "day 1 after session 1"
    assert item["parts"] == [{"id": "busy-bee", "name": "Busy Bee"}]
    assert item["activation"] == {"before": 7, "after": 4}
    md = cli("export", "--since", "2026-11-20", "--until", "2026-11-20", "--only-highlights").stdout
    assert "It is tired" in md and "Too many lists" not in md


def test_export_to_a_file(cli: Cli, journal: dict[str, Entry], tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    result = cli("export", "--since", "2026-11-01", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["count"] == 5
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "soon"], "Could not read --since 'soon'"),
        (["--since", "2026-11-10", "--until", "2026-11-01"], "is before --since"),
        (["--since", "2026-11-01", "--format", "pdf"], "Unknown --format 'pdf'"),
        (["--since", "2026-11-01", "--exclude", "2026-10-01T1"], "--exclude 2026-10-01T1 is not"),
        (["--since", "2027-01-01"], "after today"),
    ],
)
def test_export_bad_input_is_one_sentence_exit_2(
    cli: Cli, journal: dict[str, Entry], args: list[str], message: str, tmp_path: Path
) -> None:
    target = tmp_path / "brief.md"
    result = cli("export", *args, "--output", str(target))
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-11-31"], "Could not read --since"),
        (["--since", "2026-11-10", "--until", "2026-11-01"], "is before --since"),
        (["--format", "xml"], "Unknown --format 'xml'"),
        (["--session", "9"], "There is no session '9'"),
    ],
)
def test_entries_bad_input_is_one_sentence_exit_2(
    cli: Cli, journal: dict[str, Entry], args: list[str], message: str
) -> None:
    result = cli("entries", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("role", [*sorted(vocab.HIGHLIGHTS), f"{vocab.PRACTICE}:body"])
def test_only_highlights_lists_what_was_written_never_a_question_left_empty(
    cli: Cli, home: Path, role: str
) -> None:
    """Walked in a terminal: integrate's highlights for the therapist held about seventeen
    questions marked "(left empty)"; the highlights are what was said."""
    said = Answer("said", "text", "What did you notice?", "Rest, and less noise", role)
    left = Answer("left", "text", "Anything else to bring?", "", role)
    entry.save_new(
        Entry(
            id=entry.new_id(TODAY), created=TODAY, exercise="e", exercise_version=1, title="T",
            answers=[said, left],
        )
    )  # fmt: skip
    got = json.loads(cli("export", "--only-highlights", "--format", "json").stdout)
    assert [a["step"] for a in got["entries"][0]["answers"]] == ["said"]
    md = cli("export", "--only-highlights").stdout
    assert "Rest, and less noise" in md and "Anything else to bring?" not in md
    everything = cli("export").stdout  # the whole entry still says what was left empty
    assert "Anything else to bring?" in everything and "(left empty)" in everything
