"""Organisations named in a text: a name ends in a suffix (有限公司, 协会, 局 …).

Where a name begins is the hard part. The finder takes the run of name
characters before the suffix (CJK, Latin letters, digits, a bracketed part such
as "(集团)"), lets jieba cut that run into words, and starts the name after the
last word that cannot be part of a name (a verb, a preposition, a count).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention, drop_nested, is_cjk
from kg.extract.places import Places
from kg.extract.tokenizer import dictionary_tag, tokens

MAX_NAME = 30
# A local government's prefix standing for the document's own city or province.
LOCAL_PREFIXES = {"市": "city", "省": "province", "县": "city", "区": "city"}
GOVERNMENT = re.compile(r"^(?P<place>.*?)(?:人民)?政府$")
# "…有限公司(原…厂)" or "…(以下简称“…”)": another name of the same organisation.
FORMER_NAME = re.compile(r"\((?:原|以下简称|简称)[“\"]?([^()“”\"]{2,20}?)[”\"]?\)")


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().org_suffix_type))


def _name_char(char: str) -> bool:
    return is_cjk(char) or char.isascii() and char.isalnum() or char == "·"


def run_start(text: str, end: int, limit: int = MAX_NAME) -> int:
    """Where the run of name characters that ends at ``end`` begins (a bracketed part may sit inside)."""
    position = end
    floor = max(0, end - limit)
    while position > floor:
        char = text[position - 1]
        if _name_char(char):
            position -= 1
            continue
        if char == ")":
            opening = text.rfind("(", max(floor, position - 8), position - 1)
            inner = text[opening + 1:position - 1] if opening >= 0 else ""
            if inner and all(is_cjk(c) for c in inner) and opening > floor and _name_char(text[opening - 1]):
                position = opening
                continue
        break
    return position


# jieba dictionary tags of words that never sit inside a name (conjunctions,
# prepositions, pronouns, particles, adverbs, numerals, measure words …).
HARD_STOP_TAGS = frozenset({"c", "p", "r", "u", "uj", "ul", "uz", "ug", "ud", "uv", "d", "z", "m", "q", "y", "e", "o"})
# Tags of words that can open a name: places, person and brand names, unknown words.
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng", "x", None})


def _tagged(run: str) -> list[tuple[str, str | None]]:
    return [(token, dictionary_tag(token)) for token in tokens(run)]


def cut_left(run: str, lexicon: Lexicon, bounded: bool) -> int:
    """The offset in ``run`` after the last word that cannot belong to a name.

    ``bounded``: the run starts after punctuation or a line start, so its first
    word may well be the name's first word even if jieba tags it otherwise.
    """
    tagged = _tagged(run)
    offset = cut = 0
    for index, (token, tag) in enumerate(tagged):
        offset += len(token)
        if token in lexicon.org_left_stops or token.isdigit():
            cut = offset
        elif tag in HARD_STOP_TAGS and len(token) > 1 and not (index == 0 and bounded) and _stops_name(token, tag):
            cut = offset
        elif tag == "v" and index + 1 < len(tagged) and tagged[index + 1][1] in NAME_TAGS - {None}:
            cut = offset  # "提炼|常州…": a verb, then a place or a brand opens the name
    return cut


def _stops_name(token: str, tag: str) -> bool:
    """Numerals sit inside names (十四局, 二五三厂) unless ordinal or counted (第一个, 23家)."""
    return tag != "m" or token.startswith("第") or token[-1] in "个次批家名位项届"


def name_before(text: str, end: int, lexicon: Lexicon, limit: int = MAX_NAME) -> int:
    """Where a name that ends at ``end`` begins, by the run and the stop words."""
    start = run_start(text, end, limit)
    bounded = start == 0 or start > end - limit
    return start + cut_left(text[start:end], lexicon, bounded)


def looks_proper(core: str, suffix: str, lexicon: Lexicon) -> bool:
    """Does a name's core hold a proper part (a place, a brand, a national marker), not only common words?

    jieba splitting a core into single characters is a sign of an unknown word,
    that is, of a brand; and a firm's short name is a brand and a suffix (X集团).
    """
    if core.startswith(lexicon.national_markers) or core[:1] in LOCAL_PREFIXES:
        return True
    if lexicon.org_suffix_type.get(suffix) == "Enterprise" and len(core) <= 3:
        return True
    tagged = _tagged(core)
    return any(tag in NAME_TAGS or len(token) == 1 for token, tag in tagged)


def _canonical(name: str, suffix: str, places: Places) -> tuple[str, str | None]:
    """A name's canonical form: a bare 市/省 prefix spelled out, 政府 as 人民政府."""
    government = GOVERNMENT.match(name) if suffix in ("政府", "人民政府", "市政府", "省政府", "县政府", "区政府") else None
    if government:
        place = government.group("place") or name[0]
        if place in LOCAL_PREFIXES:
            division = places.main_province if LOCAL_PREFIXES[place] == "province" else places.main_city
            if division is None:
                return name, None
            place = division.name
        return place + "人民政府", place
    head = tokens(name)[0]
    if head in LOCAL_PREFIXES:
        division = places.main_province if LOCAL_PREFIXES[head] == "province" else places.main_city
        if division is not None and not name[1:].startswith(division.short):
            return division.name + name[1:], division.name
    return name, None


