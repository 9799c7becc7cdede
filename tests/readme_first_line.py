"""The README's first set-up line, run in a pseudo-terminal up to the primer's first step.

``python -m tests.readme_first_line`` runs the line exactly as the README writes it, in a
fresh copy of the project: a new ``.venv``, ``pip install .`` from the package index, then
``partsjournal exercise primer``, stopped with Ctrl-C at its first step. That takes
10-15 seconds, so ``.ci/run`` runs it once per CI run rather than the test suite every
time; the suite checks the same steps the cheap way (``tests/test_readme_setup.py``).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTED = "step 1"  # what the primer shows first


def quick_start_lines() -> list[str]:
    """The one-line shell blocks of the README's Quick start section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [b.strip() for b in blocks]


def copy_project(work: Path) -> None:
    """What ``pip install .`` needs from the checkout, without its ``.venv`` or caches."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, work / name)
    for name in ("src", "exercises"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))


def run_to_first_step(line: str, work: Path, timeout: float) -> str:
    """Run ``line`` with bash in a pseudo-terminal in ``work`` until the exercise it starts
    shows its first step, then press Ctrl-C; returns what the terminal showed."""
    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}} | {
        "PARTSJOURNAL_HOME": str(work / "home"),
        "NO_COLOR": "1",
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    child = pexpect.spawn(
        "bash",
        ["-c", line],
        cwd=str(work),
        env=env,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(50, 200),
    )
    child.logfile_read = io.StringIO()
    try:
        # a first run may offer something before the exercise (a yes/no, "no" by default)
        while child.expect_exact([STARTED, "means no)"]) == 1:
            child.send("no\r")
        child.sendintr()
        child.expect(pexpect.EOF, timeout=30)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pass  # the caller looks for STARTED in what was shown
    finally:
        child.close(force=True)
    shown: str = child.logfile_read.getvalue()
    return shown


def main() -> int:
    """Run the README's first line verbatim in a fresh copy; 0 if it reached step 1."""
    line = quick_start_lines()[0]
    with tempfile.TemporaryDirectory(prefix="readme-first-line-") as tmp:
        work = Path(tmp)
        copy_project(work)
        print(f"README first line: {line}", flush=True)
        shown = run_to_first_step(line, work, timeout=600)
        installed = (work / ".venv" / "bin" / "partsjournal").exists()
        if STARTED not in shown or not installed:
            print(shown[-2000:], file=sys.stderr)
            print("README first line did not reach the primer", file=sys.stderr)
            return 1
    print("README first line: installed, and the primer started", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
