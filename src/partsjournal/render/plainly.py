"""Plain output: what a screen reader, ``TERM=dumb`` or an ASCII-only stream is given.

The screens are drawn as usual and made plain on their way out, in one place, so no renderer
keeps a plain copy of itself: tables lose their boxes (their header row stays, so each column
still says what it holds), panels become their title above their text, trees become indented
lines, and the marks partsjournal draws (arrows, bullets, bars, dashes, quotes) become ASCII.
Colour is never used in plain output, and no meaning rests on colour or on a mark alone: every
bar stands beside its number, and the trend line is written in numbers (render/review).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

# Every mark partsjournal or rich draws, and what it is in plain output.
ASCII = str.maketrans(
    {
        "→": "->",
        "←": "<-",
        "•": "-",
        "·": "-",
        "—": "-",
        "\u2013": "-",  # en dash
        "…": "...",
        "“": '"',
        "”": '"',
        "\u2018": "'",
        "\u2019": "'",
        "±": "+/-",
        "\u00d7": "x",  # multiplication sign
        "█": "#",
        "━": "-",
        "─": "-",
        "│": "|",
    }
)


def ascii_marks(text: str) -> str:
    """``text`` with partsjournal's marks written in ASCII (anything else is left as it is)."""
    return text.translate(ASCII)


class AsciiWriter:
    """A stream that writes through to the stream ``get`` returns at each write (the
    process's stdout or stderr of the moment), with the marks in ASCII."""

    def __init__(self, get: Callable[[], IO[str]]) -> None:
        self._get = get

    def write(self, text: str) -> int:
        return self._get().write(ascii_marks(text))

    def flush(self) -> None:
        self._get().flush()

    def isatty(self) -> bool:
        return self._get().isatty()

    def fileno(self) -> int:
        return self._get().fileno()

    @property
    def encoding(self) -> str:
        return str(getattr(self._get(), "encoding", None) or "utf-8")


def plain_console(*, stderr: bool, **options: Any) -> Console:
    """A rich console that writes every renderable plainly (see the module's text)."""
    import sys

    from rich.console import Console

    class PlainConsole(Console):
        def print(self, *objects: Any, **kwargs: Any) -> None:
            kwargs.pop("style", None)  # no colour, and no meaning in one
            super().print(*(unboxed(o) for o in objects), **kwargs)

    stream = (lambda: sys.stderr) if stderr else (lambda: sys.stdout)
    return PlainConsole(
        stderr=stderr,
        file=AsciiWriter(stream),  # type: ignore[arg-type]
        color_system=None,
        no_color=True,
        emoji=False,
        highlight=False,
        **options,
    )


def unboxed(renderable: Any) -> RenderableType:
    """``renderable`` without boxes, borders or tree lines (inside groups too)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    if isinstance(renderable, Table):
        renderable.box = None
        renderable.show_edge = False
        renderable.border_style = None
        return renderable
    if isinstance(renderable, Panel):
        title = renderable.title
        inner = unboxed(renderable.renderable)
        if not title:
            return inner
        heading = title.copy() if isinstance(title, Text) else Text(str(title))
        return Group(heading, inner, Text(""))
    if isinstance(renderable, Tree):
        return Group(*_tree_lines(renderable, 0))
    if isinstance(renderable, Group):
        return Group(*(unboxed(r) for r in renderable.renderables))
    return renderable  # type: ignore[no-any-return]


def _tree_lines(tree: Any, depth: int) -> Iterable[Any]:
    """The root's label, then every node under it as "- label", indented by its depth."""
    from rich.padding import Padding

    if depth == 0:
        if not tree.hide_root:
            yield unboxed(tree.label)
    else:
        yield Padding(_one_line(tree.label), (0, 0, 0, 2 * (depth - 1)))
    for child in tree.children:
        yield from _tree_lines(child, depth + 1)


def _one_line(label: Any) -> Any:
    """A tree's label as one item of an indented list: "- " before it."""
    from rich.text import Text

    if isinstance(label, str):
        return Text("- " + label)
    if isinstance(label, Text):
        return Text("- ").append_text(label)
    from rich.columns import Columns

    return Columns(["- ", label], padding=0)
