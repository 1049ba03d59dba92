"""Events: a conference, forum, launch ceremony, contest or training course, with its year and place.

An event's name is kept as written, with its leading year or ordinal
("2019全国…大会", "首届…论坛"), quotes removed; the name without them is an
alias. A name is taken only when something makes it proper: a quoted part, a
year or ordinal, a region, or a national marker (中国, 全国 …) — "活动启动仪式"
alone names no particular event. Two events joined by 暨 share the first one's
year.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention, is_cjk
from kg.extract.organizations import cut_left
from kg.extract.places import Places
from kg.extract.relations import sentence_around

_REACH = 30  # characters before a suffix that may belong to an event's name
_QUOTE_REACH = 24
# A year and an ordinal that open an event's name: "2020", "2020年", "2017(首届)", "第五届", "首期".
_ORDINAL = r"(?:首届|首期|首次|第[一二三四五六七八九十百零〇\d]+[届期次])"
LEADING = re.compile(rf"(?:(?:19|20)\d{{2}}年?)?(?:\({_ORDINAL}\)|{_ORDINAL})?\Z")
ORDINAL_INSIDE = re.compile(rf"\({_ORDINAL}\)")
BARE_LEADING = re.compile(rf"^(?:(?:19|20)\d{{2}}年?)?{_ORDINAL}?")
# Years and ordinals anywhere: names differing only in them are one event (unless their years differ).
YEARS_AND_ORDINALS = re.compile(rf"(?:19|20)\d{{2}}年?|{_ORDINAL}|[()]")
# A development zone after a place's name still names a place ("某某开发区首届…").
ZONE = re.compile(r"(?:经济技术开发区|高新技术产业开发区|开发区|高新区|经开区|新区|园区)?")
YEAR_START = re.compile(r"^((?:19|20)\d{2})")
# Words that end the previous phrase: the event's name starts after them.
JOINERS = "暨及和与在于的了是由"
# "在成都举行", "于绍兴召开": where the event took place.
# The place may open a longer venue ("在某区某会展中心举行"): its first place is the event's.
HELD = re.compile(r"(?:在|于)(?P<place>[\u4e00-\u9fff]{2,16}?)(?:隆重|顺利|成功)?(?:举行|召开|举办|开幕|开展|启动)")
FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")
# "9月15日，…大会…举行" in a text that gave its year before ("2023年6月29日，…"): that year.
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().event_suffixes))


def _name_start(text: str, suffix_start: int) -> int:
    """Walk left over name characters, quoted parts (“质量月”) and bracketed ordinals ((首届))."""
    position = suffix_start
    floor = max(0, suffix_start - _REACH)
    while position > floor:
        char = text[position - 1]
        if char == "”":
            opening = text.rfind("“", max(floor, position - _QUOTE_REACH), position - 1)
            if opening < 0:
                break
            position = opening
        elif char == ")" and text[max(0, position - 4):position] == "(首届)":
            position -= 4
        elif (is_cjk(char) or char.isascii() and char.isalnum()) and char not in JOINERS:
            position -= 1
        else:
            break
    return position


def _plain(raw: str) -> str:
    return "".join(c for c in raw if c not in "“”\"").replace(" ", "")


_SKIPPED = "“”()"
# Verbs that hold, open or attend an event: its name follows the last one.
_HOLDING_VERBS = re.compile("召开|举行|举办|开幕|闭幕|主办|承办|协办|参加|出席|组织|筹办|开展")


def _cut(text: str, start: int, suffix_start: int, places: Places, lexicon: Lexicon) -> int:
    """Where the name begins after the last word that cannot be part of it.

    A leading year or ordinal stays, and so does a region or national marker before it
    ("全国首届…", "某某开发区首届…").
    """
    run = text[start:suffix_start]
    cut = cut_left("".join(c for c in run if c not in _SKIPPED), lexicon, bounded=True)
    # map the cut back into the text, which still holds quotes and brackets
    kept = 0
    position = start
    while kept < cut and position < suffix_start:
        if text[position] not in _SKIPPED:
            kept += 1
        position += 1
    while position < suffix_start and text[position] in ")”":
        position += 1
    verb = None
    for verb in _HOLDING_VERBS.finditer(text, position, suffix_start):
        pass
    if verb is not None and "“" not in text[verb.start():verb.end()]:
        position = verb.end()  # "某市召开|质量工作推进会": the name follows the verb
    opening = text.rfind("“", start, position)
    if opening >= 0 and "”" not in text[opening:position]:
        position = opening  # a quoted part is kept whole
    leading = LEADING.search(text, max(start, position - 12), position)
    if leading and leading.start() < position:
        position = leading.start()
        marker = next((m for m in lexicon.event_markers if text.startswith(m, position - len(m))), None)
        if marker and position - len(marker) >= start:
            position -= len(marker)
        for place in _places_from(places, max(start, position - 12), position):
            if ZONE.fullmatch(text, place.end, position):
                position = place.start
                break
    return position


_PROPER_HINT = re.compile(r"[“”\d届期]|首次")


def _may_be_proper(text: str, start: int, suffix_start: int, place_ends: list[int], lexicon: Lexicon) -> bool:
    """A necessary condition for _is_proper, without jieba: a quote, digit, ordinal, marker or place nearby."""
    if _PROPER_HINT.search(text, start, suffix_start):
        return True
    index = bisect_left(place_ends, start + 1)
    if index < len(place_ends) and place_ends[index] <= suffix_start:
        return True
    window = text[start:suffix_start]
    return any(marker in window for marker in lexicon.event_markers)


def _is_proper(raw: str, name: str, bare: str, span_places: bool, lexicon: Lexicon) -> bool:
    return ("“" in raw or name != bare or span_places or bare.startswith(lexicon.event_markers))


def _place_forms(places: Places) -> frozenset[str]:
    return frozenset(form for p in places.mentions for form in (p.name, p.attrs["division"].short))


def _place_and_suffix_only(name: str, place_forms: frozenset[str]) -> bool:
    """"某某论坛" alone is a city's web forum, not an event: a place's name, then at most 3 characters."""
    return any(name[:length] in place_forms for length in range(max(0, len(name) - 3), len(name) + 1))


def _place_and_date(text: str, start: int, end: int, places: Places) -> dict:
    """The place named by "在X举行" and the date given in the event's sentence."""
    attrs = {}
    sentence_start, sentence_end = sentence_around(text, start, end)
    for match in HELD.finditer(text, sentence_start, sentence_end):
        for place in _places_from(places, match.start("place"), match.end("place")):
            if place.end <= match.end("place"):
                attrs["place"] = place.name
                break
        if "place" in attrs:
            break
    date = FULL_DATE.search(text, sentence_start, sentence_end)
    if date:
        year, month, day = date.groups()
        attrs["date"] = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    elif (month_day := MONTH_DAY.search(text, sentence_start, sentence_end)) and (year := _year_before(text, sentence_start)):
        attrs["date"] = f"{year}-{int(month_day.group(1)):02d}-{int(month_day.group(2)):02d}"
    return attrs


