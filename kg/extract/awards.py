"""Awards named in a text, with the region spelled out and the conferring government.

"2021年绍兴市市长质量奖" is the award 绍兴市市长质量奖 conferred by 绍兴市;
"市长质量奖" alone is the document's own city's; "第四届中国质量奖提名奖" is the
award 中国质量奖提名奖, a nomination prize for 中国质量奖.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention, drop_nested, is_cjk
from kg.extract.organizations import looks_proper, name_before
from kg.extract.places import Places, division_named, leading_division
from kg.extract.tokenizer import dictionary_tag, tokens
from kg.gazetteer import Gazetteer
from kg.namespace import AWARD_LEVEL_OF_DIVISION

QUOTES = "“”\"'‘’「」『』"
# Words after 奖 that make it another word (奖励, 奖金, 奖项 …).
NOT_AWARD_AFTER = "励金项状补品杯牌券章惩"
ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+届|首届|首批|\d{4}年度|\d{4}年|\d{4}|年度)+")
# Inside a name: a year goes ("质量之光2016年度…" -> "质量之光年度…"), so does a batch ("全国首批…").
YEAR_INSIDE = re.compile(r"\d{4}(?=年度)|\d{4}年(?!度)")
BATCH_INSIDE = re.compile(r"首批|第[一二三四五六七八九十\d]+批")
# An edition after the region ("黄石市第八届市长质量奖"): the edition is the conferral's period, not the name's.
EDITION_INSIDE = re.compile(r"第[一二三四五六七八九十百零〇\d]+届|首届")
_MAX_AWARD = 20  # characters an award's name may run to
_MAX_QUOTED_AWARD = 36  # a name in quotes ("2013年度某省企业质量信用等级AAA级企业")
# "第六届天府质量奖": an award held in editions has a proper name, even one of common words.
EDITION_BEFORE = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+届|首届)$")


# Prizes of a government's award for a kind of recipient ("某市市长质量奖组织奖"), awards of their own.
KIND_PRIZES = ("组织奖", "个人奖")


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern:
    lexicon = Lexicon.default()
    tiers = alternation([*lexicon.award_tiers, *KIND_PRIZES])
    # "“第六届某市市长质量管理奖”组织奖": a tier may follow the quote that closes its award
    return re.compile(f"(?:{alternation(lexicon.award_head_forms)})(?:[”\"]?(?P<tier>{tiers}))?")


@lru_cache(maxsize=1)
def _tier_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().award_tiers))


def describe_award(name: str, places: Places, lexicon: Lexicon | None = None) -> dict:
    """Canonical name, conferrer, level and main award of an award's name as written (a new dict per call)."""
    lexicon = lexicon or Lexicon.default()
    if lexicon is Lexicon.default():
        return dict(_describe_default(name))
    return _describe(name, lexicon)


@lru_cache(maxsize=16384)
def _describe_default(name: str) -> dict:
    return _describe(name, Lexicon.default())  # cached: the same awards are named again and again


