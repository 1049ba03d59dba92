"""`qkg publish` and `qkg query --endpoint` against Oxigraph's own server, started on loopback by the test."""
from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from kg.cli import cli
from kg.exports import serialize
from kg.namespace import DERIVED_GRAPH
from kg.pipeline import build_graph
from kg.queries import run_query, saved_queries
from kg.store import memory_store
from query_support import comparable_rows
from server_support import free_port, oxigraph_binary, oxigraph_server

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="Oxigraph's server (pip install oxigraph) is not installed")

GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
PARAMETERS = {"award-history": {"name": "星宇车灯"}, "entity-sources": {"name": "星宇车灯"},
              "awards-by-city-level-year": {"city": "常州"}}


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    """The embedded default's TriG: five documents, five named graphs."""
    path = tmp_path_factory.mktemp("exports") / "qgov.trig"
    path.write_bytes(serialize(build_graph(None), "qgov.trig"))
    return path


@pytest.fixture
def server(tmp_path):
    with oxigraph_server(tmp_path / "oxigraph") as base:
        yield base


def _graph_sizes(base):
    response = httpx.post(base + "/query", data={"query": GRAPH_SIZES}, headers={"Accept": "application/sparql-results+json"})
    return [(b["g"]["value"], int(b["n"]["value"])) for b in response.json()["results"]["bindings"]]


def _local_sizes(path):
    store = memory_store(path.read_bytes(), ox.RdfFormat.TRIG)
    return sorted((graph.value, len(list(store.quads_for_pattern(None, None, None, graph)))) for graph in store.named_graphs())


def test_publish_puts_one_graph_per_document_and_the_derived_graph_and_replaces_them(runner, server, trig, tmp_path):
    result = runner.invoke(cli, ["publish", "--endpoint", server + "/store", "--data", str(trig)])
    assert result.exit_code == 0, result.output
    expected = _local_sizes(trig)
    documents = [iri for iri, _ in expected if iri.startswith("https://w3id.org/qgov/id/doc/")]
    assert len(documents) == 5 and [iri for iri, _ in expected if iri not in documents] == [str(DERIVED_GRAPH)]
    assert f"published 6 named graphs ({sum(n for _, n in expected)} triples)" in result.output
    assert _graph_sizes(server) == expected
    assert runner.invoke(cli, ["publish", "--endpoint", server + "/store", "--data", str(trig)]).exit_code == 0
    assert _graph_sizes(server) == expected  # replaced, not duplicated
    # A changed document replaces what the server held for it.
    changed = tmp_path / "changed.trig"
    changed.write_bytes(trig.read_bytes().replace("中天科技集团".encode(), "中天科技控股".encode()))
    assert runner.invoke(cli, ["publish", "--endpoint", server + "/store", "--data", str(changed)]).exit_code == 0
    ask = 'ASK { GRAPH ?g { ?s ?p "%s"@zh } }'
    answers = [httpx.post(server + "/query", data={"query": ask % name}, headers={"Accept": "application/sparql-results+json"}).json()["boolean"]
               for name in ("中天科技集团", "中天科技控股")]
    assert answers == [False, True]


def test_every_saved_query_gives_the_same_rows_on_the_endpoint(runner, server, trig):
    assert runner.invoke(cli, ["publish", "--endpoint", server + "/store", "--data", str(trig)]).exit_code == 0
    local = memory_store(trig.read_bytes(), ox.RdfFormat.TRIG)
    from kg.remote import query_endpoint

    for query in saved_queries():
        values = PARAMETERS.get(query.name, {})
        here, there = run_query(local, query, values), query_endpoint(server + "/query", query, values)
        assert there.variables == here.variables, query.name
        assert comparable_rows(there) == comparable_rows(here), query.name
        assert here.rows, query.name  # every query finds something in the embedded default


def test_query_endpoint_from_the_command_line(runner, server, trig, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    assert runner.invoke(cli, ["publish", "--endpoint", server + "/store", "--data", str(trig)]).exit_code == 0
    args = ["query", "award-history", "-p", "name=星宇车灯", "--format", "csv"]
    remote = runner.invoke(cli, [*args, "--endpoint", server + "/query"])
    local = runner.invoke(cli, [*args, "--data", str(trig)])
    assert remote.exit_code == 0 and remote.stdout_bytes == local.stdout_bytes
    assert "星宇车灯" in remote.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize("command", [
    ["query", "repeat-winners", "--endpoint", "http://127.0.0.1:{port}/query"],
    ["publish", "--endpoint", "http://127.0.0.1:{port}/store", "--data", "qgov.trig"],
    ["query", "repeat-winners", "--endpoint", "ftp://example.org/x"],
])
def test_an_unreachable_endpoint_is_a_one_line_error(runner, command, trig, monkeypatch):
    monkeypatch.chdir(trig.parent)
    command = [part.replace("{port}", str(free_port())) for part in command]
    result = runner.invoke(cli, command)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "cannot reach" in result.output or "not an http(s) URL" in result.output


def test_an_endpoint_error_is_a_one_line_error(runner, server):
    result = runner.invoke(cli, ["query", "repeat-winners", "--endpoint", server + "/no-such-path"])
    assert result.exit_code == 1 and "answered 404" in result.output and result.output.count("\n") == 1


def test_publish_refuses_a_file_without_named_graphs(runner, server, tmp_path):
    turtle = tmp_path / "qgov.ttl"
    turtle.write_bytes(serialize(build_graph(None), "qgov.ttl"))
    result = runner.invoke(cli, ["publish", "--endpoint", server + "/store", "--data", str(turtle)])
    assert result.exit_code == 1 and "needs TriG or N-Quads" in result.output
