"""Consoles for output, created on first use (rich honours NO_COLOR itself), and the
one way plain messages are printed: as text, never as markup."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from partsjournal.render.text import literal

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")


@cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def say(message: str, *, style: str = "", to_stderr: bool = False) -> None:
    """One message for the person; any names or words of theirs in it stay literal."""
    (err() if to_stderr else out()).print(literal(message, style), soft_wrap=True)


def warn(message: str) -> None:
    """One warning line on stderr (for skipped files and the like)."""
    from rich.text import Text

    err().print(Text.assemble(("warning:", "yellow"), " ", literal(message)), soft_wrap=True)


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
