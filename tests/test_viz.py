"""The graph page without a browser: nodes and edges, layout, focus filters, escaping, the commands."""
from __future__ import annotations

import base64
import gzip
import json
import re

import pytest

from kg.cli import cli
from kg.errors import QkgError
from kg.namespace import document_iri, entity_iri
from kg.pipeline import build_exports, build_graph
from kg.viz import page_html, to_network, viz_graph
from kg.viz.focus import Focus, FocusError, entity_type, focus
from kg.viz.layout import force_layout
from kg.viz.page import data_element, json_for_script, page_data, script_for_inline

FACTS = """
format: qkg-facts/1
document:
  id: demo-news-2021
  title: 示例新闻
  publisher: 示例日报
  date: 2021-05-01
  url: https://example.org/news/1
entities:
  - name: 示例省
    type: Province
    level: province
  - name: 甲市
    type: City
    aliases: [甲]
    level: prefecture
  - name: 乙县
    type: City
    level: county
  - name: 甲市光明电缆有限公司
    type: Enterprise
    aliases: [光明电缆]
  - name: 乙县远山机械有限公司
    type: Enterprise
  - name: 王一
    type: Person
  - name: 甲市市长质量奖
    type: Award
    conferrer: 甲市
  - name: 国家质量奖
    type: Award
    level: national
  - name: 首席质量官制度
    type: Program
  - name: 甲市质量促进条例
    type: Regulation
    issuer: 甲市
    year: 2015
conferrals:
  - recipient: 甲市光明电缆有限公司
    award: 甲市市长质量奖
    year: 2016
  - recipient: 甲市光明电缆有限公司
    award: 甲市市长质量奖
    year: 2019
  - recipient: 乙县远山机械有限公司
    award: 国家质量奖
    year: 2020
positions:
  - person: 王一
    role: 首席质量官
    organization: 甲市光明电缆有限公司
adoptions:
  - adopter: 甲市
    program: 首席质量官制度
    since: 2012
locations:
  - entity: 甲市光明电缆有限公司
    in: 甲市
  - entity: 乙县远山机械有限公司
    in: 乙县
  - entity: 乙县
    in: 甲市
  - entity: 甲市
    in: 示例省
"""

CABLE = str(entity_iri("org", "甲市光明电缆有限公司"))
MACHINES = str(entity_iri("org", "乙县远山机械有限公司"))
CITY = str(entity_iri("place", "甲市"))
COUNTY = str(entity_iri("place", "乙县"))
PROVINCE = str(entity_iri("place", "示例省"))
CITY_AWARD = str(entity_iri("award", "甲市市长质量奖"))
NATIONAL_AWARD = str(entity_iri("award", "国家质量奖"))
PERSON = str(entity_iri("person", "王一"))
PROGRAM = str(entity_iri("program", "首席质量官制度"))
REGULATION = str(entity_iri("regulation", "甲市质量促进条例"))
DOC = str(document_iri("demo-news-2021"))


@pytest.fixture
def viz(write_facts):
    return viz_graph(build_graph([write_facts(FACTS)]))


def edges_of(graph):
    return {(e.source, e.target, e.relation): e for e in graph.edges}


def test_nodes_are_the_entities_with_their_iris(viz):
    assert set(viz.nodes) == {CABLE, MACHINES, CITY, COUNTY, PROVINCE, CITY_AWARD, NATIONAL_AWARD, PERSON,
                              PROGRAM, REGULATION}
    cable = viz.nodes[CABLE]
    assert (cable.label, cable.type, cable.aliases) == ("甲市光明电缆有限公司", "Enterprise", ["光明电缆"])
    assert cable.documents == [DOC]
    assert viz.nodes[CITY_AWARD].level == "municipal"
    assert viz.nodes[NATIONAL_AWARD].level == "national"
    assert viz.nodes[REGULATION].year == 2015


def test_facts_become_edges_with_years_roles_and_sources(viz):
    edges = edges_of(viz)
    assert set(edges) == {
        (CABLE, CITY_AWARD, "award"), (MACHINES, NATIONAL_AWARD, "award"), (PERSON, CABLE, "position"),
        (CITY, PROGRAM, "implements"), (CABLE, CITY, "located"), (MACHINES, COUNTY, "located"),
        (COUNTY, CITY, "part_of"), (CITY, PROVINCE, "part_of"), (CITY, CITY_AWARD, "confers"),
        (CITY, REGULATION, "issues"),
    }
    # Two conferrals of one award to one recipient are one drawn edge carrying both years.
    assert edges[(CABLE, CITY_AWARD, "award")].years == [2016, 2019]
    assert edges[(PERSON, CABLE, "position")].details == ["首席质量官"]
    assert edges[(CITY, PROGRAM, "implements")].years == [2012]
    assert all(f.documents == [DOC] for e in viz.edges for f in e.facts)
    assert viz.documents[DOC].url == "https://example.org/news/1"


