"""The query cache's size: bounded, with the least recently used stores removed first.

Each cached store is a folder under ``<cache root>/stores`` (kg/store.py); a
folder's modification time is when a query last used it. After a new store is
added, the least recently used others are removed until the cache holds at
most ``$QKG_CACHE_MAX_MB`` megabytes (default 1024); the store just added is
kept even when it alone is larger. `qkg cache clear` removes them all.
"""
from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QkgError

log = logging.getLogger(__name__)

LIMIT_ENV = "QKG_CACHE_MAX_MB"
DEFAULT_LIMIT_MB = 1024
_MB = 1024 * 1024


class CacheLimitError(QkgError):
    """The cache's size limit is not a number of megabytes."""


@dataclass(frozen=True)
class Entry:
    path: Path
    size: int  # bytes
    used: float  # when a query last used it (seconds since the epoch)


def limit_bytes() -> int:
    configured = os.environ.get(LIMIT_ENV)
    if not configured:
        return DEFAULT_LIMIT_MB * _MB
    try:
        megabytes = float(configured)
    except ValueError:
        raise CacheLimitError(f"{LIMIT_ENV} must be a number of megabytes, not {configured[:40]!r}") from None
    if megabytes < 0:
        raise CacheLimitError(f"{LIMIT_ENV} must not be negative")
    return int(megabytes * _MB)


def _size(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass  # removed meanwhile
    return total


def entries(stores: Path) -> list[Entry]:
    """The cached stores under ``stores``, least recently used first (staging folders left out)."""
    found = []
    try:
        children = list(stores.iterdir())
    except OSError:
        return []
    for child in children:
        if child.name.startswith(".") or not child.is_dir():
            continue
        try:
            found.append(Entry(child, _size(child), child.stat().st_mtime))
        except OSError:
            continue
    return sorted(found, key=lambda e: (e.used, e.path.name))


def touch(entry: Path) -> None:
    """Note that a query uses ``entry`` now."""
    try:
        os.utime(entry)
    except OSError as exc:  # a read-only cache still answers; it only forgets the order of use
        log.debug("cannot mark %s as used: %s", entry, exc)


def evict(stores: Path, keep: Path, limit: int | None = None) -> list[Path]:
    """Remove the least recently used stores but ``keep`` until the rest fit in ``limit`` bytes."""
    limit = limit_bytes() if limit is None else limit
    present = entries(stores)
    total = sum(e.size for e in present)
    removed = []
    for entry in present:
        if total <= limit:
            break
        if entry.path == keep:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        total -= entry.size
        removed.append(entry.path)
        log.info("removed %s from the query cache (%.1f MB)", entry.path.name, entry.size / _MB)
    return removed


def clear(stores: Path) -> tuple[int, int]:
    """Remove every cached store; return how many and how many bytes."""
    present = entries(stores)
    for entry in present:
        shutil.rmtree(entry.path, ignore_errors=True)
    return len(present), sum(e.size for e in present)
