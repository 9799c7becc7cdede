"""Every message the person reads is written once, in one place (``core/messages``), is filled
with exactly the values it names, and a user error is caught only at the one catch point.

What counts as a message (the scan below; ``core/messages/`` and care's words in
``flow/care_words.py`` are where they live, so they are not scanned):

1. the words given to a message call: the arguments of every error type (``JournalError``,
   ``UsageError``, ``ValueError`` and their kinds, and a file's ``bad(...)`` helper), the first
   argument (and ``lead``) of ``say``, ``warn``, ``on_wait``, ``echo`` and ``ask_secret``, the
   question and choices of ``confirm`` and ``select``, the question and ``without_terminal``
   of ``ask_first``; a string literal in one of them is a message, unless it sits inside a
   nested call's arguments (the noun given to ``plural``) or an index (``words[...]``), or
   is a single bare token (a format's name such as ``markdown``);
2. a module's own string constant used in such an argument;
3. outside ``render/`` (whose screens and documents keep their words beside their drawing), any
   string literal that reads as a sentence: it starts with a capital letter and a small one,
   with ``{`` or with "partsjournal ", has three words or more and ends with ``.``, ``?`` or
   ``!``;
4. outside ``render/``, any string literal that names a command with other words around it
   ("Start with: partsjournal exercise primer"); a command alone is not a message.

Docstrings and help texts (``help=``, ``epilog=``, the command tables ``COMMANDS`` and
``lazy``) are not messages: they are the help pages.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from collections import Counter
from pathlib import Path

import pytest

from partsjournal.core import messages as msg
from partsjournal.flow import care_words
from tests.conftest import ROOT
from tests.helpers import parsed, walked
from tests.hints import hints_in

SRC = ROOT / "src" / "partsjournal"
PACKAGE = SRC / "core" / "messages"
CARE_WORDS = SRC / "flow" / "care_words.py"
MODULES = sorted(p for p in SRC.rglob("*.py") if PACKAGE not in p.parents and p != CARE_WORDS)

ERROR_BASES = frozenset({"JournalError", "UsageError", "ValueError"})
FIRST_ONLY = frozenset({"say", "warn", "on_wait", "echo", "ask_secret", "confirm"})
HELP_KEYWORDS = frozenset({"help", "short_help", "epilog", "metavar"})
HELP_TABLES = frozenset({"COMMANDS", "lazy"})
WORD = re.compile(r"[A-Za-z]{2}")
BARE_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
SENTENCE = re.compile(r"(\W*[A-Z][a-z]|\{|partsjournal ).*[.?!]", re.S)
CAUGHT_HERE = "# caught here:"


def rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


@functools.cache
def error_types() -> frozenset[str]:
    """The error types of the program: JournalError, UsageError, ValueError and every class
    that derives from one of them, however far down."""
    bases: dict[str, set[str]] = {}
    for path in MODULES:
        for node in walked(parsed(path)):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {ast.unparse(b).split(".")[-1] for b in node.bases}
    found = set(ERROR_BASES)
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return frozenset(found)
        found |= more


def text_of(node: ast.AST) -> str | None:
    """A literal's text (an f-string's values as ``{}``), or None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def has_words(text: str) -> bool:
    return bool(WORD.search(text)) and not BARE_TOKEN.fullmatch(text)


def called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def message_arguments(call: ast.Call, errors: frozenset[str]) -> list[ast.expr]:
    """The arguments of a message call that hold its words (rule 1), or none."""
    name = called(call)
    keywords = {k.arg: k.value for k in call.keywords}
    if name in errors or name == "bad":
        return list(call.args)
    if name == "select":
        return list(call.args[:2])
    if name == "ask_first":
        return [
            *call.args[:1],
            *([keywords["without_terminal"]] if "without_terminal" in keywords else []),
        ]
    if name in FIRST_ONLY:
        return [*call.args[:1], *([keywords["lead"]] if "lead" in keywords else [])]
    return []


def reached(node: ast.AST) -> list[ast.AST]:
    """``node`` and what it is made of, leaving out a nested call's arguments and an index."""
    out = [node]
    if isinstance(node, ast.Call):
        return out + reached(node.func)
    if isinstance(node, ast.Subscript):
        return out + reached(node.value)
    for child in ast.iter_child_nodes(node):
        out += reached(child)
    return out


