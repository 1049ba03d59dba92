"""Where organisations are, on short texts written for the tests (none from the source documents)."""
from __future__ import annotations

from kg.extract.document import extract_facts
from kg.extract.locations import home_of
from kg.extract.places import find_places
from tests.test_extract_units import document

# A city daily's opening: the city is named often, no other place is.
HUZHOU_NEWS = "湖州市召开质量大会。湖州市各界代表出席。湖州市将继续推进质量提升，湖州市企业踊跃参与。"


def locations(text: str) -> dict[str, tuple[str, float]]:
    facts = extract_facts(document(text))
    return {l.entity: (l.within, l.confidence) for l in facts.locations}


def test_a_local_firm_without_a_place_is_in_the_city_the_document_is_about():
    found = locations(HUZHOU_NEWS + "青禾纺织有限公司荣获湖州市市长质量奖提名奖。云帆电器股份有限公司代表发言。")
    assert found["云帆电器股份有限公司"] == ("湖州市", 0.6)  # a default, less sure than a place stated
    assert found["青禾纺织有限公司"] == ("湖州市", 0.85)  # the city's own award says so


def test_a_firm_named_beside_another_place_gets_no_default():
    found = locations(HUZHOU_NEWS + "来自外省的云帆电器股份有限公司与南昌市的企业签约。")
    assert "云帆电器股份有限公司" not in found


def test_national_bodies_firms_and_ministries_are_in_no_city():
    found = locations(HUZHOU_NEWS + "中国标准化协会、国家认证认可监督管理委员会和商务部的专家到会。")
    assert not {"中国标准化协会", "国家认证认可监督管理委员会", "商务部"} & set(found)


def test_a_document_about_several_cities_places_no_firm_by_default():
    text = ("湖州市、宁波市、温州市、台州市、丽水市的代表出席。湖州市介绍经验，宁波市、温州市交流发言。"
            "云帆电器股份有限公司代表发言。")
    assert home_of(find_places(text)).city is None
    assert "云帆电器股份有限公司" not in locations(text)


def test_a_provinces_news_that_names_one_of_its_cities_places_no_firm_there():
    text = ("浙江省召开质量大会。浙江省各地代表出席，浙江省将推进质量提升。湖州市、湖州市代表发言。"
            "湖州市介绍经验。云帆电器股份有限公司代表发言。浙江省表彰先进。")
    assert home_of(find_places(text)).city is None
    assert "云帆电器股份有限公司" not in locations(text)


def test_a_firm_named_with_its_province_is_in_the_city_the_document_is_about():
    found = locations(HUZHOU_NEWS + "浙江青禾纺织有限公司代表发言。浙江省交通运输厅派员出席。")
    assert found["浙江青禾纺织有限公司"][0] == "湖州市"
    assert found["浙江省交通运输厅"][0] == "浙江省"  # a provincial body stays in its province


def test_a_firm_named_with_its_province_stays_there_in_a_document_about_several_cities():
    text = "宁波市、温州市、台州市的代表出席。浙江青禾纺织有限公司代表发言。"
    assert locations(text)["浙江青禾纺织有限公司"][0] == "浙江省"


def test_the_text_may_say_a_firm_belongs_to_its_own_province():
    found = locations(HUZHOU_NEWS + "全国大会在外地举行，中华云帆股份有限公司作为我省企业代表参展。")
    assert found["中华云帆股份有限公司"] == ("浙江省", 0.7)


def test_bodies_named_without_their_place_are_in_the_county_the_document_is_about():
    text = ("长兴县召开大会。长兴县质量工作成效明显，长兴县获表彰。长兴县组建“品质长兴建设领导小组”，统筹推进。"
            "代表走进城市运行管理指挥中心参观。该县建成全国首家品牌管理学院。")
    found = locations(text)
    for body in ("品质长兴建设领导小组", "城市运行管理指挥中心", "品牌管理学院"):
        assert found[body][0] == "长兴县", body
