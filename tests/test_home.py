"""One place for the graph (issue 12, item 4): QKG_HOME, the per-user default, `qkg info`."""
from __future__ import annotations

import pytest

from kg.cli import cli
from query_support import turtle_of


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return tmp_path


def _run(runner, *args):
    return runner.invoke(cli, ["--lang", "en", *args])


def test_a_graph_built_once_answers_from_any_folder(runner, isolated, small_facts, monkeypatch):
    project = isolated / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    assert _run(runner, "build", "--facts", str(small_facts), "--no-progress").exit_code == 0
    monkeypatch.chdir(isolated / "elsewhere")
    result = _run(runner, "query", "award-history", "-p", "name=丙科技", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "丙科技股份有限公司" in result.output
    for args in (["path", "张三", "乙省"], ["validate"], ["analyze", "--out", str(isolated / "a")]):
        assert _run(runner, *args).exit_code == 0, args
    info = _run(runner, "info")
    assert info.output.splitlines()[0] == f"graph: {project / 'exports' / 'qgov.ttl'} (from your last qkg build)"


def test_a_build_with_out_does_not_become_the_default(runner, isolated, small_facts, monkeypatch):
    monkeypatch.chdir(isolated / "elsewhere")
    assert _run(runner, "build", "--facts", str(small_facts), "--out", str(isolated / "x")).exit_code == 0
    monkeypatch.chdir(isolated)
    result = _run(runner, "query", "repeat-winners")
    assert result.exit_code == 1
    assert result.output == "Error: no graph file at exports/qgov.ttl (run `qkg build` first, or pass --data FILE)\n"


def test_qkg_home_is_where_build_writes_and_queries_read(runner, isolated, small_facts, monkeypatch):
    home = isolated / "qkg-home"
    monkeypatch.setenv("QKG_HOME", str(home))
    monkeypatch.chdir(isolated / "elsewhere")
    result = _run(runner, "build", "--facts", str(small_facts))
    assert result.exit_code == 0 and (home / "exports" / "qgov.ttl").is_file()
    assert not (isolated / "elsewhere" / "exports").exists()
    # A folder's own exports/ does not hide QKG_HOME's graph.
    (isolated / "elsewhere" / "exports").mkdir()
    (isolated / "elsewhere" / "exports" / "qgov.ttl").write_bytes(turtle_of())
    assert "丙科技股份有限公司" in _run(runner, "query", "award-history", "-p", "name=丙科技").output
    assert _run(runner, "info").output.splitlines()[0] == f"graph: {home / 'exports' / 'qgov.ttl'} (from QKG_HOME)"


def test_qkg_home_without_a_graph_says_so(runner, isolated, monkeypatch):
    monkeypatch.setenv("QKG_HOME", str(isolated / "empty"))
    result = _run(runner, "query", "repeat-winners")
    assert result.exit_code == 1
    expected = isolated / "empty" / "exports" / "qgov.ttl"
    assert result.output == f"Error: no graph file at {expected} (run `qkg build` first, or pass --data FILE)\n"


def test_info_gives_the_counts_and_the_time_of_the_build(runner, isolated, small_facts, monkeypatch):
    monkeypatch.chdir(isolated)
    assert _run(runner, "build", "--facts", str(small_facts)).exit_code == 0
    lines = _run(runner, "info").output.splitlines()
    assert lines[0] == f"graph: {isolated / 'exports' / 'qgov.ttl'} (from the current folder)"
    assert lines[1].startswith("built: ") and lines[1].endswith(" UTC")
    assert lines[3] == ("entities: 13 (2 City, 1 Province, 1 Enterprise, 1 Person, 1 Program, 5 Award, 1 Regulation, "
                        "1 Event)")
    assert lines[4] == "facts: 3 award conferrals, 1 positions, 1 program adoptions, 1 documents"
    chinese = runner.invoke(cli, ["--lang", "zh", "info"]).output.splitlines()
    assert chinese[0].startswith("图谱：") and "当前文件夹" in chinese[0]
    assert chinese[3].startswith("实体：13 (2 城市, 1 省份")
