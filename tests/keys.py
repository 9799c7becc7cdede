"""Typing into the real prompts in process: prompt_toolkit's pipe input and a dummy output.

Every prompt the program starts inside :func:`typing` (``prompts.InteractiveAsker`` and
everything it draws with questionary and prompt_toolkit) reads its keys from the pipe, as a
person types them: a question at a time. The keys are cut after each key that may end a
question (Enter, Esc, Ctrl-C, Ctrl-D), and each piece reaches the pipe only once the prompt
has read the piece before and still runs (Enter on a refused answer, a new line in several
lines), or once the next prompt has started: each question's keys are typed once it is drawn
(:class:`Typist`). Keys in one :func:`together` come in one burst, as a fast typist's or a
double Enter do: what one question does not take of them is typed ahead of the next, before
it is drawn (prompt_toolkit keeps it and feeds it to the next prompt, and the asker drops
the Enters at its front). When the keys run out the input ends, which every prompt takes as
Ctrl-D: the run pauses and the program ends as it would, so a test never waits. What the
prompts draw goes to standard output as plain text, in order with what the program prints
(read it with ``capsys``, or the ``stdout`` of a CliRunner result; a prompt may be drawn
more than once as it is typed in).

    def test_something(terminal: Typing) -> None:
        with terminal.typing("yes", ENTER, "The Critic", ENTER):
            entry = runner.run_exercise("tiny")           # the real terminal asker
        with terminal.typing(together(line("one"), ENTER), line("two")):
            result = cli("exercise", "tiny")               # a double Enter after "one"

The ``terminal`` fixture (``tests/conftest.py``) lets the program believe both ends are a
terminal and makes a lone Esc quick. Keys: type words as they are, and the names below for
the rest. A lone Esc followed at once by another key is read as Esc then that key (Alt
with that key where one is bound: Esc then Enter finishes a multi-line answer, Esc then b
moves a word back); nothing in these tests relies on that.
"""

from __future__ import annotations

import functools
import os
import re
import select
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from partsjournal.flow import interrupts
from partsjournal.prompts import keymaps
from partsjournal.render import ui

ENTER = "\r"
ESC = "\x1b\x1b[E"  # Esc alone (goes back one step): Esc, then a key the terminal sends for nothing
CTRL_C = "\x03"  # pauses
CTRL_D = "\x04"  # pauses at an empty answer
DOWN = "\x1b[B"
UP = "\x1b[A"
LEFT = "\x1b[D"
CTRL_A = "\x01"  # line editing: to the start of the line
CTRL_B = "\x02"  # line editing: one character left


def line(text: str) -> str:
    """A one-line answer as a person types it: the words, then Enter."""
    return text + ENTER


def lines(text: str) -> str:
    """A multi-line answer: its lines (each Enter starts a new one), then Enter on the empty
    line that follows, which finishes it."""
    return text.replace("\n", ENTER) + ENTER + ENTER


def pick(number: int) -> str:
    """Choose the ``number``-th entry of a list (1 is the first) by its number, then Enter;
    "Pause here" (and "Go back one step", in a step) come after the list's own entries."""
    return f"{number}{ENTER}"


def ground_tiny(distress: int = 2) -> str:
    """The tiny grounding pause (``pty_helpers.write_tiny_grounding``): its page, a rating of
    ``distress``, and yes to feeling safe enough to go on."""
    return ENTER + line(str(distress)) + line("yes")


def shown_in_order(output: str, *texts: str) -> None:
    """Each of ``texts`` is on the screen, each after the one before (as a person saw them)."""
    at = 0
    for text in texts:
        found = output.find(text, at)
        assert found >= 0, f"{text!r} is not shown after: {output[max(0, at - 300) : at]!r}"
        at = found + len(text)


class Screen:
    """Where the prompts draw: standard output as it is when they draw (pytest's, or a
    CliRunner's), as plain text, in order with what the program prints around them."""

    def write(self, data: str) -> None:
        sys.stdout.write(data)

    def flush(self) -> None:
        sys.stdout.flush()


class Together(str):
    """Keys typed in one quick burst (:func:`together`)."""


def together(*keys: str) -> Together:
    """``keys`` typed in one quick burst, read at once by the prompt under way: the keys
    after the one that ends its question are typed ahead of the next, before it is drawn."""
    return Together("".join(keys))


# the keys that may end a question: Enter, Esc, Ctrl-C, Ctrl-D
_ENDS = re.compile("(" + "|".join(map(re.escape, (ENTER, ESC, CTRL_C, CTRL_D))) + ")")


def as_typed(keys: tuple[str, ...]) -> list[str]:
    """``keys`` in the pieces a person types at one question each: cut after every key that
    may end a question, except inside :func:`together`, which stays one piece."""
    pieces: list[str] = []
    loose = ""
    for key in [*keys, Together()]:
        if not isinstance(key, Together):
            loose += key
            continue
        cut = _ENDS.split(loose)  # text, an end, text, an end, ..., the text after the last
        pieces += [a + b for a, b in zip(cut[::2], [*cut[1::2], ""], strict=True)]
        pieces.append(key)
        loose = ""
    return [piece for piece in pieces if piece]


