"""kg.shacl gives what pyshacl (the reference) gives, on valid graphs and on many broken ones, and refuses what it does not cover."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg import namespace
from kg.namespace import DCTERMS, ORG, PROV, QGOV, RDF, RDFS, SH, SKOS
from kg.pipeline import build_graph
from kg.shacl import EngineUndecided, ShapesEngine, ShapesUnsupported
from kg.validate import shapes_graph, validate_fast, validate_graph, validate_with_pyshacl
from test_validate import BROKEN, changed

SHAPES_PREFIXES = """
@prefix sh:   <http://www.w3.org/ns/shacl#> .
@prefix qgov: <https://w3id.org/qgov/ontology#> .
@prefix qsh:  <https://w3id.org/qgov/shapes#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.fixture(scope="module")
def default_graph() -> Graph:
    return build_graph().to_graph()


def assert_same_as_pyshacl(graph: Graph, shapes: Graph | None = None) -> list:
    fast = validate_fast(graph, shapes)
    reference = validate_with_pyshacl(graph, shapes)
    # Whole violations, in order: focus, path, value, message and severity as printed.
    assert [str(v) for v in fast] == [str(v) for v in reference]
    return fast


def test_the_default_graph_is_valid_for_both(default_graph):
    assert assert_same_as_pyshacl(default_graph) == []


@pytest.mark.parametrize("what, remove, add, focus, expected", BROKEN, ids=[case[0] for case in BROKEN])
def test_each_hand_made_breakage_gives_what_pyshacl_gives(what, remove, add, focus, expected):
    assert assert_same_as_pyshacl(changed(remove, add)), what


# --- mutations of the default graph ---------------------------------------------------------------

REQUIRED = [RDFS.label, QGOV.recipient, QGOV.award, PROV.wasDerivedFrom, ORG.member, ORG.role, ORG.organization,
            QGOV.inDocument, QGOV.startOffset, QGOV.endOffset, DCTERMS.title, QGOV.mentionedIn, QGOV.adopter,
            QGOV.program, RDF.type]
SINGLE = [QGOV.year, RDFS.label, QGOV.recipient, QGOV.award, QGOV.level, QGOV.startOffset, DCTERMS.title,
          QGOV.divisionLevel, ORG.member]
BAD_YEARS = [Literal("20", datatype=namespace.XSD.gYear), Literal("2020Z", datatype=namespace.XSD.gYear), Literal(3019),
             Literal("2019"), Literal("2019", datatype=namespace.XSD.double), Literal("abcd", datatype=namespace.XSD.integer),
             Literal(999), Literal("2019", lang="zh")]
BAD_NAMES = [Literal("Name", lang="en"), Literal("名称"), Literal("  ", lang="zh"), Literal("名称", lang="zh-Hans"),
             Literal("名称", lang="ZH"), URIRef("http://example.org/name")]
CLASSES = [QGOV.Award, QGOV.Program, QGOV.City, QGOV.Person, QGOV.Enterprise, QGOV.Document, QGOV.TextSpan,
           ORG.Role, QGOV.Event]


def _subjects_with(graph: Graph, predicate: URIRef) -> list:
    return sorted({s for s in graph.subjects(predicate, None)}, key=str)


def _instances(graph: Graph, cls: URIRef) -> list:
    return sorted(graph.subjects(RDF.type, cls), key=str)


