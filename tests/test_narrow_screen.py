"""What the prompts draw on a narrow terminal (40 columns: a split pane, a phone).

Walked in tmux at 40 columns: a multi-line answer's prompt drew nothing at all (neither
"Your answer:" nor the words typed), a list's hint broke before its comma ("or a number /
, then Enter"), and the hold's longer choices were cut at the edge ("Write a few words
(kept for you an").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from partsjournal import prompts
from partsjournal.core import messages as msg
from partsjournal.flow import care_words
from partsjournal.flow.exercises import Step
from tests.keys import ENTER, line, lines

COLUMNS = 40


class Drawn:
    """What the prompts wrote, as plain text."""

    def __init__(self) -> None:
        self.data: list[str] = []

    def write(self, data: str) -> None:
        self.data.append(data)

    def flush(self) -> None:
        pass

    @property
    def rows(self) -> list[str]:
        return "".join(self.data).replace("\r", "").split("\n")


@contextmanager
def narrow(*keys: str, columns: int = COLUMNS) -> Iterator[Drawn]:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    class Narrow(PlainTextOutput):
        def get_size(self) -> Size:
            return Size(rows=30, columns=columns)

    drawn = Drawn()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=Narrow(drawn)):  # type: ignore[arg-type]
        pipe.send_text("".join(keys))
        pipe.close()
        yield drawn


@pytest.mark.parametrize("columns", [30, 40, 50])
def test_several_lines_are_drawn_on_a_narrow_screen(terminal: object, columns: int) -> None:
    step = Step(id="situation", kind="long_text", text="What is the situation?")
    with narrow(lines("My boss emails late"), columns=columns) as drawn:
        got = prompts.InteractiveAsker().ask(step, step.text, 2, 0)
    assert got == "My boss emails late"
    shown = "\n".join(drawn.rows)
    assert "Your answer:" in shown and "My boss emails late" in shown
    assert "(Enter on an empty line" in shown


def test_a_lists_hint_is_not_broken_inside_its_words(terminal: object) -> None:
    with narrow(line("3")) as drawn:
        got = prompts.InteractiveAsker().select(
            care_words.THOUGHTS_ASK, list(care_words.THOUGHTS_CHOICES)
        )
    assert got == "Yes, right now"
    assert any(row.strip() == msg.CHOOSE_HINT for row in drawn.rows), drawn.rows
    assert not any(row.startswith(",") for row in drawn.rows)


def test_long_choices_are_broken_between_words_not_cut_at_the_edge(terminal: object) -> None:
    choices = [
        care_words.HOLD_PEOPLE,
        care_words.HOLD_GROUND,
        care_words.HOLD_NOTE,
        care_words.HOLD_STOP,
    ]
    with narrow(line("3")) as drawn:
        got = prompts.InteractiveAsker().select(care_words.HOLD_ASK, choices)
    assert got == care_words.HOLD_NOTE  # the choice itself, whatever its rows on the screen
    shown = " ".join(" ".join(drawn.rows).split())
    for choice in choices:
        assert choice in shown, choice


def test_a_list_picked_again_finds_its_long_choice(terminal: object) -> None:
    """An earlier answer is offered again (going back): the long choice is still found."""
    step = Step(
        id="which",
        kind="choice",
        text="Which?",
        choices=["short", "a much longer choice that cannot fit on one row of forty columns"],
    )
    with narrow(ENTER) as drawn:
        got = prompts.InteractiveAsker().ask(step, step.text, 2, 0, typed=step.choices[1])  # type: ignore[index]
    assert got == step.choices[1]  # type: ignore[index]
    assert drawn.rows


def test_several_lines_are_typed_across_the_whole_width(terminal: object) -> None:
    """Walked at 80 columns too: a long answer was typed in the 29 columns left beside
    "? Your answer:  (Enter on an empty line finishes)", each row indented 50 spaces.
    The answer now starts on a row of its own."""
    said = "When my boss sends an email late at night I freeze and then I cannot sleep"
    step = Step(id="situation", kind="long_text", text="What is the situation?")
    with narrow(lines(said), columns=80) as drawn:
        got = prompts.InteractiveAsker().ask(step, step.text, 2, 0)
    assert got == said
    assert any(row.startswith(" When my boss sends an email late at night") for row in drawn.rows)


def test_the_choice_made_is_written_whole_under_a_long_question(terminal: object) -> None:
    """Walked at 40 columns: the answered line read "will see what may help. Thoughts of
    endi" and, on the next row, "ng my life"."""
    with narrow(line("2")) as drawn:
        got = prompts.InteractiveAsker().select(
            care_words.GOING_ON_ASK, list(care_words.GOING_ON_CHOICES)
        )
    assert got == "Thoughts of ending my life"
    answered = drawn.rows[-6:]
    assert any(row.strip() == "Thoughts of ending my life" for row in answered), answered


@pytest.mark.parametrize("kind", ["yes_no", "scale", "text", "long_text", "choice"])
def test_the_reason_an_answer_is_refused_is_said_right_under_it(
    terminal: object, kind: str
) -> None:
    """Walked in tmux on a fresh screen (integrate's first question, the grounding offer):
    "yse" was cleared, and "Please type yes or no." came 26 rows further down, at the foot
    of the screen, because the answer's row grew to fill the rows below it; a list's "Choose
    one with the arrow keys" the same (the day of a session, protector)."""
    from partsjournal.flow import kinds

    choices = ["now", "later"] if kind == "choice" else None
    step = Step(id="this", kind=kind, text="A question?", choices=choices)
    with narrow():
        shown = prompts._build(
            kinds.of(kind).question(step, ""), step, kinds.of(kind), back=False, names=[]
        )
        windows = shown.application.layout.find_all_windows()
        assert all(w.dont_extend_height() for w in windows)
