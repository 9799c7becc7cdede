"""Therapy or medicine sessions, and how entries are placed before or after them.

Each session is one TOML file under ``<home>/sessions/``. Sessions are few (a
course is often 4-6), so they are always read in full; a session's ``number``
("session 2") is its place in date order and is not stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from partsjournal.core import idfiles, layout, paths, reading
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.core.store import UnreadableFile, read_toml, write_toml
from partsjournal.core.wording import plural

if TYPE_CHECKING:
    from partsjournal.core.entry import Entry

BEFORE_WINDOW_DAYS = 14
AFTER_WINDOW_DAYS = 60
MORNING = 6  # until 6 in the morning, the night after a session still counts as its day


@dataclass
class Session:
    id: str
    date: date
    kind: str = "ketamine"
    label: str = ""
    created: datetime | None = None
    number: int = 0
    time: time | None = None  # when it starts, on the clock of the place it happens, if known

    @property
    def name(self) -> str:
        return f"session {self.number}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "date": self.date, "kind": self.kind}
        if self.time is not None:
            out["time"] = self.time
        if self.label:
            out["label"] = self.label
        if self.created is not None:
            out["created"] = self.created
        return out


def session_path(session_id: str) -> Path:
    """The file of the session ``session_id`` (:func:`idfiles.locate`), or where a new one goes."""
    return idfiles.locate(paths.sessions_dir(), session_id)


def _from_dict(data: dict[str, Any], path: Path) -> Session:
    day = data.get("date")
    if isinstance(day, datetime):
        day = day.date()
    if not isinstance(day, date):
        raise UnreadableFile(path, msg.SESSION_HAS_NO_DATE)
    kind, label, created = data.get("kind", ""), data.get("label", ""), data.get("created")
    if not isinstance(kind, str) or not isinstance(label, str):
        raise UnreadableFile(path, msg.SESSION_KIND_NOT_TEXT)
    if created is not None and not (isinstance(created, datetime) and created.tzinfo):
        raise UnreadableFile(path, msg.SESSION_CREATED_NOT_MOMENT)
    starts = data.get("time")
    if starts is not None and not (isinstance(starts, time) and starts.tzinfo is None):
        raise UnreadableFile(path, msg.SESSION_TIME_NOT_TIME)
    return Session(
        id=idfiles.file_id(data, path),
        date=day,
        kind=kind,
        label=label,
        created=created,
        time=starts,
    )


def load_all(*, warn: Any = None) -> list[Session]:
    """Every session in date order, numbered from 1; unreadable files are skipped."""
    return _load((date.min, date.max), warn=warn)


def load_window(
    start: date, end: date, *, ids: Iterable[str] = (), warn: Any = None
) -> list[Session]:
    """Sessions dated ``start``..``end`` (and any whose id is in ``ids``), numbered as
    :func:`load_all` numbers them, parsing only their files: a session file's name begins
    with its date, so order and numbers come from the folder listing. A review of one week
    reads a handful of session files however many years of sessions there are."""
    return _load((start, end), set(ids), warn=warn)


def with_ids(ids: Iterable[str], *, warn: Any = None) -> list[Session]:
    """The sessions whose id is in ``ids``, numbered as :func:`load_all` numbers them,
    parsing only their files (and those sharing their days)."""
    return _load(None, set(ids), warn=warn)


def around(since: date, until: date, *, ids: Iterable[str] = (), warn: Any = None) -> list[Session]:
    """The sessions an entry dated ``since``..``until`` could belong to (the
    windows of :func:`link`), plus any whose id is in ``ids``."""
    return load_window(
        since - timedelta(days=AFTER_WINDOW_DAYS),
        until + timedelta(days=BEFORE_WINDOW_DAYS),
        ids=ids,
        warn=warn,
    )


def _load(
    span: tuple[date, date] | None, ids: set[str] | None = None, *, warn: Any
) -> list[Session]:
    """The sessions dated within ``span`` (none when None) and those with these ``ids``,
    numbered; worked out once per save or review (:func:`reading.made_from`)."""
    folder = paths.sessions_dir()
    if not folder.is_dir():
        return []
    within = (lambda day: span[0] <= day <= span[1]) if span else (lambda day: False)
    found = reading.made_from(
        folder, (span, frozenset(ids or ())), lambda: _numbered(within, ids, warn=warn)[0]
    )
    return [replace(s) for s in found]  # each caller's own copies


def _numbered(
    within: Callable[[date], bool], ids: set[str] | None = None, *, warn: Any
) -> tuple[list[Session], list[date]]:
    """Number sessions by (date, id) and parse the ones on the days ``within`` chooses
    (and those whose id is in ``ids``).

    The date comes from the file name, which starts with it (as every file ``add``
    writes, and every name ``encrypt`` gives, does); other files are parsed to learn
    it and count only when readable. A broken file named with a date keeps its place
    in the numbering, so "session 3" means the same in every command. Files sharing a
    date are all parsed, so their order (by id) and any two claiming one id
    (:func:`idfiles.choose`) come out the same however many are parsed.
    """
    folder = paths.sessions_dir()
    if not folder.is_dir():
        return [], []
    ids = ids or set()
    stamp = idfiles.stamp_before_reading(folder)
    # names, not paths, until a file is to be read: a save looks at the sessions five
    # times, and ten years hold over a hundred of them
    listing = reading.made_from(folder, "dated names", lambda: layout.dated_names(folder))
    per_day = Counter(day for _, day in listing)
    # an id starts with its session's date, and so does the name of its file
    id_days = {layout.name_date(i) for i in ids}
    parsed: dict[str, Session] = {}
    dated: list[tuple[date, str]] = []
    for n, day in listing:
        if day is None or None in id_days or day in id_days or within(day) or per_day[day] > 1:
            f = folder / n
            try:
                parsed[n] = _from_dict(read_toml(f), f)
            except UnreadableFile as exc:
                if warn is not None:
                    warn(msg.SKIPPED_FILE.format(path=f, reason=exc.reason))
        if day is None and n in parsed:
            day = parsed[n].date
        if day is not None:
            dated.append((day, n))
    chosen, left_out = idfiles.choose((folder / n, s.id) for n, s in parsed.items())
    idfiles.warn_left_out(left_out, "session", warn)
    if len(parsed) == len(listing):
        idfiles.remember(folder, stamp, chosen)
    out = {f.name for f, _ in left_out}
    ordered = sorted(
        (day, parsed[n].id if n in parsed else n.removesuffix(".toml"), n)
        for day, n in dated
        if n not in out
    )
    found = []
    for number, (day, _, n) in enumerate(ordered, start=1):
        session = parsed.get(n)
        if session is not None and (within(day) or session.id in ids):
            session.number = number
            found.append(session)
    return found, [day for day, _, _ in ordered]


def dates(*, warn: Any = None) -> list[date]:
    """Every session's date in number order (session n is ``dates()[n - 1]``), from the
    folder listing: only a file whose name has no date, or shares its date, is parsed."""
    return _numbered(lambda day: False, warn=warn)[1]


def count() -> int:
    """How many session files there are, from the folder listing alone."""
    folder = paths.sessions_dir()
    if not folder.is_dir():
        return 0
    return sum(1 for n in reading.listing(folder) if reading.is_journal_name(n))


def still_ahead(session: Session, now: datetime) -> bool:
    """Whether ``session`` has not started yet at ``now``: a later day, or today at a time
    still to come. A session on today's date with no time recorded counts as started."""
    return _coming(session, now.date(), now.time())