def help_and_docs(tree: ast.Module) -> set[int]:
    """The ids of the nodes that are docstrings or help texts (never messages)."""
    skip: set[int] = set()
    for node in walked(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and text_of(first.value) is not None:
                skip.add(id(first.value))
        if isinstance(node, ast.keyword) and node.arg in HELP_KEYWORDS:
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id in HELP_TABLES and node.value:
                skip.update(id(n) for n in ast.walk(node.value))
    return skip


def reads_as_a_sentence(text: str) -> bool:
    """Rule 3."""
    plain = text.strip()
    return bool(SENTENCE.fullmatch(plain)) and len(plain.split()) >= 3


def names_a_command_among_words(text: str) -> bool:
    """Rule 4: a hint ("... with: partsjournal resume NUMBER"), not a command alone."""
    found = hints_in(text)
    rest = text
    for hint in found:
        rest = rest.replace(f"partsjournal {hint}", " ")
    return bool(found) and bool(WORD.search(rest))


def messages_in(tree: ast.Module, where: str, errors: frozenset[str]) -> list[tuple[int, str]]:
    """(line, text) of every message literal in ``tree`` (a module at ``where`` under
    src/partsjournal/), by the four rules of this module's description."""
    skip = help_and_docs(tree)
    constants = {
        node.targets[0].id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and text_of(node.value) is not None
    }
    inner = {id(v) for n in walked(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    said: set[int] = set()
    for call in (n for n in walked(tree) if isinstance(n, ast.Call)):
        for argument in message_arguments(call, errors):
            for node in reached(argument):
                said.add(id(node))
                if isinstance(node, ast.Name) and node.id in constants:
                    said.add(id(constants[node.id]))
    drawn = where.startswith("render/")
    found = []
    for node in walked(tree):
        text = text_of(node)
        if text is None or id(node) in inner or id(node) in skip or not has_words(text):
            continue
        if id(node) in said or (
            not drawn and (reads_as_a_sentence(text) or names_a_command_among_words(text))
        ):
            found.append((getattr(node, "lineno", 0), text))
    return found


# ----------------------------------------------------------------------- one place


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_no_message_is_written_outside_the_messages_package(path: Path) -> None:
    found = messages_in(parsed(path), rel(path), error_types())
    assert found == [], f"{rel(path)}: messages to move to core/messages: {found}"


SCANNED = [
    # (source, where, found): one case for each rule, and for each thing that is not a message
    ('raise UsageError("There is no part.")', "core/x.py", ["There is no part."]),
    ("raise UsageError(msg.NO_SUCH_PART)", "core/x.py", []),
    ('raise UnreadableFile(path, "the file is empty")', "core/x.py", ["the file is empty"]),
    ('raise ValueError("the scale needs a label")', "flow/x.py", ["the scale needs a label"]),
    (
        "raise bad(\"'phase' must be before or after\")",
        "core/x.py",
        ["'phase' must be before or after"],
    ),
    ('ui.say(f"Saved {name}.")', "cli/x.py", ["Saved {}."]),
    ('ui.say(text, lead="Paused.")', "render/x.py", ["Paused."]),
    ('warn(f"Skipped {f}: {reason}")', "core/x.py", ["Skipped {}: {}"]),
    ('asker.select("Which one?", [*labels, "Not now"])', "flow/x.py", ["Which one?", "Not now"]),
    (
        'prompts.ask_first(q, yes=yes, without_terminal="add --yes here")',
        "cli/x.py",
        ["add --yes here"],
    ),
    ('KEPT = "nothing was kept"\nui.warn(KEPT)', "flow/x.py", ["nothing was kept"]),
    ('ui.say(msg.SAVED.format(files=plural(n, "file")))', "cli/x.py", []),
    ('ui.say(shipped.words("first-steps")["primer_first"])', "cli/x.py", []),
    ('raise UsageError(msg.UNKNOWN.format(given=x, allowed=", ".join(FORMATS)))', "cli/x.py", []),
    (
        'FORMATS = ("markdown", "html")\nraise UsageError(msg.X.format(formats=FORMATS))',
        "cli/x.py",
        [],
    ),
    (
        'def f():\n    return "No entries match; try again."',
        "views/x.py",
        ["No entries match; try again."],
    ),
    ('def f():\n    return "No entries match; try again."', "render/x.py", []),
    (
        'def f():\n    return f"{where} is a folder; give a file."',
        "cli/x.py",
        ["{} is a folder; give a file."],
    ),
    (
        'x = "partsjournal is not allowed to use it."',
        "cli/x.py",
        ["partsjournal is not allowed to use it."],
    ),
    (
        'x = "No entries yet. Start with: partsjournal exercise primer"',
        "views/x.py",
        ["No entries yet. Start with: partsjournal exercise primer"],
    ),
    ('x = f"partsjournal exercise {name}"', "flow/x.py", []),
    ('x = "SELECT data FROM blobs WHERE rel = ?"', "core/x.py", []),
    ('@click.option("--all", help="List every entry.")\ndef f(): ...', "cli/x.py", []),
    ('COMMANDS = {"show": ("entries", "Show one entry with every answer.")}', "cli/x.py", []),
    ('def f():\n    """Say it all once. It is done."""', "core/x.py", []),
]


@pytest.mark.parametrize(("source", "where", "expected"), SCANNED)
def test_the_scan_finds_each_kind_of_message_and_nothing_else(
    source: str, where: str, expected: list[str]
) -> None:
    """The scan above would pass on a scan that finds nothing: here it finds each kind."""
    found = messages_in(ast.parse(source), where, frozenset(ERROR_BASES | {"UnreadableFile"}))
    assert sorted(text for _, text in found) == sorted(expected)


def test_the_error_types_scanned_are_every_kind_of_user_error() -> None:
    assert {"JournalError", "UsageError", "UnreadableFile", "InvalidEntry", "TOMLError"} <= (
        error_types()
    )


def test_every_import_of_the_messages_calls_them_msg() -> None:
    """The checks below find a message by ``msg.NAME``: every module reads them under that name."""
    for path in MODULES:
        for node in walked(parsed(path)):
            if isinstance(node, ast.ImportFrom) and node.module == "partsjournal.core":
                for alias in node.names:
                    if alias.name == "messages":
                        assert alias.asname == "msg", rel(path)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "partsjournal.core.messages"
            ):
                pytest.fail(f"{rel(path)} imports from inside the messages package")


# ----------------------------------------------------------------------- written once


def defined() -> dict[str, tuple[str, str]]:
    """Every message: name -> (its module in core/messages, its text)."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        for node in parsed(path).body:
            if isinstance(node, ast.Assign):
                name = node.targets[0]
                assert isinstance(name, ast.Name), path.name
                assert name.id not in out, (
                    f"{name.id} is defined in {out[name.id][0]} and {path.name}"
                )
                text = text_of(node.value)
                assert text is not None, f"{name.id} in {path.name} is not a string literal"
                out[name.id] = (path.name, text)
    return out


def shape(text: str) -> str:
    """A sentence as it reads whatever its values: spaces evened out, each value ``{}``."""
    return re.sub(r"\{[^{}]*\}", "{}", " ".join(text.split())).casefold()


def care_sentences() -> dict[str, str]:
    """Care's words of three words or more (alone, or in a tuple, list or dict): shape -> name."""
    out = {}
    for name, value in vars(care_words).items():
        items = list(value.values()) if isinstance(value, dict) else value
        for item in (
            [items] if isinstance(items, str) else items if isinstance(items, list | tuple) else []
        ):
            if isinstance(item, str) and len(item.split()) >= 3:
                out[shape(item)] = name
    return out


def test_no_sentence_is_written_twice() -> None:
    every = defined()
    assert set(every) == {n for n in vars(msg) if n.isupper()}  # the package reads as one
    seen: dict[str, str] = {}
    for name, (_, text) in every.items():
        assert shape(text) not in seen, f"{name} says what {seen[shape(text)]} says: {text!r}"
        seen[shape(text)] = name
    care = care_sentences()
    twice = {name: care[shape(text)] for name, (_, text) in every.items() if shape(text) in care}
    assert twice == {}, "written in the messages and again in flow/care_words.py"


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Skipped {f}: {reason}.", "Skipped {path}: {why}.", True),
        ("Nothing  was\nwritten.", "Nothing was written.", True),
        ("Nothing was written.", "Nothing was added.", False),
        ("Saved {name}.", "Saved {name}", False),
    ],
)
def test_two_sentences_are_the_same_whatever_their_values_and_spaces(
    one: str, other: str, same: bool
) -> None:
    assert (shape(one) == shape(other)) is same


