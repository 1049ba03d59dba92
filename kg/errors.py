"""The library's errors. The CLI turns each into a one-line message."""
from __future__ import annotations


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
