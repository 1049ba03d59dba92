"""The derived relations (ontology/derived.rq): materialised in a named graph of their own, from the stated facts."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.derive import DERIVED, derive
from kg.exports import serialize
from kg.namespace import QGOV
from kg.pipeline import build_graph
from kg.resources import ontology_file
from kg.store import memory_store

from conftest import SMALL_FACTS


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    return build_graph([folder])


def _labelled(store, predicate):
    """(subject's description, object's label or value) for each derived triple of ``predicate``."""
    query = f"""SELECT ?s ?o WHERE {{ GRAPH <{DERIVED.value}> {{ ?s <{QGOV[predicate]}> ?o }} }}"""
    found = set()
    for subject, obj in ((row[0], row[1]) for row in store.query(query)):
        recipient = next(store.quads_for_pattern(subject, ox.NamedNode(str(QGOV.recipient)), None), None)
        award = next(store.quads_for_pattern(subject, ox.NamedNode(str(QGOV.award)), None), None)
        node = subject if recipient is None else award.object
        name = next(store.quads_for_pattern(node, ox.NamedNode(str(RDFS.label)), None)).object.value
        if recipient is not None:
            name = next(store.quads_for_pattern(recipient.object, ox.NamedNode(str(RDFS.label)), None)).object.value + " " + name
        label = next(store.quads_for_pattern(obj, ox.NamedNode(str(RDFS.label)), None), None) if isinstance(obj, ox.NamedNode) else None
        found.add((name, label.object.value if label else obj.value))
    return found


def test_the_derived_relations_of_the_small_facts(small):
    store = memory_store(serialize(small, "qgov.ttl"), ox.RdfFormat.TURTLE)
    assert _labelled(store, "levelRank") == {
        ("甲市市长质量奖", "2"), ("甲市市长质量奖提名奖", "2"), ("丁县县长质量奖", "1"), ("乙省省长质量奖", "3"), ("全国质量样板奖", "4")}
    assert _labelled(store, "honours") == {
        ("丙科技股份有限公司 甲市市长质量奖", "丙科技股份有限公司"), ("丙科技股份有限公司 乙省省长质量奖", "丙科技股份有限公司"),
        ("张三 甲市市长质量奖提名奖", "丙科技股份有限公司")}  # through the award of its 董事长
    assert _labelled(store, "recipientPlace") == {
        ("丙科技股份有限公司 甲市市长质量奖", "甲市"), ("丙科技股份有限公司 乙省省长质量奖", "甲市"),
        ("张三 甲市市长质量奖提名奖", "甲市")}  # a person's city: their employer's
    assert _labelled(store, "awardeePlace") == {("丙科技股份有限公司", "甲市"), ("张三", "甲市")}  # once per recipient
    assert _labelled(store, "honouredWith") == {
        ("丙科技股份有限公司", "甲市市长质量奖"), ("丙科技股份有限公司", "乙省省长质量奖"),
        ("丙科技股份有限公司", "甲市市长质量奖提名奖")}  # the last through the award of its 董事长
    assert _labelled(store, "firstMunicipalAwardYear") == {("丙科技股份有限公司", "2020"), ("张三", "2019")}
    assert _labelled(store, "firstProvincialAwardYear") == {("丙科技股份有限公司", "2021")}
    assert _labelled(store, "firstCountyAwardYear") == _labelled(store, "firstNationalAwardYear") == set()
    assert _labelled(store, "firstAwardAtLevel") == {
        ("丙科技股份有限公司", "甲市市长质量奖"), ("丙科技股份有限公司", "乙省省长质量奖"), ("张三", "甲市市长质量奖提名奖")}


_FIRSTS = b"""
@prefix qgov: <https://w3id.org/qgov/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://w3id.org/qgov/id/> .
:m1 qgov:level qgov:MunicipalLevel .  :m2 qgov:level qgov:MunicipalLevel .
:n1 qgov:level qgov:NationalLevel .  :k1 qgov:level qgov:CountyLevel .  :x1 rdfs:label "no level"@zh .
:c1 qgov:recipient :r ; qgov:award :m1 ; qgov:year "2019"^^xsd:gYear .
:c2 qgov:recipient :r ; qgov:award :m2 ; qgov:year "2012"^^xsd:gYear .
:c3 qgov:recipient :r ; qgov:award :m1 ; qgov:year "2012"^^xsd:gYear .
:c4 qgov:recipient :r ; qgov:award :n1 .
:c5 qgov:recipient :r ; qgov:award :k1 ; qgov:year 2015 .
:c6 qgov:recipient :r ; qgov:award :k1 ; qgov:year 2009 .
:c7 qgov:recipient :r ; qgov:award :x1 ; qgov:year "2001"^^xsd:gYear .
:c8 qgov:recipient :s ; qgov:award :n1 ; qgov:year "2020"^^xsd:gYear .
"""


def test_a_recipient_s_first_year_at_each_level_and_the_awards_of_that_year():
    store = memory_store(_FIRSTS, ox.RdfFormat.TURTLE)
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{DERIVED.value}> {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(qgov:first))) }} }}"
    found = {tuple(term.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for term in row)
             for row in store.query(query, prefixes={"qgov": str(QGOV)})}
    assert found == {
        # the earliest year at the level, compared as numbers (2009 is an xsd:integer), and every award of that year
        ("r", "firstMunicipalAwardYear", "2012"), ("r", "firstAwardAtLevel", "m1"), ("r", "firstAwardAtLevel", "m2"),
        ("r", "firstCountyAwardYear", "2009"), ("r", "firstAwardAtLevel", "k1"),
        # a conferral without a year does not count; nor does an award without a level
        ("s", "firstNationalAwardYear", "2020"), ("s", "firstAwardAtLevel", "n1"),
    }


def test_the_stated_facts_stay_apart_and_deriving_again_replaces(small):
    turtle = serialize(small, "qgov.ttl")
    store = memory_store(turtle, ox.RdfFormat.TURTLE)
    stated = len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    assert stated == len(Graph().parse(data=turtle, format="turtle"))
    size = len(list(store.quads_for_pattern(None, None, None, DERIVED)))
    assert size == 22 and derive(store) == size == len(list(store.quads_for_pattern(None, None, None, DERIVED)))
    assert list(store.named_graphs()) == [DERIVED]


def test_named_graph_data_gives_the_same_derived_relations(small):
    from_turtle = memory_store(serialize(small, "qgov.ttl"), ox.RdfFormat.TURTLE)
    from_trig = memory_store(serialize(small, "qgov.trig"), ox.RdfFormat.TRIG)
    triples = lambda store: {q.triple for q in store.quads_for_pattern(None, None, None, DERIVED)}  # noqa: E731
    assert triples(from_trig) == triples(from_turtle) and triples(from_trig)


def test_the_derived_properties_are_defined_in_the_ontology():
    ontology = Graph().parse(ontology_file(), format="turtle")
    derived = [("levelRank", OWL.DatatypeProperty), ("honours", OWL.ObjectProperty), ("recipientPlace", OWL.ObjectProperty),
               ("firstAwardAtLevel", OWL.ObjectProperty), ("awardeePlace", OWL.ObjectProperty), ("honouredWith", OWL.ObjectProperty)]
    derived += [(f"first{level}AwardYear", OWL.DatatypeProperty) for level in ("County", "Municipal", "Provincial", "National")]
    for name, kind in derived:
        term = QGOV[name]
        assert (term, RDF.type, kind) in ontology
        assert {label.language for label in ontology.objects(term, RDFS.label)} == {"zh", "en"}
        assert {comment.language for comment in ontology.objects(term, RDFS.comment)} == {"zh", "en"}
        assert (term, RDFS.domain, None) in ontology


@pytest.mark.parametrize("cache_usable", [True, False])
def test_the_trig_export_keeps_the_derived_graph_apart(tmp_path, monkeypatch, cache_usable):
    from kg.pipeline import build_exports

    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    if cache_usable:
        monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    else:  # no cache: the derived graph is worked out in memory
        (tmp_path / "blocked").write_text("x")
        monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "blocked"))
    build_exports([folder], tmp_path / "out", validate=False, page=False, analyze=False)
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "qgov.trig"), format=ox.RdfFormat.TRIG)
    derived = {q.triple for q in store.quads_for_pattern(None, None, None, DERIVED)}
    expected = memory_store((tmp_path / "out" / "qgov.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    assert derived == {q.triple for q in expected.quads_for_pattern(None, None, None, DERIVED)} and len(derived) == 22
    derived_predicates = {ox.NamedNode(str(QGOV[name])) for name in ("levelRank", "honours", "recipientPlace", "firstAwardAtLevel",
                                                                      "firstMunicipalAwardYear", "firstProvincialAwardYear",
                                                                      "awardeePlace", "honouredWith")}
    stated = [q for q in store if q.graph_name != DERIVED and q.predicate in derived_predicates]
    assert stated == []  # the documents' graphs hold the stated facts only


def test_a_changed_rule_gives_a_new_cache_entry(tmp_path, monkeypatch, small):
    from kg import resources
    from kg.store import open_store

    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "qgov.ttl"
    data.write_bytes(serialize(small, "qgov.ttl"))
    ranks = "SELECT ?r WHERE { GRAPH ?g { ?a <https://w3id.org/qgov/ontology#levelRank> ?r } } ORDER BY ?r"
    assert [row[0].value for row in open_store(data).query(ranks)] == ["1", "2", "2", "3", "4"]
    rules = tmp_path / "derived.rq"
    rules.write_text(resources.derivation_rules().read_text(encoding="utf-8").replace("(qgov:NationalLevel 4)", "(qgov:NationalLevel 5)"),
                     encoding="utf-8")
    monkeypatch.setattr(resources, "derivation_rules", lambda: rules)
    assert [row[0].value for row in open_store(data).query(ranks)] == ["1", "2", "2", "3", "5"]
