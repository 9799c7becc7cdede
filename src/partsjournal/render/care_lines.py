"""The care record in words, for the person's review, ``session show`` and the export they
may share: what was said and when, never a label or a risk level."""

from __future__ import annotations

from datetime import datetime

from partsjournal.core import care_record as rec
from partsjournal.core import vocabulary as vocab
from partsjournal.core.care_record import CareItem
from partsjournal.core.dates import short_day, short_moment
from partsjournal.render.text import plural
from partsjournal.views.care_summary import CareNote

NOT_SEEN = "not seen by anyone at the time"
# said once, above the items ("(not seen ...)" after each of seven items read as a refrain)
SECTION = f"What care noticed during this entry ({NOT_SEEN})"
SESSION_TITLE = "What care noticed around this session (kept for your therapist; " + NOT_SEEN + "):"
EXPORT_NOTE = (
    "Where care noticed something during an entry (a high rating, not feeling safe), it is "
    "listed with its date and time. Nothing is sent anywhere by partsjournal: nobody saw "
    "these at the time they were written."
)
EXPORT_LEFT_OUT = "What care noticed during these entries is left out, as you chose."
BRING_IT = "this may be worth bringing to your therapist, or to someone you trust."

# said to the person, in the review ("you named urges to hurt yourself")
RISK_WORDS = {
    rec.SELF_HARM: "urges to hurt yourself",
    rec.SUBSTANCE: "wanting more of a substance or medicine",
    rec.ENDING_LIFE: "thoughts of ending your life",
}
# in the record itself (show, export, the brief the person hands over): the choice as chosen
RISK_CHOSEN = {risk: chosen for chosen, risk in vocab.URGE_RISKS.items()}
THOUGHTS_WORDS = {rec.IN_PASSING: "in passing", rec.RIGHT_NOW: "right then"}
MOMENT_WORDS = {
    rec.START: "at the start",
    rec.MIDDLE: "in the middle",
    rec.END: "at the end",
    rec.IN_GROUNDING: "in grounding",  # asked inside it, which a pause may cut short
    rec.TENDER: "after a tender part came close",
    rec.RESUME: "on coming back after a hard moment",  # a resume, or a new run after a hold
    rec.WORDS: "after writing such words",
    rec.DAILY: "asked after a session",
    rec.QUESTIONNAIRE: "after a questionnaire's safety question",
}
# a rating named as its question names it: grounding asks "How much distress are you feeling
# right now?", every other check "how stirred up" (start, middle, tender part, coming back)
RATING_WORDS = {rec.IN_GROUNDING: "distress"}
RATING_WORD = "stirred up"
GROUNDING_WORDS = {
    rec.DONE: "took a few minutes of grounding",
    rec.PAUSED: "started grounding, paused partway",
    rec.DECLINED: "grounding offered, not taken",
}
GOING_ON_WORDS = {
    rec.TOO_MUCH: "it was too much",
    rec.THOUGHTS_OF_ENDING: "thoughts of ending my life",
    rec.URGE_TO_HURT: "an urge to hurt myself",
    rec.SOMEONE: "not safe from someone",
    rec.BODY: "my body felt wrong",
    rec.RATHER_NOT_SAY: "rather not say",
}
# said to the person, in the review and session show: what was going on, after "not safe"
# ("rather not say" adds nothing: it is the person's choice not to say)
GOING_ON_SAID = {
    rec.TOO_MUCH: "you said it was too much",
    rec.THOUGHTS_OF_ENDING: "you named thoughts of ending your life",
    rec.URGE_TO_HURT: "you named an urge to hurt yourself",
    rec.SOMEONE: "you said you were not safe from someone",
    rec.BODY: "your body felt wrong",
    rec.RATHER_NOT_SAY: "",
}
GOING_ON_UNKNOWN = "you said what was going on: {said}"  # a value from a later version
# after thoughts of ending your life were named as what was going on, the plain question's
# answers add only how they came up ("when asked about them, you said they came up in passing")
THOUGHTS_TOO = "when asked about them, you said they came up {when}"
# a risk chosen among the urges that a going-on answer has already said
RISK_SAID_BY = {rec.ENDING_LIFE: rec.THOUGHTS_OF_ENDING, rec.SELF_HARM: rec.URGE_TO_HURT}


