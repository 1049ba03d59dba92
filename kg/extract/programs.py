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


# "2023年6月29日，某市人大常委会审议通过《…条例》": the year the regulation was passed, just before its title.
ENACTED_BEFORE = re.compile(r"((?:19|20)\d{2})年[^。；;！!\n《]{0,40}?(?:审议通过|表决通过|通过|颁布|批准|出台|印发)了?\Z")


def _enacted_year(text: str, title_start: int) -> int | None:
    sentence_start = max(text.rfind(mark, 0, title_start) for mark in "。；;\n") + 1
    enacted = ENACTED_BEFORE.search(text, sentence_start, title_start)
    return int(enacted.group(1)) if enacted else None


def find_regulations(text: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    found = []
    for match in BOOK_TITLE.finditer(text):
        name = _compact(match.group(1))
        if name.endswith(lexicon.program_title_suffixes):
            found.append(Mention("Program", name, match.start(), match.end(), {"aliases": [], "title": True}))
        elif name.endswith(lexicon.regulation_suffixes):
            found.append(Mention("Regulation", name, match.start(), match.end(),
                                 {"issuer": _issuer(name, places), "title": True,
                                  "year": _enacted_year(text, match.start())}))
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
    twice = _NamedTwice(text)
    for match in _patterns()["Program"].finditer(text):
        suffix = match.group()
        end = match.end()
        if text[match.start() - 1:match.start()] == "”" or not _worth_a_look(text, match.start(), end, place_ends,
                                                                               lexicon, twice):
            continue
        if _NOT_A_NAME_AFTER.match(text, end) or _SLOGAN_AFTER.match(text, end):
            continue  # "体系化", "模式下": the suffix is part of a longer ordinary word
        start = _verb_led_start(text, match.start())
        confidence = 0.7
        if start is None:
            start = name_before(text, match.start(), lexicon, limit=_MAX_NAME)
            start += _after_last_verb(text[start:match.start()])
            confidence = 0.6
        surface = text[start:end]
        if len(surface) - len(suffix) < 2:
            continue
        if _PROJECT_AFTER.match(text, end):
            continue  # "某某标准化试点，承担单位：…": one project of a programme, not the programme
        bare = _without_generic_prefix(ORDINAL.sub("", surface).strip("()"), suffix, lexicon)
        bare = YEAR_LEAD.sub("", bare)
        if len(bare) <= len(suffix) + 1 or COUNTED.match(bare):
            continue
        if not (_issuer(bare, places) or twice(bare) or _after_adoption_verb(text, start, lexicon)):
            continue  # an unquoted programme must be named twice, carry its region, or be taken up
        bare = _level_as_region(bare, places)
        written = YEAR_LEAD.sub("", surface)
        found.append(Mention("Program", bare, start, end,
                             {"aliases": [written] if written != bare else [], "confidence": confidence}))
    return found


# What follows a project's name in a list of a programme's projects: the body carrying it out.
_PROJECT_AFTER = re.compile(r"\s*[,，:：(（]?\s*(?:承担单位|实施单位|建设单位|牵头单位)")
# A year before a name ("2023年度省级…"), or what is left of it once the digits went ("年度…").
YEAR_LEAD = re.compile(r"^(?:\d{4})?年度?(?=.)")
# "省级标准化试点示范项目" is the programme of the document's province: named after it, as its awards are.
_LEVEL_WORDS = {"省级": "province", "市级": "city"}


def _level_as_region(name: str, places: Places) -> str:
    level = _LEVEL_WORDS.get(name[:2])
    division = places.main_province if level == "province" else places.main_city if level else None
    return division.name + name[2:] if division is not None and len(name) > 4 else name


# A name between an adoption verb and a programme's ending: name characters only, no function word.
_VERB_LED_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]{2,16}\Z")
_FUNCTION_CHARS = re.compile("[的了是在和与及等并或把被将对向从各其这该]")
# Characters right after a programme's ending that make it part of another word.
_NOT_A_NAME_AFTER = re.compile("[化下中内里]")
# "…治理体系和治理能力现代化": a slogan about capacity, no programme.
_SLOGAN_AFTER = re.compile("[和与][\u4e00-\u9fff]{1,6}现代化")


def _verb_led_start(text: str, suffix_start: int) -> int | None:
    """Where a name starts that an adoption verb opens ("推行|企业计量执行官制度"), or None.

    Sure where it applies: the verb ends the words before the name, so no word
    cutting is needed, and a name holding verbs of its own ("质量提升行动") stays whole.
    """
    window_start = max(0, suffix_start - _MAX_NAME - 6)
    last = None
    for last in _adoption_verb_pattern().finditer(text, window_start, suffix_start):
        pass
    if last is None:
        return None
    core = text[last.end():suffix_start]
    if not _VERB_LED_NAME.match(core) or _FUNCTION_CHARS.search(core) or COUNTED.match(core):
        return None
    return last.end() + _leading_verb(core)


