"""Run some steps of a build in a forked process beside it, to use a second core.

`qkg build` has work that only reads the built graph: checking the shapes,
laying out and writing the page. Those run in a child process forked once the
graph is built (so it shares the graph's memory instead of pickling it) while
the parent writes the RDF exports and the analytics. Results and exceptions
come back through a pipe, step by step and in order.

Where ``fork`` is not available (Windows) or not safe (macOS), the steps run
in the calling process when their results are asked for: the same results,
one core.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from typing import Any, Callable

from kg.errors import QkgError

log = logging.getLogger(__name__)

Step = tuple[str, Callable[[], Any]]


def fork_available() -> bool:
    """True where a forked child can run the steps (Linux and the other Unix systems but macOS)."""
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


class SidecarError(QkgError):
    """A step failed in the child with an exception that cannot be sent back as it is."""


def _sendable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a SidecarError that carries its one-line description."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # any exception type may refuse to be pickled
        return SidecarError(f"{type(exc).__name__}: {exc}")


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Be killed when the parent dies, even by SIGKILL (Linux; elsewhere nothing).

    A child left running after its build was killed would go on writing into
    the build's staging folder, and hold that folder's lock (kg/staging.py).
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def _serve(connection, steps: list[Step], parent: int) -> None:
    """The child: run each step, send back (name, ok, value); stop at the first failure."""
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above
        return
    for name, step in steps:
        try:
            message = (name, True, step())
        except BaseException as exc:  # everything goes back to the parent, which decides
            log.debug("step %s failed in the sidecar:\n%s", name, traceback.format_exc())
            message = (name, False, _sendable(exc))
        try:
            connection.send(message)
        except Exception as exc:  # an unpicklable result
            connection.send((name, False, SidecarError(f"step {name}: cannot send its result: {exc}")))
            message = (name, False, None)
        if not message[1]:
            break
    connection.close()


class Sidecar:
    """Steps run in order in a forked child (or lazily, inline); ``result(name)`` waits for one.

    Use as a context manager: leaving it stops the child, whether or not every
    result was read, so a failed build does not leave a process behind.
    """

    def __init__(self, steps: list[Step], *, fork: bool | None = None):
        self._steps = list(steps)
        self._results: dict[str, tuple[bool, Any]] = {}
        self._process = None
        self._connection = None
        if self._steps and (fork_available() if fork is None else fork):
            context = multiprocessing.get_context("fork")
            parent_end, child_end = context.Pipe(duplex=False)
            self._process = context.Process(target=_serve, args=(child_end, self._steps, os.getpid()), daemon=True)
            self._process.start()
            child_end.close()
            self._connection = parent_end

    @property
    def forked(self) -> bool:
        return self._process is not None

    def result(self, name: str) -> Any:
        """The value step ``name`` returned; raises what it raised."""
        if name not in dict(self._steps):
            raise KeyError(name)
        while name not in self._results:
            self._next()
        ok, value = self._results[name]
        if not ok:
            raise value
        return value

    def _next(self) -> None:
        pending = [name for name, _ in self._steps if name not in self._results]
        if self._connection is None:
            name = pending[0]
            step = dict(self._steps)[name]
            try:
                self._results[name] = (True, step())
            except QkgError as exc:
                self._results[name] = (False, exc)
            return
        try:
            name, ok, value = self._connection.recv()
        except EOFError:
            # The child ended without answering: it died (killed, out of memory) or an earlier step failed.
            self._process.join(timeout=5)  # the pipe can close before the exit code is known
            code = self._process.exitcode
            failed = next((n for n, (ok, _) in self._results.items() if not ok), None)
            reason = f"after step {failed} failed" if failed else f"(exit code {code})"
            self._results[pending[0]] = (False, SidecarError(f"the build's side process ended {reason}"))
            return
        self._results[name] = (ok, value)

    def close(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._connection.close()
            self._process = None

    def __enter__(self) -> "Sidecar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
