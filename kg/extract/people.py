"""People next to their roles: "<org><role><name>", "<role><name>", chains "A院士、B校长<name>".

A name is a surname from the lexicon and one or two more characters; jieba,
run on a few characters after the role, decides where the name ends.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.government import without_term
from kg.extract.lexicon import Lexicon, alternation, alternation_branches
from kg.gazetteer import Gazetteer
from kg.extract.mentions import Mention, SpanSet, is_cjk
from kg.extract.organizations import (AUTONOMOUS_REGION, EMPLOYED_NAME_FOLLOWERS, GOVERNMENT, NAME_TAGS, looks_proper,
                                      name_before)
from kg.extract.person_names import person_name_at
from kg.extract.places import Places, division_named
from kg.extract.segments import lines as split_lines
from kg.extract.tables import PERSON_COLUMNS, WORK_COLUMNS, find_tables
from kg.extract.tokenizer import dictionary_tag, tokens

# How far back an executive's company may be named when the role stands alone ("董事长张三").
COMPANY_LOOKBACK = 300
LIST_SEPARATORS = "、 "


@dataclass
class RoleHolding:
    person: str
    role: str
    organization: str | None
    start: int
    end: int
    confidence: float


@dataclass
class People:
    mentions: list[Mention]
    holdings: list[RoleHolding]
    excluded: set[str]  # reporters and photographers: named, but not facts


# The role grammar: a modifier the role is written with (原参事, 名誉会长, 驻会副会长, 高级总监), a role, and
# an assistant's 助理 after it (总经理助理, 厂长助理); the role is kept as written.
ROLE_MODIFIERS = ("原", "名誉", "荣誉", "驻会", "高级")
ROLE_ASSISTANT = "助理"
ROLE_JOINER = "兼"
FIRM_DEPARTMENT_ENDINGS = ("部", "科", "室")
MAX_ROLE = 12  # characters a role may hold, its modifier and 助理 included  # "总经理兼首席质量官": one person's two roles
# "原国务院参事": a former holder's 原 written before the organisation belongs to the role.
FORMER = "原"


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern:
    lexicon = Lexicon.default()
    # "(?:M)?R(?:助理)?|E" as alternatives that each open with a character, in the order it tries them (a
    # modifier's, a role's, an excluded role's): the engine skips to the characters they open with. (With
    # the optional modifier in front it would try the whole pattern at every character; a lookahead naming
    # the first characters is tried at every character too, at half the speed.)
    roles, assistant = alternation(lexicon.roles), f"(?:{ROLE_ASSISTANT})?"
    return re.compile("|".join([f"{opening}(?:{roles}){assistant}" for opening in alternation_branches(ROLE_MODIFIERS)]
                               + [f"{opening}{assistant}" for opening in alternation_branches(lexicon.roles)]
                               + alternation_branches(lexicon.excluded_roles)))


@lru_cache(maxsize=1)
def _role_ending() -> re.Pattern:
    """A role (with its modifier and 助理) that ends where the search ends."""
    return re.compile(f"(?:(?:{alternation(ROLE_MODIFIERS)})?(?:{alternation(Lexicon.default().roles)})"
                      f"(?:{ROLE_ASSISTANT})?)$")


def base_role(role: str) -> str:
    """The lexicon's role in a role as written: 原市长 → 市长, 总经理助理 → 总经理 (for what the lexicon
    says of it: a government's role, a firm's)."""
    for modifier in ROLE_MODIFIERS:
        if role.startswith(modifier) and len(role) > len(modifier) + 1:
            role = role[len(modifier):]
            break
    return role.removesuffix(ROLE_ASSISTANT) or role


def names_after(text: str, position: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The name at ``position`` and any listed after it ("王一、李二、张三")."""
    spans = []
    while True:
        end = person_name_at(text, position, lexicon, after_role=True)
        if end is None:
            break
        spans.append((position, end))
        if end < len(text) - 1 and text[end] in LIST_SEPARATORS and text[end + 1] != " ":
            position = end + 1
            continue
        break
    return spans


# A department's name and its head's title: 质量发展处处长, 质量司司长, 技术研究部主任, 检测中心主任.
_DEPARTMENT_HEAD = re.compile(r"(?P<unit>[\u4e00-\u9fff]{1,10}?(?P<kind>处|司|科|所|部)|[\u4e00-\u9fff]{1,10}?(?:中心|室))"
                              r"(?P<head>原?副?(?P=kind)长|原?副?主任|(?:[一二三四]级|副)?(?:调研员|主任科员|科员|巡视员))")
