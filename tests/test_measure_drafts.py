"""A measure paused part-way keeps its answers, as every exercise does ("Ctrl-C pauses" is
true for questionnaires too), and ``partsjournal resume`` finishes it into a scored result."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core import drafts
from partsjournal.core import entry as entry_mod
from partsjournal.flow import care_words, measure_file, measure_run, measures_asked, runner
from partsjournal.flow.engine import Paused
from partsjournal.flow.exercises import Step
from partsjournal.flow.interrupts import TerminalGone
from partsjournal.views import measures
from tests.askers import PAUSE, FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import flat_screen
from tests.journal_fixtures import PLACEHOLDER_LABELS, set_up_measure
from tests.keys import SignalledWhileCollected, Typing, pick

ONE = PLACEHOLDER_LABELS[1]


def items(first: int, last: int, value: str = ONE) -> dict[str, Any]:
    return {f"item_{n}": value for n in range(first, last + 1)}


def paused_at(name: str, item: int, **extra: Any) -> tuple[measure_run.Stopped, FakeAsker]:
    m = set_up_measure(name)
    asker = FakeAsker({**items(1, item - 1), f"item_{item}": PAUSE}, **extra)
    with pytest.raises(measure_run.Stopped) as stopped:
        measure_run.take(m, asker, on_safety=measures_asked.safety_answered(m, asker))
    return stopped.value, asker


def test_a_pause_keeps_the_answers_given_in_a_draft_and_saves_no_result(home: Path) -> None:
    stop, _ = paused_at("gad-7", 3)
    assert stop.draft is not None and entry_files(home) == []
    [kept] = drafts.load_all()
    assert kept.id == stop.draft.id and kept.title == "GAD-7"
    assert kept.context[measure_run.MEASURE] == "gad-7"
    assert [(a.step, a.value) for a in kept.answers] == [("item_1", ONE), ("item_2", ONE)]


def test_resume_asks_only_what_is_left_and_saves_the_whole_result(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop, _ = paused_at("gad-7", 3)
    rest = FakeAsker(items(3, 7, PLACEHOLDER_LABELS[2]))
    saved = runner.resume(None, asker=rest)
    assert rest.asked == [f"item_{n}" for n in range(3, 8)]
    assert saved is not None and saved.id == stop.draft.id  # type: ignore[union-attr]
    result = measures.result(entry_mod.load(saved.path))  # type: ignore[arg-type]
    assert result is not None and result.total == 2 * 1 + 5 * 2
    assert drafts.load_all() == []  # the draft became the entry
    shown = flat_screen(capsys.readouterr().out)
    assert "Welcome back: GAD-7" in shown
    assert "Saved. Read it again with: partsjournal show last" in shown  # it said "Saved as last."


def test_a_pause_before_any_answer_keeps_nothing_and_says_how_to_start_again(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop, _ = paused_at("gad-7", 1)
    assert stop.draft is None and drafts.load_all() == []
    measures_asked.paused(measure_file.load("gad-7"), stop)
    said = flat_screen(capsys.readouterr().out)
    assert "nothing to keep" in said and "partsjournal measure take gad-7" in said


def test_what_the_screen_says_about_a_pause_is_what_happens(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop, _ = paused_at("gad-7", 4)
    m = measure_file.load("gad-7")
    assert "Ctrl-C pauses: your answers so far are kept" in measures_asked.intro(m)
    measures_asked.paused(m, stop)
    said = flat_screen(capsys.readouterr().out)
    assert "Your answers so far (3) are kept safely as a draft" in said
    assert f"partsjournal resume {stop.draft.id}" in said  # type: ignore[union-attr]


def test_going_back_rewrites_the_draft_at_once(home: Path) -> None:
    from tests.askers import BACK, Turns

    m = set_up_measure("gad-7")
    answers: dict[str, Any] = {"item_1": Turns(ONE, PLACEHOLDER_LABELS[3]), "item_2": BACK}
    asker = FakeAsker(answers)
    real = asker.ask

    def back_then_pause(step: Step, *args: Any, **kwargs: Any) -> Any:
        if step.id == "item_2" and asker.asked.count("item_1") == 2:
            [kept] = drafts.load_all()  # the answer changed after going back is kept at once
            assert [(a.step, a.value) for a in kept.answers] == [("item_1", PLACEHOLDER_LABELS[3])]
            raise Paused(step=step.id)
        return real(step, *args, **kwargs)

    asker.ask = back_then_pause  # type: ignore[method-assign]
    with pytest.raises(measure_run.Stopped):
        measure_run.take(m, asker)
    assert asker.asked == ["item_1", "item_2", "item_1"]


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), TerminalGone(signal.SIGTERM)])
def test_ctrl_c_between_questions_and_a_closed_terminal_keep_the_draft(
    home: Path, stop: BaseException
) -> None:
    m = set_up_measure("gad-7")
    asker = FakeAsker(items(1, 2))
    real = asker.ask

    def stopped_at_3(step: Step, *args: Any, **kwargs: Any) -> Any:
        if step.id == "item_3":
            raise stop
        return real(step, *args, **kwargs)

    asker.ask = stopped_at_3  # type: ignore[method-assign]
    expected = TerminalGone if isinstance(stop, TerminalGone) else measure_run.Stopped
    with pytest.raises(expected):
        measure_run.take(m, asker)
    [kept] = drafts.load_all()
    assert [a.step for a in kept.answers] == ["item_1", "item_2"]


def test_a_pause_at_care_s_question_asks_it_again_on_resume(home: Path) -> None:
    """Item 9 above its lowest answer brings the plain question; paused there, the draft
    keeps item 9, and going on asks the question before anything else."""
    m = set_up_measure("phq-9")
    asker = FakeAsker(items(1, 9))
    real = asker.select

    def pause_at_the_question(question: str, choices: list[str]) -> str:
        if question == care_words.THOUGHTS_ASK:
            raise Paused
        return real(question, choices)

    asker.select = pause_at_the_question  # type: ignore[method-assign]
    with pytest.raises(measure_run.Stopped):
        measure_run.take(m, asker, on_safety=measures_asked.safety_answered(m, asker))
    [kept] = drafts.load_all()
    assert len(kept.answers) == 9 and kept.care == []
    again = FakeAsker({}, [(care_words.THOUGHTS_ASK, "No")])
    saved = runner.resume(None, asker=again)
    assert again.questions == [care_words.THOUGHTS_ASK] and again.asked == []
    assert saved is not None
    assert [(i.kind, i.value) for i in saved.care] == [(rec.THOUGHTS, rec.NO)]
    assert measures.result(saved) is not None


def test_a_questionnaire_draft_goes_on_only_at_a_terminal(
    home: Path, cli: Cli, tmp_path: Path
) -> None:
    stop, _ = paused_at("gad-7", 3)
    f = tmp_path / "rest.toml"
    f.write_text("item_3 = 1\n", encoding="utf-8")
    for args in (["resume"], ["resume", "--answers", str(f)]):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        said = flat_screen(result.stderr)
        assert "a questionnaire part-way through" in said
        assert "partsjournal measure take gad-7 --answers FILE" in said
    assert [d.id for d in drafts.load_all()] == [stop.draft.id]  # type: ignore[union-attr]
    assert entry_files(home) == []


def test_answers_from_a_file_never_leave_a_draft(home: Path, cli: Cli, tmp_path: Path) -> None:
    set_up_measure("gad-7")
    f = tmp_path / "a.toml"
    f.write_text("".join(f"item_{n} = 1\n" for n in range(1, 8)), encoding="utf-8")
    assert cli("measure", "take", "gad-7", "--answers", str(f)).exit_code == 0
    assert drafts.load_all() == [] and len(entry_files(home)) == 1


def test_a_ctrl_c_between_two_items_is_kept_for_the_next_and_pauses(
    cli: Cli, terminal: Typing, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in every exercise: a Ctrl-C that comes as a signal between two items (raised
    inside a finalizer, Python would print it and drop it) pauses at the next item."""
    from partsjournal.render import screens

    set_up_measure("gad-7")
    real_header = screens.step_header

    def header(step: Step, *args: Any, **kwargs: Any) -> None:
        real_header(step, *args, **kwargs)
        if step.id == "item_2":
            SignalledWhileCollected()  # made and dropped at once: its finalizer runs now

    monkeypatch.setattr(screens, "step_header", header)
    with terminal.typing(pick(2), pick(2), pick(2)):
        result = cli("measure", "take", "gad-7")
    assert result.exit_code == 0, result.output
    assert "Paused." in result.stdout and entry_files(home) == []
    [kept] = drafts.load_all()
    assert [a.step for a in kept.answers] == ["item_1"]  # item 2 was not answered past