def mutate(graph: Graph, rng: random.Random) -> str:
    """Break ``graph`` in one random way; returns what was done (for the failure message)."""
    kind = rng.choice(["drop", "second value", "bad year", "iri to literal", "wrong class", "self nomination",
                       "span order", "bad name", "alias repeats label", "confidence", "retype",
                       "subclass in data", "blank node value", "bad offset", "located", "bad digest"])
    if kind == "drop":
        predicate = rng.choice(REQUIRED)
        triple = rng.choice(sorted(graph.triples((None, predicate, None)), key=str))
        graph.remove(triple)
    elif kind == "second value":
        predicate = rng.choice(SINGLE)
        subject = rng.choice(_subjects_with(graph, predicate))
        donor = rng.choice(sorted(set(graph.objects(None, predicate)) - set(graph.objects(subject, predicate)), key=str))
        graph.add((subject, predicate, donor))
    elif kind == "bad year":
        predicate = rng.choice([QGOV.year, QGOV.since])
        subject = rng.choice(_subjects_with(graph, predicate))
        graph.set((subject, predicate, rng.choice(BAD_YEARS)))
    elif kind == "iri to literal":
        predicate = rng.choice([QGOV.recipient, QGOV.award, ORG.role, QGOV.locatedIn, QGOV.partOf, QGOV.inDocument,
                                QGOV.level, QGOV.implements])
        subject = rng.choice(_subjects_with(graph, predicate))
        graph.set((subject, predicate, Literal(rng.choice(["甲", "2020", "x"]))))
    elif kind == "wrong class":
        predicate = rng.choice([QGOV.recipient, QGOV.award, ORG.member, ORG.organization, QGOV.mentionedIn,
                                QGOV.evidence, QGOV.program, QGOV.adopter, QGOV.nominationFor, QGOV.conferredBy,
                                QGOV.heldIn, QGOV.organizer, QGOV.issuedBy])
        subject = rng.choice(_subjects_with(graph, predicate) or _instances(graph, QGOV.Award))
        graph.add((subject, predicate, rng.choice(_instances(graph, rng.choice(CLASSES)))))
    elif kind == "self nomination":
        award = rng.choice(_instances(graph, QGOV.Award))
        graph.add((award, QGOV.nominationFor, award))
    elif kind == "span order":
        span = rng.choice(_instances(graph, QGOV.TextSpan))
        start = graph.value(span, QGOV.startOffset)
        start = start.value if isinstance(start, Literal) and isinstance(start.value, int) else 10
        graph.set((span, QGOV.endOffset, Literal(start - rng.choice([0, 1, 5]))))
    elif kind == "bad name":
        predicate = rng.choice([RDFS.label, SKOS.altLabel])
        subject = rng.choice(_instances(graph, rng.choice(CLASSES[:5] + [ORG.Role])))
        (graph.set if predicate == RDFS.label else graph.add)((subject, predicate, rng.choice(BAD_NAMES)))
    elif kind == "alias repeats label":
        subject = rng.choice(_subjects_with(graph, SKOS.altLabel))
        graph.add((subject, SKOS.altLabel, graph.value(subject, RDFS.label)))
    elif kind == "confidence":
        subject = rng.choice(_subjects_with(graph, QGOV.evidence) + _instances(graph, QGOV.TextSpan))
        graph.set((subject, QGOV.confidence, rng.choice([Literal(Decimal("1.5")), Literal(Decimal("-0.1")),
                                                        Literal(0.5), Literal("0.5"), Literal(1)])))
    elif kind == "retype":
        subject = rng.choice(sorted(graph.subjects(RDF.type, None), key=str))
        graph.set((subject, RDF.type, rng.choice(CLASSES + [ORG.Membership, QGOV.AwardConferral])))
    elif kind == "subclass in data":
        # pyshacl follows rdfs:subClassOf triples of the data graph for sh:class and sh:targetClass.
        graph.add((rng.choice(CLASSES), RDFS.subClassOf, rng.choice(CLASSES)))
    elif kind == "blank node value":
        predicate = rng.choice([QGOV.recipient, QGOV.award, RDFS.label, QGOV.year, DCTERMS.title])
        subject = rng.choice(_subjects_with(graph, predicate))
        graph.set((subject, predicate, BNode()))
    elif kind == "bad offset":
        span = rng.choice(_instances(graph, QGOV.TextSpan))
        graph.set((span, rng.choice([QGOV.startOffset, QGOV.endOffset]),
                   rng.choice([Literal(-3), Literal("7"), Literal(Decimal("7.0")), Literal("x", datatype=namespace.XSD.integer)])))
    elif kind == "located":
        subject = rng.choice(_instances(graph, rng.choice(CLASSES)))
        graph.add((subject, rng.choice([QGOV.locatedIn, QGOV.partOf, QGOV.implements]),
                   rng.choice(_instances(graph, rng.choice(CLASSES)))))
    elif kind == "bad digest":
        document = rng.choice(_instances(graph, QGOV.Document))
        graph.set((document, QGOV.sha256, rng.choice([Literal("XYZ"), Literal("ab" * 32, lang="zh"),
                                                      URIRef("http://example.org/digest")])))
    return kind


SEEDS = range(30)


def mutated(default_graph: Graph, seed: int) -> tuple[Graph, list[str]]:
    rng = random.Random(seed)
    graph = Graph()
    graph += default_graph
    return graph, [mutate(graph, rng) for _ in range(rng.randint(1, 3))]


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_default_graphs_give_what_pyshacl_gives(default_graph, seed):
    graph, done = mutated(default_graph, seed)
    try:
        fast = validate_fast(graph)
    except EngineUndecided:  # left to pyshacl on purpose; validate_graph then gives pyshacl's answer
        assert validate_graph(graph) == validate_with_pyshacl(graph)
        return
    assert [str(v) for v in fast] == [str(v) for v in reference(graph)], done


