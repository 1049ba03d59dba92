"""Names that saved queries spell out in VALUES blocks stay in step with the ontology."""
from __future__ import annotations

import re

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import resources
from kg.namespace import QGOV
from kg.queries import run_query, find_query

from test_queries import small_store  # noqa: F401  (a fixture)

# A VALUES row that pairs a qgov term with a name, and a class also with its Chinese name:
# (qgov:ProvincialLevel "省级"), (qgov:City "City" "城市").
_PAIR = re.compile(r'\(\s*qgov:(?P<term>\w+)\s+"(?P<name>[^"]*)"(?:\s+"(?P<zh>[^"]*)")?\s*\)')


def _pairs():
    for path in sorted(resources.queries_dir().glob("*.rq")):
        for match in _PAIR.finditer(path.read_text(encoding="utf-8")):
            yield path.stem, QGOV[match["term"]], match["name"], match["zh"]


def test_values_names_match_the_ontology():
    ontology = rdflib.Graph().parse(resources.ontology_file())
    pairs = list(_pairs())
    assert pairs, "no saved query names qgov terms in a VALUES block"
    for query, term, name, chinese in pairs:
        if (term, RDF.type, SKOS.Concept) in ontology:
            labels = {str(label) for label in ontology.objects(term, SKOS.prefLabel) if label.language == "zh"}
            assert name in labels, f"{query}: {term} is named {name!r}, the ontology says {labels}"
        else:
            assert (term, RDF.type, OWL.Class) in ontology, f"{query}: {term} is neither a concept nor a class"
            assert name == term.split("#")[-1], f"{query}: class {term} is named {name!r}"
            labels = {str(label) for label in ontology.objects(term, RDFS.label) if label.language == "zh"}
            assert chinese in labels, f"{query}: class {term} is named {chinese!r} in Chinese, the ontology says {labels}"


def test_level_columns_give_the_chinese_name(small_store):  # noqa: F811
    history = run_query(small_store, find_query("award-history"), {"name": "丙科技"})
    columns = dict(zip(history.variables, zip(*history.rows)))
    assert [t.value for t in columns["level"]] == ["MunicipalLevel", "ProvincialLevel"]
    assert [t.value for t in columns["level_zh"]] == ["市级", "省级"]
    by_city = run_query(small_store, find_query("awards-by-city-level-year"), {"level": "provincial"})
    assert [(row[1].value, row[-1].value) for row in by_city.rows] == [("ProvincialLevel", "省级")]


def test_type_columns_give_the_chinese_name(small_store):  # noqa: F811
    answer = run_query(small_store, find_query("repeat-winners"), {"min_conferrals": "1"})
    columns = dict(zip(answer.variables, zip(*answer.rows)))
    names = {"Enterprise": "企业", "Person": "人物", "Organization": "组织", "City": "城市"}
    assert columns["recipient_type"]
    assert [t.value for t in columns["recipient_type_zh"]] == [names[t.value] for t in columns["recipient_type"]]
