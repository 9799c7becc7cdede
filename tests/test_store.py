from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from partsjournal.core import store
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry, PartRef, load, new_id, save_new
from partsjournal.core.layout import entry_files
from tests.helpers import mode


def test_atomic_write_creates_private_file_and_folders_whatever_the_umask(home: Path) -> None:
    old = os.umask(0)
    try:
        target = home / "a" / "b" / "x.toml"
        store.atomic_write(target, b"x = 1\n")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"x = 1\n"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert mode(home) == 0o700


def test_failing_rename_keeps_the_old_file_and_leaves_no_temporary(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = home / "x.toml"
    store.atomic_write(target, b"old = 1\n")

    def boom(*_: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk on fire"):
        store.atomic_write(target, b"new = 2\n")
    assert target.read_bytes() == b"old = 1\n"
    assert sorted(p.name for p in home.iterdir()) == ["x.toml"]


def test_failing_write_keeps_the_old_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = home / "x.toml"
    store.atomic_write(target, b"old = 1\n")

    def boom(*_: object) -> None:
        raise OSError("no space left")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        store.atomic_write(target, b"new = 2\n")
    assert target.read_bytes() == b"old = 1\n"
    assert [p.name for p in home.iterdir()] == ["x.toml"]


def test_exclusive_write_never_replaces(home: Path) -> None:
    target = home / "x.toml"
    store.atomic_write(target, b"first = 1\n", exclusive=True)
    with pytest.raises(FileExistsError):
        store.atomic_write(target, b"second = 2\n", exclusive=True)
    assert target.read_bytes() == b"first = 1\n"
    assert [p.name for p in home.iterdir()] == ["x.toml"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\xff\xfe\x00", "not UTF-8"), (b"a = = 1", "not valid TOML")],
)
def test_read_toml_says_what_is_wrong(tmp_path: Path, content: bytes, reason: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_bytes(content)
    with pytest.raises(store.UnreadableFile, match=reason):
        store.read_toml(f)


def sample_entry(created: datetime, text: str = "hello") -> Entry:
    return Entry(
        id=new_id(created),
        created=created,
        exercise="protector",
        exercise_version=1,
        title="Meeting a protector part",
        answers=[
            Answer(
                step="situation", kind="long_text", prompt="What?", value=text, role="situation"
            ),
            Answer(step="activation_before", kind="scale", prompt="How much?", value=7),
            Answer(step="go", kind="yes_no", prompt="Go?", value=False),
        ],
        parts=[PartRef(id="the-critic", name="The Critic")],
    )


def test_entry_round_trip(home: Path) -> None:
    created = datetime(2026, 3, 4, 21, 30, 5, tzinfo=timezone(timedelta(hours=-5)))
    entry = sample_entry(created, 'quote """ and \\ and\nnew line 🌱')
    path = save_new(entry)
    assert path == home / "entries" / "2026" / "03" / f"{entry.id}.toml"
    assert path.name.startswith("2026-03-04T213005-")
    back = load(path)
    assert back.created == created and back.created.utcoffset() == timedelta(hours=-5)
    assert [(a.step, a.value, a.prompt) for a in back.answers] == [
        (a.step, a.value, a.prompt) for a in entry.answers
    ]
    assert back.parts == entry.parts
    assert mode(path) == 0o600


def test_ids_are_unique_within_one_second(home: Path) -> None:
    created = datetime(2026, 3, 4, 21, 30, 5).astimezone()
    ids = {save_new(sample_entry(created)).name for _ in range(200)}
    assert len(ids) == 200
    assert len(entry_files()) == 200


def test_entry_files_filters_by_name_only(home: Path) -> None:
    for day in (1, 15, 28):
        save_new(sample_entry(datetime(2026, 2, day, 9).astimezone()))
    save_new(sample_entry(datetime(2025, 12, 31, 23).astimezone()))
    from datetime import date

    names = [p.name[:10] for p in entry_files(date(2026, 2, 1), date(2026, 2, 15))]
    assert names == ["2026-02-01", "2026-02-15"]
    assert len(entry_files()) == 4
