"""A section that reviews a year dates the conferrals it states without one (kg/extract/section_years.py),
on short texts written for the tests (none from the source documents)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg.extract.document import extract_facts
from kg.extract.section_years import SectionYears
from kg.extract.segments import lines
from kg.reader import SourceDocument
from kg.textnorm import matchable

REPORT = ("<p>砥砺奋进，质量工作取得新成效</p>\n<p>2021年是开局之年，也是突破之年。</p>\n<p>品牌·更强</p>\n"
          "<p>红星电缆有限公司荣获“全国质量标杆”称号。</p>\n<p>展望未来，再创质量发展佳绩</p>\n"
          "<p>今年，蓝天机械有限公司荣获“全国质量标杆”称号。</p>")


def _years(text: str) -> SectionYears:
    return SectionYears(text, lines(text))


def test_the_review_runs_from_its_heading_past_subheadings_to_the_next_heading():
    years = _years(REPORT)
    assert years.year_at(REPORT.index("红星")) == 2021
    assert years.year_at(REPORT.index("砥砺")) == 2021
    assert years.year_at(REPORT.index("蓝天")) is None  # the next section is about this year
    assert years.year_at(0) is None


def test_a_year_that_opens_no_review_dates_nothing():
    text = "<p>2021年3月，质量大会召开。</p>\n<p>红星电缆有限公司荣获“全国质量标杆”称号。</p>"
    assert _years(text).year_at(text.index("红星")) is None
    # nor does a review whose line before is a sentence, not a heading
    text = "<p>大会召开。</p>\n<p>2021年是开局之年。</p>\n<p>红星电缆有限公司获奖。</p>"
    assert _years(text).year_at(text.index("红星")) is None


def test_a_review_opened_by_its_words_runs_to_another_years_review():
    text = "<p>工作回顾</p>\n<p>回顾2020年，成绩显著。</p>\n<p>甲获奖。</p>\n<p>2021年是新的一年。</p>\n<p>乙获奖。</p>"
    years = _years(text)
    assert (years.year_at(text.index("甲")), years.year_at(text.index("乙"))) == (2020, None)


def test_the_extractor_dates_the_reviewed_conferrals():
    document = SourceDocument(path=Path("t.txt"), text=REPORT, matchable=matchable(REPORT), title="t", date=None,
                              publisher=None, url=None, encoding="utf-8",
                              sha256=hashlib.sha256(REPORT.encode("utf-8")).hexdigest())
    facts = extract_facts(document)
    assert {(c.recipient, c.award, c.year) for c in facts.conferrals} == {
        ("红星电缆有限公司", "全国质量标杆", 2021), ("蓝天机械有限公司", "全国质量标杆", None)}
