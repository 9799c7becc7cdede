"""The benchmark's own scripts still run against the program as it is now (the in-process
save twin once called Typer's test runner on what had become a Click group, and every
--save-only run failed)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_the_in_process_save_twin_saves_into_both_journals_and_reports_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "save_inprocess", ROOT / "benchmarks" / "save_inprocess.py"
    )
    assert spec is not None and spec.loader is not None
    twin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(twin)
    new, decade = tmp_path / "new", tmp_path / "decade"
    monkeypatch.setenv("PARTSJOURNAL_HOME", str(new))  # restored after: the twin sets it
    monkeypatch.setattr("sys.argv", ["save_inprocess.py", str(new), str(decade), "1"])
    assert twin.main() == 0
    timed = json.loads(capsys.readouterr().out)
    assert set(timed) == {"new", "decade"} and all(ms > 0 for ms in timed.values())
    for home in (new, decade):  # a warm-up round and a timed one: two entries each
        assert len(list((home / "entries").rglob("*.toml"))) == 2
