"""Open a graph file as an Oxigraph store without re-parsing it for every query.

A graph file is parsed once into an on-disk Oxigraph store in the cache
folder (``$QKG_CACHE_DIR``, else the platform's cache folder), keyed by the
SHA-256 of the file's bytes: hashing 100 MB takes well under 0.1 s, while
parsing it takes many seconds. A changed file gets a new entry; the entry it
replaces is removed. ``qkg build`` fills the cache for the Turtle it writes,
so the first query after a build is as fast as the next.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg import resources
from kg.derive import derive
from kg.errors import DataNotFound

log = logging.getLogger(__name__)

CACHE_ENV = "QKG_CACHE_DIR"
DEFAULT_DATA = Path("exports") / "qgov.ttl"
# Bump when the layout of a cache entry changes, so old entries are not reused.
_CACHE_LAYOUT = "3"  # 3: with the derived graph (kg/derive.py)
_READY = "source.json"

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


class StoreError(DataNotFound):
    """A graph file cannot be read into a store."""


def cache_root() -> Path:
    """The folder that holds the cached stores."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "qkg"


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return RDF_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise StoreError(f"{path}: unknown graph file type {path.suffix or '(none)'!r} (known: {known})") from None


def content_key(data: bytes, fmt: ox.RdfFormat) -> str:
    """The cache entry's name: the file's bytes and the derivation rules (a changed rule re-derives)."""
    digest = hashlib.sha256(data)
    digest.update(resources.derivation_rules().read_bytes())
    return f"{digest.hexdigest()[:32]}-{fmt.file_extension}-v{_CACHE_LAYOUT}"


def memory_store(data: bytes, fmt: ox.RdfFormat, source: str = "<data>") -> ox.Store:
    """An in-memory store holding the graph serialised in ``data``."""
    store = ox.Store()
    _load(store, data, fmt, source)
    return store


def _load(store: ox.Store, data: bytes, fmt: ox.RdfFormat, source: str) -> None:
    """Parse ``data`` into ``store`` and materialise the derived relations beside it."""
    try:
        store.bulk_load(data, fmt)
    except SyntaxError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise StoreError(f"{source}: cannot parse the graph: {first_line}") from None
    derive(store)


def _entry_dir(key: str) -> Path:
    return cache_root() / "stores" / key


def cache_graph_bytes(data: bytes, fmt: ox.RdfFormat, source: Path) -> Path:
    """Parse ``data`` into a cached on-disk store (unless it is cached already); return the entry folder."""
    key = content_key(data, fmt)
    entry = _entry_dir(key)
    if (entry / _READY).is_file():
        return entry
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=entry.parent))
    try:
        store = ox.Store(str(staging / "store"))
        _load(store, data, fmt, str(source))
        store.optimize()  # compacts the bulk-loaded files: reads get about 1.5 times faster
        store.flush()
        del store  # closes the database before it moves
        source_path = str(Path(source).resolve())
        (staging / _READY).write_text(json.dumps({"source": source_path, "bytes": len(data)}), encoding="utf-8")
        try:
            os.replace(staging, entry)
        except OSError:
            # Another process cached the same bytes first; theirs is as good as ours.
            if not (entry / _READY).is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _forget_older_entries(source_path, keep=entry)
    log.info("cached %s as %s", source, entry)
    return entry


def _forget_older_entries(source_path: str, keep: Path) -> None:
    """Remove the cached stores of earlier versions of the same file, so the cache does not grow without end."""
    for entry in keep.parent.iterdir():
        if entry == keep or entry.name.startswith("."):
            continue
        try:
            meta = json.loads((entry / _READY).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if meta.get("source") == source_path:
            shutil.rmtree(entry, ignore_errors=True)


def open_store(data: Path | None = None) -> ox.Store:
    """A read-only store of the graph file ``data`` (default: exports/qgov.ttl), from the cache when possible."""
    path = Path(data) if data is not None else DEFAULT_DATA
    fmt = rdf_format(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        hint = " (run `qkg build` first, or pass --data FILE)" if data is None else ""
        raise StoreError(f"no graph file at {path}{hint}") from None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        entry = cache_graph_bytes(content, fmt, path)
        return ox.Store.read_only(str(entry / "store"))
    except OSError as exc:
        # An unwritable or broken cache must not stop a query: parse into memory instead.
        log.warning("cannot use the store cache (%s); reading %s into memory", exc, path)
        return memory_store(content, fmt, str(path))
