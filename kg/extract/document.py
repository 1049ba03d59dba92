"""Extract the facts of one document: finders, then resolution, then the facts model."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from kg.extract.awards import find_awards, government_variant, issuing_division
from kg.extract.conferrals import find_conferrals
from kg.extract.government import without_term
from kg.extract.lexicon import Lexicon
from kg.extract.jobs import jobs_of_people, people_in_bio_lines, workers_after_jobs
from kg.extract.listed_people import listed_people
from kg.extract.mentions import Mention, SpanSet
from kg.extract.organizations import find_organizations
from kg.extract.own_firm import title_firm
from kg.extract.people import find_people
from kg.extract.places import Places, division_named, entity_type, find_places
from kg.extract.program_rolls import project_carriers
from kg.extract.programs import find_programs_and_events
from kg.extract.projects import find_projects
from kg.extract.locations import (award_holders_located, cities_in_names_located, find_locations, most_specific,
                                  table_places)
from kg.extract.relations import find_adoptions
from kg.extract.resolution import alias_mentions, merge_organizations
from kg.extract.section_years import SectionYears
from kg.extract.segments import lines as split_lines
from kg.factfile import LOCATED_KINDS, RECIPIENT_KINDS
from kg.model import Adoption, Conferral, DocumentFacts, DocumentMeta, Entity, Location, Position
from kg.namespace import KIND_OF_TYPE, normalize_name
from kg.reader import SourceDocument
from kg.textnorm import matchable

MAX_QUOTE = 240
MAX_MENTIONS = 5  # enough to find an entity in the text; more only bloats the files
TYPE_PRIORITY = {"Enterprise": 0, "GovernmentBody": 1, "Organization": 2}


def document_id(document: SourceDocument) -> str:
    """A stable id, unique per file: the file name's letters and a hash of its name and text (kg.reader)."""
    return document.id


def _near(mentions: list[Mention], starts: list[int], mention: Mention, reach: int = 40) -> list[Mention]:
    """The mentions (sorted by start, ``starts`` their starts) that start within reach before ``mention`` or in it."""
    return mentions[bisect_left(starts, mention.start - reach):bisect_right(starts, mention.end)]


def _overlaps(mention: Mention, spans: SpanSet) -> bool:
    return spans.overlaps(mention.start, mention.end)


@dataclass
class _Table:
    """The document's entities, keyed by kind and canonical name."""

    places: Places
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)

    def add(self, entity_type: str, name: str, span=None, aliases=(), confidence: float = 0.8, **attrs) -> Entity:
        key = (KIND_OF_TYPE[entity_type], name)
        entity = self.entities.get(key)
        if entity is None:
            entity = Entity(name=name, type=entity_type, confidence=confidence)
            self.entities[key] = entity
        elif TYPE_PRIORITY.get(entity_type, 9) < TYPE_PRIORITY.get(entity.type, 9):
            entity.type = entity_type
        for alias in aliases:
            if alias and alias != name and alias not in entity.aliases:
                entity.aliases.append(alias)
        if span and len(entity.mentions) < MAX_MENTIONS and tuple(span) not in entity.mentions:
            entity.mentions.append(tuple(span))
        for key_name, value in attrs.items():
            if value is not None and getattr(entity, key_name) in (None, []):
                setattr(entity, key_name, value)
        return entity

    def place(self, name: str, span=None) -> str | None:
        """Make sure the place ``name`` is an entity; its canonical name."""
        division = self.places.division_of(name) or division_named(name)
        if division is None:
            return None
        canonical = name if name.endswith(("省", "市", "县", "区", "州", "盟", "旗")) else division.name
        aliases = [division.short] if division.short != canonical else []
        self.add(entity_type(division, canonical), canonical, span, aliases, 0.9, level=division.level)
        return canonical

    def has(self, kind: str, name: str) -> bool:
        return (kind, name) in self.entities


def _as_written(original: str, mention: Mention) -> str:
    """The name in the document's own characters (traditional, full-width), an alias when it differs."""
    written = original[mention.start:mention.end]
    return written if "\n" not in written else ""


def _quote(text: str, start: int, end: int) -> str:
    quote = text[start:end]
    return quote if len(quote) <= MAX_QUOTE else quote[:MAX_QUOTE] + "…"


