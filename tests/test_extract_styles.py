"""The extractor on documents of several styles that the project wrote itself.

Each document in tests/fixtures/extract/ has an ``.expected.yaml`` beside it:
the organisations, people, conferrals and positions it states. Conferrals must
come out exactly (no more, no fewer); names are compared through aliases.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from kg.extract import extract_facts
from kg.factfile import check_references, dump_facts
from kg.namespace import normalize_name
from kg.reader import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
DOCUMENTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html") and
                   p.with_name(p.stem + ".expected.yaml").exists())


def expected_of(path: Path) -> dict:
    return yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _extracted(path: Path):
    document = read_document(path)
    return document, extract_facts(document), expected_of(path)


@pytest.fixture(scope="module", params=DOCUMENTS, ids=lambda p: p.name)
def extracted(request):
    return _extracted(request.param)


def _listing(kind: str) -> list[Path]:
    """The fixtures whose expected facts list ``kind`` exactly (the others say nothing about it)."""
    return [path for path in DOCUMENTS if kind in expected_of(path)]


def canonical(facts, name: str) -> str:
    entity = facts.entity_named(name)
    return normalize_name(entity.name) if entity else normalize_name(name)


def names_of(facts, types) -> set[str]:
    return {normalize_name(n) for e in facts.entities if e.type in types for n in e.names}


def test_fixture_styles_are_all_present():
    assert {p.suffix for p in DOCUMENTS} == {".txt", ".md", ".html"}
    assert len(DOCUMENTS) >= 5
    assert len(_listing("programs")) >= 2 and len(_listing("events")) >= 2


def test_organizations(extracted):
    _, facts, expected = extracted
    found = names_of(facts, ("Enterprise", "GovernmentBody", "Organization"))
    assert set(expected["organizations"]) <= found
    assert not found & {normalize_name(n) for n in expected.get("excluded_organizations", [])}


def test_people(extracted):
    _, facts, expected = extracted
    found = {e.name for e in facts.entities if e.type == "Person"}
    assert found == set(expected["people"])
    assert not found & set(expected.get("excluded_people", []))


def test_conferrals_exactly(extracted):
    _, facts, expected = extracted
    found = {(canonical(facts, c.recipient), canonical(facts, c.award), c.year) for c in facts.conferrals}
    wanted = {(canonical(facts, r), canonical(facts, a), y) for r, a, y in expected["conferrals"]}
    assert found == wanted


def test_positions(extracted):
    _, facts, expected = extracted
    found = {(p.person, p.role, canonical(facts, p.organization)) for p in facts.positions}
    assert {(p, r, canonical(facts, o)) for p, r, o in expected["positions"]} <= found


def test_adoptions(extracted):
    _, facts, expected = extracted
    found = {(canonical(facts, a.adopter), canonical(facts, a.program)): a.since for a in facts.adoptions}
    for adopter, program, *since in expected.get("adoptions", []):
        key = (canonical(facts, adopter), canonical(facts, program))
        assert key in found, key
        if since:
            assert found[key] == since[0], key


@pytest.mark.parametrize("path", _listing("programs"), ids=lambda p: p.name)
def test_programs_exactly(path):
    _, facts, expected = _extracted(path)
    found = {e.name for e in facts.entities if e.type == "Program"}
    assert found == {canonical(facts, name) for name in expected["programs"]}


def _assert_exactly_with_attributes(path: Path, entity_type: str, key: str) -> None:
    """The entities of a type are exactly those listed under ``key``, each with the attributes listed."""
    _, facts, expected = _extracted(path)
    found = {e.name: e for e in facts.entities if e.type == entity_type}
    assert set(found) == set(expected[key])
    for name, attributes in expected[key].items():
        for attribute, value in attributes.items():
            assert getattr(found[name], attribute) == value, (name, attribute)


@pytest.mark.parametrize("path", _listing("events"), ids=lambda p: p.name)
def test_events_exactly_with_date_and_place(path):
    _assert_exactly_with_attributes(path, "Event", "events")


@pytest.mark.parametrize("path", _listing("regulations"), ids=lambda p: p.name)
def test_regulations_exactly_with_issuer_and_year(path):
    _assert_exactly_with_attributes(path, "Regulation", "regulations")


def test_government_bodies(extracted):
    _, facts, expected = extracted
    found = names_of(facts, ("GovernmentBody",))
    assert set(expected.get("government_bodies", [])) <= found


def test_locations(extracted):
    _, facts, expected = extracted
    found = {(canonical(facts, l.entity), canonical(facts, l.within)) for l in facts.locations}
    assert {(canonical(facts, e), canonical(facts, w)) for e, w in expected.get("locations", [])} <= found


def test_awards_carry_their_conferrer(extracted):
    _, facts, expected = extracted
    for name, attributes in expected.get("awards", {}).items():
        award = facts.entity_named(name)
        assert award is not None and award.type == "Award", name
        for key, value in attributes.items():
            assert getattr(award, key) == value, (name, key)


def test_aliases(extracted):
    _, facts, expected = extracted
    for name, aliases in expected.get("aliases", {}).items():
        assert set(aliases) <= set(facts.entity_named(name).aliases)


def test_document_metadata(extracted):
    document, facts, expected = extracted
    for key, value in expected.get("document", {}).items():
        assert getattr(facts.document, key) == value
    assert facts.document.sha256 == document.sha256
    assert facts.document.source == document.path.name


def test_evidence_points_into_the_original_text(extracted):
    document, facts, _ = extracted
    for fact in [*facts.conferrals, *facts.positions, *facts.adoptions, *facts.locations]:
        start, end = fact.evidence
        assert 0 <= start < end <= len(document.text)
        assert fact.quote and document.text[start:end].startswith(fact.quote.rstrip("…"))
        assert 0 < fact.confidence <= 1
    for entity in facts.entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(document.text)


def test_facts_are_consistent_and_serialise(extracted):
    _, facts, _ = extracted
    check_references(facts)
    assert dump_facts(facts).startswith("format: qkg-facts/1")


def test_traditional_text_keeps_original_characters_in_quotes():
    document = read_document(FIXTURES / "traditional_news.txt")
    facts = extract_facts(document)
    quotes = " ".join(c.quote for c in facts.conferrals)
    assert "榮獲" in quotes and "荣获" not in quotes


def test_gbk_file_is_read_as_gb18030():
    assert read_document(FIXTURES / "gbk_bulletin.txt").encoding == "gb18030"
