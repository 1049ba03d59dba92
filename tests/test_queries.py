"""Saved queries: golden results on the embedded default, headers, discovery and result formats."""
from __future__ import annotations

import json

import pytest

from kg import resources
from kg.queries import (
    ParameterError,
    QueryError,
    QueryFileError,
    UnknownQuery,
    find_query,
    parse_query_text,
    run_query,
    saved_queries,
)
from kg.results import display_width, to_csv, to_json, to_table
from query_support import GOLDEN, UPDATE_GOLDEN, store_of

from conftest import SMALL_FACTS

# The parameters each saved query's golden result is computed with (aliases on purpose).
GOLDEN_PARAMETERS = {
    "award-history": {"name": "星宇车灯"},
    "entity-sources": {"name": "中天科技"},
}
SAVED_NAMES = sorted(path.stem for path in resources.queries_dir().glob("*.rq"))
REQUIRED = {
    "firms-with-provincial-and-mayor-awards", "award-history", "awards-by-city-level-year", "repeat-winners",
    "award-ladder", "positions-by-organisation", "programs-and-regulations-by-city", "entity-sources",
    "entities-in-several-documents",
}


@pytest.fixture(scope="module")
def default_store():
    if not any(resources.curated_facts_dir().glob("*.yaml")):
        pytest.skip("the curated facts are not in facts/ yet")
    return store_of()


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    return store_of([folder])


def test_the_issue_s_queries_are_all_saved():
    assert REQUIRED <= set(SAVED_NAMES)


def test_every_saved_query_has_a_full_header():
    for query in saved_queries():
        assert query.title_zh and query.title_en and query.description, query.name
        assert all(p.meaning for p in query.parameters), query.name


def golden_text(result) -> str:
    """The golden form of an answer: SPARQL JSON results with every non-ASCII character escaped.

    Escaped, because lists of names in the order the documents give them would otherwise look like
    copied text to the corpus check. To read one: python -m json.tool --no-ensure-ascii FILE.
    """
    return json.dumps(json.loads(to_json(result)), ensure_ascii=True, indent=1) + "\n"


@pytest.mark.parametrize("name", SAVED_NAMES)
def test_golden_result_on_the_embedded_default(default_store, name):
    answer = golden_text(run_query(default_store, find_query(name), GOLDEN_PARAMETERS.get(name, {})))
    golden = GOLDEN / f"{name}.json"
    if UPDATE_GOLDEN:
        golden.write_text(answer, encoding="ascii")
    assert golden.is_file(), f"no golden result for {name}: run with QKG_UPDATE_GOLDEN=1 and review it"
    assert answer == golden.read_text(encoding="ascii")


def test_no_golden_file_without_its_query():
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == SAVED_NAMES


def test_firm_with_both_awards_counts_its_leader_s_award(small_store):
    answer = run_query(small_store, find_query("firms-with-provincial-and-mayor-awards"))
    rows = [[t.value if t is not None else "" for t in row] for row in answer.rows]
    assert answer.variables == ["firm", "category", "award", "year", "via", "via_roles"]
    assert ["丙科技股份有限公司", "provincial", "乙省省长质量奖", "2021", "", ""] in rows
    assert ["丙科技股份有限公司", "mayor", "甲市市长质量奖提名奖", "2019", "张三", "董事长"] in rows
    assert ["丙科技股份有限公司", "mayor", "甲市市长质量奖", "2020", "", ""] in rows
    assert len(rows) == 3


def test_award_history_by_alias_and_by_name_agree(small_store):
    by_alias = run_query(small_store, find_query("award-history"), {"name": "丙科技"})
    by_name = run_query(small_store, find_query("award-history"), {"name": "丙科技股份有限公司"})
    assert to_csv(by_alias) == to_csv(by_name)
    assert [row[2].value for row in by_alias.rows] == ["甲市市长质量奖", "乙省省长质量奖"]


