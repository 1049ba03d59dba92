"""Parameters tested inside subqueries: awards-by-city-level-year tests its level once per award, in
the awards' subquery, which only works because the engine's substitution reaches a subquery that
projects the parameter. These tests fail if it stops doing so (every level would then match)."""
from __future__ import annotations

import pytest

from kg import resources
from kg.namespace import AWARD_LEVELS
from kg.queries import find_query, run_query
from query_support import store_of

from conftest import SMALL_FACTS

# An award with no level (no conferrer, no level given), won once, beside the small facts' awards.
UNLEVELLED_FACTS = """
format: qkg-facts/1
document:
  id: test-unlevelled
  title: 测试文件乙
  publisher: 测试日报
  date: 2022-03-01
  url: https://example.org/b
entities:
  - name: 某某创新奖
    type: Award
  - name: 戊材料有限公司
    type: Enterprise
conferrals:
  - recipient: 戊材料有限公司
    award: 某某创新奖
    year: 2019
    evidence: [0, 8]
"""


def _local_name(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _rows_by_level(store):
    query = find_query("awards-by-city-level-year")
    everything = run_query(store, query)
    level_column = everything.variables.index("award_level")
    return query, everything, level_column


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    (folder / "unlevelled.yaml").write_text(UNLEVELLED_FACTS.lstrip(), encoding="utf-8")
    return store_of([folder])


@pytest.fixture(scope="module")
def default_store():
    if not any(resources.curated_facts_dir().glob("*.yaml")):
        pytest.skip("the curated facts are not in facts/ yet")
    return store_of()


@pytest.mark.parametrize("store_name", ["small_store", "default_store"])
def test_each_level_keeps_exactly_the_rows_of_that_level(request, store_name):
    store = request.getfixturevalue(store_name)
    query, everything, level_column = _rows_by_level(store)
    for name, iri in AWARD_LEVELS.items():
        expected = [row for row in everything.rows if row[level_column].value == _local_name(iri)]
        assert run_query(store, query, {"level": name}).rows == expected, name


def test_an_award_without_a_level_is_listed_only_without_a_level_parameter(small_store):
    query, everything, level_column = _rows_by_level(small_store)
    award_column = everything.variables.index("award")
    unlevelled = [row for row in everything.rows if row[award_column].value == "某某创新奖"]
    assert len(unlevelled) == 1 and unlevelled[0][level_column].value == ""
    for name in AWARD_LEVELS:
        awards = [row[award_column].value for row in run_query(small_store, query, {"level": name}).rows]
        assert "某某创新奖" not in awards, name


def test_level_and_year_together_keep_the_rows_with_both(small_store):
    query, everything, level_column = _rows_by_level(small_store)
    year_column = everything.variables.index("award_year")
    expected = [row for row in everything.rows
                if row[level_column].value == "MunicipalLevel" and row[year_column].value == "2020"]
    assert expected  # the small facts have a municipal award in 2020
    assert run_query(small_store, query, {"level": "municipal", "year": "2020"}).rows == expected