def add(
    day: date,
    *,
    kind: str = "ketamine",
    label: str = "",
    created: datetime,
    starts: time | None = None,
) -> Session:
    """Record a new session; its id is its date alone (``-2``, ``-3`` ... when taken).

    The kind stays inside the file, never in its name, so a folder listing or a
    backup does not tell anyone what kind of session it was. Older ids that carry
    the kind keep working; ``encrypt`` gives their files names without it.
    """
    kind = kind.strip() or "ketamine"
    base = day.isoformat()
    folder = paths.sessions_dir()
    n = 1
    while True:
        session_id = base if n == 1 else f"{base}-{n}"
        if idfiles.taken(folder, session_id):
            n += 1
            continue
        session = Session(
            id=session_id, date=day, kind=kind, label=label.strip(), created=created, time=starts
        )
        try:
            write_toml(folder / f"{session_id}.toml", session.to_dict(), exclusive=True)
        except FileExistsError:
            n += 1
            continue
        break
    for s in load_all():
        if s.id == session.id:
            return s
    return session  # pragma: no cover - we just wrote it


def neighbourhood(ref: str, *, warn: Any = None) -> tuple[Session, list[Session]]:
    """The session ``ref`` names (as :func:`find` reads it) and the sessions from the
    one before it to the one after it, numbered as :func:`load_all` numbers them,
    parsing only their files: what one session's arc needs (its notes start at the
    previous session; the latest session's go on). A ``ref`` the folder listing cannot
    place is looked up among all sessions."""
    _, days = _numbered(lambda day: False, warn=None)
    day = layout.name_date(ref.strip())
    if ref.strip().isdigit() and 1 <= int(ref) <= len(days):
        day = days[int(ref) - 1]
    if day is None or day not in days:
        every = load_all(warn=warn)
        return find(ref, every), every
    first, last = days.index(day), len(days) - 1 - days[::-1].index(day)
    start = days[first - 1] if first > 0 else day
    end = days[last + 1] if last < len(days) - 1 else day
    near = load_window(start, end, warn=warn)
    found = lookup(ref, near)
    if found is not None:
        return found, near
    every = load_all(warn=warn)  # not among them: found, or refused, among every session
    return find(ref, every), every


