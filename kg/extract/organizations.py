"""Organisations named in a text: a name ends in a suffix (有限公司, 协会, 局 …).

Where a name begins is the hard part. The finder takes the run of name
characters before the suffix (CJK, Latin letters, digits, a bracketed part such
as "(集团)"), lets jieba cut that run into words, and starts the name after the
last word that cannot be part of a name (a verb, a preposition, a count).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.government import find_government_bodies
from kg.gazetteer import Gazetteer
from kg.extract.lexicon import Lexicon, alternation, full_form
from kg.extract.media import find_news_sites, find_newspapers
from kg.extract.mentions import Mention, SpanSet, drop_nested, is_cjk
from kg.extract.numbers import small_number
from kg.extract.occurrences import matches_from, starts_of_counts
from kg.extract.person_names import person_name_at
from kg.extract.places import Places, division_named, leading_division
from kg.extract.tokenizer import dictionary_tag, tokens

MAX_NAME = 24  # characters before a suffix that may belong to a name
# A local government's prefix standing for the document's own city or province.
BARE_CITY_GOVERNMENTS = frozenset({"市政府", "市人民政府", "县政府", "县人民政府", "区政府", "区人民政府"})
PARTY_COMMITTEE_BEFORE = re.compile(r"(?:[省市县区州]委|党委)[、和及与]?$")
# A kind of organisation with nothing but qualifiers before it ("集团公司", "优秀公司", "该企业"): no name
GENERIC_NAME = re.compile(r"^(?:优秀|先进|获奖|该|本|这家|此|各大|各|全部|有关|相关|上述|其他|其它|大型|中小型|小型|知名|重点|骨干|"
                          r"龙头|连锁|大)*(?:集团|股份|有限|责任|公司|企业|单位|组织|集体|超市|商场|药房|宾馆|饭店|酒店|银行|加油站)+$")


def _city_above(division):
    """The nearest division above ``division`` named a 市 (a district's or county's city), or None."""
    return next((d for d in Gazetteer.default().parent_chain(division) if d.name.endswith("市")), None)


def generic_name(name: str) -> bool:
    return GENERIC_NAME.match(name) is not None


LOCAL_PREFIXES = {"市": "city", "省": "province", "县": "city", "区": "city", "州": "city"}
AUTONOMOUS_REGION = "自治区"  # a level word too: "自治区人民政府" in an autonomous region's text
GOVERNMENT = re.compile(r"^(?P<place>.*?)(?:人民)?政府$")
# "…有限公司(原…厂)" or "…(以下简称“…”)": another name of the same organisation.
FORMER_NAME = re.compile(r"\((?:原|以下简称|简称|下称|以下称)[“\"]?([^()“”\"]{2,20}?)[”\"]?\)")


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().org_suffix_type))


def _name_char(char: str) -> bool:
    return is_cjk(char) or char.isascii() and char.isalnum() or char == "·"


# A name's characters, possibly with a bracketed part inside ("黑牡丹(集团)股份…"), up to the window's end.
_NAME_RUN = re.compile(r"[\u4e00-\u9fff〇A-Za-z0-9·](?:[\u4e00-\u9fff〇A-Za-z0-9·]|\([\u4e00-\u9fff]{1,6}\))*\Z")
# The window's last character that is none of a name's: the run after it is all name characters.
# (Searched in one pass; _NAME_RUN, tried at each start, reads the window again from each.)
_LAST_NON_NAME = re.compile(r"[^\u4e00-\u9fff〇A-Za-z0-9·](?=[\u4e00-\u9fff〇A-Za-z0-9·]*\Z)")


def run_start(text: str, end: int, limit: int = MAX_NAME) -> int:
    """Where the run of name characters that ends at ``end`` begins (a bracketed part may sit inside)."""
    floor = max(0, end - limit)
    last = _LAST_NON_NAME.search(text, floor, end)
    if last is None:
        return floor if floor < end else end  # name characters only
    if last.group() != ")":  # no bracketed part: the run starts after that character
        return last.end()
    match = _NAME_RUN.search(text, floor, end)
    return match.start() if match else end


# jieba dictionary tags of words that never sit inside a name (conjunctions,
# prepositions, pronouns, particles, adverbs, numerals, measure words …).
HARD_STOP_TAGS = frozenset({"c", "p", "r", "u", "uj", "ul", "uz", "ug", "ud", "uv", "d", "ad", "z", "m", "q", "y", "e", "o"})
# Tags of words that, after a place has opened a name, are its trade name ("湖北|永恒|太阳能…": 永恒 is a
# descriptive word, z); a one-character verb there is a trade name's character too ("杭州福斯|达|深冷…").
# "河南|全新|金属…": 全新 is tagged an adverb; "河南|乐|万家|机械…": 万家 a numeral
TRADE_NAME_TAGS = frozenset({"z", "d", "m"})
TRADE_WORDS = frozenset({"企业", "实业"})  # stop words elsewhere, a name's industry word right before its form
# How far after its place a trade name's words may reach ("湖北|永恒太阳能…", not "湖南省|…评审组来邵对…")
MAX_TRADE_NAME_SPAN = 10
# Tags of words that can open a name: places, person and brand names, unknown words.
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng", "x", None})


@lru_cache(maxsize=16384)
def _tagged(run: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((token, dictionary_tag(token)) for token in tokens(run))  # cached: runs recur, as tokens' do


def cut_left(run: str, lexicon: Lexicon, bounded: bool, listed: bool = False) -> int:
    if lexicon is Lexicon.default():
        return _cut_left_default(run, bounded, listed)
    return _cut_left(run, lexicon, bounded, listed)


@lru_cache(maxsize=16384)
def _cut_left_default(run: str, bounded: bool, listed: bool) -> int:
    return _cut_left(run, Lexicon.default(), bounded, listed)


def _cut_left(run: str, lexicon: Lexicon, bounded: bool, listed: bool = False) -> int:
    """The offset in ``run`` after the last word that cannot belong to a name.

    ``bounded``: the run starts after punctuation or a line start, so its first
    word may well be the name's first word even if jieba tags it otherwise.
    ``listed``: the run is an item of a list ("、信和新材料…"): a conjunction's character
    after its first word, which ends no name, is a trade name's character.
    """
    tagged = _tagged(run)
    offset = cut = 0
    opened_by_place = False  # the name so far opens with a place: region + trade name + industry + form
    place_end = 0
    for index, (token, tag) in enumerate(tagged):
        offset += len(token)
        if len(token) == 2 and token[0] in lexicon.org_left_stops and token[1] in LOCAL_PREFIXES \
                and token not in lexicon.org_left_stops:  # "我省": our province's, no region of the name
            cut, opened_by_place = offset - 1, False  # "会议由市质监局": jieba glued the stop to 市 ("由市")
            continue
        if token in POST_VERBS and index > 0 and tagged[index - 1][1] == "nr":
            cut, opened_by_place = offset, False  # "王建国|任|某公司…": a person takes a post at the firm
            continue
        if len(token) == 2 and tag is None and token[0] in lexicon.org_left_stops and token[1] in lexicon.org_left_stops:
            cut, opened_by_place = offset, False  # "各获|省政府": two stops jieba glued into no word
            continue
        if _stop_glued_to_name(run, offset, tagged, index, lexicon):
            cut, opened_by_place = offset - len(token) - 1, False  # "对华|为|投资…": 对 + 华为投资…
            continue
        if tag is None and len(token) >= 3 and token[0] in GLUED_PARTICLES and \
                (index > 0 and (tagged[index - 1][1] in HARD_STOP_TAGS | {"t", "v"}
                                or tagged[index - 1][0].endswith(("奖", "领导")) or tagged[index - 1][0] in lexicon.roles)
                 or index == 0 and not bounded):
            # "本次|有九信|中药…": an unknown word opened by 有; "X奖|由瑞丰|电机…", "市长|为瑞丰|电机…":
            # by 由 after an award, by 为 after a role
            cut, opened_by_place = offset - len(token) + 1, False
            continue
        if offset - len(token) == cut and division_named(token) is not None:
            opened_by_place, place_end = True, offset
        if opened_by_place and offset - place_end > MAX_TRADE_NAME_SPAN:
            opened_by_place = False  # a trade name is a few words after its place, not a clause
        if len(token) == 1 and (opened_by_place or listed and cut == 0 and index == 1 and len(tagged[0][0]) == 1) \
                and token in lexicon.org_left_stops \
                and not _joins_two_names(run[:offset - 1], tagged, index, lexicon):
            continue  # a trade name's character (常州天和科技…, 湖南和广生物…), not a conjunction between names
        if opened_by_place and token in TRADE_WORDS:
            continue  # "汕头宜华|企业|集团…", "江苏省|企业|首席质量官协会": a word of the name a place opened
        if token in lexicon.org_left_stops or token.isdigit():
            cut = offset
            opened_by_place = False
        elif tag == "v" and len(token) > 1 and index > 0 \
                and run[:offset - len(token)].endswith(tuple(lexicon.org_suffix_type)):
            cut, opened_by_place = offset, False  # "重庆市政府|召开|市长质量管理奖": a body, then its verb
        elif tag in HARD_STOP_TAGS and len(token) > 1 and not (index == 0 and bounded) \
                and _stops_name(token, tag, inside=offset - len(token) > cut) and division_named(token) is None \
                and not (opened_by_place and tag in TRADE_NAME_TAGS and index + 1 < len(tagged)):
            cut, opened_by_place = offset, False
        elif tag == "v" and index + 1 < len(tagged) and not (cut == 0 and tagged[0][0] in NATIONAL_OPENINGS) and (
                tagged[index + 1][1] in NAME_TAGS - {None}
                or len(token) > 1 and tagged[index + 1][1] is None and all(map(is_cjk, tagged[index + 1][0]))) \
                and division_named(token) is None and not (opened_by_place and len(token) == 1) \
                and not (opened_by_place and tagged[index + 1][1] is None):
            # inside a name a place opened, a verb before an unknown word is the trade name's ("青岛|新|希望|琴牌")
            # "提炼|绍兴…": a verb, then a place or a brand opens the name ("保定" is a city, no verb)
            cut, opened_by_place = offset, False
    return cut


POST_VERBS = frozenset(("任", "为", "是"))  # a person's post or what the person is, after the name

# A name the nation opens holds its verbs up to the place it names ("国家超级计算天津中心", "国家电网天津公司")
NATIONAL_OPENINGS = frozenset(("国家", "中国"))


# Particles jieba glues to the unknown first word of a name after them ("本次有九信中药…" as 本次|有九信|…).
GLUED_PARTICLES = "有在由向对被把将给为从与和及跟同让使于是"


def _stop_glued_to_name(run: str, offset: int, tagged: list, index: int, lexicon: Lexicon) -> bool:
    """A stop that jieba glued to a name's first character, leaving its second a stop of its own
    ("对华为投资…" as 对华|为|投资): the name read again without the stop opens with a proper word."""
    token = tagged[index][0]
    if len(token) != 1 or token not in lexicon.org_left_stops or index == 0:
        return False
    before = tagged[index - 1][0]
    if len(before) != 2 or before[0] not in lexicon.org_left_stops:
        return False
    first, tag = _tagged(run[offset - len(token) - 1:])[0]
    return len(first) >= 2 and first.endswith(token) and tag in NAME_TAGS - {None}


def _joins_two_names(before: str, tagged: list, index: int, lexicon: Lexicon) -> bool:
    """Does the one-character stop at ``index`` join two names: a whole organisation's or award's and what
    follows, or two places ("江苏和浙江…")? After a place alone it opens a trade name ("湖南和广生物…")."""
    if before.endswith((*lexicon.org_suffix_type, "奖")):
        return True
    following = tagged[index + 1][0] if index + 1 < len(tagged) else ""
    return division_named(tagged[index - 1][0]) is not None and (
        not following or division_named(following) is not None or leading_division(following) is not None)


def _stops_name(token: str, tag: str, inside: bool = False) -> bool:
    """Numerals sit inside names (十四局, 二五三厂) unless ordinal or counted (第一个, 23家); an ordinal after
    a name's first words numbers one of its units ("南通师范学校|第二|附属小学", "…医院|第一|分院")."""
    if tag != "m":
        return True
    if token[-1] in "个次批家名位项届":
        return True
    return token.startswith("第") and not inside


