"""Find entities by the names people know them by.

A name is matched, after NFKC normalisation and trimming, first exactly against
every entity's canonical name and aliases; when nothing matches exactly, against
parts of them (a unique substring, any case). One entity found is the answer;
several are an ``AmbiguousName`` that lists them; none is a ``NameNotFound``,
which is something else than a correct empty answer. The names are looked up
by the engine, with the name bound as an RDF term.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import pyoxigraph as ox

from kg.errors import QkgError
from kg.namespace import ENTITY_CLASSES, RDFS, SKOS, normalize_name

# How many candidates an ambiguity lists before "… and N more".
SHOWN_CANDIDATES = 8

ANY_ENTITY = tuple(ENTITY_CLASSES)
PLACES = ("City", "Province")
# A saved query's parameter of one of these types (in its header) names an entity of these kinds.
NAME_TYPES = {"owl:Thing": ANY_ENTITY, "qgov:AdministrativeDivision": PLACES}


class NameNotFound(QkgError):
    """No entity has the name, or a name that contains it."""

    def __init__(self, name: str, kinds: Sequence[str] = ANY_ENTITY):
        self.name = name
        self.kinds = tuple(kinds)
        # What the CLI needs to say it in another language (kg.i18n).
        self.fields = {"name": repr(name), "kinds": self.kinds, "any_kind": self.kinds == ANY_ENTITY}
        super().__init__(f"nothing matches {name!r}: no {_kind_words(kinds)} has that name or a name containing it")


class AmbiguousName(QkgError):
    """Several entities match a name."""

    def __init__(self, name: str, candidates: Sequence["Candidate"]):
        self.name = name
        self.candidates = tuple(candidates)
        self.fields = {"name": repr(name), "count": len(self.candidates), "candidates": self.candidates,
                       "shown": SHOWN_CANDIDATES}
        super().__init__(f"{name!r} matches {len(self.candidates)} entities; did you mean: {self.listing()}")

    def listing(self) -> str:
        shown = [f"{c.label} ({c.type})" for c in self.candidates[:SHOWN_CANDIDATES]]
        more = len(self.candidates) - len(shown)
        return "; ".join(shown) + (f"; … and {more} more" if more > 0 else "")


def _kind_words(kinds: Sequence[str]) -> str:
    return "entity" if tuple(kinds) == ANY_ENTITY else "entity of type " + " or ".join(kinds)


@dataclass(frozen=True)
class Candidate:
    iri: str
    label: str
    type: str  # the entity type of the facts format: Enterprise, City, …
    aliases: tuple[str, ...] = ()


def _query(kinds: Sequence[str], match: str) -> str:
    # The classes and properties come from kg.namespace; the name is an RDF term bound by the
    # engine (``?wanted``), never text in the query.
    classes = " ".join(f"(<{ENTITY_CLASSES[kind]}> \"{kind}\")" for kind in kinds)
    return f"""
        SELECT DISTINCT ?wanted ?node ?label ?type ?exactLabel WHERE {{
          VALUES (?nameProperty ?exactLabel) {{ (<{RDFS.label}> true) (<{SKOS.altLabel}> false) }}
          {match}
          VALUES (?class ?type) {{ {classes} }}
          ?node a ?class ; <{RDFS.label}> ?label .
        }}"""


_EXACT = "?node ?nameProperty ?wanted ."
_PART = "?node ?nameProperty ?any . FILTER(CONTAINS(LCASE(STR(?any)), LCASE(STR(?wanted))))"


def _ordered(found: Iterable[Candidate]) -> list[Candidate]:
    """Shortest names first: the likeliest meaning of a short name heads the list."""
    return sorted(set(found), key=lambda c: (len(c.label), c.label, c.type, c.iri))


def _rows(store: ox.Store, query: str, wanted: ox.Literal) -> list[tuple[Candidate, bool]]:
    rows = store.query(query, substitutions={ox.Variable("wanted"): wanted})
    return [(Candidate(row["node"].value, row["label"].value, row["type"].value), row["exactLabel"].value == "true")
            for row in rows]


def candidates(store: ox.Store, name: str, kinds: Sequence[str] = ANY_ENTITY) -> list[Candidate]:
    """The entities ``name`` may mean: the one it is the name of, else those it is an alias of, else
    those with a name or alias that contains it."""
    wanted = normalize_name(name)
    if not wanted:
        return []
    exact_query = _query(kinds, _EXACT)
    rows: list[tuple[Candidate, bool]] = []
    # Labels and aliases are @zh (the contract); a plain string is also accepted for graphs made elsewhere.
    for term in (ox.Literal(wanted, language="zh"), ox.Literal(wanted)):
        rows += _rows(store, exact_query, term)
    by_label = [c for c, is_label in rows if is_label]
    if by_label or rows:
        return _ordered(by_label or [c for c, _ in rows])
    return _ordered(c for c, _ in _rows(store, _query(kinds, _PART), ox.Literal(wanted)))


def resolve(store: ox.Store, name: str, kinds: Sequence[str] = ANY_ENTITY) -> Candidate:
    """The one entity ``name`` means; ``NameNotFound`` or ``AmbiguousName`` otherwise."""
    return _one(name, candidates(store, name, kinds), kinds)


def choose(name: str, entities: Iterable[Candidate], kinds: Sequence[str] = ANY_ENTITY) -> Candidate:
    """The same rules over entities held in memory (the network of ``qkg path``, the page's graph)."""
    wanted = normalize_name(name)
    pool = [c for c in entities if c.type in kinds or not c.type] if wanted else []
    found = [c for c in pool if wanted == normalize_name(c.label)]
    found = found or [c for c in pool if wanted in map(normalize_name, c.aliases)]
    found = found or [c for c in pool if any(wanted.lower() in normalize_name(n).lower() for n in (c.label, *c.aliases))]
    return _one(name, _ordered(found), kinds)


def _one(name: str, found: list[Candidate], kinds: Sequence[str]) -> Candidate:
    if not found:
        raise NameNotFound(name, kinds)
    if len(found) > 1:
        raise AmbiguousName(name, found)
    return found[0]


def resolve_parameters(store: ox.Store, query, values: Mapping[str, str]) -> dict[str, str]:
    """``values`` with each name given to an entity parameter of ``query`` replaced by the entity's IRI."""
    resolved = dict(values)
    for parameter in query.parameters:
        kinds = NAME_TYPES.get(parameter.type)
        value = values.get(parameter.name)
        if kinds is None or value is None:
            continue
        resolved[parameter.name] = resolve(store, value, kinds).iri
    return resolved
