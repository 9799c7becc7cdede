"""Text the person typed, made safe to show: never markup, never a terminal command.

Answers and part names are stored exactly as typed. On the way to a screen or a
document they pass through here: rich sees them as :class:`rich.text.Text`
(so ``[bold]`` is just text), control characters such as ESC are shown as
``\\x1b`` instead of reaching the terminal, and markdown gets them with its
special characters escaped, so the document's structure is always the program's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# C0 and C1 controls (tab and newline are handled apart), DEL, and the invisible
# characters that reorder or hide text (bidi overrides and isolates, zero-width).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character written out (``\\x1b``); with
    ``one_line`` newlines and tabs too, for names and table cells."""
    shown = _CONTROL.sub(_escape, text)
    if one_line:
        shown = shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")
    return shown


def literal(text: str, style: str = "", *, one_line: bool = False) -> Text:
    """User text for rich: a :class:`Text`, never parsed as markup."""
    from rich.text import Text

    return Text(visible(text, one_line=one_line), style=style)


# Characters that can start markdown structure anywhere in a line, and at its start.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~!&#])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md(text: str, *, one_line: bool = False) -> str:
    """User text for markdown: special characters escaped, controls made visible.

    With ``one_line`` (headings, table cells, names) newlines are written out,
    so a name can never start a heading or a new block.
    """
    escaped = _MD_INLINE.sub(r"\\\1", visible(text, one_line=one_line))
    return "\n".join(_MD_LINE_START.sub(_guard_line_start, line) for line in escaped.split("\n"))


def _guard_line_start(match: re.Match[str]) -> str:
    """``- x`` and ``+ x`` start lists, ``===`` underlines a heading, ``1.`` numbers a list."""
    space, mark = match.groups()
    return f"{space}{mark}\\" if mark[0].isdigit() else f"{space}\\{mark}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 practice", "3 practices" ("1 entry", "2 entries" with ``many``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
