"""Cities and provinces named in a text, found with the gazetteer's names.

A short name (绍兴 for 绍兴市) counts for provinces and prefecture-level cities;
a county-level short name only when the document also spells out its full
name, since many county names are ordinary words elsewhere.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.occurrences import non_overlapping, occurrences
from kg.extract.mentions import Mention, SpanSet, drop_nested
from kg.gazetteer import Division, Gazetteer

# Division name endings that make a name a province rather than a city.
PROVINCE_ENDINGS = ("省", "自治区", "特别行政区")


# Most place names end in one of these; finding those characters first and then
# looking the few characters before them up in a set is three times faster than
# an Aho–Corasick automaton over every character.
NAME_ENDINGS = "省市县区州盟旗"


@dataclass(frozen=True)
class _Matcher:
    ending_forms: frozenset[str]  # names ending in NAME_ENDINGS
    lengths_by_tail: dict[str, tuple[int, ...]]  # their last two characters -> their lengths, longest first
    ending: re.Pattern
    others: re.Pattern  # the remaining names (江苏, 内蒙古 …) as one trie-shaped alternation


def _trie_pattern(words) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    """Full names, and the short names of provinces and prefecture-level cities.

    County-level short names are searched for only in documents that spell out
    the full name (see find_places), since many are ordinary words elsewhere.
    """
    gazetteer = Gazetteer.default()
    county_shorts = {d.short for d in gazetteer if d.level == "county" and d.short != d.name}
    wider = {form for d in gazetteer if d.level != "county" for form in (d.name, d.short)}
    forms = {f for f in gazetteer.surface_forms() if f not in county_shorts or f in wider}
    ending = frozenset(f for f in forms if f[-1] in NAME_ENDINGS)
    lengths: dict[str, set[int]] = {}
    for form in ending:
        lengths.setdefault(form[-2:], set()).add(len(form))
    return _Matcher(ending, {tail: tuple(sorted(n, reverse=True)) for tail, n in lengths.items()},
                    re.compile(f"[{NAME_ENDINGS}]"), re.compile(_trie_pattern(forms - ending)))


@lru_cache(maxsize=16384)
def division_named(name: str) -> Division | None:
    """The division a name most likely means (the gazetteer's lookup, cached: names repeat)."""
    return Gazetteer.default().lookup(name)


def leading_division(text: str, reserve: int = 0) -> tuple[Division, int] | None:
    """The division whose full or short name opens ``text`` (the longest such, up to 8 characters,
    leaving at least ``reserve`` characters after it), with that name's length."""
    return _leading_division(text[:8], min(len(text) - reserve, 8))


@lru_cache(maxsize=16384)
def _leading_division(head: str, longest: int) -> tuple[Division, int] | None:
    """(Cached: the names finders ask about open with the same few places.)"""
    for length in range(longest, 1, -1):
        division = division_named(head[:length])
        if division is not None and head[:length] in (division.name, division.short):
            return division, length
    return None


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
        found = self._index("by_name", lambda m: m.name).get(name)
        return found[0].attrs["division"] if found else None

    def starting_at(self) -> dict[int, list[Mention]]:
        return self._index("by_start", lambda m: m.start)

    def ending_at(self) -> dict[int, list[Mention]]:
        """The place mentions by where they end (so that finders ask in constant time, not by a scan)."""
        return self._index("by_end", lambda m: m.end)

    def _index(self, key: str, of) -> dict:
        # built on first use; rebuilt if mentions were added since (finders look up thousands of times)
        cached = self.__dict__.get("_" + key)
        if cached is None or cached[0] != len(self.mentions):
            index: dict = {}
            for mention in self.mentions:
                index.setdefault(of(mention), []).append(mention)
            cached = self.__dict__["_" + key] = (len(self.mentions), index)
        return cached[1]


def _candidates(text: str) -> list[Mention]:
    matcher = _matcher()
    found = []
    for match in matcher.ending.finditer(text):
        end = match.end()
        # Most 市/区 close no name (全市, 城区): only names ending in the same two characters are tried.
        for length in matcher.lengths_by_tail.get(text[end - 2:end], ()):
            form = text[end - length:end] if end >= length else ""
            if form in matcher.ending_forms:
                found.append(Mention("City", form, end - length, end))
                break
    found.extend(Mention("City", m.group(), m.start(), m.end()) for m in matcher.others.finditer(text))
    return drop_nested(found)


def _county_short_forms(text: str, candidates: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Short names of the counties whose full names the text spells out."""
    taken = SpanSet(m.span for m in candidates)
    found = []
    counties = [d for d in map(division_named, (m.name for m in candidates))
                if d is not None and d.level == "county" and d.short != d.name]
    at = occurrences(text, (d.short for d in counties))  # one pass over the text
    for division in counties:
        for position in non_overlapping(at.get(division.short, []), len(division.short)):
            end = position + len(division.short)
            if not taken.overlaps(position, end):
                found.append(Mention("City", division.short, position, end))
                taken.add(position, end)
    return found


# How often jieba's dictionary must have seen a two-character word for it to be a word.
_COMMON_WORD = 20


def _inside_a_word(text: str, mention: Mention, surface: str, division: Division) -> bool:
    """A two-character name read across a word: 范县 in 示范县, 城区 in 县城区域.

    Only the shortest names are at risk; they are not when the character before
    them and their first character make no common word (安徽省和县, 在范县).
    """
    if len(surface) != 2 or surface != division.name or mention.start == 0:
        return False
    from kg.extract.tokenizer import word_frequency

    return word_frequency(text[mention.start - 1:mention.start + 1]) >= _COMMON_WORD


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
        if _inside_a_word(text, mention, surface, division):
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


FULL_NAME_WEIGHT = 2


def _main_divisions(mentions: list[Mention], gazetteer: Gazetteer) -> tuple[Division | None, Division | None]:
    """The city the document is about (most named), and its province."""
    # a full name ("荆门市") counts twice a short one: short names mostly open other names ("武汉纺织大学")
    cities = Counter()
    for m in mentions:
        if m.attrs["division"].level != "province":
            cities[m.attrs["division"].code] += 1 if m.attrs["short"] else FULL_NAME_WEIGHT
    main_city = gazetteer.by_code(cities.most_common(1)[0][0]) if cities else None
    if main_city is not None:
        chain = gazetteer.parent_chain(main_city)
        return main_city, chain[-1] if chain else None
    provinces = Counter(m.attrs["division"].code for m in mentions if m.attrs["division"].level == "province")
    return None, gazetteer.by_code(provinces.most_common(1)[0][0]) if provinces else None
