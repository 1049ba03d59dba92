"""How long SHACL validation takes, on the curated graph and on copies of it up to 100k triples.

    .venv/bin/python bench/bench_validate.py [--sizes 2000,10000,100000] [--rdfs]

The large graphs are the curated default repeated with fresh instance IRIs, so
they have its mix of entities, conferrals, positions and spans. ``--rdfs``
also times the alternative of mixing the ontology in and running RDFS
inference, which the shapes do not need.
"""
from __future__ import annotations

import argparse
import time

from pyshacl import validate as pyshacl_validate
from rdflib import Graph, URIRef

from kg.namespace import ID
from kg.pipeline import build_graph
from kg.resources import ontology_file
from kg.validate import shapes_graph, validate_graph


def renamed(term, copy: int):
    """The instance IRIs of copy ``copy`` of the graph; everything else unchanged."""
    if isinstance(term, URIRef) and str(term).startswith(str(ID)):
        return URIRef(f"{term}/copy{copy}")
    return term


def scaled(base: Graph, triples: int) -> Graph:
    graph = Graph()
    copy = 0
    while len(graph) < triples:
        for s, p, o in base:
            graph.add((renamed(s, copy), p, renamed(o, copy)))
        copy += 1
    return graph


def timed(function) -> str:
    """Wall-clock and CPU seconds: the CPU figure holds steady when other processes share the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return f"{time.perf_counter() - wall:.2f} s ({time.process_time() - cpu:.2f} cpu)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,100000", help="triple counts to time (comma-separated)")
    parser.add_argument("--rdfs", action="store_true", help="also time ontology + RDFS inference")
    args = parser.parse_args()

    base = build_graph().to_graph()
    ontology = Graph().parse(ontology_file(), format="turtle")
    shapes_graph()  # parse the shapes once, outside the timings
    print(f"curated graph: {len(base)} triples")
    print(f"{'triples':>8}  {'shapes only':>22}  {'rdfs + ontology':>22}")
    for size in (int(s) for s in args.sizes.split(",")):
        graph = base if size <= len(base) else scaled(base, size)
        plain = timed(lambda: validate_graph(graph))
        rdfs = "-"
        if args.rdfs:
            rdfs = timed(lambda: pyshacl_validate(graph, shacl_graph=shapes_graph(), ont_graph=ontology,
                                                  inference="rdfs"))
        print(f"{len(graph):>8}  {plain:>22}  {rdfs:>22}")


if __name__ == "__main__":
    main()
