"""Every analysis of the entity network, computed once, for the exports and the report."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from kg.analytics.ladder import Rung, award_ladders
from kg.analytics.metrics import CentralityResult, centrality, communities, components, group_index
from kg.analytics.network import entity_network, simple_graph
from kg.analytics.projection import FirmNetwork, firm_network


@dataclass
class Analysis:
    network: nx.MultiDiGraph
    centrality: CentralityResult
    communities: list[list[str]]
    modularity: float
    components: list[list[str]]
    firms: FirmNetwork
    ladders: list[Rung]

    @property
    def community_of(self) -> dict[str, int]:
        return group_index(self.communities)

    @property
    def component_of(self) -> dict[str, int]:
        return group_index(self.components)

    def label(self, node: str) -> str:
        return self.network.nodes[node]["label"]

    def type_counts(self) -> Counter:
        return Counter(type_ for _, type_ in self.network.nodes(data="type"))

    def relation_counts(self) -> Counter:
        return Counter(relation for _, _, relation in self.network.edges(data="relation"))

    def ranked(self, types: tuple[str, ...] | None = None) -> list[str]:
        """Nodes by PageRank, highest first (ties by label, then IRI), optionally of some types only."""
        scores = self.centrality.scores
        nodes = [n for n in scores if types is None or self.network.nodes[n]["type"] in types]
        return sorted(nodes, key=lambda n: (-round(scores[n].pagerank, 9), self.label(n), n))


def analyse_network(network: nx.MultiDiGraph) -> Analysis:
    graph = simple_graph(network)
    found, modularity = communities(graph)
    return Analysis(
        network=network,
        centrality=centrality(graph),
        communities=found,
        modularity=modularity,
        components=components(graph),
        firms=firm_network(network),
        ladders=award_ladders(network),
    )


def analyse(triples: Iterable[tuple]) -> Analysis:
    """Analyse the graph of ``triples`` (rdflib terms)."""
    return analyse_network(entity_network(triples))
