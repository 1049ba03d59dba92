"""Replace a folder of exports all at once: stage the new set beside it, then swap it in.

The new files are written into a hidden staging folder beside ``out``
(``.qkg-staging-<name>-…``). On commit, the files of ``out`` that the new set
does not replace are hard-linked into it, and one system call swaps the two
folders (Linux's ``renameat2(RENAME_EXCHANGE)``): a reader of ``out/qgov.ttl``
sees the old set or the new one, never a mix, whenever the build is killed.
The old set, now under the staging name, is then removed.

A staging folder is locked (``flock``) while its build runs. A build removes
the unlocked staging folders an earlier, killed build left beside its ``out``
(the build's forked helper, which shares the lock, dies with it: kg/sidecar.py).
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import secrets
import shutil
from pathlib import Path
from typing import Iterable

from kg.errors import OutputError, write_failure

log = logging.getLogger(__name__)

STAGING_PREFIX = ".qkg-staging-"
MARKER = ".qkg-export"
MARKER_TEXT = b"Written by qkg (qkg build, qkg analyze): each run replaces this folder's files all at once.\n"
# An export written before the marker existed: it holds one of these.
_EXPORT_NAMES = ("qgov.ttl", "analytics.ttl")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputFolderError(OutputError):
    """The output folder holds the inputs, is not a folder, or holds files qkg did not write."""


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; False where the system or file system cannot."""
    try:
        renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except OSError:  # no C library to load (not a Unix system)
        renameat2 = None
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out_folder(out: Path, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse an ``out`` that would mix the exports with other files, or that holds the inputs.

    An existing ``out`` must be an earlier export (it has the marker file or,
    from before the marker, ``qgov.ttl`` or ``analytics.ttl``) or empty;
    ``force`` accepts any other folder, whose files are kept. A folder that is,
    holds or lies inside an input is always refused, and so is a mount point.
    """
    target = Path(out).absolute().resolve()
    for source in inputs:
        source = Path(source).absolute().resolve()
        if _is_inside(target, source) or _is_inside(source, target):
            raise OutputFolderError(f"{out}: refusing to write the exports where the inputs are ({source})")
    if target.exists() and not target.is_dir():
        raise OutputFolderError(f"{out}: not a folder")
    if os.path.ismount(target):
        raise OutputFolderError(f"{out}: refusing to replace a mount point or the root folder")
    if force or not target.is_dir():
        return
    names = {entry.name for entry in os.scandir(target) if not entry.name.startswith(STAGING_PREFIX)}
    if names and MARKER not in names and not names & set(_EXPORT_NAMES):
        raise OutputFolderError(f"{out}: not empty and not an earlier qkg export; give another --out, "
                                f"or --force to write into it (its other files are kept)")


def write_file(path: Path, data: bytes) -> None:
    """Write one file whole or not at all: a temporary file beside it, renamed over it.

    A path that exists and is no regular file (a device, a pipe) is written to directly.
    """
    path = Path(path)
    try:
        if os.path.exists(path) and not path.is_file():
            path.write_bytes(data)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask's permissions
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise write_failure(exc, path) from None


def lock_folder(folder: Path) -> int:
    """Lock ``folder`` for as long as this process (or a child it forks) keeps the descriptor returned."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    return descriptor


def remove_leftovers(parent: Path, name: str) -> list[Path]:
    """Remove the staging folders for ``parent/name`` whose build is gone (their lock is free)."""
    removed = remove_stale_folders(parent, f"{STAGING_PREFIX}{name}-")
    if removed:
        log.warning("removed %d staging folder(s) that an interrupted run left beside %s", len(removed),
                    parent / name)
    return removed


def remove_stale_folders(parent: Path, prefix: str) -> list[Path]:
    """Remove the folders in ``parent`` named ``prefix…`` that nobody holds locked (``lock_folder``)."""
    removed = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            descriptor = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a live build's
        else:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
        finally:
            os.close(descriptor)
    return removed


def _carry_over(old: Path, new: Path) -> None:
    """Hard-link into ``new`` every file of ``old`` that ``new`` does not replace (copy where links fail)."""
    for folder, folders, files in os.walk(old):
        relative = Path(folder).relative_to(old)
        folders[:] = [f for f in folders if not f.startswith(STAGING_PREFIX)]
        target_folder = new / relative
        if target_folder.exists() and not target_folder.is_dir():
            folders[:] = []  # the new set has a file where the old one had a folder
            continue
        target_folder.mkdir(exist_ok=True)
        for name in files:
            target = target_folder / name
            if name == MARKER or os.path.lexists(target):
                continue
            try:
                os.link(Path(folder) / name, target, follow_symlinks=False)
            except OSError:
                shutil.copy2(Path(folder) / name, target, follow_symlinks=False)
        for name in folders:
            if os.path.islink(Path(folder) / name) and not os.path.lexists(target_folder / name):
                os.symlink(os.readlink(Path(folder) / name), target_folder / name)


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new folder with a random name, with the permissions the umask gives (mkdtemp's are owner-only)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            os.mkdir(folder, 0o777)
            return folder
        except FileExistsError:
            continue


class StagedExports:
    """A staging folder beside ``out`` that replaces ``out`` on commit.

    Used as a context manager: if anything fails before ``commit()``, the
    staging folder is removed and ``out`` is left as it was.
    """

    def __init__(self, out: Path):
        self.out = Path(out)
        # The folder itself is swapped, not a link to it: a link keeps pointing at the new set.
        self.target = Path(os.path.realpath(self.out))
        parent = self.target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(parent, self.target.name)
            self.dir = _new_folder(parent, f"{STAGING_PREFIX}{self.target.name}-")
            self._lock = lock_folder(self.dir)
        except OSError as exc:
            raise write_failure(exc, parent) from None
        self.files: list[str] = []

    def path(self, relative: str) -> Path:
        target = self.dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative not in self.files:
            self.files.append(relative)
        return target

    def write_bytes(self, relative: str, data: bytes) -> None:
        try:
            self.path(relative).write_bytes(data)
        except OSError as exc:
            raise write_failure(exc, self.out / relative) from None

    def commit(self) -> list[Path]:
        """Put the staged files in place, all at once; returns their paths in ``out``."""
        try:
            (self.dir / MARKER).write_bytes(MARKER_TEXT)
            self._swap()
        except OSError as exc:
            raise write_failure(exc, self.out) from None
        return [self.out / relative for relative in self.files]

    def _swap(self) -> None:
        if not os.path.lexists(self.target):
            try:
                os.rename(self.dir, self.target)
                return
            except OSError as exc:
                if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise
        _carry_over(self.target, self.dir)
        if not exchange(self.dir, self.target):
            # No atomic swap here (not Linux, or a file system without it): two renames, and a
            # moment in which ``out`` is missing, but never a mix of old and new files.
            aside = _new_folder(self.dir.parent, f"{STAGING_PREFIX}{self.target.name}-")
            os.rename(self.target, aside / "old")
            os.rename(self.dir, self.target)
            self.dir = aside

    def __enter__(self) -> "StagedExports":
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        os.close(self._lock)