def _inside_a_name_word(text: str, start: int, end: int, position: int) -> bool:
    """Is the character at ``position`` part of a word jieba takes for a name ("顺德区|美的|洗涤…": the brand 美的)?"""
    offset = start
    for token, tag in _tagged(text[start:end]):
        if offset <= position < offset + len(token):
            return len(token) > 1 and tag in NAME_TAGS - {None, "x", "eng"}
        offset += len(token)
    return False


# Characters that never sit inside an organisation's name: a name starts after the last one
# (found without jieba, which then sees a shorter window).
_NEVER_IN_NAMES = re.compile(r"[的了是被把]")
LIST_OPENERS = "、:：;；，,\n"
PRONOUNS = "这那此其该本我你他她它"


def name_before(text: str, end: int, lexicon: Lexicon, limit: int = MAX_NAME) -> int:
    """Where a name that ends at ``end`` begins, by the run and the stop words."""
    start = run_start(text, end, limit)
    bounded = start == 0 or start > end - limit
    run = text[max(0, start - 1):end]  # the run and the character before it: all that decides the rest
    if lexicon is Lexicon.default():
        return end - len(run) + _start_in_run_default(run, start > 0, bounded)
    return end - len(run) + _start_in_run(run, start > 0, bounded, lexicon)


@lru_cache(maxsize=16384)
def _start_in_run_default(run: str, after_a_character: bool, bounded: bool) -> int:
    return _start_in_run(run, after_a_character, bounded, Lexicon.default())  # cached: runs recur


def _start_in_run(text: str, after_a_character: bool, bounded: bool, lexicon: Lexicon) -> int:
    """Where in ``text`` (a run of name characters, after the character before it if there is one)
    the name begins."""
    start, end = int(after_a_character), len(text)
    last = None
    for never in _NEVER_IN_NAMES.finditer(text, start, end):
        if not _inside_a_name_word(text, start, end, never.start()):
            last = never
    # "、美的集团…": a listed name's second character is no particle (the run opens after punctuation)
    listed_brand = last is not None and last.group() == "的" and last.start() == start + 1 and bounded \
        and start > 0 and text[start - 1] in LIST_OPENERS and text[start] not in PRONOUNS
    if last is not None and not listed_brand:
        start, bounded = last.end(), True
    # no name holds a firm's legal form inside it: "…有限公司市政府质量奖" names the firm, then something else
    window = text[start:end]
    after_firm = max((window.rfind(form) + len(form) for form in lexicon.legal_suffixes if form in window), default=0)
    if after_firm:
        start, bounded = start + after_firm, True
    listed = bounded and start > 0 and text[start - 1] == "、"
    return start + cut_left(text[start:end], lexicon, bounded, listed)


