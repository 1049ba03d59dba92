"""Rules added for documents of further styles (firm news, annexes, county reports, national lists),
each on a short text written for the test (names invented)."""
from __future__ import annotations

from kg.extract.document import extract_facts
from tests.test_extract_units import conferrals, document


def _facts(text: str):
    return extract_facts(document(text))


def test_an_award_set_up_by_a_provincial_government_is_conferred_by_the_province():
    text = ("云帆电器有限公司荣获第三届岷峨质量奖。\n岷峨质量奖由四川省人民政府设立，每两年评选一次。"
            "另有青松机械有限公司获得岷峨质量奖提名奖。")
    facts = _facts(text)
    award = facts.entity_named("岷峨质量奖")
    assert award is not None and award.conferrer == "四川省"
    nomination = facts.entity_named("岷峨质量奖提名奖")
    assert nomination.conferrer == "四川省" and nomination.nomination_for == "岷峨质量奖"
    assert ("青松机械有限公司", "岷峨质量奖提名奖", None) in conferrals(text)


def test_a_short_name_declared_in_brackets_is_an_alias_of_the_full_name():
    text = "云帆智能装备集团有限公司（以下简称“云帆集团”）召开年会。云帆集团董事长罗一鸣出席。"
    facts = _facts(text)
    firm = facts.entity_named("云帆集团")
    assert firm.name == "云帆智能装备集团有限公司" and "云帆集团" in firm.aliases
    assert [e.name for e in facts.entities if e.type == "Enterprise"] == ["云帆智能装备集团有限公司"]
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("罗一鸣", "董事长", "云帆智能装备集团有限公司")}


def test_a_place_that_frames_an_existential_sentence_is_not_the_recipient():
    for text in ("会议召开。德阳市另有青松机械有限公司获得德阳市市长质量奖。",
                 "会议召开。长兴县今年已有青松机械有限公司获得湖州市政府质量奖。"):
        found = conferrals(text)
        assert {recipient for recipient, _, _ in found} == {"青松机械有限公司"}, text


def test_honours_listed_with_their_years_in_brackets_each_get_their_year():
    text = "会议召开。云帆电器有限公司先后获得德阳市市长质量奖（2019年）、四川省质量标杆（2021年）等荣誉。"
    assert conferrals(text) == {("云帆电器有限公司", "德阳市市长质量奖", 2019),
                                ("云帆电器有限公司", "四川省质量标杆", 2021)}


def test_a_quoted_title_after_a_year_is_conferred_in_that_year():
    text = "云帆电器有限公司召开年会。公司质量部部长何一静被评为2022年度“巴蜀工匠”。"
    facts = _facts(text)
    assert {(c.recipient, c.year) for c in facts.conferrals} == {("何一静", 2022)}
    assert facts.entity_named(facts.conferrals[0].award).name.endswith("工匠")


def test_a_region_short_name_spelled_out_in_an_award_keeps_the_written_form_as_alias():
    from kg.extract.awards import describe_award
    from kg.extract.places import find_places

    described = describe_award("四川工匠", find_places("四川"))
    assert described["name"] == "四川省工匠" and "四川工匠" in described["aliases"]


def test_a_department_or_trade_before_a_role_belongs_to_the_role():
    text = ("会议召开。青松纺织有限公司质量部经理钱一梅、东海船舶有限公司焊接高级技师孙一波作交流发言。\n"
            "云帆电器有限公司召开年会，公司质量部部长何一静出席。")
    roles = {(p.person, p.role, p.organization) for p in _facts(text).positions}
    assert {("钱一梅", "质量部经理", "青松纺织有限公司"), ("孙一波", "焊接高级技师", "东海船舶有限公司"),
            ("何一静", "质量部部长", "云帆电器有限公司")} <= roles


def test_a_bodys_usual_short_name_ending_is_spelled_out_and_kept_as_alias():
    text = "长兴县召开会议。县市场监管局局长吴一良主持。长兴县市场监管局将开展培训。"
    facts = _facts(text)
    body = facts.entity_named("县市场监管局")
    assert body.name == "长兴县市场监督管理局" and body.type == "GovernmentBody"
    assert {"县市场监管局", "长兴县市场监管局"} <= set(body.aliases)
    assert ("吴一良", "局长", "长兴县市场监督管理局") in {(p.person, p.role, p.organization)
                                                      for p in facts.positions}


