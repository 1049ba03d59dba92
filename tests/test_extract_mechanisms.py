"""The extractor's general mechanisms, one short text each (written for the test, not taken from documents)."""
from __future__ import annotations

from pathlib import Path

from kg.extract import extract_facts
from kg.extract.awards import describe_award
from kg.extract.places import Places
from kg.reader import read_document
from kg.textnorm import strip_pinyin_glosses


def facts_of(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_facts(read_document(path))


def conferrals(facts) -> set[tuple]:
    return {(c.recipient, c.award, c.year) for c in facts.conferrals}


# -- name canonicalisation: pinyin glosses -------------------------------------------------

def test_pinyin_glosses_after_characters_are_removed():
    assert strip_pinyin_glosses("关(guān)于颁发第七届长江质(zhì)量奖(jiǎng)") == "关于颁发第七届长江质量奖"
    assert strip_pinyin_glosses("省長（zhǎng）") == "省長"
    assert strip_pinyin_glosses("创(chuàng )格科技、经济社会(huì )") == "创格科技、经济社会"  # a space left inside


def test_brackets_that_are_not_glosses_stay():
    for text in ("质量管理体系(QMS)", "黑牡丹(集团)股份有限公司", "(de)开头", "格力电器(武汉)有限公司"):
        assert strip_pinyin_glosses(text) == text


def test_a_glossed_document_gives_names_without_glosses(tmp_path):
    facts = facts_of(tmp_path, "某省人民政府关于表彰的决定\n授予宜昌某某机(jī)械有限公司第七届长江质(zhì)量奖。\n")
    names = {e.name for e in facts.entities}
    assert not any("(" in n and n.isascii() for n in names)
    assert "长江质(zhì)量奖" not in "".join(names)


# -- organisation names by their suffix grammar ----------------------------------------------

def test_a_trade_name_with_a_conjunction_character_stays_whole(tmp_path):
    # region + trade name (天和: 和 is also a conjunction) + industry + legal form
    facts = facts_of(tmp_path, "常州市人民政府决定授予常州天和科技股份有限公司“常州市市长质量奖”。\n")
    assert ("常州天和科技股份有限公司", "常州市市长质量奖") in {(r, a) for r, a, _ in conferrals(facts)}
    assert "科技股份有限公司" not in {e.name for e in facts.entities}
    assert "常州市" not in {c.recipient for c in facts.conferrals}


def test_a_conjunction_between_two_firms_still_separates_them(tmp_path):
    facts = facts_of(tmp_path, "市政府决定授予常州甲乙机械有限公司和常州丙丁电子有限公司常州市市长质量奖。\n")
    names = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert names == {"常州甲乙机械有限公司", "常州丙丁电子有限公司"}


def test_a_stop_glued_to_a_names_first_character_is_cut_off_alone(tmp_path):
    # jieba reads "对华为电子" as 对华|为|电子: the stop 对 goes, the brand 华为 stays
    facts = facts_of(tmp_path, "某市人民政府决定对华为电子有限公司、某某机械有限公司等2家企业授予某市市长质量奖。\n")
    names = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert "华为电子有限公司" in names and "电子有限公司" not in names


def test_trade_names_with_function_words_stay_whole(tmp_path):
    # an adverb (全新) and a verb before an unknown word (希望|琴牌) inside a name a place opened;
    # a conjunction's character (和) after the one-character first word of a list's item
    facts = facts_of(tmp_path, "市政府决定授予河南全新钢构有限公司、青岛新希望琴韵食品有限公司、信和光电股份有限公司"
                               "“某某市市长质量奖”。\n")
    names = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert {"河南全新钢构有限公司", "青岛新希望琴韵食品有限公司", "信和光电股份有限公司"} <= names


def test_a_verb_before_a_known_name_still_ends_what_comes_before(tmp_path):
    facts = facts_of(tmp_path, "陕西省市场监管局联合西安交通大学举办培训班。\n")
    assert "西安交通大学" in {e.name for e in facts.entities}
    assert not any("联合" in e.name for e in facts.entities)


def test_a_branch_named_after_its_organisation_is_one_name(tmp_path):
    facts = facts_of(tmp_path, "决定授予宜昌甲乙石化股份有限公司西南分公司化工研究院、湖北省煤田地质局第一勘探大队“宜昌市市长质量奖”。\n")
    names = {e.name: e.type for e in facts.entities}
    assert names.get("宜昌甲乙石化股份有限公司西南分公司化工研究院") == "Enterprise"
    assert names.get("湖北省煤田地质局第一勘探大队") == "Organization"
    assert {r for r, _, _ in conferrals(facts)} == {"宜昌甲乙石化股份有限公司西南分公司化工研究院", "湖北省煤田地质局第一勘探大队"}


def test_a_name_before_the_lists_deng_keeps_its_last_character(tmp_path):
    from kg.extract.lexicon import Lexicon
    from kg.extract.person_names import person_name_at
    text = "杜亚中等5人获得提名"
    assert text[:person_name_at(text, 0, Lexicon.default())] == "杜亚中"


def test_a_government_named_in_full_and_a_bodys_verb(tmp_path):
    # jieba may tag a place as a common noun (周口市): the gazetteer makes the name proper;
    # a verb after a body's name ends it (重庆市政府|召开|…奖 is no award's name)
    facts = facts_of(tmp_path, "周口市人民政府 关于表彰的决定\n重庆市政府召开市长质量管理奖颁奖大会。\n")
    names = {e.name: e.type for e in facts.entities}
    assert names.get("周口市人民政府") == "GovernmentBody"
    assert not any("召开" in n for n in names)


def test_newspapers_and_sites_named_as_sources(tmp_path):
    facts = facts_of(tmp_path, "某某消费报宜昌讯(记者王五)3月17日,会议召开。\n2023-01-10 16:00:22 某某质量报\n"
                               "据某某网消息:会议召开。\n发布时间:2015-10-15 来源:某某商务报 责任编辑:赵六\n")
    names = {e.name for e in facts.entities if e.type == "Organization"}
    assert {"某某消费报", "某某质量报", "某某网", "某某商务报"} <= names


def test_a_name_before_a_government_role(tmp_path):
    facts = facts_of(tmp_path, "宜昌市召开质量大会\n会议在宜昌市人民政府会议室举行，王振平副秘书长出席会议并讲话。\n")
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {("王振平", "副秘书长", "宜昌市")}


def test_a_role_the_person_is_elected_to(tmp_path):
    facts = facts_of(tmp_path, "宜昌甲乙集团董事长王建国被推选为湖北省企业首席质量官协会会长。\n")
    assert ("王建国", "会长", "湖北省企业首席质量官协会") in {(p.person, p.role, p.organization) for p in facts.positions}


def test_a_bare_party_committee_named_with_its_government(tmp_path):
    facts = facts_of(tmp_path, "宜昌市召开质量大会\n多年来，宜昌市委市政府高度重视质量工作。市委、市政府出台了意见。\n")
    bodies = {e.name: e for e in facts.entities if e.type == "GovernmentBody"}
    assert "中国共产党宜昌市委员会" in bodies and "市委" in bodies["中国共产党宜昌市委员会"].aliases
    alone = facts_of(tmp_path, "宜昌市召开质量大会\n市委书记出席。\n", "alone.txt")
    assert "中国共产党宜昌市委员会" not in {e.name for e in alone.entities}


def test_teams_of_an_organisation_and_what_no_unit_name_holds(tmp_path):
    # (the grade is the prize of the contest named before it: a bare 二等奖 alone names no award)
    facts = facts_of(tmp_path, "第五届某赛区QC小组成果发表赛落幕。宜昌甲乙锯业股份有限公司的削铁如泥QC小组荣获二等奖。\n"
                               "宜昌市质量技术监督局聘请省内知名质量管理小组专家授课。根据湖北省市场监督管理局的通知，会议召开。\n")
    names = {e.name for e in facts.entities}
    assert "削铁如泥QC小组" in names
    assert not any("聘请" in n or n.startswith("根据") for n in names)
    assert {r for r, _, _ in conferrals(facts)} == {"削铁如泥QC小组"}


def test_a_name_opening_with_zhang_after_a_firm_and_more_kinds_of_bodies(tmp_path):
    # 长 after …公司 opens the next name (长庆), no role; farms, museums and care homes are organisations
    facts = facts_of(tmp_path, "授予宜昌甲乙石化股份有限公司长庆炼化分公司、宜昌市八步沙林场、宜昌市三峡博物馆“宜昌市市长质量奖”。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"宜昌甲乙石化股份有限公司长庆炼化分公司", "宜昌市八步沙林场",
                                                    "宜昌市三峡博物馆"}


def test_a_trade_name_is_a_few_words_after_its_place_not_a_clause(tmp_path):
    facts = facts_of(tmp_path, "湖北省长江质量奖专家评审组来宜对宜昌甲乙机械有限公司开展现场评审。\n")
    names = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert names == {"宜昌甲乙机械有限公司"}


def test_a_name_right_before_its_role_after_its_employer(tmp_path):
    facts = facts_of(tmp_path, "培训班邀请了宜昌甲乙集团的王凯人副总工、宜昌丙丁集团的李志民副院长分别介绍了经验。\n")
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("王凯人", "副总工", "宜昌甲乙集团"), ("李志民", "副院长", "宜昌丙丁集团")}


def test_where_a_name_ends_next_to_a_verb_or_a_conjunction(tmp_path):
    from kg.extract.lexicon import Lexicon
    from kg.extract.person_names import person_name_at
    lexicon = Lexicon.default()
    for text, name in (("张海获个人奖。", "张海"), ("李咸和说，", "李咸和"), ("王小和李四", "王小")):
        assert text[:person_name_at(text, 0, lexicon)] == name


def test_roles_held_together_and_a_short_name_given_in_brackets(tmp_path):
    facts = facts_of(tmp_path, "宜昌甲乙材料有限公司董事长兼首席质量官王训美出席。"
                               "宜昌丙丁科技股份有限公司(下称丙丁科技)首席质量官李南飚介绍经验。\n")
    assert {(p.person, p.role, p.organization) for p in facts.positions} == {
        ("王训美", "董事长", "宜昌甲乙材料有限公司"), ("王训美", "首席质量官", "宜昌甲乙材料有限公司"),
        ("李南飚", "首席质量官", "宜昌丙丁科技股份有限公司")}


def test_bodies_named_with_the_autonomous_regions_level_word(tmp_path):
    facts = facts_of(tmp_path, "广西壮族自治区召开会议\n根据自治区人民政府的决定，自治区财政厅会同自治区质量技术监督局落实奖励。\n")
    bodies = {e.name for e in facts.entities if e.type == "GovernmentBody"}
    assert {"广西壮族自治区人民政府", "广西壮族自治区财政厅", "广西壮族自治区质量技术监督局"} <= bodies


# -- document layout: title and date -------------------------------------------------------

def test_the_title_skips_page_furniture_and_prefers_an_official_title():
    from kg.layout import find_title
    text = ("当前位置:首页 > 政务公开\n索 引 号: 0001/2024-00010\n有效性: 有效\n某府〔2024〕3号\n"
            "某某市人民政府关于表彰2023年度某某市市长质量奖的决定\n各区人民政府:\n")
    assert find_title(text) == "某某市人民政府关于表彰2023年度某某市市长质量奖的决定"
    assert find_title("新疆:以质为钥开启强区建设新篇章\n正文。") == "新疆:以质为钥开启强区建设新篇章"
    assert find_title("近日，某市召开质量大会。\n") is None


def test_a_decision_is_dated_by_its_signature(tmp_path):
    path = tmp_path / "decision.txt"
    path.write_text("关于表彰的决定\n正文。\n\n某某市人民政府\n2017年2月13日\n", encoding="utf-8")
    assert read_document(path).date == "2017-02-13"


# -- year resolution -------------------------------------------------------------------------

def test_a_range_of_years_is_one_conferral_in_its_last_year_with_the_range_kept(tmp_path):
    facts = facts_of(tmp_path, "许昌市人民政府关于表彰的决定\n根据《许昌市市长质量奖管理办法》(许政〔2014〕46号)规定，"
                               "市政府决定授予许昌瑞丰电气有限公司“2015—2016年度许昌市市长质量奖”。\n")
    [conferral] = facts.conferrals
    assert (conferral.recipient, conferral.award, conferral.year) == ("许昌瑞丰电气有限公司", "许昌市市长质量奖", 2016)
    assert conferral.period == "2015—2016年度"


