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

from kg.extract.mentions import Mention, drop_nested
from kg.gazetteer import Division, Gazetteer

# Division name endings that make a name a province rather than a city.
PROVINCE_ENDINGS = ("省", "自治区", "特别行政区")


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form in Gazetteer.default().surface_forms():
        automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


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
    found = []
    for end, form in _automaton().iter(text):
        found.append(Mention("City", form, end - len(form) + 1, end + 1))
    return drop_nested(found)


def find_places(text: str) -> Places:
    gazetteer = Gazetteer.default()
    candidates = _candidates(text)
    full_forms_present = {m.name for m in candidates}
    mentions: list[Mention] = []
    for mention in candidates:
        surface = mention.name
        division = gazetteer.lookup(surface, context=None)
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
