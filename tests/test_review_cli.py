"""``partsjournal review`` from the command line: formats, files and cost."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from partsjournal.core import entry, sessions
from tests.conftest import Cli, entry_files
from tests.helpers import TODAY, flat
from tests.journal_fixtures import at, day, full_journal, make_part, protector, self_check

SECTIONS = ["Sessions", "Exercises", "Parts met", "Activation", "Distress and safety",
            "Self-energy", "Realms", "Practices", "Highlights"]  # fmt: skip


def test_rich_review_shows_every_section_in_order_without_colour_codes(
    home: Path, cli: Cli
) -> None:
    full_journal()
    result = cli("review", "--week")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    out = result.stdout  # not a terminal: plain
    positions = [out.index(f"\n{s}") for s in SECTIONS]
    assert positions == sorted(positions)
    out = flat(out)
    assert "Review: 17 – 23 November 2026" in out  # noqa: RUF001
    assert "6 entries · journaled on 6 of the last 7 days; 8 of the last 30" in out
    assert "streak" not in out.lower()  # what was done, never a streak that can break
    assert "session 2 (ketamine) on Thu 19 Nov; 1 entry before, 5 entries after" in out
    assert "Where you are now: day 4 after session 2." in out
    assert "activation eased by 2.3 on average" in out
    assert "Emotion, Spirit and Work/life balance got no attention this week" in out
    assert "“To slow down” — what Busy Bee needs" in out


def test_markdown_review_is_a_clean_document(home: Path, cli: Cli) -> None:
    full_journal()
    result = cli("review", "--format", "markdown")
    assert result.exit_code == 0, result.output
    md = result.stdout
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == [*SECTIONS, "Charts"]
    assert md.startswith("# Review: 17 – 23 November 2026\n")  # noqa: RUF001
    assert "\x1b[" not in md and "[bold" not in md and "[/" not in md
    assert "| The Critic | 2 |  |" in md and "| Busy Bee | 1 | new |" in md
    assert "| Body | 7 (Mon 23 Nov) | +2 | yes |" in md
    # no bare dashes: what is missing is said in words
    assert "| Spirit | not rated | nothing earlier | none |" in md
    # the charts are plain text inside fenced blocks
    blocks = re.findall(r"```text\n(.*?)```", md, flags=re.S)
    assert len(blocks) == 3  # activation, Self-energy, and the charts of the two weeks
    assert "Tue 17 Nov protector before  8 ########.. after  5 #####.....  -3" in blocks[0]
    assert "courage       ######....  6.0 +2" in blocks[1]
    assert "> Rest\n> — what The Critic needs, Tue 17 Nov in Meeting a protector part" in md


def test_json_review_is_stable_and_matches_the_files(home: Path, cli: Cli) -> None:
    full_journal()
    result = cli("review", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "schema_version", "today", "period", "previous_period", "empty", "summary", "sessions",
        "exercises", "parts", "activation", "grounding", "self_energy", "realms", "practices",
        "highlights", "patterns", "care", "for_therapist", "trailheads", "feel_toward",
    ]  # fmt: skip
    assert data["schema_version"] == 1
    assert data["period"] == {
        "kind": "week",
        "since": "2026-11-17",
        "until": "2026-11-23",
        "days": 7,
    }
    assert data["summary"] == {
        "entries": 6,
        "days_journaled": 6,
        "days": 7,
        "current_streak": 5,
        "days_last_7": 6,
        "days_last_30": 8,
    }
    assert data["sessions"]["items"][0]["date"] == "2026-11-19"
    assert data["activation"]["average_change"] == -2.3
    assert [i["change"] for i in data["activation"]["items"]] == [-3, 0, -4]
    assert data["realms"]["unattended"] == ["emotion", "spirit", "balance"]
    assert data["parts"]["items"][1] == {
        "id": "busy-bee", "name": "Busy Bee", "times": 1, "new": True, "first_met": "2026-11-19",
    }  # fmt: skip
    quality = data["self_energy"]["qualities"][0]
    assert quality == {"name": "calm", "average": 6.0, "previous": 4.0, "change": 2.0}
    assert data["practices"]["outcomes"][0]["outcome"] == "partly"


def test_empty_week_says_so_kindly_and_suggests_an_exercise(home: Path, cli: Cli) -> None:
    result = cli("review")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Nothing was written this week, and that is all right" in out
    assert "partsjournal exercise unblend" in out
    assert "No sessions recorded yet" in out
    md = cli("review", "--format", "markdown").stdout
    assert "## Sessions" in md and "## Activation" not in md
    assert json.loads(cli("review", "--format", "json").stdout)["empty"] is True


def test_missing_optional_data_is_said_plainly(home: Path, cli: Cli) -> None:
    protector(at(day(20)), None, needs="", reflection="")
    out = flat(cli("review").stdout)
    assert "No sessions recorded yet" in out
    assert "No parts named yet" in out
    assert "No Self-energy check-in this week" in out
    assert "No realm ratings or practices this week" in out
    assert "No practices chosen or followed up this week" in out
    assert "No needs or reflections written down this week" in out


def test_a_past_week_is_spoken_of_as_past(home: Path, cli: Cli) -> None:
    out = flat(cli("review", "--ago", "3").stdout)
    assert "Review: 27 October – 2 November 2026" in out  # noqa: RUF001
    assert "Nothing was written that week" in out


def test_since_until_and_month(home: Path, cli: Cli) -> None:
    protector(at(day(2)), None)
    protector(at(day(3)), None)
    data = json.loads(
        cli("review", "--since", "2026-11-02", "--until", "2026-11-02", "--format", "json").stdout
    )
    assert data["summary"]["entries"] == 1 and data["period"]["kind"] == "range"
    data = json.loads(cli("review", "--month", "--format", "json").stdout)
    assert data["period"]["since"] == "2026-10-25" and data["summary"]["entries"] == 2


def test_output_file_is_written_privately_and_leaves_its_folder_alone(
    home: Path, cli: Cli, tmp_path: Path
) -> None:
    full_journal()
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    target = folder / "week.md"
    result = cli("review", "--week", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Review:")  # the suffix chose markdown
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    plain = folder / "week.txt"
    assert cli("review", "--output", str(plain)).exit_code == 0
    assert plain.read_text(encoding="utf-8").startswith("Review: 17")
    missing = cli("review", "--output", str(tmp_path / "nowhere" / "x.md"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-02-30"], "Could not read --since '2026-02-30'"),
        (["--since", "2026-11-10", "--until", "2026-11-01"], "is before --since"),
        (["--format", "html"], "Unknown --format 'html'"),
        (["--week", "--month"], "Choose one of --week and --month"),
        (["--ago", "-2"], "0 or more"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(cli: Cli, args: list[str], message: str) -> None:
    result = cli("review", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


BROKEN = {
    "empty.toml": b"",
    "latin1.toml": "situation = 'caf\xe9'".encode("latin-1"),
    "notoml.toml": b"this is = = not toml",
    "foreign.toml": b"[tool]\nname = 'something else'\n",
}


def write_broken(home: Path) -> dict[Path, bytes]:
    folder = home / "entries" / "2026" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, raw in BROKEN.items():
        path = folder / f"2026-11-20T1200{len(written)}0-{name}"
        path.write_bytes(raw)
        written[path] = raw
    return written


@pytest.mark.parametrize(
    "args",
    [
        ["review"],
        ["review", "--format", "json"],
        ["entries"],
        ["entries", "--grep", "TEAM"],
        ["export", "--since", "2026-11-01"],
    ],
)
def test_unreadable_files_are_skipped_with_one_warning_each_and_never_rewritten(
    home: Path, cli: Cli, args: list[str]
) -> None:
    good = protector(at(day(20)), None)
    broken = write_broken(home)
    result = cli(*args)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == len(broken)
    for path in broken:
        assert sum(path.name in w for w in warnings) == 1
    assert {p: p.read_bytes() for p in broken} == broken
    assert good.id in result.stdout or '"entries": 1' in result.stdout or "1 entr" in result.stdout


def test_weekly_review_opens_only_the_files_of_the_week_and_the_week_before(
    home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cost follows the period: months of history are listed at most, never opened."""
    critic = make_part("The Critic", date(2026, 1, 1))
    sessions.add(day(19), created=TODAY)
    start = date(2025, 12, 1)
    for n in range(0, (date(2026, 11, 23) - start).days + 1, 3):
        protector(at(start + timedelta(days=n)), critic)
    self_check(at(day(12)), 5)
    opened: list[Path] = []
    real = entry.read_toml

    def recording(path: Path) -> dict[str, object]:
        opened.append(path)
        return real(path)

    monkeypatch.setattr(entry, "read_toml", recording)
    result = cli("review", "--week")
    assert result.exit_code == 0, result.output
    allowed = {d.isoformat() for d in (day(10) + timedelta(days=n) for n in range(14))}
    assert opened, "the review read no entries at all"
    outside = [p for p in opened if p.name[:10] not in allowed]
    assert outside == []
    assert len(opened) < len(entry_files(home)) / 10


