"""Words partsjournal never says, anywhere it ships words: that worsening is a good thing, that
healing happens in one session, or anything that invites working with a tender part's pain
alone. Every exercise and template, every string in the program, the README and the docs."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import shipped
from tests.helpers import parsed, walked

ROOT = Path(__file__).resolve().parents[1]

WORSE = re.compile(r"\b(wors\w*|get(?:s|ting)? worse|flare[sd]?|flaring|setbacks?)\b", re.I)
GOOD = re.compile(
    r"\b(good|great|positive|healthy|welcome|progress|a sign (?:of|that) (?:healing|it works))\b",
    re.I,
)
ONE_SESSION = re.compile(r"\b(?:a|one|single|just one|a single)\s+session\b", re.I)
HEALS = re.compile(r"\b(heal\w*|cure\w*|fix(?:es|ed)?|resolv\w*|for good)\b", re.I)
ALONE_WITH_PAIN = re.compile(
    r"\b(unburden\w*|retriev\w*|re-?liv\w*"
    r"|go (?:back )?into (?:the|that|its) (?:memory|scene|pain))\b",
    re.I,
)
NEGATION = re.compile(r"\b(not|never|no|nor|without|does not|do not)\b", re.I)


def problems(text: str) -> list[str]:
    """The sentences of ``text`` that say one of the things never said."""
    found = []
    for sentence in re.split(r"(?<=[.!?;:])\s+", " ".join(text.split())):
        if (
            (WORSE.search(sentence) and GOOD.search(sentence) and not NEGATION.search(sentence))
            or (ONE_SESSION.search(sentence) and HEALS.search(sentence))
            or (ALONE_WITH_PAIN.search(sentence) and not NEGATION.search(sentence))
        ):
            found.append(sentence)
    return found


@pytest.mark.parametrize(
    "said",
    [
        "The worsening of symptoms, in my opinion, is a good thing.",
        "If things get worse for a while, that is a sign of healing.",
        "A flare of old symptoms is progress.",
        "Ketamine can heal long-held pain in a single session.",
        "One session was enough to resolve it.",
        "Now go back into the memory and unburden the little one.",
        "Let the young part relive what happened.",
    ],
)
def test_the_check_hears_what_must_never_be_said(said: str) -> None:
    assert problems(said) == [said]


@pytest.mark.parametrize(
    "said",
    [
        "Old symptoms can flare for a while; that does not undo what you have done.",
        "You do not need to go into its story now.",
        "Healing takes many small meetings; this was one of them.",
        "After a hard session, no part has to change its job.",
    ],
)
def test_the_check_lets_careful_words_through(said: str) -> None:
    assert problems(said) == []


def _toml_text(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _toml_text(v)
    elif isinstance(value, list):
        for v in value:
            yield from _toml_text(v)


def shipped_words() -> Iterator[tuple[str, str]]:
    """(where, text) for every word partsjournal ships."""
    for path in sorted(shipped.builtin_dir().rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text in _toml_text(data):
            yield path.name, text
    for path in sorted((ROOT / "src" / "partsjournal").rglob("*.py")):
        for node in walked(parsed(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield path.name, node.value
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        yield path.name, path.read_text(encoding="utf-8")


def test_no_shipped_word_says_it() -> None:
    said = [(where, s) for where, text in shipped_words() for s in problems(text)]
    assert said == []


def test_every_kind_of_shipped_word_is_read() -> None:
    places = {where for where, _ in shipped_words()}
    assert {"protector.toml", "session-day.toml", "care_words.py", "README.md"} <= places
