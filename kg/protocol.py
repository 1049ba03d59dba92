"""SPARQL 1.1 query results in the Protocol's four formats, and the choice of one from an Accept header.

JSON, CSV and XML are written by rdflib's result serialisers; TSV, which rdflib does not write,
is the header of variables and each term as Oxigraph's term writer gives it (the SPARQL 1.1 TSV
format is terms in Turtle/N-Triples form).
"""
from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib.query import Result

from kg.queries import QueryResult

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}
_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml"}
_BY_MEDIA_TYPE = {media: name for name, media in MEDIA_TYPES.items()} | _ALIASES


def negotiate(accept: str | None, offered: tuple[str, ...] = tuple(MEDIA_TYPES), default: str = "json") -> str | None:
    """The offered format the Accept header prefers (None when it accepts none of them)."""
    if not accept or not accept.strip():
        return default
    best, best_q = None, 0.0
    for position, item in enumerate(accept.split(",")):
        media, *options = [part.strip() for part in item.split(";")]
        q = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.lower()
        if media in ("*/*", "application/*"):
            name = default
        else:
            name = _BY_MEDIA_TYPE.get(media)
        if name in offered and q > best_q:
            best, best_q = name, q
    return best


def _rdflib_term(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False)


def _tsv(result: QueryResult) -> bytes:
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize(result: QueryResult, fmt: str) -> bytes:
    """``result`` in the format ``fmt`` (json, csv, tsv or xml)."""
    if fmt == "tsv":
        return _tsv(result)
    variables = [rdflib.Variable(name) for name in result.variables]
    answer = Result("SELECT")
    answer.vars = variables
    answer.bindings = [
        {variable: _rdflib_term(term) for variable, term in zip(variables, row) if term is not None}
        for row in result.rows
    ]
    return answer.serialize(format=fmt, encoding="utf-8")


def serialize_boolean(answer: bool, fmt: str) -> bytes:
    """An ASK query's answer in JSON or XML."""
    result = Result("ASK")
    result.askAnswer = answer
    return result.serialize(format=fmt, encoding="utf-8")
