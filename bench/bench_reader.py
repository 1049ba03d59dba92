"""Print the reader's throughput and the gazetteer's size and load time.

Usage:  python bench/bench_reader.py [FOLDER...] [--jobs N] [--repeat R]

FOLDER defaults to ../shared/corpus beside the repository. Throughput is in
MB (10^6 bytes) of input files per second: in one process (read_document on
every file, the whole set repeated R times), and through kg.batch on N
processes. Make a larger corpus with bench/make_corpus.py.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from kg.batch import Tally, default_jobs, extract_many
from kg.gazetteer import Gazetteer
from kg.reader import UnreadableDocument, find_documents, read_document
from kg.resources import data_file

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "corpus"


def text_length(path: Path) -> int:
    """The batch worker: read one document and return the length of its text."""
    return len(read_document(path).text)


def bench_gazetteer(repeat: int = 5) -> None:
    started = time.perf_counter()
    for _ in range(repeat):
        gazetteer = Gazetteer.from_tsv(data_file("divisions.tsv"))
    load = (time.perf_counter() - started) / repeat
    levels = Counter(division.level for division in gazetteer)
    print(f"gazetteer: {len(gazetteer)} divisions ({', '.join(f'{k} {v}' for k, v in levels.items())}), "
          f"{len(gazetteer.surface_forms())} surface forms, load {load * 1000:.1f} ms")


def bench_single(paths: list[Path], repeat: int) -> None:
    size = sum(path.stat().st_size for path in paths) * repeat
    read = skipped = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for path in paths:
            try:
                read_document(path)
                read += 1
            except UnreadableDocument:
                skipped += 1
    elapsed = time.perf_counter() - started
    print(f"reader, 1 process: {read + skipped} files ({skipped} skipped), {size / 1e6:.2f} MB in {elapsed:.2f} s: "
          f"{size / 1e6 / elapsed:.1f} MB/s, {(read + skipped) / elapsed:.0f} files/s")


def bench_batch(paths: list[Path], jobs: int) -> None:
    size = sum(path.stat().st_size for path in paths)
    tally = Tally()
    started = time.perf_counter()
    for outcome in extract_many(paths, text_length, jobs=jobs, progress=False):
        tally.add(outcome)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reader via kg.batch, {jobs} processes: {tally.summary()}; {size / 1e6:.2f} MB in {elapsed:.2f} s: "
          f"{size / 1e6 / elapsed:.1f} MB/s ({size / 1e6 / elapsed / jobs:.1f} MB/s per process), "
          f"parent peak RSS {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--repeat", type=int, default=20, help="passes over the files in the one-process run")
    args = parser.parse_args()
    try:
        paths = find_documents(args.folders)
    except UnreadableDocument as exc:
        sys.exit(str(exc))
    bench_gazetteer()
    bench_single(paths, args.repeat)
    bench_batch(paths, args.jobs)


if __name__ == "__main__":
    main()