ANNEX = """某市人民政府关于公布2023年度某市政府质量奖获奖名单的通知

附件：2023年度佛山市政府质量奖获奖名单

一、佛山市政府质量奖（组织，2家，排名不分先后）
云帆电器有限公司
佛山市禅城区青松陶瓷有限公司

二、佛山市政府质量奖（个人，1名）
陈一华　云帆电器有限公司总工程师
黄一萍　佛山市人民医院质量管理办公室主任

佛山市人民政府
2024年1月10日
"""


def test_annex_sections_with_notes_in_brackets_and_people_listed_with_their_work():
    facts = _facts(ANNEX)
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {
        ("云帆电器有限公司", "佛山市政府质量奖", 2023), ("佛山市禅城区青松陶瓷有限公司", "佛山市政府质量奖", 2023),
        # not the signing government; the people's section "X奖（个人，2名）" names their award of its own
        ("陈一华", "佛山市政府质量奖（个人）", 2023), ("黄一萍", "佛山市政府质量奖（个人）", 2023)}
    positions = {(p.person, p.role, p.organization) for p in facts.positions}
    assert {("陈一华", "总工程师", "云帆电器有限公司"),
            ("黄一萍", "质量管理办公室主任", "佛山市人民医院")} <= positions
    assert facts.entity_named("佛山市人民医院").type == "Organization"  # its office is part of it, no entity
    assert facts.entity_named("佛山市人民医院质量管理办公室") is None


def test_a_firm_named_after_its_city_and_district_is_in_the_district_and_the_city_in_its_province():
    locations = {(l.entity, l.within) for l in _facts(ANNEX).locations}
    assert ("佛山市禅城区青松陶瓷有限公司", "禅城区") in locations
    assert ("佛山市", "广东省") in locations  # named only inside other names


def test_markdown_tables_under_an_awards_heading_with_a_place_column():
    text = ("# 某省人民政府关于第二届福建省政府质量奖获奖名单的公告\n\n"
            "省政府决定授予下列2家组织第二届福建省政府质量奖。\n\n"
            "## 福建省政府质量奖获奖组织\n\n| 序号 | 组织名称 | 所在地 |\n|---|---|---|\n"
            "| 1 | 青松光电科技有限公司 | 厦门市 |\n| 2 | 云帆鞋业集团有限公司 | 泉州市 |\n")
    facts = _facts(text)
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {
        ("青松光电科技有限公司", "福建省政府质量奖", None), ("云帆鞋业集团有限公司", "福建省政府质量奖", None)}
    locations = {(l.entity, l.within) for l in facts.locations}
    assert {("青松光电科技有限公司", "厦门市"), ("云帆鞋业集团有限公司", "泉州市")} <= locations


NATIONAL = ("第五届中国质量奖评选结果揭晓\n第五届中国质量奖颁奖大会在北京举行。\n"
            "获得第五届中国质量奖的组织包括（按行业排序）：\n青松机床集团有限公司（江苏）\n云帆家电股份有限公司（广东）\n"
            "获得第五届中国质量奖的个人为：北方精工研究院首席专家赵一群、东海造船有限公司焊接高级技师孙一波。\n"
            "获得提名奖的组织中，恒信电子股份有限公司、蓝天环境科技有限公司等企业来自长三角。\n")


def test_a_list_introduced_by_the_award_its_members_won_and_its_tier_named_alone():
    assert conferrals(NATIONAL) == {
        ("青松机床集团有限公司", "中国质量奖", None), ("云帆家电股份有限公司", "中国质量奖", None),
        ("赵一群", "中国质量奖", None), ("孙一波", "中国质量奖", None),
        ("恒信电子股份有限公司", "中国质量奖提名奖", None), ("蓝天环境科技有限公司", "中国质量奖提名奖", None)}


def test_an_employer_of_common_words_before_a_role_and_a_name_and_places_in_brackets():
    facts = _facts(NATIONAL)
    assert ("赵一群", "首席专家", "北方精工研究院") in {(p.person, p.role, p.organization) for p in facts.positions}
    locations = {(l.entity, l.within) for l in facts.locations}
    assert {("青松机床集团有限公司", "江苏省"), ("云帆家电股份有限公司", "广东省")} <= locations
