"""Taking a measure: its items asked one by one, scored, saved as a dated entry.

The result is an ordinary entry (``exercise`` is the measure's name), linked to its
session by the same rule as every entry (:func:`sessions.link`) and written by
:func:`entry.save_new`; besides each item's answer it keeps the total, the range and
the band, so a result reads the same even if the measure's file changes later.

At a terminal every answer is kept in a draft as it is given, as in every exercise: a
pause (Ctrl-C, a closed terminal) keeps what was answered (:class:`Stopped`), and
``partsjournal resume`` goes on from there (:func:`carry_on`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from partsjournal.core import care_record, dates, index, paths, sessions, store
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.care_record import CareItem
from partsjournal.core.drafts import Draft
from partsjournal.core.entry import Entry, is_entry_id, new_id, save_new
from partsjournal.core.errors import UsageError
from partsjournal.flow import interrupts
from partsjournal.flow.care_talk import Ended
from partsjournal.flow.draft_keeper import DraftKeeper
from partsjournal.flow.engine import Asker, Paused, Run, run
from partsjournal.flow.exercises import Exercise, Step
from partsjournal.flow.interrupts import TerminalGone, signals_held, stopping_signals_pause
from partsjournal.flow.measure_file import Measure
from partsjournal.flow.measure_score import Score, score

ANSWERS_LIMIT = 2**20  # an answers file for one questionnaire is a few lines
MEASURE = "measure"  # in a draft's context: the measure the draft is an answering of


class Stopped(Paused):
    """A measure paused before its last item; ``draft`` keeps what was answered (None when
    nothing was answered yet, so there was nothing to keep)."""

    def __init__(self, draft: Draft | None) -> None:
        super().__init__()
        self.draft = draft


def step_id(item: int) -> str:
    return f"item_{item}"


def as_exercise(measure: Measure) -> Exercise:
    """The measure as steps the engine can ask: one list of the scale's answers per item."""
    steps = [
        Step(
            id=step_id(n),
            kind="choice",
            text=f"Over {measure.period}: {item.text.strip()}",
            choices=[label.strip() for label in measure.scale.labels],
        )
        for n, item in enumerate(measure.items, 1)
    ]
    return Exercise(
        name=measure.name,
        title=measure.title,
        summary=measure.summary or measure.title,
        minutes=max(1, len(steps) // 4),
        version=measure.version,
        steps=steps,
    )


def value_of(measure: Measure, label: object) -> int:
    """The scale's value of the answer chosen (its label, as listed)."""
    labels = [x.strip() for x in measure.scale.labels]
    return measure.scale.values[labels.index(str(label).strip())]


def read_answers(source: str, measure: Measure) -> dict[str, str]:
    """An answers file (``-``: standard input): ``item_1 = 2``, one line per item, each the
    scale's value or its label; returned as labels, as a person would have chosen them."""
    where = msg.STANDARD_INPUT if source == "-" else source
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(ANSWERS_LIMIT + 1)
        else:
            with open(source, "rb") as f:
                raw = f.read(ANSWERS_LIMIT + 1)
        if len(raw) > ANSWERS_LIMIT:
            raise UsageError(msg.ANSWERS_FILE_TOO_LONG.format(where=where))
        data = store.loads_toml(raw.decode("utf-8"))
    except FileNotFoundError:
        raise UsageError(msg.ANSWERS_FILE_MISSING.format(where=where)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or msg.NOT_UTF8
        raise UsageError(msg.ANSWERS_FILE_UNREADABLE.format(where=where, reason=reason)) from None
    except store.TOMLError as exc:
        raise UsageError(msg.ANSWERS_FILE_NOT_TOML.format(where=where, reason=exc)) from None
    expected = [step_id(n) for n in range(1, len(measure.items) + 1)]
    unknown = sorted(set(data) - set(expected))
    if unknown:
        raise UsageError(
            msg.ANSWERS_NO_SUCH_ITEM.format(
                key=unknown[0], title=measure.title, count=len(expected)
            )
        )
    missing = [k for k in expected if k not in data]
    if missing:
        raise UsageError(
            msg.ANSWERS_ITEM_MISSING.format(
                key=missing[0], title=measure.title, lowest=measure.scale.lowest
            )
        )
    labels = [label.strip() for label in measure.scale.labels]
    out: dict[str, str] = {}
    for key in expected:
        given = data[key]
        if type(given) is int and given in measure.scale.values:
            out[key] = labels[measure.scale.values.index(given)]
        elif isinstance(given, str) and given.strip() in labels:
            out[key] = given.strip()
        else:
            allowed = ", ".join(str(v) for v in measure.scale.values)
            raise UsageError(
                msg.ANSWERS_ITEM_NOT_ALLOWED.format(
                    key=key, where=where, allowed=allowed, given=given
                )
            )
    return out


SafetyHook = Callable[[Run, int, int], None]


def ask(
    measure: Measure,
    asker: Asker,
    current: Run,
    *,
    on_safety: SafetyHook | None = None,
    keep: Callable[[], None] = lambda: None,
) -> None:
    """Every item not answered yet, asked in turn into ``current`` (going back works as in any
    exercise); ``keep`` is called after every answer and every step back (the draft);
    ``on_safety`` hears of a safety item answered above the lowest answer as soon as it is
    answered (it may end the run: :class:`care.Ended`). A run resumed after a pause that came
    before care's question about such an answer was answered hears of it again first."""
    safety = {step_id(n): n for n, item in enumerate(measure.items, 1) if item.safety}

    def heard(cur: Run, sid: str) -> None:
        value = value_of(measure, cur.answers[sid])
        if on_safety is not None and value > measure.scale.lowest:
            on_safety(cur, safety[sid], value)

    def answered(cur: Run, step: Step) -> None:
        keep()
        if step.id in safety:
            heard(cur, step.id)

    if not any(i.kind == care_record.THOUGHTS for i in current.care):
        for sid in [s for s in safety if s in current.answers][:1]:
            heard(current, sid)
    run(current, asker, on_answer=answered, on_back=lambda _: keep())


def values(measure: Measure, current: Run) -> list[int] | None:
    """The scale's value of every item, or None while some are not answered."""
    keys = [step_id(n) for n in range(1, len(measure.items) + 1)]
    if any(k not in current.answers for k in keys):
        return None
    return [value_of(measure, current.answers[k]) for k in keys]


def result_entry(
    measure: Measure,
    values: list[int],
    created: datetime,
    *,
    session: str | None = None,
    phase: str | None = None,
    care: list[CareItem] | None = None,
) -> tuple[Entry, Score]:
    """The entry that keeps a result: each item's answer, then the score (nothing is written)."""
    result = score(measure, values)
    answers = [
        Answer(
            step=step_id(n),
            kind="choice",
            prompt=item.text.strip(),
            value=value,
            role=vocab.MEASURE_SAFETY if item.safety else vocab.MEASURE_ITEM,
        )
        for n, (item, value) in enumerate(zip(measure.items, values, strict=True), 1)
    ]

    def derived(step: str, prompt: str, value: int | str, role: str) -> Answer:
        return Answer(step=step, kind="score", prompt=prompt, value=value, role=role)

    answers += [
        derived("total", "Total score", result.total, vocab.MEASURE_TOTAL),
        derived("lowest", "Lowest possible total", result.lowest, vocab.MEASURE_LOWEST),
        derived("highest", "Highest possible total", result.highest, vocab.MEASURE_HIGHEST),
        derived("band", f"The band {measure.title} states", result.band_label, vocab.MEASURE_BAND),
        derived("band_range", "Totals in that band", result.band_range, vocab.MEASURE_BAND_RANGE),
    ]
    answers += [
        derived(f"subscale_{n}", name, value, vocab.MEASURE_SUBSCALE)
        for n, (name, value, _) in enumerate(result.subscales, 1)
    ]
    return _entry(measure, created, answers, session, phase, care or []), result


def unfinished_entry(
    measure: Measure,
    current: Run,
    created: datetime,
    *,
    session: str | None = None,
    phase: str | None = None,
) -> Entry:
    """What was answered when care ended the run before the last item: the answers given
    and the care record, with no score (a measure counts only whole)."""
    answers = [
        Answer(
            step=step_id(n),
            kind="choice",
            prompt=item.text.strip(),
            value=value_of(measure, current.answers[step_id(n)]),
            role=vocab.MEASURE_SAFETY if item.safety else vocab.MEASURE_ITEM,
        )
        for n, item in enumerate(measure.items, 1)
        if step_id(n) in current.answers
    ]
    return _entry(measure, created, answers, session, phase, current.care)


def _entry(
    measure: Measure,
    created: datetime,
    answers: list[Answer],
    session: str | None,
    phase: str | None,
    care: Iterable[CareItem],
) -> Entry:
    """A new entry of ``measure`` holding ``answers`` and the care record."""
    return Entry(
        id=new_id(created),
        created=created,
        exercise=measure.name,
        exercise_version=measure.version,
        title=measure.title,
        answers=answers,
        session=session,
        phase=phase,
        care=list(care),
    )


@dataclass
class Taken:
    entry: Entry
    score: Score | None  # None when care ended the run before the last item
    ended: bool  # care ended the run ("yes, right now"): its card and words have been shown


def take(
    measure: Measure,
    asker: Asker,
    *,
    at: str | None = None,
    future: bool = False,
    session: str | None = None,
    phase: str | None = None,
    on_safety: SafetyHook | None = None,
) -> Taken:
    """Ask every item, score the answers and save the result as an entry with what care
    kept. When care ends the run (thoughts of ending one's life, "yes, right now"), what was
    answered is saved all the same: scored when every item was answered, else unscored.
    A pause raises :class:`Stopped` (at a terminal, with the draft that keeps the answers)."""
    paths.check_folders()
    created = dates.entry_time(at, future=future)
    linked, phase = sessions.link(created.date(), explicit=session, phase=phase)
    current = Run(exercise=as_exercise(measure), phase=phase, context={MEASURE: measure.name})
    if linked is not None:
        current.context["session"] = linked.id
    return carry_on(measure, asker, current, created, on_safety=on_safety)


def carry_on(
    measure: Measure,
    asker: Asker,
    current: Run,
    created: datetime,
    *,
    draft: Draft | None = None,
    on_safety: SafetyHook | None = None,
) -> Taken:
    """Ask the items ``current`` has not answered (a new run, or one rebuilt from ``draft``,
    which the caller holds), keeping a draft as they are answered at a terminal, then save
    the result and remove the draft; see :func:`take`."""
    keeper = DraftKeeper(current, created, draft, enabled=asker.interactive or draft is not None)
    try:
        return _ask_and_save(measure, asker, current, created, keeper, on_safety)
    finally:
        keeper.release()


def _ask_and_save(
    measure: Measure,
    asker: Asker,
    current: Run,
    created: datetime,
    keeper: DraftKeeper,
    on_safety: SafetyHook | None,
) -> Taken:
    ended = False
    # as in every exercise (flow/runner): a Ctrl-C between two items pauses at the next one
    with stopping_signals_pause(), interrupts.kept_for_the_next_prompt(asking=asker.interactive):
        try:
            ask(measure, asker, current, on_safety=on_safety, keep=keeper.save)
        except Ended:  # care has said what it says; what was answered is kept
            ended = True
        except (Paused, KeyboardInterrupt) as stop:
            with signals_held():
                keeper.save()
            if isinstance(stop, TerminalGone):
                raise
            raise Stopped(keeper.draft) from None
    where = {"session": current.context.get("session"), "phase": current.phase}
    given = values(measure, current)
    result: Score | None = None
    if given is None:
        entry = unfinished_entry(measure, current, created, **where)
    else:
        entry, result = result_entry(measure, given, created, care=current.care, **where)
    entry.answers.extend(k for k in current.kept if k.kind != "guide")  # never dropped
    draft = keeper.draft  # its id is the entry's, fixed when it was first saved
    fixed = draft.id if draft is not None and is_entry_id(draft.id) else None
    entry.id = fixed or entry.id
    with keeper.saving():
        save_new(entry, once=fixed is not None)
    if entry.path is not None:  # the file holds what was written from entry.to_dict()
        index.note_saved(entry.path, entry.to_dict() if fixed is None else None)
    keeper.discard()
    return Taken(entry, result, ended)
