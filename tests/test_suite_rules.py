"""The suite's own rules: tests own the clock, share helpers from helper modules only, and
define each helper once."""

from __future__ import annotations

import ast
import os
from datetime import datetime
from pathlib import Path

import pytest

from partsjournal.core import dates
from tests.helpers import TODAY, parsed, walked

TESTS = Path(__file__).resolve().parent
FILES = sorted(TESTS.glob("*.py"))
CLOCK_READS = ("datetime.now(", "date.today(", "datetime.today(", "datetime.utcnow(")


def test_no_test_module_imports_from_another_test_module() -> None:
    found = []
    for path in FILES:
        for node in walked(parsed(path)):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if any(n.startswith("tests.test_") for n in names):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def _shape(node: ast.FunctionDef | ast.ClassDef) -> str:
    """A definition without its name and docstring: two helpers with the same shape are
    one helper written twice."""
    copy = ast.parse(ast.unparse(node)).body[0]
    assert isinstance(copy, ast.FunctionDef | ast.ClassDef)
    copy.name = "_"
    body = copy.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        copy.body = body[1:] or [ast.Pass()]
    return ast.dump(copy)


def test_no_helper_is_defined_twice() -> None:
    seen: dict[str, str] = {}
    twice = []
    for path in FILES:
        for node in parsed(path).body:
            if not isinstance(node, ast.FunctionDef | ast.ClassDef):
                continue
            if node.name.startswith("test_"):
                continue
            shape = _shape(node)
            where = f"{path.name}:{node.name}"
            if shape in seen:
                twice.append(f"{seen[shape]} = {where}")
            seen.setdefault(shape, where)
    assert len(seen) > 100  # the helpers of every module were looked at
    assert twice == []


def test_no_test_reads_the_machines_clock() -> None:
    """The clock fixture freezes now for every test; only a test marked real_clock may
    read the machine's own clock, and none needs to."""
    found = [
        f"{path.name}:{n}"
        for path in FILES
        if path.name != Path(__file__).name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(read in line for read in CLOCK_READS)
    ]
    assert found == []


def test_hypothesis_examples_are_the_same_on_every_run_and_have_no_deadline() -> None:
    """An example's deadline fails a test on a loaded machine and passes it on a quiet one
    (seen: a support-card property, once in a full run), and examples new on each run fail
    a run the change did not cause. The suite's profile draws the same examples every run
    and sets no deadline, and no test sets its own."""
    from hypothesis import settings

    assert settings.default.deadline is None
    assert settings.default.derandomize or settings.default.max_examples >= 1000  # or explore
    given = [
        (f"{path.name}:{node.value.lineno}", node.value)
        for path in FILES
        for node in walked(parsed(path))
        if isinstance(node, ast.keyword) and node.arg == "deadline"
    ]
    assert given  # the scan sees the tests that say deadline=None (the old habit)
    set_here = [
        at for at, value in given if not (isinstance(value, ast.Constant) and value.value is None)
    ]
    assert set_here == []


def test_no_test_waits_on_a_threads_timer() -> None:
    """Under faketime (python -m tests.other_days) a thread's timed wait is for an absolute
    time that the moved clock and the system's disagree on: a test with a threading.Timer
    hung the other days' run for good. Waits go through the prompt's own event loop, or a
    process's wait(timeout=...)."""
    found = [
        f"{path.name}:{node.lineno}"
        for path in FILES
        for node in walked(parsed(path))
        if isinstance(node, ast.Attribute) and node.attr == "Timer"
    ]
    assert found == []


def test_now_is_the_tests_in_process_and_in_the_programs_it_starts() -> None:
    assert dates.now() == TODAY
    assert os.environ[dates.NOW_VAR] == TODAY.isoformat()


@pytest.mark.now(datetime.fromisoformat("2028-02-29T23:59:00+01:00"))
def test_a_marked_test_has_its_own_day() -> None:
    assert dates.now() == datetime.fromisoformat("2028-02-29T23:59:00+01:00")


def test_nothing_of_the_persons_environment_reaches_a_test() -> None:
    from tests.conftest import OUTSIDE_VARIABLES, ZONE

    leaked = [
        name
        for name in os.environ
        if name.startswith("LC_") or (name in OUTSIDE_VARIABLES and name not in {"LANG", "TZ"})
    ]
    assert leaked == []
    assert os.environ["TZ"] == ZONE and os.environ["LANG"] == "C.UTF-8"
    assert {n for n in os.environ if n.startswith("PARTSJOURNAL_")} == {
        "PARTSJOURNAL_HOME",
        dates.NOW_VAR,
    }


@pytest.mark.real_clock
def test_a_real_clock_test_reads_the_machine() -> None:
    assert dates.NOW_VAR not in os.environ
    assert abs((dates.now() - datetime.now().astimezone()).total_seconds()) < 120


INNER_TESTS = """
from pathlib import Path

def test_passes(tmp_path: Path) -> None:
    (tmp_path / "note").write_text("kept?")
    Path("{seen}", "passes").write_text(str(tmp_path))

def test_fails(tmp_path: Path) -> None:
    (tmp_path / "note").write_text("kept?")
    Path("{seen}", "fails").write_text(str(tmp_path))
    assert False
"""


def test_a_tests_folder_is_its_own_and_stays_only_when_the_test_fails(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    """The suite's own ``tmp_path`` (tests/conftest.py): new, empty and private for each
    test, gone once the test passes, kept for a look when it fails."""
    assert tmp_path.is_dir() and list(tmp_path.iterdir()) == []
    assert tmp_path.stat().st_mode & 0o777 == 0o700
    seen = tmp_path / "seen"
    seen.mkdir()
    pytester.makeconftest("from tests.conftest import tmp_path, pytest_runtest_makereport\n")
    pytester.makepyfile(INNER_TESTS.format(seen=seen))
    pytester.runpytest_inprocess("-p", "no:cacheprovider", "-p", "no:xdist").assert_outcomes(
        passed=1, failed=1
    )
    passed, failed = (Path((seen / name).read_text()) for name in ("passes", "fails"))
    assert passed != failed
    assert not passed.exists()
    assert (failed / "note").read_text() == "kept?"