def test_optional_parameters_filter(small_store):
    query = find_query("awards-by-city-level-year")
    everything = run_query(small_store, query)
    provincial = run_query(small_store, query, {"level": "provincial"})
    in_2019 = run_query(small_store, query, {"year": "2019"})
    assert len(everything.rows) == 3
    assert [row[3].value for row in provincial.rows] == ["乙省省长质量奖"]
    assert [row[3].value for row in in_2019.rows] == ["甲市市长质量奖提名奖"]
    assert run_query(small_store, query, {"city": "乙省"}).rows == everything.rows  # the province holds the city
    assert run_query(small_store, query, {"city": "丁县"}).rows == []
    assert "city" not in everything.variables  # parameters are not echoed as columns


def test_csv_has_a_bom_and_crlf(small_store):
    text = to_csv(run_query(small_store, find_query("award-history"), {"name": "丙科技"}))
    assert text.startswith("\ufeffentity,year,award,level,nomination_for,documents,level_zh\r\n")
    assert "丙科技股份有限公司,2020,甲市市长质量奖,municipal" not in text  # levels are the ontology's local names
    assert "丙科技股份有限公司,2020,甲市市长质量奖,MunicipalLevel,,1,市级\r\n" in text


def test_json_is_sparql_results_json(small_store):
    document = json.loads(to_json(run_query(small_store, find_query("award-history"), {"name": "张三"})))
    assert document["head"]["vars"] == ["entity", "year", "award", "level", "nomination_for", "documents", "level_zh"]
    (binding,) = document["results"]["bindings"]
    assert binding["entity"] == {"type": "literal", "value": "张三", "xml:lang": "zh"}
    assert binding["year"] == {"type": "literal", "value": "2019", "datatype": "http://www.w3.org/2001/XMLSchema#gYear"}
    assert binding["level"] == {"type": "literal", "value": "MunicipalLevel"}
    assert binding["documents"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert binding["nomination_for"]["value"] == "甲市市长质量奖"


def test_json_leaves_unbound_variables_out(small_store):
    document = json.loads(to_json(run_query(small_store, find_query("award-history"), {"name": "丙科技"})))
    assert all("nomination_for" not in b for b in document["results"]["bindings"])


def test_table_aligns_wide_characters(small_store):
    lines = to_table(run_query(small_store, find_query("award-history"), {"name": "丙科技"})).splitlines()
    header, rule, *rows, count = lines
    assert count == "(2 rows)"
    starts = [display_width(row[: row.index("20")]) for row in rows]  # where the year column begins
    assert len(set(starts)) == 1 and starts[0] == display_width(header[: header.index("year")])
    assert set(rule) <= {"-", " "}


def test_a_query_file_by_path(tmp_path, small_store):
    path = tmp_path / "mine.rq"
    path.write_text("SELECT ?s WHERE { ?s a qgov:Enterprise }", encoding="utf-8")  # prefixes come from qkg
    answer = run_query(small_store, find_query(str(path)))
    assert len(answer.rows) == 1


def test_unknown_query_lists_the_saved_ones():
    with pytest.raises(UnknownQuery, match="no saved query named 'nope'.*award-history"):
        find_query("nope")


@pytest.mark.parametrize(
    "header, message",
    [
        ("# param name: the name", "malformed parameter line"),
        ("# param name (xsd:float): the name", "unknown parameter type 'xsd:float'"),
        ("# param other (xsd:string): unused", "declared but the query never uses [?]other"),
        ("# param name (xsd:string): a\n# param name (xsd:string): b", "declared twice"),
    ],
)
def test_malformed_headers(header, message):
    with pytest.raises(QueryFileError, match=message):
        parse_query_text(header + "\nSELECT ?name WHERE { ?s ?p ?name }", "broken")


def test_a_saved_query_needs_its_titles():
    with pytest.raises(QueryFileError, match="the header lacks description, title, title_en"):
        parse_query_text("SELECT * WHERE { ?s ?p ?o }", "bare", saved=True)


def test_header_continuation_lines():
    query = parse_query_text("# title: 标题\n# description: first\n#   second\n# not a field\nSELECT * {}", "q")
    assert query.description == "first second"


def test_a_syntax_error_is_one_line(small_store):
    query = parse_query_text("SELECT ?x WHERE { ?x ?y }", "bad")
    with pytest.raises(QueryFileError) as caught:
        run_query(small_store, query)
    assert "not a valid SPARQL query" in str(caught.value) and "\n" not in str(caught.value)


def test_only_select_queries(small_store):
    with pytest.raises(QueryError, match="only SELECT"):
        run_query(small_store, parse_query_text("ASK { ?s ?p ?o }", "ask"))


def test_a_query_file_without_a_values_block_binds_its_parameter_at_the_start(small_store):
    # Not projected, never in a VALUES block: bound at the start of the WHERE clause.
    query = parse_query_text(
        "# param name (rdf:langString): n\nSELECT ?s WHERE { ?s rdfs:label ?label FILTER(?label = ?name) }", "q")
    rows = run_query(small_store, query, {"name": "张三"}).rows
    assert len(rows) == 1 and run_query(small_store, query, {"name": "李四"}).rows == []


def test_missing_and_unknown_parameters():
    query = find_query("award-history")
    with pytest.raises(ParameterError, match="needs --param name=VALUE"):
        query.bindings({})
    with pytest.raises(ParameterError, match="has no parameter 'city' \\(parameters: name\\)"):
        query.bindings({"name": "x", "city": "y"})


@pytest.mark.parametrize("enabled_before", [True, False])
def test_running_a_query_leaves_the_cycle_collector_as_it_was(small_store, enabled_before):
    import gc

    query = parse_query_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "q")
    (gc.enable if enabled_before else gc.disable)()
    try:
        assert len(run_query(small_store, query).rows) == 3
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()


