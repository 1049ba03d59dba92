"""Government bodies named by pattern: central bodies, party committees, people's congresses.

Suffixes alone (…局, …委员会) miss the bodies whose names end in a plain word
(国务院, 工业和信息化部) and type committees of the state as organisations. These
patterns are sure ones: a closed list of ministries' fields, "国家" and a
body's ending, or a place right before the body's standard name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation, full_form, longest_first
from kg.extract.mentions import Mention, is_cjk
from kg.extract.occurrences import starts_of
from kg.extract.places import Places

CPPCC = "中国人民政治协商会议"  # a 政协's full name: 中国人民政治协商会议 + its place + 委员会
_STATE_COUNCIL = re.compile(r"国务院(?:办公厅)?")
# The party's Central Committee, a national body, under its full or short names (canonical: its usual
# short name); its offices keep their own names.
_CENTRAL_COMMITTEE = re.compile(r"(?:中国共产党|中共|党)中央(?:委员会|办公厅)?")
CENTRAL_COMMITTEE = "中共中央"
# Level words a body's name starts with; bare, they stand for the document's own division ("省人大常委会").
_LEVEL_OF = {"省": "province", "市": "city", "县": "city", "区": "city", "州": "city"}
_PARTY = ("中国共产党", "中共")
_BARE_COMMITTEES = ("省委", "市委", "县委", "区委", "州委", "党委")  # a committee's level word and 委 alone
# "市委、市政府", "省委省政府", "县委和县政府": a bare party committee named with its government
PARTY_AND_GOVERNMENT = re.compile(r"[、和及与]?\s*[省市县区](?:人民)?政府")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lexicon = Lexicon.default()
    departments = alternation(lexicon.body_departments)
    ministry_ending = "(?:部|委员会)"
    ministry = "(?:" + alternation(lexicon.ministry_fields) + ")" + ministry_ending
    fields = {field.removeprefix("国家") for field in lexicon.ministry_fields if "和" in field}
    congress_words = ("人大常委会", "人民代表大会常务委员会", "政协")
    congress = "(?:" + "|".join(congress_words) + ")"
    levels = ("省", "市", "县", "区", "州")
    # Spelled with one branch per first word, not with an optional prefix or a group of words first,
    # so that re can skip to the characters a name can start with (the same matches, found faster):
    # "(?:a|b)c" tries what "ac|bc" tries, in the same order.
    return {
        "ministry": re.compile(_each_opening(["中华人民共和国"], ministry) + "|"
                               + _each_opening(lexicon.ministry_fields, ministry_ending)),
        "central": re.compile(r"国家(?!级)[\u4e00-\u9fff]{2,10}?(?:" + alternation(lexicon.central_body_endings) + ")"),
        "congress": re.compile(_each_opening(["全国", *levels], congress) + "|" + "|".join(congress_words)),
        "committee": re.compile(r"(?:省|市|县|区|州)委(?:员会)?(?:" + departments + ")?"),
        "department": re.compile(departments),
        # "某市工业和信息化局", "市住房和城乡建设局": a local bureau of a ministry's field ("和" cuts no name here).
        "bureau": re.compile(_each_opening(levels, "(?:" + alternation(fields) + ")(?:局|厅)") + "|"
                             + _each_opening(fields, "(?:局|厅)")),
    }


def _each_opening(openings, rest: str) -> str:
    """"(?:a|b)rest" as "a rest|b rest", longest opening first as ``alternation`` orders them."""
    return "|".join(re.escape(opening) + rest for opening in longest_first(openings))


def find_government_bodies(text: str, places: Places, lexicon: Lexicon | None = None) -> list[Mention]:
    """Central bodies, party committees and congresses (with their place) named in ``text``."""
    lexicon = lexicon or Lexicon.default()
    patterns = _patterns()
    found = [_body(m.group(), m.start(), m.end(), national=True) for m in _STATE_COUNCIL.finditer(text)]
    for match in _CENTRAL_COMMITTEE.finditer(text):
        surface = match.group()
        if surface.endswith("办公厅"):
            found.append(_body(surface, match.start(), match.end(), national=True))
        elif surface.startswith("党") and surface.endswith("委员会"):
            continue  # the short form with 委员会 is no usual name; the match without it is found instead
        else:
            found.append(_body(CENTRAL_COMMITTEE, match.start(), match.end(), aliases=[surface], national=True))
    found += [_body(m.group(), m.start(), m.end(), national=True) for m in patterns["ministry"].finditer(text)
              if not _role_follows(text, m.end())]
    found += _central_short_names(text, lexicon)
    for match in patterns["central"].finditer(text):
        name = match.group()
        if re.search(r"[的了是在与及、]", name) or name.endswith(lexicon.org_false_endings) or _role_follows(
                text, match.end()):
            continue
        found.append(_body(name, match.start(), match.end(), national=True))
    place_ending = {p.end: p for p in places.mentions}
    for kind in ("congress", "committee", "bureau"):
        for match in patterns[kind].finditer(text):
            mention = _local_body(text, match, place_ending, places, kind, lexicon)
            if mention is not None:
                found.append(mention)
    return found


# Characters after which a body's name starts a word: joiners and the verbs and prepositions before bodies.
_WORD_BEFORE_A_BODY = frozenset("、和与及同会由经对向在是了的为据从")


def _central_short_names(text: str, lexicon: Lexicon) -> list[Mention]:
    """Central bodies named by their usual short names (科技部, 国家认监委): the full name, the short an alias.
    Only a name that starts a word is taken: after a place's name or a level word (省工信部) the same
    characters end a local body's name."""
    found = []
    taken = []
    for short, full in lexicon.central_body_short_names:
        for start in starts_of(text, short):
            end = start + len(short)
            before = text[start - 1:start]
            if any(s <= start < e for s, e in taken) or _role_follows(text, end) \
                    or before and is_cjk(before) and before not in _WORD_BEFORE_A_BODY:
                continue
            taken.append((start, end))
            aliases = [short] if short != full else []
            found.append(Mention("GovernmentBody", full, start, end, {"surface": short, "aliases": aliases,
                                                                       "national": True}))
    return found


