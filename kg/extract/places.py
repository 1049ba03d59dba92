"""Cities and provinces named in a text, found with an Aho–Corasick automaton over the gazetteer.

A short name (南通 for 南通市) counts for provinces and prefecture-level cities;
a county-level short name only when the document also spells out its full
name, since many county names are ordinary words elsewhere.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from kg.extract.mentions import Mention, SpanSet
from kg.gazetteer import Division, Gazetteer

# Division name endings that make a name a province rather than a city.
PROVINCE_ENDINGS = ("省", "自治区", "特别行政区")


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """Full names, and the short names of provinces and prefecture-level cities.

    County-level short names are searched for only in documents that spell out
    the full name (see find_places), which keeps the automaton's hits few.
    """
    gazetteer = Gazetteer.default()
    county_shorts = {d.short for d in gazetteer if d.level == "county" and d.short != d.name}
    wider = {form for d in gazetteer if d.level != "county" for form in (d.name, d.short)}
    automaton = ahocorasick.Automaton()
    for form in gazetteer.surface_forms():
        if form not in county_shorts or form in wider:
            automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=65536)
def division_named(name: str) -> Division | None:
    """The division a name most likely means (the gazetteer's lookup, cached: names repeat)."""
    return Gazetteer.default().lookup(name)


def entity_type(division: Division, name: str) -> str:
    if division.level == "province" and name.endswith(PROVINCE_ENDINGS):
        return "Province"
    return "City"


@dataclass
class Places:
    """The places of one document and the city and province it is about."""

    mentions: list[Mention]
    main_city: Division | None
    main_province: Division | None

    def division_of(self, name: str) -> Division | None:
        for mention in self.mentions:
            if mention.name == name:
                return mention.attrs["division"]
        return None


def _candidates(text: str) -> list[Mention]:
    # iter_long: the leftmost-longest matches, without overlaps.
    return [Mention("City", form, end - len(form) + 1, end + 1) for end, form in _automaton().iter_long(text)]


def _county_short_forms(text: str, candidates: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Short names of the counties whose full names the text spells out."""
    taken = SpanSet(m.span for m in candidates)
    found = []
    for mention in list(candidates):
        division = division_named(mention.name)
        if division is None or division.level != "county" or division.short == division.name:
            continue
        position = text.find(division.short)
        while position >= 0:
            end = position + len(division.short)
            if not taken.overlaps(position, end):
                found.append(Mention("City", division.short, position, end))
                taken.add(position, end)
            position = text.find(division.short, end)
    return found


def find_places(text: str) -> Places:
    gazetteer = Gazetteer.default()
    candidates = _candidates(text)
    candidates = sorted(candidates + _county_short_forms(text, candidates, gazetteer), key=lambda m: m.start)
    full_forms_present = {m.name for m in candidates}
    mentions: list[Mention] = []
    for mention in candidates:
        surface = mention.name
        division = division_named(surface)
        if division is None:
            continue
        is_short = surface == division.short and surface != division.name
        if is_short and division.level == "county" and division.name not in full_forms_present:
            continue
        # "长江镇": a short name glued to a smaller unit's ending is not this division.
        following = text[mention.end:mention.end + 1]
        if is_short and following in ("镇", "乡", "村", "路", "街", "桥", "湖", "山", "港", "河"):
            continue
        # the document's own full form (a former name, say) is the canonical one
        name = division.name if is_short else surface
        mention.name = name
        mention.type = entity_type(division, name)
        mention.attrs = {"division": division, "short": is_short}
        mentions.append(mention)
    return Places(mentions, *_main_divisions(mentions, gazetteer))


def _main_divisions(mentions: list[Mention], gazetteer: Gazetteer) -> tuple[Division | None, Division | None]:
    """The city the document is about (most named), and its province."""
    cities = Counter(m.attrs["division"].code for m in mentions if m.attrs["division"].level != "province")
    main_city = gazetteer.by_code(cities.most_common(1)[0][0]) if cities else None
    if main_city is not None:
        chain = gazetteer.parent_chain(main_city)
        return main_city, chain[-1] if chain else None
    provinces = Counter(m.attrs["division"].code for m in mentions if m.attrs["division"].level == "province")
    return None, gazetteer.by_code(provinces.most_common(1)[0][0]) if provinces else None
