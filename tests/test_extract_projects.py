"""Construction projects as recipients: the finder (kg/extract/projects.py) and the extractor's use of it,
on short texts written for the tests (none from the source documents)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.extract.document import extract_facts
from kg.extract.mentions import Mention
from kg.extract.projects import find_projects
from kg.factfile import check_references
from kg.reader import SourceDocument
from kg.textnorm import matchable


def names(text: str, mentions=()) -> list[str]:
    return [m.name for m in find_projects(text, list(mentions))]


@pytest.mark.parametrize("text, expected", [
    ("<p>甲州市东湖隧道及配套道路改建工程荣获“中国建设工程鲁班奖”。</p>", ["甲州市东湖隧道及配套道路改建工程"]),
    ("由红星建设有限公司承建的乙江大桥二期工程获国家优质工程奖。", ["乙江大桥二期工程"]),
    ("青峰水库除险加固项目、白沙河航道整治工程入选示范项目。", ["青峰水库除险加固项目", "白沙河航道整治工程"]),
    ("2021年，苏州轨道交通5号线工程荣获詹天佑奖。", ["苏州轨道交通5号线工程"]),
    ("鲁班奖获奖工程：\n南京长江五桥项目\n", ["南京长江五桥项目"]),
])
def test_a_project_is_named_up_to_its_head_and_its_kind(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "实施城镇老旧小区改造工程，推进标准领航工程。",  # programmes named by common words, or with no head
    "荣获中国建设工程鲁班奖",  # the name goes on: an award
    "一批重点项目、民生工程、水利工程、道路工程建设加快推进",  # kinds of work, not named ones
    "公司的智能化改造项目获得资助，完成技术改造项目3个",  # works with nothing built named
    "加强工程质量管理，组建项目部",  # words that merely hold 工程 or 项目
])
def test_common_words_name_no_project(text):
    assert names(text) == []


def test_a_firm_right_before_the_name_is_the_builder_not_part_of_it():
    text = "红星建设有限公司乙江大桥二期工程获国家优质工程奖"
    firm = Mention("Enterprise", "红星建设有限公司", 0, 8)
    assert names(text, [firm]) == ["乙江大桥二期工程"]
    # an institution's name opens the project's ("某大学体育馆工程"): it stays
    school = Mention("Organization", "青峰大学", 0, 4)
    assert names("青峰大学体育馆工程获奖", [school]) == ["青峰大学体育馆工程"]


def _document(text: str) -> SourceDocument:
    return SourceDocument(path=Path("t.txt"), text=text, matchable=matchable(text), title="t", date=None,
                          publisher=None, url=None, encoding="utf-8",
                          sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def test_the_extractor_makes_the_project_an_entity_and_the_recipient():
    text = "<p>2021年，甲州市东湖隧道及配套道路改建工程荣获“中国建设工程鲁班奖”。</p>"
    facts = extract_facts(_document(text))
    check_references(facts)  # the file written reads back
    project = facts.entity_named("甲州市东湖隧道及配套道路改建工程")
    assert project is not None and project.type == "Project"
    assert [e.name for e in facts.entities if e.type == "Program"] == []  # …工程 is not read as a programme
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {
        ("甲州市东湖隧道及配套道路改建工程", "中国建设工程鲁班奖", 2021)}


def test_the_projects_of_the_source_documents_are_the_curated_ones():
    from kg.factfile import read_facts
    from kg.reader import read_document
    from kg.resources import curated_facts_dir

    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the source documents are not here ({corpus})")
    for gold in read_facts([curated_facts_dir()]):
        facts = extract_facts(read_document(corpus / gold.document.source))
        projects = lambda f: {e.name for e in f.entities if e.type == "Project"}  # noqa: E731
        assert projects(facts) == projects(gold), gold.document.source
        recipients = {(c.recipient, c.award, c.year) for c in facts.conferrals if c.recipient in projects(gold)}
        gold_recipients = {(c.recipient, c.award, c.year) for c in gold.conferrals if c.recipient in projects(gold)}
        assert recipients <= gold_recipients, gold.document.source


def _facts_of(tmp_path, text: str):
    from kg.reader import read_document
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    facts = extract_facts(read_document(path))
    return facts, {e.name for e in facts.entities if e.type == "Project"}


def test_the_items_of_a_list_its_count_calls_works_are_projects(tmp_path):
    facts, projects = _facts_of(tmp_path, "公司承建的西安甲乙学院5号教学楼、渭南丙丁生产楼和陕西戊己矿区办公基地办公楼三项工程"
                                          "先后荣获鲁班奖。\n")
    assert {"西安甲乙学院5号教学楼", "渭南丙丁生产楼", "陕西戊己矿区办公基地办公楼"} <= projects
    assert "西安甲乙学院" not in {e.name for e in facts.entities}  # named inside the project's name


def test_a_project_named_after_the_organisation_it_is_built_for(tmp_path):
    facts, projects = _facts_of(tmp_path, "兰州甲乙医院一期建设项目、西安丙丁学院5号教学楼工程和渭南戊己生产楼工程荣获国家优质工程奖。\n")
    assert {"兰州甲乙医院一期建设项目", "西安丙丁学院5号教学楼工程", "渭南戊己生产楼工程"} <= projects
    assert {c.recipient for c in facts.conferrals} == projects