class Typist:
    """Types the pieces of :func:`as_typed` into the pipe, each when it is due.

    It is asked after every ``KeyProcessor.process_keys`` (see :func:`terminal_fixture`),
    which a prompt runs as it starts (on the keys typed ahead of it, before its first
    drawing) and after each read from the pipe: the one point where a prompt has handled
    all it has read and is waiting for more. No thread and no timer: what is typed, and
    when, follows from the prompts alone."""

    def __init__(self, pipe: Any, keys: tuple[str, ...]) -> None:
        self.pipe = pipe
        self.pieces = as_typed(keys)
        self.done = False

    def keys_processed(self, processor: Any) -> None:
        """After a prompt has handled the keys it read (or, as it starts, those typed ahead):
        the next piece, if the prompt still runs and has read and handled every key typed
        so far; the end of the input when none is left."""
        from prompt_toolkit.application.current import get_app

        app = get_app()
        if (
            self.done
            or app.input is not self.pipe
            or not app.is_running
            or app.is_done
            or processor.input_queue
            or processor.key_buffer  # a key waiting for the one after it (Esc, Alt-B)
            or select.select([self.pipe.fileno()], [], [], 0)[0]  # not read yet
        ):
            return
        if self.pieces:
            self.pipe.send_text(self.pieces.pop(0))
        else:
            self.done = True
            self.pipe.close()  # when the keys run out, the input ends: every prompt pauses


class Typing:
    """The ``terminal`` fixture: :meth:`typing` runs prompts on keys typed as a person does."""

    def __init__(self) -> None:
        self.typist: Typist | None = None

    @contextmanager
    def typing(self, *keys: str) -> Iterator[None]:
        from prompt_toolkit.application import create_app_session
        from prompt_toolkit.data_structures import Size
        from prompt_toolkit.input import create_pipe_input
        from prompt_toolkit.output.plain_text import PlainTextOutput

        class Wide(PlainTextOutput):
            def get_size(self) -> Size:  # long questions stay on one line, to be found
                return Size(rows=50, columns=400)

        drawn = Wide(Screen())  # type: ignore[arg-type]
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=drawn):
            self.typist = Typist(pipe, keys)
            try:
                yield
            finally:
                self.typist = None

    def keys_processed(self, processor: Any) -> None:
        if self.typist is not None:
            self.typist.keys_processed(processor)


@functools.cache
def shared_default_bindings() -> Any:
    """prompt_toolkit's default key bindings, made once: every prompt makes its own (about
    two thirds of a prompt's cost in a test), though they hold no state of one prompt (their
    filters ask the prompt running at the time)."""
    from prompt_toolkit.key_binding.defaults import load_key_bindings

    return load_key_bindings()


@functools.cache
def shared_style(rules: tuple[tuple[str, str], ...]) -> Any:
    """The one style made of ``rules``, which remembers the look of each style string.

    Every prompt merges the same few styles (prompt_toolkit's, questionary's) into a new
    style, parsing all their rules again, and its renderer works out the look of each
    style string again; together about a tenth of a prompt's cost in a test. The look is
    a function of the rules and the string alone, so prompts made of the same rules may
    share it."""
    from prompt_toolkit.styles import Style
    from prompt_toolkit.styles.base import DEFAULT_ATTRS, Attrs

    class Remembering(Style):
        def __init__(self) -> None:
            super().__init__(list(rules))
            self.looks: dict[tuple[str, Attrs], Attrs] = {}

        def get_attrs_for_style_str(self, style_str: str, default: Attrs = DEFAULT_ATTRS) -> Attrs:
            look = self.looks.get((style_str, default))
            if look is None:
                look = self.looks[(style_str, default)] = super().get_attrs_for_style_str(
                    style_str, default
                )
            return look

    return Remembering()


def _merged_shared(self: Any) -> Any:
    """``_MergedStyle._merged_style`` with :func:`shared_style` for the merged rules (the
    style's own cache, and when it is made again, stay prompt_toolkit's)."""
    return self._style.get(self.invalidation_hash(), lambda: shared_style(tuple(self.style_rules)))


def terminal_fixture(monkeypatch: pytest.MonkeyPatch) -> Typing:
    """Both ends are a terminal, keys are typed a question at a time (:class:`Typist`), a lone
    Esc is read after 20 ms, no Ctrl-C is left over, and prompts share prompt_toolkit's
    default key bindings and merged styles (see above)."""
    from prompt_toolkit.application import application
    from prompt_toolkit.key_binding.key_processor import KeyProcessor
    from prompt_toolkit.styles import style

    typing = Typing()
    handle_keys = KeyProcessor.process_keys

    def process_keys(self: KeyProcessor) -> None:
        """Every prompt handles the keys it reads here, and those typed ahead as it starts;
        then the next keys are typed, when they are due (:class:`Typist`)."""
        handle_keys(self)
        typing.keys_processed(self)

    monkeypatch.setattr(KeyProcessor, "process_keys", process_keys)
    monkeypatch.setattr(application, "load_key_bindings", shared_default_bindings)
    monkeypatch.setattr(style._MergedStyle, "_merged_style", property(_merged_shared))
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    monkeypatch.setattr(keymaps, "ESCAPE_WAIT", 0.02)
    interrupts.interrupted.clear()
    return typing


class SignalledWhileCollected:
    """An object whose finalizer is running when Ctrl-C's SIGINT is handled (as the event
    loop of the prompt before may be, collected while the next prompt is built)."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # Python runs the signal's handler here, inside the finalizer
            pass
