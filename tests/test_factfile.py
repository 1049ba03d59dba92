"""Reading and writing facts files: what a person editing them by hand sees."""
from __future__ import annotations

import pytest

from kg.errors import FactsError
from kg.factfile import dump_facts, read_facts, read_facts_file

from conftest import SMALL_FACTS


def test_reads_every_section(small_facts):
    facts = read_facts_file(small_facts / "doc.yaml")
    assert facts.document.id == "test-a"
    assert facts.document.date == "2021-05-01"
    assert [e.name for e in facts.entities][:3] == ["甲市", "丁县", "乙省"]
    assert facts.conferrals[0].recipient == "丙科技" and facts.conferrals[0].year == 2020
    assert facts.conferrals[0].evidence == (10, 30)
    assert facts.positions[0].role == "董事长"
    assert facts.adoptions[0].since == 2009
    assert facts.locations[2].within == "甲市"
    assert facts.entity_named("丙科技").name == "丙科技股份有限公司"


def test_dump_then_read_gives_the_same_facts(small_facts, tmp_path):
    facts = read_facts_file(small_facts / "doc.yaml")
    again_path = tmp_path / "again.yaml"
    again_path.write_text(dump_facts(facts), encoding="utf-8")
    again = read_facts_file(again_path)
    for section in ("entities", "conferrals", "positions", "adoptions", "locations"):
        strip = lambda items: [{k: v for k, v in vars(i).items() if k != "line"} for i in items]
        assert strip(getattr(again, section)) == strip(getattr(facts, section))
    assert again.document == facts.document


def _error(write_facts, text) -> str:
    folder = write_facts(text)
    with pytest.raises(FactsError) as caught:
        read_facts([folder])
    return str(caught.value)


def test_malformed_yaml_names_file_and_line(write_facts):
    message = _error(write_facts, "document:\n  id: a\n  title: [unclosed\nentities: []\n")
    assert "doc.yaml:" in message and "malformed YAML" in message
    assert message.split("doc.yaml:")[1].split(":")[0].isdigit()


def test_undefined_entity_names_the_line(write_facts):
    text = SMALL_FACTS.replace("  - recipient: 张三\n", "  - recipient: 李四\n")
    message = _error(write_facts, text)
    line = next(i for i, l in enumerate(text.lstrip().splitlines(), 1) if "李四" in l)
    assert f"doc.yaml:{line}: conferral recipient '李四' is not an entity of this file" in message


def test_reference_of_the_wrong_kind_is_refused(write_facts):
    text = SMALL_FACTS.replace("    award: 乙省省长质量奖\n", "    award: 丙科技\n")
    assert "conferral award '丙科技' is not an entity of this file" in _error(write_facts, text)


@pytest.mark.parametrize("bad", ["'20x1'", "21", "'二〇二一'", "20210", "true"])
def test_a_year_that_is_not_a_year(write_facts, bad):
    text = SMALL_FACTS.replace("    year: 2019\n", f"    year: {bad}\n")
    assert "must be a four-digit year" in _error(write_facts, text)


def test_unknown_key_is_an_error_not_ignored(write_facts):
    text = SMALL_FACTS.replace("  - recipient: 张三\n", "  - recipent: 张三\n")
    assert "unknown key 'recipent' in conferral" in _error(write_facts, text)


def test_unknown_entity_type(write_facts):
    text = SMALL_FACTS.replace("    type: Person\n", "    type: Human\n")
    assert "entity type 'Human' is not one of" in _error(write_facts, text)


def test_two_entities_with_one_name(write_facts):
    text = SMALL_FACTS.replace("    aliases: [丙科技]\n", "    aliases: [丙科技, 甲市市长质量奖]\n")
    # an alias equal to an award's name is fine: different kinds
    read_facts([write_facts(text)])
    text = SMALL_FACTS.replace("  - name: 张三\n    type: Person\n", "  - name: 张三\n    type: Person\n  - name: 张三\n    type: Person\n")
    assert "the name '张三' is used by two entities" in _error(write_facts, text)


def test_evidence_must_be_an_ordered_pair(write_facts):
    text = SMALL_FACTS.replace("evidence: [10, 30]", "evidence: [30, 10]")
    assert "evidence must be [start, end]" in _error(write_facts, text)


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(FactsError, match="no such facts file or folder"):
        read_facts([tmp_path / "nowhere"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(FactsError, match="holds no facts files"):
        read_facts([tmp_path / "empty"])


def test_document_ids_are_unique(write_facts):
    write_facts(SMALL_FACTS, "one.yaml")
    folder = write_facts(SMALL_FACTS, "two.yaml")
    with pytest.raises(FactsError, match="document id 'test-a' is also used by"):
        read_facts([folder])
