"""Every occurrence of many names in one text, in one pass (Aho-Corasick).

Finders that look for each of a document's names again through the whole text
(a firm's short names, a county's short name) would take time quadratic in the
document's size: a long document names more things and is longer to search.
"""
from __future__ import annotations

from collections import defaultdict

import ahocorasick


# Up to this many names, str.find for each is faster than building an automaton and running it
# (a document's own names are a few dozen at most; an automaton's scan alone costs as much as 60 finds).
FEW_NAMES = 32


def occurrences(text: str, names) -> dict[str, list[int]]:
    """For each of ``names`` that the text holds, the sorted start offsets of all its occurrences
    (overlapping ones included: callers skip those they cannot use).

    The names come in the order the automaton reports them: by where their first
    occurrence ends, the longer first where two end together.
    """
    wanted = {name for name in names if name}
    if len(wanted) <= FEW_NAMES:
        return _found_one_by_one(text, wanted)
    automaton = ahocorasick.Automaton()
    for name in wanted:
        automaton.add_word(name, name)
    found: dict[str, list[int]] = defaultdict(list)
    if len(automaton) == 0:
        return found
    automaton.make_automaton()
    for end, name in automaton.iter(text):
        found[name].append(end - len(name) + 1)
    return found


def starts_of(text: str, word: str) -> list[int]:
    """Every offset where ``word`` occurs in ``text``, overlapping occurrences included (str.find)."""
    starts = []
    start = text.find(word)
    while start >= 0:
        starts.append(start)
        start = text.find(word, start + 1)
    return starts


def _found_one_by_one(text: str, names: set[str]) -> dict[str, list[int]]:
    starts_of_name = {name: starts for name in names if (starts := starts_of(text, name))}
    found: dict[str, list[int]] = defaultdict(list)
    for name in sorted(starts_of_name, key=lambda n: (starts_of_name[n][0] + len(n), -len(n))):
        found[name] = starts_of_name[name]
    return found


def non_overlapping(starts: list[int], length: int) -> list[int]:
    """The occurrences ``str.find`` would give searching on from each one's end."""
    kept, after = [], -1
    for start in starts:
        if start >= after:
            kept.append(start)
            after = start + length
    return kept


def matches_from(pattern, text: str, starts):
    """The matches ``pattern.finditer(text)`` gives, tried only at ``starts`` (in order).

    ``starts`` must hold every offset a match of ``pattern`` can start at (more do
    no harm, repeats neither), and the pattern must match no empty text. A finder
    whose pattern opens with a run of common characters ("[\\u4e00-\\u9fff]{2,8}?网")
    is tried at every character by finditer; its starts are few and found by
    str.find of what every match holds.
    """
    after = 0
    for start in starts:
        if start < after:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            after = match.end()


def starts_of_counts(text: str, closing_words, characters: frozenset[str], skips=(0,)) -> list[int]:
    """Every offset where a count closed by one of ``closing_words`` can start ("等9名个人", "10家企业"):
    in the run of ``characters``, spaces and digits right before an occurrence of the word, or ``skips``
    characters before it (a word between the count and the closing word: "等4家|山东|企业"). For
    matches_from, with a pattern whose matches are such a run and then one of the words."""
    starts = set()
    for word in closing_words:
        for occurrence in starts_of(text, word):
            for skip in skips:
                end = start = occurrence - skip
                while start > 0 and (text[start - 1] in characters or text[start - 1].isspace()
                                     or text[start - 1].isdecimal()):
                    start -= 1
                if start < end:  # (mostly not: most words stand after no count)
                    starts.update(range(start, end))
    return sorted(starts)
