"""networkx analytics: the entity network, scores, groups, firm network, ladders, chains and their exports."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg.staging import MARKER
from kg.analytics import analyse, analytics_files, entity_network, shortest_chain
from kg.analytics.paths import PathError
from kg.names import NameNotFound
from kg.cli import cli
from kg.namespace import QGOV
from kg.pipeline import build_exports, build_graph
from query_support import turtle_of

from conftest import SMALL_FACTS

# A second document: another firm shares the provincial award, and climbs from a 提名奖 to the award.
SECOND_FACTS = """
format: qkg-facts/1
document:
  id: test-b
  title: 测试文件乙
entities:
  - name: 乙省
    type: Province
  - name: 乙省省长质量奖
    type: Award
    conferrer: 乙省
  - name: 乙省省长质量奖提名奖
    type: Award
    conferrer: 乙省
    nomination_for: 乙省省长质量奖
  - name: 戊电缆有限公司
    type: Enterprise
  - name: 孤岛协会
    type: Organization
conferrals:
  - recipient: 戊电缆有限公司
    award: 乙省省长质量奖提名奖
    year: 2018
  - recipient: 戊电缆有限公司
    award: 乙省省长质量奖
    year: 2020
"""


@pytest.fixture
def facts(write_facts):
    write_facts(SMALL_FACTS)
    return write_facts(SECOND_FACTS, "second.yaml")


@pytest.fixture
def analysis(facts):
    return analyse(build_graph([facts]).triples())


def _node(network, label):
    (node,) = [n for n, data in network.nodes(data=True) if data["label"] == label]
    return node


def test_entities_become_nodes_and_facts_labelled_edges(analysis):
    network = analysis.network
    firm, person, city = (_node(network, n) for n in ("丙科技股份有限公司", "张三", "甲市"))
    assert network.nodes[firm]["type"] == "Enterprise" and network.nodes[firm]["aliases"] == "丙科技"
    won = {(network.nodes[v]["label"], d.get("year")) for _, v, d in network.out_edges(firm, data=True) if d["relation"] == "won"}
    assert won == {("甲市市长质量奖", 2020), ("乙省省长质量奖", 2021)}
    (position,) = [d for _, v, d in network.out_edges(person, data=True) if d["relation"] == "position"]
    assert position["role"] == "董事长" and position["label_zh"] == "任职于"
    assert any(d["relation"] == "implements" for _, _, d in network.out_edges(city, data=True))
    assert network.nodes[_node(network, "乙省省长质量奖")]["level"] == "provincial"
    assert not any(d["type"] == "Document" for _, d in network.nodes(data=True))


def test_centrality_ranks_the_hub_first(analysis):
    ranked = [analysis.label(n) for n in analysis.ranked()]
    assert ranked[0] in {"甲市", "丙科技股份有限公司"}
    scores = analysis.centrality.scores
    assert all(0 <= s.betweenness <= 1 and s.pagerank > 0 for s in scores.values())
    assert abs(sum(s.pagerank for s in scores.values()) - 1) < 1e-6
    assert analysis.centrality.exact_betweenness


def test_components_and_communities_cover_every_node_once(analysis):
    nodes = set(analysis.network.nodes)
    for groups in (analysis.components, analysis.communities):
        members = [n for group in groups for n in group]
        assert sorted(members) == sorted(nodes)
    lone = _node(analysis.network, "孤岛协会")
    assert [lone] in analysis.components  # an organisation with no relations is a component of its own
    assert len(analysis.components[0]) >= len(analysis.components[-1])


def test_firm_network_links_firms_sharing_an_award(analysis):
    graph = analysis.firms.graph
    first, second = _node(graph, "丙科技股份有限公司"), _node(graph, "戊电缆有限公司")
    assert graph[first][second] == {"weight": 1, "shared": "乙省省长质量奖"}


def test_award_ladder(analysis):
    ladder = [(r.recipient_label, r.year, r.award, r.step) for r in analysis.ladders]
    assert ("丙科技股份有限公司", 2020, "甲市市长质量奖", "first") in ladder
    assert ("丙科技股份有限公司", 2021, "乙省省长质量奖", "level up") in ladder
    assert ("戊电缆有限公司", 2020, "乙省省长质量奖", "nomination → award") in ladder


def test_shortest_chain_names_each_relation(facts):
    network = entity_network(build_graph([facts]).triples())
    steps = shortest_chain(network, "张三", "戊电缆有限公司")
    assert [s.line() for s in steps] == [
        "张三 —[任职于 holds a position in, 董事长]→ 丙科技股份有限公司",
        "丙科技股份有限公司 —[获奖 won, 2021]→ 乙省省长质量奖",
        "乙省省长质量奖 ←[获奖 won, 2020]— 戊电缆有限公司",
    ]
    assert shortest_chain(network, "丙科技", "丙科技股份有限公司") == []  # an alias names the same entity


def test_shortest_chain_errors(facts):
    network = entity_network(build_graph([facts]).triples())
    with pytest.raises(NameNotFound, match="nothing matches '无名'"):
        shortest_chain(network, "无名", "张三")
    with pytest.raises(PathError, match="no chain of relations links"):
        shortest_chain(network, "孤岛协会", "张三")


def test_exports_of_a_build(facts, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    build_exports([facts], out, validate=False, page=False)
    for name in ("analytics.ttl", "qgov.graphml", "qgov.gexf", "analytics/report.md", "analytics/centrality.csv",
                 "analytics/communities.csv", "analytics/components.csv", "analytics/firm_network.csv",
                 "analytics/award_ladder.csv"):
        assert (out / name).is_file(), name
    assert (out / "analytics/centrality.csv").read_bytes().startswith("\ufeffentity,type,degree".encode())
    rdf = rdflib.Graph().parse(out / "analytics.ttl")
    network = nx.read_graphml(out / "qgov.graphml")
    assert len(set(rdf.subjects(QGOV.pageRank, None))) == network.number_of_nodes() == 16
    assert len(list(rdf.triples((None, QGOV.sharesRecognitionWith, None)))) == 1
    assert b"lastmodifieddate" not in (out / "qgov.gexf").read_bytes()
    assert nx.read_gexf(out / "qgov.gexf").number_of_nodes() == 16
    report = (out / "analytics/report.md").read_text(encoding="utf-8")
    assert "- Entities: 16" in report and "戊电缆有限公司" in report


def test_analytics_are_the_same_in_every_process(facts, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "qgov.ttl"
    data.write_bytes(turtle_of([facts]))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        subprocess.run([sys.executable, "-m", "kg", "analyze", "--data", str(data), "--out", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*"))
                        if p.is_file() and p.name != MARKER})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 9
    in_process = analytics_files(analyse(build_graph([facts]).triples()))
    assert {str(k): v for k, v in outputs[0].items()} == in_process  # the file and the build agree


def test_cli_path_and_analyze(runner, facts, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "qgov.ttl"
    data.write_bytes(turtle_of([facts]))
    result = runner.invoke(cli, ["path", "张三", "乙省", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("1. 张三 —[holds a position in, 董事长]→")
    chinese = runner.invoke(cli, ["path", "张三", "乙省", "--data", str(data), "--lang", "zh"])
    assert chinese.output.splitlines()[0].startswith("1. 张三 —[任职于, 董事长]→")
    result = runner.invoke(cli, ["path", "张三", "无名", "--data", str(data)])
    assert result.exit_code == 1 and result.output.strip() == (
        "Error: nothing matches '无名': no entity has that name or a name containing it")
    result = runner.invoke(cli, ["analyze", "--data", str(data), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0 and "wrote 9 files" in result.output


def test_graphml_round_trips_labels(analysis):
    buffer = io.BytesIO(analytics_files(analysis)["qgov.graphml"])
    network = nx.read_graphml(buffer)
    assert {d["label"] for _, d in network.nodes(data=True)} == {d["label"] for _, d in analysis.network.nodes(data=True)}


# The analytics of the embedded default that are committed. The CSV tables, GraphML and GEXF are not
# (.gitignore): their runs of names, in the documents' order, look like copied text to the corpus check.
COMMITTED = ("analytics.ttl", "analytics/report.md")


def test_committed_analytics_of_the_default_are_current():
    from kg import resources

    if not any(resources.curated_facts_dir().glob("*.yaml")):
        pytest.skip("the curated facts are not in facts/")
    exports = Path(__file__).resolve().parents[1] / "exports"
    expected = analytics_files(analyse(build_graph().triples()))
    for name in COMMITTED:
        committed = exports / name
        assert committed.is_file(), f"{committed} is missing: run `qkg build`"
        assert committed.read_bytes() == expected[name], f"{committed} is stale: run `qkg build` and commit"
