"""Query benchmark: qkg (Oxigraph store) side by side with plain rdflib, on synthetic graphs.

For each size it generates synthetic facts (bench/synth.py) unless they are
there already, then measures in this run:

- build: reading the facts files and building the graph, with the garbage collector paused as
  `qkg build` runs (bench/build_bench.py times `qkg build` itself, end to end);
- exports: Turtle (terms converted and sorted, Oxigraph's serialiser) and all four RDF exports;
  analytics (networkx);
- load: parsing the Turtle into qkg's cached on-disk store (first query after a change),
  and opening the cached store (every later query); rdflib: Graph().parse;
- each saved query's latency, warm: the median of 5 runs on an open store, wall and CPU time,
  in a fresh process (as `qkg query` runs), so that what the benchmark built does not weigh on it;
  `--rounds N` measures them N times, each in a fresh process, and prints the median and range
  (on a shared machine the figures move by more than the differences one wants to see);
- `qkg query` end to end: a new process, from start to printed answer, with the cache warm.

`--latencies-only FILE` skips the build and the rdflib side and measures, on that graph file,
each saved query warm in three columns side by side, the rounds interleaved so that the noise
of a shared machine falls on all of them alike: the embedded store (this checkout), the same
store served by Oxigraph's own server (`oxigraph serve-read-only`, the `oxigraph` package on
PyPI) over HTTP with the same query text, and, with `--baseline DIR` (an earlier checkout, e.g.
`git archive COMMIT | tar -x -C DIR`), the embedded store as that checkout ran it.

The rdflib side runs in a child process with a time limit per step, so a step
that would take hours is reported as "> LIMIT s" instead of stopping the run.

    python bench/query_bench.py --triples 10000 100000
    python bench/query_bench.py --triples 1000000 --rdflib-limit 120
    python bench/query_bench.py --triples 1000000 --no-rdflib --rounds 3
    python bench/query_bench.py --latencies-only /tmp/q1M.ttl --rounds 3 --baseline /tmp/qkg-before
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))  # run as a script: synth.py sits beside this file


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - started


def _label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


def benchmark_parameters(store) -> dict[str, dict[str, str]]:
    """Parameters for the saved queries that need them: names that the synthetic graph holds."""
    alias = next(iter(store.query(
        "SELECT ?n WHERE { ?e a qgov:Enterprise ; skos:altLabel ?n } ORDER BY ?n LIMIT 1",
        prefixes={"qgov": "https://w3id.org/qgov/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#"},
    )))[0].value
    return {"award-history": {"name": alias}, "entity-sources": {"name": alias}}


def _latency_child(turtle: str, parameters: str, runs: int) -> None:
    """Runs in a fresh process, as `qkg query` does: opens the cached store, runs each saved query
    ``runs`` times and prints the median time and the rows, as JSON."""
    from kg.queries import run_query, saved_queries
    from kg.store import open_store

    store = open_store(Path(turtle))
    values = json.loads(parameters)
    figures = {}
    for query in saved_queries():
        times, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            answer = run_query(store, query, values.get(query.name, {}))
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        figures[query.name] = [statistics.median(times), statistics.median(cpu), len(answer.rows)]
    print(json.dumps(figures))


def warm_latencies(turtle: Path, parameters: dict, runs: int = 5) -> dict[str, list]:
    """Each saved query's warm latency (median of ``runs`` on an open store) in a new process, so that
    what this benchmark built before does not weigh on the figures."""
    command = [sys.executable, __file__, "--latency-child", str(turtle), "--runs", str(runs)]
    done = subprocess.run(command, input=json.dumps(parameters), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _rdflib_child(turtle: str, queries: str, limit: int) -> None:
    """Runs in a child process: prints one JSON line per measured step."""
    import rdflib

    class OverTime(BaseException):  # not Exception: rdflib catches those and carries on
        pass

    def alarm(*_):
        raise OverTime

    signal.signal(signal.SIGALRM, alarm)

    def step(name, function):
        signal.alarm(limit)
        try:
            started = time.perf_counter()
            value = function()
            print(json.dumps({"step": name, "seconds": time.perf_counter() - started}), flush=True)
            return value
        except OverTime:
            print(json.dumps({"step": name, "over": limit}), flush=True)
            return None
        except Exception as exc:  # rdflib's engine fails on some SPARQL that Oxigraph runs
            print(json.dumps({"step": name, "error": f"{type(exc).__name__}: {str(exc)[:60]}"}), flush=True)
            return None
        finally:
            signal.alarm(0)

    graph = step("load", lambda: rdflib.Graph().parse(turtle, format="turtle"))
    if graph is None:
        return
    step("turtle", lambda: graph.serialize(format="turtle"))
    for name, text, bindings in json.loads(queries):
        init = {key: rdflib.Literal(value) for key, value in bindings.items()}
        step(f"query:{name}", lambda: len(list(graph.query(text, initBindings=init))))


def _server_child(turtle: str, parameters: str, runs: int) -> None:
    """Runs in a fresh process: serves the cached store of ``turtle`` with Oxigraph's own server
    and times each saved query over HTTP (the text the embedded store runs, prefixes declared)."""
    import httpx

    import pyoxigraph as ox

    from kg.binding import with_prefixes
    from kg.names import resolve_parameters
    from kg.queries import bound_text, saved_queries
    from kg.store import cache_graph_bytes, rdf_format

    path = Path(turtle)
    entry = cache_graph_bytes(path.read_bytes(), rdf_format(path), path)
    local = ox.Store.read_only(str(entry / "store"))  # to resolve names as qkg query does
    binary = str(Path(sys.executable).with_name("oxigraph"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "serve-read-only", "--location", str(entry / "store"),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    values = json.loads(parameters)
    figures = {}
    try:
        with httpx.Client(timeout=600) as client:
            for _ in range(300):
                try:
                    client.post(url, data={"query": "ASK {}"})
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            for query in saved_queries():
                # names resolved to entities as qkg query resolves them (kg.names), on the same store
                resolved = resolve_parameters(local, query, values.get(query.name, {}))
                text = with_prefixes(bound_text(query, resolved))
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    response = client.post(url, data={"query": text}, headers={"Accept": "application/sparql-results+json"})
                    response.raise_for_status()
                    rows = len(response.json()["results"]["bindings"])
                    times.append(time.perf_counter() - started)
                figures[query.name] = [statistics.median(times), None, rows]
    finally:
        server.terminate()
        server.wait()
    print(json.dumps(figures))


def side_by_side(turtle: Path, rounds: int, baseline: Path | None, runs: int = 5) -> None:
    """Each saved query's warm latency: embedded store, Oxigraph's server, and a baseline checkout."""
    from kg.queries import saved_queries
    from kg.store import open_store

    os.environ.setdefault("QKG_CACHE_DIR", str(Path(tempfile.mkdtemp(prefix="qkg-bench-cache-"))))
    parameters = benchmark_parameters(open_store(turtle))
    columns = {"embedded": [], "Oxigraph server": []}
    if baseline:
        columns["embedded, baseline"] = []
    for _ in range(rounds):  # interleaved: each round measures every column once
        columns["embedded"].append(warm_latencies(turtle, parameters, runs))
        command = [sys.executable, __file__, "--server-child", str(turtle), "--runs", str(runs)]
        done = subprocess.run(command, input=json.dumps(parameters), capture_output=True, text=True, check=True)
        columns["Oxigraph server"].append(json.loads(done.stdout))
        if baseline:
            command = [sys.executable, str(baseline / "bench" / "query_bench.py"), "--latency-child", str(turtle),
                       "--runs", str(runs)]
            # A cache of its own: an entry of another layout for the same file would replace ours each round.
            env = {**os.environ, "PYTHONPATH": str(baseline), "QKG_CACHE_DIR": os.environ["QKG_CACHE_DIR"] + "-baseline"}
            done = subprocess.run(command, input=json.dumps(parameters), capture_output=True, text=True, check=True, env=env)
            columns["embedded, baseline"].append(json.loads(done.stdout))
    qkg = str(Path(sys.executable).with_name("qkg"))
    end_to_end = {}
    for query in saved_queries():  # `qkg query` as a user runs it: a new process, the cache warm
        command = [qkg, "query", query.name, "--data", str(turtle), "--format", "csv"]
        for name, value in parameters.get(query.name, {}).items():
            command += ["--param", f"{name}={value}"]
        times = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - started)
        end_to_end[query.name] = sorted(times)
    names = list(columns)
    print(f"\n## saved queries on {turtle}, warm: median of {runs} runs, median over {rounds} rounds (lowest–highest);"
          " the server's CPU time is not measured\n")
    print("| query | rows | " + " | ".join(names) + " | `qkg query` end to end, median of 3 (lowest–highest) |")
    print("|---|---|" + "---|" * (len(names) + 1))
    for query in saved_queries():
        cells = []
        for name in names:
            walls = sorted(figures[query.name][0] for figures in columns[name] if query.name in figures)
            if not walls:
                cells.append("-")
                continue
            cell = f"{statistics.median(walls) * 1000:.0f} ms ({walls[0] * 1000:.0f}–{walls[-1] * 1000:.0f})"
            cpus = sorted(figures[query.name][1] for figures in columns[name] if figures[query.name][1] is not None)
            if cpus:  # the process's own CPU time: what other work on the machine moves least
                cell += f", CPU {statistics.median(cpus) * 1000:.0f} ms ({cpus[0] * 1000:.0f}–{cpus[-1] * 1000:.0f})"
            cells.append(cell)
        rows = columns["embedded"][0][query.name][2]
        runs = end_to_end[query.name]
        cells.append(f"{runs[1]:.2f} s ({runs[0]:.2f}–{runs[-1]:.2f})")
        print(f"| {query.name} | {rows} | " + " | ".join(cells) + " |", flush=True)


def rdflib_figures(turtle: Path, queries: list, limit: int) -> dict[str, str]:
    """rdflib's figures, measured in a child process; '> N s' for a step over the limit."""
    total_limit = limit * (len(queries) + 3)
    command = [sys.executable, __file__, "--rdflib-child", str(turtle), "--rdflib-limit", str(limit)]
    try:
        result = subprocess.run(command, input=json.dumps(queries), capture_output=True, text=True, timeout=total_limit)
        output = result.stdout
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
    figures = {}
    for line in output.splitlines():
        record = json.loads(line)
        if "seconds" in record:
            figures[record["step"]] = f"{record['seconds']:.2f} s"
        elif "over" in record:
            figures[record["step"]] = f"> {record['over']} s"
        else:
            figures[record["step"]] = f"fails ({record['error']})"
    return figures


