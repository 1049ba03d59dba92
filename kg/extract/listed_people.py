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
from functools import lru_cache

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, SpanSet
from kg.extract.occurrences import matches_from, occurrences, starts_of_counts
from kg.extract.places import leading_division
from kg.extract.tokenizer import dictionary_tag
from kg.extract.person_names import SUBJECT_VERB, person_name_at

COMRADE = re.compile(r"同志")
# (The lookahead names every first character a match can have: the engine skips the others at once.)
COUNTED_PEOPLE = re.compile(r"(?=[等\d一二三四五六七八九十两])"
                            r"(?:等\s*)?(?:\d+|[一二三四五六七八九十两]+)\s*(?:名|位)?\s*(?:个人|同志|人)(?![员民才士口数次])")
ITEM_SEPARATORS = "、和及与"
LIST_JOINERS = ("、", "和", "及", "与")
ITEM_ENDS = "、，,。；;和及与等\n"
LONGEST_NAME = 4
ITEM_OPENERS = "、，,：:；;。！？!?\n 和及与"
GRANTING = ("授予", "表彰", "给予", "奖励")
# "我县林丽品、张节成4名职工…": the own place before a list of its people
OWN_PLACES = ("我省", "我市", "我县", "我区", "本省", "本市", "本县", "本区", "全省", "全市")
# "4名职工", "3位工匠": people counted by what they are
COUNTED_WORKERS = re.compile(r"(?:名|位)(?:职工|员工|工匠|选手|劳模|技术工人|技能人才|代表)")
COUNT_BEFORE = re.compile(r"(?:等\s*)?(?:\d+|[一二三四五六七八九十两]+)\s*$")
# Verbs of selection a list of those selected follows ("最后评选出A、B等6人荣获…")
SELECTING = ("评选出", "选出", "评出", "选树出", "推选出", "涌现出", "产生")
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
    org_start_of = {m.end: m.start for m in organizations}
    for cue in COMRADE.finditer(text):
        _name_ending_at(text, cue.start(), lexicon, add)
    counted = [cue.start() for cue in matches_from(COUNTED_PEOPLE, text, _counted_people_starts(text))]
    counted += [start for start in _counted_workers(text) if start not in counted]
    for end in counted:
        # "A、B、C等10人", "…张才奎5人", "A、B4名职工": the counted list's names, walked back through 、
        while (start := _name_ending_at(text, end, lexicon, add, org_ends)) is not None:
            if start in org_start_of:  # "A公司张三和B公司李四等5人": the item is the employer and the name
                start = org_start_of[start]
            if text[start - 1:start] not in LIST_JOINERS:
                break
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
    _names_before_verbs(text, organizations, lexicon, add)
    _names_closing_items(text, lexicon, add, {m.end for m in organizations})
    _names_before_wei_role(text, lexicon, add)
    return sorted(found, key=lambda m: m.start)


# A roll's line: a number, then a person and the employer beside the name ("王立新　某公司", "王立新（某公司）",
# "1.某公司 王立新")
ROLL_NUMBER = re.compile(r"[ \t\u3000]*(?:\d{1,3}\s*[.、．]|\d{1,3}(?=[ \t\u3000])|[（(]\d{1,3}[)）]|[\u2460-\u2473])?[ \t\u3000]*")
# Between a listed person and the employer beside the name: wide spaces, a comma or an opening bracket
BESIDE = re.compile(r"(?:[（(][男女][)）]|[ \t\u3000]+[男女](?=[ \t\u3000]))?"  # (the person's sex noted first)
                    r"(?:[ \t\u3000]*[，,][ \t\u3000]*|[ \t\u3000]+|[（(])")
# What may follow the employer on a roll's line: the person's job there ("装配车间班长", "质检员）")
JOB_AFTER = re.compile(r"[\u4e00-\u9fff〇A-Za-z0-9·、]{1,20}[)）]?")
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
MIN_NOTED_ITEMS = 2  # names each followed by the employer in brackets: two make a list
EMPLOYER_NOTE = re.compile(r"[（(][^()（）\n]{2,30}?(?:公司|集团|厂|院|所|局|中心|学校|大学|医院|站|队)[^()（）\n]{0,12}[)）]")


