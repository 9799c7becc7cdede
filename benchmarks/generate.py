"""Synthetic journals for the benchmark, written with partsjournal's own storage code.

Twice-daily entries (a protector dialogue or an integrate check-in in the
morning, a Self-energy check or another exercise in the evening), a handful of
parts, and a course of sessions every few months. The random seed is fixed, so
every run builds the same journal.

``jrnl_journal`` turns a built journal into a plain-text jrnl journal of the
same entries and words, for the side-by-side jrnl cases.
"""

from __future__ import annotations

import os
import random
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

# Everything this file uses from partsjournal is imported here, and only here;
# src/ is being reorganised, so if a module moves, these lines are the fix.
from partsjournal.core import parts, paths, sessions
from partsjournal.core.entry import Answer, Entry, PartRef, new_id, save_new
from partsjournal.core.vocabulary import SELF_QUALITIES
from partsjournal.flow import measure_run, measure_setup

SEED = 20261123
# Part of each journal's stamp: bump it when build() changes, so old journals are rebuilt.
VERSION = 3
# The part, session number and word the whole-history cases ask for (see check()).
PART = "Busy Bee"
SESSION = 100
WORD = "garden"
PARTS = ["The Critic", "Busy Bee", "The Little One", "Night Watch", "The Planner", "Numb One"]
REALMS = ["body", "mind", "emotion", "spirit", "balance"]
WORDS = [
    "tight",
    "chest",
    "meeting",
    "worry",
    "rest",
    "walk",
    "sister",
    "work",
    "deadline",
    "breath",
    "kind",
    "slow",
    "listen",
    "tired",
    "hope",
    "scared",
    "safe",
    "warm",
    "heavy",
    "light",
    "notice",
    "garden",
    "music",
    "write",
    "call",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _protector(rng: random.Random, part: parts.Part) -> list[Answer]:
    before = rng.randint(4, 9)
    a = [
        Answer("situation", "long_text", "What is the situation?", _text(rng, 20), "situation"),
        Answer("activation_before", "scale", "How stirred up?", before, "activation-before"),
        Answer("name_part", "part", "Which part?", part.name, "part", part.id),
    ]
    for step, role in [
        ("purpose", "part-purpose"),
        ("feelings", "part-feelings"),
        ("fears", "part-fears"),
        ("strengths", "part-strengths"),
        ("needs", "part-needs"),
        ("reflection", "reflection"),
    ]:
        a.append(Answer(step, "long_text", f"Ask about {step}", _text(rng, 30), role))
    a.append(
        Answer(
            "activation_after",
            "scale",
            "And now?",
            max(0, before - rng.randint(0, 4)),
            "activation-after",
        )
    )
    return a


def _integrate(rng: random.Random) -> list[Answer]:
    a = []
    for realm in REALMS:
        a.append(
            Answer(
                f"{realm}_rating",
                "scale",
                f"How is {realm}?",
                rng.randint(2, 9),
                f"realm-rating:{realm}",
            )
        )
        a.append(
            Answer(
                f"{realm}_notice",
                "long_text",
                "What do you notice?",
                _text(rng, 25),
                f"realm-reflection:{realm}",
            )
        )
        a.append(
            Answer(
                f"{realm}_practice",
                "text",
                "One small practice?",
                _text(rng, 6),
                f"practice:{realm}",
            )
        )
    return a


def _self_check(rng: random.Random) -> list[Answer]:
    return [
        Answer(f"self_{c}", "scale", f"How much {c}?", rng.randint(2, 9), f"self:{c}")
        for c in SELF_QUALITIES
    ]


def build(home: Path, days: int, *, end: date) -> int:
    """Write ``days`` days of twice-daily entries ending on ``end``; return the count."""
    rng = random.Random(SEED)
    paths.set_home(home)
    start = end - timedelta(days=days - 1)
    made = [parts.create(name, met=start) for name in PARTS]
    # PHQ-9 and GAD-7 set up with placeholder words (this project ships no instrument's words)
    labels = ["not at all (placeholder)", "some days", "most days", "every day"]
    measures = [
        measure_setup.install(name, [f"placeholder item {n}" for n in range(1, size + 1)], labels)[
            1
        ]
        for name, size in (("phq-9", 9), ("gad-7", 7))
    ]
    day = start + timedelta(days=20)
    while day <= end + timedelta(days=10):
        for k in range(4):  # a course of four sessions a week apart, every ~4 months
            sessions.add(
                day + timedelta(days=7 * k),
                kind="ketamine",
                created=datetime(2020, 1, 1).astimezone(),
            )
        day += timedelta(days=120)
    count = 0
    last_met: dict[str, tuple[parts.Part, date]] = {}
    for offset in range(days):
        d = start + timedelta(days=offset)
        for hour in (8, 21):
            created = datetime(d.year, d.month, d.day, hour, rng.randint(0, 59)).astimezone()
            kind = rng.random()
            if kind < 0.45:
                part = rng.choice(made)
                entry = Entry(
                    new_id(created),
                    created,
                    "protector",
                    1,
                    "Meeting a protector part",
                    _protector(rng, part),
                    [PartRef(part.id, part.name)],
                )
                last_met[part.id] = (part, d)
            elif kind < 0.75:
                entry = Entry(
                    new_id(created),
                    created,
                    "integrate",
                    1,
                    "Integration check-in",
                    _integrate(rng),
                    phase=rng.choice(["before", "after"]),
                )
            else:
                entry = Entry(
                    new_id(created),
                    created,
                    "self-check",
                    1,
                    "Self-energy check-in",
                    _self_check(rng),
                )
            if hour == 21 and offset % 9 == 4:  # now and then, a note for the therapist
                entry.answers.append(
                    Answer("note", "long_text", "For your therapist?", _text(rng, 12),
                           "for-therapist", entry.parts[0].id if entry.parts else None)
                )  # fmt: skip
            save_new(entry)
            count += 1
        if offset % 14 == 0:  # the clinic's questionnaires every two weeks
            for measure in measures:
                top = measure.scale.highest
                # a safety item is answered above its lowest answer now and then
                values = [
                    rng.choice([0, 0, 0, 1]) if item.safety else rng.randint(0, top)
                    for item in measure.items
                ]
                result, _ = measure_run.result_entry(
                    measure, values, datetime(d.year, d.month, d.day, 12, 0).astimezone()
                )
                save_new(result)
                count += 1
    for part, day in last_met.values():  # as the exercise flow would have, once per part
        parts.record_meeting(part, day)
    paths.set_home(None)
    return count


def ensure(root: Path, name: str, days: int, *, end: date) -> Path:
    """Build the journal once; later runs reuse it (marked complete by a stamp file)."""
    home = root / name
    stamp = root / f".{name}.done"
    if stamp.exists() and stamp.read_text() == f"{SEED} {VERSION} {days} {end}":
        return home
    if home.exists():
        import shutil

        shutil.rmtree(home)
    os.environ.pop("PARTSJOURNAL_HOME", None)
    build(home, days, end=end)
    stamp.write_text(f"{SEED} {VERSION} {days} {end}")
    return home


def last_course_start(home: Path) -> date:
    """The first day of the latest course's preparation window: 14 days before the first of
    the sessions (from the session files' names) that follow each other within 60 days."""
    days = sorted(date.fromisoformat(f.name[:10]) for f in (home / "sessions").glob("*.toml"))
    first = days[-1]
    for earlier, later in zip(reversed(days[:-1]), reversed(days[1:]), strict=True):
        if (later - earlier).days > 60:
            break
        first = earlier
    return first - timedelta(days=14)


def check(home: Path) -> list[str]:
    """What the whole-history cases need from ``home``, read from the files; [] if all there.

    A part named PART, at least SESSION sessions, and WORD in some entry's answers.
    """
    problems = []
    names = [tomllib.loads(f.read_text("utf-8")).get("name") for f in (home / "parts").glob("*")]
    if PART not in names:
        problems.append(f"no part named {PART!r} (parts: {names})")
    found = len(list((home / "sessions").glob("*.toml")))
    if found < SESSION:
        problems.append(f"{found} sessions, fewer than {SESSION}")
    files = sorted((home / "entries").rglob("*.toml"))
    if not any(WORD in f.read_text("utf-8") for f in files[-50:]):
        problems.append(f"the word {WORD!r} is in none of the last 50 entries")
    return problems


# jrnl's own default time format (jrnl 4 writes its config with it).
JRNL_TIMEFORMAT = "%F %r"


def jrnl_journal(home: Path, target: Path) -> int:
    """Write the entries of ``home`` as one plain-text jrnl journal; return the count.

    Read from the TOML files directly (no partsjournal code): each entry becomes
    ``[date time] title`` followed by its parts and one ``prompt answer`` line per
    answer, so jrnl searches the same words partsjournal stores.
    """
    chunks = []
    for f in sorted((home / "entries").rglob("*.toml")):
        data = tomllib.loads(f.read_text("utf-8"))
        lines = [f"[{data['created'].strftime(JRNL_TIMEFORMAT)}] {data.get('title', '')}"]
        lines += [f"Part: {p.get('name', '')}" for p in data.get("parts", [])]
        lines += [f"{a.get('prompt', '')} {a.get('value', '')}" for a in data.get("answers", [])]
        chunks.append("\n".join(lines) + "\n")
    tmp = target.with_suffix(".tmp")
    tmp.write_text("\n".join(chunks), encoding="utf-8")
    tmp.replace(target)
    return len(chunks)


def ensure_jrnl(root: Path, name: str) -> Path:
    """The jrnl twin of journal ``name`` (built by ensure() first), rebuilt with it."""
    source = (root / f".{name}.done").read_text()
    target = root / f"{name}.jrnl.txt"
    stamp = root / f".{name}.jrnl.done"
    if not (target.exists() and stamp.exists() and stamp.read_text() == source):
        jrnl_journal(root / name, target)
        stamp.write_text(source)
    return target
