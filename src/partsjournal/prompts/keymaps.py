"""What each key does on a question, beyond prompt_toolkit's own line editing.

The rules are told to the person in :mod:`partsjournal.prompts`; here they are bound:
Enter on an empty last line finishes several lines, Enter on a one-word answer that does
not fit clears it, a list needs a choice before Enter, Esc goes back one step, a SIGINT
while a question starts pauses, as Ctrl-C does, and an Enter typed ahead of a question,
before it is drawn, is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partsjournal.flow import kinds
from partsjournal.flow.engine import GoBack

BACK_KEY = "escape"
# Enter as prompt_toolkit reads it: "\r" (Keys.ControlM, also named Keys.Enter), and "\n"
# (Keys.ControlJ), which some terminals send for Enter and prompt_toolkit takes as Enter.
ENTER_KEYS = ("c-m", "c-j")
# How long a lone Esc waits for the key that may follow it (Esc then b is Alt-B, a word
# back), in seconds; tests make it shorter.
ESCAPE_WAIT = 0.5


def refused_is_cleared() -> Any:
    """Enter on a one-word answer that does not fit says why and empties the line, so the
    next word typed is the whole answer."""
    from prompt_toolkit.buffer import ValidationState
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @keys.add("enter")
    def _enter(event: Any) -> None:
        buffer = event.current_buffer
        buffer.validation_state = ValidationState.UNKNOWN  # what is on the line now
        if buffer.validate(set_cursor=False):
            buffer.validate_and_handle()
            return
        refused = buffer.validation_error
        buffer.text = ""
        # still said on the screen: the empty line is not checked again while typing (an
        # optional question would take it as a skip, and the reason would go at once)
        buffer.validation_error = refused
        buffer.validation_state = ValidationState.INVALID

    return keys


def going_back(kind: kinds.Kind) -> Any:
    """Esc asks to go back one step (:class:`GoBack`), keeping what was typed here."""
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @keys.add(BACK_KEY)
    def _back(event: Any) -> None:
        typed = event.app.current_buffer.text if kind.keeps_typing else ""
        event.app.exit(exception=GoBack(typed if typed.strip() else None))

    return keys


def empty_line_finishes() -> Any:
    """In several lines, Enter on an empty last line finishes (the empty line is not kept);
    anywhere else Enter starts a new line."""
    from prompt_toolkit.document import Document
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @Condition
    def on_an_empty_last_line() -> bool:
        from prompt_toolkit.application.current import get_app

        document = get_app().current_buffer.document
        return document.is_cursor_at_the_end and not document.current_line.strip()

    @keys.add("enter", filter=on_an_empty_last_line)
    def _finish(event: Any) -> None:
        buffer = event.current_buffer
        buffer.document = Document(buffer.text.rstrip())
        buffer.validate_and_handle()

    return keys


def choosing(
    control: Any, *, optional: bool, problem: str, answered: Callable[[str], str] = str
) -> Any:
    """A list's keys: Enter takes the choice pointed at (written after the question as
    ``answered`` gives it); with none, it skips an ``optional`` question and otherwise says
    ``problem``. Up from nothing chosen goes to the last choice, and Ctrl-D pauses."""
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @keys.add("enter", eager=True)
    def _enter(event: Any) -> None:
        if control.pointed_at >= 0:
            chosen = control.get_pointed_at()
            chosen.title = answered(chosen.value)
            control.is_answered = True
            event.app.exit(result=control.get_pointed_at().value)
        elif optional:
            event.app.exit(result="")
        else:
            control.error_message = problem

    @keys.add("up", eager=True)
    def _up(event: Any) -> None:
        control.error_message = None
        control.pointed_at = (control.pointed_at if control.pointed_at >= 0 else 0) - 1
        control.pointed_at %= control.choice_count
        while not control.is_selection_valid():
            control.select_previous()

    @keys.add("c-d", eager=True)
    def _ctrl_d(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    return keys


def add(question: Any, keys: Any) -> None:
    """Add ``keys`` to a question's own (they win over its defaults), with the keys every
    question shares: a SIGINT while it starts pauses (``<sigint>``), and the wait for a
    key after Esc."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    app = question.application
    shared = KeyBindings()

    @shared.add("<sigint>", eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, shared, keys) if b])
    app.timeoutlen = app.ttimeoutlen = ESCAPE_WAIT


def enters_typed_ahead_dropped(question: Any) -> None:
    """Drop the Enters at the front of the keys typed ahead of ``question``, before it is
    drawn: an Enter typed before a question is seen, with nothing typed for it first, never
    answers it; the keys after them stay, for the question they were typed for.

    prompt_toolkit keeps the keys read but not used by one prompt (a double Enter comes in
    one read: the first answers, the second is left over) and feeds them to the next before
    it is drawn. The rule holds for every kind alike: on an optional question that Enter
    skipped it, on an earlier answer kept it, on a confirm with a default took the default,
    on a page passed over the page, unseen each time; on a question Enter alone does not
    answer it said why ("Please type yes or no.") to a person who had typed nothing there.
    Ctrl-C and Ctrl-D typed ahead stay: pausing is never harmed by coming early."""
    from prompt_toolkit.input.typeahead import get_typeahead, store_typeahead

    keys = question.application.input
    ahead = get_typeahead(keys)
    first = next((i for i, key in enumerate(ahead) if key.key not in ENTER_KEYS), len(ahead))
    store_typeahead(keys, ahead[first:])
