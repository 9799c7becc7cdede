"""An entry's answers as plain text, for editing them by hand, and read back exactly.

``edit`` gives the editor this instead of the raw file: each question as a heading, what was
answered under it, nothing else to get wrong (the raw file, with ids and dates, is one flag away:
``edit --raw``). Only the answers change; everything else stays as it was in the file.

The text::

    # Meeting a protector part, Sunday 22 November 2026, 21:00
    # Change your answers under their questions, then save and close the editor.
    # ...

    ## situation
    # Think of one particular situation that ...
    The team meeting on Monday

    ## activation_before
    # Holding that situation in mind, how stirred up do you feel? (a number from 0 to 10)
    7

A line ``## <step>`` is a question; the ``#`` lines partsjournal writes are notes, and only those
are left out when the text is read back: a ``#`` line the person types is part of the answer. An
answer's own line that starts with ``#`` or ``\\`` is written with a ``\\`` before it, and read
without it, so that any text at all (a line that looks like a question or a note too) comes back
exactly as written.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from partsjournal.core import dates, index
from partsjournal.core import messages as msg
from partsjournal.core.entry import Entry
from partsjournal.core.errors import JournalError
from partsjournal.core.store import dump_toml, loads_toml, read_toml
from partsjournal.flow import editing

HEADING = re.compile(r"## (\S+)\Z")
ESCAPE = "\\"
INTRO = tuple(msg.ENTRY_TEXT_NOTES.splitlines())
SKIPPED_KINDS = frozenset({"guide"})  # "press a key to go on": nothing to edit


class TextRefused(JournalError):
    """The edited text cannot become the entry's answers; says why."""


def _editable(answers: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a for a in answers if a.get("kind") not in SKIPPED_KINDS]


def _value_lines(answer: dict[str, Any]) -> list[str]:
    value = answer["value"]
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, int):
        return [str(value)]
    if isinstance(value, list):
        return [str(v) for v in value] or [""]
    return str(value).split("\n")


def _hint(answer: dict[str, Any]) -> str:
    value = answer["value"]
    if isinstance(value, bool):
        return msg.TEXT_HINT_YES_NO
    if isinstance(value, int):
        return msg.TEXT_HINT_NUMBER
    if isinstance(value, list):
        return msg.TEXT_HINT_CHOICES
    return ""


def _escaped(line: str) -> str:
    return ESCAPE + line if line.startswith(("#", ESCAPE)) else line


def to_text(data: dict[str, Any], heading: str = "") -> str:
    """The answers of the entry ``data`` (as read from its file) as text to edit."""
    lines = [f"# {heading}"] if heading else []
    lines += [f"# {line}" for line in INTRO]
    for answer in _editable(data.get("answers", [])):
        lines += ["", f"## {answer['step']}"]
        prompt = " ".join(str(answer.get("prompt", "")).split()) + _hint(answer)
        lines += [f"# {line}" for line in textwrap.wrap(prompt, 76) or [""]]
        lines += [_escaped(line) for line in _value_lines(answer)]
    return "\n".join(lines) + "\n\n"


def notes(data: dict[str, Any], heading: str = "") -> set[str]:
    """The note lines :func:`to_text` writes for ``data``: these alone are not answers."""
    lines = to_text(data, heading).split("\n")
    return {line for line in lines if line.startswith("#") and not HEADING.match(line)}


def sections(text: str, ours: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
    """Each question's step id and the text under it, exactly as the person wrote it. A line
    starting with ``#`` is dropped only when it is one of ``ours`` (the notes partsjournal
    wrote); any other is the person's, and kept."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    body = text[:-1] if text.endswith("\n") else text
    for line in body.split("\n"):
        heading = HEADING.match(line.rstrip("\r"))
        if heading is not None:
            step = heading.group(1)
            if step in found:
                raise TextRefused(msg.TEXT_QUESTION_TWICE.format(step=step))
            current = found[step] = []
        elif current is None:  # above the first question: only partsjournal's notes
            if line.strip() and not line.startswith("#"):
                raise TextRefused(msg.TEXT_ABOVE_QUESTIONS.format(line=line.strip()[:40]))
        elif line.rstrip("\r") not in ours:  # partsjournal's own notes are not answers
            current.append(line[1:] if line.startswith(ESCAPE) else line)
    out = {}
    for step, kept in found.items():
        if len(kept) > 1 and kept[-1] == "":  # the blank line before the next question
            kept = kept[:-1]
        out[step] = "\n".join(kept)
    return out


def _parsed(answer: dict[str, Any], text: str) -> Any:
    """``text`` as a value of the same type as the answer had."""
    before = answer["value"]
    step = answer["step"]
    if isinstance(before, bool):
        word = text.strip().casefold()
        if word not in ("yes", "no"):
            raise TextRefused(msg.TEXT_NOT_YES_NO.format(step=step, text=text.strip()))
        return word == "yes"
    if isinstance(before, int):
        try:
            return int(text.strip())
        except ValueError:
            raise TextRefused(
                msg.TEXT_NOT_WHOLE_NUMBER.format(step=step, text=text.strip())
            ) from None
    if isinstance(before, list):
        return [line for line in text.split("\n") if line.strip()]
    return text


def from_text(text: str, data: dict[str, Any]) -> dict[str, Any]:
    """The entry ``data`` with the answers ``text`` gives; every question must still be there
    (its answer may be empty), and no other."""
    given = sections(text, notes(data))
    editable = _editable(data.get("answers", []))
    expected = [a["step"] for a in editable]
    missing = [s for s in expected if s not in given]
    unknown = [s for s in given if s not in expected]
    if missing:
        raise TextRefused(msg.TEXT_QUESTION_MISSING.format(step=missing[0]))
    if unknown:
        raise TextRefused(msg.TEXT_NO_SUCH_QUESTION.format(step=unknown[0]))
    changed = {a["step"]: _parsed(a, given[a["step"]]) for a in editable}
    answers = [
        {**a, "value": changed[a["step"]]} if a["step"] in changed else a
        for a in data.get("answers", [])
    ]
    return {**data, "answers": answers}


def edit_entry(
    path: Path, original: Entry, *, again: Callable[[str], bool] | None = None
) -> Entry | None:
    """Edit an entry's answers as text under their questions (``partsjournal edit``); the
    rest of the file stays as it was. A refused edit keeps the person's text, as any does."""
    data = read_toml(path)
    kept = msg.ENTRY_UNCHANGED

    def back(edited: bytes) -> bytes:
        try:
            return dump_toml(from_text(edited.decode("utf-8"), data), path)
        except UnicodeDecodeError:
            raise editing.BrokenEdit(msg.EDIT_NOT_UTF8.format(kept=kept)) from None
        except TextRefused as exc:
            why = exc.message
            raise editing.BrokenEdit(msg.EDIT_NOT_SAVED.format(reason=why, kept=kept)) from None

    def check(copy: Path) -> Entry:
        return editing.check_entry(original, loads_toml(back(copy.read_bytes()).decode()), path)

    heading = f"{original.title}, {dates.moment_text(original.created)}"
    edited = editing.edit_file(
        path,
        check,
        kept=kept,
        again=again,
        shown=lambda raw: to_text(data, heading).encode("utf-8"),
        saved=back,
        suffix=".txt",
    )
    if edited is not None:
        index.note_saved(path)  # after the file is in place; never fails the edit
    return edited