def test_a_regulation_cited_in_passing_gives_no_year(tmp_path):
    facts = facts_of(tmp_path, "根据《宜昌市市长质量奖管理办法》(宜府〔2014〕46号)，市政府决定授予宜昌长风机电有限公司宜昌市市长质量奖。\n")
    assert {c.year for c in facts.conferrals} == {None}


def test_the_titles_year_then_the_documents_date_date_what_a_decision_confers(tmp_path):
    titled = facts_of(tmp_path, "关于表彰2023年度宜昌市市长质量奖的决定\n市政府决定授予宜昌甲乙机械有限公司宜昌市市长质量奖。\n",
                      "titled.txt")
    assert conferrals(titled) == {("宜昌甲乙机械有限公司", "宜昌市市长质量奖", 2023)}
    signed = facts_of(tmp_path, "关于表彰的决定\n市政府决定授予宜昌甲乙机械有限公司宜昌市市长质量奖。\n宜昌市人民政府\n2019年5月6日\n",
                      "signed.txt")
    assert conferrals(signed) == {("宜昌甲乙机械有限公司", "宜昌市市长质量奖", 2019)}


def test_news_of_a_past_honour_is_not_dated_by_the_news(tmp_path):
    facts = facts_of(tmp_path, "某市召开质量大会\n2022-03-01 来源：某报\n会上介绍，宜昌甲乙机械有限公司曾获湖北省长江质量奖。\n")
    assert {c.year for c in facts.conferrals} == {None}


# -- award names: region + core + tier, without edition -------------------------------------

def test_an_edition_after_the_region_is_the_period_not_part_of_the_name(tmp_path):
    facts = facts_of(tmp_path, "关于颁发第八届市长质量奖的决定\n授予黄石甲乙水泥有限公司黄石市第八届市长质量奖。\n"
                               "黄石市人民政府\n2024年3月4日\n")
    [conferral] = facts.conferrals
    assert (conferral.award, conferral.year, conferral.period) == ("黄石市市长质量奖", 2024, "第八届")


# -- enumerations and recipients ---------------------------------------------------------------

