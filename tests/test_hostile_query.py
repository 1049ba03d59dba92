"""`qkg query` against a damaged cache, remote SERVICE calls, Ctrl-C and a full standard output (issue 11)."""
from __future__ import annotations

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg import queries
from kg.queries import calls_service

from conftest import SMALL_FACTS

pytestmark = pytest.mark.faults

# A chain of 3,000 links: a query over three unrelated copies of it has 2.7 * 10^10 rows to count.
CHAIN = "".join(f"<http://example.org/{i}> <http://example.org/next> <http://example.org/{i + 1}> .\n"
                for i in range(3000))
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a <http://example.org/next> ?b . ?c <http://example.org/next> ?d . " \
          "?e <http://example.org/next> ?f }\n"


def _kg(*args: str, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120,
                          env=env, **kwargs)


@pytest.fixture
def built(tmp_path, small_facts):
    """A graph built into its own folder, with its own query cache."""
    env = {**os.environ, "QKG_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "exports"
    assert _kg("build", "--facts", str(small_facts), "--out", str(out), "--no-validate", env=env).returncode == 0
    return out / "qgov.ttl", env, tmp_path / "cache"


def _answer(data: Path, env) -> subprocess.CompletedProcess:
    return _kg("query", "entity-sources", "-p", "name=甲市", "--format", "csv", "--data", str(data), env=env)


def _store_files(cache: Path, pattern: str) -> list[Path]:
    return sorted(cache.glob(f"stores/*/store/{pattern}"))


def _flip_middle_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["truncated MANIFEST", "a byte flipped in every table file"])
def test_a_damaged_cache_is_discarded_rebuilt_and_gives_the_right_answer(built, damage):
    data, env, cache = built
    expected = _answer(data, env)
    assert expected.returncode == 0 and expected.stderr == "" and "测试文件甲" in expected.stdout
    if damage.startswith("truncated"):
        [manifest] = _store_files(cache, "MANIFEST-*")
        manifest.write_bytes(manifest.read_bytes()[:100])
    else:
        for table in _store_files(cache, "*.sst"):
            _flip_middle_byte(table)
    damaged = _answer(data, env)
    assert damaged.returncode == 0, damaged.stderr
    assert damaged.stdout == expected.stdout
    warnings = damaged.stderr.strip().splitlines()
    assert len(warnings) == 1 and "the cached store of" in warnings[0] and "was damaged" in warnings[0]
    again = _answer(data, env)  # the entry was rebuilt: no warning any more
    assert (again.stdout, again.stderr) == (expected.stdout, "")


def test_a_build_does_not_reuse_a_damaged_entry(built, small_facts):
    data, env, cache = built
    expected = _answer(data, env).stdout
    [manifest] = _store_files(cache, "MANIFEST-*")
    manifest.write_bytes(manifest.read_bytes()[:100])
    rebuilt = _kg("build", "--facts", str(small_facts), "--out", str(data.parent), "--no-validate", env=env)
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = _answer(data, env)
    assert (after.stdout, after.stderr) == (expected, "")


class _Endpoint(http.server.BaseHTTPRequestHandler):
    calls: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.calls.append(self.path)
        self.send_response(500)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Endpoint)
    _Endpoint.calls = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", _Endpoint.calls
    server.shutdown()


def test_service_in_a_query_file_is_refused_unless_allowed(built, endpoint, tmp_path):
    data, env, _ = built
    url, calls = endpoint
    query = tmp_path / "remote.rq"
    query.write_text(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}\n", encoding="utf-8")
    refused = _kg("query", str(query), "--data", str(data), env=env)
    assert refused.returncode == 1 and calls == []
    assert refused.stderr.strip() == (f"Error: {query}: the query calls a remote endpoint (SERVICE); "
                                      f"run it with --allow-service to let it")
    allowed = _kg("query", str(query), "--data", str(data), "--allow-service", env=env)
    assert calls, allowed.stderr  # the user asked for it: the engine went to the endpoint
    assert allowed.returncode == 1 and len(allowed.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text, remote", [
    ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x/sparql> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?endpoint { ?s ?q ?r } } }", True),
    ('# SERVICE <http://x/> in a comment\nSELECT ?s WHERE { ?s ?p "SERVICE <http://x/>" }', False),
    ("PREFIX service: <http://example.org/>\nSELECT ?s WHERE { ?s service:p ?o }", False),
])
def test_service_is_found_where_the_engine_would_call_it(text, remote):
    assert calls_service(text) is remote


def test_the_saved_queries_call_no_remote_endpoint():
    for saved in queries.saved_queries():
        assert not calls_service(saved.text), saved.name


def test_ctrl_c_stops_a_long_query_at_once(tmp_path):
    data = tmp_path / "chain.nt"
    data.write_text(CHAIN, encoding="utf-8")
    query = tmp_path / "endless.rq"
    query.write_text(ENDLESS, encoding="utf-8")
    env = {**os.environ, "QKG_CACHE_DIR": str(tmp_path / "cache")}
    assert _kg("query", str(tmp_path / "none.rq"), "--data", str(data), env=env).returncode == 1  # fills the cache
    running = subprocess.Popen([sys.executable, "-m", "kg", "query", str(query), "--data", str(data)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(3)  # well into the query's evaluation
    assert running.poll() is None
    running.send_signal(signal.SIGINT)
    try:
        _, stderr = running.communicate(timeout=10)  # it used to go on for minutes
    except subprocess.TimeoutExpired:
        running.kill()
        pytest.fail("the query went on after Ctrl-C")
    assert running.returncode == 1 and stderr.strip() == "Aborted!"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (a device that is always full) here")
def test_a_full_standard_output_is_one_line(built):
    data, env, _ = built
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "kg", "query", "entity-sources", "-p", "name=甲市",
                                 "--data", str(data)], stdout=full, stderr=subprocess.PIPE, text=True, env=env,
                                timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: cannot write standard output: No space left on device"


def test_path_reads_past_a_damaged_cache_too(built):
    data, env, cache = built
    expected = _kg("path", "甲市", "张三", "--data", str(data), env=env)
    assert expected.returncode == 0 and expected.stderr == "", expected.stderr
    for table in _store_files(cache, "*.sst"):
        _flip_middle_byte(table)
    damaged = _kg("path", "甲市", "张三", "--data", str(data), env=env)
    assert (damaged.returncode, damaged.stdout) == (0, expected.stdout), damaged.stderr
    assert len(damaged.stderr.strip().splitlines()) == 1 and "was damaged" in damaged.stderr
