"""Organisations the suffix rule alone misses: newspapers, schools and hospitals named without a place,
the party's Central Committee, and bodies named after 的 (short invented texts)."""
from __future__ import annotations

import pytest

from kg.extract.organizations import find_organizations
from kg.extract.places import find_places
from kg.textnorm import matchable


def organizations(text: str) -> dict[str, str]:
    text = matchable(text)
    return {m.name: m.type for m in find_organizations(text, find_places(text))}


@pytest.mark.parametrize("text, expected", [
    ("据楚天都市报报道，会议召开。", "楚天都市报"),
    ("荆楚晚报记者采访了他。", "荆楚晚报"),
    ("《中国市场监管报》刊发文章。", "中国市场监管报"),
    ("被《现代邮政》报通报批评。", "现代邮政报"),
    ("文章来源：荆门日报", "荆门日报"),
])
def test_newspapers(text, expected):
    assert organizations(text) == {expected: "Organization"}


@pytest.mark.parametrize("text", ["上报年报，发布通报和简报，申报材料。", "本报记者 李四", "据报道，工作报告提出",
                                  "返回荆门日报"])
def test_words_ending_in_bao_are_no_newspapers_and_a_verb_is_cut(text):
    assert set(organizations(text)) <= {"荆门日报"}


@pytest.mark.parametrize("text, expected", [
    ("培训由华中科技大学承办。", "华中科技大学"),
    ("长江职业技术学院的教师参加。", "长江职业技术学院"),
    ("同济医院派出专家。", "同济医院"),
])
def test_schools_and_hospitals_named_without_a_place(text, expected):
    assert organizations(text) == {expected: "Organization"}


def test_generic_schools_and_hospitals_are_no_names():
    assert organizations("他考上大学，去了人民医院和一所中学。") == {}


def test_the_central_committee_under_its_short_names_is_one_government_body():
    assert organizations("以习近平同志为核心的党中央高度重视。") == {"中共中央": "GovernmentBody"}
    assert organizations("中共中央、国务院印发纲要。") == {"中共中央": "GovernmentBody", "国务院": "GovernmentBody"}


def test_a_body_after_de_is_the_own_citys_or_a_department_of_the_body_before():
    found = organizations("襄阳市召开会议。襄阳市成立以书记、市长为“双主任”的质量发展委员会，建立机制。")
    assert found == {"襄阳市质量发展委员会": "GovernmentBody"}
    assert organizations("国家市场监督管理总局的质量发展局负责。") == {
        "国家市场监督管理总局": "GovernmentBody", "国家市场监督管理总局质量发展局": "GovernmentBody"}


def test_an_organisation_founded_is_named_by_common_words_but_a_firms_committee_is_not():
    assert organizations("全省率先成立智能装备产业链标准联盟。") == {"智能装备产业链标准联盟": "Organization"}
    assert organizations("公司设立质量管理委员会。") == {}


@pytest.mark.parametrize("text", ["各设区市市场监督管理局：", "各市、州市场监督管理局：", "于10月10日前报送省局质量发展处。"])
def test_bodies_named_by_a_level_word_are_no_names(text):
    assert organizations(text) == {}


def test_a_level_word_after_a_role_still_opens_the_own_citys_body():
    found = organizations("襄阳市召开会议。市委书记、市质量发展委员会主任出席。")
    assert "襄阳市质量发展委员会" in found


def test_a_school_starts_after_the_verbs_before_it():
    assert organizations("省局决定委托华中科技大学举办培训班。") == {"华中科技大学": "Organization"}


@pytest.mark.parametrize("text", ["各市(地)市场监督管理局:\n请抓好落实。", "期满后省局将组织评估验收。"])
def test_bodies_named_by_a_level_word_with_its_alternatives_or_after_a_time_word_are_no_names(text):
    assert find_organizations(matchable(text), find_places(matchable(text))) == []
