"""Facts → RDF, following the contract (../shared/spec/CONTRACT.md).

The builder emits the triples each source document supports into that
document's own graph; the union of those graphs is the knowledge graph. It
never mints a blank node, so every build of the same facts gives the same
triples, and the exports can be written byte for byte the same.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespace

from kg.factfile import LOCATED_KINDS, RECIPIENT_KINDS
from kg.model import DocumentFacts
from kg import namespace
from kg.namespace import (
    AWARD_LEVEL_OF_DIVISION,
    AWARD_LEVELS,
    DIVISION_LEVELS,
    ENTITY_CLASSES,
    KIND_OF_TYPE,
    PREFIXES,
    TermsMadeOnce,
    adoption_iri,
    conferral_iri,
    document_iri,
    membership_iri,
    normalize_name,
    role_iri,
    span_iri,
)
from kg.resolve import ResolvedEntity, resolve_entities

Triple = tuple[URIRef, URIRef, URIRef | Literal]


DCTERMS, PROV, RDF, RDFS, SKOS, XSD = (TermsMadeOnce(getattr(rdflib_namespace, name))
                                       for name in ("DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD"))
ORG, QGOV, SCHEMA = (TermsMadeOnce(namespace.ORG), TermsMadeOnce(namespace.QGOV), TermsMadeOnce(namespace.SCHEMA))

_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


@dataclass
class KnowledgeGraph:
    """The built graph: one list of triples per source document."""

    graphs: dict[URIRef, list[Triple]] = field(default_factory=dict)
    entities: list[ResolvedEntity] = field(default_factory=list)

    def triples(self) -> list[Triple]:
        """The union of the document graphs, without duplicates, in a stable order (``triple_sort_key``)."""
        sort_key = TripleSortKeys()
        union: dict[tuple, Triple] = {}
        for triples in self.graphs.values():
            for triple in triples:
                union.setdefault(sort_key(triple), triple)
        return [union[key] for key in sorted(union)]

    def to_graph(self) -> Graph:
        """The union as an rdflib Graph (whose store drops the duplicates: no need to sort them out first)."""
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        graph.addN((s, p, o, graph) for triples in self.graphs.values() for s, p, o in triples)
        return graph

    def summary(self) -> "BuildSummary":
        union = set().union(*map(set, self.graphs.values())) if self.graphs else set()
        types = Counter(o for s, p, o in union if p == RDF.type)
        by_type = {name: types[cls] for name, cls in ENTITY_CLASSES.items() if types[cls]}
        return BuildSummary(
            entities_by_type=by_type,
            conferrals=types[QGOV.AwardConferral],
            positions=types[ORG.Membership],
            adoptions=types[QGOV.ProgramAdoption],
            documents=types[QGOV.Document],
            triples=len(union),
        )


@dataclass
class BuildSummary:
    entities_by_type: dict[str, int]
    conferrals: int
    positions: int
    adoptions: int
    documents: int
    triples: int

    def lines(self) -> list[str]:
        entities = ", ".join(f"{n} {t}" for t, n in self.entities_by_type.items())
        return [
            f"entities: {sum(self.entities_by_type.values())} ({entities})",
            f"conferrals: {self.conferrals}, positions: {self.positions}, adoptions: {self.adoptions}",
            f"documents: {self.documents}, triples: {self.triples}",
        ]


# rdf:type first, then the label, so each subject reads naturally in Turtle.
_PREDICATE_RANKS = {RDF.type: 0, RDFS.label: 1}
_PREDICATE_RANK_BY_TEXT = {str(predicate): rank for predicate, rank in _PREDICATE_RANKS.items()}  # plain str: C compare


def triple_sort_key(triple: Triple) -> tuple:
    s, p, o = triple
    return (str(s), _PREDICATE_RANKS.get(p, 2), str(p), o.n3())


class TripleSortKeys:
    """``triple_sort_key`` for many triples, the N3 form of each distinct object computed once.

    Two triples have the same key exactly when they are the same triple (the
    builder mints no blank nodes), so the key also serves to drop duplicates.
    IRIs are cached by their plain text: comparing rdflib terms costs a Python call.
    """

    def __init__(self):
        self._iris: dict[str, str] = {}
        self._literals: dict[Literal, str] = {}

    def n3(self, term) -> str:
        cache, key = (self._iris, str(term)) if type(term) is URIRef else (self._literals, term)
        found = cache.get(key)
        if found is None:
            found = cache[key] = term.n3()
        return found

    def __call__(self, triple: Triple) -> tuple:
        s, p, o = triple
        p_text = str(p)
        return (str(s), _PREDICATE_RANK_BY_TEXT.get(p_text, 2), p_text, self.n3(o))


# Literals repeat (years, offsets, names across documents) and rdflib makes each one slowly: made once
# each. Typed, because 1 and 1.0 are written differently.
_made_once = lru_cache(maxsize=1 << 16, typed=True)


@_made_once
def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


@_made_once
def _date(value: str) -> Literal:
    return Literal(value, datatype=_DATE_TYPES[len(value)])


@_made_once
def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@_made_once
def _integer(number: int) -> Literal:
    return Literal(number)


@_made_once
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


class _DocumentBuilder:
    """Emits the triples of one document."""

    def __init__(self, facts: DocumentFacts, entity_of, award_levels: dict[URIRef, str]):
        self.facts = facts
        self.doc_id = facts.document.id
        self.doc = document_iri(self.doc_id)
        self.entity_of = entity_of  # (doc id, record index) -> ResolvedEntity
        self.award_levels = award_levels
        self.known_years: dict[tuple[URIRef, URIRef], set[int]] = {}
        self.triples: list[Triple] = []
        # (kind, name) -> index of the record, for every name and alias of the document.
        self.index: dict[tuple[str, str], int] = {
            (KIND_OF_TYPE[e.type], normalize_name(n)): i for i, e in enumerate(facts.entities) for n in e.names
        }

    def add(self, s, p, o) -> None:
        self.triples.append((s, p, o))

    def record_index(self, name: str, kinds: tuple[str, ...]) -> int:
        wanted = normalize_name(name)
        for kind in kinds:
            if (kind, wanted) in self.index:
                return self.index[(kind, wanted)]
        raise KeyError(name)  # factfile.check_references rules this out

    def iri(self, name: str, kinds: tuple[str, ...]) -> URIRef:
        return self.entity_of[(self.doc_id, self.record_index(name, kinds))].iri

    def build(self) -> list[Triple]:
        self.document()
        for index, record in enumerate(self.facts.entities):
            self.entity(self.entity_of[(self.doc_id, index)], record)
        for fact in self.facts.conferrals:
            self.conferral(fact)
        for fact in self.facts.positions:
            self.position(fact)
        for fact in self.facts.adoptions:
            self.adoption(fact)
        for fact in self.facts.locations:
            self.location(fact)
        return self.triples

    def document(self) -> None:
        meta = self.facts.document
        self.add(self.doc, RDF.type, QGOV.Document)
        self.add(self.doc, DCTERMS.title, _zh(meta.title))
        if meta.date:
            self.add(self.doc, DCTERMS.date, _date(meta.date))
        if meta.publisher:
            self.add(self.doc, DCTERMS.publisher, _zh(meta.publisher))
        if meta.url:
            self.add(self.doc, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI))
        if meta.source:
            self.add(self.doc, QGOV.sourceFile, Literal(meta.source))
        if meta.sha256:
            self.add(self.doc, QGOV.sha256, Literal(meta.sha256))
        if meta.text:
            self.add(self.doc, QGOV.text, Literal(meta.text))

    def entity(self, entity: ResolvedEntity, record) -> None:
        s = entity.iri
        self.add(s, RDF.type, ENTITY_CLASSES[entity.type])
        self.add(s, RDFS.label, _zh(entity.name))
        for alias in record.names:
            if alias != entity.name:
                self.add(s, SKOS.altLabel, _zh(alias))
        self.add(s, QGOV.mentionedIn, self.doc)
        for start, end in record.mentions:
            self.add(s, QGOV.mention, self.span(start, end))
        if entity.kind == "place" and record.level:
            self.add(s, QGOV.divisionLevel, DIVISION_LEVELS[record.level])
        if entity.type == "Award":
            level = self.award_levels.get(s)
            if level:
                self.add(s, QGOV.level, AWARD_LEVELS[level])
            if record.conferrer:
                self.add(s, QGOV.conferredBy, self.iri(record.conferrer, ("org", "place")))
            if record.nomination_for:
                self.add(s, QGOV.nominationFor, self.iri(record.nomination_for, ("award",)))
        if record.issuer:
            self.add(s, QGOV.issuedBy, self.iri(record.issuer, ("org", "place")))
        if record.year:
            self.add(s, QGOV.year, _year(record.year))
        if record.date:
            self.add(s, SCHEMA.startDate, _date(record.date))
        if record.place:
            self.add(s, QGOV.heldIn, self.iri(record.place, ("place",)))
        for organizer in record.organizers:
            self.add(s, QGOV.organizer, self.iri(organizer, ("org", "place", "person")))

    def span(self, start: int, end: int, quote: str | None = None, confidence: float | None = None) -> URIRef:
        span = span_iri(self.doc_id, start, end)
        self.add(span, RDF.type, QGOV.TextSpan)
        self.add(span, QGOV.inDocument, self.doc)
        self.add(span, QGOV.startOffset, _integer(start))
        self.add(span, QGOV.endOffset, _integer(end))
        if quote:
            self.add(span, QGOV.quote, Literal(quote))
        if confidence is not None:
            self.add(span, QGOV.confidence, _confidence(confidence))
        return span

    def provenance(self, node: URIRef, fact) -> None:
        self.add(node, PROV.wasDerivedFrom, self.doc)
        if fact.evidence:
            self.add(node, QGOV.evidence, self.span(*fact.evidence, fact.quote, fact.confidence))

    def conferral_parties(self, fact) -> tuple[URIRef, URIRef]:
        return self.iri(fact.recipient, RECIPIENT_KINDS), self.iri(fact.award, ("award",))

    def adoption_parties(self, fact) -> tuple[URIRef, URIRef]:
        return self.iri(fact.adopter, ("org", "place")), self.iri(fact.program, ("program",))

    def year_of(self, subject: URIRef, obj: URIRef, stated: int | None) -> int | None:
        """The year that identifies a conferral or adoption.

        A document that gives no year states the same fact as one that does, when only one year is known.
        """
        if stated:
            return stated
        years = self.known_years.get((subject, obj), set())
        return next(iter(years)) if len(years) == 1 else None

    def conferral(self, fact) -> None:
        recipient, award = self.conferral_parties(fact)
        node = conferral_iri(recipient, award, self.year_of(recipient, award, fact.year))
        self.add(node, RDF.type, QGOV.AwardConferral)
        self.add(node, QGOV.recipient, recipient)
        self.add(node, QGOV.award, award)
        if fact.year:
            self.add(node, QGOV.year, _year(fact.year))
        self.provenance(node, fact)

    def position(self, fact) -> None:
        person = self.iri(fact.person, ("person",))
        organization = self.iri(fact.organization, ("org", "place"))
        role = role_iri(fact.role)
        node = membership_iri(person, organization, role)
        self.add(role, RDF.type, ORG.Role)
        self.add(role, RDFS.label, _zh(fact.role))
        self.add(node, RDF.type, ORG.Membership)
        self.add(node, ORG.member, person)
        self.add(node, ORG.organization, organization)
        self.add(node, ORG.role, role)
        self.provenance(node, fact)

    def adoption(self, fact) -> None:
        adopter, program = self.adoption_parties(fact)
        node = adoption_iri(adopter, program, self.year_of(adopter, program, fact.since))
        self.add(adopter, QGOV.implements, program)
        self.add(node, RDF.type, QGOV.ProgramAdoption)
        self.add(node, QGOV.adopter, adopter)
        self.add(node, QGOV.program, program)
        if fact.since:
            self.add(node, QGOV.since, _year(fact.since))
        self.provenance(node, fact)

    def location(self, fact) -> None:
        record = self.facts.entities[self.record_index(fact.entity, LOCATED_KINDS)]
        thing = self.iri(fact.entity, LOCATED_KINDS)
        within = self.iri(fact.within, ("place",))
        predicate = {"City": QGOV.partOf, "Province": QGOV.partOf, "Event": QGOV.heldIn}.get(record.type, QGOV.locatedIn)
        self.add(thing, predicate, within)


def _award_levels(entities: list[ResolvedEntity]) -> dict[URIRef, str]:
    """Each award's level: explicit, else from its conferring government, else from its main award."""
    by_name: dict[tuple[str, str], ResolvedEntity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            by_name.setdefault((entity.kind, name), entity)
    division_level = {e.iri: e.first("level") for e in entities if e.kind == "place"}
    for entity in entities:
        if entity.type == "Province" and not division_level.get(entity.iri):
            division_level[entity.iri] = "province"

    levels: dict[URIRef, str] = {}
    pending: list[ResolvedEntity] = []
    for award in (e for e in entities if e.type == "Award"):
        level = award.first("level")
        conferrer = award.first("conferrer")
        if not level and conferrer:
            government = by_name.get(("place", conferrer))
            level = government and AWARD_LEVEL_OF_DIVISION.get(division_level.get(government.iri) or "")
        if level:
            levels[award.iri] = level
        else:
            pending.append(award)
    for award in pending:
        main = award.first("nomination_for")
        main_entity = main and by_name.get(("award", main))
        if main_entity and main_entity.iri in levels:
            levels[award.iri] = levels[main_entity.iri]
    return levels


def build(documents: list[DocumentFacts]) -> KnowledgeGraph:
    """Build the knowledge graph of ``documents`` (already read and checked)."""
    entity_of = resolve_entities(documents)
    entities = list({id(e): e for e in entity_of.values()}.values())
    levels = _award_levels(entities)
    graph = KnowledgeGraph(entities=sorted(entities, key=lambda e: str(e.iri)))
    builders = [_DocumentBuilder(f, entity_of, levels) for f in sorted(documents, key=lambda d: d.document.id)]
    known_years: dict[tuple[URIRef, URIRef], set[int]] = {}
    for builder in builders:
        for fact in builder.facts.conferrals:
            if fact.year:
                known_years.setdefault(builder.conferral_parties(fact), set()).add(fact.year)
        for fact in builder.facts.adoptions:
            if fact.since:
                known_years.setdefault(builder.adoption_parties(fact), set()).add(fact.since)
    for builder in builders:
        builder.known_years = known_years
        graph.graphs[builder.doc] = builder.build()
    return graph
