"""Every saved query gives the same rows on the embedded store (Oxigraph) and on Apache Jena ARQ,
the reference engine for SPARQL 1.1: on the embedded default and on the 100k synthetic graph.
Rows are compared in order, after sorting the parts inside concatenated cells (GROUP_CONCAT's
order is the engine's own)."""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import jena_support
from kg.binding import with_prefixes
from kg.exports import serialize
from kg.pipeline import build_graph
from kg.names import resolve_parameters
from kg.queries import QueryResult, bound_text, run_query, saved_queries
from kg.store import memory_store
from query_support import comparable_rows

pytestmark = pytest.mark.skipif(jena_support.missing() is not None, reason=jena_support.missing() or "")

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _parameters(store) -> dict[str, dict[str, str]]:
    """Names the graph holds, for the queries that need one (an alias: found through skos:altLabel)."""
    alias = next(iter(store.query(
        "SELECT ?n WHERE { ?e a qgov:Enterprise ; skos:altLabel ?n . ?c qgov:recipient ?e } ORDER BY ?n LIMIT 1",
        prefixes={"qgov": "https://w3id.org/qgov/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#"})))[0].value
    city, level = next(iter(store.query(
        "SELECT ?n ?level WHERE { ?c qgov:recipient ?o ; qgov:award/qgov:level ?level . ?o qgov:locatedIn ?city ."
        " ?city a qgov:City ; rdfs:label ?n } ORDER BY ?n ?level LIMIT 1",
        prefixes={"qgov": "https://w3id.org/qgov/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})))
    city, level = city.value, level.value.rsplit("#", 1)[-1].removesuffix("Level").lower()
    return {"award-history": {"name": alias}, "entity-sources": {"name": alias},
            "awards-by-city-level-year": {"city": city, "level": level},
            "positions-by-organisation": {"city": city}, "programs-and-regulations-by-city": {"city": city},
            "repeat-winners": {"min_conferrals": "3"}}


def _jena_result(query, document: bytes) -> QueryResult:
    solutions = ox.parse_query_results(document, ox.QueryResultsFormat.JSON)
    names = {p.name for p in query.parameters}
    kept = [(index, v.value) for index, v in enumerate(solutions.variables) if v.value not in names]
    return QueryResult([name for _, name in kept], [[s[index] for index, _ in kept] for s in solutions])


def _graph(name: str, tmp_path_factory) -> Path:
    if name == "default":
        graph = build_graph(None)
    else:
        sys.path.insert(0, str(BENCH))
        try:
            from synth import write_synthetic
        finally:
            sys.path.remove(str(BENCH))
        facts = tmp_path_factory.mktemp("synth")
        write_synthetic(facts, 100_000)
        graph = build_graph([facts])
    path = tmp_path_factory.mktemp(name) / "qgov.ttl"
    path.write_bytes(serialize(graph, "qgov.ttl"))
    return path


@pytest.mark.parametrize("graph_name", ["default", "synthetic-100k"])
def test_saved_queries_give_the_same_rows_on_jena_arq(graph_name, tmp_path_factory):
    data = _graph(graph_name, tmp_path_factory)
    store = memory_store(data.read_bytes(), ox.RdfFormat.TURTLE)
    parameters = _parameters(store)
    queries = saved_queries()
    # names resolved to their entities first, as qkg query does, then the same bound text for both engines
    texts = {q.name: with_prefixes(bound_text(q, resolve_parameters(store, q, parameters.get(q.name, {}))))
             for q in queries}
    # Jena reads the stated facts as the default graph and the derived relations as their named graph.
    quads = tmp_path_factory.mktemp("quads") / "qgov.nq"
    store.dump(str(quads), ox.RdfFormat.N_QUADS)
    answers = jena_support.run_queries(quads, texts, tmp_path_factory.mktemp("jena"))
    for query in queries:
        ours = run_query(store, query, parameters.get(query.name, {}))
        theirs = _jena_result(query, answers[query.name])
        assert theirs.variables == ours.variables, query.name
        assert ours.rows, query.name  # a comparison of nothing proves nothing
        assert comparable_rows(theirs) == comparable_rows(ours), query.name