def _describe(name: str, lexicon: Lexicon) -> dict:
    name = "".join(c for c in name if c not in QUOTES and not c.isspace())
    name = ORDINAL.sub("", name)
    name = EDITION_INSIDE.sub("", BATCH_INSIDE.sub("", YEAR_INSIDE.sub("", name)))
    name = name[_proper_start(name, lexicon):]
    other = OTHER_NAME_IN_BRACKETS.search(name)
    if other is not None and len(name) - len(other.group()) >= 4 and (
            other.group("other").startswith(lexicon.national_markers)
            or leading_division(other.group("other")) is not None):
        # "中国杰出质量人(全国质量奖个人奖)": the honour, then its other name; the bracket's tier stays
        # part of a name that holds none ("某省政府质量奖（个人）", "某市市长质量奖（经济类金奖）")
        described = _describe(name[:other.start()], lexicon)
        described["aliases"] = [*described.get("aliases", ()), name]
        return described
    spelled = _head_spelled_out(name, lexicon)
    attrs: dict = {"name": spelled, "aliases": [name]} if spelled != name else {"name": name}
    name = spelled
    leading = leading_division(name, reserve=2)
    if leading is not None and name[leading[1]:].startswith("长质量") and leading[0].name[-1] in "市省县区" \
            and name[leading[1] - 1] == leading[0].name[-1]:
        # "济宁市长质量贡献奖": the city's 市 is the head's first character too (济宁市|市长…)
        attrs = {"name": name, "aliases": [*attrs.get("aliases", ()), name]} if "aliases" in attrs else \
            {"name": name, "aliases": [name]}
        name = name[:leading[1]] + name[leading[1] - 1:]
        attrs["name"] = name
        leading = leading_division(name, reserve=2)
    if leading is not None:
        division, length = leading
        full = division.name
        if name[:length] == division.short and not name[length:].startswith(full[len(division.short):]):
            attrs["aliases"] = [*attrs.get("aliases", ()), name]  # as written ("四川工匠"), an alias
            name = full + name[length:]
        attrs.update(name=name, conferrer=full, level=AWARD_LEVEL_OF_DIVISION[division.level],
                     conferrer_division=division)
    elif name.startswith(lexicon.national_markers):
        attrs["level"] = "national"
    elif lexicon.region_nicknames and name.startswith(lexicon.region_nicknames):
        attrs["level"] = "provincial"  # "巴渝工匠": a province's honour, named by its nickname
    name = attrs["name"]
    tier = next((t for t in lexicon.award_tiers if name.endswith(t) and len(name) > len(t) + 1), None)
    if tier == "提名奖":
        attrs["nomination_for"] = name[: -len(tier)]
    return attrs


def _head_spelled_out(name: str, lexicon: Lexicon) -> str:
    """"会宁县长质量奖" is 会宁 and 县长质量奖: the county's own award, named 会宁县县长质量奖."""
    for head in lexicon.award_head_forms:
        if head[1:2] != "长":
            continue  # only a leader's title shares its first character with the place (会宁县|县长)
        at = name.find(head, 2)
        if at < 0:
            continue
        division = next((d for d in Gazetteer.default().candidates(name[:at])
                         if d.short == name[:at] and d.name == d.short + head[0]), None)
        return division.name + name[at:] if division is not None else name
    return name


def _proper_start(name: str, lexicon: Lexicon) -> int:
    """Where a place or a national marker opens an award's name ("教育系统中国质量奖" -> 2); 0 if none does."""
    for position in range(len(name) - 3):
        if name.startswith(lexicon.national_markers, position):
            return position
        if any(division_named(name[position:position + n]) for n in (3, 2)):
            return position
    return 0


def _after_firm(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """An award's name holds no firm's name: it starts after the last firm's ending before it
    ("…电子有限公司宜昌市市长质量奖" -> "宜昌市市长质量奖", the firm being its recipient)."""
    window = text[start:end]
    firm_endings = _default_firm_endings() if lexicon is Lexicon.default() else _firm_endings(lexicon)
    cut = max((window.rfind(s) + len(s) for s in firm_endings if s in window), default=0)
    return start + cut


def _firm_endings(lexicon: Lexicon) -> list[str]:
    return [s for s, kind in lexicon.org_suffix_type.items() if kind == "Enterprise"] + list(lexicon.legal_suffixes)


@lru_cache(maxsize=1)
def _default_firm_endings() -> list[str]:
    return _firm_endings(Lexicon.default())  # once, not for every award's name


# An award's other name in brackets at its end, itself an award of a place or the nation.
OTHER_NAME_IN_BRACKETS = re.compile(r"[(（](?P<other>[^()（）]{4,20}奖)[)）]$")

# Between a region and its award's head an edition or a year may stand ("黄石市第八届市长质量奖").
DESIGNATION_BETWEEN = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+届|首届|(?:19|20)\d{2}年度?)$")


