"""Where the files that ship inside the package are.

The repository keeps them at the top level (``ontology/``, ``queries/``,
``facts/``); ``kg/`` links to them so that an installed copy carries them and
works outside the repository.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = Path(str(files("kg")))


def ontology_file() -> Path:
    return _PACKAGE / "ontology" / "qgov.ttl"


def shapes_file() -> Path:
    return _PACKAGE / "ontology" / "shapes.ttl"


def derivation_rules() -> Path:
    return _PACKAGE / "ontology" / "derived.rq"


def queries_dir() -> Path:
    return _PACKAGE / "queries"


def curated_facts_dir() -> Path:
    return _PACKAGE / "facts"


def data_file(name: str) -> Path:
    return _PACKAGE / "data" / name


def assets_dir() -> Path:
    return _PACKAGE / "assets"
