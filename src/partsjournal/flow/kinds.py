"""Step kinds: one class for each kind of step an exercise can have.

Each kind says, in one place, how its answer is checked, what asks it (a page to read, a
line, several lines or a list), how an optional one is left out, and how its answer reads
again as text to edit. The prompts, the scripted answers, the step header and the exercise
loader all ask the kind; none of them switches on a kind's name.

A new kind is one subclass of :class:`Kind` here, listed in :data:`KINDS`: exercise files
may then use its name, and every asker knows how to ask it. The rules every kind shares
(Enter alone skips an optional question and never opens a branch; an answer finishes with
Enter; nothing is asked with a default that could do harm) live in the base class and in
the asker, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from partsjournal.core import messages as msg
from partsjournal.core import parts
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import AnswerValue
from partsjournal.render.text import visible

if TYPE_CHECKING:
    from partsjournal.flow.engine import Asker
    from partsjournal.flow.exercises import Step

# How a question is put on the screen: a page to read (Enter goes on), one line, several
# lines, or a list to choose from. prompts/ draws each of these one way.
Widget = Literal["page", "line", "lines", "list"]


@dataclass(frozen=True)
class Question:
    """What asks a step: the widget, the words before the answer, an earlier answer
    offered ready to edit, the choices of a list, and whether known part names are offered."""

    widget: Widget
    label: str
    default: str = ""
    choices: tuple[str, ...] = ()
    names: bool = False


class AskAgain(Exception):
    """The person wants to type the answer again (raised by :meth:`Kind.settle`)."""

    def __init__(self, typed: str) -> None:
        super().__init__("ask again")
        self.typed = typed


class Kind:
    """The behaviour of one kind of step; subclasses override what differs."""

    name: ClassVar[str]
    widget: ClassVar[Widget] = "line"
    # False for a page to read: nothing is answered, it is not an answer in the entry
    asks: ClassVar[bool] = True
    # text typed into an unfinished answer is kept (in the draft) when the person pauses
    keeps_typing: ClassVar[bool] = False
    # the answer names a part (met before or new), which the entry links to
    names_part: ClassVar[bool] = False
    # a typical time to answer, in seconds: how long an exercise takes (its ``minutes``)
    seconds: ClassVar[int] = 30
    written: ClassVar[str] = '"..."'  # an answer as written in an --answers file
    # a one-word answer (a number, yes or no): one that does not fit is cleared from the line,
    # so what is typed next is the whole answer ("yse", then "no", is "no", never "yseno");
    # a longer answer that does not fit stays, to be mended
    one_word: ClassVar[bool] = False

    def example(self, step: Step) -> str:
        """An answer to ``step`` as a line of an --answers file would write it."""
        return self.written

    def check_fields(self, step: Step) -> str | None:
        """What is wrong with a step of this kind as written in an exercise file, if anything."""
        if step.choices is not None:
            return msg.STEP_CHOICES_NOT_CHOICE.format(step=step.id)
        if step.low or step.high:
            return msg.STEP_ENDS_NOT_SCALE.format(step=step.id)
        return None

    def check(self, step: Step, value: Any) -> AnswerValue:
        """``value`` as this step's answer; ``ValueError`` with a short reason when it does
        not fit. An optional step left empty is :meth:`skipped`."""
        if step.optional and _blank(value):
            return self.skipped(step)
        return self.read(step, value)

    def read(self, step: Step, value: Any) -> AnswerValue:
        if not isinstance(value, str):
            raise ValueError(msg.REASON_TEXT)
        return value

    def skipped(self, step: Step) -> AnswerValue:
        """The answer of an optional question left out: empty, never a yes or a no."""
        return ""

    def problem(self, reason: str, typed: str = "") -> str:
        """What the screen says when the answer ``typed`` does not fit (``reason`` from
        :meth:`check`)."""
        return msg.PLEASE_GIVE.format(what=reason)

    def how_to_skip(self, step: Step) -> str | None:
        """The line on an optional question's screen that says how to leave it out."""
        return msg.SKIP_BY_ENTER if step.optional else None

    def question(self, step: Step, typed: str) -> Question:
        """What asks this step; ``typed`` is an earlier answer offered ready to edit."""
        return Question(self.widget, msg.ANSWER_LABEL, default=typed)

    def as_typed(self, value: AnswerValue) -> str:
        """An answer as the text a question offers to edit: "7", "yes", "curious"."""
        if isinstance(value, bool):
            return as_word(value)
        if isinstance(value, list):
            return "\n".join(value)
        return str(value)

    def settle(self, step: Step, value: AnswerValue, asker: Asker) -> AnswerValue:
        """A last word with the person about an answer just typed in a terminal (a part's
        name close to a known one); raises :class:`AskAgain` to ask the step again."""
        return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class Guide(Kind):
    """A page to read; Enter goes on. Not an answer."""

    name = "guide"
    widget = "page"
    asks = False
    seconds = 30
    written = "true"

    def check(self, step: Step, value: Any) -> AnswerValue:
        return True

    def how_to_skip(self, step: Step) -> str | None:
        return None

    def question(self, step: Step, typed: str) -> Question:
        return Question("page", msg.PRESS_ENTER)


class Text(Kind):
    """A short answer on one line."""

    name = "text"
    keeps_typing = True
    seconds = 45

    def read(self, step: Step, value: Any) -> AnswerValue:
        if not isinstance(value, str):
            raise ValueError(msg.REASON_TEXT)
        if not value.strip():
            raise ValueError(msg.REASON_SOME_TEXT)
        return value


class LongText(Text):
    """A longer answer over several lines."""

    name = "long_text"
    widget = "lines"
    seconds = 100


