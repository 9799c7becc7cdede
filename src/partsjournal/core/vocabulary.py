"""The words exercise files and code agree on: answer roles, realms, Self qualities, outcomes.

An exercise step's ``role`` says what its answer *means* (the situation, a part's
fears, a realm's rating), independent of the step id and wording. Reviews, the
parts registry, care and export find answers by role, so every role is listed
here and the exercise loader refuses any other: a typo in a TOML file is an
error when the file is loaded, not an answer silently missing from a review.

Roles are either plain (``situation``) or belong to a family and name a realm
or a Self quality after a colon (``practice:body``, ``self:calm``). Use
:func:`realm_role` / :func:`self_role` to build them and :func:`split` to read
them; nothing else slices role strings.
"""

from __future__ import annotations

from partsjournal.core import care_record
from partsjournal.core import messages as msg

# --------------------------------------------------------------------------- realms

# The five integration realms, in the order they are asked and shown, with the
# one label every screen, document and question uses.
REALMS: dict[str, str] = {
    "body": "Body",
    "mind": "Mind",
    "emotion": "Emotion",
    "spirit": "Spirit",
    "balance": "Work/life balance",
}
REALM_KEYS: tuple[str, ...] = tuple(REALMS)


def realm_label(realm: str) -> str:
    """The label of a realm ("Work/life balance"); an unknown key is shown as it is."""
    return REALMS.get(realm, realm)


# --------------------------------------------------------------------------- Self

# The eight qualities of the Self, rated 0-10 in a Self-energy check.
SELF_QUALITIES: tuple[str, ...] = (
    "calm",
    "curiosity",
    "compassion",
    "confidence",
    "courage",
    "clarity",
    "creativity",
    "connectedness",
)

# --------------------------------------------------------------------------- practices

# How a practice chosen in a check-in went; fixed so reviews can count them.
OUTCOMES: tuple[str, ...] = ("did it", "partly", "not yet")

PHASES: tuple[str, ...] = ("before", "after")

# --------------------------------------------------------------------------- plain roles

SITUATION = "situation"
ACTIVATION_BEFORE = "activation-before"
ACTIVATION_AFTER = "activation-after"
DISTRESS = "distress"
SAFETY = "safety"
PART = "part"
FEEL_TOWARD = "feel-toward"
UNBLEND = "unblend"
PART_IMAGE = "part-image"
PART_BODY = "part-body"
PART_PURPOSE = "part-purpose"
PART_PROTECTS_FROM = "part-protects-from"
PART_FEELINGS = "part-feelings"
PART_FEARS = "part-fears"
PART_STRENGTHS = "part-strengths"
PART_NEEDS = "part-needs"
PART_NEW_ROLE = "part-new-role"
PART_ROOM = "part-room"
REFLECTION = "reflection"
NEXT_STEP = "next-step"
INTENTION = "intention"
SUPPORT_PLAN = "support-plan"
CONSENT = "consent"
FEEL_TOWARD_AFTER = "feel-toward-after"
EXILE = "exile"
PROTECTED = "protected"
SESSION_PART = "session-part"
FOR_THERAPIST = "for-therapist"
TRAILHEAD = "trailhead"
PROMISE = "promise"
PART_HOPES = "part-hopes"
SESSION_CONSENT = "session-consent"
SESSION_PLAN = "session-plan"
FLASHBACKS = "flashbacks"
URGES = "urges"

# Every plain role, with what its answer means (docs/format.md lists the same).
ROLES: dict[str, str] = {
    SITUATION: "the situation the exercise is about",
    ACTIVATION_BEFORE: "how stirred up the person is at the start (0-10)",
    ACTIVATION_AFTER: "how stirred up the person is at the end (0-10)",
    DISTRESS: "how distressed the person is right now (0-10)",
    SAFETY: "whether the person feels safe right now (yes or no)",
    PART: "the name of the part the exercise is about",
    FEEL_TOWARD: "how the person feels toward the part",
    UNBLEND: "how the person feels toward the part after asking others to step back",
    PART_IMAGE: "what the part looks like",
    PART_BODY: "where the part is felt in the body",
    PART_PURPOSE: "the part's job: what it tries to make happen or to prevent",
    PART_PROTECTS_FROM: "what the part is trying to protect the person from",
    PART_FEELINGS: "how the part feels about the situation",
    PART_FEARS: "what the part fears would happen if it stopped",
    PART_STRENGTHS: "the part's strengths",
    PART_NEEDS: "what the part needs",
    PART_NEW_ROLE: "a new role the part would like",
    PART_ROOM: "how much room the closest part leaves the Self (0-10)",
    REFLECTION: "what the person takes from the exercise",
    NEXT_STEP: "what the person would like to do next",
    INTENTION: "the intention for a coming session",
    SUPPORT_PLAN: "who or what supports the person around a session",
    CONSENT: "whether the part is willing to talk today (yes or no; no is respected)",
    FEEL_TOWARD_AFTER: "how the person feels toward the part at the close",
    EXILE: "a part step naming a tender (younger, hurt or frightened) part, kept for therapy",
    PROTECTED: "a part step naming the part that the part in focus protects",
    SESSION_PART: "a part step naming a part that showed itself during the session (journey)",
    FOR_THERAPIST: "a note to bring to the therapist",
    TRAILHEAD: "a quick one-line note of something that stirred a part",
    PROMISE: "yes/no: a promise to the part to check in with it after the session",
    PART_HOPES: "what the part hopes for the person when it does its job",
    SESSION_CONSENT: (
        "yes/no: whether the part is all right with the session going ahead (no is kept for "
        "the therapist; postponing is the person's and the clinic's call)"
    ),
    SESSION_PLAN: "an item of the plan for the day of a session (prepare's checklist)",
    FLASHBACKS: "whether flashbacks or nightmares came lately, and on how many days",
    URGES: "a choice: what a part does when it steps in; its risky choices bring care",
}