def run_size(size: int, rdflib_limit: int, with_rdflib: bool, latency_rounds: int = 1) -> list[tuple[str, str, str]]:
    from synth import write_synthetic

    from kg.analytics import analyse, analytics_files
    from kg.exports import RDF_EXPORTS, RdfExport
    from kg.pipeline import paused_gc
    from kg.factfile import read_facts
    from kg.builder import build
    from kg.queries import run_query, saved_queries
    from kg.store import open_store

    facts = OUT / f"synth-{_label(size)}"
    if not facts.is_dir():
        write_synthetic(facts, size)
    rows: list[tuple[str, str, str]] = []

    with paused_gc():  # as `qkg build` runs
        documents, read_time = _timed(read_facts, [facts])
        graph, build_time = _timed(build, documents)
        export, convert_time = _timed(RdfExport, graph)
        turtle_bytes, turtle_time = _timed(export.serialize, "qgov.ttl")
        turtle_time += convert_time
        _, others_time = _timed(lambda: [export.serialize(name) for name in RDF_EXPORTS if name != "qgov.ttl"])
        triples = export.rdflib_triples
        analysis, analysis_time = _timed(analyse, triples)
        _, write_time = _timed(analytics_files, analysis)
    rows.append(("triples", f"{len(triples):,}", ""))
    rows.append(("read facts files (YAML)", f"{read_time:.2f} s", ""))
    rows.append(("build graph", f"{build_time:.2f} s", ""))
    rows.append(("Turtle export (terms converted and sorted, then written)", f"{turtle_time:.2f} s", ""))
    all_time = turtle_time + others_time
    rows.append(("all four RDF exports", f"{all_time:.2f} s", ""))
    rows.append(("analytics (networkx) + their files", f"{analysis_time:.2f} s + {write_time:.2f} s", ""))
    total = read_time + build_time + all_time + analysis_time + write_time
    rows.append(("build + exports + analytics, one after the other (bench/build_bench.py times `qkg build`)",
                 f"{total:.2f} s", ""))
    turtle_row = 3
    del export, triples

    workdir = Path(tempfile.mkdtemp(prefix=f"qkg-bench-{_label(size)}-"))
    os.environ["QKG_CACHE_DIR"] = str(workdir / "cache")
    turtle = workdir / "qgov.ttl"
    turtle.write_bytes(turtle_bytes)
    del graph, documents, analysis

    _, cold = _timed(open_store, turtle)
    store, warm = _timed(open_store, turtle)
    rows.append(("load: parse into the cached store (once per change)", f"{cold:.2f} s", ""))
    rows.append(("load: open the cached store (each query)", f"{warm * 1000:.0f} ms", ""))

    parameters = benchmark_parameters(store)
    del store
    # Each round is a fresh process; on a shared machine the rounds show how far the figures move.
    rounds = [warm_latencies(turtle, parameters) for _ in range(latency_rounds)]
    queries = saved_queries()

    rdflib = {}
    if with_rdflib:
        rdflib = rdflib_figures(turtle, [(q.name, q.text, parameters.get(q.name, {})) for q in queries], rdflib_limit)
    rows[turtle_row] = (rows[turtle_row][0], rows[turtle_row][1], f"rdflib {rdflib.get('turtle', '-')}")
    rows.append(("load (rdflib: Graph().parse)", "", rdflib.get("load", "-")))
    for query in queries:
        walls = sorted(figures[query.name][0] for figures in rounds)
        cpus = sorted(figures[query.name][1] for figures in rounds)
        count = rounds[0][query.name][2]
        figure = f"{statistics.median(walls) * 1000:.0f} ms ({statistics.median(cpus) * 1000:.0f} ms)"
        if len(rounds) > 1:
            figure += f"; {len(rounds)} rounds {walls[0] * 1000:.0f}–{walls[-1] * 1000:.0f} ms"
        rows.append((f"query {query.name} ({count} rows): warm, median of 5 (CPU)",
                     figure, rdflib.get(f"query:{query.name}", "-")))

    env = {**os.environ}
    for query in queries:
        command = ["qkg", "query", query.name, "--data", str(turtle), "--format", "csv"]
        for name, value in parameters.get(query.name, {}).items():
            command += ["--param", f"{name}={value}"]
        qkg = str(Path(sys.executable).with_name("qkg"))
        command[0] = qkg
        runs = []
        for _ in range(3):
            _, seconds = _timed(subprocess.run, command, env=env, capture_output=True, check=True)
            runs.append(seconds)
        rows.append((f"qkg query {query.name}: end to end", f"{statistics.median(runs):.2f} s", ""))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rdflib-limit", type=int, default=60, help="seconds allowed to each rdflib step")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib side")
    parser.add_argument("--rdflib-child", help=argparse.SUPPRESS)
    parser.add_argument("--latency-child", help=argparse.SUPPRESS)
    parser.add_argument("--server-child", help=argparse.SUPPRESS)
    parser.add_argument("--latencies-only", type=Path, metavar="FILE",
                        help="only the saved queries' latencies on this graph file: embedded store and Oxigraph server")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="with --latencies-only: also an earlier checkout's embedded store, side by side")
    parser.add_argument("--runs", type=int, default=5, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure the warm latencies this many times, each in a fresh process, and print their range")
    args = parser.parse_args(argv)
    if args.latency_child:
        _latency_child(args.latency_child, sys.stdin.read(), args.runs)
        return
    if args.server_child:
        _server_child(args.server_child, sys.stdin.read(), args.runs)
        return
    if args.latencies_only:
        side_by_side(args.latencies_only, args.rounds, args.baseline, args.runs)
        return
    if args.rdflib_child:
        _rdflib_child(args.rdflib_child, sys.stdin.read(), args.rdflib_limit)
        return
    for size in args.triples:
        print(f"\n## about {size:,} triples (synthetic)\n")
        print(f"| measure | qkg (Oxigraph) | plain rdflib (limit {args.rdflib_limit} s a step) |")
        print("|---|---|---|")
        for measure, ours, theirs in run_size(size, args.rdflib_limit, not args.no_rdflib, args.rounds):
            print(f"| {measure} | {ours} | {theirs} |", flush=True)


if __name__ == "__main__":
    main()
