"""Whole-process benchmark of partsjournal against a bare Typer app (the floor).

Usage (from the repository root, in the project's environment):

    python benchmarks/run.py [--runs 9] [--json benchmarks/results/latest.json]

It builds (once, then reuses) synthetic journals of 1 week, 1 year and 10 years
of twice-daily entries with partsjournal's own storage code, then times every
command in rounds: each round runs every command once, in the same order, so
all measurements share the machine's state of the moment. After one warm-up
round it reports the median wall time and the median peak memory (RSS) of
each command, and the target ratios of issue 7. It is not a test: it prints
and writes numbers, and exits 0 whether or not a target is met (1 only if a
command fails).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

PY = sys.executable
ANSWERS = (HERE.parent / "docs" / "examples" / "protector-answers.toml").read_text(encoding="utf-8")


@dataclass
class Case:
    key: str
    argv: list[str]
    home: Path | None = None
    stdin: str | None = None
    pythonpath: str | None = None
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        # Measure what an installed partsjournal costs: with cached bytecode, as pip
        # and normal imports leave it (some shells set this variable; users rarely do).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if self.pythonpath:
            env["PYTHONPATH"] = self.pythonpath
        if self.home is not None:
            env["PARTSJOURNAL_HOME"] = str(self.home)
        return env

    def once(self) -> None:
        """One timed run (wall clock, including interpreter start-up)."""
        env = self.env()
        start = time.perf_counter()
        proc = subprocess.Popen(
            self.argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        _, err = proc.communicate(self.stdin.encode() if self.stdin else None)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"{self.key} failed ({proc.returncode}): {err.decode()[-500:]}")
        self.times.append(elapsed)

    def peak(self) -> None:
        """One extra run reaped with wait4 to read this child's own peak RSS."""
        env = self.env()
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.dup2(r, 0)
            os.close(w)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execvpe(self.argv[0], self.argv, env)
        os.close(r)
        if self.stdin:
            os.write(w, self.stdin.encode())
        os.close(w)
        _, status, usage = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{self.key} failed while measuring memory")
        self.rss_kib.append(int(usage.ru_maxrss))

    @property
    def median_s(self) -> float:
        return statistics.median(self.times)

    @property
    def median_rss_mib(self) -> float:
        return statistics.median(self.rss_kib) / 1024


