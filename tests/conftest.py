"""Every test gets its own empty journal folder, written by the test itself."""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from partsjournal.cli import root
from partsjournal.cli.root import app
from partsjournal.core import paths
from partsjournal.core.errors import JournalError
from partsjournal.flow import exercises, support
from tests.helpers import TODAY, freeze_today
from tests.keys import Typing, terminal_fixture

OFFER_SETUP = support.offer_setup  # the real one, before any test replaces it

# fixtures shared by several test modules that build on the small journals
pytest_plugins = ["tests.journal_fixtures", "pytester"]


def compiled_modules_outside_the_tree() -> None:
    """Where PYTHONDONTWRITEBYTECODE asks for no ``__pycache__`` beside the sources, keep
    compiled modules in a folder of the system's temporary directory instead, for this
    run and the programs the tests start (over a hundred): otherwise every run rewrites
    and compiles every test module (2.5 s) and every program compiles partsjournal
    afresh (0.05-0.1 s each). Nothing is written into the project either way."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or sys.pycache_prefix:
        return
    folder = Path(tempfile.gettempdir()) / f"partsjournal-tests-pycache-{os.getuid()}"
    sys.pycache_prefix = str(folder)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    del os.environ["PYTHONDONTWRITEBYTECODE"]


compiled_modules_outside_the_tree()


def examples_the_same_on_every_run() -> None:
    """Hypothesis's examples, the same on every run and with no deadline.

    A deadline fails an example that takes over 200 ms, and on a loaded machine the first
    example of a test that writes files can: the test then fails once and passes when run
    again. Speed is the benchmark's to measure, never a test's. Random examples, new on each
    run, made a property fail on one run of five (a dotless i, U+0131, in a fingerprint's
    case test): a red run for a change that did not cause it. So every run draws the same examples
    (``derandomize``), and looking for new ones is a run of its own:
    ``python -m pytest -n auto --hypothesis-profile=explore`` (many more examples, new
    each time), whose finds become tests. tests/test_suite_rules.py keeps both rules."""
    from hypothesis import settings

    settings.register_profile("partsjournal", deadline=None, derandomize=True)
    settings.register_profile("explore", deadline=None, max_examples=2000)
    settings.load_profile("partsjournal")


examples_the_same_on_every_run()


def tmp_paths_in_memory() -> None:
    """Where the system has a file system in memory at ``/dev/shm`` (Linux), the tests'
    folders (``tmp_path``) go there instead of the disk: each run writes, renames, locks
    and removes tens of thousands of small files, and on a disk the system's time for
    that was a fifth of the suite's. Nothing else changes (``tempfile`` still uses the
    usual folder), only the folders of passing tests are let go at the end
    (``tmp_path_retention_policy`` in pyproject.toml), and a ``PYTEST_DEBUG_TEMPROOT`` or
    ``--basetemp`` given by whoever runs the suite still decides."""
    if os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    in_memory = {f[1] for f in map(str.split, mounts) if len(f) > 2 and f[2] == "tmpfs"}
    if "/dev/shm" in in_memory and os.access("/dev/shm", os.W_OK | os.X_OK):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = "/dev/shm"


tmp_paths_in_memory()

ROOT = Path(__file__).resolve().parents[1]

_OUTCOME = pytest.StashKey[dict[str, bool]]()
_FOLDERS = itertools.count()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[pytest.TestReport]:
    """Whether each phase of a test passed, for :func:`tmp_path` to keep a failed test's
    folder."""
    report: pytest.TestReport = yield
    item.stash.setdefault(_OUTCOME, {})[report.when] = report.passed
    return report


@pytest.fixture
def tmp_path(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """pytest's ``tmp_path``, made the cheap way: every test takes one (its journal is in
    it), and pytest's own looks through the run's folder for the next free number and
    works the path out again for each, a tenth of a small test's time. The folder is new
    and private, under the run's folder and named after the test; a passing test's folder
    is removed as it ends and a failing test's stays for a look (as
    ``tmp_path_retention_policy = "failed"`` asks of pytest's)."""
    import shutil

    name = "".join(c if c.isalnum() else "_" for c in request.node.name[:30])
    path = tmp_path_factory.getbasetemp() / f"{name}-{next(_FOLDERS)}"
    path.mkdir(mode=0o700)
    yield path
    if all(request.node.stash.get(_OUTCOME, {}).values()):
        shutil.rmtree(path, ignore_errors=True)


