"""The firm–firm network: two enterprises are linked by the awards and programs they share."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.analytics.network import RELATIONS, WON
from kg.namespace import QGOV

FIRM_TYPE = "Enterprise"
SHARING_RELATIONS = (WON.key, RELATIONS[QGOV.implements].key)
SHARED_ITEM_TYPES = ("Award", "Program")
# An award or program that more firms than this share says little about any pair of them, and
# would add a number of links that grows with the square of its holders.
MAX_FIRMS_PER_ITEM = 200


@dataclass
class FirmNetwork:
    graph: nx.Graph
    left_out: list[str] = field(default_factory=list)  # items shared by too many firms


def firm_network(network: nx.MultiDiGraph, max_firms_per_item: int = MAX_FIRMS_PER_ITEM) -> FirmNetwork:
    """The weighted projection of the firm–(award, program) bipartite graph onto the firms."""
    holders: dict[str, set[str]] = defaultdict(set)
    for source, target, relation in network.edges(data="relation"):
        if network.nodes[source]["type"] != FIRM_TYPE or network.nodes[target]["type"] not in SHARED_ITEM_TYPES:
            continue
        if relation in SHARING_RELATIONS:
            holders[target].add(source)

    projected = nx.Graph()
    for node, data in network.nodes(data=True):
        if data["type"] == FIRM_TYPE:
            projected.add_node(node, label=data["label"], type=data["type"])
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    left_out = []
    for item in sorted(holders):
        firms = sorted(holders[item])
        if len(firms) > max_firms_per_item:
            left_out.append(item)
            continue
        for pair in combinations(firms, 2):
            shared[pair].append(network.nodes[item]["label"])
    for (first, second), items in sorted(shared.items()):
        projected.add_edge(first, second, weight=len(items), shared="、".join(sorted(items)))
    return FirmNetwork(projected, left_out)
