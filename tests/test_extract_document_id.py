"""A document's id hashes its file name and text, not where its folder is (issue 11)."""
from __future__ import annotations

import shutil
from pathlib import Path

from kg.cli import cli
from kg.factfile import read_facts
from kg.reader import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
NAMES = ["decision_notice.txt", "numbered_award_list.md", "gbk_bulletin.txt"]


def _copy(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in NAMES:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def test_the_id_depends_on_name_and_text_only(tmp_path):
    first, second = _copy(tmp_path / "a"), _copy(tmp_path / "b" / "moved")
    for name in NAMES:
        assert read_document(first / name).id == read_document(second / name).id
    (second / "renamed.txt").write_bytes((FIXTURES / NAMES[0]).read_bytes())
    (second / "edited.txt").write_text("2021年甲市市长质量奖授予甲公司。", encoding="utf-8")
    ids = {read_document(path).id for path in [*second.iterdir(), *first.iterdir()]}
    assert len(ids) == len(NAMES) + 2


def test_extracting_a_moved_folder_again_replaces_its_facts_files(runner, tmp_path):
    out = tmp_path / "out"
    original = _copy(tmp_path / "reports")
    assert runner.invoke(cli, ["extract", str(original), "--out", str(out), "--jobs", "1", "--no-progress"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    moved = tmp_path / "archive" / "reports-2021"
    moved.parent.mkdir()
    original.rename(moved)
    result = runner.invoke(cli, ["extract", str(moved), "--out", str(out), "--jobs", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert len(read_facts([out])) == len(NAMES)  # a build counts each document once
    assert "stale" not in result.output


def test_facts_files_whose_document_is_gone_or_changed_are_reported(runner, tmp_path):
    out = tmp_path / "out"
    reports = _copy(tmp_path / "reports")
    runner.invoke(cli, ["extract", str(reports), "--out", str(out), "--jobs", "1", "--no-progress"])
    old_ids = {read_document(reports / name).id: name for name in NAMES}
    (reports / NAMES[0]).write_text("2022年甲市市长质量奖授予乙公司。", encoding="utf-8")
    (reports / NAMES[1]).unlink()
    result = runner.invoke(cli, ["extract", str(reports), "--out", str(out), "--jobs", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    stale = sorted(line for line in result.output.splitlines() if line.startswith("stale "))
    assert len(stale) == 2
    for doc_id, name in old_ids.items():
        if name in NAMES[:2]:
            assert any(f"{doc_id}.yaml" in line and name in line for line in stale), (name, stale)
    assert "2 earlier facts files in the output folder have no document in this run" in result.output
