"""The quick suite on other days and in an odd environment: proof that every test owns its
clock and environment (the clock fixture and the environment fixture in conftest).

    python -m tests.other_days              # every day below, then the odd environment
    python -m tests.other_days 2028-02-29   # one day ('YYYY-MM-DD[ HH:MM:SS]')
    python -m tests.other_days odd          # the odd environment only

Each day runs the README's quick line (``python -m pytest -n auto``) under ``faketime``
(Debian's package ``faketime``), which moves the machine's clock for the whole run and every
program it starts; a clock that a test read by mistake then shows a different day.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# (when the run starts, in the zone given, why that day)
DAYS: list[tuple[str, str, str]] = [
    ("2027-12-07 10:00:00", "UTC", "a year ahead"),
    ("2028-02-29 12:00:00", "UTC", "29 February"),
    ("2027-12-31 23:59:00", "UTC", "31 December 23:59: the year turns during the run"),
    ("2027-03-28 00:59:30", "Europe/London", "the clocks go forward in Europe/London at 01:00"),
]
# what a person running the suite may have set, each to something unusual
ODD = {
    "TZ": "Pacific/Kiritimati",
    "LANG": "C",
    "LC_ALL": "C",
    "COLUMNS": "50",
    "LINES": "10",
    "EDITOR": "false",
    "VISUAL": "false",
    "PAGER": "false",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "PARTSJOURNAL_IDENTITY": "/nonexistent/identity.age",
    "PARTSJOURNAL_NOW": "not a date",
}
QUICK = [sys.executable, "-m", "pytest", "-n", "auto", "-q", "-p", "no:cacheprovider"]


def run_on(day: str, zone: str) -> int:
    if shutil.which("faketime") is None:
        print("other days: faketime is not installed (apt-get install faketime)", file=sys.stderr)
        return 1
    print(f"other days: the suite at {day} ({zone})", flush=True)
    env = {**os.environ, "TZ": zone}
    return subprocess.run(["faketime", "-f", f"@{day}", *QUICK], env=env, check=False).returncode


def run_odd() -> int:
    print(f"other days: the suite with {' '.join(f'{k}={v}' for k, v in ODD.items())}", flush=True)
    return subprocess.run(QUICK, env={**os.environ, **ODD}, check=False).returncode


def main(args: list[str]) -> int:
    if args == ["odd"]:
        return run_odd()
    if args:
        day = args[0] if " " in args[0] else f"{args[0]} 12:00:00"
        return run_on(day, "UTC")
    failed = [why for day, zone, why in DAYS if run_on(day, zone) != 0]
    if run_odd() != 0:
        failed.append("the odd environment")
    if failed:
        print(f"other days: failed on {'; '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
