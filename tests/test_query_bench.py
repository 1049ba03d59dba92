"""bench/query_bench.py's children, which time the saved queries in fresh processes, run on a small graph."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.queries import saved_queries

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "query_bench.py"
PARAMETERS = {"award-history": {"name": "星宇车灯"}, "entity-sources": {"name": "中天科技"}}


def _child(kind: str, graph: Path, tmp_path: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCRIPT), kind, str(graph), "--runs", "1"], input=json.dumps(PARAMETERS),
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QKG_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_the_latency_child_times_every_saved_query(default_graph, tmp_path):
    figures = _child("--latency-child", default_graph, tmp_path)
    assert set(figures) == {query.name for query in saved_queries()}
    assert all(rows > 0 and seconds >= 0 for seconds, _, rows in figures.values())


@pytest.mark.skipif(shutil.which("oxigraph", path=str(Path(sys.executable).parent)) is None,
                    reason="Oxigraph's server (the oxigraph package) is not installed beside this Python")
def test_the_server_child_gives_the_rows_of_the_embedded_store(default_graph, tmp_path):
    embedded = _child("--latency-child", default_graph, tmp_path)
    served = _child("--server-child", default_graph, tmp_path)
    assert {name: rows for name, (_, _, rows) in served.items()} == {name: rows for name, (_, _, rows) in embedded.items()}
