"""The embedded default: the curated facts of the five source documents and their committed exports."""
from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from kg import resources
from kg.exports import RDF_EXPORTS, serialize
from kg.factfile import read_facts
from kg.namespace import normalize_name
from kg.pipeline import build_graph

from conftest import REPO

CURATED = resources.curated_facts_dir()


@pytest.fixture(scope="module")
def curated():
    return read_facts([CURATED])


@pytest.fixture(scope="module")
def graph():
    return build_graph()


def test_one_facts_file_per_source_document(curated, corpus_dir):
    sources = {f.document.source for f in curated}
    assert sources == {p.name for p in corpus_dir.glob("*.txt")}


def _text(corpus_dir: Path, facts) -> str:
    return (corpus_dir / facts.document.source).read_text(encoding="utf-8-sig")


def test_offsets_point_into_the_documents_they_cite(curated, corpus_dir):
    for facts in curated:
        text = _text(corpus_dir, facts)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == facts.document.sha256, facts.path


_QUOTES = re.compile(r"[“”\"'‘’「」『』《》]")
# Words a document uses for its own city or province instead of the name.
_SELF_REFERENCES = ("我市", "本市", "全市", "市委", "市政府", "我省", "全省", "该市")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", _QUOTES.sub("", normalize_name(text)))


def _names(facts, name: str) -> list[str]:
    entity = facts.entity_named(name)
    return [_plain(n) for n in entity.names]


def _window(text: str, span, before: int = 0) -> str:
    return _plain(text[max(0, span[0] - before): span[1]])


def _names_subject(facts, text: str, span, name: str) -> bool:
    entity = facts.entity_named(name)
    if any(n in _window(text, span) for n in _names(facts, name)):
        return True
    # the subject of a paragraph, named (or, for a city, called 我市) before the sentence that states the fact
    paragraph = _window(text, span, before=600)
    if entity.type in ("City", "Province") and any(word in paragraph for word in _SELF_REFERENCES):
        return True
    return any(n in paragraph for n in _names(facts, name))


def _names_object(facts, text: str, span, name: str) -> bool:
    names = _names(facts, name)
    # an honour roll names the award in its heading, some lines above the recipient
    headings = [re.sub(r"^\d{4}年(度)?", "", n) for n in names]
    return any(n in _window(text, span, before=600) for n in names + headings)


def test_every_fact_cites_a_span_that_names_its_parties(curated, corpus_dir):
    problems = []
    for facts in curated:
        text = _text(corpus_dir, facts)
        checks = [(c, c.recipient, c.award) for c in facts.conferrals]
        checks += [(p, p.person, p.organization) for p in facts.positions]
        checks += [(a, a.adopter, a.program) for a in facts.adoptions]
        for fact, subject, obj in checks:
            where = f"{facts.path.name}:{fact.line}"
            if fact.evidence is None:
                problems.append(f"{where}: no evidence")
            elif not _names_subject(facts, text, fact.evidence, subject):
                problems.append(f"{where}: {subject} is not named at {fact.evidence}")
            elif not _names_object(facts, text, fact.evidence, obj):
                problems.append(f"{where}: {obj} is not named at {fact.evidence}")
    assert not problems, "\n".join(problems)


def test_committed_exports_are_up_to_date(graph):
    import pyoxigraph as ox

    from kg.derive import derived_graph_trig
    from kg.store import memory_store

    for file_name in RDF_EXPORTS:
        committed = REPO / "exports" / file_name
        assert committed.is_file(), f"{committed} is missing: run `qkg build`"
        expected = serialize(graph, file_name)
        if file_name == "qgov.trig":  # `qkg build` adds the derived relations' graph after the documents'
            expected += derived_graph_trig(memory_store(serialize(graph, "qgov.ttl"), ox.RdfFormat.TURTLE))
        assert committed.read_bytes() == expected, f"{committed} is stale: run `qkg build` and commit"


def test_the_curated_graph_satisfies_the_shapes(graph):
    from kg.validate import validate_graph

    violations = [v for v in validate_graph(graph.to_graph()) if v.is_violation]
    assert not violations, "\n".join(map(str, violations[:20]))


def test_every_conferral_and_position_has_a_source(graph):
    from rdflib.namespace import PROV, RDF

    from kg.namespace import ORG, QGOV

    g = graph.to_graph()
    for cls in (QGOV.AwardConferral, ORG.Membership):
        nodes = set(g.subjects(RDF.type, cls))
        assert nodes
        assert all(g.value(n, PROV.wasDerivedFrom) is not None for n in nodes)


