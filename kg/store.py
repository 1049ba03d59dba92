"""Open a graph file as an Oxigraph store without re-parsing it for every query.

A graph file is parsed once into an on-disk Oxigraph store in the cache
folder (``$QKG_CACHE_DIR``, else the platform's cache folder), keyed by the
SHA-256 of the file's bytes: hashing 100 MB takes well under 0.1 s, while
parsing it takes many seconds. A changed file gets a new entry; the entry it
replaces is removed. ``qkg build`` fills the cache for the Turtle it writes,
so the first query after a build is as fast as the next.

An entry records the size of each of its store's files. An entry whose files
changed size (a truncated file), that the engine cannot open, or that it
finds damaged while answering (RocksDB checks every block it reads) is
discarded with a one-line warning and parsed again from the graph file.
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

from kg import cache
from kg import resources
from kg.derive import derive
from kg.errors import DataNotFound
from kg.staging import lock_folder, remove_stale_folders

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


class DamagedStore(StoreError):
    """A cached store that the engine found damaged while reading it."""


# How RocksDB begins the messages of a damaged or unreadable database.
_DAMAGE_MARKERS = ("Corruption:", "IO error:")
# Files of a store that the engine rewrites whenever it opens one (logs and the lock).
_VOLATILE = ("LOG", "LOCK")


def is_damage(exc: BaseException) -> bool:
    """Does the engine's error say that the store's files are damaged?"""
    return any(marker in str(exc) for marker in _DAMAGE_MARKERS)


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
        problem = _entry_problem(entry)
        if problem is None:
            return entry
        discard(entry, source, problem)
    entry.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_folders(entry.parent, ".")  # staging folders of killed runs
    staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=entry.parent))
    lock = lock_folder(staging)
    try:
        store = ox.Store(str(staging / "store"))
        _load(store, data, fmt, str(source))
        store.optimize()  # compacts the bulk-loaded files: reads get about 1.5 times faster
        store.flush()
        del store  # closes the database before it moves
        source_path = str(Path(source).resolve())
        record = {"source": source_path, "bytes": len(data), "files": _store_files(staging / "store")}
        (staging / _READY).write_text(json.dumps(record), encoding="utf-8")
        try:
            os.replace(staging, entry)
        except OSError:
            # Another process cached the same bytes first; theirs is as good as ours.
            if not (entry / _READY).is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)
    _forget_older_entries(source_path, keep=entry)
    cache.evict(entry.parent, keep=entry)  # the cache stays within its size limit
    log.info("cached %s as %s", source, entry)
    return entry


def _store_files(store: Path) -> dict[str, int]:
    """The size of each file of a store but the ones the engine rewrites on opening it."""
    return {entry.name: entry.stat().st_size for entry in os.scandir(store)
            if entry.is_file() and not entry.name.startswith(_VOLATILE)}


def _entry_problem(entry: Path) -> str | None:
    """What is wrong with a cache entry's files, or None."""
    try:
        recorded = json.loads((entry / _READY).read_text(encoding="utf-8")).get("files")
        found = _store_files(entry / "store")
    except (OSError, ValueError, AttributeError) as exc:
        return f"cannot read it: {exc}"
    if not isinstance(recorded, dict):
        return "it records no file sizes"
    for name, size in recorded.items():
        if found.get(name) != size:
            return f"its file {name} is {'missing' if name not in found else 'of another size'}"
    return None


def discard(entry: Path, source, problem: str) -> None:
    """Remove a damaged cache entry, saying so in one line."""
    log.warning("the cached store of %s was damaged (%s); reading the graph file again",
                source, problem.splitlines()[0] if problem else "unknown")
    shutil.rmtree(entry, ignore_errors=True)


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
    entry = _entry_dir(content_key(content, fmt))
    for attempt in (1, 2):
        try:
            cache_graph_bytes(content, fmt, path)
            cache.touch(entry)  # most recently used: the last to be evicted
            return ox.Store.read_only(str(entry / "store"))
        except (OSError, RuntimeError) as exc:  # RuntimeError: the engine's word for a store it cannot open
            if attempt == 1 and (isinstance(exc, RuntimeError) or is_damage(exc)):
                discard(entry, path, str(exc))
                continue
            # An unwritable or broken cache must not stop a query: parse into memory instead.
            log.warning("cannot use the store cache (%s); reading %s into memory", str(exc).splitlines()[0], path)
            break
    return memory_store(content, fmt, str(path))


def discard_cached(data: Path | None = None) -> None:
    """Remove the cache entry of the graph file ``data`` (after the engine found it damaged)."""
    path = Path(data) if data is not None else DEFAULT_DATA
    try:
        entry = _entry_dir(content_key(path.read_bytes(), rdf_format(path)))
    except OSError:
        return
    discard(entry, path, "the engine found a damaged block while answering")


def with_store(data: Path | None, use):
    """``use(store)`` on the store of the graph file ``data``; when the engine finds the cached store
    damaged on the way, the entry is discarded and parsed again, and ``use`` runs once more."""
    try:
        return use(open_store(data))
    except DamagedStore:
        discard_cached(data)
        return use(open_store(data))
