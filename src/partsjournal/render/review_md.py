"""A review as a markdown document (``review --format markdown``): the sections of
:mod:`partsjournal.render.review_sections` in markdown, user text escaped."""

from __future__ import annotations

from partsjournal.render.review import bar
from partsjournal.render.review_sections import (
    NO_BAR,
    Block,
    Cell,
    Chart,
    Items,
    Line,
    Quotes,
    Table,
    sections,
    title,
)
from partsjournal.render.text import md
from partsjournal.views.review_data import Review


def to_markdown(review: Review) -> str:
    out: list[str] = [f"# {title(review)}", ""]
    for section in sections(review, md):
        if section.title:
            out += [f"## {section.title}", ""]
        for block in section.blocks:
            out += _block(block)
    return "\n".join(out).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Line):
        return [f"{block.text} `{block.command}`." if block.command else block.text, ""]
    if isinstance(block, Items):
        return [f"- {line}" for line in block.lines] + [""]
    if isinstance(block, Quotes):
        return [line for words, where in block.pairs for line in (f"> {words}", f"> — {where}", "")]
    if isinstance(block, Table):
        aligns = ["---:" if n in block.right else "---" for n in range(len(block.header))]
        rows = [[_words(c) for c in row] for row in block.rows]
        return [_row(block.header), _row(aligns), *(_row(r) for r in rows), ""]
    assert isinstance(block, Chart)
    cells = [[_drawn(c) for c in row] for row in block.rows]
    widths = [max(len(row[n]) for row in cells) for n in range(len(cells[0]))] if cells else []
    lines = [" ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return ["```text", *(line.rstrip() for line in lines), "```", ""]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _words(cell: Cell) -> str:
    """A table cell in words: a table in a document shows numbers, not bars."""
    return str(cell.count) if cell.count is not None else cell.text + cell.aside


def _drawn(cell: Cell) -> str:
    """A chart cell: its bar in plain characters, or its words."""
    if cell.bar != NO_BAR:
        return bar(cell.bar, full="#", empty=".")
    return _words(cell)
