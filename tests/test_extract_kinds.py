"""The extractor's rules for programmes, events, adoptions, locations and honours, on short texts
written for the tests (generic or invented names; none from the source documents)."""
from __future__ import annotations

from test_extract_units import document

from kg.extract.document import extract_facts
from kg.extract.events import find_events
from kg.extract.places import find_places
from kg.extract.programs import find_programs_and_events
from kg.textnorm import matchable


def facts_of(text: str):
    return extract_facts(document(text))


def entities(facts, entity_type: str) -> dict:
    return {e.name: e for e in facts.entities if e.type == entity_type}


def events(text: str) -> dict:
    """Each event's attributes, the aliases of all its mentions pooled."""
    text = matchable(text)
    found: dict = {}
    for event in find_events(text, find_places(text)):
        attrs = found.setdefault(event.name, {**event.attrs, "aliases": []})
        attrs["aliases"] = [*attrs["aliases"], *event.attrs["aliases"]]
    return found


def programs(text: str) -> set[str]:
    text = matchable(text)
    return {m.name for m in find_programs_and_events(text, find_places(text)) if m.type == "Program"}


def adoptions(text: str) -> set[tuple]:
    facts = facts_of(text)
    return {(a.adopter, a.program, a.since) for a in facts.adoptions}


def locations(text: str) -> set[tuple]:
    return {(l.entity, l.within) for l in facts_of(text).locations}


# Events

def test_an_event_keeps_its_year_and_ordinal_and_is_known_without_them():
    found = events("9月3日，2021第二届东北质量品牌论坛在沈阳举行。")
    assert set(found) == {"2021第二届东北质量品牌论坛"}
    attrs = found["2021第二届东北质量品牌论坛"]
    assert "东北质量品牌论坛" in attrs["aliases"] and attrs["place"] == "沈阳市" and attrs["date"] == "2021"


def test_a_bracketed_first_edition_leaves_the_name_and_stays_an_alias():
    found = events("成功举办2018(首届)中国茶叶质量大会。")
    assert set(found) == {"2018中国茶叶质量大会"}
    assert "2018(首届)中国茶叶质量大会" in found["2018中国茶叶质量大会"]["aliases"]


def test_events_joined_by_ji_share_the_first_ones_year_and_the_full_date_is_kept():
    found = events("2022年10月8日，2022华中质量大会暨湖南省“品牌日”活动启动仪式在长沙市开幕。")
    assert set(found) == {"2022华中质量大会", "2022湖南省品牌日活动启动仪式"}
    ceremony = found["2022湖南省品牌日活动启动仪式"]
    assert "湖南省品牌日活动启动仪式" in ceremony["aliases"]
    assert ceremony["place"] == "长沙市" and ceremony["date"] == "2022-10-08"


def test_a_quoted_part_stays_whole_in_an_event_name():
    found = events("会议设立“企业标准化良好实践与数字转型”分论坛。")
    assert set(found) == {"企业标准化良好实践与数字转型分论坛"}


def test_a_region_and_a_development_zone_open_an_event_after_an_ordinal():
    assert set(events("近日，株洲高新区首届焊接职业技能竞赛落下帷幕。")) == {"株洲高新区首届焊接职业技能竞赛"}


def test_an_event_name_starts_after_the_verb_that_holds_it():
    assert events("近日，某县召开质量工作推进会。") == {}  # nothing makes "质量工作推进会" a proper name


def test_generic_and_web_forum_names_are_no_events():
    assert events("首页 新闻 兰州论坛 活动启动仪式 联系我们") == {}


def test_one_event_named_with_and_without_its_year_is_one_event():
    found = events("2023全国计量大会在杭州召开。这是首次全国计量大会。")
    assert set(found) == {"2023全国计量大会"}
    assert "首次全国计量大会" in found["2023全国计量大会"]["aliases"]


def test_events_of_different_years_stay_apart():
    assert set(events("举办2017中国陶瓷质量大会、2019中国陶瓷质量大会。")) == {"2017中国陶瓷质量大会", "2019中国陶瓷质量大会"}


# Programmes

