"""A review as a markdown document (``review --format markdown``), in the same words
as the screen (:mod:`partsjournal.render.review`); user text is escaped."""

from __future__ import annotations

from partsjournal.render import care_lines, review_notes
from partsjournal.render import patterns as pattern_words
from partsjournal.render.review import (
    NOT_RATED,
    activation_summary,
    bar,
    empty_line,
    grounding_line,
    header_line,
    need_line,
    no_activation_line,
    no_grounding_line,
    no_highlights_line,
    no_parts_line,
    no_practices_line,
    no_self_line,
    no_sessions_line,
    not_safe_line,
    outcome_line,
    position_line,
    practice_line,
    realms_missing_line,
    reflection_line,
    self_footer,
    session_line,
    signed,
    span,
    this_period,
)
from partsjournal.render.review_notes import short_day
from partsjournal.render.text import md, visible
from partsjournal.views.review_data import Review


def to_markdown(review: Review) -> str:
    p = review.period
    out: list[str] = [f"# Review: {span(p.since, p.until)}", "", header_line(review) + ".", ""]
    if review.position:
        out += [position_line(review), ""]
    if review.empty:
        out += [empty_line(review), ""]

    out += ["## Sessions", ""]
    if review.sessions:
        out += [f"- {session_line(s, md)}" for s in review.sessions] + [""]
    else:
        out += [no_sessions_line(review), ""]
    if review.empty:
        return "\n".join(out).rstrip() + "\n"

    if review.patterns or review.care:
        out += [f"## {pattern_words.HEADING}", ""]
        out += [f"- {md(pattern_words.line(p, this_period(review)))}" for p in review.patterns]
        out += [f"- {md(care_lines.summary(n))}" for n in review.care]
        out += [""]

    out += ["## Exercises", "", "| Exercise | Times |", "| --- | ---: |"]
    out += [
        f"| {md(e.title or e.name, one_line=True)} ({md(e.name, one_line=True)}) | {e.count} |"
        for e in review.exercises
    ]
    out += [""]

    out += ["## Parts met", ""]
    if review.parts:
        out += ["| Part | Times | New |", "| --- | ---: | --- |"]
        out += [
            f"| {md(pm.name, one_line=True)} | {pm.times} | {'new' if pm.new else ''} |"
            for pm in review.parts
        ]
        out += ["", "More about a part: `partsjournal parts show NAME`.", ""]
    else:
        out += [no_parts_line(review), ""]

    out += ["## Activation", ""]
    if review.activation:
        out += ["```text"]
        for a in review.activation:
            out.append(
                f"{short_day(a.day):<11} {visible(a.exercise, one_line=True)[:14]:<14} "
                f"before {a.before:>2} {bar(a.before, full='#', empty='.')}  "
                f"after {a.after:>2} {bar(a.after, full='#', empty='.')}  {signed(a.change):>3}"
            )
        out += ["```", "", activation_summary(review), ""]
    else:
        out += [no_activation_line(review), ""]

    out += ["## Grounding", ""]
    if review.not_safe:
        out += [not_safe_line(review), ""]
    if review.grounding:
        out += [f"- {grounding_line(c, md)}" for c in review.grounding] + [""]
    else:
        out += [no_grounding_line(review), ""]

    out += ["## Self-energy", ""]
    if review.self_energy:
        out += ["```text"]
        for q in review.self_energy:
            avg = f"{q.average:4.1f}" if q.average is not None else NOT_RATED
            out.append(
                f"{q.name:<14} {bar(q.average, full='#', empty='.')} {avg}  {signed(q.change)}"
            )
        out += ["```", "", self_footer(review), ""]
    else:
        out += [no_self_line(review), ""]

    out += [
        "## Realms",
        "",
        "| Realm | Latest | Change | Attention |",
        "| --- | ---: | ---: | --- |",
    ]
    for r in review.realms:
        latest = f"{r.latest} ({short_day(r.latest_day)})" if r.latest_day else NOT_RATED
        out.append(
            f"| {r.label} | {latest} | {signed(r.change)} | {'yes' if r.attended else 'none'} |"
        )
    out += ["", realms_missing_line(review), ""]

    out += ["## Practices", ""]
    if review.practices or review.outcomes:
        for pr in review.practices:
            line = practice_line(pr, md)
            out.append(f"- {line[0].upper()}{line[1:]}")
        for o in review.outcomes:
            out.append(f"- {outcome_line(o, md)}")
        out += [""]
    else:
        out += [no_practices_line(review), ""]

    out += ["## Highlights", ""]
    if review.needs or review.reflections:
        for qn in review.needs:
            words, who = need_line(qn, md)
            out += [f"> {words}", f"> — {who}", ""]
        for qr in review.reflections:
            words, where = reflection_line(qr, md)
            out += [f"> {words}", f"> — {where}", ""]
    else:
        out += [no_highlights_line(review), ""]
    for title, lines in review_notes.sections(review, md):
        out += [f"## {title}", "", *(f"- {line}" for line in lines), ""]
    return "\n".join(out).rstrip() + "\n"
