"""GraphML and GEXF: what Gephi-compatible readers (networkx's) read back is the network that was written."""
from __future__ import annotations

import io
from xml.etree import ElementTree

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.analytics import analyse
from kg.analytics.gephi import gexf_text, graphml_text
from kg.pipeline import build_graph

# Text a label can hold: Chinese, XML's special characters, quotes, and characters XML 1.0 forbids.
labels = st.text(alphabet=st.sampled_from(list("质量奖南通abc<>&\"' \t\n\x01\x0b/#")), max_size=12)
values = st.one_of(labels, st.integers(-10**12, 10**12), st.booleans())


def _clean(value):
    """What XML keeps of a value: the forbidden control characters go."""
    if isinstance(value, str):
        return "".join(c for c in value if c in "\t\n\r" or c >= " ")
    return value


@st.composite
def networks(draw):
    network = nx.MultiDiGraph()
    names = draw(st.lists(labels.filter(lambda s: _clean(s).strip() == s and s), min_size=1, max_size=8, unique=True))
    for name in names:
        network.add_node(name, **draw(st.dictionaries(st.sampled_from(["label", "type", "level"]), values, max_size=3)))
    for _ in range(draw(st.integers(0, 12))):
        source, target = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        network.add_edge(source, target, **draw(st.dictionaries(st.sampled_from(["relation", "year"]), values, max_size=2)))
    return network


def _mixed_attributes(records) -> set[str]:
    """The attributes seen with values of two kinds: the writers declare those as strings."""
    kinds, mixed = {}, set()
    for data in records:
        for name, value in data.items():
            if kinds.setdefault(name, type(value)) is not type(value):
                mixed.add(name)
    return mixed


def _as_string(value):
    return "true" if value is True else "false" if value is False else str(value)


def _expected(name, value, mixed):
    return _clean(_as_string(value) if name in mixed else value)


def _same(network, read_back, *, gexf):
    assert list(read_back.nodes) == list(network.nodes)
    node_records = [d for _, d in network.nodes(data=True)]
    if gexf:  # GEXF gives every node a label (its own, or its id) apart from the attributes
        node_records = [{k: v for k, v in d.items() if k != "label"} for d in node_records]
    mixed = _mixed_attributes(node_records)
    for node, data in zip(network.nodes, node_records):
        got = {k: v for k, v in read_back.nodes[node].items() if not (gexf and k == "label")}
        assert got == {k: _expected(k, v, mixed) for k, v in data.items()}
    mixed = _mixed_attributes(d for _, _, d in network.edges(data=True))
    written = sorted((u, v, sorted((k, repr(_expected(k, x, mixed))) for k, x in d.items()))
                     for u, v, d in network.edges(data=True))
    got = sorted((u, v, sorted((k, repr(x)) for k, x in d.items() if k != "id"))
                 for u, v, d in read_back.edges(data=True))
    assert got == written


@settings(max_examples=150, deadline=None)
@given(networks())
def test_graphml_reads_back_as_written(network):
    text = graphml_text(network)
    ElementTree.fromstring(text.encode("utf-8"))  # well-formed XML
    _same(network, nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True), gexf=False)


@settings(max_examples=150, deadline=None)
@given(networks())
def test_gexf_reads_back_as_written(network):
    text = gexf_text(network)
    read_back = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    _same(network, read_back, gexf=True)
    for node, data in network.nodes(data=True):
        assert read_back.nodes[node]["label"] == _clean(_as_string(data.get("label", node)))


@pytest.fixture(scope="module")
def default_network():
    return analyse(build_graph().triples()).network


def test_the_default_network_reads_back_in_both_formats(default_network):
    for text, reader in ((graphml_text(default_network), nx.read_graphml), (gexf_text(default_network), nx.read_gexf)):
        read_back = reader(io.BytesIO(text.encode("utf-8")))
        assert read_back.number_of_nodes() == default_network.number_of_nodes()
        assert read_back.number_of_edges() == default_network.number_of_edges()
        assert "中国质量奖" in {d["label"] for _, d in read_back.nodes(data=True)}
    assert "&#" not in graphml_text(default_network)  # Chinese stays readable in the file
