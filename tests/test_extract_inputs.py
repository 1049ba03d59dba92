"""`qkg extract` on careless and hostile input folders (issue 11): every file accounted for, nothing hangs."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import cli
from kg.extract import run as extract_run
from kg.factfile import read_facts

pytestmark = pytest.mark.faults

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
GOOD = "decision_notice.txt"


def _extract(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "extract", str(folder), "--out", str(out), "--no-progress",
                           *extra], capture_output=True, text=True, timeout=120)


def _skips(stderr: str) -> dict[str, str]:
    return {Path(line.split(": ")[0].removeprefix("skipped ")).name: line.split(": ", 1)[1]
            for line in stderr.splitlines() if line.startswith("skipped ")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_skipped_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / GOOD, folder / GOOD)
    os.mkfifo(folder / "fifo.txt")
    result = _extract(folder, tmp_path / "out", "--jobs", "2")  # it used to hang here, with its workers
    assert result.returncode == 0, result.stderr
    assert _skips(result.stderr) == {"fifo.txt": "not a regular file (a named pipe)"}
    assert result.stderr.splitlines()[-1].startswith("2 files: 1 extracted, 1 skipped")


def test_every_file_under_the_input_is_accounted_for(tmp_path):
    folder = tmp_path / "in"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    shutil.copy(FIXTURES / GOOD, folder / GOOD)
    (folder / "doc.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "README").write_text("甲市质量强市\n", encoding="utf-8")
    (folder / ".notes.txt").write_text("甲市\n", encoding="utf-8")
    os.symlink(FIXTURES, folder / "linked")
    result = _extract(folder, tmp_path / "out", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert _skips(result.stderr) == {
        "doc.pdf": "unsupported file type '.pdf'", "README": "unsupported file type 'README'",
        ".notes.txt": "a hidden file", ".git": "a hidden folder (not searched)",
        "linked": "a link to a folder (not followed)",
    }
    assert result.stderr.splitlines()[-1].startswith("6 files: 1 extracted, 5 skipped")


def test_an_undecodable_byte_is_replaced_and_reported_with_its_offset(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = (FIXTURES / GOOD).read_bytes()
    middle = text.index("。".encode("utf-8"), len(text) // 2) + len("。".encode("utf-8"))
    (folder / "damaged.txt").write_bytes(text[:middle] + b"\xff" + text[middle:])
    out = tmp_path / "out"
    result = _extract(folder, out, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert f"warning: {folder / 'damaged.txt'}: 1 undecodable byte sequence at byte offset {middle} replaced" \
        in result.stderr
    [facts] = read_facts([out])
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(FIXTURES / GOOD, clean / "damaged.txt")
    assert _extract(clean, tmp_path / "clean-out", "--jobs", "1").returncode == 0
    [expected] = read_facts([tmp_path / "clean-out"])
    assert [(c.recipient, c.award, c.year) for c in facts.conferrals] == \
        [(c.recipient, c.award, c.year) for c in expected.conferrals]


def test_facts_files_lost_to_a_full_disk_make_the_run_fail(runner, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (GOOD, "numbered_award_list.md"):
        shutil.copy(FIXTURES / name, folder / name)
    real_write = extract_run.write_facts

    def full_after_one(facts, path):
        if list(path.parent.glob("*.yaml")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(facts, path)

    monkeypatch.setattr(extract_run, "write_facts", full_after_one)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", str(folder), "--out", str(out), "--jobs", "1", "--no-progress"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1] == (
        "Error: 1 documents were read but their facts could not be written "
        f"(first: cannot write {next(p for p in _written_names(out, folder))}: No space left on device)")


def _written_names(out: Path, folder: Path):
    """The facts file the second document would have had (the one not in ``out``)."""
    from kg.reader import read_document

    present = {p.name for p in out.glob("*.yaml")}
    for path in sorted(folder.iterdir()):
        target = out / f"{read_document(path).id}.yaml"
        if target.name not in present:
            yield target


def test_a_really_full_disk_loses_no_half_files_and_fails_the_run(tmp_path, tiny_disk):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (GOOD, "numbered_award_list.md", "decision_with_list.txt", "company_profile.html"):
        shutil.copy(FIXTURES / name, folder / name)
    space = os.statvfs(tiny_disk)
    (tiny_disk / "filler").write_bytes(b"\0" * (space.f_bavail * space.f_frsize - 8192))  # two pages left
    out = tiny_disk / "out"
    result = _extract(folder, out, "--jobs", "1")
    assert result.returncode == 1, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: ") and "could not be written" in last and "No space left on device" in last
    assert "Traceback" not in result.stderr
    read_facts([out]) if list(out.glob("*.yaml")) else None  # what was written is whole
