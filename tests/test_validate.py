"""The SHACL shapes catch each kind of broken graph, with a readable message; valid graphs pass."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.cli import cli
from kg.errors import DataNotFound
from kg.namespace import ID
from kg.pipeline import build_graph
from kg.validate import load_graph, render_node, validate_file, validate_graph

PREFIXES = """
@prefix qgov:    <https://w3id.org/qgov/ontology#> .
@prefix qid:     <https://w3id.org/qgov/id/> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix schema:  <https://schema.org/> .
"""

# A small graph that uses every shape and breaks none.
VALID = PREFIXES + """
qid:doc a qgov:Document ; dcterms:title "测试文件"@zh ; dcterms:date "2021-05-01"^^xsd:date ;
    dcterms:publisher "测试日报"@zh ; schema:url "https://example.org/a"^^xsd:anyURI ;
    qgov:sourceFile "a.txt" ;
    qgov:sha256 "5f1c0000000000000000000000000000000000000000000000000000000000aa" .
qid:prov a qgov:Province ; rdfs:label "乙省"@zh ; qgov:divisionLevel qgov:ProvinceLevelDivision ;
    qgov:mentionedIn qid:doc .
qid:city a qgov:City ; rdfs:label "甲市"@zh ; skos:altLabel "甲"@zh ;
    qgov:divisionLevel qgov:PrefectureLevelDivision ; qgov:partOf qid:prov ; qgov:mentionedIn qid:doc ;
    qgov:implements qid:program .
qid:firm a qgov:Enterprise ; rdfs:label "丙科技股份有限公司"@zh ; skos:altLabel "丙科技"@zh ;
    qgov:locatedIn qid:city ; qgov:mentionedIn qid:doc ; qgov:mention qid:span1 .
qid:bureau a qgov:GovernmentBody ; rdfs:label "甲市市场监督管理局"@zh .
qid:person a qgov:Person ; rdfs:label "张三"@zh .
qid:program a qgov:Program ; rdfs:label "首席质量官制度"@zh ; qgov:year "2009"^^xsd:gYear .
qid:award a qgov:Award ; rdfs:label "甲市市长质量奖"@zh ; qgov:level qgov:MunicipalLevel ;
    qgov:conferredBy qid:city .
qid:nomination a qgov:Award ; rdfs:label "甲市市长质量奖提名奖"@zh ; qgov:level qgov:MunicipalLevel ;
    qgov:nominationFor qid:award .
qid:regulation a qgov:Regulation ; rdfs:label "甲市质量促进条例"@zh ; qgov:issuedBy qid:city ;
    qgov:year "2020"^^xsd:gYear .
qid:event a qgov:Event ; rdfs:label "甲市质量大会"@zh ; schema:startDate "2020-09"^^xsd:gYearMonth ;
    qgov:heldIn qid:city ; qgov:organizer qid:bureau , qid:person ; qgov:locatedIn qid:city .
qid:conferral a qgov:AwardConferral ; qgov:recipient qid:firm ; qgov:award qid:award ;
    qgov:year "2020"^^xsd:gYear ; prov:wasDerivedFrom qid:doc ; qgov:evidence qid:span1 ;
    qgov:confidence "0.9"^^xsd:decimal .
qid:conferral2 a qgov:AwardConferral ; qgov:recipient qid:person ; qgov:award qid:nomination ;
    qgov:year 2019 ; prov:wasDerivedFrom qid:doc .
qid:role a org:Role ; rdfs:label "董事长"@zh .
qid:membership a org:Membership ; org:member qid:person ; org:organization qid:firm ; org:role qid:role ;
    prov:wasDerivedFrom qid:doc ; qgov:evidence qid:span2 .
qid:adoption a qgov:ProgramAdoption ; qgov:adopter qid:city ; qgov:program qid:program ;
    qgov:since "2009"^^xsd:gYear ; prov:wasDerivedFrom qid:doc .
qid:span1 a qgov:TextSpan ; qgov:inDocument qid:doc ; qgov:startOffset 10 ; qgov:endOffset 30 ;
    qgov:quote "某段文字" ; qgov:confidence "0.75"^^xsd:decimal .
