"""Whole-process benchmark of partsjournal against a bare Typer app (the floor).

Usage (from the repository root, in the project's environment):

    python benchmarks/run.py [--runs 9] [--json benchmarks/results/latest.json] [--no-jrnl]

It builds (once, then reuses) synthetic journals of 1 week, 1 year and 10 years
of twice-daily entries with partsjournal's own storage code, then times every
command in rounds: each round runs every command once, in the same order, so
all measurements share the machine's state of the moment. After one warm-up
round it reports the median wall time and the median peak memory (RSS) of
each command, and the target ratios (issue 7's, and the whole-history ones:
every command that reads the whole ten-year history, side by side with jrnl,
which it installs on first use into its own venv, benchmarks/.jrnl-venv). It is
not a test: it prints and writes numbers, and exits 0 whether or not a target
is met (1 only if a command fails).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import encrypted  # noqa: E402
import generate  # noqa: E402

PY = sys.executable
ANSWERS = (HERE.parent / "docs" / "examples" / "protector-answers.toml").read_text(encoding="utf-8")
JRNL_VENV = HERE / ".jrnl-venv"
# jrnl 4.6 is the version the issue names; the newest 4.x if 4.6 cannot be had.
JRNL_REQUIREMENTS = ("jrnl~=4.6.0", "jrnl>=4,<5")

# The "full rebuild of the ten-year index <= 3 s": `parts` right after the
# index file is deleted (see rebuild_cases()).
REBUILD = "rebuild index (decade)"
BRIEF = "brief --format html, the last course (decade)"


@dataclass
class Case:
    key: str
    argv: list[str]
    home: Path | None = None
    stdin: str | None = None
    pythonpath: str | None = None
    # Extra environment (jrnl's isolated HOME and XDG folders, a rebuild switch...).
    extra_env: dict[str, str] = field(default_factory=dict)
    # Run, untimed, before every timed run and memory run of this case.
    prepare: Case | None = None
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
        env.update(self.extra_env)
        return env

    def once(self) -> None:
        """One timed run (wall clock, including interpreter start-up)."""
        self.times.append(self.run())

    def run(self) -> float:
        """Run the command once (after its untimed preparation); return the wall time."""
        if self.prepare is not None:
            self.prepare.run()
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
        return elapsed

    def peak(self) -> None:
        """One extra run reaped with wait4 to read this child's own peak RSS."""
        if self.prepare is not None:
            self.prepare.run()
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


@functools.cache
def _help() -> str:
    return subprocess.run(
        [PY, "-m", "partsjournal", "--help"], capture_output=True, text=True
    ).stdout


def has_command(name: str) -> bool:
    return f" {name} " in _help()


