"""A :class:`~partsjournal.views.review_data.Review` on screen (rich): the sections of
:mod:`partsjournal.render.review_sections`, the same the markdown document draws."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partsjournal.render import ui
from partsjournal.render.review import TIMES, bar
from partsjournal.render.review_sections import (
    NO_BAR,
    Block,
    Cell,
    Items,
    Line,
    Quotes,
    Table,
    sections,
    title,
)
from partsjournal.render.text import visible
from partsjournal.views.review_data import Review

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


def print_rich(review: Review, console: Console) -> None:
    from rich.text import Text

    for renderable in rich_renderables(review):
        if isinstance(renderable, Text):  # broken between words, never in a command or date
            renderable = ui.fitted(renderable, console)
        console.print(renderable)


def to_plain_text(review: Review, width: int = 100) -> str:
    """The rich layout without colours, for ``--output FILE`` with the rich format."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, force_terminal=False, highlight=False
    )
    print_rich(review, console)
    return buffer.getvalue()


def rich_renderables(review: Review) -> list[RenderableType]:
    """The sections of :mod:`partsjournal.render.review_sections`, drawn for the screen."""
    from rich.text import Text

    out: list[RenderableType] = [Text(title(review), style="bold")]
    for section in sections(review, visible):
        if section.title:
            out += [Text(""), Text(section.title, style="bold cyan")]
        for block in section.blocks:
            out += _block(block)
    return out


_TONES = {"note": "dim", "warn": "yellow"}


def _block(block: Block) -> list[RenderableType]:
    from rich.table import Table as RichTable
    from rich.text import Text

    if isinstance(block, Line):
        said = f"{block.text} {block.command}" if block.command else block.text
        return [Text(said, style=_TONES.get(block.tone, ""))]
    if isinstance(block, Items):
        return [Text(f"• {line}") for line in block.lines]
    if isinstance(block, Quotes):
        return [Text(f"“{words}” — {where}") for words, where in block.pairs]
    rows = block.rows
    right = block.right if isinstance(block, Table) else set()
    table = RichTable(show_header=False, box=None, pad_edge=False)
    for n in range(len(rows[0]) if rows else 0):
        table.add_column(justify="right" if n in right else "left")
    for row in rows:
        table.add_row(*(_cell(c) for c in row))
    return [table]


def _cell(cell: Cell) -> Text:
    from rich.text import Text

    shown = Text()
    if cell.bar != NO_BAR:
        shown.append(bar(cell.bar), style=cell.tone)
    words = f"{TIMES}{cell.count}" if cell.count is not None else cell.text
    if words:
        if len(shown):
            shown.append(" ")
        shown.append(words, style="" if cell.bar != NO_BAR else cell.tone)
    if cell.aside:
        shown.append(cell.aside, style="dim")
    return shown