def _region_before(text: str, start: int, places: Places) -> Mention | None:
    between = DESIGNATION_BETWEEN.search(text, max(0, start - 8), start)
    if between is not None:
        start = between.start()
    ending_at = places.ending_at()
    for position in (start, start - 1):
        for place in ending_at.get(position, ()):
            if position == start or text[position] in QUOTES:
                return place
    # "会宁县长质量奖": the place's name as matched takes the head's first character
    for place in ending_at.get(start + 1, ()):
        if place.start < start and place.name.endswith(text[start]):
            return place
    return None


PROVINCIAL_HEADS = ("省", "主席", "自治区")
LEVEL_WORDS = ("自治区", "全省", "全市", "省", "市", "县", "区")


def _own_division(head: str, places: Places, issuer):
    """The division whose award a head without a region names: a county's or a district's (县长, 区长) the
    one of that level the text names most; else the issuer's when it is of the head's level."""
    provincial = head.startswith(PROVINCIAL_HEADS)
    if head.startswith(("县长", "区长")) and (issuer is None or issuer.level != "county"):
        # "上蔡县…县长质量奖" in a 驻马店 site's news: the county the text names most, not the city
        counties = Counter(m.attrs["division"] for m in places.mentions
                           if m.attrs["division"].level == "county" and m.attrs["division"].name.endswith(head[0]))
        if counties:
            return counties.most_common(1)[0][0]
    if issuer is not None and (issuer.level == "province") == provincial:
        return issuer
    return places.main_province if provincial else places.main_city


def _bare_head(match: re.Match) -> str:
    """A head's words without its tier and quotes ("市长质量奖" of "市长质量奖”组织奖")."""
    end = match.start("tier") if match.group("tier") else match.end()
    return match.string[match.start():end].replace("”", "").replace('"', "")


def _head_awards(text: str, places: Places, lexicon: Lexicon, issuer=None) -> list[Mention]:
    found = []
    matches = [(m, _region_before(text, m.start(), places)) for m in _head_pattern().finditer(text)]
    # "市长质量奖" where the text also writes "瓦房店市市长质量奖": the region the text gives the head
    written_regions: dict[str, set] = {}
    for match, region in matches:
        if region is not None:
            written_regions.setdefault(_bare_head(match), set()).add(region.attrs["division"])
    for match, region in matches:
        head = match.group().replace("”", "").replace('"', "")
        if region is not None:
            attrs = describe_award(text[region.start:match.end()], places, lexicon)
            found.append(Mention("Award", attrs["name"], region.start, match.end(), attrs))
            continue
        # No region: the one the text writes with the same head elsewhere, else the issuing government's,
        # else the document's own city (市长, 区长, 县长) or province (省长, 自治区主席) confers it.
        written = written_regions.get(_bare_head(match), set())
        division = next(iter(written)) if len(written) == 1 else _own_division(head, places, issuer)
        if division is None:
            continue
        prefix_start = name_before(text, match.start(), lexicon, limit=10)
        prefix = text[prefix_start:match.start()]
        level_word = prefix in LEVEL_WORDS  # "自治区主席质量奖": the level, not a name
        # "卓越绩效市长奖"; not a scraped page's junk in place of the city ("365bet…网站市长质量奖")
        named = len(prefix) >= 2 and not level_word and all(map(is_cjk, prefix)) and not SCRAPED_JUNK.search(prefix) \
            and looks_proper(prefix, "奖", lexicon) and not _holds_a_verb(prefix) and not CLAUSE_BEFORE_HEAD.search(prefix)
        if named:
            name = prefix + head
        elif head.startswith("主席") or head[1:].startswith("政府") and division.name.endswith(head[0]):
            name = division.name + (head[1:] if head[1:].startswith("政府") else head)  # 泉州市政府质量奖
        else:
            name = division.name + head
        attrs = {"name": name, "conferrer": division.name, "level": AWARD_LEVEL_OF_DIVISION[division.level]}
        tier = match.group("tier")
        if tier == "提名奖":
            attrs["nomination_for"] = name[: -len(tier)]
        found.append(Mention("Award", name, prefix_start if named or level_word else match.start(), match.end(),
                             attrs))
    return found


