"""The ontology parses, documents every term in Chinese and English, and covers every term the exports use."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

import kg.namespace as namespaces
from kg.namespace import (
    AWARD_LEVEL_SCHEME,
    AWARD_LEVELS,
    DIVISION_LEVEL_SCHEME,
    DIVISION_LEVELS,
    ENTITY_CLASSES,
    ONTOLOGY_IRI,
    ORG,
    QGOV,
    SCHEMA,
)
from kg.pipeline import build_graph
from kg.resources import ontology_file, shapes_file

REPO = Path(__file__).resolve().parents[1]
DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
# Vocabularies whose terms the exports may use without declaring them.
STANDARD_NAMESPACES = tuple(str(ns) for ns in (RDF, RDFS, OWL, namespaces.XSD, SKOS, DCTERMS, PROV, ORG, SCHEMA, FOAF))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {term for kind in DECLARATION_TYPES for term in ontology.subjects(RDF.type, kind)
            if isinstance(term, URIRef) and str(term).startswith(str(QGOV))}


def labels(graph: Graph, term: URIRef, prop=RDFS.label) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for label in graph.objects(term, prop):
        found.setdefault(label.language, []).append(str(label))
    return found


def terms_used(graph: Graph) -> set[URIRef]:
    """Every predicate and class of a data graph."""
    return {p for p in graph.predicates()} | {c for c in graph.objects(None, RDF.type)}


def test_the_ontology_describes_itself(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.creator) == Literal("qkg")


def test_every_term_has_one_chinese_and_one_english_label_and_a_comment(ontology):
    terms = declared_terms(ontology)
    assert len(terms) > 40
    for term in terms:
        found = labels(ontology, term)
        assert len(found.get("zh", [])) == 1 and len(found.get("en", [])) == 1, f"{term}: labels {found}"
        comments = labels(ontology, term, RDFS.comment)
        assert comments.get("en"), f"{term}: no English comment"


def test_the_entity_classes_are_declared_and_arranged(ontology):
    for cls in [*ENTITY_CLASSES.values(), QGOV.Document, QGOV.AwardConferral, QGOV.ProgramAdoption, QGOV.TextSpan]:
        assert (cls, RDF.type, OWL.Class) in ontology, cls
    subclass = lambda child, parent: (child, RDFS.subClassOf, parent) in ontology  # noqa: E731
    assert subclass(QGOV.Enterprise, QGOV.Organization) and subclass(QGOV.GovernmentBody, QGOV.Organization)
    assert subclass(QGOV.City, QGOV.AdministrativeDivision) and subclass(QGOV.Province, QGOV.AdministrativeDivision)


@pytest.mark.parametrize("term, aligned", [
    (QGOV.Organization, [SCHEMA.Organization, ORG.Organization, FOAF.Organization, PROV.Organization]),
    (QGOV.Enterprise, [SCHEMA.Corporation, ORG.FormalOrganization]),
    (QGOV.GovernmentBody, [SCHEMA.GovernmentOrganization, ORG.FormalOrganization]),
    (QGOV.Person, [SCHEMA.Person, FOAF.Person, PROV.Person]),
    (QGOV.City, [SCHEMA.City]),
    (QGOV.AdministrativeDivision, [SCHEMA.AdministrativeArea]),
    (QGOV.Event, [SCHEMA.Event]),
    (QGOV.Regulation, [SCHEMA.Legislation]),
    (QGOV.Document, [SCHEMA.CreativeWork, FOAF.Document, PROV.Entity]),
    (QGOV.AwardConferral, [PROV.Entity]),
    (QGOV.ConstructionProject, [SCHEMA.Project, PROV.Entity]),
])
def test_classes_are_aligned_with_standard_vocabularies(ontology, term, aligned):
    parents = set(ontology.objects(term, RDFS.subClassOf))
    assert set(aligned) <= parents


@pytest.mark.parametrize("term, parent", [
    (QGOV.partOf, SCHEMA.containedInPlace),
    (QGOV.locatedIn, SCHEMA.location),
    (QGOV.heldIn, SCHEMA.location),
    (QGOV.organizer, SCHEMA.organizer),
    (QGOV.issuedBy, SCHEMA.legislationPassedBy),
])
def test_properties_are_aligned_with_schema_org(ontology, term, parent):
    assert (term, RDFS.subPropertyOf, parent) in ontology


def test_a_conferral_has_one_recipient_award_and_year(ontology):
    for prop in (QGOV.recipient, QGOV.award):
        assert (prop, RDF.type, OWL.FunctionalProperty) in ontology
        assert ontology.value(prop, RDFS.domain) == QGOV.AwardConferral
    restrictions = [r for r in ontology.objects(QGOV.AwardConferral, RDFS.subClassOf)
                    if ontology.value(r, OWL.onProperty) == QGOV.year]
    assert [int(ontology.value(r, OWL.maxCardinality)) for r in restrictions] == [1]


def test_the_recipient_range_is_the_union_of_agents_places_and_projects(ontology):
    union = ontology.value(ontology.value(QGOV.recipient, RDFS.range), OWL.unionOf)
    assert set(Collection(ontology, union)) == {QGOV.Organization, QGOV.Person, QGOV.City, QGOV.Province,
                                                QGOV.ConstructionProject}


def test_a_construction_project_is_neither_an_organisation_nor_a_place(ontology):
    disjoint = set(ontology.objects(QGOV.ConstructionProject, OWL.disjointWith))
    assert {QGOV.Organization, QGOV.AdministrativeDivision, QGOV.Person} <= disjoint


@pytest.mark.parametrize("scheme, concepts", [
    (AWARD_LEVEL_SCHEME, AWARD_LEVELS),
    (DIVISION_LEVEL_SCHEME, DIVISION_LEVELS),
])
def test_the_skos_schemes_are_complete(ontology, scheme, concepts):
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert set(ontology.subjects(SKOS.inScheme, scheme)) == set(concepts.values())
    assert set(ontology.objects(scheme, SKOS.hasTopConcept)) == set(concepts.values())
    for notation, concept in concepts.items():
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert (concept, SKOS.topConceptOf, scheme) in ontology
        assert ontology.value(concept, SKOS.notation) == Literal(notation)
        found = labels(ontology, concept, SKOS.prefLabel)
        assert len(found.get("zh", [])) == 1 and len(found.get("en", [])) == 1, concept


@pytest.mark.parametrize("term, word", [
    (QGOV.AwardConferral, "获奖"),
    (ORG.Membership, "任职"),
    (QGOV.locatedIn, "位于"),
    (QGOV.partOf, "隶属"),
    (QGOV.implements, "实施"),
    (QGOV.conferredBy, "颁发"),
    (QGOV.nominationFor, "提名"),
    (QGOV.issuedBy, "发布"),
    (QGOV.heldIn, "举办地"),
])
def test_relations_carry_chinese_edge_labels_for_the_page(ontology, term, word):
    found = labels(ontology, term, QGOV.edgeLabel)
    assert found.get("zh") == [word] and len(found.get("en", [])) == 1


def test_every_qgov_term_the_code_names_is_declared(ontology):
    declared = declared_terms(ontology) | set(AWARD_LEVELS.values()) | set(DIVISION_LEVELS.values()) | {
        AWARD_LEVEL_SCHEME, DIVISION_LEVEL_SCHEME}
    named = set()
    for source in (REPO / "kg").rglob("*.py"):
        named |= {QGOV[name] for name in re.findall(r"\bQGOV\.(\w+)", source.read_text(encoding="utf-8"))}
    assert named, "no QGOV term found in the code"
    assert sorted(named - declared) == []


def undeclared(graph: Graph, ontology: Graph) -> list[str]:
    declared = declared_terms(ontology) | set(ontology.subjects(RDF.type, SKOS.Concept))
    return sorted(str(term) for term in terms_used(graph)
                  if term not in declared and not str(term).startswith(STANDARD_NAMESPACES))


def test_a_built_graph_uses_only_declared_or_standard_terms(ontology, small_facts):
    graph = build_graph([small_facts]).to_graph()
    assert QGOV.AwardConferral in terms_used(graph)
    assert undeclared(graph, ontology) == []


def test_the_curated_graph_uses_only_declared_or_standard_terms(ontology):
    graph = build_graph().to_graph()
    assert undeclared(graph, ontology) == []


def test_the_committed_exports_use_only_declared_or_standard_terms(ontology):
    exported = REPO / "exports" / "qgov.ttl"
    if not exported.is_file():
        pytest.skip(f"{exported} has not been built; run `qkg build`")
    assert undeclared(Graph().parse(exported, format="turtle"), ontology) == []


def test_the_shapes_parse_and_refer_only_to_declared_or_standard_terms(ontology):
    shapes = Graph().parse(shapes_file(), format="turtle")
    declared = declared_terms(ontology) | set(ontology.subjects(RDF.type, SKOS.Concept))
    qgov_terms = {term for triple in shapes for term in triple
                  if isinstance(term, URIRef) and str(term).startswith(str(QGOV))}
    assert qgov_terms and sorted(qgov_terms - declared) == []


def class_extension(ontology: Graph, cls) -> set[URIRef]:
    """A named class with its subclasses, or the members of an owl:unionOf (recursively)."""
    union = ontology.value(cls, OWL.unionOf)
    if union is not None:
        return set().union(*(class_extension(ontology, member) for member in Collection(ontology, union)))
    one_of = ontology.value(cls, OWL.oneOf)
    if one_of is not None:
        return set()  # enumerations are checked by the shapes
    found = {cls}
    for sub in ontology.subjects(RDFS.subClassOf, cls):
        if isinstance(sub, URIRef):
            found |= class_extension(ontology, sub)
    equivalent = ontology.value(cls, OWL.equivalentClass)
    return found | (class_extension(ontology, equivalent) if equivalent is not None else set())


def domain_and_range_breaches(graph: Graph, ontology: Graph) -> list[str]:
    breaches = []
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        for axis, nodes in ((RDFS.domain, graph.subjects(prop, None)), (RDFS.range, graph.objects(prop, None))):
            declared = ontology.value(prop, axis)
            allowed = class_extension(ontology, declared) if declared is not None else set()
            if not allowed:
                continue
            for node in set(nodes):
                if not allowed & set(graph.objects(node, RDF.type)):
                    breaches.append(f"{node} breaks the {axis.fragment} of {prop}")
    return sorted(breaches)


def test_domains_and_ranges_hold_on_built_graphs(ontology, small_facts):
    assert domain_and_range_breaches(build_graph([small_facts]).to_graph(), ontology) == []
    assert domain_and_range_breaches(build_graph().to_graph(), ontology) == []


def test_a_domain_breach_is_noticed(ontology):
    graph = Graph()
    graph.add((QGOV.someone, RDF.type, QGOV.Person))
    graph.add((QGOV.someone, QGOV.partOf, QGOV.somewhere))
    graph.add((QGOV.somewhere, RDF.type, QGOV.Province))
    assert domain_and_range_breaches(graph, ontology) == [f"{QGOV.someone} breaks the domain of {QGOV.partOf}"]


def test_no_node_belongs_to_two_disjoint_classes(ontology):
    graph = build_graph().to_graph()
    for first, second in ontology.subject_objects(OWL.disjointWith):
        members = [set().union(*(graph.subjects(RDF.type, c) for c in class_extension(ontology, side)))
                   for side in (first, second)]
        both = members[0] & members[1]
        assert not both, f"{first} and {second}: {both}"
