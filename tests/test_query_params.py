"""Parameters that try to break out of their literal never change the query (hypothesis).

Whatever the value, the answer is either correct or a one-line error; never a
query whose meaning was changed by the value. A name parameter names one
entity (by its name, an alias, or a part of one: kg.names) or is refused as
matching nothing or several.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.names import AmbiguousName, NameNotFound
from kg.namespace import normalize_name
from kg.queries import ParameterError, find_query, run_query
from query_support import store_of

from conftest import SMALL_FACTS

NAMES = {"丙科技股份有限公司", "丙科技", "张三", "甲市", "甲", "丁县", "乙省"}
# Every entity of SMALL_FACTS that can win an award or hold a place, with its aliases.
RECIPIENTS = {"丙科技股份有限公司": ["丙科技"], "张三": [], "甲市": ["甲"], "丁县": [], "乙省": []}
PLACES = {"甲市": ["甲"], "丁县": [], "乙省": []}
WITHIN = {"乙省": {"乙省", "甲市", "丁县"}, "甲市": {"甲市", "丁县"}, "丁县": {"丁县"}}


def _meant(value: str, entities: dict[str, list[str]]) -> set[str]:
    """The entities a name can mean: named so exactly, else with a name that contains it."""
    wanted = normalize_name(value)
    if not wanted:
        return set()
    exact = {e for e, aliases in entities.items() if wanted == e} or {e for e, a in entities.items() if wanted in a}
    return exact or {e for e, aliases in entities.items() if any(wanted.lower() in n.lower() for n in [e, *aliases])}
BREAKOUTS = ['"', "'", '"""', "}", "{", "#", "\n", "\r", "\\", '\\"', ") }", "?x", "$x", "<", ">", "@zh", "^^", ";", "."]

# Text built from pieces that SPARQL gives meaning to, names from the graph, and anything else.
hostile_text = st.lists(
    st.one_of(st.sampled_from(BREAKOUTS), st.sampled_from(sorted(NAMES)), st.text(max_size=6)), max_size=8
).map("".join)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    return store_of([folder])


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(value=hostile_text)
def test_a_name_never_changes_the_query(store, value):
    query = find_query("award-history")
    text_before = query.text
    try:
        answer = run_query(store, query, {"name": value})
    except NameNotFound:
        assert not _meant(value, RECIPIENTS)
        return
    except AmbiguousName as ambiguous:
        assert "\n" not in str(ambiguous).strip("'") or "\n" in value
        return
    finally:
        assert query.text == text_before
    entities = {row[0].value for row in answer.rows}
    assert entities <= _meant(value, RECIPIENTS) and len(entities) <= 1


@_SETTINGS
@given(value=hostile_text)
def test_city_filter_never_widens(store, value):
    query = find_query("awards-by-city-level-year")
    try:
        answer = run_query(store, query, {"city": value})
    except (NameNotFound, AmbiguousName):
        return
    # An injected "|| true" or a commented-out filter would return rows of other places.
    (city,) = _meant(value, PLACES)
    assert {row[0].value for row in answer.rows} <= WITHIN[city]


@_SETTINGS
@given(value=hostile_text)
def test_typed_parameters_are_checked_or_rejected_in_one_line(store, value):
    query = find_query("awards-by-city-level-year")
    for name in ("year", "level"):
        try:
            answer = run_query(store, query, {name: value})
        except ParameterError as error:
            assert "\n" not in str(error) and "\r" not in str(error)
        else:
            assert value.isdigit() or value.strip().lower() in {
                "national", "provincial", "municipal", "county", "county level",
                "nationallevel", "provinciallevel", "municipallevel", "countylevel", "国家级", "省级", "市级", "县级"}
            assert all(row[0] is not None for row in answer.rows)


@_SETTINGS
@given(name=hostile_text, value=hostile_text)
def test_unknown_parameter_names_are_one_line_errors(store, name, value):
    query = find_query("repeat-winners")
    if name == "min_conferrals":
        return
    with pytest.raises(ParameterError) as caught:
        run_query(store, query, {name: value})
    assert "\n" not in str(caught.value) and "\r" not in str(caught.value)


@pytest.mark.parametrize(
    "value",
    [
        '丙科技" || true || "',
        '丙科技") || true #',
        "丙科技\" } UNION { ?node ?p ?anyName } #",
        "丙科技'\n} UNION { ?x ?y ?z }",
        "丙科技\\",
    ],
)
def test_classic_injections_find_nothing(store, value):
    for name in ("award-history", "entity-sources"):
        with pytest.raises(NameNotFound, match="nothing matches"):
            run_query(store, find_query(name), {"name": value})
