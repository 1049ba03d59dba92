"""Benchmark `qkg extract` on one long file: is time linear in size, and how fast is it?

Writes one plain UTF-8 file of each size from the synthetic corpus's plain-text documents
(bench/make_corpus.py, made first when missing), runs `qkg extract FILE --out DIR` on it in a
fresh process, and prints wall time, MB/s and peak memory per size; a size in a fresh process
each, so that memory can be compared. Goal (issue 14): 50 MB in under 60 s, time linear in size.

Usage:  python bench/long_file_bench.py [--sizes 5,25,50] [--corpus /tmp/qkg-bench-corpus] [--jobs N]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("/tmp/qkg-bench-corpus")


def plain_texts(corpus: Path) -> list[str]:
    """The texts of the synthetic corpus's documents, as qkg reads them (any encoding or style)."""
    from kg.reader import UnreadableDocument, find_documents, read_document

    if not corpus.exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), "--mb", "10", "--out", str(corpus)],
                       check=True)
    texts = []
    for path in find_documents([corpus])[:2000]:
        try:
            texts.append(read_document(path).text)
        except UnreadableDocument:
            continue
    return texts


def long_file(texts: list[str], megabytes: float, folder: Path) -> Path:
    path = folder / f"long-{megabytes:g}mb.txt"
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            for text in texts:
                data = text.strip() + "\n\n"
                handle.write(data)
                written += len(data.encode("utf-8"))
                if written >= target:
                    break
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,25,50", help="megabytes (10^6 bytes), comma-separated")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    texts = plain_texts(args.corpus)
    qkg = Path(sys.executable).parent / "qkg"
    print(f"qkg extract on one long file, {args.jobs} processes")
    print(f"{'MB':>6}{'wall s':>9}{'MB/s':>7}{'peak MB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (float(s) for s in args.sizes.split(",")):
            path = long_file(texts, size, Path(folder))
            out = Path(folder) / f"out-{size:g}"
            started = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            subprocess.run([str(qkg), "extract", str(path), "--out", str(out), "--no-progress",
                            "--jobs", str(args.jobs)], check=True, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            megabytes = path.stat().st_size / 1e6
            print(f"{megabytes:>6.1f}{wall:>9.1f}{megabytes / wall:>7.2f}{peak:>9.0f}")
            path.unlink()


if __name__ == "__main__":
    main()
