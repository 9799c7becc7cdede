"""Reading and writing the journal's files: why one cannot be read, the reasons a record is
refused, folders and ids."""

SKIPPED_FILE = "Skipped {path}: {reason}."
ID_MUST_BE_TEXT = "'id' must be text"
SAME_ID = (
    "{other} carries the same id as {kept}, so it is not read as a {what}; move one of the "
    "two out of the folder, or give it an id of its own."
)
FIELD_NOT_TEXT_LIST = "'{key}' must be a list of text"
FIELD_NOT_TEXT = "'{key}' must be text"
FIELD_NOT_DATE = "'{key}' must be a date"
HOME_IS_A_FILE = (
    "The journal folder {path}{given} is a file, not a folder; give a folder, or leave it "
    "out to use the default."
)
FOLDER_IS_A_FILE = (
    "{path} is a file, but partsjournal keeps your {what} in a folder of that name; move "
    "the file aside (for example: mv '{path}' '{path}.old') and run it again."
)
FOLDER_NOT_WRITABLE = (
    "partsjournal may not write in {folder}, so your answers could not be saved; make it "
    "yours and writable (chmod u+rwx '{folder}') and start again."
)
SHIPPED_NOT_TEXT = "The file {path} is not valid: '{key}' should be some text."
FILE_UNREADABLE_BECAUSE = "The file {path} could not be read: {reason}."
COULD_NOT_READ = "Could not read {path}: {reason}."
UNWRITABLE_READ_BACK = (
    "partsjournal could not write{where} in a form that reads back the same; nothing was "
    "changed, please report this with --debug."
)
FILE_EMPTY = "the file is empty"
UNWRITABLE_FORM = (
    "partsjournal could not write{where} in a form it can read back ({reason}); nothing "
    "was changed, please report this with --debug."
)
FILE_MISSING = "the file does not exist"
FILE_NOT_UTF8 = "the file is not UTF-8 text"
NOT_UTF8 = "it is not UTF-8 text"
FILE_NOT_OPENED = "it could not be opened"
FILE_SEALED_OTHER = "it is encrypted, but not to this journal's key, or it is damaged"
FILE_INVALID = "The file {path} is not valid: {reason}."
FILE_DOES_NOT_EXIST = "The file {path} does not exist; check the path."
FILE_BUSY = "{path} is in use by another partsjournal command; try again after it."
FIELD_WRONG_TYPE = "'{key}' has the wrong type"
FIELD_NO_OFFSET = "'{key}' has no UTC offset"
FIELD_ONLY_TEXT = "'{key}' must hold only text"
FIELD_MISSING = "it has no '{key}'"
UNKNOWN_KEYS = "it has unknown keys {keys}"
TOML_TOO_DEEP = "it nests tables or lists more than {depth} levels deep"
TOML_INVALID = "it is not valid TOML ({reason})"
TOML_NUMBER_TOO_LONG = "it holds a number with more digits than can be read"
STANDARD_INPUT = "standard input"
INDEXING = "Indexing your journal"
