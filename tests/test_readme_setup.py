"""The README's two set-up lines: what they do, that CI runs both as written, and that
the first one's steps install partsjournal and start the primer.

The lines are read from the README each time, so the README, CI and these
tests cannot drift apart.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests import readme_first_line
from tests.readme_first_line import quick_start_lines

ROOT = Path(__file__).resolve().parents[1]
ACTIVATE = ". .venv/bin/activate"


def steps(line: str) -> list[str]:
    return [s.strip() for s in line.split("&&")]


def test_quick_start_has_exactly_two_one_line_commands() -> None:
    lines = quick_start_lines()
    assert len(lines) == 2
    assert all("\n" not in line for line in lines)


@pytest.mark.parametrize("which", [0, 1])
def test_quick_start_lines_install_into_a_virtual_environment_never_the_system(
    which: int,
) -> None:
    """PEP 668 systems refuse `pip install` into their own Python: every pip call in the
    README comes after the line has made and activated its own environment."""
    parts = steps(quick_start_lines()[which])
    assert parts[0] == "python3 -m venv .venv"
    assert parts[1] == ACTIVATE
    pip_calls = [i for i, s in enumerate(parts) if "pip install" in s]
    assert pip_calls and all(i > 1 for i in pip_calls)
    assert not any("--break-system-packages" in s or "--user" in s for s in parts)


def test_first_line_installs_and_starts_the_primer() -> None:
    parts = steps(quick_start_lines()[0])
    assert parts[2] == "python -m pip install ."
    assert parts[-1] == "partsjournal exercise primer"


def test_readme_offers_pipx_for_everyday_use() -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1]
    assert "`pipx install .`" in section.split("\n## ", 1)[0]


def test_second_line_installs_the_test_extras_and_runs_the_suite() -> None:
    parts = steps(quick_start_lines()[1])
    assert parts[2] == "python -m pip install -e '.[test]'"
    assert parts[-1] == "python -m pytest -n auto"  # on every core (pytest-xdist)


def test_ci_runs_the_readme_test_line_as_written() -> None:
    line = quick_start_lines()[1]
    shown = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run"), "--print-test-line"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == line
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'eval "$test_line"' in script
    assert line not in script  # read from the README, never a copy that could drift


def test_ci_runs_the_readme_first_line_as_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``.ci/run`` runs ``tests/readme_first_line.py``, which runs the README's first line
    unchanged in a fresh copy of the project (here with the run itself replaced)."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m tests.readme_first_line" in script
    ran: list[tuple[str, list[str]]] = []

    def run(line: str, work: Path, timeout: float) -> str:
        ran.append((line, sorted(p.name for p in work.iterdir())))
        (work / ".venv" / "bin").mkdir(parents=True)
        (work / ".venv" / "bin" / "partsjournal").touch()
        return "Starting here: five minutes on parts, step 1 of 7"

    monkeypatch.setattr(readme_first_line, "run_to_first_step", run)
    assert readme_first_line.main() == 0
    assert ran == [(quick_start_lines()[0], ["README.md", "exercises", "pyproject.toml", "src"])]
    monkeypatch.setattr(readme_first_line, "run_to_first_step", lambda *a, **k: "Traceback")
    assert readme_first_line.main() == 1


@pytest.mark.slow
def test_first_line_steps_install_the_wheel_and_start_the_primer(
    readme_install: Path,
) -> None:
    """``readme_install`` (conftest) made a new ``.venv``, installed the wheel into it and
    ran ``partsjournal exercise primer`` after activating it, in a pseudo-terminal."""
    assert (readme_install / ".venv" / "bin" / "partsjournal").exists()
    [package] = (readme_install / ".venv").glob("lib/python3*/site-packages/partsjournal")
    assert (package / "exercises" / "primer.toml").exists()  # the wheel, not a link
    shown = (readme_install / "transcript.txt").read_text(encoding="utf-8")
    assert readme_first_line.STARTED in shown
