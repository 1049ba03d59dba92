"""The extractor's parts on short texts written for the tests (none from the source documents)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.awards import describe_award
from kg.extract.document import extract_facts
from kg.extract.places import find_places
from kg.extract.resolution import abbreviates, variants
from kg.extract.segments import lines
from kg.factfile import check_references
from kg.reader import SourceDocument
from kg.textnorm import matchable


def document(text: str, name: str = "t.txt") -> SourceDocument:
    from pathlib import Path
    import hashlib

    return SourceDocument(path=Path(name), text=text, matchable=matchable(text), title="t", date=None,
                          publisher=None, url=None, encoding="utf-8",
                          sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def conferrals(text: str) -> set[tuple]:
    facts = extract_facts(document(text))
    canonical = lambda n: facts.entity_named(n).name  # noqa: E731
    return {(canonical(c.recipient), c.award, c.year) for c in facts.conferrals}


def test_lines_split_on_html_tags_and_list_markers():
    text = "<p>甲</p>\n <p>(1)乙公司 (2)丙公司</p>\n一、丁\n①戊\n- ◆己\n1.8万元"
    assert [text[s:e] for s, e in lines(text)] == ["甲", "乙公司", "丙公司", "丁", "戊", "己", "1.8万元"]


@pytest.mark.parametrize("text, expected", [
    ("创建国家级质量强县示范县", set()),  # 范县 is a county, but not here
    ("推进县城区域质量提升", set()),  # nor is 城区
    ("安徽省和县开展质量月活动", {"安徽省", "和县"}),
    ("质量大会在范县举行", {"范县"}),
])
def test_two_character_place_names_are_not_read_across_words(text, expected):
    assert {m.name for m in find_places(text).mentions} == expected


def test_award_names_spell_out_the_region_and_drop_years():
    places = find_places("绍兴市")
    assert describe_award("2022年度绍兴市市长质量奖", places)["name"] == "绍兴市市长质量奖"
    described = describe_award("第五届中国质量奖提名奖", places)
    assert described["name"] == "中国质量奖提名奖" and described["level"] == "national"
    assert described["nomination_for"] == "中国质量奖"
    assert describe_award("浙江省政府质量奖", places)["conferrer"] == "浙江省"
    assert describe_award("义乌市市长质量奖", places)["level"] == "county"


def test_short_names_of_organisations():
    assert {"宜岷酒业", "宜岷"} <= variants("四川宜岷酒业股份有限公司") | {"宜岷"}
    assert abbreviates("宜岷酒业", "四川宜岷酒业股份有限公司")
    assert abbreviates("华星集团", "华星科技集团")
    assert abbreviates("省市场监管局", "省市场监督管理局")
    assert not abbreviates("国家某某总局", "国家某某总局质量发展局")  # a parent body is not its unit
    assert not abbreviates("华星机车有限公司", "华星机车车辆研究所有限公司")  # two registered names, two firms


@pytest.mark.parametrize("text, expected", [
    ("绍兴越兴轴承有限公司荣获2019年绍兴市市长质量奖。",
     {("绍兴越兴轴承有限公司", "绍兴市市长质量奖", 2019)}),
    ("绍兴越兴轴承有限公司、浙江湖光纺织有限公司获得绍兴市市长质量奖提名奖。",
     {("绍兴越兴轴承有限公司", "绍兴市市长质量奖提名奖", None), ("浙江湖光纺织有限公司", "绍兴市市长质量奖提名奖", None)}),
    ("绍兴越兴轴承有限公司正在申报绍兴市市长质量奖。", set()),
    ("绍兴越兴轴承有限公司入围2023年绍兴市市长质量奖公示名单。", set()),
    ("全市共有12家企业获得绍兴市市长质量奖。", set()),
    ("鼓励企业争创绍兴市市长质量奖。", set()),
])
def test_news_sentences(text, expected):
    assert conferrals(text) == expected


def test_an_individual_award_goes_to_the_person_with_a_position():
    facts = extract_facts(document("2020年绍兴市市长质量奖（个人）\n浙江湖光纺织有限公司董事长司马青云\n"))
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {("司马青云", "绍兴市市长质量奖（个人）", 2020)}  # the category, an award of its own
    assert [(p.person, p.role, p.organization) for p in facts.positions] == [("司马青云", "董事长", "浙江湖光纺织有限公司")]


def test_honour_roll_with_years_in_brackets_and_a_heading_after_a_recipient():
    text = "荣誉榜\n浙江省政府质量奖\n浙江湖光纺织有限公司(2018年、2021年) 绍兴市市长质量奖\n绍兴越兴轴承有限公司(2017年)\n"
    assert conferrals(text) == {
        ("浙江湖光纺织有限公司", "浙江省政府质量奖", 2018), ("浙江湖光纺织有限公司", "浙江省政府质量奖", 2021),
        ("绍兴越兴轴承有限公司", "绍兴市市长质量奖", 2017)}


def test_timeline_years_reach_the_bullets_under_them():
    text = "绍兴市质量工作大事记\n\n2016年\n\n◆绍兴越兴轴承有限公司获浙江省政府质量奖\n\n2019年\n\n◆浙江湖光纺织有限公司获中国质量奖提名奖\n"
    assert conferrals(text) == {("绍兴越兴轴承有限公司", "浙江省政府质量奖", 2016),
                                ("浙江湖光纺织有限公司", "中国质量奖提名奖", 2019)}


def test_own_city_and_mayors_award_without_region():
    text = "绍兴市召开质量大会。2015年，我市获评全国质量强市示范城市。绍兴越兴轴承有限公司获得市长质量奖。"
    assert conferrals(text) == {("绍兴市", "全国质量强市示范城市", 2015),
                                ("绍兴越兴轴承有限公司", "绍兴市市长质量奖", None)}


def test_officials_and_their_governments():
    text = "绍兴市召开质量大会。市委书记、市质量发展委员会主任欧阳立明，副市长钱江出席。记者王小明"
    facts = extract_facts(document(text))
    positions = {(p.person, p.role, p.organization) for p in facts.positions}
    assert positions == {("欧阳立明", "市委书记", "绍兴市"), ("欧阳立明", "主任", "绍兴市质量发展委员会"),
                         ("钱江", "副市长", "绍兴市")}
    assert "王小明" not in {e.name for e in facts.entities}  # a reporter is no fact


def test_short_names_used_later_join_the_full_name():
    text = "浙江湖光纺织有限公司（以下简称“湖光纺织”）成立于1998年。湖光纺织荣获2020年绍兴市市长质量奖。"
    facts = extract_facts(document(text))
    firm = facts.entity_named("湖光纺织")
    assert firm.name == "浙江湖光纺织有限公司"
    assert conferrals(text) == {("浙江湖光纺织有限公司", "绍兴市市长质量奖", 2020)}


FRAGMENTS = ["海南", "海南省", "海南藏族自治州", "绍兴", "绍兴市", "义乌市", "义乌", "有限公司", "集团", "股份有限公司", "局", "中心",
             "委员会", "市长质量奖", "省长质量奖", "提名奖", "金奖", "荣获", "获得", "授予", "申报", "董事长", "市长", "首席质量官",
             "张", "李", "欧阳", "伟", "明", "华岳", "科技", "制度", "行动", "大会", "《", "》", "“", "”", "、", "，", "。",
             "(", ")", "2021年", "\n", "<p>", "</p>", "①", "(1)", "1.", "荣誉榜", "我市", "等2家企业", "以下简称", "原"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_any_text_gives_consistent_facts(fragments):
    text = "".join(fragments)
    facts = extract_facts(document(text or "空"))
    check_references(facts)  # what kg.factfile demands of every file
    for fact in [*facts.conferrals, *facts.positions, *facts.adoptions, *facts.locations]:
        assert 0 <= fact.evidence[0] < fact.evidence[1] <= len(text)


def test_name_then_role_in_brackets():
    text = "会上，陈思远（浙江华岳科技集团董事长）、刘婷（杭州云帆电子有限公司首席质量官）分享了经验。"
    facts = extract_facts(document(text))
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("陈思远", "董事长", "浙江华岳科技集团"), ("刘婷", "首席质量官", "杭州云帆电子有限公司")}
