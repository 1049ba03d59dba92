"""The knowledge graph as the page shows it: entities as nodes, facts as edges.

Conferrals, memberships and adoptions are nodes in the RDF; here each becomes
an edge (recipient → award, person → organisation, adopter → program) that
keeps its year, its role and the documents it was derived from. Facts that
are plain triples (located in, part of, …) take as sources the document
graphs holding the triple.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from rdflib import namespace as rdflib_namespaces

from kg import namespace as qkg_namespaces
from kg.builder import KnowledgeGraph, Triple
from kg.namespace import AWARD_LEVELS, ENTITY_CLASSES, TermsMadeOnce

DCTERMS, PROV, RDF, RDFS, SKOS = (TermsMadeOnce(getattr(rdflib_namespaces, name))
                                 for name in ("DCTERMS", "PROV", "RDF", "RDFS", "SKOS"))
ORG, QGOV, SCHEMA = (TermsMadeOnce(getattr(qkg_namespaces, name)) for name in ("ORG", "QGOV", "SCHEMA"))

TYPE_OF_CLASS = {cls: name for name, cls in ENTITY_CLASSES.items()}
LEVEL_OF_IRI = {iri: key for key, iri in AWARD_LEVELS.items()}
PLACE_TYPES = ("City", "Province")

# Plain triples drawn as edges: predicate -> (relation, whether the edge runs object → subject).
_DIRECT_EDGES = {
    QGOV.locatedIn: ("located", False),
    QGOV.partOf: ("part_of", False),
    QGOV.implements: ("implements", False),
    QGOV.conferredBy: ("confers", True),
    QGOV.nominationFor: ("nomination", False),
    QGOV.issuedBy: ("issues", True),
    QGOV.heldIn: ("held_in", False),
    QGOV.organizer: ("organizes", True),
}


@dataclass
class SourceDocument:
    id: str
    title: str
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    source_file: str | None = None  # the document's file name, when the facts give it
    sha256: str | None = None  # of its text, when the facts give it


@dataclass
class EdgeFact:
    """One statement behind an edge: a conferral in a year, a position with a role, …"""

    documents: list[str]
    year: int | None = None
    detail: str | None = None  # the role of a position
    # Where each document states it: (document, start, end, quoted text or None).
    evidence: list[tuple[str, int, int, str | None]] = field(default_factory=list)
    # An extracted fact's confidence (the least of its evidence spans'); None for a curated fact.
    confidence: float | None = None


@dataclass
class VizEdge:
    source: str
    target: str
    relation: str
    facts: list[EdgeFact] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.relation)

    @property
    def years(self) -> list[int]:
        return sorted({f.year for f in self.facts if f.year})

    @property
    def details(self) -> list[str]:
        return sorted({f.detail for f in self.facts if f.detail})


@dataclass
class VizNode:
    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    level: str | None = None  # awards: a key of kg.namespace.AWARD_LEVELS
    year: int | None = None  # regulations, events, programs
    documents: list[str] = field(default_factory=list)  # where it is mentioned
    cities: list[str] = field(default_factory=list)  # ids of the cities it belongs to


@dataclass
class VizGraph:
    nodes: dict[str, VizNode]
    edges: list[VizEdge]
    documents: dict[str, SourceDocument]
    quoted: Any = None  # kg.viz.sources.Quoted, once facts were quoted from the source documents

    def neighbours(self) -> dict[str, set[str]]:
        around: dict[str, set[str]] = {node_id: set() for node_id in self.nodes}
        for edge in self.edges:
            around[edge.source].add(edge.target)
            around[edge.target].add(edge.source)
        return around

    def degrees(self) -> dict[str, int]:
        return {node_id: len(others) for node_id, others in self.neighbours().items()}

    def subgraph(self, keep: set[str], edges: list[VizEdge] | None = None) -> "VizGraph":
        """The nodes in ``keep``, the edges between them, and only the documents still cited."""
        kept_edges = [e for e in (self.edges if edges is None else edges) if e.source in keep and e.target in keep]
        nodes = {node_id: node for node_id, node in self.nodes.items() if node_id in keep}
        cited = {d for n in nodes.values() for d in n.documents}
        cited.update(d for e in kept_edges for f in e.facts for d in f.documents)
        documents = {doc_id: doc for doc_id, doc in self.documents.items() if doc_id in cited}
        return VizGraph(nodes=nodes, edges=kept_edges, documents=documents)


def _year(value) -> int | None:
    try:
        return int(str(value)[:4])
    except ValueError:
        return None


def _text_of_key(item) -> str:
    return str(item[0])


class _Index:
    """Triples by subject, and the documents whose graphs hold each triple."""

    def __init__(self, graph: KnowledgeGraph):
        self.by_subject: dict[URIRef, dict[URIRef, list]] = defaultdict(lambda: defaultdict(list))
        self.sources: dict[Triple, set[str]] = defaultdict(set)
        self._by_type: dict[URIRef, list[URIRef]] | None = None
        for document, triples in graph.graphs.items():
            for triple in triples:
                self.sources[triple].add(str(document))
        for s, p, o in self.sources:
            self.by_subject[s][p].append(o)
        # In the order of the triples' text, so that the page is the same in every process.
        self.by_subject = {s: {p: sorted(objects, key=str) for p, objects in sorted(props.items(), key=_text_of_key)}
                           for s, props in sorted(self.by_subject.items(), key=_text_of_key)}

    def values(self, subject, predicate) -> list:
        return self.by_subject.get(subject, {}).get(predicate, [])

    def value(self, subject, predicate):
        found = self.values(subject, predicate)
        return found[0] if found else None

    def subjects_of_type(self, cls) -> list[URIRef]:
        if self._by_type is None:
            self._by_type = defaultdict(list)
            for subject, props in self.by_subject.items():
                for type_ in props.get(RDF.type, ()):
                    self._by_type[type_].append(subject)
        return self._by_type.get(cls, [])


def _text(value) -> str | None:
    return str(value) if isinstance(value, Literal) else None


def _documents(index: _Index) -> dict[str, SourceDocument]:
    documents = {}
    for doc in index.subjects_of_type(QGOV.Document):
        documents[str(doc)] = SourceDocument(
            id=str(doc),
            title=_text(index.value(doc, DCTERMS.title)) or str(doc),
            date=_text(index.value(doc, DCTERMS.date)),
            publisher=_text(index.value(doc, DCTERMS.publisher)),
            url=_text(index.value(doc, SCHEMA.url)),
            source_file=_text(index.value(doc, QGOV.sourceFile)),
            sha256=_text(index.value(doc, QGOV.sha256)),
        )
    return documents


def _nodes(index: _Index) -> dict[str, VizNode]:
    nodes = {}
    for subject, props in index.by_subject.items():
        types = [TYPE_OF_CLASS[c] for c in props.get(RDF.type, ()) if c in TYPE_OF_CLASS]
        if not types:
            continue
        level = index.value(subject, QGOV.level)
        year = index.value(subject, QGOV.year)
        nodes[str(subject)] = VizNode(
            id=str(subject),
            label=str(index.value(subject, RDFS.label) or subject),
            type=types[0],
            aliases=sorted({str(a) for a in index.values(subject, SKOS.altLabel)}),
            level=LEVEL_OF_IRI.get(level),
            year=_year(year) if year is not None else None,
            documents=sorted(str(d) for d in index.values(subject, QGOV.mentionedIn)),
        )
    return nodes


class _EdgeCollector:
    """Merges facts about the same (source, target, relation) into one edge."""

    def __init__(self, nodes: dict[str, VizNode]):
        self.nodes = nodes
        self.edges: dict[tuple[str, str, str], VizEdge] = {}

    def add(self, source, target, relation: str, fact: EdgeFact) -> None:
        source, target = str(source), str(target)
        if source not in self.nodes or target not in self.nodes or source == target:
            return
        edge = self.edges.setdefault((source, target, relation), VizEdge(source, target, relation))
        if fact not in edge.facts:
            edge.facts.append(fact)


def _reified_facts(index: _Index, edges: _EdgeCollector) -> set[tuple[str, str, str]]:
    """Conferrals, memberships and adoptions as edges; returns the adoption pairs seen."""
    def derived(node) -> list[str]:
        return sorted(str(d) for d in index.values(node, PROV.wasDerivedFrom))

    def evidence(node) -> list[tuple[str, int, int, str | None]]:
        spans = []
        for span in index.values(node, QGOV.evidence):
            quote = index.value(span, QGOV.quote)
            spans.append((
                str(index.value(span, QGOV.inDocument)),
                int(index.value(span, QGOV.startOffset)),
                int(index.value(span, QGOV.endOffset)),
                str(quote) if quote is not None else None,
            ))
        return sorted(spans, key=lambda e: (e[0], e[1], e[2]))

    def confidence(node) -> float | None:
        values = [float(value) for span in index.values(node, QGOV.evidence)
                  if (value := index.value(span, QGOV.confidence)) is not None]
        return min(values) if values else None

    for node in index.subjects_of_type(QGOV.AwardConferral):
        year = index.value(node, QGOV.year)
        fact = EdgeFact(documents=derived(node), year=_year(year) if year is not None else None, evidence=evidence(node),
                        confidence=confidence(node))
        edges.add(index.value(node, QGOV.recipient), index.value(node, QGOV.award), "award", fact)
    for node in index.subjects_of_type(ORG.Membership):
        role = index.value(node, ORG.role)
        fact = EdgeFact(documents=derived(node), detail=_text(index.value(role, RDFS.label)), evidence=evidence(node),
                        confidence=confidence(node))
        edges.add(index.value(node, ORG.member), index.value(node, ORG.organization), "position", fact)
    adopted = set()
    for node in index.subjects_of_type(QGOV.ProgramAdoption):
        adopter, program = index.value(node, QGOV.adopter), index.value(node, QGOV.program)
        since = index.value(node, QGOV.since)
        fact = EdgeFact(documents=derived(node), year=_year(since) if since else None, evidence=evidence(node),
                        confidence=confidence(node))
        edges.add(adopter, program, "implements", fact)
        adopted.add((str(adopter), str(program), "implements"))
    return adopted


def _direct_facts(index: _Index, edges: _EdgeCollector, adopted: set) -> None:
    for (s, p, o), documents in index.sources.items():
        if p not in _DIRECT_EDGES:
            continue
        relation, reverse = _DIRECT_EDGES[p]
        source, target = (o, s) if reverse else (s, o)
        if (str(source), str(target), relation) in adopted:
            continue  # the adoption already gave this edge its year and sources
        edges.add(source, target, relation, EdgeFact(documents=sorted(documents)))


def _assign_cities(graph: VizGraph) -> None:
    """Each node's cities: a place's own chain, an organisation's or event's place, a person's employers', …"""
    nodes = graph.nodes
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for edge in graph.edges:
        out[edge.source][edge.relation].append(edge.target)

    def place_chain(place: str, seen: set[str]) -> set[str]:
        if place in seen:
            return set()
        seen.add(place)
        found = {place} if nodes[place].type == "City" else set()
        for parent in out[place]["part_of"]:
            found |= place_chain(parent, seen)
        return found

    def places_of(node_id: str) -> set[str]:
        node = nodes[node_id]
        if node.type in PLACE_TYPES:
            return place_chain(node_id, set())
        targets = out[node_id]["located"] + out[node_id]["held_in"]
        return set().union(*(place_chain(t, set()) for t in targets if nodes[t].type in PLACE_TYPES))

    incoming: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for edge in graph.edges:
        incoming[edge.target][edge.relation].append(edge.source)
    for node_id, node in nodes.items():
        if node.type == "Person":
            cities = set().union(*(places_of(org) for org in out[node_id]["position"]))
        elif node.type in ("Award", "Regulation"):
            issuers = incoming[node_id]["confers"] + incoming[node_id]["issues"]
            cities = set().union(*(places_of(i) for i in issuers))
        else:
            cities = places_of(node_id)
        node.cities = sorted(cities)


def viz_graph(graph: KnowledgeGraph) -> VizGraph:
    """The drawable form of a built knowledge graph."""
    index = _Index(graph)
    nodes = _nodes(index)
    edges = _EdgeCollector(nodes)
    adopted = _reified_facts(index, edges)
    _direct_facts(index, edges, adopted)
    for edge in edges.edges.values():
        edge.facts.sort(key=lambda f: (f.year or 0, f.detail or "", f.documents))
    result = VizGraph(
        nodes=dict(sorted(nodes.items())),
        edges=sorted(edges.edges.values(), key=lambda e: e.key),
        documents=_documents(index),
    )
    _assign_cities(result)
    return result
