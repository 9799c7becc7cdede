"""Storage under stress: interrupted writes, two writers at once, broken files in the
journal, any text at all, newer files, and private permissions after every write."""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from partsjournal.core import config, drafts, entry, layout, parts, paths, sessions, store
from partsjournal.core.answers import Answer
from partsjournal.core.entry import load, load_range, save_new
from partsjournal.core.errors import UsageError
from tests.journal_fixtures import IN_MARCH, make_entry


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def everything(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- a write interrupted at any point --------------------------------------------------


def _fail_after_half(real: Callable[..., int]) -> Callable[..., int]:
    def half_then_fail(fd: int, data: Any) -> int:
        real(fd, bytes(data[: max(1, len(data) // 2)]))
        raise OSError("disk full")

    return half_then_fail


@pytest.mark.parametrize("exclusive", [False, True])
@pytest.mark.parametrize(
    "point", ["fchmod", "write", "fsync", "close", "replace", "link", "ctrl-c"]
)
def test_an_interrupted_write_leaves_the_previous_state_and_no_temporary(
    home: Path, monkeypatch: pytest.MonkeyPatch, point: str, exclusive: bool
) -> None:
    folder = home / "entries"
    target = folder / "x.toml"
    store.ensure_dir(folder)  # the write is what is interrupted, not making its folder
    if not exclusive:
        store.atomic_write(target, b"old = 1\n")
    before = everything(folder)

    def boom(*_: object, **__: object) -> None:
        raise OSError("the disk went away")

    def interrupt(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    if point == "write":
        monkeypatch.setattr(os, "write", _fail_after_half(os.write))
    elif point == "ctrl-c":
        monkeypatch.setattr(os, "fsync", interrupt)
    else:
        monkeypatch.setattr(os, point, boom)
    # a failing close still closes, so the test does not leak the descriptor
    if point == "close":
        real_close = os.close

        def close_then_fail(fd: int) -> None:
            real_close(fd)
            raise OSError("close failed")

        monkeypatch.setattr(os, "close", close_then_fail)

    reaches_the_hook = not (point == "replace" and exclusive) and not (
        point == "link" and not exclusive
    )
    if reaches_the_hook:
        with pytest.raises((OSError, KeyboardInterrupt)):
            store.atomic_write(target, b"new = 2\n" * 1000, exclusive=exclusive)
        monkeypatch.undo()
        assert everything(folder) == before
        if not exclusive:
            assert target.read_bytes() == b"old = 1\n"
    else:  # this write does not use that call: it must simply succeed
        store.atomic_write(target, b"new = 2\n", exclusive=exclusive)
        monkeypatch.undo()
        assert target.read_bytes() == b"new = 2\n"
        assert visible(folder) == everything(folder) == ["x.toml"]


KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from partsjournal.core import paths, store
    from partsjournal.core import entry as E

    paths.set_home(Path(sys.argv[1]))
    real_fsync = os.fsync

    def stall(fd):
        # the bytes are in the temporary file, not yet renamed: the worst moment
        print("writing", flush=True)
        time.sleep(60)

    os.fsync = stall
    if sys.argv[2] == "replace":
        store.atomic_write(Path(sys.argv[3]), b"half = 'of a new version'\\n" * 5000)
    else:
        e = E.load(Path(sys.argv[3]))
        e.id = E.new_id(e.created)
        E.save_new(e)
    """
)


@pytest.mark.parametrize("how", ["replace", "new"])
def test_a_process_killed_mid_write_leaves_no_visible_trace(home: Path, how: str) -> None:
    first = make_entry("the first entry")
    path = save_new(first)
    original = path.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(home), how, str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert path.read_bytes() == original
    stray = [n for n in everything(path.parent) if n != path.name]
    assert stray and all(n.startswith(".") and n.endswith(".tmp") for n in stray)
    warnings: list[str] = []
    assert [e.id for e in load_range(warn=warnings.append)] == [first.id]
    assert warnings == []
    assert layout.entry_files() == [path]


# --- two writers at the same moment ------------------------------------------------------


def _writer(home: str, who: int, count: int, barrier: Any) -> None:
    paths.set_home(Path(home))
    barrier.wait()
    for i in range(count):
        # every entry in both processes starts with the same id and the same second
        save_new(make_entry(f"process {who} entry {i}", entry_id="2026-03-04T213005-aaaaaa"))


@pytest.mark.slow  # two processes racing
def test_two_processes_saving_in_the_same_second_never_overwrite(home: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    count = 40
    procs = [ctx.Process(target=_writer, args=(str(home), w, count, barrier)) for w in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    texts = sorted(str(e.answers[0].value) for e in load_range())
    expected = sorted(f"process {w} entry {i}" for w in (1, 2) for i in range(count))
    assert texts == expected
    assert len(layout.entry_files()) == 2 * count
    folder = layout.entry_files()[0].parent
    assert visible(folder) == everything(folder)


# --- broken files never stop a listing ---------------------------------------------------

BROKEN: dict[str, bytes] = {
    "corrupt": b'schema = 1\nid = "x\nanswers = [',
    "empty": b"",
    "foreign": b'[tool.poetry]\nname = "something else"\n',
    "not-utf8": "situation = 'caf\u00e9'\n".encode("latin-1"),
    "wrong-types": b'schema = 1\nid = 5\ncreated = "yesterday"\nexercise = "x"\nanswers = []\n',
}


def test_broken_entry_files_are_skipped_with_one_warning_each_and_never_rewritten(
    home: Path,
) -> None:
    good = save_new(make_entry("still here"))
    month = good.parent
    planted = {}
    for n, (name, content) in enumerate(BROKEN.items()):
        f = month / f"2026-03-0{n + 1}T000000-{name}.toml"
        f.write_bytes(content)
        planted[f] = (content, f.stat().st_mtime_ns)
    (month / "notes.txt").write_text("not a journal file", encoding="utf-8")
    warnings: list[str] = []
    found = load_range(warn=warnings.append)
    assert [e.path for e in found] == [good]
    assert len(warnings) == len(BROKEN)
    for f in planted:
        assert sum(str(f) in w for w in warnings) == 1
    for f, (content, mtime) in planted.items():
        assert f.read_bytes() == content and f.stat().st_mtime_ns == mtime
    assert load_range(date(2026, 3, 4), date(2026, 3, 4), warn=warnings.append)[0].path == good


# --- any text round-trips exactly --------------------------------------------------------

AWKWARD = [
    '"""',
    "'''",
    "\\",
    "\\n is not a newline",
    "\r\n and \r and \n",
    "\x00\x01\x1b[31m\x7f",
    "🌱👩🏽‍🦱🏳️‍🌈",
    "\U0010ffff\U000e0001\U00020000",
    "\ufeffbom",
    " leading and trailing ",
    "x" * 100_000,
]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(), prompt=st.text())
@example(text="".join(AWKWARD), prompt='"""{part}"""')
def test_any_text_round_trips_exactly(home: Path, text: str, prompt: str) -> None:
    original = make_entry(text, prompt=prompt)
    back = load(save_new(original))
    assert back.answers[0].value == text
    assert back.answers[0].prompt == prompt


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_round_trips_in_drafts_and_parts(home: Path, text: str) -> None:
    d = drafts.Draft(
        id="2026-03-04T213005-abcdef",
        exercise="protector",
        exercise_version=1,
        title="t",
        created=IN_MARCH,
        updated=IN_MARCH,
        answers=[Answer(step="situation", kind="long_text", prompt=text, value=text)],
        part_name=text if text.strip() else None,
        pending={"purpose": text},
    )
    back = drafts.load(drafts.save(d))
    assert back.answers[0].value == text and back.answers[0].prompt == text
    assert back.pending == {"purpose": text}
    if text.strip() and parts.name_problem(text) is None:
        part = parts.create(text)
        loaded = parts.get(part.id)
        assert loaded is not None and loaded.name == text.strip()
    elif text.strip():  # line breaks and controls are refused as names, never mangled
        with pytest.raises(UsageError, match="one line of text"):
            parts.create(text)


# --- newer files -------------------------------------------------------------------------


def test_a_newer_entry_is_read_and_never_downgraded(home: Path) -> None:
    path = entry.entry_path("2026-03-04T213005-bbbbbb")
    store.ensure_dir(path.parent)
    path.write_text(
        textwrap.dedent(
            """
            schema = 3
            id = "2026-03-04T213005-bbbbbb"
            created = 2026-03-04T21:30:05+02:00
            exercise = "protector"
            exercise_version = 3
            title = "Meeting a protector part"
            mood_colour = "teal"
            parts = []

            [sync]
            device = "laptop"

            [[answers]]
            step = "situation"
            kind = "long_text"
            prompt = "What?"
            value = "Monday"
            role = "situation"
            audio = "clip-1.ogg"
            """
        ),
        encoding="utf-8",
    )
    [e] = load_range()
    assert e.schema == 3 and e.answers[0].value == "Monday"
    store.write_toml(path, e.to_dict())  # what any later rewrite of the entry does
    again = store.read_toml(path)
    assert again["schema"] == 3
    assert again["mood_colour"] == "teal" and again["sync"] == {"device": "laptop"}
    assert again["answers"][0]["audio"] == "clip-1.ogg"
    assert again["answers"][0]["value"] == "Monday"


def test_an_unreadable_newer_entry_says_it_is_newer(home: Path) -> None:
    path = entry.entry_path("2026-03-04T213005-cccccc")
    store.ensure_dir(path.parent)
    path.write_text('schema = 3\nid = "x"\nexercise = "e"\nanswers = []\n', encoding="utf-8")
    warnings: list[str] = []
    assert load_range(warn=warnings.append) == []
    assert len(warnings) == 1 and "newer partsjournal" in warnings[0]


# --- permissions after every kind of write -----------------------------------------------


def _write_entry() -> Path:
    return save_new(make_entry())


def _write_part() -> Path:
    part = parts.create("The Critic", met=IN_MARCH.date())
    parts.record_meeting(part, IN_MARCH.date() + timedelta(days=1))
    return parts.part_path(part.id)


def _write_session() -> Path:
    return sessions.session_path(sessions.add(date(2026, 3, 10), created=IN_MARCH).id)


def _write_draft() -> Path:
    d = drafts.Draft(
        id="2026-03-04T213005-dddddd",
        exercise="protector",
        exercise_version=1,
        title="t",
        created=IN_MARCH,
        updated=IN_MARCH,
    )
    drafts.save(d)
    return drafts.save(d)  # the rewrite after the next step


def _write_config() -> Path:
    config.add_contact("Sam", "call")
    config.set_crisis_line("Line 1")
    return paths.config_file()


@pytest.mark.parametrize("umask", [0o000, 0o022])
@pytest.mark.parametrize(
    "write", [_write_entry, _write_part, _write_session, _write_draft, _write_config]
)
def test_every_kind_of_write_is_private(home: Path, write: Callable[[], Path], umask: int) -> None:
    old = os.umask(umask)
    try:
        written = write()
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    folder = written.parent
    while True:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        if folder == home:
            break
        folder = folder.parent
    for f in home.rglob("*"):
        expected = 0o700 if f.is_dir() else 0o600
        assert stat.S_IMODE(f.stat().st_mode) == expected, f
