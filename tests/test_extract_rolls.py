"""Award lists of decisions and notices: sections, tables, listed individuals (texts written for the tests)."""
from __future__ import annotations

from kg.extract.document import extract_facts
from kg.extract.segments import lines
from kg.extract.tables import find_tables
from tests.test_extract_units import conferrals, document


def test_sections_take_the_award_the_decision_named_and_its_tier():
    text = ("决定授予下列组织和个人第三届河南省省长质量奖及提名奖。\n"
            "一、获奖组织(2个)\n郑州华鼎机械有限公司\n开封宋都食品有限公司\n"
            "二、提名奖(1个)\n洛阳天成电子有限公司\n")
    assert conferrals(text) == {
        ("郑州华鼎机械有限公司", "河南省省长质量奖", None),
        ("开封宋都食品有限公司", "河南省省长质量奖", None),
        ("洛阳天成电子有限公司", "河南省省长质量奖提名奖", None),
    }


def test_a_section_year_comes_from_the_awards_own_words():
    text = "现授予2022年度许昌市市长质量奖。\n获奖企业\n许昌瑞丰电气有限公司\n"
    assert conferrals(text) == {("许昌瑞丰电气有限公司", "许昌市市长质量奖", 2022)}


def test_a_section_word_without_an_award_before_it_gives_nothing():
    assert conferrals("获奖组织\n郑州华鼎机械有限公司\n") == set()


def test_listed_individuals_go_to_the_person_not_the_firm():
    text = ("授予下列个人第二届河南省省长质量奖。\n获奖个人\n"
            "周明远(郑州华鼎机械有限公司董事长)\n开封宋都食品有限公司 吴秀英\n")
    facts = extract_facts(document(text))
    assert {(c.recipient, c.award) for c in facts.conferrals} == {
        ("周明远", "河南省省长质量奖"), ("吴秀英", "河南省省长质量奖")}
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("周明远", "董事长", "郑州华鼎机械有限公司")}


def test_a_bracketed_year_after_a_person_is_still_the_year():
    text = "河南省省长质量奖获奖个人:\n郑州华鼎机械有限公司董事长周明远(2021年)\n"
    assert conferrals(text) == {("周明远", "河南省省长质量奖", 2021)}


def test_tables_one_cell_per_line_and_one_row_per_line():
    per_line = "序号\n单位名称\n所在地\n1\n甲公司\n乙区\n2\n丙公司\n丁区\n说明文字"
    tabbed = "序号\t单位名称\t所在地\n1\t甲公司\t乙区\n2  丙公司  丁区\n"
    for text in (per_line, tabbed):
        [table] = find_tables(text, lines(text))
        assert table.columns == ["序号", "单位名称", "所在地"]
        assert [[text[s:e] for s, e in row] for row in table.rows] == [["1", "甲公司", "乙区"], ["2", "丙公司", "丁区"]]


def test_no_table_without_a_name_column():
    text = "序号\n所在地\n1\n乙区\n"
    assert find_tables(text, lines(text)) == []


def test_table_rows_under_an_award_heading_and_no_place_as_recipient():
    text = ("关于公布2023年度许昌市市长质量奖评审结果的通知\n2023年度许昌市市长质量奖\n"
            "序号\t单位名称\t所在地\n1\t许昌瑞丰电气有限公司\t魏都区\n2\t许昌鑫源发制品有限公司\t建安区\n"
            "许昌市人民政府\n")
    assert conferrals(text) == {
        ("许昌瑞丰电气有限公司", "许昌市市长质量奖", 2023),
        ("许昌鑫源发制品有限公司", "许昌市市长质量奖", 2023),
    }


def test_a_table_of_people_gives_their_award_firm_and_role():
    text = ("2023年度许昌市质量管理先进个人\n序号\n姓名\n工作单位及职务\n"
            "1\n周明远\n许昌瑞丰电气有限公司总经理\n")
    facts = extract_facts(document(text))
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {("周明远", "许昌市质量管理先进个人", 2023)}
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("周明远", "总经理", "许昌瑞丰电气有限公司")}


def test_a_heading_without_region_names_the_title_issuers_honour_in_the_titles_year():
    # The title opens with a province's bureau; the list's heading names the honour alone.
    text = ("云南省市场监督管理局关于公布2024年质量信得过班组名单的通知\n"
            "质量信得过班组(2个)\n昆明滇池机电有限公司\n曲靖珠江化工有限公司\n")
    assert conferrals(text) == {("昆明滇池机电有限公司", "云南省质量信得过班组", 2024),
                                ("曲靖珠江化工有限公司", "云南省质量信得过班组", 2024)}


def test_a_heading_without_region_in_a_document_of_no_place_is_no_award():
    text = "关于公布质量信得过班组名单的通知\n质量信得过班组(2个)\n华兴机电有限公司\n"
    assert conferrals(text) == set()


def test_columns_after_a_listed_firm_are_its_products_not_the_end_of_the_list():
    text = ("甘肃省市场监督管理局关于公布2023年企业标准“领跑者”名单的通知\n企业标准“领跑者”(2家)\n"
            "1. 兰州黄河乳业有限公司　灭菌乳　Q/HHRY 0001S-2023\n2. 天水麦积农机有限公司　播种机\n")
    assert conferrals(text) == {("兰州黄河乳业有限公司", "甘肃省企业标准领跑者", 2023),
                                ("天水麦积农机有限公司", "甘肃省企业标准领跑者", 2023)}


def test_a_prose_clause_after_a_listed_firm_ends_the_list():
    text = "2023年河北省名牌产品\n邢台顺德轴承有限公司　今年产值增长，获得好评\n"
    assert conferrals(text) == set()


def test_product_and_team_columns_hold_no_recipient():
    text = "序号\t企业名称\t产品名称\t所在地\n1\t沧州运河管件有限公司\t弯头\t沧州市\n"
    table, = find_tables(text, lines(text))
    assert table.columns == ["序号", "企业名称", "产品名称", "所在地"]