# What a person running the suite may have set that would change what the program does:
# editor, pager, terminal size and kind, colour, locale, time zone, stream encoding.
OUTSIDE_VARIABLES = (
    "VISUAL", "EDITOR", "PAGER", "LESS", "LESSHISTFILE", "MANPAGER",
    "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE",
    "TERM", "COLORTERM", "LANG", "LANGUAGE", "TZ", "PYTHONIOENCODING", "PYTHONUTF8",
    "PROMPT_TOOLKIT_NO_CPR", "TMUX", "STY",
)  # fmt: skip
ZONE = "Europe/Paris"  # every test's local time zone, unless it sets its own


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the same environment, whatever the person running the suite
    has set: no editor, pager, terminal size, colour setting, locale or identity of theirs,
    and one time zone (tests of zones set their own). Programs the tests start inherit it."""
    import time

    for name in list(os.environ):
        if name in OUTSIDE_VARIABLES or name.startswith(("LC_", "PARTSJOURNAL_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()


@pytest.fixture(autouse=True)
def clock(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, environment: None
) -> None:
    """The test's clock, never the machine's: "now" is ``helpers.TODAY`` (Monday 23 November
    2026, 20:00 +01:00), or the time a ``@pytest.mark.now(datetime)`` names, for the program
    in process and every program a test starts (through ``PARTSJOURNAL_NOW``). A test that
    must read the machine's clock is marked ``real_clock``."""
    if request.node.get_closest_marker("real_clock"):
        return
    marker = request.node.get_closest_marker("now")
    freeze_today(monkeypatch, marker.args[0] if marker else TODAY)


FROZEN_EVERY = 100  # tests between two freezes of what is alive (see below)
_finished = [0]


def pytest_runtest_logfinish(nodeid: str, location: tuple[str, int | None, str]) -> None:
    """The run keeps more and more alive as it goes (the modules, the syntax trees and
    exercises read once per run, the commands built once), and each full pass of Python's
    collector of reference cycles walked all of it again: about a sixth of a run's time.
    Every hundred tests, what is garbage is collected and what is still alive is frozen
    (``gc.freeze``), left out of later passes; what the tests make afterwards is collected
    as usual, and nothing a test sees changes."""
    import gc

    _finished[0] += 1
    if _finished[0] % FROZEN_EVERY == 0:
        gc.collect()
        gc.freeze()


