"""The real development set: its split by site, its loading, `qkg eval --devset`, and its committed files.

The texts of the real documents are not in the repository (devset/cache/ is git-ignored); these tests
use short texts written for them, and check the committed sources and annotations themselves.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.devset import COLUMNS, DevsetError, load_devset, part_of, read_sources, site_of, text_sha256
from kg.factfile import read_facts_file

DEVSET = Path(__file__).resolve().parent.parent / "devset"
DEV_URL, TEST_URL = "http://www.xuchang.gov.cn/a.html", "http://www.sina.com.cn/b.html"


def test_a_site_is_its_registrable_domain():
    assert site_of("http://www.xuzhou.gov.cn/a") == "xuzhou.gov.cn"
    assert site_of("https://m.cqrb.cn/x") == site_of("http://epaper.cqrb.cn/y") == "cqrb.cn"


def test_every_page_of_a_site_is_on_the_same_side():
    assert part_of(DEV_URL) == "dev" and part_of(TEST_URL) == "test"
    assert part_of("http://news.sina.com.cn/other") == part_of(TEST_URL)


def write_devset(root: Path, documents: dict[str, tuple[str, str, str]]) -> Path:
    """documents: id -> (url, text, annotation body after the document block)."""
    (root / "annotations").mkdir(parents=True)
    (root / "cache").mkdir()
    rows = ["\t".join(COLUMNS)]
    for doc_id, (url, text, body) in documents.items():
        sha = text_sha256(text)
        rows.append("\t".join((doc_id, url, "query", sha)))
        (root / "cache" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (root / "annotations" / f"{doc_id}.yaml").write_text(
            f"format: qkg-facts/1\ndocument:\n  id: {doc_id}\n  title: t\n  source: {doc_id}.txt\n  sha256: {sha}\n"
            + body, encoding="utf-8")
    (root / "sources.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


DECISION = "宜昌市人民政府关于表彰2022年度宜昌市市长质量奖的决定\n市政府决定授予宜昌长风机电有限公司2022年度宜昌市市长质量奖。\n"
DECISION_FACTS = """entities:
- {name: 宜昌市, type: City, level: prefecture}
- {name: 宜昌长风机电有限公司, type: Enterprise}
- {name: 宜昌市市长质量奖, type: Award, conferrer: 宜昌市}
conferrals:
- {recipient: 宜昌长风机电有限公司, award: 宜昌市市长质量奖, year: 2022}
"""


def test_eval_devset_scores_the_dev_and_the_test_part_apart(tmp_path):
    root = write_devset(tmp_path / "devset", {
        "yichang-decision": (DEV_URL, DECISION, DECISION_FACTS),
        "yichang-copy": (TEST_URL, DECISION + "\n", DECISION_FACTS.replace("year: 2022", "year: 2021")),
    })
    result = CliRunner().invoke(cli, ["eval", "--devset", str(root)])
    assert result.exit_code == 0, result.output
    dev, test = result.output.split("== test part")
    assert "== dev part: 1 documents, 1 sites" in dev
    assert [l for l in dev.splitlines() if l.startswith("conferrals")][0].split()[1:4] == ["1", "1", "1"]
    assert [l for l in test.splitlines() if l.startswith("conferrals")][0].split()[1:4] == ["1", "1", "0"]
    assert "yichang-copy" not in test  # the test part's details only with --show-test
    shown = CliRunner().invoke(cli, ["eval", "--devset", str(root), "--show-test"])
    assert "yichang-copy: 宜昌长风机电有限公司 | 宜昌市市长质量奖 | 2021" in shown.output


def test_unfinished_and_uncached_documents_are_left_out(tmp_path):
    root = write_devset(tmp_path / "devset", {"yichang-decision": (DEV_URL, DECISION, DECISION_FACTS)})
    (root / "cache" / "yichang-decision.txt").unlink()
    found = load_devset(root)
    assert (found.documents, [s.id for s in found.uncached]) == ([], ["yichang-decision"])


def test_a_malformed_sources_file_is_one_error(tmp_path):
    (tmp_path / "sources.tsv").write_text("id\turl\n", encoding="utf-8")
    with pytest.raises(DevsetError, match="header"):
        read_sources(tmp_path / "sources.tsv")
    result = CliRunner().invoke(cli, ["eval", "--devset", str(tmp_path)])
    assert result.exit_code == 1 and "header" in result.output and "Traceback" not in result.output


# -- the committed development set --------------------------------------------------------------

def test_the_committed_set_is_large_varied_and_split_by_site():
    sources = read_sources(DEVSET / "sources.tsv")
    assert len(sources) >= 120
    divisions = Counter(s.id.split("-")[0] for s in sources) - Counter({"national": 10**6, "hk": 10**6})
    assert len(+divisions) >= 28
    assert len({s.url for s in sources}) == len(sources)
    by_site = {}
    for source in sources:
        by_site.setdefault(source.site, set()).add(source.part)
    assert all(len(parts) == 1 for parts in by_site.values())
    assert sum(s.part == "test" for s in sources) >= len(sources) / 3


def test_every_committed_annotation_reads_and_names_its_source():
    sources = {s.id: s for s in read_sources(DEVSET / "sources.tsv")}
    annotations = sorted((DEVSET / "annotations").glob("*.yaml"))
    assert {p.stem for p in annotations} == set(sources)
    for path in annotations:
        facts = read_facts_file(path)  # the facts format's own checks
        assert facts.document.source == f"{path.stem}.txt"
        assert facts.document.sha256 == sources[path.stem].sha256


def test_the_annotations_hold_names_and_facts_not_the_documents_sentences():
    """The texts stay in the git-ignored cache: a title is our label, and no annotation stores text."""
    for path in sorted((DEVSET / "annotations").glob("*.yaml")):
        facts = read_facts_file(path)
        assert facts.document.title == f"devset {facts.document.id}", path.name
        assert facts.document.text is None, path.name
        assert all(fact.quote is None for fact in [*facts.conferrals, *facts.positions, *facts.adoptions,
                                                   *facts.locations]), path.name


def _tool(name):
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, DEVSET.parent / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_annotation_check_finds_people_named_only_in_bylines():
    check = _tool("devset_check")
    text = "本报讯(王五记者赵六)某市召开会议,张三主持。李四说…(责编:孙七、周八)编辑:吴九"
    assert [n for n in ("王五", "孙七", "周八", "吴九") if not check.only_in_bylines(text, n)] == []
    assert not check.only_in_bylines(text, "张三") and not check.only_in_bylines(text, "李四")
    assert not check.only_in_bylines("(王五)与王五", "王五")  # named in the text too


def test_annotation_lists_are_ordered_away_from_the_texts_order():
    order = _tool("devset_order")
    text = "授予甲乙丙丁机械制造有限公司、戊己庚辛电子科技有限公司、壬癸子丑化工材料有限公司某某奖。"
    annotation = ("entities:\n- name: 甲乙丙丁机械制造有限公司\n  type: Enterprise\n- name: 戊己庚辛电子科技有限公司\n"
                  "  type: Enterprise\n- name: 壬癸子丑化工材料有限公司\n  type: Enterprise\n")
    runs = order.text_runs(text)
    assert order.runs_across_lines(annotation, runs)  # the names in the text's order rebuild its sentence
    best = min((order.ordered(annotation, str(salt)) for salt in range(order.SALTS)),
               key=lambda candidate: len(order.runs_across_lines(candidate, runs)))
    assert order.runs_across_lines(best, runs) == []
    assert sorted(best.split("\n")) == sorted(annotation.split("\n"))  # the same lines, another order