def extract_facts(document: SourceDocument, lexicon: Lexicon | None = None) -> DocumentFacts:
    lexicon = lexicon or Lexicon.default()
    text, original = document.matchable, document.text
    places = find_places(text)
    organizations = [without_term(m) for m in find_organizations(text, places, lexicon)]
    page_firm = title_firm(text, matchable(document.title) if document.title else None, organizations, lexicon)
    if page_firm is not None:
        organizations = sorted(organizations + [page_firm], key=lambda m: m.start)
    people, new_organizations = find_people(text, places, organizations, lexicon)
    organizations = sorted(organizations + new_organizations, key=lambda m: m.start)
    people.mentions = sorted(people.mentions + [m for m in listed_people(text, organizations, people.mentions, lexicon)
                                                if m.name not in people.excluded], key=lambda m: m.start)
    people.mentions = sorted(people.mentions + workers_after_jobs(text, organizations, people.mentions, lexicon),
                             key=lambda m: m.start)
    people.holdings += jobs_of_people(text, organizations, people.mentions, people.holdings)
    listed, particulars = people_in_bio_lines(text, organizations, lexicon)
    known = {m.span for m in people.mentions}
    people.mentions = sorted(people.mentions + [m for m in listed if m.span not in known], key=lambda m: m.start)
    people.holdings += particulars
    title = matchable(document.title) if document.title else None
    awards = find_awards(text, places, lexicon, issuing_division([title] if title else [], places))
    # An award named after its conferring government holds that government's name
    # ("浙江省政府质量奖"): the award wins; otherwise an organisation wins.
    awards = sorted(awards, key=lambda a: a.start)
    award_starts = [a.start for a in awards]
    organizations = [o for o in organizations if not any(a.start <= o.start and o.end <= a.end and a.span != o.span
                                                         for a in _near(awards, award_starts, o))]
    org_spans = [m.span for m in organizations]
    # the award a judging body is named after stays an award ("第二届X奖评选表彰委员会": the edition's X奖)
    org_set = SpanSet([m.span for m in organizations if not m.attrs.get("judges_award")])
    awards = [a for a in awards if not _overlaps(a, org_set)]
    org_and_award_set = SpanSet(org_spans + [a.span for a in awards])
    # A title in 《》 is one name, whatever names it holds ("《…市长质量奖管理办法》").
    named_things = [m for m in find_programs_and_events(text, places, lexicon)
                    if m.attrs.get("title") or not _overlaps(m, org_and_award_set)]
    # a construction project, the recipient of an award for works, is no programme ("…工程")
    # a project's name may hold the organisation it is named after ("某学院5号教学楼工程", "某医院一期建设项目"):
    # the project wins over an organisation inside it, not over one it only runs into
    award_set = SpanSet([a.span for a in awards])
    projects = [p for p in find_projects(text, organizations + people.mentions + awards)
                if not _overlaps(p, award_set) and all(p.start <= o.start and o.end <= p.end for o in organizations
                                                       if o.start < p.end and p.start < o.end)]
    project_set = SpanSet([p.span for p in projects])
    organizations = [o for o in organizations if not project_set.contains(o.start, o.end)]
    org_spans = [m.span for m in organizations]
    named_things = [m for m in named_things if not _overlaps(m, project_set)]

    canonical_org = merge_organizations(organizations, lexicon)
    for mention in organizations:
        mention.attrs.setdefault("surface", mention.name)
        mention.name = canonical_org[mention.name]
    taken = org_spans + [a.span for a in awards] + [m.span for m in named_things] + [m.span for m in people.mentions]
    org_types = {}
    for mention in organizations:
        if TYPE_PRIORITY.get(mention.type, 9) < TYPE_PRIORITY.get(org_types.get(mention.name), 9):
            org_types[mention.name] = mention.type
    short_uses = alias_mentions(text, sorted(org_types.items()), taken, lexicon)
    organizations = sorted(organizations + short_uses, key=lambda m: m.start)

    blocked = SpanSet([m.span for m in organizations] + [a.span for a in awards] + [m.span for m in named_things]
                      + [p.span for p in projects])
    free_places = [p for p in places.mentions if not _overlaps(p, blocked)]
    table = _Table(places)
    for place in free_places:
        table.place(place.name, place.span)
    for mention in organizations:
        surface = mention.attrs.get("surface", mention.name)
        table.add(org_types.get(mention.name, mention.type), mention.name, mention.span,
                  [surface, "" if mention.attrs.get("from_title") else _as_written(original, mention),
                   *mention.attrs.get("aliases", [])], 0.8)
    for mention in people.mentions:
        table.add("Person", mention.name, mention.span, [_as_written(original, mention)], 0.75)
    for award in awards:
        _add_award(table, award)
    for thing in named_things:
        _add_named_thing(table, thing)
    for project in projects:
        table.add("Project", project.name, project.span, [_as_written(original, project)], 0.7)

    facts = DocumentFacts(document=_meta(document))
    # a unit named with its organisation ("…有限公司…班组") is the recipient, not the organisation
    unit_end = {m.start: m.end for m in organizations if m.attrs.get("unit_of")}  # a unit starts where its org does
    # a zone named alone stands for its committee, but the sentence's recipients are the firms it holds
    recipients = [m for m in organizations if (m.attrs.get("unit_of") or m.end >= unit_end.get(m.start, 0))
                  and not m.attrs.get("not_recipient")] \
        + people.mentions + free_places + projects
    lines = split_lines(text)
    seen = {}
    replaced: set[int] = set()
    document_year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
    reviewed = SectionYears(text, lines)  # a section reviewing a year dates what it states without one
    for found in find_conferrals(text, lines, recipients, awards, people.holdings, places, lexicon, title,
                                 document_year):
        award_name = _add_award(table, found.award)
        recipient = found.recipient.name
        if found.recipient.attrs.get("listed_in_roll"):
            table.add(found.recipient.type, recipient, found.recipient.span, (), 0.6)
        if found.recipient.type in ("City", "Province"):
            recipient = table.place(recipient) or recipient
        if found.year is None:
            found.year = reviewed.year_at(found.start)
        key = (recipient, award_name)
        known = seen.setdefault(key, {})
        if found.year in known or (found.year is None and known):
            continue
        if found.year is not None and None in known:
            replaced.add(id(known.pop(None)))  # a dated statement replaces the undated one
        conferral = Conferral(recipient, award_name, found.year, evidence=(found.start, found.end),
                              confidence=found.confidence, quote=_quote(original, found.start, found.end),
                              period=found.period)
        known[found.year] = conferral
        facts.conferrals.append(conferral)

    facts.conferrals = [c for c in facts.conferrals if id(c) not in replaced]
    for holding in people.holdings:
        if holding.organization is None or holding.person in people.excluded:
            continue
        organization = canonical_org.get(holding.organization, holding.organization)
        if not table.has("org", organization):
            organization = table.place(organization) or organization
            if not table.has("place", organization) and not table.has("org", organization):
                continue
        position = Position(holding.person, holding.role, organization, (holding.start, holding.end),
                            round(holding.confidence, 2), _quote(original, holding.start, holding.end))
        if all((p.person, p.role, p.organization) != (position.person, position.role, position.organization)
               for p in facts.positions):
            facts.positions.append(position)

    agents = [m for m in organizations + free_places]
    # a list of a programme's projects states its adoptions with their year: read before the prose
    listed_adoptions = project_carriers(text, lines, named_things, organizations, title)
    for relation in listed_adoptions + find_adoptions(text, named_things, agents, places):
        adopter = relation.subject
        if not table.has("org", adopter):
            adopter = table.place(adopter)
        if adopter and all((a.adopter, a.program) != (adopter, relation.object) for a in facts.adoptions):
            facts.adoptions.append(Adoption(adopter, relation.object, relation.year, (relation.start, relation.end),
                                            relation.confidence, _quote(original, relation.start, relation.end)))
    org_entities = [m for m in organizations if table.has("org", m.name)] + projects
    award_conferrers = {e.name: e.conferrer for e in table.entities.values() if e.type == "Award"}
    relations = find_locations(text, org_entities, places, Places(free_places, places.main_city,
                                                                  places.main_province), lexicon)
    relations += award_holders_located(facts.conferrals, award_conferrers, {m.name for m in org_entities})
    relations += table_places(text, lines, org_entities, places)
    cities = {e.name for e in table.entities.values() if e.type == "City"}
    relations += cities_in_names_located(cities, places, {r.subject for r in relations})
    implied = most_specific([(r.subject, r.object) for r in relations])
    # of two ways to one place, the surer one's evidence and confidence (a city's award over a default)
    located: set[tuple[str, str]] = set()
    for relation in sorted(relations, key=lambda r: -r.confidence):
        if (relation.subject, relation.object) in implied:
            continue
        within = table.place(relation.object)
        if within and within != relation.subject and (relation.subject, within) not in located:
            located.add((relation.subject, within))
            facts.locations.append(Location(relation.subject, within, (relation.start, relation.end),
                                            relation.confidence, _quote(original, relation.start, relation.end)))
    facts.entities = sorted(table.entities.values(), key=lambda e: (e.type, e.name))
    return finish_facts(facts)