def looks_proper(core: str, suffix: str, lexicon: Lexicon) -> bool:
    """Does a name's core hold a proper part (a place, a brand, a national marker), not only common words?

    jieba splitting a core into single characters is a sign of an unknown word,
    that is, of a brand; and a firm's short name is a brand and a suffix (X集团).
    """
    if lexicon is Lexicon.default():
        return _looks_proper_default(core, suffix)
    return _looks_proper(core, suffix, lexicon)


@lru_cache(maxsize=16384)
def _looks_proper_default(core: str, suffix: str) -> bool:
    return _looks_proper(core, suffix, Lexicon.default())  # cached: names' cores recur within and across texts


def _looks_proper(core: str, suffix: str, lexicon: Lexicon) -> bool:
    if core.startswith(lexicon.national_markers) or core[:1] in LOCAL_PREFIXES:
        return True
    if leading_division(core) is not None:
        return True  # "周口市人民政府": jieba may tag a place as a common noun; the gazetteer knows it
    if lexicon.org_suffix_type.get(suffix) == "Enterprise" and len(core) <= 3:
        return True
    tagged = _tagged(core)
    return any(tag in NAME_TAGS or len(token) == 1 and is_cjk(token) for token, tag in tagged)


def _canonical(name: str, suffix: str, places: Places) -> tuple[str, str | None]:
    """A name's canonical form: a bare 市/省 prefix spelled out, 政府 as 人民政府."""
    region = places.main_province if places.main_province is not None and \
        places.main_province.name.endswith(AUTONOMOUS_REGION) else None
    if name.startswith(AUTONOMOUS_REGION) and region is not None:
        # "自治区人民政府", "自治区质量技术监督局": the level word of the document's autonomous region
        rest = name[len(AUTONOMOUS_REGION):]
        if rest in ("政府", "人民政府"):
            return region.name + "人民政府", region.name
        return region.name + rest, region.name
    government = GOVERNMENT.match(name) if suffix in ("政府", "人民政府", "市政府", "省政府", "县政府", "区政府") else None
    if government:
        place = government.group("place") or name[0]
        if place in LOCAL_PREFIXES:
            division = places.main_province if LOCAL_PREFIXES[place] == "province" else places.main_city
            if division is None:
                return name, None
            place = division.name
        return place + "人民政府", place
    # Only a name opening with 市/省/县/区 can start with that character as a word (jieba is not asked otherwise).
    if name[0] in LOCAL_PREFIXES and tokens(name)[0] in LOCAL_PREFIXES:
        division = places.main_province if LOCAL_PREFIXES[name[0]] == "province" else places.main_city
        if name[0] == "市" and division is not None and not division.name.endswith("市"):
            division = _city_above(division)  # a district's text: 市 is the city it belongs to (滨海新区 → 天津市)
        if division is None and name[0] == "市" and places.main_province is not None \
                and places.main_province.name.endswith("市"):
            division = places.main_province  # a municipality's text: 市 is the municipality (天津市)
        if division is not None and not name[1:].startswith(division.short):
            return division.name + name[1:], division.name
    return name, None


@lru_cache(maxsize=1)
def _role_then_surname() -> re.Pattern:
    lexicon = Lexicon.default()
    return re.compile(f"(?:{alternation(lexicon.roles)})[{''.join(sorted(lexicon.surnames))}]")


# After "<organisation><name>", what shows the name is a person's: an honour's verb, or the next item of a list
# of such people ("某公司张三荣获", "A公司张三、B公司李四获…").
EMPLOYED_NAME_FOLLOWERS = re.compile(r"荣获|获得|获评|被授予|被评为|荣膺|、[^、，,。]{2,30}?(?:公司|集团|厂|院|所)")


def _employs_named_person(text: str, end: int, lexicon: Lexicon) -> bool:
    """"北方某某研究院首席专家张三", "首钢某某公司张三荣获": a body followed by a person's name (after a role,
    or before an honour's verb) is that person's employer, a proper name even when its words are common ones."""
    if lexicon is not Lexicon.default():
        return False
    if _role_then_surname().match(text, end) is not None:
        return True
    name_end = person_name_at(text, end, lexicon)
    return name_end is not None and EMPLOYED_NAME_FOLLOWERS.match(text, name_end) is not None


# Words 中心 opens, that make it no organisation's ending.
CENTRE_COMPOUNDS = ("城市", "城区", "地位", "任务", "工作", "环节", "位置", "地带", "思想")


def find_organizations(text: str, places: Places, lexicon: Lexicon | None = None) -> list[Mention]:
    lexicon = lexicon or Lexicon.default()
    found: list[Mention] = []
    for match in _suffix_pattern().finditer(text):
        suffix = match.group()
        if text[match.end():match.end() + 1] == "长" and suffix[-1] + "长" in lexicon.roles \
                and not suffix.endswith("公司"):
            continue  # 局长, 院长: a role, not a name (but "…股份有限公司长庆石化分公司": 长 opens the next name)
        if suffix in TASK_BODY_ENDINGS and text.startswith(("制度", "机制"), match.end()):
            continue  # "建立…工作联席会议制度": a way of working, no body
        if suffix == "中心" and text.startswith(CENTRE_COMPOUNDS, match.end()):
            continue  # "淮海经济区中心城市", "中心工作": 中心 is the first half of a word, not a body's ending
        start = name_before(text, match.start(), lexicon)
        if lexicon.org_suffix_type[suffix] == "GovernmentBody":
            start += _region_opening(text[start:match.start()], lexicon)
            start = _task_opening(text, start, match.start(), suffix, lexicon)
            if suffix.endswith("政府") and PARTY_COMMITTEE_BEFORE.search(text, start, match.start()):
                start = match.start()  # "某市市委市政府": the party's committee, then the government, two bodies
        name = text[start:match.end()]
        core = name[: -len(suffix)]
        local_government = (core in LOCAL_PREFIXES or core == "" and suffix[0] in LOCAL_PREFIXES) and (
            suffix.endswith("政府") or len(suffix) >= 3)
        if len(core) < 2 and not local_government:
            continue
        if name in lexicon.org_false_words or core.isdigit() or name.endswith(lexicon.org_false_endings) \
                or generic_name(name):
            continue  # (a kind of organisation with qualifiers only, "集团公司", "该企业", names none)
        if _addressed_by_level(text, start, core):
            continue
        if suffix not in lexicon.legal_suffixes and not local_government and not looks_proper(core, suffix, lexicon) \
                and not core.startswith(AUTONOMOUS_REGION) \
                and not _employs_named_person(text, match.end(), lexicon):
            named = _named_without_place(text, start, core, suffix, places, lexicon, found)
            if named is None:
                continue
            start, name, core = named
        if _kind_not_name(text, start, match.end(), core, lexicon):
            continue
        if name in BARE_CITY_GOVERNMENTS or re.sub(r"\(.*?\)", "", core) in LOCAL_PREFIXES and "(" in core:
            continue  # "市政府" in a city's news is the city itself (a role's organisation, see people.py)
        canonical, within = _canonical(name, suffix, places)
        written = canonical
        canonical = full_form(canonical, lexicon)
        entity_type = lexicon.org_suffix_type[suffix]
        implied = places.main_city is not None and name.startswith(places.main_city.name) and name not in text
        if implied:
            within = places.main_city.name  # a body of the own city, named after 的 without it
        if within and entity_type == "Organization" and suffix in ("委员会", "领导小组"):
            entity_type = "GovernmentBody"  # a committee of the city's or province's government
        mention = Mention(entity_type, canonical, start, match.end(), {"surface": name})
        if implied:
            mention.attrs["implied"] = True  # not the subject of a sentence: the sentence names no body
        if within:
            mention.attrs["within"] = within
        if written != canonical:
            mention.attrs["aliases"] = [written]
        former = FORMER_NAME.match(text, match.end())
        if former:
            mention.attrs["aliases"] = [*mention.attrs.get("aliases", ()), former.group(1)]
            mention.attrs["former_end"] = former.end()
        found.append(mention)
    found = _without_departments(found)
    former = SpanSet((m.end, m.attrs["former_end"]) for m in found if "former_end" in m.attrs)
    found = [m for m in found if not former.contains(m.start, m.end)]
    # Bodies found by pattern go first: of two mentions of one span, drop_nested keeps the first.
    bodies = _award_bodies(text, lexicon)
    found = drop_nested(find_government_bodies(text, places, lexicon) + bodies + _after_bodies(text, found, bodies)
                        + find_newspapers(text) + find_news_sites(text))
    found = _share_prefixes(text, found, lexicon)
    found = _development_zones(text, found, places, lexicon)
    found = found + _enumerated(text, found, lexicon)
    found = found + _counted_then_listed(text, found, lexicon)
    units = units_of(text, found)
    found = _inside_units(found, units) + units
    return sorted(found + _teams_alone(text, found, lexicon), key=lambda m: m.start)


