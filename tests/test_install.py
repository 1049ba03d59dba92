"""`pip install .` (not editable) ships every package and data file the commands need.

The tests run on an editable install, which finds everything in the source tree;
a wheel holds only what pyproject.toml lists. This builds the wheel and looks inside.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO


def _clean_copy(target: Path) -> Path:
    """The tracked files only, symlinks kept: a build/ folder left in the checkout would fill the gaps."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True)
    if listed.returncode != 0 or not listed.stdout:
        pytest.skip("not a git checkout")
    for name in listed.stdout.split("\0"):
        source = REPO / name
        if not name or not (source.is_file() or source.is_symlink()):
            continue
        copy = target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), copy)
        else:
            shutil.copy2(source, copy)
    return target


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    source = _clean_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = out.glob("qkg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_package_of_the_source_tree(wheel_files):
    packages = sorted(str(init.relative_to(REPO)) for init in (REPO / "kg").rglob("__init__.py")
                      if "__pycache__" not in init.parts)
    assert len(packages) >= 4  # kg, kg.extract, kg.analytics, kg.viz
    assert [p for p in packages if p not in wheel_files] == []
    modules = [str(m.relative_to(REPO)) for m in (REPO / "kg").rglob("*.py") if "__pycache__" not in m.parts]
    assert [m for m in modules if m not in wheel_files] == []


def test_the_wheel_holds_the_data_the_commands_read(wheel_files):
    for folder, pattern in (("ontology", "*.ttl"), ("ontology", "*.rq"), ("queries", "*.rq"), ("facts", "*.yaml"),
                            ("data", "*"), ("assets", "*")):
        expected = sorted(f"kg/{folder}/{p.name}" for p in (REPO / "kg" / folder).glob(pattern) if p.is_file())
        assert expected, folder
        assert [name for name in expected if name not in wheel_files] == [], folder