# The choices an ``urges`` step must offer, word for word, and the risk each names: choosing
# one shows the support card (and, for thoughts of ending one's life, care holds the run).
URGE_RISKS: dict[str, str] = {
    "urges to hurt myself": care_record.SELF_HARM,
    "wanting more of a substance or medicine": care_record.SUBSTANCE,
    "thoughts of ending my life": care_record.ENDING_LIFE,
}

# Roles a "part" step may have: ``part`` makes the part the focus of the questions
# that follow; ``exile``, ``protected`` and ``session-part`` name another part on the way.
PART_STEP_ROLES: tuple[str, ...] = (PART, EXILE, PROTECTED, SESSION_PART)

# The role a part named by an ``exile`` step is given in the registry (when it has none).
EXILE_PART_ROLE = "exile"

# The two sides of the exile/protector line: a tender part is never offered as the one
# meant when a protector was named, nor the other way round ("Did you mean ...?").
EXILE_SIDE, PROTECTOR_SIDE = "exile", "protector"
STEP_SIDES = {EXILE: EXILE_SIDE, PROTECTED: EXILE_SIDE}  # part steps by role; others: either
PART_SIDES = {  # a part's role in the registry, as the person or the journal wrote it
    "exile": EXILE_SIDE,
    "protector": PROTECTOR_SIDE,
    "manager": PROTECTOR_SIDE,
    "firefighter": PROTECTOR_SIDE,
}


def across_the_line(step_role: str | None, part_role: str | None) -> bool:
    """True when a part step of ``step_role`` names one side of the exile/protector line and
    a known part of ``part_role`` stands on the other (unknown or own roles: no line)."""
    step_side = STEP_SIDES.get(step_role or "")
    part_side = PART_SIDES.get((part_role or "").strip().casefold())
    if step_side is None or part_side is None:
        return False
    return step_side != part_side


# --------------------------------------------------------------------------- role families

REALM_RATING = "realm-rating"  # 0-10: how the realm is doing
REALM_REFLECTION = "realm-reflection"  # a written answer about the realm
PRACTICE = "practice"  # one small practice chosen for the realm
PRACTICE_OUTCOME = "practice-outcome"  # how that practice went (one of OUTCOMES)
PRACTICE_NOTE = "practice-note"  # a note on how it went
REALM_FAMILIES: tuple[str, ...] = (
    REALM_RATING,
    REALM_REFLECTION,
    PRACTICE,
    PRACTICE_OUTCOME,
    PRACTICE_NOTE,
)
SELF = "self"  # self:<quality>, 0-10


def realm_role(family: str, realm: str) -> str:
    """``realm_role("practice", "body") == "practice:body"``."""
    return f"{family}:{realm}"


def self_role(quality: str) -> str:
    return f"{SELF}:{quality}"


def split(role: str | None) -> tuple[str, str | None]:
    """A role's family and what follows the colon: ``("practice", "body")``,
    ``("self", "calm")``, ``("situation", None)``; ``("", None)`` for no role."""
    if not role:
        return "", None
    family, sep, key = role.partition(":")
    return (family, key) if sep else (role, None)


def realm_of(role: str | None, *families: str) -> str | None:
    """The realm named by a realm-family role (of one of ``families``, if given)."""
    family, key = split(role)
    if key is None or family not in REALM_FAMILIES or key not in REALMS:
        return None
    return key if not families or family in families else None


def quality_of(role: str | None) -> str | None:
    """The Self quality a ``self:<quality>`` role names."""
    family, key = split(role)
    return key if family == SELF and key in SELF_QUALITIES else None


def problem(role: str) -> str | None:
    """Why ``role`` is not a known role, or None when it is."""
    if role in ROLES:
        return None
    family, key = split(role)
    if family in REALM_FAMILIES:
        if key in REALMS:
            return None
        return msg.ROLE_NO_REALM.format(role=role, realms=", ".join(REALMS))
    if family == SELF:
        if key in SELF_QUALITIES:
            return None
        return msg.ROLE_NO_QUALITY.format(role=role, qualities=", ".join(SELF_QUALITIES))
    return msg.NO_SUCH_ROLE.format(role=role, examples=", ".join(list(ROLES)[:4]))