# ----------------------------------------------------------------------- filled as named


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def message_name(node: ast.AST) -> str | None:
    """``NAME`` for an expression ``msg.NAME``."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "msg"
        and node.attr.isupper()
    ):
        return node.attr
    return None


def formatted(node: ast.AST) -> list[ast.Attribute]:
    """The ``msg.NAME`` that ``node.format(...)`` fills: ``msg.NAME``, or either one of
    ``(msg.A if ... else msg.B)``."""
    if isinstance(node, ast.IfExp):
        return formatted(node.body) + formatted(node.orelse)
    return [node] if isinstance(node, ast.Attribute) and message_name(node) else []


def fill_problems(tree: ast.Module, where: str, every: dict[str, str], used: set[str]) -> list[str]:
    """What is wrong with how ``tree`` fills the messages ``every`` (name -> text); the names
    it says are added to ``used``."""
    problems = []
    filled: set[int] = set()
    for node in walked(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr != "format":
                continue
            for ref in formatted(node.func.value):
                name = message_name(ref)
                filled.add(id(ref))
                given = {k.arg for k in node.keywords}
                if node.args or None in given or given != fields(every.get(name or "", "")):
                    problems.append(f"{where}:{node.lineno} {name} given {sorted(map(str, given))}")
    for node in walked(tree):
        name = message_name(node)
        if name is None:
            continue
        used.add(name)
        if name not in every:
            problems.append(f"{where}:{node.lineno} no message {name}")
        elif fields(every[name]) and id(node) not in filled:
            problems.append(f"{where}:{node.lineno} {name} said with its {{}} unfilled")
    return problems


def test_every_message_is_filled_with_exactly_the_values_it_names() -> None:
    """A template is filled with :meth:`str.format` and every value it names, by name and
    nothing more (a missing one fails only when that message is said); one that names no
    value is never formatted. Every message is said somewhere."""
    every = {name: text for name, (_, text) in defined().items()}
    used: set[str] = set()
    problems = [p for path in MODULES for p in fill_problems(parsed(path), rel(path), every, used)]
    assert problems == []
    assert sorted(set(every) - used) == [], "messages nobody says"
    for name, text in every.items():
        if not fields(text):
            assert "{{" not in text and "}}" not in text, name  # shown as written


FILLED = {"SAVED": "Saved {name}.", "DONE": "Done.", "MOVED": "Moved {name} to {where}."}


@pytest.mark.parametrize(
    ("source", "wrong"),
    [
        ("ui.say(msg.SAVED.format(name=n))", []),
        ("ui.say(msg.DONE)", []),
        ("ui.say((msg.SAVED if a else msg.MOVED).format(name=n))", ["MOVED given ['name']"]),
        ("ui.say(msg.SAVED)", ["SAVED said with its {} unfilled"]),
        ("ui.say(msg.SAVED.format(name=n, where=w))", ["SAVED given ['name', 'where']"]),
        ("ui.say(msg.SAVED.format(n))", ["SAVED given []"]),
        ("ui.say(msg.SAVED.format(**values))", ["SAVED given ['None']"]),
        ("ui.say(msg.DONE.format(name=n))", ["DONE given ['name']"]),
        ("x = msg.SAVED\nui.say(x.format(name=n))", ["SAVED said with its {} unfilled"]),
        ("ui.say(msg.GONE)", ["no message GONE"]),
    ],
)
def test_the_fill_check_finds_each_wrong_way_to_fill_a_message(
    source: str, wrong: list[str]
) -> None:
    found = fill_problems(ast.parse(source), "x.py", FILLED, set())
    assert [p.split(" ", 1)[1] for p in found] == wrong


# ----------------------------------------------------------------------- caught in one place


def user_error_handlers() -> list[tuple[str, int, str]]:
    """(module, line, that line) of every ``except`` that catches JournalError or UsageError
    themselves (not one particular kind of them, such as UnreadableFile)."""
    out = []
    for path in MODULES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in walked(parsed(path)):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                if any(
                    ast.unparse(c) in {"JournalError", "UsageError", "errors.JournalError"}
                    for c in caught
                ):
                    out.append((rel(path), node.lineno, lines[node.lineno - 1]))
    return out


def test_user_errors_are_caught_only_at_the_one_catch_point_or_say_why() -> None:
    """cli/root's JournalGroup.invoke prints every user error; any other place that catches
    one says, on its line, why it is caught there ("# caught here: ...")."""
    root = SRC / "cli" / "root.py"
    invoke = next(
        node
        for node in walked(parsed(root))
        if isinstance(node, ast.FunctionDef) and node.name == "invoke"
    )
    the_catch_point = [
        h.lineno
        for h in ast.walk(invoke)
        if isinstance(h, ast.ExceptHandler)
        and h.type is not None
        and ast.unparse(h.type) == "JournalError"
    ]
    assert len(the_catch_point) == 1
    others = [
        h for h in user_error_handlers() if (h[0], h[1]) != ("cli/root.py", the_catch_point[0])
    ]
    unexplained = [f"{where}:{line}" for where, line, text in others if CAUGHT_HERE not in text]
    assert unexplained == []
    # each one, where it is (a new one is added here once it says why)
    assert Counter(where for where, _, _ in others) == {
        "cli/root.py": 1,  # a note's part linked later
        "core/config.py": 1,  # the default support card while the settings file is broken
        "flow/care.py": 1,  # no tender steps when their file cannot be read
        "flow/care_ground.py": 1,  # care goes on without its grounding file
        "flow/draft_keeper.py": 1,  # a refused save says where the answers are kept
        "flow/editing.py": 3,  # an edit refused or cut short keeps what was typed
        "flow/measures_asked.py": 2,  # a measure's draft orphaned; a measure not ready
        "flow/runner.py": 1,  # an exercise's draft orphaned
    }
