"""Run a per-file function over many files on all cores.

Every input file comes back exactly once, in input order, either as
``Processed`` (the function's result) or as ``Skipped`` (why it failed), so
that nothing is silently lost. Workers read their own files; the parent holds
only results, never the texts.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tqdm import tqdm

from kg.errors import OutputError
from kg.reader import UnreadableDocument

log = logging.getLogger(__name__)

MAX_CHUNK = 16


@dataclass(frozen=True)
class Processed:
    path: Path
    result: Any


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str  # one line
    lost: bool = False  # the input was read but its output could not be written (a full disk)


Outcome = Processed | Skipped


@dataclass
class Tally:
    """Counts of files processed and skipped, with the reasons, for the end-of-run summary."""

    processed: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Skipped):
            self.skipped.append(outcome)
        else:
            self.processed += 1

    def summary(self) -> str:
        total = self.processed + len(self.skipped)
        line = f"{total} files: {self.processed} read, {len(self.skipped)} skipped"
        if self.skipped:
            reasons = Counter(skip.reason for skip in self.skipped)
            line += " (" + "; ".join(f"{count} {reason}" for reason, count in reasons.most_common()) + ")"
        return line


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_many(
    paths: Iterable,
    worker: Callable[[Path], Any],
    jobs: int | None = None,
    progress: bool = True,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[Outcome]:
    """Yield one ``Processed`` or ``Skipped`` per path, in the order of ``paths``.

    ``worker`` takes a file path and returns a picklable result; it must be a
    module-level function (or a ``functools.partial`` of one) when ``jobs`` > 1.
    ``initializer(*initargs)`` runs once in each worker process (or once here
    when jobs is 1), e.g. to load a dictionary. ``jobs=None`` uses every core;
    ``jobs=1`` runs in this process. A tqdm progress bar goes to stderr when
    ``progress`` is on.
    """
    global _bar
    files = [Path(path) for path in paths]
    jobs = max(1, min(jobs or default_jobs(), len(files) or 1))
    sizes = [_size(path) for path in files]
    # the bar counts bytes, so that a long file moves it while it is read (see ``advance``)
    bar = tqdm(total=sum(sizes), unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
               disable=not progress, dynamic_ncols=True)
    try:
        if jobs == 1:
            if initializer is not None:
                initializer(*initargs)
            for path, size in zip(files, sizes):
                _bar = _BarShare(bar, size)
                outcome = _outcome(path, _run_one(worker, path))
                _bar.finish()
                _bar = None
                yield outcome
        else:
            yield from _run_pool(files, sizes, worker, jobs, bar, initializer, initargs)
    finally:
        _bar = None
        bar.close()


class _BarShare:
    """The part of the bar that one file's bytes fill: a worker in this process may advance it while it runs."""

    def __init__(self, bar, size: int):
        self.bar, self.size, self.done = bar, size, 0

    def advance(self, fraction: float) -> None:
        step = min(self.size - self.done, round(self.size * fraction))
        if step > 0:
            self.bar.update(step)
            self.done += step

    def finish(self) -> None:
        self.advance(1.0)


_bar: _BarShare | None = None  # the file being extracted in this process, when it runs here


def advance(fraction: float) -> None:
    """Move the progress bar by ``fraction`` of the current file, when it is extracted in this process
    (a long file read in chunks reports each one); in a pool's worker it does nothing."""
    if _bar is not None:
        _bar.advance(fraction)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _run_pool(files, sizes, worker, jobs, bar, initializer, initargs) -> Iterator[Outcome]:
    chunk = max(1, min(MAX_CHUNK, len(files) // (jobs * 4)))
    tasks = ((index, worker, path) for index, path in enumerate(files))
    pending: dict[int, Outcome] = {}  # finished out of order, waiting for earlier files
    next_index = 0
    # What this process loaded before the fork (dictionaries, tables) is left out of every garbage
    # collection, here and in the workers: they do not walk it, nor copy the pages it is on.
    gc.freeze()
    try:
        with multiprocessing.Pool(jobs, initializer=initializer, initargs=initargs) as pool:
            for index, path, status, payload in pool.imap_unordered(_run_indexed, tasks, chunksize=chunk):
                bar.update(sizes[index])
                if status == "ok":
                    pending[index] = Processed(path, pickle.loads(payload))
                else:
                    pending[index] = Skipped(path, payload, lost=status == "lost")
                while next_index in pending:
                    yield pending.pop(next_index)
                    next_index += 1
    finally:
        gc.unfreeze()


def _run_indexed(task) -> tuple[int, Path, str, Any]:
    index, worker, path = task
    status, payload = _run_one(worker, path)
    if status == "ok":
        try:
            # Pickled here so that an unpicklable result fails this file, not the pool.
            payload = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - any pickling failure skips the file
            status, payload = "skip", f"result cannot be pickled: {_one_line(exc)}"
    return index, path, status, payload


def _run_one(worker, path: Path) -> tuple[str, Any]:
    try:
        return "ok", worker(path)
    except UnreadableDocument as exc:
        return "skip", exc.reason
    except OutputError as exc:
        return "lost", str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        log.debug("unexpected error on %s", path, exc_info=True)
        return "skip", f"unexpected error: {type(exc).__name__}: {_one_line(exc)}"


def _outcome(path: Path, run: tuple[str, Any]) -> Outcome:
    status, payload = run
    return Processed(path, payload) if status == "ok" else Skipped(path, payload, lost=status == "lost")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
