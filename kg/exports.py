"""Write the built graph to disk: Turtle, N-Triples, JSON-LD and TriG.

Serialisation goes through Oxigraph (fast at a million triples) with the
triples in a fixed order, so the same facts give byte-identical files and a
diff of the exports shows only what changed. Files are written into a
temporary folder first and moved into place only when all are complete.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.builder import KnowledgeGraph, Triple, triple_sort_key
from kg.namespace import PREFIXES

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


def _ox_triples(triples: list[Triple]) -> list[ox.Triple]:
    return [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]


def _ox_quads(graph: KnowledgeGraph) -> list[ox.Quad]:
    quads = []
    for name in sorted(graph.graphs):
        named = ox.NamedNode(str(name))
        for s, p, o in sorted(set(graph.graphs[name]), key=triple_sort_key):
            quads.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), named))
    return quads


def serialize(graph: KnowledgeGraph, file_name: str) -> bytes:
    """The bytes of one export file."""
    rdf_format = RDF_EXPORTS[file_name]
    if rdf_format is ox.RdfFormat.TRIG:
        return ox.serialize(_ox_quads(graph), format=rdf_format, prefixes=_PREFIXES)
    triples = _ox_triples(graph.triples())
    if rdf_format is ox.RdfFormat.N_TRIPLES:
        return ox.serialize(triples, format=rdf_format)
    return ox.serialize(triples, format=rdf_format, prefixes=_PREFIXES)


class StagedExports:
    """A temporary folder beside ``out`` whose files replace those in ``out`` on commit.

    Used as a context manager: if anything fails before ``commit()``, the
    staged files are removed and ``out`` is left as it was.
    """

    def __init__(self, out: Path):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=".qkg-staging-", dir=self.out))
        self.files: list[str] = []

    def path(self, relative: str) -> Path:
        target = self.dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative not in self.files:
            self.files.append(relative)
        return target

    def write_bytes(self, relative: str, data: bytes) -> None:
        self.path(relative).write_bytes(data)

    def commit(self) -> list[Path]:
        written = []
        for relative in self.files:
            target = self.out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.dir / relative, target)
            written.append(target)
        return written

    def __enter__(self) -> "StagedExports":
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def stage_rdf(graph: KnowledgeGraph, staged: StagedExports) -> None:
    for file_name in RDF_EXPORTS:
        staged.write_bytes(file_name, serialize(graph, file_name))