_PARTY_COMMITTEE_LEVELS = ("市委", "省委", "县委", "区委")
# Endings of a body's short name that no finder takes for a name alone (政法委, 组织部, 宣传部, 办公室, 某某科学院,
# 某某学会, 某某所)
_UNKNOWN_BODY_ENDINGS = ("委", "部", "办", "院", "会")
# The confidence organization_before gives such a body: the role is held there, not in a neighbour's
# organisation; the roles listed before it are read on.
UNKNOWN_BODY = -1.0
# What an item or a clause starts after ("、A董事长", "，A董事长", "推荐了A董事长").
_ITEM_STARTS = frozenset("、，,；;：:。\n了的")


class _Context:
    def __init__(self, text: str, places: Places, organizations: list[Mention], lexicon: Lexicon):
        self.text = text
        self.places = places
        self.lexicon = lexicon
        self.org_ending_at = {}
        for org in organizations:
            self.org_ending_at[org.end] = org
            if "former_end" in org.attrs:
                self.org_ending_at[org.attrs["former_end"]] = org
        self.place_ending_at = {p.end: p for p in places.mentions}
        self.organizations = organizations
        self._by_end: list[Mention] | None = None  # organisations by where they end, for company_nearby
        self._ends: list[int] = []
        self.blocked = SpanSet([p.span for p in places.mentions] + [o.span for o in organizations])
        self.new_organizations: list[Mention] = []

    def government_of(self, role: str, prefix: str) -> str | None:
        """The city or province whose government a role without an organisation serves."""
        places = self.places
        province_role = role.startswith(("省", "副省", "常务副省")) or prefix.startswith("省") \
            or self._regions_own(role, prefix)
        division = places.main_province if province_role else self._city_of(role, prefix)
        return division.name if division else None

    def _city_of(self, role: str, prefix: str):
        """The city a city's role serves: the document's city; a municipality's leaders (重庆 副市长) the
        municipality; a 市 role (市长, 市委书记) in a district's or county's text the city it belongs to."""
        city, province = self.places.main_city, self.places.main_province
        if "市" not in role and not prefix.startswith("市") or city is not None and city.name.endswith("市"):
            return city
        for division in Gazetteer.default().parent_chain(city) if city is not None else ():
            if division.name.endswith("市"):
                return division
        return province if city is None and province is not None and province.name.endswith("市") else city

    def _regions_own(self, role: str, prefix: str) -> bool:
        """"自治区主席", "区党委副书记" in an autonomous region's text: the region's leaders, as a province's."""
        region = self.places.main_province
        return region is not None and region.name.endswith(AUTONOMOUS_REGION) \
            and (prefix == AUTONOMOUS_REGION or role.startswith("区党委"))

    def organization_before(self, role_start: int, role: str) -> tuple[str | None, int, float]:
        """The organisation named right before a role, where its name starts, and how sure that is."""
        role = base_role(role)
        org = self.org_ending_at.get(role_start)
        if org is not None:
            government = GOVERNMENT.match(org.name) if org.name.endswith("人民政府") else None
            if government is not None and government.group("place") and role in self.lexicon.government_roles:
                return government.group("place"), org.start, 0.85  # "省政府副省长": a leader of the province itself
            return org.name, org.start, 0.9
        place = self.place_ending_at.get(role_start)
        if place is not None:
            return place.name, place.start, 0.85
        prefix_start = name_before(self.text, role_start, self.lexicon, limit=12)
        prefix = self.text[prefix_start:role_start]
        if prefix in ("市委", "市政府", "市", "省委", "省", "县委", "县", "区委", "区", "州委", "州政府", "州", AUTONOMOUS_REGION) \
                or role in self.lexicon.government_roles or self._regions_own(role, prefix) \
                or role.startswith(_PARTY_COMMITTEE_LEVELS):  # "市委常委王五": a member of the city's committee
            return self.government_of(role, prefix), prefix_start, 0.8
        congress = without_term(Mention("GovernmentBody", prefix, prefix_start, role_start))
        if congress.name != prefix:  # "十届全国人大副委员长": the congress, without its term
            self.new_organizations.append(congress)
            return congress.name, prefix_start, 0.7
        if prefix.endswith(ROLE_JOINER) and prefix[:-1].endswith(tuple(self.lexicon.roles)):
            return None, role_start, 0.0  # "总经理兼首席质量官": a role before, no firm's name
        if len(prefix) >= 3 and looks_proper(prefix, "公司", self.lexicon) and _brand_like(prefix) \
                or self._firm_before_its_role(prefix, prefix_start, role):
            mention = Mention("Enterprise", prefix, prefix_start, role_start, {"surface": prefix})
            self.new_organizations.append(mention)
            return prefix, prefix_start, 0.6
        if prefix.endswith(_UNKNOWN_BODY_ENDINGS) and 2 <= len(prefix) <= 8:
            return None, prefix_start, UNKNOWN_BODY  # "…、区党委政法委书记张三": a body no finder knew
        return None, role_start, 0.0

    def _firm_before_its_role(self, prefix: str, prefix_start: int, role: str) -> bool:
        """"、青岛啤酒董事长": before a role only a firm has, at a clause's or an item's start, proper words
        are the firm's short name even when they are a place and a trade."""
        return role in self.lexicon.enterprise_roles and 2 <= len(prefix) <= 8 \
            and self.text[prefix_start - 1:prefix_start] in _ITEM_STARTS \
            and division_named(prefix) is None and prefix not in self.lexicon.org_false_words \
            and looks_proper(prefix, "公司", self.lexicon)

    def department_headed(self, organization: str | None, role_start: int, role: str) -> tuple[str | None, str]:
        """"某局质量发展处处长": the head of a body's department holds the role in the department, which is
        a body of its own, named with the body's name. The departments of firms, hospitals or schools stay
        part of the role (质量部部长, 质量管理办公室主任)."""
        head = _DEPARTMENT_HEAD.fullmatch(role)
        body = self.org_ending_at.get(role_start)
        if head is None or organization is None or body is None or body.type != "GovernmentBody":
            return organization, role
        department = organization + head.group("unit")
        self.new_organizations.append(Mention(body.type, department, body.start, role_start + len(head.group("unit")),
                                              {"surface": self.text[body.start:role_start] + head.group("unit")}))
        return department, head.group("head")

    def department_before(self, name_start: int, role: str) -> str | None:
        """"某厅技术创新处张三处长": the department of a government body named before the name its head's
        role follows; the department is a body of its own, named with the body's name."""
        for gap in range(2, QUALIFIER_MAX + 1):
            body = self.org_ending_at.get(name_start - gap)
            if body is None:
                continue
            unit = self.text[name_start - gap:name_start]
            head = _DEPARTMENT_HEAD.fullmatch(unit + role)
            if head is None or body.type != "GovernmentBody" or head.group("unit") != unit:
                return None
            department = body.name + unit
            self.new_organizations.append(Mention(body.type, department, body.start, name_start,
                                                  {"surface": self.text[body.start:name_start]}))
            return department
        return None

    def company_nearby(self, position: int) -> str | None:
        """The nearest organisation named shortly before ``position`` (for "董事长张三" on its own)."""
        if self._by_end is None or len(self._by_end) != len(self.organizations):
            self._by_end = sorted(self.organizations, key=lambda o: o.end)
            self._ends = [o.end for o in self._by_end]
        window = self._by_end[bisect_left(self._ends, position - COMPANY_LOOKBACK):bisect_right(self._ends, position)]
        candidates = [o for o in window if o.type == "Enterprise"]
        return max(candidates, key=lambda o: o.end).name if candidates else None


