"""The extractor's general mechanisms, one short text each (written for the test, not taken from documents)."""
from __future__ import annotations

from pathlib import Path

from kg.extract import extract_facts
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
