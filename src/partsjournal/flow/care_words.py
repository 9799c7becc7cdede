"""Every sentence the care flow says, in one place, so the wording stays calm and consistent.

Kept apart from the logic in :mod:`partsjournal.flow.care`; ``{part}`` is filled
with the part's name as in exercise files.
"""

from __future__ import annotations

# the offer at 8 or more
OFFER = "That is a lot to be holding. Would you like to pause and ground yourself first?"
OFFER_AGAIN = "Would you like to ground yourself now?"
GROUND = "Yes, ground first (a few slow minutes)"
NOT_NOW = "Not now"
CARD = "Show me the support card"

# asked after grounding, or when it was declined; it has no default answer
SAFE = "Do you feel safe right now?"
SAFE_HOW = "Please type yes or no."

# after the safety question, when there is more of the exercise to go
GO_ON_OR_STOP = "Go on, or stop here for today?"
STOP = "Stop here for today (your answers are saved)"
GO_ON = "Go on, gently"
GENTLE_CLOSE = "We will go on by a shorter way, toward a gentle close."
GOING_ON = "We will go on from where you were, slowly."

# the closing step when stopping early
STOPPED_CLOSING = (
    "Thank {part} for what it showed you today, and for letting you stop here. "
    "Stopping is a way of looking after yourself, not a failure. What you wrote is saved, "
    "and you can come back to {part} another day, when you have more room."
)
STOPPED_HOW = "To come back to it later: partsjournal exercise {exercise}{part_option}"

# the optional check in the middle, after the steps where pain often rises
MIDWAY = "How stirred up are you now?"
MIDWAY_HINT = "Optional: press Enter to skip."
MIDWAY_LOW = "settled"
MIDWAY_HIGH = "overwhelmed"

# offered after "Pause here"
PAUSE_GROUNDING = "Would you like a few minutes of grounding before you decide what to do next?"
PAUSE_BACK = "Would you like to go back to the exercise now?"

# setting up the support card (the first exercise of a new journal; after `prepare`)
SETUP_OFFER = (
    "Before you begin: would you like to put one or two people you trust, and your therapist "
    "or clinic, on your support card? It is shown only when things get hard. You can skip this."
)
SETUP_LATER = "That is fine. You can add people any time with: partsjournal config"
CONTACT_NAME = "Who would you like on your card? (a name; press Enter when there is no one more)"
CONTACT_REACH = "How can you reach {name}? (a phone number, or how you would contact them)"
CONTACT_ADDED = "{name} is on your support card."
THERAPIST_NAME = "Your therapist or clinic, if you have one (press Enter to skip):"
THERAPIST_REACH = "How do you reach them in office hours?"
THERAPIST_AFTER_HOURS = "A line for after hours, if they have one (press Enter to skip):"
PLAN_OFFER = (
    'You wrote who you will contact: "{plan}". '
    "Would you like to put them on your support card, so they are there when it gets hard?"
)

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
