"""Kept for the therapist: the care record of an entry (format, type checks, round trip), and
where it is read: review's "Worth noticing", session show and export (observation 2)."""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partsjournal.core import care_record as rec
from partsjournal.core import drafts, entry, sessions, store
from partsjournal.core import vocabulary as vocab
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry, new_id, save_new
from partsjournal.flow import care_words, exercises, runner
from partsjournal.flow.engine import Run
from partsjournal.render import care_lines
from partsjournal.views import care_summary
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import TODAY, flat_screen, write_dialogue

OFFER = "ground yourself first"
ZONE = timezone(timedelta(hours=1))


def moment(hour: int, minute: int = 0, day: int = 22) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def with_care(
    items: list[CareItem], *, day: int = 22, title: str = "After-session check-in"
) -> Entry:
    e = Entry(
        id=new_id(moment(21, 0, day)),
        created=moment(21, 0, day),
        exercise="after-session",
        exercise_version=3,
        title=title,
        care=items,
    )
    save_new(e)
    return e


HELD = [
    CareItem(moment(21, 3), rec.RATING, 10, rec.MIDDLE, "part_worry"),
    CareItem(moment(21, 3), rec.GROUNDING, rec.DECLINED),
    CareItem(moment(21, 4), rec.SAFE, False),
    CareItem(moment(21, 4), rec.CARD, rec.SHOWN),
    CareItem(moment(21, 5), rec.GOING_ON, rec.TOO_MUCH),
    CareItem(moment(21, 9), rec.SAFE, False, rec.IN_GROUNDING),
    CareItem(moment(21, 12), rec.STOP, rec.STOPPED),
]


# --------------------------------------------------------------------------- in the file


def held_run(home: Path) -> Entry:
    write_dialogue(home)
    asker = FakeAsker(
        {"level": 9},
        [
            (OFFER, care_words.NOT_NOW),
            (care_words.SAFE, False),
            ("What is going on", "I would rather not say"),
            (care_words.HOLD_ASK, care_words.HOLD_STOP),
        ],
    )
    saved = runner.walk_and_save(Run(exercise=exercises.get("dialogue")), asker, TODAY)
    assert saved is not None
    return saved


def test_the_entry_file_keeps_the_care_record_with_each_moment_dated(home: Path) -> None:
    held_run(home)
    [path] = entry_files(home)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == entry.CARE_SCHEMA
    assert [(c["kind"], c["value"]) for c in data["care"]] == [
        ("rating", 9), ("grounding", "declined"), ("safe", False), ("card", "shown"),
        ("going-on", "rather not say"), ("stop", "stopped"),
    ]  # fmt: skip
    assert all(c["at"] == TODAY for c in data["care"])  # when it was said, with its offset


def test_a_calm_run_keeps_no_care_record_and_the_first_schema(home: Path) -> None:
    write_dialogue(home)
    asker = FakeAsker(
        {"level": 3, "part": "P", "feelings": "f", "fears": "g", "stirred_now": "", "deeper": "d"}
    )
    asker.answers["after"] = 2
    assert runner.walk_and_save(Run(exercise=exercises.get("dialogue")), asker, TODAY) is not None
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert data["schema"] == 1 and "care" not in data  # older versions read it as before


BAD_ITEMS: dict[str, dict[str, Any]] = {
    "no time": {"kind": "safe", "value": False},
    "a time with no offset": {"at": datetime(2026, 11, 22, 21), "kind": "safe", "value": False},
    "a date, not a time": {"at": date(2026, 11, 22), "kind": "safe", "value": False},
    "no kind": {"at": moment(21), "value": 3},
    "a kind that is a number": {"at": moment(21), "kind": 5, "value": 3},
    "a decimal value": {"at": moment(21), "kind": "rating", "value": 2.5},
    "a table for a value": {"at": moment(21), "kind": "note", "value": {"a": 1}},
    "a rating that is text": {"at": moment(21), "kind": "rating", "value": "ten"},
    "a rating above 10": {"at": moment(21), "kind": "rating", "value": 11},
    "a rating that is yes": {"at": moment(21), "kind": "rating", "value": True},
    "a safety answer in words": {"at": moment(21), "kind": "safe", "value": "no"},
    "a moment that is a number": {"at": moment(21), "kind": "safe", "value": True, "moment": 1},
    "a step that is a list": {"at": moment(21), "kind": "safe", "value": True, "step": ["a"]},
    "an unknown key": {"at": moment(21), "kind": "safe", "value": True, "colour": "teal"},
}


