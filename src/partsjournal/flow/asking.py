"""Who asks the person at a terminal: the one seam between flow/ and ``prompts/``.

flow/ owns the asking protocol: :class:`partsjournal.flow.engine.Asker` (a step, a yes/no, a
choice) and the step kinds of :mod:`partsjournal.flow.kinds`. ``prompts/`` implements it
(``prompts.InteractiveAsker``) and imports flow/, never the other way round: the command layer
installs the interactive asker for each command (:func:`use`, from
``cli/root.JournalGroup.invoke``), and flow/ asks for it here when nobody gave it another
(``--answers``, or a test's own asker). Importing this module costs nothing, so the root of the
command layer can wire it without loading the prompts or the exercise models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.render import ui

if TYPE_CHECKING:
    from partsjournal.flow.engine import Asker

# the asker for a person at a terminal, as the command layer installed it (one at most)
_installed: list[Callable[[], Asker]] = []


def use(make: Callable[[], Asker] | None) -> None:
    """From now on a terminal is asked through ``make()`` (None: through nothing)."""
    _installed.clear()
    if make is not None:
        _installed.append(make)


def terminal() -> Asker:
    """The asker of the person at this terminal; a usage error naming ``--answers`` when there
    is no terminal at both ends (we never prompt into a pipe)."""
    if not ui.can_prompt():
        raise UsageError(msg.NEEDS_A_TERMINAL)
    if not _installed:
        raise RuntimeError("no asker for a terminal: cli/root installs prompts.InteractiveAsker")
    return _installed[0]()
