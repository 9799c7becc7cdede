"""Drafts: written after every step, listed, resumed with --answers, discarded."""

from __future__ import annotations

import stat
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import drafts
from partsjournal.core.answers import AnswerValue
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Paused, Run
from partsjournal.flow.exercises import Step
from tests.askers import FakeAsker, StopAfter
from tests.conftest import Cli, entry_files
from tests.helpers import WHEN, draft_answers
from tests.journal_fixtures import paused_protector
from tests.keys import Typing


def test_the_draft_is_rewritten_after_every_answered_step(home: Path) -> None:
    draft = paused_protector(home)
    assert draft.exercise == "protector"
    assert draft.exercise_version == exercises.get("protector").version
    assert draft.created == WHEN and draft.part_name == "The Critic"
    assert draft.pending == {"purpose": "half a sen"}
    by_step = {a.step: a for a in draft.answers}
    assert by_step["situation"].value == "The team meeting on Monday"
    assert by_step["situation"].role == "situation"
    assert "Which part of me" in by_step["name_part"].prompt
    assert "purpose" not in by_step
    assert draft.path is not None and stat.S_IMODE(draft.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "drafts").stat().st_mode) == 0o700


def test_a_finished_interactive_run_leaves_no_draft(home: Path) -> None:
    ex = exercises.get("protector")
    entry = runner.walk_and_save(Run(exercise=ex), StopAfter(home), WHEN)
    assert entry is not None
    assert list((home / "drafts").glob("*.toml")) == []
    assert len(entry_files(home)) == 1


def test_scripted_runs_do_not_leave_drafts(cli: Cli, home: Path, protector_answers: Path) -> None:
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    assert not (home / "drafts").exists()