def _brand_like(prefix: str) -> bool:
    return any(tag in NAME_TAGS - {"ns"} or len(token) == 1 for token, tag in
               ((t, dictionary_tag(t)) for t in tokens(prefix)))


def _roles_outside_names(text: str, blocked: SpanSet):
    """The roles named in ``text`` that start in no place's or organisation's name. A role that starts
    inside one and runs past its end ("包头市|政府秘书长" after the city 包头市 or "包头市政府|秘书长")
    is looked for again where that name ends."""
    pattern = _role_pattern()
    match = pattern.search(text)
    while match is not None:
        if not blocked.covers(match.start()):
            yield match
            match = pattern.search(text, match.end())
            continue
        name_end = blocked.end_covering(match.start())
        match = pattern.search(text, name_end if name_end < match.end() else match.end())


def find_people(text: str, places: Places, organizations: list[Mention], lexicon: Lexicon | None = None) -> People:
    lexicon = lexicon or Lexicon.default()
    context = _Context(text, places, organizations, lexicon)
    mentions: list[Mention] = []
    holdings: list[RoleHolding] = []
    excluded: set[str] = set()
    previous: tuple[int, str | None] = (-1, None)  # where the last holding's names ended, and its organisation
    for match in _roles_outside_names(text, context.blocked):
        role_start, name_start = match.start(), match.end()
        if text[name_start:name_start + 1] in CLOSING_QUOTES and text[role_start - 1:role_start] in OPENING_QUOTES:
            role_start, name_start = role_start - 1, name_start + 1  # "某公司“首席质量官”张三"
        # "王五、全国政协副主席…": a listed name runs into no place's or body's name
        names = [(start, end) for start, end in names_after(text, name_start, lexicon)
                 if context.blocked.end_covering(end - 1) <= end] or _signed_name(text, match, lexicon, context.org_ending_at)
        if not names:
            if not _names_listed_before(context, match, mentions, holdings):
                _name_before_role(context, match, mentions, holdings)
            continue
        role = match.group()
        found = [text[s:e] for s, e in names]
        if role in lexicon.excluded_roles:
            excluded.update(found)
            continue
        for start, end in names:
            mentions.append(Mention("Person", text[start:end], start, end))
        # "重庆市市长黄奇帆、副市长谢小军": a role right after the last one's names shares its organisation
        listed_after = previous[0] >= 0 and match.start() == previous[0] + 1 and text[previous[0]] in "、，,"
        for role_name, organization, start, confidence in _role_chain(context, role_start, role):
            if organization is None and listed_after and previous[1] is not None:
                organization, confidence = previous[1], 0.7
            for name in found:
                holdings.append(RoleHolding(name, role_name, organization, start, names[-1][1], confidence))
            previous = (names[-1][1], organization)
    _leader_sharing_the_level_word(context, mentions, holdings)
    _name_then_role(context, mentions, holdings)
    _name_then_work(context, mentions, holdings)
    _listed_after_organization(context, mentions)
    _named_with_employer(context, mentions)
    _elected_to(context, mentions, holdings)
    _role_before_jian(context, holdings)
    _appositive_roles(context, mentions, holdings)
    _appointed(context, mentions, holdings)
    _table_people(context, mentions, holdings)
    mentions = [m for m in mentions if m.name not in excluded]
    holdings = [h for h in holdings if h.person not in excluded]
    return People(mentions, holdings, excluded), context.new_organizations


