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


def test_matches_tried_at_their_possible_starts_are_finditers():
    import re

    from kg.extract.media import _SITE, _site_starts
    from kg.extract.occurrences import matches_from

    pattern = re.compile(r"[甲乙]{1,3}?丙")
    assert [m.span() for m in matches_from(pattern, "甲乙丙乙丙丙", [0, 1, 1, 3, 4])] == [(0, 3), (3, 5)]
    pick = random.Random(14)
    alphabet = list("来源自稿转据网电视台广播客户端新闻讯消息报道：: 0123456789月日中国江苏")
    for _ in range(2000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 40)))
        assert [m.span() for m in matches_from(_SITE, text, _site_starts(text))] == \
            [m.span() for m in _SITE.finditer(text)], text