@pytest.mark.parametrize("bad", list(BAD_ITEMS), ids=list(BAD_ITEMS))
def test_a_care_record_is_read_with_the_type_checks_of_every_field(home: Path, bad: str) -> None:
    e = with_care([CareItem(moment(21), rec.SAFE, False)])
    assert e.path is not None
    data = store.read_toml(e.path)
    data["care"] = [BAD_ITEMS[bad]]
    store.write_toml(e.path, data)
    before = e.path.read_bytes()
    warnings: list[str] = []
    assert entry.load_range(warn=warnings.append) == []
    assert len(warnings) == 1 and e.path.name in warnings[0] and "care" in warnings[0]
    assert e.path.read_bytes() == before  # skipped, never changed


def test_care_that_is_not_a_list_is_refused_too(home: Path) -> None:
    e = with_care([CareItem(moment(21), rec.SAFE, False)])
    assert e.path is not None
    data = store.read_toml(e.path)
    data["care"] = {"kind": "safe"}
    store.write_toml(e.path, data)
    warnings: list[str] = []
    assert entry.load_range(warn=warnings.append) == [] and "care" in warnings[0]


def test_a_newer_schema_may_add_keys_to_a_care_item_and_they_are_kept(home: Path) -> None:
    e = with_care([CareItem(moment(21), rec.SAFE, False)])
    assert e.path is not None
    data = store.read_toml(e.path)
    data["schema"] = entry.SCHEMA_VERSION + 1
    data["care"][0]["seen_by"] = "nobody"
    store.write_toml(e.path, data)
    [read] = entry.load_range()
    assert read.care[0].extra == {"seen_by": "nobody"}
    assert read.to_dict()["care"][0]["seen_by"] == "nobody"


items = st.builds(
    CareItem,
    at=st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(ZONE)
    ).map(lambda d: d.replace(microsecond=0)),
    kind=st.sampled_from([rec.NOTE, rec.THOUGHTS, rec.GOING_ON, "a-kind-from-later"]),
    value=st.one_of(st.text(), st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    moment=st.one_of(st.none(), st.sampled_from(rec.MOMENTS), st.text(min_size=1)),
    step=st.one_of(st.none(), st.text(min_size=1)),
)
ratings = st.builds(
    CareItem,
    at=st.just(moment(21)),
    kind=st.just(rec.RATING),
    value=st.integers(0, 10),
    moment=st.sampled_from(rec.MOMENTS),
)
safety = st.builds(CareItem, at=st.just(moment(22)), kind=st.just(rec.SAFE), value=st.booleans())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(items, ratings, safety), min_size=1, max_size=6))
def test_every_care_record_comes_back_from_its_file_unchanged(
    home: Path, kept: list[CareItem]
) -> None:
    e = with_care(kept)
    assert e.path is not None
    back = entry.load(e.path)
    assert back.care == kept
    e.path.unlink()


def test_a_draft_keeps_the_run_safety_state_and_reads_it_with_the_same_checks(
    home: Path,
) -> None:
    d = drafts.Draft(
        id=new_id(TODAY), exercise="hard", exercise_version=1, title="t",
        created=TODAY, updated=TODAY, care=list(HELD),
    )  # fmt: skip
    drafts.save(d)
    [back] = drafts.load_all()
    assert back.care == HELD
    assert d.path is not None
    data = store.read_toml(d.path)
    data["care"][0]["value"] = "ten"
    store.write_toml(d.path, data)
    warnings: list[str] = []
    assert drafts.load_all(warn=warnings.append) == [] and "care" in warnings[0]


# --------------------------------------------------------------------------- read back


