"""The year a section of a report reviews: it dates the statements inside that give no year of their own.

A year-end report reviews the year under a heading, opening with the year
("2021年是…之年", "回顾2021年"); its statements ("A公司荣获X称号") do not
repeat it. The section starts at its heading (a line with no sentence's end,
right before the opening line) and runs to the next heading of that rank: a
line with no sentence's end longer than a subheading ("制度·更全"), or a line
that opens another year's review.

Examples (each is a test in tests/test_extract_section_years.py):

- "<p>真抓实干，取得新突破</p><p>2021年是开局之年。</p><p>A公司获X奖。</p>" → 2021 for the last line
- "…<p>展望未来，再创佳绩</p><p>今年，A公司将…</p>" → the section has ended at its heading
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.years import YEAR

Span = tuple[int, int]

# A line that opens a review of a year: "2021年是…", "回顾2021年…".
OPENING = re.compile(rf"回顾({YEAR})年|({YEAR})年是")
# A sentence's end (a heading has none) and the longest subheading, which ends no section.
SENTENCE_END = re.compile(r"[。！？!?；;：:]")
MAX_SUBHEADING = 6


def _is_heading(text: str, line: Span) -> bool:
    return SENTENCE_END.search(text, *line) is None


def _opened_year(text: str, line: Span) -> int | None:
    match = OPENING.match(text, *line)
    return int(match.group(1) or match.group(2)) if match else None


class SectionYears:
    """The sections of a text that review a year, looked up by offset."""

    def __init__(self, text: str, lines: list[Span]):
        self._starts: list[int] = []
        self._sections: list[tuple[int, int, int]] = []  # (start, end, year), in order
        index = 1
        while index < len(lines):
            year = _opened_year(text, lines[index])
            if year is None or not _is_heading(text, lines[index - 1]):
                index += 1
                continue
            start = lines[index - 1][0]
            index += 1
            while index < len(lines) and not self._ends(text, lines[index]):
                index += 1
            end = lines[index][0] if index < len(lines) else len(text)
            self._starts.append(start)
            self._sections.append((start, end, year))

    @staticmethod
    def _ends(text: str, line: Span) -> bool:
        long_heading = _is_heading(text, line) and line[1] - line[0] > MAX_SUBHEADING
        return long_heading or _opened_year(text, line) is not None

    def year_at(self, position: int) -> int | None:
        """The year the section holding ``position`` reviews, if any."""
        index = bisect_right(self._starts, position) - 1
        if index < 0:
            return None
        start, end, year = self._sections[index]
        return year if start <= position < end else None
