"""The README's two set-up lines: what they do, that CI runs the second one as
written, and that the first one, run verbatim, starts the protector dialogue.

The lines are read from the README each time, so the README, CI and these
tests cannot drift apart.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ACTIVATE = ". .venv/bin/activate"


def quick_start_lines() -> list[str]:
    """The one-line shell blocks of the README's Quick start section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [b.strip() for b in blocks]


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


def test_first_line_installs_and_starts_the_protector_dialogue() -> None:
    parts = steps(quick_start_lines()[0])
    assert parts[2] == "python -m pip install ."
    assert parts[-1] == "partsjournal exercise protector"


def test_readme_offers_pipx_for_everyday_use() -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1]
    assert "`pipx install .`" in section.split("\n## ", 1)[0]


def test_second_line_installs_the_test_extras_and_runs_the_suite() -> None:
    parts = steps(quick_start_lines()[1])
    assert parts[2] == "python -m pip install -e '.[test]'"
    assert parts[-1] == "python -m pytest"


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


def test_first_line_run_verbatim_starts_the_protector_dialogue(readme_install: Path) -> None:
    """``readme_install`` (conftest) ran the README's first line, as written, in a
    pseudo-terminal in a copy of the project; here we check what it left."""
    assert (readme_install / ".venv" / "bin" / "partsjournal").exists()
    shown = (readme_install / "transcript.txt").read_text(encoding="utf-8")
    assert "step 1 of" in shown