def test_cities_follow_places_employers_and_conferrers(viz):
    assert viz.nodes[CABLE].cities == [CITY]
    assert viz.nodes[MACHINES].cities == sorted([CITY, COUNTY])  # a county-level city lies in its prefecture
    assert viz.nodes[PERSON].cities == [CITY]
    assert viz.nodes[CITY_AWARD].cities == [CITY]
    assert viz.nodes[NATIONAL_AWARD].cities == []
    assert viz.nodes[PROVINCE].cities == []


def test_network_has_the_nodes_edges_and_fixed_positions(viz):
    net = to_network(viz)
    assert [n["id"] for n in net.nodes] == list(viz.nodes)
    assert [(e["from"], e["to"]) for e in net.edges] == [(e.source, e.target) for e in viz.edges]
    award_edge = next(e for e in net.edges if (e["from"], e["to"]) == (CABLE, CITY_AWARD))
    assert award_edge["label"] == "获奖 2016、2019"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in net.nodes)
    assert net.options.physics.enabled is False
    hub = next(n for n in net.nodes if n["id"] == CITY)
    leaf = next(n for n in net.nodes if n["id"] == PROVINCE)
    assert hub["size"] > leaf["size"]


def test_layout_is_deterministic_and_separates_nodes():
    ids = [f"n{i}" for i in range(60)]
    edges = [(f"n{i}", f"n{(i * 7) % 60}") for i in range(60)] + [("x", "y")]
    first = force_layout(ids + ["x", "y", "lonely"], edges, seed=3)
    assert first == force_layout(ids + ["x", "y", "lonely"], edges, seed=3)
    assert len(set(first.values())) == len(first)


