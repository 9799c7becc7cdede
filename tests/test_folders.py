"""Leave the person's folders as they set them: modes only on folders partsjournal
creates, never through a symlink; stale temporaries cleaned; --output never inside <home>."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from partsjournal.core import store
from partsjournal.core.entry import save_new
from tests.conftest import Cli
from tests.helpers import mode
from tests.journal_fixtures import make_entry


def test_an_existing_home_keeps_its_mode_and_new_folders_are_private(home: Path) -> None:
    home.mkdir()
    home.chmod(0o750)  # the person chose this; writing config.toml into it must not change it
    store.write_toml(home / "config.toml", {"crisis_line": "Line 1"})
    written = save_new(make_entry())
    assert mode(home) == 0o750
    assert mode(written.parent) == 0o700 and mode(home / "entries") == 0o700


def test_a_symlinked_folder_is_never_chmodded_through(home: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    outside.chmod(0o755)
    home.mkdir()
    (home / "parts").symlink_to(outside)
    store.write_toml(home / "parts" / "the-critic.toml", {"name": "The Critic"})
    assert mode(outside) == 0o755
    assert (outside / "the-critic.toml").exists()


def test_stale_temporaries_are_removed_when_the_folder_is_next_written(home: Path) -> None:
    folder = home / "parts"
    store.ensure_dir(folder)
    stale = folder / ".the-critic.toml.0a1b2c3d.tmp"
    fresh = folder / ".busy-bee.toml.4e5f6a7b.tmp"  # a write in progress elsewhere
    kept = [folder / ".the-critic.x1y2.edit.toml", folder / "notes.tmp"]
    for f in [stale, fresh, *kept]:
        f.write_bytes(b"half")
    # ten minutes older than the file the write makes: the folder's clock, not the process's
    # (which a network file system, or faketime, can set apart by a year)
    old = fresh.stat().st_mtime - 10 * 60
    for f in [stale, *kept]:
        os.utime(f, (old, old))
    store.write_toml(folder / "little-one.toml", {"name": "Little One"})
    names = sorted(p.name for p in folder.iterdir())
    assert stale.name not in names
    assert fresh.name in names and all(k.name in names for k in kept)


def test_output_inside_the_journal_folder_is_refused(cli: Cli, home: Path) -> None:
    target = save_new(make_entry())
    before = target.read_bytes()
    for args in (
        ["review", "--output", str(target)],
        ["export", "--since", "2026-01-01", "--output", str(target)],
        ["review", "--output", str(home / "config.toml")],
        ["review", "--output", str(home / "entries" / ".." / "week.md")],
    ):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert "inside the journal folder" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == before
    assert not (home / "config.toml").exists() and not (home / "week.md").exists()


def test_a_write_in_progress_survives_a_process_clock_a_year_apart_from_the_folders(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network file system stamps files by its own clock, and a system clock can be moved:
    what is stale is judged by the folder's clock (the file just written), never this
    process's, so another program's fresh temporary is never taken for a killed one."""
    folder = home / "entries"
    store.ensure_dir(folder)
    fresh = folder / ".2026-11-23T200000-a1b2c3.toml.4e5f6a7b.tmp"
    fresh.write_bytes(b"half")
    year = 365 * 24 * 3600
    for shift in (year, -year):
        monkeypatch.setattr(store.time, "time", lambda shift=shift: fresh.stat().st_mtime + shift)
        store.write_toml(folder / f"note-{shift > 0}.toml", {"name": "Little One"})
        assert fresh.exists()
