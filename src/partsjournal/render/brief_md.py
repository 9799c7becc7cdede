"""A brief as a markdown document: the person's words escaped, the charts as text."""

from __future__ import annotations

from partsjournal.render import brief_words as w
from partsjournal.render.charts import lines
from partsjournal.render.text import md
from partsjournal.views.brief import Brief


def to_markdown(brief: Brief, *, encrypted: bool, written: str) -> str:
    out = [f"# {w.TITLE}", "", md(w.period_line(brief)) + ".", "", w.CHOSEN, ""]
    if encrypted:
        out += [f"**{w.ENCRYPTED}**", ""]
    out += [f"*Written {md(written)}.*", ""]
    if not brief.items and not brief.safety_left_out:
        out += [w.EMPTY, ""]
    for key, heading in w.headings(brief):
        out += [f"## {heading}", ""]
        if key == "safety":
            out += [w.safety_note(brief), ""]
        if key == "charts" and brief.course is not None:
            found = lines(brief.course, 80, plain=False)
            out += [md(found[0]), "", "```text", *(x.replace("`", "'") for x in found[1:])]
            out += ["```", ""]
            continue
        items = brief.section(key)
        for item in items:
            mark = f" *({w.NOT_SEEN_MARK})*" if item.safety else ""
            out.append(f"- {md(w.item_text(item), one_line=True)}{mark}")
        if items:
            out.append("")
        if key == "measures":
            out += [w.FOR_TALKING, ""]
    return "\n".join(out).rstrip() + "\n"