def find(ref: str, sessions: list[Session] | None = None) -> Session:
    """A session by id, by number ("2"), or by date when only one is on that day."""
    sessions = load_all() if sessions is None else sessions
    found = lookup(ref, sessions)
    if found is None:
        known = ", ".join(f"{s.number} ({s.date})" for s in sessions) or msg.NONE_YET
        raise UsageError(msg.NO_SUCH_SESSION.format(ref=ref.strip(), known=known))
    return found


def lookup(ref: str, sessions: list[Session]) -> Session | None:
    """The session of ``sessions`` that ``ref`` names (see :func:`find`), or None."""
    ref = ref.strip()
    named = [s for s in sessions if s.id == ref]
    named += [s for s in sessions if ref.isdigit() and s.number == int(ref)]
    if named:
        return named[0]
    same_day = [s for s in sessions if s.date.isoformat() == ref]
    return same_day[0] if len(same_day) == 1 else None


def _coming(session: Session, day: date, clock: time | None) -> bool:
    """Whether ``session`` is still to come for an entry on ``day`` at ``clock``."""
    if session.date != day:
        return session.date > day
    return session.time is not None and clock is not None and clock < session.time


def link(
    day: date,
    *,
    explicit: str | None = None,
    phase: str | None = None,
    sessions: list[Session] | None = None,
    clock: time | None = None,
) -> tuple[Session | None, str | None]:
    """The session an entry on ``day`` belongs to, and its phase.

    ``explicit`` (``--session``) wins. Otherwise the nearest session is taken:
    one coming within 14 days makes the entry "before", one that happened within
    the last 60 days (including the same day) makes it "after"; at equal
    distance the upcoming one wins. A session on the entry's own day with a time
    still to come at ``clock`` (the entry's time of day) is coming, not past.
    ``phase`` (``--before``/``--after``) overrides the phase and limits the
    search to that side.
    """
    if sessions is None:
        # a number ("2") can only be found among all sessions; otherwise only
        # the ones inside the windows can match
        sessions = load_all() if explicit is not None else around(day, day)
    if explicit is not None:
        chosen = find(explicit, sessions)
        return chosen, phase or ("before" if _coming(chosen, day, clock) else "after")
    candidates: list[tuple[int, int, Session, str]] = []
    for s in sessions:
        delta = (s.date - day).days
        if _coming(s, day, clock) and delta <= BEFORE_WINDOW_DAYS and phase in (None, "before"):
            candidates.append((delta, 0, s, "before"))
        elif -AFTER_WINDOW_DAYS <= delta <= 0 and phase in (None, "after"):
            candidates.append((-delta, 1, s, "after"))
    if not candidates:
        return None, phase
    _, _, chosen, found_phase = min(candidates, key=lambda c: (c[0], c[1]))
    return chosen, found_phase


