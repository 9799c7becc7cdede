"""Setting up a published measure: its file in ``<home>/exercises``, with the words the
person types or pastes from their clinic's sheet (or gives in files).

The file is a copy of the shipped template (its comments kept) with each empty slot
filled; slots left empty stay empty, and the measure cannot be taken until they are
filled. An existing measure file is never replaced: it may hold words typed by hand.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from partsjournal.core import messages as msg
from partsjournal.core import store
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.fingerprints import strip_number
from partsjournal.flow import measure_file
from partsjournal.flow.engine import Asker, Paused
from partsjournal.flow.exercises import Step
from partsjournal.flow.measure_file import Measure

WORDS_LIMIT = 2**20  # a file of one questionnaire's words is a few hundred bytes

_TEXT_SLOT = re.compile(r'^text = ""\s*$', re.MULTILINE)
_LABELS_SLOT = re.compile(r"^labels = \[.*\]\s*$", re.MULTILINE)


def lines_from(source: str, count: int, what: str) -> list[str]:
    """``count`` lines of words from a file (``-``: standard input): blank lines are
    passed over and a leading item number ("3.") is dropped."""
    where = msg.STANDARD_INPUT if source == "-" else source
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(WORDS_LIMIT + 1)
        else:
            with open(source, "rb") as f:
                raw = f.read(WORDS_LIMIT + 1)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise UsageError(msg.FILE_DOES_NOT_EXIST.format(path=where)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or msg.NOT_UTF8
        raise UsageError(msg.COULD_NOT_READ.format(path=where, reason=reason)) from None
    if len(raw) > WORDS_LIMIT:
        raise UsageError(msg.WORDS_FILE_TOO_LONG.format(path=where, what=what))
    found = [strip_number(line) for line in text.splitlines() if line.strip()]
    if len(found) != count:
        raise UsageError(
            msg.WORDS_FILE_LINES.format(where=where, found=len(found), count=count, what=what)
        )
    return found


def ask_words(
    measure: Measure, asker: Asker, *, items: bool = True, labels: bool = True
) -> tuple[list[str], list[str], bool]:
    """Ask for each item's words, then each answer's, in turn (Enter leaves one empty for
    now); ``items`` and ``labels`` say which to ask. Returns the items, the labels and
    whether every slot was offered (False after a pause: what was typed before it is kept)."""
    item_words = [i.text for i in measure.items]
    label_words = list(measure.scale.labels)
    slots = [("item", n) for n in range(len(item_words)) if items]
    slots += [("label", n) for n in range(len(label_words)) if labels]
    for number, (kind, n) in enumerate(slots, 1):
        if kind == "item":
            text = msg.MEASURE_ITEM_WORDS_ASK.format(
                title=measure.title, n=n + 1, count=len(item_words)
            )
        else:
            text = msg.MEASURE_ANSWER_WORDS_ASK.format(
                title=measure.title, value=measure.scale.values[n]
            )
        step = Step(
            id=f"{kind}_{n + 1}",
            kind="text",
            text=text,
            hint=msg.MEASURE_WORDS_LATER,
            optional=True,
        )
        try:
            answer = str(asker.ask(step, text, number, len(slots))).strip()
        except Paused:
            return item_words, label_words, False
        if kind == "item":
            item_words[n] = strip_number(answer)
        else:
            label_words[n] = answer
    return item_words, label_words, True


def filled(template_text: str, items: list[str], labels: list[str]) -> str:
    """The template's text with its slots filled, comments and all."""
    import tomli_w

    def toml_value(key: str, value: object) -> str:
        return tomli_w.dumps({key: value}).strip()

    slots = iter(items)
    text = _TEXT_SLOT.sub(lambda _: toml_value("text", next(slots)), template_text)
    return _LABELS_SLOT.sub(lambda _: toml_value("labels", labels), text, count=1)


def install(name: str, items: list[str], labels: list[str]) -> tuple[Path, Measure]:
    """Write the measure ``name`` into the journal with these words; refuse to replace one."""
    template = measure_file.templates_dir() / f"{name}.toml"
    target = measure_file.path_of(name)
    if target.exists():
        raise JournalError(msg.MEASURE_ALREADY_SET_UP.format(name=name, target=target))
    text = filled(template.read_text(encoding="utf-8"), items, labels)
    data = text.encode("utf-8")
    measure = measure_file.Measure.model_validate(store.loads_toml(text))
    if [i.text for i in measure.items] != items or list(measure.scale.labels) != labels:
        raise JournalError(  # pragma: no cover - the template's slots and the model agree
            msg.MEASURE_TEMPLATE_SLOTS.format(name=name)
        )
    store.atomic_write(target, data, exclusive=True)
    return target, measure
