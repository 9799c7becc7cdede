"""The review shows grounding check-ins and a "not safe" answer gently, says what its
sparkline is, gives each highlight its exercise and part, and never leaves a bare dash."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry
from partsjournal.render.review import grounding_line, sparkline
from partsjournal.views import review
from partsjournal.views.review import collect
from tests.conftest import Cli
from tests.helpers import flat
from tests.journal_fixtures import WEEK, at, day, full_journal, make_part, protector, write


def grounding_week() -> None:
    full_journal()
    pause = "A grounding pause"
    write(at(day(12)), "grounding", [("distress", 8), ("safety", False)], title=pause)  # before
    write(at(day(18), 9), "grounding", [("distress", 6), ("safety", True)], title=pause)
    write(at(day(21), 23), "grounding", [("distress", 9), ("safety", False)], title=pause)


def test_the_grounding_check_ins_of_the_period_are_listed(home: Path) -> None:
    grounding_week()
    r = collect(WEEK, today=WEEK.until)
    assert [(c.day, c.distress, c.safe) for c in r.grounding] == [
        (day(18), 6, True),
        (day(21), 9, False),
    ]
    assert [c.day for c in r.not_safe] == [day(21)]


def test_a_not_safe_answer_is_named_gently_on_screen_and_in_the_document(cli: Cli) -> None:
    grounding_week()
    out = flat(cli("review").stdout)
    assert "Distress and safety" in out
    assert "Wed 18 Nov, A grounding pause: distress 6 of 10, felt safe (in grounding)" in out
    assert "Sat 21 Nov, A grounding pause: distress 9 of 10, did not feel safe (in" in out
    assert "On Sat 21 Nov you said you did not feel safe." in out
    assert "crisis line" in out and "partsjournal config" in out
    md = cli("review", "--format", "markdown").stdout
    assert "## Distress and safety" in md and "On Sat 21 Nov you said you did not feel safe." in md
    data = json.loads(cli("review", "--format", "json").stdout)["grounding"]
    assert data["not_safe"] == 1 and [i["safe"] for i in data["items"]] == [True, False]


def grounded(*said: int | bool) -> list[CareItem]:
    """A care record of grounding inside a run: each number a distress rating, each yes or
    no an answer to "do you feel safe right now?", a minute apart, in the order given."""
    return [
        CareItem(
            at(day(22), 21, minute),
            rec.SAFE if isinstance(value, bool) else rec.RATING,
            value,
            rec.IN_GROUNDING,
        )
        for minute, value in enumerate(said)
    ]


WALKED = grounded(9, False, 3, True)  # 9 and not safe; grounded again, 3 and safe
PROTECTOR = "Meeting a protector part"

G = " (in grounding)"  # care_lines.MOMENT_WORDS: the export's words for the moment
WALK_SAID = f"distress 9 of 10, did not feel safe{G}; then distress 3 of 10, felt safe{G}"

# what was said -> the line, and ``safe`` as JSON keeps it (False when any answer was no)
GROUNDING_SAID: dict[str, tuple[list[CareItem], str, bool | None]] = {
    "one rating": (grounded(6), f"distress 6 of 10{G}", None),
    "several equal ratings": (grounded(6, 6, 6), f"distress 6 of 10{G}", None),
    "several different ratings": (grounded(9, 5, 3), f"distress 9, then 5, then 3 of 10{G}", None),
    "no safety answer": (grounded(4), f"distress 4 of 10{G}", None),
    "all yes": (grounded(True, True), f"felt safe{G}", True),
    "all no": (grounded(False, False), f"did not feel safe{G}", False),
    "no then yes": (grounded(False, True), f"did not feel safe, then felt safe{G}", False),
    "yes then no": (grounded(True, False), f"felt safe, then did not feel safe{G}", False),
    "no, yes, no": (
        grounded(False, True, False),
        f"did not feel safe, then felt safe, then did not feel safe{G}",
        False,
    ),
    "one rating, one answer": (grounded(6, True), f"distress 6 of 10, felt safe{G}", True),
    "the walk: 9 not safe, later 3 safe": (WALKED, WALK_SAID, False),
    "the same rating at a second check": (
        grounded(7, False, 7, True),
        f"distress 7 of 10, did not feel safe{G}; then distress 7 of 10, felt safe{G}",
        False,
    ),
}


@pytest.mark.parametrize("case", list(GROUNDING_SAID), ids=list(GROUNDING_SAID))
def test_the_grounding_line_says_what_was_said_in_order_never_a_pair_across_moments(
    case: str,
) -> None:
    """Walked in a terminal: a protector run rated 9, grounded, said "not safe"; later
    grounded again, rated 3 and said "safe". The review said "distress 3 of 10, did not feel
    safe", a 3 and a no never said together."""
    care, expected, safe = GROUNDING_SAID[case]
    e = Entry(
        id="x", created=at(day(22)), exercise="protector", exercise_version=1,
        title=PROTECTOR, care=care,
    )  # fmt: skip
    [check_in] = review.build([e], [], [], WEEK).grounding
    assert grounding_line(check_in) == f"Sun 22 Nov, {PROTECTOR}: {expected}"
    assert check_in.safe is safe


