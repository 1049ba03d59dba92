"""Every IRI the project mints or uses, in one place.

Instance IRIs are opaque but stable: they hash the entity's kind and its key
(an explicit ``id`` from the facts, or else its canonical name), so adding an
alias or re-running a build never changes them.
"""
from __future__ import annotations

import hashlib
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

QGOV = Namespace("https://w3id.org/qgov/ontology#")
ID = Namespace("https://w3id.org/qgov/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")



class TermsMadeOnce:
    """A namespace whose terms are made once: each attribute of an rdflib namespace makes and checks a new
    term, which costs seconds in loops over a million triples."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # found as a plain attribute from now on
        return term


ONTOLOGY_IRI = URIRef("https://w3id.org/qgov/ontology")
# The named graph of the relations derived from the stated facts (ontology/derived.ru).
DERIVED_GRAPH = URIRef("https://w3id.org/qgov/id/graph/derived")

PREFIXES = {
    "qgov": QGOV,
    "qid": ID,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
    "schema": SCHEMA,
    "owl": OWL,
    "foaf": FOAF,
}

# Entity types of the facts format -> ontology class.
ENTITY_CLASSES = {
    "City": QGOV.City,
    "Province": QGOV.Province,
    "Enterprise": QGOV.Enterprise,
    "GovernmentBody": QGOV.GovernmentBody,
    "Organization": QGOV.Organization,
    "Person": QGOV.Person,
    "Program": QGOV.Program,
    "Award": QGOV.Award,
    "Regulation": QGOV.Regulation,
    "Event": QGOV.Event,
    "Project": QGOV.ConstructionProject,
}

# Types that share an IRI space: a record typed Organization in one document
# and Enterprise in another is the same entity.
KIND_OF_TYPE = {
    "City": "place",
    "Province": "place",
    "Enterprise": "org",
    "GovernmentBody": "org",
    "Organization": "org",
    "Person": "person",
    "Program": "program",
    "Award": "award",
    "Regulation": "regulation",
    "Event": "event",
    "Project": "project",
}

# Award levels (a SKOS concept scheme in the ontology).
AWARD_LEVELS = {
    "national": QGOV.NationalLevel,
    "provincial": QGOV.ProvincialLevel,
    "municipal": QGOV.MunicipalLevel,
    "county": QGOV.CountyLevel,
}
AWARD_LEVEL_SCHEME = QGOV.AwardLevelScheme

# Administrative levels of cities and provinces (another concept scheme).
DIVISION_LEVELS = {
    "province": QGOV.ProvinceLevelDivision,
    "prefecture": QGOV.PrefectureLevelDivision,
    "county": QGOV.CountyLevelDivision,
}
DIVISION_LEVEL_SCHEME = QGOV.DivisionLevelScheme

# The award level a government of each administrative level confers.
AWARD_LEVEL_OF_DIVISION = {
    "province": "provincial",
    "prefecture": "municipal",
    "county": "county",
}


def normalize_name(name: str) -> str:
    """The form of a name used for matching and keys: NFKC, no outer spaces."""
    return unicodedata.normalize("NFKC", name).strip()


def _digest(*parts: str) -> str:
    joined = "\x1f".join(parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def entity_iri(kind: str, key: str) -> URIRef:
    return ID[f"{kind}/{_digest(kind, normalize_name(key))}"]


def document_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id}"]


def span_iri(doc_id: str, start: int, end: int) -> URIRef:
    return ID[f"doc/{doc_id}/span/{start}-{end}"]


def conferral_iri(recipient: URIRef, award: URIRef, year: int | None) -> URIRef:
    return ID[f"conferral/{_digest(recipient, award, str(year or ''))}"]


def membership_iri(person: URIRef, organization: URIRef, role: URIRef) -> URIRef:
    return ID[f"membership/{_digest(person, organization, role)}"]


def role_iri(label: str) -> URIRef:
    return ID[f"role/{_digest('role', normalize_name(label))}"]


def adoption_iri(adopter: URIRef, program: URIRef, since: int | None = None) -> URIRef:
    # Documents that disagree on the start year state two adoptions, each with its own source.
    parts = (adopter, program) if since is None else (adopter, program, str(since))
    return ID[f"adoption/{_digest(*parts)}"]