def find_organizations(text: str, places: Places, lexicon: Lexicon | None = None) -> list[Mention]:
    lexicon = lexicon or Lexicon.default()
    found: list[Mention] = []
    for match in _suffix_pattern().finditer(text):
        suffix = match.group()
        if text[match.end():match.end() + 1] == "长":
            continue  # 局长, 院长: a role, not a name
        start = name_before(text, match.start(), lexicon)
        name = text[start:match.end()]
        core = name[: -len(suffix)]
        local_government = (core in LOCAL_PREFIXES or core == "" and suffix[0] in LOCAL_PREFIXES) and (
            suffix.endswith("政府") or len(suffix) >= 3)
        if len(core) < 2 and not local_government:
            continue
        if name in lexicon.org_false_words or core.isdigit() or name.endswith(lexicon.org_false_endings):
            continue
        if suffix not in lexicon.legal_suffixes and not local_government and not looks_proper(core, suffix, lexicon):
            continue
        canonical, within = _canonical(name, suffix, places)
        entity_type = lexicon.org_suffix_type[suffix]
        if within and entity_type == "Organization" and suffix in ("委员会", "领导小组"):
            entity_type = "GovernmentBody"  # a committee of the city's or province's government
        mention = Mention(entity_type, canonical, start, match.end(), {"surface": name})
        if within:
            mention.attrs["within"] = within
        former = FORMER_NAME.match(text, match.end())
        if former:
            mention.attrs["aliases"] = [former.group(1)]
            mention.attrs["former_end"] = former.end()
        found.append(mention)
    former_spans = [(m.end, m.attrs["former_end"]) for m in found if "former_end" in m.attrs]
    found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in former_spans)]
    return _keep_outermost(found)


def _keep_outermost(mentions: list[Mention]) -> list[Mention]:
    """Nested names: keep an inner name only when the outer one is a unit of it (总局 + 质量发展局)."""
    outer = drop_nested(mentions)
    kept = list(outer)
    for mention in mentions:
        if mention in outer:
            continue
        for big in outer:
            if big.start == mention.start and big.end > mention.end:
                rest = big.attrs["surface"][len(mention.attrs["surface"]):]
                if _is_unit(rest):
                    kept.append(mention)
                break
    return sorted(kept, key=lambda m: m.start)


def _is_unit(rest: str) -> bool:
    """Does ``rest`` name an organisation of its own (a core and a suffix), not just a longer suffix?"""
    lexicon = Lexicon.default()
    for suffix in lexicon.org_suffix_type:
        if rest.endswith(suffix) and len(rest) - len(suffix) >= 2:
            core = rest[: -len(suffix)]
            return not any(core.endswith(s) or core.startswith(s) for s in lexicon.org_suffix_type if len(s) > 1)
    return False
