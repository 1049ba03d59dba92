"""The query cache stays within its limit, least recently used first, and `qkg cache clear` (issue 12, item 6)."""
from __future__ import annotations

import os
import time

import pytest

from kg import cache
from kg.cli import cli
from query_support import turtle_of


@pytest.fixture
def graphs(tmp_path, small_facts):
    """Three different graph files of the same facts (a comment line makes each file's bytes its own)."""
    base = turtle_of([small_facts])
    paths = []
    for number in range(3):
        path = tmp_path / f"g{number}.ttl"
        path.write_bytes(base + f"# version {number}\n".encode())
        paths.append(path)
    return paths


def _stores(root):
    return cache.entries(root / "stores")


def _query(runner, path):
    return runner.invoke(cli, ["query", "repeat-winners", "--format", "csv", "--data", str(path)])


def test_without_a_limit_every_graph_keeps_its_store(runner, graphs, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    for path in graphs:
        assert _query(runner, path).exit_code == 0
    assert len(_stores(tmp_path / "cache")) == 3


def test_the_least_recently_used_store_goes_first(runner, graphs, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("QKG_CACHE_DIR", str(root))
    assert _query(runner, graphs[0]).exit_code == 0
    one_store = _stores(root)[0].size
    # Room for two stores of this size, not three.
    monkeypatch.setenv(cache.LIMIT_ENV, str(2.5 * one_store / 1024 / 1024))
    assert _query(runner, graphs[1]).exit_code == 0
    first, second = sorted(_stores(root), key=lambda e: e.used)
    os.utime(second.path, (time.time() - 100, time.time() - 100))  # graph 1 used long ago ...
    assert _query(runner, graphs[0]).exit_code == 0  # ... graph 0 just now
    assert _query(runner, graphs[2]).exit_code == 0  # a third store: one must go
    remaining = {e.path.name for e in _stores(root)}
    assert len(remaining) == 2 and second.path.name not in remaining and first.path.name in remaining
    assert sum(e.size for e in _stores(root)) <= 2.5 * one_store


def test_a_store_larger_than_the_limit_is_still_used(runner, graphs, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(cache.LIMIT_ENV, "0")
    for path in graphs:
        assert _query(runner, path).exit_code == 0
    assert len(_stores(tmp_path / "cache")) == 1


def test_a_malformed_limit_is_one_line(runner, graphs, tmp_path, monkeypatch):
    monkeypatch.setenv("QKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(cache.LIMIT_ENV, "lots")
    result = _query(runner, graphs[0])
    assert result.exit_code == 1
    assert result.output == "Error: QKG_CACHE_MAX_MB must be a number of megabytes, not 'lots'\n"


def test_cache_clear_and_info(runner, graphs, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("QKG_CACHE_DIR", str(root))
    for path in graphs[:2]:
        _query(runner, path)
    size = sum(e.size for e in _stores(root))
    info = runner.invoke(cli, ["--lang", "en", "cache", "info"])
    assert info.output.splitlines() == [f"query cache: {root}", f"stores: 2, {size / 2**20:.1f} MB (limit 1024 MB)"]
    cleared = runner.invoke(cli, ["--lang", "en", "cache", "clear"])
    assert cleared.exit_code == 0
    assert cleared.output == f"removed: 2 stores, {size / 2**20:.1f} MB ({root})\n"
    assert _stores(root) == []
    assert _query(runner, graphs[0]).exit_code == 0  # and queries fill it again
