"""The short paths taken for speed give what the general ones give."""
from __future__ import annotations

import yaml
from rdflib import Literal, URIRef
from rdflib import namespace as rdf_namespaces

from kg.builder import KnowledgeGraph, TripleSortKeys, triple_sort_key
from kg.exports import RDF_EXPORTS, RdfExport
from kg.factfile import _LineLoader, _load_yaml
from kg.namespace import ID, QGOV
from kg.pipeline import build_graph

# Attributes of rdflib's closed namespaces, read here so that pytest does not probe the namespaces themselves.
RDF, RDFS = rdf_namespaces.RDF, rdf_namespaces.RDFS
G_YEAR = rdf_namespaces.XSD.gYear

TRICKY_YAML = [
    "a: 012\nb: 0x1f\nc: 1_000\nd: 3.5\ne: yes\nf: 2021-01-02\ng: [1, 0, 7]\nh: {x: ~}\n",
    "- &first {k: 1}\n- *first\n",
    "<<: {a: 1}\nb: 2\n",
    "name: 常州市\naliases: [常州, '2021']\nline: |\n  two\n  lines\n",
    "? [1]\n: 2\n",
    "",
]


def _loaded(text: str, load):
    try:
        return load(text)
    except yaml.YAMLError as exc:
        return type(exc).__name__, str(exc)


def test_short_yaml_path_gives_what_the_loader_gives():
    for text in TRICKY_YAML:
        assert _loaded(text, _load_yaml) == _loaded(text, lambda t: yaml.load(t, Loader=_LineLoader)), text


def test_cached_sort_keys_are_the_sort_keys():
    sort_key = TripleSortKeys()
    node = ID["org/x"]
    triples = [
        (node, RDF.type, QGOV.Enterprise),
        (node, RDFS.label, Literal("某公司", lang="zh")),
        (node, QGOV.year, Literal("2021", datatype=G_YEAR)),
        (node, QGOV.quote, Literal('a "quoted"\nline')),
        (node, QGOV.degree, Literal(3)),
        (node, QGOV.partOf, URIRef("https://w3id.org/qgov/id/place/y")),
    ]
    for triple in triples * 2:  # the second time from the cache
        assert sort_key(triple) == triple_sort_key(triple)


def test_union_drops_duplicates_across_documents_and_keeps_the_order():
    node = ID["org/x"]
    shared = (node, RDFS.label, Literal("某公司", lang="zh"))
    graph = KnowledgeGraph(graphs={
        ID["doc/b"]: [(node, QGOV.year, Literal("2020", datatype=G_YEAR)), shared],
        ID["doc/a"]: [shared, (node, RDF.type, QGOV.Enterprise), shared],
    })
    expected = sorted({*graph.graphs[ID["doc/a"]], *graph.graphs[ID["doc/b"]]}, key=triple_sort_key)
    assert graph.triples() == expected
    assert RdfExport(graph).rdflib_triples == expected


def test_one_export_serves_all_four_files_like_fresh_ones():
    graph = build_graph()
    export = RdfExport(graph)
    assert export.rdflib_triples == graph.triples()
    for file_name in RDF_EXPORTS:
        assert export.serialize(file_name) == RdfExport(graph).serialize(file_name)
