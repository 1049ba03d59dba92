"""Every occurrence of many names in one text, in one pass (Aho-Corasick).

Finders that look for each of a document's names again through the whole text
(a firm's short names, a county's short name) would take time quadratic in the
document's size: a long document names more things and is longer to search.
"""
from __future__ import annotations

from collections import defaultdict

import ahocorasick


def occurrences(text: str, names) -> dict[str, list[int]]:
    """For each of ``names`` that the text holds, the sorted start offsets of all its occurrences
    (overlapping ones included: callers skip those they cannot use)."""
    automaton = ahocorasick.Automaton()
    for name in set(names):
        if name:
            automaton.add_word(name, name)
    found: dict[str, list[int]] = defaultdict(list)
    if len(automaton) == 0:
        return found
    automaton.make_automaton()
    for end, name in automaton.iter(text):
        found[name].append(end - len(name) + 1)
    return found


def non_overlapping(starts: list[int], length: int) -> list[int]:
    """The occurrences ``str.find`` would give searching on from each one's end."""
    kept, after = [], -1
    for start in starts:
        if start >= after:
            kept.append(start)
            after = start + length
    return kept
