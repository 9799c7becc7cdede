"""Exercise files and answers files: what a file may hold, and what an answers file must say."""

EXERCISE_FILE_NAME = (
    "The exercise file {path} is named '{name}' inside; rename the file to {name}.toml or "
    "change its name."
)
NO_SUCH_EXERCISE = (
    "There is no exercise called '{name}'.{hint} Run 'partsjournal exercise' to see them all."
)
EXERCISE_FILE_UNREADABLE = "The exercise file {path} could not be read: {reason}."
EXERCISE_FILE_INVALID = "The exercise file {path} is not valid: {reason}."
EXERCISE_FILE_INVALID_FIX = (
    "The exercise file {path} is not valid: {reason}. Fix it or move it away."
)
ANSWERS_FILE_MISSING = "The answers file {where} does not exist; check the path."
ANSWERS_FILE_UNREADABLE = "Could not read the answers file {where}: {reason}."
ANSWERS_NO_SUCH_STEP = (
    "The answers file names step '{step}', which the {name} exercise does not have; its "
    "steps are: {steps}."
)
ANSWERS_STEP_MISSING = (
    "The answers file has no answer for step '{step}' of the {name} exercise; add a line "
    "like: {step} = {example}."
)
NEEDS_TERMINAL_TO_ANSWER = "'{question}' needs a terminal to answer; run this in a terminal."
ANSWERS_FILE_TOO_BIG = (
    "The answers file {where} is larger than {mib} MiB, more than any exercise needs; "
    "check that it is the right file."
)
ANSWERS_FILE_FOLDER = "Could not read the answers file {where}: it is a folder; give a TOML file."
ANSWERS_FILE_INVALID = (
    "The answers file {where} could not be read because {reason}; write one line per step, "
    'like: situation = "...".'
)
ANSWERS_STEP_INVALID = "The answer for step '{step}' in {where} should be {reason}."
EXERCISES_RUN_HINT = "Run one with: partsjournal exercise NAME"
CONDITION_NAMES_NOTHING = "a condition names one of 'step', 'phase' or 'session'"
CONDITION_DAYS = "'days' goes with phase = \"after\" and is [first day, last day]"
CONDITION_NO_TEST = (
    "a step condition needs a test: equals, not_equals, in, not_in, at_least or at_most"
)
STEP_UNKNOWN_REALM = "step '{step}' names the realm '{realm}'; use one of: {realms}"
STEP_PART_ROLE = "step '{step}' is a part step with the role '{role}'; use one of: {roles}"
STEP_REALM_ROLE_DIFFER = "step '{step}' has the realm '{realm}' but the role '{role}'"
CLOSE_FROM_NOT_STEP = "close_from names '{step}', which is not a step"
STEP_PROBLEM = "step '{step}': {problem}"
STEP_ID_TWICE = "step id '{step}' is used twice"
STEP_THEN_NOT_LATER = "step '{step}' goes on at '{then}', which is not a later step"
STEP_DEPENDS_NOT_EARLIER = "step '{step}' depends on '{other}', which is not an earlier step"
STEP_URGES_CHOICES = "step '{step}' asks about urges, so it is a choice that offers {choices}"
STEP_CARD_FIRST = "step '{step}' lists '{first}' first on the card; use true or one of: {kinds}"
ROLE_NO_REALM = "the role '{role}' names no realm; use one of: {realms}"
ROLE_NO_QUALITY = "the role '{role}' names no Self quality; use one of: {qualities}"
NO_SUCH_ROLE = (
    "there is no role '{role}'; roles are listed in docs/format.md (for example {examples})"
)
INCLUDE_EXTRA_KEYS = "an include step cannot have {keys}"
INCLUDE_PREFIX_THEN = "an include's 'prefix' and 'then' are step ids (text)"
INCLUDE_NOT_EXERCISE = "it includes '{name}', which is not another exercise"
INCLUDE_UNREADABLE = "the included exercise {path} could not be read: {reason}"
INCLUDE_NESTED = "the included exercise '{name}' includes another one itself"
INCLUDE_NO_STEP = "the included exercise '{name}' has no step '{step}'"
