"""Every sentence the care flow says, in one place, so the wording stays calm and consistent.

Kept apart from the logic in :mod:`partsjournal.flow.care`; ``{part}`` is filled
with the part's name as in exercise files. The support card's words are here too
(:data:`CARD`), handed to :mod:`partsjournal.render.card`.
"""

from __future__ import annotations

from partsjournal.core import care_record as rec
from partsjournal.core import config
from partsjournal.render.card import CardWords

GROUND_COMMAND = "partsjournal ground"
DIRECTORY = (
    "findahelpline.com lists crisis lines in many countries, and Befrienders Worldwide "
    "(befrienders.org) lists support centres around the world."
)

# --------------------------------------------------------------------------- the card

CARD = CardWords(
    title="If it is too much right now",
    opening="You do not have to hold this alone.",
    not_a_service=(
        "partsjournal is a journal, not a crisis service, and it cannot help in an emergency. "
        "If you might harm yourself or you are not safe, please call your local emergency "
        "number now, or go to the nearest emergency department."
    ),
    reach_out="Who you can reach:",
    labels={
        config.AFTER_HOURS: "Your clinic after hours ({name})",
        config.CRISIS_LINE: "Your crisis line",
        config.PERSON: "{name}",
        config.THERAPIST: "Your therapist or clinic ({name})",
    },
    empty="Nobody is on this card yet. " + DIRECTORY,
    no_crisis_line="No crisis line is on this card yet. " + DIRECTORY,
    how_to_add=(
        "When you feel ready, you can put someone you trust on this card: give their name and "
        "how to reach them, each in quotes, like this: "
        'partsjournal config contact add "Sam" "call or text"'
    ),
    during_exercise=(
        "Your answers are kept. It is fine to stop here (Ctrl-C) and come back another time."
    ),
    reminder="If you need someone: {who} · a few slow minutes: " + GROUND_COMMAND,
    nobody="findahelpline.com",
    people_title="If it is still a lot right now:",
    ground_line="A few slow minutes of grounding: " + GROUND_COMMAND,
)

# --------------------------------------------------------------------------- a hard moment

# the offer at 8 or more
# (never "pause": every list also offers "Pause here", which saves and leaves)
OFFER = "That is a lot to be holding. Would you like to ground yourself first?"
OFFER_AGAIN = "Would you like to ground yourself now?"
GROUND = "Yes, ground first (a few slow minutes)"
NOT_NOW = "Not now"
CARD_CHOICE = "Show me the support card"

# asked after grounding, or when it was declined; it has no default answer
SAFE = "Do you feel safe right now?"

# after the safety question, when there is more of the exercise to go
GO_ON_OR_STOP = "Go on, or stop here for today?"
STOP = "Stop here for today (your answers are saved)"
GO_ON = "Go on, gently"
GENTLE_CLOSE = "We will go on by a shorter way, toward a gentle close."
GOING_ON = "We will go on from where you were. Take your time: you can stop at any question."
BEGINNING = "We will begin. Take your time: you can stop at any question."

# the closing step when stopping early
STOPPED_CLOSING = (
    "Thank {part} for what it showed you today, and for letting you stop here. "
    "Stopping is a way of looking after yourself, not a failure. What you wrote is saved, "
    "and you can come back to {part} another day, when you have more room."
)
# the same, when no part was met yet (stopping before one was named: nobody to thank)
STOPPED_NO_PART = (
    "Stopping here is a way of looking after yourself, not a failure. What you wrote is "
    "saved, and you can come back to this another day, when you have more room."
)
STOPPED_HOW = "To come back to it later: partsjournal exercise {exercise}{part_option}"

# the optional check in the middle, after the steps where pain often rises
MIDWAY = "How stirred up are you now?"
MIDWAY_LOW = "settled"
MIDWAY_HIGH = "overwhelmed"

# offered after "Pause here"
PAUSE_GROUNDING = "Would you like a few minutes of grounding before you decide what to do next?"
PAUSE_BACK = "Would you like to go back to the exercise now?"

