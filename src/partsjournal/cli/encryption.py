"""``partsjournal encrypt``, ``decrypt`` and ``passphrase``: encryption at rest."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.core import encryption, keyfiles
from partsjournal.core import messages as msg
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
        msg.ENCRYPTED.format(
            files=_files(len(result.converted)),
            already=msg.ENCRYPTED_ALREADY.format(count=result.unchanged)
            if result.unchanged
            else "",
        )
    )
    if result.renamed:
        ui.say(
            msg.ENCRYPT_RENAMED.format(
                count=len(result.renamed), files=one_or_many(len(result.renamed), "file", "files")
            )
        )
    if result.names_kept:
        first, more = result.names_kept[0], len(result.names_kept) - 1
        ui.warn(
            msg.ENCRYPT_NAME_KEPT.format(
                first=first,
                more=msg.ENCRYPT_UNREADABLE_MORE.format(
                    more=more, files=one_or_many(more, "file", "files")
                )
                if more
                else "",
            )
        )
    if result.keys_written:
        ui.say(
            msg.KEYS_WRITTEN_AGAIN.format(written=" and ".join(str(p) for p in result.keys_written))
        )
    if result.strays_removed:
        ui.say(msg.STRAYS_REMOVED.format(files=_files(result.strays_removed)))
    if result.edits_sealed:
        ui.say(
            msg.EDITS_SEALED.format(
                files=_files(len(result.edits_sealed)), first=result.edits_sealed[0]
            )
        )
    for other in result.same_id:
        ui.warn(msg.ENCRYPT_SAME_ID.format(other=other))


def _show_recovery_key(key: str) -> None:
    ui.say(msg.RECOVERY_KEY_BELOW)
    ui.say(f"\n    {key}\n")


def decrypt() -> None:
    """Write every journal file as plain text again and remove the journal's key."""
    result = encryption.decrypt()
    if not result.converted and not result.unreadable:
        ui.say(msg.DECRYPT_NOTHING)
        return
    if not result.unreadable:
        ui.say(msg.DECRYPTED_ALL.format(files=_files(len(result.converted))))
        return
    ui.say(msg.DECRYPTED_SOME.format(files=_files(len(result.converted))))
    first = result.unreadable[0]
    ui.warn(msg.DECRYPT_UNOPENED.format(files=_files(len(result.unreadable)), first=first))


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
        raise UsageError(msg.PASSPHRASE_ONE_OPTION)
    if remember:
        keyfiles.remember_in_keyring()
        ui.say(msg.KEYRING_REMEMBERED)
        return
    if forget:
        had = keyfiles.forget_keyring()
        ui.say(msg.KEYRING_FORGOTTEN if had else msg.KEYRING_NOTHING)
        return
    encryption.change_passphrase(recover=recover)
    ui.say(msg.PASSPHRASE_CHANGED)


def _files(n: int) -> str:
    return plural(n, "file")
