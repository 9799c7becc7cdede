"""What the journal's entries say about each part: how often it was met, and when.

Entries point at parts by id. A part that was merged into another still has its
file (with ``merged_into``), so its entries count for the part that lives on.
Reading every entry is acceptable here: only the ``parts`` commands call this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from partsjournal.core import entry as entries
from partsjournal.core import parts
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry


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


def _said(answer: Answer) -> bool:
    return not isinstance(answer.value, str) or bool(answer.value.strip())


def meetings(
    index: dict[str, parts.Part], *, warn: Callable[[str], None] | None = None
) -> dict[str, list[Meeting]]:
    """Every entry's meetings, by the live id of the part met, oldest first."""
    out: dict[str, list[Meeting]] = {}
    for e in entries.load_range(warn=warn):
        seen: set[str] = set()
        for ref in e.parts:
            live = parts.live_id(ref.id, index)
            if live is None or live in seen:  # two names later merged: one meeting
                continue
            seen.add(live)
            about = [
                a
                for a in e.answers
                if a.role in vocab.ABOUT_PART
                and (a.part == ref.id or (a.part is None and len(e.parts) == 1))
            ]
            in_session = any(a.role == vocab.SESSION_PART and a.part == ref.id for a in e.answers)
            meeting = Meeting(entry=e, name_used=ref.name, answers=about, in_session=in_session)
            out.setdefault(live, []).append(meeting)
    return out


def few_words(text: str, count: int = 6) -> str:
    """The first ``count`` words of ``text`` on one line, with an ellipsis if cut."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
