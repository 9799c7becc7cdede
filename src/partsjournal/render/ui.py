"""Consoles for output, created on first use from the one terminal object
(:mod:`partsjournal.render.terminal`), and the one way plain messages are printed: as text,
never as markup."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from partsjournal.render import pager, plainly, terminal
from partsjournal.render.text import break_points, literal


def can_prompt() -> bool:
    """True when both ends are a terminal; we never prompt into a pipe."""
    return terminal.current().can_prompt


if TYPE_CHECKING:
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

T = TypeVar("T")


def begin(*, plain: bool = False) -> terminal.Terminal:
    """At the start of a command: measure the terminal, and make consoles for it."""
    made = terminal.begin(plain=plain)
    out.cache_clear()
    err.cache_clear()
    return made


@cache
def out() -> Console:
    return _console(stderr=False)


@cache
def err() -> Console:
    return _console(stderr=True)


def _console(*, stderr: bool) -> Console:
    """A console for stdout or stderr that does what the terminal object says: its width and
    height, whether it is a terminal, colour, and plain output (:mod:`render.plainly`)."""
    term = terminal.current()
    options: dict[str, Any] = {
        "stderr": stderr,
        "width": term.width,
        "height": term.height,
        "force_terminal": term.is_tty(stderr=stderr) or term.force_colour,
        "force_interactive": term.is_tty(stderr=stderr),
    }
    if term.plain:
        return plainly.plain_console(**options)
    from rich.console import Console

    if not term.colour:
        options.update(color_system=None, no_color=True)
    return Console(highlight=False, emoji=False, **options)


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


def fits_lines(console: Console) -> bool:
    """Whether text for ``console`` is broken between words to fit it (see :func:`fitted`)."""
    return terminal.current().fits_lines(stderr=console.stderr)


def fitted(text: Text, console: Console, width: int | None = None) -> Text:
    """``text`` with line breaks put between words, so that it fits ``width`` (the
    console's) and no command or path is split; the styles stay where they were.

    Output to a pipe or a file is left unbroken, unless COLUMNS asks for a width.
    """
    if not fits_lines(console):
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


def document_writer() -> Callable[[str], object]:
    """How a document (markdown, JSON) is written to stdout: as text on a UTF-8 stream, else
    as UTF-8 bytes, since a document is UTF-8 whatever the stream (JSON must be, RFC 8259);
    a non-UTF-8 stream would have to drop or garble the characters it lacks."""
    if terminal.current().stdout_encoding_is_utf8 or not hasattr(sys.stdout, "buffer"):
        return sys.stdout.write

    def write(chunk: str) -> None:
        sys.stdout.flush()
        sys.stdout.buffer.write(chunk.encode("utf-8"))

    return write


def warn(message: str) -> None:
    """One warning line on stderr (for skipped files and the like)."""
    from rich.text import Text

    show(Text.assemble(("warning:", "yellow"), " ", literal(message)), to_stderr=True)


def track(items: Sequence[T], description: str) -> Iterable[T]:
    """``items``, with a progress bar on stderr while they are worked through, when stderr
    is a terminal (the bar is drawn there) and output is not plain."""
    if not terminal.current().shows_progress():
        return items
    from rich.progress import track as rich_track

    return rich_track(items, description=description, transient=True, console=err())


@contextmanager
def paged() -> Iterator[None]:
    """Whatever is printed to stdout inside goes through a pager when stdout is a terminal and
    the output, as drawn, is taller than the screen (:mod:`render.pager`, as git does it);
    anywhere else it is printed as usual. Nothing inside may ask a question."""
    term = terminal.current()
    if not term.stdout_tty:
        yield
        return
    import io

    captured = io.StringIO()
    try:
        with redirect_stdout(captured):
            yield
    finally:
        pager.page(captured.getvalue(), term)


# a panel's title sits in its top border between a corner, a space each side and the rest
# of the border: six cells of the width are never the title's
TITLE_FRAME = 6


def panel(body: Text, title: Text | str, console: Console | None = None, **style: Any) -> Panel:
    """A framed ``body`` under ``title``, whose title is never cut: on a screen too narrow
    for it in the border (rich cuts it there: "Meeting a protector p─" at 40 columns), it is
    the first line inside the frame instead, in bold. ``console`` is where it is printed
    (standard output's when None)."""
    from rich.cells import cell_len
    from rich.panel import Panel
    from rich.text import Text

    console = console or out()
    plain = title.plain if isinstance(title, Text) else title
    if cell_len(plain) > console.width - TITLE_FRAME:
        heading = title.copy() if isinstance(title, Text) else Text(title)
        heading.stylize("bold")
        return Panel(Text.assemble(heading, "\n\n", body), **style)
    return Panel(body, title=title, **style)