def test_layout_of_a_large_graph_uses_sampling_and_stays_finite():
    ids = [str(i) for i in range(1500)]
    edges = [(str(i), str(i // 3)) for i in range(1, 1500)]
    positions = force_layout(ids, edges, seed=1, iterations=20)
    xs = [x for x, _ in positions.values()]
    assert len(positions) == 1500 and all(abs(x) < 1e7 for x in xs) and len(set(positions.values())) == 1500


def test_json_for_script_cannot_close_the_script_element():
    hostile = {"name": "</script><img src=x onerror=alert(1)> & \u2028\u2029 \"'"}
    text = json_for_script(hostile)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == hostile


def test_large_data_is_packed_small_data_stays_json():
    value = {"names": [f"名称{i} </script>" for i in range(2000)]}
    plain = data_element(value, packed_above=10**9)
    assert re.fullmatch(r'<script type="application/json" id="qkg-data">[^<]*</script>', plain)
    packed = data_element(value, packed_above=1000)
    body = re.fullmatch(r'<script type="application/octet-stream" id="qkg-data-gzip">([A-Za-z0-9+/=]+)</script>', packed).group(1)
    assert json.loads(gzip.decompress(base64.b64decode(body))) == value
    assert len(packed) < len(plain) / 5
    assert data_element(value, packed_above=1000) == packed  # the same bytes every time


def test_inline_script_has_no_closing_tag():
    assert script_for_inline('var s = "</script>"; var t = "<!--";') == 'var s = "<\\/script>"; var t = "<\\!--";'


def test_page_is_self_contained_and_escapes_names(write_facts):
    name = "\"<img src=x onerror=alert(1)></script>'"
    hostile = FACTS.replace("甲市光明电缆有限公司", "'" + name.replace("'", "''") + "'").replace(
        "https://example.org/news/1", "javascript:alert(1)")
    viz = viz_graph(build_graph([write_facts(hostile)]))
    page = page_html(to_network(viz), viz)
    assert "<img src=x" not in page and "onerror=alert(1)></script>" not in page
    assert "javascript:alert" not in page  # links are http(s) only
    assert page.lower().count("</script") == 3  # the three script elements, nothing inside ends one early
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert "cdn" not in page.lower().split("<script>")[0]
    data = json.loads(re.search(r'id="qkg-data">(.*?)</script>', page, re.S).group(1))
    assert name in [n["label"] for n in data["nodes"]]


@pytest.mark.parametrize("spec, expected", [
    (Focus(types=("Enterprise", "Award")), {CABLE, MACHINES, CITY_AWARD, NATIONAL_AWARD}),
    (Focus(city="乙县"), {COUNTY, MACHINES, NATIONAL_AWARD}),
    (Focus(around="光明电缆", depth=1), {CABLE, CITY, CITY_AWARD, PERSON}),
    (Focus(around="王一", depth=0), {PERSON}),
])
def test_focus_selects_nodes(viz, spec, expected):
    assert set(focus(viz, spec).nodes) == expected


def test_focus_on_a_city_keeps_its_cities_and_what_touches_them(viz):
    shown = focus(viz, Focus(city="甲"))
    assert {CITY, COUNTY, CABLE, MACHINES, PERSON, CITY_AWARD, NATIONAL_AWARD, PROGRAM, REGULATION} <= set(shown.nodes)
    assert PROVINCE in shown.nodes  # no city of its own, and it touches 甲市


def test_focus_on_years_hides_dated_facts_outside(viz):
    shown = focus(viz, Focus(from_year=2017, to_year=2020))
    edges = edges_of(shown)
    assert (CABLE, CITY_AWARD, "award") in edges  # its 2019 conferral is inside
    assert (CITY, PROGRAM, "implements") not in edges  # since 2012
    assert REGULATION not in shown.nodes  # enacted 2015
    assert (CABLE, CITY, "located") in edges  # undated


@pytest.mark.parametrize("spec, message", [
    (Focus(city="火星"), "nothing matches '火星': no entity of type City has that name or a name containing it"),
    (Focus(around="无名氏"), "nothing matches '无名氏': no entity has that name or a name containing it"),
    (Focus(from_year=2020, to_year=2010), "the year range 2020–2010 is empty"),
])
def test_focus_errors(viz, spec, message):
    with pytest.raises(QkgError, match=re.escape(message)):
        focus(viz, spec)


def test_entity_type_accepts_english_and_chinese():
    assert entity_type("enterprise") == "Enterprise" and entity_type("奖项") == "Award"
    with pytest.raises(FocusError):
        entity_type("Planet")


def test_build_writes_the_page_only_when_asked(write_facts, tmp_path):
    facts = write_facts(FACTS)
    build_exports([facts], tmp_path / "with", validate=False)
    build_exports([facts], tmp_path / "without", validate=False, page=False)
    page = (tmp_path / "with" / "graph.html").read_text(encoding="utf-8")
    assert "甲市光明电缆有限公司" in page
    assert not (tmp_path / "without" / "graph.html").exists()


def test_viz_command_writes_a_focused_page(runner, write_facts, tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["viz", "--out", str(out), "--facts", str(write_facts(FACTS)), "--type", "企业"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {out} (2 entities, 0 relations)"
    assert "乙县远山机械有限公司" in out.read_text(encoding="utf-8")


def test_viz_command_reports_errors_in_one_line(runner, write_facts, tmp_path):
    args = ["viz", "--out", str(tmp_path / "p.html"), "--facts", str(write_facts(FACTS))]
    result = runner.invoke(cli, args + ["--city", "火星"])
    assert result.exit_code == 1 and result.output == (
        "Error: nothing matches '火星': no entity of type City has that name or a name containing it\n")
    assert runner.invoke(cli, args + ["--depth", "-1"]).exit_code == 2
    assert not (tmp_path / "p.html").exists()


def _national_award_fact(write_facts, extra: str):
    """The graph whose 2020 national award is stated with ``extra`` lines, and that award's fact."""
    award = "    award: 国家质量奖\n    year: 2020\n"
    graph = viz_graph(build_graph([write_facts(FACTS.replace(award, award + extra))]))
    (fact,) = edges_of(graph)[(MACHINES, NATIONAL_AWARD, "award")].facts
    return graph, fact


def test_facts_carry_where_each_document_states_them(write_facts):
    graph, fact = _national_award_fact(write_facts, "    evidence: [12, 40]\n    quote: 乙县远山机械有限公司荣获国家质量奖\n")
    assert fact.evidence == [(DOC, 12, 40, "乙县远山机械有限公司荣获国家质量奖")]
    html = page_html(to_network(graph), graph, "测试")
    assert '"quote": "乙县远山机械有限公司荣获国家质量奖"' in html or "乙县远山机械有限公司荣获国家质量奖" in html


def test_an_extracted_fact_carries_its_confidence_to_the_page(write_facts):
    graph, fact = _national_award_fact(write_facts, "    evidence: [12, 40]\n    confidence: 0.55\n")
    assert fact.confidence == 0.55
    data = page_data(to_network(graph), graph, "测试")
    assert data["reviewBelow"] == 0.7
    assert [f["confidence"] for e in data["edgeFacts"] for f in e["facts"] if f["confidence"] is not None] == [0.55]
    curated = viz_graph(build_graph([write_facts(FACTS)]))
    assert all(f.confidence is None for e in curated.edges for f in e.facts)
