"""The library's errors. The CLI turns each into a one-line message."""
from __future__ import annotations

import re


class QkgError(Exception):
    """Base class of every error a user can cause."""


class FactsError(QkgError):
    """A facts file is missing, malformed or inconsistent."""

    def __init__(self, message: str, path=None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(where + message)


class GraphInvalid(QkgError):
    """A graph violates the SHACL shapes."""

    def __init__(self, violations):
        self.violations = list(violations)
        super().__init__(f"the graph violates the shapes ({len(self.violations)} violations)")


class DataNotFound(QkgError):
    """A graph file to read does not exist or cannot be parsed."""


class OutputError(QkgError):
    """A file cannot be written: the disk is full, the place is read-only, or it is not a folder qkg may replace."""


def write_failure(exc: OSError, what=None) -> OutputError:
    """``exc`` as a one-line OutputError naming the file (``what`` when the error names none) and the cause."""
    where = exc.filename if exc.filename is not None else what
    # Oxigraph's messages end in Rust's "(os error 28)": the words before it say it already.
    cause = re.sub(r"\s*\(os error \d+\)$", "", exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
    return OutputError(f"cannot write {where}: {cause}" if where is not None else f"cannot write: {cause}")
