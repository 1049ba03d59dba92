"""`qkg build` and `qkg viz` against hostile facts, dangerous --out folders and full disks (issue 11)."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import cli
from kg.staging import MARKER, STAGING_PREFIX, lock_folder

from conftest import SMALL_FACTS

pytestmark = pytest.mark.faults

# 342 bytes that a YAML reader expanding every alias again turns into 9^9 texts.
_LOL = '"lol"'
BILLION_LAUGHS = "".join(
    f"{name}: &{name} [{','.join([f'*{previous}' if previous else _LOL] * 9)}]\n"
    for previous, name in zip([None, *"abcdefgh"], "abcdefghi"))


def _kg(*args: str, timeout: float = 120, limit_memory: bool = False, **kwargs) -> subprocess.CompletedProcess:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout,
                          preexec_fn=limited if limit_memory else None, **kwargs)


def _one_line_error(stderr: str, *fragments: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def test_nested_yaml_aliases_give_one_line_at_once(tmp_path):
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "laughs.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    assert len(BILLION_LAUGHS.encode()) == 342
    # With 2 GB of address space and a minute, the reader that expanded every alias ran out of both.
    result = _kg("build", "--facts", str(facts), "--out", str(tmp_path / "out"), timeout=60, limit_memory=True)
    assert result.returncode == 1
    _one_line_error(result.stderr, "laughs.yaml:1:", "unknown key 'a'")


def test_nested_aliases_inside_an_entity_give_one_line_at_once(tmp_path):
    facts = tmp_path / "facts"
    facts.mkdir()
    levels = "".join(f"  - name: 某{n}\n    type: Person\n    aliases: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n"
                     for n in range(1, 10))
    bomb = SMALL_FACTS.replace("    aliases: [甲]\n", "    aliases: &a0 [甲]\n", 1).replace(
        "conferrals:\n", levels + "conferrals:\n", 1)
    (facts / "doc.yaml").write_text(bomb, encoding="utf-8")
    result = _kg("build", "--facts", str(facts), "--out", str(tmp_path / "out"), timeout=60, limit_memory=True)
    assert result.returncode == 1
    _one_line_error(result.stderr, "doc.yaml:", "aliases must be a non-empty text")


@pytest.mark.parametrize("where", ["root", "facts", "inside-facts", "parent-of-facts"])
def test_out_where_the_inputs_are_is_refused(runner, small_facts, tmp_path, where):
    out = {"root": Path("/"), "facts": small_facts, "inside-facts": small_facts / "exports",
           "parent-of-facts": small_facts.parent}[where]
    before = sorted(p.name for p in small_facts.parent.rglob("*"))
    result = runner.invoke(cli, ["build", "--facts", str(small_facts), "--out", str(out), "--no-validate"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "refusing to write the exports where the inputs are" in result.output
    assert sorted(p.name for p in small_facts.parent.rglob("*")) == before


def test_a_folder_of_other_files_is_refused_unless_forced(runner, small_facts, tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "report.docx").write_bytes(b"mine")
    result = runner.invoke(cli, ["build", "--facts", str(small_facts), "--out", str(out), "--no-validate"])
    assert result.exit_code == 1
    assert "not empty and not an earlier qkg export" in result.output and "--force" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["report.docx"]
    forced = runner.invoke(cli, ["build", "--facts", str(small_facts), "--out", str(out), "--no-validate", "--force"])
    assert forced.exit_code == 0, forced.output
    assert (out / "report.docx").read_bytes() == b"mine" and (out / "qgov.ttl").is_file()
    assert (out / MARKER).is_file()  # an earlier export from now on: no --force needed
    again = runner.invoke(cli, ["build", "--facts", str(small_facts), "--out", str(out), "--no-validate"])
    assert again.exit_code == 0, again.output
    assert (out / "report.docx").read_bytes() == b"mine"


def test_staging_folders_of_killed_builds_are_removed_and_live_ones_kept(runner, small_facts, tmp_path):
    out = tmp_path / "exports"
    dead = tmp_path / f"{STAGING_PREFIX}exports-dead"
    (dead / "analytics").mkdir(parents=True)
    (dead / "qgov.ttl").write_bytes(b"half" * 1000)
    live = tmp_path / f"{STAGING_PREFIX}exports-live"
    live.mkdir()
    held = lock_folder(live)  # as a build still running holds its own
    try:
        result = runner.invoke(cli, ["build", "--facts", str(small_facts), "--out", str(out), "--no-validate"])
        assert result.exit_code == 0, result.output
        assert not dead.exists() and live.is_dir()
    finally:
        os.close(held)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(STAGING_PREFIX)) == [live.name]


def test_a_full_disk_during_build_is_one_line_and_leaves_nothing(small_facts, tiny_disk):
    out = tiny_disk / "exports"
    result = _kg("build", "--facts", str(small_facts), "--out", str(out))
    assert result.returncode == 1
    _one_line_error(result.stderr, f"cannot write {out}", "No space left on device")
    assert list(tiny_disk.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (a device that is always full) here")
def test_a_full_disk_for_the_page_is_one_line(small_facts):
    result = _kg("viz", "--facts", str(small_facts), "--out", "/dev/full")
    assert result.returncode == 1
    _one_line_error(result.stderr, "cannot write /dev/full: No space left on device")


def test_an_out_that_is_a_link_stays_a_link_and_the_folder_keeps_usual_permissions(runner, small_facts, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "exports"
    link.symlink_to(real)
    for _ in range(2):  # a new folder, then an earlier export
        result = runner.invoke(cli, ["build", "--facts", str(small_facts), "--out", str(link), "--no-validate"])
        assert result.exit_code == 0, result.output
        assert link.is_symlink() and (real / "qgov.ttl").is_file()
    umask = os.umask(0)
    os.umask(umask)
    assert real.stat().st_mode & 0o777 == 0o777 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports", "facts", "real"]
