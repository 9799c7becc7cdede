"""``core/reading``: inside ``once()`` a file unchanged since it was read is not read again,
and any change (a replace, a write in place, a removal) is read afresh; folders the same."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from partsjournal.core import reading, store


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counted: Counter[str] = Counter()
    real_read, real_list = reading._from_disk, reading._list_disk

    def read(path: Path) -> tuple[tuple[int, int, int], bytes]:
        counted[f"read {path.name}"] += 1
        return real_read(path)

    def listed(folder: Path) -> list[str]:
        counted[f"list {folder.name}"] += 1
        return real_list(folder)

    monkeypatch.setattr(reading, "_from_disk", read)
    monkeypatch.setattr(reading, "_list_disk", listed)
    return counted


def test_outside_once_every_read_goes_to_the_disk(tmp_path: Path, disk: Counter[str]) -> None:
    f = tmp_path / "a.toml"
    f.write_bytes(b"x = 1\n")
    assert [reading.read_bytes(f) for _ in range(3)] == [b"x = 1\n"] * 3
    assert disk["read a.toml"] == 3


def test_inside_once_an_unchanged_file_is_read_once(tmp_path: Path, disk: Counter[str]) -> None:
    f = tmp_path / "a.toml"
    f.write_bytes(b"x = 1\n")
    with reading.once():
        with reading.once():  # nested: the outer block keeps what was read
            assert reading.read_bytes(f) == b"x = 1\n"
        assert reading.read_bytes(f) == b"x = 1\n"
    assert disk["read a.toml"] == 1
    reading.read_bytes(f)
    assert disk["read a.toml"] == 2  # the block is over: the disk again


def test_a_file_changed_in_any_way_is_read_again(tmp_path: Path, disk: Counter[str]) -> None:
    f = tmp_path / "a.toml"
    f.write_bytes(b"x = 1\n")
    with reading.once():
        reading.read_bytes(f)
        other = tmp_path / "b.toml"
        other.write_bytes(b"x = 22\n")
        os.replace(other, f)  # another program's atomic write: a new inode
        assert reading.read_bytes(f) == b"x = 22\n"
        with open(f, "ab") as out:  # written in place: a new size
            out.write(b"y = 3\n")
        assert reading.read_bytes(f) == b"x = 22\ny = 3\n"
        f.unlink()
        with pytest.raises(FileNotFoundError):
            reading.read_bytes(f)
        with pytest.raises(FileNotFoundError):  # still missing: a stat, not an open
            reading.read_bytes(f)
        f.write_bytes(b"back = true\n")
        assert reading.read_bytes(f) == b"back = true\n"
    assert disk["read a.toml"] == 5


def test_a_file_written_through_the_store_is_read_back_from_memory(
    home: Path, disk: Counter[str]
) -> None:
    f = home / "parts" / "the-critic.toml"
    with reading.once():
        store.write_toml(f, {"name": "The Critic"})
        assert store.read_toml(f) == {"name": "The Critic"}
    assert disk["read the-critic.toml"] == 0
    assert store.read_toml(f) == {"name": "The Critic"}  # and it is on the disk


def test_a_large_file_is_not_kept(tmp_path: Path, disk: Counter[str]) -> None:
    f = tmp_path / "big.bin"
    f.write_bytes(b"." * (reading.KEEP_AT_MOST + 1))
    with reading.once():
        reading.read_bytes(f)
        reading.read_bytes(f)
    assert disk["read big.bin"] == 2


def test_a_folder_is_listed_once_until_something_is_written_in_it(
    home: Path, disk: Counter[str]
) -> None:
    folder = home / "sessions"
    folder.mkdir(parents=True)
    (folder / "2026-11-01.toml").write_text('date = 2026-11-01\nid = "2026-11-01"\n')
    with reading.once():
        assert reading.listing(folder) == ["2026-11-01.toml"]
        assert reading.listing(folder) == ["2026-11-01.toml"]
        assert disk["list sessions"] == 1
        store.write_toml(folder / "2026-11-20.toml", {"date": "2026-11-20"})
        assert sorted(reading.listing(folder)) == ["2026-11-01.toml", "2026-11-20.toml"]
        assert disk["list sessions"] == 2
        (folder / "2026-11-01.toml").unlink()  # by another program: the folder changes
        os.utime(folder, ns=(1, 1))  # (even if it happened within the same clock tick)
        assert reading.listing(folder) == ["2026-11-20.toml"]
    assert disk["list sessions"] == 3
