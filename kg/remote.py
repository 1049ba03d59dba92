"""Other SPARQL 1.1 servers: run a saved query on an endpoint, publish the graph through the Graph Store Protocol.

A saved query goes out as the same text the embedded store runs (parameters bound by
``kg.binding.bind``, the project's prefixes declared), POSTed as a form, and its answer is read
from SPARQL JSON results by Oxigraph's parser. ``publish`` PUTs each named graph of a TriG or
N-Quads file (one per source document, as ``qkg build`` writes qgov.trig) to
``ENDPOINT?graph=IRI``, and the derived relations' graph (kg/derive.py) beside them: a PUT
replaces the graph, so publishing again does not duplicate it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import httpx
import pyoxigraph as ox

from kg.binding import bind, with_prefixes
from kg.derive import has_stated_named_graphs
from kg.errors import QkgError
from kg.queries import QueryResult, SavedQuery, bound_text
from kg.store import StoreError, memory_store, rdf_format

DEFAULT_TRIG = Path("exports") / "qgov.trig"


class RemoteError(QkgError):
    """An endpoint cannot be reached or refuses a request."""


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0][:200] if lines else "(no message)"


def _request(method: str, url: str, timeout: float, **options) -> httpx.Response:
    try:
        response = httpx.request(method, url, timeout=timeout, **options)
    except httpx.InvalidURL as exc:
        raise RemoteError(f"not an endpoint URL: {url[:80]!r} ({exc})") from None
    except httpx.UnsupportedProtocol:
        raise RemoteError(f"not an http(s) URL: {url[:80]!r}") from None
    except httpx.TimeoutException:
        raise RemoteError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.TransportError as exc:
        raise RemoteError(f"cannot reach {url}: {_first_line(str(exc)) if str(exc) else type(exc).__name__}") from None
    if response.status_code >= 400:
        raise RemoteError(f"{url} answered {response.status_code}: {_first_line(response.text)}")
    return response


# The names and aliases that contain a name, with their entity's label and class: the same rules as
# kg.names (exact name, then alias, then a part) are applied to the answer.
_CANDIDATES = """
SELECT ?node ?name ?label ?class WHERE {
  VALUES ?wanted { UNDEF }
  VALUES ?nameProperty { rdfs:label skos:altLabel }
  ?node ?nameProperty ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE(STR(?wanted))))
  ?node rdfs:label ?label ; a ?class .
}"""


def _select(endpoint: str, text: str, timeout: float):
    response = _request("POST", endpoint, timeout, data={"query": with_prefixes(text)},
                        headers={"Accept": "application/sparql-results+json"})
    try:
        solutions = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{endpoint} did not answer with SPARQL JSON results: {_first_line(str(exc))}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise RemoteError(f"{endpoint}: only SELECT queries can be run (this one is ASK)")
    return solutions


def resolve_remote_parameters(endpoint: str, query: SavedQuery, values: Mapping[str, str],
                              timeout: float = 60.0) -> dict[str, str]:
    """``values`` with each name given to an entity parameter replaced by the entity's IRI, found on the
    endpoint by the rules of kg.names (exact name, then alias, then a unique part)."""
    from kg.names import Candidate, choose, resolve_names
    from kg.namespace import ENTITY_CLASSES, normalize_name

    kind_of_class = {str(iri): kind for kind, iri in ENTITY_CLASSES.items()}

    def resolve(value: str, kinds) -> Candidate:
        text = bind(_CANDIDATES, {"wanted": ox.Literal(normalize_name(value))})
        names: dict[str, tuple[str, str, set[str]]] = {}
        for row in _select(endpoint, text, timeout):
            kind = kind_of_class.get(row["class"].value)
            if kind is None:
                continue
            label, _, matched = names.setdefault(row["node"].value, (row["label"].value, kind, set()))
            matched.add(row["name"].value)
        candidates = [Candidate(iri, label, kind, tuple(sorted(matched - {label})))
                      for iri, (label, kind, matched) in names.items()]
        return choose(value, candidates, kinds)

    return resolve_names(query, values, resolve)


def query_endpoint(endpoint: str, query: SavedQuery, values: Mapping[str, str] | None = None,
                   timeout: float = 60.0) -> QueryResult:
    """Run ``query`` with ``values`` on the SPARQL 1.1 endpoint at ``endpoint``; names given to entity
    parameters are resolved to entities on the endpoint first."""
    query.check(values or {})
    values = resolve_remote_parameters(endpoint, query, values or {}, timeout)
    solutions = _select(endpoint, bound_text(query, values), timeout)
    parameter_names = {p.name for p in query.parameters}
    kept = [(index, v.value) for index, v in enumerate(solutions.variables) if v.value not in parameter_names]
    rows = [[solution[index] for index, _ in kept] for solution in solutions]
    return QueryResult(variables=[name for _, name in kept], rows=rows)


@dataclass
class Published:
    graphs: int
    triples: int


def named_graphs_of(path: Path) -> ox.Store:
    """A store of a TriG or N-Quads file, which must hold named graphs (one per document)."""
    fmt = rdf_format(path)
    if fmt not in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        raise StoreError(f"{path}: publish needs TriG or N-Quads with one named graph per document (qgov.trig)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"no graph file at {path} (run `qkg build` first, or pass --data FILE)") from None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    store = memory_store(data, fmt, str(path))  # with the derived graph (kg/derive.py)
    if not has_stated_named_graphs(store):
        raise StoreError(f"{path}: no named graph to publish")
    return store


def publish(endpoint: str, data: Path | None = None, timeout: float = 120.0) -> Published:
    """PUT each named graph of ``data`` (default exports/qgov.trig) to the Graph Store at ``endpoint``."""
    store = named_graphs_of(Path(data) if data is not None else DEFAULT_TRIG)
    graphs = sorted(store.named_graphs(), key=lambda graph: graph.value)
    defaults = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if defaults:
        raise StoreError(f"{data or DEFAULT_TRIG}: {len(defaults)} triples outside any named graph; publish sends named graphs only")
    count = 0
    for graph in graphs:
        triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        _request("PUT", endpoint, timeout, params={"graph": graph.value}, content=body,
                 headers={"Content-Type": "application/n-triples"})
        count += len(triples)
    return Published(graphs=len(graphs), triples=count)
