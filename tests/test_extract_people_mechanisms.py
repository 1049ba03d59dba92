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
