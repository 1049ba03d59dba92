"""The shortest chain of relations between two named entities."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.analytics.network import RELATION_BY_KEY, simple_graph
from kg.errors import QkgError
from kg.namespace import normalize_name


class PathError(QkgError):
    """An entity is unknown or ambiguous, or no chain links the two."""


@dataclass
class Step:
    source: str  # label of the entity the step starts from
    target: str  # label of the entity it reaches
    relation_zh: str
    relation_en: str
    forward: bool  # True when the relation reads source -> target
    detail: str  # the year of an award, the role of a position

    def line(self) -> str:
        relation = f"{self.relation_zh} {self.relation_en}" + (f", {self.detail}" if self.detail else "")
        arrow = f"—[{relation}]→" if self.forward else f"←[{relation}]—"
        return f"{self.source} {arrow} {self.target}"


def find_entity(network: nx.MultiDiGraph, name: str) -> str:
    """The node whose label is ``name``, else the one whose alias it is; an error when none or several."""
    wanted = normalize_name(name)
    by_label = [n for n, label in network.nodes(data="label") if normalize_name(label) == wanted]
    if len(by_label) == 1:
        return by_label[0]
    by_alias = by_label or [
        n for n, aliases in network.nodes(data="aliases") if aliases and wanted in map(normalize_name, aliases.split("、"))
    ]
    if len(by_alias) == 1:
        return by_alias[0]
    if not by_alias:
        raise PathError(f"no entity is named {name!r}")
    kinds = ", ".join(sorted(f"{network.nodes[n]['label']} ({network.nodes[n]['type']})" for n in by_alias))
    raise PathError(f"{name!r} names several entities: {kinds}")


def _step(network: nx.MultiDiGraph, source: str, target: str) -> Step:
    """The step between two neighbours, read from the first of their relations in a fixed order."""
    candidates = [(key, data, True) for key, data in network.get_edge_data(source, target, default={}).items()]
    candidates += [(key, data, False) for key, data in network.get_edge_data(target, source, default={}).items()]
    key, data, forward = min(candidates, key=lambda c: (not c[2], c[1]["relation"], str(c[0])))
    relation = RELATION_BY_KEY[data["relation"]]
    detail = str(data.get("year") or data.get("role") or "")
    return Step(network.nodes[source]["label"], network.nodes[target]["label"], relation.zh, relation.en, forward, detail)


def shortest_chain(network: nx.MultiDiGraph, first: str, second: str) -> list[Step]:
    """The steps of a shortest chain from the entity named ``first`` to the one named ``second``."""
    source, target = find_entity(network, first), find_entity(network, second)
    if source == target:
        return []
    try:
        nodes = nx.shortest_path(simple_graph(network), source, target)
    except nx.NetworkXNoPath:
        raise PathError(f"no chain of relations links {first!r} and {second!r}") from None
    return [_step(network, a, b) for a, b in zip(nodes, nodes[1:])]
