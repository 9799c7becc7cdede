"""The step counter is honest: "step 3 of 14" only once the rest of the way no longer depends
on an answer still to come, "step 3" alone before, so no total it shows ever changes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from partsjournal.flow.exercises import Exercise, Step
from tests.askers import FakeAsker
from tests.pty_helpers import write_exercise

WHEN = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)

BRANCHING = [
    {"id": "open", "kind": "yes_no", "text": "Go the long way?"},
    {"id": "a", "kind": "text", "text": "A?", "when": {"step": "open", "equals": True}},
    {"id": "b", "kind": "text", "text": "B?", "when": {"step": "open", "equals": True}},
    {"id": "c", "kind": "text", "text": "C?"},
]


def walk(home: Path, answers: dict[str, object], *, part: str | None = None) -> FakeAsker:
    asker = FakeAsker(answers)
    ex = exercises.get("branching")
    runner.walk_and_save(Run(exercise=ex, part_name=part), asker, WHEN)
    return asker


def test_no_total_is_promised_while_a_branch_is_open(home: Path) -> None:
    write_exercise(home, "branching", BRANCHING)
    asker = walk(home, {"open": False, "c": "x"})
    # two or four steps, by the first answer: no total first; after "no", exactly two
    assert asker.counters == ["1", "2 of 2"]
    asker = walk(home, {"open": True, "a": "x", "b": "y", "c": "z"})
    assert asker.counters == ["1", "2 of 4", "3 of 4", "4 of 4"]


def test_a_step_that_goes_on_elsewhere_keeps_the_total_open_until_answered(home: Path) -> None:
    steps = [
        {"id": "one", "kind": "text", "text": "One?", "then": "three"},
        {"id": "two", "kind": "text", "text": "Two?"},
        {"id": "three", "kind": "text", "text": "Three?"},
    ]
    write_exercise(home, "branching", steps)
    assert walk(home, {"one": "x", "three": "z"}).counters == ["1", "2 of 2"]


def test_every_total_shown_in_a_shipped_exercise_is_the_number_asked(home: Path) -> None:
    """Walked with every optional question left out (and the rest answered), each total
    shown is the number of steps the run asks in the end."""
    from partsjournal.flow import kinds

    checked = 0
    for ex in exercises.load_all():
        answers = {}
        for step in ex.steps:
            kind = kinds.of(step.kind)
            if step.optional:
                answers[step.id] = kind.skipped(step)
            elif kind.asks:
                written = kind.example(step).strip('"')
                answers[step.id] = kind.check(step, True if written == "true" else written)
        if ex.phase is not None or any(
            c.phase or c.session is not None for s in ex.steps for c in s.conditions
        ):
            continue  # runs around a session: their own tests
        # the checks care makes on the way (not steps of the exercise): skipped
        asker = FakeAsker({**answers, "stirred_now": "", "stirred_after_tender": 2})
        runner.walk_and_save(Run(exercise=ex), asker, WHEN)
        steps = [sid for sid in asker.asked if ex.step(sid) is not None]
        totals = {int(c.split(" of ")[1]) for c in asker.counters if " of " in c}
        assert totals <= {len(steps)}, (ex.name, asker.counters)
        checked += bool(totals)
    assert checked >= 3  # exercises whose counter came to show a total


def test_total_is_exact_when_nothing_depends_on_later_answers(home: Path) -> None:
    write_exercise(home, "branching", [BRANCHING[0], BRANCHING[3]])
    assert walk(home, {"open": True, "c": "x"}).counters == ["1 of 2", "2 of 2"]


def test_a_part_given_on_the_command_line_is_not_counted(home: Path) -> None:
    steps = [
        {"id": "name_part", "kind": "part", "role": "part", "text": "Which part?"},
        {"id": "body", "kind": "text", "text": "Where is {part}?"},
    ]
    write_exercise(home, "branching", steps)
    assert walk(home, {"body": "chest"}, part="The Critic").counters == ["1 of 1"]


def walked(ex: exercises.Exercise, phase: str | None) -> list[str]:
    """The kinds of the steps a typical run asks: every question answered with its kind's
    example (a part named "A part", a list's first choice), except that an optional yes/no
    is left out, so no branch opens."""
    from partsjournal.flow import kinds

    run = Run(exercise=ex, phase=phase)
    while (step := run.next_step()) is not None:
        kind = kinds.of(step.kind)
        written = "A part" if kind.names_part else kind.example(step).strip('"')
        value = True if written == "true" or not kind.asks else written
        skip = step.optional and step.kind == "yes_no"
        run.answers[step.id] = kind.skipped(step) if skip else kind.check(step, value)
    return [s.kind for s in ex.steps if s.id in run.answers]


def test_every_shipped_exercise_says_about_as_many_minutes_as_a_run_takes() -> None:
    """An exercise's ``minutes`` (its "About 20 minutes") is within a factor of two of a run
    at each kind's typical pace (``Kind.seconds``), on the side of a session it is run for."""
    from partsjournal.flow import kinds

    for ex in exercises.load_all():
        by_phase = any(c.phase for s in ex.steps for c in s.conditions)
        for phase in ("before", "after") if by_phase else (ex.phase,):
            minutes = sum(kinds.of(k).seconds for k in walked(ex, phase)) / 60
            assert minutes / 2 <= ex.minutes <= max(2 * minutes, 1), (ex.name, phase, minutes)


AFTER_DAYS = [0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 75, 90, 105, 120, 130]


def answer(step: Step, way: str) -> object:
    """An answer to ``step``: the lowest (0, yes, the first choice), the highest (10, no, the
    last choice), the file's example, or, for ``skip``, nothing where that is allowed."""
    from partsjournal.flow import kinds

    kind = kinds.of(step.kind)
    if way == "skip" and step.optional:
        return kind.skipped(step)
    if step.kind == "scale":
        return 0 if way == "lowest" else 10
    if step.kind == "yes_no":
        return way != "highest"
    if step.choices:
        return step.choices[0] if way == "lowest" else step.choices[-1]
    written = kind.example(step).strip('"')
    return kind.check(step, True if written == "true" else written)


def every_way_through(way: str) -> list[tuple[Exercise, str | None, int | None, str]]:
    """(exercise, phase, day after the session, ``way`` of answering) for every shipped
    exercise, and integrate as the command builds it: outside a session, before one, and on
    each day of the arc after one."""
    from partsjournal.core import vocabulary as vocab
    from partsjournal.flow import integration

    cases = []
    for ex in [*exercises.load_all(), integration.integrate_exercise(list(vocab.REALMS), [])]:
        around = ex.phase is not None or any(
            c.phase or c.session is not None for s in ex.steps for c in s.conditions
        )
        moments = [(None, None)]
        if around:
            moments = [("before", None), *(("after", d) for d in AFTER_DAYS)]
        cases += [(ex, phase, day, way) for phase, day in moments]
    return cases


@pytest.mark.parametrize("way", ["lowest", "highest", "examples", "skip"])
def test_the_counter_goes_up_by_one_and_its_total_is_what_the_run_asks_every_way_through(
    home: Path, way: str
) -> None:
    """Every shipped exercise, answered four ways, outside a session, before one and on each
    day of the arc after one: the number goes up by one at each question, a total once shown
    is the number of questions the run asks, and the last question shows its total unless
    its own answer decides whether another step comes. (Walked in a terminal: integrate
    said "step 31" to its end, its grounding for each realm waiting on a question asked only
    for a realm rated 0 or 1, so no total was ever shown.)"""
    from partsjournal.flow import engine

    cases = every_way_through(way)
    assert {ex.name for ex, *_ in cases} >= {"protector", "integrate", "grounding"}
    for ex, phase, day, _ in cases:
        name = ex.name
        asker = FakeAsker({s.id: answer(s, way) for s in ex.steps if s.kind != "guide"})
        context = {} if day is None else {"day": str(day), "session": True}
        engine.run(Run(exercise=ex, phase=phase, context=context), asker)
        case = (name, phase, day, way, asker.counters)
        assert [int(c.split(" of ")[0]) for c in asker.counters] == list(
            range(1, len(asker.asked) + 1)
        ), case
        assert {int(c.split(" of ")[1]) for c in asker.counters if " of " in c} <= {
            len(asker.asked)
        }, case
        last = ex.step(asker.asked[-1])
        decides = last is not None and (
            last.then is not None or any(c.step == last.id for s in ex.steps for c in s.conditions)
        )
        assert decides or " of " in asker.counters[-1], case
