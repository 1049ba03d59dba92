"""Facts → RDF as the contract fixes it."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS

GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")

from kg.builder import build
from kg.exports import RDF_EXPORTS, serialize
from kg.factfile import read_facts
from kg.namespace import ORG, QGOV, entity_iri

from conftest import SMALL_FACTS


def _graph(folder) -> Graph:
    return build(read_facts([folder])).to_graph()


def _by_label(graph: Graph, label: str) -> URIRef:
    (subject,) = set(graph.subjects(RDFS.label, Literal(label, lang="zh")))
    return subject


def test_conferral_follows_the_contract(small_facts):
    g = _graph(small_facts)
    firm = _by_label(g, "丙科技股份有限公司")
    award = _by_label(g, "甲市市长质量奖")
    (conferral,) = set(g.subjects(QGOV.award, award))
    assert (conferral, RDF.type, QGOV.AwardConferral) in g
    assert (conferral, QGOV.recipient, firm) in g
    assert (conferral, QGOV.year, Literal("2020", datatype=GYEAR)) in g
    document = g.value(conferral, PROV.wasDerivedFrom)
    assert (document, RDF.type, QGOV.Document) in g
    assert str(g.value(document, QGOV_TITLE)) == "测试文件甲"
    span = g.value(conferral, QGOV.evidence)
    assert (g.value(span, QGOV.startOffset).toPython(), g.value(span, QGOV.endOffset).toPython()) == (10, 30)


QGOV_TITLE = URIRef("http://purl.org/dc/terms/title")


def test_award_levels_follow_the_conferring_government(small_facts):
    g = _graph(small_facts)
    level = lambda name: g.value(_by_label(g, name), QGOV.level)
    assert level("甲市市长质量奖") == QGOV.MunicipalLevel
    assert level("丁县县长质量奖") == QGOV.CountyLevel
    assert level("乙省省长质量奖") == QGOV.ProvincialLevel
    assert level("全国质量样板奖") == QGOV.NationalLevel
    # a nomination prize is an award of its own, linked to the main award, at its level
    nomination = _by_label(g, "甲市市长质量奖提名奖")
    assert g.value(nomination, QGOV.nominationFor) == _by_label(g, "甲市市长质量奖")
    assert g.value(nomination, QGOV.level) == QGOV.MunicipalLevel


def test_positions_use_the_organization_ontology(small_facts):
    g = _graph(small_facts)
    (membership,) = set(g.subjects(RDF.type, ORG.Membership))
    assert g.value(membership, ORG.member) == _by_label(g, "张三")
    assert g.value(membership, ORG.organization) == _by_label(g, "丙科技股份有限公司")
    role = g.value(membership, ORG.role)
    assert (role, RDF.type, ORG.Role) in g and g.value(role, RDFS.label) == Literal("董事长", lang="zh")
    assert g.value(membership, PROV.wasDerivedFrom) is not None


def test_places_programs_regulations_events(small_facts):
    g = _graph(small_facts)
    city, county, province = (_by_label(g, n) for n in ("甲市", "丁县", "乙省"))
    assert (_by_label(g, "丙科技股份有限公司"), QGOV.locatedIn, city) in g
    assert (city, QGOV.partOf, province) in g and (county, QGOV.partOf, city) in g
    assert (city, QGOV.implements, _by_label(g, "首席质量官制度")) in g
    (adoption,) = set(g.subjects(RDF.type, QGOV.ProgramAdoption))
    assert g.value(adoption, QGOV.since) == Literal("2009", datatype=GYEAR)
    regulation = _by_label(g, "甲市质量促进条例")
    assert g.value(regulation, QGOV.issuedBy) == city
    assert (_by_label(g, "2020甲市质量大会"), QGOV.heldIn, city) in g


def test_every_entity_has_one_chinese_label_and_aliases(small_facts):
    g = _graph(small_facts)
    firm = _by_label(g, "丙科技股份有限公司")
    assert list(g.objects(firm, RDFS.label)) == [Literal("丙科技股份有限公司", lang="zh")]
    assert set(g.objects(firm, SKOS.altLabel)) == {Literal("丙科技", lang="zh")}


DOC_B = """
format: qkg-facts/1
document: {id: test-b, title: 测试文件乙}
entities:
  - {name: 丙科技, type: Organization, aliases: [丙公司]}
  - {name: 甲市, type: City}
  - {name: 甲市市长质量奖, type: Award, conferrer: 甲市}
conferrals:
  - {recipient: 丙公司, award: 甲市市长质量奖, year: 2020, evidence: [5, 9]}