def test_the_review_of_the_walked_run_says_both_moments_and_keeps_its_json(cli: Cli) -> None:
    write(at(day(22)), "protector", [("activation-before", 9)], title=PROTECTOR, care=WALKED)
    out = flat(cli("review", "--week").stdout)
    said = WALK_SAID
    assert f"Sun 22 Nov, {PROTECTOR}: {said}" in out
    assert "distress 3 of 10, did not feel safe" not in out
    assert "On Sun 22 Nov you said you did not feel safe." in out  # any no is still named
    md = cli("review", "--week", "--format", "markdown").stdout
    assert said in flat(md)
    [item] = json.loads(cli("review", "--week", "--format", "json").stdout)["grounding"]["items"]
    assert (item["distress"], item["safe"]) == (3, False)  # as before: the last, and any no
    assert (item["ratings"], item["said_safe"]) == ([9, 3], [False, True])


def test_the_not_safe_line_promises_only_what_an_empty_card_holds(cli: Cli) -> None:
    """Walked in a terminal with an empty card: the review said "Your support card has the
    details", and the card then said nobody is on it yet. True of any card: what it shows."""
    grounding_week()
    out = flat(cli("review").stdout)
    assert "has the details" not in out
    assert "To see your support card (who is on it, or where to find a crisis line)" in out


def test_a_week_without_grounding_says_where_it_is(cli: Cli) -> None:
    full_journal()
    out = flat(cli("review").stdout)
    assert "No distress ratings or safety answers this week" in out
    assert "did not feel safe" not in out


def test_the_activation_sparkline_says_what_it_shows(cli: Cli) -> None:
    full_journal()
    out = flat(cli("review").stdout)
    trend = sparkline([5, 6, 3])  # activation after each of the three protector entries
    assert f"Activation after each exercise, oldest first (a lower bar is calmer): {trend}" in out


def test_each_highlight_says_which_exercise_and_which_part(cli: Cli) -> None:
    critic = make_part("The Critic", day(1))
    protector(at(day(20)), critic, needs="Rest", reflection="It is scared")
    out = flat(cli("review").stdout)
    assert "“Rest” — what The Critic needs, Fri 20 Nov in Meeting a protector part" in out
    assert (
        "“It is scared” — reflection, Fri 20 Nov in Meeting a protector part, about The Critic"
        in out
    )
    md = cli("review", "--format", "markdown").stdout
    assert "> — reflection, Fri 20 Nov in Meeting a protector part, about The Critic" in md
    (quote,) = json.loads(cli("review", "--format", "json").stdout)["highlights"]["reflections"]
    assert (quote["part"], quote["exercise"]) == ("The Critic", "Meeting a protector part")


def test_no_bare_dash_stands_for_something_missing(cli: Cli) -> None:
    full_journal()  # mind has no earlier rating, spirit none this week
    for fmt in ("rich", "markdown"):
        text = cli("review", "--format", fmt).stdout
        body = [x for x in text.splitlines() if "Review:" not in x]  # the title's span has one
        assert not [x for x in body if re.search(r"(^|\s|\|)–(\s|\||$)", x)], fmt  # noqa: RUF001
    assert "nothing earlier" in cli("review", "--format", "markdown").stdout
