"""The support card and its settings file, and the care record kept with an entry (its
words for the person are flow/care_words.py's)."""

SETTINGS_FILE = "Settings file: {config_file}"
CRISIS_LINE_IS = "Crisis line: {line}"
CONTACT_ON_CARD = "{name} is on your support card: {reach}"
CONTACT_OFF_CARD = "{name} is no longer on your support card."
CONTACTS_HEAD = "Contacts:"
CONTACTS_NONE = "Contacts: (none yet)"
THERAPIST_IS = "Therapist or clinic: {name}{reach}{after}"
THERAPIST_NOT_SET = "Therapist or clinic: (not set)"
CRISIS_LINE_GIVE = 'Give the crisis line, as in: config crisis-line "NAME NUMBER", or --clear.'
CRISIS_LINE_REMOVED = "Crisis line removed."
CRISIS_LINE_SET = "Crisis line set: {text}"
THERAPIST_GIVE = (
    'Give the therapist and how to reach them, as in: config therapist "Dr. Lee" "012 345 '
    '678" --after-hours "012 345 999", or --clear.'
)
THERAPIST_REMOVED = "Therapist removed from your card."
THERAPIST_ON_CARD = "{name} is on your card."
NOT_SET = "(not set)"
AFTER_HOURS = " (after hours: {reach})"
NO_SUCH_CONTACT = "There is no contact called '{name}' (contacts: {known})."
CONTACT_NEEDS_NAME = 'The contact needs a name, for example: config contact add "Sam" "...".'
CONTACT_NEEDS_REACH = (
    'Say how to reach {name}, for example: config contact add "{name}" "call 555 0100".'
)
CRISIS_LINE_NEEDS = "Give the crisis line's name and number, or use --clear to remove it."
SETTINGS_UNREADABLE = "Your settings file {path} could not be read: {reason}."
SETTINGS_INVALID = "Your settings file {path} is not valid: {reason}."
THERAPIST_NEEDS = (
    "Give the therapist or clinic and how to reach them, for example: config therapist "
    '"Dr. Lee" "012 345 678" --after-hours "012 345 999".'
)
SETTINGS_FIX_FIRST = "; fix it or move it away before changing settings."
SETTINGS_DEFAULT_CARD = "; using the default support card until it is fixed."
GROUNDING_UNOPENED = "The grounding exercise could not be opened ({reason})."
CARE_ITEM_NOT_TABLE = "a care item is not a table"
CARE_ITEM_UNKNOWN_KEYS = "a care item has unknown keys {keys}"
CARE_ITEM_NO_MOMENT = "a care item has no 'at' date and time with its UTC offset"
CARE_ITEM_NO_KIND = "a care item has no 'kind'"
CARE_ITEM_NO_VALUE = "the care item '{kind}' has no readable value"
CARE_RATING_NOT_WHOLE = "a care rating is not a whole number"
CARE_RATING_OUT_OF_RANGE = "a care rating is not between 0 and 10"
CARE_SAFE_NOT_YES_NO = "a care safety answer is not true or false"
CARE_NOT_LIST = "'care' is not a list of [[care]] tables"
CARE_ITEM_FIELD_NOT_TEXT = "the care item '{kind}' has a '{key}' that is not text"
CONFIG_CRISIS_LINE_NOT_TEXT = "'crisis_line' must be text"
CONFIG_CONTACTS_NOT_LIST = "'contacts' must be a list of [[contacts]] tables"
CONFIG_OFFERED_NOT_YES_NO = "'support_offered' must be true or false"
CONFIG_THERAPIST_NOT_TABLE = "'therapist' must be a [therapist] table"
CONFIG_THERAPIST_NO_NAME = "the therapist has no name"
CONFIG_THERAPIST_REACH_NOT_TEXT = "the therapist's 'reach' and 'after_hours' must be text"
CONFIG_THERAPIST_NO_REACH = "the therapist has no 'reach' or 'after_hours' (how to reach them)"
CONFIG_CONTACT_NOT_TABLE = "each contact must be a [[contacts]] table"
CONFIG_CONTACT_NO_NAME = "a contact has no name"
CONFIG_CONTACT_NO_REACH = "the contact '{name}' has no 'reach' (how to reach them)"
