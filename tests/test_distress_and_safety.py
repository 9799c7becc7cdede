"""The review's "Distress and safety" and the export say every rating and every "do you feel
safe" answer where it was given, in the order given, in the same words for the same moment,
and each rating in the word its question used.

Walked by a clinician: the review listed, under "Grounding", every safety answer of an entry,
also those given after a tender part came close and on coming back to a paused run, so a run
that never grounded read "did not feel safe, then felt safe" under "Grounding", without the
rating on coming back; the export said "stirred up: 7 of 10, after grounding" where grounding
had asked "How much distress are you feeling right now?".
"""

from __future__ import annotations

import json

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core import vocabulary as vocab
from partsjournal.core.care_record import CareItem
from partsjournal.flow import care_words, exercises
from partsjournal.render.care_lines import MOMENT_WORDS
from tests.conftest import Cli
from tests.helpers import flat_screen
from tests.journal_fixtures import at, day, write

TITLE = "Meeting a protector part"
LINE = f"Sun 22 Nov, {TITLE}: "  # the entry's line in the review

# every moment a rating can be given at, every moment a safety answer can be kept with (None:
# a record that does not say, as the hold keeps it)
RATING_MOMENTS = [rec.START, rec.MIDDLE, rec.END, rec.IN_GROUNDING, rec.TENDER, rec.RESUME]
SAFE_MOMENTS = [rec.IN_GROUNDING, rec.TENDER, rec.RESUME, rec.MIDDLE, rec.START, rec.END, None]
# the ratings the exercise asks itself at its start and end: the review's Activation has them
ACTIVATION = (rec.START, rec.END)


def question_of(moment: str) -> str:
    """The question a rating at ``moment`` answered, as the person read it."""
    if moment == rec.IN_GROUNDING:
        [step] = [s for s in exercises.get("grounding").steps if s.role == vocab.DISTRESS]
        return step.text
    if moment in ACTIVATION:
        role = vocab.ACTIVATION_BEFORE if moment == rec.START else vocab.ACTIVATION_AFTER
        [step] = [s for s in exercises.get("protector").steps if s.role == role]
        return step.text
    return {
        rec.MIDDLE: care_words.MIDWAY,
        rec.TENDER: care_words.TENDER_LEVEL,
        rec.RESUME: care_words.RESUME_LEVEL,
    }[moment]


def kept(*items: tuple[str, int | bool, str | None]) -> None:
    """An entry on Sun 22 Nov whose care record is ``items`` (kind, value, moment), a minute
    apart in the order given."""
    care = [CareItem(at(day(22), 21, n), kind, value, moment) for n, (kind, value, moment) in (
        enumerate(items)
    )]  # fmt: skip
    write(at(day(22)), "protector", [("activation-before", 5)], title=TITLE, care=care)


def review_line(cli: Cli) -> str:
    """The entry's line under "Distress and safety" in the review's document ("" when it has
    none); the screen draws the same sections (render/review_sections.py)."""
    md = cli("review", "--week", "--format", "markdown").stdout
    section = md[md.index("## Distress and safety") :].split("\n## ")[0]
    found = [line for line in section.splitlines() if line.startswith(f"- {LINE}")]
    return found[0][len(LINE) + 2 :] if found else ""


def export_lines(cli: Cli) -> list[str]:
    """What the export says of each item of the care record, without its time."""
    out = cli("export", "--since", "2026-11-17").stdout
    return [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("- Sun 22 Nov")]


def said_where(text: str) -> list[str]:
    return [m for m, words in MOMENT_WORDS.items() if words in text]


@pytest.mark.parametrize(
    ("kind", "moment"),
    [(rec.RATING, m) for m in RATING_MOMENTS if m not in ACTIVATION]
    + [(rec.SAFE, m) for m in SAFE_MOMENTS],
    ids=lambda v: str(v),
)
def test_each_rating_and_safety_answer_is_said_where_it_was_given_as_the_export_says_it(
    cli: Cli, kind: str, moment: str | None
) -> None:
    value: int | bool = 9 if kind == rec.RATING else False
    kept((kind, value, moment))
    line = review_line(cli)
    [export] = export_lines(cli)
    said = "9 of 10" if kind == rec.RATING else "did not feel safe"
    assert said in line and said in export
    where = [] if moment is None else [moment]
    assert said_where(line) == where == said_where(export)  # one moment, one wording
    if kind == rec.RATING:  # the same word for the rating, in both
        assert line.split(" 9 of 10")[0] == export.split(": 9 of 10")[0]


@pytest.mark.parametrize("moment", ACTIVATION)
def test_the_exercise_own_start_and_end_ratings_stay_in_activation(cli: Cli, moment: str) -> None:
    kept((rec.RATING, 9, moment), (rec.SAFE, True, moment))
    line = review_line(cli)
    assert "9 of 10" not in line and said_where(line) == [moment]


@pytest.mark.parametrize("moment", RATING_MOMENTS)
def test_the_export_names_each_rating_by_the_word_of_its_question(cli: Cli, moment: str) -> None:
    kept((rec.RATING, 7, moment))
    [export] = export_lines(cli)
    word = export.split(": 7 of 10")[0]
    assert word in question_of(moment).casefold(), (word, question_of(moment))


def test_a_run_that_never_grounded_says_nothing_of_grounding_and_keeps_its_rating_on_return(
    cli: Cli,
) -> None:
    """The clinician's walk: a tender part came close at 9, "not safe" (kept, as the run then
    kept it, without where); paused; back later at 3, "safe"."""
    kept(
        (rec.RATING, 9, rec.TENDER),
        (rec.SAFE, False, None),
        (rec.RATING, 3, rec.RESUME),
        (rec.SAFE, True, rec.RESUME),
    )
    line = review_line(cli)
    assert line == (
        "stirred up 9 of 10 (after a tender part came close); then did not feel safe; "
        "then stirred up 3 of 10, felt safe (on coming back after a hard moment)"
    )
    assert "grounding" not in line.casefold()
    assert f"{LINE}{line}" in flat_screen(cli("review", "--week").stdout)  # and on screen
    data = json.loads(cli("review", "--week", "--format", "json").stdout)["grounding"]
    [item] = data["items"]
    assert item["said"] == [
        {"kind": "rating", "value": 9, "moment": "tender"},
        {"kind": "safe", "value": False, "moment": None},
        {"kind": "rating", "value": 3, "moment": "resume"},
        {"kind": "safe", "value": True, "moment": "resume"},
    ]
    # the fields older readers know keep their meaning
    assert (item["distress"], item["safe"], item["ratings"], item["said_safe"]) == (
        None, False, [], [False, True],
    )  # fmt: skip
    assert data["not_safe"] == 1


def test_a_grounding_pause_without_a_care_record_is_said_in_grounding(cli: Cli) -> None:
    write(at(day(22)), "grounding", [("distress", 6), ("safety", True)], title=TITLE)
    assert review_line(cli) == "distress 6 of 10, felt safe (after grounding)"