# Words a government body's name may open with besides a place: the party's and the nation's.
BODY_OPENERS = ("中国共产党", "中共", "共青团", "中华人民共和国", "国务院", "中央", AUTONOMOUS_REGION)


def _opens_body(core: str, lexicon: Lexicon) -> bool:
    """Does ``core`` open as a government body's name does: with a place, a level word standing for the
    document's own division (市质监局), the nation (国家…) or the party (中共…)?"""
    if core.startswith(BODY_OPENERS + lexicon.national_markers) or leading_division(core) is not None:
        return True
    return core[:1] in LOCAL_PREFIXES and (len(core) == 1 or tokens(core)[0] == core[0])


def _region_opening(core: str, lexicon: Lexicon) -> int:
    """Where a government body's name opens in the words before its ending: a body is named region first, so
    words before the first place, level word or national marker ("印发|某市人民政府", "近期|某市人民政府",
    "共向|国家…总局", "首先|市…领导小组办公室") are no part of it. 0 when the core opens as a body's does, or
    holds no such opening."""
    if not core or "(" in core or ")" in core or _opens_body(core, lexicon):
        return 0
    offset = 0
    for token, tag in _tagged(core)[:-1]:  # at a word's start only: 强省, 强市 hold no level word
        offset += len(token)
        if _opens_body(core[offset:], lexicon):
            # after a common noun the place is the name's own word ("品质|某县|建设领导小组", a slogan)
            return 0 if tag in ("n", "vn") else offset
    return 0


# Endings of bodies named after their task ("某省质量和标准化工作领导小组", "全国评比达标表彰工作协调小组").
TASK_BODY_ENDINGS = ("领导小组", "协调小组", "联席会议")
MAX_TASK_NAME = 20
WHOLE_DIVISION_WORDS = ("全省", "全市", "全区", "全县")
_NOT_IN_TASKS = re.compile(r"[的了是]")


def _task_opening(text: str, start: int, end: int, suffix: str, lexicon: Lexicon) -> int:
    """Where a body named after its task opens: a task's words hold conjunctions and verbs (标准化和质量强省,
    评比达标表彰) that end other names, so the name runs back over them to the nearest word before
    ``start`` that opens a body's name (a place, a level word, 全国); ``start`` if there is none."""
    core = text[start:end]
    if not (suffix in TASK_BODY_ENDINGS or suffix == "办公室" and core.endswith(TASK_BODY_ENDINGS)) \
            or _opens_body(core, lexicon):
        return start
    run = run_start(text, start, MAX_TASK_NAME)
    offset, best = run, None
    for token, _ in _tagged(text[run:end]):
        if offset >= start:
            break
        if _opens_body(text[offset:end], lexicon) or token in WHOLE_DIVISION_WORDS:
            best = offset  # "全区评比达标表彰工作协调小组": the whole region's, as written
        elif len(token) > 1 and token[0] in lexicon.org_left_stops and _opens_body(text[offset + 1:end], lexicon):
            best = offset + 1  # "由省|…": jieba glued a stop to the level word
        offset += len(token)
    if best is None or _NOT_IN_TASKS.search(text, best, start):
        return start
    return best


# A team or unit of an organisation, named after it: "…有限公司白鹤滩灌浆智能化攻坚班组", "…医院心脏大血管外科".
# ("某烟草专卖局(公司)蓝海QC小组": the organisation's second name in brackets may come first)
# A numbered group or shift ("数控一组", "甲班"), and a department named by its work ("质量管理部", "检验科").
_NUMBERED_TEAM = r"[一二三四五六七八九十甲乙丙丁]+[组班]"
_DEPARTMENT = r"(?:管理|技术|质量|品质|护理|生产|研发|质检|检验|检测)(?:部|科|处|室)(?![门学技研院所委员级署分件])"
# A team inside the unit ("…车间精益班组", "…车间甲班", "…管理科运输班").
_TEAM_IN_UNIT = rf"(?:(?:(?!等)[\u4e00-\u9fff〇A-Za-z“”\"]){{0,8}}?(?:QC小组|质量管理小组|小组|班组|工作室|{_NUMBERED_TEAM}|班))?"
UNIT_AFTER = re.compile(r"(?!等|\d+\s*个|[一二三四五六七八九十两]+个)(?:\([\u4e00-\u9fff]{1,6}\))?"
                        r"[\u4e00-\u9fff〇A-Za-z0-9“”\"]{0,16}?(?:QC小组|质量管理小组|小组|班组|团队|项目组|项目部|工作室|"
                        rf"实验室|研究室|外科|内科|检验所|创新团队|{_NUMBERED_TEAM}|(?:车间|{_DEPARTMENT}){_TEAM_IN_UNIT})"
                        r"(?![\u4e00-\u9fff]{0,2}(?:长|成员|负责人|主任))")


TEAM_ENDINGS = ("QC小组", "质量管理小组", "班组", "团队", "项目组", "工作室", "创新团队")
# Words no unit's name holds between its organisation and its ending: verbs, particles, roles' words.
NOT_IN_UNITS = re.compile(r"[对的在]|\d+个|聘请|召开|举办|联合|共同|推荐|评为|荣获|获得|副?总工程师|经理|主任|书记|年度")
# "…股份有限公司西南油气田分公司天然气研究院", "…地质局第一地质大队", "…有限公司无锡柴油机厂": a branch
# named after its organisation, before a list's or a clause's end or the role of a person who leads it.
BRANCH_AFTER = re.compile(r"(?:[\u4e00-\u9fff〇A-Za-z0-9]{1,12}?(?:分公司|分厂|分院|分行|支行|分局|分所|总厂|事业部|营业部))?"
                          r"[\u4e00-\u9fff〇A-Za-z0-9]{0,12}?(?:分公司|分厂|分院|分行|支行|分局|分所|研究院|研究所|设计院|设计部|"
                          r"大队|支队|总厂|事业部|营业部|厂)"
                          r"(?=[、，,。；;：:\s“\"]|等|荣获|获|被|$|党委|副?厂长|副?总经理|董事长|副?经理|主任|副?院长|副?所长)")
