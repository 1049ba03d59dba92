"""`qkg eval`: precision, recall and F1 per fact kind, names matched through aliases."""
from __future__ import annotations

import pytest

from kg.cli import cli
from kg.evaluate import EvaluationError, evaluate, report_lines
from kg.model import Conferral, DocumentFacts, DocumentMeta, Entity, Position


def facts(doc_id: str, source: str | None, entities, conferrals=(), positions=(), sha256=None) -> DocumentFacts:
    return DocumentFacts(DocumentMeta(id=doc_id, title="t", source=source, sha256=sha256),
                         entities=list(entities), conferrals=list(conferrals), positions=list(positions))


def gold_document(**meta) -> DocumentFacts:
    return facts(meta.get("doc_id", "gold"), meta.get("source", "a.txt"), [
        Entity("甲市", "City", aliases=["甲"]),
        Entity("甲市乙丙科技股份有限公司", "Enterprise", aliases=["乙丙科技"]),
        Entity("丁戊集团", "Enterprise"),
        Entity("张三", "Person"),
        Entity("甲市市长质量奖", "Award"),
    ], [
        Conferral("乙丙科技", "甲市市长质量奖", 2021),
        Conferral("丁戊集团", "甲市市长质量奖", 2020),
    ], [
        Position("张三", "市政府秘书长", "甲"),  # the city by its alias
    ], sha256=meta.get("sha256"))


def extracted_document(source="a.txt", sha256=None) -> DocumentFacts:
    return facts("found", source, [
        Entity("甲市", "City"),
        Entity("甲市乙丙科技股份有限公司", "Enterprise"),
        Entity("乙丙科技", "Organization"),  # the short name as an entity of its own: one right, one extra
        Entity("张三", "Person"),
        Entity("李四", "Person"),
        Entity("甲市市长质量奖", "Award"),
    ], [
        Conferral("甲市乙丙科技股份有限公司", "甲市市长质量奖", 2021),
        Conferral("甲市乙丙科技股份有限公司", "甲市市长质量奖", 2019),
    ], [
        Position("张三", "秘书长", "甲市"),
    ], sha256=sha256)


def test_scores_per_kind():
    result = evaluate([extracted_document()], [gold_document()])
    conferrals = result.score("conferrals")
    assert (conferrals.gold, conferrals.extracted, conferrals.matched) == (2, 2, 1)
    assert conferrals.precision == 0.5 and conferrals.recall == 0.5 and conferrals.f1 == 0.5
    assert conferrals.missed == ["gold: 丁戊集团 | 甲市市长质量奖 | 2020"]
    assert conferrals.wrong == ["gold: 甲市乙丙科技股份有限公司 | 甲市市长质量奖 | 2019"]
    people = result.score("Person")
    assert (people.gold, people.extracted, people.matched) == (1, 2, 1)
    assert people.wrong == ["gold: 李四"]


def test_organizations_of_any_type_count_together():
    result = evaluate([extracted_document()], [gold_document()])
    organizations = result.score("organizations")
    # 甲市乙丙科技股份有限公司 matches; the extra 乙丙科技 finds no second gold entity; 丁戊集团 is missed.
    assert (organizations.gold, organizations.extracted, organizations.matched) == (2, 2, 1)
    assert organizations.missed == ["gold: 丁戊集团"]


def test_positions_match_through_aliases_and_the_government_prefix_of_a_role():
    assert evaluate([extracted_document()], [gold_document()]).score("positions").f1 == 1.0


def test_documents_pair_by_sha256_when_sources_differ():
    result = evaluate([extracted_document(source="renamed.txt", sha256="abc")], [gold_document(sha256="abc")])
    assert result.paired == [("found", "gold")]


def test_unpaired_documents_are_listed_not_scored():
    other = extracted_document(source="other.txt")
    other.document.id = "other"
    result = evaluate([extracted_document(), other], [gold_document(), gold_document(doc_id="g2", source="b.txt")])
    assert result.unpaired_extracted == ["other"]
    assert result.unpaired_gold == ["g2"]
    assert result.score("conferrals").gold == 2


def test_no_pairs_is_an_error():
    with pytest.raises(EvaluationError):
        evaluate([extracted_document(source="x.txt")], [gold_document()])


def test_perfect_extraction_scores_one():
    gold = gold_document()
    result = evaluate([gold_document(doc_id="copy")], [gold])
    for kind in ("conferrals", "positions", "Person", "organizations", "Award", "City"):
        assert result.score(kind).f1 == 1.0, kind


def test_report_lists_scores_then_what_was_missed_and_wrong():
    lines = report_lines(evaluate([extracted_document()], [gold_document()]))
    assert lines[0] == "1 documents paired"
    assert any(line.startswith("conferrals") and line.split()[-1] == "0.50" for line in lines)
    assert "conferrals missed (1):" in lines and "  gold: 丁戊集团 | 甲市市长质量奖 | 2020" in lines


def test_eval_command_on_the_corpus(runner, corpus_dir, tmp_path):
    out = tmp_path / "extracted"
    assert runner.invoke(cli, ["extract", str(corpus_dir), "--out", str(out), "--no-progress"]).exit_code == 0
    from kg.resources import curated_facts_dir

    result = runner.invoke(cli, ["eval", "--facts", str(out), "--gold", str(curated_facts_dir()), "--no-details"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[2:]}
    assert {"conferrals", "positions", "organizations", "Person"} <= set(rows)
    assert "missed" not in result.output  # --no-details


def test_eval_errors_are_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["eval", "--facts", str(tmp_path / "none"), "--gold", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")


def test_a_places_government_stands_for_the_place_in_positions():
    gold = facts("g", "a.txt", [Entity("江苏省", "Province"), Entity("马某某", "Person")],
                 positions=[Position("马某某", "副省长", "江苏省")])
    found = facts("f", "a.txt", [Entity("江苏省人民政府", "GovernmentBody"), Entity("马某某", "Person")],
                  positions=[Position("马某某", "副省长", "江苏省人民政府")])
    assert evaluate([found], [gold]).score("positions").matched == 1
    other = facts("o", "a.txt", [Entity("江苏省市场监督管理局", "GovernmentBody"), Entity("马某某", "Person")],
                  positions=[Position("马某某", "副省长", "江苏省市场监督管理局")])
    assert evaluate([other], [gold]).score("positions").matched == 0
