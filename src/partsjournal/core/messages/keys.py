"""An encrypted journal: its key files, the passphrase, the recovery key and the keyring."""

RECOVERY_KEY_BELOW = (
    "Your recovery key is below. Write it down and keep it somewhere safe, away from this "
    "computer: with it you (or anyone holding it) can open the journal if the passphrase "
    "is forgotten or the key file is lost."
)
DECRYPTED_SOME = "Decrypted {files}."
DECRYPT_UNOPENED = (
    "{files} could not be opened with this key (first: {first}) and stayed encrypted, so "
    "the journal stays encrypted and its key files are kept; move those files out of the "
    "journal if they are not yours, then run 'partsjournal decrypt' again."
)
PASSPHRASE_CHANGED = "Your new passphrase is set; your entries were not touched."
ENCRYPT_RENAMED = (
    "Renamed {count} part and session {files}: their names show only a date or a random id "
    "now, never a part's name or a session's kind."
)
KEYS_WRITTEN_AGAIN = "Wrote {written} again from your journal's key; saving works again."
STRAYS_REMOVED = (
    "Removed {files} a stopped command had left half-written (plain copies of journal files)."
)
EDITS_SEALED = "Encrypted {files} of edits kept for you to fix (first: {first})."
ENCRYPT_SAME_ID = (
    "{other} carries the same id as another file, so it kept its name (it is not read as a "
    "part or session); move it out of the folder if it is a copy."
)
DECRYPT_NOTHING = "The journal is plain text; there was nothing to decrypt."
DECRYPTED_ALL = "Decrypted {files}; the journal is plain text again."
PASSPHRASE_ONE_OPTION = "Give one of --recover, --remember or --forget at a time."
KEYRING_REMEMBERED = (
    "Your journal's key is now kept in your system keyring, so the passphrase is not "
    "asked. The trade: while you are logged in, anyone or any program using your account "
    "can open the journal too. 'partsjournal passphrase --forget' undoes it."
)
ENCRYPTED = (
    "Encrypted {files}{already}. New entries are encrypted when they are saved, without "
    "the passphrase; reading asks for it once per command."
)
ENCRYPT_NAME_KEPT = (
    "Could not read {first}{more}, so its name was kept; fix or move it, then run "
    "'partsjournal encrypt' again."
)
KEYRING_FORGOTTEN = "The key is out of the system keyring; the passphrase will be asked again."
KEYRING_NOTHING = "The key was not kept in the system keyring; nothing to forget."
ENCRYPTED_ALREADY = " ({count} already were)"
ENCRYPT_UNREADABLE_MORE = " (and {more} more part or session {files})"
KEY_RECOVER_HINT = (
    "restore it from a backup, or run 'partsjournal passphrase --recover' and type the "
    "recovery key you kept when you encrypted the journal"
)
KEY_REPAIR_HINT = (
    "run 'partsjournal encrypt' to write it again from your journal's key (it asks for "
    "your passphrase)"
)
PASSPHRASE_NO_TERMINAL = (
    "This needs your journal's passphrase and there is no terminal to ask for it; run the "
    "command in a terminal, or set {variable} to your identity file."
)
KEYS_WRONG = (
    "This journal is encrypted, but {where} {wrong}, so nothing was saved (never as plain "
    "text); {hint}."
)
KEYS_COPY_WRONG = (
    "This journal is encrypted, but {public} {wrong}, so {where} cannot be checked and "
    "nothing was saved; {hint}."
)
KEYS_OTHER_KEY = (
    "This journal is encrypted, but {where} holds another key than the journal's own (kept "
    "in {public}), so nothing was saved to it; {hint}."
)
KEYS_NOT_UNLOCKING = (
    "This journal is encrypted, but {where} holds another key than the one that unlocks "
    "your journal, so nothing was saved to it; {hint}."
)
KEY_FILE_DAMAGED = "The key file {where} is damaged; {hint}."
KEY_FILE_NO_IDENTITY = "{where} holds no age identity (a line starting with {prefix}); {hint}."
IDENTITY_UNREADABLE = (
    "{variable} points at {where}, which could not be read; point it at your identity "
    "file, or unset it to use the passphrase."
)
KEY_FILE_MISSING = "This journal is encrypted but its key file {where} is missing; {hint}."
KEY_FILE_UNREADABLE = "The key file {where} could not be read ({reason}); {hint}."
PASSPHRASE_WRONG = (
    "That passphrase does not unlock this journal; nothing was changed (try again, or run "
    "'partsjournal passphrase --recover' if it is forgotten)."
)
KEY_OPENS_NOTHING = (
    "The key at hand opens none of the journal's {files}, so nothing was changed; check "
    "{variable}, or run 'partsjournal passphrase --recover' with your recovery key."
)
RECOVERY_KEY_ASK = "Recovery key (AGE-SECRET-KEY-1...):"
NOT_A_RECOVERY_KEY = (
    "That is not a recovery key (it starts with AGE-SECRET-KEY-1 and has no spaces); check "
    "it and try again, nothing was changed."
)
NOT_ENCRYPTED = "This journal is not encrypted; run 'partsjournal encrypt' first."
KEY_NOT_THIS_JOURNAL = (
    "That key does not belong to this journal (its public key differs from {public} and it "
    "opens none of its files); nothing was changed."
)
WAITING_FOR_COMMAND = (
    "Waiting for another partsjournal command to finish with {path} (Ctrl-C stops here; "
    "running this again finishes the job)."
)
KEYRING_MISSING = (
    "Keeping the key in your system keyring needs the keyring package (pip install "
    "keyring); nothing was changed."
)
KEYRING_UNAVAILABLE = (
    "No system keyring is available here, so the key was not kept; the passphrase will be "
    "asked as before."
)
CONVERSION_RUNNING = (
    "Another encrypt, decrypt or passphrase change is running on this journal right now; "
    "let it finish (or stop it), then run this again. Nothing was changed."
)
PASSPHRASE_CHOOSE = "Choose a passphrase for your journal:"
PASSPHRASE_AGAIN = "Type the same passphrase again:"
PASSPHRASE_EMPTY = "The passphrase cannot be empty; nothing was changed."
PASSPHRASES_DIFFER = "The two passphrases were not the same; nothing was changed."
KEYS_CANNOT_SET_RIGHT = (
    "This journal is encrypted, but {recipient} cannot be set right because no key is at "
    "hand: its key file {identity} is missing and {variable} is not set; set it to your "
    "identity file, or {hint}."
)
IDENTITY_OTHER_KEY = (
    "{variable} names another key than this journal's (kept in {public}); point it at the "
    "journal's identity file, or unset it to use the passphrase. Nothing was changed."
)
KEY_IS_MISSING = "is missing"
KEY_NOT_READ = "could not be read ({reason})"
KEY_IS_EMPTY = "is empty"
KEY_NOT_PUBLIC = "does not hold a public key (one line starting with age1)"
