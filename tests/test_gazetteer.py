"""The gazetteer of administrative divisions."""
from __future__ import annotations

import pytest

from kg.gazetteer import GENERIC_WORDS, Gazetteer, GazetteerError
from kg.resources import data_file


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_default_is_loaded_once(gazetteer):
    assert Gazetteer.default() is gazetteer


def test_covers_all_levels(gazetteer):
    counts = {}
    for division in gazetteer:
        counts[division.level] = counts.get(division.level, 0) + 1
    assert counts["province"] == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert counts["prefecture"] > 300
    assert counts["county"] > 2500


@pytest.mark.parametrize(
    "name, full, level, parent, province",
    [
        ("江苏", "江苏省", "province", None, "江苏省"),
        ("上海", "上海市", "province", None, "上海市"),
        ("广西", "广西壮族自治区", "province", None, "广西壮族自治区"),
        ("苏州市", "苏州市", "prefecture", "江苏省", "江苏省"),
        ("昆山", "昆山市", "county", "苏州市", "江苏省"),
        ("延边", "延边朝鲜族自治州", "prefecture", "吉林省", "吉林省"),
        ("锡林郭勒盟", "锡林郭勒盟", "prefecture", "内蒙古自治区", "内蒙古自治区"),
        ("大兴安岭", "大兴安岭地区", "prefecture", "黑龙江省", "黑龙江省"),
        ("浦东", "浦东新区", "county", "上海市", "上海市"),
        ("神农架", "神农架林区", "county", "湖北省", "湖北省"),
        ("仙桃市", "仙桃市", "county", "湖北省", "湖北省"),
        ("鄂温克", "鄂温克族自治旗", "county", "呼伦贝尔市", "内蒙古自治区"),
        ("万柏林区", "万柏林区", "county", "太原市", "山西省"),
    ],
)
def test_lookup_full_and_short_names(gazetteer, name, full, level, parent, province):
    division = gazetteer.lookup(name)
    assert division is not None
    assert (division.name, division.level, division.parent, division.province) == (full, level, parent, province)


def test_short_names_keep_two_characters(gazetteer):
    division = gazetteer.lookup("赵县")
    assert division.short == "赵县"
    assert all(len(d.short) >= 2 for d in gazetteer)
    assert gazetteer.lookup("万柏林").short == "万柏林"  # 林区 is no suffix here


def test_ambiguous_short_name_prefers_higher_level(gazetteer):
    assert gazetteer.lookup("朝阳").name == "朝阳市"  # the prefecture, not the districts
    assert gazetteer.lookup("河北").name == "河北省"
    assert gazetteer.lookup("吉林").level == "province"


def test_context_picks_among_namesakes(gazetteer):
    assert gazetteer.lookup("朝阳", context="北京市").parent == "北京市"
    assert gazetteer.lookup("鼓楼区", context="南京").parent == "南京市"
    assert gazetteer.lookup("鼓楼区", context="江苏省徐州市").parent == "徐州市"
    assert gazetteer.lookup("鼓楼区", context="福建省").province == "福建省"


def test_exact_full_name_beats_a_short_name(gazetteer):
    assert gazetteer.lookup("吉林市").level == "prefecture"


def test_lookup_normalises_and_misses_cleanly(gazetteer):
    assert gazetteer.lookup(" 昆山市 ").name == "昆山市"
    assert gazetteer.lookup("质量强市") is None
    assert gazetteer.lookup("") is None


def test_candidates_lists_namesakes(gazetteer):
    namesakes = gazetteer.candidates("鼓楼区")
    assert len(namesakes) >= 4
    assert {d.province for d in namesakes} >= {"江苏省", "福建省"}


def test_parent_chain_walks_to_province(gazetteer):
    kunshan = gazetteer.lookup("昆山市")
    assert [d.name for d in gazetteer.parent_chain(kunshan)] == ["苏州市", "江苏省"]
    assert gazetteer.parent_chain(gazetteer.lookup("江苏省")) == []
    assert [d.name for d in gazetteer.parent_chain(gazetteer.lookup("浦东新区"))] == ["上海市"]


def test_every_division_reaches_its_province(gazetteer):
    for division in gazetteer:
        chain = gazetteer.parent_chain(division)
        top = chain[-1] if chain else division
        assert top.level == "province" and top.name == division.province


def test_surface_forms_longest_first_without_generic_words(gazetteer):
    forms = gazetteer.surface_forms()
    lengths = [len(form) for form in forms]
    assert lengths == sorted(lengths, reverse=True)
    assert len(forms) == len(set(forms))
    assert {"江苏省", "江苏", "昆山"} <= set(forms)
    assert not GENERIC_WORDS & set(forms)
    assert gazetteer.lookup("城区") is not None  # still a division for lookup


def test_table_cites_its_source():
    lines = data_file("divisions.tsv").read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    assert "cpca" in header and "MIT licence" in header


def test_malformed_table_is_refused(tmp_path):
    bad = tmp_path / "divisions.tsv"
    bad.write_text("code\tname\n110000\t北京市\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="unexpected header"):
        Gazetteer.from_tsv(bad)
    with pytest.raises(GazetteerError, match="cannot read"):
        Gazetteer.from_tsv(tmp_path / "absent.tsv")
