"""Whether words as typed are a published instrument's words: a fingerprint, not a copy.

A questionnaire is valid only in its exact words, but this project ships no instrument's
wording. It ships, for each published item and answer label, a fingerprint: the first 16
hex digits of the SHA-256 of the wording after :func:`normalize`. Anyone can check a copy
they typed against it; nobody can read the words back out of it.

The normalization rule (changing it changes every fingerprint):

1. Unicode NFKC, then case folded;
2. a leading item number or letter is dropped (``1.``, ``9)``, ``(a)``, ``B.``);
3. apostrophes (straight and curly, U+0027 and U+2019) are dropped;
4. every run of characters that are not letters or digits becomes one space, and the
   ends are trimmed.

So case, punctuation, dashes, quotes and spacing never decide a match; every word does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

DIGITS = 16  # hex digits of the SHA-256 kept: plenty to tell wordings apart

_NUMBER = re.compile(r"^\s*\(?(?:\d{1,2}|[a-z])[.)]\s+")
_APOSTROPHES = str.maketrans("", "", "'\u2019")
_NOT_WORD = re.compile(r"[\W_]+")


def strip_number(text: str) -> str:
    """``text`` without a leading item number or letter ("3. Trouble..." -> "Trouble...")."""
    return _NUMBER.sub("", text, count=1).strip()


def normalize(text: str) -> str:
    """The wording as it is compared (see the module's description)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _NUMBER.sub("", folded, count=1).translate(_APOSTROPHES)
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def fingerprint(text: str) -> str:
    """The fingerprint of ``text``'s wording (16 hex digits)."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:DIGITS]


def matches(text: str, fingerprints: list[str] | tuple[str, ...]) -> bool:
    """True when ``text`` has the wording of one of ``fingerprints`` (a published one)."""
    return bool(text.strip()) and fingerprint(text) in fingerprints
