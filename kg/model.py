"""The facts of one document, as plain dataclasses.

This is the in-memory form of a facts file (see docs/facts-format.md). The
builder reads it; the extractor writes it; neither knows about YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]


@dataclass
class DocumentMeta:
    id: str
    title: str
    publisher: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # file name of the text the offsets refer to
    sha256: str | None = None  # of that text, UTF-8 encoded
    text: str | None = None  # kept only when users build from their own documents


@dataclass
class Entity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    id: str | None = None  # pins the IRI key; defaults to the name
    mentions: list[Span] = field(default_factory=list)
    level: str | None = None  # City/Province: province | prefecture | county; Award: national | ...
    conferrer: str | None = None  # Award: the government conferring it
    nomination_for: str | None = None  # Award: the main award of a 提名奖
    issuer: str | None = None  # Regulation
    year: int | None = None  # Regulation enacted, Event held, Program/Award established
    date: str | None = None  # Event
    place: str | None = None  # Event
    organizers: list[str] = field(default_factory=list)  # Event
    confidence: float | None = None
    line: int | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Conferral:
    recipient: str
    award: str
    year: int | None = None
    evidence: Span | None = None
    confidence: float | None = None
    quote: str | None = None
    line: int | None = None
    # Last, so that positional construction (kg/extract/document.py) keeps its meaning.
    period: str | None = None  # the edition as written when it is not one plain year: "2015—2016年度", "第八届"


@dataclass
class Position:
    person: str
    role: str
    organization: str
    evidence: Span | None = None
    confidence: float | None = None
    quote: str | None = None
    line: int | None = None


@dataclass
class Adoption:
    adopter: str
    program: str
    since: int | None = None
    evidence: Span | None = None
    confidence: float | None = None
    quote: str | None = None
    line: int | None = None


@dataclass
class Location:
    entity: str
    within: str
    evidence: Span | None = None
    confidence: float | None = None
    quote: str | None = None
    line: int | None = None


@dataclass
class DocumentFacts:
    document: DocumentMeta
    entities: list[Entity] = field(default_factory=list)
    conferrals: list[Conferral] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    adoptions: list[Adoption] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    path: Path | None = None

    def entity_named(self, name: str) -> Entity | None:
        """The entity of this document that goes by ``name`` (name or alias)."""
        from kg.namespace import normalize_name

        wanted = normalize_name(name)
        for entity in self.entities:
            if any(normalize_name(n) == wanted for n in entity.names):
                return entity
        return None
