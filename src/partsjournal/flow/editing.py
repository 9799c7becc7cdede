"""Editing a journal file by hand: the one editor flow, for entries and parts.

The edit is made on a private copy in the same folder (hidden, so never read
as an entry or a part). Only a copy that passes the caller's check replaces
the file, atomically and byte for byte as the person saved it, comments
included (in an encrypted journal the copy is plain text while the editor has
it open, and the file is encrypted again when it is saved). For an entry the
check is :func:`check_entry`: it must still read as an entry with the same id,
a date on the same day and no lower ``schema``.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from partsjournal import prompts
from partsjournal.core import index, parts
from partsjournal.core.entry import Entry, from_dict
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.parts import Part
from partsjournal.core.store import (
    UnreadableFile,
    dump_toml,
    loads_toml,
    locked,
    read_file,
    read_toml,
    write_file,
)
from partsjournal.flow import entry_text
from partsjournal.flow.engine import Paused
from partsjournal.render import ui

T = TypeVar("T")


class BrokenEdit(JournalError):
    """The edited copy cannot replace the file; the original is kept."""


# Tried in order when neither $VISUAL nor $EDITOR is set, as git falls back: the
# system's chosen editor first, then nano before vi, since it shows how to save and leave.
FALLBACK_EDITORS = ("editor", "nano", "vi")


def editor_command() -> list[str]:
    """The person's editor as a command line: $VISUAL, else $EDITOR, else the first of
    :data:`FALLBACK_EDITORS` found on the PATH (named on screen, so it is no surprise)."""
    editor = (os.environ.get("VISUAL") or os.environ.get("EDITOR") or "").strip()
    if not editor:
        found = next((e for e in FALLBACK_EDITORS if shutil.which(e)), None)
        if found is None:
            raise UsageError(
                "No editor was found; set $EDITOR to the editor you use "
                "(for example EDITOR=nano) and try again."
            )
        ui.say(f"Opening it in {found}, since $VISUAL and $EDITOR are not set.")
        return [found]
    try:
        return shlex.split(editor)
    except ValueError:
        raise UsageError(
            f"$EDITOR ('{editor}') could not be read as a command; check its quotes."
        ) from None


def edit_file(
    path: Path,
    check: Callable[[Path], T],
    *,
    kept: str,
    again: Callable[[str], bool] | None = None,
    shown: Callable[[bytes], bytes] | None = None,
    saved: Callable[[bytes], bytes] | None = None,
    suffix: str = ".edit.toml",
) -> T | None:
    """Open a copy of ``path`` in the editor; if it changed and ``check(copy)``
    accepts it, the copy replaces ``path``. ``None`` when nothing changed.

    ``check`` raises :class:`JournalError` saying what is wrong; ``kept`` ends
    every refusal ("your entry is unchanged"). A refused edit is never thrown
    away: ``again`` (by default a yes/no question in a terminal) offers to open
    the copy again to fix it, and otherwise the copy is kept and its place said.
    If the file changed on disk while the editor was open (another ``edit``, a
    rename), the copy is kept and nothing is overwritten.

    ``shown`` turns the file into what the editor shows (the answers as text), and
    ``saved`` turns what was edited back into the file (``check`` sees the copy as edited);
    by default the editor has the file itself.
    """
    command = editor_command()
    on_disk = read_file(path)
    original = shown(on_disk) if shown is not None else on_disk
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=suffix, dir=path.parent)
    copy = Path(name)
    with os.fdopen(fd, "wb") as f:
        f.write(original)
    keep = False
    try:
        while True:
            try:
                _open_editor(command, copy, kept)
            except JournalError as failed:
                if not copy.is_file() or copy.read_bytes() == original:
                    raise
                keep = True
                reason = str(failed).rstrip(".")
                raise BrokenEdit(f"{reason}; what you typed is kept in {copy}.") from None
            edited = _read_edited(copy, kept)
            if edited == original:
                keep = False  # changed back to the original: nothing of theirs to keep
                return None
            try:
                result = check(copy)
            except JournalError as refused:
                keep = True
                reason = str(refused).rstrip(".")
                if _ask_again(again, f"{reason}. Open your edit again to fix it?"):
                    continue
                raise BrokenEdit(f"{reason}; what you typed is kept in {copy}.") from None
            break
        keep = True
        with locked(path):
            if read_file(path) != on_disk:
                raise BrokenEdit(
                    f"{path} was changed by another command while you were editing it, so "
                    f"your edit was not saved over that change; what you typed is kept in {copy}."
                )
            write_file(path, saved(edited) if saved is not None else edited)
        keep = False
        return result
    finally:
        if not keep:
            with contextlib.suppress(OSError):  # gone, or a folder the editor left
                copy.rmdir() if copy.is_dir() else copy.unlink()


def _read_edited(copy: Path, kept: str) -> bytes:
    """What the editor left in the copy; an editor that removed it, or put a folder
    there, is told apart from a bad edit."""
    try:
        return copy.read_bytes()
    except FileNotFoundError:
        raise JournalError(
            f"The editor removed the file it was editing, so there is nothing to save; {kept}."
        ) from None
    except IsADirectoryError:
        raise JournalError(
            f"The editor left a folder where the file it was editing should be; {kept}."
        ) from None


def _open_editor(command: list[str], copy: Path, kept: str) -> None:
    try:
        code = subprocess.call([*command, str(copy)])
    except OSError as exc:
        raise JournalError(
            f"Could not start the editor '{command[0]}' ({exc.strerror}); check $EDITOR; {kept}."
        ) from None
    if code != 0:
        raise JournalError(f"The editor stopped with an error (exit {code}); {kept}.")


def _ask_again(again: Callable[[str], bool] | None, question: str) -> bool:
    """Whether to reopen a refused edit: ``again``, else a question in a terminal."""
    if again is not None:
        return again(question)
    if not ui.can_prompt():
        return False
    try:
        return prompts.confirm(question, default=True)
    except Paused:
        return False


ENTRY_KEPT = "your entry is unchanged"


def check_entry(original: Entry, copy: Path, path: Path) -> Entry:
    """The entry the edited copy describes, or :class:`BrokenEdit` saying why not."""
    try:
        data = read_toml(copy)
    except UnreadableFile as exc:
        raise BrokenEdit(f"The edit was not saved because {exc.reason}; {ENTRY_KEPT}.") from None
    return check_entry_data(original, data, path)


def check_entry_data(original: Entry, data: dict[str, Any], path: Path) -> Entry:
    """The entry ``data`` describes, if it may replace ``original``; else :class:`BrokenEdit`."""
    try:
        edited = from_dict(data, path)
    except UnreadableFile as exc:
        raise BrokenEdit(f"The edit was not saved because {exc.reason}; {ENTRY_KEPT}.") from None
    if edited.id != original.id:
        raise BrokenEdit(f"The id must stay {original.id} because it names the file; {ENTRY_KEPT}.")
    if edited.day != original.day:
        raise BrokenEdit(
            f"'created' must stay on {original.day}, the day in the entry's id "
            f"(to date an entry differently, write a new one with --at); {ENTRY_KEPT}."
        )
    if edited.schema < original.schema:
        raise BrokenEdit(
            f"'schema' cannot go down from {original.schema} to {edited.schema}; {ENTRY_KEPT}."
        )
    return edited


def edit_entry(
    path: Path, original: Entry, *, again: Callable[[str], bool] | None = None
) -> Entry | None:
    edited = edit_file(
        path, lambda copy: check_entry(original, copy, path), kept=ENTRY_KEPT, again=again
    )
    if edited is not None:
        index.note_saved()  # after the file is in place; never fails the edit
    return edited


def edit_entry_text(
    path: Path, original: Entry, *, again: Callable[[str], bool] | None = None
) -> Entry | None:
    """Edit an entry's answers as plain text under their questions (:mod:`flow.entry_text`);
    everything else in the file stays as it was. A refused edit keeps the person's text."""
    data = read_toml(path)

    def back(edited: bytes) -> bytes:
        try:
            text = edited.decode("utf-8")
        except UnicodeDecodeError:
            raise BrokenEdit(f"The edit is not UTF-8 text; {ENTRY_KEPT}.") from None
        try:
            return dump_toml(entry_text.from_text(text, data), path)
        except entry_text.TextRefused as exc:
            why = exc.message
            raise BrokenEdit(f"The edit was not saved because {why}; {ENTRY_KEPT}.") from None

    def check(copy: Path) -> Entry:
        return check_entry_data(original, loads_toml(back(copy.read_bytes()).decode()), path)

    when = original.created
    heading = f"{original.title}, {when:%A} {when.day} {when:%B %Y, %H:%M}"
    edited = edit_file(
        path,
        check,
        kept=ENTRY_KEPT,
        again=again,
        shown=lambda raw: entry_text.to_text(data, heading).encode("utf-8"),
        saved=back,
        suffix=".edit.txt",
    )
    if edited is not None:
        index.note_saved()
    return edited


PART_KEPT = "the part is unchanged"


def edit_part(part: Part, *, again: Callable[[str], bool] | None = None) -> Part | None:
    """Edit a part's file by hand; the copy must still be a valid part with the same id."""

    def check(copy: Path) -> Part:
        try:
            data = read_toml(copy)
        except UnreadableFile as exc:
            raise BrokenEdit(
                f"The edited file could not be read ({exc.reason}); {PART_KEPT}."
            ) from None
        return parts.check_edit(data, part)

    return edit_file(parts.part_path(part.id), check, kept=PART_KEPT, again=again)
