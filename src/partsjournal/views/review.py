"""Looking back over a period: what was practised, who showed up, what changed.

:func:`build` is pure: it turns lists of entries, sessions and parts into a
:class:`Review` (plain dataclasses, no I/O), so every number can be tested on
small fixture journals. :func:`collect` is the only part that touches files,
and it reads only the entries of the period and the one before it, through
:func:`search.history` (sessions and parts are few and read in full). The result's
records are in :mod:`partsjournal.views.review_data`; renderers live in
:mod:`partsjournal.render.review`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from partsjournal.core import care_record as rec
from partsjournal.core import matching, parts, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import shorten
from partsjournal.core.entry import Entry
from partsjournal.core.parts import Part
from partsjournal.core.sessions import BEFORE_WINDOW_DAYS, Session, describe, link, placement
from partsjournal.views import (
    activation,
    care_summary,
    check_ins,
    course,
    patterns,
    practices,
    search,
)
from partsjournal.views.period import Period, recent_days, recent_days_back, streak, streak_back
from partsjournal.views.review_data import (
    Activation,
    ExerciseCount,
    FeelToward,
    Outcome,
    PartMet,
    Practice,
    Quality,
    Quote,
    Realm,
    Review,
    SessionNear,
)

HIGHLIGHTS_PER_KIND = 3
QUOTE_LENGTH = 140


# --------------------------------------------------------------------------- helpers


def _average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _self_scores(entries: Iterable[Entry]) -> tuple[dict[str, list[int]], int]:
    scores: dict[str, list[int]] = {q: [] for q in vocab.SELF_QUALITIES}
    checks = 0
    for e in entries:
        found = False
        for a in e.answers:
            quality = vocab.quality_of(a.role)
            if quality is not None and a.number is not None:
                scores[quality].append(a.number)
                found = True
        checks += found
    return scores, checks


def _latest_ratings(entries: Iterable[Entry]) -> dict[str, tuple[int, date]]:
    latest: dict[str, tuple[int, date]] = {}
    for e in entries:  # in time order, so later ratings win
        for a in e.answers:
            realm = vocab.realm_of(a.role, vocab.REALM_RATING)
            if realm is not None and a.number is not None:
                latest[realm] = (a.number, e.day)
    return latest


# --------------------------------------------------------------------------- build


def build(
    entries: list[Entry],
    sessions: list[Session],
    parts: list[Part],
    period: Period,
    *,
    previous: list[Entry] | None = None,
    streak_days: int | None = None,
    recent: tuple[int, int] | None = None,
    today: date | None = None,
    titles: dict[str, str] | None = None,
    sessions_recorded: int | None = None,
) -> Review:
    """Aggregate one period. Entries outside ``period`` are ignored.

    ``previous`` holds the entries of :meth:`Period.previous` (for the changes
    in Self-energy and realm ratings); ``streak_days`` the streak at the period's
    end as counted from the files (without it, only ``entries`` are counted).
    """
    today = today or period.until
    current = sorted((e for e in entries if e.day in period), key=lambda e: (e.created, e.id))
    prev_period = period.previous()
    earlier = sorted(
        (e for e in previous or [] if e.day in prev_period), key=lambda e: (e.created, e.id)
    )
    days = {e.day for e in current}
    review = Review(
        period=period,
        today=today,
        entries=len(current),
        days_journaled=len(days),
        streak=streak(days, period.until) if streak_days is None else streak_days,
        recent=recent_days(days, period.until) if recent is None else recent,
        sessions_recorded=len(sessions) if sessions_recorded is None else sessions_recorded,
    )
    _sessions(review, current, sessions)
    _exercises(review, current, titles or {})
    _parts(review, current, parts)
    _activation(review, current)
    _grounding(review, current)
    _self_energy(review, current, earlier)
    _realms(review, current, earlier)
    _highlights(review, current, parts)
    _notes(review, current, parts)
    review.patterns = patterns.find(current, sessions)
    review.care = care_summary.notable(current)
    # the charts of the days read: this period and the one before it
    review.course = course.build([*earlier, *current], sessions, prev_period.since, period.until)
    return review


def _sessions(review: Review, current: list[Entry], sessions: list[Session]) -> None:
    period = review.period
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for e in current:
        s, phase = placement(e, sessions)
        if s is not None:
            bucket = before if phase == "before" else after
            bucket[s.id] = bucket.get(s.id, 0) + 1
    horizon = period.until + timedelta(days=BEFORE_WINDOW_DAYS)
    for s in sessions:
        near = s.date in period or s.id in before or s.id in after
        upcoming = period.until < s.date <= horizon
        if near or upcoming:
            review.sessions.append(
                SessionNear(
                    id=s.id,
                    number=s.number,
                    date=s.date,
                    kind=s.kind,
                    label=s.label,
                    days_from_end=(s.date - period.until).days,
                    in_period=s.date in period,
                    entries_before=before.get(s.id, 0),
                    entries_after=after.get(s.id, 0),
                )
            )
    s, phase = link(period.until, sessions=sessions)
    if s is not None:
        review.position = describe(period.until, s, phase)


def _exercises(review: Review, current: list[Entry], titles: dict[str, str]) -> None:
    counts: dict[str, ExerciseCount] = {}
    for e in current:
        item = counts.setdefault(
            e.exercise, ExerciseCount(e.exercise, titles.get(e.exercise, e.title), 0)
        )
        item.count += 1
    review.exercises = sorted(counts.values(), key=lambda c: (-c.count, c.name))


def _parts(review: Review, current: list[Entry], known: list[Part]) -> None:
    registry = {p.id: p for p in known}
    review.parts_known = sum(1 for p in known if p.merged_into is None)
    met: dict[str, PartMet] = {}
    for e in current:
        seen_here: set[str] = set()
        for ref in e.parts:
            part = parts.live(ref.id, registry) if ref.id else None
            key = part.id if part else (ref.id or matching.key(ref.name))
            if key in seen_here:
                continue
            seen_here.add(key)
            if key not in met:
                first = part.first_met if part else None
                met[key] = PartMet(
                    id=part.id if part else ref.id,
                    name=part.name if part else ref.name,
                    times=0,
                    new=first is not None and first in review.period,
                    first_met=first,
                )
            met[key].times += 1
    review.parts = sorted(met.values(), key=lambda p: (-p.times, p.name.casefold()))


def _activation(review: Review, current: list[Entry]) -> None:
    for e in current:
        act = activation.shown(e)
        if act is not None:
            review.activation.append(Activation(e.id, e.day, e.exercise, *act))


def _grounding(review: Review, current: list[Entry]) -> None:
    """The section "Distress and safety": one check-in per entry that has one."""
    review.grounding += [c for e in current if (c := check_ins.of(e)) is not None]


def _self_energy(review: Review, current: list[Entry], earlier: list[Entry]) -> None:
    now, review.self_checks = _self_scores(current)
    then, review.self_checks_previous = _self_scores(earlier)
    if not review.self_checks:
        return
    for q in vocab.SELF_QUALITIES:
        avg, prev = _average(now[q]), _average(then[q])
        change = round(avg - prev, 1) if avg is not None and prev is not None else None
        review.self_energy.append(Quality(q, avg, prev, change))


def _realms(review: Review, current: list[Entry], earlier: list[Entry]) -> None:
    latest = _latest_ratings(current)
    before = _latest_ratings(earlier)
    attended = {
        realm
        for e in current
        for a in e.answers
        if (realm := vocab.realm_of(a.role)) is not None and a.text.strip()
    }
    chosen, follow_ups = practices.pair([*earlier, *current])
    for p in chosen:
        if p.chosen.date() in review.period:
            review.practices.append(Practice(p.entry_id, p.chosen.date(), p.realm, p.text))
    for f in follow_ups:
        if f.entry.day in review.period and f.outcome.strip():
            text = f.practice.text if f.practice is not None else ""
            review.outcomes.append(
                Outcome(f.entry.id, f.entry.day, f.realm, f.outcome.strip(), f.note, text)
            )
    for realm, label in vocab.REALMS.items():
        now = latest.get(realm)
        then = before.get(realm)
        review.realms.append(
            Realm(
                realm=realm,
                label=label,
                latest=now[0] if now else None,
                latest_day=now[1] if now else None,
                previous=then[0] if then else None,
                change=now[0] - then[0] if now and then else None,
                attended=realm in attended,
            )
        )


def _highlights(review: Review, current: list[Entry], known: list[Part]) -> None:
    registry = {p.id: p for p in known}
    needs: list[Quote] = []
    reflections: list[Quote] = []
    for e in current:
        for a in e.answers:
            text = a.text.strip()
            if not text:
                continue
            if a.role not in (vocab.PART_NEEDS, vocab.REFLECTION):
                continue
            # the context: which part (Entry.part_of) and which exercise
            part_id = e.part_of(a)
            part = parts.live(part_id, registry) if part_id else None
            name = part.name if part else next((r.name for r in e.parts if r.id == part_id), None)
            quote = Quote(e.id, e.day, shorten(text, QUOTE_LENGTH), name, e.title or e.exercise)
            (needs if a.role == vocab.PART_NEEDS else reflections).append(quote)
    # the most recent few different ones, shown oldest first
    review.needs = _distinct(needs, by_part=True)[-HIGHLIGHTS_PER_KIND:]
    review.reflections = _distinct(reflections, by_part=False)[-HIGHLIGHTS_PER_KIND:]


def _notes(review: Review, current: list[Entry], known: list[Part]) -> None:
    """Every note for the therapist and every trailhead of the period (none is left
    out: they are what the person meant to bring along), and how the feeling toward
    a part moved between the start and the close of an entry."""
    registry = {p.id: p for p in known}

    def name_of(e: Entry, part_id: str | None) -> str | None:
        part = parts.live(part_id, registry) if part_id else None
        if part is not None:
            return part.name
        return next((r.name for r in e.parts if r.id == part_id), None)

    for e in current:
        start: dict[str | None, str] = {}
        for a in e.answers:
            text = a.text.strip()
            if not text:
                continue
            if a.role == vocab.FOR_THERAPIST:
                quote = Quote(e.id, e.day, shorten(text, QUOTE_LENGTH), name_of(e, e.part_of(a)))
                review.for_therapist.append(quote)
            elif a.role == vocab.TRAILHEAD:
                quote = Quote(e.id, e.day, shorten(text, QUOTE_LENGTH), name_of(e, e.part_of(a)))
                review.trailheads.append(quote)
            elif a.role == vocab.FEEL_TOWARD:
                start[e.part_of(a)] = text
            elif a.role == vocab.FEEL_TOWARD_AFTER and e.part_of(a) in start:
                about = e.part_of(a)
                feel = FeelToward(e.id, e.day, name_of(e, about), start[about], text)
                review.feel_toward.append(feel)
        for item in e.care:  # words written while care held a run: "kept for your therapist"
            if item.kind == rec.NOTE and str(item.value).strip():
                said = shorten(str(item.value).strip(), QUOTE_LENGTH)
                if item.moment == rec.UNFINISHED:  # never read as a finished thought
                    said += " (left unfinished at a pause)"
                review.for_therapist.append(Quote(e.id, e.day, said, None))


def _distinct(quotes: list[Quote], *, by_part: bool) -> list[Quote]:
    """Keep the latest of quotes with the same words (and, for needs, the same part)."""
    latest: dict[tuple[str, str | None], Quote] = {}
    for q in quotes:
        key = (matching.fold(q.text), q.part if by_part else None)
        latest.pop(key, None)
        latest[key] = q
    return list(latest.values())


# --------------------------------------------------------------------------- reading


def collect(
    period: Period,
    *,
    today: date,
    warn: Callable[[str], None] | None = None,
) -> Review:
    """Read what the period needs and build its review: the entries of the period and
    the one before it through :func:`search.history` (the one owner of reading a period:
    from their few files, or from the index for a long period)."""
    prev = period.previous()
    loaded = list(search.history(prev.since, period.until, warn=warn).entries())
    current = [e for e in loaded if e.day in period]
    earlier = [e for e in loaded if e.day in prev]
    # only the sessions an entry of these two periods could belong to, and the
    # ones coming soon after: never the whole history
    near = sessions.around(
        prev.since, period.until, ids=[e.session for e in loaded if e.session], warn=warn
    )
    return build(
        current,
        near,
        parts.load_all(include_merged=True),
        period,
        previous=earlier,
        streak_days=streak_back(period.until),
        recent=recent_days_back(period.until),
        today=today,
        sessions_recorded=sessions.count(),
    )