# --------------------------------------------------------------------------- not safe

# "not safe" again, after the card was shown in the run: its one line follows
NOT_SAFE_AGAIN = "Thank you for saying so. The people on your card are there for this."
# the same, to a person whose card names nobody yet (the line after it names where to look)
NOT_SAFE_AGAIN_NOBODY = "Thank you for saying so. A crisis line is there for exactly this."

GOING_ON_ASK = (
    "Thank you for saying so. What is going on right now? "
    "Whatever you choose, you will see what may help."
)
GOING_ON_CHOICES: dict[str, str] = {  # as shown -> as kept in the care record
    "It is too much right now": rec.TOO_MUCH,
    "Thoughts of ending my life": rec.THOUGHTS_OF_ENDING,
    "An urge to hurt myself": rec.URGE_TO_HURT,
    "I am not safe from someone": rec.SOMEONE,
    "My body feels wrong": rec.BODY,
    "I would rather not say": rec.RATHER_NOT_SAY,
}
TOO_MUCH_LEAD = "Then let us slow everything down first, together."
CRISIS_LEAD = (
    "Please reach out now, while this is here. You do not need to be sure it is serious "
    "enough: a crisis line is there for exactly this."
)
RATHER_NOT_LEAD = (
    "You do not have to say. Please reach out to someone now, so you are not alone with it."
)
HURT_LEAD = (
    "An urge like this rises and falls, even when it feels as if it never will. Please reach "
    "out now, while it is here: you do not need to have done anything to call a crisis line. "
    "If you can, put some distance between you and whatever you might use. If you have "
    "hurt yourself, or you might not stay safe, please call your local emergency number now."
)
SOMEONE_LEAD = (
    "If someone could hurt you, please call your local emergency number now, or go where "
    "other people are. Nothing here needs finishing first."
)
BODY_LEAD = (
    "Please call your clinic now and tell them what you feel in your body. If you cannot "
    "reach them, or it is severe (pain in your chest, trouble breathing, fainting), call "
    "your local emergency number."
)
URGE_ENDING_LEAD = (
    "Thank you for naming it. Thoughts of ending your life are too heavy to hold alone: "
    "please reach out now."
)

# --------------------------------------------------------------------------- holding the run

HOLD_INTRO = (
    "For now, this is about you, not the exercise: its questions wait. "
    "You can ground, reach out, write a few words, or stop. Everything so far is saved."
)
# the same, when a person comes first (thoughts of ending one's life, anything but "too much")
HOLD_INTRO_REACH = (
    "For now, this is about you, not the exercise: its questions wait. "
    "You can reach out to someone, ground, write a few words, or stop. Everything so far is saved."
)
HOLD_ASK = "What would help now?"
HOLD_GROUND = "A few slow minutes of grounding"
HOLD_PEOPLE = "Show me who I can reach"
HOLD_NOTE = "Write a few words (kept for you and your therapist)"
HOLD_STOP = "Stop here for today (everything is saved)"
HOLD_NOTE_ASK = (
    "Write whatever is here, as much or as little as you like. It is kept with this entry."
)
HOLD_NOTE_KEPT = "Kept with this entry."
HOLD_NOTE_KEPT_LATER = "The words you had started writing earlier are kept with this entry."

