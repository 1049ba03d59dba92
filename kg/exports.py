"""Write the built graph to disk: Turtle, N-Triples, JSON-LD and TriG.

Serialisation goes through Oxigraph (fast at a million triples) with the
triples in a fixed order, so the same facts give byte-identical files and a
diff of the exports shows only what changed. Files are written into a
staging folder and swapped into place only when all are complete (kg/staging.py).
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.builder import KnowledgeGraph, Triple, TripleSortKeys
from kg.errors import write_failure
from kg.namespace import PREFIXES
from kg.staging import StagedExports

RDF_EXPORTS = {
    "qgov.ttl": ox.RdfFormat.TURTLE,
    "qgov.nt": ox.RdfFormat.N_TRIPLES,
    "qgov.jsonld": ox.RdfFormat.JSON_LD,
    "qgov.trig": ox.RdfFormat.TRIG,
}
# Instance IRIs are written in full: their local parts hold "/", which a prefixed name would escape.
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items() if prefix != "qid"}


def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


class _OxTerms:
    """Oxigraph terms by the text of the sort keys, each distinct term converted once."""

    def __init__(self):
        self._nodes: dict[str, ox.NamedNode] = {}  # IRI text -> node
        self._objects: dict[str, object] = {}  # N3 form -> term

    def node(self, text: str, term):
        if type(term) is not URIRef:
            return to_oxigraph(term)
        found = self._nodes.get(text)
        if found is None:
            found = self._nodes[text] = ox.NamedNode(text)
        return found

    def triple(self, key: tuple, triple: Triple) -> ox.Triple:
        s_text, _, p_text, o_n3 = key
        s, p, o = triple
        o_term = self._objects.get(o_n3)
        if o_term is None:
            o_term = self._objects[o_n3] = to_oxigraph(o)
        return ox.Triple(self.node(s_text, s), self.node(p_text, p), o_term)


class RdfExport:
    """A graph's triples as Oxigraph terms, converted and sorted once for every export file."""

    def __init__(self, graph: KnowledgeGraph):
        sort_key, terms = TripleSortKeys(), _OxTerms()
        union: dict[tuple, ox.Triple] = {}
        originals: dict[tuple, Triple] = {}
        # Each document's graph in the order of ``triple_sort_key``, for TriG.
        self.named: list[tuple[ox.NamedNode, list[ox.Triple]]] = []
        for name in sorted(graph.graphs):
            rows: dict[tuple, ox.Triple] = {}
            for triple in graph.graphs[name]:
                key = sort_key(triple)
                if key not in rows:
                    converted = union.get(key)
                    if converted is None:
                        converted = union[key] = terms.triple(key, triple)
                        originals[key] = triple
                    rows[key] = converted
            self.named.append((ox.NamedNode(str(name)), [rows[key] for key in sorted(rows)]))
        keys = sorted(union)
        self.triples = [union[key] for key in keys]
        # The same union as rdflib terms, as ``graph.triples()`` gives it, for writers that read rdflib.
        self.rdflib_triples = [originals[key] for key in keys]

    def _quads(self):
        for name, triples in self.named:
            for triple in triples:
                yield ox.Quad(triple.subject, triple.predicate, triple.object, name)

    def serialize(self, file_name: str, output=None) -> bytes | None:
        """The bytes of one export file, or None when written straight into ``output`` (a path)."""
        rdf_format = RDF_EXPORTS[file_name]
        prefixes = {} if rdf_format is ox.RdfFormat.N_TRIPLES else {"prefixes": _PREFIXES}
        data = self._quads() if rdf_format is ox.RdfFormat.TRIG else self.triples
        return ox.serialize(data, output, format=rdf_format, **prefixes)


def serialize(graph: KnowledgeGraph, file_name: str) -> bytes:
    """The bytes of one export file."""
    return RdfExport(graph).serialize(file_name)


def turtle_bytes(triples) -> bytes:
    """Turtle of plain triples, in the order of the exports, duplicates dropped.

    The lean path for one graph and one file: no per-document lists, no rdflib copy.
    """
    sort_key, terms = TripleSortKeys(), _OxTerms()
    keyed = {}
    for triple in triples:
        keyed.setdefault(sort_key(triple), triple)
    ordered = [terms.triple(key, keyed[key]) for key in sorted(keyed)]
    return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


def stage_rdf(graph: KnowledgeGraph, staged: StagedExports) -> list[Triple]:
    """Write the four RDF files into ``staged``; return ``graph.triples()``, which the export sorted anyway."""
    export = RdfExport(graph)
    for file_name in RDF_EXPORTS:
        try:
            export.serialize(file_name, staged.path(file_name))
        except OSError as exc:
            raise write_failure(exc, staged.out / file_name) from None
    return export.rdflib_triples