class Scale(Kind):
    """A whole number from 0 to 10, with words for the two ends."""

    name = "scale"
    seconds = 15
    written = "5"
    one_word = True

    def check_fields(self, step: Step) -> str | None:
        if step.choices is not None:
            return msg.STEP_CHOICES_NOT_CHOICE.format(step=step.id)
        return None

    def read(self, step: Step, value: Any) -> AnswerValue:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValueError(msg.REASON_SCALE)
        return value

    def question(self, step: Step, typed: str) -> Question:
        ends = (f"0 = {step.low}" if step.low else "", f"10 = {step.high}" if step.high else "")
        anchors = " · ".join(x for x in ends if x)
        shown = msg.SCALE_ENDS.format(ends=anchors) if anchors else ""
        return Question("line", msg.SCALE_LABEL.format(ends=shown), typed)


class Choice(Kind):
    """One of the step's choices, picked from a list."""

    name = "choice"
    widget = "list"
    seconds = 30

    def check_fields(self, step: Step) -> str | None:
        if not step.choices or len(step.choices) < 2:
            return msg.STEP_CHOICE_TOO_FEW.format(step=step.id)
        if len(set(step.choices)) != len(step.choices):
            return msg.STEP_CHOICE_TWICE.format(step=step.id)
        if step.low or step.high:
            return msg.STEP_ENDS_NOT_SCALE.format(step=step.id)
        return None

    def read(self, step: Step, value: Any) -> AnswerValue:
        if value not in (step.choices or []):
            raise ValueError(msg.REASON_ONE_OF.format(choices=", ".join(step.choices or [])))
        return str(value)

    def how_to_skip(self, step: Step) -> str | None:
        return msg.SKIP_BY_NOT_CHOOSING if step.optional else None

    def question(self, step: Step, typed: str) -> Question:
        picked = typed if typed in (step.choices or []) else ""
        return Question("list", msg.CHOICE_LABEL, picked, tuple(step.choices or ()))

    def example(self, step: Step) -> str:
        return f'"{(step.choices or ["..."])[0]}"'


def as_word(value: bool) -> str:
    """A yes or a no as the word that is typed for it."""
    return "yes" if value else "no"


YES = frozenset({"y", "yes", "true"})
NO = frozenset({"n", "no", "false"})
# first words of an answer that is not a yes or a no but leans one way ("not safe", "yeah
# I think so"): the refusal says which word to type, and never guesses it for the person
LEANS_NO = NO | {"not", "nope", "nah", "never"}
LEANS_YES = YES | {"yeah", "yep", "yup", "yea", "sure", "ok", "okay"}


def yes_no_problem(typed: str) -> str:
    """What a refused yes/no says: which word to type when the words lean one way."""
    first = next(iter(typed.lower().split()), "").strip(".,;:!?'\"")
    if first in LEANS_NO:
        return msg.MEANT_NO
    if first in LEANS_YES:
        return msg.MEANT_YES
    return msg.YES_OR_NO_PLEASE


class YesNo(Kind):
    """Yes or no, typed as a word and finished with Enter. Enter alone is never an answer:
    it skips an optional question (no branch opens) and asks again on any other."""

    name = "yes_no"
    seconds = 15
    written = "true"
    one_word = True

    def read(self, step: Step, value: Any) -> AnswerValue:
        if isinstance(value, str) and value.strip().lower() in YES:
            return True
        if isinstance(value, str) and value.strip().lower() in NO:
            return False
        if not isinstance(value, bool):
            raise ValueError(msg.REASON_TRUE_OR_FALSE)
        return value

    def problem(self, reason: str, typed: str = "") -> str:
        return yes_no_problem(typed)

    def question(self, step: Step, typed: str) -> Question:
        return Question("line", msg.CONFIRM_LABEL.format(question=msg.YES_OR_NO), typed)


class PartName(Kind):
    """The name of a part: known names are offered as you type, and a name close to a
    known part's brings "Did you mean ...?" (never across the exile/protector line)."""

    name = "part"
    keeps_typing = True
    names_part = True
    seconds = 30

    def read(self, step: Step, value: Any) -> AnswerValue:
        if not isinstance(value, str):
            raise ValueError(msg.REASON_TEXT)
        problem = parts.name_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    def question(self, step: Step, typed: str) -> Question:
        return Question("line", msg.PART_NAME_LABEL, typed, names=True)

    def settle(self, step: Step, value: AnswerValue, asker: Asker) -> AnswerValue:
        """A name that is no known part's but close to one: "Did you mean The Critic?", with
        no default. After no, once: start a new part with the name as typed, or type it again."""
        if not isinstance(value, str) or not value.strip() or parts.find(value) is not None:
            return value
        close = [p for p in parts.suggest(value) if not vocab.across_the_line(step.role, p.role)]
        if not close:
            return value
        if asker.confirm(
            msg.DID_YOU_MEAN.format(name=visible(close[0].name, one_line=True)), default=None
        ):
            return close[0].name
        shown = visible(value.strip(), one_line=True)
        new, again = msg.START_NEW_PART.format(name=shown), msg.TYPE_NAME_AGAIN
        if asker.select(msg.THEN_WHAT, [new, again]) == again:
            raise AskAgain(value)
        return value


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (Guide(), Text(), LongText(), Scale(), Choice(), YesNo(), PartName())
}


def of(name: str) -> Kind:
    """The kind called ``name`` (a step's ``kind``)."""
    return KINDS[name]


def check_name(name: str) -> str:
    """``name`` when it names a kind, else ``ValueError`` listing the kinds."""
    if name not in KINDS:
        raise ValueError(msg.NOT_A_STEP_KIND.format(name=name, kinds=", ".join(KINDS)))
    return name