JOINED = re.compile(r"^[和与及、]")
LEGAL_FORM = re.compile(r"有限|股份")  # what an independent firm's name holds
# The kinds of branch that stay a firm's (a branch of an enterprise is an enterprise)
FIRM_BRANCHES = ("分公司", "分厂", "总厂", "事业部", "营业部", "研究院", "研究所", "设计院", "设计部", "厂")


def units_of(text: str, organizations: list[Mention]) -> list[Mention]:
    """Teams, units and branches named with their organisation: recipients of their own (a unit stays an
    Organization, a firm's branch an Enterprise; the organisation it belongs to is still named)."""
    units = []
    firm_at = {m.start: m for m in organizations if m.type == "Enterprise"}
    for mention in organizations:
        if mention.attrs.get("unit_of"):
            continue
        subsidiary = firm_at.get(mention.end) if mention.type == "Enterprise" else None
        if subsidiary is not None and (leading_division(text[subsidiary.start:subsidiary.end]) is not None
                                       or not LEGAL_FORM.search(subsidiary.name)):
            # "国网某省电力有限公司某市供电公司", "某有限公司金结公司", "某股份有限公司北元分厂": a firm named right after
            # its parent, opening with its place or without a legal form of its own: a unit of the parent
            unit = Mention("Enterprise", mention.name + text[mention.end:subsidiary.end], mention.start,
                           subsidiary.end, {"surface": text[mention.start:subsidiary.end], "unit_of": mention.name})
            units.append(unit)
            team = UNIT_AFTER.match(text, subsidiary.end)
            if team is not None and team.group().endswith(TEAM_ENDINGS) and not NOT_IN_UNITS.search(team.group()):
                # "…有限公司某公司精英QC小组": the subsidiary's team
                name = unit.name + team.group().replace("“", "").replace("”", "").replace('"', "")
                units.append(Mention("Organization", name, mention.start, team.end(),
                                     {"surface": text[mention.start:team.end()], "unit_of": unit.name}))
            continue
        owned = UNIT_AFTER.match(text, mention.end + 1) if text[mention.end:mention.end + 1] == "的" else None
        if owned is not None and owned.group().endswith(TEAM_ENDINGS) and not NOT_IN_UNITS.search(owned.group()):
            # "某公司的削铁如泥QC小组": a team with a name of its own, the organisation's
            name = owned.group().replace("“", "").replace("”", "").replace('"', "")
            units.append(Mention("Organization", name, owned.start(), owned.end(),
                                 {"surface": owned.group(), "unit_of": mention.name}))
            continue
        kind = "Organization"
        match = UNIT_AFTER.match(text, mention.end)
        if match is not None and NOT_IN_UNITS.search(text, mention.end, match.end()):
            match = None  # "…监督局聘请省内知名质量管理小组", "…公司副总工程师张三对各自QC小组": no unit's name
        if match is None or match.end() == mention.end:
            match = BRANCH_AFTER.match(text, mention.end)
            if match is None or JOINED.search(match.group()):
                continue  # "…检测站和某市标准化研究院": two names, not a branch
            if mention.type == "Enterprise" and match.group().endswith(FIRM_BRANCHES):
                kind = "Enterprise"
        name = mention.name + text[mention.end:match.end()].replace("“", "").replace("”", "").replace('"', "")
        units.append(Mention(kind, name, mention.start, match.end(),
                             {"surface": text[mention.start:match.end()], "unit_of": mention.name}))
    return units


# "我公司季戊四醇工艺四班QC小组、…": a team named by itself (its organisation not named before it), an item of a list
TEAM_ALONE = re.compile(r"(?:QC小组|质量管理小组|质量信得过班组)(?!活动|成果|代表|发表|会议|工作|竞赛|大赛|交流)")
TEAM_OPENERS = "、，,：:；;\n。"
MAX_TEAM_NAME = 16
OWN_ORGANISATION = ("我公司", "我厂", "我司", "本公司", "公司")


def _teams_alone(text: str, found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    taken = SpanSet((m.start, m.end) for m in found)
    teams = []
    for ending in TEAM_ALONE.finditer(text):
        if taken.overlaps(ending.start(), ending.end()):
            continue
        start = ending.start()
        while start > 0 and ending.start() - start <= MAX_TEAM_NAME and text[start - 1] not in TEAM_OPENERS:
            start -= 1
        if ending.start() - start > MAX_TEAM_NAME:
            continue  # a clause, no name
        for own in OWN_ORGANISATION:  # "我公司某某QC小组": the writer's firm is no part of the team's name
            if text.startswith(own, start):
                start += len(own)
                break
        core = text[start:ending.start()].replace("“", "").replace("”", "").replace('"', "")
        if len(core) < 2 or (start > 0 and text[start - 1] not in TEAM_OPENERS and not text.endswith(OWN_ORGANISATION, 0, start)) \
                or NOT_IN_UNITS.search(core) or COUNTED_TEAM.search(core):
            continue  # ("两个QC小组", "优秀质量管理小组": a count or a kind, no team's name)
        name = core + ending.group()
        teams.append(Mention("Organization", name, start, ending.end(), {"surface": text[start:ending.end()]}))
    return teams


COUNTED_TEAM = re.compile(r"\d+个|[一二三四五六七八九十两几多]+个|优秀|先进|全国|全省|全市|各|[了着的将并]|今后|此次|本次|广大|"
                          r"要求|肯定|年|^(?:开展|推进|组织|参加|参与|成立|建立|"
                          r"加强|推广|深化|鼓励|支持|培育|发展|围绕|通过|积极|广泛|群众性|促进|提高|进一步|标志|表明|推动|带动)")


def _inside_units(found: list[Mention], units: list[Mention]) -> list[Mention]:
    """The mentions that a unit's or branch's name holds after its organisation's ("…公司|西南油气田分公司")."""
    spans = SpanSet([(u.start + 1, u.end) for u in units])
    return [m for m in found if not spans.contains(m.start, m.end)]


# "各设区市市场监督管理局", "各市、州市场监督管理局", "报送省局": bodies named by a level word, not by a place.
_LEVEL_WORD_NAME = re.compile(r"^(?:设区市|[省市州县区])")
# "各市(地)…局", "县(市、区)…局": a level word with the other levels it stands for.
_LEVELS_IN_BRACKETS = re.compile(r"^各?[省市州县区盟]\([省市州县区盟地、]{1,8}\)")
# "期满后省局": a time word, then the level word that names the body.
_LEVEL_AFTER_TIME = re.compile(r"[后前][省市县区]$")


def _addressed_by_level(text: str, start: int, core: str) -> bool:
    listed = text[start - 1:start] == "、" and text[start - 2:start - 1] in "省市州县区" and (
        text[start - 3:start - 2] == "各" or not is_cjk(text[start - 3:start - 2] or " "))  # "各市、州…"
    if core.startswith("设区市") or listed and _LEVEL_WORD_NAME.match(core) or _LEVELS_IN_BRACKETS.match(core) \
            or _LEVEL_AFTER_TIME.search(core):
        return True
    words = tokens(core)
    return len(words) == 2 and dictionary_tag(words[0]) == "v" and words[1] in ("省", "市", "县", "区")


# Verbs that found an organisation: what they found is named by its common words ("成立某产业标准联盟").
_FOUNDING = ("成立", "组建", "设立", "创办", "创建", "建成", "牵头成立")
# Suffixes of bodies of a government: named after 的 with no place, they are the document's own city's.
_OWN_BODY_SUFFIXES = ("委员会", "领导小组", "办公室")


def _named_without_place(text: str, start: int, core: str, suffix: str, places: Places, lexicon: Lexicon,
                         found: list[Mention]) -> tuple[int, str, str] | None:
    """A name of common words that is still a name: (start, name, core), or None.

    - a school or hospital whose core is not only generic words ("某某大学", "某某医院");
    - an organisation right after a founding verb ("成立…标准联盟");
    - "…的质量发展委员会": a government body of the document's own city,
      or "某局的质量发展局": a department of the body right before 的.
    """
    name = core + suffix
    if suffix in lexicon.institution_suffixes:
        words = tokens(core)
        # start after the last verb or stop word ("决定|委托|某某大学"), which name_before may have let through
        cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in lexicon.org_left_stops
                   or dictionary_tag(w) in ("v", "vn", "d")), default=0)
        start += sum(map(len, words[:cut]))
        words = words[cut:]
        core = "".join(words)
        generic = all(word in lexicon.institution_generic_words for word in words)
        if not generic and len(core) >= 2 and dictionary_tag(words[0]) not in ("v", "vn", "d"):
            return start, core + suffix, core
        return None
    if (text.endswith(_FOUNDING, 0, start) and lexicon.org_suffix_type[suffix] == "Organization" and len(core) >= 4
            and suffix not in (*_OWN_BODY_SUFFIXES, "中心")):  # a firm's own committee or centre is no organisation
        return start, name, core
    if text[start - 1:start] != "的":
        return None
    parent = next((m for m in reversed(found) if m.end == start - 1), None)
    if parent is not None and lexicon.org_suffix_type[suffix] == "GovernmentBody":
        return start, parent.name + name, parent.name + core
    if suffix in _OWN_BODY_SUFFIXES and places.main_city is not None:
        return start, places.main_city.name + name, places.main_city.name + core
    return None


