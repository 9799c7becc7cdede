"""The command line: options and their values, dates and periods, output files, the catch
point's lines, and what the system would not allow."""

UNKNOWN_FORMAT = "Unknown --format '{given}'; use one of: {allowed}."
NOTHING_WRITTEN = "Nothing was written."
WITHOUT_TERMINAL_YES = "To {what} without a terminal, add --yes."
UNTIL_BEFORE_SINCE = "--until ({until}) is before --since ({since}); give the earlier date first."
ALL_OR_N = "Pass either --all or -n N, not both."
NUMBER_FROM_ONE = "{option} needs a number of {what} from 1 up, not {given}."
WEEK_OR_MONTH = "Choose one of --week and --month."
UNLOCKING = "Unlocking your journal..."
OS_SOME_FILE = "a file in your journal"
OS_NOT_ALLOWED = (
    "partsjournal is not allowed to use {where}; make sure it and the folders above it are "
    "yours and readable and writable (ls -ld '{where}' shows who owns it)."
)
OS_FOLDER_FOR_FILE = (
    "{where} is a folder where partsjournal needs a file; move it aside and try again."
)
OS_READ_ONLY = "{where} is on a read-only disk; nothing was changed. Choose another --home."
OS_COULD_NOT_USE = "Could not use {where} ({reason}); nothing was changed. Check it and try again."
OS_FILE_FOR_FOLDER = (
    "Part of the path {where} is a file where partsjournal needs a folder; move that file "
    "aside and run the command again."
)
OS_NO_SPACE = "There is no space left to write {where}; nothing was changed. Free some space."
VERSION = "partsjournal {version}"
NOTE_LINK_LATER = "A note's part could not be linked yet: {reason}"
SEE_HELP = "{end} See '{command} --help'."
STOPPED = "stopped."
ERROR_LINE = "partsjournal: {sentence}"
UNEXPECTED = (
    "something went wrong inside partsjournal ({kind}); your saved entries are untouched. "
    "Run the same command with --debug for details."
)
PASSPHRASE_ASK = "Passphrase for your journal:"
DATE_FORMS = (
    "use YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (now, today, yesterday and 'yesterday 20:30' work too)"
)
DATE_OUT_OF_RANGE = "{option} '{text}' is out of range; give a date between 1900 and 9998."
DATE_TOO_FAR_AHEAD = "{option} {day:%Y-%m-%d} is more than a day ahead; {advice}."
TIME_UNREADABLE = "Could not read {option} '{text}' as a time; give it as HH:MM, like 14:00."
NOW_VAR_INVALID = (
    "{variable} is set to {text!r}, which is not a date and time; unset it, or use a form "
    "like 2026-11-23T20:00+01:00."
)
DATE_UNREADABLE = "Could not read {option} '{text}' as a date; {forms}."
TIME_SKIPPED_BY_CLOCKS = (
    "{option} '{text}' does not exist in your time zone (the clocks jumped forward past it "
    "that night); give a time just before or after the jump."
)
OFFSET_WITH_SECONDS = (
    "{option} '{text}' has a UTC offset with seconds, which cannot be stored; give the "
    "offset in whole minutes, for example +05:30."
)
DID_YOU_MEAN = "Did you mean {name}?"
NEEDS_A_TERMINAL = (
    "partsjournal needs a terminal to ask its questions; to run without one, pass "
    "--answers FILE (a TOML table of step id = answer, see docs/format.md)."
)
WRITTEN_PLAIN = (
    "Written to {target} as plain text, readable by you only; unlike your journal it is "
    "not encrypted."
)
WRITTEN_TO = "Written to {target}."
OUTPUT_INSIDE_HOME = (
    "{option} {given} is inside the journal folder, where it could replace your own files; "
    "choose a place outside it."
)
OUTPUT_IS_FOLDER = "{option} {given} is a folder; give a file name such as week.md."
OUTPUT_NO_FOLDER = (
    "The folder for {option} ({parent}) does not exist; create it first or choose another place."
)
AGO_NEGATIVE = "--ago counts periods back from now, so it must be 0 or more."
UNTIL_NEEDS_SINCE = "--until needs --since too, for example --since 2026-11-01 --until 2026-11-07."
AGO_TOO_FAR = (
    "--ago {ago} goes back before {year}; give fewer {unit}, or choose the days with --since DATE."
)
PERIOD_TWO_WAYS = "Use either --since/--until or --week/--month with --ago, not both."
DISCLAIMER = (
    "partsjournal is a self-practice journal, not therapy, medical advice or a crisis service."
)
AHEAD_ADD_FUTURE = "check the year, or add --future to date the entry ahead on purpose"
AHEAD_NO_FUTURE = "check the year (this command takes dates up to a day ahead)"
NONE_YET = "none yet"
