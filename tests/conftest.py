"""Every test gets its own empty journal folder, written by the test itself."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from partsjournal.cli.root import app
from partsjournal.core import paths
from partsjournal.flow import support

OFFER_SETUP = support.offer_setup  # the real one, before any test replaces it

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    journal = tmp_path / "journal"
    monkeypatch.setenv(paths.ENV_VAR, str(journal))
    monkeypatch.delenv("PARTSJOURNAL_DEBUG", raising=False)
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
def fresh_consoles() -> Iterator[None]:
    """Each test gets consoles made for it, so a COLUMNS it sets (60, 100) is the width.

    A COLUMNS or LINES from outside (a narrow terminal, pytest-xdist's workers set 80) is
    left out: output to a pipe is then never wrapped, as the tests expect.
    """
    from partsjournal.render import ui

    outside = {name: os.environ.pop(name) for name in ("COLUMNS", "LINES") if name in os.environ}
    ui.out.cache_clear()
    ui.err.cache_clear()
    yield
    ui.out.cache_clear()
    ui.err.cache_clear()
    os.environ.update(outside)


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


@pytest.fixture(scope="session")
def readme_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the README's first set-up line, exactly as written, in a pseudo-terminal, in a
    copy of the project (so its ``.venv`` is new); stop at the first question with Ctrl-C.

    Returns the copy; ``transcript.txt`` there holds what the terminal showed.
    """
    import io
    import os
    import shutil

    import pexpect

    from tests.test_readme_setup import quick_start_lines

    work = tmp_path_factory.mktemp("fresh-checkout")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, work / name)
    for name in ("src", "exercises"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}} | {
        "PARTSJOURNAL_HOME": str(work / "home"),
        "NO_COLOR": "1",
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    child = pexpect.spawn(
        "bash",
        ["-c", quick_start_lines()[0]],
        cwd=str(work),
        env=env,
        encoding="utf-8",
        timeout=300,
        dimensions=(50, 200),
    )
    child.logfile_read = io.StringIO()
    try:
        # a first run may offer something before the exercise (a yes/no, "no" by default)
        while child.expect_exact(["step 1 of", "(y/N)"]) == 1:
            child.send("n")
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
        (work / "transcript.txt").write_text(child.logfile_read.getvalue(), encoding="utf-8")
    return work
