"""An encrypted journal stays sealed whatever happens to its key files.

``recipient.txt`` lost, emptied, garbled or replaced, ``identity.pub`` damaged: every
command that writes refuses with one sentence that says how to repair it, before a word
is typed, and changes nothing; reading still works and writes no index; ``encrypt``
repairs it from the identity. One owner says whether a journal is encrypted.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest

from partsjournal.core import crypt, index_file, store
from partsjournal.flow import runner
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.crypt_helpers import (
    PASSPHRASE,
    Secrets,
    journal_bytes,
    key_file,
    quick_protect,
    use_secrets,
)
from tests.helpers import parsed, walked

OTHER = pyrage.x25519.Identity.generate()  # a stranger's key
OTHER_PUBLIC = f"{OTHER.to_public()}\n".encode()


def write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def folder_instead(home: Path) -> None:
    (home / crypt.RECIPIENT_FILE).unlink()
    (home / crypt.RECIPIENT_FILE).mkdir()


def both_replaced(home: Path) -> None:
    write(home / crypt.RECIPIENT_FILE, OTHER_PUBLIC)
    write(home / crypt.PUBLIC_FILE, OTHER_PUBLIC)


# Every way the key files can go wrong without the secret key itself: what each does.
BROKEN: dict[str, Callable[[Path], None]] = {
    "recipient missing": lambda home: (home / crypt.RECIPIENT_FILE).unlink(),
    "recipient empty": lambda home: write(home / crypt.RECIPIENT_FILE, b""),
    "recipient a blank line": lambda home: write(home / crypt.RECIPIENT_FILE, b"  \n\n"),
    "recipient garbled": lambda home: write(home / crypt.RECIPIENT_FILE, b"age1notakey\n"),
    "recipient not text": lambda home: write(home / crypt.RECIPIENT_FILE, b"\xff\xfe\x00age1"),
    "recipient twice": lambda home: write(
        home / crypt.RECIPIENT_FILE, (home / crypt.RECIPIENT_FILE).read_bytes() * 2
    ),
    "recipient a folder": folder_instead,
    "recipient another key": lambda home: write(home / crypt.RECIPIENT_FILE, OTHER_PUBLIC),
    "identity.pub garbled": lambda home: write(home / crypt.PUBLIC_FILE, b"not a key\n"),
    "identity.pub another key": lambda home: write(home / crypt.PUBLIC_FILE, OTHER_PUBLIC),
    # both public copies replaced: only the identity can tell (here the identity file
    # PARTSJOURNAL_IDENTITY names, checked before any save)
    "both replaced": both_replaced,
}

EDITOR = (
    "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
    "p.write_text(p.read_text() + '# mine\\n')\n"
)
PROTECTOR = (Path(__file__).parents[1] / "docs" / "examples" / "protector-answers.toml").read_text(
    encoding="utf-8"
)
GROUNDING = "distress = 3\nsafe = true\n"

# Every command that writes to the journal, run without a terminal: its arguments ({answers}
# and {grounding} are files holding PROTECTOR and GROUNDING) and its standard input.
COMMANDS: dict[str, tuple[list[str], str | None]] = {
    "note": (["note", "words in a note"], None),
    "note -": (["note", "-"], "words from standard input"),
    "note, stdin": (["note"], "words from standard input"),
    "exercise": (["exercise", "protector", "--answers", "{answers}"], None),
    "exercise, stdin": (["exercise", "grounding", "--answers", "-"], GROUNDING),
    "ground": (["ground", "--answers", "{grounding}"], None),
    "resume": (["resume", "1", "--answers", "{answers}"], None),
    "session add": (["session", "add", "2026-11-30"], None),
    "session edit": (["session", "edit", "1", "--label", "a label"], None),
    "parts add": (["parts", "add", "Quiet One"], None),
    "parts edit": (["parts", "edit", "The Critic", "--role", "manager"], None),
    "parts edit in editor": (["parts", "edit", "The Critic"], None),
    "parts rename": (["parts", "rename", "The Critic", "The Coach"], None),
    "parts merge": (["parts", "merge", "Little One", "The Critic", "--yes"], None),
    "config contact": (["config", "contact", "add", "Kim", "555 0199"], None),
    "config crisis line": (["config", "crisis-line", "the line I would call"], None),
    "config therapist": (["config", "therapist", "Dr. Lee", "012 345"], None),
    "edit": (["edit", "last"], None),
}


def command_line(command: str, tmp_path: Path) -> tuple[list[str], str | None]:
    files = {"answers": PROTECTOR, "grounding": GROUNDING}
    for name, text in files.items():
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    args, stdin = COMMANDS[command]
    return [a.format(**{n: tmp_path / f"{n}.toml" for n in files}) for a in args], stdin


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_writing_command_refuses_broken_key_files_and_changes_nothing(
    sealed: object,
    home: Path,
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    command: str,
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    args, stdin = command_line(command, tmp_path)
    BROKEN[case](home)
    before = journal_bytes(home)
    result = cli(*args, input=stdin)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    message = result.stderr.strip()
    assert message.count("\n") == 0 and "partsjournal encrypt" in message, message
    assert "nothing was saved" in message
    assert journal_bytes(home) == before  # nothing written, plain or otherwise


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize(
    "args", [["entries", "--all"], ["review"], ["parts"], ["session", "list"], ["show", "last"]]
)
def test_reading_works_with_broken_key_files_and_never_writes_a_plain_index(
    sealed: object, home: Path, cli: Cli, case: str, args: list[str]
) -> None:
    index_file.remove()
    BROKEN[case](home)
    before = journal_bytes(home)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert journal_bytes(home) == before  # no index at all, so never a plaintext one


REPAIRABLE = [case for case in BROKEN if case != "recipient a folder"]


@pytest.mark.parametrize("case", REPAIRABLE)
def test_encrypt_repairs_every_case_from_the_identity_and_saving_works_again(
    sealed: pyrage.x25519.Identity, home: Path, cli: Cli, case: str
) -> None:
    BROKEN[case](home)
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    assert "again from your journal's key" in result.stdout
    public = f"{sealed.to_public()}\n".encode()
    assert (home / crypt.RECIPIENT_FILE).read_bytes() == public
    assert (home / crypt.PUBLIC_FILE).read_bytes() == public
    assert cli("note", "after the repair").exit_code == 0
    opened = [pyrage_open(path, sealed) for path in entry_files(home)]
    assert sum(b"after the repair" in text for text in opened) == 1
    assert all(opened)  # every entry opens with the journal's key


def test_a_folder_where_recipient_txt_should_be_is_named_and_left_alone(
    sealed: object, home: Path, cli: Cli
) -> None:
    BROKEN["recipient a folder"](home)
    result = cli("encrypt")
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert (home / crypt.RECIPIENT_FILE).is_dir()


def test_an_identity_file_that_opens_nothing_is_not_taken_as_the_journals_key(
    sealed: object, home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file(tmp_path, monkeypatch)  # a new key: not this journal's, opens none of its files
    before = journal_bytes(home)
    result = cli("encrypt")
    assert result.exit_code == 1 and "names another key than this journal's" in result.stderr
    assert journal_bytes(home) == before


def locked_journal(home: Path, cli: Cli, identity: pyrage.x25519.Identity) -> None:
    """``identity`` under :data:`PASSPHRASE` in identity.age, no identity file at hand."""
    (home / crypt.IDENTITY_FILE).write_bytes(quick_protect(identity, PASSPHRASE))


def test_without_the_passphrase_a_lost_recipient_is_refused_and_encrypt_repairs_it_with_it(
    sealed: pyrage.x25519.Identity, home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked_journal(home, cli, sealed)
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    (home / crypt.RECIPIENT_FILE).unlink()
    refused = cli("note", "not in plain text")
    assert refused.exit_code == 1 and "recipient.txt is missing" in refused.stderr
    assert "asks for your passphrase" in refused.stderr
    asked = use_secrets(monkeypatch, ("Passphrase", PASSPHRASE))
    assert cli("encrypt").exit_code == 0 and len(asked.asked) == 1
    assert (home / crypt.RECIPIENT_FILE).read_text().strip() == str(sealed.to_public())


def test_a_replaced_recipient_is_noticed_without_the_passphrase(
    sealed: object, home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(crypt.IDENTITY_ENV)  # nothing to unlock: identity.pub tells
    write(home / crypt.RECIPIENT_FILE, OTHER_PUBLIC)
    result = cli("note", "never to a stranger's key")
    assert result.exit_code == 1 and "another key than the journal's own" in result.stderr
    assert all(b"stranger" not in pyrage_open(p, OTHER) for p in entry_files(home))


def pyrage_open(path: Path, identity: pyrage.x25519.Identity) -> bytes:
    try:
        return bytes(pyrage.decrypt(path.read_bytes(), [identity]))
    except pyrage.DecryptError:
        return b""


def test_both_public_copies_replaced_are_refused_once_the_passphrase_unlocks(
    sealed: pyrage.x25519.Identity, home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the identity nothing can tell a swap of both copies; with it (an exercise
    unlocks before its first question) the save is refused before anything is asked."""
    locked_journal(home, cli, sealed)
    monkeypatch.delenv(crypt.IDENTITY_ENV)
    BROKEN["both replaced"](home)
    crypt.begin_command(Secrets(("Passphrase", PASSPHRASE)))
    asker = FakeAsker()  # any question fails the test
    with pytest.raises(crypt.KeysBroken, match="another key than the one that unlocks"):
        runner.run_exercise("protector", asker=asker)
    assert asker.asked == []


