"""Parts: their names, adding, renaming, editing, merging and taking a merge back."""

PART_ADDED = 'Added {name}. See it with: partsjournal parts show "{name}"'
PART_RENAMED = "Renamed {before} to {name}; '{before}' still finds it."
PART_CIRCLE_UNDONE = "{name} was merged in a circle; it is its own part again."
PART_NEEDS_NAME = 'The part needs a name, for example "Little One".'
PART_EXISTS = (
    'There is already a part called {name}; change it with: partsjournal parts edit "{name}"'
)
ALIAS_TAKEN = "'{name}' is already a name of {other}; choose another alias."
NEW_ALIAS_TAKEN = "'{name}' is already a name of {other}; choose another."
SAVED_NAME = "Saved {name}."
NO_CHANGES = "No changes."
PARTS_MERGED = (
    "Merged {source} into {target}; entries that named {source} now count for {target}. To "
    'undo it: partsjournal parts unmerge "{source}"'
)
PARTS_MERGE_ASK = (
    "Merge {source} into {target}? {target} takes the name {source}, and entries that "
    "named {source} count for {target}."
)
NOTHING_MERGED = "Nothing was merged."
PART_OWN_AGAIN = "{name} is its own part again."
PARTS_UNMERGED = "{source} and {target} are two parts again, as before the merge."
PARTS_UNMERGED_OLD = (
    "{source} and {target} are two parts again. This merge was made before merges could be "
    "undone exactly, so {target} keeps anything else it took from {source}; see it with: "
    'partsjournal parts show "{target}"'
)
NOTHING_TO_UNMERGE = (
    "No part called '{name}' was merged into another, so there is nothing to unmerge; run "
    "'partsjournal parts' to see your parts."
)
ALREADY_ONE_PART = "'{source}' and '{target}' are already the same part."
UNMERGE_TARGET_FIRST = (
    "{name} was itself merged into another part since; unmerge it first: partsjournal "
    'parts unmerge "{name}"'
)
MERGED_MEANWHILE = (
    "{source} or {target} was merged by another command a moment ago, so nothing was "
    "merged; see them with: partsjournal parts"
)
PART_NAME_ONE_LINE = (
    "A part's name must be one line of text without tabs or control characters ('{name}' "
    "is not); type it again without them."
)
PART_NAME_EMPTY = 'The name is empty; give one, for example "The Inner Critic".'
PART_HAS_NO_NAME = "the part has no name"
MERGED_INTO_NOT_ID = "'merged_into' must be a part's id"
MERGE_UNDO_NOT_TABLE = "'merge_undo' must be a table"
PART_MERGE_CIRCLE = (
    "{name} ({path}) is merged in a circle, into a part merged back into it; run "
    "'partsjournal parts show \"{name}\"' to undo its merge, or merge the two again."
)
SEE_ALL_PARTS = " Run 'partsjournal parts' to see them all."
NO_SUCH_PART = "There is no part called '{name}'.{hint}{then}"
NAME_OF_ANOTHER_PART = (
    "'{new}' is already the name of another part, {other}; to join the two, run: "
    'partsjournal parts merge "{name}" "{other}".'
)
PART_EDIT_UNKNOWN_FIELD = (
    "The edited part has a field partsjournal does not know ('{field}'); the part is unchanged."
)
PART_EDIT_ID_CHANGED = "The id of a part cannot change (entries use it); the part is unchanged."
PART_EDIT_NO_ID = (
    'The edited part has no id line; put back id = "{id}" (entries use it); the part is unchanged.'
)
PART_PROTECTS_ITSELF = "{name} cannot protect itself; name another part after --protects."
PART_EDIT_INVALID = "The edited part is not valid: {reason}; the part is unchanged."
PART_EDIT_NAME_LINES = (
    "The name '{name}' has a line break, tab or control character; a part's names must be "
    "one line each. The part is unchanged."
)
PART_EDIT_NAME_TAKEN = "'{name}' is already a name of {other}; the part is unchanged."
PART_OPTION_NEEDS_NAME = '--part needs the part\'s name, for example --part "The Critic".'
NO_PARTS_YET = (
    "No parts yet. A part is added when an exercise names one; start with: partsjournal "
    "exercise protector"
)
PARTS_SHOW_HINT = 'See one part\'s story with: partsjournal parts show "NAME"'
NO_RELATIONS_YET = (
    "No relations noted yet. Add one with: partsjournal parts edit NAME --protects OTHER"
)
ADD_AS_NEW_PART = ' To record it as a new part: partsjournal parts add "{name}"'
PARTS_SHARE_NAME = (
    "{count} parts are called {name} ({ids}); if they are one part, fold one into the "
    "other with: partsjournal parts merge {one} {other}"
)
