"""A document's id hashes its resolved path; the folder's resolution is kept, and must give what resolve() gives."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.extract.document import _resolved


@pytest.fixture
def linked(tmp_path):
    """real/a.txt, real/b.txt -> real/a.txt, link -> real."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("甲", encoding="utf-8")
    os.symlink(real / "a.txt", real / "b.txt")
    os.symlink(real, tmp_path / "link")
    return tmp_path


@pytest.mark.parametrize("where, path", [
    ("link", "a.txt"), ("link", "b.txt"), ("link", "../link/a.txt"), ("link", "missing.txt"),
    ("link", "../real/../link/b.txt"), (".", "link/a.txt"), (".", "link/b.txt"), (".", "real/a.txt"),
])
def test_relative_paths_resolve_as_resolve_does(linked, monkeypatch, where, path):
    monkeypatch.chdir(linked / where)
    assert _resolved(Path(path)) == Path(path).resolve()


def test_the_same_relative_path_from_another_folder_is_another_file(linked, monkeypatch):
    monkeypatch.chdir(linked / "link")
    first = _resolved(Path("a.txt"))
    monkeypatch.chdir(linked)
    (linked / "a.txt").write_text("乙", encoding="utf-8")
    assert _resolved(Path("a.txt")) == linked.resolve() / "a.txt" != first


def test_absolute_paths_through_links(linked):
    for name in ("a.txt", "b.txt"):
        path = linked / "link" / name
        assert _resolved(path) == path.resolve() == linked.resolve() / "real" / "a.txt"
