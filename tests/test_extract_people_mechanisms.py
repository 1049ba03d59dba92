"""The mechanisms that find people and their positions, one short text each (written for the test, not
taken from documents)."""
from __future__ import annotations

from pathlib import Path

from kg.extract import extract_facts
from kg.reader import read_document


def facts_of(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_facts(read_document(path))


def people(facts) -> set[str]:
    return {e.name for e in facts.entities if e.type == "Person"}


def positions(facts) -> set[tuple[str, str, str]]:
    return {(p.person, p.role, p.organization) for p in facts.positions}


# -- the role grammar: former, honorary and senior holders, assistants -----------------------

def test_a_former_holder_keeps_the_modifier_written_before_the_organisation(tmp_path):
    facts = facts_of(tmp_path, "颁奖典礼上，原国务院参事张文澜出席并讲话。\n")
    assert ("张文澜", "原参事", "国务院") in positions(facts)


def test_modifiers_and_assistants_are_part_of_roles_listed_together(tmp_path):
    facts = facts_of(tmp_path, "常州华川机械有限公司首席质量官、高级总监王晓峰，中国质量协会名誉会长、"
                               "南通华信电子有限公司总经理助理李青禾出席会议。\n")
    found = positions(facts)
    assert ("王晓峰", "高级总监", "常州华川机械有限公司") in found
    assert ("李青禾", "名誉会长", "中国质量协会") in found
    assert ("李青禾", "总经理助理", "南通华信电子有限公司") in found


def test_a_role_after_a_body_no_finder_knew_takes_no_neighbours_organisation(tmp_path):
    # 院士 of an academy the finders do not know is no 院士 of the 国务院 listed next
    facts = facts_of(tmp_path, "颁奖典礼上，国际质量科学院院士、原国务院参事张文澜出席并讲话。\n")
    assert ("张文澜", "院士", "国务院") not in positions(facts)
    assert ("张文澜", "原参事", "国务院") in positions(facts)


# -- roles of congresses, ranks, prefectures' leaders, staff ------------------------------

def test_roles_of_congresses_ranks_and_commissions(tmp_path):
    facts = facts_of(tmp_path, "全国人大常委会副委员长吴秀兰、全国人大常委会委员郑启明出席大会。"
                               "江苏省市场监督管理局三级调研员赵明远主持会议，江苏省工商行政管理局党组成员、纪检组长李和平讲话。\n")
    found = positions(facts)
    congress = "全国人民代表大会常务委员会"
    assert {("吴秀兰", "副委员长", congress), ("郑启明", "委员", congress)} <= found
    assert ("赵明远", "三级调研员", "江苏省市场监督管理局") in found
    assert ("李和平", "纪检组长", "江苏省工商行政管理局") in found


def test_a_prefectures_leaders_belong_to_the_prefecture(tmp_path):
    facts = facts_of(tmp_path, "凉山彝族自治州启动质量月活动，州政府副州长杨清华出席并讲话。\n")
    assert ("杨清华", "副州长", "凉山彝族自治州") in positions(facts)


def test_a_committee_member_listed_after_another_holder_shares_the_firm(tmp_path):
    facts = facts_of(tmp_path, "常州华川机械有限公司党委书记、董事长王晓峰，党委委员、总经理李青禾出席。"
                               "中国计量大学讲师张文澜讲课。\n")
    found = positions(facts)
    assert {("李青禾", "党委委员", "常州华川机械有限公司"), ("李青禾", "总经理", "常州华川机械有限公司")} <= found
    assert ("张文澜", "讲师", "中国计量大学") in found


# -- a municipality's leaders -------------------------------------------------------------

def test_a_municipalitys_leaders_belong_to_the_municipality(tmp_path):
    facts = facts_of(tmp_path, "重庆市人民政府召开表彰大会。周文涛副市长在会上讲话。\n")
    assert ("周文涛", "副市长", "重庆市") in positions(facts)


def test_a_citys_leader_in_a_districts_text_belongs_to_the_city(tmp_path):
    facts = facts_of(tmp_path, "常州市金坛区召开质量大会，金坛区区长张明远讲话，副市长王晓峰出席。金坛区表彰企业。\n")
    found = positions(facts)
    assert ("王晓峰", "副市长", "常州市") in found
    assert ("张明远", "区长", "金坛区") in found


# -- a nearby firm is the organisation only of roles firms give ----------------------------

def test_a_public_role_without_its_body_takes_no_nearby_firm(tmp_path):
    facts = facts_of(tmp_path, "常州华川机械有限公司举办质量培训。来自多家企业的资深讲师戴文林、韩立新授课。"
                               "国务委员王文勇出席，常州华川机械有限公司总经理李青禾致辞。\n")
    found = positions(facts)
    assert not {p for p in found if p[0] in ("戴文林", "韩立新", "王文勇")}
    assert {"戴文林", "韩立新", "王文勇"} <= people(facts)


# -- function words are no surnames before a common word ----------------------------------

def test_a_function_word_before_a_common_word_is_no_name(tmp_path):
    facts = facts_of(tmp_path, "各企业负责人和质量人物出席颁奖典礼。企业首席质量官应熟悉有关法规。"
                               "授课专家由质量管理专家组成。200余名首席质量官齐聚一堂。\n")
    assert not people(facts)


def test_surnames_that_are_function_words_still_name_people(tmp_path):
    facts = facts_of(tmp_path, "常州华川机械有限公司总经理应勇出席，副总经理和平安致辞，质量总监全文博讲话。\n")
    assert {"应勇", "和平安", "全文博"} <= people(facts)


# -- names without a Han surname --------------------------------------------------------

def test_tibetan_names_of_two_name_words(tmp_path):
    facts = facts_of(tmp_path, "西藏召开质量大会\n自治区市场监督管理局党组副书记、局长次仁罗布介绍，区党委副书记、自治区主席"
                               "格桑旦增出席，自治区副主席白玛平措一同会见。\n")
    found = positions(facts)
    assert {"次仁罗布", "格桑旦增", "白玛平措"} <= people(facts)
    assert ("次仁罗布", "局长", "西藏自治区市场监督管理局") in found
    assert ("白玛平措", "副主席", "西藏自治区") in found


def test_a_name_with_a_middle_dot_after_its_role(tmp_path):
    facts = facts_of(tmp_path, "新疆维吾尔自治区召开质量大会\n自治区副主席艾山·买买提出席并讲话，自治区市场监督管理局局长"
                               "阿布都·热合曼主持。\n")
    found = positions(facts)
    assert {"艾山·买买提", "阿布都·热合曼"} <= people(facts)
    assert ("艾山·买买提", "副主席", "新疆维吾尔自治区") in found


# -- names listed before the role they share, a role before a name on a line's end ------------

def test_names_listed_before_the_leaders_role_they_share(tmp_path):
    facts = facts_of(tmp_path, "天水市召开表彰大会。\n张文澜、李青禾、王晓峰等市领导为受到表彰的企业颁奖。\n")
    found = positions(facts)
    assert {("张文澜", "市领导", "天水市"), ("李青禾", "市领导", "天水市"), ("王晓峰", "市领导", "天水市")} <= found


def test_a_role_and_a_name_apart_on_a_signature_line(tmp_path):
    facts = facts_of(tmp_path, "常州市政府工作报告\n——在常州市人民代表大会上\n市长　李青禾\n各位代表：现在我代表市人民政府报告工作。\n")
    assert ("李青禾", "市长", "常州市") in positions(facts)


def test_a_quoted_role_before_its_holder(tmp_path):
    facts = facts_of(tmp_path, "每天早上，常州华川机械有限公司“首席质量官”杨文玲会准时出现在车间。\n")
    assert ("杨文玲", "首席质量官", "常州华川机械有限公司") in positions(facts)


def test_a_name_the_dictionary_knows_as_a_word_before_a_lists_deng(tmp_path):
    facts = facts_of(tmp_path, "会上，中国计量科学研究院院长方向等应邀作了主旨演讲。\n")
    assert ("方向", "院长", "中国计量科学研究院") in positions(facts)


# -- a congress's term is no part of its name ---------------------------------------------

def test_a_congresss_term_before_its_name_is_no_part_of_it(tmp_path):
    facts = facts_of(tmp_path, "颁奖庆典上，十届全国人大常委会副委员长吴秀兰，九届、十届、十一届全国政协副主席白立新出席。\n")
    found = positions(facts)
    assert ("吴秀兰", "副委员长", "全国人民代表大会常务委员会") in found
    assert ("白立新", "副主席", "中国人民政治协商会议全国委员会") in found
    assert not any("届" in e.name for e in facts.entities)
    facts = facts_of(tmp_path, "颁奖庆典上，十届全国人大副委员长吴秀兰出席。\n")
    assert ("吴秀兰", "副委员长", "全国人民代表大会") in positions(facts)


# -- a name before its role ---------------------------------------------------------------

def test_a_verb_glued_to_a_name_before_its_object(tmp_path):
    facts = facts_of(tmp_path, "评审专家组组长、华北电力大学教授周斌作了讲话。\n")
    assert "周斌" in people(facts) and "周斌作" not in people(facts)


def test_names_before_a_firms_roles_joined_by_he_take_the_firm_the_sentence_names(tmp_path):
    facts = facts_of(tmp_path, "常州华川机械有限公司获得质量奖，钱文荣厂长和张立峰厂长助理从市领导手中接过奖杯。\n")
    found = positions(facts)
    assert ("钱文荣", "厂长", "常州华川机械有限公司") in found
    assert ("张立峰", "厂长助理", "常州华川机械有限公司") in found
    facts = facts_of(tmp_path, "常州华川机械有限公司获得质量奖。李文兴会长在颁奖典礼上讲话。\n")
    assert not positions(facts)  # an association's head: no role of the firm


def test_a_department_head_named_between_the_department_and_the_role(tmp_path):
    facts = facts_of(tmp_path, "会上，江苏省工业和信息化厅技术创新处张文春处长宣读了表彰决定。\n")
    assert ("张文春", "处长", "江苏省工业和信息化厅技术创新处") in positions(facts)


def test_staff_of_a_firm(tmp_path):
    facts = facts_of(tmp_path, "会上，常州华川机械有限公司员工陈启文被授予先进个人称号。\n")
    assert ("陈启文", "员工", "常州华川机械有限公司") in positions(facts)


# -- people named with their employer, items of a list before its verb -----------------------

def test_a_name_after_its_employer_before_a_lists_deng_or_a_verb_of_making(tmp_path):
    facts = facts_of(tmp_path, "西安华川动力股份有限公司侯文军等93名先进个人受到表彰。"
                               "上海华川食品有限公司王文钦创建的管理模式获奖。\n")
    assert {"侯文军", "王文钦"} <= people(facts)


def test_a_person_listed_last_after_an_organisation_before_the_verb(tmp_path):
    facts = facts_of(tmp_path, "常州华川机械有限公司、南通华信电子有限公司和董文珠获第4届中国质量奖提名奖。\n")
    assert "董文珠" in people(facts)


# -- names as the subject of an honour's verb, or whom a presenter hands it -------------------

def test_names_listed_before_an_honours_verb_are_people(tmp_path):
    facts = facts_of(tmp_path, "2020年，张建国、李明华和王志强荣获苏州市质量工匠称号。\n")
    assert {"张建国", "李明华", "王志强"} <= people(facts)
    assert ("张建国", "苏州市质量工匠", 2020) in {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_a_name_after_its_employers_de_before_an_honours_verb(tmp_path):
    facts = facts_of(tmp_path, "苏州新宇机械有限公司的张建国被评为苏州市优秀首席质量官。\n")
    assert "张建国" in people(facts)


def test_names_a_presenter_hands_an_honour_to(tmp_path):
    facts = facts_of(tmp_path, "会上，市领导为获得首届苏州市质量工匠的周德华、郭文城颁发了证书。\n")
    assert {"周德华", "郭文城"} <= people(facts)


def test_places_and_firms_before_an_honours_verb_are_no_people(tmp_path):
    facts = facts_of(tmp_path, "常州市荣获全国质量强市示范城市称号，张家港保税区荣获先进园区，"
                               "金龙机械获评省级专精特新企业。\n")
    assert not people(facts)


# -- a roll's lines: a person, the employer, the person's job -------------------------------

def test_a_rolls_person_beside_the_employer_after_a_comma(tmp_path):
    facts = facts_of(tmp_path, "2021年苏州市质量工匠名单\n郭彦刚，苏州新宇机械有限公司\n丁进，常州华川电子有限公司\n")
    assert {("郭彦刚", "苏州市质量工匠", 2021), ("丁进", "苏州市质量工匠", 2021)} <= \
        {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_a_rolls_person_with_the_job_after_the_employer(tmp_path):
    facts = facts_of(tmp_path, "2021年苏州市质量工匠名单\n1.郭彦刚 苏州新宇机械有限公司装配车间班长\n"
                               "2.丁进 常州华川电子有限公司检验员\n3.王志强（无锡光明机械有限公司质检员）\n")
    assert {("郭彦刚", "苏州市质量工匠", 2021), ("丁进", "苏州市质量工匠", 2021),
            ("王志强", "苏州市质量工匠", 2021)} <= {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_a_counted_list_of_people_after_a_verb_of_selection(tmp_path):
    facts = facts_of(tmp_path, "最后评选出母永奇、索朗群培、胡中阔等6人荣获2022年度“西藏工匠”称号。\n")
    assert {"母永奇", "索朗群培", "胡中阔"} <= people(facts)


def test_a_list_whose_items_end_with_the_described_persons_name(tmp_path):
    facts = facts_of(tmp_path, "此次评选出的3位“甲市工匠”分别是：盾构机主司机母永奇；马包制作技艺传承人索朗群培；"
                               "桥梁专家陈克坚。\n")
    assert {"母永奇", "索朗群培", "陈克坚"} <= people(facts)


def test_a_list_of_employers_and_names_one_item_a_line(tmp_path):
    facts = facts_of(tmp_path, "“2021年甲省工匠年度人物”获得者分别为:\n华北制药股份有限公司北元分厂兰欢平、\n"
                               "秦皇岛供电公司电缆运检中心张庚喜、\n唐山中润煤化工有限公司邓晶。\n")
    assert {"兰欢平", "张庚喜", "邓晶"} <= people(facts)
    assert {c.recipient for c in facts.conferrals} == {"兰欢平", "张庚喜", "邓晶"}


def test_a_dictionary_word_before_a_glued_verb_is_no_name(tmp_path):
    facts = facts_of(tmp_path, "公司荣获台州市政府质量奖，崔蕴荣获2021年度云岭工匠称号。\n")
    assert people(facts) == {"崔蕴"}


def test_a_roll_opening_on_its_headings_line_runs_on_over_the_next_lines(tmp_path):
    facts = facts_of(tmp_path, "“2021年甲省大工匠年度人物”获得者分别为:中铁建工集团冬奥村工程项目部姜秀鹏、\n"
                               "保定泰能生物能源科技有限公司于洋、\n邢台德龙钢铁有限公司首席焊工技师郭彦刚。\n")
    assert {c.recipient for c in facts.conferrals} == {"姜秀鹏", "于洋", "郭彦刚"}


def test_a_workers_job_between_the_employer_and_the_name(tmp_path):
    facts = facts_of(tmp_path, "10位“大国工匠年度人物”分别是：湖南甲乙钢铁有限公司焊接顾问艾爱国，中国丙丁工装制造厂数控车工洪家光，"
                               "戊己通信集团股份有限公司无线电通信设计师张路明。\n")
    assert {("艾爱国", "焊接顾问", "湖南甲乙钢铁有限公司"), ("洪家光", "数控车工", "中国丙丁工装制造厂"),
            ("张路明", "无线电通信设计师", "戊己通信集团股份有限公司")} <= positions(facts)


def test_the_documents_city_is_the_one_written_in_full_not_the_one_opening_other_names(tmp_path):
    facts = facts_of(tmp_path, "荆门市政府与武汉纺织大学举行合作仪式。武汉纺织大学、武汉丙丁有限公司、武汉甲乙有限公司代表出席，"
                               "荆门市委副书记王德明讲话。市市场监管局局长刘国芳主持。\n")
    assert ("刘国芳", "局长", "荆门市市场监督管理局") in positions(facts)


def test_a_role_joined_to_the_next_by_jian_is_no_firms_name(tmp_path):
    facts = facts_of(tmp_path, "由股份公司总经理兼首席质量官孙先武协调组织。\n")
    assert not [e for e in facts.entities if e.type == "Enterprise" and "总经理" in e.name]


def test_a_list_of_the_own_places_people_counted_by_what_they_are(tmp_path):
    facts = facts_of(tmp_path, "泉州市公布2020年“泉州工匠”命名决定，我县林丽品、张节成、林灵月4名职工获评该荣誉称号。\n"
                               "我省郑棋元、孙鸿雁、徐成东3人被认定为2025年“大国工匠人才”。\n")
    assert {"林丽品", "张节成", "林灵月", "郑棋元", "孙鸿雁", "徐成东"} <= people(facts)


def test_a_worker_no_finder_knew_after_the_employer_and_the_job(tmp_path):
    facts = facts_of(tmp_path, "经评审，广汉甲乙博物馆高级文物修复工郭汉中被授予第二届四川省天府质量奖。\n")
    assert "郭汉中" in people(facts)
    assert ("郭汉中", "高级文物修复工", "广汉甲乙博物馆") in positions(facts)


def test_a_place_word_closing_a_described_item_is_a_name_only_after_the_employer(tmp_path):
    facts = facts_of(tmp_path, "3位“甲市工匠”分别是：甲乙生物能源有限公司于洋；桥梁专家陈克坚；架桥跨江河，让天堑变通途。\n")
    assert "于洋" in people(facts) and "江河" not in people(facts)


def test_a_kind_of_organisation_after_a_role_is_no_name(tmp_path):
    facts = facts_of(tmp_path, "第四届海南省光彩事业贡献奖获奖企业、海口市总商会副会长单位、椰树集团有限公司\n")
    assert "单位" not in people(facts)


def test_a_three_character_name_before_zuo_of_a_speech(tmp_path):
    facts = facts_of(tmp_path, "陕西省质监局质量处处长宋艺光作动员讲话。\n")
    assert "宋艺光" in people(facts)


def test_a_prefectures_body_after_you_named_by_its_level_word(tmp_path):
    facts = facts_of(tmp_path, "红河哈尼族彝族自治州召开质量大会。\n启动仪式由州质监局白庆云副局长主持。\n")
    assert not [e for e in facts.entities if e.name.startswith("启动仪式")]


def test_two_roles_joined_by_jian_each_at_its_own_body(tmp_path):
    facts = facts_of(tmp_path, "国家经济委员会副主任兼国家标准总局局长岳志坚当选为理事长。\n")
    assert {("岳志坚", "副主任", "国家经济委员会"), ("岳志坚", "局长", "国家标准总局")} <= positions(facts)


def test_a_former_head_of_a_department_of_a_central_body(tmp_path):
    facts = facts_of(tmp_path, "国家市场监督管理总局国际司原司长谢军当选为理事会会长。\n")
    assert ("谢军", "原司长", "国家市场监督管理总局国际司") in positions(facts)


def test_less_common_surnames_and_a_name_glued_to_the_lists_deng_before_its_people(tmp_path):
    facts = facts_of(tmp_path, "市质监局局长钮雪林、市教育局副局长傅华刚、苏州出入境检验检疫局副局长李俊美等领导出席。\n")
    assert {"钮雪林", "傅华刚", "李俊美"} <= people(facts)


def test_names_listed_before_wei_and_the_role_they_are_given(tmp_path):
    facts = facts_of(tmp_path, "宋力刚兼任秘书长，杨济之(兼)、杨文士、张贵华、高凤林为副秘书长。\n")
    assert {"杨济之", "杨文士", "张贵华", "高凤林"} <= people(facts)


def test_a_name_before_its_role_then_a_ceremonys_verb(tmp_path):
    facts = facts_of(tmp_path, "苏州新宇机械有限公司李小华副总经理代表公司接受颁奖，常州华川电子有限公司王建国总经理上台领奖。\n")
    assert {("李小华", "副总经理", "苏州新宇机械有限公司"), ("王建国", "总经理", "常州华川电子有限公司")} <= positions(facts)


def test_a_role_at_the_branch_named_right_before_and_a_civil_servant_at_a_department(tmp_path):
    found = positions(facts_of(tmp_path, "广州甲乙检测认证集团有限公司武汉分公司总经理马良出席仪式。"
                                         "江苏省市场监督管理局质量发展处四级调研员姚卫东讲课。\n"))
    assert {("马良", "总经理", "广州甲乙检测认证集团有限公司武汉分公司"),
            ("姚卫东", "四级调研员", "江苏省市场监督管理局质量发展处")} <= found


def test_a_rolls_line_of_a_persons_particulars(tmp_path):
    facts = facts_of(tmp_path, "林丽品，女，德化，德化县林丽品陶瓷艺术研究所，高级工艺美术师，高级技师。\n"
                               "张节成，男，德化，福建省德化县陶缘茗陶瓷文化有限公司，泉州市工艺美术大师，一级技师。\n")
    found = positions(facts)
    assert {("林丽品", "高级工艺美术师", "德化县林丽品陶瓷艺术研究所"),
            ("张节成", "一级技师", "福建省德化县陶缘茗陶瓷文化有限公司")} <= found
    assert not [p for p in found if p[1] == "泉州市工艺美术大师"]  # an honour, no title


def test_names_after_an_honours_colon_each_with_the_employer_in_brackets(tmp_path):
    facts = facts_of(tmp_path, "2021年度苏州市质量工匠：王建国（苏州新宇机械有限公司）、李明华（常州华川电子有限公司）。\n")
    assert {"王建国", "李明华"} <= people(facts)
    assert {("王建国", "苏州市质量工匠", 2021), ("李明华", "苏州市质量工匠", 2021)} <= \
        {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_a_person_in_apposition_with_the_employer_and_role_wins_the_honour(tmp_path):
    facts = facts_of(tmp_path, "王建国，苏州新宇机械有限公司董事长，荣获2021年度苏州市优秀企业家称号。\n")
    assert ("王建国", "董事长", "苏州新宇机械有限公司") in positions(facts)
    assert {(c.recipient, c.award) for c in facts.conferrals} == {("王建国", "苏州市优秀企业家")}


def test_a_roll_of_numbered_rows_under_column_headings_apart_by_blanks(tmp_path):
    facts = facts_of(tmp_path, "2021年苏州市质量工匠名单\n序号 姓名 工作单位 职务\n1 郭彦刚 苏州新宇机械有限公司 高级技师\n"
                               "2 丁进 常州华川电子有限公司 班长\n")
    assert {"郭彦刚", "丁进"} <= people(facts)
    assert {("郭彦刚", "苏州市质量工匠", 2021), ("丁进", "苏州市质量工匠", 2021)} <= \
        {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_a_rolls_person_with_the_sex_noted_before_the_employer(tmp_path):
    for name, text in (("a.txt", "2021年苏州市质量工匠名单\n郭彦刚（男） 苏州新宇机械有限公司\n丁进（女） 常州华川电子有限公司\n"),
                       ("b.txt", "2021年苏州市质量工匠名单\n1 郭彦刚 男 苏州新宇机械有限公司 高级技师\n2 丁进 女 常州华川电子有限公司 班长\n")):
        facts = facts_of(tmp_path, text, name)
        assert {("郭彦刚", "苏州市质量工匠", 2021), ("丁进", "苏州市质量工匠", 2021)} <= \
            {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_a_rolls_line_of_the_employer_and_role_then_the_name_apart(tmp_path):
    facts = facts_of(tmp_path, "2021年苏州市优秀企业家名单\n苏州新宇机械有限公司董事长 郭彦刚\n常州华川电子有限公司总经理 丁进\n")
    assert {("郭彦刚", "董事长", "苏州新宇机械有限公司"), ("丁进", "总经理", "常州华川电子有限公司")} <= positions(facts)
    assert {("郭彦刚", "苏州市优秀企业家", 2021)} <= {(c.recipient, c.award, c.year) for c in facts.conferrals}


def test_an_election_to_the_roles_of_the_society_the_paragraph_names(tmp_path):
    facts = facts_of(tmp_path, "中国质量万里行促进会第五次会员代表大会召开。大会选举产生第五届理事会。谢军当选为会长，"
                               "赵陕雄当选为副会长、秘书长。\n")
    assert {("谢军", "会长", "中国质量万里行促进会"), ("赵陕雄", "副会长", "中国质量万里行促进会"),
            ("赵陕雄", "秘书长", "中国质量万里行促进会")} <= positions(facts)


def test_a_firm_appoints_a_person_and_a_person_takes_a_post_at_a_firm(tmp_path):
    found = positions(facts_of(tmp_path, "苏州新宇机械有限公司聘任王建国为公司首席质量官。李明华任常州华川电子有限公司首席质量官。\n"))
    assert {("王建国", "首席质量官", "苏州新宇机械有限公司"), ("李明华", "首席质量官", "常州华川电子有限公司")} <= found