def test_a_quoted_core_with_more_name_and_an_ending_is_a_programme():
    assert programs("建立“2+5”质量协同工作机制，实施“品质+”行动计划。") == {"2+5质量协同工作机制", "品质+行动计划"}


def test_a_quoted_certification_name_takes_a_following_system_ending():
    assert programs("率先实施“赣鄱正品”认证制度。") == {"赣鄱正品认证制度"}
    assert programs("启动“赣鄱正品”认证试点。") == {"赣鄱正品认证"}


def test_a_quoted_campaign_name_is_a_programme_but_a_quoted_date_is_not():
    assert programs("开展“质量开放日”活动，纪念“5月20日”。") == {"质量开放日"}


def test_a_quoted_name_joined_by_de_drops_it():
    assert programs("公司搭建“人人都是检验员”的活动平台。") == {"人人都是检验员活动平台"}


def test_a_plan_in_book_title_brackets_is_a_programme():
    facts = facts_of("文件依据《西南地区综合交通网规划》编制。")
    assert "西南地区综合交通网规划" in entities(facts, "Program")
    assert not entities(facts, "Regulation")


def test_a_regulation_title_wins_over_the_award_it_names():
    facts = facts_of("市政府修订《昆明市市长质量奖管理办法》。")
    assert "昆明市市长质量奖管理办法" in entities(facts, "Regulation")


def test_counted_programmes_are_no_names():
    assert programs("某市建立三大机制，三大机制成效明显。") == set()


# Adoptions

def test_coordinated_cities_each_adopt_and_a_later_start_year_counts():
    found = adoptions("柳州市、桂林市率先推行“质量信用积分”管理制度，自2017年起覆盖全部规上企业。")
    assert found == {("柳州市", "质量信用积分管理制度", 2017), ("桂林市", "质量信用积分管理制度", 2017)}


def test_a_place_right_before_a_quoted_campaign_runs_it_and_a_date_is_no_start_year():
    found = adoptions("2021年9月1日，贵州省“质量月”活动在贵阳市启动。")
    assert ("贵州省", "质量月", None) in found


def test_a_province_programme_by_its_name_belongs_to_the_province():
    found = adoptions("为深入实施质量强省战略，现将宁波市、温州市的做法通报如下。浙江省人民政府办公厅")
    assert {(adopter, program) for adopter, program, _ in found} == {("浙江省", "质量强省战略")}


def test_the_firm_a_profile_is_about_runs_what_the_company_introduces():
    text = ("甘肃陇原机械有限公司位于兰州市。陇原机械主营农机。公司推行卓越绩效管理模式，"
            "获评兰州市市长质量奖。兰州铁马物流有限公司为其合作伙伴。")
    assert ("甘肃陇原机械有限公司", "卓越绩效管理模式", None) in adoptions(text)


# Locations

def test_a_city_is_in_its_province_even_when_the_text_does_not_name_it():
    assert ("遵义市", "贵州省") in locations("遵义市推进质量提升。")


def test_the_holder_of_a_city_award_is_in_that_city_and_not_only_in_the_province():
    found = locations("江西赣联电子有限公司荣获2022年度九江市市长质量奖。")
    assert ("江西赣联电子有限公司", "九江市") in found
    assert ("江西赣联电子有限公司", "江西省") not in found


def test_the_holder_of_a_province_award_is_not_placed_in_a_city():
    found = locations("江西赣联电子有限公司荣获江西省井冈质量奖。九江市、九江市")
    assert ("江西赣联电子有限公司", "九江市") not in found


# Awards and honours

def test_honours_named_with_their_region_are_awards():
    facts = facts_of("南宁市拥有中国驰名商标3件、省著名商标12件、广西名牌产品8个，入选国家级生态文明建设示范区。"
                     "南宁市将继续推进。")
    awards = entities(facts, "Award")
    assert {"中国驰名商标", "广西壮族自治区著名商标", "国家级生态文明建设示范区"} <= set(awards)
    assert awards["中国驰名商标"].level == "national"
    assert "省著名商标" in awards["广西壮族自治区著名商标"].aliases


def test_a_count_of_holders_is_no_honour():
    facts = facts_of("西宁市涌现出许多质量标杆。")
    assert not any("许多" in name for name in entities(facts, "Award"))
