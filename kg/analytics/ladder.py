"""Each firm's award ladder: its awards in order of year, and the rungs it climbed."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.analytics.network import LEVEL_RANK, RELATIONS, WON
from kg.namespace import QGOV

LADDER_TYPES = ("Enterprise", "Organization")
NOMINATION_FOR = RELATIONS[QGOV.nominationFor].key


@dataclass
class Rung:
    recipient: str  # node id
    recipient_label: str
    year: int | None
    award: str
    level: str
    highest_level: str  # the highest level reached up to and including this award
    step: str  # "first", "level up", "nomination → award", or "" for a step that climbs nothing


def _is_nomination(network: nx.MultiDiGraph, award: str) -> str | None:
    """The main award of a 提名奖, else None."""
    for _, main, relation in network.out_edges(award, data="relation"):
        if relation == NOMINATION_FOR:
            return main
    return None


def award_ladders(network: nx.MultiDiGraph) -> list[Rung]:
    """Every award of every firm (enterprise or other organisation), grouped by firm and ordered by year."""
    rungs: list[Rung] = []
    for recipient in network.nodes:
        if network.nodes[recipient]["type"] not in LADDER_TYPES:
            continue
        won = sorted(
            (
                (data.get("year") or 9999, LEVEL_RANK.get(network.nodes[award].get("level", ""), 0),
                 network.nodes[award]["label"], award, data.get("year"))
                for _, award, data in network.out_edges(recipient, data=True)
                if data["relation"] == WON.key
            )
        )
        highest, nominated = 0, set()
        for _, rank, label, award, year in won:
            main = _is_nomination(network, award)
            if not rungs or rungs[-1].recipient != recipient:
                step = "first"
            elif main is None and award in nominated:
                step = "nomination → award"
            elif rank > highest:
                step = "level up"
            else:
                step = ""
            if main is not None:
                nominated.add(main)
            highest = max(highest, rank)
            level = network.nodes[award].get("level", "")
            highest_name = next((name for name, r in LEVEL_RANK.items() if r == highest), "")
            rungs.append(Rung(recipient, network.nodes[recipient]["label"], year, label, level, highest_name, step))
    return sorted(rungs, key=lambda r: (r.recipient_label, r.recipient))  # stable: keeps each firm's year order
