"""`qkg serve` over real HTTP (httpx against a server process on loopback): the SPARQL 1.1 Protocol
at /sparql, the saved queries at /queries/NAME, limits, and what it refuses."""
from __future__ import annotations

import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import find_query, run_query
from kg.results import to_json
from query_support import store_of, turtle_of
from server_support import free_port, qkg_serve

from conftest import SMALL_FACTS

LABELS = "SELECT ?s ?label WHERE { ?s a qgov:Award ; rdfs:label ?label } ORDER BY ?label"


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, facts):
    data = tmp_path_factory.mktemp("graph") / "qgov.ttl"
    data.write_bytes(turtle_of([facts]))
    with qkg_serve(data, tmp_path_factory.mktemp("cache"), "--row-limit", "5") as base:
        yield base


@pytest.fixture(scope="module")
def local(facts):
    return store_of([facts])


def _expected(local, text):
    return [[term for term in solution] for solution in local.query(text, prefixes={
        "qgov": "https://w3id.org/qgov/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})]


@pytest.mark.parametrize("accept, fmt", [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", ox.QueryResultsFormat.XML),
])
@pytest.mark.parametrize("method", ["GET", "POST form", "POST query"])
def test_results_by_content_negotiation_get_and_post(server, local, accept, fmt, method):
    headers = {"Accept": accept}
    if method == "GET":
        response = httpx.get(server + "/sparql", params={"query": LABELS}, headers=headers)
    elif method == "POST form":
        response = httpx.post(server + "/sparql", data={"query": LABELS}, headers=headers)
    else:
        response = httpx.post(server + "/sparql", content=LABELS.encode("utf-8"),
                              headers={**headers, "Content-Type": "application/sparql-query"})
    assert response.status_code == 200, response.text
    rows = [list(solution) for solution in ox.parse_query_results(response.content, fmt)]
    assert rows == _expected(local, LABELS) and len(rows) == 5


def test_csv_results(server, local):
    response = httpx.get(server + "/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.text)))
    assert table[0] == ["s", "label"]
    assert table[1:] == [[row[0].value, row[1].value] for row in _expected(local, LABELS)]


def test_ask(server):
    response = httpx.get(server + "/sparql", params={"query": "ASK { ?s a qgov:Award }"})
    assert response.json()["boolean"] is True


def test_the_row_limit_cuts_and_says_so(server):
    response = httpx.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 5
    assert response.headers["x-qkg-truncated"] == "true"
    assert "x-qkg-truncated" not in httpx.get(server + "/sparql", params={"query": LABELS}).headers


def test_the_time_limit_and_the_slots(tmp_path, facts):
    data = tmp_path / "qgov.ttl"
    data.write_bytes(turtle_of([facts]))
    with qkg_serve(data, tmp_path / "cache", "--timeout", "2") as server:
        _time_limit_and_slots(server)


def _time_limit_and_slots(server):
    # Skips its rows inside the engine: abandoned at the deadline, it keeps its slot while it runs.
    endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } OFFSET 1000000000"
    response = httpx.get(server + "/sparql", params={"query": endless}, timeout=30)
    assert response.status_code == 503 and "time limit of 2 s" in response.text
    assert httpx.get(server + "/sparql", params={"query": "ASK {}"}).status_code == 200  # the other slot answers
    assert httpx.get(server + "/sparql", params={"query": endless}, timeout=30).status_code == 503
    busy = httpx.get(server + "/sparql", params={"query": "ASK {}"})  # both slots held by abandoned queries
    assert busy.status_code == 503 and "2 queries are running" in busy.text


@pytest.mark.parametrize("request_args, status, fragment", [
    (("GET", "/sparql", {"params": {"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}}), 403, "read-only"),
    (("POST", "/sparql", {"data": {"update": "DROP ALL"}}), 403, "read-only"),
    (("POST", "/sparql", {"content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}}), 403, "read-only"),
    (("POST", "/sparql", {"content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-query"}}), 400, "not a valid SPARQL query"),
    (("GET", "/sparql", {"params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}}), 400, "SERVICE"),
    (("GET", "/sparql", {"params": {"query": "select * where { service<http://127.0.0.1:9/x>{?s ?p ?o} }"}}), 400, "SERVICE"),
    (("GET", "/sparql", {"params": {"query": "SELECT * WHERE { ?s ?p"}}), 400, "not a valid SPARQL query"),
    (("GET", "/sparql", {}), 400, "'query' parameter"),
    (("GET", "/sparql", {"params": {"query": LABELS}, "headers": {"Accept": "image/png"}}), 406, "results are given as"),
    (("GET", "/queries/no-such-query", {}), 404, "no saved query named 'no-such-query'"),
    (("GET", "/queries/award-history", {}), 400, "needs --param name=VALUE"),
    (("GET", "/queries/awards-by-city-level-year", {"params": {"year": "MMXX"}}), 400, "four-digit year"),
])
def test_refusals_are_one_line(server, request_args, status, fragment):
    method, path, options = request_args
    response = httpx.request(method, server + path, **options)
    assert response.status_code == status, response.text
    assert fragment in response.text and response.text.count("\n") == 1


def test_a_saved_query_as_json_and_csv(server, local):
    expected = run_query(local, find_query("award-history"), {"name": "丙科技"})
    response = httpx.get(server + "/queries/award-history", params={"name": "丙科技"})
    assert response.json() == json.loads(to_json(expected))
    as_csv = httpx.get(server + "/queries/award-history", params={"name": "丙科技", "format": "csv"})
    assert as_csv.content.startswith("\ufeffentity,".encode("utf-8"))
    assert len(list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))) == 1 + len(expected.rows) == 3


def test_a_saved_query_with_a_hostile_value_finds_nothing(server):
    response = httpx.get(server + "/queries/award-history", params={"name": '丙科技" } UNION { ?node ?p ?name } #'})
    # no entity has that name: said so (404), not an empty answer, and nothing of it reaches the query
    assert response.status_code == 404 and "nothing matches" in response.text


def test_a_saved_query_takes_a_name_people_know(server, local):
    response = httpx.get(server + "/queries/award-history", params={"name": "丙科技股份"})  # a part of the name
    expected = run_query(local, find_query("award-history"), {"name": "丙科技股份有限公司"})
    assert response.status_code == 200 and len(response.json()["results"]["bindings"]) == len(expected.rows) > 0


def test_the_listing_names_every_parameter(server):
    listing = {entry["name"]: entry for entry in httpx.get(server + "/queries").json()}
    assert [p["name"] for p in listing["awards-by-city-level-year"]["parameters"]] == ["city", "level", "year"]
    assert listing["award-history"]["parameters"][0]["required"] is True


def test_serve_listens_on_loopback_unless_told(monkeypatch, tmp_path):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: calls.append(sockets[0].getsockname()[:2]))
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "qgov.ttl"
    data.write_bytes(turtle_of(None))
    port = free_port()
    assert CliRunner().invoke(cli, ["serve", "--data", str(data), "--port", str(port)]).exit_code == 0
    assert CliRunner().invoke(cli, ["serve", "--data", str(data), "--host", "0.0.0.0", "--port", str(port)]).exit_code == 0
    assert calls == [("127.0.0.1", port), ("0.0.0.0", port)]


def test_an_address_in_use_is_a_one_line_error(server, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "qgov.ttl"
    data.write_bytes(turtle_of(None))
    port = server.rsplit(":", 1)[1]
    result = CliRunner().invoke(cli, ["serve", "--data", str(data), "--port", port])
    assert result.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_serve_with_a_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--data", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "no graph file" in result.output and "Traceback" not in result.output