"""


def test_documents_join_on_names_and_short_names(write_facts):
    write_facts(SMALL_FACTS, "a.yaml")
    folder = write_facts(DOC_B, "b.yaml")
    kg = build(read_facts([folder]))
    g = kg.to_graph()
    firm = _by_label(g, "丙科技股份有限公司")  # the short name of document b joined the full name of a
    assert (firm, RDF.type, QGOV.Enterprise) in g  # the specific type wins
    assert Literal("丙公司", lang="zh") in set(g.objects(firm, SKOS.altLabel))
    (conferral,) = set(g.subjects(QGOV.award, _by_label(g, "甲市市长质量奖"))) & set(g.subjects(QGOV.recipient, firm))
    assert len(set(g.objects(conferral, PROV.wasDerivedFrom))) == 2  # one conferral, two sources
    assert len(kg.graphs) == 2  # one graph per document


def test_iris_are_stable_and_aliases_do_not_change_them(write_facts, tmp_path):
    before = _graph(write_facts(SMALL_FACTS))
    more_aliases = SMALL_FACTS.replace("aliases: [丙科技]", "aliases: [丙科技, 丙股份, 丙]")
    after = _graph(write_facts(more_aliases))
    assert _by_label(before, "丙科技股份有限公司") == _by_label(after, "丙科技股份有限公司")
    assert _by_label(after, "丙科技股份有限公司") == entity_iri("org", "丙科技股份有限公司")
    assert set(before.subjects()) == set(after.subjects())


def test_explicit_id_pins_the_iri_when_the_name_changes(write_facts):
    pinned = SMALL_FACTS.replace("  - name: 张三\n", "  - name: 张三\n    id: person-zhang-san\n")
    renamed = pinned.replace("张三", "张叁").replace("id: person-zhang-叁", "id: person-zhang-san")
    a, b = _graph(write_facts(pinned)), _graph(write_facts(renamed))
    assert _by_label(a, "张三") == _by_label(b, "张叁")


def test_turtle_parses_back_into_an_isomorphic_graph(small_facts):
    kg = build(read_facts([small_facts]))
    for file_name, rdflib_format in (("qgov.ttl", "turtle"), ("qgov.nt", "nt"), ("qgov.jsonld", "json-ld")):
        parsed = Graph().parse(data=serialize(kg, file_name), format=rdflib_format)
        assert isomorphic(parsed, kg.to_graph()), file_name


def test_trig_holds_one_named_graph_per_document(write_facts):
    from rdflib import Dataset

    write_facts(SMALL_FACTS, "a.yaml")
    kg = build(read_facts([write_facts(DOC_B, "b.yaml")]))
    dataset = Dataset()
    dataset.parse(data=serialize(kg, "qgov.trig"), format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {"https://w3id.org/qgov/id/doc/test-a", "https://w3id.org/qgov/id/doc/test-b"}


AWKWARD = ['引号"与\'单引号', "反斜杠\\路径\\", "全角（括号）公司", "《条例》名", "两行\n名字", "表情😀集团", "制表\t符"]


def test_awkward_names_survive_every_format(write_facts):
    lines = ["format: qkg-facts/1", "document: {id: odd, title: '奇怪的名字'}", "entities:"]
    import json

    for name in AWKWARD:
        lines.append(f"  - name: {json.dumps(name, ensure_ascii=False)}\n    type: Organization")
    kg = build(read_facts([write_facts("\n".join(lines) + "\n")]))
    for file_name, rdflib_format in (("qgov.ttl", "turtle"), ("qgov.nt", "nt"), ("qgov.jsonld", "json-ld")):
        parsed = Graph().parse(data=serialize(kg, file_name), format=rdflib_format)
        labels = {str(o) for o in parsed.objects(None, RDFS.label)}
        assert set(AWKWARD) <= labels, file_name
        assert isomorphic(parsed, kg.to_graph())


def test_no_blank_nodes_and_a_stable_order(small_facts):
    kg = build(read_facts([small_facts]))
    from rdflib import BNode

    assert not any(isinstance(term, BNode) for triple in kg.triples() for term in triple)
    assert serialize(kg, "qgov.ttl") == serialize(build(read_facts([small_facts])), "qgov.ttl")


DOC_C_NO_YEAR = """
format: qkg-facts/1
document: {id: test-c, title: 测试文件丙}
entities:
  - {name: 丙科技股份有限公司, type: Enterprise}
  - {name: 乙省省长质量奖, type: Award}
conferrals:
  - {recipient: 丙科技股份有限公司, award: 乙省省长质量奖, evidence: [0, 5]}
"""


def test_a_conferral_without_a_year_joins_the_one_known_year(write_facts):
    write_facts(SMALL_FACTS, "a.yaml")
    g = build(read_facts([write_facts(DOC_C_NO_YEAR, "c.yaml")])).to_graph()
    award = _by_label(g, "乙省省长质量奖")
    (conferral,) = set(g.subjects(QGOV.award, award))
    assert list(g.objects(conferral, QGOV.year)) == [Literal("2021", datatype=GYEAR)]
    assert len(set(g.objects(conferral, PROV.wasDerivedFrom))) == 2


DOC_D_OTHER_SINCE = """
format: qkg-facts/1
document: {id: test-d, title: 测试文件丁}
entities:
  - {name: 甲市, type: City}
  - {name: 首席质量官制度, type: Program}
adoptions:
  - {adopter: 甲市, program: 首席质量官制度, since: 2010, evidence: [0, 5]}
"""


def test_documents_that_disagree_on_a_start_year_give_two_sourced_adoptions(write_facts):
    write_facts(SMALL_FACTS, "a.yaml")
    g = build(read_facts([write_facts(DOC_D_OTHER_SINCE, "d.yaml")])).to_graph()
    adoptions = set(g.subjects(RDF.type, QGOV.ProgramAdoption))
    assert {g.value(a, QGOV.since) for a in adoptions} == {Literal("2009", datatype=GYEAR), Literal("2010", datatype=GYEAR)}
    assert all(len(set(g.objects(a, QGOV.since))) == 1 and g.value(a, PROV.wasDerivedFrom) for a in adoptions)
    from kg.validate import validate_graph

    assert not [v for v in validate_graph(g) if v.is_violation]
