"""Programmes, regulations and events: names in 《》 or quotes, or ending in a telling suffix."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention, drop_nested, is_cjk
from kg.extract.organizations import name_before
from kg.extract.tokenizer import dictionary_tag, tokens
from kg.extract.places import Places, division_named

# 《…》 may hold a line break where a page break cut the title.
BOOK_TITLE = re.compile(r"《([^《》]{2,60}?)》")
QUOTED = re.compile(r"“([^“”]{2,24}?)”")
ORDINAL = re.compile(r"\((?:首届|第[^()]{1,3}届)\)|首届|第[一二三四五六七八九十\d]+届|首次")
_MAX_NAME = 16  # characters before a suffix that may belong to a name


_SPACE = re.compile(r"\s+")


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lexicon = Lexicon.default()
    return {
        "Program": re.compile(f"”?(?:{alternation(lexicon.program_suffixes)})"),
        "Event": re.compile(f"”?(?:{alternation(lexicon.event_suffixes)})"),
        "Regulation": re.compile("(?:条例|办法|纲要)"),
    }


def _issuer(name: str, places: Places) -> str | None:
    for length in (4, 3, 2):
        division = division_named(name[:length])
        if division is not None and name[:length] in (division.name, division.short):
            return division.name
    if name.startswith(("市政府", "市委", "市人民政府")) and places.main_city:
        return places.main_city.name
    if name.startswith(("省政府", "省委", "省人民政府")) and places.main_province:
        return places.main_province.name
    return None


def find_regulations(text: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    found = []
    for match in BOOK_TITLE.finditer(text):
        name = _compact(match.group(1))
        if name.endswith(lexicon.regulation_suffixes):
            found.append(Mention("Regulation", name, match.start(), match.end(), {"issuer": _issuer(name, places)}))
    for match in QUOTED.finditer(text):
        name = _compact(match.group(1))
        if name.endswith(("条例", "办法", "纲要", "实施意见")):
            found.append(Mention("Regulation", name, match.start(), match.end(), {"issuer": _issuer(name, places)}))
    for match in _patterns()["Regulation"].finditer(text):
        start = name_before(text, match.start(), lexicon, limit=_MAX_NAME)
        name = text[start:match.end()]
        if len(name) > 5 and _issuer(name, places):
            found.append(Mention("Regulation", name, start, match.end(), {"issuer": _issuer(name, places)}))
    return found


def _suffixed(text: str, kind: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    """Names ending in a programme or event suffix, with a quoted part ("“旗舰领航”行动") or a proper core."""
    found = []
    place_ends = sorted(p.end for p in places.mentions)
    for match in _patterns()[kind].finditer(text):
        suffix = match.group().lstrip("”")
        end = match.end()
        if match.group().startswith("”"):
            opening = text.rfind("“", max(0, match.start() - _MAX_NAME), match.start())
            if opening < 0:
                continue
            start = opening
            prefix_start = name_before(text, opening, lexicon, limit=8)
            if kind == "Event" and prefix_start < opening:
                start = prefix_start
            surface = text[start:end]
            name = _compact(surface).replace("“", "").replace("”", "")
        else:
            if kind == "Program" and not _worth_a_look(text, match.start(), end, place_ends, lexicon):
                continue
            start = name_before(text, match.start(), lexicon, limit=_MAX_NAME)
            start += _after_last_verb(text[start:match.start()])
            surface = text[start:end]
            if len(surface) - len(suffix) < 2:
                continue
            name = surface
        bare = ORDINAL.sub("", name).strip("()")
        if kind == "Program":
            for prefix in lexicon.program_generic_prefixes:
                if bare.startswith(prefix) and len(bare) - len(prefix) >= len(suffix) + 2:
                    bare = bare[len(prefix):]
                    break
        if len(bare) <= len(suffix) + 1:
            continue
        if kind == "Program" and "“" not in surface and not (
                _issuer(bare, places) or text.count(bare) >= 2 or _after_adoption_verb(text, start, lexicon)):
            continue  # an unquoted programme must be named twice, carry its region, or be taken up
        aliases = [n for n in {name, _compact(surface)} if n != bare]
        year = re.match(r"\d{4}", text[max(0, start - 4):start + 4]) if kind == "Event" else None
        if year and text[start - 4:start].isdigit():
            aliases.append(text[start - 4:start] + bare)
        found.append(Mention(kind, bare, start, end, {"aliases": aliases}))
    return found


def _worth_a_look(text: str, suffix_start: int, end: int, place_ends: list[int], lexicon: Lexicon) -> bool:
    """Cheap necessary conditions for an unquoted programme name (see the checks in _suffixed)."""
    if suffix_start < 2 or not is_cjk(text[suffix_start - 1]):
        return False
    if text.count(text[suffix_start - 2:end]) >= 2 or _after_adoption_verb(text, suffix_start - 2, lexicon, reach=_MAX_NAME):
        return True
    index = bisect_left(place_ends, suffix_start - _MAX_NAME)
    return index < len(place_ends) and place_ends[index] < suffix_start


@lru_cache(maxsize=1)
def _adoption_verb_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().adoption_verbs))


def _after_adoption_verb(text: str, start: int, lexicon: Lexicon, reach: int = 0) -> bool:
    """Does an adoption verb end right before ``start`` (or within ``reach`` characters of it)?"""
    before = text[max(0, start - 6 - reach):start]
    if reach:
        return _adoption_verb_pattern().search(before) is not None
    return before.endswith(lexicon.adoption_verbs)


def _after_last_verb(run: str) -> int:
    """Programme and event names hold no verb: skip past the last one ("深入实施|质量强市战略")."""
    offset = cut = 0
    words = tokens(run)
    for index, word in enumerate(words):
        offset += len(word)
        if dictionary_tag(word) in ("v", "d", "ad", "r") and len(run) - offset >= 2:
            cut = offset
    return cut


def find_programs_and_events(text: str, places: Places, lexicon: Lexicon | None = None) -> list[Mention]:
    lexicon = lexicon or Lexicon.default()
    regulations = find_regulations(text, places, lexicon)
    others = _suffixed(text, "Program", places, lexicon) + _suffixed(text, "Event", places, lexicon)
    return drop_nested(regulations + others)