# --------------------------------------------------------------------------- measure results

# The answers a questionnaire measure's result is saved with (flow/measure_run.py). They
# are written by partsjournal when a measure is taken, never asked by an exercise step, so
# they are not in ROLES and exercise files cannot use them.
MEASURE_ITEM = "measure-item"  # one item's answer: one of the scale's values
MEASURE_SAFETY = "measure-safety"  # the answer to a safety item (PHQ-9's item 9)
MEASURE_TOTAL = "measure-total"  # the total score
MEASURE_LOWEST = "measure-lowest"  # the lowest and highest totals the measure can have
MEASURE_HIGHEST = "measure-highest"
MEASURE_BAND = "measure-band"  # the band the instrument states for the total ("" if none)
MEASURE_BAND_RANGE = "measure-band-range"  # the totals that band covers ("10-14")
MEASURE_SUBSCALE = "measure-subscale"  # one subscale's score; its name is the prompt
MEASURE_ROLES: dict[str, str] = {
    MEASURE_ITEM: "one item's answer, as the scale's value",
    MEASURE_SAFETY: "the answer to a safety item, as the scale's value",
    MEASURE_TOTAL: "the total score",
    MEASURE_LOWEST: "the lowest total the measure can have",
    MEASURE_HIGHEST: "the highest total the measure can have",
    MEASURE_BAND: "the band the instrument states for the total",
    MEASURE_BAND_RANGE: "the totals that band covers",
    MEASURE_SUBSCALE: "one subscale's score",
}


# --------------------------------------------------------------------------- what roles are for

# Ratings that bring the grounding offer and the support card when high.
RATINGS = frozenset({ACTIVATION_BEFORE, ACTIVATION_AFTER, DISTRESS})
# the moment each rating role is given at, as the care record keeps it (the run's care, and
# the review reading an entry without a care record, alike)
MOMENT_OF_ROLE = {
    ACTIVATION_BEFORE: care_record.START,
    ACTIVATION_AFTER: care_record.END,
    DISTRESS: care_record.IN_GROUNDING,
}

# The questions after which pain most often rises (what the part feels, what it fears):
# after the last of them an exercise asks, optionally, "How stirred up are you now?".
PAIN_RISES = frozenset({PART_FEELINGS, PART_FEARS})

# Answers about the part named in an entry: they carry that part's id.
ABOUT_PART = frozenset(
    {
        PART_IMAGE,
        PART_BODY,
        FEEL_TOWARD,
        UNBLEND,
        CONSENT,
        SESSION_CONSENT,
        PROMISE,
        FEEL_TOWARD_AFTER,
        PART_PURPOSE,
        PART_HOPES,
        PART_PROTECTS_FROM,
        PART_FEELINGS,
        PART_FEARS,
        PART_STRENGTHS,
        PART_NEEDS,
        PART_NEW_ROLE,
        PART_ROOM,
    }
)

# Notes that carry the id of the part named just before them, of any kind (a tender
# part, say), or else the entry's first part.
ABOUT_LAST_NAMED = frozenset({FOR_THERAPIST, TRAILHEAD})

# Answers copied into the part's own record: role -> field of the part file.
PART_RECORD_FIELDS: dict[str, str] = {
    PART_FEARS: "fears",
    PART_NEEDS: "needs",
    PART_NEW_ROLE: "new_role",
    PART_BODY: "body",
    PART_IMAGE: "image",
    PART_PURPOSE: "current_role",
}

# The answers shown on a part's time line, in this order.
TIMELINE = (
    FEEL_TOWARD,
    PART_PURPOSE,
    PART_PROTECTS_FROM,
    PART_FEARS,
    PART_NEEDS,
    PART_NEW_ROLE,
)

# Answers kept by ``export --only-highlights``.
HIGHLIGHTS = frozenset(
    {
        PART_NEEDS,
        PART_NEW_ROLE,
        REFLECTION,
        NEXT_STEP,
        INTENTION,
        FOR_THERAPIST,
        TRAILHEAD,
    }
)
HIGHLIGHT_FAMILIES = frozenset({REALM_REFLECTION, PRACTICE, PRACTICE_OUTCOME, PRACTICE_NOTE})


def is_highlight(role: str | None, value: object = None) -> bool:
    """Whether an answer is kept by ``export --only-highlights``: a part's no to the
    session going ahead is (for the therapist to hear before the session), its yes is not."""
    if role == SESSION_CONSENT:
        return value is False
    family, _ = split(role)
    return role in HIGHLIGHTS or family in HIGHLIGHT_FAMILIES


# Answers that describe an earlier check-in, not the entry they are in.
FOLLOW_UP_FAMILIES = frozenset({PRACTICE_OUTCOME, PRACTICE_NOTE})

# The answer that says best what an entry is about, for listings.
HEADLINE = (SITUATION, INTENTION, TRAILHEAD)
