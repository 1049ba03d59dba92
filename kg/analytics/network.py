"""The knowledge graph as a networkx graph: entities as nodes, their relations as labelled edges.

Award conferrals become ``won`` edges from the recipient to the award (with
the year), positions become ``position`` edges from the person to the
organisation (with the role); direct links between entities (implements,
located in, part of, …) keep their meaning. Documents and text spans are left
out: they would tie every entity a document names to every other.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import networkx as nx
from rdflib.namespace import RDF, RDFS, SKOS

from kg.namespace import AWARD_LEVELS, ENTITY_CLASSES, ORG, QGOV
from kg.store import DamagedStore, is_damage


@dataclass(frozen=True)
class Relation:
    key: str
    zh: str
    en: str


RELATIONS = {
    QGOV.implements: Relation("implements", "实施", "implements"),
    QGOV.locatedIn: Relation("locatedIn", "位于", "located in"),
    QGOV.partOf: Relation("partOf", "隶属于", "part of"),
    QGOV.conferredBy: Relation("conferredBy", "颁发机构", "conferred by"),
    QGOV.nominationFor: Relation("nominationFor", "提名奖对应", "nomination for"),
    QGOV.issuedBy: Relation("issuedBy", "发布机构", "issued by"),
    QGOV.heldIn: Relation("heldIn", "举办地", "held in"),
    QGOV.organizer: Relation("organizer", "主办方", "organised by"),
}
WON = Relation("won", "获奖", "won")
POSITION = Relation("position", "任职于", "holds a position in")
RELATION_BY_KEY = {r.key: r for r in (*RELATIONS.values(), WON, POSITION)}

_CLASS_NAMES = {cls: name for name, cls in ENTITY_CLASSES.items()}
_LEVEL_NAMES = {iri: name for name, iri in AWARD_LEVELS.items()}
# Award levels from the lowest rung to the highest.
LEVEL_RANK = {"county": 1, "municipal": 2, "provincial": 3, "national": 4}
_CONFERRAL_PARTS = {QGOV.recipient: "recipient", QGOV.award: "award", QGOV.year: "year"}
_MEMBERSHIP_PARTS = {ORG.member: "member", ORG.organization: "organization", ORG.role: "role"}
_TYPE, _LABEL, _ALIAS, _LEVEL, _CONFERRAL, _MEMBERSHIP = "type", "label", "alias", "level", "conferral", "membership"
# What entity_network does with a triple of each predicate; a Relation for the direct links.
_USE_OF_PREDICATE = {
    **RELATIONS,
    **dict.fromkeys(_MEMBERSHIP_PARTS, _MEMBERSHIP),
    **dict.fromkeys(_CONFERRAL_PARTS, _CONFERRAL),
    QGOV.level: _LEVEL,
    SKOS.altLabel: _ALIAS,
    RDFS.label: _LABEL,
    RDF.type: _TYPE,
}


def _year(value) -> int | None:
    text = str(value)[:4]
    return int(text) if text.isdigit() else None


def entity_network(triples: Iterable[tuple]) -> nx.MultiDiGraph:
    """The entity network of the triples (rdflib terms), with nodes and edges in a fixed order."""
    types: dict = {}
    labels: dict = {}
    aliases: dict = defaultdict(set)
    levels: dict = {}
    conferrals: dict = defaultdict(dict)
    memberships: dict = defaultdict(dict)
    direct: list[tuple] = []
    for s, p, o in triples:
        # One dictionary look-up per triple: comparing rdflib terms one by one costs a Python call each.
        use = _USE_OF_PREDICATE.get(p)
        if use is None:
            continue
        if use is _TYPE:
            if o in _CLASS_NAMES:
                types[s] = _CLASS_NAMES[o]
        elif use is _LABEL:
            labels[s] = str(o)
        elif use is _ALIAS:
            aliases[s].add(str(o))
        elif use is _LEVEL:
            if o in _LEVEL_NAMES:
                levels[s] = _LEVEL_NAMES[o]
        elif use is _CONFERRAL:
            conferrals[s][_CONFERRAL_PARTS[p]] = o
        elif use is _MEMBERSHIP:
            memberships[s][_MEMBERSHIP_PARTS[p]] = o
        else:
            direct.append((s, use, o))

    graph = nx.MultiDiGraph()
    for node in sorted(types, key=str):
        attributes = {"label": labels.get(node, str(node)), "type": types[node]}
        if aliases.get(node):
            attributes["aliases"] = "、".join(sorted(aliases[node]))  # GraphML and GEXF want plain strings
        if node in levels:
            attributes["level"] = levels[node]
        graph.add_node(str(node), **attributes)

    edges: list[tuple[str, str, str, dict]] = []
    for s, relation, o in direct:
        if s in types and o in types:
            edges.append((str(s), str(o), f"{relation.key}", {"relation": relation.key}))
    for node, parts in conferrals.items():
        recipient, award = parts.get("recipient"), parts.get("award")
        if recipient in types and award in types:
            attributes = {"relation": WON.key}
            year = _year(parts["year"]) if "year" in parts else None
            if year is not None:
                attributes["year"] = year
            edges.append((str(recipient), str(award), str(node), attributes))
    for node, parts in memberships.items():
        member, organization = parts.get("member"), parts.get("organization")
        if member in types and organization in types:
            role = parts.get("role")
            edges.append((str(member), str(organization), str(node),
                          {"relation": POSITION.key, "role": labels.get(role, "")}))
    for source, target, key, attributes in sorted(edges, key=lambda e: (e[0], e[1], e[3]["relation"], e[2])):
        relation = RELATION_BY_KEY[attributes["relation"]]
        graph.add_edge(source, target, key=key, label_zh=relation.zh, label_en=relation.en, **attributes)
    return graph


def simple_graph(network: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph beneath the network; ``weight`` counts the relations between two entities."""
    graph = nx.Graph()
    graph.add_nodes_from(network.nodes(data=True))
    for source, target in network.edges():
        if source == target:
            continue
        if graph.has_edge(source, target):
            graph[source][target]["weight"] += 1
        else:
            graph.add_edge(source, target, weight=1)
    return graph


def _rdflib_term(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def store_triples(store) -> list[tuple]:
    """The triples of a pyoxigraph store (all its graphs, once each) as rdflib terms."""
    try:
        seen = {(quad.subject, quad.predicate, quad.object) for quad in store.quads_for_pattern(None, None, None, None)}
    except (OSError, RuntimeError) as exc:
        if is_damage(exc):  # a damaged cache entry: kg.store.with_store parses the file again
            raise DamagedStore(str(exc).splitlines()[0]) from None
        raise
    return [(_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)) for s, p, o in seen]
