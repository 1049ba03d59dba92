"""Benchmark `qkg extract` end to end: throughput per core, documents per second, peak memory.

Reads a synthetic corpus (bench/make_corpus.py; made first when missing),
extracts it into a temporary folder with kg.extract.run.extract_paths (read,
extract, write facts files, on all cores), and prints:

- MB/s per core: input megabytes / wall time / worker processes;
- MB per CPU-second: input megabytes / CPU time of all processes (the same
  figure, unaffected by other load on the machine);
- documents per second; peak resident memory of the parent and of a worker.

Each size runs in a fresh process, so that peak memory at 10 MB and at the
full corpus can be compared: it should stay flat as the corpus grows.

``--baseline DIR`` measures another checkout of qkg too (for example the
branch point: ``git archive main | tar -x -C DIR``), alternating with this one
in each of ``--rounds`` rounds, so that both see the same load on a shared
machine; the summary gives each one's spread (min–max over the rounds).

Usage:  python bench/extract_bench.py [--corpus /tmp/qkg-bench-corpus] [--mb 50] [--jobs N] [--sizes 10,50]
                                      [--rounds N] [--baseline DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("/tmp/qkg-bench-corpus")


def corpus_files(corpus: Path, megabytes: float) -> list[Path]:
    from kg.reader import find_documents

    chosen, total = [], 0
    for path in find_documents([corpus]):
        if total >= megabytes * 1e6:
            break
        chosen.append(path)
        total += path.stat().st_size
    return chosen


def measure(corpus: Path, megabytes: float, jobs: int) -> dict:
    """One run, in this process: extract the first ``megabytes`` of the corpus."""
    import kg
    from kg.extract.run import extract_paths

    files = corpus_files(corpus, megabytes)
    size = sum(p.stat().st_size for p in files)
    with tempfile.TemporaryDirectory(prefix="qkg-extract-bench-") as out:
        start = time.perf_counter()
        summary = extract_paths(files, Path(out), jobs=jobs, progress=False)
        wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    return {
        "files": len(files), "mb": size / 1e6, "wall": wall, "cpu": cpu, "jobs": jobs,
        "extracted": summary.extracted, "skipped": len(summary.skipped),
        "parent_peak_mb": own.ru_maxrss / 1024, "worker_peak_mb": workers.ru_maxrss / 1024,
        "code": str(Path(kg.__file__).parents[1]),
    }


def run_in_fresh_process(corpus: Path, megabytes: float, jobs: int, code: Path = REPO) -> dict:
    """One measurement in a new Python process, importing qkg from the checkout ``code``."""
    command = [sys.executable, __file__, "--corpus", str(corpus), "--jobs", str(jobs), "--one", str(megabytes)]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=code, env=environment)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if Path(result["code"]) != code:
        raise SystemExit(f"measured the qkg in {result['code']}, not the one in {code}")
    return result


def row(label: str, r: dict) -> str:
    return (f"{label:>9} {r['mb']:7.1f} {r['files']:7d} {r['wall']:8.1f} {r['mb'] / r['wall'] / r['jobs']:10.2f} "
            f"{r['mb'] / r['cpu']:9.2f} {r['files'] / r['wall']:8.1f} {r['parent_peak_mb']:10.0f} "
            f"{r['worker_peak_mb']:10.0f} {r['skipped']:8d}")


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if len(values) > 1 else f"{values[0]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=50, help="size of the corpus to make when it is missing")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--sizes", default="10,50", help="megabytes to extract, each in a fresh process")
    parser.add_argument("--rounds", type=int, default=1, help="measurements of each size (and of each checkout)")
    parser.add_argument("--baseline", type=Path, help="another checkout of qkg to measure alternately with this one")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # internal: one measurement, as JSON
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.corpus, args.one, args.jobs)))
        return
    if not args.corpus.exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), "--mb", str(args.mb),
                        "--out", str(args.corpus)], check=True)
    checkouts = {"this": REPO}
    if args.baseline:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    print(f"qkg extract on {args.corpus} with {args.jobs} worker processes")
    print(f"{'checkout':>9} {'MB':>7} {'files':>7} {'wall s':>8} {'MB/s/core':>10} {'MB/CPU-s':>9} {'docs/s':>8} "
          f"{'parent MB':>10} {'worker MB':>10} {'skipped':>8}")
    results: dict[tuple[str, float], list[dict]] = {}
    for _ in range(args.rounds):
        for size in (float(s) for s in args.sizes.split(",")):
            for label, code in checkouts.items():
                r = run_in_fresh_process(args.corpus, size, args.jobs, code)
                results.setdefault((label, size), []).append(r)
                print(row(label, r), flush=True)
    if args.rounds > 1 or args.baseline:
        print(f"\nover {args.rounds} rounds (min–max): MB/s per core, MB per CPU-second")
        for (label, size), runs in results.items():
            print(f"{label:>9} {size:7.1f} MB: {spread([r['mb'] / r['wall'] / r['jobs'] for r in runs]):>11} MB/s/core, "
                  f"{spread([r['mb'] / r['cpu'] for r in runs]):>11} MB/CPU-s")


if __name__ == "__main__":
    main()