CORPUS_RUN = 24


def test_no_sentence_of_the_corpus_is_copied_into_the_repository(corpus_dir):
    """Facts and names may be kept; the documents' sentences may not (24+ Chinese characters in a row)."""
    han = re.compile(r"[\u4e00-\u9fff]")
    only_han = lambda s: "".join(ch for ch in s if han.match(ch))
    grams = set()
    for path in corpus_dir.glob("*"):
        t = only_han(path.read_text(encoding="utf-8", errors="ignore"))
        grams.update(t[i:i + CORPUS_RUN] for i in range(len(t) - CORPUS_RUN + 1))
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    copied = []
    for name in tracked:
        path = REPO / name
        if not path.is_file() or path.stat().st_size > 5_000_000:
            continue
        t = only_han(path.read_text(encoding="utf-8", errors="ignore"))
        if any(t[i:i + CORPUS_RUN] in grams for i in range(len(t) - CORPUS_RUN + 1)):
            copied.append(name)
    assert not copied, f"text copied from the corpus: {copied}"


def test_the_extractor_names_no_firm_person_or_local_body_of_the_curated_facts(curated):
    """The extractor must work from patterns and generic terms: no firm, person, organisation or local
    name from the documents it was developed on, not even in a comment. National bodies, awards and
    campaigns (国务院, 中国质量奖, 质量月), divisions (the gazetteer) and the national leaders of the
    lexicon's short list (known_people, named by governance texts everywhere) are generic and may appear."""
    from kg.extract.lexicon import Lexicon

    national_leaders = set(Lexicon.default().known_people)
    sources = [*sorted((REPO / "kg" / "extract").glob("*.py")), REPO / "kg" / "data" / "lexicon.yaml"]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    entities = [entity for document in curated for entity in document.entities]
    cities = {normalize_name(e.name) for e in entities if e.type == "City"}
    local = tuple({city.removesuffix("市").removesuffix("区") for city in cities} | cities)
    named = set()
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            name = normalize_name(name)
            specific = entity.type in ("Enterprise", "Person", "Organization", "Project")
            is_local = name.startswith(local) and entity.type not in ("City", "Province")
            if (specific or is_local) and len(name) >= 2 and name not in national_leaders:
                named.add(name)
    found = sorted(name for name in named if name in text)
    assert not found, f"names from the curated facts in the extractor: {found}"


def _changzhou(curated):
    (facts,) = [f for f in curated if f.document.source == "002_6b825dc445f9db47.txt"]
    return facts


def test_the_changzhou_projects_receive_their_awards_for_works(curated):
    facts = _changzhou(curated)
    projects = {e.name for e in facts.entities if e.type == "Project"}
    assert projects == {"常州市轨道交通工程控制中心及综合管理用房工程", "魏村枢纽扩容改建工程"}
    conferrals = {(c.recipient, c.award, c.year) for c in facts.conferrals}
    assert ("常州市轨道交通工程控制中心及综合管理用房工程", "中国建设工程鲁班奖", 2021) in conferrals
    assert ("魏村枢纽扩容改建工程", "平安百年品质工程创建示范项目", 2021) in conferrals
    assert facts.entity_named("平安百年品质工程创建示范项目").conferrer == "交通运输部"
    assert {(l.entity, l.within) for l in facts.locations} >= {(p, "常州市") for p in projects}


def test_the_2021_review_dates_the_quality_benchmarks(curated):
    """The section that reviews 2021 gives the 全国质量标杆 honours without repeating the year."""
    years = {c.recipient: c.year for c in _changzhou(curated).conferrals if c.award == "全国质量标杆"}
    assert len(years) == 2 and set(years.values()) == {2021}
    text = (REPO / "facts" / "002_6b825dc445f9db47.yaml").read_text(encoding="utf-8")
    assert re.search(r"#.*section that reviews 2021, \[269, 1521\)", text), "the file should say where the year comes from"


def test_the_technical_standards_base_is_an_organisation(curated):
    base = _changzhou(curated).entity_named("江苏省轨道交通装备技术标准创新基地")
    assert base is not None and base.type == "Organization" and base.mentions == [(1258, 1275)]


def test_the_default_graph_holds_the_projects(graph):
    assert graph.summary().entities_by_type["Project"] == 2
