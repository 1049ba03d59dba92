"""Programmes named after an adoption verb or in a list of campaigns, and who adopts them
(short texts written for the tests; generic or invented names only)."""
from __future__ import annotations

import pytest
from test_extract_kinds import adoptions, programs


@pytest.mark.parametrize("text, expected", [
    ("该市率先推行企业计量执行官制度，覆盖百家企业。", {"计量执行官制度"}),
    ("开展小微企业质量提升精准帮扶行动，制定指南。", {"小微企业质量提升精准帮扶行动"}),
    ("建立完善首席质量官任职培训体系，累计培训三千人。", {"首席质量官任职培训体系"}),
    ("建立健全质量诚信评价体系。", {"质量诚信评价体系"}),
    ("企业积极推广应用卓越绩效模式。", {"卓越绩效模式"}),
])
def test_a_name_after_an_adoption_verb_runs_from_the_verb_to_the_ending(text, expected):
    assert programs(text) == expected


@pytest.mark.parametrize("text", [
    "推进服务业质量体系化、标准化建设。",
    "推进质量治理体系和治理能力现代化。",
    "在新的发展模式下，企业转型。",
])
def test_an_ending_inside_a_longer_word_or_slogan_is_no_programme(text):
    assert programs(text) == set()


def test_campaigns_listed_before_huodong_are_programmes():
    text = "该县举办多项活动：世界计量日、品牌宣传月、质量月、科普宣传周……一个个活动吸引市民。"
    assert programs(text) == {"世界计量日", "品牌宣传月", "质量月", "科普宣传周"}
    assert programs("用好城市质量节等各类活动。") == {"城市质量节"}
    assert programs("在全国首创开展城市品牌节活动。") == {"城市品牌节"}


def test_dates_and_holidays_before_huodong_are_no_campaigns():
    assert programs("今年国庆节活动很多，每月活动不断，上周活动。") == set()


def test_listed_campaigns_are_run_by_the_documents_city():
    found = adoptions("宜昌市质量工作会召开。宜昌市安全生产月、科普宣传周等活动接连开展。")
    assert {("宜昌市", "安全生产月", None), ("宜昌市", "科普宣传周", None)} <= found


def test_first_in_the_province_is_a_rank_and_the_city_adopts():
    found = adoptions("襄阳市质量工作会召开。襄阳市质量发展有新进展。全省率先推行企业计量执行官制度。")
    assert ("襄阳市", "计量执行官制度", None) in found
    assert not any(adopter == "湖北省" for adopter, _, _ in found)


def test_the_province_adopts_what_the_whole_province_runs():
    found = adoptions("襄阳市质量工作会召开。湖北省质量工作有新进展。全省推行企业计量执行官制度。")
    assert ("湖北省", "计量执行官制度", None) in found


def test_a_programme_set_up_is_adopted():
    found = adoptions("襄阳市质量工作会召开。襄阳市成立全省首个“首席质量官之家”。")
    assert ("襄阳市", "首席质量官之家", None) in found


_PILOT_NOTICE = ("云南省市场监督管理局关于公布2024年度省级标准化试点示范项目名单的通知\n"
                 "一、省级标准化试点示范项目(2个)\n"
                 "1. 高原花卉种植标准化试点,承担单位:昆明滇花园艺有限公司\n"
                 "2. 普洱茶加工标准化试点,承担单位:普洱澜沧茶业有限公司\n"
                 "请各承担单位抓好试点建设。\n")


def test_a_provincial_programme_named_by_its_level_takes_the_provinces_name_and_no_year():
    # 省级 stands for the document's province, as 省长质量奖 does; the projects' own names are no programmes
    assert programs(_PILOT_NOTICE) == {"云南省标准化试点示范项目"}


def test_the_bodies_listed_under_a_programme_heading_adopt_it_from_the_titles_year():
    assert {("昆明滇花园艺有限公司", "云南省标准化试点示范项目", 2024),
            ("普洱澜沧茶业有限公司", "云南省标准化试点示范项目", 2024)} <= adoptions(_PILOT_NOTICE)


def test_a_level_word_without_a_document_place_stays_as_written():
    text = "公布省级标准化试点示范项目名单。省级标准化试点示范项目承担单位要抓好建设。"
    assert programs(text) == {"省级标准化试点示范项目"}
