"""Rules for a firm's honours page, a district's award and a bureau's review of its year (short invented texts)."""
from __future__ import annotations

from kg.extract import extract_facts
from kg.reader import read_document


def _facts(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_facts(read_document(path))


HONOURS_PAGE = """<html><head><meta charset="utf-8"><title>荣誉 - 湖滨精密阀门有限公司</title></head>
<body><header>湖滨精密阀门有限公司</header><main><h1>关于我们</h1>
<p>本公司成立于2005年，坐落于昆明市官渡区。公司总经理马文涛主持质量工作。</p>
<ul><li>2015年　荣获昆明市市长质量奖</li><li>2018年　获评云南省质量标杆企业</li>
<li>2020年　入选国家级专精特新“小巨人”企业</li></ul></main></body></html>
"""


def test_a_page_named_only_in_its_title_is_about_that_firm(tmp_path):
    facts = _facts(tmp_path, "page.html", HONOURS_PAGE)
    firm = facts.entity_named("湖滨精密阀门有限公司")
    assert firm is not None and firm.type == "Enterprise"
    assert "本公司" not in firm.aliases
    assert ("马文涛", "总经理", "湖滨精密阀门有限公司") in {(p.person, p.role, p.organization) for p in facts.positions}


def test_timeline_lines_give_the_firm_each_award_with_its_year(tmp_path):
    facts = _facts(tmp_path, "page.html", HONOURS_PAGE)
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {
        ("湖滨精密阀门有限公司", "昆明市市长质量奖", 2015),
        ("湖滨精密阀门有限公司", "云南省质量标杆企业", 2018)}


def test_a_timeline_year_without_the_firm_named_anywhere_gives_nothing(tmp_path):
    facts = _facts(tmp_path, "page.txt", "发展历程\n\n2015年　荣获昆明市市长质量奖\n")
    assert facts.conferrals == []


def test_an_honour_ending_in_two_overlapping_endings_is_one_name(tmp_path):
    facts = _facts(tmp_path, "news.txt", "新闻\n\n2018年，昆明滇池泵业有限公司获评云南省质量标杆企业。\n")
    assert {c.award for c in facts.conferrals} == {"云南省质量标杆企业"}


def test_a_firm_sited_in_a_district_is_in_that_district(tmp_path):
    facts = _facts(tmp_path, "news.txt", "简介\n\n昆明滇池泵业有限公司成立于1998年，位于昆明市官渡区。\n")
    assert ("昆明滇池泵业有限公司", "官渡区") in {(l.entity, l.within) for l in facts.locations}


REVIEW = """回眸2022｜玉溪质量工作

　　2022年5月20日，玉溪市人大常委会审议通过《玉溪市质量促进条例》，自2022年8月1日起施行。
　　11月8日，第二届玉溪质量大会在红塔区玉溪会议中心举行。
"""


def test_a_regulation_passed_in_a_year_carries_that_year(tmp_path):
    regulation = _facts(tmp_path, "review.txt", REVIEW).entity_named("玉溪市质量促进条例")
    assert (regulation.type, regulation.issuer, regulation.year) == ("Regulation", "玉溪市", 2022)


def test_a_regulation_only_in_force_from_a_year_has_no_passing_year(tmp_path):
    text = "条例\n\n《玉溪市质量促进条例》自2022年8月1日起施行。\n"
    assert _facts(tmp_path, "in_force.txt", text).entity_named("玉溪市质量促进条例").year is None


def test_a_month_and_day_take_the_year_of_the_last_full_date_and_a_venue_its_place(tmp_path):
    event = _facts(tmp_path, "review.txt", REVIEW).entity_named("第二届玉溪质量大会")
    assert (event.date, event.place) == ("2022-11-08", "红塔区")


def test_a_month_and_day_without_any_year_before_give_no_date(tmp_path):
    event = _facts(tmp_path, "event.txt", "大会\n\n11月8日，第二届玉溪质量大会在玉溪市举行。\n").entity_named("第二届玉溪质量大会")
    assert event.date is None and event.place == "玉溪市"