# Suffixes of a department inside an organisation ("某医院质量管理办公室"): the organisation is the one named.
DEPARTMENT_SUFFIXES = ("办公室",)


def _without_departments(found: list[Mention]) -> list[Mention]:
    """Drop a department named after a firm or an institution: the firm or institution is the organisation."""
    by_start: dict[int, list[Mention]] = {}
    for mention in found:
        by_start.setdefault(mention.start, []).append(mention)
    return [m for m in found if not (m.name.endswith(DEPARTMENT_SUFFIXES) and any(
        other.end < m.end and other.type != "GovernmentBody" for other in by_start[m.start]))]


# "新增…研究中心1至3家": a count after the name makes it a kind of organisation, not one of them.
COUNTED_AFTER = re.compile(r"\s*(?:\d+|[一二三四五六七八九十两几数多]+)(?:\s*(?:至|到|-|~)\s*\d+)?\s*(?:家|个|所)")
# "X中心及Y工程获…": the name is the first half of a building project's name.
PROJECT_AFTER = re.compile(r"[及和与][\u4e00-\u9fff]{1,12}?(?:工程|项目|用房|大楼)(?![院师队局处部公])")  # not 工程院


def _kind_not_name(text: str, start: int, end: int, core: str, lexicon: Lexicon) -> bool:
    """Is what ends at ``end`` a kind of organisation or part of a project, not an organisation's name?

    A count after it ("科技企业3家") makes it a kind, unless it is the last item of a list the count closes
    ("A有限公司、B有限公司3家企业")."""
    if COUNTED_AFTER.match(text, end) and not (start > 0 and text[start - 1] in "、和及与"):
        return True
    if PROJECT_AFTER.match(text, end):
        return True
    # jieba glued a verb to the word before it ("高度肯定|中心"): the verb ends the core, nothing names it.
    stops = _default_verb_stops() if lexicon is Lexicon.default() else _verb_stops(lexicon)
    return core.endswith(stops)


