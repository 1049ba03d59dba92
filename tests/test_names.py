"""Name parameters as people give them: short names, fragments, stray spaces (issue 12, item 1).

Through the CLI on the curated default graph, where `award-history -p name=上上电缆`
(the example of `qkg query --help`) used to print `(0 rows)` with exit status 0.
"""
from __future__ import annotations

import pytest

from kg.names import AmbiguousName, Candidate, NameNotFound, candidates, choose, resolve
from query_support import store_of

from conftest import SMALL_FACTS


@pytest.fixture
def query(qkg, default_graph):
    return lambda *args: qkg("--lang", "en", *args, "--data", default_graph)


@pytest.mark.parametrize("name", ["上上电缆", "上上电缆 ", "江苏上上电缆集团有限公司", "　上上电缆"])
def test_a_short_name_or_a_fragment_finds_the_firm(query, name):
    result = query("query", "award-history", "--param", f"name={name}", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()[1:]
    assert len(rows) == 6 and all(row.startswith("江苏上上电缆集团有限公司,") for row in rows)


def test_entity_sources_by_a_fragment(query):
    result = query("query", "entity-sources", "-p", "name=星宇", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert {row.split(",")[0] for row in result.output.splitlines()[1:]} == {"常州星宇车灯股份有限公司"}


def test_several_matches_list_the_candidates_and_fail(query):
    result = query("query", "award-history", "-p", "name=科技")
    assert result.exit_code == 1
    assert result.output.startswith("Error: '科技' matches 6 entities; did you mean: 中天科技集团 (Enterprise); ")
    assert result.output.count(" (Enterprise)") == 6 and len(result.output.splitlines()) == 1


def test_nothing_matches_is_not_an_empty_answer(query):
    missing = query("query", "award-history", "-p", "name=不存在的公司")
    assert missing.exit_code == 1
    assert missing.output == "Error: nothing matches '不存在的公司': no entity has that name or a name containing it\n"
    # An entity that exists but won nothing: a correct empty answer, exit status 0.
    empty = query("query", "award-history", "-p", "name=首席质量官制度")
    assert empty.exit_code == 0 and empty.output.rstrip().endswith("(0 rows)")


def test_a_city_parameter_takes_a_short_name(query):
    short = query("query", "programs-and-regulations-by-city", "-p", "city=海门", "--format", "csv")
    full = query("query", "programs-and-regulations-by-city", "-p", "city=海门市", "--format", "csv")
    assert short.exit_code == 0 and short.output == full.output and len(full.output.splitlines()) > 10


def test_a_city_parameter_refuses_an_enterprise(query):
    result = query("query", "awards-by-city-level-year", "-p", "city=上上电缆")
    assert result.exit_code == 1
    assert "nothing matches '上上电缆': no entity of type City or Province" in result.output


def test_path_takes_short_names(query):
    result = query("path", "上上电缆", "星宇")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1. 江苏上上电缆集团有限公司 ")
    assert result.output.rstrip().endswith("常州星宇车灯股份有限公司")


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("facts")
    (folder / "doc.yaml").write_text(SMALL_FACTS.lstrip(), encoding="utf-8")
    return store_of([folder])


def test_a_name_before_an_alias_before_a_part(small_store):
    # 甲 is 甲市's alias and a part of 甲市市长质量奖 and others: the alias wins.
    assert resolve(small_store, "甲").label == "甲市"
    assert resolve(small_store, "丙科技").label == "丙科技股份有限公司"
    assert [c.label for c in candidates(small_store, "质量奖")] == [
        "丁县县长质量奖", "乙省省长质量奖", "甲市市长质量奖", "甲市市长质量奖提名奖"]  # shortest first
    with pytest.raises(AmbiguousName) as caught:
        resolve(small_store, "质量奖")
    assert len(caught.value.candidates) == 4
    with pytest.raises(NameNotFound):
        resolve(small_store, "   ")


def test_kinds_narrow_the_candidates(small_store):
    assert resolve(small_store, "县", kinds=("City",)).label == "丁县"
    with pytest.raises(AmbiguousName):
        resolve(small_store, "县")  # also 丁县县长质量奖


def test_in_memory_entities_follow_the_same_rules():
    entities = [Candidate("a", "甲市", "City", ("甲",)), Candidate("b", "甲市市长质量奖", "Award"),
                Candidate("c", "甲", "Person")]
    assert choose("甲", entities).iri == "c"  # a name before an alias
    assert choose("甲", entities[:2]).iri == "a"  # an alias before a part
    assert choose("市长", entities).iri == "b"
    with pytest.raises(AmbiguousName, match="did you mean: 甲市 \\(City\\); 甲市市长质量奖 \\(Award\\)"):
        choose("市", entities)
