"""Document layout of plain texts: which line is the title, which date is the document's own.

Scraped pages open with breadcrumbs, document numbers and index fields before the
title, and government decisions end with the issuer and the date they were signed.

- ``find_title``: among the first lines, an official title ("…关于…的决定"), else the first
  line that reads as a title and is none of the page's furniture;
- ``signature_date``: a date standing alone (or after the issuer) on one of the last lines.
"""
from __future__ import annotations

import re

from kg.textnorm import matchable

TITLE_SCAN_LINES = 8
TITLE_MAX = 60
SIGNATURE_SCAN_LINES = 12
NOT_TITLE_ENDINGS = tuple("。，,；;：:！!？?、")
SENTENCE_MARKS = re.compile(r"[。，,；;！!？?]")
# "…人民政府关于表彰…的决定": the title a government's own document gives itself.
OFFICIAL_TITLE = re.compile(r"[\u4e00-\u9fff()]{0,24}关于[^|｜\n。；;]{2,80}?的(?:决定|通知|通报|公告|意见|批复|命令)")
# Page furniture that is never the title.
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}\s*[〔\[【(]\s*\d{4}\s*[〕\]】)]\s*\d+\s*号$")
FURNITURE = re.compile(r"当前位置|您的位置|首页|[>＞»]|[|｜].*[|｜]|索引号|文号|发布日期|发布时间|发布单位|发布机构|制发机关|成文日期|"
                       r"主题分类|公开方式|来源[:：]|字号|打印|分享到|^EN$|^https?:|^www\.")
# "中国质量新闻网", "某某日报": the site's or paper's own name above the article.
SITE_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,10}(?:网|在线|频道|日报|晚报|新闻|报)$")
# "有效性: 有效", "主题分类: 其他": a field of the page's index with a short value, not a title.
INDEX_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,5}\s*[:：]\s*\S{0,10}$")
SIGNATURE_DATE = re.compile(r"^[\u4e00-\u9fff()]{0,30}?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


def find_title(body: str) -> str | None:
    """The title of a plain text, or None when its first lines hold none."""
    seen = 0
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > TITLE_SCAN_LINES:
            break
        plain = matchable(line)
        official = OFFICIAL_TITLE.search(plain)
        # the line's own title, not one a sentence cites ("会上宣读了《省人民政府关于…的决定》")
        if official and not SENTENCE_MARKS.search(plain, 0, official.start()) and plain[official.start() - 1:
                                                                                         official.start()] != "《":
            return line[official.start():official.end()].strip()
        if _furniture(plain):
            continue
        if len(line) <= TITLE_MAX and not plain.endswith(NOT_TITLE_ENDINGS):
            return line
        return None  # the text opens with a sentence: it has no title line
    return None


def _furniture(line: str) -> bool:
    line = re.sub(r"\s+", "", line).lstrip("•·")
    return len(line) < 4 or INDEX_FIELD.match(line) is not None or SITE_NAME.match(line) is not None or DOCUMENT_NUMBER.match(line) is not None or FURNITURE.search(line) is not None \
        or _site_header(line)


SITE_HEADER_MAX = 12  # characters of a site's header line ("信用中国江苏无锡")
SITE_BRAND_MAX = 4  # characters of it that name no place


def _site_header(line: str) -> bool:
    """A short line of a site's brand and the places it serves ("信用中国江苏无锡"), no title's words."""
    if len(line) > SITE_HEADER_MAX:
        return False
    from kg.extract.places import leading_division  # (the gazetteer is loaded only for such short lines)
    position, places, other = 0, 0, 0
    while position < len(line):
        leading = leading_division(line[position:])
        if leading is not None:
            places += leading[1]
            position += leading[1]
        else:
            other += 1
            position += 1
    return places >= 2 and other <= SITE_BRAND_MAX and places + other == len(line) and places >= other


# "2023-01-10 16:00:22 中国质量报": a line near the top that opens with the full date it was published.
DATELINE = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d])")
DATELINE_SCAN_LINES = 10
# A short line near the top naming its source or a label, then the full date (a byline).
DATELINE_IN_BYLINE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
BYLINE_MAX = 50


# A date alone on its line ("2010-04-02", "2010年4月2日 10:31"): a scraped page's dateline under its menus
DATE_ALONE = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
DATE_ALONE_SCAN_LINES = 40
BODY_PARAGRAPH = 40  # characters of a line with a full stop: the text itself has begun


def dateline_date(body: str) -> str | None:
    """The date a news page's dateline opens with, among its first lines; further down, above the
    text's first paragraph, a date alone on its line."""
    lines = body.splitlines()
    return _dateline(lines[:DATELINE_SCAN_LINES]) or _date_alone_above_text(lines[:DATE_ALONE_SCAN_LINES])


def _date_alone_above_text(lines: list[str]) -> str | None:
    for line in lines:
        plain = matchable(line)
        if len(plain) >= BODY_PARAGRAPH and "。" in plain:
            return None
        found = _iso_date(DATE_ALONE.match(plain))
        if found:
            return found
    return None


def _dateline(lines: list[str]) -> str | None:
    for line in lines:
        plain = matchable(line)
        found = _iso_date(DATELINE.match(plain))
        if found is None and len(plain.strip()) <= BYLINE_MAX:
            # "都市时报 2024-01-11 16:01:44", "发布时间：2024-01-11": a byline naming its source first
            dated = DATELINE_IN_BYLINE.search(plain)
            if dated is not None and not SENTENCE_MARKS.search(plain, 0, dated.start()):
                found = _iso_date(dated)
        if found:
            return found
    return None


def signature_date(body: str) -> str | None:
    """The date a decision or notice was signed: alone on one of its last lines ("2017年2月13日")."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for line in reversed(lines[-SIGNATURE_SCAN_LINES:]):
        found = _iso_date(SIGNATURE_DATE.match(matchable(line)))
        if found:
            return found
    return None


def _iso_date(match: re.Match | None) -> str | None:
    """YYYY-MM-DD from a match of (year, month, day), when it is a date."""
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
