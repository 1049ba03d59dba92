"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl``.

The shapes name every class they apply to, subclasses included, so validation
runs without inference and without mixing the ontology into the data: that
keeps it fast and leaves the caller's graph untouched.

``kg.shacl`` validates (a million triples in seconds); when the shapes use a
feature it does not evaluate, or the data holds a case it leaves open, pyshacl
validates instead. pyshacl is the reference the tests compare it with.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import DataNotFound
from kg.namespace import DCTERMS, ORG, PREFIXES, QGOV, RDF, RDFS, SH
from kg.resources import shapes_file
from kg.shacl import EngineUndecided, ShapesEngine, ShapesUnsupported

log = logging.getLogger(__name__)

# Parsers by file suffix; the ``ox-`` ones are Oxigraph's, much faster than
# rdflib's own on large files and equally strict.
GRAPH_FORMATS = {
    ".ttl": "ox-turtle",
    ".nt": "ox-ntriples",
    ".trig": "ox-trig",
    ".nq": "ox-nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
_QUAD_FORMATS = {"ox-trig", "ox-nquads"}

# Longest namespace first, so that the most specific prefix wins.
_PREFIXES_BY_LENGTH = sorted(
    ((prefix, str(namespace)) for prefix, namespace in PREFIXES.items()),
    key=lambda item: len(item[1]),
    reverse=True,
)


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with every node already rendered for people."""

    focus: str  # the focus node: its label (or a description) and compact IRI
    path: str | None  # the property, compacted (qgov:year)
    value: str | None  # the offending value, rendered
    message: str
    severity: str  # Violation | Warning | Info

    @property
    def is_violation(self) -> bool:
        """True when the result makes the graph invalid (warnings and infos do not)."""
        return self.severity == "Violation"

    def __str__(self) -> str:
        parts = [f"{self.severity}: {self.focus}"]
        if self.path:
            parts.append(self.path)
        text = ": ".join(parts) + f": {self.message}"
        if self.value is not None:
            text += f" (value: {self.value})"
        return text


def compact(iri: str) -> str:
    """``qgov:year`` for a known namespace, else ``<iri>``."""
    for prefix, namespace in _PREFIXES_BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def _label(graph: Graph, node: Node) -> str | None:
    """The node's Chinese label if it has one, else any label or title."""
    labels = [*graph.objects(node, RDFS.label), *graph.objects(node, DCTERMS.title)]
    if not labels:
        return None
    chinese = [label for label in labels if getattr(label, "language", None) == "zh"]
    return _one_line(str(min(chinese or labels)))


def _name(graph: Graph, node: Node | None) -> str:
    """The label of a node, or its compact IRI when it has none."""
    if node is None:
        return "?"
    return _label(graph, node) or _render_term(node)


def _render_term(node: Node) -> str:
    if isinstance(node, Literal):
        text = f'"{_one_line(str(node))}"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None:
            return f"{text}^^{compact(str(node.datatype))}"
        return text
    if isinstance(node, URIRef):
        return compact(str(node))
    return f"_:{node}"


def _describe(graph: Graph, node: Node) -> str | None:
    """Words for a node without a label: reified facts are named by their parts."""
    types = set(graph.objects(node, RDF.type))
    value = partial(graph.value, node)
    if QGOV.AwardConferral in types:
        year = value(QGOV.year)
        when = f" in {year}" if year is not None else ""
        return f"conferral of {_name(graph, value(QGOV.award))} on {_name(graph, value(QGOV.recipient))}{when}"
    if ORG.Membership in types:
        return (f"position of {_name(graph, value(ORG.member))} as {_name(graph, value(ORG.role))}"
                f" at {_name(graph, value(ORG.organization))}")
    if QGOV.ProgramAdoption in types:
        return f"adoption of {_name(graph, value(QGOV.program))} by {_name(graph, value(QGOV.adopter))}"
    if QGOV.TextSpan in types:
        return (f"text [{value(QGOV.startOffset)}, {value(QGOV.endOffset)})"
                f" of {_name(graph, value(QGOV.inDocument))}")
    if types:
        return "unnamed " + ", ".join(sorted(_render_term(t) for t in types))
    return None


def render_node(graph: Graph, node: Node) -> str:
    """A node as a person reads it: its label or description, then its compact IRI."""
    if isinstance(node, Literal):
        return _render_term(node)
    words = _label(graph, node) or _describe(graph, node)
    term = _render_term(node)
    return f"{words} ({term})" if words else term


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shapes that ship with the package, parsed once."""
    return Graph().parse(shapes_file(), format="turtle")


def _violation(graph: Graph, focus: Node | None, path: Node | None, value: Node | None, message: str,
               severity: Node | None) -> Violation:
    return Violation(
        focus=render_node(graph, focus) if focus is not None else "?",
        path=compact(str(path)) if isinstance(path, URIRef) else None,
        value=render_node(graph, value) if value is not None else None,
        message=message,
        severity=str(severity).removeprefix(str(SH)) if severity is not None else "Violation",
    )


def _in_order(violations: list[Violation]) -> list[Violation]:
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return violations


def _results(graph: Graph, report: Graph) -> list[Violation]:
    violations = []
    # Only the report's own results: those nested under sh:detail (from sh:node) repeat them.
    top_level = (result for report_node in report.subjects(RDF.type, SH.ValidationReport)
                 for result in report.objects(report_node, SH.result))
    for result in top_level:
        message = report.value(result, SH.resultMessage)
        violations.append(_violation(
            graph, report.value(result, SH.focusNode), report.value(result, SH.resultPath),
            report.value(result, SH.value),
            str(message) if message is not None else compact(str(report.value(result, SH.sourceConstraintComponent))),
            report.value(result, SH.resultSeverity),
        ))
    return _in_order(violations)


def validate_with_pyshacl(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """The violations pyshacl finds: the reference, and the fallback of ``validate_graph``."""
    conforms, report, _ = pyshacl_validate(
        graph,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        inplace=True,  # nothing is inferred, so nothing is written into the caller's graph
        abort_on_first=False,
    )
    return [] if conforms else _results(graph, report)


@lru_cache(maxsize=1)
def _default_engine() -> ShapesEngine | ShapesUnsupported:
    """The shipped shapes compiled once, or why they cannot be (remembered too, so it is logged once)."""
    try:
        return ShapesEngine(shapes_graph())
    except ShapesUnsupported as exc:
        log.warning("%s; validating with pyshacl", exc)
        return exc


def validate_fast(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """The violations ``kg.shacl`` finds; raises ShapesUnsupported or EngineUndecided where it cannot decide."""
    engine = _default_engine() if shapes is None else ShapesEngine(shapes)
    if isinstance(engine, ShapesUnsupported):
        raise engine
    return _in_order([_violation(graph, r.focus, r.path, r.value, r.message, r.severity)
                      for r in engine.validate(graph)])


def validate_graph(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """Every way ``graph`` breaks the shapes (the shipped ones by default); an empty list means it is valid."""
    started = time.perf_counter()
    validator = "kg.shacl"
    try:
        violations = validate_fast(graph, shapes)
    except (ShapesUnsupported, EngineUndecided) as exc:
        log.info("%s; validating with pyshacl", exc)
        validator = "pyshacl"
        violations = validate_with_pyshacl(graph, shapes)
    log.info("validated %d triples with %s in %.2f s: %d violations", len(graph), validator,
             time.perf_counter() - started, len(violations))
    return violations


def load_graph(path: Path | str) -> Graph:
    """Parse a graph file by its suffix; the named graphs of TriG and N-Quads are merged."""
    path = Path(path)
    if not path.is_file():
        raise DataNotFound(f"{path}: no such file")
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise DataNotFound(f"{path}: unknown graph format (use {', '.join(GRAPH_FORMATS)})")
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for subject, predicate, obj, _ in dataset.quads():
                graph.add((subject, predicate, obj))
        else:
            graph = Graph().parse(path, format=fmt)
    except Exception as exc:  # every parser raises its own kinds of error
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise DataNotFound(f"{path}: cannot parse: {first_line}") from exc
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def validate_file(path: Path | str) -> tuple[Graph, list[Violation]]:
    """The graph of ``path`` and its violations of the shapes."""
    graph = load_graph(path)
    return graph, validate_graph(graph)
