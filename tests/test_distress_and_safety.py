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
from partsjournal.views.review_data import Said
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


# --- the exercise's own start and end ratings: in Activation, else here ------------------
#
# Walked by a clinician: a run rated 9 at the start, then "not safe", then held (no end
# rating). Activation said "No exercise this week recorded activation both before and after"
# and "Distress and safety" left the 9 out "because Activation shows it": it was nowhere.

START, OTHER, END = 9, 7, 4  # the ratings of the cases below, told apart by their values


def rated(start: bool, end: bool, others: bool, record: bool) -> list[Said]:
    """An entry on Sun 22 Nov rated ``START`` at the start and ``END`` at the end (as asked),
    with ``others`` a rating of ``OTHER`` and "not safe" between them: kept in its care record
    when ``record``, else (an entry without one) as its own answers, a grounding's. What the
    person gave, in order."""
    given: list[Said] = []
    answers: list[tuple[str, int | bool]] = []
    if start:
        given.append(Said(rec.RATING, START, rec.START))
        answers.append((vocab.ACTIVATION_BEFORE, START))
    if others:
        middle = rec.MIDDLE if record else rec.IN_GROUNDING
        given += [Said(rec.RATING, OTHER, middle), Said(rec.SAFE, False, middle)]
        answers += [(vocab.DISTRESS, OTHER), (vocab.SAFETY, False)]
    if end:
        given.append(Said(rec.RATING, END, rec.END))
        answers.append((vocab.ACTIVATION_AFTER, END))
    care = [CareItem(at(day(22), 21, n), s.kind, s.value, s.moment) for n, s in enumerate(given)]
    write(at(day(22)), "protector", answers, title=TITLE, care=care if record else None)
    return given


CASES = [
    pytest.param(start, end, others, record, id=f"{name}-{o_id}-{r_id}")
    for start, end, name in [
        (True, False, "start only"),
        (False, True, "end only"),
        (True, True, "both"),
        (False, False, "neither"),
    ]
    for others, o_id in [(True, "other ratings"), (False, "no other rating")]
    for record, r_id in [(True, "care record"), (False, "own answers")]
]


@pytest.mark.parametrize(("start", "end", "others", "record"), CASES)
def test_a_start_or_end_rating_is_left_out_exactly_when_activation_shows_the_pair(
    cli: Cli, start: bool, end: bool, others: bool, record: bool
) -> None:
    """Every rating the person gave is in Activation or in "Distress and safety", never in
    both and never in neither; what is not in Activation is in its place in the order."""
    given = rated(start, end, others, record)
    shown = start and end  # Activation shows an entry's pair only when it has both
    data = json.loads(cli("review", "--week", "--format", "json").stdout)
    pairs = [(a["before"], a["after"]) for a in data["activation"]["items"]]
    assert pairs == ([(START, END)] if shown else [])
    expected = [s for s in given if not (shown and s.moment in ACTIVATION)]
    said = [Said(**s) for c in data["grounding"]["items"] for s in c["said"]]
    assert said == expected
    # what the person reads: the review on screen says the same
    screen = flat_screen(cli("review", "--week").stdout)
    section = screen[screen.index("Distress and safety") : screen.index("Self-energy")]
    line = review_line(cli)
    assert (f"{LINE}{line}" in section) if expected else (line == "" and LINE not in section)
    assert (f"stirred up {START} of 10 (at the start)" in line) is (start and not shown)
    assert (f"stirred up {END} of 10 (at the end)" in line) is (end and not shown)
    assert (f"before {START}" in screen) is shown
    assert ("recorded activation both before and after" in screen) is (not shown)


