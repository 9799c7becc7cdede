"""Names that match: the one rule for the same name and for close names ("Did you
mean ...?") of commands, exercises and parts.

The same name: equal without case or extra spaces, else (when no name is) equal
without a leading "the", "a", "an" or "my" as well (:func:`same`). A close name:
a similar spelling (difflib's ratio) or one name containing the other, above one
cut-off for everything (:func:`ranked`), so every command suggests alike.

Names and searched text are compared in one Unicode form (:func:`fold`): "Zoë"
typed as one character (NFC, most keyboards) or as "e" and a combining mark (NFD,
as macOS file names and some keyboards give it) is one name, and ``--grep`` finds
either in either. What is stored stays exactly as it was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from partsjournal.core import messages as msg

T = TypeVar("T")

CUTOFF = 0.7
ARTICLES = ("the ", "a ", "an ", "my ")


def fold(text: str) -> str:
    """``text`` as compared: one Unicode form (NFC), no case. Never stored."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def key(name: str) -> str:
    """A name as compared: :func:`fold`, single spaces."""
    return " ".join(fold(name).split())


def bare(name: str) -> str:
    """:func:`key` without a leading article ("The Critic" -> "critic")."""
    text = key(name)
    for article in ARTICLES:
        if text.startswith(article):
            return text[len(article) :]
    return text


def score(wanted: str, candidate: str) -> float:
    """How close two names are, from 0 to 1 (1: the same name)."""
    import difflib  # only when a name was not found: keeps start-up light

    a, b = key(wanted), key(candidate)
    ba, bb = bare(wanted), bare(candidate)
    best = max(
        difflib.SequenceMatcher(None, a, b).ratio(),
        difflib.SequenceMatcher(None, ba, bb).ratio(),
    )
    if len(ba) >= 3 and len(bb) >= 3 and (ba in bb or bb in ba):
        best = max(best, 0.8 + 0.2 * min(len(ba), len(bb)) / max(len(ba), 1))
    return best


def same(wanted: str, items: Iterable[T], names: Callable[[T], Iterable[str]]) -> list[T]:
    """The items one of whose ``names`` is ``wanted``: by :func:`key`, else (when none
    is) by :func:`bare`, so "critic" finds "The Critic". A fixed rule, not a guess."""
    target = key(wanted)
    if not target:
        return []
    listed = list(items)
    exact = [item for item in listed if any(key(n) == target for n in names(item))]
    if exact:
        return exact
    short = bare(target)
    return [item for item in listed if any(bare(n) == short for n in names(item))]


def ranked(
    wanted: str,
    items: Iterable[T],
    names: Callable[[T], Iterable[str]],
    label: Callable[[T], str],
    *,
    limit: int = 3,
) -> list[T]:
    """The items with a name close to ``wanted`` (the best of their ``names``), closest
    first, ties in the alphabetical order of their ``label``."""
    if not key(wanted):
        return []
    scored = [(max((score(wanted, n) for n in names(item)), default=0.0), item) for item in items]
    kept = sorted(
        (pair for pair in scored if pair[0] >= CUTOFF), key=lambda p: (-p[0], key(label(p[1])))
    )
    return [item for _, item in kept[:limit]]


def closest(wanted: str, candidates: Iterable[str], *, limit: int = 3) -> list[str]:
    """The candidates close to ``wanted``, closest first (ties in alphabetical order)."""
    return ranked(wanted, candidates, lambda c: [c], lambda c: c, limit=limit)


def did_you_mean(wanted: str, candidates: Iterable[str], *, quote: bool = False) -> str:
    """ " Did you mean protector?" (empty when nothing is close)."""
    return offer(closest(wanted, candidates), quote=quote)


def offer(close: list[str], *, quote: bool = False) -> str:
    """ " Did you mean 'The Critic' or 'The Judge'?" for names already found close
    (empty for none): the one wording of the suggestion in a message."""
    if not close:
        return ""
    shown = [repr(c) if quote else c for c in close]
    return " " + msg.DID_YOU_MEAN.format(name=" or ".join(shown))
