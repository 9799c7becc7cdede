"""How a count is said: "1 practice", "3 practices", "1 entry is", "2 entries are".

The one rule for a word that follows a number, so every command says it alike. In
``core/`` so that every layer may use it (``render/text`` offers it too).
"""

from __future__ import annotations


def one_or_many(n: int, one: str, many: str) -> str:
    """``one`` for exactly one, else ``many`` (none is many: "0 entries")."""
    return one if n == 1 else many


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 practice", "3 practices" ("1 entry", "2 entries" with ``many``)."""
    return f"{n} {one_or_many(n, word, many or word + 's')}"