def _leading_verb(core: str) -> int:
    """The length of a verb opening ``core`` ("健全|质量法治体系"), 0 if none."""
    leading = Lexicon.default().program_leading_words
    first = next((w for w in leading if core.startswith(w)), None) or tokens(core)[0]
    if (first in leading or dictionary_tag(first) in ("v", "d", "ad")) and len(core) - len(first) >= 2:
        return len(first)
    return 0


# Campaigns named in a list before 活动: "A月、B周、C日……一个个活动", "D节等各类活动", "开展E节活动".
_CAMPAIGN_LIST = re.compile(r"(?P<items>(?:[\u4e00-\u9fff]{2,8}?[月周日节]、)*[\u4e00-\u9fff]{2,10}?[月周日节])"
                            r"(?:等|……|…)?(?:一个个|各类|各项|系列|主题)?活动")


def _campaigns(text: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    found = []
    place_ends = {p.end for p in places.mentions}
    for match in _ending_at_each(text, "活动", _CAMPAIGN_LIST, reach=60):
        offset = match.start()
        for item in match.group("items").split("、"):
            start = offset
            if offset == match.start():  # the first item may hold the words before it
                start = name_before(text, offset + len(item) - 1, lexicon, limit=len(item))
                verb = _verb_led_start(text, offset + len(item) - 1)
                start = max(start, verb) if verb is not None else start
                start += _after_last_verb(text[start:offset + len(item) - 1])
                start += _leading_verb(text[start:offset + len(item) - 1])
            end = offset + len(item)
            # "某市安全生产月": the city's own round of a campaign; the campaign is named without it
            own = next((e for e in range(start + 2, end - 2) if e in place_ends), None)
            name = text[own or start:end]
            if len(name) >= 3 and not _NOT_CAMPAIGN.search(name):
                aliases = [text[start:end]] if own else []
                found.append(Mention("Program", name, start, end, {"aliases": aliases, "confidence": 0.6,
                                                                    "held": True}))
            offset += len(item) + 1
    return found


def _ending_at_each(text: str, ending: str, pattern: re.Pattern, reach: int):
    """The matches of ``pattern`` that end with an occurrence of ``ending``, searched only near it.

    Cheaper than scanning the whole text with a pattern that opens with a class of all CJK characters.
    """
    position = text.find(ending)
    while position >= 0:
        end = position + len(ending)
        match = pattern.search(text, max(0, position - reach), end)
        while match is not None and match.end() != end:
            match = pattern.search(text, match.start() + 1, end)
        if match is not None:
            yield match
        position = text.find(ending, end)


# Words that make a list item a date or a time span, not a campaign.
_NOT_CAMPAIGN = re.compile("[每本上下今去明当近]月|[每本上下今去明当近]周|[每本今昨明当节假]日|春节|国庆|元旦|中秋|端午")


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


class _NamedTwice:
    """Does a text hold a part at least twice (``text.count(part) >= 2``)? Remembered per part, as parts
    repeat; the scan stops at the second occurrence, as count's own does not."""

    def __init__(self, text: str):
        self.text = text
        self.known: dict[str, bool] = {}

    def __call__(self, part: str) -> bool:
        answer = self.known.get(part)
        if answer is None:
            first = self.text.find(part)
            # str.count counts occurrences that do not overlap, from the left: the second starts after the first
            # (an empty part occurs len(text) + 1 times)
            second = first + max(len(part), 1)
            answer = self.known[part] = first >= 0 and second <= len(self.text) and (
                self.text.find(part, second) >= 0)
        return answer


def _worth_a_look(text: str, suffix_start: int, end: int, place_ends: list[int], lexicon: Lexicon,
                  twice: _NamedTwice) -> bool:
    """Cheap necessary conditions for an unquoted programme name (see the checks in _suffixed)."""
    if suffix_start < 2 or not is_cjk(text[suffix_start - 1]):
        return False
    if twice(text[suffix_start - 2:end]) or _after_adoption_verb(text, suffix_start - 2, lexicon, reach=_MAX_NAME):
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
    programs = drop_nested(regulations + _quoted(text, lexicon) + _suffixed(text, places, lexicon)
                           + _campaigns(text, places, lexicon))
    return sorted(programs + drop_nested(find_events(text, places, lexicon)), key=lambda m: m.start)
