"""Bind a saved query's parameters as constants: one RDF term each, in a VALUES block.

A saved query marks where each parameter is used with a placeholder block,
``VALUES ?name { UNDEF }``, placed where the planner starts from it (first in
the group or subquery that tests it; a parameter tested in several places has
a block in each). Binding writes the parameter's term into every one of its
blocks, as Oxigraph's own N-Triples term writer serialises it (escapes,
language tag, datatype), so the value is one term and nothing else, whatever
characters it holds. A parameter left out keeps ``UNDEF``: unbound, as the
SPARQL standard defines it, on every engine.

A query file without a block for a parameter gets one at the start of its
WHERE clause. The same text goes to the embedded store and to any SPARQL 1.1
endpoint: a constant lets the engine's planner start from the value (about
100 times faster than the engine's substitution for award-history at 1M
triples), which a substitution or a VALUES block after the query does not.
"""
from __future__ import annotations

import re
from typing import Mapping

import pyoxigraph as ox

from kg.namespace import PREFIXES
from kg.sparqltext import TOKENS as _TOKENS

Term = ox.NamedNode | ox.Literal

_PREFIX_DECLARATION = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def placeholders(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each parameter's placeholder blocks in ``text``: name -> [(start, end), ...]."""
    found: dict[str, list[tuple[int, int]]] = {}
    for match in _TOKENS.finditer(text):
        if match["placeholder"]:
            found.setdefault(match["name"], []).append(match.span("placeholder"))
    return found


def _first_group(text: str) -> int | None:
    """Where the first group pattern (the WHERE clause of a SELECT query) opens, just after its brace."""
    for match in _TOKENS.finditer(text):
        if match["open"]:
            return match.end()
    return None


def values_block(name: str, term: Term | None) -> str:
    """``VALUES ?name { TERM }``, the term written by the RDF library; UNDEF when there is none."""
    return f"VALUES ?{name} {{ {'UNDEF' if term is None else _written(term)} }}"


# An escaped backslash, then u or U: a parser that expands codepoint escapes without regard to what
# stands before (rdflib takes "\\U0000" for "\\" and the escape "\U0000") would read an escape there.
_BACKSLASH_THEN_U = re.compile(r"(?<!\\)((?:\\\\)+)([uU])")


def _written(term: Term) -> str:
    """The term as N-Triples writes it, a u after an escaped backslash written as its own escape
    (\\U00000075, eight digits: no digit after it joins it): every SPARQL parser expands that escape into
    the letter before reading the string."""
    written = str(term)
    if isinstance(term, ox.Literal) and "\\" in written:
        written = _BACKSLASH_THEN_U.sub(lambda m: m[1] + ("\\U00000075" if m[2] == "u" else "\\U00000055"), written)
    return written


def bind(text: str, terms: Mapping[str, Term | None]) -> str:
    """The query ``text`` with each parameter's term written into its VALUES blocks.

    The one way qkg binds parameters, for the embedded store and for remote endpoints alike.
    ``terms`` maps a parameter's name (without ``?``) to its term, or None to leave it unbound.
    """
    for name in terms:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"not a variable name: {name!r}")
    blocks = placeholders(text)
    edits: list[tuple[int, int, str]] = []
    for name, term in terms.items():
        for start, end in blocks.get(name, []):
            edits.append((start, end, values_block(name, term)))
    missing = [name for name, term in terms.items() if name not in blocks and term is not None]
    if missing:
        where = _first_group(text)
        if where is not None:
            added = " ".join(values_block(name, terms[name]) for name in missing)
            edits.append((where, where, f" {added} "))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def with_prefixes(text: str) -> str:
    """The query text with PREFIX declarations for the project's prefixes it uses but does not declare,
    so that another engine reads it as the embedded store (which is given them) does."""
    declared = {match[1] or "" for match in _PREFIX_DECLARATION.finditer(text)}
    lines = [f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items()
             if prefix not in declared and re.search(rf"(?<![\w.-]){prefix}:", text)]
    return "\n".join(lines + [text]) if lines else text
