"""Documents that confer nothing, or less than they seem to: shortlists, calls, plans, a firm's own news.

Short texts written for the tests; each rule is checked both ways (where it
blocks and where it must not).
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.document import extract_facts
from tests.test_extract_units import conferrals, document

ROLL = "一、岳阳市市长质量奖\n岳阳飞云电机有限公司\n岳阳远帆纸业有限公司\n二、提名奖\n岳阳青禾食品有限公司\n"
ROLL_CONFERRALS = {("岳阳飞云电机有限公司", "岳阳市市长质量奖", None), ("岳阳远帆纸业有限公司", "岳阳市市长质量奖", None),
                   ("岳阳青禾食品有限公司", "岳阳市市长质量奖提名奖", None)}


def titled_conferrals(title: str, body: str) -> set[tuple]:
    facts = extract_facts(replace(document(title + "\n\n" + body), title=title))
    return {(c.recipient, c.award, c.year) for c in facts.conferrals}


# -- lists of candidates -------------------------------------------------------

def test_a_roll_under_a_shortlists_title_confers_nothing():
    assert titled_conferrals("岳阳市市长质量奖拟表彰对象公示", ROLL) == set()
    assert titled_conferrals("岳阳市市长质量奖候选名单", ROLL) == set()


def test_the_same_roll_under_a_decisions_title_is_conferred():
    assert titled_conferrals("关于表彰岳阳市市长质量奖获奖企业的决定", ROLL) == ROLL_CONFERRALS


def test_a_roll_introduced_as_candidates_confers_nothing_and_its_next_section_neither():
    intro = "根据评审委员会审议，确定了拟表彰对象，现将名单予以公示。\n"
    assert titled_conferrals("通知", intro + ROLL) == set()


def test_a_decision_that_quotes_its_public_notice_before_granting_confers():
    intro = "经企业申报、现场评审和社会公示，岳阳市人民政府决定授予以下企业荣誉。\n"
    assert titled_conferrals("通知", intro + ROLL) == ROLL_CONFERRALS


def test_results_announced_after_the_steps_of_review_are_conferred():
    intro = "经过企业自愿申报、资料审查和现场评审，现将结果公布如下。\n"
    assert titled_conferrals("通知", intro + ROLL) == ROLL_CONFERRALS


def test_proposed_recipients_are_no_grant():
    intro = "经审议，确定以下拟表彰对象：\n"
    assert titled_conferrals("通知", intro + ROLL) == set()


def test_a_plans_annex_of_firms_to_be_fostered_confers_nothing():
    intro = "附件：重点培育企业名单\n"
    assert titled_conferrals("岳阳市质量强市实施方案", intro + ROLL) == set()


# -- sentences ----------------------------------------------------------------

def test_the_steps_a_conferral_went_through_do_not_block_it():
    text = "岳阳召开大会。经企业申报、专家评审和社会公示，岳阳飞云电机有限公司荣获2023年度岳阳市市长质量奖。"
    assert conferrals(text) == {("岳阳飞云电机有限公司", "岳阳市市长质量奖", 2023)}


def test_a_target_in_an_earlier_clause_still_blocks():
    text = "岳阳召开大会。力争到2026年，岳阳飞云电机有限公司获得岳阳市市长质量奖。"
    assert conferrals(text) == set()


def test_a_proposed_grant_is_no_grant():
    text = "岳阳召开大会。经评审，拟授予岳阳飞云电机有限公司2024年度岳阳市市长质量奖。"
    assert conferrals(text) == set()
    granted = "岳阳召开大会。经评审，决定授予岳阳飞云电机有限公司2024年度岳阳市市长质量奖。"
    assert conferrals(granted) == {("岳阳飞云电机有限公司", "岳阳市市长质量奖", 2024)}


def test_a_qualification_for_an_award_is_not_the_award():
    text = "岳阳召开大会。岳阳飞云电机有限公司获得2024年度岳阳市市长质量奖提名资格。"
    assert conferrals(text) == set()


# -- a firm's own text -----------------------------------------------------------

def test_our_company_is_the_firm_the_title_names_not_the_government_before_it():
    title = "岳阳飞云电机有限公司荣获市长质量奖"
    body = "近日，岳阳市人民政府印发表彰决定，我公司荣获2023年度岳阳市市长质量奖。"
    assert titled_conferrals(title, body) == {("岳阳飞云电机有限公司", "岳阳市市长质量奖", 2023)}


def test_our_company_without_a_named_firm_is_no_recipient():
    text = "公司新闻\n近日，岳阳市人民政府印发表彰决定，我公司荣获2023年度岳阳市市长质量奖。"
    assert conferrals(text) == set()


def test_the_company_is_the_firm_named_last_in_its_paragraph():
    text = ("岳阳召开大会。岳阳市人民政府表彰了岳阳远帆纸业有限公司，这是公司继2021年获得岳阳市市长质量奖提名奖后的又一荣誉。")
    assert ("岳阳远帆纸业有限公司", "岳阳市市长质量奖提名奖", 2021) in conferrals(text)
    assert not any(r == "岳阳市人民政府" for r, _, _ in conferrals(text))


def test_a_quoted_title_after_a_verb_of_naming_is_a_title():
    text = "岳阳召开大会。岳阳飞云电机有限公司董事长王立新获评“岳阳市优秀首席质量官”。"
    assert conferrals(text) == {("王立新", "岳阳市优秀首席质量官", None)}


def test_a_quoted_phrase_after_a_plain_verb_of_getting_is_no_title():
    text = "岳阳召开大会。岳阳飞云电机有限公司董事长王立新获得“大家的认可”。"
    assert conferrals(text) == set()


# -- conditions and bodies of calls and plans -------------------------------------

def test_a_condition_set_for_applicants_is_no_adoption():
    text = "岳阳召开大会。申报企业须建立首席质量官制度。申报企业实施卓越绩效管理模式三年以上。"
    assert extract_facts(document(text)).adoptions == []


def test_a_programme_the_city_runs_is_an_adoption():
    text = "岳阳召开大会。岳阳市推行首席质量官制度。"
    assert [(a.adopter, a.program) for a in extract_facts(document(text)).adoptions] == [("岳阳市", "首席质量官制度")]


def test_a_local_bureau_of_a_ministrys_field_is_a_body_despite_its_and():
    facts = extract_facts(document("牵头单位：岳阳市工业和信息化局；配合单位：岳阳市住房和城乡建设局。"))
    bodies = {e.name for e in facts.entities if e.type == "GovernmentBody"}
    assert {"岳阳市工业和信息化局", "岳阳市住房和城乡建设局"} <= bodies


def test_that_company_is_the_firm_named_before_it():
    text = "岳阳召开大会。岳阳远帆纸业有限公司接待了岳阳市人民政府的考察组。2022年，该公司获得岳阳市市长质量奖。"
    assert conferrals(text) == {("岳阳远帆纸业有限公司", "岳阳市市长质量奖", 2022)}
