"""kg.binding: a parameter becomes exactly one RDF term in the query text, whatever the value (hypothesis).

The structure is read by rdflib's SPARQL parser (an engine other than the one that runs the
queries): after binding, every saved query parses to the same algebra as with a plain value, but
for the parameter's VALUES rows, each of which holds the one term. The term is read back by
Oxigraph exactly as it was given.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kg.binding import bind, placeholders, with_prefixes
from kg.queries import saved_queries

BREAKOUTS = ['"', "'", '"""', "'''", "}", "{", "#", "\n", "\r", "\\", '\\"', "\\u0022", "\\U00000022", "\\u005C",
             ") }", "?x", "$x", "<", ">", "@zh", "^^", ";", ".", "UNDEF", "VALUES ?name { UNDEF }", "\x00", "\u2028"]
hostile_text = st.lists(st.one_of(st.sampled_from(BREAKOUTS), st.text(max_size=8)), max_size=8).map("".join)

SAVED = {query.name: query for query in saved_queries()}
PARAMETERS = [(query.name, parameter.name) for query in SAVED.values() for parameter in query.parameters]
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def _terms(value: str) -> list[ox.Literal]:
    """The value as each kind of literal a parameter can be: plain, tagged @zh, and typed."""
    return [ox.Literal(value), ox.Literal(value, language="zh"), ox.Literal(value, datatype=XSD_STRING)]


def _algebra(text: str) -> CompValue:
    return translateQuery(parseQuery(with_prefixes(text))).algebra


def _take_rows(node, name: str, taken: list) -> None:
    """Replace every VALUES block that binds only ``?name`` by a marker, keeping its rows in ``taken``."""
    if isinstance(node, CompValue):
        if node.name == "values" and all(set(row) == {rdflib.Variable(name)} for row in node["res"]):
            taken.append(node["res"])
            node["res"] = "<parameter>"
            return
        for child in node.values():
            _take_rows(child, name, taken)
    elif isinstance(node, (list, tuple)):
        for child in node:
            _take_rows(child, name, taken)
    elif isinstance(node, dict):
        for child in node.values():
            _take_rows(child, name, taken)


def _structure(text: str, name: str) -> tuple[CompValue, list]:
    algebra, taken = _algebra(text), []
    _take_rows(algebra, name, taken)
    return algebra, taken


def test_every_saved_parameter_has_a_values_block():
    for query_name, name in PARAMETERS:
        assert name in placeholders(SAVED[query_name].text), (query_name, name)


_PLAIN: dict[tuple[str, str], tuple] = {}


def _check_structure(text: str, name: str, term: ox.Literal) -> None:
    if (text, name) not in _PLAIN:
        _PLAIN[text, name] = _structure(bind(text, {name: ox.Literal("x")}), name)
    plain, plain_rows = _PLAIN[text, name]
    bound, rows = _structure(bind(text, {name: term}), name)
    assert bound == plain  # nothing but the parameter's rows changed
    assert len(rows) == len(plain_rows) == len(placeholders(text)[name])
    assert all(len(block) == 1 for block in rows)  # one row of one term in each block


# rdflib parses a large saved query in 0.1-0.3 s: few examples for each, many for a small query.
@settings(max_examples=12, deadline=None)
@given(value=hostile_text, kind=st.integers(0, 2))
@pytest.mark.parametrize("query_name, name", PARAMETERS)
def test_a_bound_saved_query_has_the_same_structure_plus_one_term(query_name, name, value, kind):
    _check_structure(SAVED[query_name].text, name, _terms(value)[kind])


SMALL = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity WHERE {
  { SELECT ?node WHERE { VALUES ?name { UNDEF } ?node rdfs:label ?name } }  # a comment: "VALUES ?name { UNDEF }
  ?node rdfs:label ?entity FILTER(?entity != "VALUES ?name { UNDEF }" && COALESCE(?name, 2) != '#')
}"""


@settings(max_examples=300, deadline=None)
@given(value=hostile_text, kind=st.integers(0, 2))
def test_a_bound_query_has_the_same_structure_plus_one_term(value, kind):
    _check_structure(SMALL, "name", _terms(value)[kind])


@settings(max_examples=200, deadline=None)
@given(value=hostile_text)
def test_the_term_reads_back_exactly(value):
    store = ox.Store()
    for term in _terms(value):
        text = bind("SELECT ?v ?w WHERE { VALUES ?v { UNDEF } BIND(1 AS ?w) } # VALUES ?v { UNDEF }", {"v": term})
        assert [row[0] for row in store.query(text)] == [term]


def test_a_placeholder_in_a_comment_or_string_is_left_alone():
    text = 'SELECT ?v ?s WHERE { BIND("VALUES ?v { UNDEF }" AS ?s) # VALUES ?v { UNDEF }\n VALUES ?v { UNDEF } }'
    bound = bind(text, {"v": ox.Literal("甲")})
    assert bound.count('VALUES ?v { "甲" }') == 1 and bound.count("VALUES ?v { UNDEF }") == 2


def test_without_a_block_the_value_goes_first_in_the_where_clause():
    text = "SELECT ?s WHERE { ?s ?p ?o FILTER(?o = ?name) }"
    bound = bind(text, {"name": ox.Literal("甲")})
    assert bound == 'SELECT ?s WHERE { VALUES ?name { "甲" }  ?s ?p ?o FILTER(?o = ?name) }'


def test_a_parameter_left_out_stays_undef():
    text = SAVED["repeat-winners"].text
    assert bind(text, {"min_conferrals": None}) == text == bind(text, {})


def test_prefixes_are_declared_once_for_other_engines():
    text = with_prefixes("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s WHERE { ?s a qgov:Award ; rdfs:label ?l }")
    assert text.count("PREFIX qgov:") == 1 and text.count("PREFIX rdfs:") == 1 and "PREFIX org:" not in text


@pytest.mark.parametrize("value", ["\\U0000", "a\\u00e9b", "\\\\u1234", "\\U0001F600"])
def test_a_backslash_before_u_is_no_codepoint_escape_on_any_engine(value):
    # rdflib expands "\U" + 4 hex digits wherever it stands, even after an escaped backslash; the
    # binder writes the letter as its own escape, so rdflib and Oxigraph both read the value back
    from rdflib import Graph, Literal, URIRef, RDFS
    query = bind(SMALL, {"name": ox.Literal(value)})
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode(str(RDFS.label)), ox.Literal(value)))
    graph = Graph()
    graph.add((URIRef("http://example.org/a"), RDFS.label, Literal(value)))
    assert len(list(store.query(query))) == len(list(graph.query(query))) == 1
