"""Who is most connected, which groups hang together, what is reachable from what.

Every result comes out in a fixed order and with fixed seeds, so the exports
of the same graph are byte for byte the same. Betweenness is exact on small
graphs and sampled (with a fixed seed) on large ones, where the exact
computation would take hours.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

SEED = 42
# Above this many node-visits, betweenness is estimated from a sample of source nodes.
BETWEENNESS_BUDGET = 1_000_000


@dataclass
class Centrality:
    degree: int
    degree_centrality: float
    betweenness: float
    pagerank: float


@dataclass
class CentralityResult:
    scores: dict[str, Centrality]
    betweenness_sources: int  # how many source nodes the betweenness is computed from
    exact_betweenness: bool


def centrality(graph: nx.Graph) -> CentralityResult:
    """Degree, betweenness and PageRank of every node of the (undirected, weighted) graph."""
    nodes = graph.number_of_nodes()
    if nodes == 0:
        return CentralityResult({}, 0, True)
    work = max(1, nodes * max(1, graph.number_of_edges()))
    exact = work <= BETWEENNESS_BUDGET
    sources = nodes if exact else max(16, min(nodes, BETWEENNESS_BUDGET // max(1, graph.number_of_edges())))
    betweenness = nx.betweenness_centrality(graph, k=None if exact else sources, normalized=True, seed=SEED)
    degree_centrality = nx.degree_centrality(graph)
    pagerank = nx.pagerank(graph, weight="weight")
    scores = {
        node: Centrality(graph.degree(node), degree_centrality[node], betweenness[node], pagerank[node])
        for node in graph.nodes
    }
    return CentralityResult(scores, sources, exact)


def _ordered_groups(graph: nx.Graph, groups) -> list[list[str]]:
    """Largest first; ties by their first member's label, then IRI; members by label, then IRI."""

    def member_key(node: str) -> tuple[str, str]:
        return (graph.nodes[node].get("label", ""), node)

    ordered = [sorted(group, key=member_key) for group in groups]
    return sorted(ordered, key=lambda members: (-len(members), member_key(members[0])))


def communities(graph: nx.Graph) -> tuple[list[list[str]], float]:
    """Louvain communities (fixed seed) and their modularity."""
    if graph.number_of_edges() == 0:
        return _ordered_groups(graph, ({node} for node in graph.nodes)), 0.0
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    modularity = nx.community.modularity(graph, found, weight="weight")
    return _ordered_groups(graph, found), modularity


def components(graph: nx.Graph) -> list[list[str]]:
    return _ordered_groups(graph, nx.connected_components(graph))


def group_index(groups: list[list[str]]) -> dict[str, int]:
    """Node -> the 1-based number of its group."""
    return {node: number for number, members in enumerate(groups, start=1) for node in members}
