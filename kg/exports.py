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

from kg.builder import KnowledgeGraph, predicate_rank
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


class _Converter:
    """rdflib terms as (text, N3 form, Oxigraph term, rank as a predicate), each distinct term converted once.

    A million triples hold far fewer distinct terms (predicates, classes,
    documents, years repeat), so the cache spares most conversions. IRIs are
    looked up by their plain text: comparing rdflib terms costs a Python call.
    """

    def __init__(self):
        self.iris: dict[str, tuple] = {}
        self._literals: dict = {}

    def __call__(self, term) -> tuple[str, str, object, int]:
        if type(term) is URIRef:
            text = str(term)
            found = self.iris.get(text)
            if found is None:
                found = self.iris[text] = (text, term.n3(), to_oxigraph(term), predicate_rank(term))
            return found
        found = self._literals.get(term)
        if found is None:
            found = self._literals[term] = (str(term), term.n3(), to_oxigraph(term), 2)
        return found


def _sorted_rows(triples, convert: _Converter) -> dict[tuple, ox.Triple]:
    """Sort key (as ``triple_sort_key``) -> Oxigraph triple, without duplicates."""
    rows: dict[tuple, ox.Triple] = {}
    iris = convert.iris
    for s, p, o in triples:
        # The IRI cache inline, by plain text: this loop runs once per triple.
        s_text, _, s_term, _ = (type(s) is URIRef and iris.get(str(s))) or convert(s)
        p_text, _, p_term, p_rank = (type(p) is URIRef and iris.get(str(p))) or convert(p)
        _, o_n3, o_term, _ = (type(o) is URIRef and iris.get(str(o))) or convert(o)
        key = (s_text, p_rank, p_text, o_n3)
        if key not in rows:
            rows[key] = ox.Triple(s_term, p_term, o_term)
    return rows


class RdfExport:
    """A graph's triples as Oxigraph terms, converted and sorted once for every export file."""

    def __init__(self, graph: KnowledgeGraph):
        convert = _Converter()
        union: dict[tuple, ox.Triple] = {}
        # Each document's graph in the order of ``triple_sort_key``, for TriG.
        self.named: list[tuple[ox.NamedNode, list[ox.Triple]]] = []
        for name in sorted(graph.graphs):
            rows = _sorted_rows(graph.graphs[name], convert)
            self.named.append((ox.NamedNode(str(name)), [rows[key] for key in sorted(rows)]))
            union.update(rows)
        self.triples = [union[key] for key in sorted(union)]

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


def stage_rdf(graph: KnowledgeGraph, staged: StagedExports) -> RdfExport:
    """Write the four RDF files into ``staged``; the prepared triples are returned for other writers."""
    export = RdfExport(graph)
    for file_name in RDF_EXPORTS:
        export.serialize(file_name, staged.path(file_name))
    return export
