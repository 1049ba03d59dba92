"""Programmes and regulations: names in 《》 or quotes, or ending in a telling suffix (events: events.py)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention, drop_nested, is_cjk
from kg.extract.organizations import name_before
from kg.extract.tokenizer import dictionary_tag, tokens
from kg.extract.places import Places, division_named
from kg.extract.events import find_events

# 《…》 may hold a line break where a page break cut the title.
BOOK_TITLE = re.compile(r"《([^《》]{2,60}?)》")
QUOTED = re.compile(r"“([^“”]{2,24}?)”")
ORDINAL = re.compile(r"\((?:首届|第[^()]{1,3}届)\)|首届|第[一二三四五六七八九十\d]+届|首次")
# "三大机制", "两项制度": a count of programmes, not a name.
COUNTED = re.compile(r"[一二三四五六七八九十两几多数]+[大项个条]")
_MAX_NAME = 16  # characters before a suffix that may belong to a name


_SPACE = re.compile(r"\s+")


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lexicon = Lexicon.default()
    return {
        "Program": re.compile(alternation(lexicon.program_suffixes)),
        # “X”Y<ending>: a quoted core, then a few more characters of the name and a programme's ending.
        "QuotedCore": re.compile(f"“(?P<core>[^“”\n，,。；;：:！？]{{1,16}})”(?P<of>的)?(?P<middle>[\u4e00-\u9fff]{{0,8}}?)"
                                 f"(?P<suffix>{alternation([*lexicon.program_suffixes, '认证'])})"),
        "QuotedName": re.compile("“(?P<name>[^“”\n，,。；;：:！？]{2,16})”"),
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
        if name.endswith(lexicon.program_title_suffixes):
            found.append(Mention("Program", name, match.start(), match.end(), {"aliases": [], "title": True}))
        elif name.endswith(lexicon.regulation_suffixes):
            found.append(Mention("Regulation", name, match.start(), match.end(),
                                 {"issuer": _issuer(name, places), "title": True}))
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


def _suffixed(text: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    """Unquoted names ending in a programme suffix, with a proper core (quoted ones: _quoted)."""
    found = []
    place_ends = sorted(p.end for p in places.mentions)
    for match in _patterns()["Program"].finditer(text):
        suffix = match.group()
        end = match.end()
        if text[match.start() - 1:match.start()] == "”" or not _worth_a_look(text, match.start(), end, place_ends,
                                                                               lexicon):
            continue
        start = name_before(text, match.start(), lexicon, limit=_MAX_NAME)
        start += _after_last_verb(text[start:match.start()])
        surface = text[start:end]
        if len(surface) - len(suffix) < 2:
            continue
        bare = _without_generic_prefix(ORDINAL.sub("", surface).strip("()"), suffix, lexicon)
        if len(bare) <= len(suffix) + 1 or COUNTED.match(bare):
            continue
        if not (_issuer(bare, places) or text.count(bare) >= 2 or _after_adoption_verb(text, start, lexicon)):
            continue  # an unquoted programme must be named twice, carry its region, or be taken up
        found.append(Mention("Program", bare, start, end, {"aliases": [surface] if surface != bare else []}))
    return found


def _without_generic_prefix(name: str, suffix: str, lexicon: Lexicon) -> str:
    if not name.startswith(lexicon.program_generic_prefixes):
        return name
    for prefix in lexicon.program_generic_prefixes:
        if name.startswith(prefix) and len(name) - len(prefix) >= len(suffix) + 2:
            return name[len(prefix):]
    return name


_FURTHER_SUFFIX = re.compile("制度|体系|机制")
# Characters and words between a closing quote and a programme's ending that show it is no name.
_NOT_IN_MIDDLE = re.compile("[的了是在和与及等并或为把被将]")


def _quoted(text: str, lexicon: Lexicon) -> list[Mention]:
    """Quoted programme names: “X”Y<ending> ("“1+6”工作机制", "“山河精品”认证"), or “…<ending>” whole."""
    found = []
    for match in _patterns()["QuotedCore"].finditer(text):
        middle = match.group("middle")
        if _NOT_IN_MIDDLE.search(middle) or _adoption_verb_pattern().search(middle):
            continue
        end = match.end()
        further = _FURTHER_SUFFIX.match(text, end)  # “X”认证制度
        if further:
            end = further.end()
        core = _compact(match.group("core"))
        name = core + middle + match.group("suffix") + (further.group() if further else "")
        aliases = [_compact(text[match.start():end])]
        prefix_start = name_before(text, match.start(), lexicon, limit=8)
        prefix = text[prefix_start:match.start()]
        if len(prefix) >= 2 and all(map(is_cjk, prefix)) and not _adoption_verb_pattern().search(prefix):
            aliases.append(_without_generic_prefix(prefix + name, "", lexicon))  # "标准化“一网通”服务平台"
        found.append(Mention("Program", name, match.start(), end, {"aliases": aliases, "confidence": 0.7}))
    quoted_only = tuple(lexicon.program_quoted_suffixes)
    for match in _patterns()["QuotedName"].finditer(text):
        name = _compact(match.group("name"))
        suffix = next((s for s in lexicon.program_suffixes if name.endswith(s)), None) \
            if name.endswith(lexicon.program_suffixes) else None
        whole_word = name.endswith(quoted_only) or suffix and len(name) == len(suffix)  # “质量月”
        if suffix and len(name) >= len(suffix) + 2 or whole_word and len(name) >= 3 and all(map(is_cjk, name)):
            found.append(Mention("Program", name, match.start(), match.end(), {"aliases": [], "confidence": 0.7}))
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
    """Regulations and programmes (the longest of overlapping names), and events, which may hold a programme."""
    lexicon = lexicon or Lexicon.default()
    regulations = find_regulations(text, places, lexicon)
    programs = drop_nested(regulations + _quoted(text, lexicon) + _suffixed(text, places, lexicon))
    return sorted(programs + drop_nested(find_events(text, places, lexicon)), key=lambda m: m.start)