def test_the_summary_names_what_is_worth_noticing() -> None:
    note = care_summary.of_entry(
        Entry(
            id="x", created=moment(21), exercise="e", exercise_version=1, title="T",
            care=[
                *HELD,
                CareItem(moment(21, 20), rec.RATING, 8, rec.TENDER),
                CareItem(moment(21, 20), rec.RISK, rec.SELF_HARM),
                CareItem(moment(21, 20), rec.THOUGHTS, rec.IN_PASSING, rec.DAILY),
            ],
        )
    )  # fmt: skip
    assert note is not None and note.notable
    assert (note.not_safe, note.peak, note.flooded) == (2, 10, True)
    assert note.risks == [rec.SELF_HARM] and note.thoughts == [rec.IN_PASSING]
    assert note.going_on == [rec.TOO_MUCH] and note.grounding == [rec.DECLINED] and note.stopped


@pytest.mark.parametrize("risk", rec.RISKS)
def test_a_risk_is_said_to_the_person_in_the_review_and_in_their_own_words_in_the_record(
    risk: str,
) -> None:
    """Walked in a terminal: the brief, written in the person's voice ("I am bringing them"),
    said "named urges to hurt yourself". The record (show, export, brief) keeps the choice
    as it was chosen; the review, which speaks to the person, says "you named ... yourself"."""
    item = CareItem(moment(21), rec.RISK, risk)
    chosen = next(c for c, r in vocab.URGE_RISKS.items() if r == risk)
    assert care_lines.item_words(item) == f"named {chosen}"
    note = care_summary.of_entry(
        Entry(id="x", created=moment(21), exercise="e", exercise_version=1, title="T", care=[item])
    )
    assert note is not None and f"you named {care_lines.RISK_WORDS[risk]}" in care_lines.summary(
        note
    )
    for words in (care_lines.item_words(item), *care_lines.GOING_ON_WORDS.values()):
        assert not {"you", "your", "yourself"} & set(words.split()), words


def note_of(*care: CareItem) -> care_summary.CareNote:
    e = Entry(id="x", created=moment(21), exercise="e", exercise_version=1, title="T", care=[*care])
    note = care_summary.of_entry(e)
    assert note is not None
    return note


def not_safe_then(going_on: str, *more: CareItem) -> list[CareItem]:
    """ "Do you feel safe right now?" no, then "What is going on?" answered ``going_on``."""
    return [
        CareItem(moment(21, 4), rec.SAFE, False),
        CareItem(moment(21, 5), rec.GOING_ON, going_on),
        *more,
    ]


def test_every_going_on_answer_has_words_for_the_review() -> None:
    """A new answer to "What is going on?" fails here until the review can say it: in the
    person's "you", each in words of its own, and none saying "not safe" again (it follows
    "you said you did not feel safe"). Only "rather not say" adds nothing: it is their choice."""
    said = care_lines.GOING_ON_SAID
    assert set(said) == set(rec.GOING_ON_ANSWERS)
    assert [g for g, words in said.items() if not words] == [rec.RATHER_NOT_SAY]
    spoken = [words for words in said.values() if words]
    assert len(set(spoken)) == len(spoken)
    for words in spoken:
        assert words.split()[0] in {"you", "your"}, words
        assert not {"my", "myself", "I"} & set(words.split()), words
        assert "feel safe" not in words, words


@pytest.mark.parametrize("going_on", rec.GOING_ON_ANSWERS)
def test_the_summary_names_what_was_going_on_in_the_persons_you(going_on: str) -> None:
    """Walked in a terminal: "Thoughts of ending my life" after "not safe" was in the export
    and missing from the review, the most serious thing said that day."""
    said = care_lines.summary(note_of(*not_safe_then(going_on)))
    opening = "Sun 22 Nov, T: you said you did not feel safe"
    words = care_lines.GOING_ON_SAID[going_on]
    assert said.startswith(f"{opening}; {words}. " if words else f"{opening}. ")
    assert not {"my", "myself", "I"} & set(said.replace(".", " ").split())


THOUGHTS_ONCE = {
    "the plain question says how they came up": (
        [CareItem(moment(21, 6), rec.THOUGHTS, rec.RIGHT_NOW, rec.WORDS)],
        "you named thoughts of ending your life; when asked about them, you said they came "
        "up right then",
    ),
    "in passing earlier": (
        [CareItem(moment(21, 1), rec.THOUGHTS, rec.IN_PASSING, rec.DAILY)],
        "you named thoughts of ending your life; when asked about them, you said they came "
        "up in passing",
    ),
    "chosen among the urges too": (
        [CareItem(moment(21, 6), rec.RISK, rec.ENDING_LIFE)],
        "you named thoughts of ending your life",
    ),
}


