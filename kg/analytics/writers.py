"""The analyses as files: CSV tables (UTF-8 with BOM), RDF, GraphML and GEXF.

Scores are rounded to six decimals, so that the files do not change with the
last bits of floating-point arithmetic.
"""
from __future__ import annotations

import functools

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.analytics.analysis import Analysis
from kg.analytics.gephi import gexf_text, graphml_text
from kg.exports import turtle_bytes
from kg.namespace import ID, QGOV
from kg.results import csv_text

MEMBERS_LISTED = 10


def _score(value: float) -> str:
    return f"{value:.6f}"


def centrality_csv(analysis: Analysis) -> str:
    community, component = analysis.community_of, analysis.component_of
    rows = []
    for node in analysis.ranked():
        score = analysis.centrality.scores[node]
        rows.append([analysis.label(node), analysis.network.nodes[node]["type"], score.degree,
                     _score(score.degree_centrality), _score(score.betweenness), _score(score.pagerank),
                     community[node], component[node], node])
    header = ["entity", "type", "degree", "degree_centrality", "betweenness", "pagerank", "community", "component", "iri"]
    return csv_text(header, rows)


def _groups_csv(analysis: Analysis, groups: list[list[str]], name: str) -> str:
    rows = []
    for number, members in enumerate(groups, start=1):
        top = sorted(members, key=lambda n: (-round(analysis.centrality.scores[n].pagerank, 9), analysis.label(n), n))
        rows.append([number, len(members), "、".join(analysis.label(n) for n in top[:MEMBERS_LISTED])])
    return csv_text([name, "size", f"leading_members (by PageRank, at most {MEMBERS_LISTED})"], rows)


def communities_csv(analysis: Analysis) -> str:
    return _groups_csv(analysis, analysis.communities, "community")


def components_csv(analysis: Analysis) -> str:
    return _groups_csv(analysis, analysis.components, "component")


def firm_network_csv(analysis: Analysis) -> str:
    graph = analysis.firms.graph
    edges = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], graph.nodes[e[0]]["label"], graph.nodes[e[1]]["label"]))
    rows = [[graph.nodes[a]["label"], graph.nodes[b]["label"], data["weight"], data["shared"]] for a, b, data in edges]
    return csv_text(["firm", "other_firm", "shared", "shared_awards_and_programs"], rows)


def award_ladder_csv(analysis: Analysis) -> str:
    rows = [[r.recipient_label, r.year or "", r.award, r.level, r.highest_level, r.step] for r in analysis.ladders]
    return csv_text(["firm", "year", "award", "level", "highest_level_so_far", "step"], rows)


CSV_FILES = {
    "analytics/centrality.csv": centrality_csv,
    "analytics/communities.csv": communities_csv,
    "analytics/components.csv": components_csv,
    "analytics/firm_network.csv": firm_network_csv,
    "analytics/award_ladder.csv": award_ladder_csv,
}


# The predicates once: each attribute of a namespace makes (and checks) a new term.
_DEGREE, _DEGREE_CENTRALITY, _BETWEENNESS, _PAGERANK = (
    QGOV.degree, QGOV.degreeCentrality, QGOV.betweennessCentrality, QGOV.pageRank)
_IN_COMMUNITY, _COMPONENT, _SIZE, _SHARES = QGOV.inCommunity, QGOV.componentNumber, QGOV.size, QGOV.sharesRecognitionWith


def analytics_triples(analysis: Analysis) -> list[tuple]:
    """The scores, communities and firm links as RDF, in the qgov vocabulary."""
    # Terms are made once each and shared: a large graph repeats the same scores, numbers and nodes.
    iri, number_literal = functools.cache(URIRef), functools.cache(Literal)
    decimal = functools.cache(lambda text: Literal(text, datatype=XSD.decimal))
    community_iri = functools.cache(lambda number: ID[f"analytics/community/{number}"])
    triples = []
    community, component = analysis.community_of, analysis.component_of
    for node, score in analysis.centrality.scores.items():
        subject = iri(node)
        triples += [
            (subject, _DEGREE, number_literal(score.degree)),
            (subject, _DEGREE_CENTRALITY, decimal(_score(score.degree_centrality))),
            (subject, _BETWEENNESS, decimal(_score(score.betweenness))),
            (subject, _PAGERANK, decimal(_score(score.pagerank))),
            (subject, _IN_COMMUNITY, community_iri(community[node])),
            (subject, _COMPONENT, number_literal(component[node])),
        ]
    for number, members in enumerate(analysis.communities, start=1):
        group = community_iri(number)
        triples += [
            (group, RDF.type, QGOV.Community),
            (group, RDFS.label, Literal(f"社群 {number} / community {number}")),
            (group, _SIZE, number_literal(len(members))),
        ]
    for first, second in analysis.firms.graph.edges():
        triples.append((iri(min(first, second)), _SHARES, iri(max(first, second))))
    return triples


def analytics_turtle(analysis: Analysis) -> bytes:
    return turtle_bytes(analytics_triples(analysis))


def graphml_bytes(analysis: Analysis) -> bytes:
    return graphml_text(analysis.network).encode("utf-8")


def gexf_bytes(analysis: Analysis) -> bytes:
    return gexf_text(analysis.network).encode("utf-8")
