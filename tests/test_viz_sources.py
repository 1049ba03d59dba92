"""Curated facts show the sentence they come from when the page is built with the documents at hand
(issue 12, item 9); the RDF exports still quote nothing."""
from __future__ import annotations

import hashlib

from kg.cli import cli
from kg.exports import serialize
from kg.pipeline import build_graph
from kg.viz import viz_graph
from kg.viz.sources import quote_from_sources, sentence_around

TEXT = "第一段说明背景。甲市示例股份有限公司荣获甲市市长质量奖，这是第二句。第三句与此无关。\n"
START = TEXT.index("甲市示例")
END = TEXT.index("质量奖") + 3


def _facts(sha256: str) -> str:
    return f"""
format: qkg-facts/1
document:
  id: quoted-doc
  title: 示例
  source: doc.txt
  sha256: {sha256}
entities:
  - name: 甲市
    type: City
  - name: 甲市示例股份有限公司
    type: Enterprise
  - name: 甲市市长质量奖
    type: Award
    conferrer: 甲市
conferrals:
  - recipient: 甲市示例股份有限公司
    award: 甲市市长质量奖
    year: 2021
    evidence: [{START}, {END}]
"""


def _award_evidence(viz):
    (edge,) = [e for e in viz.edges if e.relation == "award"]
    return edge.facts[0].evidence


def test_the_sentence_around_a_span():
    assert sentence_around(TEXT, START, END) == "甲市示例股份有限公司荣获甲市市长质量奖，这是第二句。"
    assert sentence_around(TEXT, 0, 2) == "第一段说明背景。"


def test_facts_are_quoted_from_the_document_they_cite(write_facts, tmp_path):
    facts = write_facts(_facts(hashlib.sha256(TEXT.encode()).hexdigest()))
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "doc.txt").write_text(TEXT, encoding="utf-8")
    graph = build_graph([facts])
    viz = viz_graph(graph)
    assert _award_evidence(viz)[0][3] is None  # offsets only, as the committed exports give them
    report = quote_from_sources(viz, sources)
    assert report.spans == 1 and report.documents == ["doc.txt"] and report.skipped == []
    assert _award_evidence(viz)[0][3] == "甲市示例股份有限公司荣获甲市市长质量奖，这是第二句。"
    assert "这是第二句".encode() not in serialize(graph, "qgov.ttl")  # never in the RDF


def test_another_version_of_the_document_is_not_quoted(write_facts, tmp_path):
    facts = write_facts(_facts(hashlib.sha256(TEXT.encode()).hexdigest()))
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "doc.txt").write_text("前面多了一句。" + TEXT, encoding="utf-8")
    viz = viz_graph(build_graph([facts]))
    report = quote_from_sources(viz, sources)
    assert report.spans == 0
    assert report.skipped == ["doc.txt: its text is not the one the facts cite (SHA-256 differs)"]
    assert _award_evidence(viz)[0][3] is None


def test_viz_sources_on_the_command_line(runner, write_facts, tmp_path):
    facts = write_facts(_facts(hashlib.sha256(TEXT.encode()).hexdigest()))
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "doc.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["viz", "--out", str(out), "--facts", str(facts), "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"1 facts quoted from 1 documents in {sources}"
    assert "这是第二句" in out.read_text(encoding="utf-8")
    missing = runner.invoke(cli, ["viz", "--out", str(out), "--facts", str(facts), "--sources", str(tmp_path / "no")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_the_curated_default_is_quoted_from_the_corpus(corpus_dir):
    viz = viz_graph(build_graph(None))
    report = quote_from_sources(viz, corpus_dir)
    assert len(report.documents) == 5 and report.skipped == []
    quotes = [q for e in viz.edges for f in e.facts for (_, _, _, q) in f.evidence]
    assert report.spans == sum(q is not None for q in quotes) > 100
