"""Year resolution: the year a conferral belongs to, in a stated order of precedence.

1. The award's own designation: a year written with the award's name ("2022年度X奖";
   a range, "2015—2016年度X奖", is one edition whose year is the last, the range kept as
   its period; an edition, "第八届X奖", is kept as the period too; an edition with its years in
   brackets, "首届（2011—2012年）X奖", takes those years).
2. A year the statement gives: its clause or sentence, its list's heading, a bracket after
   the award ("X奖（2019年）"), a year heading above a timeline (the finders in conferrals.py).
3. For an edition without a year ("第二届X奖"), the one year a sentence naming that edition dates
   its telling with ("2023年经…批准，…第二届X奖").
4. For a statement of the present event, the one year the awards announced earlier in its
   paragraph are designated with ("2022年度X奖名单公布，A上榜。B获Y奖。": Y's year is 2022).
   Then the year in the document's title, for what the document announces: a list or decision, a
   statement of the present event ("本次", "今年"), an award the title names (at its level).
5. The year of the document's date (its byline, or the date a decision was signed).

Years of documents cited in passing never count: inside 《》 (a regulation's title) or
〔〕 (a document number, "许政〔2016〕46号").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = r"(?:19|20)\d{2}"
RANGE_JOINER = r"\s*(?:—|–|-|~|～|至|到)\s*"
EDITION = r"第[一二三四五六七八九十百零〇\d]+届|首届"
# What stands right before an award's name (or opens its span): "2015—2016年度", "2022年", "第八届", "2022年度第八届".
# "首届（2011—2012年度）": an edition with its years in brackets after it (the range is the period).
DESIGNATION = re.compile(
    rf"(?P<bracketed_edition>{EDITION})\s*[（(]\s*(?P<bracketed>(?P<bracketed_first>{YEAR})"
    rf"(?:{RANGE_JOINER}(?P<bracketed_last>{YEAR}))?\s*年?度?)\s*[)）]"
    rf"|(?P<years>(?P<first>{YEAR})(?:{RANGE_JOINER}(?P<last>{YEAR}))?)\s*年?度?\s*(?P<edition>{EDITION})?"
    rf"|(?P<edition_only>{EDITION})")
# "2017年度十大“巴渝工匠”": a count of the honoured may stand between the year and the name
DESIGNATION_BEFORE = re.compile(rf"(?:{DESIGNATION.pattern})\s*(?:十大|百佳|百强|首批)?\s*[“\"‘「]?\s*$")
LOOKBEHIND = 20


@dataclass(frozen=True)
class Designation:
    year: int | None
    period: str | None  # as written, when it is a range or an edition


def designation(text: str, award_start: int, award_end: int) -> Designation | None:
    """The designation written with the award at [award_start, award_end), if any."""
    match = DESIGNATION_BEFORE.search(text, max(0, award_start - LOOKBEHIND), award_start)
    if match is None:  # written inside the name as matched: "黄石市第八届市长质量奖", "2022年度X奖"
        match = DESIGNATION.search(text, award_start, award_end)
    if match is None:
        return None
    if match.group("bracketed"):
        year = match.group("bracketed_last") or match.group("bracketed_first")
        period = match.group("bracketed") if match.group("bracketed_last") else match.group("bracketed_edition")
        return Designation(int(year), period)
    year = match.group("last") or match.group("first")
    edition = match.group("edition") or match.group("edition_only")
    written = match.group().strip(" “\"‘「")
    if match.group("last"):
        period = written
    elif edition:
        period = edition
    else:
        period = None
    return Designation(int(year) if year else None, period)


def cited_in_passing(text: str, position: int) -> bool:
    """Is ``position`` inside a title in 《》 or a document number's 〔〕?"""
    if position > 0 and text[position - 1] in "〔[【":
        return True
    opened = text.rfind("《", 0, position)
    return opened >= 0 and text.rfind("》", opened, position) < 0