@pytest.mark.parametrize("case", list(THOUGHTS_ONCE), ids=list(THOUGHTS_ONCE))
def test_thoughts_of_ending_your_life_named_as_what_was_going_on_are_said_once(
    case: str,
) -> None:
    more, expected = THOUGHTS_ONCE[case]
    said = care_lines.summary(note_of(*not_safe_then(rec.THOUGHTS_OF_ENDING, *more)))
    assert f"you said you did not feel safe; {expected}. " in said
    assert said.count("ending your life") == 1 and "came up (" not in said


def test_an_urge_named_as_what_was_going_on_and_among_the_urges_is_said_once() -> None:
    more = CareItem(moment(21, 6), rec.RISK, rec.SELF_HARM)
    said = care_lines.summary(note_of(*not_safe_then(rec.URGE_TO_HURT, more)))
    assert "you named an urge to hurt yourself" in said and "urges" not in said
    other = care_lines.summary(note_of(*not_safe_then(rec.TOO_MUCH, more)))
    assert "you said it was too much" in other and "you named urges to hurt yourself" in other


@pytest.mark.parametrize("going_on", rec.GOING_ON_ANSWERS)
def test_review_week_names_what_was_going_on_from_the_entry_on_disk(
    home: Path, cli: Cli, going_on: str
) -> None:
    with_care(not_safe_then(going_on, CareItem(moment(21, 6), rec.CARD, rec.SHOWN)))
    shown = flat_screen(cli("review", "--week").stdout)
    opening = "Sun 22 Nov, After-session check-in: you said you did not feel safe"
    words = care_lines.GOING_ON_SAID[going_on]
    assert (f"{opening}; {words}. " if words else f"{opening}. ") in shown


@pytest.mark.parametrize(
    ("care", "notable"),
    [
        ([CareItem(moment(21), rec.RATING, 8, rec.START)], False),  # 8 alone: offered grounding
        ([CareItem(moment(21), rec.RATING, 9, rec.START)], True),
        ([CareItem(moment(21), rec.SAFE, False)], True),
        ([CareItem(moment(21), rec.SAFE, True)], False),
        ([CareItem(moment(21), rec.RATING, 8, rec.TENDER)], True),  # a tender part flooded
        ([CareItem(moment(21), rec.RATING, 7, rec.TENDER)], False),
        ([CareItem(moment(21), rec.RISK, rec.SUBSTANCE)], True),
        ([CareItem(moment(21), rec.THOUGHTS, rec.NO, rec.DAILY)], False),
        ([CareItem(moment(21), rec.THOUGHTS, rec.IN_PASSING, rec.DAILY)], True),
        ([CareItem(moment(21), rec.THOUGHTS, rec.RIGHT_NOW, rec.WORDS)], True),
        ([CareItem(moment(21), rec.GROUNDING, rec.DONE)], False),
    ],
)
def test_what_is_worth_noticing(care: list[CareItem], notable: bool) -> None:
    e = Entry(id="x", created=moment(21), exercise="e", exercise_version=1, title="T", care=care)
    note = care_summary.of_entry(e)
    assert note is not None and note.notable is notable


def care_journal(cli: Cli) -> Entry:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    e = with_care(HELD)
    e.session, e.phase = sessions.load_all()[0].id, "after"
    assert e.path is not None
    store.write_toml(e.path, e.to_dict())
    return e


