"""Government bodies by pattern and organisation names that are no names, on short texts written for the tests."""
from __future__ import annotations

import pytest

from kg.extract.document import extract_facts
from kg.extract.government import find_government_bodies
from kg.extract.organizations import find_organizations
from kg.extract.places import find_places
from tests.test_extract_units import document


def bodies(text: str) -> set[str]:
    return {m.name for m in find_government_bodies(text, find_places(text))}


def typed(text: str) -> dict[str, str]:
    facts = extract_facts(document(text))
    return {e.name: e.type for e in facts.entities if e.type in ("Enterprise", "GovernmentBody", "Organization")}


@pytest.mark.parametrize("text, expected", [
    ("经国务院同意，各地开展质量提升行动。", {"国务院"}),
    ("国务院办公厅印发了通知。", {"国务院办公厅"}),
    ("财政部、商务部联合发文。", {"财政部", "商务部"}),
    ("工业和信息化部有关司局参加。", {"工业和信息化部"}),
    ("中华人民共和国生态环境部发布公告。", {"中华人民共和国生态环境部"}),
    ("国家知识产权局公布名单。", {"国家知识产权局"}),
    ("国家标准化管理委员会批准发布。", {"国家标准化管理委员会"}),
    ("国家发展和改革委员会印发通知。", {"国家发展和改革委员会"}),
])
def test_central_bodies(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize("text", [
    "这是国家战略布局的一部分。",  # an ordinary word ending in 局
    "教育部长出席会议。",  # a role, not the body
    "创建国家级示范区管理局。",  # 国家级 is a level, not the state
    "全国人大代表参加讨论。",
    "市委书记王某出席。",  # a role of the city's government
    "项目部承建了工程。",
])
def test_words_that_are_no_central_bodies(text):
    assert bodies(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("河南省人大常委会审议通过条例。", {"河南省人民代表大会常务委员会"}),
    ("全国人大常委会开展执法检查。", {"全国人民代表大会常务委员会"}),
    ("郑州市政协组织委员视察。", {"中国人民政治协商会议郑州市委员会"}),
    ("中共河南省委召开会议。", {"中国共产党河南省委员会"}),  # by its full name, the written form an alias
    ("洛阳市委办公室印发通知。", {"洛阳市委办公室"}),
])
def test_congresses_and_party_committees_after_their_place(text, expected):
    assert bodies(text) == expected


def test_bare_level_words_stand_for_the_documents_own_division():
    text = "河南省郑州市召开大会。省人大常委会副主任、省政协副主席出席。"
    assert {"河南省人民代表大会常务委员会", "中国人民政治协商会议河南省委员会"} <= bodies(text)


def test_central_and_provincial_bodies_are_typed_as_government_bodies():
    found = typed("山东省济南市召开会议，国家标准化管理委员会、商务部、省政协和济南泉城检测技术研究院参加。")
    assert found["国家标准化管理委员会"] == "GovernmentBody"
    assert found["商务部"] == "GovernmentBody"
    assert found["中国人民政治协商会议山东省委员会"] == "GovernmentBody"
    assert found["济南泉城检测技术研究院"] == "Organization"


def test_a_listed_body_that_names_its_own_region_keeps_its_name():
    text = "中共山东省委办公厅、山东省人民政府办公厅有关同志参加。"
    names = {m.name for m in find_organizations(text, find_places(text))}
    assert names == {"中共山东省委办公厅", "山东省人民政府办公厅"}


@pytest.mark.parametrize("text", [
    "新增省级以上工程(技术)研究中心2至4家。",  # a kind of organisation, counted
    "全市共有检测中心12个。",
    "某市会展中心及配套用房工程获评优质工程。",  # a building project
    "领导高度肯定中心的工作。",  # a verb glued to the word before it
])
def test_names_of_kinds_and_projects_are_no_organisations(text):
    assert {m.name for m in find_organizations(text, find_places(text))} == set()


def test_a_centre_with_a_proper_name_is_kept():
    text = "郑州市质量检验检测中心发布报告。"
    assert "郑州市质量检验检测中心" in {m.name for m in find_organizations(text, find_places(text))}
