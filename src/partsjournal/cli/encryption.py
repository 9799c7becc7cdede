"""``partsjournal encrypt``, ``decrypt`` and ``passphrase``: encryption at rest."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.core import encryption, keyfiles
from partsjournal.core.errors import UsageError
from partsjournal.core.wording import one_or_many, plural
from partsjournal.flow import editing
from partsjournal.render import ui


def register(app: typer.Typer) -> None:
    app.command("encrypt")(encrypt)
    app.command("decrypt")(decrypt)
    app.command("passphrase")(passphrase)


def encrypt() -> None:
    """Encrypt every journal file in the age format; new files are encrypted as they are saved.

    The first time, you choose a passphrase (asked twice, never shown) and are given a
    recovery key to keep. Running it again finishes a conversion that was stopped.
    """
    editing.remove_stale_edit_folders()  # a killed edit's plain copy, kept encrypted if changed
    result = encryption.encrypt(on_new_key=_show_recovery_key, on_wait=ui.warn)
    ui.say(
        f"Encrypted {_files(len(result.converted))}"
        + (f" ({result.unchanged} already were)" if result.unchanged else "")
        + ". New entries are encrypted when they are saved, without the passphrase; "
        "reading asks for it once per command."
    )
    if result.renamed:
        ui.say(
            f"Renamed {len(result.renamed)} part and session "
            f"{one_or_many(len(result.renamed), 'file', 'files')}: their names show only a date "
            "or a random id now, never a part's name or a session's kind."
        )
    if result.names_kept:
        first, more = result.names_kept[0], len(result.names_kept) - 1
        ui.warn(
            f"Could not read {first}"
            + (
                f" (and {more} more part or session {one_or_many(more, 'file', 'files')})"
                if more
                else ""
            )
            + ", so its name was kept; fix or move it, then run 'partsjournal encrypt' again."
        )
    if result.keys_written:
        ui.say(
            f"Wrote {' and '.join(str(p) for p in result.keys_written)} again from your "
            "journal's key; saving works again."
        )
    if result.strays_removed:
        ui.say(
            f"Removed {_files(result.strays_removed)} a stopped command had left half-written "
            "(plain copies of journal files)."
        )
    if result.edits_sealed:
        ui.say(
            f"Encrypted {_files(len(result.edits_sealed))} of edits kept for you to fix (first: "
            f"{result.edits_sealed[0]})."
        )
    for other in result.same_id:
        ui.warn(
            f"{other} carries the same id as another file, so it kept its name (it is not "
            "read as a part or session); move it out of the folder if it is a copy."
        )


def _show_recovery_key(key: str) -> None:
    ui.say(
        "Your recovery key is below. Write it down and keep it somewhere safe, away from "
        "this computer: with it you (or anyone holding it) can open the journal if the "
        "passphrase is forgotten or the key file is lost."
    )
    ui.say(f"\n    {key}\n")


def decrypt() -> None:
    """Write every journal file as plain text again and remove the journal's key."""
    result = encryption.decrypt()
    if not result.converted and not result.unreadable:
        ui.say("The journal is plain text; there was nothing to decrypt.")
        return
    if not result.unreadable:
        ui.say(f"Decrypted {_files(len(result.converted))}; the journal is plain text again.")
        return
    ui.say(f"Decrypted {_files(len(result.converted))}.")
    first = result.unreadable[0]
    ui.warn(
        f"{_files(len(result.unreadable))} could not be opened with this key (first: {first}) "
        f"and stayed encrypted, so the journal stays encrypted and its key files are kept; move "
        "those files out of the journal if they are not yours, then run 'partsjournal decrypt' "
        "again."
    )


def passphrase(
    recover: Annotated[
        bool,
        typer.Option(
            "--recover",
            help="Type the recovery key instead of the old passphrase (forgotten passphrase, "
            "or a lost or damaged key file).",
        ),
    ] = False,
    remember: Annotated[
        bool,
        typer.Option(
            "--remember",
            help="Keep the unlocked key in your system keyring so the passphrase is not asked "
            "(anyone using your logged-in account can then read the journal).",
        ),
    ] = False,
    forget: Annotated[
        bool, typer.Option("--forget", help="Take the key out of the system keyring again.")
    ] = False,
) -> None:
    """Change the passphrase that protects the journal's key; entries are not rewritten."""
    if sum((recover, remember, forget)) > 1:
        raise UsageError("Give one of --recover, --remember or --forget at a time.")
    if remember:
        keyfiles.remember_in_keyring()
        ui.say(
            "Your journal's key is now kept in your system keyring, so the passphrase is not "
            "asked. The trade: while you are logged in, anyone or any program using your "
            "account can open the journal too. 'partsjournal passphrase --forget' undoes it."
        )
        return
    if forget:
        had = keyfiles.forget_keyring()
        ui.say(
            "The key is out of the system keyring; the passphrase will be asked again."
            if had
            else "The key was not kept in the system keyring; nothing to forget."
        )
        return
    encryption.change_passphrase(recover=recover)
    ui.say("Your new passphrase is set; your entries were not touched.")


def _files(n: int) -> str:
    return plural(n, "file")