def finish_facts(facts: DocumentFacts) -> DocumentFacts:
    """Make a document's facts consistent: names unique per kind, no reference without its entity, one
    confidence per cited span (also after the facts of a long document's chunks are merged)."""
    _unique_names(facts.entities)
    _drop_dangling(facts)
    _one_confidence_per_span(facts)
    return facts


# The kinds of entity each reference may name (as kg.factfile checks on reading).
_AGENTS = RECIPIENT_KINDS
_FACT_REFERENCES = {
    "conferrals": (("recipient", _AGENTS), ("award", ("award",))),
    "positions": (("person", ("person",)), ("organization", ("org", "place"))),
    "adoptions": (("adopter", ("org", "place")), ("program", ("program",))),
    "locations": (("entity", LOCATED_KINDS), ("within", ("place",))),
}
_ENTITY_REFERENCES = (("conferrer", ("org", "place")), ("nomination_for", ("award",)), ("issuer", ("org", "place")))


def _drop_dangling(facts: DocumentFacts) -> None:
    """Drop any reference that names no entity of a fitting kind, so every file written reads back."""
    known = {(KIND_OF_TYPE[e.type], normalize_name(n)) for e in facts.entities for n in e.names}

    def resolves(name: str | None, kinds) -> bool:
        return name is not None and any((kind, normalize_name(name)) in known for kind in kinds)

    for entity in facts.entities:
        for attribute, kinds in _ENTITY_REFERENCES:
            if getattr(entity, attribute) is not None and not resolves(getattr(entity, attribute), kinds):
                setattr(entity, attribute, None)
    for section, references in _FACT_REFERENCES.items():
        kept = [fact for fact in getattr(facts, section)
                if all(resolves(getattr(fact, attribute), kinds) for attribute, kinds in references)]
        setattr(facts, section, kept)


