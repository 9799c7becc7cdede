"""Text the person typed, made safe to show: never markup, never a terminal command.

Answers and part names are stored exactly as typed. On the way to a screen or a
document they pass through here: rich sees them as :class:`rich.text.Text`
(so ``[bold]`` is just text), control characters such as ESC are shown as
``\\x1b`` instead of reaching the terminal, and markdown gets them with its
special characters escaped, so the document's structure is always the program's.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from partsjournal.core.wording import one_or_many as one_or_many
from partsjournal.core.wording import plural as plural

if TYPE_CHECKING:
    from rich.text import Text

# C0 and C1 controls (tab and newline are handled apart), DEL, and the invisible
# characters that reorder or hide text (bidi marks, overrides and isolates, zero-width space).
# The zero-width joiner and non-joiner stay: they build emoji and shape Persian or Indic words.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    return _written_out(ord(match.group()))


def _written_out(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _unshowable(problem: UnicodeError) -> tuple[str, int]:
    """For a stream that cannot show a character (``PYTHONIOENCODING=ascii``): the character
    written out as :func:`visible` writes a control one (``\\xe9``), never an error."""
    if not isinstance(problem, UnicodeEncodeError):
        raise problem
    bad = problem.object[problem.start : problem.end]
    return "".join(_written_out(ord(c)) for c in bad), problem.end


UNSHOWABLE = "partsjournal-unshowable"  # the name of that error handler, for streams
codecs.register_error(UNSHOWABLE, _unshowable)


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character written out (``\\x1b``); with
    ``one_line`` newlines and tabs too, for names and table cells."""
    shown = _CONTROL.sub(_escape, text)
    if one_line:
        shown = shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")
    return shown


def sentence(text: str) -> str:
    """A message on one line, as the one catch point prints it: every control character,
    line break and tab written out (``\\x1b``, ``\\n``, ``\\t``), letters kept ("Café")."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


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


# --------------------------------------------------------------------------- wrapping
#
# Messages are broken between words to fit the screen, never inside a word, a path
# or a command the person is meant to type: "partsjournal parts show NAME" stays on
# one line when it fits on a line at all.

_CLOSES_SENTENCE = (".", ",", ";", ":", "!", "?", ")")


def _is_command_start(token: str) -> bool:
    return token.lstrip("'\"`(") == "partsjournal"


def _continues_command(token: str, previous: str, words: int, quote: str | None) -> bool:
    """Whether ``token`` is still part of the command that ``previous`` belongs to."""
    if quote is not None:  # inside a quoted argument: "how to reach them"
        return True
    if previous.endswith(_CLOSES_SENTENCE):
        return False
    if token.startswith(("-", '"', "'")) or token.isupper() or any(c.isdigit() for c in token):
        return True
    if previous.startswith("-") and not previous.startswith("--debug"):
        return True  # an option's value: --realm body
    return token[:1].islower() and words < 3  # a command and its subcommands


_WEEKDAY = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?$")
_DAY = re.compile(r"\d{1,2}$")
_MONTH = re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*")


def _in_a_date(token: str, following: str) -> bool:
    """ "Mon 23 Nov", "23 November 2026": the words of a date stay on one line."""
    if _WEEKDAY.match(token) or _DAY.match(token):
        return bool(_DAY.match(following.rstrip(".,;:)")) or _MONTH.match(following))
    return bool(_MONTH.match(token) and re.match(r"\d{4}\b", following))


_NUMBER_GROUP = re.compile(r"[+(]?\d[\d()./-]*")


def _in_a_number(token: str, following: str) -> bool:
    """ "116 123", "020 7946 0001", "+44 20 7946": the groups of a phone number stay on
    one line (dialled from the first row alone, "116" is another number)."""
    return bool(_NUMBER_GROUP.fullmatch(token)) and bool(
        _NUMBER_GROUP.fullmatch(following.rstrip(".,;:)"))
    )


def _glued_gaps(tokens: list[str]) -> set[int]:
    """Indexes ``i`` of the gaps after ``tokens[i]`` that lie inside a command, a date or
    a phone number."""
    glued = {
        i
        for i in range(len(tokens) - 1)
        if _in_a_date(tokens[i], tokens[i + 1]) or _in_a_number(tokens[i], tokens[i + 1])
    }
    i = 0
    while i < len(tokens):
        if not _is_command_start(tokens[i]) or tokens[i].endswith(":"):
            i += 1
            continue
        opener = tokens[i][0] if tokens[i][0] in "'`" else None
        words, quote, j = 0, None, i + 1
        while j < len(tokens):
            prev, token = tokens[j - 1], tokens[j]
            if opener is not None and j - 1 > i and prev.rstrip(".,;:)").endswith(opener):
                break
            if not _continues_command(token, prev, words, quote):
                break
            if token[:1].islower():
                words += 1
            for mark in ('"', "'"):
                if token.count(mark) % 2 == 1 and not (opener == "'" and mark == "'"):
                    quote = None if quote == mark else (quote or mark)
            glued.add(j - 1)
            j += 1
        i = j
    return glued


def break_points(text: str, width: int, measure: Callable[[str], int] = len) -> list[int]:
    """Where to turn a space of ``text`` into a line break so no line is wider than
    ``width``; only spaces, and none inside a command unless the command alone is
    wider than a line."""
    breaks: list[int] = []
    offset = 0
    for line in text.split("\n"):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
        tokens = [line[a:b] for a, b in spans]
        glued = _glued_gaps(tokens)
        # join glued tokens into units: (start, end) in the line
        units: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(spans):
            if k > 0 and (k - 1) in glued:
                units[-1] = (units[-1][0], b)
            else:
                units.append((a, b))
        units = [piece for u in units for piece in _split_if_too_wide(line, u, width, measure)]
        start = 0  # where the current screen line starts
        for a, b in units:
            if a > start and measure(line[start:b]) > width and line[start:a].strip():
                breaks.append(offset + a - 1)  # the space just before this unit
                start = a
        offset += len(line) + 1
    return breaks


def _split_if_too_wide(
    line: str, unit: tuple[int, int], width: int, measure: Callable[[str], int]
) -> list[tuple[int, int]]:
    a, b = unit
    if measure(line[a:b]) <= width or " " not in line[a:b]:
        return [unit]
    return [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", line[a:b])]


def wrap(text: str, width: int, measure: Callable[[str], int] = len) -> str:
    """``text`` with line breaks between words so each line fits ``width`` columns."""
    chars = list(text)
    for at in break_points(text, width, measure):
        chars[at] = "\n"
    return "".join(chars)