def _appositive_roles(context: "_Context", mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    """"王建国，某公司董事长，荣获…": a name, then after a comma its organisation and role, closing a clause."""
    text, lexicon = context.text, context.lexicon
    held = {h.end for h in holdings}
    for organization in context.organizations:
        comma = organization.start - 1
        if text[comma:comma + 1] not in ("，", ","):
            continue
        role = _role_pattern().match(text, organization.end)
        if role is None or text[role.end():role.end() + 1] not in APPOSITION_CLOSERS or role.end() in held \
                or role.group() in lexicon.excluded_roles:
            continue
        start = next((s for s in range(max(0, comma - 4), comma - 1)
                      if person_name_at(text, s, lexicon) == comma and (s == 0 or text[s - 1] in _CLAUSE_START)), None)
        if start is None:
            continue
        name = text[start:comma]
        if not any(m.start == start for m in mentions):
            mentions.append(Mention("Person", name, start, comma))
        holdings.append(RoleHolding(name, role.group(), organization.name, organization.start, role.end(), 0.7))


APPOSITION_CLOSERS = ("，", ",", "。", "；", ";")
# "某公司聘任王建国为公司首席质量官": an organisation appoints a person to one of its roles
APPOINTING = re.compile(r"(?:聘任|聘请|任命|聘)(?=[\u4e00-\u9fff]{2,4}为)")
OWN_WORDS = ("公司", "本公司", "该公司", "我公司", "集团", "本单位")


def _appointed(context: "_Context", mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    text, lexicon = context.text, context.lexicon
    for verb in APPOINTING.finditer(text):
        end = person_name_at(text, verb.end(), lexicon)
        if end is None or text[end:end + 1] != "为":
            continue
        position = end + 1
        own = next((w for w in OWN_WORDS if text.startswith(w, position)), "")
        role = _role_pattern().match(text, position + len(own))
        if role is None or role.group() in lexicon.excluded_roles:
            continue
        employer = context.org_ending_at.get(verb.start())  # the appointing organisation, else the firm named before
        organization = employer.name if employer is not None else context.company_nearby(verb.start())
        if organization is None:
            continue
        name = text[verb.end():end]
        if not any(m.start == verb.end() for m in mentions):
            mentions.append(Mention("Person", name, verb.end(), end))
        holdings.append(RoleHolding(name, role.group(), organization, verb.end(), role.end(), 0.75))


def _role_before_jian(context: "_Context", holdings: list[RoleHolding]) -> None:
    """"国家经济委员会副主任兼国家标准总局局长岳志坚": the role before 兼 at the organisation named before it is
    the same person's too."""
    text = context.text
    for holding in list(holdings):
        if holding.organization is None or text[holding.start - 1:holding.start] != ROLE_JOINER:
            continue
        role = _role_ending().search(text, max(0, holding.start - 1 - MAX_ROLE), holding.start - 1)
        if role is None:
            continue
        organization, _, confidence = context.organization_before(role.start(), role.group())
        if organization is not None and confidence > 0:
            holdings.append(RoleHolding(holding.person, role.group(), organization, role.start(), holding.end,
                                        min(confidence, holding.confidence)))


OPENING_QUOTES = "“\"‘「"
CLOSING_QUOTES = "”\"’」"
# Blanks between a role and its holder's name on a line of its own (a report's signature: "市长　张三").
_SIGNATURE_GAP = re.compile(r"[ \t\u3000]+")


def _signed_name(text: str, role: re.Match, lexicon: Lexicon, org_ending_at: dict | None = None) -> list[tuple[int, int]]:
    """"市长　张三" on a line of its own: the role opens the line, blanks, the name closes it; or a roll's line
    "某公司董事长　张三", the organisation opening the line."""
    gap = _SIGNATURE_GAP.match(text, role.end())
    if gap is None:
        return []
    before = role.start()
    employer = (org_ending_at or {}).get(before)
    if employer is not None:
        before = employer.start  # the role's organisation opens the line
    while before > 0 and text[before - 1] in " \t\u3000":
        before -= 1  # (only blanks may stand before the role on its line: no scan back to the line's start)
    if before > 0 and text[before - 1] not in "\r\n":
        return []
    end = person_name_at(text, gap.end(), lexicon, after_role=True)
    if end is None or text[end:end + 1] not in ("\n", "\r", ""):
        return []
    return [(gap.end(), end)]


def _names_listed_before(context: _Context, role: re.Match, mentions: list[Mention],
                         holdings: list[RoleHolding]) -> bool:
    """"张三、李四、王五等市领导为…颁奖": names listed before the 等 of the role they share; a government's
    role is the document's city's or province's."""
    text, lexicon = context.text, context.lexicon
    if text[role.start() - 1:role.start()] != "等" or role.group() in lexicon.excluded_roles:
        return False
    names = []
    end = role.start() - 1
    while True:
        start = next((end - length for length in (3, 2, 4)
                      if end - length >= 0 and person_name_at(text, end - length, lexicon) == end), None)
        if start is None:
            return False
        names.append((start, end))
        if text[start - 1:start] != "、":
            break
        end = start - 1
    if start > 0 and text[start - 1] not in _CLAUSE_START:
        return False  # the first name opens a clause or a line
    base = base_role(role.group())
    organization = context.government_of(base, "") if base in lexicon.government_roles else None
    for start, end in reversed(names):
        mentions.append(Mention("Person", text[start:end], start, end))
        holdings.append(RoleHolding(text[start:end], role.group(), organization, start, role.end(), 0.7))
    return True


def _leader_sharing_the_level_word(context: "_Context", mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    """"梧州市长朱学庆", "湖南省长张三": the place's 市 or 省 is its leader's too."""
    text = context.text
    taken = {m.start for m in mentions}
    for place in context.places.mentions:
        level = text[place.end - 1:place.end]
        if level not in ("市", "省", "县", "区") or text[place.end:place.end + 1] != "长" or place.end + 1 in taken:
            continue
        end = person_name_at(text, place.end + 1, context.lexicon)
        if end is None or not _ROLE_THEN_VERB.match(text, end):
            continue  # "如皋市长江镇拍摄": a name must be followed by what a leader does, or a clause's end
        name = text[place.end + 1:end]
        mentions.append(Mention("Person", name, place.end + 1, end))
        holdings.append(RoleHolding(name, level + "长", place.name, place.start, end, 0.85))


# After "<name><role>", what shows the role is the person's title: a verb of presence or speech.
_ROLE_THEN_VERB = re.compile(r"出席|主持|讲话|致辞|表示|指出|强调|介绍|说|参加|陪同|宣读|颁奖|带队|一行|在|为|分别|从|向|和|、|，|,|代表|上台|领奖|接受|发言|莅临")
# Before such a name: the start of a clause.
_CLAUSE_START = "，,。；;：:！？!?\n、（( "


def _name_before_role(context: "_Context", role: re.Match, mentions: list[Mention],
                      holdings: list[RoleHolding]) -> None:
    """"马振平副秘书长出席会议", "某局宋继红局长介绍", "某集团的符志民副院长分别介绍": a name right before its
    role, then a verb of presence or speech (or the list goes on); the role belongs to the organisation named
    right before the name (or to its department named between: "某厅技术创新处张三处长"), for a government's
    role to the document's city or province, and for a firm's role, the name opening a clause, to the firm
    named shortly before ("某公司获奖，钱一厂长和张二厂长助理从…")."""
    text, lexicon = context.text, context.lexicon
    if role.group() in lexicon.excluded_roles or not _ROLE_THEN_VERB.match(text, role.end()):
        return
    base = base_role(role.group())
    for length in (3, 2, 4):
        start = role.start() - length
        if start < 0 or person_name_at(text, start, lexicon) != role.start():
            continue
        employer = context.org_ending_at.get(start) or (
            context.org_ending_at.get(start - 1) if text[start - 1:start] == "的" else None)
        opens_clause = start == 0 or text[start - 1] in _CLAUSE_START or text[start - 1] in _JOINERS
        if employer is not None:
            organization = employer.name
        elif (organization := context.department_before(start, role.group())) is not None:
            pass
        elif not opens_clause:
            return
        elif base in lexicon.government_roles:
            organization = context.government_of(base, "")
        elif base in lexicon.enterprise_roles or base in lexicon.firm_roles:
            organization = context.company_nearby(start)
        else:
            return
        if organization is None:
            return
        mentions.append(Mention("Person", text[start:role.start()], start, role.start()))
        holdings.append(RoleHolding(text[start:role.start()], role.group(), organization, start, role.end(), 0.7))
        return


_JOINERS = "和与及"


# "张三（某某公司董事长）": a name, then its role (and organisation) in brackets.
_BRACKETED_ROLE = re.compile(r"\(([^()]{1,24}?)\)")


def _name_then_role(context: _Context, mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    text, lexicon = context.text, context.lexicon
    roles = _role_pattern()
    known = {(m.start, m.end) for m in mentions}
    for bracket in _BRACKETED_ROLE.finditer(text):
        inner_start, inner_end = bracket.span(1)
        role = next((m for m in roles.finditer(text, inner_start, inner_end) if m.end() == inner_end), None)
        if role is None or role.group() in lexicon.excluded_roles:
            continue
        name_span = next(((s, bracket.start()) for s in (bracket.start() - 3, bracket.start() - 2, bracket.start() - 4)
                          if s >= 0 and person_name_at(text, s, lexicon) == bracket.start()
                          and (s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in "、和与及")), None)
        if name_span is None:
            continue
        name = text[slice(*name_span)]
        if name_span not in known:
            mentions.append(Mention("Person", name, *name_span))
            known.add(name_span)
        for role_name, organization, _, confidence in _role_chain(context, role.start(), role.group()):
            holdings.append(RoleHolding(name, role_name, organization, name_span[0], bracket.end(), confidence))


# Spaces between a firm and a name in a list ("某某有限公司　张三"), then the line's end.
_LIST_GAP = re.compile(r"[ \t]+")


def _listed_after_organization(context: _Context, mentions: list[Mention]) -> None:
    """"某某有限公司　张三" on a line of its own: a listed person and where the person works."""
    text, lexicon = context.text, context.lexicon
    known = {m.start for m in mentions}
    for org in context.organizations:
        gap = _LIST_GAP.match(text, org.end)
        if gap is None or gap.end() in known or (org.start > 0 and text[org.start - 1] not in "\n\t 、,，:："):
            continue
        end = person_name_at(text, gap.end(), lexicon)
        if end is not None and (end == len(text) or text[end] in "\r\n"):
            mentions.append(Mention("Person", text[gap.end():end], gap.end(), end))
            known.add(gap.end())


# Besides an honour's verb: a list's 等 ("某公司张三等93名先进个人"), what the person made ("某公司张三创建的…").
_EMPLOYEE_FOLLOWERS = re.compile(r"等|创建|创立|创办|发明|研发|主持")


def _named_with_employer(context: _Context, mentions: list[Mention]) -> None:
    """"首钢某某公司张三荣获…", "某公司张三等93名…", "某公司张三创建的…": a name right after the organisation it
    works for, no role between."""
    text, lexicon = context.text, context.lexicon
    known = {m.start for m in mentions}
    for org in context.organizations:
        if org.end in known or org.type not in ("Enterprise", "Organization"):
            continue
        end = person_name_at(text, org.end, lexicon)
        if end is None or EMPLOYED_NAME_FOLLOWERS.match(text, end) is None \
                and _EMPLOYEE_FOLLOWERS.match(text, end) is None:
            continue
        mentions.append(Mention("Person", text[org.end:end], org.end, end, {"employer": org.name}))
        known.add(org.end)


# A listed person's line: the name, a gap of blanks, then where the person works ("张三　某某公司总工程师").
_NAME_AND_GAP = re.compile(r"([\u4e00-\u9fff]{2,4})[ \t\u3000]+")


def _name_then_work(context: _Context, mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    """"张三　某某有限公司总工程师" on a line of its own: the person, the organisation and the role."""
    text, lexicon = context.text, context.lexicon
    known = {m.start for m in mentions}
    for org in context.organizations:
        line_start = text.rfind("\n", 0, org.start) + 1
        person = _NAME_AND_GAP.fullmatch(text, line_start, org.start)
        if person is None or line_start in known or person_name_at(text, line_start, lexicon) != person.end(1):
            continue
        line_end = text.find("\n", org.end)
        line_end = len(text) if line_end < 0 else line_end
        while line_end > org.end and text[line_end - 1].isspace():
            line_end -= 1
        role = next((m for m in _role_pattern().finditer(text, org.end, line_end) if m.end() == line_end), None)
        if role is None or role.group() in lexicon.excluded_roles:
            continue
        name = person.group(1)
        mentions.append(Mention("Person", name, line_start, person.end(1)))
        known.add(line_start)
        for role_name, organization, _, confidence in _role_chain(context, role.start(), role.group()):
            holdings.append(RoleHolding(name, role_name, organization, line_start, line_end, confidence))


# "张三被推选为X协会会长", "李四当选为X协会理事长", "王五担任X公司首席质量官": a role the person takes on.
_TAKES_ROLE = re.compile(r"(?:被(?:推选|选举|选|任命|聘任|聘请|聘|评选|增补)为|当选为|当选|担任|出任|兼任|受聘为|现任|任)")


def _elected_to(context: _Context, mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    """"邱成被推选为江苏省某协会会长": the person named just before takes the role of the organisation after."""
    text, lexicon = context.text, context.lexicon
    people = sorted(mentions, key=lambda m: m.end)
    ends = [m.end for m in people]
    for verb in _TAKES_ROLE.finditer(text):
        index = bisect_left(ends, verb.start())
        if index < len(people) and people[index].end == verb.start():
            person = people[index]
        else:  # a name no role introduced: the clause opens with it ("。谢军当选为会长")
            start = next((s for s in range(max(0, verb.start() - 4), verb.start() - 1)
                          if (s == 0 or text[s - 1] in _CLAUSE_START) and person_name_at(text, s, lexicon) == verb.start()),
                         None)
            if start is None:
                continue
            person = Mention("Person", text[start:verb.start()], start, verb.start())
            mentions.append(person)
        org = next((o for o in context.organizations if o.start == verb.end()), None)
        role_start = org.end if org is not None else verb.end()
        if org is None:  # "大会选举产生第五届理事会。谢军当选为会长": the society the paragraph elects for
            org = _society_before(context, verb.start())
            if org is None:
                continue
        roles = []
        position = role_start
        while (role := _role_pattern().match(text, position)) is not None and role.group() not in lexicon.excluded_roles:
            roles.append(role)  # "当选为副会长、秘书长": each role listed
            position = role.end() + 1 if text[role.end():role.end() + 1] == "、" else len(text) + 1
        for role in roles:
            holdings.append(RoleHolding(person.name, role.group(), org.name, person.start, role.end(), 0.75))


SOCIETY_ENDINGS = ("协会", "学会", "促进会", "商会", "研究会", "联合会", "基金会")
SOCIETY_REACH = 300  # characters back, within the paragraph, where an election's society may be named


def _society_before(context: "_Context", position: int):
    """The society (协会, 促进会 …) named last before ``position`` in its paragraph, or None."""
    paragraph = context.text.rfind("\n", max(0, position - SOCIETY_REACH), position)
    floor = paragraph + 1 if paragraph >= 0 else max(0, position - SOCIETY_REACH)
    societies = [o for o in context.organizations if floor <= o.start and o.end <= position
                 and o.name.endswith(SOCIETY_ENDINGS)]
    return max(societies, key=lambda o: o.end) if societies else None


def _table_people(context: _Context, mentions: list[Mention], holdings: list[RoleHolding]) -> None:
    """A table's name column ("姓名") holds people; its work column ("工作单位及职务") their firm and role."""
    text = context.text
    if "姓名" not in text:
        return  # no table of people: skip splitting the text into lines
    known = {m.start for m in mentions}
    for table in find_tables(text, split_lines(text)):
        for row in table.rows:
            cell = table.cell(row, PERSON_COLUMNS)
            if cell is None or person_name_at(text, cell[0], context.lexicon) != cell[1]:
                continue
            name = text[slice(*cell)]
            if cell[0] not in known:
                mentions.append(Mention("Person", name, *cell))
                known.add(cell[0])
            work = table.cell(row, WORK_COLUMNS)
            role = next((m for m in _role_pattern().finditer(text, *work) if m.end() == work[1]), None) if work else None
            if role is None or role.group() in context.lexicon.excluded_roles:
                continue
            for role_name, organization, _, confidence in _role_chain(context, role.start(), role.group()):
                holdings.append(RoleHolding(name, role_name, organization, row[0][0], row[-1][1], confidence))


# Between an organisation and a role, a department or trade that belongs to the role ("…公司质量部经理",
# "…公司焊接高级技师"): a few characters of a name, no word that ends a name.
QUALIFIER_MAX = 8
_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{1,%d}" % QUALIFIER_MAX)
# "公司质量部部长": a firm's department named after the bare word for the firm.
_DEPARTMENT_AFTER_FIRM = re.compile(r"(?:公司|集团|企业|厂)([\u4e00-\u9fff]{1,6}?(?:部|办公室|科|处|车间|中心))$")


def _qualified(context: _Context, role_start: int, role: str) -> tuple[int, str]:
    """Where a role begins with the department or trade before it, and the role so named."""
    text = context.text
    before = context.org_ending_at.get(role_start)
    if before is not None and not before.name.endswith(FIRM_DEPARTMENT_ENDINGS):
        return role_start, role  # "…有限公司武汉分公司总经理": the branch named right before is the organisation
    # (a firm's department stays part of the role, as the annotations have it: "某公司质量部经理")
    for gap in range(1, QUALIFIER_MAX + 1):
        start = role_start - gap
        org = context.org_ending_at.get(start)
        if org is not None:
            if _QUALIFIER.fullmatch(text, start, role_start) and not _NEVER_IN_ROLES.search(text, start, role_start):
                return start, text[start:role_start] + role
            break
    department = _DEPARTMENT_AFTER_FIRM.search(text, max(0, role_start - 10), role_start)
    if department is not None:
        return department.start(1), department.group(1) + role
    return role_start, role


_NEVER_IN_ROLES = re.compile(r"[的了是被把和与及在]")


def _role_chain(context: _Context, role_start: int, role: str) -> list[tuple[str, str | None, int, float]]:
    """The role before a name and the roles listed before it with 、, each with its organisation."""
    chain = []
    text = context.text
    role_start, role = _qualified(context, role_start, role)
    longest = max(map(len, context.lexicon.roles)) + 4
    while True:
        organization, start, confidence = context.organization_before(role_start, role)
        if not chain:
            organization, role = context.department_headed(organization, role_start, role)
        if organization is not None and start > 0 and text[start - 1] == FORMER and not role.startswith(FORMER) \
                and (start == 1 or text[start - 2] in _CLAUSE_START):
            role, start = FORMER + role, start - 1  # "原国务院参事": a former 参事 of the 国务院
        chain.append([role, organization, start, confidence])
        if start == 0 or text[start - 1] != "、":
            break
        previous = _role_ending().search(text, max(0, start - 1 - longest), start - 1)
        if previous is None:
            break
        role_start, role = previous.start(), previous.group()
        if role_start not in context.org_ending_at:  # "…有限公司无锡柴油机厂党委书记、": the branch is the organisation
            role_start, role = _qualified(context, role_start, role)  # "联想集团中国首席质量官、"
    # A role without an organisation shares its neighbour's ("X集团首席质量官、总裁助理张三").
    chain = [link for link in chain if link[3] != UNKNOWN_BODY]
    for index, link in enumerate(chain):
        if link[1] is None:
            neighbours = [c for c in chain[index + 1:] + chain[:index][::-1] if c[1] is not None]
            if neighbours:
                link[1], link[3] = neighbours[0][1], neighbours[0][3] * 0.9
            elif base_role(link[0]) not in context.lexicon.government_roles \
                    and base_role(link[0]) not in context.lexicon.public_roles:  # a nearby firm gives no 院士
                company = context.company_nearby(link[2])
                if company:
                    link[1], link[3] = company, 0.5
    split = []
    for link in chain:
        # "董事长兼首席质量官": two roles held together, each in the same organisation
        split.extend([[role, *link[1:]] for role in link[0].split("兼") if role] if "兼" in link[0] else [link])
    return [tuple(link) for link in split]
