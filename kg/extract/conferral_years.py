"""Year resolution for the conferrals the frames found (the order of precedence is years.py's):
the award's own designation, the statement's year, an edition's year, the one year the award carries
elsewhere in the text, the year of the announcement earlier in the paragraph, the title's, the
document's date for what the document announces."""
from __future__ import annotations

import re
from functools import cache, partial

from kg.extract.frame_words import AWARD_GIVEN_BEFORE, QUOTED_NAME, STATEMENT_DATE, STATEMENT_FOLLOWS
from kg.extract.places import leading_division
from kg.extract.years import cited_in_passing, designation

TIER_ENDING = re.compile(r"(?:提名奖|金奖|银奖|铜奖|特别奖|组织奖|个人奖|鼓励奖)$")


def date_conferrals(finder, title: str | None, document_year: int | None, listed: int) -> None:
    """Set the year (and period) of each of ``finder.found`` (a ConferralFinder's); the first ``listed``
    of them come from lists and decisions, the document's own announcement."""
    text = finder.text
    written_at = cache(partial(designation, text))  # an award's designation, asked for again by later steps
    # the one year the text writes with an award anywhere ("2017年度十大“巴渝工匠”颁奖仪式")
    designated: dict[str, set[int]] = {}
    for award in finder.awards.mentions:
        written = written_at(award.start, award.end)
        if written is not None and written.year:
            designated.setdefault(award.name, set()).add(written.year)
    for name, surface in {(f.award.name, QUOTED_NAME.sub(r"\1", text[f.award.start:f.award.end])) for f in finder.found}:
        # an honour the finders name only where it is conferred ("获得“巴渝工匠”称号"), written elsewhere
        position = text.find(surface) if len(surface) >= 2 else -1
        while position >= 0:
            written = written_at(position, position + len(surface))
            if written is not None and written.year:
                designated.setdefault(name, set()).add(written.year)
            position = text.find(surface, position + len(surface))
    # "2021年，…开展第四届中国质量奖评选": the one year a sentence states with an edition of an award
    edition_years: dict[tuple[str, str], set[int]] = {}
    editions: dict[str, set[str]] = {}  # the editions the text names of each award
    for award in finder.awards.mentions:
        written = written_at(award.start, award.end)
        if written is None or written.period is None:
            continue
        editions.setdefault(award.name, set()).add(written.period)
        if written.year:
            continue
        sentence_start, sentence_end = finder.sentence_bounds(award.start)
        stated = {int(m.group("last") or m.group("first")) for m in STATEMENT_DATE.finditer(text, sentence_start,
                                                                                            sentence_end)
                  if not cited_in_passing(text, m.start())
                  and (m.start() == sentence_start or STATEMENT_FOLLOWS.match(text, m.end()))}
        if len(stated) == 1:
            edition_years.setdefault((award.name, written.period), set()).update(stated)
    # "2022年度X奖名单公布，A、B上榜。C、D获Y奖。": the year each paragraph's announcement designates
    announced_years: dict[int, list[tuple[int, int]]] = {}  # paragraph start -> (position, designated year)
    for found in finder.found:
        written = written_at(found.award.start, found.award.end)
        if written is not None and written.year and found.start <= found.award.start < found.end:
            paragraph = text.rfind("\n", 0, found.start) + 1
            announced_years.setdefault(paragraph, []).append((found.start, written.year))
    for award in finder.awards.mentions:  # "会议表彰了2010年度某市优秀企业家。A、B获得杰出企业家称号"
        if not AWARD_GIVEN_BEFORE.search(text, max(0, award.start - 16), award.start):
            continue
        written = written_at(award.start, award.end)
        if written is not None and written.year:
            paragraph = text.rfind("\n", 0, award.start) + 1
            announced_years.setdefault(paragraph, []).append((award.start, written.year))
    for number, found in enumerate(finder.found):
        # the award's own designation first where the statement names the award; a roll's line under a
        # heading elsewhere keeps the year it gives ("2010年：A、B"), else takes the heading's designation
        in_statement = found.start <= found.award.start < found.end
        written = written_at(found.award.start, found.award.end) \
            if in_statement or found.year is None else None
        if written is not None:
            found.year = written.year or found.year
            found.period = written.period
        named = editions.get(found.award.name, set())
        if found.year is None and found.period is None and len(named) == 1 and (number < listed or found.present):
            found.period = next(iter(named))  # a list under "一、X奖" of a text on 第十八届X奖 only
        stated = edition_years.get((found.award.name, found.period), set())
        if found.year is None and len(stated) == 1:
            found.year = next(iter(stated))
        # a sentence of news dates an honour by the document only when the document is about that award
        announced = not found.past and (number < listed or found.present or award_in_title(found.award.name, title))
        if found.year is None and announced:
            elsewhere = designated.get(found.award.name, set())
            found.year = (next(iter(elsewhere)) if len(elsewhere) == 1 else None) \
                or (_announcement_year(text, found, announced_years) if found.present else None) \
                or finder.title_year or document_year


def _announcement_year(text: str, found, announced_years: dict[int, list[tuple[int, int]]]) -> int | None:
    """The one year the awards announced earlier in ``found``'s paragraph are designated with."""
    paragraph = text.rfind("\n", 0, found.start) + 1
    years = {year for position, year in announced_years.get(paragraph, ()) if position < found.start}
    return next(iter(years)) if len(years) == 1 else None


def award_in_title(award: str, title: str | None) -> bool:
    """Does the title name the award, its region perhaps left out ("第七届长江质量奖揭晓")?"""
    if not title:
        return False
    leading = leading_division(award)
    core = award[leading[1]:] if leading is not None else award
    core = TIER_ENDING.sub("", core) or core  # "第七届长江质量奖揭晓" is about its 提名奖 too
    if len(core) < 3:
        return False
    level = leading[0].name[-1] if leading is not None else None
    position = title.find(core)
    while position >= 0:
        # "首届市政府质量奖" names a city's award, not "福建省政府质量奖": a level written before the core must fit
        written_level = title[position - 1] if position > 0 and title[position - 1] in "省市县区" else None
        if written_level is None or level is None or written_level == level:
            return True
        position = title.find(core, position + 1)
    return False