def test_a_query_failing_midway_leaves_the_cycle_collector_on(small_store):
    import gc

    # A SERVICE call to a closed local port fails while the rows are read.
    failing = parse_query_text("SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "q")
    with pytest.raises((QueryError, OSError, RuntimeError)):
        run_query(small_store, failing)
    assert gc.isenabled()


REPEAT_WINNERS_FACTS = """
format: qkg-facts/1
document: {id: test-r, title: 测试文件乙, publisher: 测试日报, date: 2021-05-01, url: https://example.org/r}
entities:
  - {name: 甲市市长质量奖, type: Award}
  - {name: 乙省省长质量奖, type: Award}
  - {name: 全国质量样板奖, type: Award}
  - {name: 丙科技股份有限公司, type: Enterprise}
  - {name: 戊电气有限公司, type: Enterprise}
conferrals:
  - {recipient: 丙科技股份有限公司, award: 甲市市长质量奖, evidence: [0, 5]}
  - {recipient: 丙科技股份有限公司, award: 乙省省长质量奖, year: 2018, evidence: [6, 10]}
  - {recipient: 丙科技股份有限公司, award: 全国质量样板奖, year: 2020, evidence: [11, 15]}
  - {recipient: 戊电气有限公司, award: 甲市市长质量奖, evidence: [16, 20]}
  - {recipient: 戊电气有限公司, award: 乙省省长质量奖, evidence: [21, 25]}
"""


def test_repeat_winners_first_and_last_years_pass_over_conferrals_without_one(write_facts):
    # The first and last years come from the grouped pass that counts the conferrals, a conferral
    # without a year standing for none: not the first, not the last, and no years at all give none.
    store = store_of([write_facts(REPEAT_WINNERS_FACTS)])
    answer = run_query(store, find_query("repeat-winners"))
    rows = {row[0].value: [None if term is None else term.value for term in row[1:7]] for row in answer.rows}
    assert rows == {
        "丙科技股份有限公司": ["Enterprise", "3", "3", "2018", "2020", "甲市市长质量奖；乙省省长质量奖 2018；全国质量样板奖 2020"],
        "戊电气有限公司": ["Enterprise", "2", "2", None, None, "乙省省长质量奖；甲市市长质量奖"],
    }
