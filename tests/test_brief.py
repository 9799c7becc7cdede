"""``partsjournal brief``: what it gathers, what the person leaves out, and the two forms
it is written in (markdown, and one self-contained HTML page)."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from partsjournal.core import crypt, parts, sessions
from partsjournal.core import messages as msg
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry, PartRef, new_id, save_new
from partsjournal.core.parts import Part
from partsjournal.flow import brief_pick
from partsjournal.render import brief_html, brief_md
from partsjournal.views import brief as brief_mod
from partsjournal.views.brief import Brief, leave_out
from tests.askers import PAUSE, FakeAsker
from tests.conftest import Cli
from tests.crypt_helpers import key_file
from tests.helpers import TODAY
from tests.journal_fixtures import (
    at,
    make_part,
    measure_result,
    protector,
    set_up_measure,
    write,
)

D = date(2026, 11, 2)  # a Monday; the brief's period is D .. D + 20


def day(n: int) -> date:
    return D + timedelta(days=n)


def about(created: datetime, exercise: str, part: Part, answers: list[tuple[str, object]],
          title: str) -> Entry:  # fmt: skip
    """An entry whose every answer is about ``part``, as the exercises save answers about
    the part in focus (a note for the therapist, a promise, how one felt toward it)."""
    e = Entry(
        id=new_id(created),
        created=created,
        exercise=exercise,
        exercise_version=1,
        title=title,
        answers=[
            Answer(role.replace("-", "_"), "text", "?", value, role, part.id)  # type: ignore[arg-type]
            for role, value in answers
        ],
        parts=[PartRef(part.id, part.name)],
    )
    save_new(e)
    return e


def journal() -> None:
    """One of everything a brief gathers, written the way the exercises write it."""
    sessions.add(day(4), created=TODAY)
    critic = make_part("The Critic", day(0))
    little = parts.create("Little One", met=day(1))
    parts.update(little.id, lambda p: setattr(p, "role", "exile") or True)
    write(at(day(0)), "grounding", [("distress", 9), ("safety", False)], title="A grounding pause")
    write(
        at(day(0), 22), "grounding", [("distress", 5), ("safety", True)], title="A grounding pause"
    )
    about(at(day(1)), "tender-part", little, [("for-therapist", "It was <b>very</b> young")],
          "A tender part")  # fmt: skip
    about(at(day(2)), "prepare", critic, [("promise", True)], "Preparing")
    about(at(day(6)), "after-session", critic, [("part-new-role", "Checks, then rests"),
          ("feel-toward", "wary"), ("feel-toward-after", "warm")], "After the session")  # fmt: skip
    protector(at(day(7)), critic, before=9, after=6)
    write(at(day(8)), "note", [("trailhead", "snapped at J; chest tight")], title="A note")
    write(at(day(3)), "integrate", [("practice:body", "A walk after lunch")], title="Check-in")
    write(at(day(9)), "practice-check", [("practice-outcome:body", "partly")], title="How it went")
    m = set_up_measure("phq-9")
    measure_result(at(day(3)), m, [2, 2, 2, 2, 2, 2, 1, 0, 1])
    measure_result(at(day(17)), m, [1, 1, 1, 1, 0, 0, 0, 0, 0])
    protector(at(day(30)), critic, before=9, after=9)  # after the period: never in it


def gathered() -> Brief:
    return brief_mod.collect(D, day(20))


def texts(brief: Brief, section: str) -> list[str]:
    return [f"{i.key}: {i.text}" for i in brief.section(section)]


def test_a_brief_gathers_each_section_in_order_and_leaves_other_days_out(home: Path) -> None:
    journal()
    b = gathered()
    assert texts(b, "safety") == [
        "safety-1: Mon 2 Nov, A grounding pause: distress 9 of 10",
        "safety-2: Mon 2 Nov, A grounding pause: I said I did not feel safe",
        "safety-3: Thu 5 Nov, PHQ-9 item 9 (a safety question) answered 1, above its lowest "
        "answer; it is shown apart from the total",
    ]
    assert all(i.safety for i in b.section("safety"))
    assert texts(b, "notes") == [
        "notes-1: Tue 3 Nov (about a tender part, Little One): \u201cIt was <b>very</b> young\u201d"
    ]
    assert texts(b, "parts") == [  # in the order they were first met in the period
        "parts-1: Little One, exile: met 1 time",
        "parts-2: The Critic: met 3 times; new role \u201cChecks, then rests\u201d (Sun 8 Nov); "
        "how I felt toward it moved from wary to warm (Sun 8 Nov)",
    ]
    assert texts(b, "promises") == [
        "promises-1: Wed 4 Nov: I promised The Critic to check in with it after the session; "
        "no check-in written yet"
    ]
    assert texts(b, "measures") == [
        "measures-1: PHQ-9: from 14 of 27 (moderate, 10-14) on Thu 5 Nov to 4 of 27 "
        "(minimal, 0-4) on Thu 19 Nov (2 results)"
    ]
    assert texts(b, "practices") == [
        "practices-1: Thu 5 Nov, Body: \u201cA walk after lunch\u201d: partly"
    ]
    assert texts(b, "flare-ups") == [
        "flare-ups-1: Mon 9 Nov, Meeting a protector part (The Critic): activation 9 at the start",
        "flare-ups-2: Tue 10 Nov, a moment that stirred a part: "
        "\u201csnapped at J; chest tight\u201d",
    ]
    assert texts(b, "charts") == ["charts-1: Charts of my ratings and measures"]
    assert [i.section for i in b.items] == sorted(
        (i.section for i in b.items), key=[k for k, _ in brief_mod.SECTIONS].index
    )


def test_a_promise_kept_says_when_the_check_in_was_written(home: Path) -> None:
    critic = make_part("The Critic", day(0))
    about(at(day(1)), "prepare", critic, [("promise", True)], "Preparing")
    kept = about(at(day(5)), "after-session", critic, [("part-feelings", "Relieved")], "After")
    kept.path.unlink()  # type: ignore[union-attr]
    kept.answers[0].step = f"how_{critic.id.replace('-', '_')}"  # as after-session names it
    save_new(kept)
    assert texts(gathered(), "promises") == [
        "promises-1: Tue 3 Nov: I promised The Critic to check in with it after the session; "
        "checked in on Sat 7 Nov"
    ]


@pytest.mark.parametrize(
    ("keys", "left", "note"),
    [
        ([], [], "nobody saw them at the time unless I told someone myself"),
        (["safety-2"], ["safety-2"], "I chose to leave part of the safety record out"),
        (
            ["safety"],
            ["safety-1", "safety-2", "safety-3"],
            "I chose to leave the safety record out",
        ),
        (["notes-1", "charts"], ["notes-1", "charts-1"], "nobody saw them at the time"),
    ],
)
def test_the_person_leaves_out_items_or_sections_and_the_safety_record_says_so(
    home: Path, keys: list[str], left: list[str], note: str
) -> None:
    journal()
    b = leave_out(gathered(), keys)
    assert [i.key for i in b.left_out] == left
    assert not {i.key for i in b.items} & set(left)
    for text in (brief_md.to_markdown(b, encrypted=False, written="today"),
                 brief_html.to_html(b, encrypted=False, written="today")):  # fmt: skip
        assert note in text
        assert ("## Safety record" in text) or ("<h2>Safety record</h2>" in text)


def test_an_empty_period_says_so_and_still_has_its_safety_record(home: Path) -> None:
    b = brief_mod.collect(D, day(3))
    text = brief_md.to_markdown(b, encrypted=False, written="today")
    assert "did not write anything in this period" in text
    assert "## Safety record\n\nNothing of this kind in this period." in text


# --------------------------------------------------------------------------- choosing


def test_at_a_terminal_each_item_is_shown_and_any_can_be_left_out_or_put_back(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal()
    b = gathered()
    picks = [
        ("leave out", "Leave out notes-1: Tue 3 Nov (about a tender part, Little One)"),
        ("leave out", "Leave out all of safety record (safety)"),
        ("leave out", "Put back safety-3: Thu 5 Nov, PHQ-9 item 9"),
        ("leave out", msg.BRIEF_WRITE_CHOICE),
    ]
    asker = FakeAsker(replies=[])
    seen: list[list[str]] = []

    def select(question: str, choices: list[str]) -> str:
        seen.append(choices)
        wanted = picks.pop(0)[1]
        return next(c for c in choices if c.startswith(wanted))

    asker.select = select  # type: ignore[method-assign]
    chosen = brief_pick.choose(b, asker)
    assert chosen is not None
    assert [i.key for i in chosen.left_out] == ["safety-1", "safety-2", "notes-1"]
    assert [i.key for i in chosen.section("safety")] == ["safety-3"]
    shown = capsys.readouterr().out
    assert all(f"{i.key}: " in shown for i in b.items)  # every item was on the screen
    assert "not seen by anyone at the time" in shown
    assert seen[0][0] == msg.BRIEF_WRITE_CHOICE and len(seen[0]) > len(b.items)


def test_stopping_while_choosing_writes_nothing(home: Path) -> None:
    journal()
    asker = FakeAsker(replies=[("leave out", PAUSE)])
    asker.select = lambda q, c: (_ for _ in ()).throw(brief_pick.Paused())  # type: ignore[method-assign]
    assert brief_pick.choose(gathered(), asker) is None


# --------------------------------------------------------------------------- the command


def test_brief_writes_a_private_markdown_file_outside_the_journal(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    journal()
    out = tmp_path / "brief.md"
    result = cli("brief", "--since", str(D), "--until", str(day(20)), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# A brief for my therapist\n")
    assert "It was \\<b\\>very\\</b\\> young" in text  # the person's words, escaped
    assert "*(not seen by anyone at the time)*" in text
    assert "encrypted" not in text


def test_brief_refuses_to_write_inside_the_journal(cli: Cli, home: Path) -> None:
    journal()
    result = cli("brief", "--output", str(home / "brief.md"))
    assert result.exit_code == 2 and "inside the journal folder" in result.stderr
    assert not (home / "brief.md").exists()


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--exclude", "saftey"], "--exclude saftey names nothing in this brief"),
        (["--session", "1", "--since", "2026-11-01"], "either --session or --since"),
        (["--since", "2026-11-20", "--until", "2026-11-01"], "--since is after --until"),
        (["--format", "pdf"], "Unknown --format 'pdf'"),
    ],
)
def test_brief_refuses_what_it_cannot_use(
    cli: Cli, home: Path, args: list[str], problem: str
) -> None:
    journal()
    result = cli("brief", *args)
    assert result.exit_code == 2 and problem in result.stderr


def test_exclude_leaves_items_out_for_scripts(cli: Cli, home: Path) -> None:
    journal()
    result = cli("brief", "--since", str(D), "--until", str(day(20)), "--exclude", "safety",
                 "--exclude", "notes-1")  # fmt: skip
    assert result.exit_code == 0
    assert "I chose to leave the safety record out of this brief." in result.stdout
    assert "very" not in result.stdout and "grounding pause" not in result.stdout


def test_a_session_brief_covers_from_the_session_before_to_the_day_before_the_next(
    cli: Cli, home: Path
) -> None:
    for d in ("2026-10-01", "2026-10-15", "2026-11-05"):
        assert cli("session", "add", d).exit_code == 0
    result = cli("brief", "--session", "2")
    assert "For session 2 (Thursday 15 October 2026): Thursday 1 October 2026 to " in result.stdout
    assert "to Wednesday 4 November 2026." in result.stdout
    latest = cli("brief", "--session", "3").stdout
    assert "Thursday 15 October 2026 to Monday 23 November 2026" in latest


def test_an_encrypted_journal_s_brief_says_this_copy_is_not_encrypted(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal()
    key_file(tmp_path, monkeypatch)
    assert cli("encrypt").exit_code == 0
    for name in ("brief.md", "brief.html"):
        out = tmp_path / name
        result = cli("brief", "--since", str(D), "--output", str(out))
        assert result.exit_code == 0, result.stderr
        assert "not encrypted" in result.stderr
        assert not crypt.is_sealed(out.read_bytes())
        assert "My journal is encrypted, but this copy of these notes is not" in out.read_text()


def test_the_html_page_is_self_contained_with_a_chart_for_each_series(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    journal()
    out = tmp_path / "brief.html"
    assert cli("brief", "--since", str(D), "--until", str(day(20)), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower() and "@import" not in page and "url(" not in page
    assert re.findall(r"(?:src|href)=", page) == []
    assert set(re.findall(r"https?://[^\s\"']+", page)) == {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in page
    assert page.count("<svg") == len(gathered().course.series) > 0  # type: ignore[union-attr]
    assert "It was &lt;b&gt;very&lt;/b&gt; young" in page
    assert "<title>Body rating: 0 on" not in page  # the fixture rated no realm
    assert "PHQ-9 total: first 14 (moderate)" in page


def test_the_safety_record_comes_from_care_s_record_each_moment_dated(home: Path) -> None:
    from partsjournal.core.care_record import CareItem
    from partsjournal.render.brief_words import item_text

    when = at(day(1))
    e = write(when, "protector", [("activation-before", 9)], title="Meeting a protector part")
    e.path.unlink()  # type: ignore[union-attr]
    e.care = [
        CareItem(when, "rating", 9, moment="start"),
        CareItem(when + timedelta(minutes=2), "grounding", "done"),
        CareItem(when + timedelta(minutes=5), "safe", False),
        CareItem(when + timedelta(minutes=6), "thoughts", "no", moment="daily"),
        CareItem(when + timedelta(minutes=7), "thoughts", "in passing", moment="questionnaire"),
        CareItem(when + timedelta(minutes=8), "rating", 7, moment="end"),
    ]
    save_new(e)
    b = gathered()
    assert [item_text(i) for i in b.section("safety")] == [
        "Tue 3 Nov, 21:00, Meeting a protector part: stirred up: 9 of 10, at the start",
        "Tue 3 Nov, 21:05, Meeting a protector part: did not feel safe",
        "Tue 3 Nov, 21:07, Meeting a protector part: thoughts of ending one's life (after a "
        "questionnaire's safety question): in passing",
    ]
    text = brief_md.to_markdown(b, encrypted=False, written="today")
    said = "- Tue 3 Nov, 21:05, Meeting a protector part: did not feel safe"
    assert f"{said} *(not seen by anyone at the time)*" in text


def test_the_words_written_while_care_held_the_run_are_in_the_safety_record(home: Path) -> None:
    """Walked in a terminal: "not safe", then "Write a few words (kept for you and your
    therapist)": "I can't stop shaking. Calling my sister." The export listed it; the brief,
    the page made for the therapist, left it out."""
    from partsjournal.core.care_record import CareItem
    from partsjournal.render.brief_words import item_text

    when = at(day(1))
    e = write(when, "after-session", [("activation-before", 6)], title="After-session check-in")
    e.path.unlink()  # type: ignore[union-attr]
    e.care = [
        CareItem(when, "safe", False),
        CareItem(when + timedelta(minutes=3), "note", "I can't stop shaking. Calling my sister."),
        CareItem(when + timedelta(minutes=4), "stop", "stopped"),
    ]
    save_new(e)
    assert [item_text(i) for i in gathered().section("safety")] == [
        "Tue 3 Nov, 21:00, After-session check-in: did not feel safe",
        "Tue 3 Nov, 21:03, After-session check-in: wrote: "
        "\u201cI can't stop shaking. Calling my sister.\u201d",
    ]


def test_the_safety_record_does_not_say_that_nobody_was_told() -> None:
    """It said "nobody saw them at the time, and nobody was told": the journal cannot know
    whom the person told (the walk's own words were "Calling my sister")."""
    from partsjournal.render import brief_words

    assert "nobody was told" not in brief_words.NOT_SEEN
    assert "unless I told someone myself" in brief_words.NOT_SEEN


def test_a_part_s_no_to_the_session_is_in_the_brief_without_a_note(home: Path) -> None:
    """Walked in a terminal: ``prepare``, a part not all right with the session going ahead.
    The brief kept it only when the optional note after it was written; the no itself is
    what the therapist needs to hear before the session."""
    skeptic = make_part("The Skeptic", day(0))
    about(at(day(1)), "prepare", skeptic, [("session-consent", False)], "Preparing")
    assert texts(gathered(), "notes") == [
        "notes-1: Tue 3 Nov: The Skeptic was not all right with the session going ahead"
    ]


def test_a_flare_up_review_names_is_in_the_brief_too(home: Path) -> None:
    """Walked in a terminal: Emotion 0 on day 1 and 1 on day 2 after a session. ``review``
    said "this may be a flare-up, and it is worth telling your therapist about now"; the
    brief's own "Flare-ups" section was empty."""
    sessions.add(day(0), created=TODAY)
    for n, emotion in ((1, 0), (2, 1), (3, 5)):
        write(at(day(n)), "integrate", [("realm-rating:emotion", emotion),
              ("realm-rating:body", 5)], title="Integration check-in")  # fmt: skip
    assert texts(gathered(), "flare-ups") == [
        "flare-ups-1: Tue 3 Nov to Wed 4 Nov: Emotion at 1 or below in 2 check-ins in the first "
        "two weeks after session 1"
    ]
