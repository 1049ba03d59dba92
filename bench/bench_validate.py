"""How long SHACL validation takes: kg.shacl (what `qkg build` and `qkg validate` run) beside pyshacl.

    .venv/bin/python bench/bench_validate.py [--sizes curated,10k,100k,1M] [--pyshacl-at-1m] [--rdfs]

Sizes name the synthetic facts of bench/synth.py (bench/out/synth-10k, -100k,
-1M; generated when missing) or ``curated`` (the embedded default). For each
size it builds the graph once, then times each validator on it: wall-clock
and CPU seconds (the CPU figure holds steady when other processes share the
machine), the peak memory the run allocated beyond the graph (tracemalloc, in
a second run) and the number of violations; "same" says whether both validators printed the
same lines. pyshacl takes minutes at a million triples, so it runs there only
with --pyshacl-at-1m. ``--rdfs`` also times pyshacl with the ontology mixed in
and RDFS inference, which the shapes do not need.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import Graph

from kg.pipeline import build_graph
from kg.resources import ontology_file
from kg.validate import shapes_graph, validate_fast, validate_with_pyshacl

BENCH = Path(__file__).resolve().parent
SYNTHETIC = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


def facts_for(size: str) -> list[Path] | None:
    """The facts folder of a size (generated when missing), or None for the curated default."""
    if size == "curated":
        return None
    if size not in SYNTHETIC:
        raise SystemExit(f"unknown size {size!r} (use curated, {', '.join(SYNTHETIC)})")
    folder = BENCH / "out" / f"synth-{size}"
    if not folder.is_dir():
        subprocess.run([sys.executable, str(BENCH / "synth.py"), "--triples", str(SYNTHETIC[size]),
                        "--out", str(folder)], check=True)
    return [folder]


def timed(function):
    """(result, wall s, cpu s)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def peak_mb(function) -> float:
    """The most memory Python held for the call's own allocations (a second, slower run under tracemalloc)."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def cell(wall: float, cpu: float, memory: float | None) -> str:
    peak = f"{memory:.0f} MB" if memory is not None else "- MB"
    return f"{wall:.2f} s ({cpu:.2f} cpu) {peak}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="curated,10k,100k,1M", help="sizes to time (comma-separated)")
    parser.add_argument("--pyshacl-at-1m", action="store_true", help="also run pyshacl at a million triples")
    parser.add_argument("--rdfs", action="store_true", help="also time pyshacl with the ontology and RDFS inference")
    args = parser.parse_args()

    shapes_graph()  # parse the shapes once, outside the timings
    validate_fast(Graph())  # and compile them
    print(f"{'size':>7} {'triples':>9}  {'kg.shacl':>30}  {'pyshacl':>30}  violations  same")
    for size in args.sizes.split(","):
        graph = build_graph(facts_for(size)).to_graph()
        fast, *fast_figures = timed(lambda: validate_fast(graph))
        fast_figures.append(peak_mb(lambda: validate_fast(graph)))
        reference, reference_cell, same = None, "-", "-"
        if size != "1M" or args.pyshacl_at_1m:
            reference, *reference_figures = timed(lambda: validate_with_pyshacl(graph))
            # tracemalloc would slow pyshacl's minutes at 1M several times over
            reference_figures.append(peak_mb(lambda: validate_with_pyshacl(graph)) if size != "1M" else None)
            reference_cell = cell(*reference_figures)
            same = "yes" if [str(v) for v in fast] == [str(v) for v in reference] else "NO"
        counts = str(len(fast)) if reference is None else f"{len(fast)} / {len(reference)}"
        print(f"{size:>7} {len(graph):>9}  {cell(*fast_figures):>30}  {reference_cell:>30}  {counts:>10}  {same}",
              flush=True)
        if args.rdfs:
            ontology = Graph().parse(ontology_file(), format="turtle")
            _, *rdfs_figures = timed(lambda: pyshacl_validate(graph, shacl_graph=shapes_graph(),
                                                              ont_graph=ontology, inference="rdfs"))
            print(f"{'':>7} {'':>9}  pyshacl with ontology + RDFS inference: {cell(*rdfs_figures, None)}",
                  flush=True)


if __name__ == "__main__":
    main()
