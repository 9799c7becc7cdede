"""Consoles for output, created on first use (rich honours NO_COLOR itself), and the
one way plain messages are printed: as text, never as markup."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from partsjournal.render.text import break_points, literal


def can_prompt() -> bool:
    """True when both ends are a terminal; we never prompt into a pipe."""
    return sys.stdin.isatty() and sys.stdout.isatty()


if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

T = TypeVar("T")


@cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def say(message: str, *, style: str = "", lead: str = "", to_stderr: bool = False) -> None:
    """One message for the person; any names or words of theirs in it stay literal.

    ``lead`` is a first word or two in bold ("Paused."). The message is broken
    between words to fit the screen, never inside a command or a path.
    """
    from rich.text import Text

    text = Text.assemble((lead + " ", "bold"), literal(message, style)) if lead else None
    show(text if text is not None else literal(message, style), to_stderr=to_stderr)


def show(text: Text, *, to_stderr: bool = False) -> None:
    """Print ``text`` broken between words to fit the screen (see :func:`fitted`)."""
    console = err() if to_stderr else out()
    console.print(fitted(text, console), soft_wrap=True)


def fitted(text: Text, console: Console, width: int | None = None) -> Text:
    """``text`` with line breaks put between words, so that it fits ``width`` (the
    console's) and no command or path is split; the styles stay where they were.

    Output to a pipe or a file is left unbroken, unless COLUMNS asks for a width.
    """
    if not (console.is_terminal or os.environ.get("COLUMNS")):
        return text
    from rich.cells import cell_len

    plain = text.plain
    points = break_points(plain, width or console.width, cell_len)
    if points:
        chars = list(plain)
        for at in points:
            chars[at] = "\n"
        text.plain = "".join(chars)  # same length, so every style keeps its place
    return text


def warn(message: str) -> None:
    """One warning line on stderr (for skipped files and the like)."""
    from rich.text import Text

    show(Text.assemble(("warning:", "yellow"), " ", literal(message)), to_stderr=True)


def track(items: Sequence[T], description: str) -> Iterable[T]:
    """``items``, with a progress bar on stderr while they are worked through."""
    from rich.progress import track as rich_track

    return rich_track(items, description=description, transient=True, console=err())


@contextmanager
def paged(lines: int) -> Iterator[None]:
    """Output printed inside goes through a pager ($PAGER, else less) when it is
    longer than the terminal; anywhere else it is printed as usual."""
    console = out()
    if console.is_terminal and lines > console.height:
        with console.pager(styles=True):
            yield
    else:
        yield