@pytest.mark.parametrize("case", BROKEN)
def test_an_exercise_in_a_terminal_is_refused_before_its_first_question(
    sealed: object, home: Path, case: str
) -> None:
    """A garbled recipient.txt used to lose the first answer typed: now nothing is asked."""
    BROKEN[case](home)
    asker = FakeAsker()  # interactive, and fails on any question
    with pytest.raises(crypt.KeysBroken):
        runner.run_exercise("protector", asker=asker)
    assert asker.asked == [] and asker.questions == []


def test_a_journal_encrypted_before_identity_pub_gets_it_from_encrypt(
    sealed: pyrage.x25519.Identity, home: Path, cli: Cli
) -> None:
    (home / crypt.PUBLIC_FILE).unlink()
    assert cli("note", "still saved, encrypted").exit_code == 0  # as before identity.pub
    assert crypt.is_sealed(entry_files(home)[-1].read_bytes())
    assert cli("encrypt").exit_code == 0
    assert (home / crypt.PUBLIC_FILE).read_text().strip() == str(sealed.to_public())


@pytest.mark.parametrize("name", crypt.KEY_FILES)
def test_any_one_key_file_makes_the_journal_encrypted(home: Path, name: str) -> None:
    home.mkdir(parents=True)
    assert not crypt.is_encrypted()
    (home / name).write_bytes(b"")
    assert crypt.is_encrypted()
    with pytest.raises(crypt.KeysBroken):
        store.write_file(home / "config.toml", b"x = 1\n")
    assert not (home / "config.toml").exists()