# A government or party committee, or a verb of attention or application, before a head: the clause's words
# ("邵阳市市委市政府高度重视省长质量奖评审"), no part of the award's name
CLAUSE_BEFORE_HEAD = re.compile(r"政府|党委|[省市县区]委|重视|关注|支持|推荐|申报|评审|组织|获得|荣获|高度")
# The same inside what runs back from any award's 奖 (a government may name its own award: 某省人民政府质量奖)
CLAUSE_IN_NAME = re.compile(r"党委|[省市县区]委(?!员)|重视|关注|推荐|申报|获得|荣获|高度")


# Verbs of holding an event: a clause before an award's head, never part of its name ("某县召开县长质量奖颁奖大会";
# other verbs are: 质量管理创新奖, 质量振兴奖)
EVENT_VERBS = frozenset({"召开", "举办", "举行", "开展", "启动", "出席", "参加", "宣布", "公布", "发布", "印发"})


def _holds_a_verb(words: str) -> bool:
    return any(token in EVENT_VERBS for token in tokens(words))


# What a scraped page puts in place of a region: Latin letters, a site's name ("365bet…网站市长质量奖").
SCRAPED_JUNK = re.compile(r"[A-Za-z]|网站$")


def _other_awards(text: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    found = []
    position = text.find("奖")
    while position >= 0:
        after = text[position + 1:position + 2]
        if after and after in NOT_AWARD_AFTER:
            position = text.find("奖", position + 1)
            continue
        if text[position - 1:position + 1] in lexicon.award_false_endings:
            position = text.find("奖", position + 1)
            continue  # 获奖, 颁奖: no award named
        end = position + 1
        tier = _tier_pattern().match(text, end)
        if tier:
            end = tier.end()
        quoted_open = text.rfind("“", max(0, position - _MAX_AWARD), position)
        if quoted_open >= 0 and "”" not in text[quoted_open:position] and text[end:end + 1] == "”":
            start, proper = quoted_open + 1, True
        else:
            start = _after_firm(text, name_before(text, position, lexicon, limit=_MAX_AWARD), position, lexicon)
            core = text[start:position]
            proper = len(core) >= 2 and (looks_proper(ORDINAL.sub("", core) or core, "奖", lexicon)
                                         or EDITION_BEFORE.search(text, max(0, start - 8), start) is not None) \
                and not SCRAPED_JUNK.search(core) and not _holds_a_verb(core) \
                and not CLAUSE_IN_NAME.search(core)  # ("365bet…市长质量奖", "某县召开…", "市委市政府高度重视…")
        if proper:
            region = _region_before(text, start, places)  # "湖北省第八届|长江质量奖": the region before an edition
            if region is not None and region.start < start:
                start = region.start
        raw = text[start:end]
        bare_at = end - len(ORDINAL.sub("", raw))  # "2023年度县长质量奖": the head of an award without its region
        if raw.endswith(lexicon.award_false_endings) or text[bare_at:bare_at + 1] in "市省县区" and _region_before(
                text, bare_at + 1, places) is None:
            proper = False
        if proper and len(ORDINAL.sub("", raw)) > 2:
            attrs = describe_award(raw, places, lexicon)
            found.append(Mention("Award", attrs["name"], start, end, attrs))
        position = text.find("奖", end)
    return found


@lru_cache(maxsize=1)
def _honour_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().honour_suffixes))


_MAX_HONOUR = 12  # characters between an honour's region and its ending


