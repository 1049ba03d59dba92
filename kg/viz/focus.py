"""Focus a graph for a smaller page: by entity type, city, year range, or the neighbourhood of one entity.

The same rules as the page's own filters (kg/assets/graph.js), so that a
focused page shows what the full page shows with those filters set.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from kg.errors import QkgError
from kg.names import ANY_ENTITY, Candidate, choose
from kg.viz.graphdata import VizEdge, VizGraph, VizNode
from kg.viz.style import TYPE_STYLES

DATED_TYPES = ("Regulation", "Event")  # entities that have a year of their own


class FocusError(QkgError):
    """A focus option names no entity, city or type of the graph."""


@dataclass
class Focus:
    city: str | None = None
    types: tuple[str, ...] = ()
    from_year: int | None = None
    to_year: int | None = None
    around: str | None = None
    depth: int = 1

    def describe(self) -> str:
        parts = [self.city or "", "、".join(TYPE_STYLES[t].zh for t in self.types)]
        if self.from_year or self.to_year:
            parts.append(f"{self.from_year or ''}–{self.to_year or ''}")
        if self.around:
            parts.append(f"{self.around} 周边 {self.depth} 层")
        return " · ".join(p for p in parts if p)


def entity_type(name: str) -> str:
    """A type of the facts format from its name (any case) or its Chinese label."""
    wanted = name.strip().lower()
    for type_name, style in TYPE_STYLES.items():
        if wanted in (type_name.lower(), style.zh):
            return type_name
    raise FocusError(f"unknown entity type {name!r} (one of: {', '.join(TYPE_STYLES)})")


def find_entity(viz: VizGraph, name: str, types: tuple[str, ...] = ()) -> VizNode:
    """The entity ``name`` means, by the rules of kg.names: its name, else an alias, else a unique part of one."""
    entities = (Candidate(n.id, n.label, n.type, tuple(n.aliases)) for n in viz.nodes.values())
    return viz.nodes[choose(name, entities, types or ANY_ENTITY).iri]


def in_years(year: int | None, start: int | None, end: int | None) -> bool:
    return year is None or ((start is None or year >= start) and (end is None or year <= end))


def _edge_in_years(edge: VizEdge, start: int | None, end: int | None) -> bool:
    return any(in_years(f.year, start, end) for f in edge.facts)


def _city_members(viz: VizGraph, city: VizNode) -> set[str]:
    """The city and the cities below it."""
    return {city.id} | {n.id for n in viz.nodes.values() if n.type == "City" and city.id in n.cities}


def _near_city(viz: VizGraph, keep: set[str], members: set[str]) -> set[str]:
    """Nodes of the city, and nodes without a city of their own (national awards, programs) touching one."""
    def in_city(node_id: str) -> bool:
        return not members.isdisjoint(viz.nodes[node_id].cities)

    around = viz.neighbours()
    return {
        node_id for node_id in keep
        if in_city(node_id) or (not viz.nodes[node_id].cities and any(in_city(o) for o in around[node_id]))
    }


def _within(center: str, keep: set[str], edges: list[VizEdge], depth: int) -> set[str]:
    around: dict[str, set[str]] = {}
    for edge in edges:
        if edge.source in keep and edge.target in keep:
            around.setdefault(edge.source, set()).add(edge.target)
            around.setdefault(edge.target, set()).add(edge.source)
    reached = {center: 0}
    queue = deque([center])
    while queue:
        node_id = queue.popleft()
        if reached[node_id] == depth:
            continue
        for other in around.get(node_id, ()):
            if other not in reached:
                reached[other] = reached[node_id] + 1
                queue.append(other)
    return set(reached)


def focus(viz: VizGraph, spec: Focus) -> VizGraph:
    """The part of ``viz`` that ``spec`` selects."""
    if spec.depth < 0:
        raise FocusError("the depth must be 0 or more")
    if spec.from_year and spec.to_year and spec.from_year > spec.to_year:
        raise FocusError(f"the year range {spec.from_year}–{spec.to_year} is empty")
    keep = set(viz.nodes)
    if spec.types:
        keep = {n for n in keep if viz.nodes[n].type in spec.types}
    start, end = spec.from_year, spec.to_year
    keep = {n for n in keep if viz.nodes[n].type not in DATED_TYPES or in_years(viz.nodes[n].year, start, end)}
    edges = [e for e in viz.edges if _edge_in_years(e, start, end)]
    if spec.city:
        city = find_entity(viz, spec.city, ("City",))
        keep = _near_city(viz, keep, _city_members(viz, city))
    if spec.around:
        center = find_entity(viz, spec.around)
        if center.id not in keep:
            raise FocusError(f"{spec.around!r} is not in the graph once the other filters apply")
        keep = _within(center.id, keep, edges, spec.depth)
    return viz.subgraph(keep, edges)
