"""kg.extract.lexicon.alternation: a trie of the words, matching as the flat longest-first list does."""
from __future__ import annotations

import random
import re

from kg.extract.lexicon import alternation, alternation_branches, longest_first


def _flat(words) -> str:
    return "|".join(re.escape(word) for word in longest_first(words))


def test_the_longest_word_wins_and_a_shorter_one_is_tried_when_what_follows_fails():
    assert re.compile(alternation(["董事", "董事长", "长"])).findall("董事长董事") == ["董事长", "董事"]
    assert re.compile(f"(?:{alternation(['ab', 'abc'])})c").fullmatch("abc")
    assert re.compile(alternation(["a.b", "a"])).findall("a.baxa") == ["a.b", "a", "a"]


def test_matches_are_the_flat_alternations_in_any_context():
    pick = random.Random(6)
    for _ in range(500):
        words = ["".join(pick.choice("甲乙丙.") for _ in range(pick.randint(0, 4))) for _ in range(pick.randint(1, 8))]
        text = "".join(pick.choice("甲乙丙.丁") for _ in range(pick.randint(0, 30)))
        for template in ("{}", "(?:{})乙", "丙(?:{})?甲"):
            trie, flat = re.compile(template.format(alternation(words))), re.compile(template.format(_flat(words)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], (words, text)


def test_the_branches_joined_match_as_the_alternation():
    words = ["原", "名誉", "名誉会长", "会长", "长"]
    branches = alternation_branches(words)
    assert [branch[0] for branch in branches] == sorted("原名会长")  # each opens with a character of its own
    assert [m.span() for m in re.finditer("|".join(branches), "原名誉会长会长长")] == \
        [m.span() for m in re.finditer(_flat(words), "原名誉会长会长长")]