def _honours(text: str, places: Places, lexicon: Lexicon) -> list[Mention]:
    """Honours that name their region: 中国…名牌产品, 福建…著名商标, 国家级…示范市, 省名牌产品 (the own province's)."""
    found = []
    place_starts = {p.start: p for p in places.mentions}
    for match in _honour_pattern().finditer(text):
        floor = name_before(text, match.start(), lexicon, limit=_MAX_HONOUR)
        floor = _before_inner_quote(text, floor, lexicon)
        end = _honour_end(text, match)
        quoted = _quoted_start(text, match.start(), end)
        own = False
        for position in range(floor, match.start()):
            own = text[position] in "省市" and position == floor
            if position in place_starts or text.startswith(lexicon.national_markers, position) or own \
                    or lexicon.region_nicknames and text.startswith(lexicon.region_nicknames, position):
                break
        else:
            if quoted is None:
                continue
            position, own = quoted, False  # "“石狮名匠”": a name in quotes is a proper name, a region or not
        surface = text[position:end]
        if _counted(text[position:match.start()]):
            continue  # "许多质量标杆", "一批示范企业": a count of holders, not an honour's name
        if own:
            division = places.main_province if surface[0] == "省" else places.main_city
            if division is None or len(surface) < 3:
                continue
            written = division.name + surface[1:]
        else:
            written = surface
        joined = _two_honours(surface, lexicon) if written == surface else None
        if joined is not None:
            # "海南省优秀企业和金融贷款诚信企业": two honours sharing the region written before the first
            (first, first_end), (second, second_start) = joined
            for part, part_start, part_end in ((first, position, position + first_end),
                                               (second, position + second_start, end)):
                attrs = describe_award(part, places, lexicon)
                if part != attrs["name"] or part != text[part_start:part_end]:
                    attrs["aliases"] = [text[part_start:part_end]]
                found.append(Mention("Award", attrs["name"], part_start, part_end, attrs))
            continue
        attrs = describe_award(written, places, lexicon)
        attrs["aliases"] = [surface] if surface != attrs["name"] else []
        found.append(Mention("Award", attrs["name"], position, position + len(surface), attrs))
    return found


HONOURS_JOINER = re.compile(r"[和及与、]")


def _two_honours(surface: str, lexicon: Lexicon) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """The two honours a joiner splits ``surface`` into when the part before it ends as an honour does too:
    (the first, where it ends), (the second named with the first's region, where it starts); else None."""
    joiner = HONOURS_JOINER.search(surface)
    if joiner is None or not surface[:joiner.start()].endswith(lexicon.honour_suffixes):
        return None
    leading = leading_division(surface)
    region = surface[:leading[1]] if leading is not None else ""
    second = surface[joiner.end():]
    return (surface[:joiner.start()], joiner.start()), (second if second.startswith(region) else region + second,
                                                         joiner.end())


def _quoted_start(text: str, start: int, end: int) -> int | None:
    """Where the quote opens that holds an honour's name whole ("“大国工匠年度人物”"), or None."""
    if text[end:end + 1] not in ("”", '"'):
        return None
    opening = max(text.rfind("“", max(0, start - _MAX_HONOUR), start), text.rfind('"', max(0, start - _MAX_HONOUR), start))
    if opening < 0 or "”" in text[opening:start] or opening + 1 == start:
        return None  # ("“领跑者”": an honour's ending alone in quotes names no honour)
    return opening + 1


def _honour_end(text: str, match: re.Match) -> int:
    """Where an honour ends: a second ending may overlap the first ("质量标杆" + "标杆企业" = 质量标杆企业)."""
    end = match.end()
    for inner in range(match.start() + 1, match.end()):
        longer = _honour_pattern().match(text, inner)
        if longer is not None and longer.end() > end:
            end = longer.end()
    return end


_MAX_INNER_QUOTE = 8


def _before_inner_quote(text: str, floor: int, lexicon: Lexicon) -> int:
    """"全国某某“一站式”服务典型案例": a short quoted term inside an honour's name does not end it."""
    if text[floor - 1:floor] != "”":
        return floor
    opening = text.rfind("“", max(0, floor - 2 - _MAX_INNER_QUOTE), floor - 1)
    if opening < 0 or "”" in text[opening:floor - 1]:
        return floor
    return name_before(text, opening, lexicon, limit=_MAX_HONOUR)