# the ending of a run care held: never the exercise's ordinary closing
ENDING_TITLE = "Before you close this"
NEXT_STEP = {
    config.AFTER_HOURS: "call your clinic's after-hours line ({name}), {how}",
    config.CRISIS_LINE: "call your crisis line, {how}",
    config.PERSON: "reach out to {name}, {how}",
    config.THERAPIST: "contact {name}, {how}",
}
ENDING_NEXT = "One next step, right now: {step}."
ENDING_NOBODY = (
    "One next step, right now: call your local emergency number, or a crisis line "
    "(findahelpline.com lists them for many countries)."
)
# the same, when the last thing said was "safe", below 8: the step without the alarm
ENDING_NEXT_SAFER = "You said you feel safe now. One next step before you close: {step}."
ENDING_NOBODY_SAFER = (
    "You said you feel safe now. If that changes, call your local emergency number or a "
    "crisis line (findahelpline.com lists them for many countries)."
)
# "my body feels wrong" and no clinic on the card: a crisis line is not for the body
ENDING_BODY = (
    "One next step, right now: call your clinic on the number they gave you, or your local "
    "emergency number if you cannot reach them or it is severe."
)
ENDING_EMERGENCY = (
    "One next step, right now: call your local emergency number, or go where other people are."
)
ENDING_PRIVATE = (
    "Nothing you wrote here is sent to anyone: nobody knows unless you tell them, "
    "and it is all right to tell them."
)
ENDING_DRIVE = (
    "Today is a session day and the medicine may still be in your body: please do not drive "
    "yourself. Ask someone to come to you, or take a taxi."
)

# --------------------------------------------------------------------------- thoughts of dying

# the graded question (after a session, at most once a day; after explicit words; after a
# questionnaire's safety item): each caller opens it with its own sentence
THOUGHTS_DAILY = "One plain question, asked at most once a day in the weeks after a session."
THOUGHTS_WORDS = "You wrote “{words}”. So we ask plainly, once:"
# a questionnaire's safety item (PHQ-9's item 9) answered above its lowest answer
THOUGHTS_QUESTIONNAIRE = "You answered “{answer}” to that question. So we ask plainly, once:"
THOUGHTS_AGAIN = "And one plain question again, as earlier:"
THOUGHTS_ASK = "Have thoughts of ending your life been with you lately?"
THOUGHTS_CHOICES: dict[str, str] = {  # as shown -> as kept in the care record
    "No": rec.NO,
    "In passing: they came and went": rec.IN_PASSING,
    "Yes, right now": rec.RIGHT_NOW,
}
THOUGHTS_NO = "Thank you for answering."
THOUGHTS_IN_PASSING = (
    "Thank you for saying so. Please tell your clinic or therapist about it, at your next "
    "contact or sooner if they come back."
)
THOUGHTS_RIGHT_NOW = (
    "Thank you for saying so. Please reach out now: who you can reach is just below."
)
# explicit words in a run with no one to ask (``--answers``): said on stderr, with the card
THOUGHTS_SCRIPTED = (
    "You wrote “{words}”. If thoughts of ending your life are with you, please reach out now."
)
# what "explicit words" are; the person always sees which words were read
EXPLICIT_WORDS = (
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my life",
    "taking my life",
    "suicide",
    "suicidal",
    "want to die",
    "wish i was dead",
    "wish i were dead",
    "better off dead",
    "not be here anymore",
    "not to be here anymore",
    "not be here any more",
    "not to be here any more",
    "don't want to live",
    "do not want to live",
    "don't want to be alive",
    "do not want to be alive",
)

# --------------------------------------------------------------------------- a tender part

TENDER_LEVEL = "A tender part came close. Before anything else: how stirred up are you now?"
TENDER_ASK = "What would you like now?"
TENDER_STOP = "Stop here for today (what you wrote is saved)"
TENDER_GROUND = "A few slow minutes of grounding first"
TENDER_BACK = "Go back to {part}, gently"
TENDER_ON = "Go on with the last questions, gently"
TENDER_CLOSE = "Go on to a gentle close: only the last few questions"
TENDER_NOT_SETTLED = "At {level} of 10, going back to {part} can wait for a calmer day."

# --------------------------------------------------------------------------- pause and resume

RESUME_LEVEL = "Last time you paused when it was a lot. How stirred up are you now?"
# the first question of a run after care held one in the last hours, by what happened then
# (the answer is kept as how stirred up the person is, and the question says so)
EARLIER_NOT_SAFE = (
    "Earlier you said you did not feel safe. Before anything else: how stirred up are you now?"
)
EARLIER_THOUGHTS = (
    "Earlier, thoughts of ending your life were close. "
    "Before anything else: how stirred up are you now?"
)
EARLIER_HIGH = (
    "Earlier it stayed very hard, even after grounding. "
    "Before anything else: how stirred up are you now?"
)
EARLIER_EASED = "Thank you for checking in with yourself."

