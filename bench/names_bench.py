"""Name resolution benchmark (kg/names.py) on synthetic graphs: how long finding the entity a name
means takes, by kind of match, and `award-history` end to end with a short name (`qkg query`, a
fresh process, cached store).

It builds the synthetic graph of each size with `qkg build` (bench/synth.py writes the facts, kept
in bench/out/) into a temporary folder, then, on the cached store, the median of 7 runs of:
- an exact canonical name; an exact alias;
- a part of one name only (unique); a part of several names (ambiguous: the candidates listed);
- a name that matches nothing (the substring scan over every name, the worst case).

    python bench/names_bench.py --triples 100000 1000000
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))


def _label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


def _median_ms(function, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        try:
            function()
        except Exception:  # an ambiguous or unknown name is an answer here
            pass
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _names(store):
    """A firm's name, an alias, a part of that alias only, and a part shared by many firms."""
    from kg.names import candidates

    rows = store.query(
        "SELECT ?label ?alias WHERE { ?e a qgov:Enterprise ; rdfs:label ?label ; skos:altLabel ?alias } "
        "ORDER BY ?label LIMIT 50",
        prefixes={"qgov": "https://w3id.org/qgov/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
                  "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
    for label, alias in ((row[0].value, row[1].value) for row in rows):
        for size in range(2, len(alias)):
            for start in range(len(alias) - size + 1):
                part = alias[start:start + size]
                found = candidates(store, part)
                if len(found) == 1 and found[0].label == label and part not in (alias, label):
                    return label, alias, part
    raise SystemExit("no firm with a part of its alias that is its own")


def run_size(size: int) -> None:
    from synth import write_synthetic

    from kg.names import candidates, resolve
    from kg.store import open_store

    facts = OUT / f"synth-{_label(size)}"
    if not facts.is_dir():
        write_synthetic(facts, size)
    workdir = Path(tempfile.mkdtemp(prefix=f"qkg-names-{_label(size)}-"))
    env = {**os.environ, "QKG_CACHE_DIR": str(workdir / "cache"), "QKG_HOME": str(workdir)}
    subprocess.run([sys.executable, "-m", "kg", "build", "--facts", str(facts), "--no-validate", "--no-progress"],
                   env=env, check=True, capture_output=True)
    os.environ.update(QKG_CACHE_DIR=env["QKG_CACHE_DIR"])
    turtle = workdir / "exports" / "qgov.ttl"
    store = open_store(turtle)
    label, alias, part = _names(store)
    shared = "有限公司"
    print(f"\n{_label(size)} triples ({turtle.stat().st_size / 2**20:.0f} MB Turtle): "
          f"{len(candidates(store, shared))} names contain {shared!r}")
    for what, name in (("exact name", label), ("exact alias", alias), (f"unique part {part!r}", part),
                       (f"ambiguous part {shared!r}", shared), ("nothing matches", "不存在的名称")):
        print(f"  resolve, {what}: {_median_ms(lambda: resolve(store, name)):.1f} ms")
    for name in (alias, part):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg", "query", "award-history", "-p", f"name={name}",
                               "--format", "csv", "--data", str(turtle)], env=env, capture_output=True)
        elapsed = time.perf_counter() - started
        print(f"  qkg query award-history -p name={name}: {elapsed:.2f} s end to end, exit {done.returncode}, "
              f"{len(done.stdout.splitlines()) - 1} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000])
    for size in parser.parse_args().triples:
        run_size(size)


if __name__ == "__main__":
    main()