# jieba tags of numerals, measure words, pronouns and adverbs, which no honour's name holds.
_COUNTING_TAGS = frozenset({"m", "q", "mq", "r", "d"})


def _counted(core: str) -> bool:
    return any(dictionary_tag(token) in _COUNTING_TAGS for token in tokens(core))


def _named_again(text: str, awards: list[Mention], places: Places, lexicon: Lexicon) -> list[Mention]:
    """An award's name known as proper where an edition marks it ("第六届X奖") is the award wherever it stands."""
    found = []
    for surface in {text[a.start:a.end] for a in awards if EDITION_BEFORE.search(text, max(0, a.start - 8), a.start)}:
        position = text.find(surface)
        while position >= 0:
            end = position + len(surface)
            tier = _tier_pattern().match(text, end)
            end = tier.end() if tier else end
            attrs = describe_award(text[position:end], places, lexicon)
            found.append(Mention("Award", attrs["name"], position, end, attrs))
            position = text.find(surface, end)
    return found


# "X奖由某省人民政府设立": the government that set an award up confers it (an award with a proper name and no region).
# (Three openings, not an optional word before 由: the engine skips to the characters they open with.)
SET_UP_BY = re.compile(r"(?:是由|系由|由)([\u4e00-\u9fff]{2,8}?)(?:人民)?政府(?:批准)?(?:设立|设置|创设|颁发)")


def _conferrers_stated(text: str, awards: list[Mention]) -> None:
    """Give the awards a sentence says a government set up that government as their conferrer."""
    if "政府" not in text:
        return
    ending_at = {a.end: a for a in awards}
    for match in SET_UP_BY.finditer(text):
        award = ending_at.get(match.start())
        division = division_named(match.group(1)) if award is not None else None
        if division is None or award.attrs.get("conferrer"):
            continue
        for other in awards:
            if other.name == award.name or other.attrs.get("nomination_for") == award.name:
                other.attrs = dict(other.attrs, conferrer=division.name,
                                   level=AWARD_LEVEL_OF_DIVISION[division.level])


def find_awards(text: str, places: Places, lexicon: Lexicon | None = None, issuer=None) -> list[Mention]:
    """``issuer``: the division of the government the document is issued by (its title says), whose
    award an award's name without a region is ("市政府质量奖" in 泉州市's notice is 泉州市政府质量奖)."""
    lexicon = lexicon or Lexicon.default()
    # fragments are dropped before nesting is resolved, so that "年省长质量奖金奖" does not hide the award in it
    others = [a for a in _other_awards(text, places, lexicon) if is_award_name(a.name)]
    awards = drop_nested(_head_awards(text, places, lexicon, issuer) + others + _named_again(text, others, places, lexicon)
                         + _honours(text, places, lexicon))
    # a category in brackets widens its award over the bracket: an award inside it ("（经济类金奖）") goes
    awards = drop_nested([_with_category(text, _nominated(text, a, lexicon), places, lexicon) for a in awards])
    awards = sorted(awards + _tiers_listed_with(text, awards, lexicon), key=lambda a: a.start)
    _conferrers_stated(text, awards)
    return [a for a in awards if is_award_name(a.name)]


# "某市市长质量奖（组织）", "…（个人）", "…（经济类金奖）": a category in brackets right after the name
# (a heading's notes may follow the category in the bracket, "（个人，2名）"; then only a person's category makes
# an award of its own: "（组织，4家，排名不分先后）" notes the kind of winners the award has anyway)
CATEGORY_AFTER = re.compile(r"[（(](?P<category>[\u4e00-\u9fff]{0,6}?(?:组织|个人|企业|集体|团体|单位|类|奖))"
                            r"(?P<notes>[，,、；;][^()（）\n]{0,20})?[)）]")