# --------------------------------------------------------------------------- setting up the card

SETUP_OFFER = (
    "Before you begin: would you like to set up your support card? It holds your clinic's "
    "after-hours line, a crisis line you choose, and one or two people you trust, and it is "
    "shown only when things get hard. You can skip this."
)
SETUP_LATER = (
    "That is fine. Your card, and how to add to it, whenever you like: partsjournal config"
)
SETUP_PAUSED = (
    "Nothing was started. Your support card is as you left it (to see it: partsjournal config)."
)
# each of these is optional: the prompt itself says that Enter alone skips it
CLINIC_NAME = "Your clinic or therapist, if you have one (a name):"
CLINIC_AFTER_HOURS = (
    "Their line for after hours, for when something feels wrong outside office hours:"
)
CLINIC_REACH = "And how do you reach them in office hours?"
CRISIS_LINE = (
    "A crisis line you would call, with its number. "
    "findahelpline.com lists lines in many countries."
)
CRISIS_LINE_ADDED = "The crisis line is on your support card."
# under the card in ``partsjournal config``: how to add each thing it does not hold yet
HOW_TO_ADD = {
    "clinic": (
        "To add your clinic and its line for after hours: partsjournal config therapist "
        '"NAME" "NUMBER" --after-hours "NUMBER"'
    ),
    "crisis line": 'To add a crisis line: partsjournal config crisis-line "NAME NUMBER"',
    "person": 'To add someone you trust: partsjournal config contact add "NAME" "HOW TO REACH"',
}
CONTACT_NAME = "Who would you like on your card? (a name; Enter alone when there is no one more)"
CONTACT_REACH = "How can you reach {name}? (a phone number, or how you would contact them)"
CONTACT_ADDED = "{name} is on your support card."
PLAN_OFFER = (
    'You wrote who you will contact: "{plan}". '
    "Would you like to put them on your support card, so they are there when it gets hard?"
)

# --------------------------------------------------------------------------- the day of a session

# on the day of a session (until the next morning), before a deep exercise
SESSION_DAY_TITLE = "The day of {session}"
SESSION_DAY = (
    "You had {session} today. The medicine may still be working in you, and things can feel "
    "bigger or stranger than usual. A dialogue with a part can wait for another day; a short "
    "capture of what came up is gentler today. You can still go on if you want to."
)
SESSION_DAY_ASK = "What would you like to do?"
CAPTURE_JOURNEY = "A short capture of the journey (the journey exercise)"
CAPTURE_NOTE = "A short note of what came up"
GROUND_NOW = "A few minutes of grounding"
GO_ON_ANYWAY = "Go on with {title} anyway"
SESSION_DAY_NOTE = (
    "Note: today is the day of {session}; the medicine may still be working. A short capture "
    "is gentler today, and 'partsjournal ground' is there if you need it."
)
NOTHING_STARTED = "Nothing was started. Take good care of yourself today."

# the day of a session and the day after, before integrate and after-session
GROUND_FIRST = "It is {when}. Would you like a few minutes of grounding before you begin?"

# noticing, at the end of an entry (integrate, self-check); never a diagnosis
NOTICED = {
    "low-realms": (
        "Every realm is at 0 or 1 today. That can mean a lot is being carried right now, "
        "or that things feel far away."
    ),
    "low-self": (
        "Every quality is at 2 or below right now. That happens when parts are holding a lot; "
        "it says nothing bad about you."
    ),
}
NOTICED_PERSON = (
    "If it stays like this for a few days, it may be worth telling your therapist, "
    "or someone you trust."
)
NOTICED_ASK = "Would something help right now?"
