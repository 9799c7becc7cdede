"""Sessions, check-ins and practices, and the brief a person brings to a session."""

SESSION_OR_PERIOD = "Give either --session or --since/--until, not both."
SINCE_AFTER_UNTIL = "--since is after --until; give the earlier day first."
INTEGRATE_NO_SESSION = (
    "No session is within {ahead} days ahead or {back} days back, so these are the "
    "integration questions. To prepare for a session instead, add it with 'partsjournal "
    "session add DATE' or pass --before."
)
INTEGRATE_SINCE_CHECK_IN = "Since your check-in of {day}: {shown}."
PRACTICES_WAITING = (
    "{practices} from your last check-in {are} waiting for a follow-up; run this in a "
    "terminal, or pass --answers FILE, to say how they went."
)
PRACTICES_CHOSEN_TODAY = (
    "You chose these practices today; from tomorrow you can say how they went, with: "
    "partsjournal practices"
)
PRACTICES_NOTHING_WAITING = "Nothing is waiting for a follow-up, so nothing was saved."
NO_SESSIONS_YET = "No sessions yet. Add one with: partsjournal session add DATE"
SESSION_SAME_DAY_ASK = (
    "{session}{about} is already on {when}. Record another session on the same day?"
)
SESSION_ADDED = "Added {name} ({kind}) on {day}{clock}, id {id}."
SESSION_SAVED = "Saved {name}: {kind} on {when}{linked}."
SESSION_REMOVED = "Removed {name} ({date}); every entry is kept."
SESSION_SAME_DAY_YES = (
    "{session} is already on {day}; to record another session on the same day without a "
    "terminal, add --yes."
)
NOTHING_ADDED = "Nothing was added."
CALENDAR_WRITTEN = (
    "Calendar check-ins (days {days} after) written to {target}; import it into any calendar."
)
SESSION_EDIT_WHAT = (
    "Say what to change: --date, --time, --kind or --label, for example partsjournal "
    "session edit {number} --date {date}"
)
ENTRIES_LINKED = "{entries} linked to it"
SESSION_REMOVE_ASK = "Remove {name} on {when}? Your entries stay; {entries}."
NOTHING_REMOVED = "Nothing was removed."
CALENDAR_UNWRITABLE = (
    "Could not write the calendar file {target} ({reason}), so the session was not "
    "recorded either; choose another --ics path and run it again."
)
DATE_NOT_CHANGED = "The date was not changed."
SESSION_ENTRIES_UNLINKED = "{entries} no longer linked to a session"
SESSION_ENTRIES_MOVED = ", and {entries} to another session"
NO_SUCH_SESSION = (
    "There is no session '{ref}'; give its number or id (sessions: {known}), or add one "
    "with 'partsjournal session add DATE'."
)
SESSION_HAS_NO_DATE = "the session has no date"
SESSION_KIND_NOT_TEXT = "'kind' and 'label' must be text"
SESSION_CREATED_NOT_MOMENT = "'created' must be a date and time with its UTC offset"
SESSION_TIME_NOT_TIME = "'time' must be a time of day, like 14:00:00"
BEFORE_OR_AFTER = "Pass either --before or --after, not both."
BRIEF_WRITE_CHOICE = "Write the brief with what is listed"
BRIEF_LEAVE_OUT_ASK = (
    "Is there anything you would rather leave out? Choose one to leave it out or put it back."
)
NO_SUCH_REALM = (
    "There is no realm '{realm}'; --realm takes body, mind, emotion, spirit or balance "
    "(work and play)."
)
BRIEF_ALL_LISTED = "This is everything the brief would hold; nothing is written until you say so."
BRIEF_NOTHING_LEFT_OUT = "Nothing is left out now."
BRIEF_LEFT_OUT = "Left out now: "
NO_PRACTICES_CHOSEN = (
    "No practices chosen in the last {weeks} weeks. Choose some with: partsjournal integrate"
)
PRACTICES_NOT_LISTED = "{earlier} not listed: partsjournal practices --all"
PREPARE_NO_SESSION = (
    "No session is recorded in the next {days} days, so this preparation is kept as before "
    "a session, for none in particular. When you know the date, add it with 'partsjournal "
    "session add DATE': a session up to {days} days after this entry will count it as "
    "preparation."
)
SESSIONS_SHOW_HINT = "See one session's story with: partsjournal session show NUMBER"
SESSION_ENTRIES_NOT_LISTED = "{later} not listed: partsjournal session show {number} --all"
NO_ENTRIES_AROUND_SESSION = (
    "No entries around this session yet. Try: partsjournal exercise prepare, or "
    "partsjournal integrate."
)
EXCLUDE_NAMES_NOTHING = (
    "--exclude {wrong} names nothing in this brief; give a section ({sections}) or an item "
    "({items})."
)
BRIEF_NO_ITEMS = "there are none"
INTEGRATE_SUMMARY_ONE = "{realms}: how it is now, and one small practice."
INTEGRATE_SUMMARY_MANY = "{realms}: how each is now, and one small practice for each."
BRIEF_LEAVE_OUT_ITEM = "Leave out {key}: {item}"
BRIEF_PUT_BACK_ITEM = "Put back {key}: {item}"
BRIEF_LEAVE_OUT_SECTION = "Leave out all of {section} ({key})"
