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


def test_wheel_carries_the_licence_it_names(built_wheel: Path) -> None:
    """The package says MIT: the licence text travels with it, and its metadata says so."""
    wheel = zipfile.ZipFile(built_wheel)
    [licence] = [n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(licence).decode() == (ROOT / "LICENSE").read_text(encoding="utf-8")
    [metadata] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    lines = wheel.read(metadata).decode().splitlines()
    assert "License-Expression: MIT" in lines and "License-File: LICENSE" in lines


def test_the_licence_and_classifiers_are_the_ones_pypi_knows() -> None:
    import tomllib

    from trove_classifiers import classifiers

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert project["classifiers"] and set(project["classifiers"]) <= classifiers
    # an SPDX licence expression replaces the licence classifiers (PEP 639)
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    minor = int(project["requires-python"].removeprefix(">=3."))
    named = {c.rsplit(".", 1)[1] for c in project["classifiers"] if c.count(".") == 1}
    assert min(int(n) for n in named) == minor


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