def _unique_names(entities: list[Entity]) -> None:
    """No two entities of a kind may share a name: an alias goes to the entity it is the name of, else the first."""
    owner: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        owner[(KIND_OF_TYPE[entity.type], normalize_name(entity.name))] = entity
    for entity in entities:
        kept = []
        for alias in entity.aliases:
            key = (KIND_OF_TYPE[entity.type], normalize_name(alias))
            if owner.setdefault(key, entity) is entity:
                kept.append(alias)
        entity.aliases = kept


def _one_confidence_per_span(facts: DocumentFacts) -> None:
    """Facts citing the same text get the same confidence: the graph keeps it on the cited span."""
    best: dict[tuple[int, int], float] = {}
    statements = [*facts.conferrals, *facts.positions, *facts.adoptions, *facts.locations]
    for fact in statements:
        best[fact.evidence] = max(best.get(fact.evidence, 0.0), fact.confidence)
    for fact in statements:
        fact.confidence = best[fact.evidence]


def _add_named_thing(table: _Table, thing: Mention) -> None:
    """A regulation with its issuer, a programme, or an event with its date and place."""
    attrs = thing.attrs
    issuer = table.place(attrs["issuer"]) if attrs.get("issuer") and thing.type == "Regulation" else None
    place = table.place(attrs["place"]) if attrs.get("place") and thing.type == "Event" else None
    table.add(thing.type, thing.name, thing.span, attrs.get("aliases", ()), attrs.get("confidence", 0.6),
              issuer=issuer, place=place, date=attrs.get("date") if thing.type == "Event" else None,
              year=attrs.get("year") if thing.type == "Regulation" else None)


def _add_award(table: _Table, award: Mention) -> str:
    attrs = award.attrs
    conferrer = table.place(attrs["conferrer"]) if attrs.get("conferrer") else None
    main = attrs.get("nomination_for")
    if main:
        main_variant = government_variant(main)
        table.add("Award", main, None, [main_variant] if main_variant else [], 0.7, conferrer=conferrer,
                  level=None if conferrer else attrs.get("level"))
    variant = government_variant(award.name)  # the award's other usual name, as an alias
    table.add("Award", award.name, award.span, [*attrs.get("aliases", ()), *([variant] if variant else [])], 0.8,
              conferrer=conferrer,
              level=None if conferrer else attrs.get("level"), nomination_for=main)
    return award.name


def _meta(document: SourceDocument) -> DocumentMeta:
    return DocumentMeta(
        id=document_id(document),
        title=document.title or document.path.stem,
        publisher=document.publisher,
        date=document.date,
        url=document.url,
        source=document.path.name,
        sha256=document.sha256,
    )
