"""The person's own settings in ``<home>/config.toml``: who to reach out to when it gets hard.

```toml
crisis_line = "the crisis line you would call"   # optional; no number is assumed by default
support_offered = true        # the first exercise offered to fill in the card (asked once)
[[contacts]]
name = "Sam"
reach = "call or text 555 0100"
[therapist]                   # a therapist or clinic, shown apart from friends
name = "Dr. Lee, Riverside clinic"
reach = "012 345 678, weekdays"
after_hours = "the clinic's after-hours line"   # optional
```

The file is checked every time it is read. A broken file never stops an exercise
or hides the crisis card: :func:`load` warns in one sentence and uses the
defaults, and the ``config`` commands refuse to overwrite it until it is fixed.
Keys this version does not know are kept when the file is rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from partsjournal.core import matching, paths
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.store import UnreadableFile, read_toml, write_toml


@dataclass
class Contact:
    name: str
    reach: str


@dataclass
class Therapist:
    name: str
    reach: str
    after_hours: str = ""


# The kinds of way to reach someone on the card, in the order the card lists them: the
# clinic's after-hours line and the crisis line first (what set-up asks first), then people.
AFTER_HOURS, CRISIS_LINE, PERSON, THERAPIST = "after-hours", "crisis-line", "person", "therapist"
ORDER = (AFTER_HOURS, CRISIS_LINE, PERSON, THERAPIST)


@dataclass
class Reach:
    """One way to reach someone on the card: its kind (see ORDER), who, and how."""

    kind: str
    name: str
    how: str


@dataclass
class Config:
    contacts: list[Contact] = field(default_factory=list)
    crisis_line: str = ""
    therapist: Therapist | None = None
    support_offered: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def reach_in_order(self, first: str | None = None) -> list[Reach]:
        """Everyone on the card in the card's order (:data:`ORDER`); ``first`` (a kind)
        moves those of that kind to the top, as when the crisis line matters most."""
        found: list[Reach] = []
        t = self.therapist
        if t is not None and t.after_hours:
            found.append(Reach(AFTER_HOURS, t.name, t.after_hours))
        if self.crisis_line:
            found.append(Reach(CRISIS_LINE, "", self.crisis_line))
        found += [Reach(PERSON, c.name, c.reach) for c in self.contacts]
        if t is not None and t.reach:
            found.append(Reach(THERAPIST, t.name, t.reach))
        return sorted(found, key=lambda r: r.kind != first) if first else found

    @property
    def empty(self) -> bool:
        """Nobody to reach on the card yet."""
        return not self.reach_in_order()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        if self.crisis_line:
            out["crisis_line"] = self.crisis_line
        if self.support_offered:
            out["support_offered"] = True
        out["contacts"] = [{"name": c.name, "reach": c.reach} for c in self.contacts]
        if self.therapist is not None:
            t = {"name": self.therapist.name}
            if self.therapist.reach:
                t["reach"] = self.therapist.reach
            if self.therapist.after_hours:
                t["after_hours"] = self.therapist.after_hours
            out["therapist"] = t
        return out


class BrokenConfig(JournalError):
    """``config.toml`` exists but cannot be used."""


def _parse(data: dict[str, Any]) -> Config:
    line = data.get("crisis_line", "")
    if not isinstance(line, str):
        raise ValueError(msg.CONFIG_CRISIS_LINE_NOT_TEXT)
    raw_contacts = data.get("contacts", [])
    if not isinstance(raw_contacts, list):
        raise ValueError(msg.CONFIG_CONTACTS_NOT_LIST)
    contacts = []
    for raw in raw_contacts:
        if not isinstance(raw, dict):
            raise ValueError(msg.CONFIG_CONTACT_NOT_TABLE)
        name, reach = raw.get("name"), raw.get("reach")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(msg.CONFIG_CONTACT_NO_NAME)
        if not isinstance(reach, str) or not reach.strip():
            raise ValueError(msg.CONFIG_CONTACT_NO_REACH.format(name=name))
        contacts.append(Contact(name=name.strip(), reach=reach.strip()))
    offered = data.get("support_offered", False)
    if not isinstance(offered, bool):
        raise ValueError(msg.CONFIG_OFFERED_NOT_YES_NO)
    known = {"crisis_line", "contacts", "therapist", "support_offered"}
    extra = {k: v for k, v in data.items() if k not in known}
    return Config(
        contacts=contacts,
        crisis_line=line.strip(),
        therapist=_therapist(data.get("therapist")),
        support_offered=offered,
        extra=extra,
    )


def _therapist(raw: Any) -> Therapist | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError(msg.CONFIG_THERAPIST_NOT_TABLE)
    name, reach, after = raw.get("name"), raw.get("reach"), raw.get("after_hours", "")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(msg.CONFIG_THERAPIST_NO_NAME)
    if reach is None:
        reach = ""
    if not isinstance(reach, str) or not isinstance(after, str):
        raise ValueError(msg.CONFIG_THERAPIST_REACH_NOT_TEXT)
    if not reach.strip() and not after.strip():
        raise ValueError(msg.CONFIG_THERAPIST_NO_REACH)
    return Therapist(name=name.strip(), reach=reach.strip(), after_hours=after.strip())


def read() -> Config:
    """The settings, or :class:`BrokenConfig` saying what is wrong."""
    path = paths.config_file()
    if not path.exists():
        return Config()
    try:
        return _parse(read_toml(path))
    except UnreadableFile as exc:
        raise BrokenConfig(msg.SETTINGS_UNREADABLE.format(path=path, reason=exc.reason)) from None
    except ValueError as exc:
        raise BrokenConfig(msg.SETTINGS_INVALID.format(path=path, reason=exc)) from None


def load(warn: Callable[[str], None] | None = None) -> Config:
    """The settings, falling back to the defaults (with one warning) if the file is broken."""
    try:
        return read()
    except JournalError as exc:  # caught here: the default card serves while the file is broken
        if warn is not None:
            warn(exc.message.rstrip(".") + msg.SETTINGS_DEFAULT_CARD)
        return Config()


def _editable() -> Config:
    try:
        return read()
    except BrokenConfig as exc:
        raise JournalError(exc.message.rstrip(".") + msg.SETTINGS_FIX_FIRST) from None


def save(cfg: Config) -> None:
    write_toml(paths.config_file(), cfg.to_dict())


def add_contact(name: str, reach: str) -> Contact:
    name, reach = name.strip(), reach.strip()
    if not name:
        raise UsageError(msg.CONTACT_NEEDS_NAME)
    if not reach:
        raise UsageError(msg.CONTACT_NEEDS_REACH.format(name=name))
    cfg = _editable()
    found = [c for c in cfg.contacts if matching.key(c.name) == matching.key(name)]
    if found:
        found[0].reach = reach
        contact = found[0]
    else:
        contact = Contact(name=name, reach=reach)
        cfg.contacts.append(contact)
    save(cfg)
    return contact


def remove_contact(name: str) -> Contact:
    cfg = _editable()
    wanted = matching.key(name)
    for c in cfg.contacts:
        if matching.key(c.name) == wanted:
            cfg.contacts.remove(c)
            save(cfg)
            return c
    known = ", ".join(c.name for c in cfg.contacts) or msg.NONE_YET
    raise UsageError(msg.NO_SUCH_CONTACT.format(name=name, known=known))


def set_crisis_line(text: str | None) -> None:
    """Set the crisis line shown on the card; ``None`` clears it."""
    if text is not None and not text.strip():
        raise UsageError(msg.CRISIS_LINE_NEEDS)
    cfg = _editable()
    cfg.crisis_line = text.strip() if text is not None else ""
    save(cfg)


def set_therapist(name: str | None, reach: str = "", after_hours: str = "") -> Therapist | None:
    """Set the therapist or clinic on the card; ``name=None`` removes it."""
    cfg = _editable()
    if name is None:
        cfg.therapist = None
    else:
        name, reach = name.strip(), reach.strip()
        if not name or not (reach or after_hours.strip()):
            raise UsageError(msg.THERAPIST_NEEDS)
        cfg.therapist = Therapist(name=name, reach=reach, after_hours=after_hours.strip())
    save(cfg)
    return cfg.therapist


def mark_support_offered() -> None:
    """Remember that the first exercise offered to fill in the card, so it is never asked again."""
    cfg = _editable()
    if not cfg.support_offered:
        cfg.support_offered = True
        save(cfg)
