"""People named without a role: recipients in lists and people marked as such.

- "<name>同志": the name right before 同志 (a decision's form for a person);
- "<name>等9名个人", "<name>等3人": the first of a counted list of people;
- an item of an enumeration that also lists organisations ("A公司、张三和B公司获…");
- the national leaders of the lexicon's short list, wherever they are named;
- a name that opens a sentence as its subject ("张三是…", "张三曾获…") and is named again.

A name is a surname and one or two characters (``people.person_name_at``); it must end
where the cue or the list's next separator begins.
"""
from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, SpanSet
from kg.extract.occurrences import matches_from, occurrences, starts_of_counts
from kg.extract.person_names import SUBJECT_VERB, person_name_at

COMRADE = re.compile(r"同志")
# (The lookahead names every first character a match can have: the engine skips the others at once.)
COUNTED_PEOPLE = re.compile(r"(?=[等\d一二三四五六七八九十两])"
                            r"(?:等\s*)?(?:\d+|[一二三四五六七八九十两]+)\s*(?:名|位)?\s*(?:个人|同志|人)(?![员民才士口数次])")
ITEM_SEPARATORS = "、和及与"
ITEM_ENDS = "、，,。；;和及与等\n"
LONGEST_NAME = 4
ITEM_OPENERS = "、，,：:；;。！？!?\n 和及与"
GRANTING = ("授予", "表彰", "给予", "奖励")
# Where a sentence opens: past the blanks at the text's start, or after a break and blanks
TEXT_OPENING = re.compile(r"[ \t\u3000]*")
OPENING_AFTER_A_BREAK = r"[。！？!?\n][ \t\u3000]*"


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

    # national leaders, named wherever the text names them (a gazetteer, as places have one)
    for name, starts in occurrences(text, lexicon.known_people).items():
        for start in starts:
            add(start, start + len(name))
    org_ends = {m.end for m in organizations}
    for cue in COMRADE.finditer(text):
        _name_ending_at(text, cue.start(), lexicon, add)
    for cue in matches_from(COUNTED_PEOPLE, text, _counted_people_starts(text)):
        # "A、B、C等10人", "…张才奎5人": the counted list's names, walked back through 、
        end = cue.start()
        while (start := _name_ending_at(text, end, lexicon, add, org_ends)) is not None \
                and text[start - 1:start] == "、":
            end = start - 1
    for start in _sentence_openings(text, lexicon):
        # "卫建平是…。卫建平带队…": a name that opens sentences as their subject, more than once
        end = person_name_at(text, start, lexicon)
        if end is not None and SUBJECT_VERB.match(text, end) and text.count(text[start:end]) >= 2:
            add(start, end)
    org_ends = {m.end for m in organizations}
    org_starts = {m.start for m in organizations}
    for position in sorted(org_ends):  # (fewer than the separators: each looked at once, in order)
        if position >= len(text) or text[position] not in ITEM_SEPARATORS:
            continue
        start = position + 1  # "A公司、张三…": the item after an organisation's separator
        end = person_name_at(text, start, lexicon)
        if end is None or end >= len(text) or text[end] not in ITEM_ENDS \
                and not (text[position] in ITEM_SEPARATORS and text.startswith(lexicon.conferral_verbs, end)):
            continue  # ("A公司和张三获…": the list's last item before its verb)
        if text[end] in ITEM_SEPARATORS and end + 1 not in org_starts and text[end] != "、":
            continue  # "A公司和张三丰收": a name must stand as an item of the list
        add(start, end)
    name_lines = list(_name_opening_lines(lexicon).finditer(text))  # (found once for the two finders)
    _roll_people(text, organizations, lexicon, add, name_lines)
    _names_after_colon(text, lexicon, add)
    _name_lines(text, lexicon, add, name_lines)
    _names_granted(text, lexicon, add)
    return sorted(found, key=lambda m: m.start)


# A roll's line: a number, then a person and the employer beside the name ("王立新　某公司", "王立新（某公司）",
# "1.某公司 王立新")
ROLL_NUMBER = re.compile(r"[ \t\u3000]*(?:\d{1,3}\s*[.、．]|[（(]\d{1,3}[)）]|[\u2460-\u2473])?[ \t\u3000]*")
# Between a listed person and the employer beside the name: wide spaces or an opening bracket
BESIDE = re.compile(r"[ \t\u3000]+|[（(]")
ROLL_LINE_MAX = 80  # characters of a roll's line at most (a longer line is prose)
ROLL_NUMBER_MAX = 8  # characters of a roll's number before a line's first name