def test_a_count_closing_a_list_of_named_recipients_keeps_them(tmp_path):
    facts = facts_of(tmp_path, "TCL科技集团股份有限公司、欣旺达电子股份有限公司等2个组织获“广东省政府质量奖”。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("TCL科技集团股份有限公司", "广东省政府质量奖"), ("欣旺达电子股份有限公司", "广东省政府质量奖")}


def test_a_team_named_with_its_organisation_is_the_recipient(tmp_path):
    facts = facts_of(tmp_path, "授予中国水电七局成都水电建设工程有限公司白鹤滩灌浆智能化攻坚班组“四川省天府质量奖”。\n")
    assert {c.recipient for c in facts.conferrals} == {"中国水电七局成都水电建设工程有限公司白鹤滩灌浆智能化攻坚班组"}
    names = {e.name for e in facts.entities}
    assert "中国水电七局成都水电建设工程有限公司" in names  # the organisation is still named


def test_a_prize_goes_to_no_place_and_no_governing_body(tmp_path):
    facts = facts_of(tmp_path, "国务院、质检总局决定授予海尔集团公司中国质量奖。\n青岛市获评全国质量强市示范城市。\n")
    assert {(c.recipient, c.award) for c in facts.conferrals} == {
        ("海尔集团公司", "中国质量奖"), ("青岛市", "全国质量强市示范城市")}


def test_words_around_a_ceremony_are_no_award(tmp_path):
    facts = facts_of(tmp_path, "市长张三为获奖企业颁奖。某某公司获了一等奖。\n")
    assert not any(e.type == "Award" and (e.name.startswith(("奖", "了")) or "颁奖" in e.name) for e in facts.entities)


def test_a_news_page_is_dated_by_its_dateline(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("某报\n第七届广东省政府质量奖颁奖大会召开\n\n2023-01-10 16:00:22 中国质量报\n正文。\n", encoding="utf-8")
    assert read_document(path).date == "2023-01-10"


def test_a_byline_that_names_its_source_first_dates_the_page(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("某市三家企业获奖\n\n某某时报 2024-01-11 16:01:44\n\n近日，正文。\n", encoding="utf-8")
    assert read_document(path).date == "2024-01-11"
    path.write_text("某市三家企业获奖\n\n近日，据2024-01-11的报道，正文。\n", encoding="utf-8")
    assert read_document(path).date is None


def test_variant_characters_match_their_simplified_form():
    from kg.textnorm import matchable
    assert matchable("陜西質量獎") == "陕西质量奖"


# -- conferral frames --------------------------------------------------------------------------

def test_a_decision_may_name_its_recipients_before_the_verb(tmp_path):
    facts = facts_of(tmp_path, "国务院决定对京东方科技集团股份有限公司、中铁工程装备集团有限公司等2家组织授予第四届中国质量奖。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("京东方科技集团股份有限公司", "中国质量奖"), ("中铁工程装备集团有限公司", "中国质量奖")}


def test_an_enumerated_subject_carries_to_the_verb_of_a_later_clause(tmp_path):
    facts = facts_of(tmp_path, "省政府日前印发决定，九州通医药集团股份有限公司、东风商用车有限公司等2家企业脱颖而出，"
                               "摘获“湖北省长江质量奖”。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"九州通医药集团股份有限公司", "东风商用车有限公司"}


def test_trade_names_after_a_place_keep_descriptive_words_and_one_character_verbs(tmp_path):
    facts = facts_of(tmp_path, "授予杭州福斯达深冷装备股份有限公司、湖北永恒太阳能股份有限公司、美的集团股份有限公司“某奖”。\n")
    names = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert {"杭州福斯达深冷装备股份有限公司", "湖北永恒太阳能股份有限公司", "美的集团股份有限公司"} <= names


def test_people_named_without_a_role_in_a_decision(tmp_path):
    facts = facts_of(tmp_path, "授予攀枝花技师学院周树春同志第二届四川省天府质量奖；授予九州通医药集团股份有限公司、"
                               "李万君等9名个人第四届中国质量奖提名奖。\n")
    people = {e.name for e in facts.entities if e.type == "Person"}
    assert {"周树春", "李万君"} <= people


def test_a_counted_list_of_short_names_are_organisations(tmp_path):
    facts = facts_of(tmp_path, "省政府研究决定，授予海尔、海信、青岛港3个企业山东省省长质量奖。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"海尔", "海信", "青岛港"}


def test_a_site_name_above_the_article_is_not_its_title():
    from kg.layout import find_title
    assert find_title("中国质量新闻网\n第七届广东省政府质量奖颁奖大会在广州召开\n正文。") == "第七届广东省政府质量奖颁奖大会在广州召开"


def test_an_award_referred_back_to_is_the_one_named_just_before(tmp_path):
    # anaphora: 获此殊荣 / 获得该奖 take the award the text named last, and the year told with it
    facts = facts_of(tmp_path, "某市再启质量奖评选\n首届宜昌市市长质量奖于2015年颁出，宜昌甲乙机械有限公司、"
                               "宜昌丙丁电子有限公司等5家单位获此殊荣。\n")
    assert conferrals(facts) == {("宜昌甲乙机械有限公司", "宜昌市市长质量奖", 2015),
                                 ("宜昌丙丁电子有限公司", "宜昌市市长质量奖", 2015)}


def test_a_bare_tier_is_the_tier_of_the_award_named_before(tmp_path):
    facts = facts_of(tmp_path, "某报\n本届新增了宜昌市市长质量奖提名奖。本次有宜昌甲乙机械有限公司、宜昌丙丁电子有限公司"
                               "等共8家单位获提名奖。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("宜昌甲乙机械有限公司", "宜昌市市长质量奖提名奖"),
                                                        ("宜昌丙丁电子有限公司", "宜昌市市长质量奖提名奖")}


def test_a_counted_statement_names_its_recipients_in_the_list_after_it(tmp_path):
    same_sentence = facts_of(tmp_path, "其中宜昌市3家企业获“湖北省长江质量奖”，分别是宜昌甲乙机械有限公司、"
                                       "宜昌丙丁电子有限公司、宜昌戊己化工有限公司。\n", "a.txt")
    assert {r for r, _, _ in conferrals(same_sentence)} == {"宜昌甲乙机械有限公司", "宜昌丙丁电子有限公司",
                                                           "宜昌戊己化工有限公司"}
    bracketed = facts_of(tmp_path, "全省共有2家组织获得过湖北省长江质量奖（宜昌甲乙机械有限公司、宜昌丙丁电子有限公司），"
                                   "居全国前列。\n", "b.txt")
    assert {r for r, _, _ in conferrals(bracketed)} == {"宜昌甲乙机械有限公司", "宜昌丙丁电子有限公司"}
    next_sentence = facts_of(tmp_path, "会上，46家企业获授“全国质量标杆”称号。2家本省企业分别是：宜昌甲乙机械有限公司、"
                                       "宜昌丙丁电子有限公司。\n", "c.txt")
    assert {r for r, _, _ in conferrals(next_sentence)} == {"宜昌甲乙机械有限公司", "宜昌丙丁电子有限公司"}
    counted_only = facts_of(tmp_path, "全市共有12家企业获得湖北省长江质量奖，居全省第一。\n", "d.txt")
    assert conferrals(counted_only) == set()


def test_a_statement_of_the_present_event_takes_the_documents_year(tmp_path):
    present = facts_of(tmp_path, "某报\n2024-07-05 来源：某某日报\n本次宜昌甲乙机械有限公司获湖北省长江质量奖。\n", "a.txt")
    assert conferrals(present) == {("宜昌甲乙机械有限公司", "湖北省长江质量奖", 2024)}
    past = facts_of(tmp_path, "某报\n2024-07-05 来源：某某日报\n今年是该奖设立十周年，宜昌甲乙机械有限公司曾先后3次获得"
                              "湖北省长江质量奖。\n", "b.txt")
    assert {c.year for c in past.conferrals} == {None}


def test_past_editions_in_an_announcement_keep_no_year_of_their_own(tmp_path):
    # the evaluation step named in an earlier clause does not make the honour a plan; the two years listed
    # together, one per edition, date neither; the title's edition (第三届) is not the sentence's
    facts = facts_of(tmp_path, "第三届宜昌市市长质量奖发布会\n我市于2012年和2014年分别开展了第一届和第二届宜昌市市长质量奖"
                               "评审工作，共有宜昌甲乙机械有限公司、宜昌丙丁电子有限公司等2家企业荣获“宜昌市市长质量奖”。\n")
    assert conferrals(facts) == {("宜昌甲乙机械有限公司", "宜昌市市长质量奖", None),
                                 ("宜昌丙丁电子有限公司", "宜昌市市长质量奖", None)}


def test_each_verb_of_a_sentence_has_its_own_subject(tmp_path):
    facts = facts_of(tmp_path, "其中宜昌甲乙机械有限公司已获得湖北省长江质量奖、宜昌丙丁电子有限公司获宜昌市市长质量奖。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("宜昌甲乙机械有限公司", "湖北省长江质量奖"),
                                                        ("宜昌丙丁电子有限公司", "宜昌市市长质量奖")}


def test_a_clause_with_a_subject_no_finder_knew_does_not_borrow_an_earlier_one(tmp_path):
    facts = facts_of(tmp_path, "在宜昌市质量协会联合宜昌市总工会开展的评选活动中，某某机电车间老技师荣获“宜昌工匠”称号。\n")
    assert not any(c.recipient in ("宜昌市质量协会", "宜昌市总工会") for c in facts.conferrals)


def test_a_character_lost_in_scraping_does_not_end_the_sentence(tmp_path):
    facts = facts_of(tmp_path, "市政府决定授予宜昌甲乙机械有限公司、宜昌某??电子有限公司、宜昌丙丁化工有限公司等3家企业"
                               "“宜昌市市长质量奖”称号。\n")
    assert {"宜昌甲乙机械有限公司", "宜昌丙丁化工有限公司"} <= {r for r, _, _ in conferrals(facts)}


def test_a_person_named_right_after_the_employer_is_the_recipient(tmp_path):
    # no role between: the honour's verb after the name shows it is a person's, the body is the employer
    facts = facts_of(tmp_path, "近日，宜昌机电公司王建国荣获“宜昌工匠”称号。\n")
    assert {e.name for e in facts.entities if e.type == "Person"} == {"王建国"}
    assert {r for r, _, _ in conferrals(facts)} == {"王建国"}


def test_a_year_before_a_quoted_name_in_the_title_is_the_titles_year(tmp_path):
    facts = facts_of(tmp_path, "2017“某某”年度质量标杆的决定\n决定授予宜昌甲乙机械有限公司“宜昌市质量标杆奖”。\n")
    assert {c.year for c in facts.conferrals if c.recipient == "宜昌甲乙机械有限公司"} == {2017}


def test_an_award_as_the_subject_of_its_granting_verb(tmp_path):
    facts = facts_of(tmp_path, "本届湖北省长江质量奖授予甲乙电气、丙丁重工、戊己航天共计3家企业。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("甲乙电气", "湖北省长江质量奖"), ("丙丁重工", "湖北省长江质量奖"),
                                                        ("戊己航天", "湖北省长江质量奖")}


def test_recipients_that_a_verb_lists_under_the_award_whose_list_was_announced(tmp_path):
    # 上榜 names no award: the one whose 获奖名单 the sentence announced; the count closes the list's last name
    facts = facts_of(tmp_path, "某报\n首届宜昌市市长质量奖获奖名单出炉，宜昌甲乙珠宝有限公司、湖北丙丁古典家具有限公司"
                               "2家企业上榜。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("宜昌甲乙珠宝有限公司", "宜昌市市长质量奖"),
                                                        ("湖北丙丁古典家具有限公司", "宜昌市市长质量奖")}


def test_the_recipient_an_award_clause_describes(tmp_path):
    facts = facts_of(tmp_path, "某报\n已获得湖北省长江质量奖的宜昌甲乙机械有限公司同时享受获奖企业待遇。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("宜昌甲乙机械有限公司", "湖北省长江质量奖")}


def test_a_title_on_a_citys_award_does_not_date_a_provinces(tmp_path):
    facts = facts_of(tmp_path, "宜昌评出首届市政府质量奖\n2013-02-20 来源：某网\n"
                               "已获得湖北省政府质量奖的宜昌甲乙机械有限公司同时享受待遇。\n")
    assert {c.year for c in facts.conferrals} == {None}


def test_honours_listed_after_a_verb_and_closed_by_their_kind(tmp_path):
    # the list's items are honours because 等荣誉称号 closes it; the person opening the sentences is the subject
    facts = facts_of(tmp_path, "王建国是宜昌机电公司的高级技师。王建国曾获得宜昌市技术能手、湖北五一劳动奖章、"
                               "全国百姓学习之星等荣誉称号。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("王建国", "宜昌市技术能手"), ("王建国", "湖北省五一劳动奖章"), ("王建国", "全国百姓学习之星")}


def test_an_edition_is_dated_by_the_year_a_sentence_tells_it_with(tmp_path):
    facts = facts_of(tmp_path, "某报\n宜昌甲乙机械有限公司、宜昌丙丁电子有限公司获第二届宜昌市市长质量奖。\n"
                               "2023年经市政府批准，第二届宜昌市市长质量奖评选工作启动。2020年全市质量工作考核情况良好。\n")
    assert {c.year for c in facts.conferrals} == {2023}


def test_a_governments_leaders_belong_to_the_place(tmp_path):
    facts = facts_of(tmp_path, "省政府副省长李建国、广东省政府副秘书长王立新出席会议。\n")
    assert {(p.person, p.organization) for p in facts.positions} >= {("王立新", "广东省")}


def test_the_present_event_may_be_told_in_the_sentence_before(tmp_path):
    facts = facts_of(tmp_path, "某报\n2021-12-18 来源：某某日报\n大会还表彰了湖北省长江质量奖获奖企业。"
                               "宜昌甲乙机械有限公司获评湖北省长江质量奖。\n")
    assert conferrals(facts) == {("宜昌甲乙机械有限公司", "湖北省长江质量奖", 2021)}


def test_an_award_handed_over_at_another_editions_ceremony_keeps_no_year(tmp_path):
    # the title's edition written 第七届, the sentence's 第7届: the same; 第4届 of another award is not
    facts = facts_of(tmp_path, "第七届湖北省长江质量奖颁奖大会召开\n2023-01-10 来源：某报\n"
                               "大会为获奖组织颁奖：宜昌甲乙机械有限公司获“第4届中国质量奖”；宜昌丙丁电子有限公司获"
                               "“第7届湖北省长江质量奖”。\n")
    years = {(c.recipient, c.year) for c in facts.conferrals}
    assert ("宜昌甲乙机械有限公司", None) in years and ("宜昌丙丁电子有限公司", 2023) in years


def test_small_numbers_and_editions():
    from kg.extract.numbers import edition_number, small_number
    assert [small_number(w) for w in ("10", "十", "五", "二十一", "十五", "多")] == [10, 10, 5, 21, 15, None]
    assert [edition_number(w) for w in ("第七届", "第7届", "首届", "第十二届")] == [7, 7, 1, 12]


def test_a_persons_honour_goes_to_people_and_a_bodys_to_bodies(tmp_path):
    facts = facts_of(tmp_path, "会上，宜昌甲乙机械有限公司被授予“宜昌市质量工作先进单位”称号，"
                               "宜昌丙丁电子有限公司被授予“宜昌市质量工作先进个人”称号。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("宜昌甲乙机械有限公司", "宜昌市质量工作先进单位")}


def test_a_count_of_teams_is_no_unit_of_the_firm(tmp_path):
    facts = facts_of(tmp_path, "宜昌甲乙机械有限公司等9个QC小组荣获优秀质量管理小组称号。\n")
    assert not any("等9个" in e.name for e in facts.entities)


def test_the_recipients_an_award_clause_describes_as_a_list(tmp_path):
    facts = facts_of(tmp_path, "副市长等领导为荣获“宜昌市首届政府质量奖”的宜昌甲乙机械有限公司、宜昌丙丁电子有限公司等2家企业颁奖。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"宜昌甲乙机械有限公司", "宜昌丙丁电子有限公司"}


def test_naming_the_recipients_as_what_the_honour_calls_them(tmp_path):
    facts = facts_of(tmp_path, "经推荐、严格审核和验收，质检总局同意命名宜昌市和襄阳市为“全国质量强市示范城市”。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"宜昌市", "襄阳市"}


def test_firms_whose_products_won(tmp_path):
    facts = facts_of(tmp_path, "宜昌甲乙面粉有限公司生产的“某某”牌挂面和宜昌丙丁酒业有限公司生产的“某某”牌露酒获得中国名牌产品称号。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"宜昌甲乙面粉有限公司", "宜昌丙丁酒业有限公司"}


def test_more_ways_to_say_won_and_a_since_that_dates_nothing(tmp_path):
    facts = facts_of(tmp_path, "会议总结了2010年以来的工作，表彰首届宜昌市市长质量奖获奖单位。\n"
                               "宜昌甲乙机械有限公司、宜昌市实验小学携手拿下首届宜昌市市长质量奖。\n")
    assert {(r, y) for r, _, y in conferrals(facts)} == {("宜昌甲乙机械有限公司", None), ("宜昌市实验小学", None)}


# -- honour rolls --------------------------------------------------------------------------------

def test_a_roll_under_a_quoted_heading_and_a_list_words_line(tmp_path):
    facts = facts_of(tmp_path, "内蒙古自治区主席质量奖揭晓\n2023年度“内蒙古自治区主席质量奖”\n获奖企业名单\n"
                               "  包头市英思特稀磁新材料股份有限公司\n\n  内蒙古双欣环保材料股份有限公司\n")
    assert conferrals(facts) == {("包头市英思特稀磁新材料股份有限公司", "内蒙古自治区主席质量奖", 2023),
                                 ("内蒙古双欣环保材料股份有限公司", "内蒙古自治区主席质量奖", 2023)}


def test_past_winners_listed_one_year_a_line(tmp_path):
    facts = facts_of(tmp_path, "南通四企业获2015年度市长质量奖\n市政府授予江苏通光电子线缆股份有限公司“2015年度南通市市长质量奖”。\n"
                               "链接:历届获奖名单\n2009年:南通醋酸纤维有限公司(崇川)\n"
                               "2010年:江苏联发集团股份有限公司(海安)、南通供电公司(崇川)\n")
    assert conferrals(facts) == {("江苏通光电子线缆股份有限公司", "南通市市长质量奖", 2015),
                                 ("南通醋酸纤维有限公司", "南通市市长质量奖", 2009),
                                 ("江苏联发集团股份有限公司", "南通市市长质量奖", 2010),
                                 ("南通供电公司", "南通市市长质量奖", 2010)}


def test_news_sites_named_as_a_source_are_organisations(tmp_path):
    facts = facts_of(tmp_path, "第七届长江质量奖揭晓\n2018-02-05 22:35:00 来源:荆楚网\n中国江苏网3月28日讯 某某。据红网报道，某某。"
                               "国家电网、互联网和上网不是新闻网站。\n")
    organizations = {e.name for e in facts.entities if e.type == "Organization"}
    assert {"荆楚网", "中国江苏网", "红网"} <= organizations
    assert not {"国家电网", "互联网", "上网"} & organizations


def test_a_stop_glued_to_a_level_word_and_a_verb_before_a_brand_end_no_name(tmp_path):
    facts = facts_of(tmp_path, "大连市召开质量大会。会议由市质监局局长戴克敏主持。经评审确定江铃汽车股份有限公司副总裁曾发发获奖。\n")
    positions = {(p.person, p.role, p.organization) for p in facts.positions}
    assert ("戴克敏", "局长", "大连市质量技术监督局") in positions
    assert ("曾发发", "副总裁", "江铃汽车股份有限公司") in positions


def test_a_roll_keeps_going_past_its_numbers_notes_and_categories(tmp_path):
    # the roll's award carries no designation: the one edition the text names, dated by the
    # range of years that opens the sentence naming it
    facts = facts_of(tmp_path, "各有关单位：\n2018年-2019年某省质量协会开展了第十八届湖北省质量管理奖评审工作。\n"
                               "一、湖北省质量管理奖(3家)\n再次获奖组织\n1.宜昌甲乙机械有限公司\n大中型企业\n"
                               "2\n宜昌丙丁电子有限公司(制造业)\n(以下为服务业)\n3.宜昌戊己物流有限公司\n")
    assert conferrals(facts) == {(name, "湖北省质量管理奖", 2019) for name in
                                 ("宜昌甲乙机械有限公司", "宜昌丙丁电子有限公司", "宜昌戊己物流有限公司")}


def test_a_roll_item_numbered_with_ling(tmp_path):
    facts = facts_of(tmp_path, "附件：\n一、湖北省长江质量奖(共2个)\n中国某某重工集团公司第七〇二研究所\n宜昌甲乙机械有限公司\n")
    assert {r for r, _, _ in conferrals(facts)} == {"中国某某重工集团公司第七〇二研究所", "宜昌甲乙机械有限公司"}


def test_a_counted_winners_line_and_a_brand_holding_de(tmp_path):
    # "获得X的N家企业或组织是：" then the list on the same line; 美的 is a brand, not a particle
    facts = facts_of(tmp_path, "获得“2019年度湖北省长江质量奖”的2家企业或组织是:佛山市顺德区美的洗碗机制造有限公司、"
                               "宜昌市轻工技师学院。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"佛山市顺德区美的洗碗机制造有限公司", "宜昌市轻工技师学院"}


def test_the_others_who_won_it_too(tmp_path):
    # 获此殊荣的还有 + places named with their province: the cities
    facts = facts_of(tmp_path, "宜昌荣获“全国十大质量魅力城市”荣誉称号。获此殊荣的还有江苏常州、河南新乡。\n")
    assert {r for r, _, _ in conferrals(facts)} >= {"常州市", "新乡市"}
    assert not {"江苏省", "河南省"} & {r for r, _, _ in conferrals(facts)}


def test_winners_counted_then_listed_and_those_included_in_a_count(tmp_path):
    facts = facts_of(tmp_path, "某市组织开展了第二届宜昌市市长质量奖评选工作。\n经评审，共有2家单位获奖，分别为：宜昌甲乙机械有限公司、"
                               "宜昌丙丁电子有限公司。\n另有包括宜昌戊己化工有限公司在内的10家单位获提名奖。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("宜昌甲乙机械有限公司", "宜昌市市长质量奖"), ("宜昌丙丁电子有限公司", "宜昌市市长质量奖"),
        ("宜昌戊己化工有限公司", "宜昌市市长质量奖提名奖")}


def test_tiers_listed_right_after_their_award(tmp_path):
    facts = facts_of(tmp_path, "会议对第四届宜昌市三峡质量奖和提名奖获得者进行了表彰。"
                               "宜昌市质量奖、质量奖提名奖、班组奖获奖企业代表参加会议。\n")
    awards = {e.name for e in facts.entities if e.type == "Award"}
    assert {"宜昌市三峡质量奖提名奖", "宜昌市质量奖提名奖", "宜昌市质量奖班组奖"} <= awards


def test_a_nomination_for_an_award_is_its_nomination_prize(tmp_path):
    facts = facts_of(tmp_path, "宜昌甲乙食品有限公司等5家企业获得宜昌市市长质量管理奖提名。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("宜昌甲乙食品有限公司", "宜昌市市长质量管理奖提名奖")}


def test_a_long_honour_in_quotes_after_a_verb(tmp_path):
    facts = facts_of(tmp_path, "宜昌甲乙钢铁股份有限公司等5家企业获得“2013年度湖北省企业质量信用等级AAA级企业”荣誉称号。\n")
    assert conferrals(facts) == {("宜昌甲乙钢铁股份有限公司", "湖北省企业质量信用等级AAA级企业", 2013)}


def test_a_citys_ending_shared_with_its_mayors_award_is_spelled_out(tmp_path):
    from kg.extract.awards import describe_award
    from kg.extract.places import find_places
    for written, name in (("宜昌市长质量贡献奖", "宜昌市市长质量贡献奖"), ("湖北省长江质量奖", "湖北省长江质量奖")):
        assert describe_award(written, find_places(written))["name"] == name


def test_a_team_counted_among_teams_after_the_steps_of_a_call(tmp_path):
    facts = facts_of(tmp_path, "由企业自愿申报、经专家评审，宜昌甲乙机械有限公司求实QC小组等63个班组被评为"
                               "2008年度湖北省机械工业优秀质量管理小组。\n")
    assert conferrals(facts) == {("宜昌甲乙机械有限公司求实QC小组", "湖北省机械工业优秀质量管理小组", 2008)}


# -- award names: the region from the issuing government ------------------------------------

def test_an_award_without_its_region_is_the_issuing_governments(tmp_path):
    facts = facts_of(tmp_path, "泉州市人民政府关于第六届泉州市政府质量奖的通报\n市政府决定授予福建火炬电子科技股份有限公司市政府质量奖提名奖。\n")
    awards = {e.name: e for e in facts.entities if e.type == "Award"}
    assert set(awards) == {"泉州市政府质量奖", "泉州市政府质量奖提名奖"}
    assert awards["泉州市政府质量奖"].conferrer == "泉州市"
    assert "泉州市人民政府质量奖" in awards["泉州市政府质量奖"].aliases  # the other usual form
    facts = facts_of(tmp_path, "2023年度自治区主席质量奖揭晓\n内蒙古自治区人民政府发布通报，授予包头市英思特稀磁新材料股份有限公司"
                               "2023年度“自治区主席质量奖”。\n", "autonomous.txt")
    assert conferrals(facts) == {("包头市英思特稀磁新材料股份有限公司", "内蒙古自治区主席质量奖", 2023)}


def test_a_roll_takes_names_no_finder_knew_and_the_headings_region(tmp_path):
    facts = facts_of(tmp_path, "9月24日,会上宣读了《省人民政府关于颁发第八届长江质量奖的决定》,并为获奖组织颁奖。\n"
                               "湖北省第八届长江质量奖获奖组织\n中国船舶重工集团公司第七一九研究所\n格力电器(武汉)有限公司\n")
    assert facts.document.title != "省人民政府关于颁发第八届长江质量奖的决定"  # cited by a sentence, not the title
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("中国船舶重工集团公司第七一九研究所", "湖北省长江质量奖"), ("格力电器(武汉)有限公司", "湖北省长江质量奖")}


def test_tiers_of_an_award_without_region_and_a_place_tagged_as_a_word(tmp_path):
    facts = facts_of(tmp_path, "辽宁省人民政府关于授予省长质量奖的决定\n省政府决定,授予大连华锐重工集团股份有限公司"
                               "2019年省长质量奖金奖,授予东北制药集团股份有限公司2019年省长质量奖银奖。\n")
    assert conferrals(facts) == {("大连华锐重工集团股份有限公司", "辽宁省省长质量奖金奖", 2019),
                                 ("东北制药集团股份有限公司", "辽宁省省长质量奖银奖", 2019)}


def test_a_title_may_hold_one_bar_a_table_of_fields_holds_several():
    from kg.layout import find_title
    assert find_title("喜报｜蜀工集团荣获第六届天府质量奖\n") == "喜报｜蜀工集团荣获第六届天府质量奖"
    assert find_title("制发机关 | 宜兴市人民政府 | 文号\n某市召开质量大会\n") == "某市召开质量大会"


def test_a_counted_award_then_its_list_after_a_cue(tmp_path):
    facts = facts_of(tmp_path, "泉州市人民政府关于第六届泉州市政府质量奖的通报\n本届质量奖还评选出9家市政府质量奖提名奖企业,其中我会6家上榜,"
                               "分别是:南威软件股份有限公司、泉州福海粮油工业有限公司。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("南威软件股份有限公司", "泉州市政府质量奖提名奖"),
                                                          ("泉州福海粮油工业有限公司", "泉州市政府质量奖提名奖")}


def test_an_industry_word_before_a_firms_form_is_part_of_its_name(tmp_path):
    facts = facts_of(tmp_path, "今年，潮州三环电子有限公司以及汕头宜华企业集团有限公司同获“广东省政府质量奖”。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"潮州三环电子有限公司", "汕头宜华企业集团有限公司"}


def test_an_award_then_its_count_then_its_list(tmp_path):
    facts = facts_of(tmp_path, "会上颁发了第五届中国质量奖。其中,中国质量奖1家,为TCL科技集团股份有限公司;"
                               "中国质量奖提名奖2家,分别为广东联塑科技实业有限公司、纳思达股份有限公司。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("TCL科技集团股份有限公司", "中国质量奖"), ("广东联塑科技实业有限公司", "中国质量奖提名奖"),
        ("纳思达股份有限公司", "中国质量奖提名奖")}


def test_a_decisions_list_runs_on_past_a_semicolon_to_its_award(tmp_path):
    facts = facts_of(tmp_path, "市政府决定:\n授予青岛鼎信通讯股份有限公司、海利尔药业集团股份有限公司;青岛兴仪电子设备有限责任公司"
                               "等3家单位第七届青岛市市长质量奖提名奖。\n")
    assert {r for r, _, _ in conferrals(facts)} == {
        "青岛鼎信通讯股份有限公司", "海利尔药业集团股份有限公司", "青岛兴仪电子设备有限责任公司"}


def test_people_closed_by_a_count_and_brands_before_a_count(tmp_path):
    facts = facts_of(tmp_path, "授予海尔、海信2个企业和吴经建、陈汝孝、王信3人山东省省长质量奖。\n"
                               "雪天盐业、华锐精密等7家组织荣获湖南省省长质量奖。全省首席质量官超1000人。\n")
    people = {e.name for e in facts.entities if e.type == "Person"}
    assert people == {"吴经建", "陈汝孝", "王信"}
    assert {"雪天盐业", "华锐精密"} <= {r for r, _, _ in conferrals(facts)}


def test_compound_roles_and_a_national_bodys_short_name(tmp_path):
    facts = facts_of(tmp_path, "会上，国家市场监管总局党组书记、局长罗文讲话。海尔集团董事局主席张瑞敏出席。\n")
    positions = {(p.person, p.role, p.organization) for p in facts.positions}
    assert ("罗文", "局长", "国家市场监督管理总局") in positions
    assert ("罗文", "党组书记", "国家市场监督管理总局") in positions
    assert ("张瑞敏", "董事局主席", "海尔集团") in positions


def test_a_lists_last_item_no_finder_knew_and_a_name_that_ends_in_a_place_character(tmp_path):
    facts = facts_of(tmp_path, "广西丹泉酒业有限公司、中粮油脂(钦州)有限公司、骆驼集团华南蓄电池有限公司、桂林市象山景区管理处"
                               "等4家单位获第六届广西壮族自治区主席质量奖提名奖。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"广西丹泉酒业有限公司", "中粮油脂(钦州)有限公司",
                                                    "骆驼集团华南蓄电池有限公司", "桂林市象山景区管理处"}


def test_an_award_in_a_bracketed_note_is_not_the_one_granted(tmp_path):
    facts = facts_of(tmp_path, "市政府决定授予东莞市豪顺精密科技有限公司、楚天龙股份有限公司(曾获2018年东莞市政府质量奖鼓励奖,"
                               "不占用本届名额)等2家企业2020年“东莞市政府质量奖鼓励奖”称号。\n")
    assert conferrals(facts) == {("东莞市豪顺精密科技有限公司", "东莞市政府质量奖鼓励奖", 2020),
                                 ("楚天龙股份有限公司", "东莞市政府质量奖鼓励奖", 2020),
                                 # the note speaks of the firm right before it, and of 2018
                                 ("楚天龙股份有限公司", "东莞市政府质量奖鼓励奖", 2018)}


def test_a_year_opening_the_title_dates_what_it_announces(tmp_path):
    facts = facts_of(tmp_path, "2025年全省质量工作暨省长质量奖颁奖大会召开\n会上，湖南雪天盐业股份有限公司荣获湖南省省长质量奖。\n")
    assert conferrals(facts) == {("湖南雪天盐业股份有限公司", "湖南省省长质量奖", 2025)}


def test_honours_for_groups_and_units(tmp_path):
    facts = facts_of(tmp_path, "浙江三花股份有限公司求实QC小组荣获全国优秀质量管理小组称号。\n")
    assert ("浙江三花股份有限公司求实QC小组", "全国优秀质量管理小组") in {(r, a) for r, a, _ in conferrals(facts)}


def test_a_roll_of_numbered_rows_with_a_gap(tmp_path):
    facts = facts_of(tmp_path, "黄石市市长质量奖\n1  湖北华新水泥股份有限公司\n2\t大冶有色金属集团控股有限公司\n10 家企业获奖。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("湖北华新水泥股份有限公司", "黄石市市长质量奖"),
                                                          ("大冶有色金属集团控股有限公司", "黄石市市长质量奖")}


def test_a_role_listed_after_another_holders_names_shares_its_organisation(tmp_path):
    facts = facts_of(tmp_path, "重庆市市长黄奇帆、副市长谢小军出席大会。海南省市场监督管理局党组书记、局长铁刚致辞。\n")
    positions = {(p.person, p.role, p.organization) for p in facts.positions}
    assert {("黄奇帆", "市长", "重庆市"), ("谢小军", "副市长", "重庆市"),
            ("铁刚", "局长", "海南省市场监督管理局")} <= positions


def test_national_leaders_are_people_wherever_they_are_named(tmp_path):
    facts = facts_of(tmp_path, "以习近平新时代中国特色社会主义思想为指导，推进质量强省建设。\n")
    assert "习近平" in {e.name for e in facts.entities if e.type == "Person"}


def test_a_list_of_people_as_the_subject_of_a_later_clause(tmp_path):
    facts = facts_of(tmp_path, "7月17日，授予仪式举行。杨波、张天友、邓建华等3人，获得“巴渝工匠”称号。\n")
    assert {r for r, _, _ in conferrals(facts)} == {"杨波", "张天友", "邓建华"}


def test_the_winners_listed_after_the_award_named_before(tmp_path):
    facts = facts_of(tmp_path, "会议对10家2013年度河南省省长质量奖获奖企业进行了表彰。\n这2家获奖企业分别为:河南科隆集团有限公司、"
                               "河南森源集团有限公司。\n")
    assert conferrals(facts) == {("河南科隆集团有限公司", "河南省省长质量奖", 2013),
                                 ("河南森源集团有限公司", "河南省省长质量奖", 2013)}


def test_a_place_holds_only_honours_for_places(tmp_path):
    facts = facts_of(tmp_path, "重庆市新闻传媒中心举行仪式。重庆市获评全国质量强市示范城市。重庆市获得“巴渝工匠”称号。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("重庆市", "全国质量强市示范城市")}


def test_an_honour_dated_where_the_text_writes_it_again(tmp_path):
    facts = facts_of(tmp_path, "重庆10人获“巴渝工匠”称号\n杨波、张天友等2人，获得“巴渝工匠”称号。\n"
                               "7月17日，2017年度十大“巴渝工匠”颁奖仪式现场。\n")
    assert conferrals(facts) == {("杨波", "巴渝工匠", 2017), ("张天友", "巴渝工匠", 2017)}


def test_short_names_listed_before_a_qualified_kind_are_organisations(tmp_path):
    facts = facts_of(tmp_path, "甲乙、丙丁、戊己等大企业将发挥作用。\n今年已有鞍钢、某口港等多家公司荣获此殊荣。\n"
                               "某某日报、某某社、某某电视台等主流媒体多篇作品获奖。\n")
    names = {e.name: e.type for e in facts.entities}
    assert {names.get(n) for n in ("鞍钢", "某口港")} == {"Enterprise"}
    assert names.get("某某社") == "Organization" and names.get("某某电视台") == "Organization"


def test_common_words_listed_before_deng_are_no_firms(tmp_path):
    facts = facts_of(tmp_path, "政府、企业等单位参加会议。\n")
    assert not {"政府", "企业"} & {e.name for e in facts.entities}


def test_news_sites_named_as_owners_agencies_and_in_breadcrumbs(tmp_path):
    facts = facts_of(tmp_path, "  某某网 > 即时新闻 > 地方\n某某社北京9月6日电(记者王五)会议召开。\n"
                               "日期:2023-05-09 10:03:45 来源:甲网\n某乙网天津频道讯 会议召开。\n"
                               "Copyright © 2015-2022 某丙网版权所有\n")
    names = {e.name for e in facts.entities if e.type == "Organization"}
    assert {"某某网", "某某社", "甲网", "某乙网", "某丙网"} <= names


def test_central_bodies_named_by_their_short_names(tmp_path):
    facts = facts_of(tmp_path, "某局会同发展改革委、科技部召开会议，国家认监委有关负责人出席。湖南省科技厅参加。\n")
    bodies = {e.name: set(e.aliases or ()) for e in facts.entities if e.type == "GovernmentBody"}
    assert bodies.get("国家发展和改革委员会") == {"发展改革委"} and bodies.get("科学技术部") == {"科技部"}
    assert "国家认证认可监督管理委员会" in bodies and "湖南省科技厅" in bodies and "科技部" not in bodies


def positions(facts) -> set[tuple]:
    return {(p.person, p.role, p.organization) for p in facts.positions}


def test_a_firms_short_name_before_a_role_only_firms_have(tmp_path):
    facts = facts_of(tmp_path, "某市政府推荐了甲乙集团董事长王一民、某山钻井总公司高级技师张二强、青岛酱菜董事长李三清等8人。\n")
    assert {("李三清", "董事长", "青岛酱菜"), ("王一民", "董事长", "甲乙集团")} <= positions(facts)


def test_the_head_of_a_bodys_department_holds_the_role_in_the_department(tmp_path):
    facts = facts_of(tmp_path, "济南市市场监管局质量发展处处长乔一萌出席。某某有限公司质量部部长王五强发言。\n")
    assert ("乔一萌", "处长", "济南市市场监督管理局质量发展处") in positions(facts)
    assert ("王五强", "质量部部长", "某某有限公司") in positions(facts)
    assert "济南市市场监督管理局质量发展处" in {e.name for e in facts.entities if e.type == "GovernmentBody"}


def test_a_party_committee_member_serves_the_place_and_a_leader_leading_a_body_is_not_its_name(tmp_path):
    facts = facts_of(tmp_path, "郑州市召开质量大会\n市委常委王一平在分会场参加会议。"
                               "副市长晏二君率领市市场监管局党组书记、局长何三新参加评审。\n")
    assert {("王一平", "市委常委", "郑州市"), ("何三新", "局长", "郑州市市场监督管理局"),
            ("何三新", "党组书记", "郑州市市场监督管理局")} <= positions(facts)


def test_a_role_that_starts_inside_a_name_is_looked_for_where_the_name_ends(tmp_path):
    facts = facts_of(tmp_path, "包头市召开质量大会\n包头市政府秘书长郭一欣参加会议。\n")
    assert ("郭一欣", "秘书长", "包头市") in positions(facts)


def test_a_places_level_word_is_its_leaders_too(tmp_path):
    facts = facts_of(tmp_path, "梧州市颁发质量奖\n梧州市长朱一庆出席。湖南省长许二哲讲话。在如皋市长江镇拍摄的码头。\n")
    assert {("朱一庆", "市长", "梧州市"), ("许二哲", "省长", "湖南省")} <= positions(facts)
    assert "江镇" not in {e.name for e in facts.entities}


def test_who_presents_to_the_winners_a_clause_describes_is_no_winner(tmp_path):
    facts = facts_of(tmp_path, "梧州市颁发质量奖\n梧州市市长朱一庆为获得“市长质量奖”的企业代表颁奖。"
                               "副市长李二明为荣获市长质量奖的甲乙有限公司、丙丁有限公司颁奖。\n")
    assert {c.recipient for c in facts.conferrals} == {"甲乙有限公司", "丙丁有限公司"}


def test_a_count_closes_a_list_of_people_that_runs_over_clauses(tmp_path):
    facts = facts_of(tmp_path, "甲乙集团公司总经理胡一舟,丙丁股份有限公司董事长李二勇,戊己研究设计院院长罗三琦,"
                               "庚辛酒业股份有限公司董事长、总经理周四明等4位质量领域的杰出人物荣膺2016年“中国杰出质量人”。\n")
    assert {c.recipient for c in facts.conferrals} == {"胡一舟", "李二勇", "罗三琦", "周四明"}


def test_an_awards_other_name_in_brackets_is_an_alias():
    described = describe_award("中国杰出质量人(全国质量奖个人奖)", Places([], None, None))
    assert described["name"] == "中国杰出质量人" and "中国杰出质量人(全国质量奖个人奖)" in described["aliases"]
    # a tier in brackets is no other name: it stays in the name
    assert describe_award("深圳市市长质量奖（经济类金奖）", Places([], None, None))["name"] == "深圳市市长质量奖（经济类金奖）"


def test_a_verb_after_a_role_is_no_name(tmp_path):
    facts = facts_of(tmp_path, "甲乙集团董事长王一明等2位企业家荣膺“某某质量人”称号。\n")
    assert "荣膺" not in {e.name for e in facts.entities}


def test_a_list_of_short_names_closed_by_a_places_firms(tmp_path):
    facts = facts_of(tmp_path, "甲乙阿胶、丙丁电器、戊己科技等3家山东企业获中国质量奖提名奖。\n")
    assert {c.recipient for c in facts.conferrals} == {"甲乙阿胶", "丙丁电器", "戊己科技"}


def test_an_academy_after_a_joiner_is_no_project_and_no_award_holds_its_verb(tmp_path):
    facts = facts_of(tmp_path, "东方航天科技集团公司、海尔集团和中国工程院院士刘源张获中国质量奖。\n")
    assert {c.recipient for c in facts.conferrals} == {"东方航天科技集团公司", "海尔集团", "刘源张"}
    assert {e.name for e in facts.entities if e.type == "Award"} == {"中国质量奖"}


def test_the_firm_a_winners_clause_describes_not_its_president(tmp_path):
    facts = facts_of(tmp_path, "刚刚获得中国质量奖提名奖的甲乙阿胶股份有限公司总裁秦一峰告诉记者。\n")
    assert {c.recipient for c in facts.conferrals} == {"甲乙阿胶股份有限公司"}


def test_a_breakdown_opening_with_qizhong_dates_by_what_was_announced(tmp_path):
    facts = facts_of(tmp_path, "某网12月20日讯 日前，经省政府常务会议研究同意，授予我省2家企业2018年度福建省政府质量奖。\n"
                               "其中，甲乙数字技术股份有限公司荣获省政府质量奖。\n")
    assert ("甲乙数字技术股份有限公司", "福建省政府质量奖", 2018) in conferrals(facts)


def test_a_county_heads_award_is_the_countys_the_text_names_most(tmp_path):
    facts = facts_of(tmp_path, "【驻马店某某网讯】日前，上蔡县启动县长质量奖申报工作。驻马店市有关部门参加。\n"
                               "自2010年设立首届县长质量奖以来，全县共有河南乐万家机械制造有限公司等18家企业获得了“县长质量奖”。\n")
    assert conferrals(facts) == {("河南乐万家机械制造有限公司", "上蔡县县长质量奖", None)}


def test_junk_in_place_of_a_region_leaves_the_award_the_documents_city_and_its_kind_prize(tmp_path):
    facts = facts_of(tmp_path, "青岛市人民政府关于授予市长质量奖的决定\n市政府决定，授予青岛甲乙集团有限公司、青岛丙丁集团有限公司"
                               "等2单位第四届365bet体育投注网站市长质量奖组织奖。\n")
    assert {c.award for c in facts.conferrals} == {"青岛市市长质量奖组织奖"}


def test_a_list_that_stood_out_after_its_award_list_was_announced(tmp_path):
    facts = facts_of(tmp_path, "近期，第二届德阳市政府质量奖名单出炉，四川甲乙电气股份有限公司、四川德阳市丙丁有限责任公司、"
                               "四川戊己集团有限责任公司三家企业从上千个竞争者中脱颖而出。\n")
    assert {c.recipient for c in facts.conferrals} == {"四川甲乙电气股份有限公司", "四川德阳市丙丁有限责任公司",
                                                       "四川戊己集团有限责任公司"}


def test_our_province_before_a_firm_is_no_part_of_its_name(tmp_path):
    facts = facts_of(tmp_path, "颁奖大会在北京举行，我省石家庄甲乙乳业有限公司荣获第三届“中国质量奖提名奖”。\n")
    assert {c.recipient for c in facts.conferrals} == {"石家庄甲乙乳业有限公司"}


def test_a_newspapers_byline_under_a_headline_is_no_roll(tmp_path):
    facts = facts_of(tmp_path, "10家企业获2019年 辽宁省省长质量奖\n\n某某晚报 2020年01月01日\n\n本报讯 会议召开。\n")
    assert not facts.conferrals


def test_an_autonomous_regions_leaders_and_roles_listed_before_a_body_no_finder_knew(tmp_path):
    facts = facts_of(tmp_path, "西藏召开会议\n区党委副书记、自治区常务副主席、区党委政法委书记邓一刚，自治区副主席张三丰一同会见。\n")
    found = positions(facts)
    assert {("邓一刚", "区党委副书记", "西藏自治区"), ("邓一刚", "常务副主席", "西藏自治区"),
            ("张三丰", "副主席", "西藏自治区")} <= found
    assert ("邓一刚", "书记", "西藏自治区") not in found  # held in the committee's department, not the region


def test_a_plant_named_after_its_firm_before_its_leaders_role(tmp_path):
    facts = facts_of(tmp_path, "甲乙汽车有限公司无锡柴油机厂党委书记、厂长钱一荣出席。\n")
    assert ("钱一荣", "厂长", "甲乙汽车有限公司无锡柴油机厂") in positions(facts)


def test_whom_a_presenter_hands_the_award_to(tmp_path):
    facts = facts_of(tmp_path, "嘉兴市举行2012年度嘉兴市市长质量奖颁奖仪式。市领导为甲乙橡胶股份有限公司、丙丁集团有限公司"
                               "和戊己照明有限公司3家获奖企业颁奖。市长为推动质量强市工作的同志颁奖。\n")
    assert conferrals(facts) == {(firm, "嘉兴市市长质量奖", 2012)
                                 for firm in ("甲乙橡胶股份有限公司", "丙丁集团有限公司", "戊己照明有限公司")}


def test_the_recipients_a_clause_counts_then_lists_and_a_tier_after_the_awards_quote(tmp_path):
    facts = facts_of(tmp_path, "邯郸市举行颁奖仪式。获授“第六届邯郸市市长质量管理奖”组织奖的2家企业分别是"
                               "甲乙特种气体有限公司、丙丁农业科技有限公司。\n")
    assert {(c.recipient, c.award) for c in facts.conferrals} == {
        ("甲乙特种气体有限公司", "邯郸市市长质量管理奖组织奖"), ("丙丁农业科技有限公司", "邯郸市市长质量管理奖组织奖")}


def test_a_conjunction_after_a_place_opens_a_trade_name_unless_a_place_follows(tmp_path):
    facts = facts_of(tmp_path, "湖南甲乙电缆股份有限公司、湖南和广生物科技有限公司获奖。江苏和浙江科技有限公司参加。\n")
    names = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert "湖南和广生物科技有限公司" in names and "浙江科技有限公司" in names


def test_a_heads_region_the_text_writes_elsewhere(tmp_path):
    facts = facts_of(tmp_path, "大连市召开会议。大连市有关部门参加。经政府认定，授予甲乙轴承股份有限公司等七家企业为市长质量奖。\n"
                               "本次甲乙轴承荣获瓦房店市市长质量奖。\n")
    assert {c.award for c in facts.conferrals} == {"瓦房店市市长质量奖"}


def test_a_sentence_opening_with_the_days_date_is_the_news_event(tmp_path):
    facts = facts_of(tmp_path, "来源:某某日报\n2021-12-28 11:46:12\n12月27日，省政府网站发布第八届山东省省长质量奖通报。"
                               "来自济南的甲乙机床集团有限公司获得省长质量奖提名奖。\n")
    assert ("甲乙机床集团有限公司", "山东省省长质量奖提名奖", 2021) in conferrals(facts)


def test_zhongxin_opening_a_word_is_no_bodys_ending(tmp_path):
    facts = facts_of(tmp_path, "各地要为高质量建设淮海经济区中心城市作出新的更大贡献。江苏省产品质量监督检验中心参加。\n")
    names = {e.name for e in facts.entities}
    assert not any(n.endswith("经济区中心") for n in names) and "江苏省产品质量监督检验中心" in names


def test_a_firms_short_name_as_a_clauses_whole_subject(tmp_path):
    facts = facts_of(tmp_path, "奇精机械获评2024年宁波市政府质量创新奖。\n漳州：龙溪轴承获福建省政府质量奖\n"
                               "截止目前共获湖北省名牌。张才奎获山东省省长质量奖。\n")
    found = conferrals(facts)
    assert {("奇精机械", "宁波市政府质量创新奖", 2024), ("龙溪轴承", "福建省政府质量奖", None)} <= found
    assert "截止目前共" not in {c.recipient for c in facts.conferrals}
    # a person's name is no firm's short name (since names before an honour's verb are people: a person)
    assert {e.type for e in facts.entities if e.name == "张才奎"} <= {"Person"}


def test_a_short_name_of_a_firm_the_text_names_in_full_is_that_firm(tmp_path):
    facts = facts_of(tmp_path, "陕西汽车集团有限责任公司召开大会。\n陕汽获陕西省质量工作先进单位。\n")
    assert {c.recipient for c in facts.conferrals} == {"陕西汽车集团有限责任公司"}


def test_a_count_closing_a_clause_after_one_that_confers_counts_its_own_list(tmp_path):
    facts = facts_of(tmp_path, "10家企业获2019年 辽宁省省长质量奖\n其中,甲乙重工集团股份有限公司和丙丁板材股份有限公司获得"
                               "2019年辽宁省省长质量奖金奖,戊己制药集团股份有限公司等7家企业获得银奖。\n")
    assert {(c.recipient, c.award) for c in facts.conferrals if c.award.endswith("银奖")} == {
        ("戊己制药集团股份有限公司", "辽宁省省长质量奖银奖")}


def test_a_list_closed_by_a_count_before_won_unnamed_takes_the_texts_award(tmp_path):
    facts = facts_of(tmp_path, "首届宁德市质量奖于本月尘埃落定。甲乙电机有限公司、丙丁机车部件厂、戊己电机(宁德)有限公司等三家企业获奖,"
                               "每个获奖企业均获得20万元奖励。\n")
    assert {c.recipient for c in facts.conferrals if c.award == "宁德市质量奖"} == {
        "甲乙电机有限公司", "丙丁机车部件厂", "戊己电机(宁德)有限公司"}


def test_a_decision_grants_a_title_after_wei(tmp_path):
    facts = facts_of(tmp_path, "为树立典型,市政府决定授予甲乙工业新材料有限公司、丙丁功夫集团股份有限公司等两家企业"
                               "为2012年度质量强市工作先进企业。\n")
    assert conferrals(facts) == {("甲乙工业新材料有限公司", "质量强市工作先进企业", 2012),
                                 ("丙丁功夫集团股份有限公司", "质量强市工作先进企业", 2012)}


def test_a_count_without_deng_closes_a_list_of_people_and_a_name_closing_its_clause_after_a_role(tmp_path):
    facts = facts_of(tmp_path, "甲乙重科股份有限公司董事长、CEO詹一新,丙丁汽车股份有限公司董事长、总经理安进,"
                               "戊己集团总裁张三林3位在质量领域做出突出贡献的专家、企业家荣膺2012年中国杰出质量人。\n")
    assert {c.recipient for c in facts.conferrals} == {"詹一新", "安进", "张三林"}
    assert {("詹一新", "CEO", "甲乙重科股份有限公司"), ("安进", "总经理", "丙丁汽车股份有限公司")} <= positions(facts)


def test_a_short_names_note_between_a_subject_and_its_verb(tmp_path):
    facts = facts_of(tmp_path, "近日,钦州市人民政府发布了“第四届钦州市市长质量奖”名单,甲乙集团旗下广西金桂浆纸业有限公司"
                               "(以下简称“广西金桂”)榜上有名,喜获“第四届钦州市市长质量奖”。\n")
    assert {c.recipient for c in facts.conferrals} == {"广西金桂浆纸业有限公司"}


def test_congresses_and_cppcc_committees_by_their_full_names_and_no_name_runs_into_one(tmp_path):
    facts = facts_of(tmp_path, "天水市召开会议。天水市人大常委会副主任安一永、市政协副主席王二锡、全国政协副主席张三明出席。\n")
    assert {("安一永", "副主任", "天水市人民代表大会常务委员会"), ("王二锡", "副主席", "中国人民政治协商会议天水市委员会"),
            ("张三明", "副主席", "中国人民政治协商会议全国委员会")} <= positions(facts)
    assert "全国政" not in {e.name for e in facts.entities}


# -- round 5: years of an edition in brackets; an announcement's year; a granted title's region ----

def test_an_editions_years_in_brackets_date_its_award(tmp_path):
    # "首届（2019—2020年）X奖": the edition's years written in brackets after it are its designation
    facts = facts_of(tmp_path, "日前，首届（2019—2020年）丽水市质量奖评选结果揭晓，甲乙电机有限公司、丙丁化工有限公司"
                               "等两家企业获奖。\n")
    assert {(r, y) for r, a, y in conferrals(facts) if a == "丽水市质量奖"} == {
        ("甲乙电机有限公司", 2020), ("丙丁化工有限公司", 2020)}
    assert {c.period for c in facts.conferrals} == {"2019—2020年"}  # the range, as a range is kept


def test_the_next_sentence_of_an_announcement_takes_its_year(tmp_path):
    # a paragraph of news: the year the announced list carries dates the next sentence's honour too
    facts = facts_of(tmp_path, "近日，2023年度丽水市市长质量奖获奖名单公布，甲乙电机、丙丁化工等2家企业上榜。"
                               "戊己集团、庚辛股份等2家企业获丽水市质量管理创新奖。\n")
    assert {(r, y) for r, a, y in conferrals(facts) if a == "丽水市质量管理创新奖"} == {
        ("戊己集团", 2023), ("庚辛股份", 2023)}


def test_a_title_a_city_government_grants_carries_the_citys_name(tmp_path):
    facts = facts_of(tmp_path, "丽水市质量技术监督局消息\n丽水市政府决定授予甲乙电机有限公司、丙丁化工有限公司等2家企业"
                               "为2021年度质量强市工作先进企业。\n")
    assert {(r, a) for r, a, y in conferrals(facts)} == {
        ("甲乙电机有限公司", "丽水市质量强市工作先进企业"), ("丙丁化工有限公司", "丽水市质量强市工作先进企业")}


def test_a_list_after_fenbie_wei_whose_count_the_text_gave_names_its_items(tmp_path):
    # "有5家企业获奖…分别为A、B…": the count the text stated before, met by the list's items, says that
    # every item is a recipient's (short) name, even one no finder knew
    facts = facts_of(tmp_path, "近日，丽水市首届市长质量奖颁奖大会举行，有4家企业获奖。这四家企业均为制造业企业，"
                               "分别为瑞丰汽车、丙丁齿轮、戊己集团、庚辛铝业。\n")
    assert {r for r, a, y in conferrals(facts) if a == "丽水市市长质量奖"} == {"瑞丰汽车", "丙丁齿轮", "戊己集团", "庚辛铝业"}


def test_a_list_after_fenbie_wei_of_another_length_than_its_count_names_nothing_new(tmp_path):
    facts = facts_of(tmp_path, "近日，丽水市首届市长质量奖颁奖大会举行，有4家企业获奖。其中三个行业分别为汽车、齿轮和铝业。\n")
    names = {e.name for e in facts.entities}
    assert not {"汽车", "齿轮", "铝业", "齿轮和铝业"} & names


def test_a_date_alone_on_a_line_under_a_pages_furniture_dates_the_page(tmp_path):
    # a scraped page: a site's menus, then the headline, then the date alone on its line
    furniture = "".join(f"栏目{n}\n\n" for n in range(8))
    facts = facts_of(tmp_path, furniture + "丽水五企获市长奖\n\n2011-04-02\n\n"
                     "近日，丽水市首届市长质量奖颁奖大会举行，瑞丰汽车有限公司、丙丁齿轮有限公司获得丽水市市长质量奖。\n")
    assert facts.document.date == "2011-04-02"
    assert {y for r, a, y in conferrals(facts)} == {2011}


def test_a_dated_line_deep_in_a_page_is_no_dateline(tmp_path):
    body = "".join(f"第{n}段文字，说明情况。\n" for n in range(12))
    facts = facts_of(tmp_path, "丽水五企获市长奖\n" + body + "2011-04-02 另一条新闻的标题\n")
    assert facts.document.date is None


# -- everyday news forms of a conferral (each failed before its change) --------------------------

FIRM_A, FIRM_B, CITY_AWARD = "瑞丰电机有限公司", "恒泰化工有限公司", "丽水市市长质量奖"


def test_verbs_of_winning_that_news_use(tmp_path):
    for verb in ("捧回", "摘下", "荣登"):
        facts = facts_of(tmp_path, f"{FIRM_A}{verb}{CITY_AWARD}。\n")
        assert (FIRM_A, CITY_AWARD) in {(r, a) for r, a, _ in conferrals(facts)}, verb


def test_an_award_as_the_subject_of_falling_to_or_being_given_to(tmp_path):
    for sentence in (f"2019年度{CITY_AWARD}花落{FIRM_A}。", f"{CITY_AWARD}颁给了{FIRM_A}。",
                     f"{CITY_AWARD}由{FIRM_A}获得。", f"{CITY_AWARD}最终由{FIRM_A}摘得。"):
        facts = facts_of(tmp_path, sentence + "\n")
        assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD)}, sentence


def test_granted_by_a_named_government_in_the_passive(tmp_path):
    facts = facts_of(tmp_path, f"{FIRM_A}被丽水市人民政府授予{CITY_AWARD}。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD)}


def test_a_presenter_handing_a_named_award(tmp_path):
    facts = facts_of(tmp_path, f"会上，市长为{FIRM_A}、{FIRM_B}颁发{CITY_AWARD}奖牌。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD), (FIRM_B, CITY_AWARD)}


def test_a_congratulation_is_no_part_of_the_name(tmp_path):
    facts = facts_of(tmp_path, f"热烈祝贺{FIRM_A}荣获{CITY_AWARD}\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD)}


def test_respectively_pairs_recipients_and_awards_in_order(tmp_path):
    facts = facts_of(tmp_path, f"{FIRM_A}和{FIRM_B}分别获得{CITY_AWARD}和{CITY_AWARD}提名奖。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD), (FIRM_B, CITY_AWARD + "提名奖")}


def test_a_notice_commending_an_awards_winners_lists_them_one_a_line(tmp_path):
    facts = facts_of(tmp_path, f"丽水市人民政府关于表彰{CITY_AWARD}获奖企业的通报\n{FIRM_A}\n{FIRM_B}\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD), (FIRM_B, CITY_AWARD)}


def test_an_honours_name_ends_before_guangrong_chenghao(tmp_path):
    facts = facts_of(tmp_path, "丽水市荣获全国质量兴市先进市光荣称号。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("丽水市", "全国质量兴市先进市")}


def test_a_character_lost_in_scraping_splits_an_award_name(tmp_path):
    # "质量之光?质量魅力城市": the "?" stands for a lost separator; what follows it is the honour
    facts = facts_of(tmp_path, "丽水市获得质量之光?质量魅力城市称号。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {("丽水市", "质量魅力城市")}


def test_a_body_named_after_an_award_or_its_event(tmp_path):
    facts = facts_of(tmp_path, "经丽水市市长质量奖评审委员会审定，瑞丰电机有限公司获得丽水市市长质量奖。"
                               "6月23日，丽水市市长质量奖专家评审组来到恒泰化工有限公司进行现场评审。"
                               "质量之光公众评选活动组委会发布名单。\n")
    organisations = {e.name for e in facts.entities if e.type in ("Organization", "GovernmentBody", "Enterprise")}
    assert {"丽水市市长质量奖评审委员会", "丽水市市长质量奖专家评审组", "质量之光公众评选活动组委会",
            "瑞丰电机有限公司", "恒泰化工有限公司"} <= organisations
    assert not any("来到" in name or "审定" in name for name in organisations)


def test_honours_beyond_awards_medals_craftsmen_and_recognised_titles(tmp_path):
    facts = facts_of(tmp_path, "瑞丰电机有限公司董事长张建华荣获全国五一劳动奖章。恒泰化工有限公司被认定为国家高新技术企业。"
                               "丽水市瑞丰电机有限公司技师王立新获评浙江工匠。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} >= {
        ("张建华", "全国五一劳动奖章"), ("恒泰化工有限公司", "国家高新技术企业"), ("王立新", "浙江省工匠")}


def test_an_honour_without_a_region_takes_the_one_its_kin_is_written_with(tmp_path):
    # "丽水市优秀企业家" is written with its city; "杰出企业家" in the next sentence is the same city's
    facts = facts_of(tmp_path, "会议表彰了2010年度丽水市优秀企业家。瑞丰电机有限公司董事长王立新、恒泰化工有限公司总经理"
                               "李国强等获得杰出企业家称号。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} >= {("王立新", "丽水市杰出企业家"), ("李国强", "丽水市杰出企业家")}


def test_a_counted_subject_in_the_clause_before_its_verb_then_its_list(tmp_path):
    facts = facts_of(tmp_path, "台上接受鼓掌的2家企业，均获得了第七届丽水市市长质量奖。这2家企业分别为瑞丰电机有限公司、"
                               "恒泰化工有限公司。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD), (FIRM_B, CITY_AWARD)}


def test_an_award_given_in_a_year_to_a_list(tmp_path):
    facts = facts_of(tmp_path, f"首届{CITY_AWARD}于2009年颁发给{FIRM_A}、{FIRM_B}等2家企业。\n")
    assert conferrals(facts) == {(FIRM_A, CITY_AWARD, 2009), (FIRM_B, CITY_AWARD, 2009)}


def test_a_list_that_made_the_roll_of_an_award_given_before_in_the_sentence(tmp_path):
    facts = facts_of(tmp_path, f"会上为5家企业颁发了“{CITY_AWARD}”，其中{FIRM_A}、{FIRM_B}2家协会会员企业榜上有名。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {(FIRM_A, CITY_AWARD), (FIRM_B, CITY_AWARD)}


def test_a_tier_in_brackets_and_a_clause_holding_an_event_before_a_head(tmp_path):
    facts = facts_of(tmp_path, "丽水市松阳县召开第三届县长质量奖颁奖大会。省政府决定授予瑞丰电机有限公司第三届浙江省质量奖(提名奖)。\n")
    awards = {e.name for e in facts.entities if e.type == "Award"}
    assert "浙江省质量奖提名奖" in awards and "松阳县县长质量奖" in awards
    assert not any("召开" in name or "（提名奖）" in name for name in awards)


def test_a_meeting_commending_a_dated_honour_dates_the_next_sentences_winners(tmp_path):
    facts = facts_of(tmp_path, "昨日，丽水市工业经济工作会议举行。会议表彰了2010年度丽水市优秀企业家。瑞丰电机有限公司董事长"
                               "王立新、恒泰化工有限公司总经理李国强等获得杰出企业家称号。\n")
    assert {(r, y) for r, a, y in conferrals(facts) if a == "丽水市杰出企业家"} == {("王立新", 2010), ("李国强", 2010)}


def test_a_bare_encouragement_prize_is_no_plan_and_a_name_stops_after_an_awards_body(tmp_path):
    # 鼓励 is a cue of a plan, but not inside the tier 鼓励奖; the judging body is a name of its own
    facts = facts_of(tmp_path, "近日，全国质量管理奖评审工作委员会对瑞丰电机有限公司等8家企业提出表彰。"
                               "其中3家企业获得鼓励奖：恒泰化工有限公司、华晶钢铁有限公司、宏达钢铁有限公司。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        (name, "全国质量管理奖鼓励奖") for name in ("恒泰化工有限公司", "华晶钢铁有限公司", "宏达钢铁有限公司")}
    names = {e.name for e in facts.entities}
    assert {"全国质量管理奖评审工作委员会", "瑞丰电机有限公司"} <= names


def test_selected_without_an_object_after_results_announced_verb_first(tmp_path):
    facts = facts_of(tmp_path, "近日，中国质量协会公布了2020年全国质量标杆遴选结果，瑞丰电机有限公司（以下简称瑞丰公司）成功入选。\n")
    assert conferrals(facts) == {(FIRM_A, "全国质量标杆", 2020)}


def test_a_kind_of_organisation_is_no_recipient_and_a_glosss_leftover_no_award(tmp_path):
    facts = facts_of(tmp_path, "自治区主席为集团公司颁发了广西壮族自治区主席质量奖。全国政协副主席张三等领导为获奖?wù)哳C奖。\n")
    assert not {r for r, a, _ in conferrals(facts)} & {"集团公司"}
    assert not any("wù" in e.name for e in facts.entities)


def test_a_team_named_after_its_bodys_two_names(tmp_path):
    facts = facts_of(tmp_path, "丽水市烟草专卖局(公司)蓝海QC小组荣获2019年度全国优秀质量管理小组称号。\n")
    assert conferrals(facts) == {("丽水市烟草专卖局(公司)蓝海QC小组", "全国优秀质量管理小组", 2019)}


def test_rows_that_pair_a_recipient_with_its_award(tmp_path):
    # a table flattened by scraping (cells apart by wide spaces) or a Markdown table with an award column
    flat = facts_of(tmp_path, f"2021年获奖情况\n{FIRM_A}　　{CITY_AWARD}\n{FIRM_B}　　{CITY_AWARD}提名奖\n", "flat.txt")
    assert conferrals(flat) == {(FIRM_A, CITY_AWARD, 2021), (FIRM_B, CITY_AWARD + "提名奖", 2021)}
    table = facts_of(tmp_path, f"2021年获奖情况\n\n| 序号 | 获奖单位 | 奖项 |\n|---|---|---|\n| 1 | {FIRM_A} | {CITY_AWARD} |\n"
                               f"| 2 | {FIRM_B} | {CITY_AWARD}提名奖 |\n", "table.md")
    assert conferrals(table) == {(FIRM_A, CITY_AWARD, 2021), (FIRM_B, CITY_AWARD + "提名奖", 2021)}


def test_past_winners_a_year_a_line_with_a_space_after_the_year(tmp_path):
    facts = facts_of(tmp_path, f"{CITY_AWARD}历届获奖企业\n2018年 {FIRM_A}\n2019年 {FIRM_B}\n")
    assert conferrals(facts) == {(FIRM_A, CITY_AWARD, 2018), (FIRM_B, CITY_AWARD, 2019)}


def test_a_tier_word_alone_is_no_awards_name(tmp_path):
    facts = facts_of(tmp_path, f"会上宣读了2018年工业优秀新产品表彰决定。{FIRM_A}的新产品获一等奖，{FIRM_B}的新产品获优胜奖。\n")
    assert not {a for _, a, _ in conferrals(facts)} & {"一等奖", "优胜奖"}
    assert not {e.name for e in facts.entities} & {"一等奖", "优胜奖"}


def test_a_bare_tier_is_the_prize_of_the_contest_named_before(tmp_path):
    facts = facts_of(tmp_path, "第五届中央企业QC小组成果发表赛日前落下帷幕。瑞丰电机有限公司的削铁如泥QC小组荣获二等奖。\n")
    assert ("削铁如泥QC小组", "中央企业QC小组成果发表赛二等奖") in {(r, a) for r, a, _ in conferrals(facts)}


def test_an_honour_roll_of_people_beside_their_employers(tmp_path):
    # one person a line, the employer beside the name (after wide spaces, in brackets, or before it)
    for roll in ("王立新　瑞丰电机有限公司\n李国强　恒泰化工有限公司\n",
                 "王立新（瑞丰电机有限公司）\n李国强（恒泰化工有限公司）\n",
                 "1.瑞丰电机有限公司 王立新\n2.恒泰化工有限公司 李国强\n"):
        facts = facts_of(tmp_path, "丽水市市长质量奖（个人）\n" + roll)
        assert {(r, a) for r, a, _ in conferrals(facts)} == {
            ("王立新", "丽水市市长质量奖（个人）"), ("李国强", "丽水市市长质量奖（个人）")}, roll


def test_names_listed_after_an_honours_colon(tmp_path):
    facts = facts_of(tmp_path, "丽水市十佳酿造之星：王立新、李国强、张海燕、刘德明、陈小春\n")
    assert {e.name for e in facts.entities if e.type == "Person"} == {"王立新", "李国强", "张海燕", "刘德明", "陈小春"}


def test_counted_winners_listed_in_brackets_short_names_included(tmp_path):
    facts = facts_of(tmp_path, "福建省共有2家组织获得中国质量奖(瑞丰电机、华晶集团)、3家组织获得过中国质量奖提名奖"
                               "(九牧集团、船政交通学院、福光股份)。\n")
    assert {(r, a) for r, a, _ in conferrals(facts)} == {
        ("瑞丰电机", "中国质量奖"), ("华晶集团", "中国质量奖"), ("九牧集团", "中国质量奖提名奖"),
        ("船政交通学院", "中国质量奖提名奖"), ("福光股份", "中国质量奖提名奖")}


def test_a_roll_of_names_alone_and_names_granted_a_title(tmp_path):
    for roll in ("王立新\n李国强\n张海燕\n", "王立新　李国强　张海燕\n"):
        facts = facts_of(tmp_path, "丽水市市长质量奖（个人）\n" + roll)
        assert {r for r, _, _ in conferrals(facts)} == {"王立新", "李国强", "张海燕"}, roll
    facts = facts_of(tmp_path, "决定授予王立新、李国强“丽水市劳动模范”称号。\n")
    assert conferrals(facts) == {("王立新", "丽水市劳动模范", None), ("李国强", "丽水市劳动模范", None)}


def test_a_counted_list_after_include_and_a_colon_and_the_employers_in_brackets(tmp_path):
    facts = facts_of(tmp_path, "2013年度聊城市市长质量奖(组织奖)包括2家:山东鑫亚工业股份有限公司,聊城鑫鹏源金属制造有限公司。"
                               "2013年度聊城市市长质量奖(个人奖)包括2名:高宪武(山东太平洋光纤光缆有限公司董事长)、"
                               "姜明珠(山东中通钢构建筑股份有限公司总经理)。\n")
    found = conferrals(facts)
    assert {("山东鑫亚工业股份有限公司", "聊城市市长质量奖（组织奖）", 2013),
            ("聊城鑫鹏源金属制造有限公司", "聊城市市长质量奖（组织奖）", 2013),
            ("高宪武", "聊城市市长质量奖（个人奖）", 2013), ("姜明珠", "聊城市市长质量奖（个人奖）", 2013)} <= found
    assert not {r for r, _, _ in found} & {"山东太平洋光纤光缆有限公司", "山东中通钢构建筑股份有限公司"}


def test_a_counted_list_runs_over_semicolons_up_to_the_next_awards_list(tmp_path):
    facts = facts_of(tmp_path, "此次评选出的3位“西藏工匠”分别是：盾构机主司机母永奇；马包制作技艺传承人索朗群培；"
                               "桥梁专家陈克坚。\n其中，中国质量奖1家，为甲乙科技集团股份有限公司；中国质量奖提名奖2家，"
                               "分别为丙丁汽车集团股份有限公司、戊己股份有限公司。\n")
    found = {(r, a) for r, a, _ in conferrals(facts)}
    assert {("母永奇", "西藏自治区工匠"), ("索朗群培", "西藏自治区工匠"), ("陈克坚", "西藏自治区工匠")} <= found
    assert ("丙丁汽车集团股份有限公司", "中国质量奖") not in found


# -- honours of workers: named by a region's nickname, in quotes, or as a year's people ---------

def test_an_honour_named_by_a_regions_nickname(tmp_path):
    facts = facts_of(tmp_path, "崔蕴荣获2021年度云岭工匠称号，孟祥飞荣获2021年度齐鲁工匠称号。\n")
    assert {("崔蕴", "云岭工匠", 2021), ("孟祥飞", "齐鲁工匠", 2021)} <= conferrals(facts)
    levels = {e.name: e.level for e in facts.entities if e.type == "Award"}
    assert levels["云岭工匠"] == "provincial"


def test_a_quoted_honour_of_a_years_people_and_master_craftsmen(tmp_path):
    facts = facts_of(tmp_path, "2021年“大国工匠年度人物”名单公布\n10位“大国工匠年度人物”分别是：甲钢铁有限公司焊接顾问艾爱国，"
                               "乙工程有限公司工程测量工陈兆海。\n石狮市公布名单，庄敬清、李栋梁被命名为“石狮名匠”。\n")
    found = conferrals(facts)
    assert {("艾爱国", "大国工匠年度人物", 2021), ("陈兆海", "大国工匠年度人物", 2021)} <= found
    assert not {r for r, _, _ in found} & {"甲钢铁有限公司", "乙工程有限公司"}  # the employers
    craftsmen = next(e for e in facts.entities if e.type == "Award" and "石狮名匠" in e.names)
    assert {("庄敬清", craftsmen.name), ("李栋梁", craftsmen.name)} <= {(r, a) for r, a, _ in found}


def test_the_holders_of_an_award_listed_after_it(tmp_path):
    facts = facts_of(tmp_path, "2023年石狮市公布名单。此次被命名为“石狮名匠”的有2人,分别为甲乙食品有限公司李栋梁、"
                               "丙丁实业发展有限公司胡满荣。被命名为“石狮工匠”的有戊己检测服务有限公司林风喜和"
                               "庚辛染织实业有限公司丁成雨等30人。荣获2023年度泉州市质量标杆称号的企业有福建壬癸科技有限公司。\n")
    found = {(r, a) for r, a, _ in conferrals(facts)}
    names = {e.name: set(e.names) for e in facts.entities if e.type == "Award"}
    master = next(n for n, all_names in names.items() if "石狮名匠" in all_names)
    craftsman = next(n for n, all_names in names.items() if "石狮工匠" in all_names)
    assert {("李栋梁", master), ("胡满荣", master), ("林风喜", craftsman), ("丁成雨", craftsman),
            ("福建壬癸科技有限公司", "泉州市质量标杆")} <= found
    assert not {r for r, _ in found} & {"甲乙食品有限公司", "戊己检测服务有限公司"}


def test_a_contests_region_before_its_edition_and_no_english_gloss(tmp_path):
    facts = facts_of(tmp_path, "日前，义乌市首届质量管理(QC)小组成果竞赛落幕。甲乙仪表有限公司精进QC小组等4个小组荣获二等奖。\n")
    assert ("甲乙仪表有限公司精进QC小组", "义乌市质量管理小组成果竞赛二等奖") in {(r, a) for r, a, _ in conferrals(facts)}


def test_a_count_before_an_awards_designation_then_its_list(tmp_path):
    facts = facts_of(tmp_path, "2018年11月20日，武宁县市场和质量监督管理局授牌2家“2017年度县长质量奖”获奖企业，"
                               "分别是九江甲乙玻璃有限公司和九江丙丁胶囊有限公司。\n")
    assert {("九江甲乙玻璃有限公司", "武宁县县长质量奖", 2017), ("九江丙丁胶囊有限公司", "武宁县县长质量奖", 2017)} \
        <= conferrals(facts)


def test_a_recurring_short_name_as_the_whole_subject_of_a_clause_inside_a_sentence(tmp_path):
    facts = facts_of(tmp_path, "2017年11月，南宁市人民政府发布第二届南宁市市长质量奖获奖名单，博世科荣获南宁市市长质量奖。"
                               "博世科是一家环保企业。\n昨天，公司荣获南宁市市长质量奖。\n")
    found = {r for r, _, _ in conferrals(facts)}
    assert "博世科" in found and "公司" not in found


def test_the_present_event_two_clauses_back_over_a_semicolon(tmp_path):
    facts = facts_of(tmp_path, "苏州召开质量大会\n2021年12月17日\n大会还表彰了第四届中国质量奖获奖企业。甲乙汽车部件（苏州）有限公司"
                               "获评“中国质量奖”，实现零的突破；丙丁集团有限公司获得中国质量奖提名奖。\n")
    assert ("丙丁集团有限公司", "中国质量奖提名奖", 2021) in conferrals(facts)


def test_a_list_of_short_names_after_the_own_city_as_a_clauses_subject(tmp_path):
    facts = facts_of(tmp_path, "东阳市推行首席质量官制度。近期，我市英洛华磁业、野风药业更是荣获金华市优秀首席质量官称号。\n")
    found = {r for r, _, _ in conferrals(facts)}
    assert {"英洛华磁业", "野风药业"} <= found and "东阳市" not in found


def test_a_sites_header_of_its_brand_and_places_is_no_title(tmp_path):
    from kg.layout import find_title
    assert find_title("信用中国江苏无锡\n\n2020年度宜兴市市长质量奖揭晓\n\n发布时间:2021/02/03\n") == "2020年度宜兴市市长质量奖揭晓"
    facts = facts_of(tmp_path, "信用中国江苏无锡\n\n2020年度宜兴市市长质量奖揭晓\n\n发布时间:2021/02/03\n\n"
                               "2月2日，宜兴市市长质量奖最终揭晓。获得宜兴市质量管理优秀奖的企业有江苏甲乙电缆有限公司。\n")
    assert ("江苏甲乙电缆有限公司", "宜兴市质量管理优秀奖", 2020) in conferrals(facts)


def test_a_decision_grants_on_past_a_semicolon_each_list_its_award(tmp_path):
    facts = facts_of(tmp_path, "市政府决定授予甲乙药业股份有限公司、丙丁科技股份有限公司等2家企业“2024年度金华市人民政府质量奖”；"
                               "戊己环保股份有限公司、庚辛医疗器械有限公司等2家企业“2024年度金华市人民政府质量管理创新奖”。\n")
    found = conferrals(facts)
    assert {("戊己环保股份有限公司", "金华市人民政府质量管理创新奖", 2024),
            ("庚辛医疗器械有限公司", "金华市人民政府质量管理创新奖", 2024),
            ("甲乙药业股份有限公司", "金华市人民政府质量奖", 2024)} <= found


def test_firms_listed_right_before_a_granting_verb_with_no_granter_receive(tmp_path):
    facts = facts_of(tmp_path, "在荣获第三届“光谷质量奖”的企业中，甲乙光电技术有限公司、丙丁科技产业股份有限公司授予2019年度"
                               "“光谷质量奖·卓越奖”。市政府授予戊己有限公司“光谷质量奖·优秀奖”。\n")
    found = {(r, a) for r, a, _ in conferrals(facts)}
    assert {("甲乙光电技术有限公司", "光谷质量奖·卓越奖"), ("丙丁科技产业股份有限公司", "光谷质量奖·卓越奖")} <= found
    assert not any(r.endswith("政府") for r, _ in found)


def test_a_passive_naming_with_its_granter_and_a_count_of_people(tmp_path):
    facts = facts_of(tmp_path, "我省郑棋元、孙鸿雁、徐成东3人被中华全国总工会认定为2025年“大国工匠人才”。\n")
    assert {("郑棋元", "大国工匠人才", 2025), ("徐成东", "大国工匠人才", 2025)} <= conferrals(facts)


def test_a_year_counted_back_from_the_documents_date(tmp_path):
    facts = facts_of(tmp_path, "虹口区开展区长质量奖申报\n发布时间：2018-08-23\n去年，上海甲乙建设工程有限公司荣获虹口区区长质量奖金奖。\n")
    assert ("上海甲乙建设工程有限公司", "虹口区区长质量奖金奖", 2017) in conferrals(facts)


def test_an_event_that_gives_honours_earlier_in_the_paragraph_dates_its_lists(tmp_path):
    facts = facts_of(tmp_path, "昨日，大连市优秀企业家表彰大会举行。会议表彰了2010年度大连市优秀企业家。甲乙机车有限公司董事长闵兴"
                               "等获得杰出企业家称号。丙丁互感器集团有限公司董事长于波等获得优秀企业家称号。\n")
    assert ("于波", "大连市优秀企业家", 2010) in conferrals(facts)


def test_a_slot_of_names_no_finder_knew_under_a_roll_or_after_holders_cue(tmp_path):
    found = conferrals(facts_of(tmp_path, "2021年苏州市质量工匠名单\n王建国　李明华\n"))
    assert {("王建国", "苏州市质量工匠", 2021), ("李明华", "苏州市质量工匠", 2021)} <= found
    found = conferrals(facts_of(tmp_path, "获得2021年苏州市质量工匠称号的是王建国和李明华。\n", "b.txt"))
    assert {("王建国", "苏州市质量工匠", 2021), ("李明华", "苏州市质量工匠", 2021)} <= found
    found = conferrals(facts_of(tmp_path, "2020年度盐城市市长质量奖提名奖名单\n国家电投集团甲乙发电有限公司\n江苏博\n", "c.txt"))
    assert "江苏博" not in {r for r, _, _ in found}


def test_an_award_won_by_people_no_finder_knew(tmp_path):
    facts = facts_of(tmp_path, "2021年，本届甲市质量奖金奖由王建国和李明华获得。\n")
    assert {("王建国", "甲市质量奖金奖"), ("李明华", "甲市质量奖金奖")} <= {(r, a) for r, a, _ in conferrals(facts)}


def test_a_chief_quality_officers_honour(tmp_path):
    facts = facts_of(tmp_path, "王建国被评为2021年度南通市优秀首席质量官。\n")
    assert ("王建国", "南通市优秀首席质量官", 2021) in conferrals(facts)


def test_more_honours_and_two_honours_sharing_a_region(tmp_path):
    facts = facts_of(tmp_path, "甲乙机械有限公司荣获2021年全国用户满意企业称号。王建国荣获2021年度苏州市质量标兵称号。"
                               "海南丙丁集团荣获海南省优秀企业和金融贷款诚信企业称号。\n")
    found = {(r, a) for r, a, _ in conferrals(facts)}
    assert {("甲乙机械有限公司", "全国用户满意企业"), ("王建国", "苏州市质量标兵"), ("海南丙丁集团", "海南省优秀企业"),
            ("海南丙丁集团", "海南省金融贷款诚信企业")} <= found


def test_an_awards_holder_named_by_a_noun_for_it(tmp_path):
    for name, text in (("a.txt", "苏州新宇机械有限公司是2021年度苏州市市长质量奖获得者。\n"),
                       ("b.txt", "2021年度苏州市市长质量奖获得者苏州新宇机械有限公司董事长王建国出席。\n"),
                       ("c.txt", "苏州新宇机械有限公司成为2021年度苏州市市长质量奖得主。\n")):
        found = conferrals(facts_of(tmp_path, text, name))
        assert found == {("苏州新宇机械有限公司", "苏州市市长质量奖", 2021)}, text
    assert not conferrals(facts_of(tmp_path, "申报2021年度苏州市市长质量奖的企业有10家。\n", "d.txt"))
