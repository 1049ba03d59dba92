"""Build benchmark: each step of `qkg build` on synthetic facts, then `qkg build` itself end to end.

For each size it generates synthetic facts (bench/synth.py) unless they are
there already, then measures in this run, one step after the other:

- reading the facts files (YAML) and resolving + building the graph;
- the RDF exports as `qkg build` writes them: the triples converted to Oxigraph
  terms and sorted once (the sorted union also feeds the analytics), then
  Turtle, N-Triples, JSON-LD and TriG;
- the networkx analytics, and writing their files;
- the page (graph.html);
- SHACL validation: the triples into an rdflib Graph, then kg.shacl
  (`--no-shacl` skips it);
- plain rdflib for the same triples: filling a Graph, Graph.serialize(format="turtle");
- the peak memory of the process (resident set) after each step;
- `qkg build` end to end in a new process with an empty query cache, as a
  user runs it, with the step times it logs: there the shapes check and the
  page run in a second process beside the exports and the analytics, and the
  query cache loads in a thread, so the wall time is less than the sum.

Like `qkg build`, it runs with Python's cyclic garbage collector paused.

A step that would run past ``--limit`` seconds (rdflib at a million triples)
is reported as "> LIMIT s".

    .venv/bin/python bench/build_bench.py --triples 100000 1000000
    .venv/bin/python bench/build_bench.py --triples 1000000 --no-rdflib
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import signal
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))  # run as a script: synth.py sits beside this file

from kg.pipeline import paused_gc  # noqa: E402


class OverTime(BaseException):  # not Exception: libraries catch those and carry on
    pass


def _alarm(*_):
    raise OverTime


def _label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class Steps:
    """Times steps and prints one table row per step as soon as it is measured."""

    def __init__(self, limit: int):
        self.limit = limit
        self.rows: list[tuple[str, str, str]] = []

    def add(self, measure: str, figure: str, memory: str = "") -> None:
        self.rows.append((measure, figure, memory))
        print(f"| {measure} | {figure} | {memory} |", flush=True)

    def run(self, measure: str, function, *args):
        signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(self.limit)
        started = time.perf_counter()
        try:
            value = function(*args)
            figure = f"{time.perf_counter() - started:.2f} s"
        except OverTime:
            value, figure = None, f"> {self.limit} s"
        finally:
            signal.alarm(0)
        self.add(measure, figure, f"{_peak_mb():,.0f} MB")
        return value

    def seconds(self, measure: str) -> float:
        figure = dict((m, f) for m, f, _ in self.rows)[measure]
        return float(figure.split()[0]) if not figure.startswith(">") else float("nan")


def _page(graph) -> None:
    from kg.viz.page import write_graph_page

    with tempfile.TemporaryDirectory(prefix="qkg-build-bench-") as out:
        write_graph_page(graph, Path(out) / "graph.html")


_STEP_LOG = re.compile(r"kg\.pipeline: (.+): ([0-9.]+ s)$")


def _end_to_end(steps: Steps, facts: Path, *, validate: bool) -> None:
    """`qkg build` in a new process with an empty query cache, as a user runs it; its own step times beside."""
    command = [sys.executable, "-m", "kg", "-v", "build", "--facts", str(facts)]
    if not validate:
        command.append("--no-validate")
    with tempfile.TemporaryDirectory(prefix="qkg-build-bench-") as scratch:
        env = {**os.environ, "QKG_CACHE_DIR": str(Path(scratch) / "cache")}
        started = time.perf_counter()
        done = subprocess.run([*command, "--out", str(Path(scratch) / "out")], env=env, capture_output=True,
                              text=True, timeout=steps.limit)
        seconds = time.perf_counter() - started
    if done.returncode != 0:
        steps.add("qkg build, end to end", f"failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
        return
    for line in done.stderr.splitlines():
        found = _STEP_LOG.search(line)
        if found:
            steps.add(f"  in it: {found.group(1)}", found.group(2))
    what = "qkg build" if validate else "qkg build --no-validate"
    steps.add(f"{what}, end to end: process start to exit, empty query cache (2 processes: shapes and page "
              "beside the exports)", f"{seconds:.2f} s")


def run_size(size: int, limit: int, shacl: bool, rdflib_side: bool, end_to_end: bool) -> Steps:
    from synth import write_synthetic

    from kg.analytics import analyse, analytics_files
    from kg.analytics.writers import analytics_turtle
    from kg.builder import build
    from kg.exports import RDF_EXPORTS, RdfExport
    from kg.factfile import read_facts
    from kg.resolve import resolve_entities

    facts = OUT / f"synth-{_label(size)}"
    if not facts.is_dir():
        write_synthetic(facts, size)
    steps = Steps(limit)
    documents = steps.run("read facts files (YAML)", read_facts, [facts])
    steps.run("resolve entities (alone; also inside build)", resolve_entities, documents)
    graph = steps.run("resolve + build graph", build, documents)
    export = steps.run("exports: terms converted and sorted once, for all four", RdfExport, graph)
    export_names = ["exports: terms converted and sorted once, for all four"]
    for file_name in RDF_EXPORTS:
        measure = f"export {file_name}"
        steps.run(measure, export.serialize, file_name)
        export_names.append(measure)
    triples = export.rdflib_triples  # the sorted union, which analytics reads too
    steps.add("triples", f"{len(triples):,}", f"{len(documents)} facts files")
    del export

    analysis = steps.run("analytics (networkx)", analyse, triples)
    steps.run("analytics.ttl", analytics_turtle, analysis)
    steps.run("all analytics files (analytics.ttl included)", analytics_files, analysis)

    steps.run("the page (graph.html)", _page, graph)
    shacl_graph = steps.run("SHACL: the triples into an rdflib Graph", graph.to_graph)
    if shacl:
        from kg.validate import validate_graph

        violations = steps.run("SHACL validation (kg.shacl; pyshacl where it cannot decide)", validate_graph,
                               shacl_graph)
        if violations is not None:
            steps.add("SHACL results (violations and warnings)", f"{len(violations)}")
    del shacl_graph
    total = sum(steps.seconds(m) for m in (
        "read facts files (YAML)", "resolve + build graph", *export_names, "analytics (networkx)",
        "all analytics files (analytics.ttl included)", "the page (graph.html)",
        "SHACL: the triples into an rdflib Graph", *(["SHACL validation (kg.shacl; pyshacl where it cannot decide)"]
                                                     if shacl else [])))
    steps.add("sum of the steps, one after the other (one core)", f"{total:.2f} s")
    if end_to_end:
        _end_to_end(steps, facts, validate=shacl)

    if rdflib_side:
        import rdflib

        def fill():
            rdf_graph = rdflib.Graph()
            for triple in triples:
                rdf_graph.add(triple)
            return rdf_graph

        rdf_graph = steps.run("plain rdflib: fill a Graph with the same triples", fill)
        if rdf_graph is not None:
            steps.run('plain rdflib: Graph.serialize(format="turtle")', rdf_graph.serialize, None, "turtle")
    return steps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000])
    parser.add_argument("--limit", type=int, default=300, help="seconds allowed to each step (default 300)")
    parser.add_argument("--no-shacl", action="store_true", help="skip SHACL validation")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the plain rdflib side")
    parser.add_argument("--no-end-to-end", action="store_true", help="skip `qkg build` end to end")
    args = parser.parse_args(argv)
    for size in args.triples:
        print(f"\n## about {size:,} triples (synthetic)\n")
        print("| step | time | peak memory so far |")
        print("|---|---|---|")
        with paused_gc():  # as `qkg build` runs
            run_size(size, args.limit, not args.no_shacl, not args.no_rdflib, not args.no_end_to_end)


if __name__ == "__main__":
    main()
