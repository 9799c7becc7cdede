"""A brief as one self-contained HTML page: inline style, inline SVG charts, nothing
fetched (a Content-Security-Policy says so to the browser), laid out to print on paper."""

from __future__ import annotations

from html import escape

from partsjournal.render import brief_words as w
from partsjournal.render import chart_svg
from partsjournal.render.charts import summary
from partsjournal.render.text import visible
from partsjournal.views.brief import Brief

STYLE = """
@page { size: A4; margin: 16mm 16mm 18mm; }
html { font-family: Georgia, "Times New Roman", serif; color: #1d1d1d; background: #fff; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #ccc;
     break-after: avoid; page-break-after: avoid; }
p.meta { color: #444; margin: .2rem 0; }
p.warning { border: 1px solid #b5651d; padding: .4rem .6rem; }
p.note { font-style: italic; color: #333; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
li { margin: .15rem 0; break-inside: avoid; }
span.unseen { color: #8a4a12; font-style: italic; }
figure { margin: .8rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .9rem; color: #333; margin-bottom: .2rem; }
svg.chart { width: 100%; height: auto; display: block; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""
# Nothing may be fetched: no script, no font, no image from anywhere.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _text(text: str) -> str:
    return escape(visible(text, one_line=True))


def to_html(brief: Brief, *, encrypted: bool, written: str) -> str:
    body = [f"<h1>{escape(w.TITLE)}</h1>", f'<p class="meta">{_text(w.period_line(brief))}.</p>']
    body.append(f'<p class="meta">{escape(w.CHOSEN)} Written {_text(written)}.</p>')
    if encrypted:
        body.append(f'<p class="warning"><strong>{escape(w.ENCRYPTED)}</strong></p>')
    if not brief.items and not brief.safety_left_out:
        body.append(f"<p>{escape(w.EMPTY)}</p>")
    for key, heading in w.headings(brief):
        body.append(f'<section id="{key}"><h2>{escape(heading)}</h2>')
        if key == "safety":
            body.append(f'<p class="note">{escape(w.safety_note(brief))}</p>')
        if key == "charts" and brief.course is not None:
            for series in brief.course.series:
                body.append(
                    f"<figure><figcaption>{_text(summary(series))}</figcaption>"
                    f"{chart_svg.chart(brief.course, series)}</figure>"
                )
        items = brief.section(key) if key != "charts" else []
        if items:
            body.append("<ul>")
            for item in items:
                mark = f' <span class="unseen">({w.NOT_SEEN_MARK})</span>' if item.safety else ""
                body.append(f"<li>{_text(w.item_text(item))}{mark}</li>")
            body.append("</ul>")
        if key == "measures":
            body.append(f'<p class="note">{escape(w.FOR_TALKING)}</p>')
        body.append("</section>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(w.TITLE)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
