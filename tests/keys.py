"""Typing into the real prompts in process: prompt_toolkit's pipe input and a dummy output.

Every prompt the program starts inside :func:`typing` (``prompts.InteractiveAsker`` and
everything it draws with questionary and prompt_toolkit) reads its keys from the pipe, all
of them typed ahead before the first question is drawn, as a fast typist does. When the keys
run out the input ends, which every prompt takes as Ctrl-D: the run pauses and the program
ends as it would, so a test never waits. What the prompts draw goes to standard output as
plain text, in order with what the program prints (read it with ``capsys``, or the
``stdout`` of a CliRunner result; a prompt may be drawn more than once as it is typed in).

    def test_something(terminal: Typing) -> None:
        with terminal.typing("yes", ENTER, "The Critic", ENTER):
            entry = runner.run_exercise("tiny")           # the real terminal asker
        with terminal.typing(...):
            result = cli("exercise", "tiny")               # or the whole command

The ``terminal`` fixture (``tests/conftest.py``) lets the program believe both ends are a
terminal and makes a lone Esc quick. Keys: type words as they are, and the names below for
the rest. A lone Esc followed at once by another key is read as Esc then that key (Alt
with that key where one is bound: Esc then Enter finishes a multi-line answer, Esc then b
moves a word back); nothing in these tests relies on that.
"""

from __future__ import annotations

import functools
import os
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


class Typing:
    """The ``terminal`` fixture: :meth:`typing` runs prompts on keys typed ahead."""

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
            pipe.send_text("".join(keys))
            pipe.close()  # when the keys run out, the input ends: every prompt pauses
            yield


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
    """Both ends are a terminal, a lone Esc is read after 20 ms, no Ctrl-C is left over, and
    prompts share prompt_toolkit's default key bindings and merged styles (see above)."""
    from prompt_toolkit.application import application
    from prompt_toolkit.styles import style

    monkeypatch.setattr(application, "load_key_bindings", shared_default_bindings)
    monkeypatch.setattr(style._MergedStyle, "_merged_style", property(_merged_shared))
    monkeypatch.setattr(ui, "can_prompt", lambda: True)
    monkeypatch.setattr(keymaps, "ESCAPE_WAIT", 0.02)
    interrupts.interrupted.clear()
    return Typing()


class SignalledWhileCollected:
    """An object whose finalizer is running when Ctrl-C's SIGINT is handled (as the event
    loop of the prompt before may be, collected while the next prompt is built)."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # Python runs the signal's handler here, inside the finalizer
            pass
