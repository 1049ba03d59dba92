"""Helpers shared by the query and analytics tests: a store of built facts, and the golden files."""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.exports import serialize
from kg.pipeline import build_graph
from kg.store import memory_store

GOLDEN = Path(__file__).resolve().parent / "golden"
# Set QKG_UPDATE_GOLDEN=1 to rewrite the golden files from the current results (then review the diff).
UPDATE_GOLDEN = os.environ.get("QKG_UPDATE_GOLDEN") == "1"


def turtle_of(facts_paths=None) -> bytes:
    """The Turtle export of the facts (the curated default when None)."""
    return serialize(build_graph(facts_paths), "qgov.ttl")


def store_of(facts_paths=None) -> ox.Store:
    return memory_store(turtle_of(facts_paths), ox.RdfFormat.TURTLE)


SEPARATORS = ("、", "；")


def _cell(term):
    """A cell's value with the parts of a concatenated list (GROUP_CONCAT) in a fixed order."""
    if term is None:
        return None
    value = term.value
    for separator in SEPARATORS:
        if separator in value:
            value = separator.join(sorted(value.split(separator)))
    return (type(term).__name__, value, getattr(term, "language", None), str(getattr(term, "datatype", "")))


def comparable_rows(result) -> list:
    """The rows with the order inside concatenated cells normalised: engines order GROUP_CONCAT differently."""
    return [tuple(_cell(term) for term in row) for row in result.rows]
