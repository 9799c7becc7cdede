"""The built wheel carries the exercises and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROTECTOR_ANSWERS

pytestmark = pytest.mark.slow  # builds the wheel and installs it into a new environment

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_every_exercise(built_wheel: Path) -> None:
    names = zipfile.ZipFile(built_wheel).namelist()
    shipped = {p.name for p in (ROOT / "exercises").glob("*.toml")}
    packed = {Path(n).name for n in names if n.startswith("partsjournal/exercises/")}
    assert shipped and shipped <= packed
    assert "partsjournal/exercises/templates/practice-followup.toml" in names


def test_installed_wheel_lists_and_runs_exercises(readme_install: Path, tmp_path: Path) -> None:
    """``pip install .`` in the README's line builds and installs the wheel, not a link
    to the checkout: it must find its exercises from anywhere."""
    env = {**os.environ, "PARTSJOURNAL_HOME": str(tmp_path / "home")}
    program = str(readme_install / ".venv" / "bin" / "partsjournal")
    # run from an unrelated folder so the checkout's exercises/ cannot be found
    listing = subprocess.run(
        [program, "exercise"], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert listing.returncode == 0, listing.stderr
    assert "protector" in listing.stdout
    run = subprocess.run(
        [program, "exercise", "protector", "--answers", "-"],
        input=PROTECTOR_ANSWERS,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert list((tmp_path / "home" / "entries").rglob("*.toml"))