def _may_open_a_name(text: str, position: int, lexicon: Lexicon) -> bool:
    """Does a surname (or the first character of a compound one) stand at ``position``? (person_name_at
    is dear: tried at every line's start and after every colon, it doubled this finder's time)"""
    return text[position:position + 1] in _surname_starts(lexicon)


def _surname_starts(lexicon: Lexicon) -> frozenset[str]:
    cached = _SURNAME_STARTS.get(id(lexicon))
    if cached is None:
        cached = _SURNAME_STARTS[id(lexicon)] = frozenset(lexicon.surnames | {s[0] for s in lexicon.surnames_compound})
    return cached


_SURNAME_STARTS: dict[int, frozenset[str]] = {}
_NAME_LINES: dict[int, re.Pattern] = {}
_SENTENCE_OPENINGS: dict[int, re.Pattern] = {}


def _sentence_openings(text: str, lexicon: Lexicon) -> list[int]:
    """Where sentences open with a surname's character: the only openings a subject's name can stand at
    (person_name_at's window and tokens spared at the others, and the loop over them)."""
    first = TEXT_OPENING.match(text).end()
    return ([first] if text[first:first + 1] in _surname_starts(lexicon) else []) \
        + [opening.end() for opening in _breaks_before_a_surname(lexicon).finditer(text)]


def _breaks_before_a_surname(lexicon: Lexicon) -> re.Pattern:
    """Openings after a break where a surname's character follows (the text's start apart: the engine skips
    to the break characters, where "^|" would have it try every character)."""
    pattern = _SENTENCE_OPENINGS.get(id(lexicon))
    if pattern is None:
        surnames = re.escape("".join(sorted(_surname_starts(lexicon))))
        pattern = _SENTENCE_OPENINGS[id(lexicon)] = re.compile(rf"{OPENING_AFTER_A_BREAK}(?=[{surnames}])")
    return pattern


def _name_opening_lines(lexicon: Lexicon) -> re.Pattern:
    """Short lines that open (after a roll's number) with a surname's character: the only lines a roll of
    people can be made of, found by one scan (a loop over every line cost more than the finder)."""
    pattern = _NAME_LINES.get(id(lexicon))
    if pattern is None:
        surnames = re.escape("".join(sorted(_surname_starts(lexicon))))
        pattern = _NAME_LINES[id(lexicon)] = re.compile(
            rf"^(?=[^\n]{{1,{ROLL_LINE_MAX}}}$)(?P<number>{ROLL_NUMBER.pattern})(?=[{surnames}])[^\n]*$", re.MULTILINE)
    return pattern


def _roll_people(text: str, organizations: list[Mention], lexicon: Lexicon, add,
                 name_lines: list[re.Match]) -> None:
    """People alone on a line with their employer beside them: a roll of people (``name_lines``: the
    matches of _name_opening_lines)."""
    org_at = {m.start: m for m in organizations}
    for line in name_lines:  # "王立新　某公司", "王立新（某公司）"
        start = line.end("number")
        end = person_name_at(text, start, lexicon)
        if end is not None:
            beside = BESIDE.match(text, end, line.end())
            if beside is not None and beside.end() in org_at:
                add(start, end)
    for employer in organizations:  # "1.某公司 王立新": the employer opens a short line, the name closes it
        line_start = text.rfind("\n", max(0, employer.start - ROLL_NUMBER_MAX), employer.start) + 1
        if (line_start == 0 and employer.start > ROLL_NUMBER_MAX) or not ROLL_NUMBER.fullmatch(text, line_start, employer.start):
            continue
        line_end = text.find("\n", employer.end, line_start + ROLL_LINE_MAX + 1)
        line_end = len(text) if line_end < 0 and len(text) - line_start <= ROLL_LINE_MAX else line_end
        if line_end < 0:
            continue
        beside = BESIDE.match(text, employer.end, line_end)
        if beside is None or beside.group().startswith(("（", "(")) or not _may_open_a_name(text, beside.end(), lexicon):
            continue
        name_end = person_name_at(text, beside.end(), lexicon)
        if name_end is not None and not text[name_end:line_end].strip():
            add(beside.end(), name_end)


# "某奖：王一、李二、张三": names listed after an honour's colon, every item a name
NAMES_AFTER = re.compile(r"[:：][ \t\u3000]*")
MIN_NAMED_ITEMS = 3


