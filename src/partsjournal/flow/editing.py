"""Editing a journal file by hand: the one editor flow, for entries and parts.

The edit is made on a plain copy in a private folder outside ``<home>``
(:func:`edit_folder`: made for this edit, readable by the person only, in
``$XDG_RUNTIME_DIR`` when the system has one, which lives in memory, else in the
system's temporary folder), so an editor's swap and backup files land there too,
never in the journal. The folder is removed on every way out: saved, unchanged,
refused, Ctrl-C, a closed terminal (SIGHUP) or SIGTERM; one left by a process
that was killed outright is removed by the next ``edit``. What the person typed
is never thrown away with it: an edit that is refused, or stopped by a signal
after it was saved in the editor, is kept beside the file as a hidden
``.<name>.<random>.edit.toml``, written as every journal file is (encrypted in
an encrypted journal).

Only a copy that passes the caller's check replaces the file, atomically and
byte for byte as the person saved it, comments included. For an entry the
check is :func:`check_entry`: it must still read as an entry with the same id,
a date on the same day and no lower ``schema``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from partsjournal.core import crypt, index, parts, paths
from partsjournal.core import messages as msg
from partsjournal.core.entry import Entry, from_dict
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.parts import Part
from partsjournal.core.store import UnreadableFile, locked, read_file, read_toml, write_file
from partsjournal.flow import asking
from partsjournal.flow.engine import Paused
from partsjournal.flow.interrupts import stopping_signals_pause
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
            raise UsageError(msg.NO_EDITOR)
        ui.say(msg.EDITOR_FALLBACK.format(found=found))
        return [found]
    try:
        return shlex.split(editor)
    except ValueError:
        raise UsageError(msg.EDITOR_UNREADABLE.format(editor=editor)) from None


def edit_file(
    path: Path,
    check: Callable[[Path], T],
    *,
    kept: str,
    again: Callable[[str], bool] | None = None,
    shown: Callable[[bytes], bytes] | None = None,
    saved: Callable[[bytes], bytes] | None = None,
    suffix: str = "",
) -> T | None:
    """Open a copy of ``path`` in the editor; if it changed and ``check(copy)``
    accepts it, the copy replaces ``path``. ``None`` when nothing changed.

    ``check`` raises :class:`JournalError` saying what is wrong; ``kept`` ends
    every refusal ("your entry is unchanged"). A refused edit is never thrown
    away: ``again`` (by default a yes/no question in a terminal) offers to open
    the copy again to fix it, and otherwise the copy is kept beside the file and
    its place said. If the file changed on disk while the editor was open (another
    ``edit``, a rename), the copy is kept and nothing is overwritten.

    ``shown`` turns the file into what the editor shows (an entry's answers as text, with
    ``suffix`` for the copy's name, ``.txt``), and ``saved`` turns the edited copy back into
    the file (``check`` reads the copy as edited); by default the editor has the file itself.
    """
    command = editor_command()
    crypt.check_can_save()  # an edit that could not be saved is refused before it is typed
    remove_stale_edit_folders()
    on_disk = read_file(path)
    original = shown(on_disk) if shown is not None else on_disk
    form = _Form(on_disk, saved, suffix)
    with edit_folder(path) as folder:
        copy = folder / (path.stem + suffix if suffix else path.name)
        fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(original)
        try:
            with stopping_signals_pause():  # a closed terminal or SIGTERM still cleans up
                return _edit_loop(path, copy, original, command, check, kept, again, form)
        except KeyboardInterrupt:
            if _changed(copy, original):
                keep_edit(path, copy, suffix)  # saved in the editor, not yet checked: kept
            raise


@dataclass(frozen=True)
class _Form:
    """The file as it was on disk, how an edited copy becomes the file again, and the
    suffix a kept copy's name gets ("" for the file's own form)."""

    on_disk: bytes
    saved: Callable[[bytes], bytes] | None
    suffix: str


def _edit_loop(
    path: Path,
    copy: Path,
    original: bytes,
    command: list[str],
    check: Callable[[Path], T],
    kept: str,
    again: Callable[[str], bool] | None,
    form: _Form,
) -> T | None:
    while True:
        try:
            _open_editor(command, copy, kept)
        except JournalError as failed:  # caught here: said with where the typing is kept
            if not _changed(copy, original):
                raise
            reason = str(failed).rstrip(".")
            kept_at = _kept_at(keep_edit(path, copy, form.suffix))
            raise BrokenEdit(msg.EDIT_REFUSED_KEPT.format(reason=reason, kept=kept_at)) from None
        edited = _read_edited(copy, kept)
        if edited == original:
            return None  # changed back to the original: nothing of theirs to keep
        try:
            result = check(copy)
        except JournalError as refused:  # caught here: a refused edit may be opened again
            reason = str(refused).rstrip(".")
            if _ask_again(again, msg.EDIT_AGAIN_ASK.format(reason=reason)):
                continue
            kept_at = _kept_at(keep_edit(path, copy, form.suffix))
            raise BrokenEdit(msg.EDIT_REFUSED_KEPT.format(reason=reason, kept=kept_at)) from None
        break
    with locked(path):
        if read_file(path) != form.on_disk:
            raise BrokenEdit(
                msg.EDIT_CHANGED_MEANWHILE.format(
                    path=path, kept=_kept_at(keep_edit(path, copy, form.suffix))
                )
            )
        write_file(path, form.saved(edited) if form.saved is not None else edited)
    return result


def _changed(copy: Path, original: bytes) -> bool:
    try:
        return copy.read_bytes() != original
    except OSError:
        return False


def keep_edit(path: Path, copy: Path, suffix: str = "") -> Path:
    """Keep what the person typed in ``copy`` beside ``path`` (hidden, so never read as an
    entry or a part), written as every journal file is: encrypted in an encrypted journal.
    ``suffix`` is the copy's form (``.txt`` for answers as text; the file's own by default)."""
    ending = f".edit{suffix}" if suffix else EDIT_SUFFIX
    while True:
        kept = path.with_name(f".{path.stem}.{secrets.token_hex(4)}{ending}")
        try:
            write_file(kept, copy.read_bytes(), exclusive=True)
            return kept
        except FileExistsError:
            continue


def _kept_at(kept: Path) -> str:
    if crypt.is_encrypted():
        return msg.EDIT_KEPT_SEALED.format(path=kept, identity=crypt.identity_path())
    return msg.EDIT_KEPT_AT.format(path=kept)


EDIT_SUFFIX = ".edit.toml"
_FOLDER_PREFIX = "partsjournal-edit-"
_SOURCE = ".source"  # in an edit folder: the path of the file the copy is of


def _private_root() -> Path:
    """Where edit folders go: ``$XDG_RUNTIME_DIR`` (in memory, the person's only) when
    set, else the system's temporary folder; never inside a journal."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime)
    return Path(tempfile.gettempdir())


@contextlib.contextmanager
def edit_folder(path: Path) -> Iterator[Path]:
    """A new folder, 0700, outside ``<home>``, for the copy of ``path`` while it is
    edited; removed with everything in it when the block ends, however it ends."""
    folder = Path(tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-", dir=_private_root()))
    try:
        (folder / _SOURCE).write_bytes(os.fsencode(path))  # the path's own bytes
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_edit_folders() -> None:
    """Remove the edit folders of processes that were killed outright (SIGKILL, a power
    cut) with the plain copy in them; an edit saved in the editor there is first kept
    beside its file in this journal, as a refused one is."""
    root = _private_root()
    try:
        found = [p for p in root.iterdir() if p.name.startswith(_FOLDER_PREFIX)]
    except OSError:
        return
    for folder in found:
        pid = folder.name[len(_FOLDER_PREFIX) :].split("-", 1)[0]
        try:
            mine = not hasattr(os, "getuid") or folder.stat().st_uid == os.getuid()
            if folder.is_symlink() or not mine or _running(pid):
                continue
            source = Path(os.fsdecode((folder / _SOURCE).read_bytes()))
        except (OSError, ValueError):
            continue
        copy = folder / source.name
        if copy.is_file() and not paths.inside_home(source):
            continue  # another journal's: that journal's next edit looks after it
        if copy.is_file():
            try:
                if _changed(copy, read_file(source)):
                    kept = _kept_at(keep_edit(source, copy))
                    ui.warn(msg.EDIT_KEPT.format(kept=kept))
            except JournalError:  # caught here: the journal cannot be used now; kept for later
                continue  # not now (the journal cannot be read or written): kept for later
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: str) -> bool:
    """Whether the process ``pid`` still runs (on Windows, where asking would stop it,
    every process counts as running: its folders are left alone)."""
    if os.name == "nt":
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def new_text(name: str) -> str:
    """Text the person writes in their editor, in an empty file ``name`` in a private
    folder outside ``<home>`` (removed afterwards, as an edit copy is): words that never
    pass through the command line, the process list or the shell's history."""
    command = editor_command()
    with edit_folder(Path(name)) as folder:
        target = folder / name
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        with stopping_signals_pause():
            _open_editor(command, target, msg.NOTHING_SAVED)
        return _text(_read_edited(target, msg.NOTHING_SAVED), msg.WHAT_YOU_WROTE)


def read_stdin(limit: int = 2**20) -> str:
    """Standard input as UTF-8 text (never the locale's encoding), at most ``limit`` bytes."""

    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise UsageError(msg.STDIN_TOO_LONG.format(mib=limit // 2**20))
    return _text(raw, msg.STANDARD_INPUT)


def _text(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(msg.NOT_UTF8_NOTHING_SAVED.format(what=what.capitalize())) from None


def _read_edited(copy: Path, kept: str) -> bytes:
    """What the editor left in the copy; an editor that removed it, or put a folder
    there, is told apart from a bad edit."""
    try:
        return copy.read_bytes()
    except FileNotFoundError:
        raise JournalError(msg.EDITOR_REMOVED_FILE.format(kept=kept)) from None
    except IsADirectoryError:
        raise JournalError(msg.EDITOR_LEFT_FOLDER.format(kept=kept)) from None


def _open_editor(command: list[str], copy: Path, kept: str) -> None:
    try:
        code = subprocess.call([*command, str(copy)])
    except OSError as exc:
        raise JournalError(
            msg.EDITOR_NOT_STARTED.format(editor=command[0], reason=exc.strerror, kept=kept)
        ) from None
    if code != 0:
        raise JournalError(msg.EDITOR_FAILED.format(code=code, kept=kept))


def _ask_again(again: Callable[[str], bool] | None, question: str) -> bool:
    """Whether to reopen a refused edit: ``again``, else a question in a terminal."""
    if again is not None:
        return again(question)
    if not ui.can_prompt():
        return False
    try:
        return asking.terminal().confirm(question, default=True)
    except Paused:
        return False


def check_entry(original: Entry, copy: Path | dict[str, Any], path: Path) -> Entry:
    """The entry the edited copy (or the data made from it) describes, or :class:`BrokenEdit`
    saying why not."""
    try:
        edited = from_dict(copy if isinstance(copy, dict) else read_toml(copy), path)
    except UnreadableFile as exc:
        raise BrokenEdit(
            msg.EDIT_NOT_SAVED.format(reason=exc.reason, kept=msg.ENTRY_UNCHANGED)
        ) from None
    if edited.id != original.id:
        raise BrokenEdit(msg.EDIT_ID_CHANGED.format(id=original.id, kept=msg.ENTRY_UNCHANGED))
    if edited.day != original.day:
        raise BrokenEdit(msg.EDIT_DAY_CHANGED.format(day=original.day, kept=msg.ENTRY_UNCHANGED))
    if edited.schema < original.schema:
        raise BrokenEdit(
            msg.EDIT_SCHEMA_DOWN.format(
                before=original.schema, after=edited.schema, kept=msg.ENTRY_UNCHANGED
            )
        )
    return edited


def edit_entry(
    path: Path, original: Entry, *, again: Callable[[str], bool] | None = None
) -> Entry | None:
    edited = edit_file(
        path, lambda copy: check_entry(original, copy, path), kept=msg.ENTRY_UNCHANGED, again=again
    )
    if edited is not None:
        index.note_saved(path)  # after the file is in place; never fails the edit
    return edited


def edit_part(part: Part, *, again: Callable[[str], bool] | None = None) -> Part | None:
    """Edit a part's file by hand; the copy must still be a valid part with the same id."""

    def check(copy: Path) -> Part:
        try:
            data = read_toml(copy)
        except UnreadableFile as exc:
            raise BrokenEdit(
                msg.EDIT_UNREADABLE.format(reason=exc.reason, kept=msg.PART_UNCHANGED)
            ) from None
        return parts.check_edit(data, part)

    return edit_file(parts.part_path(part.id), check, kept=msg.PART_UNCHANGED, again=again)
