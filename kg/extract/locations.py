"""Where organisations and cities are.

An organisation is where its name says (某市…局), where the text says it
belongs ("作为我省企业"), where its city's own award puts it, or, in a document
about one city, in that city: local news names local firms without their place.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.places import Places, division_named
from kg.extract.relations import FoundRelation, sentence_around
from kg.extract.tables import NAME_COLUMNS, PLACE_COLUMNS, find_tables
from kg.gazetteer import Division, Gazetteer

# A document is about its main city when it names that city (or places within it) at least
# this many times, this many times as often as places outside the city and its province,
# and at least as often as its province (a province's news names its cities in passing).
MIN_HOME_MENTIONS = 3
HOME_SHARE = 4
# "A公司作为我省企业代表…", "A公司是我市…": the text places the organisation in its own province or city.
OWN_MEMBER = re.compile(r"[，,]?(?:作为|是|系)(?:我|本)([省市])")
STATED, BY_NAME, OWN_CITY_DEFAULT = 0.7, 0.7, 0.6


@dataclass(frozen=True)
class Home:
    """The city a document is about (None if it is not about one) and where it names other places."""

    city: Division | None
    province: Division | None
    elsewhere: tuple[int, ...]  # start offsets of places outside the city and its province chain

    def names_elsewhere(self, start: int, end: int) -> bool:
        index = bisect_left(self.elsewhere, start)
        return index < len(self.elsewhere) and self.elsewhere[index] < end


def home_of(places: Places) -> Home:
    """The main city, if the document is about it, from all its place mentions (also those inside names)."""
    city = places.main_city
    if city is None:
        return Home(None, places.main_province, ())
    gazetteer = Gazetteer.default()
    ancestors = {d.code for d in gazetteer.parent_chain(city)}
    home = province = 0
    elsewhere = []
    for mention in places.mentions:
        division = mention.attrs["division"]
        if division.code == city.code or city.code in {d.code for d in gazetteer.parent_chain(division)}:
            home += 1
        elif division.code not in ancestors:
            elsewhere.append(mention.start)
        elif division.level == "province":
            province += 1
    about_city = home >= MIN_HOME_MENTIONS and home >= HOME_SHARE * len(elsewhere) and home >= province
    return Home(city if about_city else None, places.main_province, tuple(sorted(elsewhere)))


def find_locations(text: str, organizations: list[Mention], places: Places, free: Places,
                   lexicon: Lexicon | None = None) -> list[FoundRelation]:
    """Organisations' places (see the module's docstring); a city is in its parent, if named.

    ``places`` holds every place mention, ``free`` those outside other names;
    a place is named in the canonical form of ``free``'s mentions.
    """
    lexicon = lexicon or Lexicon.default()
    home = home_of(places)
    named = {m.attrs["division"].name: m.name for m in free.mentions}
    by_name: dict[str, list[Mention]] = {}
    for org in organizations:
        by_name.setdefault(org.name, []).append(org)
    found = []
    for name, mentions in by_name.items():
        first = mentions[0]
        within, confidence = _bracketed(text, mentions)
        if within is None:
            within, confidence = _sited(text, mentions, free)
        if within is None:
            within, confidence = _by_name(name, first.type, named, home)
        if within is None:
            within, confidence = _stated(text, mentions, home)
        if within is None and _in_home_city(text, name, mentions, home, lexicon):
            within, confidence = home.city.name, OWN_CITY_DEFAULT
        if within is not None:
            found.append(FoundRelation(name, named.get(within, within), None, first.start, first.end, confidence))
    seen = set()
    for mention in free.mentions:
        division = mention.attrs["division"]
        # the gazetteer knows the parent, named in the text or not
        if division.parent and mention.name not in seen:
            seen.add(mention.name)
            found.append(FoundRelation(mention.name, named.get(division.parent, division.parent), None,
                                       mention.start, mention.end, 0.9))
    return found


# "某公司（江苏）": a list's item with its province or city in brackets.
BRACKETED_PLACE = re.compile(r"\(([\u4e00-\u9fff]{2,8})\)")


def _bracketed(text: str, mentions: list[Mention]) -> tuple[str | None, float]:
    for mention in mentions:
        bracket = BRACKETED_PLACE.match(text, mention.attrs.get("former_end", mention.end))
        division = division_named(bracket.group(1)) if bracket else None
        if division is not None and bracket.group(1) in (division.name, division.short):
            return division.name, STATED
    return None, 0.0


def _by_name(name: str, entity_type: str, named: dict, home: Home) -> tuple[str | None, float]:
    """The place a name starts with; a firm named with its province is in the city the document is about."""
    for length in (4, 3, 2):
        head = name[:length]
        division = division_named(head)
        if division is not None and head in (division.name, division.short) and (
                division.level != "county" or division.name in named):
            if (division.level == "province" and entity_type == "Enterprise" and home.city is not None
                    and home.city.province == division.name):
                return home.city.name, OWN_CITY_DEFAULT  # a provincial prefix is part of the firm's name
            return _district_after(name, length, division) or division.name, BY_NAME
    return None, 0.0


def _district_after(name: str, at: int, division: Division) -> str | None:
    """"佛山市禅城区某公司": a district or county of the city, spelled out after it, is where the firm is."""
    for length in (4, 3, 2):
        child = division_named(name[at:at + length])
        if child is not None and child.name == name[at:at + length] and child.parent == division.name \
                and len(name) > at + length:
            return child.name
    return None


# "A公司成立于2008年，坐落于某市某区": the same sentence goes on to say where the organisation is.
SITED = re.compile(r"[^。；;！!？?\n]{0,16}?(?:位于|坐落于|座落于|地处|落户于?)")


def _sited(text: str, mentions: list[Mention], free: Places) -> tuple[str | None, float]:
    """The place (the most specific of a run like 某市某区) right after 位于/坐落于 following a mention."""
    starts = free.starting_at()  # the last place of one start, as a dict of them would keep
    for mention in mentions:
        cue = SITED.match(text, mention.end)
        place = starts[cue.end()][-1] if cue and cue.end() in starts else None
        while place is not None and place.end in starts:
            place = starts[place.end][-1]
        if place is not None:
            return place.attrs["division"].name, STATED
    return None, 0.0


def _stated(text: str, mentions: list[Mention], home: Home) -> tuple[str | None, float]:
    """"A公司作为我省企业…": the own province or city, right after one of the organisation's mentions."""
    for mention in mentions:
        cue = OWN_MEMBER.match(text, mention.end)
        if cue is None:
            continue
        division = home.province if cue.group(1) == "省" else home.city
        if division is not None:
            return division.name, STATED
    return None, 0.0


