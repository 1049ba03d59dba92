"""Enumerated values in either language (issue 12, item 3): the names agree with the ontology."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDFS, SKOS

from kg import resources
from kg.namespace import AWARD_LEVELS, ENTITY_CLASSES, QGOV
from kg.vocab import AWARD_LEVEL_NAMES, TYPE_NAMES_ZH, UnknownValue, award_level_key


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(resources.ontology_file())


def test_level_names_are_the_ontology_s(ontology):
    for key, iri in AWARD_LEVELS.items():
        labels = {(str(label), label.language) for label in ontology.objects(iri, SKOS.prefLabel)}
        zh, en = AWARD_LEVEL_NAMES[key]
        assert (zh, "zh") in labels and (en, "en") in labels


def test_type_names_are_the_ontology_s(ontology):
    for type_, iri in {**ENTITY_CLASSES, "Document": QGOV.Document}.items():
        assert rdflib.Literal(TYPE_NAMES_ZH[type_], lang="zh") in set(ontology.objects(iri, RDFS.label))


@pytest.mark.parametrize("value", ["省级", "provincial", "ProvincialLevel", " PROVINCIAL ", "provinciallevel"])
def test_a_level_in_any_of_its_names(value):
    assert award_level_key(value) == "provincial"


def test_an_unknown_level_lists_what_is_accepted():
    with pytest.raises(UnknownValue, match="省级/provincial/ProvincialLevel"):
        award_level_key("省")


def test_the_level_parameter_takes_chinese_and_english_alike(qkg, default_graph):
    outputs = {
        value: qkg("query", "awards-by-city-level-year", "-p", f"level={value}", "--format", "csv", "--data", default_graph)
        for value in ("省级", "provincial", "ProvincialLevel")
    }
    assert all(result.exit_code == 0 for result in outputs.values())
    assert len({result.output for result in outputs.values()}) == 1
    assert len(outputs["省级"].output.splitlines()) > 5
