"""Going back one step: the previous answered question comes back with its answer ready
to edit, the draft follows at once, and the same works when typed (Esc, or "Go back one
step" in a list; under tmux in ``test_pty_tmux.py``)."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from partsjournal.core.answers import AnswerValue
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Paused, Run
from partsjournal.flow.exercises import Step
from tests.askers import BACK, FakeAsker, Turns
from tests.conftest import Cli, entry_files
from tests.keys import ENTER, ESC, Typing, line, lines, pick, shown_in_order
from tests.pty_helpers import Tiny, draft_files, write_exercise, write_tiny

WHEN = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)

STEPS = [
    {"id": "hello", "kind": "guide", "text": "Hello."},
    {"id": "what", "kind": "text", "text": "What is here?"},
    {"id": "level", "kind": "scale", "text": "How much?"},
    {"id": "name_part", "kind": "part", "role": "part", "text": "Which part?"},
    {"id": "note", "kind": "guide", "text": "Notice {part}."},
    {"id": "feel", "kind": "choice", "text": "Toward {part}?", "choices": ["curious", "tired"]},
    {"id": "ok", "kind": "yes_no", "text": "All right?"},
]


def saved_answers(home: Path) -> dict[str, Any]:
    (entry,) = entry_files(home)
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    return {a["step"]: a["value"] for a in data["answers"]}


def test_going_back_offers_the_earlier_answer_and_saves_the_new_one(home: Path) -> None:
    write_exercise(home, "walk", STEPS)
    asker = FakeAsker(
        {
            "what": "a meeting",
            "level": 6,
            "name_part": Turns("The Planer", "The Planner"),
            "feel": Turns(BACK, "curious", "curious"),
            "ok": Turns(BACK, False),
        }
    )
    runner.walk_and_save(Run(exercise=exercises.get("walk")), asker, WHEN)
    # from the list, back past the guide to the part's name; from the yes/no, back to the list
    assert asker.asked == [
        *("hello", "what", "level", "name_part", "note", "feel"),
        *("name_part", "note", "feel", "ok", "feel", "ok"),
    ]
    assert asker.offered == [("name_part", "The Planer"), ("feel", "curious")]
    (entry,) = entry_files(home)
    data = tomllib.loads(entry.read_text(encoding="utf-8"))
    assert {a["step"]: a["value"] for a in data["answers"]} == {
        "what": "a meeting",
        "level": 6,
        "name_part": "The Planner",
        "feel": "curious",
        "ok": False,
    }
    assert data["answers"][3]["prompt"] == "Toward The Planner?"
    assert [p["name"] for p in data["parts"]] == ["The Planner"]


def test_back_twice_walks_back_one_answered_question_at_a_time(home: Path) -> None:
    write_exercise(home, "walk", STEPS)
    asker = FakeAsker(
        {
            "what": Turns("a meeting", "a long meeting"),
            "level": Turns(6, BACK, 5),
            "name_part": Turns(BACK, "The Planner"),
            "feel": "tired",
            "ok": True,
        }
    )
    runner.walk_and_save(Run(exercise=exercises.get("walk")), asker, WHEN)
    assert asker.asked == [
        *("hello", "what", "level", "name_part", "level", "what", "level"),
        *("name_part", "note", "feel", "ok"),
    ]
    assert asker.offered == [("level", "6"), ("what", "a meeting"), ("level", "6")]
    answers = saved_answers(home)
    assert answers["what"] == "a long meeting" and answers["level"] == 5


def test_a_part_given_on_the_command_line_is_not_a_step_to_go_back_to(home: Path) -> None:
    write_exercise(home, "walk", STEPS)
    asker = FakeAsker({"what": "x", "level": Turns(2, 3), "feel": Turns(BACK, "tired"), "ok": True})
    runner.walk_and_save(Run(exercise=exercises.get("walk"), part_name="The Critic"), asker, WHEN)
    assert asker.offered == [("level", "2")]
    assert saved_answers(home)["name_part"] == "The Critic"


def test_back_on_the_first_question_asks_it_again(home: Path) -> None:
    write_exercise(home, "walk", STEPS[:2])
    asker = FakeAsker({"what": Turns(BACK, "here")})
    runner.walk_and_save(Run(exercise=exercises.get("walk")), asker, WHEN)
    assert asker.asked == ["hello", "what", "what"]
    assert saved_answers(home) == {"what": "here"}


def test_the_draft_follows_a_step_back_at_once(home: Path) -> None:
    write_exercise(home, "walk", STEPS)

    class BackThenPause(FakeAsker):
        def ask(
            self, step: Step, text: str, number: int, total: int, typed: str = "", **kw: Any
        ) -> AnswerValue:
            if step.id == "level" and typed:
                (draft,) = draft_files(home)
                kept = tomllib.loads(draft.read_text(encoding="utf-8"))
                assert "level" not in {a["step"] for a in kept["answers"]}
                assert kept["pending"] == {"level": "7"}
                raise Paused(step=step.id)
            return super().ask(step, text, number, total, typed, **kw)

    asker = BackThenPause({"what": "x", "level": 7, "name_part": BACK})
    assert runner.walk_and_save(Run(exercise=exercises.get("walk")), asker, WHEN) is None
    # resuming offers the rating that was being changed, ready to edit
    resumed = FakeAsker({"level": 3, "name_part": "The Planner", "feel": "curious", "ok": True})
    runner.resume(None, asker=resumed)
    assert ("level", "7") in resumed.offered
    assert saved_answers(home)["level"] == 3


# --- typed ---------------------------------------------------------------------------


def test_esc_and_the_go_back_choice_when_typed(cli: Cli, terminal: Typing, home: Path) -> None:
    keys = [ENTER, lines("A busy day"), line("5"), line("The Planner"), line("shoulders")]
    # the list offers "Go back one step" at its end (after the feelings and "Pause here")
    keys += [pick(len(Tiny.FEELINGS) + 2)]
    # the body question again, its answer ready to edit: Esc from there goes back to the
    # part's name, also ready to edit; Enter keeps it; then add to the body's answer
    keys += [ESC, ENTER, line(" and neck"), pick(1)]
    keys += [ENTER]  # the optional last question, skipped
    keys += [ESC, lines("Some quiet"), ENTER]  # Esc on a page to read: the question before it
    with terminal.typing(*keys):
        result = cli("exercise", write_tiny(home))
    assert result.exit_code == 0, result.output
    shown_in_order(
        result.stdout,
        f"{Tiny.FEEL} The Planner?",
        "Esc goes back one step",
        f"{Tiny.BODY} The Planner?",
        Tiny.PART,
        f"{Tiny.BODY} The Planner?",
        f"{Tiny.NEEDS} The Planner?",
        "Optional: press Enter with nothing written to skip it.",
        Tiny.CLOSING,
        f"{Tiny.NEEDS} The Planner?",
        "Saved.",
    )
    answers = saved_answers(home)
    assert answers["body"] == "shoulders and neck"
    assert answers["name_part"] == "The Planner"
    assert answers["feel"] == Tiny.FEELINGS[0]
    assert answers["needs"] == "Some quiet"
    assert not draft_files(home)


def test_text_typed_before_going_back_is_offered_again_on_the_way_forward(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    keys = [ENTER, lines("A busy day"), line("5"), line("The Planner")]
    keys += ["should", ESC, ENTER, line("ers")]  # back from half an answer, then forward
    with terminal.typing(*keys, pick(1), ENTER, ENTER):
        assert cli("exercise", write_tiny(home)).exit_code == 0
    assert saved_answers(home)["body"] == "shoulders"


class PauseAtTheChange(FakeAsker):
    """Goes back as told, then pauses at the question it went back to."""

    def ask(
        self, step: Step, text: str, number: int, total: int, typed: str = "", **kw: Any
    ) -> AnswerValue:
        if typed:
            raise Paused(step=step.id)
        return super().ask(step, text, number, total, typed, **kw)


def test_resuming_with_an_answers_file_keeps_the_answer_being_changed(
    home: Path, tmp_path: Path
) -> None:
    write_exercise(home, "walk", STEPS)
    asker = PauseAtTheChange({"what": "x", "level": 7, "name_part": BACK})
    assert runner.walk_and_save(Run(exercise=exercises.get("walk")), asker, WHEN) is None
    (draft,) = draft_files(home)
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["pending"] == {"level": "7"}
    answers = tmp_path / "rest.toml"
    answers.write_text('name_part = "The Planner"\nfeel = "tired"\nok = true\n', encoding="utf-8")
    runner.resume(None, answers=str(answers))
    assert saved_answers(home)["level"] == 7


def test_going_back_past_a_gentle_close_takes_the_whole_way_again(home: Path) -> None:
    steps = [
        {"id": "one", "kind": "text", "text": "One?"},
        {"id": "two", "kind": "text", "text": "Two?"},
        {"id": "three", "kind": "text", "text": "Three?"},
        {"id": "close", "kind": "text", "text": "Close?"},
    ]
    path = write_exercise(home, "walk", steps)
    path.write_text('close_from = "close"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    current = Run(exercise=exercises.get("walk"), answers={"one": "a"})
    assert current.count() == (2, 4)
    assert current.close_gently()
    assert [s.id for s in current.visible_steps()] == ["one", "close"]
    assert current.count() == (2, 2)  # the counter counts the shorter way now
    # back from "close" to "one", before the point where the shorter way was chosen
    assert current.go_back()
    assert "close_from" not in current.context and current.pending == {"one": "a"}
    assert [s.id for s in current.visible_steps()] == ["one", "two", "three", "close"]
