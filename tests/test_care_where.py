"""Every way care asks "Do you feel safe right now?" keeps where it was asked, so the review's
"Distress and safety" and the export can say it ("did not feel safe (after a tender part came
close)"): a clinician's walk found those answers kept with no moment, then read under
"Grounding"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import care_record as rec
from partsjournal.flow import care_words, exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.helpers import WHEN
from tests.pty_helpers import write_exercise, write_tiny_grounding

HARD = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "Level?"},
    {"id": "part", "kind": "part", "role": "part", "text": "Who?"},
    {"id": "fears", "kind": "text", "role": "part-fears", "text": "Fears?"},
    {"id": "tender", "kind": "yes_no", "optional": True, "text": "Something young?"},
    {"include": "tender-part", "when": {"step": "tender", "equals": True}},
    {"id": "thanks", "kind": "guide", "text": "Thank it."},
    {"id": "after", "kind": "scale", "role": "activation-after", "text": "Now?"},
]
TENDER = [
    {"id": "tw", "kind": "guide", "text": "Something young came close."},
    {"id": "tp", "kind": "part", "role": "exile", "text": "A name for it?"},
]
PAUSE = [  # a grounding of its own: only grounding asks about distress
    {"id": "distress", "kind": "scale", "role": "distress", "text": "How much distress?"},
    {"id": "safe", "kind": "yes_no", "role": "safety", "text": "Safe?"},
]
CALM = {"level": 2, "part": "The Guard", "fears": "x", "stirred_now": "", "tender": False}
NOT_NOW = ("ground yourself first", care_words.NOT_NOW)
STOP = ("Go on, or stop", care_words.STOP)

# where "do you feel safe" is asked -> (exercise, answers, replies)
ASKED: dict[str, tuple[str, dict[str, Any], list[tuple[str, bool | str]]]] = {
    rec.START: ("hard", {"level": 9}, [NOT_NOW, (care_words.SAFE, True), STOP]),
    rec.MIDDLE: ("hard", {**CALM, "stirred_now": 9}, [NOT_NOW, (care_words.SAFE, True), STOP]),
    rec.END: ("hard", {**CALM, "after": 9}, [NOT_NOW, (care_words.SAFE, True)]),
    rec.TENDER: (
        "hard",
        {**CALM, "tender": True, "tp": "Little One", "stirred_after_tender": 9, "after": 3},
        [(care_words.TENDER_ASK, care_words.TENDER_CLOSE), (care_words.SAFE, True)],
    ),
    rec.IN_GROUNDING: ("pause", {"distress": 3, "safe": True}, []),
}


@pytest.mark.parametrize("moment", list(ASKED))
def test_every_safety_answer_keeps_where_it_was_asked(home: Path, moment: str) -> None:
    write_exercise(home, "tender-part", TENDER)
    write_exercise(home, "hard", HARD, close_from="thanks")
    write_exercise(home, "pause", PAUSE)
    write_tiny_grounding(home)
    name, answers, replies = ASKED[moment]
    asker = FakeAsker(answers, replies)
    entry = runner.walk_and_save(Run(exercise=exercises.get(name)), asker, WHEN)
    assert entry is not None and asker.replies == []
    assert [(i.value, i.moment) for i in entry.care if i.kind == rec.SAFE] == [(True, moment)]