# The integration arc after a session: (first day, last day, label, what it is about).
# exercises/integrate.toml asks its arc questions on the same days (a test keeps them equal).
ARC_STAGES: tuple[tuple[int, int, str, str], ...] = (
    (0, 2, "days 0-2", "body and grounding first"),
    (5, 10, "around day 7", "parts and habits"),
    (21, 45, "around day 30", "relationships and the life you are building"),
    (75, 120, "day 90", "a look back over the whole course"),
)
ARC_REACH_DAYS = ARC_STAGES[-1][1]


def days_after(session_day: date, when: date) -> int:
    """The one count of days after a session's day (negative before it), for the screen, the
    saved entry, care and the arc alike. ``when`` is a day, or a moment: then the night
    after the session counts as its day (0) until :data:`MORNING` the next morning."""
    if not isinstance(when, datetime):
        return (when - session_day).days
    days = (when.date() - session_day).days
    return 0 if days == 1 and when.hour < MORNING else days


def arc_day(when: date, linked: Session | None, phase: str | None) -> int | None:
    """How many days after a session ``when`` (a day or a moment) is, for the integration
    arc (:func:`days_after`): from the linked session when the entry is after it; linked to
    none (more than 60 days on), from the latest session up to :data:`ARC_REACH_DAYS` back,
    so the 90-day look back finds its session."""
    day = when.date() if isinstance(when, datetime) else when
    if linked is not None:
        return days_after(linked.date, when) if phase == "after" and linked.date <= day else None
    if phase == "before":
        return None
    past = [s for s in load_window(day - timedelta(days=ARC_REACH_DAYS), day) if s.date <= day]
    return days_after(past[-1].date, when) if past else None


def describe(when: date, session: Session, phase: str | None) -> str:
    """ "3 days before session 2", "day 7 after session 2", "the day of session 2"; ``when``
    is a day, or a moment (an entry's time), counted by :func:`days_after`."""
    delta = -days_after(session.date, when)
    if delta == 0:
        return f"the day of {session.name}"
    if phase == "before" or delta > 0:
        n = abs(delta)
        return f"{plural(n, 'day')} before {session.name}"
    return f"day {-delta} after {session.name}"


def phase_from_flags(before: bool, after: bool) -> str | None:
    """``--before`` / ``--after`` as a phase; both at once is a usage error."""
    if before and after:
        raise UsageError(msg.BEFORE_OR_AFTER)
    return "before" if before else "after" if after else None


def placement(item: Entry, sessions: list[Session]) -> tuple[Session | None, str | None]:
    """Where an entry sits: its stored session and phase, or the linking rule. Entries
    saved before their session was added carry no session; they are placed by the same
    rule as new entries (:func:`link`), without rewriting them."""
    if item.session:
        for s in sessions:
            if s.id == item.session:
                return s, item.phase or ("before" if item.day < s.date else "after")
        return None, item.phase
    return link(item.day, phase=item.phase, sessions=sessions, clock=item.created.time())
