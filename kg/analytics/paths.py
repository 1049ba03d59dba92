"""The shortest chain of relations between two named entities."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.analytics.network import RELATION_BY_KEY, simple_graph
from kg.errors import QkgError
from kg.names import Candidate, choose


class PathError(QkgError):
    """No chain of relations links the two entities."""


@dataclass
class Step:
    source: str  # label of the entity the step starts from
    target: str  # label of the entity it reaches
    relation_zh: str
    relation_en: str
    forward: bool  # True when the relation reads source -> target
    detail: str  # the year of an award, the role of a position

    def line(self, lang: str | None = None) -> str:
        """The step as a line; the relation in ``lang`` (zh or en), or in both when None."""
        name = {"zh": self.relation_zh, "en": self.relation_en}.get(lang, f"{self.relation_zh} {self.relation_en}")
        relation = name + (f", {self.detail}" if self.detail else "")
        arrow = f"—[{relation}]→" if self.forward else f"←[{relation}]—"
        return f"{self.source} {arrow} {self.target}"


def find_entity(network: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` means, by the rules of kg.names: its name, else an alias, else a unique part of one."""
    entities = (
        Candidate(node, data["label"], data.get("type", ""), tuple(filter(None, (data.get("aliases") or "").split("、"))))
        for node, data in network.nodes(data=True)
    )
    return choose(name, entities).iri


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