def summary(note: CareNote) -> str:
    """One sentence for the review and ``session show``: what was said, gently, each thing
    once (when what was going on named thoughts of ending your life, the plain question adds
    only how they came up, and a risk chosen among the urges is not named again)."""
    said = []
    if note.not_safe:
        times = "" if note.not_safe == 1 else f" ({plural(note.not_safe, 'time')})"
        said.append(f"you said you did not feel safe{times}")
    going_on = list(dict.fromkeys(note.going_on))
    thoughts = [THOUGHTS_WORDS.get(t, t) for t in dict.fromkeys(note.thoughts)]
    for g in going_on:
        said.append(GOING_ON_SAID.get(g, GOING_ON_UNKNOWN.format(said=g)))
        if g == rec.THOUGHTS_OF_ENDING and thoughts:
            said.append(THOUGHTS_TOO.format(when=", then ".join(thoughts)))
    named_thoughts = rec.THOUGHTS_OF_ENDING in going_on
    if note.peak is not None:
        said.append(f"at its hardest it was {note.peak} of 10")
    if note.flooded:
        said.append("a tender part came close and it was a lot")
    risks = [r for r in note.risks if RISK_SAID_BY.get(r) not in going_on]
    said += [f"you named {RISK_WORDS.get(r, r)}" for r in risks]
    if not named_thoughts:
        said += [f"thoughts of ending your life came up ({t})" for t in thoughts]
    said = [s for s in said if s]
    return f"{short_day(note.day)}, {note.exercise}: {'; '.join(said)}. {BRING_IT.capitalize()}"


def rating_word(moment: str | None) -> str:
    """ "distress" for a rating given in grounding, else "stirred up": the question's word."""
    return RATING_WORDS.get(moment or "", RATING_WORD)


def where(moment: str | None) -> str:
    """Where in a run a rating or a safety answer was given ("" when the record does not say):
    the one wording of a moment, for the export, ``show`` and the review alike."""
    return MOMENT_WORDS.get(moment or "", "")


def felt_safe(value: object) -> str:
    return "felt safe" if value else "did not feel safe"


def item_words(item: CareItem) -> str:
    """One item of the record as words, without its time."""
    at = where(item.moment)
    if item.kind == rec.RATING:
        return f"{rating_word(item.moment)}: {item.value} of 10" + (f", {at}" if at else "")
    if item.kind == rec.SAFE:
        return felt_safe(item.value) + (f" ({at})" if at else "")
    if item.kind == rec.GROUNDING:
        return GROUNDING_WORDS.get(str(item.value), GROUNDING_WORDS[rec.DECLINED])
    if item.kind == rec.CARD:
        if item.value == rec.ASKED:
            return "asked to see the support card again"
        return "the support card was shown"
    if item.kind == rec.GOING_ON:
        return f"what was going on: {GOING_ON_WORDS.get(str(item.value), str(item.value))}"
    if item.kind == rec.RISK:
        return f"named {RISK_CHOSEN.get(str(item.value), str(item.value))}"
    if item.kind == rec.THOUGHTS:
        answer = str(item.value) or "the plain question could not be asked"
        return f"thoughts of ending one's life{f' ({at})' if at else ''}: {answer}"
    if item.kind == rec.NOTE:
        words = " ".join(str(item.value).split())
        if item.moment == rec.UNFINISHED:
            return f"had started writing, paused before finishing: “{words}”"
        return f"wrote: “{words}”"
    if item.kind == rec.STOP:
        return "stopped for today" if item.value == rec.STOPPED else "went on to a gentle close"
    return f"{item.kind}: {item.value}"


def day_and_time(at: datetime) -> str:
    """ "Tue 24 Nov, 21:03": when an item of the record was kept (core/dates.short_moment)."""
    return short_moment(at)


def dated(at: datetime, said: str) -> str:
    """One item of the record as ``show`` and the export list it, under :data:`SECTION`
    (which says nobody saw them at the time): when it was kept, and what it says
    (:func:`item_words`)."""
    return f"{day_and_time(at)}: {said}"
