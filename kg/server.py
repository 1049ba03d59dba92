"""`qkg serve`: a read-only SPARQL 1.1 Protocol endpoint and the saved queries over HTTP (a starlette app).

- ``/sparql``: GET ``?query=``, POST as a form or as ``application/sparql-query``; results as
  JSON, CSV, TSV or XML by the Accept header (or ``?format=``). SELECT and ASK only; SERVICE and
  updates are refused; a time limit (503 past it) and a row limit (the rows beyond are left out,
  and the header ``X-Qkg-Truncated: true`` says so).
- ``/queries``: the saved queries with their parameters (JSON); ``/queries/NAME?param=value``
  runs one, as JSON or CSV (UTF-8 with a BOM, as ``qkg query --format csv``).
- ``/``: a page that lists the saved queries and runs them; it loads nothing from the network.

Queries run in worker threads, at most ``workers`` at a time; a request beyond them gets 503
at once. The engine cannot be stopped in the middle of a join: past the time limit the client
gets its 503 at once, and the thread finishes its work in the background, still holding its slot
(a query whose rows are coming stops at the deadline, between two rows).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import anyio
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg import protocol, resources, results
from kg.errors import QkgError
from kg.names import AmbiguousName, NameNotFound
from kg.endpoint import Answer, EndpointError, TimedOut, run_sparql
from kg.queries import QueryError, run_query, saved_queries
from kg.binding import with_prefixes

PAGE = "queries.html"


class Busy(QkgError):
    """Every query slot is taken."""


@dataclass(frozen=True)
class Limits:
    timeout: float = 30.0
    row_limit: int = 10_000
    workers: int = 2


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message.splitlines()[0] + "\n", status_code=status)


def make_app(store: ox.Store, limits: Limits = Limits(), queries_dir: Path | None = None) -> Starlette:
    """The ASGI app serving ``store``."""
    # A slot per running query, freed by the query's own thread when it ends: a query abandoned at
    # the time limit still holds its slot until the engine is done with it.
    slots = threading.BoundedSemaphore(limits.workers)
    saved = {query.name: query for query in saved_queries(queries_dir)}

    def in_slot(function, *args):
        try:
            return function(*args)
        finally:
            slots.release()

    async def in_thread(function, *args):
        if not slots.acquire(blocking=False):
            raise Busy(f"{limits.workers} queries are running; try again later")
        with anyio.fail_after(limits.timeout):
            return await anyio.to_thread.run_sync(in_slot, function, *args, abandon_on_cancel=True)

    async def sparql(request: Request) -> Response:
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type == "application/sparql-query":
                text = (await request.body()).decode("utf-8", errors="replace")
            elif content_type == "application/x-www-form-urlencoded":
                form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
                if "update" in form:
                    return _error(403, "this endpoint is read-only: SPARQL Update is not allowed")
                text = (form.get("query") or [None])[0]
            elif content_type == "application/sparql-update":
                return _error(403, "this endpoint is read-only: SPARQL Update is not allowed")
            else:
                return _error(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
        else:
            if "update" in request.query_params:
                return _error(403, "this endpoint is read-only: SPARQL Update is not allowed")
            text = request.query_params.get("query")
        if not text:
            return _error(400, "give a SPARQL query in the 'query' parameter")
        if "default-graph-uri" in request.query_params or "named-graph-uri" in request.query_params:
            return _error(400, "this endpoint answers on its own dataset: default-graph-uri and named-graph-uri are not supported")
        fmt = _format(request)
        if fmt is None:
            return _error(406, "results are given as " + ", ".join(protocol.MEDIA_TYPES.values()))
        try:
            answer: Answer = await in_thread(run_sparql, store, text, limits.row_limit, limits.timeout)
        except TimeoutError:
            return _error(503, f"the query ran past the time limit of {limits.timeout:g} s")
        except (TimedOut, Busy) as exc:
            return _error(503, str(exc))
        except EndpointError as exc:
            return _error(exc.status, str(exc))
        if answer.boolean is not None:
            if fmt not in ("json", "xml"):
                return _error(406, "an ASK answer is given as JSON or XML")
            body = protocol.serialize_boolean(answer.boolean, fmt)
        else:
            body = await anyio.to_thread.run_sync(protocol.serialize, answer.result, fmt)
        headers = {"X-Qkg-Truncated": "true"} if answer.truncated else {}
        return Response(body, media_type=_media_type(fmt), headers=headers)

    async def list_queries(request: Request) -> Response:
        listing = [
            {
                "name": query.name, "title": query.title_zh, "title_en": query.title_en,
                "description": query.description,
                "parameters": [{"name": p.name, "type": p.type, "meaning": p.meaning, "required": p.required}
                               for p in query.parameters],
                "sparql": with_prefixes(query.text),
            }
            for query in saved.values()
        ]
        return JSONResponse(listing)

    async def saved_query(request: Request) -> Response:
        name = request.path_params["name"]
        values = {key: value for key, value in request.query_params.items() if key != "format"}
        fmt = request.query_params.get("format") or protocol.negotiate(request.headers.get("accept"), ("json", "csv"))
        if fmt not in ("json", "csv"):
            return _error(406, "a saved query's answer is given as JSON or CSV")
        query = saved.get(name)
        if query is None:
            return _error(404, f"no saved query named {name[:40]!r} (saved queries: {', '.join(saved)})")
        try:
            answer = await in_thread(run_query, store, query, values)
        except TimeoutError:
            return _error(503, f"the query ran past the time limit of {limits.timeout:g} s")
        except Busy as exc:
            return _error(503, str(exc))
        except NameNotFound as exc:  # not an empty answer: no entity has that name (kg.names)
            return _error(404, str(exc))
        except (QueryError, AmbiguousName) as exc:
            return _error(400, str(exc))
        if fmt == "csv":
            return Response(results.to_csv(answer).encode("utf-8"), media_type="text/csv; charset=utf-8")
        return Response(results.to_json(answer).encode("utf-8"), media_type="application/sparql-results+json")

    async def page(request: Request) -> Response:
        html = (resources.assets_dir() / PAGE).read_text(encoding="utf-8")
        return Response(html, media_type="text/html; charset=utf-8")

    return Starlette(routes=[
        Route("/", page),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", list_queries),
        Route("/queries/{name}", saved_query),
    ])


def _format(request: Request) -> str | None:
    asked = request.query_params.get("format")
    if asked:
        return asked if asked in protocol.MEDIA_TYPES else None
    return protocol.negotiate(request.headers.get("accept"))


def _media_type(fmt: str) -> str:
    media = protocol.MEDIA_TYPES[fmt]
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


class ServeError(QkgError):
    """The server cannot start."""


def serve_forever(data: Path | None, host: str, port: int, timeout: float, row_limit: int) -> None:
    """Open the graph's cached store and serve it until interrupted (uvicorn, on a socket bound here,
    so that an address in use is a one-line error)."""
    import socket

    import uvicorn

    from kg.store import open_store

    app = make_app(open_store(data), Limits(timeout=timeout, row_limit=row_limit))
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except (OSError, OverflowError) as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or exc}") from None
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[listener])
