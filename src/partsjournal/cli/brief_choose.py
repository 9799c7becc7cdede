"""Choosing what a brief leaves out, at a terminal: loaded by ``partsjournal brief`` only
when there is a terminal to ask at, so a scripted brief never loads the prompts."""

from __future__ import annotations

from partsjournal.flow import asking, brief_pick
from partsjournal.views.brief import Brief


def choose(brief: Brief) -> Brief | None:
    return brief_pick.choose(brief, asking.terminal())
