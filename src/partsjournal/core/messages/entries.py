"""Entries and drafts: saving, pausing and going on, notes, editing by hand, finding an entry."""

DRAFT_DISCARDED = "Discarded the draft {id}."
DRAFT_DISCARD_ASK = "Discard '{label}' and its {answers}? This cannot be undone."
DRAFT_KEPT = "Kept. Nothing was discarded."
ENTRY_NO_CHANGES = "No changes; the entry is as it was."
ENTRY_CHANGES_SAVED = "Saved your changes to {id}."
GREP_NEEDS_TEXT = "--grep needs some text to look for."
SINCE_AFTER_TODAY = "--since ({since}) is after today; give a day that has passed."
EXCLUDE_NOT_IN_PERIOD = (
    "--exclude {ref} is not an entry in this period, so nothing was written; check the id "
    "with partsjournal entries."
)
NOTE_SAVED = "Noted ({id}). Explore it later with: partsjournal exercise protector --from {id}"
NOTE_GIVE = (
    "Give the note in quotes, with -, or on standard input, for example: partsjournal note "
    '"chest tight".'
)
NO_SINGLE_DRAFT = (
    "There is no single draft '{ref}'; give its number (1 to {count}) or its id, as listed "
    "by 'partsjournal drafts'."
)
DRAFT_GONE = (
    "The draft {id} was finished or discarded in another window a moment ago; "
    "'partsjournal entries' lists what was saved."
)
NO_DRAFTS = "There is no draft '{ref}'; there are no drafts at the moment."
DRAFT_IN_USE = (
    "The draft {id} is open in another partsjournal window right now; finish or pause it "
    "there first."
)
ENTRY_NOT_SAVED = "The entry could not be saved because {reason}."
ENTRY_UNCHANGED = "your entry is unchanged"
PART_UNCHANGED = "the part is unchanged"
EDITOR_FALLBACK = "Opening it in {found}, since $VISUAL and $EDITOR are not set."
STDIN_TOO_LONG = "Standard input holds more than {mib} MiB; give a shorter note."
EDITOR_FAILED = "The editor stopped with an error (exit {code}); {kept}."
EDIT_ID_CHANGED = "The id must stay {id} because it names the file; {kept}."
EDIT_DAY_CHANGED = (
    "'created' must stay on {day}, the day in the entry's id (to date an entry "
    "differently, write a new one with --at); {kept}."
)
EDIT_SCHEMA_DOWN = "'schema' cannot go down from {before} to {after}; {kept}."
NO_EDITOR = (
    "No editor was found; set $EDITOR to the editor you use (for example EDITOR=nano) and "
    "try again."
)
EDITOR_UNREADABLE = "$EDITOR ('{editor}') could not be read as a command; check its quotes."
EDIT_CHANGED_MEANWHILE = (
    "{path} was changed by another command while you were editing it, so your edit was not "
    "saved over that change; {kept}."
)
NOT_UTF8_NOTHING_SAVED = "{what} is not UTF-8 text; nothing was saved."
EDITOR_REMOVED_FILE = (
    "The editor removed the file it was editing, so there is nothing to save; {kept}."
)
EDITOR_LEFT_FOLDER = "The editor left a folder where the file it was editing should be; {kept}."
EDITOR_NOT_STARTED = "Could not start the editor '{editor}' ({reason}); check $EDITOR; {kept}."
EDIT_NOT_SAVED = "The edit was not saved because {reason}; {kept}."
EDIT_AGAIN_ASK = "{reason}. Open your edit again to fix it?"
EDIT_UNREADABLE = "The edited file could not be read ({reason}); {kept}."
EDIT_KEPT = "An edit that was stopped before it was saved is not lost: {kept}."
TEXT_QUESTION_MISSING = "the question {step} is missing (keep its ## line)"
TEXT_NO_SUCH_QUESTION = "there is no question {step} in this entry"
TEXT_NOT_YES_NO = "the answer to {step} must be yes or no, not '{text}'"
TEXT_QUESTION_TWICE = "the question {step} is there twice"
TEXT_NOT_WHOLE_NUMBER = "the answer to {step} must be a whole number, not '{text}'"
EDIT_NOT_UTF8 = "The edit is not UTF-8 text; {kept}."
TEXT_ABOVE_QUESTIONS = "'{line}' is above the first question"
STILL_IN_DRAFT = "{problem}; your answers are still in the draft {path}."
NOTE_EMPTY = (
    'The note is empty; give it in quotes (partsjournal note "chest tight"), or leave it '
    "out to write it in your editor or pass it on standard input."
)
NOT_A_NOTE = "The entry {id} is not a note; pass the id of one saved with 'partsjournal note'."
NO_DRAFTS_TO_RESUME = "There are no paused exercises to resume."
EXERCISE_NO_SITUATION = "The {name} exercise has no situation to start from a note."
EXERCISE_DRAFT_ORPHANED = (
    "The exercise '{name}' this draft belongs to is no longer installed; your answers are "
    "still kept in {path}."
)
RESUME_WHICH = (
    "There are {count} drafts; say which to continue, for example 'partsjournal resume 1' "
    "(see 'partsjournal drafts')."
)
PAUSED = "Paused."
RESUME_WHICH_ASK = "Which one would you like to continue?"
ENTRY_NOT_ADDED_TO_PART = "Could not add this entry to {path}: {reason}."
DRAFTS_CONTINUE_HINT = "Continue one with: partsjournal resume NUMBER"
HIGH_RATING_NOTE = (
    "Note: '{step}' was rated {value}. If this is stirring up a lot, you can stop at any "
    "time and run: partsjournal ground"
)
PAUSED_NOTHING_KEPT = (
    "Nothing was answered yet, so there is nothing to keep. Start again whenever you like: {again}"
)
PAUSED_TAKE_TIME = "{kept} Take all the time you need."
RESUME_HINT = "When you are ready to go on: partsjournal resume {id}"
ENTRY_SAVED_HINT = (
    "Read it again with: partsjournal show {ref}, or change it with: partsjournal edit {ref}"
)
PAUSED_TYPING_KEPT = "What you had started typing is kept too."
ENTRY_PLACED = "This entry is {where}."
NO_ENTRIES_IN_PERIOD = "No entries in this period; try a wider one."
NO_ENTRIES_MATCH_ANYWHERE = "No entries match. Try a wider period, or leave out a filter."
NO_ENTRIES_MATCH = "No entries match; try leaving out a filter."
NOT_AN_ENTRY_ID = (
    "'{ref}' is not an entry id; ids start with the date, like 2026-11-20T211500-3f9a2c "
    "(to list them: partsjournal entries)."
)
NO_SUCH_ENTRY = "There is no entry '{ref}'; to see the ids you can use: partsjournal entries"
NO_ENTRIES_YET = "There are no entries yet; start with: partsjournal exercise primer"
EXCLUDE_NOT_AN_ENTRY = (
    "--exclude {ref} is not an entry, so nothing was written; check the id with: "
    "partsjournal entries"
)
ANSWER_NOT_TABLE = "an answer is not a table"
ANSWER_UNKNOWN_KEYS = "an answer has unknown keys {keys}"
ANSWER_NO_STEP = "an answer has no step id"
ANSWER_NO_VALUE = "the answer to '{step}' has no readable value"
ANSWER_FIELD_NOT_TEXT = "the answer to '{step}' has a '{key}' that is not text"
ENTRY_ID_AMBIGUOUS = "{what} fits {count} entries ({shown}); give more of the id to choose one."
EDIT_KEPT_AT = "what you typed is kept in {path}"
EDIT_KEPT_SEALED = (
    "what you typed is kept, encrypted like the journal, in {path} (age -d -i {identity} opens it)"
)
PHASE_BEFORE_OR_AFTER = "'phase' must be before or after"
NOT_A_DRAFT = "it is not a partsjournal draft (no readable '{key}')"
NEWER_SCHEMA = " (it was written by a newer partsjournal, schema {schema})"
PART_REF_NO_NAME = "a part reference has no name"
PART_REF_ID_NOT_TEXT = "a part reference has an 'id' that is not text"
NOTHING_SAVED = "nothing was saved"
WHAT_YOU_WROTE = "what you wrote"
ENTRY_TEXT_NOTES = (
    "Change your answers under their questions, then save and close the editor.\n"
    "Leave the ## lines (the questions) and these # notes as they are; everything else\n"
    "under a question is its answer, exactly as you write it. A line of an answer that\n"
    "starts with # or \\ is shown with a \\ in front, which is not part of it.\n"
    "For the whole file, with its dates and ids: partsjournal edit --raw ID"
)
TEXT_HINT_YES_NO = " (yes or no)"
TEXT_HINT_NUMBER = " (a whole number)"
TEXT_HINT_CHOICES = " (one choice a line)"
NO_ENTRIES_START = "No entries yet. Start with: partsjournal exercise primer"
EDIT_REFUSED_KEPT = "{reason}; {kept}."