SLOW_FIXTURES = {"built_wheel", "readme_install"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that builds the wheel or pays age's real scrypt must say it is slow, so the
    README's quick line stays quick and the slow stage of .ci/run still runs it."""
    unmarked = [
        item.nodeid
        for item in items
        if not item.get_closest_marker("slow")
        and (
            item.get_closest_marker("real_scrypt")
            or SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
    ]
    if unmarked:
        raise pytest.UsageError(f"mark these @pytest.mark.slow: {', '.join(unmarked)}")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: None) -> Iterator[Path]:
    journal = tmp_path / "journal"
    monkeypatch.setenv(paths.ENV_VAR, str(journal))
    paths.set_home(None)
    yield journal
    paths.set_home(None)


@pytest.fixture(autouse=True)
def support_offer_already_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-time offer to fill in the support card comes before the first exercise of a
    new journal, which every test journal is; tests of that offer take ``support_offer``."""
    monkeypatch.setattr(support, "offer_setup", lambda asker: None)


@pytest.fixture
def support_offer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bring back the one-time offer to fill in the support card (see above)."""
    monkeypatch.setattr(support, "offer_setup", OFFER_SETUP)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Typing:
    """The real prompts in process, on keys typed as a person types (``tests/keys.py``)."""
    return terminal_fixture(monkeypatch)


@pytest.fixture(autouse=True)
def fresh_unlock() -> Iterator[None]:
    """No test starts or leaves with a journal key unlocked by another test."""
    from partsjournal.core import crypt

    crypt.begin_command(None)
    yield
    crypt.begin_command(None)


@pytest.fixture(autouse=True)
def no_debug_left_over() -> Iterator[None]:
    """A test that ran with --debug must not leave tracebacks on for the next one.

    The flag lives in a module-level dict, so it outlives a single CliRunner call.
    """
    from partsjournal.cli import root as cli

    cli._debug["on"] = False
    yield
    cli._debug["on"] = False


@pytest.fixture(autouse=True)
def fresh_consoles(environment: None) -> Iterator[None]:
    """Each test gets consoles made for it, so a COLUMNS it sets (60, 100) is the width (a
    COLUMNS from outside, such as the 80 pytest-xdist's workers set, is cleared first)."""
    from partsjournal.render import ui

    consoles = (ui.out, ui.err)  # the cached makers, even if a test replaces them for a while
    for made in consoles:
        made.cache_clear()
    yield
    for made in consoles:
        made.cache_clear()


@pytest.fixture(autouse=True)
def no_flush_to_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test journals are temporary folders that no test reads after a power cut, so the
    writes skip ``os.fsync`` (over 10,000 of them, seconds of the suite); everything else
    about a write is the real thing, and tests that make fsync fail still patch it."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture(autouse=True)
def quick_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A passphrase protects the journal's key with scrypt, which age tunes to take about a
    second each time a key file is made and each time it is opened. Key files made in
    process use a small work factor instead (``crypt_helpers.quick_encrypt``: the same age
    format, opened by the real code), except in tests marked ``real_scrypt`` (the end-to-end
    ``encrypt``, whose key file age itself then opens with the passphrase). Programs run in
    a terminal (``test_pty_encryption``) always pay in full."""
    if request.node.get_closest_marker("real_scrypt"):
        return
    import pyrage

    from tests.crypt_helpers import quick_encrypt

    monkeypatch.setattr(pyrage.passphrase, "encrypt", quick_encrypt)


BUILT: dict[str, Any] = {}
BUILD_COMMAND = root.build_command


def built_once(name: str) -> Any:
    """A command as ``root.build_command`` makes it, made once for the whole run: a
    program builds the command it runs once; a test run would rebuild it at every call."""
    if name not in BUILT:
        BUILT[name] = BUILD_COMMAND(name)
    return BUILT[name]


@pytest.fixture(autouse=True)
def commands_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from partsjournal.cli import lazy

    monkeypatch.setattr(root, "build_command", built_once)
    real = lazy.typer_command

    def typer_once(module_name: str, name: str) -> Any:
        key = f"typer:{module_name}:{name}:{lazy.terminal.current().plain}"
        if key not in BUILT:
            BUILT[key] = real(module_name, name)
        return BUILT[key]

    monkeypatch.setattr(lazy, "typer_command", typer_once)


LOAD_EXERCISE = exercises.load_file
LOADED: dict[tuple[str, bytes, tuple[tuple[str, bytes], ...]], Any] = {}


def load_exercise_once(path: Path) -> Any:
    """``exercises.load_file``, remembered for the run by what it reads: the file's bytes
    and every exercise of the journal's own (which its includes may name); the shipped
    files do not change while the tests run. A program loads an exercise once or twice;
    the tests run thousands of commands, and reading, expanding and validating an
    exercise costs a few milliseconds each time. A file that cannot be read, or one that
    is not valid, goes to the real loader every time (errors are never remembered)."""
    try:
        text = path.read_bytes()
        folder = paths.home() / "exercises"
        own = (
            tuple((p.name, p.read_bytes()) for p in sorted(folder.glob("*.toml")))
            if folder.is_dir()
            else ()
        )
    except (OSError, JournalError):
        return LOAD_EXERCISE(path)
    key = (str(path), text, own)
    if key not in LOADED:
        LOADED[key] = LOAD_EXERCISE(path)
    return LOADED[key]


@pytest.fixture(autouse=True)
def shipped_exercises_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exercises, "load_file", load_exercise_once)


class Cli:
    """Runs partsjournal in-process and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(app, list(args), input=input)


@pytest.fixture
def cli() -> Cli:
    return Cli()


PROTECTOR_ANSWERS = (ROOT / "docs" / "examples" / "protector-answers.toml").read_text(
    encoding="utf-8"
)


@pytest.fixture
def protector_answers(tmp_path: Path) -> Path:
    f = tmp_path / "answers.toml"
    f.write_text(PROTECTOR_ANSWERS, encoding="utf-8")
    return f


def entry_files(home: Path) -> list[Path]:
    """Every saved entry file under ``home``, oldest first (names start with the date)."""
    return sorted((home / "entries").rglob("*.toml")) if (home / "entries").exists() else []


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made by ``make`` once per test run, however many pytest-xdist workers ask:
    the first one makes it while holding a lock, the others wait and then use it."""
    import fcntl
    import shutil

    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # this run's folder, the same for every worker
    folder = base / name
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / f"{name}.made").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (base / f"{name}.made").touch()
    return folder


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel that ``pip install .`` builds, built once, with the hatchling installed
    here (the test extras) rather than in a new isolated build environment."""
    import subprocess

    def build(out: Path) -> None:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, ROOT],
            check=True,
            capture_output=True,
        )

    (found,) = made_once(tmp_path_factory, "dist", build).glob("partsjournal-*.whl")
    return found


@pytest.fixture(scope="session")
def readme_install(tmp_path_factory: pytest.TempPathFactory, built_wheel: Path) -> Path:
    """The README's first line, step by step, the quick way: a new ``.venv``, the wheel
    installed into it by pip, then ``. .venv/bin/activate && partsjournal exercise
    protector`` in a pseudo-terminal, stopped with Ctrl-C at the first question.

    The line as written (dependencies from the package index: 10-15 seconds) is run by
    ``.ci/run`` through ``tests/readme_first_line.py``. Here the new environment borrows
    this one's installed dependencies (a ``.pth`` file, added after the install, so pip
    sees an empty environment); partsjournal itself comes from the wheel.

    Returns the folder; ``transcript.txt`` there holds what the terminal showed.
    """
    import subprocess
    import sysconfig

    from tests.readme_first_line import run_to_first_step

    def install(work: Path) -> None:
        venv = work / ".venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
        pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
        quick = ["--quiet", "--no-deps", "--no-index", "--no-compile"]
        subprocess.run(
            [*pip, *quick, "--disable-pip-version-check", built_wheel],
            check=True,
            capture_output=True,
        )
        (site,) = venv.glob("lib/python3*/site-packages")
        here = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
        (site / "borrowed-dependencies.pth").write_text("\n".join(sorted(here)) + "\n")
        shown = run_to_first_step(
            ". .venv/bin/activate && partsjournal exercise primer", work, timeout=60
        )
        (work / "transcript.txt").write_text(shown, encoding="utf-8")

    return made_once(tmp_path_factory, "fresh-checkout", install)
