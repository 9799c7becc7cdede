"""``partsjournal measure``: set up the questionnaires a clinic asks, take them, list them."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli.typer_options import (
    AfterOption,
    AnswersOption,
    AtOption,
    BeforeOption,
    FutureOption,
    SessionOption,
)
from partsjournal.core import messages as msg
from partsjournal.core import reading, sessions
from partsjournal.flow import asking, measure_file, measure_run, measure_setup, measures_asked
from partsjournal.flow.engine import Asker, Paused
from partsjournal.flow.scripted import ScriptedAsker
from partsjournal.render import measures as render
from partsjournal.render import ui
from partsjournal.views import measures, search

sub = typer.Typer(
    help="Questionnaires your clinic asks (PHQ-9, GAD-7): set them up, take them, see results.",
    no_args_is_help=True,
)

WordsFile = Annotated[
    str | None,
    typer.Option(
        "--items",
        metavar="FILE",
        help="The items' words, one line each, as your clinic's sheet has them ('-': stdin).",
    ),
]
LabelsFile = Annotated[
    str | None,
    typer.Option(
        "--labels",
        metavar="FILE",
        help="The answers' words (lowest first), one line each, as the sheet has them.",
    ),
]


def register(app: typer.Typer) -> None:
    app.add_typer(sub, name="measure")


@sub.command("new")
def new(
    name: Annotated[str, typer.Argument(help="A published measure: phq-9 or gad-7.")],
    items: WordsFile = None,
    labels: LabelsFile = None,
) -> None:
    """Set up a published measure in your journal, with the words from your clinic's sheet.

    No questionnaire's words come with this journal: you type or paste each item and answer
    (or give them in files, --items and --labels), and it tells you whether each is the
    published wording.

    Example: partsjournal measure new phq-9 --items phq9-items.txt --labels answers.txt
    """
    template = measure_file.template(name)
    item_words = [i.text for i in template.items]
    label_words = list(template.scale.labels)
    if items is not None:
        item_words = measure_setup.lines_from(items, len(item_words), "items")
    if labels is not None:
        label_words = measure_setup.lines_from(labels, len(label_words), "answers")
    if (items is None or labels is None) and ui.can_prompt():
        asked_items, asked_labels, _ = measure_setup.ask_words(
            template, asking.terminal(), items=items is None, labels=labels is None
        )
        item_words = asked_items if items is None else item_words
        label_words = asked_labels if labels is None else label_words
    where, measure = measure_setup.install(name, item_words, label_words)
    ui.say(msg.MEASURE_SET_UP.format(title=measure.title, where=where))
    render.print_wording(measure, measure_file.wording_matches(measure), where)
    if not measure.missing_words():
        ui.say(msg.MEASURE_TAKE_HINT.format(name=measure.name))


@sub.command("check")
def check(name: Annotated[str, typer.Argument(help="The measure, as set up.")]) -> None:
    """Say, item by item, whether a measure's words are the published wording."""
    measure = measure_file.load(name, complete=False)
    render.print_wording(
        measure, measure_file.wording_matches(measure), measure_file.path_of(measure.name)
    )


@sub.command("take")
@reading.each_file_once  # a save reads each file once
def take(
    name: Annotated[str, typer.Argument(help="The measure to answer, as set up.")],
    answers: AnswersOption = None,
    at: AtOption = None,
    future: FutureOption = False,
    session: SessionOption = None,
    before: BeforeOption = False,
    after: AfterOption = False,
) -> None:
    """Answer a measure; the result is saved as an entry, linked to its session.

    Example: partsjournal measure take phq-9 --answers phq9.toml   (item_1 = 2, ...)
    """
    measure = measure_file.load(name)
    phase = sessions.phase_from_flags(before, after)
    exercise = measure_run.as_exercise(measure)
    asker: Asker
    if answers is not None:
        asker = ScriptedAsker(measure_run.read_answers(answers, measure), exercise)
    else:
        asker = asking.terminal()
        ui.say(measures_asked.intro(measure))
    try:
        taken = measure_run.take(
            measure,
            asker,
            at=at,
            future=future,
            session=session,
            phase=phase,
            on_safety=measures_asked.safety_answered(measure, asker),
        )
    except Paused as stop:
        measures_asked.paused(measure, stop)
        return
    measures_asked.show_taken(measure, taken, asker)


@sub.command("list")
def list_() -> None:
    """The measures set up in your journal, with their latest results."""
    found = measure_file.load_all(complete=False)
    names = {m.name for m in found}
    every = search.history(warn=ui.warn)
    rows = [r for r in every.rows if r.exercise in names]
    latest = measures.by_measure(measures.results(every.entries(rows)))
    render.print_list(found, {k: v[-5:] for k, v in latest.items()})