def test_the_walk_a_run_held_before_its_end_keeps_its_start_rating_in_distress_and_safety(
    cli: Cli,
) -> None:
    """The clinician's walk, as the run kept it: 9 at the start, "not safe"; held; on coming
    back, 9 and "not safe" again. No end rating, so Activation has nothing to show."""
    care = [
        CareItem(at(day(22), 21, 0), rec.RATING, 9, rec.START),
        CareItem(at(day(22), 21, 1), rec.SAFE, False, rec.START),
        CareItem(at(day(22), 22, 0), rec.RATING, 9, rec.RESUME),
        CareItem(at(day(22), 22, 1), rec.SAFE, False, rec.RESUME),
    ]
    write(at(day(22)), "protector", [(vocab.ACTIVATION_BEFORE, 9)], title=TITLE, care=care)
    assert review_line(cli) == (
        "stirred up 9 of 10, did not feel safe (at the start); "
        "then stirred up 9 of 10, did not feel safe (on coming back after a hard moment)"
    )
    screen = flat_screen(cli("review", "--week").stdout)
    assert "No exercise this week recorded activation both before and after" in screen
    assert f"{LINE}{review_line(cli)}" in screen


def test_a_rating_activation_does_not_show_stays_in_distress_and_safety(cli: Cli) -> None:
    """Activation shows the first rating at the start and the last at the end (an exercise
    may ask again): a start rating changed on going back, and an earlier end rating, are
    said here, and only the two Activation shows are left out."""
    care = [
        CareItem(at(day(22), 21, 0), rec.RATING, 8, rec.START),  # then changed on going back
        CareItem(at(day(22), 21, 1), rec.RATING, 6, rec.START),
        CareItem(at(day(22), 21, 2), rec.RATING, 5, rec.END),
        CareItem(at(day(22), 21, 3), rec.RATING, 3, rec.END),
    ]
    answers = [
        (vocab.ACTIVATION_BEFORE, 6),
        (vocab.ACTIVATION_AFTER, 5),
        (vocab.ACTIVATION_AFTER, 3),
    ]
    write(at(day(22)), "protector", answers, title=TITLE, care=care)  # type: ignore[arg-type]
    data = json.loads(cli("review", "--week", "--format", "json").stdout)
    assert [(a["before"], a["after"]) for a in data["activation"]["items"]] == [(6, 3)]
    [item] = data["grounding"]["items"]
    assert [(s["value"], s["moment"]) for s in item["said"]] == [(8, "start"), (5, "end")]


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
    assert review_line(cli) == "distress 6 of 10, felt safe (in grounding)"


@pytest.mark.parametrize("moment", [rec.START, rec.END])
@pytest.mark.parametrize("safe", [True, False])
def test_a_safety_answer_is_read_with_the_rating_it_was_given_at(
    cli: Cli, moment: str, safe: bool
) -> None:
    """A second walk read "felt safe (at the start); then ..." with the 9 it was said at left
    out, because Activation showed that 9. A start or end rating a safety answer follows at
    the same moment stays in "Distress and safety", so the answer is read with its number;
    Activation still shows the pair."""
    rating = {rec.START: 9, rec.END: 8}
    care = [CareItem(at(day(22), 21, 0), rec.RATING, 9, rec.START)]
    if moment == rec.START:
        care.append(CareItem(at(day(22), 21, 1), rec.SAFE, safe, rec.START))
    care.append(CareItem(at(day(22), 21, 2), rec.RATING, 8, rec.END))
    if moment == rec.END:
        care.append(CareItem(at(day(22), 21, 3), rec.SAFE, safe, rec.END))
    answers = [(vocab.ACTIVATION_BEFORE, 9), (vocab.ACTIVATION_AFTER, 8)]
    write(at(day(22)), "protector", answers, title=TITLE, care=care)  # type: ignore[arg-type]
    data = json.loads(cli("review", "--week", "--format", "json").stdout)
    assert [(a["before"], a["after"]) for a in data["activation"]["items"]] == [(9, 8)]
    felt = "felt safe" if safe else "did not feel safe"
    where = "at the start" if moment == rec.START else "at the end"
    assert f"stirred up {rating[moment]} of 10, {felt} ({where})" in review_line(cli)
