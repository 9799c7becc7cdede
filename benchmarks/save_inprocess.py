"""Saving one entry, timed in-process (no interpreter start-up, so far less noise than
whole processes): a new journal and a ten-year one, alternately, median of each.

Usage: python benchmarks/save_inprocess.py NEW_HOME DECADE_HOME [ROUNDS]

Run by ``run.py`` (also with ``PYTHONPATH`` set to an older ``src/`` for its
``--baseline``). Prints one JSON line: {"new": ms, "decade": ms}. Each save adds an
entry to the journal it is timed in: give it copies.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ANSWERS = Path(__file__).resolve().parent.parent / "docs" / "examples" / "protector-answers.toml"


def main() -> int:
    new, decade = Path(sys.argv[1]), Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 21
    import click
    from click.testing import CliRunner

    from partsjournal.cli import app

    if not isinstance(app, click.Command):  # a baseline from before the root was Click's
        import typer

        app = typer.main.get_command(app)

    answers = ANSWERS.read_text(encoding="utf-8")
    runner = CliRunner()
    times: dict[str, list[float]] = {"new": [], "decade": []}
    for n in range(rounds + 1):  # the first round warms up (imports, caches): not counted
        for name, home in (("new", new), ("decade", decade)):
            os.environ["PARTSJOURNAL_HOME"] = str(home)
            start = time.perf_counter()
            result = runner.invoke(app, ["exercise", "protector", "--answers", "-"], input=answers)
            elapsed = time.perf_counter() - start
            if result.exit_code != 0:
                print(f"the save into {home} failed: {result.output[-300:]}", file=sys.stderr)
                return 1
            if n:
                times[name].append(elapsed)
    print(json.dumps({k: statistics.median(v) * 1000 for k, v in times.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