def _names_after_colon(text: str, lexicon: Lexicon, add) -> None:
    for colon in NAMES_AFTER.finditer(text):
        items, position = [], colon.end()
        while True:
            end = person_name_at(text, position, lexicon) if _may_open_a_name(text, position, lexicon) else None
            if end is None or end - position > 3:
                break
            items.append((position, end))
            if text[end:end + 1] != "、":
                break
            position = end + 1
        if len(items) >= MIN_NAMED_ITEMS and text[items[-1][1]:items[-1][1] + 1] in ("", "\n", "。", "；", ";", "，", ",", "等"):
            for start, end in items:
                add(start, end)


# What a count of people holds before its last character (人 of 人 and 个人, 志 of 同志), besides spaces and digits.
_COUNT_CHARACTERS = frozenset("等一二三四五六七八九十两名位个同")


def _counted_people_starts(text: str) -> list[int]:
    """Every offset a match of COUNTED_PEOPLE can start at (the regular expression, tried at every
    character, cost more than the rest of the finder)."""
    return starts_of_counts(text, ("人", "志"), _COUNT_CHARACTERS)


def _name_ending_at(text: str, end: int, lexicon: Lexicon, add, item_after=None) -> int | None:
    """Add the person's name that ends at ``end``, if one does; where it starts.

    ``item_after``: the name is an item of a list, so what opens an item stands before it, or an
    organisation it works for ("…湘雅二医院向大雄等1名个人"), not "…首席质量官超1000人"."""
    listed = item_after is not None
    for length in range(LONGEST_NAME, 1, -1):
        start = end - length
        if start < 0 or person_name_at(text, start, lexicon) != end:
            continue
        if listed and not (start == 0 or text[start - 1] in ITEM_OPENERS or text.endswith(GRANTING, 0, start)
                           or start in item_after):
            return None
        add(start, end)
        return start
    return None


NAMES_ON_A_LINE = 3
NAME_SEPARATOR = re.compile(r"[、，,][ \t\u3000]*|[ \t\u3000]+")


def _names_of_line(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]] | None:
    """The names a line holds and nothing else (after a roll's number), apart by spaces or 、; else None."""
    position = ROLL_NUMBER.match(text, start, end).end()
    names = []
    while position < end:
        name_end = person_name_at(text, position, lexicon) if _may_open_a_name(text, position, lexicon) else None
        if name_end is None or name_end > end:
            return None
        names.append((position, name_end))
        separator = NAME_SEPARATOR.match(text, name_end, end)
        if separator is None:
            return names if not text[name_end:end].strip() else None
        position = separator.end()
    return names or None


def _name_lines(text: str, lexicon: Lexicon, add, name_lines: list[re.Match]) -> None:
    """A roll of people: lines of names alone, two or more such lines in a row or three names or more on one
    (``name_lines``: the matches of _name_opening_lines)."""
    # the short lines that hold names only, and whether the line before them (blank lines aside) is one too
    named: list[tuple[list[tuple[int, int]], bool]] = []
    previous_end = -1
    for line in name_lines:
        names = _names_of_line(text, line.start(), line.end(), lexicon)
        if names:
            follows = previous_end >= 0 and not text[previous_end:line.start()].strip()
            named.append((names, follows))
            previous_end = line.end()
    for index, (names, follows) in enumerate(named):
        beside = follows or index + 1 < len(named) and named[index + 1][1]
        if len(names) >= NAMES_ON_A_LINE or beside:  # (a byline names one or two: "张三 李四" is no roll)
            for start, end in names:
                add(start, end)


# "授予王一、李二“某某”称号": the names a decision grants a title, up to the title's quote or 等
GRANTED = re.compile(r"(?:授予|表彰|命名)[ \t\u3000]*")


def _names_granted(text: str, lexicon: Lexicon, add) -> None:
    for verb in GRANTED.finditer(text):
        names, position = [], verb.end()
        while True:
            end = person_name_at(text, position, lexicon) if _may_open_a_name(text, position, lexicon) else None
            if end is None:
                return_names = []
                break
            names.append((position, end))
            if text[end:end + 1] == "、":
                position = end + 1
                continue
            return_names = names if text[end:end + 1] in ("“", '"', "「", "等") or text.startswith("同志", end) else []
            break
        for start, end in return_names:
            add(start, end)
