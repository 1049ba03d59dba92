"""kg.extract.occurrences: every occurrence of many names, found alike with str.find or an automaton."""
from __future__ import annotations

import random

from kg.extract import occurrences as module
from kg.extract.occurrences import non_overlapping, occurrences


def test_every_occurrence_overlapping_ones_included_in_the_automatons_order():
    found = occurrences("xabcab", ["ab", "b", "xab", "abc", "", "zz"])
    # by where the first occurrence ends, the longer name first
    assert list(found.items()) == [("xab", [0]), ("ab", [1, 4]), ("b", [2, 5]), ("abc", [1])]
    assert non_overlapping(occurrences("aaaa", ["aa"])["aa"], 2) == [0, 2]


def test_few_names_are_found_as_the_automaton_finds_them(monkeypatch):
    pick = random.Random(14)
    cases = []
    for _ in range(1000):
        text = "".join(pick.choice("甲乙丙甲乙") for _ in range(pick.randint(0, 30)))
        names = ["".join(pick.choice("甲乙丙") for _ in range(pick.randint(0, 4))) for _ in range(pick.randint(0, 9))]
        cases.append((text, names, list(occurrences(text, names).items())))
    monkeypatch.setattr(module, "FEW_NAMES", 0)  # every set of names through the automaton
    for text, names, found in cases:
        assert list(occurrences(text, names).items()) == found, (text, names)


def _tried_at_starts_as_finditer(pattern, possible_starts, alphabet: str) -> None:
    from kg.extract.occurrences import matches_from

    pick = random.Random(14)
    for _ in range(2000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 40)))
        assert [m.span() for m in matches_from(pattern, text, possible_starts(text))] == \
            [m.span() for m in pattern.finditer(text)], text


def test_matches_tried_at_their_possible_starts_are_finditers():
    import re

    from kg.extract.media import _SITE, _site_starts
    from kg.extract.occurrences import matches_from

    pattern = re.compile(r"[甲乙]{1,3}?丙")
    assert [m.span() for m in matches_from(pattern, "甲乙丙乙丙丙", [0, 1, 1, 3, 4])] == [(0, 3), (3, 5)]
    _tried_at_starts_as_finditer(_SITE, _site_starts, "来源自稿转据网电视台广播客户端新闻讯消息报道：: 0123456789月日中国江苏")


def test_counts_of_people_tried_at_their_possible_starts_are_finditers():
    from kg.extract.listed_people import COUNTED_PEOPLE, _counted_people_starts

    text = "张三等3名个人，李同志，五人员"
    assert [m.group() for m in COUNTED_PEOPLE.finditer(text)] == ["等3名个人"]
    assert _counted_people_starts(text) == [1, 2, 3, 4, 5, 9, 12]  # 三 of 张三 is a numeral too
    _tried_at_starts_as_finditer(COUNTED_PEOPLE, _counted_people_starts, "等一二三十两名位个人同志员民 \t\n\u3000012３٣甲，、")


def test_counted_lists_of_firms_tried_at_their_possible_starts_are_finditers():
    from kg.extract.organizations import ENUMERATION_END, _list_end_starts

    _tried_at_starts_as_finditer(ENUMERATION_END, _list_end_starts,
                                 "等一二三十两几多数家个所企业公司单位机构组织院校高 \t\n\u3000012３٣甲，、")