def _places_from(places: Places, start: int, end: int) -> list[Mention]:
    """The place mentions that start in [start, end)."""
    starts = places.starting_at()
    return [p for position in range(start, end) for p in starts.get(position, ())]


def _year_before(text: str, position: int) -> str | None:
    """The year of the last full date before ``position``: the year a text's later month-day dates are in."""
    starts, years = _full_dates(text)
    index = bisect_left(starts, position) - 1
    # a date must end before ``position`` too, as finditer(text, 0, position) saw it
    while index >= 0 and FULL_DATE.match(text, starts[index], position) is None:
        index -= 1
    return years[index] if index >= 0 else None


@lru_cache(maxsize=4)
def _full_dates(text: str) -> tuple[list[int], list[str]]:
    """Where the text's full dates start, and their years (found once per text)."""
    matches = list(FULL_DATE.finditer(text))
    return [m.start() for m in matches], [m.group(1) for m in matches]


def find_events(text: str, places: Places, lexicon: Lexicon | None = None) -> list[Mention]:
    lexicon = lexicon or Lexicon.default()
    found: list[Mention] = []
    previous_year: tuple[int, str] | None = None  # (end of the event, its year), for "A暨B"
    place_ends = sorted(p.end for p in places.mentions)
    place_forms = _place_forms(places)
    for match in _suffix_pattern().finditer(text):
        suffix_start, end = match.start(), match.end()
        run_start = _name_start(text, suffix_start)
        if not _may_be_proper(text, run_start, suffix_start, place_ends, lexicon):
            continue  # cheap: none of what makes a name proper is near (the checks below need jieba)
        start = _cut(text, run_start, suffix_start, places, lexicon)
        raw = text[start:end]
        name = ORDINAL_INSIDE.sub("", _plain(raw))
        bare = BARE_LEADING.sub("", name)
        if len(bare) < len(match.group()) + 2:
            continue
        span_places = any(p.end <= end for p in _places_from(places, start, end))
        if not _is_proper(raw, name, bare, span_places, lexicon) or _place_and_suffix_only(bare, place_forms):
            continue
        aliases = [a for a in dict.fromkeys((_plain(raw), bare)) if a != name]  # in this order, whatever the hash seed
        year = YEAR_START.match(name)
        if year is None and previous_year and text[previous_year[0]:start] == "暨":
            aliases.append(name)
            name = previous_year[1] + name
            year = YEAR_START.match(name)
        attrs = {"aliases": aliases, **_place_and_date(text, start, end, places)}
        if year and "date" not in attrs:
            attrs["date"] = year.group(1)
        elif year and not attrs["date"].startswith(year.group(1)):
            attrs["date"] = year.group(1)  # the sentence's date is another event's
        found.append(Mention("Event", name, start, end, attrs))
        previous_year = (end, year.group(1)) if year else None
    return _merge_repeats(found)


def _merge_repeats(events: list[Mention]) -> list[Mention]:
    """"首届X大会" and "2020X大会" in one document are one event, named by the form with the year."""
    groups: dict[str, list[Mention]] = {}
    for event in events:
        groups.setdefault(YEARS_AND_ORDINALS.sub("", event.name), []).append(event)
    for group in groups.values():
        years = {YEAR_START.match(e.name).group(1) for e in group if YEAR_START.match(e.name)}
        if len(group) < 2 or len(years) > 1:
            continue
        main = next((e for e in group if YEAR_START.match(e.name)), group[0])
        for event in group:
            if event is not main:
                main.attrs["aliases"] = [*main.attrs["aliases"], event.name, *event.attrs["aliases"]]
                for key in ("place", "date"):
                    main.attrs.setdefault(key, event.attrs.get(key))
                event.name = main.name
    return events
