"""Any locale, any Unicode form, any path: words stored exactly as typed, compared in
one form, shown literally; crossing merges refused; two parts with one name named."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partsjournal.cli import root
from partsjournal.core import config, crypt, entry, matching, part_merges, parts
from tests.conftest import ROOT, Cli, entry_files
from tests.helpers import fake_editor

# --- files are UTF-8 whatever the locale -------------------------------------------------

WORDS = "Zoë felt it — tight, 胸が苦しい ✓"


def c_locale() -> dict[str, str]:
    """The C locale with Python's UTF-8 mode off: the locale encoding is ASCII."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    return {**env, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONPATH": str(ROOT)}


@pytest.mark.parametrize("how", ["argument", "standard input"])
def test_under_the_c_locale_a_note_is_stored_exactly(tmp_path: Path, how: str) -> None:
    home = tmp_path / "jöurnal"  # the journal's own path is not ASCII either
    args = ["note", WORDS] if how == "argument" else ["note", "-"]
    proc = subprocess.run(
        [sys.executable, "-m", "partsjournal", "--home", str(home), *args, "--part", "Zoë"],
        env=c_locale(),
        input=WORDS.encode("utf-8") if how == "standard input" else None,
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    [path] = (home / "entries").rglob("*.toml")
    data = tomllib.loads(path.read_bytes().decode("utf-8"))
    assert [a["value"] for a in data["answers"]] == [WORDS, "Zoë"]
    [part] = (home / "parts").glob("*.toml")
    assert tomllib.loads(part.read_text(encoding="utf-8"))["name"] == "Zoë"


def test_under_the_c_locale_exercise_and_answers_files_read_as_utf8(tmp_path: Path) -> None:
    home = tmp_path / "journal"
    (home / "exercises").mkdir(parents=True)
    (home / "exercises" / "words.toml").write_text(
        'name = "words"\ntitle = "Words"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\nid = "a"\nkind = "text"\ntext = "Was ist da — jetzt?"\n',
        encoding="utf-8",
    )
    answers = tmp_path / "ånswers.toml"
    answers.write_text(f'a = "{WORDS}"\n', encoding="utf-8")
    run = [sys.executable, "-m", "partsjournal", "--home", str(home)]
    saved = subprocess.run(
        [*run, "exercise", "words", "--answers", str(answers)], env=c_locale(), capture_output=True
    )
    assert saved.returncode == 0, saved.stderr.decode("utf-8", "replace")
    [path] = (home / "entries").rglob("*.toml")
    data = tomllib.loads(path.read_bytes().decode("utf-8"))
    assert data["title"] == "Words"  # shown on screen: any stream encoding is home's part
    assert [(a["prompt"], a["value"]) for a in data["answers"]] == [("Was ist da — jetzt?", WORDS)]


def locale_escaped(text: str) -> str:
    """What Python hands over for ``text`` typed on a UTF-8 terminal under the C locale
    with UTF-8 mode off: ASCII, and a stand-in for every other byte."""
    return text.encode("utf-8").decode("ascii", "surrogateescape")


@settings(max_examples=200)
@given(words=st.text(st.characters(blacklist_categories=("Cs",))))
def test_arguments_are_read_as_utf8_again_and_paths_stay_as_given(words: str) -> None:
    escaped = locale_escaped(words)
    assert root.as_typed(["note", escaped]) == ["note", words]
    for option in root.PATH_OPTIONS:
        assert root.as_typed([option, escaped, "x"]) == [option, escaped, "x"]
        assert root.as_typed([f"{option}={escaped}"]) == [f"{option}={escaped}"]


# --- names and searches in one Unicode form ----------------------------------------------

ACCENTED = st.lists(
    st.sampled_from(list("aeiouzAEZ ëéèüöåñçÅÉ")) | st.sampled_from(["ø", "ß", "ﬁ", "Ω"]),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ACCENTED.filter(lambda n: n.strip()))
def test_a_name_in_any_unicode_form_is_one_part_and_is_stored_as_typed(
    name: str, home: Path
) -> None:
    forms = {unicodedata.normalize(f, name) for f in ("NFC", "NFD")}
    keys = {matching.key(form) for form in forms}
    assert len(keys) == 1
    known = [parts.Part(id="x", name=unicodedata.normalize("NFC", name).strip())]
    for form in forms:
        assert parts.find(form, known) is known[0]
        assert matching.bare(form) == matching.bare(unicodedata.normalize("NFC", form))


def test_zoe_typed_in_nfc_and_in_nfd_is_one_part(home: Path, cli: Cli) -> None:
    nfc, nfd = unicodedata.normalize("NFC", "Zoë"), unicodedata.normalize("NFD", "Zoë")
    assert nfc != nfd
    assert cli("note", "first", "--part", nfc).exit_code == 0
    assert cli("note", "second", "--part", nfd).exit_code == 0
    assert [p.name for p in parts.load_all()] == [nfc]
    answers = [a.value for p in entry_files(home) for a in entry.load(p).answers]
    assert nfd in answers and nfc in answers  # each stored exactly as typed
    shown = cli("parts", "show", nfd)
    assert shown.exit_code == 0 and "2 entries" in shown.stdout


@pytest.mark.parametrize(("stored", "typed"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_grep_finds_the_words_in_the_other_form(
    home: Path, cli: Cli, stored: str, typed: str
) -> None:
    assert cli("note", unicodedata.normalize(stored, "Ça m'a touchée, Zoë")).exit_code == 0
    for _ in range(2):  # from the files, then from the index they built
        found = cli("entries", "--grep", unicodedata.normalize(typed, "TOUCHÉE, ZOË"))
        assert found.exit_code == 0 and "1 entry" in found.stdout


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ACCENTED.filter(lambda n: n.strip()), typed=st.sampled_from(["NFC", "NFD"]))
def test_a_contact_named_in_any_unicode_form_is_one_person_on_the_card(
    name: str, typed: str, home: Path
) -> None:
    """The support card compares names as parts and searches do (core/matching): adding
    again in the other form, another case or with extra spaces changes how to reach the
    person; removing in any form removes them. The name stays as first typed."""
    (home / "config.toml").unlink(missing_ok=True)
    stored = unicodedata.normalize("NFD" if typed == "NFC" else "NFC", name).strip()
    config.add_contact(stored, "call 555 0100")
    again = "  " + unicodedata.normalize(typed, name).upper() + " "
    config.add_contact(again, "text instead")
    assert [(c.name, c.reach) for c in config.load().contacts] == [(stored, "text instead")]
    config.remove_contact(unicodedata.normalize(typed, name).casefold())
    assert config.load().contacts == []


# --- crossing merges ----------------------------------------------------------------------


def test_a_merge_of_parts_merged_meanwhile_is_refused_and_leaves_no_circle(home: Path) -> None:
    """Two windows: each read both parts, then one merged A into B; the other's B into A
    is refused, so the two never end in a circle."""
    a, b = parts.create("Alpha"), parts.create("Beta")
    seen_a, seen_b = parts.read_one(a.id), parts.read_one(b.id)  # the second window's view
    part_merges.merge(a, b)
    with pytest.raises(Exception, match="merged by another command a moment ago"):
        part_merges.merge(seen_b, seen_a)
    index = parts.everything()
    assert not parts.in_circle(a.id, index) and parts.live_id(a.id, index) == b.id


CROSSING = """
import sys, time
from partsjournal.core import part_merges, parts
a, b = parts.resolve(sys.argv[1]), parts.resolve(sys.argv[2])
while time.time() < float(sys.argv[3]):
    pass
try:
    part_merges.merge(a, b)
    print("merged")
except Exception as exc:
    print("refused", type(exc).__name__)
"""


@pytest.mark.slow
def test_crossing_merges_in_two_processes_never_both_happen(home: Path) -> None:
    """16 times, two processes merge A into B and B into A at the same moment."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    import time

    for trial in range(16):
        a, b = f"Alpha {trial}", f"Beta {trial}"
        parts.create(a), parts.create(b)
        start = time.time() + 0.5
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", CROSSING, x, y, str(start)],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            for x, y in ((a, b), (b, a))
        ]
        said = sorted(p.communicate(timeout=60)[0].split()[0] for p in procs)
        assert said == ["merged", "refused"], (trial, said)
        index = parts.everything()
        ids = [parts.resolve(a).id, parts.resolve(b).id]
        assert not any(parts.in_circle(i, index) for i in ids)


# --- paths shown literally --------------------------------------------------------------


def test_a_home_path_with_control_characters_never_reaches_the_terminal_raw(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, protector_answers: Path
) -> None:
    home = tmp_path / "j\x1b[31mour\x07nal\x9b"
    monkeypatch.setenv("PARTSJOURNAL_HOME", str(home))
    # no editor on the PATH, whatever the machine has (a real one would wait for a terminal)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    out = tmp_path / "week.md"
    shown = ""
    for args in (
        ["exercise", "protector", "--answers", str(protector_answers)],
        ["note", "a note"],
        ["entries"],
        ["review", "--output", str(out)],
        ["config"],
        ["session", "add", "2026-11-19"],
        ["edit", "last"],  # no editor: says so, naming nothing raw
        ["show", "nothing-like-this"],
    ):
        result = cli(*args)
        shown += result.stdout + result.stderr
    assert "No editor was found" in shown
    # an edit that is refused names where what was typed is kept: inside the journal
    fake_editor(tmp_path, monkeypatch, "p.write_text('not an entry [[[', encoding='utf-8')")
    result = cli("edit", "last")
    assert "kept in" in result.stderr
    shown += result.stdout + result.stderr
    assert "saved in" in shown and "\\x1b" in shown  # the path is there, written out
    assert not any(c in shown for c in "\x1b\x07\x9b")


# --- two parts with one name ----------------------------------------------------------


def test_two_parts_sharing_a_name_are_named_and_the_merge_offered_works(
    home: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two devices each met "The Critic" in an encrypted journal: two parts, random ids."""
    from tests.crypt_helpers import key_file

    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    first = parts.create("The Critic")
    second = parts.create("the critic", part_id=parts.free_id("The Critic"))
    assert first.id != second.id and crypt.is_encrypted()
    listing = cli("parts")
    assert listing.exit_code == 0
    [hint] = [line for line in listing.stderr.splitlines() if "parts are called" in line]
    assert first.id in hint and second.id in hint
    merge = hint.split("with: ", 1)[1].split()
    assert cli(*merge[1:], "--yes").exit_code == 0
    after = cli("parts")
    assert "parts are called" not in after.stderr
    [one] = parts.load_all()
    assert matching.key(one.name) == "the critic"


def test_parts_show_says_another_part_has_the_same_name(home: Path, cli: Cli) -> None:
    parts.create("The Critic")
    parts.create("The Critic", part_id="the-critic-2")
    shown = cli("parts", "show", "The Critic")
    assert shown.exit_code == 0 and "2 parts are called The Critic" in shown.stderr
    assert cli("parts", "show", "the-critic-2").exit_code == 0  # each can be named by id
