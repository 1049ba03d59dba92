"""Conferral sentences of less common forms, on short texts written for the tests."""
from __future__ import annotations

from kg.extract.document import extract_facts
from tests.test_extract_units import conferrals, document


def test_a_firms_products_honoured_stand_for_the_firm():
    text = "云帆电器股份有限公司召开年会。云帆电器股份有限公司的“云帆”牌空调等2个产品荣获中国名牌产品。"
    facts = extract_facts(document(text))
    assert {(c.recipient, c.award, c.confidence) for c in facts.conferrals} == {
        ("云帆电器股份有限公司", "中国名牌产品", 0.5)}  # less sure than the firm named as the subject


def test_a_firms_partner_honoured_is_not_the_firm():
    text = "云帆电器股份有限公司召开年会。云帆电器股份有限公司的合作伙伴荣获中国名牌产品。"
    assert ("云帆电器股份有限公司", "中国名牌产品", None) not in conferrals(text)


def test_joining_the_ranks_of_an_honour_is_a_conferral_also_after_a_target_met():
    text = "长兴县召开大会。去年长兴县完成了年度减排目标任务，如今长兴已跻身国家级生态文明建设示范县行列。"
    assert conferrals(text) == {("长兴县", "国家级生态文明建设示范县", None)}


def test_a_cue_of_an_application_in_an_earlier_clause_still_blocks():
    text = "长兴县召开大会。长兴县今年申报了材料，长兴县获得国家级生态文明建设示范县。"
    assert conferrals(text) == set()


def test_a_short_quoted_term_inside_an_honours_name_belongs_to_it():
    from kg.extract.awards import find_awards
    from kg.extract.places import find_places

    text = "长兴县召开大会。长兴县的经验入选全国质量提升“一站通”服务典型案例。"
    assert "全国质量提升一站通服务典型案例" in {a.name for a in find_awards(text, find_places(text))}


def test_a_county_head_award_written_with_the_short_county_name_is_the_county_award():
    # "会宁县长质量奖" is 会宁 and 县长质量奖: the same award as 会宁县县长质量奖, conferred by the county
    from kg.extract.awards import describe_award
    from kg.extract.places import find_places
    text = "县政府决定授予甘肃祥和科技有限公司2023年度会宁县长质量奖。"
    attrs = describe_award("2023年度会宁县长质量奖", find_places(text))
    assert (attrs["name"], attrs["conferrer"], attrs["level"]) == ("会宁县县长质量奖", "会宁县", "county")
    assert attrs["aliases"] == ["会宁县长质量奖"]
    assert describe_award("常州市市长质量奖", find_places("常州市"))["name"] == "常州市市长质量奖"
    assert ("甘肃祥和科技有限公司", "会宁县县长质量奖", 2023) in conferrals(text)


def test_a_registered_name_in_a_list_keeps_its_own_region():
    text = "县政府决定授予会宁县陇原建材有限责任公司、甘肃金穗面业有限公司2023年度会宁县县长质量奖。"
    assert {r for r, _, _ in conferrals(text)} == {"会宁县陇原建材有限责任公司", "甘肃金穗面业有限公司"}


def test_a_city_name_that_jieba_reads_as_a_verb_opens_a_firm_name():
    text = "2023年河北省名牌产品：\n保定白洋淀纺织有限公司荣获2023年河北省名牌产品。"
    assert ("保定白洋淀纺织有限公司", "河北省名牌产品", 2023) in conferrals(text)
