"""Construction projects (工程, 项目) as the recipients of awards for works: facts, graph and shapes."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.builder import build
from kg.errors import FactsError
from kg.factfile import dump_facts, read_facts, read_facts_file
from kg.namespace import ID, QGOV
from kg.validate import validate_graph

PROJECT_FACTS = """
format: qkg-facts/1
document:
  id: test-project
  title: 测试工程获奖
entities:
  - name: 甲市
    type: City
    level: prefecture
  - name: 甲市轨道交通控制中心及综合用房工程
    type: Project
    aliases: [控制中心工程]
    mentions: [[0, 17]]
  - name: 中国建设工程鲁班奖
    type: Award
    level: national
  - name: 丙建设集团有限公司
    type: Enterprise
conferrals:
  - recipient: 控制中心工程
    award: 中国建设工程鲁班奖
    year: 2021
    evidence: [0, 30]
locations:
  - entity: 甲市轨道交通控制中心及综合用房工程
    in: 甲市
"""


@pytest.fixture
def project_facts(write_facts):
    return write_facts(PROJECT_FACTS)


def _label(graph, text):
    (subject,) = set(graph.subjects(RDFS.label, Literal(text, lang="zh")))
    return subject


def test_a_project_is_an_entity_type_of_the_facts_format(project_facts, tmp_path):
    facts = read_facts_file(project_facts / "doc.yaml")
    project = facts.entity_named("控制中心工程")
    assert project.type == "Project" and project.mentions == [(0, 17)]
    again = tmp_path / "again.yaml"
    again.write_text(dump_facts(facts), encoding="utf-8")
    assert read_facts_file(again).entity_named("控制中心工程").type == "Project"


def test_a_project_is_a_recipient_but_holds_no_position(write_facts):
    text = PROJECT_FACTS + """positions:
  - person: 张三
    role: 项目经理
    organization: 控制中心工程
"""
    text = text.replace("entities:\n", "entities:\n  - name: 张三\n    type: Person\n", 1)
    with pytest.raises(FactsError, match="position organization '控制中心工程' is not an entity of this file"):
        read_facts([write_facts(text)])


def test_a_project_and_an_organisation_may_share_a_name(write_facts):
    """Kinds keep their own names: a project named like a firm is not that firm."""
    text = PROJECT_FACTS.replace("aliases: [控制中心工程]", "aliases: [控制中心工程, 丙建设集团有限公司]")
    read_facts([write_facts(text)])


def test_the_graph_types_the_project_and_makes_it_the_recipient(project_facts):
    graph = build(read_facts([project_facts])).to_graph()
    project = _label(graph, "甲市轨道交通控制中心及综合用房工程")
    assert (project, RDF.type, QGOV.ConstructionProject) in graph
    assert str(project).startswith(str(ID["project/"]))
    (conferral,) = set(graph.subjects(QGOV.recipient, project))
    assert graph.value(conferral, QGOV.award) == _label(graph, "中国建设工程鲁班奖")
    assert (project, QGOV.locatedIn, _label(graph, "甲市")) in graph
    assert validate_graph(graph) == []


def test_the_summary_counts_projects(project_facts):
    summary = build(read_facts([project_facts])).summary()
    assert summary.entities_by_type["Project"] == 1
    assert "1 Project" in summary.lines()[0]


def test_a_project_needs_its_name_like_any_entity(project_facts):
    graph = build(read_facts([project_facts])).to_graph()
    project = _label(graph, "甲市轨道交通控制中心及综合用房工程")
    graph.remove((project, RDFS.label, None))
    messages = [v.message for v in validate_graph(graph)]
    assert any("exactly one canonical name" in m for m in messages), messages


def test_a_project_implements_no_program(project_facts):
    graph = build(read_facts([project_facts])).to_graph()
    project = _label(graph, "甲市轨道交通控制中心及综合用房工程")
    graph.add((project, QGOV.implements, ID["program/x"]))
    messages = [v.message for v in validate_graph(graph)]
    assert any("only a city, province or organisation can implement" in m for m in messages), messages


def test_the_page_draws_a_project_with_its_award_and_city(project_facts):
    from kg.pipeline import build_graph
    from kg.viz import page_html, to_network, viz_graph
    from kg.viz.focus import entity_type

    viz = viz_graph(build_graph([project_facts]))
    (project,) = [n for n in viz.nodes.values() if n.type == "Project"]
    city = next(n for n in viz.nodes.values() if n.label == "甲市")
    assert project.cities == [city.id]
    assert {(e.source, e.relation) for e in viz.edges} >= {(project.id, "award"), (project.id, "located")}
    net = to_network(viz)
    assert any(n["id"] == project.id for n in net.nodes)
    assert "工程项目" in page_html(net, viz, packed_above=10**9)
    assert entity_type("工程项目") == entity_type("project") == "Project"


def test_saved_queries_name_a_project_recipient_and_its_city(write_facts):
    from kg.queries import find_query, run_query
    from query_support import store_of

    text = PROJECT_FACTS.replace("""locations:""", """  - recipient: 控制中心工程
    award: 中国建设工程鲁班奖
    year: 2022
    evidence: [0, 30]
locations:""")
    store = store_of([write_facts(text)])
    winners = run_query(store, find_query("repeat-winners"), {})
    (row,) = [dict(zip(winners.variables, (t.value for t in r))) for r in winners.rows]
    assert (row["recipient"], row["recipient_type"], row["recipient_type_zh"]) == (
        "甲市轨道交通控制中心及综合用房工程", "ConstructionProject", "工程项目")
    by_city = run_query(store, find_query("awards-by-city-level-year"), {"city": "甲市"})
    rows = [dict(zip(by_city.variables, (t.value if t is not None else None for t in r))) for r in by_city.rows]
    assert [(r["recipient_city"], r["recipients"]) for r in rows] == [("甲市", "甲市轨道交通控制中心及综合用房工程")] * 2


def test_eval_scores_projects_as_a_kind_of_entity(project_facts):
    from kg.evaluate import evaluate_pairs

    (gold,) = read_facts([project_facts])
    (extracted,) = read_facts([project_facts])
    extracted.entities = [e for e in extracted.entities if e.type != "Project"]
    extracted.conferrals, extracted.locations = [], []
    score = evaluate_pairs([(extracted, gold)]).score("Project")
    assert (score.gold, score.extracted, score.missed) == (1, 0, ["test-project: 甲市轨道交通控制中心及综合用房工程"])