def _with_category(text: str, award: Mention, places: Places, lexicon: Lexicon) -> Mention:
    """The award of a category written in brackets right after its name: an award of its own, as tiers are."""
    if not award.name.endswith("奖"):
        return award
    category = CATEGORY_AFTER.match(text, award.end)
    if category is None or category.group("notes") and not category.group("category").endswith("个人"):
        return award
    if category.group("category") in lexicon.award_tiers:  # "X奖(提名奖)": the tier, written in brackets
        return tier_of(award, category.group("category"), award.start, category.end())
    attrs = describe_award(f"{award.name}（{category.group('category')}）", places, lexicon)
    categorised = Mention("Award", attrs["name"], award.start, category.end(), attrs)
    tier = next((t for t in lexicon.award_tiers if text.startswith(t, category.end())), None)
    # "某市市长质量奖(组织)提名奖": the category's tier
    return tier_of(categorised, tier, award.start, category.end() + len(tier)) if tier else categorised


def tier_of(base: Mention, tier: str, start: int, end: int) -> Mention:
    """The award ``tier`` of ``base`` ("…质量奖" and "提名奖"), named at [start, end)."""
    attrs = dict(base.attrs, name=base.name + tier)
    if tier == "提名奖":
        attrs["nomination_for"] = base.name
    return Mention("Award", base.name + tier, start, end, attrs)


def _nominated(text: str, award: Mention, lexicon: Lexicon) -> Mention:
    """"获得X奖提名": a nomination for the award is its 提名奖."""
    if not text.startswith("提名", award.end) or text.startswith("提名奖", award.end) \
            or award.name.endswith(lexicon.award_tiers):
        return award
    return tier_of(award, "提名奖", award.start, award.end + 2)


