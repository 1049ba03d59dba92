"""Organisation mechanisms of the fifth organisations round, one short text each (written for the test,
not taken from documents)."""
from __future__ import annotations

from pathlib import Path

from kg.extract import extract_facts
from kg.reader import read_document


def facts_of(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_facts(read_document(path))


def organisations(facts) -> dict[str, tuple[str, set[str]]]:
    """Each organisation's name -> (type, its other names)."""
    return {e.name: (e.type, set(e.names) - {e.name}) for e in facts.entities
            if e.type in ("Enterprise", "GovernmentBody", "Organization")}


# -- development zones' administrative committees --------------------------------------------------

def test_a_zones_administrative_committee_is_a_government_body(tmp_path):
    facts = facts_of(tmp_path, "洛阳市人民政府关于表彰的通报\n洛阳高新区管委会、洛阳市财政局：\n现将有关事项通报如下。\n")
    found = organisations(facts)
    assert found["洛阳高新技术产业开发区管委会"][0] == "GovernmentBody"
    assert "洛阳高新区管委会" in found["洛阳高新技术产业开发区管委会"][1]


def test_zones_listed_before_a_committee_share_its_ending(tmp_path):
    facts = facts_of(tmp_path, "洛阳市人民政府文件\n各县(市、区)人民政府，洛阳经济技术开发区、伊滨经济开发区管委会，"
                               "市人民政府各部门：\n现将有关事项通知如下。\n")
    found = organisations(facts)
    assert found["洛阳经济技术开发区管委会"][0] == "GovernmentBody"
    assert "洛阳经济技术开发区" in found["洛阳经济技术开发区管委会"][1]
    assert "伊滨经济开发区管委会" in {n for name, (_, aliases) in found.items() for n in (name, *aliases)}


def test_a_zone_named_after_its_city_stands_for_its_committee(tmp_path):
    facts = facts_of(tmp_path, "洛阳经开区2家企业获评市长质量奖\n近日，洛阳经开区共有2家企业获评洛阳市市长质量奖。\n")
    found = organisations(facts)
    assert found["洛阳经济技术开发区管委会"] == ("GovernmentBody", {"洛阳经开区"})


def test_a_new_district_alone_is_no_committee(tmp_path):
    # 某某新区 is a district (a place) unless its 管委会 is named
    facts = facts_of(tmp_path, "洛阳市某某新区共有2家企业获评洛阳市市长质量奖。\n")
    assert not any(name.endswith("管委会") for name in organisations(facts))


def test_a_zone_named_alone_is_no_recipient_of_its_firms_awards(tmp_path):
    facts = facts_of(tmp_path, "近日，洛阳经开区共有2家企业获评洛阳市市长质量奖。\n")
    assert not any(c.recipient.endswith("管委会") for c in facts.conferrals)


# -- newspapers ------------------------------------------------------------------------------------------

def test_a_paper_whose_name_opens_like_a_common_word_is_still_a_paper():
    from kg.extract.media import find_newspapers
    # 海(报), 上(报), 日(报): the name's first character, not the word 海报, 上报, 日报
    names = {m.name for m in find_newspapers("海滨日报海口3月30日讯 上川晚报记者 日新商报讯")}
    assert {"海滨日报", "上川晚报", "日新商报"} <= names
    assert not {m.name for m in find_newspapers("据通报讯，海报记者")} & {"通报", "海报"}


# -- government bodies open with their region ----------------------------------------------------------

def test_a_government_bodys_name_opens_with_its_region(tmp_path):
    facts = facts_of(tmp_path, "洛阳市质量工作简报\n为此，印发洛阳市人民政府关于质量工作的决定。近期洛阳市人民政府宣布，"
                               "我省共向国家市场监督管理总局推荐了3家组织。首先市质量强市工作领导小组办公室主任张三汇报。\n")
    found = organisations(facts)
    assert {"洛阳市人民政府", "国家市场监督管理总局", "洛阳市质量强市工作领导小组办公室"} <= set(found)
    assert not any(name.startswith(("印发", "近期", "共向", "首先")) for name in found)


# -- bodies named after their task ---------------------------------------------------------------------

def test_a_task_bodys_name_holds_its_whole_task(tmp_path):
    facts = facts_of(tmp_path, "洛阳市质量工作简报\n会议由市标准化和质量强市工作领导小组办公室组织。该奖经全国评比达标表彰工作协调小组"
                               "审定。市质量强市及品牌战略推进工作领导小组成员参加。\n")
    found = organisations(facts)
    assert {"洛阳市标准化和质量强市工作领导小组办公室", "全国评比达标表彰工作协调小组",
            "洛阳市质量强市及品牌战略推进工作领导小组"} <= set(found)
    assert found["全国评比达标表彰工作协调小组"][0] == "GovernmentBody"


def test_a_task_body_of_the_whole_region_is_named_as_written(tmp_path):
    facts = facts_of(tmp_path, "2023年经全区评比达标表彰工作协调小组办公室批准，设立该奖。\n")
    assert "全区评比达标表彰工作协调小组办公室" in organisations(facts)


def test_a_task_bodys_system_is_no_body(tmp_path):
    facts = facts_of(tmp_path, "洛阳市建立健全全市推进标准化工作联席会议制度，出台了奖励办法。\n")
    assert not any(name.endswith("联席会议") for name in organisations(facts))


def test_a_place_after_a_common_noun_stays_in_a_bodys_name(tmp_path):
    facts = facts_of(tmp_path, "长兴县组建“品质长兴建设领导小组”，统筹推进。\n")
    assert "品质长兴建设领导小组" in organisations(facts)


def test_a_post_held_is_no_part_of_the_employers_name(tmp_path):
    found = set(organisations(facts_of(tmp_path, "张建国现任苏州新宇机械有限公司质量部部长，曾任常州华川电子有限公司总经理。\n")))
    assert {"苏州新宇机械有限公司", "常州华川电子有限公司"} <= found


def test_a_teams_name_under_its_workshop_or_department(tmp_path):
    found = set(organisations(facts_of(
        tmp_path, "苏州新宇机械有限公司装配车间精益班组、常州华川电子有限公司机加车间数控二组、"
                  "无锡光明卷烟厂制丝车间甲班和苏州市立医院检验科荣获江苏省质量信得过班组称号。\n")))
    assert {"苏州新宇机械有限公司装配车间精益班组", "常州华川电子有限公司机加车间数控二组",
            "无锡光明卷烟厂制丝车间甲班", "苏州市立医院检验科"} <= found


def test_a_project_department_is_a_unit(tmp_path):
    assert "甲乙建设集团有限公司第三项目部" in organisations(facts_of(tmp_path, "甲乙建设集团有限公司第三项目部获奖。\n"))


def test_a_department_is_a_unit_but_its_head_is_no_part_of_it(tmp_path):
    facts = facts_of(tmp_path, "苏州新宇机械有限公司质量管理部荣获先进集体称号。"
                               "常州华川电子有限公司技术部部长王建华出席。\n")
    found = set(organisations(facts))
    assert "苏州新宇机械有限公司质量管理部" in found
    assert "常州华川电子有限公司技术部" not in found


def test_a_firm_named_right_after_its_parent_opening_with_its_place(tmp_path):
    found = organisations(facts_of(tmp_path, "国网江苏省电力有限公司苏州供电公司荣获苏州市市长质量奖。\n"))
    assert found["国网江苏省电力有限公司苏州供电公司"][0] == "Enterprise"
    assert "苏州供电公司" not in found


def test_testing_and_metrology_institutes_and_stations(tmp_path):
    found = organisations(facts_of(tmp_path, "苏州市计量测试院、苏州市产品质量监督检验院、苏州市纤维检验所、"
                                             "苏州市特种设备检测站和苏州市标准化研究院荣获先进单位。\n"))
    assert {"苏州市计量测试院", "苏州市产品质量监督检验院", "苏州市纤维检验所", "苏州市特种设备检测站",
            "苏州市标准化研究院"} <= set(found)


def test_a_unit_without_a_legal_form_named_right_after_its_firm_and_its_team(tmp_path):
    found = organisations(facts_of(tmp_path, "中国甲乙工业集团有限公司十四分厂工具钳工周建民、\n华北丙丁股份有限公司北元分厂兰欢平、\n"
                                             "中国戊己集团有限公司奥威公司精英QC小组获奖。\n"))
    assert {"中国甲乙工业集团有限公司十四分厂", "华北丙丁股份有限公司北元分厂", "中国戊己集团有限公司奥威公司",
            "中国戊己集团有限公司奥威公司精英QC小组"} <= set(found)
    assert not {"十四分厂", "北元分厂", "奥威公司"} & set(found)


def test_verbs_and_glued_stops_before_a_name_are_no_part_of_it(tmp_path):
    found = set(organisations(facts_of(tmp_path, "浙江省召开大会。每家企业各获省政府奖励100万元。继潍柴动力股份有限公司之后，"
                                                 "会议明确中国质量管理协会是专业性学会。\n")))
    assert {"浙江省人民政府", "潍柴动力股份有限公司", "中国质量管理协会"} <= found


def test_short_names_listed_before_a_described_kind_of_firm(tmp_path):
    found = set(organisations(facts_of(tmp_path, "光谷已催生了烽火科技、长飞光纤、武汉人福、中冶南方等具有市场竞争优势的企业。\n")))
    assert {"烽火科技", "长飞光纤", "武汉人福", "中冶南方"} <= found


def test_news_sites_and_apps_named_where_a_source_is(tmp_path):
    found = set(organisations(facts_of(tmp_path, "昆明信息港讯 记者报道。\n(中国水泥网 转载请注明出处)\n来源:黔东南信息港\n"
                                                 "请打开聊沈客户端查看。下载客户端。\n")))
    assert {"昆明信息港", "中国水泥网", "黔东南信息港", "聊沈客户端"} <= found and "下载客户端" not in found


def test_a_places_party_committee_and_government_named_together(tmp_path):
    facts = facts_of(tmp_path, "邵阳市市委市政府高度重视省长质量奖评审工作。\n")
    assert "中国共产党邵阳市委员会" in organisations(facts)
    assert not [e.name for e in facts.entities if e.type == "Award" and "重视" in e.name]
    found = organisations(facts_of(tmp_path, "北京市延庆区召开大会，延庆区委、区政府牢牢抓住质量。\n", "other.txt"))
    assert "中国共产党延庆区委员会" in found
    assert not [name for name in found if name.endswith("政府")]  # a district's government is the district


def test_a_bodys_shi_in_a_districts_or_municipalitys_text_is_the_city_above(tmp_path):
    found = set(organisations(facts_of(tmp_path, "天津市滨海新区召开会议。市总工会召开选树结果通报会。\n")))
    assert "天津市总工会" in found and "滨海新区总工会" not in found
    found = set(organisations(facts_of(tmp_path, "义乌市召开大会。市质监局局长出席。\n", "other.txt")))
    assert "义乌市质量技术监督局" in found  # a county-level city's 市 is itself


def test_a_kind_of_organisation_with_qualifiers_only_and_a_verb_glued_before_are_no_names(tmp_path):
    found = set(organisations(facts_of(tmp_path, "集团公司高度重视，精心组织。受总局质量发展局委托，组织评审。\n")))
    assert "集团公司" not in found and not [name for name in found if name.startswith("受")]


def test_a_name_the_nation_opens_holds_its_verbs_up_to_its_place(tmp_path):
    assert "国家超级计算天津中心" in organisations(facts_of(tmp_path, "国家超级计算天津中心应用研发部部长孟祥飞。\n"))


def test_a_team_named_by_itself_as_an_item_of_a_list(tmp_path):
    found = set(organisations(facts_of(tmp_path, "我公司季戊四醇工艺四班QC小组、一万吨聚甲醛工艺五班QC小组两个QC小组受到表彰。"
                                                 "会议充分肯定了广大QC小组的成绩，要求进一步提高质量管理小组活动水平。\n")))
    assert {"季戊四醇工艺四班QC小组", "一万吨聚甲醛工艺五班QC小组"} <= found
    assert not [name for name in found if "广大" in name or "提高" in name or name.startswith("两个")]


def test_shops_hotels_and_pharmacies_are_firms_their_kinds_alone_none(tmp_path):
    found = organisations(facts_of(tmp_path, "苏州新宇大药房、苏州美佳超市获奖，会议在西安宾馆举行。大型超市和各大商场也参加了。\n"))
    assert {"苏州新宇大药房", "苏州美佳超市", "西安宾馆"} <= set(found)
    assert found["西安宾馆"][0] == "Enterprise" and not {"大型超市", "各大商场"} & set(found)
