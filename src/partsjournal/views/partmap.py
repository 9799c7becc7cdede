"""How parts relate: who protects whom, for ``parts map`` and ``parts show``."""

from __future__ import annotations

from dataclasses import dataclass, field

from partsjournal.core.parts import Part, live_id


@dataclass
class MapNode:
    """One line of the parts map: a part, or a reference to one that is gone."""

    part: Part | None
    missing_id: str | None = None
    repeat: bool = False
    children: list[MapNode] = field(default_factory=list)


def protection_map(index: dict[str, Part]) -> tuple[list[MapNode], list[Part]]:
    """Protectors with the parts they protect beneath them, and the unconnected parts.

    ``index`` is :func:`everything`. Merged ids are followed; ids with no part
    file become ``missing`` leaves; a part met again (a cycle, or two
    protectors of one part) is shown once in full and then as a ``repeat``.
    Built with an explicit stack, so any depth or loop is safe.
    """
    live = sorted(
        (p for p in index.values() if live_id(p.id, index) == p.id),
        key=lambda p: p.name.casefold(),
    )
    by_id = {p.id: p for p in live}
    # each protector's targets: (live id or None when gone, the id as written)
    edges: dict[str, list[tuple[str | None, str]]] = {}
    for part in live:
        targets: list[tuple[str | None, str]] = []
        for raw in part.protects:
            target = live_id(raw, index)
            if target != part.id and all(t != target or t is None for t, _ in targets):
                targets.append((target, raw))
        edges[part.id] = targets
    protected = {t for p in live for t, _ in edges[p.id] if t is not None}
    drawn: set[str] = set()

    def draw(root: Part) -> MapNode:
        top = MapNode(part=root)
        drawn.add(root.id)
        stack = [top]
        while stack:
            node = stack.pop()
            assert node.part is not None
            for target, raw in edges[node.part.id]:
                if target is None:
                    node.children.append(MapNode(part=None, missing_id=raw))
                elif target in drawn:
                    node.children.append(MapNode(part=by_id[target], repeat=True))
                else:
                    drawn.add(target)
                    child = MapNode(part=by_id[target])
                    node.children.append(child)
                    stack.append(child)
        return top

    roots = [draw(p) for p in live if edges[p.id] and p.id not in protected]
    for part in live:  # protectors caught in a circle have no top; start at the first
        if edges[part.id] and part.id not in drawn:
            roots.append(draw(part))
    loose = [p for p in live if p.id not in drawn]
    return roots, loose


def protected_by(part: Part, index: dict[str, Part]) -> list[str]:
    """The names of the live parts that protect ``part``, in alphabetical order."""
    return sorted(
        p.name
        for p in index.values()
        if live_id(p.id, index) == p.id
        and p.id != part.id
        and any(live_id(x, index) == part.id for x in p.protects)
    )


def names(ids: list[str], index: dict[str, Part]) -> list[str]:
    """The names of the parts ``ids`` stand for now; a gone id is said to be gone."""
    out = []
    for raw in ids:
        live = live_id(raw, index)
        out.append(index[live].name if live else f"{raw} (no longer here)")
    return out