def _names_after_colon(text: str, lexicon: Lexicon, add) -> None:
    for colon in NAMES_AFTER.finditer(text):
        items, position, noted = [], colon.end(), 0
        while True:
            end = person_name_at(text, position, lexicon) if _may_open_a_name(text, position, lexicon) else None
            if end is None or end - position > 3:
                break
            items.append((position, end))
            note = EMPLOYER_NOTE.match(text, end)
            if note is not None:  # "王建国（某公司）、李明华（某公司）": each name with its employer in brackets
                noted += 1
                end = note.end()
            if text[end:end + 1] != "、":
                break
            position = end + 1
        closing = text[items[-1][1]:items[-1][1] + 1] if items else ""
        if noted == len(items) and items:
            closing = text[end:end + 1]
        least = MIN_NOTED_ITEMS if items and noted == len(items) else MIN_NAMED_ITEMS
        if len(items) >= least and closing in ("", "\n", "。", "；", ";", "，", ",", "等"):
            for start, name_end in items:
                add(start, name_end)


# What a count of people holds before its last character (人 of 人 and 个人, 志 of 同志), besides spaces and digits.
_COUNT_CHARACTERS = frozenset("等一二三四五六七八九十两名位个同")


def _counted_workers(text: str) -> list[int]:
    """Where the counts of people named by what they are start ("…张丽娇4名职工" -> the 4)."""
    starts = []
    for cue in COUNTED_WORKERS.finditer(text):
        count = COUNT_BEFORE.search(text, max(0, cue.start() - 6), cue.start())
        if count is not None:
            starts.append(count.start())
    return starts


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
        if listed and not (start == 0 or text[start - 1] in ITEM_OPENERS or text.endswith(GRANTING + SELECTING + OWN_PLACES, 0, start)
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


# "张三、李四和王五荣获…", "某公司的张三被评为…": names listed as the subject of an honour's verb; "为获得X的
# 张三、李四颁发…": the names a presenter hands an honour to. Every item of the list must be a name, and the
# list must open its clause (or follow 的, or its employer): "甲公司、张三荣获" is a mixed list, another finder's.
NOT_AN_HONOUR = ("获批",)  # approvals: a project's or a firm's, never a person's
PRESENTING_VERBS = ("颁发", "颁奖", "颁授", "授牌")
SUBJECT_OPENERS = ITEM_OPENERS + "的继"  # (继: "继张三入选X后")
HANDED_OPENERS = "为向给的"
LIST_CLOSER = "等"
# Verbs whose first character jieba may read as a name's last ("崔蕴|荣获" cut as 崔蕴荣|获)
GLUED_HONOUR_VERBS = ("荣获", "荣膺", "荣登")


@lru_cache(maxsize=4)
def _verbs_after_names(conferral_verbs: tuple[str, ...]) -> re.Pattern:
    honours = [v for v in conferral_verbs if v not in NOT_AN_HONOUR] + ["当选"]
    words = sorted(set(honours) | set(PRESENTING_VERBS), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + NOT_WON)


# 获 of 获悉 (learnt), 获取, 获准 …: no honour's verb
NOT_WON = "(?![悉取知准益利胜])"
# A level word closing a "name" makes it a place's (高新区, 某某县), and a place opening it a clause
# ("南宁能拿下…": 南宁 could)
LEVEL_ENDINGS = tuple("省市县区州旗盟镇乡村")


def _names_before_verbs(text: str, organizations: list[Mention], lexicon: Lexicon, add) -> None:
    org_ends = {m.end for m in organizations}
    surname_starts = _surname_starts(lexicon)
    for verb in _verbs_after_names(lexicon.conferral_verbs).finditer(text):
        end = verb.start()
        if text[end - 1:end] == LIST_CLOSER:
            end -= 1
        if not any(c in surname_starts for c in text[max(0, end - LONGEST_NAME):end - 1]):
            continue  # no name can end here (person_name_at is dear)
        names = _names_listed_before(text, end, lexicon)
        if not names:
            continue
        opening = names[0][0]
        before = text[opening - 1:opening]
        openers = HANDED_OPENERS if verb.group() in PRESENTING_VERBS else SUBJECT_OPENERS
        if opening == 0 or before in openers or (verb.group() not in PRESENTING_VERBS and opening in org_ends):
            for start, name_end in names:
                add(start, name_end)


# Tags jieba gives some names as proper nouns of other kinds ("于洋" as a place): closing a listed item, a name
PROPER_NOUN_TAGS = ("ns", "nz", "nt")


def _name_closing_item(text: str, start: int, end: int, lexicon: Lexicon, after_employer: bool) -> bool:
    """A name closes the item; one jieba takes for a place only right after the employer or alone
    ("某公司于洋", not "架桥跨江河")."""
    if person_name_at(text, start, lexicon) == end:
        return True
    return after_employer and dictionary_tag(text[start:end]) in PROPER_NOUN_TAGS \
        and person_name_at(text, start, lexicon, after_role=True) == end


def _inside_a_word(text: str, start: int, floor: int) -> bool:
    """Does the character at ``start`` end a word with the one before ("公司|邓晶": 司 is no surname here)?"""
    return start > floor and dictionary_tag(text[start - 1:start + 1]) is not None


def _no_common_word(name: str) -> bool:
    """A name cut short of a glued verb is no word of the dictionary ("公司" of "公司荣获")."""
    tag = dictionary_tag(name)
    return tag is None or tag.startswith("nr")


def _names_listed_before(text: str, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The names of a list that ends at ``end``, walked back through 、 and the joiners, in order; empty
    when an item is no name."""
    names = []
    while True:
        start = next((s for s in range(end - LONGEST_NAME, end - 1) if s >= 0 and _may_open_a_name(text, s, lexicon)
                      and (person_name_at(text, s, lexicon) == end
                           or text.startswith(GLUED_HONOUR_VERBS, end) and person_name_at(text, s, lexicon) == end + 1
                           and end - s >= 2 and _no_common_word(text[s:end]))), None)
        if start is None or text.endswith(LEVEL_ENDINGS, start, end) or leading_division(text[start:end]):
            return []
        names.append((start, end))
        if text[start - 1:start] not in ITEM_SEPARATORS or start < 2:
            return names[::-1]
        end = start - 1


# "分别是：…司机母永奇；…传承人索朗群培；…专家陈克坚。": a list after 分别是 whose every item ends with a
# person's name, after the words that describe the person
LISTED_NEXT = re.compile(r"(?:分别|依次)(?:是|为)[ \t\u3000]*[:：]?\s*")
ITEM_BREAK = re.compile(r"[；;、，,。\n]")
MIN_DESCRIBED_ITEMS = 2
MAX_DESCRIBED_ITEM = 40


def _names_closing_items(text: str, lexicon: Lexicon, add, org_ends: set[int]) -> None:
    for cue in LISTED_NEXT.finditer(text):
        names, position = [], cue.end()
        while True:
            stop = ITEM_BREAK.search(text, position, position + MAX_DESCRIBED_ITEM + 1)
            end = stop.start() if stop else min(len(text), position + MAX_DESCRIBED_ITEM)
            start = next((s for s in range(max(position, end - LONGEST_NAME), end - 1)
                          if _may_open_a_name(text, s, lexicon) and not _inside_a_word(text, s, position)
                          and _name_closing_item(text, s, end, lexicon, s in org_ends or s == position)), None)
            if start is None or stop is None:
                break
            names.append((start, end))
            if stop.group() not in "；;、，,":
                break
            position = stop.end()
            while position < len(text) and text[position].isspace():
                position += 1  # an item per line: "A公司张三、\nB公司李四、"
        if len(names) >= MIN_DESCRIBED_ITEMS:
            for start, end in names:
                add(start, end)


# "杨文士、张贵华、高凤林为副秘书长": names listed before 为 and the role they are given
NAME_NOTE = re.compile(r"[(（][\u4e00-\u9fff]{1,2}[)）]$")  # "杨济之(兼)": a note after a listed name


@lru_cache(maxsize=4)
def _wei_role(roles: tuple[str, ...]) -> re.Pattern:
    return re.compile("为(?:" + "|".join(map(re.escape, sorted(roles, key=len, reverse=True))) + ")(?=[，,。；;、]|$)")


def _names_before_wei_role(text: str, lexicon: Lexicon, add) -> None:
    for cue in _wei_role(tuple(lexicon.roles)).finditer(text):
        end = cue.start()
        if text[end - 1:end] == LIST_CLOSER or COUNT_BEFORE.search(text, max(0, end - 6), end):
            continue  # "等6人为副理事长": the counted list's finder reads it
        names = []
        while True:
            note = NAME_NOTE.search(text, max(0, end - 4), end)
            item_end = note.start() if note else end
            start = next((s for s in range(item_end - LONGEST_NAME, item_end - 1) if s >= 0
                          and _may_open_a_name(text, s, lexicon) and person_name_at(text, s, lexicon) == item_end), None)
            if start is None:
                names = []
                break
            names.append((start, item_end))
            if text[start - 1:start] != "、":
                break
            end = start - 1
        if names and (names[-1][0] == 0 or text[names[-1][0] - 1] in ITEM_OPENERS):
            for start, name_end in names:
                add(start, name_end)
