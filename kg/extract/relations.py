"""Which city or organisation runs which programme, and where organisations and cities are."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention
from kg.extract.places import Places, division_named

YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
SENTENCE_BREAKS = "。！？!?；;\n"
# "我市", "全市", "市委市政府": the document's own city (or province) as a subject.
OWN_CITY = re.compile(r"我市|本市|全市|市委|市政府")
OWN_PROVINCE = re.compile(r"我省|本省|全省|省委|省政府")
VERB_REACH = 16  # how far before a programme its verb may stand


@dataclass
class FoundRelation:
    subject: str
    object: str
    year: int | None
    start: int
    end: int
    confidence: float


@lru_cache(maxsize=1)
def _adoption_verbs() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().adoption_verbs))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1] not in SENTENCE_BREAKS:
        start -= 1
    while end < len(text) and text[end] not in SENTENCE_BREAKS:
        end += 1
    return start, end


def find_adoptions(text: str, programs: list[Mention], agents: list[Mention], places: Places) -> list[FoundRelation]:
    """A programme after an adoption verb, run by the subject of the sentence."""
    found = []
    for program in programs:
        if program.type != "Program":
            continue
        window_start = max(0, program.start - VERB_REACH)
        verbs = list(_adoption_verbs().finditer(text, window_start, program.start))
        sentence_start, sentence_end = sentence_around(text, program.start, program.end)
        issuer = program.attrs.get("issuer")
        if not verbs and not issuer:
            continue
        verb_start = verbs[-1].start() if verbs else program.start
        before = [a for a in agents if sentence_start <= a.start and a.end <= verb_start]
        subject, confidence = None, 0.7
        if issuer:
            subject, confidence = issuer, 0.8
        elif before:
            subject = before[0].name
        elif OWN_PROVINCE.search(text, sentence_start, verb_start) and places.main_province:
            subject = places.main_province.name
        elif places.main_city:
            subject, confidence = places.main_city.name, 0.5 if not OWN_CITY.search(text, sentence_start, verb_start) else 0.7
        if subject is None:
            continue
        years = [int(y) for y in YEAR.findall(text, sentence_start, program.start)]
        found.append(FoundRelation(subject, program.name, years[0] if years else None,
                                   sentence_start, sentence_end, confidence))
    return found


def find_locations(organizations: list[Mention], places: Places) -> list[FoundRelation]:
    """An organisation whose name starts with a place is in that place; a city is in its parent, if named."""
    found = []
    named = {m.attrs["division"].name: m.name for m in places.mentions}
    for org in organizations:
        for length in (4, 3, 2):
            head = org.name[:length]
            division = division_named(head)
            if division is not None and head in (division.name, division.short) and (
                    division.level != "county" or division.name in named):
                found.append(FoundRelation(org.name, named.get(division.name, division.name), None,
                                           org.start, org.end, 0.7))
                break
    seen = set()
    for mention in places.mentions:
        division = mention.attrs["division"]
        # the gazetteer knows the parent, named in the text or not
        if division.parent and mention.name not in seen:
            seen.add(mention.name)
            found.append(FoundRelation(mention.name, named.get(division.parent, division.parent), None,
                                       mention.start, mention.end, 0.9))
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
    """The (entity, place) pairs implied by a more specific pair of the same entity (firm in 江苏省 and in 常州市)."""
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
