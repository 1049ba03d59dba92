"""`qkg build`: facts → graph → checked exports, all or nothing."""
from __future__ import annotations

import gc
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg import resources
from kg.builder import BuildSummary, KnowledgeGraph, build
from kg.errors import GraphInvalid, QkgError
from kg.exports import StagedExports, stage_rdf
from kg.factfile import read_facts

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


def build_graph(facts_paths: Iterable[Path] | None = None) -> KnowledgeGraph:
    """Read the facts (the curated default when none are given) and build the graph."""
    paths = list(facts_paths or [resources.curated_facts_dir()])
    with paused_gc():
        documents = read_facts(paths)
        log.info("read %d facts files", len(documents))
        return build(documents)


def check_shapes(graph: KnowledgeGraph) -> None:
    from kg.validate import validate_graph

    violations = [v for v in validate_graph(graph.to_graph()) if v.is_violation]
    if violations:
        raise GraphInvalid(violations)


def build_exports(
    facts_paths: Iterable[Path] | None,
    out: Path,
    *,
    validate: bool = True,
    page: bool = True,
    analyze: bool = True,
) -> BuildResult:
    """Build the graph and write every export into ``out``; on any failure, ``out`` is left untouched."""
    with paused_gc():
        return _build_exports(facts_paths, out, validate=validate, page=page, analyze=analyze)


def _build_exports(facts_paths: Iterable[Path] | None, out: Path, *, validate: bool, page: bool,
                   analyze: bool) -> BuildResult:
    graph = build_graph(facts_paths)
    if validate:
        check_shapes(graph)
    with StagedExports(out) as staged:
        triples = stage_rdf(graph, staged)
        if page:
            from kg.viz.page import stage_page  # numpy and pyvis load only when a page is written

            stage_page(graph, staged)
        if analyze:
            from kg.analytics import stage_analytics

            stage_analytics(triples, staged)
        written = staged.commit()
    warm_query_cache(out / "qgov.ttl")
    return BuildResult(graph=graph, summary=graph.summary(), written=written)


def warm_query_cache(turtle: Path) -> None:
    """Parse the fresh Turtle into the query cache now, so that the first `qkg query` is fast too."""
    from kg.store import open_store

    try:
        open_store(turtle)
    except (QkgError, OSError) as exc:  # a cache that cannot be written only slows queries down
        log.warning("could not cache %s for queries: %s", turtle, exc)
