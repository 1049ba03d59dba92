"""A client's SPARQL query on a read-only store: refused when it would write or call out, cut at a row limit and a deadline."""
from __future__ import annotations

import time
from dataclasses import dataclass

import pyoxigraph as ox

from kg.derive import has_stated_named_graphs
from kg.errors import QkgError
from kg.queries import _ENGINE_PREFIXES, QueryResult
from kg.sparqltext import uses_keyword


class EndpointError(QkgError):
    """A request to the endpoint cannot be answered."""

    status = 400


class Refused(EndpointError):
    """The endpoint does not run such requests (updates, SERVICE, CONSTRUCT/DESCRIBE)."""


class BadQuery(EndpointError):
    """The query is not valid SPARQL."""


class TimedOut(EndpointError):
    """The query ran past the endpoint's time limit."""

    status = 503


@dataclass
class Answer:
    """A SELECT query's rows (``truncated`` when the row limit cut them), or an ASK query's boolean."""

    result: QueryResult | None = None
    boolean: bool | None = None
    truncated: bool = False


def check_query(text: str) -> None:
    """Refuse what a read-only endpoint does not run, before the engine sees it."""
    if uses_keyword(text, "SERVICE"):
        raise Refused("SERVICE is not allowed on this endpoint")


def run_sparql(store: ox.Store, text: str, row_limit: int, timeout: float) -> Answer:
    """Run ``text`` on ``store``: at most ``row_limit`` rows, an error past ``timeout`` seconds."""
    check_query(text)
    deadline = time.monotonic() + timeout
    union = has_stated_named_graphs(store)
    try:
        solutions = store.query(text, prefixes=_ENGINE_PREFIXES, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise BadQuery(f"not a valid SPARQL query: {_first_line(exc)}") from None
    if isinstance(solutions, ox.QueryBoolean):
        return Answer(boolean=bool(solutions))
    if not isinstance(solutions, ox.QuerySolutions):
        raise Refused("only SELECT and ASK queries are answered here")
    variables = [variable.value for variable in solutions.variables]
    rows, truncated = [], False
    try:
        for solution in solutions:
            if len(rows) == row_limit:
                truncated = True
                break
            if time.monotonic() > deadline:
                raise TimedOut(f"the query ran past the time limit of {timeout:g} s")
            rows.append([solution[index] for index in range(len(variables))])
    except (OSError, RuntimeError) as exc:
        raise EndpointError(f"the query failed: {_first_line(exc)}") from None
    if time.monotonic() > deadline:
        raise TimedOut(f"the query ran past the time limit of {timeout:g} s")
    return Answer(result=QueryResult(variables=variables, rows=rows), truncated=truncated)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
