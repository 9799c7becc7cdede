"""Naming the patterns worth telling a therapist about, in the review: what was written,
and a person to bring it to; never a diagnosis."""

from __future__ import annotations

from partsjournal.core import shipped
from partsjournal.core import vocabulary as vocab
from partsjournal.render.text import plural
from partsjournal.views import patterns
from partsjournal.views.patterns import Pattern

HEADING = "Worth noticing"
BRING_IT = "this may be worth bringing to your therapist, or to someone you trust."


def line(p: Pattern, period: str) -> str:
    """One pattern as a sentence; ``period`` is "this week", "that month" ..."""
    n = len(p.entries)
    after = f", all after {p.session}" if p.session else ""
    if p.kind == patterns.FLARE_UP:
        return flare_up(p)
    if p.kind == patterns.LOW_REALMS:
        what = (
            f"{plural(n, 'integration check-in')} {period} with every realm at "
            f"{patterns.REALM_LOW} or below{after}"
        )
    elif p.kind == patterns.LOW_SELF:
        what = (
            f"{plural(n, 'Self-energy check-in')} {period} with every quality at "
            f"{patterns.SELF_LOW} or below{after}"
        )
    else:
        what = (
            f"activation at {patterns.ACTIVATION_HIGH} or more in {n} entries in a row "
            f"{period}{after}"
        )
    return f"{what[0].upper()}{what[1:]}; {BRING_IT}"


def flare_up(p: Pattern) -> str:
    """A flare-up, in the words of ``exercises/templates/weeks-after.toml``."""
    labels = [vocab.realm_label(r) for r in p.realms]
    realms = ", ".join(labels[:-1]) + (" and " if len(labels) > 1 else "") + labels[-1]
    first, last = patterns.FLARE_DAYS
    return shipped.words("weeks-after")["flare_up"].format(
        realms=realms,
        low=patterns.REALM_LOW,
        count=len(p.entries),
        session=p.session or "",
        first=first,
        last=last,
    )
