"""A tender part's note ("a few words so this is not lost, for your therapist") reaches the
review's "For your therapist" and the export however the run went on after it: back to the
part, a gentle close, stopping for today, or care holding the run after "not safe"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partsjournal.flow import care_words, exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.conftest import Cli
from tests.helpers import TODAY, flat_screen
from tests.pty_helpers import write_exercise, write_tiny_grounding

WATCH = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "How stirred up?"},
    {"id": "part", "kind": "part", "role": "part", "text": "Which part keeps watch?"},
    {"id": "fears", "kind": "text", "role": "part-fears", "text": "What does {part} fear?"},
    {"id": "tender", "kind": "yes_no", "optional": True, "text": "Did something young come?"},
    {"include": "tender-part", "when": {"step": "tender", "equals": True}},  # the shipped one
    {"id": "needs", "kind": "text", "role": "part-needs", "text": "What does {part} need?"},
    {"id": "thanks", "kind": "guide", "text": "Thank {part}."},
    {"id": "after", "kind": "scale", "role": "activation-after", "text": "And now?"},
]
NOTE = "It was terrified of the dark"
MET = {"level": 4, "part": "The Watcher", "fears": "x", "stirred_now": "", "tender": True}
MET |= {"tender_part": "Little One", "tender_note": NOTE, "needs": "Rest", "after": 3}
BACK = "Go back to The Watcher, gently"

# how the run went on after the note -> (rating after the tender part, the replies)
AFTER: dict[str, tuple[int, list[tuple[str, bool | str]]]] = {
    "back to the part": (3, [(care_words.TENDER_ASK, BACK)]),
    "a gentle close": (
        9,
        [(care_words.TENDER_ASK, care_words.TENDER_CLOSE), (care_words.SAFE, True)],
    ),
    "stopping for today": (
        10,
        [(care_words.TENDER_ASK, care_words.TENDER_STOP), (care_words.SAFE, True)],
    ),
    "held after not safe": (
        9,
        [
            (care_words.TENDER_ASK, care_words.TENDER_CLOSE),
            (care_words.SAFE, False),
            ("What is going on", "It is too much right now"),
            (care_words.HOLD_ASK, care_words.HOLD_STOP),
        ],
    ),
}


@pytest.mark.parametrize("how", list(AFTER))
def test_a_tender_part_note_reaches_the_review_and_the_export(
    home: Path, cli: Cli, how: str
) -> None:
    write_exercise(home, "watch", WATCH, close_from="thanks")
    write_tiny_grounding(home)
    level, replies = AFTER[how]
    answers: dict[str, Any] = {**MET, "stirred_after_tender": level, "distress": 5, "safe": True}
    asker = FakeAsker(answers, replies)
    assert runner.walk_and_save(Run(exercise=exercises.get("watch")), asker, TODAY) is not None
    assert asker.replies == []
    review = flat_screen(cli("review", "--week").stdout)
    notes = review[review.index("For your therapist") :]
    assert f"Mon 23 Nov (about Little One): {NOTE}" in notes
    assert f"> {NOTE}" in cli("export", "--since", "2026-11-17").stdout
