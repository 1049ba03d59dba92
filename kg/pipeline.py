"""`qkg build`: facts → graph → checked exports, all or nothing."""
from __future__ import annotations

import gc
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable

from kg import resources
from kg.builder import BuildSummary, KnowledgeGraph, build
from kg.errors import GraphInvalid, QkgError, write_failure
from kg.exports import stage_rdf
from kg.staging import StagedExports, check_out_folder
from kg.factfile import read_facts
from kg.sidecar import Sidecar

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    summary: BuildSummary
    written: list[Path]


@contextmanager
def paused_gc():
    """Cyclic garbage collection off while a build makes millions of objects that all stay alive.

    Each collection would walk every object made so far, which nearly doubles
    the time of reading, building and exporting a million triples; the
    builder makes no reference cycles worth collecting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def timed(step: str):
    """Log how long ``step`` took (`qkg -v build` shows where a large build spends its time).

    The records carry the step and its phase (``qkg_step``, ``qkg_phase``: start or end), from
    which the CLI draws its progress display."""
    started = time.perf_counter()
    log.debug("%s …", step, extra={"qkg_step": step, "qkg_phase": "start"})
    try:
        yield
    finally:
        log.info("%s: %.2f s", step, time.perf_counter() - started, extra={"qkg_step": step, "qkg_phase": "end"})


def build_graph(facts_paths: Iterable[Path] | None = None) -> KnowledgeGraph:
    """Read the facts (the curated default when none are given) and build the graph."""
    paths = list(facts_paths or [resources.curated_facts_dir()])
    with paused_gc():
        with timed("read the facts files"):
            documents = read_facts(paths)
        log.info("read %d facts files", len(documents))
        with timed("built the graph"):
            return build(documents)


def shape_violations(graph: KnowledgeGraph) -> list:
    """The violations (warnings and infos left out) of the shapes by ``graph``."""
    from kg.validate import validate_graph

    with timed("checked the shapes"):
        return [v for v in validate_graph(graph.to_graph()) if v.is_violation]


def build_exports(
    facts_paths: Iterable[Path] | None,
    out: Path,
    *,
    validate: bool = True,
    page: bool = True,
    analyze: bool = True,
    fork: bool | None = None,
    force: bool = False,
) -> BuildResult:
    """Build the graph and write every export into ``out``; on any failure, ``out`` is left untouched.

    ``fork`` (default: where the platform allows it) runs the shapes check and
    the page in a child process beside the RDF exports and the analytics.
    ``out`` must not hold the facts, nor be a folder of other files unless
    ``force`` (kg.staging.check_out_folder).
    """
    facts_paths = list(facts_paths or [resources.curated_facts_dir()])
    check_out_folder(out, facts_paths, force=force)
    with paused_gc():
        try:
            return _build_exports(facts_paths, out, validate=validate, page=page, analyze=analyze, fork=fork)
        except OSError as exc:  # a full disk, a read-only folder: one line, and ``out`` as it was
            raise write_failure(exc, out) from None


def _stage_page_files(graph: KnowledgeGraph, staged: StagedExports) -> list[str]:
    """Stage the page; return the files it added (the parent registers them: a child's list is its own)."""
    from kg.viz.page import stage_page  # numpy and pyvis load only when a page is written

    before = set(staged.files)
    with timed("wrote the page"):
        stage_page(graph, staged)
    return [name for name in staged.files if name not in before]


def _side_steps(graph: KnowledgeGraph, staged: StagedExports, validate: bool, page: bool) -> list:
    """What only reads the built graph, and so can run beside the exports: the shapes check, then the page."""
    steps = []
    if validate:
        steps.append(("shapes", partial(shape_violations, graph)))
    if page:
        steps.append(("page", partial(_stage_page_files, graph, staged)))
    return steps


def _build_exports(facts_paths: Iterable[Path] | None, out: Path, *, validate: bool, page: bool,
                   analyze: bool, fork: bool | None) -> BuildResult:
    graph = build_graph(facts_paths)
    with StagedExports(out) as staged, Sidecar(_side_steps(graph, staged, validate, page), fork=fork) as side:
        with timed("wrote the RDF exports"):
            triples = stage_rdf(graph, staged)
        if validate:
            with timed("waited for the shapes check"):
                violations = side.result("shapes")
            if violations:
                raise GraphInvalid(violations)
        # Only a graph that passed the shapes goes into the query cache. Oxigraph parses
        # in native code without the GIL, so the load runs beside the analytics.
        with QueryCacheLoader(staged.path("qgov.ttl"), out / "qgov.ttl") as cache:
            if analyze:
                from kg.analytics import stage_analytics

                with timed("wrote the analytics"):
                    stage_analytics(triples, staged)
            if page:
                with timed("waited for the page"):
                    for name in side.result("page"):
                        staged.path(name)  # registers the file the child wrote
        with timed("added the derived graph to the TriG"), open(staged.path("qgov.trig"), "ab") as trig:
            trig.write(cache.derived_trig())  # its own named graph, after the documents' graphs
        written = staged.commit()
    return BuildResult(graph=graph, summary=graph.summary(), written=written)


class QueryCacheLoader:
    """Parses fresh Turtle into the query cache in a thread, so that the first `qkg query` is fast too.

    The cache is keyed by the file's bytes, so an entry loaded from the staged
    copy serves the committed file. Oxigraph parses without holding the GIL.
    """

    def __init__(self, staged_turtle: Path, final_turtle: Path):
        self.data = staged_turtle.read_bytes()
        self.entry: Path | None = None
        self._thread = threading.Thread(target=self._load, args=(final_turtle,), name="qkg-query-cache", daemon=True)
        self._thread.start()

    def _load(self, final_turtle: Path) -> None:
        from kg.store import cache_graph_bytes, rdf_format

        try:
            self.entry = cache_graph_bytes(self.data, rdf_format(final_turtle), final_turtle)
        except (QkgError, OSError) as exc:  # a cache that cannot be written only slows queries down
            log.warning("could not cache %s for queries: %s", final_turtle, exc)

    def derived_trig(self) -> bytes:
        """The derived relations' graph as TriG: read from the cached store, or worked out in memory
        when there is no cache."""
        import pyoxigraph as ox

        from kg.derive import derived_graph_trig
        from kg.store import memory_store

        if self.entry is not None:
            return derived_graph_trig(ox.Store.read_only(str(self.entry / "store")))
        return derived_graph_trig(memory_store(self.data, ox.RdfFormat.TURTLE))

    def __enter__(self) -> "QueryCacheLoader":
        return self

    def __exit__(self, *exc) -> None:
        with timed("waited for the query cache"):
            self._thread.join()  # also after a failure: a load cut off at exit would leave a half-written entry
