"""A query sees the data whether it sits in the default graph or in named graphs."""
from __future__ import annotations

import pyoxigraph as ox

from kg.queries import parse_query_text, run_query
from kg.store import memory_store

_TURTLE = b"""
@prefix qgov: <https://w3id.org/qgov/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/qgov/id/a> a qgov:Enterprise ; rdfs:label "a"@zh .
"""
_TRIG = b"""
@prefix qgov: <https://w3id.org/qgov/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/qgov/id/doc1> { <https://w3id.org/qgov/id/a> a qgov:Enterprise . }
<https://w3id.org/qgov/id/doc2> { <https://w3id.org/qgov/id/a> rdfs:label "a"@zh . }
<https://w3id.org/qgov/id/b> a qgov:Enterprise ; rdfs:label "b"@zh .
"""
_NAMES = parse_query_text("SELECT ?name WHERE { ?e a qgov:Enterprise ; rdfs:label ?name } ORDER BY ?name", "names")


def _names(store) -> list[str]:
    return [row[0].value for row in run_query(store, _NAMES).rows]


def test_default_graph_only():
    assert _names(memory_store(_TURTLE, ox.RdfFormat.TURTLE)) == ["a"]


def test_named_graphs_are_read_as_their_union_with_the_default_graph():
    # a's type and label sit in two named graphs: only their union joins them.
    assert _names(memory_store(_TRIG, ox.RdfFormat.TRIG)) == ["a", "b"]