def _tiers_listed_with(text: str, awards: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """"X质量奖和提名奖", "X质量奖、质量奖提名奖、班组奖": tiers and prizes listed right after an award,
    named without it, are that award's."""
    pattern = _tier_item_pattern(lexicon)
    found = []
    for award in awards:
        if award.name.endswith(lexicon.award_tiers):
            continue
        position = award.end
        while (item := pattern.match(text, position)) is not None:
            found.append(tier_of(award, item.group("tier"), item.start("item"), item.end("item")))
            position = item.end()
    return found


def _tier_item_pattern(lexicon: Lexicon) -> re.Pattern:
    if lexicon is Lexicon.default():
        return _default_tier_item_pattern()
    return _compile_tier_item_pattern(lexicon)


@lru_cache(maxsize=1)
def _default_tier_item_pattern() -> re.Pattern:
    return _compile_tier_item_pattern(Lexicon.default())


def _compile_tier_item_pattern(lexicon: Lexicon) -> re.Pattern:
    tiers = alternation([*lexicon.award_tiers, "组织奖", "个人奖", "班组奖", "集体奖"])
    return re.compile(r"[”\"]?\s*(?:、|和|及|与|以及)\s*[“\"]?(?P<item>(?:质量奖|质量管理奖)?(?P<tier>" + tiers + r"))"
                      r"(?![励金项])")


# What opens no award's name: the end of a verb ("为获奖企业颁奖" -> "奖企业颁奖"), a particle ("获了一等奖",
# "所获的又一大奖").
# A bracket closed that the name never opened, or Latin lower case opening it: a fragment of scraped text
# ("wù)哳C奖", what is left of a pinyin gloss).
NOT_AN_AWARD = re.compile(r"^(?:[奖了为向给的又]|年(?!度))|颁奖|获|授予|^[^(（]*[)）]|^[a-zü\u00e0-\u01dc]")


# A tier or prize word alone ("一等奖", "优胜奖", "金奖"): a fragment whose award the text did not name
BARE_TIER = re.compile(r"(?:[一二三四五六七八九十特]等|金|银|铜|优胜|优秀|鼓励|提名|特别|大|组织|个人|单项)奖")


def is_award_name(name: str) -> bool:
    return NOT_AN_AWARD.search(name) is None


def title_award(raw: str, start: int, end: int, places: Places, lexicon: Lexicon | None = None,
                quoted: bool = False) -> Mention | None:
    """An award or title named after a conferral verb (“全国质量标杆”称号, …示范城市).

    ``quoted``: the name was written in quotes, which bound it, so it may be longer than an unquoted one."""
    lexicon = lexicon or Lexicon.default()
    # "质量之光?质量魅力城市": a "?" is a character lost in scraping, a separator; the title follows it
    lost = max(raw.rfind("?"), raw.rfind("？"))
    if lost >= 0:
        raw, start = raw[lost + 1:], start + lost + 1
    cleaned = raw
    for ending in ("光荣称号", "荣誉称号", "称号", "荣誉"):
        if cleaned.endswith(ending) and len(cleaned) > len(ending) + 1:
            cleaned = cleaned[: -len(ending)]
            break
    bare = "".join(c for c in cleaned if c not in QUOTES)
    if not (2 < len(bare) <= (_MAX_QUOTED_AWARD if quoted else _MAX_AWARD)) \
            or not any(bare.endswith(s) for s in lexicon.award_suffixes) and cleaned == raw:
        return None
    attrs = describe_award(cleaned, places, lexicon)
    if not is_award_name(attrs["name"]) or BARE_TIER.fullmatch(attrs["name"]):
        return None  # "获一等奖" where no award was named before: a fragment
    return Mention("Award", attrs["name"], start, end, attrs)


# "某市政府决定授予…", "省人民政府授予…": the government that grants, its region written or not
GRANTING_GOVERNMENT = re.compile(r"([省市县区])(?:人民)?政府")


def granting_division(text: str, start: int, end: int, places: Places, issuer=None):
    """The division whose government [start, end) names as the granter (its last such mention): the
    place written before 政府, else the document's own of that level (省 its province, 市 its city)."""
    match = None
    for match in GRANTING_GOVERNMENT.finditer(text, start, end):
        pass
    if match is None:
        return None
    for place in places.ending_at().get(match.start() + 1, ()):
        return place.attrs["division"]  # "丽水市政府": the place's name takes the level word
    for place in places.ending_at().get(match.start(), ()):
        return place.attrs["division"]  # "丽水市人民政府" matched after the place
    level = match.group(1)
    if level == "省":
        return places.main_province
    if issuer is not None and issuer.name.endswith(level) and (level == "市") == (issuer.level != "county"):
        return issuer
    return places.main_city if level == "市" else None


def with_granting_region(award: Mention, division, places: Places, lexicon: Lexicon | None = None) -> Mention:
    """A title without a region, granted by ``division``'s government, named with that region
    ("为2012年度质量强市工作先进企业" granted by 某市政府 is 某市质量强市工作先进企业; the written form an alias)."""
    lexicon = lexicon or Lexicon.default()
    if division is None or award.attrs.get("conferrer") or award.name.startswith(lexicon.national_markers):
        return award
    attrs = describe_award(division.name + award.name, places, lexicon)
    attrs["aliases"] = [*attrs.get("aliases", ()), award.name]
    return Mention("Award", attrs["name"], award.start, award.end, attrs)


def issuing_division(title_lines: list[str], places: Places):
    """The region of the body a document's title opens with ("某省市场监督管理局关于…"), else the document's own."""
    for title in title_lines:
        leading = leading_division(title)
        if leading is not None:
            return leading[0]
    return places.main_city or places.main_province


_PEOPLES_GOVERNMENT = re.compile(r"(?<=[省市县区])人民政府")
_GOVERNMENT = re.compile(r"(?<=[省市县区])政府")


def government_variant(name: str) -> str | None:
    """The other usual form of an award named after a government: 浙江省人民政府质量奖 <-> 浙江省政府质量奖."""
    if _PEOPLES_GOVERNMENT.search(name):
        return _PEOPLES_GOVERNMENT.sub("政府", name, count=1)
    if _GOVERNMENT.search(name):
        return _GOVERNMENT.sub("人民政府", name, count=1)
    return None
