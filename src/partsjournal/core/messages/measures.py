"""Questionnaire measures: their files, their words, answering them and their results."""

MEASURE_SET_UP = "{title} is set up in {where}."
MEASURE_TAKE_HINT = "To take it: partsjournal measure take {name}"
MEASURE_FILE_NAME = (
    "The measure file {path} is named '{name}' inside; rename the file to {name}{suffix} "
    "or change its name."
)
MEASURE_WORDS_MISSING = (
    "The measure {name} cannot be answered yet: {listed} {have} no words. Type them from "
    "your clinic's sheet into {path}, or set it up again with: partsjournal measure new "
    "{name} --items FILE --labels FILE"
)
MEASURES_SET_UP_SO_FAR = " Set up so far: {names}."
NO_SUCH_MEASURE = "There is no measure called '{name}'.{hint}{listed}"
NO_SUCH_PUBLISHED_MEASURE = (
    "There is no published measure called '{name}' to set up.{hint} Known ones: {known}. "
    "Any other measure goes in as a file of your own (see docs/format.md)."
)
MEASURE_FILE_UNREADABLE = "The measure file {path} could not be read: {reason}."
MEASURE_FILE_INVALID_FIX = "The measure file {path} is not valid: {reason}. Fix it or move it away."
ANSWERS_NO_SUCH_ITEM = (
    "The answers file names '{key}', which {title} does not have; its items are item_1 to "
    "item_{count}."
)
ANSWERS_ITEM_MISSING = (
    "The answers file has no answer for {key}; every item of {title} needs one, like: "
    "{key} = {lowest}"
)
ANSWERS_FILE_TOO_LONG = "The answers file {where} is far longer than a measure needs."
ANSWERS_FILE_NOT_TOML = (
    "The answers file {where} is not valid TOML ({reason}); write one line per item, like: "
    "item_1 = 2"
)
ANSWERS_ITEM_NOT_ALLOWED = (
    "The answer for {key} in {where} should be one of {allowed} (or its words as the "
    "measure lists them), not {given!r}."
)
MEASURE_ANSWER_COUNT = "{title} has {items} items, but {given} answers were given."
MEASURE_ITEM_NOT_ALLOWED = "Item {n} of {title} takes one of {allowed}; not {given!r}."
WORDS_FILE_TOO_LONG = "{path} is far longer than a questionnaire's {what}."
WORDS_FILE_LINES = (
    "{where} has {found} lines of words, but the measure has {count} {what}: give one line "
    "each, in order."
)
MEASURE_ALREADY_SET_UP = (
    "{name} is already set up in {target}; to set it up again, move that file away first "
    "(the words in it are yours)."
)
MEASURE_TEMPLATE_SLOTS = (
    "The template for {name} does not have a slot for every word; nothing was written."
)
MEASURE_WORDS_LATER = "Enter alone leaves it empty for now; you can fill it in later."
SAVED_READ_AGAIN = "Saved. Read it again with: partsjournal show {where}"
MEASURE_DRAFT_AT_TERMINAL = (
    "The draft {id} is {title}, a questionnaire part-way through: go on with it at a "
    "terminal (partsjournal resume {id}), or answer every question from a file by taking "
    "it afresh: partsjournal measure take {name} --answers FILE"
)
MEASURE_OFFER = "Would you like to take the {title} now? {count} questions about {period}."
MEASURE_DRAFT_ORPHANED = (
    "The measure '{name}' this draft belongs to is not set up with all its words any more; "
    "your answers are still kept in {path}."
)
MEASURE_NOT_DIAGNOSIS = (
    "These scores are for talking with your clinician; they are not a diagnosis."
)
MEASURE_BAND_ROUGH_GUIDE = (
    "Some of its words as set up are not word for word the published ones, so the band is "
    "only a rough guide. To see which: partsjournal measure check {name}"
)
MEASURE_TELL_PRESCRIBER = "Please tell your prescriber about this answer before your next dose."
MEASURE_NEEDS_WORDS = (
    "{title} cannot be answered until every item and answer has its words: type them into "
    "{where}, then check them with: partsjournal measure check {name}"
)
NO_MEASURES_YET = (
    "No measures are set up yet. Clinics often ask the PHQ-9 and the GAD-7: partsjournal "
    "measure new phq-9"
)
WORDING_NONE_YET = "{name}: no words yet"
WORDING_DIFFERS = (
    "{listed} {are} not word for word the published wording; a score compares with the "
    "published bands only when every word is the same."
)
MEASURE_NOT_TAKEN = "  not taken yet: partsjournal measure take {name}"
WORDING_NOTHING_TO_COMPARE = "{name}: no published wording to compare with"
WORDING_ALL_PUBLISHED = "Every item and answer of {title} is the published wording."
WORDING_PUBLISHED = "{name}: the published wording"
WORDING_NOT_PUBLISHED = "{name}: not the published wording (check it against your clinic's sheet)"
SCALE_NOT_RISING = "the scale's values must go up, lowest first"
SCALE_LABELS_COUNT = "the scale needs one label for each value"
SCALE_LABELS_SAME = "two answers of the scale have the same words"
SCALE_FINGERPRINTS_COUNT = "the scale needs one fingerprint for each label, or none"
SCORING_NO_SUCH_ITEM = "the scoring names item {item}, but there are {count} items"
SCORING_REVERSED_TWICE = "the scoring lists a reversed item twice"
SUBSCALES_SAME_NAME = "two subscales have the same name"
BANDS_LAST_END = "the last band must end at {highest}, the highest possible total"
BANDS_COVER = (
    "the bands must cover every total from {lowest} to {highest} in order, without gaps or "
    "overlaps (check '{band}')"
)
MEASURE_ITEM_WORDS_ASK = (
    "{title}, item {n} of {count}: type or paste its words exactly as your clinic's sheet has them."
)
MEASURE_ANSWER_WORDS_ASK = (
    "{title}, the answer worth {value}: type or paste its words exactly as your clinic's "
    "sheet has them."
)
MEASURE_INTRO = (
    "{title}: {count} questions about {period}. Choose the answer that fits best; there "
    "are no right or wrong answers. Ctrl-C pauses: your answers so far are kept, and the "
    "result is worked out once every question is answered."
)
NO_MEASURES_SET_UP = " None is set up yet; start with: partsjournal measure new phq-9"