def has_command(name: str) -> bool:
    out = subprocess.run([PY, "-m", "partsjournal", "--help"], capture_output=True, text=True)
    return f" {name} " in out.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed rounds after one warm-up")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--journals", type=Path, default=HERE / "journals")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="also run every partsjournal command from this older src/ folder, in the same "
        "rounds, to compare before and after side by side",
    )
    args = parser.parse_args()

    today = date.today()
    args.journals.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    week = generate.ensure(args.journals, "week", 7, end=today)
    year = generate.ensure(args.journals, "year", 365, end=today)
    decade = generate.ensure(args.journals, "decade", 3650, end=today)
    print(
        f"journals ready in {time.perf_counter() - t0:.1f} s "
        f"(week {count(week)}, year {count(year)}, decade {count(decade)} entries)"
    )
    scratch = args.journals / "scratch"

    pj = [PY, "-m", "partsjournal"]
    floor = [PY, str(HERE / "floor.py")]
    since = (today - timedelta(days=6)).isoformat()
    cases = [
        Case("floor --help", [*floor, "--help"]),
        Case("floor table", [*floor, "table"]),
        Case("partsjournal --help", [*pj, "--help"], week),
        Case(
            "exercise protector --answers (save)",
            [*pj, "exercise", "protector", "--answers", "-"],
            scratch,
            ANSWERS,
        ),
    ]
    have_review = has_command("review")
    have_entries = has_command("entries")
    if have_review:
        for name, home in (("week", week), ("year", year), ("decade", decade)):
            cases.append(Case(f"review --week ({name})", [*pj, "review", "--week"], home))
        cases.append(Case("review --month (decade)", [*pj, "review", "--month"], decade))
    if have_entries:
        cases.append(
            Case("entries --since last week (decade)", [*pj, "entries", "--since", since], decade)
        )

    if args.baseline:
        src = str(args.baseline.resolve())
        cases += [
            Case(
                f"before: {c.key}",
                c.argv,
                c.home and (args.journals / "scratch-before" if c.home == scratch else c.home),
                c.stdin,
                src,
            )
            for c in list(cases)
            if c.argv[:3] == pj
        ]

    for c in cases:  # warm-up round: fill the OS file cache, compile bytecode
        c.once()
        c.times.clear()  # not counted: the medians are of the timed rounds only
    for _ in range(args.runs):
        for c in cases:
            c.once()
    for _ in range(3):
        for c in cases:
            c.peak()

    by = {c.key: c for c in cases}
    print()
    print(f"{'command':<50} {'median s':>9} {'peak MiB':>9}")
    for c in cases:
        print(f"{c.key:<50} {c.median_s:>9.3f} {c.median_rss_mib:>9.1f}")

    # The part of a review that could grow with the history, timed in-process
    # (no interpreter start-up, so far less noise): reading and aggregating.
    collect_ms = {}
    for name, home in (("week", week), ("year", year), ("decade", decade)):
        collect_ms[name] = collect_median_ms(home, today)
    print()
    print("review.collect for one week, in-process (median of 31):")
    for name, ms in collect_ms.items():
        print(f"  {name:<8} {ms:7.2f} ms")

    targets = []

    def ratio(label: str, a: str, b: str, limit: float) -> None:
        if a in by and b in by:
            value = by[a].median_s / by[b].median_s
            targets.append(
                {
                    "target": label,
                    "measured": round(value, 3),
                    "limit": limit,
                    "met": value <= limit,
                }
            )

    ratio("review --week: decade / week", "review --week (decade)", "review --week (week)", 1.10)
    ratio("review --week (decade) / floor table", "review --week (decade)", "floor table", 1.25)
    ratio("partsjournal --help / floor --help", "partsjournal --help", "floor --help", 1.15)
    ratio("exercise save / floor table", "exercise protector --answers (save)", "floor table", 1.5)
    if "review --week (decade)" in by:
        extra = by["review --week (decade)"].median_rss_mib - by["floor table"].median_rss_mib
        targets.append(
            {
                "target": "review --week (decade) peak RSS - floor table peak (MiB)",
                "measured": round(extra, 1),
                "limit": 8.0,
                "met": extra <= 8.0,
            }
        )
    print()
    print(f"{'target':<58} {'measured':>9} {'limit':>7}  met")
    for t in targets:
        print(
            f"{t['target']:<58} {t['measured']:>9} {t['limit']:>7}  {'yes' if t['met'] else 'NO'}"
        )
    if not have_review:
        print("\n(review is not available in this build: its targets were not measured)")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "date": today.isoformat(),
                "python": sys.version.split()[0],
                "runs": args.runs,
                "commands": {
                    c.key: {
                        "median_s": round(c.median_s, 4),
                        "peak_rss_mib": round(c.median_rss_mib, 1),
                        "times_s": [round(t, 4) for t in c.times],
                    }
                    for c in cases
                },
                "targets": targets,
                "review_collect_week_ms": {k: round(v, 2) for k, v in collect_ms.items()},
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {args.json}")
    return 0


def collect_median_ms(home: Path, today: date) -> float:
    from partsjournal.core import paths
    from partsjournal.views import review

    paths.set_home(home)
    period = review.Period(today - timedelta(days=6), today, "week")
    times = []
    for _ in range(32):
        start = time.perf_counter()
        review.collect(period, today=today)
        times.append(time.perf_counter() - start)
    paths.set_home(None)
    return statistics.median(times[1:]) * 1000


def count(home: Path) -> int:
    return sum(1 for _ in (home / "entries").rglob("*.toml"))


if __name__ == "__main__":
    raise SystemExit(main())