def test_drafts_lists_and_resume_with_answers_finishes_the_entry(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    paused_protector(home)
    listing = cli("drafts")
    assert listing.exit_code == 0
    assert "Meeting a protector part" in listing.stdout and "The Critic" in listing.stdout
    rest = tmp_path / "rest.toml"
    rest.write_text(
        'purpose = "Keep me prepared"\nfeelings = "Tense"\nfears = "Laughter"\n'
        'strengths = "Careful"\nneeds = "Time"\nreflection = "Scared"\n'
        'feel_toward_end = "curious"\nactivation_after = 4\n'
        'next_step = "bring it to my therapist"\n',
        encoding="utf-8",
    )
    result = cli("resume", "1", "--answers", str(rest))
    assert result.exit_code == 0, result.output
    [entry] = entry_files(home)
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    got = {a["step"]: a["value"] for a in data["answers"]}
    assert got["situation"] == "The team meeting on Monday"  # from before the pause
    assert got["purpose"] == "Keep me prepared"  # from the answers file
    assert data["created"] == WHEN
    assert data["parts"] == [{"id": "the-critic", "name": "The Critic"}]
    assert list((home / "drafts").glob("*.toml")) == []
    assert "There are no paused exercises" in cli("drafts").stdout


def test_resume_with_missing_answers_keeps_the_draft(cli: Cli, home: Path, tmp_path: Path) -> None:
    draft = paused_protector(home)
    rest = tmp_path / "rest.toml"
    rest.write_text('purpose = "Keep me prepared"\n', encoding="utf-8")
    result = cli("resume", draft.id, "--answers", str(rest))
    assert result.exit_code == 2
    assert "feelings" in result.stderr
    assert draft_answers(home)["purpose"] == "Keep me prepared"  # kept for next time
    assert entry_files(home) == []


def test_answers_to_steps_that_no_longer_exist_are_kept(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    (home / "exercises").mkdir(parents=True)
    old = (
        'name = "check"\ntitle = "Check"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\nid = "mood"\nkind = "text"\ntext = "Mood?"\nrole = "situation"\n'
        '[[steps]]\nid = "level"\nkind = "text"\ntext = "Level?"\n'
        '[[steps]]\nid = "end"\nkind = "text"\ntext = "End?"\n'
    )
    (home / "exercises" / "check.toml").write_text(old, encoding="utf-8")
    ex = exercises.get("check")

    class Two(FakeAsker):
        def ask(
            self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
        ) -> AnswerValue:
            if step.id == "end":
                raise Paused
            return f"my {step.id}"

    runner.walk_and_save(Run(exercise=ex), Two(), WHEN)
    new = (
        'name = "check"\ntitle = "Check"\nsummary = "s"\nminutes = 1\nversion = 2\n'
        '[[steps]]\nid = "level"\nkind = "scale"\ntext = "Level 0-10?"\n'
        '[[steps]]\nid = "end"\nkind = "text"\ntext = "End?"\n'
    )
    (home / "exercises" / "check.toml").write_text(new, encoding="utf-8")
    rest = tmp_path / "rest.toml"
    rest.write_text('level = 3\nend = "done"\n', encoding="utf-8")
    result = cli("resume", "--answers", str(rest))
    assert result.exit_code == 0, result.output
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    rows = [(a["step"], a["value"], a.get("role")) for a in data["answers"]]
    assert ("mood", "my mood", "situation") in rows  # its step is gone: kept, with its role
    assert ("level", "my level", None) in rows  # no longer fits a scale: kept as written
    assert ("level", 3, None) in rows and ("end", "done", None) in rows
    assert data["exercise_version"] == 2


def test_discard_asks_without_yes_and_removes_with_yes(cli: Cli, home: Path) -> None:
    draft = paused_protector(home)
    refused = cli("drafts", "discard", "1")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert draft.path is not None and draft.path.exists()
    done = cli("drafts", "discard", draft.id[:19], "--yes")
    assert done.exit_code == 0, done.output
    assert not draft.path.exists()


def test_broken_draft_files_are_skipped_with_one_warning_each(cli: Cli, home: Path) -> None:
    paused_protector(home)
    bad = home / "drafts" / "2026-01-01T000000-000000.toml"
    bad.write_bytes(b"\xff\xfe not text")
    before = bad.read_bytes()
    result = cli("drafts")
    assert result.exit_code == 0
    assert "The Critic" in result.stdout
    assert result.stderr.count("warning") == 1 and str(bad) in result.stderr
    assert bad.read_bytes() == before


def test_resume_with_several_drafts_and_no_terminal_asks_for_one(cli: Cli, home: Path) -> None:
    paused_protector(home)
    result = cli("resume")  # one draft: no terminal and no --answers -> which flag to pass
    assert result.exit_code == 2 and "--answers" in result.stderr
    ex = exercises.get("protector")
    runner.walk_and_save(Run(exercise=ex), StopAfterAny(), WHEN + timedelta(hours=1))
    result = cli("resume")
    assert result.exit_code == 2 and "partsjournal resume 1" in result.stderr


class StopAfterAny(FakeAsker):
    def ask(
        self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
    ) -> AnswerValue:
        if step.id == "situation":
            raise Paused
        return step.kind != "yes_no"  # guides go on; optional yes/no checks are declined


@pytest.mark.parametrize("ref", ["3", "nope", "../../config"])
def test_resume_unknown_draft(cli: Cli, home: Path, ref: str) -> None:
    paused_protector(home)
    result = cli("resume", ref)
    assert result.exit_code == 2
    assert "no single draft" in result.stderr


def test_ctrl_c_between_prompts_is_a_pause_too(home: Path) -> None:
    class InterruptAtNeeds(StopAfter):
        def ask(
            self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
        ) -> AnswerValue:
            if step.id == "needs":
                raise KeyboardInterrupt
            return super().ask(step, text, number, total)

    ex = exercises.get("protector")
    assert runner.walk_and_save(Run(exercise=ex), InterruptAtNeeds(home), WHEN) is None
    kept = draft_answers(home)
    assert kept["strengths"] == "Careful" and "needs" not in kept


def test_a_hangup_while_a_pause_is_being_saved_waits_for_the_draft(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Closing a terminal ends its input first (a pause with the half-typed text), then sends
    # SIGHUP a moment later: that signal must not cut short the draft being written.
    import os
    import signal

    from partsjournal.flow.interrupts import TerminalGone

    real_save = drafts.save

    def save_then_hang_up(draft: drafts.Draft) -> None:
        if draft.pending:
            os.kill(os.getpid(), signal.SIGHUP)  # arrives in the middle of the save
        real_save(draft)

    monkeypatch.setattr(drafts, "save", save_then_hang_up)
    with pytest.raises(TerminalGone) as gone:
        ex = exercises.get("protector")
        runner.walk_and_save(Run(exercise=ex), StopAfter(home, "purpose"), WHEN)
    assert gone.value.exit_code == 129
    [draft] = drafts.load_all()
    assert draft.pending == {"purpose": "half a sen"}


def closing_under(error: int) -> Any:
    """A terminal that goes away while "half a sen" is typed: reading from or drawing on it
    fails with ``error`` (EIO, as prompt_toolkit's does when the window closes before the
    hangup signal arrives)."""
    import os

    def run(question: Any) -> None:
        question.application.current_buffer._set_text("half a sen")  # typed, not yet drawn
        raise OSError(error, os.strerror(error))

    return run


def test_a_terminal_failing_under_a_prompt_is_a_hangup_that_keeps_the_text(
    monkeypatch: pytest.MonkeyPatch, terminal: Typing
) -> None:
    import errno

    from partsjournal import prompts
    from partsjournal.flow.interrupts import TerminalGone

    step = exercises.get("protector").step("purpose")
    assert step is not None
    monkeypatch.setattr(prompts, "_run", closing_under(errno.EIO))
    with terminal.typing(), pytest.raises(TerminalGone) as gone:
        prompts.InteractiveAsker().ask(step, "What is it trying to do?", 3, 9)
    assert (gone.value.step, gone.value.partial, gone.value.exit_code) == (
        "purpose",
        "half a sen",
        129,
    )
    # any other failure is not a closed terminal, and is not dressed up as one
    monkeypatch.setattr(prompts, "_run", closing_under(errno.ENOSPC))
    with terminal.typing(), pytest.raises(OSError, match="No space"):
        prompts.InteractiveAsker().ask(step, "What is it trying to do?", 3, 9)
