"""`qkg query` as a user meets it: saved queries on a graph file, formats, the store cache, one-line errors."""
from __future__ import annotations

import json

import pytest

from kg.cli import cli
from query_support import turtle_of

from conftest import SMALL_FACTS


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("QKG_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data(tmp_path, small_facts, cache):
    path = tmp_path / "graph" / "qgov.ttl"
    path.parent.mkdir()
    path.write_bytes(turtle_of([small_facts]))
    return path


def _query(runner, *args):
    return runner.invoke(cli, ["query", *args])


def _assert_one_line_error(result, exit_code, *fragments):
    assert result.exit_code == exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 or exit_code == 2, result.output  # click adds usage lines to exit status 2
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output


def test_list_shows_every_saved_query_and_its_parameters(runner):
    result = _query(runner, "--list")
    assert result.exit_code == 0
    assert "firms-with-provincial-and-mayor-awards" in result.output
    assert "--param name=… (owl:Thing): 实体名称、别名或其一部分" in result.output
    assert "--param level=… (qgov:AwardLevel, optional)" in result.output


def test_a_saved_query_as_a_table(runner, data):
    result = _query(runner, "award-history", "--param", "name=丙科技", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "丙科技股份有限公司" in result.output and "乙省省长质量奖" in result.output
    assert result.output.rstrip().endswith("(2 rows)")


def test_csv_output_starts_with_a_bom(runner, data):
    result = _query(runner, "award-history", "-p", "name=张三", "--format", "csv", "--data", str(data))
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith("\ufeffentity,".encode("utf-8"))
    assert "张三,2019,甲市市长质量奖提名奖".encode("utf-8") in result.stdout_bytes


def test_json_output(runner, data):
    result = _query(runner, "repeat-winners", "-p", "min_conferrals=2", "--format", "json", "--data", str(data))
    document = json.loads(result.stdout_bytes)
    assert [b["recipient"]["value"] for b in document["results"]["bindings"]] == ["丙科技股份有限公司"]


def test_a_query_file(runner, data, tmp_path):
    path = tmp_path / "people.rq"
    path.write_text("SELECT ?name WHERE { ?p a qgov:Person ; rdfs:label ?name }", encoding="utf-8")
    result = _query(runner, str(path), "--data", str(data))
    assert result.exit_code == 0 and "张三" in result.output


def test_the_store_is_cached_and_renewed_when_the_file_changes(runner, data, cache, small_facts):
    assert _query(runner, "repeat-winners", "--data", str(data)).exit_code == 0
    assert _query(runner, "repeat-winners", "--data", str(data)).exit_code == 0
    entries = [p for p in (cache / "stores").iterdir() if not p.name.startswith(".")]
    assert len(entries) == 1
    data.write_bytes(turtle_of([small_facts]).replace("张三".encode(), "李四".encode()))
    result = _query(runner, "award-history", "-p", "name=李四", "--data", str(data))
    assert "李四" in result.output
    renewed = [p for p in (cache / "stores").iterdir() if not p.name.startswith(".")]
    assert len(renewed) == 1 and renewed != entries  # the stale entry of the same file is gone


def test_an_unwritable_cache_still_answers(runner, data, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("QKG_CACHE_DIR", str(blocker))
    result = _query(runner, "award-history", "-p", "name=张三", "--data", str(data))
    assert result.exit_code == 0 and "张三" in result.output


@pytest.mark.parametrize(
    "args, exit_code, fragments",
    [
        (["nope"], 1, ["no saved query named 'nope'"]),
        (["award-history"], 1, ["needs --param name=VALUE"]),
        (["award-history", "-p", "name=x", "-p", "colour=red"], 1, ["has no parameter 'colour'"]),
        (["awards-by-city-level-year", "-p", "year=MMXX"], 1, ["must be a four-digit year"]),
        (["awards-by-city-level-year", "-p", "level=galactic"], 1, ["must be one of 国家级/national/NationalLevel"]),
        (["award-history", "-p", "name"], 2, ["--param wants NAME=VALUE"]),
        (["award-history", "-p", "name=a", "-p", "name=b"], 2, ["given twice"]),
        ([], 2, ["give a saved query's name"]),
        (["award-history", "-p", "name=x", "--format", "xml"], 2, ["xml"]),
    ],
)
def test_mistakes(runner, data, args, exit_code, fragments):
    _assert_one_line_error(_query(runner, *args, "--data", str(data)), exit_code, *fragments)


def test_missing_and_broken_data_files(runner, tmp_path, cache):
    _assert_one_line_error(_query(runner, "repeat-winners", "--data", str(tmp_path / "none.ttl")), 1, "no graph file")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> \"unterminated .\n<c> <d> <e> .", encoding="utf-8")
    _assert_one_line_error(_query(runner, "repeat-winners", "--data", str(broken)), 1, "cannot parse the graph")
    odd = tmp_path / "graph.xyz"
    odd.write_text("x", encoding="utf-8")
    _assert_one_line_error(_query(runner, "repeat-winners", "--data", str(odd)), 1, "unknown graph file type")


def test_a_malformed_query_file(runner, data, tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("# param name (xsd:string): a name\nSELECT ?name WHERE { ?s ?p ", encoding="utf-8")
    _assert_one_line_error(_query(runner, str(path), "-p", "name=x", "--data", str(data)), 1, "not a valid SPARQL query")


def test_the_default_data_is_exports_qgov_ttl(runner, tmp_path, cache, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _assert_one_line_error(_query(runner, "repeat-winners"), 1, "no graph file at exports/qgov.ttl", "qkg build")
