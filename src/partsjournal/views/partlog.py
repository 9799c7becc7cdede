"""What the journal's entries say about each part: how often it was met, and when.

Entries point at parts by id. A part that was merged into another still has its
file (with ``merged_into``), so its entries count for the part that lives on.
Counting reads only the index's rows; one part's story reads only its entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from partsjournal.core import matching, parts
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry
from partsjournal.views import search


@dataclass
class Meeting:
    """One entry that names a part, with the answers about that part."""

    entry: Entry
    name_used: str
    answers: list[Answer] = field(default_factory=list)
    in_session: bool = False  # named as showing up during the entry's session (journey)

    def key_answers(self) -> list[Answer]:
        found = [a for a in self.answers if a.role in vocab.TIMELINE and _said(a)]
        return sorted(found, key=lambda a: vocab.TIMELINE.index(a.role or ""))


def sharing_names(live: list[parts.Part]) -> list[list[parts.Part]]:
    """Groups of two or more of the ``live`` parts called by one name (compared as every
    name is: :mod:`matching`), in the order given. Two devices that each met "The
    Critic" in an encrypted journal, where new parts get random ids, make such a pair."""
    groups: dict[str, list[parts.Part]] = {}
    for part in live:
        groups.setdefault(matching.key(part.name), []).append(part)
    return [group for group in groups.values() if len(group) > 1]


def sharing_hint(group: list[parts.Part]) -> str:
    """What to say about parts that share a name: which, and how to make them one."""
    ids = [p.id for p in group]
    return msg.PARTS_SHARE_NAME.format(
        count=len(group), name=group[0].name, ids=", ".join(ids), one=ids[1], other=ids[0]
    )


def _said(answer: Answer) -> bool:
    return not isinstance(answer.value, str) or bool(answer.value.strip())


def met(refs: list[tuple[str, str]], index: dict[str, parts.Part]) -> list[tuple[str, str]]:
    """The parts one entry meets: (live id, name used) for each part it names, following
    merges; two names later merged into one part are one meeting."""
    seen: dict[str, str] = {}
    for ref_id, name in refs:
        live = parts.live_id(ref_id, index)
        if live is not None and live not in seen:
            seen[live] = name
    return list(seen.items())


def counts(
    index: dict[str, parts.Part], *, warn: Callable[[str], None] | None = None
) -> dict[str, int]:
    """How many entries meet each part, by live id."""
    out: dict[str, int] = {}
    for row in search.history(warn=warn).rows:
        for live, _ in met(row.parts, index):
            out[live] = out.get(live, 0) + 1
    return out


def meetings(
    part_id: str,
    index: dict[str, parts.Part],
    *,
    latest: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[list[Meeting], int]:
    """The entries that meet the part ``part_id`` (a live id), oldest first: all of
    them, or the ``latest`` few (only those are read in full); and how many there are."""
    found = search.history(warn=warn)
    named = [
        (row, name)
        for row in found.rows
        if (name := dict(met(row.parts, index)).get(part_id)) is not None
    ]
    out = []
    for row, name in named[-latest:] if latest is not None else named:
        e = found.load(row)
        ref = next(r for r in e.parts if parts.live_id(r.id, index) == part_id)
        about = [a for a in e.answers if a.role in vocab.ABOUT_PART and e.part_of(a) == ref.id]
        in_session = any(a.role == vocab.SESSION_PART and a.part == ref.id for a in e.answers)
        out.append(Meeting(entry=e, name_used=name, answers=about, in_session=in_session))
    return out, len(named)


def few_words(text: str, count: int = 6) -> str:
    """The first ``count`` words of ``text`` on one line, with an ellipsis if cut."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
