"""Every message partsjournal says to the person, in one place and found by name.

Errors, warnings, confirmations of what was done, questions asked before acting, hints that
name the command to run next, and the reasons a file or an answer is refused: each is one
named template here (``msg.NO_SUCH_PART``), filled with :meth:`str.format` where it names a
value (``msg.NO_SUCH_PART.format(name=..., hint=..., then=...)``), and written nowhere else.
``JournalError`` and ``UsageError`` are raised with one of them; ``ui.say`` and ``ui.warn``
say them. Care's words stay in :mod:`partsjournal.flow.care_words`, an exercise's in its
TOML file, the words of a screen or a document beside its drawing in ``render/``.

The messages are grouped by what they are about, one module each, and read as one:
``from partsjournal.core import messages as msg``. ``tests/test_messages.py`` fails on a
message written outside this package, on one sentence written twice, and on a template filled
with other values than it names.
"""

from partsjournal.core.messages.asking import *  # noqa: F403
from partsjournal.core.messages.command_line import *  # noqa: F403
from partsjournal.core.messages.entries import *  # noqa: F403
from partsjournal.core.messages.exercises import *  # noqa: F403
from partsjournal.core.messages.files import *  # noqa: F403
from partsjournal.core.messages.keys import *  # noqa: F403
from partsjournal.core.messages.measures import *  # noqa: F403
from partsjournal.core.messages.parts import *  # noqa: F403
from partsjournal.core.messages.sessions import *  # noqa: F403
from partsjournal.core.messages.support import *  # noqa: F403