def _verb_stops(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(stop for stop in lexicon.org_left_stops if len(stop) > 1 and dictionary_tag(stop) == "v")


@lru_cache(maxsize=1)
def _default_verb_stops() -> tuple[str, ...]:
    return _verb_stops(Lexicon.default())


# "X区民政局、人社局、总工会": the later bodies share the first one's region.
REGION_PREFIX = re.compile(r"^.{2,8}?(?:省|市|县|区|州|盟|旗)")
# "A、B、C等10家企业": every item of the list is a firm; "A、B等知名企业和品牌", "A、B等主流媒体",
# "A、B等4家山东企业" (a place's firms) too.
# (The lookahead names every first character a match can have: the engine skips the others at once.)
_LIST_QUALIFIERS = "(?:大型|知名|重点|骨干|龙头|优秀|主流|大)"
ENUMERATION_END = re.compile(r"(?=[等共总合\d一二三四五六七八九十两])"
                             r"(?:(?:等|共计|总计|合计|共)+\s*(?P<count>\d+|[一二三四五六七八九十两几多数]+)?"
                             r"|(?P<bare_count>\d+|[一二三四五六七八九十两]+))"
                             rf"\s*[家个所]?(?:{_LIST_QUALIFIERS}|(?P<place>[\u4e00-\u9fff]{{2,4}}?))?"
                             r"(?P<kind>企业|公司|单位|机构|组织|院校|高校|品牌|媒体)")
# What closes such a list, and what its count holds before that word besides spaces and digits
# (its matches are tried only there: tried at every character, the pattern cost more than the finder).
_LISTED_KINDS = ("企业", "公司", "单位", "机构", "组织", "院校", "高校", "品牌", "媒体")
_LIST_COUNT_CHARACTERS = frozenset("等共计总合一二三四五六七八九十两几多数家个所大型知名重点骨干龙头优秀主流")
MAX_ITEM = 14


ZONE_WORDS = ("开发区", "高新区", "经开区", "新区", "园区", "保税区", "自贸区")
# Development zones (a zone is governed by its administrative committee, 管委会): the usual short forms of
# their kinds, spelled out in the committee's name ("某某高新区管委会" is 某某高新技术产业开发区管委会).
ZONE_SHORT_FORMS = (("高新区", "高新技术产业开发区"), ("经开区", "经济技术开发区"))
ZONE_COMMITTEE = "管委会"
# A zone's kind, named alone after its city ("某某经开区2家企业…"): the zone stands for its committee.
# (Not 新区: a 新区 is a district, a place, unless its committee is named.)
_ZONE_ALONE = re.compile(r"(?:经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|工业园区)"
                         r"(?!管委会|管理委员会)")


def _zone_full(name: str) -> str:
    """A zone's name with its kind's short form spelled out (某某高新区 -> 某某高新技术产业开发区)."""
    for short, full in ZONE_SHORT_FORMS:
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def _zone_committee(text: str, start: int, end: int, places: Places) -> Mention:
    """The committee of the zone written text[start:end]; a zone named without its city (a bare kind, "某某新区")
    gets the document's city's short name, as written its alias."""
    written = text[start:end]
    full = _zone_full(written.removesuffix(ZONE_COMMITTEE))
    if places.main_city is not None and leading_division(full) is None and full[:1] not in LOCAL_PREFIXES:
        full = places.main_city.short + full  # "…、经济技术开发区、…", "某某新区管委会": the city's own zone
    name = full + ZONE_COMMITTEE
    return Mention("GovernmentBody", name, start, end, {"surface": written, "aliases": [written] if written != name else []})


def _development_zones(text: str, found: list[Mention], places: Places, lexicon: Lexicon) -> list[Mention]:
    """Development zones' administrative committees: a committee's name with its zone's kind spelled out; the
    zones listed before one ("A经济开发区、B高新区管委会") share its ending; a zone named alone after its
    city ("某某经开区") stands for its committee, the zone's name an alias (devset/README.md)."""
    result = []
    for mention in found:
        if not mention.name.endswith(ZONE_COMMITTEE):
            result.append(mention)
            continue
        name = _zone_committee(mention.name, 0, len(mention.name), places).name
        if name != mention.name:
            surface = mention.attrs.get("surface", mention.name)
            aliases = [*mention.attrs.get("aliases", ()), *([surface] if surface != name else [])]
            mention = Mention(mention.type, name, mention.start, mention.end, {**mention.attrs, "aliases": aliases})
        result.append(mention)
        end = mention.start
        while text[end - 1:end] == "、":  # "A开发区、B高新区管委会": the items before share the committee
            start = name_before(text, end - 1, lexicon, limit=16)
            if start >= end - 1 or not text[start:end - 1].endswith(ZONE_WORDS):
                break
            result.append(_zone_committee(text, start, end - 1, places))
            end = start
    zones = []
    for match in _ZONE_ALONE.finditer(text):
        start = name_before(text, match.start(), lexicon, limit=10)
        if start < match.start() and leading_division(text[start:match.start()]) is not None:
            zone = _zone_committee(text, start, match.end(), places)  # not "各高新区"
            zone.attrs["not_recipient"] = True  # "某某经开区3家企业获…": the zone holds the recipients
            zones.append(zone)
    if zones:
        # a name found inside a zone's ("某某工业园|区") is the zone's; one around it keeps its own
        inside = SpanSet((z.start, z.end) for z in zones)
        result = [m for m in result if not inside.contains(m.start, m.end)]
        occupied = SpanSet((m.start, m.end) for m in result)
        result += [z for z in zones if not occupied.overlaps(z.start, z.end)]
    return result


def _is_region(prefix: str) -> bool:
    """A prefix that is a place's name ("某区", "某省某市"), not a name's part that ends in 州 ("中粮油脂(钦州")."""
    if "(" in prefix or ")" in prefix:
        return False
    if division_named(prefix) is not None:
        return True
    leading = leading_division(prefix)
    if leading is None:
        return False
    rest = prefix[leading[1]:]  # "南通|开发区", "海门|区", "江苏省|常州市"
    return rest in ("", "省", "市", "县", "区", "州", "盟", "旗") or rest.endswith(ZONE_WORDS) \
        or division_named(rest) is not None


def _share_prefixes(text: str, found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    starting = {m.start: m for m in found}
    result = list(found)
    dropped: set[int] = set()  # the items' own mentions, replaced by the names sharing the region
    for mention in found:
        region = REGION_PREFIX.match(mention.attrs["surface"])
        if not region or region.group() == mention.attrs["surface"] or not _is_region(region.group()):
            continue
        position = mention.attrs.get("former_end", mention.end)
        while position < len(text) and text[position] == "、":
            item = _suffix_pattern().match(text, position + 1) or _item_with_suffix(text, position + 1)
            if item is None:
                break
            own = starting.get(position + 1)
            surface = text[position + 1:item.end()]
            if own is not None and REGION_PREFIX.match(own.attrs["surface"]) and own.end >= item.end():
                break  # it names its own region ("中共某省委办公厅、某省人民政府办公厅")
            if surface.endswith(lexicon.legal_suffixes):
                break  # a registered name is written in full: "某县A有限公司、B有限公司" shares nothing
            if leading_division(surface) is not None:
                break  # "四川德阳市A公司、四川B集团…": the item names its own region
            if surface in BARE_CITY_GOVERNMENTS:
                break  # "某区委、区政府": the district's government is the district itself
            if own is not None:
                dropped.add(id(own))
            name = region.group() + surface
            entity_type = lexicon.org_suffix_type[item.group() if item.re is _suffix_pattern() else item.group(1)]
            result.append(Mention(entity_type, name, position + 1, item.end(), {"surface": surface}))
            position = item.end()
    return [m for m in result if id(m) not in dropped]


def _item_with_suffix(text: str, start: int):
    """A short list item ending in an organisation suffix (人社局)."""
    end = start
    while end < len(text) and end - start < MAX_ITEM and is_cjk(text[end]):
        end += 1
    pattern = re.compile(f"[\u4e00-\u9fff]{{0,{MAX_ITEM}}}?({_suffix_pattern().pattern})")
    return pattern.match(text, start, end)


# Tags of common words: an item made only of them is a kind of thing ("企业单位"), not a brand.
COMMON_WORD_TAGS = frozenset({"n", "v", "vn", "a", "ad", "an", "d", "m", "q", "r", "p", "c", "u", "f", "s"})


def _brand_item(item: str, lexicon: Lexicon) -> bool:
    """A list item that reads as a firm's short name: a proper word, not a place or common words alone."""
    return 2 <= len(item) <= 8 and division_named(item) is None and item not in lexicon.org_left_stops \
        and looks_proper(item, "公司", lexicon) and not all(dictionary_tag(t) in COMMON_WORD_TAGS for t in tokens(item))


def brand_name(words: str, lexicon: Lexicon) -> bool:
    """Words that read as a firm's short name alone: a brand, no place, pronoun or common words only."""
    return words[0] not in PRONOUNS and _brand_item(words, lexicon) and not generic_item(words, lexicon) \
        and not any(dictionary_tag(t) in CLAUSE_WORD_TAGS for t in tokens(words))


# Tags of words that make a clause, not a name: verbs, time words, adverbs, prepositions, conjunctions
CLAUSE_WORD_TAGS = frozenset({"v", "t", "d", "p", "c", "r", "u", "f"})


def generic_item(item: str, lexicon: Lexicon) -> bool:
    """A list item that is a place, a stop word or common words only ("各市", "企业单位")."""
    return len(item) < 2 or division_named(item) is not None or item in lexicon.org_left_stops \
        or all(dictionary_tag(t) in COMMON_WORD_TAGS for t in tokens(item))


def _list_end_starts(text: str) -> list[int]:
    """Where a list's closing count can start: before a kind word, or before a place's name of 2 to 4
    characters that stands before it ("等4家山东企业")."""
    return starts_of_counts(text, _LISTED_KINDS, _LIST_COUNT_CHARACTERS, skips=(0, 2, 3, 4))


def _mostly_brands(items: list[str], lexicon: Lexicon) -> bool:
    """Items listed before 等 that read as short names: at least as many brands as common words ("鞍钢" is a noun
    to jieba too), and no place, stop word or single character among them."""
    if any(len(item) < 2 or division_named(item) is not None or item in lexicon.org_left_stops for item in items):
        return False
    brands = sum(_brand_item(item, lexicon) for item in items)
    return brands > 0 and brands >= sum(generic_item(item, lexicon) for item in items)


def _enumerated(text: str, found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Items of "A、B、C等N家企业" lists that hold at least one organisation already found."""
    spans = {(m.start, m.end) for m in found}
    occupied = SpanSet(spans)
    extra = []
    for match in matches_from(ENUMERATION_END, text, _list_end_starts(text)):
        if match.group("place") and division_named(match.group("place")) is None:
            continue
        items = _items_before(text, match.start())
        if match.group("bare_count") is not None and small_number(match.group("bare_count")) != len(items):
            continue  # "A、B 10个企业" with no 等: the count must be the list's own
        counted = small_number(match.group("count") or match.group("bare_count")) == len(items)
        # a list of short names ("授予海尔、海信、青岛港10个企业"): its count says every item is one;
        # "雪天盐业、华锐精密等7家组织": names that are brands (no common words only, no places) before 等
        if not items:
            continue
        first_start = items[-1][0]
        brands = match.group(0).startswith(("等", "共")) and _mostly_brands([text[s:e] for s, e in items], lexicon) \
            and text[first_start - 1:first_start] not in ("”", ")", "\"")  # the end of a longer name
        if not (brands or len(items) >= 2 and (counted or any(item in spans for item in items))):
            continue
        first_start, first_end = items[-1]
        items[-1] = (name_before(text, first_end, lexicon, limit=MAX_ITEM), first_end)
        entity_type = "Enterprise" if match.group("kind") in ("企业", "公司", "品牌") else "Organization"
        for start, end in items:
            if end - start >= 2 and not occupied.overlaps(start, end):  # nothing found there
                extra.append(Mention(entity_type, text[start:end], start, end, {"surface": text[start:end]}))
    for match in DESCRIBED_LIST_END.finditer(text):
        # "烽火科技、长飞光纤、武汉人福等具有市场竞争优势的企业": short names closed by a described kind
        items = _items_before(text, match.start())
        if len(items) < 2:
            continue
        items[-1] = (name_before(text, items[-1][1], lexicon, limit=MAX_ITEM), items[-1][1])
        names = [text[s:e] for s, e in items]
        if not _mostly_brands(names, lexicon) or text[items[-1][0] - 1:items[-1][0]] in ("”", ")", "\"") \
                or any(person_name_at(text, s, lexicon) == e for s, e in items):
            continue  # (a list of people is none of firms)
        for start, end in items:
            if not occupied.overlaps(start, end):
                extra.append(Mention("Enterprise", text[start:end], start, end, {"surface": text[start:end]}))
    return extra


# "A、B、C等具有竞争优势的企业": a list closed by 等 and a kind of firm that words describe
DESCRIBED_LIST_END = re.compile(r"等(?=[^，,。；;、：:“”\n]{2,14}?的(?:企业|公司|品牌))")


def _items_before(text: str, end: int) -> list[tuple[int, int]]:
    """The items of a 、 list that ends at ``end``, last first (runs of name characters)."""
    items = []
    while True:
        start = end
        while start > 0 and end - start < MAX_ITEM and _name_char(text[start - 1]):
            start -= 1
        if start == end:
            break
        items.append((start, end))
        if start == 0 or text[start - 1] != "、":
            break
        end = start - 1
    return items


# "有5家企业获奖。…分别为A、B、C、D、E。": a list after 分别为 whose count the text gave just before
LISTED_AFTER = re.compile(r"(?:分别|依次)(?:为|是)\s*[:：]?\s*")
LISTED_COUNT = re.compile(r"(?P<count>\d+|[一二三四五六七八九十两]+)\s*(?P<unit>家|个|所)(?P<kind>[\u4e00-\u9fff]{0,4})")
_COUNT_REACH = 80  # characters back from 分别为 to the count, over at most one sentence break
_LIST_ITEM = re.compile(r"[^、，,。；;：:！!？?\n]{2,24}")
_ORGANISATION_KINDS = ("企业", "公司", "单位", "机构", "组织", "集团", "医院", "学校", "院校", "高校")


def _counted_then_listed(text: str, found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The items of a list after 分别为/分别是 whose number is the count of organisations the text
    stated just before (有5家企业获奖…，分别为A、B、C、D、E): each is one's name, a short one perhaps."""
    occupied = SpanSet((m.start, m.end) for m in found)
    extra = []
    for cue in LISTED_AFTER.finditer(text):
        items, position = [], cue.end()
        while True:
            item = _LIST_ITEM.match(text, position)
            if item is None:
                break
            items.append((item.start(), item.end()))
            position = item.end()
            if text[position:position + 1] != "、":
                break
            position += 1
        if len(items) < 2 or text[position:position + 1] not in ("。", "；", ";", "\n", ""):
            continue
        window = text[max(0, cue.start() - _COUNT_REACH):cue.start()]
        if sum(window.count(stop) for stop in "。；;\n") > 1:
            window = window[max(window.rfind(stop) for stop in "。；;\n") + 1:]  # no further than one sentence back
        counts = [c for c in LISTED_COUNT.finditer(window)
                  if c.group("unit") == "家" or c.group("kind").startswith(_ORGANISATION_KINDS)]
        if not counts or small_number(counts[-1].group("count")) != len(items):
            continue
        names = [text[start:end].strip() for start, end in items]
        if any(generic_item(name, lexicon) or division_named(name) is not None for name in names):
            continue  # "分别为汽车、齿轮": kinds of things, not names
        kind = counts[-1].group("kind")
        entity_type = "Enterprise" if kind.startswith(("企业", "公司", "集团")) or not kind else "Organization"
        for (start, end), name in zip(items, names):
            if not occupied.overlaps(start, end):
                start += len(text[start:end]) - len(text[start:end].lstrip())
                extra.append(Mention(entity_type, name, start, start + len(name), {"surface": name}))
    return extra


# "某市市长质量奖专家评审组", "质量之光公众评选活动组委会": the bodies that judge an award or run its event,
# named after it (words of judging between the name and the body's kind)
AWARD_BODY = re.compile(r"(?<=[奖动])(?:公众)?(?:专家)?(?:评审|评选|表彰|评定|审定)*(?:工作)?"
                        r"(?:专家评审组|专家组|评审组|评审委员会|评选委员会|表彰委员会|委员会|组委会|组织委员会|办公室)")


def _award_bodies(text: str, lexicon: Lexicon) -> list[Mention]:
    found = []
    for match in matches_from(AWARD_BODY, text, _award_body_starts(text)):
        named_end = match.start()
        if not text.endswith(("奖", "活动"), 0, named_end):
            continue
        start = name_before(text, named_end, lexicon, limit=20)
        if named_end - start < 3:
            continue
        name = text[start:match.end()]
        found.append(Mention("Organization", name, start, match.end(), {"surface": name, "judges_award": True}))
    return found


def _after_bodies(text: str, found: list[Mention], bodies: list[Mention]) -> list[Mention]:
    """Names that ran back over an award's body ("…奖评审工作委员会对某公司"): cut after the body and the
    preposition after it; the body is one name, the firm another."""
    if not bodies:
        return found
    spans = SpanSet((b.start, b.end) for b in bodies)
    result = []
    for mention in found:
        inside = [b for b in bodies if mention.start <= b.start and b.end < mention.end]
        if not inside:
            result.append(mention)
            continue
        start = inside[-1].end
        while start < mention.end and text[start] in "对向为给和与及 ":
            start += 1
        if mention.end - start >= 4 and not spans.overlaps(start, mention.end):
            name = text[start:mention.end]
            result.append(Mention(mention.type, name, start, mention.end, {"surface": name}))
    return result


def _award_body_starts(text: str) -> list[int]:
    """Right after each 奖 and 活动: where an award body's judging words start."""
    starts = [m.end() for m in re.finditer("奖|活动", text)]
    return starts
