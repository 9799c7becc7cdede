"""After a tender part comes close (observation 4): a distress check with grounding in place and
stopping listed first; back to the part in focus only when settled, otherwise a gentle close;
and no shell command in the middle of an exercise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import care_record as rec
from partsjournal.flow import care, care_words, exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.conftest import Cli
from tests.helpers import TODAY, flat_screen
from tests.hints import PROSE, hints_in
from tests.pty_helpers import write_exercise, write_tiny_grounding

WATCH = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "How stirred up?"},
    {"id": "part", "kind": "part", "role": "part", "text": "Which part keeps watch?"},
    {"id": "fears", "kind": "text", "role": "part-fears", "text": "What does {part} fear?"},
    {"id": "tender", "kind": "yes_no", "optional": True, "text": "Did something young come?"},
    {"include": "tender-part", "when": {"step": "tender", "equals": True}},
    {
        "id": "tender_back",
        "kind": "guide",
        "when": {"step": "tender", "equals": True},
        "text": "Turn back to {part}.",
    },
    {"id": "needs", "kind": "text", "role": "part-needs", "text": "What does {part} need?"},
    {"id": "thanks", "kind": "guide", "text": "Thank {part}."},
    {"id": "after", "kind": "scale", "role": "activation-after", "text": "And now?"},
    {"id": "closing", "kind": "guide", "text": "That is all."},
]
TENDER = [
    {"id": "tw", "kind": "guide", "text": "Something young came close; greet it from here."},
    {"id": "tp", "kind": "part", "role": "exile", "text": "A name for it?"},
    {"id": "ts", "kind": "guide", "text": "Feel your feet."},
]
BEFORE = {"level": 4, "part": "The Watcher", "fears": "Flooding", "stirred_now": "", "tender": True}
BEFORE |= {"tp": "Little One"}
REST = {"needs": "Rest", "after": 3}
BACK = "Go back to The Watcher, gently"


@pytest.fixture(autouse=True)
def watch(home: Path) -> None:
    write_exercise(home, "tender-part", TENDER)
    write_exercise(home, "watch", WATCH, close_from="thanks")
    write_tiny_grounding(home)


class Offered(FakeAsker):
    """Keeps the choices of every list it is asked."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lists: list[list[str]] = []

    def select(self, question: str, choices: list[str]) -> str:
        self.lists.append(choices)
        return super().select(question, choices)


def walk(asker: FakeAsker) -> Any:
    return runner.walk_and_save(Run(exercise=exercises.get("watch")), asker, TODAY)


def test_a_flood_is_checked_stopping_first_and_closes_gently(
    home: Path, cli: Cli, capsys: pytest.CaptureFixture[str]
) -> None:
    asker = Offered(
        {**BEFORE, **REST, "stirred_after_tender": 9},
        [(care_words.TENDER_ASK, care_words.TENDER_CLOSE), (care_words.SAFE, True)],
    )
    entry = walk(asker)
    assert entry is not None and asker.replies == []
    i = asker.asked.index("ts")
    assert asker.asked[i + 1] == "stirred_after_tender"  # right after the tender part's words
    assert asker.lists[0][0] == care_words.TENDER_STOP  # stopping listed first
    assert care_words.TENDER_GROUND in asker.lists[0] and BACK not in asker.lists[0]
    assert "tender_back" not in asker.asked and "needs" not in asker.asked
    assert asker.asked[-3:] == ["thanks", "after", "closing"]  # the gentle close
    # the first rating after a tender part: "still" would say it was a lot before
    assert "At 9 of 10, going back to The Watcher can wait" in flat_screen(capsys.readouterr().out)
    said = [(i.kind, i.value, i.moment) for i in entry.care]
    assert ("rating", 9, "tender") in said and ("stop", "closed gently", None) in said
    review = flat_screen(cli("review", "--week").stdout)
    assert "a tender part came close and it was a lot" in review


def test_settled_goes_back_to_the_part_in_focus(home: Path) -> None:
    asker = Offered({**BEFORE, **REST, "stirred_after_tender": 3}, [(care_words.TENDER_ASK, BACK)])
    entry = walk(asker)
    assert entry is not None and asker.lists == [
        [care_words.TENDER_STOP, care_words.TENDER_GROUND, care_words.CARD_CHOICE, BACK]
    ]
    assert asker.asked[asker.asked.index("stirred_after_tender") + 1 :][:2] == [
        "tender_back",
        "needs",
    ]


