"""Construction projects named in a text: the recipients of awards for works (鲁班奖, 国家优质工程奖).

A project's name ends in 工程 or 项目 right after a word that says what is
built or how (a head: 大桥, 隧道, 用房, 改建 …, maybe with its phase, 二期), and
the name ends there: the text goes on with a verb or a conjunction, or with no
word at all. The name starts where the run of name characters before it
starts, after the last firm, person, award, year or 的 inside that run (a firm
that built it: "某建设有限公司某大桥工程荣获…"), and it must open with a proper
part: a place of the gazetteer, or a word jieba takes for a name or does not
know (it cuts such a word into characters). So "城镇老旧小区改造工程" (a programme, named by common words) is no
project, and neither is "标准领航工程" (no head) nor "某建设工程奖" (the name
goes on).

Examples (each is a test in tests/test_extract_projects.py):

- "甲州市东湖隧道及配套道路改建工程荣获…" → 甲州市东湖隧道及配套道路改建工程
- "…有限公司承建的乙江大桥二期工程获…" → 乙江大桥二期工程
- "丙山水库除险加固项目、丁河航道整治工程入选…" → both
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.mentions import Mention, SpanSet
from kg.extract.organizations import run_start
from kg.extract.places import division_named, leading_division
from kg.extract.tokenizer import dictionary_tag, tokens

MAX_NAME = 32  # characters a project's name may hold before its 工程 or 项目

# What is built (a structure), or what is done to it (works), right before 工程 or 项目. A name that ends
# in works must name its structure too, or open with a place: "某区某某桥改建工程", not "技术改造项目".
STRUCTURES = (
    "桥", "大桥", "桥梁", "特大桥", "立交桥", "立交", "隧道", "枢纽", "互通", "公路", "高速公路", "快速路",
    "快速通道", "大道", "道路", "铁路", "高铁", "城际铁路", "轨道交通", "号线", "地铁", "车站", "站房",
    "航站楼", "机场", "港区", "码头", "航道", "船闸", "水库", "大坝", "电站", "水厂", "污水处理厂", "管廊",
    "大楼", "大厦", "用房", "办公楼", "综合楼", "教学楼", "住院楼", "门诊楼", "实验楼", "生产楼", "科研楼", "住宅", "安置房", "商务中心", "会展中心",
    "体育中心", "体育馆", "体育场", "博物馆", "图书馆", "美术馆", "医院", "综合体", "厂房",
)
WORKS = ("新建", "改建", "扩建", "改扩建", "扩容", "改造", "加固", "整治", "建设")
# A phase or section between the head and 工程/项目: 二期, 3期, 一标段.
PHASE = r"(?:[一二三四五六七八九十0-9]{1,3}(?:期|标段))?"
# What may follow a project's name: the end of a word, or a verb or conjunction that starts the clause.
FOLLOWERS = (
    "荣获", "喜获", "获得", "获评", "获", "荣膺", "摘得", "夺得", "入选", "被评为", "被", "成为", "通过", "顺利",
    "先后", "分别", "均", "和", "与", "及", "、", "等", "是", "的", "在", "于", "已", "将", "正式", "也", "还",
)
# Openings jieba may tag as places that name no place: a name that opens so is a programme's.
GENERIC_OPENINGS = ("城镇", "城市", "城乡", "农村", "乡村", "全国", "全省", "全市", "全县", "各地", "重点",
                    "重大", "民生", "老旧", "市政", "公共")
# Tags of words that can open a proper name (as kg.extract.organizations reads them).
PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng", "x", None})
# Inside the run of name characters, the name starts after the last of these.
BOUNDARY = re.compile(r"(?:工程|项目)[和及与、]|的|[0-9]{2,4}年度?|(?:承建|参建|施工|建成|完成|实施|推进|开工|竣工|其中|包括|以及)")
# The types of mention a project's name starts after: who built it, who is named, what it won.
BEFORE_TYPES = ("Enterprise", "Person", "Award")


@lru_cache(maxsize=1)
def _ending() -> re.Pattern:
    heads = "|".join(sorted(map(re.escape, STRUCTURES + WORKS), key=len, reverse=True))
    followers = "|".join(map(re.escape, FOLLOWERS))
    return re.compile(rf"(?P<head>{heads}){PHASE}(?:工程|项目)(?=[^\u4e00-\u9fff]|{followers}|\Z)")


def _names_a_structure(name: str, head: str) -> bool:
    if head == BUILDING:  # "某医院一期建设项目" builds something; "品牌建设工程" is a programme
        return any(structure in name for structure in STRUCTURES) or PHASED_BUILDING.search(name) is not None
    return head in STRUCTURES or any(structure in name for structure in STRUCTURES) \
        or leading_division(name) is not None


BUILDING = "建设"
PHASED_BUILDING = re.compile(r"[一二三四五六七八九十0-9]{1,3}期建设(?:工程|项目)$")


def _opens_with_a_name(name: str) -> bool:
    """A place, a word jieba tags as a name, or a word it does not know (it cuts one into characters)."""
    if name.startswith(GENERIC_OPENINGS):
        return False
    first = tokens(name)[0]
    return len(first) == 1 or division_named(first) is not None or dictionary_tag(first) in PROPER_TAGS


# "A楼、B楼和C楼三项工程": a list that its count calls works; each item a project named by its structure
COUNTED_WORKS = re.compile(r"(?:等)?(?:\d+|[一二三四五六七八九十两]+)(?:项|个)(?:工程|项目)")
WORKS_ITEM = re.compile(r"([\u4e00-\u9fff0-9A-Za-z#＃-]{4,32})$")
WORKS_JOINERS = ("、", "和", "及", "与")
NOT_IN_WORKS = re.compile(r"[的了是在被把将]|承建|参建|施工|建成|完成|荣获|获得")


def _counted_works(text: str) -> list[Mention]:
    found = []
    for count in COUNTED_WORKS.finditer(text):
        items, end = [], count.start()
        while True:
            start = end
            while start > 0 and end - start < MAX_NAME and text[start - 1] not in "、，,。；;：:\n（）()“”" \
                    and not text.endswith(WORKS_JOINERS, 0, start):
                start -= 1
            for boundary in BOUNDARY.finditer(text, start, end):
                start = boundary.end()  # "公司承建的A楼": the name starts after the clause's words
            item = text[start:end]
            if len(item) < 4 or NOT_IN_WORKS.search(item) or not _opens_with_a_name(item):
                items = []
                break
            items.append(Mention("Project", item, start, end, {"counted": True}))
            joiner = next((j for j in WORKS_JOINERS if text.endswith(j, 0, start)), None)
            if joiner is None:
                break
            end = start - len(joiner)
        if len(items) >= 2:
            found.extend(items)
    return found


def find_projects(text: str, mentions: list[Mention] = ()) -> list[Mention]:
    """The projects named in ``text``; ``mentions`` (firms, people, awards) may stand right before one."""
    ends_before = SpanSet((m.end - 1, m.end) for m in mentions if m.type in BEFORE_TYPES)
    found = []
    for match in _ending().finditer(text):
        end = match.end()
        start = run_start(text, match.start(), MAX_NAME)
        for boundary in BOUNDARY.finditer(text, start, match.start()):
            start = boundary.end()
        for position in range(match.start() - 1, start - 1, -1):
            if ends_before.covers(position):
                start = position + 1
                break
        name = text[start:end]
        if start < match.start() - 1 and _opens_with_a_name(name) and _names_a_structure(name, match["head"]):
            found.append(Mention("Project", name, start, end))
    return found + _counted_works(text)