def reference(graph: Graph) -> list:
    return validate_with_pyshacl(graph)


def test_most_mutations_break_the_graph(default_graph):
    # Some random changes are harmless (a recipient retyped as another agent); most must not be.
    broken = sum(1 for seed in SEEDS if validate_graph(mutated(default_graph, seed)[0]))
    assert broken >= 0.8 * len(SEEDS)


# --- refusals and the fallback ---------------------------------------------------------------------

def shapes_with(turtle: str) -> Graph:
    shapes = Graph()
    shapes += shapes_graph()
    shapes.parse(data=SHAPES_PREFIXES + turtle, format="turtle")
    return shapes


UNSUPPORTED = {
    "inverse path": """qsh:EntityShape sh:property [ sh:path [ sh:inversePath qgov:recipient ] ;
                           sh:maxCount 0 ; sh:message "nothing receives an entity" ] .""",
    "sh:equals": """qsh:EntityShape sh:property [ sh:path rdfs:label ; sh:equals skos:altLabel ;
                       sh:message "labels equal aliases" ] .""",
    "no message": """qsh:EntityShape sh:property [ sh:path skos:altLabel ; sh:maxCount 1 ] .""",
    "optional in SPARQL": """qsh:EntityShape sh:sparql [ a sh:SPARQLConstraint ; sh:message "optional" ;
        sh:select "SELECT $this WHERE { $this a ?type . OPTIONAL { $this rdfs:comment ?c } }" ] .""",
    "sh:node naming a property shape": """qsh:EntityShape sh:property [ sh:path rdfs:label ;
        sh:node [ sh:path rdfs:label ; sh:minCount 1 ] ; sh:message "label shape" ] .""",
    "target node": """qsh:Extra a sh:NodeShape ; sh:targetNode qgov:City ; sh:class qgov:Award ;
                        sh:message "target node" .""",
}


@pytest.mark.parametrize("name", UNSUPPORTED)
def test_unsupported_features_are_refused_when_compiled(name):
    with pytest.raises(ShapesUnsupported) as caught:
        ShapesEngine(shapes_with(UNSUPPORTED[name]))
    assert "not supported" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("name, message", [("inverse path", "nothing receives an entity"),
                                           ("sh:equals", "labels equal aliases")])
def test_refused_shapes_are_checked_by_pyshacl(default_graph, name, message):
    shapes = shapes_with(UNSUPPORTED[name])
    violations = validate_graph(default_graph, shapes)
    assert violations == validate_with_pyshacl(default_graph, shapes)
    assert any(v.message == message for v in violations)


def test_a_case_left_open_by_the_engine_is_checked_by_pyshacl(default_graph):
    graph = Graph()
    graph += default_graph
    span = next(graph.subjects(RDF.type, QGOV.TextSpan))
    graph.set((span, QGOV.startOffset, BNode()))
    with pytest.raises(EngineUndecided):
        validate_fast(graph)
    with pytest.raises(Exception, match="BlankNode"):  # pyshacl's own error, as before the engine
        validate_graph(graph)


def test_supported_extras_match_pyshacl(default_graph):
    # Severity, deactivation and a SPARQL message with a variable are followed as pyshacl follows them.
    shapes = shapes_with("""
        qsh:Warn a sh:NodeShape ; sh:targetClass qgov:Award ;
            sh:property [ sh:path skos:altLabel ; sh:minCount 1 ; sh:severity sh:Warning ;
                          sh:message "an award without an alias" ] .
        qsh:Off a sh:NodeShape ; sh:targetClass qgov:City ; sh:deactivated true ;
            sh:property [ sh:path skos:altLabel ; sh:maxCount 0 ; sh:message "never reported" ] .
        qsh:Named a sh:NodeShape ; sh:targetSubjectsOf qgov:level ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:message "{$this} is {?level}" ;
                        sh:prefixes qsh:Prefixes ;
                        sh:select "SELECT $this ?level WHERE { $this qgov:level ?level . FILTER(?level = qgov:CountyLevel) }" ] .
    """)
    violations = assert_same_as_pyshacl(default_graph, shapes)
    assert any(v.severity == "Warning" for v in violations)
    assert any(v.message.endswith(f"is {QGOV.CountyLevel}") for v in violations)
    assert not any(v.message == "never reported" for v in violations)


def test_the_shipped_shapes_compile():
    engine = ShapesEngine(shapes_graph())
    assert len(engine.roots) == len(set(shapes_graph().subjects(SH.targetClass, None))
                                     | set(shapes_graph().subjects(SH.targetSubjectsOf, None)))