qid:span2 a qgov:TextSpan ; qgov:inDocument qid:doc ; qgov:startOffset 0 ; qgov:endOffset 1 .
qid:bureau qgov:mentionedIn qid:doc . qid:person qgov:mentionedIn qid:doc . qid:program qgov:mentionedIn qid:doc .
qid:award qgov:mentionedIn qid:doc . qid:nomination qgov:mentionedIn qid:doc .
qid:regulation qgov:mentionedIn qid:doc . qid:event qgov:mentionedIn qid:doc .
"""


def graph_of(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def changed(remove: str = "", add: str = "") -> Graph:
    """The valid graph without the triples of ``remove`` and with those of ``add`` (Turtle bodies)."""
    graph = graph_of(VALID)
    for triple in graph_of(PREFIXES + remove):
        assert triple in graph, f"the valid graph has no {triple}"
        graph.remove(triple)
    graph += graph_of(PREFIXES + add)
    return graph


def test_the_valid_graph_passes():
    assert validate_graph(graph_of(VALID)) == []


def test_a_graph_built_from_facts_passes(small_facts):
    assert validate_graph(build_graph([small_facts]).to_graph()) == []


def test_validation_leaves_the_graph_as_it_was():
    graph = graph_of(VALID)
    before = set(graph)
    validate_graph(changed(remove="qid:conferral qgov:award qid:award ."))
    validate_graph(graph)
    assert set(graph) == before


# (what is broken, triples removed, triples added, focus node, words of the expected message)
BROKEN = [
    ("conferral without recipient", "qid:conferral qgov:recipient qid:firm .", "",
     "conferral", "needs exactly one recipient"),
    ("conferral with two recipients", "", "qid:conferral qgov:recipient qid:city .",
     "conferral", "needs exactly one recipient"),
    ("recipient is an award", "qid:conferral qgov:recipient qid:firm .", "qid:conferral qgov:recipient qid:award .",
     "conferral", "recipient (qgov:recipient) of an award must be an organisation, person, city, province or construction project"),
    ("conferral without award", "qid:conferral qgov:award qid:award .", "",
     "conferral", "needs exactly one award"),
    ("award is not an Award", "qid:conferral qgov:award qid:award .", "qid:conferral qgov:award qid:program .",
     "conferral", "must be a qgov:Award"),
    ("two-digit gYear", "qid:conferral qgov:year \"2020\"^^xsd:gYear .", "qid:conferral qgov:year \"20\"^^xsd:gYear .",
     "conferral", "must be a four-digit year"),
    ("gYear with a time zone", "qid:conferral qgov:year \"2020\"^^xsd:gYear .",
     "qid:conferral qgov:year \"2020Z\"^^xsd:gYear .", "conferral", "must be a four-digit year"),
    ("integer year out of range", "qid:conferral2 qgov:year 2019 .", "qid:conferral2 qgov:year 3019 .",
     "conferral2", "must be a four-digit year"),
    ("year as a string", "qid:conferral2 qgov:year 2019 .", "qid:conferral2 qgov:year \"2019\" .",
     "conferral2", "must be a four-digit year"),
    ("conferral with two years", "", "qid:conferral qgov:year \"2021\"^^xsd:gYear .",
     "conferral", "at most one year"),
    ("conferral without source", "qid:conferral prov:wasDerivedFrom qid:doc .", "",
     "conferral", "needs a source"),
    ("source is not a document", "qid:conferral prov:wasDerivedFrom qid:doc .",
     "qid:conferral prov:wasDerivedFrom qid:city .", "conferral", "must be a qgov:Document"),
    ("evidence is not a span", "", "qid:conferral qgov:evidence qid:doc .",
     "conferral", "must be a qgov:TextSpan"),
    ("confidence above 1", "qid:conferral qgov:confidence \"0.9\"^^xsd:decimal .",
     "qid:conferral qgov:confidence \"1.5\"^^xsd:decimal .", "conferral", "from 0 to 1"),
    ("confidence as a double", "qid:conferral qgov:confidence \"0.9\"^^xsd:decimal .",
     "qid:conferral qgov:confidence \"0.9\"^^xsd:double .", "conferral", "from 0 to 1"),
    ("span confidence below 0", "qid:span1 qgov:confidence \"0.75\"^^xsd:decimal .",
     "qid:span1 qgov:confidence \"-0.1\"^^xsd:decimal .", "span1", "from 0 to 1"),
    ("entity without label", "qid:person rdfs:label \"张三\"@zh .", "",
     "person", "exactly one canonical name"),
    ("entity with two labels", "", "qid:firm rdfs:label \"丙公司\"@zh .",
     "firm", "exactly one canonical name"),
    ("label in English", "qid:person rdfs:label \"张三\"@zh .", "qid:person rdfs:label \"Zhang San\"@en .",
     "person", "non-blank Chinese (@zh)"),
    ("label without language", "qid:person rdfs:label \"张三\"@zh .", "qid:person rdfs:label \"张三\" .",
     "person", "non-blank Chinese (@zh)"),
    ("blank label", "qid:person rdfs:label \"张三\"@zh .", "qid:person rdfs:label \"  \"@zh .",
     "person", "non-blank Chinese (@zh)"),
    ("English alias", "", "qid:firm skos:altLabel \"Bing Tech\"@en .",
     "firm", "alternative name (skos:altLabel) must be a non-blank Chinese"),
    ("alias repeats the label", "", "qid:firm skos:altLabel \"丙科技股份有限公司\"@zh .",
     "firm", "repeats the canonical name"),
    ("mentioned in a non-document", "", "qid:firm qgov:mentionedIn qid:city .",
     "firm", "not a qgov:Document"),
    ("entity mentioned nowhere", "qid:city qgov:mentionedIn qid:doc .", "",
     "city", "at least one source document"),
    ("two award levels", "", "qid:award qgov:level qgov:ProvincialLevel .",
     "award", "at most one level"),
    ("award level outside the scheme", "qid:award qgov:level qgov:MunicipalLevel .",
     "qid:award qgov:level qgov:PrefectureLevelDivision .", "award", "at most one level"),
    ("award conferred by a person", "", "qid:award qgov:conferredBy qid:person .",
     "award", "can only be conferred by"),
    ("nomination prize of itself", "", "qid:award qgov:nominationFor qid:award .",
     "award", "nomination prize of (qgov:nominationFor) itself"),
    ("nomination prize of a program", "qid:nomination qgov:nominationFor qid:award .",
     "qid:nomination qgov:nominationFor qid:program .", "nomination", "at most one award"),
    ("division level outside the scheme", "qid:city qgov:divisionLevel qgov:PrefectureLevelDivision .",
     "qid:city qgov:divisionLevel qgov:MunicipalLevel .", "city", "division-level scheme"),
    ("city part of a firm", "", "qid:city qgov:partOf qid:firm .",
     "city", "can only be part of"),
    ("firm part of a city", "", "qid:firm qgov:partOf qid:city .",
     "firm", "only a city can be part of"),
    ("firm located in a person", "", "qid:firm qgov:locatedIn qid:person .",
     "firm", "can only be located in"),
    ("person located in a city", "", "qid:person qgov:locatedIn qid:city .",
     "person", "only an organisation, an event or a construction project can be located in"),
    ("city implements a regulation", "", "qid:city qgov:implements qid:regulation .",
     "city", "must be a qgov:Program"),
    ("person implements a program", "", "qid:person qgov:implements qid:program .",
     "person", "only a city, province or organisation can implement"),
    ("regulation issued by a person", "", "qid:regulation qgov:issuedBy qid:person .",
     "regulation", "can only be issued by"),
    ("event start date as a string", "qid:event schema:startDate \"2020-09\"^^xsd:gYearMonth .",
     "qid:event schema:startDate \"九月\" .", "event", "start date"),
    ("event held in a firm", "", "qid:event qgov:heldIn qid:firm .",
     "event", "can only be held in"),
    ("event organised by an award", "", "qid:event qgov:organizer qid:award .",
     "event", "organizer (qgov:organizer) must be"),
    ("program with two years", "", "qid:program qgov:year \"2010\"^^xsd:gYear .",
     "program", "at most one year of establishment"),
    ("membership without member", "qid:membership org:member qid:person .", "",
     "membership", "exactly one member"),
    ("member is a firm", "qid:membership org:member qid:person .", "qid:membership org:member qid:firm .",
     "membership", "exactly one member (org:member), a qgov:Person"),
    ("membership without organisation", "qid:membership org:organization qid:firm .", "",
     "membership", "exactly one organisation"),
    ("membership in an award", "qid:membership org:organization qid:firm .",
     "qid:membership org:organization qid:award .", "membership", "organisation (org:organization) of a position"),
    ("membership without role", "qid:membership org:role qid:role .", "",
     "membership", "exactly one role"),
    ("membership without source", "qid:membership prov:wasDerivedFrom qid:doc .", "",
     "membership", "needs a source"),
    ("role without label", "qid:role rdfs:label \"董事长\"@zh .", "",
     "role", "role (org:Role) needs exactly one non-blank Chinese"),
    ("adoption without source", "qid:adoption prov:wasDerivedFrom qid:doc .", "",
     "adoption", "needs a source"),
    ("adoption without program", "qid:adoption qgov:program qid:program .", "",
     "adoption", "exactly one program"),
    ("adoption by a person", "qid:adoption qgov:adopter qid:city .", "qid:adoption qgov:adopter qid:person .",
     "adoption", "adopter (qgov:adopter) of a program must be"),
    ("adoption since a bad year", "qid:adoption qgov:since \"2009\"^^xsd:gYear .",
     "qid:adoption qgov:since \"09\"^^xsd:gYear .", "adoption", "start year (qgov:since)"),
    ("document without title", "qid:doc dcterms:title \"测试文件\"@zh .", "",
     "doc", "exactly one non-blank title"),
    ("document with two titles", "", "qid:doc dcterms:title \"另一个标题\"@zh .",
     "doc", "exactly one non-blank title"),
    ("document date as a string", "qid:doc dcterms:date \"2021-05-01\"^^xsd:date .",
     "qid:doc dcterms:date \"2021年5月\" .", "doc", "at most one date"),
    ("document URL as a string", "qid:doc schema:url \"https://example.org/a\"^^xsd:anyURI .",
     "qid:doc schema:url \"https://example.org/a\" .", "doc", "xsd:anyURI"),
    ("document digest not hex", "qid:doc qgov:sha256 \"5f1c0000000000000000000000000000000000000000000000000000000000aa\" .",
     "qid:doc qgov:sha256 \"xyz\" .", "doc", "SHA-256"),
    ("span that ends before it starts", "qid:span1 qgov:endOffset 30 .", "qid:span1 qgov:endOffset 5 .",
     "span1", "must start (qgov:startOffset) before it ends"),
    ("empty span", "qid:span2 qgov:endOffset 1 .", "qid:span2 qgov:endOffset 0 .",
     "span2", "must start (qgov:startOffset) before it ends"),
    ("negative offset", "qid:span2 qgov:startOffset 0 .", "qid:span2 qgov:startOffset -3 .",
     "span2", "non-negative xsd:integer"),
    ("offset as a string", "qid:span2 qgov:startOffset 0 .", "qid:span2 qgov:startOffset \"0\" .",
     "span2", "non-negative xsd:integer"),
    ("span without document", "qid:span2 qgov:inDocument qid:doc .", "",
     "span2", "exactly one document"),
]


@pytest.mark.parametrize("what, remove, add, focus, expected", BROKEN, ids=[case[0] for case in BROKEN])
def test_each_shape_catches_its_violation(what, remove, add, focus, expected):
    violations = validate_graph(changed(remove, add))
    assert violations, f"{what}: not caught"
    matching = [v for v in violations if expected in v.message]
    assert matching, f"{what}: got {[str(v) for v in violations]}"
    assert all(v.is_violation for v in matching)
    assert any(f"(qid:{focus})" in v.focus for v in matching), [v.focus for v in matching]


def test_a_violation_reads_as_one_line_with_labels_not_iris():
    graph = changed(remove="qid:conferral qgov:recipient qid:firm .",
                    add="qid:conferral qgov:recipient qid:award . qid:award skos:altLabel \"第一行\\n第二行\"@zh .")
    violations = validate_graph(graph)
    recipient = next(v for v in violations if v.path == "qgov:recipient")
    assert str(recipient) == (
        "Violation: conferral of 甲市市长质量奖 on 甲市市长质量奖 in 2020 (qid:conferral): qgov:recipient: "
        "the recipient (qgov:recipient) of an award must be an organisation, person, city, province or construction project "
        "(value: 甲市市长质量奖 (qid:award))"
    )
    assert all("\n" not in str(v) and "https://" not in str(v) for v in violations)


def test_nodes_without_labels_are_described_by_their_parts():
    graph = graph_of(VALID)
    assert render_node(graph, ID["membership"]) == "position of 张三 as 董事长 at 丙科技股份有限公司 (qid:membership)"
    assert render_node(graph, ID["adoption"]) == "adoption of 首席质量官制度 by 甲市 (qid:adoption)"
    assert render_node(graph, ID["span1"]) == "text [10, 30) of 测试文件 (qid:span1)"
    assert render_node(graph, URIRef("http://example.org/x")) == "<http://example.org/x>"


def test_files_of_each_format_are_read(tmp_path):
    graph = graph_of(VALID)
    for suffix, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
        path = tmp_path / f"g{suffix}"
        graph.serialize(path, format=fmt, encoding="utf-8")
        loaded, violations = validate_file(path)
        assert len(loaded) == len(graph) and violations == [], suffix


def test_the_named_graphs_of_trig_are_validated_together(tmp_path):
    # The document lives in one named graph and the facts citing it in another.
    dataset = Dataset()
    documents = dataset.graph(URIRef("https://example.org/graph/documents"))
    facts = dataset.graph(URIRef("https://example.org/graph/facts"))
    for triple in graph_of(VALID):
        (documents if triple[0] == ID["doc"] else facts).add(triple)
    path = tmp_path / "g.trig"
    dataset.serialize(path, format="trig")
    loaded, violations = validate_file(path)
    assert len(loaded) == len(graph_of(VALID))
    assert violations == []


@pytest.mark.parametrize("name, content, expected", [
    ("missing.ttl", None, "no such file"),
    ("broken.ttl", "@prefix x: <http://x/> .\nx:a x:b .\nthis is not turtle\n", "cannot parse"),
    ("broken.jsonld", "{not json", "cannot parse"),
    ("graph.xyz", "", "unknown graph format"),
])
def test_unreadable_files_raise_data_not_found(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataNotFound) as caught:
        load_graph(path)
    message = str(caught.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_cli_reports_a_valid_graph(runner, tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(VALID, encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == f"valid: {len(graph_of(VALID))} triples\n"


def test_cli_lists_violations_and_fails(runner, tmp_path):
    path = tmp_path / "g.ttl"
    changed(remove="qid:conferral prov:wasDerivedFrom qid:doc . qid:role rdfs:label \"董事长\"@zh .").serialize(
        path, format="turtle")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("Violation: ") for line in lines)
    assert result.stderr == "Error: the graph violates the shapes (2 violations)\n"


def test_cli_reports_a_missing_file_in_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["validate", str(tmp_path / "nothing.ttl")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nothing.ttl'}: no such file\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_shapes_are_well_formed_shacl():
    from pyshacl import validate

    from kg.validate import shapes_graph

    # meta_shacl checks the shapes graph against the SHACL-for-SHACL shapes first.
    conforms, _, text = validate(Graph(), shacl_graph=shapes_graph(), meta_shacl=True)
    assert conforms, text
