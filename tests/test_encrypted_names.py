"""In an encrypted journal no file name tells a part's name or a session's kind: a part's
and a session's id is written inside its file, and encrypt gives the files random names.
Every command answers as it did before, on the converted journal and a half-converted one."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import crypt, encryption, idfiles, parts, sessions
from tests.conftest import PROTECTOR_ANSWERS, Cli
from tests.crypt_helpers import key_file, paths_telling
from tests.helpers import TODAY, write_file

# Words of the names and kinds below; none is made of hex digits only, so a random
# name can never contain one by chance.
TOLD = ("critic", "planner", "night", "owl", "busy", "doer", "watcher", "ketamine", "ifs")
ENTRY_ID = re.compile(r"\d{4}-\d{2}-\d{2}T\d{6}-[0-9a-f]{6}")


def answers(tmp_path: Path, part: str) -> Path:
    """The protector answers, naming ``part``."""
    f = tmp_path / f"answers-{part.replace(' ', '-')}.toml"
    f.write_text(
        PROTECTOR_ANSWERS.replace('name_part = "The Critic"', f'name_part = "{part}"'),
        encoding="utf-8",
    )
    return f


def build(home: Path, cli: Cli, tmp_path: Path) -> None:
    """Three parts (one made by hand, without an id inside), two sessions on one day named
    as older versions named them, one named by its date, and entries around them."""
    at = ("--at", "2026-11-20T21:00")
    ok(cli("exercise", "protector", *at, "--answers", str(answers(tmp_path, "The Critic"))))
    ok(cli("parts", "add", "Busy Bee"))
    (home / "parts" / "the-planner.toml").write_text(
        'name = "The Planner"\naliases = ["Night Owl"]\nneeds = "Sleep"\n', encoding="utf-8"
    )
    (home / "sessions").mkdir()
    for kind, made in (("ketamine", "10:00"), ("ifs", "09:00")):
        (home / "sessions" / f"2026-11-10-{kind}.toml").write_text(
            f'id = "2026-11-10-{kind}"\ndate = 2026-11-10\nkind = "{kind}"\n'
            f"created = 2026-11-01T{made}:00+01:00\n",
            encoding="utf-8",
        )
    ok(cli("session", "add", "2026-11-24", "--kind", "breathwork"))
    ok(cli("note", "the planner keeps me up", "--part", "Night Owl", "--at", "2026-11-21 08:00"))


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return result


def run(cli: Cli, where: Path, *args: str) -> str:
    """A command's output in the journal at ``where``, with what differs between two
    journals that hold the same (the folder, new entries' random ids) made the same."""
    result = cli("--home", str(where), *args)
    text = f"{result.exit_code}\n{result.stdout}\n{result.stderr}"
    return ENTRY_ID.sub("<entry>", text.replace(str(where), "<home>"))


READING: list[tuple[str, ...]] = [
    ("parts",),
    ("parts", "show", "The Critic"),
    ("parts", "show", "night owl"),
    ("entries", "--part", "The Critic"),
    ("entries", "--part", "The Planner"),
    ("entries",),
    ("session", "list"),
    ("session", "show", "1"),
    ("session", "show", "2026-11-10-ketamine"),
    ("review", "--week"),
]

CHANGING: list[tuple[str, ...]] = [
    ("parts", "rename", "Busy Bee", "The Doer"),
    ("parts", "merge", "Night Owl", "The Critic", "--yes"),
    ("parts", "show", "The Critic"),
    ("parts", "unmerge", "The Planner"),
    ("parts", "show", "The Planner"),
    ("parts", "show", "The Doer"),
    ("session", "edit", "2026-11-10-ketamine", "--label", "first"),
    ("session", "show", "2026-11-10-ketamine"),
    ("session", "list"),
]


@pytest.fixture
def twins(
    home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """The journal, plain, and a copy of it made before it was encrypted."""
    build(home, cli, tmp_path)
    plain = tmp_path / "plain"
    shutil.copytree(home, plain)
    key_file(tmp_path, monkeypatch)
    return home, plain


def test_after_encrypt_no_path_tells_a_name_and_every_command_answers_the_same(
    cli: Cli, twins: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, plain = twins
    assert paths_telling(home, TOLD)  # the plain journal does tell
    result = ok(cli("encrypt"))
    assert "Renamed 5 part and session files" in result.stdout
    assert paths_telling(home, TOLD) == []
    for args in READING:
        assert run(cli, home, *args) == run(cli, plain, *args), args
    created = watch_created(monkeypatch)
    for args in CHANGING:
        assert run(cli, home, *args) == run(cli, plain, *args), args
    # a new entry naming an old part (by an alias), and one naming a new part
    for part, at in (("Night Owl", "2026-11-22T20:00"), ("The Watcher", "2026-11-22T21:00")):
        new = ("exercise", "protector", "--at", at)
        new += ("--answers", str(answers(tmp_path, part)))
        assert run(cli, home, *new) == run(cli, plain, *new)
    for args in [*READING, ("parts", "show", "The Watcher")]:
        assert run(cli, home, *args) == run(cli, plain, *args), args
    assert paths_telling(home, TOLD) == []
    created = [p for p in created if Path(p).is_relative_to(home)]
    assert [p for p in created if any(word in p.lower() for word in TOLD)] == []
    assert any(p.endswith(".lock") for p in created)  # the watch saw the locks
    assert (plain / "parts" / "the-watcher.toml").exists()  # plain: the slug, as before
    assert all(idfiles.PART_NAME.fullmatch(f.stem) for f in (home / "parts").glob("*.toml"))
    assert len(list((home / "parts").glob("*.toml"))) == 4  # the watcher's is new


def watch_created(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path a command creates or renames to, from now on: temporaries and lock
    files too, which are gone again by the time a command ends."""
    seen: list[str] = []
    real_open, real_rename, real_replace = os.open, os.rename, os.replace
    real_mkstemp = tempfile.mkstemp

    def spy_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            seen.append(str(path))
        return real_open(path, flags, *args, **kwargs)

    def spy_move(real: Callable[..., None]) -> Callable[..., None]:
        def move(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            seen.append(str(dst))
            real(src, dst, *args, **kwargs)

        return move

    def spy_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        seen.append(name)
        return fd, name

    monkeypatch.setattr(os, "open", spy_open)
    monkeypatch.setattr(os, "rename", spy_move(real_rename))
    monkeypatch.setattr(os, "replace", spy_move(real_replace))
    monkeypatch.setattr(tempfile, "mkstemp", spy_mkstemp)
    return seen


def test_a_half_converted_journal_answers_as_the_plain_one(
    cli: Cli, twins: tuple[Path, Path]
) -> None:
    """Stopped part-way: the entries encrypted, one part renamed and encrypted, one renamed
    and still plain, one under its old name, the sessions as they were; it reads the same."""
    home, plain = twins
    done: list[Path] = []

    def stop(path: Path) -> None:
        done.append(path)
        if len(done) == 2:  # busy-bee renamed (then encrypted), the-critic renamed
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(after_naming=stop)
    crypt.begin_command(None)
    renamed = sorted((home / "parts").glob("p-*.toml"))
    assert sorted(crypt.is_sealed(f.read_bytes()) for f in renamed) == [False, True]
    assert (home / "parts" / "the-planner.toml").exists()
    for args in READING:
        assert run(cli, home, *args) == run(cli, plain, *args), args


def test_sessions_on_one_day_keep_their_numbers_whatever_their_new_names(home: Path) -> None:
    """Sessions are numbered by date, then id: a file's random name does not move it."""
    for name, kind in (("000000000000", "ketamine"), ("ffffffffffff", "ifs")):
        write_file(
            home / "sessions" / f"2026-11-10-{name}.toml",
            f'id = "2026-11-10-{kind}"\ndate = 2026-11-10\nkind = "{kind}"\n',
        )
    write_file(home / "sessions" / "2026-11-24.toml", 'id = "2026-11-24"\ndate = 2026-11-24\n')
    every = [(1, "2026-11-10-ifs"), (2, "2026-11-10-ketamine"), (3, "2026-11-24")]
    assert [(s.number, s.id) for s in sessions.load_all()] == every
    window = sessions.load_window(date(2026, 11, 10), date(2026, 11, 10))
    assert [(s.number, s.id) for s in window] == every[:2]
    near = sessions.load_window(date(2026, 11, 24), date(2026, 11, 24), ids=["2026-11-10-ifs"])
    assert [(s.number, s.id) for s in near] == [every[0], every[2]]


# --- ids written inside files --------------------------------------------------------------


def test_a_part_is_known_by_the_id_inside_its_file(home: Path, cli: Cli) -> None:
    write_file(home / "parts" / "p-0123456789ab.toml", 'id = "the-critic"\nname = "The Critic"\n')
    assert [p.id for p in parts.load_all()] == ["the-critic"]
    assert parts.part_path("the-critic") == home / "parts" / "p-0123456789ab.toml"
    renamed = parts.rename(parts.resolve("The Critic"), "The Judge")
    assert renamed.id == "the-critic"
    assert not (home / "parts" / "the-critic.toml").exists()  # changed where it is
    assert 'name = "The Judge"' in (home / "parts" / "p-0123456789ab.toml").read_text()


def test_a_hand_made_part_file_without_an_id_is_known_by_its_name(home: Path) -> None:
    write_file(home / "parts" / "inner-child.toml", 'name = "Inner Child"\n')
    found = parts.find("inner child")
    assert found is not None and found.id == "inner-child"
    parts.update("inner-child", lambda p: setattr(p, "needs", "play"))
    assert 'id = "inner-child"' in (home / "parts" / "inner-child.toml").read_text()


def test_encrypt_writes_the_id_into_a_hand_made_file_keeping_what_was_there(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = '# my own notes\nname = "Inner Child"   # found in therapy\n\n[extra]\nmood = "shy"\n'
    write_file(home / "parts" / "inner-child.toml", text)
    identity = key_file(tmp_path, monkeypatch)
    encryption.encrypt()
    (path,) = (home / "parts").glob("*.toml")
    assert idfiles.PART_NAME.fullmatch(path.stem)
    import pyrage

    assert pyrage.decrypt(path.read_bytes(), [identity]).decode() == ('id = "inner-child"\n' + text)


def test_two_files_claiming_one_id_count_once_with_one_warning_and_both_stay(
    home: Path, cli: Cli
) -> None:
    write_file(home / "parts" / "p-0123456789ab.toml", 'id = "the-critic"\nname = "The Critic"\n')
    write_file(home / "parts" / "the-critic.toml", 'id = "the-critic"\nname = "The Critic"\n')
    write_file(home / "parts" / "p-aaaaaaaaaaaa.toml", 'id = "busy-bee"\nname = "Busy Bee"\n')
    write_file(home / "parts" / "p-bbbbbbbbbbbb.toml", 'id = "busy-bee"\nname = "Busy Bee 2"\n')
    result = ok(cli("parts"))
    assert result.stdout.count("The Critic") == 1 and "Busy Bee 2" not in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "same id" in line]
    assert len(warnings) == 2, result.stderr
    assert "p-0123456789ab.toml carries the same id as" in result.stderr
    assert "p-bbbbbbbbbbbb.toml carries the same id as" in result.stderr
    # the file named by the id counts, else the first by name; nothing is removed
    assert parts.part_path("the-critic") == home / "parts" / "the-critic.toml"
    assert {p.name: p.id for p in parts.load_all()} == {
        "The Critic": "the-critic",
        "Busy Bee": "busy-bee",
    }
    assert len(list((home / "parts").glob("*.toml"))) == 4


def test_encrypt_leaves_the_name_of_a_copy_so_the_part_that_counted_still_counts(
    home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy (a sync conflict, say) carries the id of the file that counts. Renaming
    both would leave the choice to chance; the copy keeps its name and is encrypted."""
    write_file(home / "parts" / "the-critic.toml", 'id = "the-critic"\nname = "The Critic"\n')
    copy = write_file(
        home / "parts" / "00 the-critic copy.toml", 'id = "the-critic"\nname = "Old Critic"\n'
    )
    key_file(tmp_path, monkeypatch)
    result = ok(cli("encrypt"))
    assert f"{copy} carries the same id as another file, so it kept its name" in result.stderr
    assert crypt.is_sealed(copy.read_bytes())
    assert [p.name for p in parts.load_all()] == ["The Critic"]
    assert not (home / "parts" / "the-critic.toml").exists()
    assert idfiles.PART_NAME.fullmatch(parts.part_path("the-critic").stem)


def test_two_session_files_claiming_one_id_count_once(home: Path, cli: Cli) -> None:
    text = 'id = "2026-11-10-ketamine"\ndate = 2026-11-10\nkind = "ketamine"\n'
    write_file(home / "sessions" / "2026-11-10-0123456789ab.toml", text)
    write_file(
        home / "sessions" / "2026-11-10-ketamine.toml",
        text.replace('kind = "ketamine"', 'kind = "k"'),
    )
    write_file(home / "sessions" / "2026-11-24.toml", 'id = "2026-11-24"\ndate = 2026-11-24\n')
    result = ok(cli("session", "list"))
    assert "same id" in result.stderr and result.stderr.count("same id") == 1
    every = sessions.load_all()
    assert [(s.number, s.id, s.kind) for s in every] == [
        (1, "2026-11-10-ketamine", "k"),
        (2, "2026-11-24", ""),
    ]
    late = sessions.load_window(date(2026, 11, 24), date(2026, 11, 24))
    assert [(s.number, s.id) for s in late] == [(2, "2026-11-24")]


def test_a_new_part_in_an_encrypted_journal_gets_a_random_id_in_a_plain_one_its_slug(
    home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(cli("parts", "add", "The Critic"))
    assert (home / "parts" / "the-critic.toml").exists()
    key_file(tmp_path, monkeypatch)
    ok(cli("encrypt"))
    ok(cli("parts", "add", "The Watcher"))
    watcher = parts.find("The Watcher")
    assert watcher is not None and idfiles.PART_NAME.fullmatch(watcher.id)
    assert parts.part_path(watcher.id) == home / "parts" / f"{watcher.id}.toml"
    assert paths_telling(home, TOLD) == []


def test_editing_a_renamed_part_cannot_drop_its_id(home: Path) -> None:
    write_file(home / "parts" / "p-0123456789ab.toml", 'id = "the-critic"\nname = "The Critic"\n')
    critic = parts.read_one("the-critic")
    with pytest.raises(Exception, match="no id line"):
        parts.check_edit({"name": "The Critic"}, critic)
    assert parts.check_edit({"id": "the-critic", "name": "The Critic"}, critic).id == "the-critic"


def test_a_part_renamed_by_encrypt_while_another_command_waits_for_its_lock_is_found(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path was looked up before encrypt renamed the file: the change still lands,
    in the file under its new name, and no file comes back under the old one."""
    critic = parts.create("The Critic")
    old = parts.part_path(critic.id)
    key_file(tmp_path, monkeypatch)
    real_locked = parts.locked
    renamed = {"done": False}

    def locked_after_rename(path: Path, **kwargs: Any) -> Any:
        if not renamed["done"]:
            renamed["done"] = True
            encryption.encrypt()  # renames the file between the lookup and the lock
        return real_locked(path, **kwargs)

    monkeypatch.setattr(parts, "locked", locked_after_rename)
    parts.update(critic.id, lambda p: setattr(p, "needs", "rest"))
    assert not old.exists()
    assert parts.read_one(critic.id).needs == "rest"
    assert paths_telling(home, TOLD) == []


def test_session_edits_and_removal_find_a_renamed_file(home: Path, cli: Cli) -> None:
    write_file(
        home / "sessions" / "2026-11-10-0123456789ab.toml",
        'id = "2026-11-10-ketamine"\ndate = 2026-11-10\nkind = "ketamine"\n',
    )
    ok(cli("session", "edit", "2026-11-10-ketamine", "--kind", "ifs"))
    assert sessions.find("2026-11-10-ketamine").kind == "ifs"
    ok(cli("session", "edit", "2026-11-10-ketamine", "--date", "2026-11-11"))
    assert [s.id for s in sessions.load_all()] == ["2026-11-11"]
    assert [p.name for p in (home / "sessions").glob("*.toml")] == ["2026-11-11.toml"]
    ok(cli("session", "remove", "2026-11-11", "--yes"))
    assert list((home / "sessions").glob("*.toml")) == []


def test_a_new_session_never_takes_an_id_carried_inside_another_file(home: Path) -> None:
    write_file(
        home / "sessions" / "2026-11-10-0123456789ab.toml",
        'id = "2026-11-10"\ndate = 2026-11-10\nkind = "ketamine"\n',
    )
    made = sessions.add(date(2026, 11, 10), created=TODAY)
    assert made.id == "2026-11-10-2"
