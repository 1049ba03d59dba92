"""People named without a role: recipients in lists and people marked as such.

- "<name>同志": the name right before 同志 (a decision's form for a person);
- "<name>等9名个人", "<name>等3人": the first of a counted list of people;
- an item of an enumeration that also lists organisations ("A公司、张三和B公司获…").

A name is a surname and one or two characters (``people.person_name_at``); it must end
where the cue or the list's next separator begins.
"""
from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, SpanSet
from kg.extract.people import person_name_at

COMRADE = re.compile(r"同志")
COUNTED_PEOPLE = re.compile(r"等\s*(?:\d+|[一二三四五六七八九十两几]+)\s*(?:名|位)\s*(?:个人|同志|人)|等\s*\d+\s*人")
ITEM_SEPARATORS = "、和及与"
SEPARATOR = re.compile(f"[{ITEM_SEPARATORS}]")
ITEM_ENDS = "、，,。；;和及与等\n"
LONGEST_NAME = 4


def listed_people(text: str, organizations: list[Mention], known: list[Mention],
                  lexicon: Lexicon | None = None) -> list[Mention]:
    """People the other finders missed, named by a cue or as items of a list with organisations."""
    lexicon = lexicon or Lexicon.default()
    taken = SpanSet([m.span for m in organizations] + [m.span for m in known])
    found: list[Mention] = []

    def add(start: int, end: int) -> None:
        if not taken.overlaps(start, end):
            found.append(Mention("Person", text[start:end], start, end, {"listed": True}))
            taken.add(start, end)

    for cue in (*COMRADE.finditer(text), *COUNTED_PEOPLE.finditer(text)):
        for length in range(LONGEST_NAME, 1, -1):
            start = cue.start() - length
            if start >= 0 and person_name_at(text, start, lexicon) == cue.start():
                add(start, cue.start())
                break
    org_ends = {m.end for m in organizations}
    org_starts = {m.start for m in organizations}
    for separator in SEPARATOR.finditer(text):
        position = separator.start()
        if position not in org_ends:
            continue
        start = position + 1  # "A公司、张三…": the item after an organisation's separator
        end = person_name_at(text, start, lexicon)
        if end is None or end >= len(text) or text[end] not in ITEM_ENDS:
            continue
        if text[end] in ITEM_SEPARATORS and end + 1 not in org_starts and text[end] != "、":
            continue  # "A公司和张三丰收": a name must stand as an item of the list
        add(start, end)
    return sorted(found, key=lambda m: m.start)
