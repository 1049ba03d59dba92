"""The names of the vocabulary's enumerations in Chinese and English, and reading any of them back.

An award level can be given as 省级, provincial or ProvincialLevel (any case):
people write what they read, in either language. The Chinese and English names
are the ontology's ``skos:prefLabel``s (tests/test_vocab.py keeps them in step).
"""
from __future__ import annotations

from kg.errors import QkgError
from kg.namespace import AWARD_LEVELS

# The key of kg.namespace.AWARD_LEVELS -> (Chinese name, English name).
AWARD_LEVEL_NAMES = {
    "national": ("国家级", "national"),
    "provincial": ("省级", "provincial"),
    "municipal": ("市级", "municipal"),
    "county": ("县级", "county level"),
}


# Entity types of the facts format -> their class's Chinese rdfs:label in the ontology.
TYPE_NAMES_ZH = {
    "City": "城市", "Province": "省份", "Enterprise": "企业", "GovernmentBody": "政府机构", "Organization": "组织",
    "Person": "人物", "Program": "质量工作制度", "Award": "奖项", "Regulation": "法规", "Event": "活动",
    "Project": "工程项目", "Document": "来源文件",
}


class UnknownValue(QkgError):
    """A value is none of those an enumerated parameter accepts."""


def _local_name(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def award_level_key(value: str) -> str:
    """The key of kg.namespace.AWARD_LEVELS that ``value`` names: 省级, provincial or ProvincialLevel."""
    wanted = value.strip().lower()
    for key, iri in AWARD_LEVELS.items():
        zh, en = AWARD_LEVEL_NAMES[key]
        if wanted in (key, zh, en.lower(), _local_name(iri).lower()):
            return key
    accepted = ", ".join(f"{AWARD_LEVEL_NAMES[k][0]}/{k}/{_local_name(AWARD_LEVELS[k])}" for k in AWARD_LEVELS)
    raise UnknownValue(f"one of {accepted}")


def award_level_name(local_name: str, lang: str) -> str:
    """An award level's name in ``lang`` from its ontology name (ProvincialLevel); other text unchanged."""
    for key, iri in AWARD_LEVELS.items():
        if _local_name(iri) == local_name:
            zh, en = AWARD_LEVEL_NAMES[key]
            return zh if lang == "zh" else en
    return local_name


def type_name(type_: str, lang: str) -> str:
    """An entity type's name in ``lang`` (企业 or Enterprise); other text unchanged."""
    return TYPE_NAMES_ZH.get(type_, type_) if lang == "zh" else type_