def _body(name: str, start: int, end: int, **attrs) -> Mention:
    """A body's mention, its name's usual short ending spelled out (国家市场监管总局 -> 国家市场监督管理总局,
    某市政协 -> 中国人民政治协商会议某市委员会); ``national=True`` marks a central body, which is in no city."""
    full = full_form(name, Lexicon.default())
    if full.endswith("政协"):
        full = CPPCC + full[:-2] + "委员会"
    if full != name:
        attrs["aliases"] = [*attrs.get("aliases", ()), name]
    return Mention("GovernmentBody", full, start, end, {"surface": name, **attrs})


def _role_follows(text: str, end: int) -> bool:
    """"…部长", "…局长": the body's name is the first half of a role."""
    return text[end:end + 1] in ("长", "门")


def _local_body(text: str, match: re.Match, place_ending: dict, places: Places, kind: str,
                lexicon: Lexicon) -> Mention | None:
    """"福建省委办公厅", "某市政协", "省人大常委会": a body after its place, or after the document's own division."""
    surface = match.group()
    start, end = match.span()
    level = surface[:1] if surface[:1] in _LEVEL_OF else None
    if kind == "congress" and surface.startswith("全国"):
        return _body(surface, start, end, national=True)
    if kind == "committee":
        has_department = _patterns()["department"].search(surface) is not None
        if not has_department and text[end:end + 3].startswith(lexicon.party_committee_roles):
            return None  # "市委书记": a role of the city's government (people.py)
    else:
        has_department = True
    # The place the level word ends ("福建省|委"), or, without a level word, the place right before ("某市|政协").
    place = place_ending.get(start + 1) if level else place_ending.get(start)
    if place is not None and (level is None or text[place.end - 1] == level):
        name_start = place.start
        for party in _PARTY:
            if text.endswith(party, 0, name_start):
                name_start -= len(party)
                break
        if kind == "committee" and not has_department and surface in _BARE_COMMITTEES:
            # "包头市委", "中共延庆区委": the party's committee of the place, by its full name
            written = text[name_start:end]
            return Mention("GovernmentBody", "中国共产党" + place.name + "委员会", name_start, end,
                           {"surface": written, "aliases": [written], "within": place.name})
        return _body(text[name_start:end], name_start, end, within=place.name)
    if level is not None and not has_department and kind == "committee" and surface in ("省委", "市委", "县委", "区委") \
            and PARTY_AND_GOVERNMENT.match(text, end):
        # "市委、市政府高度重视", "省委省政府": the party committee of the document's own division
        division = places.main_province if _LEVEL_OF[level] == "province" else places.main_city
        if division is None or not division.name.endswith(level):
            return None
        return Mention("GovernmentBody", "中国共产党" + division.name + "委员会", start, end,
                       {"surface": surface, "aliases": [surface], "within": division.name})
    if level is None or not has_department:
        return None  # a bare "市委" or "政协" is too loose to be a name
    division = places.main_province if _LEVEL_OF[level] == "province" else places.main_city
    if division is None or not division.name.endswith(level):
        return None
    return _body(division.name + surface[1:], start, end, within=division.name)


# "十届全国人大常委会", "十一届全国政协": a congress's term, written before its name, is no part of it.
_TERM = re.compile(r"第?[一二三四五六七八九十\d]+届")
_CONGRESS_NAME = re.compile(r"人大|人民代表大会|政协|政治协商会议")


def without_term(mention: Mention) -> Mention:
    """The congress or CPPCC a mention names without the term written before it (its full name)."""
    term = _TERM.match(mention.name)
    if term is None or not _CONGRESS_NAME.search(mention.name, term.end()):
        return mention
    rest = mention.name[term.end():]
    if rest.endswith("人大"):
        rest = rest[:-2] + "人民代表大会"
    return _body(rest, mention.start + term.end(), mention.end, national=rest.startswith(("全国", "中国")))

