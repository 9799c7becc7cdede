"""Close names: the one rule for "Did you mean ...?" (commands, exercises, parts).

Names are compared without case, extra spaces or a leading "the", "a", "an" or
"my"; a similar spelling (difflib's ratio) or one name containing the other
counts as close. One cut-off for everything, so every command suggests alike.

Names and searched text are compared in one Unicode form (:func:`fold`): "Zoë"
typed as one character (NFC, most keyboards) or as "e" and a combining mark (NFD,
as macOS file names and some keyboards give it) is one name, and ``--grep`` finds
either in either. What is stored stays exactly as it was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

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


def closest(wanted: str, candidates: Iterable[str], *, limit: int = 3) -> list[str]:
    """The candidates close to ``wanted``, closest first (ties in alphabetical order)."""
    if not key(wanted):
        return []
    scored = [(score(wanted, c), c) for c in candidates]
    ranked = sorted(
        (pair for pair in scored if pair[0] >= CUTOFF), key=lambda p: (-p[0], key(p[1]))
    )
    return [c for _, c in ranked[:limit]]


def did_you_mean(wanted: str, candidates: Iterable[str], *, quote: bool = False) -> str:
    """ " Did you mean protector?" (empty when nothing is close)."""
    close = closest(wanted, candidates)
    if not close:
        return ""
    shown = [repr(c) if quote else c for c in close]
    return f" Did you mean {' or '.join(shown)}?"
