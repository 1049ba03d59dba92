"""`qkg extract` from the command line: facts files out, bad files reported, every input accounted for."""
from __future__ import annotations

import shutil
from pathlib import Path

from kg.cli import cli
from kg.factfile import read_facts

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
GOOD = ["decision_notice.txt", "decision_with_list.txt", "numbered_award_list.md", "company_profile.html", "traditional_news.txt",
        "gbk_bulletin.txt"]


def make_inputs(folder: Path) -> Path:
    documents = folder / "in"
    (documents / "nested").mkdir(parents=True)
    for name in GOOD[:3]:
        shutil.copy(FIXTURES / name, documents / name)
    for name in GOOD[3:]:
        shutil.copy(FIXTURES / name, documents / "nested" / name)
    (documents / "empty.txt").write_bytes(b"")
    (documents / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (documents / "broken.md").write_bytes("质量".encode("utf-8") + b"\x80\x80\xff\xfe\x81")
    (documents / "ignored.pdf").write_bytes(b"%PDF-1.4")  # not a supported suffix: reported, not read
    return documents


def test_extract_writes_one_facts_file_per_document_and_reports_bad_files(runner, tmp_path):
    documents = make_inputs(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", str(documents), "--out", str(out), "--jobs", "2", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.yaml"))) == len(GOOD)
    lines = result.stderr.strip().splitlines()
    skipped = {Path(line.split(": ")[0].removeprefix("skipped ")).name: line for line in lines if line.startswith("skipped ")}
    assert set(skipped) == {"empty.txt", "binary.txt", "broken.md", "ignored.pdf"}
    assert "empty" in skipped["empty.txt"] and "binary" in skipped["binary.txt"]
    assert "decode" in skipped["broken.md"] and "unsupported file type '.pdf'" in skipped["ignored.pdf"]
    summary = lines[-1]
    assert summary.startswith(f"{len(GOOD) + 4} files: {len(GOOD)} extracted, 4 skipped")
    assert "conferrals" in summary and "Traceback" not in result.output
    facts = read_facts([out])
    assert sorted(f.document.source for f in facts) == sorted(GOOD)


def test_every_input_is_accounted_for_with_one_job(runner, tmp_path):
    documents = make_inputs(tmp_path)
    missing = tmp_path / "no-such-folder"
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", str(documents), str(missing), "--out", str(out), "--jobs", "1",
                                 "--no-progress"])
    assert result.exit_code == 0
    assert f"skipped {missing}: no such file or folder" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"{len(GOOD) + 5} files: {len(GOOD)} extracted, 5 skipped")


def test_built_graph_from_extracted_facts(runner, tmp_path):
    out = tmp_path / "facts"
    result = runner.invoke(cli, ["extract", *(str(FIXTURES / n) for n in GOOD), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    exports = tmp_path / "exports"
    built = runner.invoke(cli, ["build", "--facts", str(out), "--out", str(exports)])
    assert built.exit_code == 0, built.output
    checked = runner.invoke(cli, ["validate", str(exports / "qgov.ttl")])
    assert checked.exit_code == 0, checked.output
    turtle = (exports / "qgov.ttl").read_text(encoding="utf-8")
    assert "佛山市市长质量奖" in turtle and "欧阳明远" in turtle


def test_keep_text_stores_the_document_text(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", str(FIXTURES / "traditional_news.txt"), "--out", str(out), "--keep-text",
                                 "--no-progress"])
    assert result.exit_code == 0
    (facts,) = read_facts([out])
    assert facts.document.text == (FIXTURES / "traditional_news.txt").read_text(encoding="utf-8")
    for conferral in facts.conferrals:
        start, end = conferral.evidence
        assert facts.document.text[start:end].startswith(conferral.quote)


def test_nothing_extracted_is_an_error(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "Error: no document could be extracted"
    assert "Traceback" not in result.output


def test_usage_errors(runner, tmp_path):
    assert runner.invoke(cli, ["extract", "--out", str(tmp_path)]).exit_code == 2  # no PATH
    assert runner.invoke(cli, ["extract", str(FIXTURES)]).exit_code == 2  # no --out
    assert runner.invoke(cli, ["extract", str(FIXTURES), "--out", str(tmp_path), "--jobs", "0"]).exit_code == 2


def test_extract_and_eval_have_help(runner):
    for command in ("extract", "eval"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output


def test_organisations_take_their_fuller_name_from_other_documents(runner, tmp_path):
    documents = tmp_path / "in"
    documents.mkdir()
    (documents / "a.txt").write_text("浙江华岳科技集团荣获2020年绍兴市市长质量奖。", encoding="utf-8")
    (documents / "b.txt").write_text("华岳集团董事长钱立新获得2021年绍兴市市长质量奖。", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", str(documents), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 files name organisations by their fuller names" in result.stderr
    facts = {f.document.source: f for f in read_facts([out])}
    firm = facts["b.txt"].entity_named("华岳集团")
    assert firm.name == "浙江华岳科技集团" and "华岳集团" in firm.aliases
    assert [(p.person, p.organization) for p in facts["b.txt"].positions] == [("钱立新", "华岳集团")]


def test_a_short_name_with_several_fuller_candidates_keeps_its_name(runner, tmp_path):
    documents = tmp_path / "in"
    documents.mkdir()
    (documents / "a.txt").write_text("浙江华岳科技集团荣获2020年绍兴市市长质量奖。", encoding="utf-8")
    (documents / "b.txt").write_text("江苏华岳科技集团荣获2020年常州市市长质量奖。", encoding="utf-8")
    (documents / "c.txt").write_text("华岳集团董事长钱立新获得2021年绍兴市市长质量奖。", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(cli, ["extract", str(documents), "--out", str(out), "--no-progress"]).exit_code == 0
    facts = {f.document.source: f for f in read_facts([out])}
    assert facts["c.txt"].entity_named("华岳集团").name == "华岳集团"