def test_review_and_listing_paths_never_import_pydantic_or_questionary(
    home: Path, tmp_path: Path
) -> None:
    protector(at(day(20)), make_part("The Critic", day(20)))
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    some_id = entry_files(home)[0].stem
    commands = [
        ["review", "--week"],
        ["review", "--format", "json"],
        ["entries"],
        ["show", some_id],
        ["export", "--since", "2026-11-01"],
        ["parts"],
        ["parts", "show", "The Critic"],
        ["session", "list"],
        ["practices"],
        ["brief", "--format", "html"],
    ]
    # one program runs the commands in turn and notes, after each, every module loaded so
    # far whose name says pydantic or questionary: a module once loaded stays loaded, so
    # the first command to load one is the one named (a program per command costs 2 s)
    code = (
        "import json, re, sys\n"
        "from partsjournal.cli.root import main\n"
        "seen = []\n"
        "for args in json.loads(sys.argv[1]):\n"
        "    sys.argv, code = ['partsjournal', *args], None\n"
        "    try:\n        main()\n"
        "    except SystemExit as exc:\n        code = exc.code\n"
        "    heavy = sorted(m for m in sys.modules if re.search('pydantic|questionary', m))\n"
        "    seen.append([args, code, heavy])\n"
        "open(OUT, 'w').write(json.dumps(seen))\n"
    ).replace("OUT", repr(str(tmp_path / "seen.json")))
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(commands)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads((tmp_path / "seen.json").read_text(encoding="utf-8"))
    assert [args for args, _, _ in seen] == commands
    for args, code, heavy in seen:
        assert code in (0, None), (args, proc.stderr)
        assert heavy == [], args


def test_names_that_look_like_markup_are_printed_as_written(home: Path, cli: Cli) -> None:
    odd = make_part("[bold]Shouty[/bold]", day(20))
    protector(at(day(20)), odd, reflection="[red]not a colour[/]")
    result = cli("review")
    assert result.exit_code == 0, result.output
    assert "[bold]Shouty[/bold]" in result.stdout
    assert "[red]not a colour[/]" in result.stdout
