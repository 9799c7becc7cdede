"""The shipped exercises promise only what a session can keep, and say when to get help."""

from __future__ import annotations

from partsjournal.flow import exercises


def _all_text(name: str) -> str:
    ex = exercises.get(name)
    parts = [ex.intro or "", ex.summary]
    for step in ex.steps:
        parts += [step.text, step.hint or ""]
    return " ".join(" ".join(parts).split())


def test_prepare_does_not_promise_a_session_can_be_stopped() -> None:
    text = _all_text("prepare")
    assert "stop whenever" not in text and "call a pause" not in text
    # nor what the tool cannot know: who will be there, how long the effects last
    assert "guide" not in text and "within the hour" not in text and "an hour" not in text
    assert "who will be with you" in text and "how long the effects" in text


def test_after_session_says_when_a_flare_needs_the_therapist_now() -> None:
    text = _all_text("after-session")
    assert "does not undo what you have done" in text
    assert "lasts more than a few days" in text and "harming yourself" in text
    assert "therapist or prescriber now" in text


def test_grounding_orients_to_the_date_the_place_my_age_and_something_to_touch() -> None:
    from partsjournal.core import dates
    from partsjournal.flow.engine import Run

    ex = exercises.get("grounding")
    orient = ex.step("orient")
    assert orient is not None and orient.kind == "guide"
    shown = Run(exercise=ex).render(orient.text)
    assert f"today is {dates.now():%A %d %B %Y}" in shown
    for words in ("where", "years old", "touch"):
        assert words in shown


def test_no_care_list_speaks_of_pausing_beside_its_own_pause_here() -> None:
    """Walked in a terminal: "Would you like to pause and ground yourself first?" above a list
    ending in "Pause here", which saves and leaves. At 10 of 10 the two pauses read as one."""
    from partsjournal.flow import care_words as w

    lists = {
        w.OFFER: [w.GROUND, w.NOT_NOW, w.CARD_CHOICE],
        w.OFFER_AGAIN: [w.GROUND, w.NOT_NOW],
        w.GO_ON_OR_STOP: [w.STOP, w.GO_ON, w.CARD_CHOICE],
        w.GOING_ON_ASK: list(w.GOING_ON_CHOICES),
        w.HOLD_ASK: [w.HOLD_GROUND, w.HOLD_PEOPLE, w.HOLD_NOTE, w.HOLD_STOP],
        w.THOUGHTS_ASK: list(w.THOUGHTS_CHOICES),
        w.TENDER_ASK: [w.TENDER_STOP, w.TENDER_GROUND, w.TENDER_BACK, w.TENDER_ON, w.TENDER_CLOSE],
        w.SESSION_DAY_ASK: [w.CAPTURE_JOURNEY, w.CAPTURE_NOTE, w.GROUND_NOW, w.GO_ON_ANYWAY],
        w.NOTICED_ASK: [w.GROUND_NOW, w.CARD_CHOICE, w.NOT_NOW],
    }
    for question, choices in lists.items():
        for said in (question, *choices):
            assert "pause" not in said.lower(), said


def test_the_card_set_up_questions_leave_saying_how_to_skip_to_the_prompt() -> None:
    """Walked in a terminal: "(a name; press Enter to skip):" and under it the prompt's own
    "Optional: press Enter with nothing written to skip it." Said once is enough."""
    from partsjournal.flow import care_words as w

    for question in (w.CLINIC_NAME, w.CLINIC_AFTER_HOURS, w.CLINIC_REACH, w.CRISIS_LINE):
        assert "enter" not in question.lower() and "skip" not in question.lower(), question


def test_grounding_does_not_say_that_what_came_up_is_all_in_the_past() -> None:
    """Walked in a terminal: grounding after "not safe" said "Whatever came up belongs to
    another time." It is offered too to someone not safe from a person now: say "may"."""
    text = _all_text("grounding")
    assert "belongs to another time" not in text and "may belong to another time" in text


def test_the_firefighter_sends_self_harm_to_the_therapist_and_medicine_to_the_prescriber() -> None:
    """Walked in a terminal: "urges to hurt myself" was told to bring it to the prescriber,
    and then (third walk) still read of the prescriber "if it reaches for medicine"."""
    medicine = exercises.get("firefighter").step("care_first")
    hurt = exercises.get("firefighter").step("care_first_hurt")
    assert medicine is not None and hurt is not None
    assert "prescriber" in medicine.text and "prescriber" not in hurt.text
    assert "therapist" in medicine.text and "therapist" in hurt.text


def test_the_part_that_stays_close_can_be_named_without_finding_a_name() -> None:
    """Walked in a terminal: turning toward the part that would not step back, Enter at its
    name was refused, with nothing said about what to call it when no name comes."""
    step = exercises.get("unblend").step("blended_part")
    assert step is not None and step.hint is not None
    assert "the one that stays close" in step.hint
    close = exercises.get("unblend").step("unblend_close")
    assert close is not None and "Knowing which part" not in close.text  # "knowing ... knowing"


def test_integrates_flashbacks_step_says_the_card_comes_next_and_asks_only_an_outline() -> None:
    """Walked in a terminal (integrate on the evening of a session, flashbacks on two days):
    "Their details are on your support card below" stood over "Press Enter to go on." and
    nothing below it; the card comes after Enter. The note then asked what flashbacks are
    like "on the surface", which reads as a riddle at night: say plainly that an outline is
    enough and there is no need to go back into them."""
    ex = exercises.get("integrate")
    now, note = ex.step("flashbacks_now"), ex.step("flashbacks_note")
    assert now is not None and note is not None
    said = " ".join(now.text.split())
    assert "below" not in said and "support card, which comes next" in said
    asked = " ".join(note.text.split())
    assert "on the surface" not in asked and "no need to go back into them" in asked


def test_no_card_step_says_the_card_is_below_it() -> None:
    """A step's card is drawn after its Enter: above "Press Enter to go on." nothing is below.
    Walked in firefighter too ("reach out to someone on the card below")."""
    for ex in exercises.load_all():
        for step in ex.steps:
            if step.card:
                assert "below" not in step.text, (ex.name, step.id)