def test_review_names_it_under_worth_noticing_and_in_distress_and_safety(
    home: Path, cli: Cli
) -> None:
    """Observation 2: the in-exercise "no" and the rest reach the review."""
    care_journal(cli)
    shown = flat_screen(cli("review", "--week").stdout)
    assert "Worth noticing" in shown
    assert (
        "Sun 22 Nov, After-session check-in: you said you did not feel safe (2 times); "
        "you said it was too much; at its hardest it was 10 of 10" in shown
    )
    section = shown[shown.index("Distress and safety") :]  # ratings and safety answers
    assert "did not feel safe" in section and "No distress ratings" not in shown
    md = cli("review", "--format", "markdown").stdout
    assert "## Worth noticing" in md and "you said you did not feel safe" in md
    data = json.loads(cli("review", "--format", "json").stdout)
    [kept] = data["care"]
    assert (kept["not_safe"], kept["peak"], kept["flooded"]) == (2, 10, False)
    assert kept["items"][0] == {
        "at": "2026-11-22T21:03:00+01:00", "kind": "rating", "value": 10, "moment": "middle",
    }  # fmt: skip
    assert data["grounding"]["not_safe"] == 1


def test_an_older_entry_that_said_no_is_noticed_too(home: Path, cli: Cli) -> None:
    from tests.journal_fixtures import write

    write(moment(21), "grounding", [("distress", 6), ("safety", False)], title="A pause")
    shown = flat_screen(cli("review", "--week").stdout)
    assert "Sun 22 Nov, A pause: you said you did not feel safe" in shown


def test_session_show_lists_what_care_noticed(home: Path, cli: Cli) -> None:
    care_journal(cli)
    shown = flat_screen(cli("session", "show", "1").stdout)
    assert "What care noticed around this session" in shown
    assert "After-session check-in: you said you did not feel safe" in shown


def test_show_lists_each_moment_of_the_record_dated_and_marked_as_unseen(
    home: Path, cli: Cli
) -> None:
    """``show`` keeps nothing back that the export and session show give the therapist:
    every item of the record, with its time, in the export's words."""
    e = with_care([*HELD, CareItem(moment(21, 13), rec.NOTE, "[bold]too much[/bold]")])
    shown = flat_screen(cli("show", e.id).stdout)
    assert care_lines.SECTION in shown
    for item in e.care:
        assert care_lines.dated(item.at, care_lines.item_words(item)) in shown
    assert "Sun 22 Nov, 21:04: did not feel safe" in shown
    assert shown.count(care_lines.NOT_SEEN) == 1  # said once, in the section's title
    assert "wrote: “[bold]too much[/bold]”" in shown  # the person's words, never markup
    calm = Entry(
        id=new_id(moment(22, 0)), created=moment(22, 0), exercise="note", exercise_version=1,
        title="A note",
    )  # fmt: skip
    save_new(calm)
    assert care_lines.SECTION not in flat_screen(cli("show", calm.id).stdout)


@pytest.mark.parametrize("highlights", [["--only-highlights"], []])
def test_export_includes_each_moment_dated_and_marked_as_unseen(
    home: Path, cli: Cli, highlights: list[str]
) -> None:
    care_journal(cli)
    args = ["export", "--since", "2026-11-01", *highlights]
    md = cli(*args).stdout
    assert "Nothing is sent anywhere by partsjournal: nobody saw these" in flat_screen(md)
    assert "**What care noticed during this entry (not seen by anyone at the time)**" in md
    assert "- Sun 22 Nov, 21:04: did not feel safe\n" in md
    assert md.count(care_lines.NOT_SEEN) == md.count(care_lines.SECTION)  # once per entry
    assert "- Sun 22 Nov, 21:03: stirred up: 10 of 10, in the middle" in md
    data = json.loads(cli(*args, "--format", "json").stdout)
    assert data["care"] is True
    [item] = data["entries"]
    assert [c["said"] for c in item["care"]][:3] == [
        "stirred up: 10 of 10, in the middle", "grounding offered, not taken", "did not feel safe",
    ]  # fmt: skip
    assert {c["seen_in_real_time"] for c in item["care"]} == {False}
    assert item["care"][0]["at"] == "2026-11-22T21:03:00+01:00"


def test_leaving_care_out_of_the_export_is_the_persons_explicit_choice(
    home: Path, cli: Cli
) -> None:
    care_journal(cli)
    args = ["export", "--since", "2026-11-01", "--only-highlights", "--without-care"]
    md = cli(*args).stdout
    assert "did not feel safe" not in md and "left out, as you chose" in md
    data = json.loads(cli(*args, "--format", "json").stdout)
    assert data["care"] is False and data["entries"][0]["care"] == []
