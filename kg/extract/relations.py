"""Which city or organisation runs which programme (where things are: kg/extract/locations.py)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon import Lexicon, alternation
from kg.extract.mentions import Mention
from kg.extract.places import Places

YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年(?!\d{1,2}月))")  # a year, not a date's
SENTENCE_BREAKS = "。！？!?；;\n"
# "我市", "全市", "市委市政府": the document's own city (or province) as a subject.
OWN_CITY = re.compile(r"我市|本市|全市|市委|市政府")
# "全省率先", "全省首个": a rank within the province, said of the document's own city.
OWN_PROVINCE = re.compile(r"我省|本省|全省(?!率先|首|第一|领先|前列)|省委|省政府")
# "公司", "该集团": the firm the text is about as a subject.
OWN_FIRM = re.compile(r"(?:^|[，,。；;\s]|该|本)(?:公司|集团)")
VERB_REACH = 16  # how far before a programme its verb may stand
# "申报企业须建立…", "…实施卓越绩效模式三年以上": a condition set for applicants, not a programme run.
REQUIREMENT_BEFORE = re.compile(r"须|应当")
REQUIREMENT_AFTER = re.compile(r"\s*[一二两三四五六七八九十\d]+\s*年(?:及)?以上")


@dataclass
class FoundRelation:
    subject: str
    object: str
    year: int | None
    start: int
    end: int
    confidence: float


@lru_cache(maxsize=1)
def _adoption_verbs() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().adoption_verbs))


_SENTENCE_BREAK = re.compile("[" + re.escape(SENTENCE_BREAKS) + "]")


@lru_cache(maxsize=1)
def _sentence_breaks(text: str) -> list[int]:
    """Offsets of the text's sentence breaks (cached: a document asks for many sentences)."""
    return [m.start() for m in _SENTENCE_BREAK.finditer(text)]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """From after the last sentence break before ``start`` to the first at or after ``end``."""
    breaks = _sentence_breaks(text)
    before = bisect_left(breaks, start)
    after = bisect_left(breaks, end)
    return (breaks[before - 1] + 1 if before else 0), (breaks[after] if after < len(breaks) else len(text))


def find_adoptions(text: str, programs: list[Mention], agents: list[Mention], places: Places) -> list[FoundRelation]:
    """A programme after an adoption verb, run by the subject of the sentence (or by several: "A市、B市率先…")."""
    found = []
    main_firm = lru_cache(maxsize=1)(lambda: _main_enterprise(agents))
    by_start = sorted(agents, key=lambda a: a.start)
    agent_starts = [a.start for a in by_start]
    for program in programs:
        if program.type != "Program":
            continue
        window_start = max(0, program.start - VERB_REACH)
        verbs = list(_adoption_verbs().finditer(text, window_start, program.start))
        sentence_start, sentence_end = sentence_around(text, program.start, program.end)
        issuer = program.attrs.get("issuer")
        owner = _place_right_before(text, program, places)
        held = program.attrs.get("held", False)  # a campaign the text says is held ("…等活动")
        if not verbs and not issuer and owner is None and not held:
            continue
        verb_start = verbs[-1].start() if verbs else program.start
        if verbs and (REQUIREMENT_BEFORE.search(text, sentence_start, verb_start)
                      or REQUIREMENT_AFTER.match(text, program.end)):
            continue
        before = [a for a in by_start[bisect_left(agent_starts, sentence_start):bisect_left(agent_starts, verb_start)]
                  if a.end <= verb_start and not a.attrs.get("implied")]
        subjects, confidence = [], 0.7
        if issuer:
            subjects, confidence = [issuer], 0.8
        elif owner is not None:
            subjects, confidence = [owner.name], 0.6  # 某省“质量月”: the province's own campaign
        elif before:
            subjects = [a.name for a in _coordinated(text, before)]
        elif OWN_FIRM.search(text[sentence_start:verb_start]) and main_firm():
            subjects, confidence = [main_firm()], 0.6  # "公司推行…" in a firm's profile
        elif (_own_province_before(text, sentence_start, verb_start) or "省" in program.name) and places.main_province:
            # "全省…", or a province's programme by its name (质量强省战略)
            subjects = [places.main_province.name]
        elif places.main_city:
            subjects = [places.main_city.name]
            confidence = 0.5 if not OWN_CITY.search(text, sentence_start, verb_start) else 0.7
        year = _since(text, sentence_start, sentence_end, program)
        found.extend(FoundRelation(subject, program.name, year, sentence_start, sentence_end, confidence)
                     for subject in subjects)
    return found


def _own_province_before(text: str, start: int, end: int) -> bool:
    """"全省…" before ``end``; searched past ``end`` so that the rank phrase "全省率先" is seen whole."""
    match = OWN_PROVINCE.search(text, start, end + 2)
    return match is not None and match.start() < end


# "自2012年起", "2016年以来", "于2015年": when a programme started, also after its name.
SINCE = re.compile(r"(?:自|从|于)?((?:19|20)\d{2})\s*年(?:起|以来|开始)?")


def _since(text: str, sentence_start: int, sentence_end: int, program: Mention) -> int | None:
    years = [int(y) for y in YEAR.findall(text, sentence_start, program.start)]
    if years:
        return years[0]
    after = [m for m in SINCE.finditer(text, program.end, sentence_end) if m.group().startswith(("自", "从", "于"))
             or m.group().endswith(("起", "以来", "开始"))]
    return int(after[0].group(1)) if after else None


def _main_enterprise(agents: list[Mention]) -> str | None:
    """The enterprise the text names most often, if one is named more than any other."""
    counts = Counter(a.name for a in agents if a.type == "Enterprise")
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _coordinated(text: str, agents: list[Mention]) -> list[Mention]:
    """The sentence's first agent and those joined to it by 、 和 与 及."""
    chosen = [agents[0]]
    for agent in agents[1:]:
        if text[chosen[-1].end:agent.start] not in ("、", "和", "与", "及", "以及"):
            break
        chosen.append(agent)
    return chosen


def _place_right_before(text: str, program: Mention, places: Places) -> Mention | None:
    """A place named right before a quoted programme ("某省“质量月”")."""
    if text[program.start:program.start + 1] != "“":
        return None
    return next(iter(places.ending_at().get(program.start, ())), None)
