"""The five-minute primer comes first for a new journal: parts, the Self, blending, how to stop
and ground, and what this tool will not do."""

from __future__ import annotations

import tomllib
from pathlib import Path

from partsjournal.core import shipped
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import AutoAsker
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import TODAY
from tests.keys import CTRL_C, Typing, shown_in_order


def test_the_primer_is_five_minutes_of_reading_and_one_choice() -> None:
    ex = exercises.get("primer")
    assert ex.minutes <= 5
    topics = ["parts", "self", "blending", "stopping", "not_this"]
    assert [s.id for s in ex.steps][: len(topics)] == topics
    assert all(ex.step(t).kind == "guide" for t in topics)  # type: ignore[union-attr]
    asking = [s for s in ex.steps if s.asks]
    assert [s.role for s in asking] == ["next-step"]
    stopping = " ".join(ex.step("stopping").text.split())  # type: ignore[union-attr]
    assert "Ctrl-C" in stopping and "grounding" in stopping
    closing = " ".join(ex.steps[-1].text.split())  # commands only at the end (care's rule)
    assert "partsjournal ground" in closing and "partsjournal resume" in closing
    choices = " ".join(ex.step("next_step").choices or [])  # type: ignore[union-attr]
    assert "exercise unblend" in choices and "exercise protector" in choices


def test_walking_the_primer_saves_what_you_would_like_to_try(home: Path) -> None:
    ex = exercises.get("primer")
    asker = AutoAsker({})
    entry = runner.walk_and_save(Run(exercise=ex), asker, TODAY)
    assert entry is not None
    [answer] = entry.answers
    assert answer.role == "next-step" and answer.value == ex.step("next_step").choices[0]  # type: ignore[union-attr]


def test_new_journals_are_pointed_to_the_primer_first(cli: Cli, home: Path) -> None:
    assert "Start with: partsjournal exercise primer" in " ".join(cli("--help").stdout.split())
    listed = [line.split()[1] for line in cli("exercise").stdout.splitlines() if "│" in line[:3]]
    assert listed and listed[0] == "primer"
    assert "exercise primer" in cli("entries").stdout


def test_a_first_exercise_in_a_terminal_offers_the_primer(
    cli: Cli, home: Path, terminal: Typing
) -> None:
    with terminal.typing(CTRL_C):
        result = cli("exercise", "unblend")
    shown_in_order(result.stdout, "exercise primer", "Making a little room")


def test_no_offer_once_there_are_entries_or_without_a_terminal(
    cli: Cli, home: Path, tmp_path: Path, terminal: Typing
) -> None:
    offer = shipped.words("first-steps")["primer_first"]
    f = tmp_path / "a.toml"
    f.write_text(PROTECTOR_ANSWERS, encoding="utf-8")
    result = cli("exercise", "protector", "--answers", str(f))
    assert result.exit_code == 0 and offer not in " ".join(result.output.split())
    assert len(entry_files(home)) == 1
    with terminal.typing(CTRL_C):
        shown = cli("exercise", "unblend").stdout
    assert "Making a little room" in shown
    assert "exercise primer" not in shown[: shown.index("Making a little room")]
    saved = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert saved["exercise"] == "protector"