# --- one owner for "is the journal encrypted" --------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "partsjournal"
# what only the key files' owners touch: the files' names and the functions that read them
OWNED = {
    "RECIPIENT_FILE", "IDENTITY_FILE", "PUBLIC_FILE", "KEY_FILES",
    "recipient_path", "public_path", "read_public", "journal_public_key",
    "recipient.txt", "identity.pub",
}  # fmt: skip
LOOKS = {"exists", "is_file", "stat", "lstat", "read_bytes", "read_text", "open", "lexists"}


def looks_at_key_files(path: Path) -> set[str]:
    """What a module does with the key files itself: the names in :data:`OWNED` it uses,
    and 'identity_path().exists()' or the like (using the path in a sentence is fine)."""
    found: set[str] = set()
    for node in walked(parsed(path)):
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
        value = node.value if isinstance(node, ast.Constant) else None
        found |= {n for n in (name, value) if isinstance(n, str) and n in OWNED}
        if isinstance(node, ast.Call) and "identity_path()" in ast.unparse(node):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in LOOKS:
                found.add(f"identity_path().{called}")
    return found


def test_only_crypt_and_the_key_file_writers_look_at_the_key_files() -> None:
    """Whether a journal is encrypted is crypt.is_encrypted's to say: no other module reads
    recipient.txt, identity.pub or identity.age to decide it for itself (as render/output
    and core/index_file once did with their own 'recipient() is not None')."""
    owners = {"core/crypt.py", "core/keyfiles.py", "core/encryption.py"}
    others = {
        rel: found
        for path in sorted(SRC.rglob("*.py"))
        if (rel := path.relative_to(SRC).as_posix()) not in owners
        and (found := looks_at_key_files(path))
    }
    assert others == {}


def test_the_owner_check_sees_a_second_owner() -> None:
    """The check above fails on the very code that was a second owner."""
    second = "from partsjournal.core import crypt\nif crypt.identity_path().exists(): pass\n"
    third = "x = crypt.recipient_path().read_text()\n"
    for code in (second, third):
        tree = ast.parse(code)
        assert tree and looks_at_key_files_text(code)


def looks_at_key_files_text(code: str) -> set[str]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(code)
    try:
        return looks_at_key_files(Path(f.name))
    finally:
        Path(f.name).unlink()


@pytest.mark.parametrize("encrypted", [True, False])
def test_every_reader_of_the_question_follows_the_one_owner(
    home: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool, tmp_path: Path
) -> None:
    """The index, --output's notice and a new part's id all ask crypt.is_encrypted."""
    from partsjournal.core import part_names
    from partsjournal.render import output

    home.mkdir(parents=True)
    monkeypatch.setattr(crypt, "is_encrypted", lambda: encrypted)
    assert index_file.deferred() is encrypted  # kept whole (and sealed) when encrypted
    assert part_names.free_id("The Critic").startswith("p-") is encrypted
    said: list[str] = []
    monkeypatch.setattr(output.ui, "say", lambda text, **_: said.append(text))
    output.emit("text", tmp_path / "out.md")
    assert ("not encrypted" in said[0]) is encrypted


def test_the_first_encrypt_with_an_identity_file_repairs_nothing(
    home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("note", "plain first").exit_code == 0
    key_file(tmp_path, monkeypatch)
    result = cli("encrypt")
    assert result.exit_code == 0 and "again from your journal's key" not in result.stdout
    assert crypt.sealing_key() == (home / crypt.PUBLIC_FILE).read_text().strip()


def test_a_plain_journal_is_never_refused(home: Path, cli: Cli) -> None:
    assert cli("note", "plain as ever").exit_code == 0
    assert not crypt.is_sealed(entry_files(home)[0].read_bytes())
    assert crypt.sealing_key() is None