def _in_home_city(text: str, name: str, mentions: list[Mention], home: Home, lexicon: Lexicon) -> bool:
    """Is an organisation of a one-city document in that city: not national, and never named near elsewhere?"""
    if home.city is None or name.startswith(lexicon.national_name_heads):
        return False
    if any(m.attrs.get("national") for m in mentions):
        return False
    return not any(home.names_elsewhere(*sentence_around(text, m.start, m.end)) for m in mentions)


def table_places(text: str, lines, organizations: list[Mention], places: Places) -> list[FoundRelation]:
    """A list's place column ("所在地") says where the organisation of each row is."""
    if not any(column in text for column in PLACE_COLUMNS):
        return []
    organization_at = {m.start: m for m in organizations}
    place_at = {p.start: p for p in places.mentions}
    found = []
    for table in find_tables(text, lines):
        for row in table.rows:
            name, where = table.cell(row, NAME_COLUMNS), table.cell(row, PLACE_COLUMNS)
            organization = organization_at.get(name[0]) if name and where else None
            place = place_at.get(where[0]) if organization is not None else None
            if place is not None and place.end == where[1]:
                found.append(FoundRelation(organization.name, place.attrs["division"].name, None,
                                           row[0][0], row[-1][1], 0.85))
    return found


def cities_in_names_located(cities: set[str], places: Places, located: set[str]) -> list[FoundRelation]:
    """A city of the document named only inside other names ("佛山市人民政府") is still in its parent."""
    found = []
    for mention in places.mentions:
        division = mention.attrs["division"]
        if division.name in cities and division.name not in located and division.parent:
            located.add(division.name)
            found.append(FoundRelation(division.name, division.parent, None, mention.start, mention.end, 0.9))
    return found


def award_holders_located(conferrals, awards: dict[str, str | None], organizations: set[str]) -> list[FoundRelation]:
    """An organisation holding a city's or county's own award (市长质量奖) is in that city or county.

    ``awards`` maps an award's name to its conferrer; only conferrers below the
    province level count, since a province's awards go to firms of all its cities.
    """
    found = []
    for conferral in conferrals:
        conferrer = awards.get(conferral.award)
        division = division_named(conferrer) if conferrer else None
        if division is None or division.level == "province" or conferral.recipient not in organizations:
            continue
        start, end = conferral.evidence
        found.append(FoundRelation(conferral.recipient, division.name, None, start, end, 0.85))
    return found


def most_specific(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (entity, place) pairs implied by a more specific pair of the same entity (firm in 福建省 and in 泉州市)."""
    by_entity: dict[str, set[str]] = {}
    for entity, within in pairs:
        by_entity.setdefault(entity, set()).add(within)
    implied = set()
    for entity, places in by_entity.items():
        for within in places:
            division = division_named(within)
            ancestors = set()
            while division is not None and division.parent:
                ancestors.add(division.parent)
                division = division_named(division.parent)
            implied.update((entity, ancestor) for ancestor in ancestors & places)
    return implied