@pytest.mark.parametrize("level", [6, 7])
def test_not_settled_is_not_sent_back_to_the_protector(home: Path, level: int) -> None:
    asker = Offered(
        {**BEFORE, **REST, "stirred_after_tender": level},
        [(care_words.TENDER_ASK, care_words.TENDER_CLOSE)],
    )
    assert walk(asker) is not None
    assert BACK not in asker.lists[0] and "needs" not in asker.asked


def test_grounding_first_then_settled_goes_back(home: Path) -> None:
    asker = Offered(
        {**BEFORE, **REST, "stirred_after_tender": 7, "distress": 3, "safe": True},
        [(care_words.TENDER_ASK, care_words.TENDER_GROUND), (care_words.TENDER_ASK, BACK)],
    )
    entry = walk(asker)
    assert entry is not None and BACK not in asker.lists[0] and BACK in asker.lists[1]
    assert "needs" in asker.asked
    assert ("grounding", "done") in [(i.kind, i.value) for i in entry.care]


def test_stopping_after_a_flood_asks_about_safety_first(home: Path) -> None:
    asker = FakeAsker(
        {**BEFORE, "stirred_after_tender": 10},
        [(care_words.TENDER_ASK, care_words.TENDER_STOP), (care_words.SAFE, True)],
    )
    entry = walk(asker)
    assert entry is not None and asker.asked[-1] == "stopped_closing"
    assert ("stop", "stopped") in [(i.kind, i.value) for i in entry.care]


def test_a_flood_that_is_not_safe_is_held_by_care(home: Path) -> None:
    asker = FakeAsker(
        {**BEFORE, "stirred_after_tender": 10},
        [
            (care_words.TENDER_ASK, care_words.TENDER_CLOSE),
            (care_words.SAFE, False),
            ("What is going on", "I would rather not say"),
            (care_words.HOLD_ASK, care_words.HOLD_STOP),
        ],
    )
    entry = walk(asker)
    assert entry is not None and asker.replies == [] and "thanks" not in asker.asked


def test_the_check_comes_once_a_run(home: Path) -> None:
    assert care.TENDER == "tender-part"
    asker = Offered({**BEFORE, **REST, "stirred_after_tender": 2}, [(care_words.TENDER_ASK, BACK)])
    assert walk(asker) is not None and asker.asked.count("stirred_after_tender") == 1


def test_no_step_names_a_command_before_the_last_one() -> None:
    """A shell command in the middle of an exercise would send someone away from it."""
    found = []
    for f in sorted(exercises.builtin_dir().glob("*.toml")):
        ex = exercises.load_file(f)
        for step in ex.steps[:-1]:
            commands = [h for h in hints_in(step.text) if h.split()[0] not in PROSE]
            found += [f"{ex.name}:{step.id}: {c}" for c in commands]
    assert found == []


def test_the_tender_part_no_longer_points_to_an_empty_card_or_a_command() -> None:
    settle = exercises.load_file(exercises.builtin_dir() / "tender-part.toml").steps[-1]
    assert "partsjournal" not in settle.text and "support card" not in settle.text
    assert rec.TENDER == "tender"


@pytest.mark.parametrize(
    ("level", "back_at", "then"),
    [
        # paused at 9, "safe" never said since: how stirred up now, safe?, the choice again
        (9, 4, [(care_words.SAFE, True)]),
        (6, None, []),  # paused below 8: the choice again, nothing asked before it
    ],
    ids=["at 9, back at 4", "at 6"],
)
def test_a_pause_at_what_would_you_like_now_brings_the_choice_back(
    home: Path, level: int, back_at: int | None, then: list[tuple[str, bool | str]]
) -> None:
    """Walked in a terminal: a tender part at 9, Ctrl-C at "What would you like now?", and
    ``resume`` at 4 went straight back to the part in focus, the young part unmentioned and
    nothing chosen. The choice waits in the run and is asked again, stopping first."""
    from tests.askers import PausesAt

    paused = PausesAt(care_words.TENDER_ASK, {**BEFORE, "stirred_after_tender": level})
    assert walk(paused) is None
    answers = {**REST} | ({"stirred_on_return": back_at} if back_at is not None else {})
    again = Offered(answers, [*then, (care_words.TENDER_ASK, care_words.TENDER_STOP)])
    entry = runner.resume(None, asker=again)
    assert entry is not None and again.replies == [], (again.asked, again.questions)
    assert again.lists[0][0] == care_words.TENDER_STOP
    assert ("stirred_on_return" in again.asked) is (back_at is not None)
    assert "tender_back" not in again.asked and "needs" not in again.asked
    assert ("stop", "stopped") in [(i.kind, i.value) for i in entry.care]
