"""Materialise the derived relations (ontology/derived.rq, a CONSTRUCT query) into a named graph of their own.

Run on every store qkg fills (the query cache that `qkg build` fills, in-memory stores, the
store `qkg publish` sends), so the saved queries can read an award's level rank, the
organisation a conferral honours and a recipient's city instead of working them out on every
run, as GraphDB and RDFox do with their rules. The stated facts are untouched: the derived
triples sit in the graph ``kg.namespace.DERIVED_GRAPH`` alone.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg import resources
from kg.namespace import DERIVED_GRAPH

DERIVED = ox.NamedNode(str(DERIVED_GRAPH))


def derived_triples(store: ox.Store) -> list[ox.Triple]:
    """The derived relations of the stated facts in ``store`` (the union of its graphs but the derived one)."""
    rules = resources.derivation_rules().read_text(encoding="utf-8")
    union = has_stated_named_graphs(store)
    return list(store.query(rules, use_default_graph_as_union=union))


def derive(store: ox.Store) -> int:
    """Fill the derived graph of ``store`` from its stated facts, replacing what it held; returns its size."""
    if DERIVED in set(store.named_graphs()):
        store.remove_graph(DERIVED)  # the rules read the union of the graphs: the old derived graph would feed them
    triples = derived_triples(store)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, DERIVED) for t in triples)
    return len(triples)


def has_stated_named_graphs(store: ox.Store) -> bool:
    """Whether the data itself sits in named graphs (TriG, N-Quads), beside the derived graph."""
    return any(graph != DERIVED for graph in store.named_graphs())


def derived_graph_trig(store: ox.Store) -> bytes:
    """The derived graph of ``store`` as a TriG block, its triples sorted (the same facts give the same bytes)."""
    quads = sorted(store.quads_for_pattern(None, None, None, DERIVED), key=str)
    text = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes={"qgov": "https://w3id.org/qgov/ontology#"})
    return b"\n" + text if quads else b""