def startup(args: argparse.Namespace) -> int:
    """Start-up only: every quick command, each from this checkout and (with --baseline)
    from an older one, in the same rounds; medians side by side."""
    week = generate.ensure(args.journals.resolve(), "week", 7, end=date.today())
    scratch = args.journals.resolve() / "scratch"
    pj = [PY, "-m", "partsjournal"]
    floor = [PY, str(HERE / "floor.py")]
    since = (date.today() - timedelta(days=6)).isoformat()
    ours = [
        ("--help", ["--help"], week, None),
        ("-V", ["--version"], week, None),
        ("review --week", ["review", "--week"], week, None),
        ("review --since DATE", ["review", "--since", since], week, None),
        ("entries", ["entries"], week, None),
        ("entries --part NAME", ["entries", "--part", "Busy Bee"], week, None),
        ("show last", ["show", "last"], week, None),
        ("parts", ["parts"], week, None),
        ("session list", ["session", "list"], week, None),
        ("practices", ["practices"], week, None),
        ("exercise (the list)", ["exercise"], week, None),
        (
            "save (exercise --answers)",
            ["exercise", "protector", "--answers", "-"],
            scratch,
            ANSWERS,
        ),
    ]
    cases = [Case("floor --help", [*floor, "--help"]), Case("floor table", [*floor, "table"])]
    pairs = []
    for key, argv, home, stdin in ours:
        after = Case(key, [*pj, *argv], home, stdin)
        before = None
        if args.baseline:
            before_home = args.journals.resolve() / "scratch-before" if home == scratch else home
            before = Case(f"before: {key}", [*pj, *argv], before_home, stdin,
                          str(args.baseline.resolve()))  # fmt: skip
        pairs.append((after, before))
        cases += [c for c in (before, after) if c is not None]
    print(f"{len(cases)} cases, {args.runs} rounds after a warm-up")
    for c in cases:
        c.run()
    for _ in range(args.runs):
        for c in cases:
            c.once()
    table = cases[1].median_s
    print(
        f"\n{'command':<28} {'before s':>9} {'after s':>9} {'after/before':>13} {'after/table':>12}"
    )
    for c in cases[:2]:
        print(f"{c.key:<28} {'':>9} {c.median_s:>9.3f}")
    rows = []
    for after, before in pairs:
        was = f"{before.median_s:>9.3f}" if before else f"{'-':>9}"
        ratio = f"{after.median_s / before.median_s:>13.2f}" if before else f"{'-':>13}"
        print(
            f"{after.key:<28} {was} {after.median_s:>9.3f} {ratio} {after.median_s / table:>12.2f}"
        )
        rows.append({"command": after.key, "after_s": after.median_s,
                     "before_s": before.median_s if before else None})  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"startup": rows, "runs": args.runs}, indent=2) + "\n")
    return 0


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
    parser.add_argument(
        "--no-jrnl",
        action="store_true",
        help=f"leave out the jrnl cases (otherwise jrnl is installed into {JRNL_VENV.name}/ "
        "on first use)",
    )
    parser.add_argument(
        "--save-only",
        action="store_true",
        help="run only the cases of saving into a new and into a ten-year journal",
    )
    parser.add_argument(
        "--encryption-only",
        action="store_true",
        help="run only the encrypted cases and the plain cases they are compared with",
    )
    parser.add_argument(
        "--startup",
        action="store_true",
        help="time only start-up: --help, -V and the quick commands on the one-week journal "
        "(with --baseline, before and after side by side)",
    )
    args = parser.parse_args()
    args.journals = args.journals.resolve()
    if args.startup:
        return startup(args)
    if args.encryption_only or args.save_only:
        args.no_jrnl = True

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
    problems = generate.check(decade)
    if problems:
        print("the decade journal cannot answer the whole-history cases: " + "; ".join(problems))
        return 1
    decade_before = fingerprint(decade)
    scratch = args.journals / "scratch"
    # "After one new entry": each round saves an entry here, untimed, then times
    # `parts`. A fresh copy of the decade journal, removed at the end, so the
    # decade journal itself is never written to.
    appended = fresh_copy(decade, args.journals / "decade-append")

    jrnl, jrnl_problem = (
        (None, "left out with --no-jrnl") if args.no_jrnl else ensure_jrnl(args.journals)
    )
    jrnl_missing = f"jrnl not available ({jrnl_problem})"

    pj = [PY, "-m", "partsjournal"]
    floor = [PY, str(HERE / "floor.py")]
    since = (today - timedelta(days=6)).isoformat()
    cases = [
        Case("floor --help", [*floor, "--help"]),
        Case("floor table", [*floor, "table"]),
        Case("partsjournal --help", [*pj, "--help"], week),
        Case(
            SAVE,
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
    history = whole_history_cases(pj, decade, today)
    cases += history
    cases += rebuild_cases(pj, decade)
    if has_command("brief"):
        since = generate.last_course_start(decade).isoformat()
        cases.append(Case(BRIEF, [*pj, "brief", "--since", since, "--format", "html"], decade))
    if jrnl is not None:
        cases += jrnl.cases(since)
    twins = [] if args.save_only else encrypted_cases(pj, cases, args.journals, decade)
    if args.encryption_only:
        keep = {"floor table", *(plain for plain, _ in twins)}
        cases = [c for c in cases if c.key in keep]
    cases += [twin for _, twin in twins]
    # Saving into a new journal and into a ten-year one, each a fresh copy (with its
    # index) that gains one entry a round: the target is that they cost the same. The
    # new journal has the same parts and the sessions of this season (so the save names
    # an existing part and links to the same session), and no earlier history.
    save_homes = {
        SAVE_NEW: fresh_season(decade, args.journals / "save-new", today),
        SAVE_DECADE: fresh_copy(decade, args.journals / "save-decade"),
    }
    save_cases = [
        Case(key, [*pj, "exercise", "protector", "--answers", "-"], home, ANSWERS)
        for key, home in save_homes.items()
    ]
    if args.save_only:
        cases = [c for c in cases if c.key == "floor table"]
    cases += save_cases
    if has_command("parts") and not (args.encryption_only or args.save_only):
        save_argv = [*pj, "exercise", "protector", "--answers", "-"]
        save = Case("(save one entry)", save_argv, appended, ANSWERS)
        cases.append(Case(AFTER_NEW, [*pj, "parts"], appended, prepare=save))
        synced = Case("(sync one entry in)", [PY, "-c", SYNC_ONE, str(appended)])
        cases.append(Case(AFTER_SYNC, [*pj, "parts"], appended, prepare=synced))

    if args.baseline:
        src = str(args.baseline.resolve())
        before_home = {scratch: args.journals / "scratch-before"}
        for home in save_homes.values():
            before_home[home] = fresh_copy(home, home.with_name(f"{home.name}-before"))
        if any(c.home == appended for c in cases):
            before_home[appended] = fresh_copy(decade, args.journals / "decade-append-before")

        def before(c: Case | None) -> Case | None:
            if c is None:
                return None
            home = c.home and before_home.get(c.home, c.home)
            return Case(
                f"before: {c.key}", c.argv, home, c.stdin, src, c.extra_env, before(c.prepare)
            )

        cases += [
            before(c)
            for c in list(cases)
            if c.argv[:3] == pj and encrypted.IDENTITY_ENV not in c.extra_env
        ]

    for c in cases:  # each save home's index made by its own code, as a reading command does
        if c in save_cases or (c.key.startswith("before: ") and c.key[8:] in save_homes):
            Case(f"(index {c.home})", [*pj, "parts"], c.home, None, c.pythonpath).run()
    print(f"{len(cases)} cases, {args.runs} rounds after a warm-up, then 3 for memory")
    try:
        for c in cases:  # warm-up round (not counted): fill the OS file cache, compile
            c.run()  # bytecode, and build whatever a command builds on its first run
        for _ in range(args.runs):
            for c in cases:
                c.once()
        for _ in range(3):
            for c in cases:
                c.peak()
        # in-process too (no start-up: far less noise), before and after when asked
        save_ms = {"": in_process_save(save_homes, args.runs, None)}
        if args.baseline:
            before = {k: before_home[h] for k, h in save_homes.items()}
            save_ms["before: "] = in_process_save(before, args.runs, str(args.baseline.resolve()))
    finally:
        for copy in (appended, args.journals / "decade-append-before"):
            shutil.rmtree(copy, ignore_errors=True)
        for home in save_homes.values():
            shutil.rmtree(home, ignore_errors=True)
            shutil.rmtree(home.with_name(f"{home.name}-before"), ignore_errors=True)
    unchanged = fingerprint(decade) == decade_before
    print(f"\ndecade journal unchanged by the run: {'yes' if unchanged else 'NO'}")

    by = {c.key: c for c in cases}
    print()
    w = max(len(c.key) for c in cases)
    print(f"{'command':<{w}} {'median s':>9} {'peak MiB':>9}")
    for c in cases:
        print(f"{c.key:<{w}} {c.median_s:>9.3f} {c.median_rss_mib:>9.1f}")

    # The part of a review that could grow with the history, timed in-process
    # (no interpreter start-up, so far less noise): reading and aggregating.
    collect_ms = {}
    for name, home in (("week", week), ("year", year), ("decade", decade)):
        if not args.save_only:
            collect_ms[name] = collect_median_ms(home, today)
    if twins:  # the same on the encrypted ten-year journal (decrypting each file read)
        with encrypted.identity_from(args.journals / "decade-encrypted.key"):
            collect_ms["decade [encrypted]"] = collect_median_ms(
                args.journals / "decade-encrypted", today
            )
    if collect_ms:
        print()
        print("review.collect for one week, in-process (median of 31):")
    for name, ms in collect_ms.items():
        print(f"  {name:<18} {ms:7.2f} ms")
    if "decade [encrypted]" in collect_ms:  # the whole-process targets are below
        ratio = collect_ms["decade [encrypted]"] / collect_ms["decade"]
        print(f"  encrypted / plain decade: {ratio:.2f} x (reading only, no start-up)")

    print()
    print("saving one entry, in-process (median of the rounds):")
    for label, ms in save_ms.items():
        ratio = ms["decade"] / ms["new"]
        print(f"  {label}new {ms['new']:.1f} ms, decade {ms['decade']:.1f} ms: {ratio:.3f} x")

    targets = Targets(by)
    # Issue 25: saving into ten years of history costs what saving into a new journal does.
    targets.ratio(SAVE_DECADE, SAVE_NEW, 1.05)
    targets._add(
        "save in-process: decade / new journal",
        round(save_ms[""]["decade"] / save_ms[""]["new"], 3),
        1.05,
        "",
    )
    targets.ratio(SAVE_DECADE, "floor table", 1.5)
    if not args.save_only:
        # Issue 7: start-up, the weekly review (which must keep these figures), saving.
        targets.ratio("review --week (decade)", "review --week (week)", 1.10)
        targets.ratio("review --week (decade)", "floor table", 1.25)
        targets.ratio("partsjournal --help", "floor --help", 1.15)
        targets.ratio("exercise protector --answers (save)", "floor table", 1.5)
        targets.extra_rss("review --week (decade)", "floor table", 8.0)
        # Fast over the whole history: each command that reads every entry, index warm,
        # against the framework and against jrnl searching the same-size journal.
        for key in WARM:
            targets.ratio(key, "floor table", 1.25)
        for key in WARM:
            targets.ratio(key, JRNL_CONTAINS, 0.35, missing=jrnl_missing if jrnl is None else "")
        targets.ratio(AFTER_NEW, "floor table", 1.4)
        targets.ratio(AFTER_SYNC, "floor table", 1.4)
        targets.seconds(REBUILD, 3.0, missing="no rebuild case (see rebuild_cases)")
        # Issue 28: the HTML brief of the ten-year journal's last course, charts and all
        targets.seconds(BRIEF, 1.0, missing="no brief command in this build")
        targets.extra_rss(EXPORT, "floor table", 40.0)
    # Encryption at rest: the same command on the encrypted twin of the journal.
    for plain, twin in twins:
        limit = 1.1 if plain == SAVE else 1.3
        targets.ratio(twin.key, plain, limit)
    if twins:
        unlock = encrypted.unlock_seconds()
        targets._add("unlock with the passphrase (scrypt, in-process) (s)", unlock, 2.0, "")
    print()
    w = max(len(t["target"]) for t in targets.rows)
    print(f"{'target':<{w}} {'measured':>9} {'limit':>7}  met")
    for t in targets.rows:
        if t["measured"] is None:
            print(f"{t['target']:<{w}} {'-':>9} {t['limit']:>7}  not measured: {t['note']}")
        else:
            met = "yes" if t["met"] else "NO"
            print(f"{t['target']:<{w}} {t['measured']:>9} {t['limit']:>7}  {met}")
    if not have_review:
        print("\n(review is not available in this build: its targets were not measured)")
    if jrnl is None:
        print(f"\n({jrnl_missing}: its cases and targets were left out)")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "date": today.isoformat(),
                "python": sys.version.split()[0],
                "runs": args.runs,
                "jrnl": (
                    {"version": jrnl.version, "journal_entries": jrnl.entries}
                    if jrnl
                    else {"version": None, "why": jrnl_problem}
                ),
                "decade_journal_unchanged": unchanged,
                "commands": {
                    c.key: {
                        "argv": [a.replace(str(HERE.parent), ".") for a in c.argv[1:]],
                        "median_s": round(c.median_s, 4),
                        "peak_rss_mib": round(c.median_rss_mib, 1),
                        "times_s": [round(t, 4) for t in c.times],
                    }
                    for c in cases
                },
                "targets": targets.rows,
                "review_collect_week_ms": {k: round(v, 2) for k, v in collect_ms.items()},
                "save_in_process_ms": {
                    f"{label}{k}": round(v, 1)
                    for label, ms in save_ms.items()
                    for k, v in ms.items()
                },
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {args.json}")
    return 0


# Case names the targets refer to.
SAVE = "exercise protector --answers (save)"
SAVE_NEW = "save (new journal)"
SAVE_DECADE = "save (ten-year journal)"
AFTER_NEW = "parts, after one new entry (decade copy)"
AFTER_SYNC = "parts, after one synced-in entry, index behind (decade copy)"
EXPORT = "export --since <10 years ago> --format json (decade)"
JRNL_CONTAINS = f"jrnl -contains {generate.WORD} (decade)"
JRNL_FROM = "jrnl -from last week (decade)"
# The whole-history commands whose targets assume a warm index, in table order.
WARM = (
    "parts (decade)",
    f'parts show "{generate.PART}" (decade)',
    "session list (decade)",
    f"session show {generate.SESSION} (decade)",
    "entries (decade)",
    f'entries --part "{generate.PART}" (decade)',
    f"entries --session {generate.SESSION} (decade)",
    f"entries --grep {generate.WORD} (decade)",
    "practices (decade)",
)


def whole_history_cases(pj: list[str], decade: Path, today: date) -> list[Case]:
    """The commands that read the whole ten-year history, and the issue's baseline table.

    Each runs only if this build has its command. The export's first day, ten
    years back, is before the journal's first entry (as 2016-01-01 is, in the
    issue's table), so it exports all of it.
    """
    part, session, word = generate.PART, str(generate.SESSION), generate.WORD
    want = [
        ("parts (decade)", ["parts"]),
        (f'parts show "{part}" (decade)', ["parts", "show", part]),
        ("session list (decade)", ["session", "list"]),
        (f"session show {session} (decade)", ["session", "show", session]),
        ("entries (decade)", ["entries"]),
        (f'entries --part "{part}" (decade)', ["entries", "--part", part]),
        (f"entries --session {session} (decade)", ["entries", "--session", session]),
        (f"entries --grep {word} (decade)", ["entries", "--grep", word]),
        ("practices (decade)", ["practices"]),
        (EXPORT, ["export", "--since", years_ago(today, 10).isoformat(), "--format", "json"]),
        ("review --since <1 year ago> (decade)", ["review", "--since", years_ago(today, 1)]),
    ]
    known: dict[str, bool] = {}
    cases = []
    for key, argv in want:
        if known.setdefault(argv[0], has_command(argv[0])):
            cases.append(Case(key, [*pj, *map(str, argv)], decade))
    return cases


def encrypted_cases(
    pj: list[str], cases: list[Case], journals: Path, decade: Path
) -> list[tuple[str, Case]]:
    """(plain case's key, its encrypted twin) for saving and a few reading commands.

    Reading runs on an encrypted copy of the ten-year journal; saving on an empty
    encrypted journal, like the plain save case. See encrypted.py.
    """
    if not has_command("encrypt"):
        return []
    home, key = encrypted.ensure(journals, decade)
    scratch, scratch_key = encrypted.scratch(journals)
    twins = []
    for c in cases:
        if c.key == SAVE:
            env = {encrypted.IDENTITY_ENV: str(scratch_key)}
            twins.append((c.key, Case(f"{c.key} [encrypted]", c.argv, scratch, c.stdin, None, env)))
        elif c.home == decade and c.key in ENCRYPTED_READS:
            env = {encrypted.IDENTITY_ENV: str(key)}
            twins.append((c.key, Case(f"{c.key} [encrypted]", c.argv, home, None, None, env)))
    return twins


# The reading commands timed on the encrypted ten-year journal too.
ENCRYPTED_READS = (
    "review --week (decade)",
    "entries --since last week (decade)",
    "parts (decade)",
    "entries (decade)",
)


def rebuild_cases(pj: list[str], decade: Path) -> list[Case]:
    """The full rebuild of the ten-year index, timed against its 3 s target: `parts`
    with the index file deleted just before (untimed), so it reads every entry
    file again. It leaves a fresh index for the cases after it."""
    drop = [PY, "-c", DROP_INDEX, str(decade / INDEX_NAME)]
    return [Case(REBUILD, [*pj, "parts"], decade, prepare=Case("(delete the index)", drop))]


INDEX_NAME = ".index.sqlite"
DROP_INDEX = "import os, sys\ntry: os.remove(sys.argv[1])\nexcept FileNotFoundError: pass"
# Copies the newest entry file under a new name, as a sync from another device
# would: the index is then one entry behind (nothing told it).
SYNC_ONE = """import pathlib, secrets, sys
home = pathlib.Path(sys.argv[1]) / "entries"
newest = max(max(max(home.iterdir()).iterdir()).iterdir(), key=lambda p: p.name)
name = newest.name[:18] + secrets.token_hex(3) + ".toml"
text = newest.read_text(encoding="utf-8").replace(newest.stem, name[:-5])
(newest.parent / name).write_text(text, encoding="utf-8")
"""


class Targets:
    """Each target with its limit and measured value (None, with a note, if not measured)."""

    def __init__(self, by: dict[str, Case]) -> None:
        self.by = by
        self.rows: list[dict] = []

    def _add(self, label: str, value: float | None, limit: float, note: str) -> None:
        self.rows.append(
            {
                "target": label,
                "measured": None if value is None else round(value, 3),
                "limit": limit,
                "met": None if value is None else value <= limit,
                **({"note": note} if value is None else {}),
            }
        )

    def _absent(self, *keys: str) -> str:
        return ", ".join(k for k in keys if k not in self.by)

    def ratio(self, a: str, b: str, limit: float, missing: str = "") -> None:
        """Median time of ``a`` / median time of ``b``."""
        absent = self._absent(a, b)
        value = None if absent else self.by[a].median_s / self.by[b].median_s
        self._add(f"{a} / {b}", value, limit, missing or f"no case {absent}")

    def seconds(self, a: str, limit: float, missing: str = "") -> None:
        """Median time of ``a``, in seconds."""
        value = None if self._absent(a) else self.by[a].median_s
        self._add(f"{a} (s)", value, limit, missing or f"no case {a}")

    def extra_rss(self, a: str, b: str, limit: float) -> None:
        """Peak RSS of ``a`` minus peak RSS of ``b``, in MiB."""
        absent = self._absent(a, b)
        value = None if absent else self.by[a].median_rss_mib - self.by[b].median_rss_mib
        self._add(f"{a} peak MiB - {b}'s", value, limit, f"no case {absent}")


@dataclass
class Jrnl:
    """jrnl in its own venv, with a config and HOME of its own (never the user's)."""

    exe: Path
    version: str
    config: Path
    sandbox: Path
    entries: int

    def cases(self, since: str) -> list[Case]:
        jrnl, env = [str(self.exe), "--config-file", str(self.config)], sandbox_env(self.sandbox)
        return [
            Case(JRNL_FROM, [*jrnl, "-from", since], extra_env=env),
            Case(JRNL_CONTAINS, [*jrnl, "-contains", generate.WORD], extra_env=env),
        ]


def sandbox_env(sandbox: Path) -> dict[str, str]:
    """jrnl's HOME and XDG folders, all inside ``sandbox``.

    jrnl 4 reads its config from --config-file, else $XDG_CONFIG_HOME/jrnl/jrnl.yaml,
    else ~/.jrnl_config, and creates $XDG_DATA_HOME/jrnl: each of them points into
    the sandbox, so the user's own jrnl config and journals are never read or touched.
    """
    return {
        "HOME": str(sandbox),
        "XDG_CONFIG_HOME": str(sandbox / "config"),
        "XDG_DATA_HOME": str(sandbox / "data"),
        "XDG_CACHE_HOME": str(sandbox / "cache"),
        "XDG_STATE_HOME": str(sandbox / "state"),
    }


def ensure_jrnl(journals: Path) -> tuple[Jrnl | None, str]:
    """jrnl 4 in benchmarks/.jrnl-venv (installed on first use) and a decade jrnl journal.

    Returns (None, why) if jrnl cannot be installed or run.
    """
    exe = JRNL_VENV / "bin" / "jrnl"
    if not exe.exists():
        print(f"installing jrnl into {JRNL_VENV} (first use) ...")
        shutil.rmtree(JRNL_VENV, ignore_errors=True)
        made = subprocess.run([PY, "-m", "venv", str(JRNL_VENV)], capture_output=True, text=True)
        if made.returncode != 0:
            return None, f"python -m venv failed: {last_line(made.stderr)}"
        pip = [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
        for requirement in JRNL_REQUIREMENTS:
            done = subprocess.run([*pip, requirement], capture_output=True, text=True)
            if done.returncode == 0:
                break
        else:
            shutil.rmtree(JRNL_VENV, ignore_errors=True)
            return None, f"pip install jrnl failed: {last_line(done.stderr)}"
    sandbox = journals / "jrnl-home"
    config = sandbox / "config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    shown = subprocess.run(
        [str(exe), "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, **sandbox_env(sandbox)},
    )
    if shown.returncode != 0 or not shown.stdout.startswith("jrnl v"):
        return None, f"jrnl --version failed: {(shown.stderr or shown.stdout)[-300:]}"
    version = shown.stdout.split()[1].lstrip("v")
    journal = generate.ensure_jrnl(journals, "decade")
    # jrnl's default config, as `jrnl` writes it on first use, pointing at our journal;
    # with the installed version, so jrnl has no reason to rewrite it.
    config.write_text(
        "\n".join(
            [
                "colors: {body: none, date: none, tags: none, title: none}",
                "default_hour: 9",
                "default_minute: 0",
                "editor: ''",
                "encrypt: false",
                "highlight: true",
                "indent_character: '|'",
                f"journals: {{default: {{journal: {json.dumps(str(journal))}}}}}",
                "linewrap: 79",
                "tagsymbols: '#@'",
                "template: false",
                f"timeformat: '{generate.JRNL_TIMEFORMAT}'",
                f"version: '{version}'",
                "",
            ]
        ),
        encoding="utf-8",
    )
    entries = journal.read_text(encoding="utf-8").count("\n[")
    return Jrnl(exe, version, config, sandbox, entries + 1), ""


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else "(no message)"


def fresh_copy(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    return target


def fresh_season(decade: Path, target: Path, today: date) -> Path:
    """A journal begun this season: the parts of ``decade`` and its sessions of the last
    120 days and after (all a save today may look at), and no entries."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(decade / "parts", target / "parts")
    (target / "sessions").mkdir()
    since = (today - timedelta(days=120)).isoformat()
    for f in (decade / "sessions").iterdir():
        if f.name[:10] >= since:
            shutil.copy2(f, target / "sessions" / f.name)
    return target


def fingerprint(home: Path) -> list[tuple[str, int, int]]:
    """Every journal file's path, size and modification time (the index, if any, aside)."""
    return sorted(
        (str(f.relative_to(home)), f.stat().st_size, f.stat().st_mtime_ns)
        for folder in ("entries", "parts", "sessions")
        for f in (home / folder).rglob("*")
        if f.is_file()
    )


def years_ago(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


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


def in_process_save(homes: dict[str, Path], rounds: int, src: str | None) -> dict[str, float]:
    """Median ms of one save into each of ``homes`` (new, decade), in one process
    (``src``: an older ``src/`` folder to run instead)."""
    env = {**os.environ, "NO_COLOR": "1"}
    if src:
        env["PYTHONPATH"] = src
    argv = [PY, str(HERE / "save_inprocess.py"), str(homes[SAVE_NEW]), str(homes[SAVE_DECADE])]
    out = subprocess.run(
        [*argv, str(max(rounds * 3, 15))], capture_output=True, text=True, env=env, check=True
    )
    found: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def count(home: Path) -> int:
    return sum(1 for _ in (home / "entries").rglob("*.toml"))


if __name__ == "__main__":
    raise SystemExit(main())
