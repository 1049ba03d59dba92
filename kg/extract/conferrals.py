"""Award conferrals, from every way documents state them.

- honour rolls: a heading line that names an award (and maybe a year), then
  lines that each start with a recipient, with years in brackets;
- decisions: "…决定授予A、B等2家企业“2022年度X市市长质量奖”";
- news sentences: "A、B荣获/获得/摘得 <award>", the year from the sentence, the
  clause, or a year heading above the line (timelines).

Applications, shortlists and plans (申报, 入围, 争创 …) are not conferrals.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.awards import (BARE_TIER, EDITION_INSIDE, describe_award, granting_division, issuing_division, tier_of, title_award,
                               with_granting_region)
from kg.extract.conferral_years import award_in_title, date_conferrals
from kg.extract.frame_words import (
    ACHIEVED, ADDRESSING, AWARD_GIVEN, ANAPHOR, ANAPHOR_LIST, AWARD_JOINERS, AWARD_REACH, BARE_FIRM, BRACKET_YEARS,
    CATEGORY_LABEL, CLAUSE_BREAKS, DECISION_TITLE, COLUMNS_AFTER, COUNTED_AGENTS, COUNTED_LIST_AFTER, COUNTED_LIST_SENTENCE,
    COUNTED_DESCRIBED, COUNTED_PEERS, COUNTED_SUBJECT, GRANTED_AS, SHORT_NAME_NOTE, COUNTED_THINGS, PRESENTED_NAMED, PRESENTED_TO, PRESENTED_TOTAL, STOOD_OUT_FROM, COUNT_AFTER_AWARD, COUNT_BEFORE_AWARD, ENUMERATION_TOTAL, EXISTENTIAL, GAP_WORDS, GRANTED_GAP,
    HEADING_EXTRAS, HEADING_NOISE, HONOUR_LIST, LAST_ITEM, LATER_STEPS, LISTED_VERB, LIST_ANNOUNCED,
    LIST_CONTINUATIONS, LIST_CUE, LIST_HEADING, LIST_JOINERS, LIST_WORDS_LINE, MAX_AWARD_NAME, MAX_GAP,
    COLUMN_HEADINGS, HOLDERS_AFTER, LIST_BREAKS, MAX_ROLL_FURNITURE, NAME_LINE, NAMING_VERB, NOT_IN_NAME_LINES, OWN_CITY, OWN_FIRM, OWN_THINGS, PAST,
    PERSON_BRACKET, PRESENT, PROCESS_CLAUSE, ROW_FILLER, PROCESS_CUES, PRODUCT_OF, RELATIVE_AFTER_AWARD, ROLL_NUMBER_OR_NOTE,
    SECTION_HEADING, SECTION_REACH, SENTENCE_BREAKS, SHORT_NOTE, SOFT_BREAK_LINE, SUBJECT_JOINERS,
    PASSIVE_AGENT, RESPECTIVELY, SUBJECT_LOOKBACK, TIER_LOOKBACK, TIMELINE_ENTRY, TIMELINE_RESET, TITLE_LINE, TITLE_VERBS,
    UNIT_ENDINGS, WINNERS_CUE, WON_BY, WON_UNNAMED, YEAR, YEAR_LABEL, YEAR_LINE, YEAR_LIST,
)
from kg.extract.lexicon import Lexicon, alternation
from kg.extract.listed_people import BESIDE, JOB_AFTER, ROLL_NUMBER
from kg.extract.mentions import Mention, is_cjk
from kg.extract.numbers import edition_number, small_number
from kg.extract.organizations import brand_name, generic_item, generic_name
from kg.extract.people import RoleHolding
from kg.extract.person_names import SUBJECT_VERB, person_name_at
from kg.extract.places import Places
from kg.extract.segments import Span
from kg.extract.tables import NAME_COLUMNS, Table, find_tables
from kg.extract.years import RANGE_JOINER, cited_in_passing


@dataclass
class FoundConferral:
    recipient: Mention
    award: Mention
    year: int | None
    start: int
    end: int
    confidence: float
    period: str | None = None
    present: bool = False  # the statement speaks of the event the document reports ("本次", "今年")
    past: bool = False  # the statement speaks of editions other than the one the title announces


@lru_cache(maxsize=1)
def _verb_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lexicon = Lexicon.default()
    return (re.compile(alternation(lexicon.conferral_verbs)), re.compile(alternation(lexicon.granting_verbs)),
            re.compile(alternation(lexicon.negative_cues)))


@lru_cache(maxsize=1)
def _shortlist_pattern() -> re.Pattern:
    return re.compile(alternation(Lexicon.default().shortlist_cues))


# A run of blanks holding a line break: every break in it follows the same line.
# (Opening with a blank, not a repeat of blanks: the engine skips to blanks instead of trying every character.)
_BLANK_RUN = re.compile(r"[\n\r\t ](?:(?<=\n)[\n\r\t ]*|[\r\t ]*\n[\n\r\t ]*)")
_NEWLINE = re.compile(r"\n")


@lru_cache(maxsize=8)
def _break_pattern(breaks: str) -> re.Pattern:
    return re.compile("[" + re.escape(breaks + "<>") + "]")


# An ASCII "?" inside a run of text is a character lost in scraping ("美盈森環??萍加邢薰?、"), not a
# question mark: it ends a sentence only before a blank, a closing quote or the end.
QUESTION_MARK = re.compile(r"\?(?=\s|$|[”\"’'」』)])")


# "2015—2016年度", "2015至2016年": a range of years, one edition whose year is the last.
YEAR_RANGE_JOINER = re.compile(RANGE_JOINER)


MEDIA_ENDINGS = ("报", "网", "社", "电视台", "客户端")
# "自2010年设立首届X奖以来", "2015年起": the start of a period up to now, which dates no conferral in it.
SINCE_YEAR = re.compile(r"\s*年[^，,。；;]{0,16}?以来|\s*年起")


def _years(text: str, start: int, end: int) -> list[int]:
    """The years written in [start, end), a range counted once, as its last year."""
    matches = [m for m in YEAR.finditer(text, start, end) if not cited_in_passing(text, m.start())
               and not SINCE_YEAR.match(text, m.end())]
    return [int(m.group(1)) for m, following in zip(matches, matches[1:] + [None])
            if following is None or not YEAR_RANGE_JOINER.fullmatch(text, m.end(), following.start())]


class _Index:
    """Mentions sorted by start, for range queries."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        index = bisect_left(self.starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < end:
            if self.mentions[index].end <= end:
                found.append(self.mentions[index])
            index += 1
        return found

    def starting_at(self, start: int) -> Mention | None:
        index = bisect_left(self.starts, start)
        if index < len(self.mentions) and self.mentions[index].start == start:
            return self.mentions[index]
        return None


class ConferralFinder:
    def __init__(self, text: str, lines: list[Span], recipients: list[Mention], awards: list[Mention],
                 holdings: list[RoleHolding], places: Places, lexicon: Lexicon | None = None, title: str | None = None):
        self.text = text
        self.lines = lines
        self.lexicon = lexicon or Lexicon.default()
        self.places = places
        self.recipients = _Index(recipients)
        self.awards = _Index(awards)
        # An organisation followed by a role and a name stands for that person ("X公司董事长张三").
        self.person_of_holding = {}
        person_mentions = {m.start: m for m in recipients if m.type == "Person"}
        person_ending = {m.end: m for m in recipients if m.type == "Person"}
        for holding in holdings:
            person = next((person_mentions[s] for s in range(holding.start, holding.end)
                           if s in person_mentions and person_mentions[s].name == holding.person), None)
            appositive = person_ending.get(holding.start - 1)  # "王建国，某公司董事长，荣获…"
            if person is None and appositive is not None and appositive.name == holding.person:
                person = appositive
            if person is not None:
                self.person_of_holding[holding.start] = person
        # "张三　某公司总工程师": where a listed person's line goes on to say where the person works
        self.work_after = {h.start: h.end for h in holdings if h.start in person_mentions}
        self.found: list[FoundConferral] = []
        self._place_spans: set[Span] | None = None
        self._breaks: dict[str, list[int]] = {}
        self._newlines: list[int] | None = None
        title_lines = [title or ""] + [text[s:e] for s, e in lines[:1] if e - s <= TITLE_LINE
                                       and text[e - 1] not in SENTENCE_BREAKS]
        # "…拟表彰对象公示", "…候选名单": every list of the document names candidates.
        self.shortlist_document = any(self._lists_candidates(line) for line in title_lines)
        self.own_firm = self._firm_of(title_lines, recipients)
        self.issuer = issuing_division(title_lines, places)
        title_years = [y for line in title_lines for y in _years(line, 0, len(line))]
        self.title_year = title_years[0] if title_years else None
        # "第三届X奖发布会": the edition the document announces; a sentence on 第一届 speaks of the past
        self.title_editions = {edition_number(e.group()) for line in title_lines
                               for e in EDITION_INSIDE.finditer(line)} or None
        self.title = title
        self._title_award: Mention | None | bool = False  # not looked for yet
        self._listing_candidates = self.shortlist_document  # the list being read names candidates
        self.document_year: int | None = None  # the year of the document's date (set by find_conferrals)

    # -- shared helpers ----------------------------------------------------

    def _lists_candidates(self, line: str) -> bool:
        """Cues of a shortlist after the line's last granting verb ("经公示，决定授予以下…" grants),
        outside the clauses that name the steps already taken ("经申报、评审，")."""
        granted_at = 0
        for verb in _verb_patterns()[1].finditer(line):
            if not line.endswith("拟", 0, verb.start()):  # "拟表彰对象" grants nothing
                granted_at = verb.end()
        for cue in _shortlist_pattern().finditer(line, granted_at):
            clause_start = max(line.rfind(mark, 0, cue.start()) for mark in CLAUSE_BREAKS) + 1
            if not PROCESS_CLAUSE.match(line, clause_start):  # "经申报、现场评审，现将结果公布如下"
                return True
        return False

    def _firm_of(self, title_lines: list[str], recipients: list[Mention]) -> Mention | None:
        """The firm a document is by or about: the first named in its title, else in its first sentence."""
        firms = sorted((m for m in recipients if m.type == "Enterprise"), key=lambda m: m.start)
        for title in title_lines:
            named = next((m for m in firms if title and self.text[m.start:m.end] in title), None)
            if named is not None:
                return named
        if not self.lines:
            return None
        # the title line, if any, then the first sentence of the body
        first_end = self.sentence_bounds(self.lines[min(1, len(self.lines) - 1)][0])[1]
        return next((m for m in firms if m.start < first_end), None)

    def _recipient_at(self, position: int) -> Mention | None:
        mention = self.recipients.starting_at(position)
        if mention is None:
            return None
        person = self.person_of_holding.get(position)
        return person or mention

    def _recipients_in(self, start: int, end: int) -> list[Mention]:
        """Recipients named in [start, end), people standing in for their organisations."""
        found = []
        skip_until = -1
        mentions = self.recipients.between(start, end)
        for index, (mention, following) in enumerate(zip(mentions, mentions[1:] + [None])):
            if mention.start < skip_until:
                continue
            if mention.type != "Person" and self._employs_next(mention, mentions[index + 1:]):
                continue  # "某公司张三", "某公司某分厂焊接顾问张三": the person, named with the organisation employing them
            if following is not None and mention.type == "Province" and following.type == "City" \
                    and following.start == mention.end:
                continue  # "江苏常州": the city, named with its province
            if following is not None and following.attrs.get("unit_of") == mention.name \
                    and following.start == mention.end + 1 and self.text[mention.end] == "的":
                continue  # "某公司的削铁如泥QC小组": the team, named with its organisation
            if mention.type != "Person" and found and found[-1].type == "Person" \
                    and self.text[found[-1].end:mention.start] in ("(", "（"):
                continue  # "张三(某公司董事长)": the person's employer, in brackets
            person = self.person_of_holding.get(mention.start)
            if person is not None and person.end <= end:
                found.append(person)
                skip_until = person.end
            elif mention.type != "Person" or all(f is not mention for f in found):
                found.append(mention)
        return found

    def _employs_next(self, mention: Mention, following: list[Mention]) -> bool:
        """Is ``mention`` the employer of the person its list item goes on to name (its units perhaps between)?"""
        for later in following:
            if later.start - mention.end > MAX_JOB_BETWEEN or ITEM_SEPARATOR.search(self.text, mention.end, later.start):
                return False
            if later.type == "Person":
                return True
        return False

    def _add(self, recipient: Mention, award: Mention, year: int | None, span: Span, confidence: float,
             present: bool = False, past: bool = False) -> None:
        conferrer = award.attrs.get("conferrer")
        if conferrer and recipient.type == "GovernmentBody" and recipient.name in (conferrer + "人民政府",
                                                                                    conferrer + "政府"):
            return  # the government conferring an award (a decision's signature) is not its recipient
        if not fits_award(recipient, award.name) or recipient.type != "Person" and generic_name(recipient.name):
            return  # "集团公司", "优秀公司": a kind of organisation, no name
        award = self._with_kins_region(award)
        self.found.append(FoundConferral(recipient, award, year, span[0], span[1], confidence, present=present,
                                         past=past))

    def _with_kins_region(self, award: Mention) -> Mention:
        """An honour named without a region ("杰出企业家") takes the one region the text writes an honour of
        the same kind with ("某市优秀企业家"): a text on one city's honours leaves the city out of the second."""
        if award.attrs.get("conferrer") or award.attrs.get("level") or len(award.name) < KIN_ENDING:
            return award
        ending = award.name[-KIN_ENDING:]
        regions = {a.attrs["conferrer_division"] for a in self.awards.mentions
                   if a.name.endswith(ending) and a.attrs.get("conferrer_division") is not None}
        return with_granting_region(award, next(iter(regions)), self.places, self.lexicon) if len(regions) == 1 \
            else award

    def _hard_newlines(self) -> list[int]:
        """The line breaks that end a sentence, in order.

        A break inside a long unpunctuated line is a page-break artefact, not
        the end of the sentence: a break is soft when the line before it (blank
        lines and outer blanks skipped) is SOFT_BREAK_LINE characters or longer
        and ends in a CJK character. All breaks of one run of blanks share that line.
        """
        if self._newlines is None:
            text = self.text
            self._newlines = []
            for run in _BLANK_RUN.finditer(text):
                end = run.start()
                line_start = text.rfind("\n", 0, end) + 1
                if end - line_start >= SOFT_BREAK_LINE and is_cjk(text[end - 1]):
                    continue
                self._newlines.extend(m.start() for m in _NEWLINE.finditer(text, end, run.end()))
        return self._newlines

    def _break_positions(self, breaks: str) -> list[int]:
        """Sorted offsets of the characters that end a clause or sentence (computed once per kind)."""
        cached = self._breaks.get(breaks)
        if cached is None:
            pattern = _break_pattern(breaks.replace("\n", "").replace("?", ""))
            cached = [m.start() for m in pattern.finditer(self.text)]
            if "?" in breaks and "?" in self.text:
                cached = sorted(cached + [m.start() for m in QUESTION_MARK.finditer(self.text)])
            if "\n" in breaks:
                cached = sorted(cached + self._hard_newlines())
            self._breaks[breaks] = cached
        return cached

    def _bounds(self, position: int, breaks: str, floor: int, ceiling: int) -> Span:
        positions = self._break_positions(breaks)
        index = bisect_left(positions, position)
        start = positions[index - 1] + 1 if index > 0 else 0
        end = positions[index] if index < len(positions) else len(self.text)
        return max(start, floor), min(end, ceiling)

    def _clause_bounds(self, position: int, floor: int, ceiling: int) -> Span:
        return self._bounds(position, CLAUSE_BREAKS, floor, ceiling)

    def sentence_bounds(self, position: int) -> Span:
        return self._bounds(position, SENTENCE_BREAKS, 0, len(self.text))

    def _negative(self, start: int, end: int, spared: tuple[Span, ...] = ()) -> bool:
        """A cue that the honour is only planned or proposed, outside the names of awards and tiers ("鼓励奖"
        holds 鼓励, named or bare: "A获得鼓励奖") and outside the ``spared`` spans."""
        return any(not self._in_award(cue.start()) and not self._in_tier_word(cue)
                   and not any(s <= cue.start() < e for s, e in spared)
                   for cue in _verb_patterns()[2].finditer(self.text, start, end))

    def _in_tier_word(self, cue: re.Match) -> bool:
        return any(self.text.startswith(tier, cue.start()) for tier in self.lexicon.award_tiers)

    def _listed_last(self, recipients: list[Mention]) -> list[Mention]:
        """The list that ends the run of ``recipients``: "甲集团旗下A公司上榜" lists A only."""
        kept = recipients[-1:]
        for earlier in reversed(recipients[:-1]):
            if self.text[earlier.end:kept[0].start].strip(" " + LIST_JOINERS):
                break
            kept.insert(0, earlier)
        return kept

    def _negative_outside_results(self, start: int, end: int) -> bool:
        """A negative cue outside the announcement of a result: "评选结果揭晓" reports the outcome of the
        评选, not a plan (a 公示 still names candidates)."""
        results = tuple(m.span() for m in LIST_ANNOUNCED.finditer(self.text, start, end)
                        if not m.group().endswith("公示"))
        return self._negative(start, end, results)

    def _in_award(self, position: int) -> bool:
        return any(a.start <= position < a.end for a in self.awards.between(max(0, position - MAX_AWARD_NAME),
                                                                            position + MAX_AWARD_NAME))

    def _negative_before(self, start: int, end: int) -> bool:
        """A cue in the sentence's earlier clauses, unless the clause says it was met ("完成了…目标任务")
        or names the steps the conferral went through ("经申报、评审和公示，")."""
        for cue in _verb_patterns()[2].finditer(self.text, start, end):
            if self._in_award(cue.start()) or cue.group() in PROCESS_CUES:
                continue
            clause_start, clause_end = self._clause_bounds(cue.start(), start, end)
            if cue.group() == "申报" and LATER_STEPS.search(self.text, cue.end(), clause_end):
                continue  # "由企业自愿申报、经专家评审，": the steps a conferral went through, not a plan
            if not (ACHIEVED.search(self.text, clause_start, cue.start())
                    or PROCESS_CLAUSE.match(self.text, clause_start, cue.start())):
                return True
        return False

    # -- honour rolls --------------------------------------------------------

    def _heading(self, span: Span) -> tuple[Mention, int | None] | None:
        """The award a line names, if the line names nothing else (a roll's heading)."""
        start, end = span
        awards = self.awards.between(start, end)
        if len(awards) != 1:
            return None
        award = awards[0]
        rest = HEADING_EXTRAS.sub("", self.text[start:award.start] + self.text[award.end:end])
        if not HEADING_NOISE.match(rest) and not DECISION_TITLE.fullmatch(self.text, start, end):
            return None  # a decision's title ("某市人民政府关于表彰X获奖企业的通报") heads its roll too
        years = _years(self.text, start, end)
        return award, years[0] if years else None

    def _unnamed_honour(self, span: Span) -> tuple[Mention, None] | None:
        """A roll's heading naming an honour without its region ("质量信得过班组（2个）"): the issuer's honour."""
        if self.issuer is None:
            return None  # (looked at first: the pattern, tried on every line, is the dearer test)
        match = _unnamed_honour_pattern().fullmatch(self.text, *span)
        if match is None or self.awards.between(*span):
            return None
        attrs = describe_award(self.issuer.name + match.group("name"), self.places, self.lexicon)
        attrs["aliases"] = [match.group("name")]
        return Mention("Award", attrs["name"], match.start("name"), match.end("name"), attrs), None

    def _colon_heading(self, span: Span):
        """A line "<award and words of a list's heading>：<recipients or nothing>", split at the colon."""
        start, end = span
        colon = max(self.text.rfind(":", start, end), self.text.rfind("：", start, end))
        if colon < 0:
            return None
        awards = self.awards.between(start, colon)
        if len(awards) != 1 or self._recipients_in(start, colon):
            return None
        before = self.text[start:awards[0].start] + self.text[awards[0].end:colon]
        granting = None
        for granting in _verb_patterns()[1].finditer(self.text, start, colon):
            pass
        cues_from = granting.end() if granting else start  # "经评审，决定授予以下企业…：" is a decision
        if not (HEADING_NOISE.match(before) or LIST_HEADING.search(before)) or self._negative(cues_from, colon):
            return None
        years = _years(self.text, start, colon)
        rest_start = colon + 1
        while rest_start < end and self.text[rest_start] in " \t":
            rest_start += 1
        return (awards[0], years[0] if years else None), (rest_start, end)

    def honour_rolls(self) -> set[int]:
        """Conferrals of honour rolls; the lines they used."""
        used: set[int] = set()
        heading: tuple[Mention, int | None] | None = None
        last_year = None
        tables = {table.first_line: table for table in find_tables(self.text, self.lines)}
        table_end = -1
        furniture = 0  # lines in a row under a roll's heading that are its numbers, notes and categories
        last_year = self.title_year  # "2023年某省名牌产品名单" then headings without a year
        for index, span in enumerate(self.lines):
            if index <= table_end:
                continue
            table = tables.get(index)
            if table is not None and heading is not None:
                # "序号 / 单位名称 / 所在地" under an award's heading: the name column holds the recipients.
                if not self._listing_candidates:
                    self._table_rows(table, heading)
                used.update(range(table.first_line, table.last_line + 1))
                table_end = table.last_line
                heading = None  # the table was the list under its heading
                continue
            colon = self._colon_heading(span)
            if colon is not None:
                # "X奖获奖企业：A、B、C" or "决定授予以下企业X奖：" then the list on the next lines.
                (award, year), rest = colon
                heading = (award, year or last_year)
                self._enter_list(index, used)
                used.add(index)
                if rest[0] < rest[1]:
                    self._roll_line(rest, heading, inline=True)
                    if not self.text[rest[0]:rest[1]].rstrip().endswith(LIST_RUNS_ON):
                        heading = None  # the list was on this line (unless its last item runs on: "A、")
                continue
            found_heading = self._heading(span) or self._section_heading(span) or self._unnamed_honour(span)
            if found_heading:
                # "2021年X奖获奖名单" then "一、X奖（组织）": a heading without a year keeps the last one's.
                award, year = found_heading
                heading = (award, year or last_year)
                last_year = year or last_year
                self._enter_list(index, used)
                used.add(index)
                continue
            label = YEAR_LABEL.match(self.text, *span)
            if label is not None:
                # "2010年：A（海安）、B（崇川）": a roll of past winners, one line a year
                award = heading[0] if heading else self._award_of_title(span[0])
                if award is not None and self._roll_line((label.end(), span[1]), (award, int(label.group(1))),
                                                         inline=True) is not False:
                    used.add(index)
                    continue
            if heading is None:
                if self._award_row(span):
                    used.add(index)
                continue
            if LIST_WORDS_LINE.fullmatch(self.text, *span):
                used.add(index)
                continue  # "获奖企业名单" under the award's heading: the heading's second line
            if furniture < MAX_ROLL_FURNITURE and self._roll_furniture(span):
                # "1" (a row's number on its own line), "(排名不分先后)", "大中型企业" (a category of the roll)
                furniture += 1
                used.add(index)
                continue
            furniture = 0
            next_heading = self._roll_line(span, heading)
            if next_heading is False:
                unit = self._name_line(span)
                if unit is not None:  # a recipient no finder knew, alone on its line under the roll's heading
                    self._add(unit, heading[0], heading[1], span, 0.6)
                    used.add(index)
                    continue
                names = self._names_listed(*span)
                if len(names) >= MIN_NAMES_ALONE and not self._listing_candidates:
                    # "王建国　李明华": names alone under the roll's heading (one alone may be a cut firm's name)
                    for name in names:
                        self._add(name, heading[0], heading[1], span, 0.6)
                    used.add(index)
                    continue
                heading = None
                continue
            used.add(index)
            if next_heading is not None:
                heading = next_heading
        return used

    def _in_closed_bracket(self, recipient: Mention, before: int) -> bool:
        """Is ``recipient`` inside brackets closed before ``before`` ("获得X(A、B)、4家组织获得过Y": A is X's)?"""
        floor = max(0, recipient.start - BRACKET_REACH)
        opened = max(self.text.rfind("(", floor, recipient.start), self.text.rfind("（", floor, recipient.start))
        if opened < 0 or max(self.text.rfind(")", opened, recipient.start), self.text.rfind("）", opened, recipient.start)) >= 0:
            return False
        closing = min((c for c in (self.text.find(")", recipient.end, before), self.text.find("）", recipient.end, before))
                       if c >= 0), default=-1)
        return closing >= 0 and bool(self.awards.between(max(0, opened - MAX_AWARD_NAME), opened + 1))

    def _bracket_items(self, start: int, end: int) -> list[Mention]:
        """The items of a list in brackets, each a recipient found there or a firm's short name (a brand,
        no common words only); none if an item is neither."""
        items, position = [], start
        for item in self.text[start:end].split("、"):
            item_start, item_end = position, position + len(item)
            position = item_end + 1
            found = [r for r in self._recipients_in(item_start, item_end)
                     if r.start == item_start and r.end == item_end]
            if found:
                items.append(found[0])
            elif brand_name(item, self.lexicon) or 2 <= len(item) <= MAX_BRACKET_ITEM and all(map(is_cjk, item)) \
                    and not generic_item(item, self.lexicon):
                items.append(Mention("Enterprise", item, item_start, item_end, {"surface": item, "listed_in_roll": True}))
            else:
                return []
        return items

    def _employer_beside(self, position: int, end: int) -> int | None:
        """Where an organisation beside a listed person ends, when nothing else follows on the line."""
        beside = BESIDE.match(self.text, position, end)
        employer = self._recipient_at(beside.end()) if beside else None
        if employer is None or employer.type == "Person":
            return None
        after = employer.end + (1 if beside.group().endswith(("（", "(")) and
                                self.text[employer.end:employer.end + 1] in ")）" else 0)
        rest = self.text[after:end].strip()
        if rest and not (JOB_AFTER.fullmatch(rest) and not NOT_IN_NAME_LINES.search(rest)):
            return None  # the line goes on with more than the person's job there
        return end

    def _award_row(self, span: Span) -> bool:
        """"A公司　　X奖" (a table's row flattened by scraping, or "| 1 | A公司 | X奖 |"): a line holding only
        its recipients, then one award, apart by cell walls or wide spaces. Its year: the title's, else
        the year written on the lines just above."""
        start, end = span
        if end - start > ROW_MAX or not ROW_GAP.search(self.text, start, end):
            return False  # (a row is short, and its cells stand apart)
        awards = self.awards.between(start, end)
        if len(awards) != 1 or self._listing_candidates:
            return False
        award = awards[0]
        recipients = self._recipients_in(start, award.start)
        if not recipients or not ROW_FILLER.fullmatch(self.text, start, recipients[0].start) \
                or not ROW_FILLER.fullmatch(self.text, award.end, end) \
                or not re.fullmatch(r"[\s|｜\u3000]*[|｜\t\u3000][\s|｜\u3000]*|[ ]{2,}", self.text[recipients[-1].end:award.start]):
            return False
        if any(self.text[a.end:b.start].strip(" 、，,") for a, b in zip(recipients, recipients[1:])):
            return False
        above = _years(self.text, max(0, start - ROW_YEAR_REACH), start)
        year = self.title_year or (above[-1] if above else None)
        for recipient in recipients:
            self._add(recipient, award, year, span, 0.8)
        return True

    def _names_listed(self, start: int, end: int) -> list[Mention]:
        """A recipients' slot that holds people's names alone, no finder having known them ("王建国、李明华",
        "王建国　李明华", "王建国和李明华。"): every item a name, or none is taken."""
        names = []
        for item in NAME_ITEMS.finditer(self.text, start, end):
            word = item.group(1)
            if not word:
                continue
            if person_name_at(self.text, item.start(1), self.lexicon) != item.end(1) or not 2 <= len(word) <= 4:
                return []
            names.append(Mention("Person", word, item.start(1), item.end(1), {"listed_in_roll": True}))
        return names

    def _person_closing_line(self, span: Span) -> Mention | None:
        """"某公司某分厂兰欢平、", "某公司首席焊工技师郭彦刚": a roll's line of one person, named last after the
        employer and the job (words of a name only before, no verb), what follows being the list's punctuation."""
        start, end = span
        while end > start and self.text[end - 1] in ROLL_LINE_CLOSERS:
            end -= 1
        mentions = self.recipients.between(start, end)
        person = mentions[-1] if mentions else None
        if person is None or person.type != "Person" or person.end != end or person.start - start > MAX_EMPLOYER_LINE:
            return None
        before = self.text[start:person.start].strip()
        if not before or not EMPLOYER_WORDS.fullmatch(before) or NOT_IN_NAME_LINES.search(before) \
                or any(m.type == "Person" for m in mentions[:-1]):
            return None
        return person

    def _roll_furniture(self, span: Span) -> bool:
        """A roll's line that names no one: a row's number alone, a bracketed note, a short category label."""
        if ROLL_NUMBER_OR_NOTE.fullmatch(self.text, *span) or COLUMN_HEADINGS.fullmatch(self.text, *span):
            return True  # (a row's number, a note, the roll's column headings)
        return CATEGORY_LABEL.fullmatch(self.text, *span) is not None and not self._recipients_in(*span) \
            and not self.awards.between(*span) and self._name_line(span) is None

    def _name_line(self, span: Span) -> Mention | None:
        """A line of a roll that is one organisation's name, though no finder took it for one
        ("中国船舶重工集团公司第七一九研究所"): name characters only, an organisation's ending, no award."""
        start, end = span
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        line = self.text[start:end]
        if not NAME_LINE.fullmatch(line) or NOT_IN_NAME_LINES.search(line) or self.awards.between(start, end):
            return None
        if not (line.endswith(tuple(self.lexicon.org_suffix_type)) or line[-1] in UNIT_ENDINGS):
            return None
        kind = self.lexicon.org_suffix_type.get(next((s for s in sorted(self.lexicon.org_suffix_type, key=len,
                                                                         reverse=True) if line.endswith(s)), ""))
        return Mention(kind or "Organization", line, start, end, {"surface": line, "listed_in_roll": True})

    def _award_of_title(self, before: int) -> Mention | None:
        """The award the document's title names, as first named in the text (before ``before``)."""
        if self._title_award is False:
            self._title_award = next((a for a in self.awards.mentions if award_in_title(a.name, self.title)), None)
        award = self._title_award
        return award if award is not None and award.start < before else None

    def _enter_list(self, index: int, used: set[int]) -> None:
        """A list's heading at line ``index``: whether the list names candidates ("…拟表彰对象如下") or recipients.

        A heading right under another list continues it (its next section); otherwise
        the document's title or the prose line introducing the list says.
        """
        if index - 1 in used:
            return
        introduction = self.lines[index - 1] if index > 0 else None
        self._listing_candidates = self.shortlist_document or (
            introduction is not None and self._lists_candidates(self.text[introduction[0]:introduction[1]]))

    def _table_rows(self, table: Table, heading: tuple[Mention, int | None]) -> None:
        award, year = heading
        for row in table.rows:
            cell = table.cell(row, NAME_COLUMNS)
            recipient = self._recipient_at(cell[0]) if cell else None
            if recipient is not None and recipient.end == cell[1]:
                self._add(recipient, award, year, (row[0][0], row[-1][1]), 0.85)

    def _section_heading(self, span: Span) -> tuple[Mention, int | None] | None:
        """A section of a decision's list ("获奖组织", "提名奖"): the award named last before it, or its tier."""
        start, end = span
        match = SECTION_HEADING.fullmatch(self.text, start, end)
        if match is None:
            return None
        word = match.group(1)
        tier = word if word in self.lexicon.award_tiers else None
        if tier is None and not word.startswith("获奖") and not word.endswith(("组织奖", "个人奖")):
            return None
        base = self._main_award_before(start, SECTION_REACH)
        if base is None:
            return None
        years = _years(self.text, max(0, base.start - 8), base.end)
        award = base if tier is None else tier_of(base, tier, match.start(1), match.end(1))
        return award, years[0] if years else None

    def _roll_line(self, span: Span, heading: tuple[Mention, int | None], inline: bool = False):
        """Conferrals of one recipient line; False if the line is no recipient line.

        Returns the award heading that follows the recipients on the same line, if any.
        ``inline``: the recipients follow their heading on one line ("X奖：A、B。"),
        so whatever follows them does not matter.
        """
        text = self.text
        start, end = span
        if NUMBERED.match(text, start, end):
            start = ROLL_NUMBER.match(text, start, end).end()  # "1 郭彦刚 某公司": the row's number
        closing = self._person_closing_line((start, end))
        if closing is not None:
            if not self._listing_candidates:
                self._add(closing, heading[0], heading[1], span, 0.85)
            return None
        position = start
        recipients = []
        while position < end:
            recipient = self._recipient_at(position)
            if recipient is None:
                break
            employer_end = recipient.start
            while recipient.type == "Person" and recipients and recipients[-1].type != "Person" and \
                    not text[recipients[-1].end:employer_end].strip():
                employer_end = recipients.pop().start  # "某公司　张三", "某公司某分厂张三": where the person works
            recipients.append(recipient)
            position = max(recipient.end, self.work_after.get(recipient.start, 0)) if recipient.type == "Person" \
                else recipient.end
            if recipient.type == "Person" and (employer := self._employer_beside(position, end)) is not None:
                position = employer  # "王立新　某公司", "王立新（某公司）": where the listed person works
            bracket = PERSON_BRACKET.match(text, position, end)
            if bracket and recipient.type != "Person" and not self._place_in_brackets(bracket) \
                    and not SHORT_NOTE.fullmatch(text, bracket.start(), bracket.end()):
                bracket = None  # an organisation's bracket is skipped only when it says where it is: "某公司（江苏）"
            if bracket and not BRACKET_YEARS.match(text, position, end):  # "(2020年)" is the year, read below
                position = bracket.end()
            if position < end and text[position] in "、，,":
                position += 1
            elif position < end and text[position].isspace():
                following = position
                while following < end and text[following].isspace():
                    following += 1
                if self._recipient_at(following) is None:
                    break
                position = following
        if not recipients or all(r.type == "Organization" and r.name.endswith(MEDIA_ENDINGS) for r in recipients):
            return False  # "某某晚报 2020年01月01日" under a headline: the byline, no roll
        award, heading_year = heading
        years = []
        brackets = BRACKET_YEARS.match(text, position, end)
        if brackets:
            years = _years(text, brackets.start(), brackets.end())
            position = brackets.end()
        rest = (position, end)
        next_heading = None
        if text[position:end].strip() and not inline:
            next_heading = self._heading(rest)
            if next_heading is None and not HEADING_NOISE.match(text[position:end]) and not (
                    recipients[-1].type != "Person" and COLUMNS_AFTER.match(text, position, end)):
                return False
        if not self._listing_candidates:
            for recipient in recipients:
                for year in years or [heading_year]:
                    self._add(recipient, award, year, (start, position), 0.9)
        return next_heading

    # -- decisions -----------------------------------------------------------

    def decisions(self) -> None:
        for match in _verb_patterns()[1].finditer(self.text):
            sentence_start, sentence_end = self.sentence_bounds(match.start())
            awards = self.awards.between(match.end(), sentence_end)
            for _ in range(LIST_CONTINUATIONS):
                # "授予A、B；C、D等5家单位X奖": a list that runs on past a semicolon to its award
                semicolon = sentence_end - 1 if self.text[sentence_end - 1:sentence_end] in ("；", ";") else sentence_end
                if awards or self.text[semicolon:semicolon + 1] not in ("；", ";"):
                    break
                following_end = self.sentence_bounds(semicolon + 1)[1]
                if _verb_patterns()[1].search(self.text, semicolon + 1, following_end):
                    break
                sentence_end = following_end
                awards = self.awards.between(match.end(), sentence_end)
            # an award named in a bracketed note is not the one granted ("某公司(曾获2018年X奖)等7家企业Y")
            awards = [a for a in awards if not self._in_brackets(a.start)]
            if not awards or not self._recipients_in(match.end(), awards[0].start):
                self._award_granted_to(match, sentence_start, sentence_end)
            if not awards:
                self._granted_as_title(match, sentence_start, sentence_end)
                continue
            award = awards[0]
            recipients = self._recipients_in(match.end(), award.start)
            if not recipients:  # "决定对A、B等9家组织授予X": the recipients before the verb, after 对/向/为
                recipients = self._addressed_before(sentence_start, match.start())
            if not recipients:  # "…的企业中，A、B授予X": firms right before the verb, no granter named, receive it
                recipients = self._granted_subjects(sentence_start, match.start())
            # "经评审、公示，决定授予…" is how decisions read: only cues after the verb count, and "拟" right before it.
            if not recipients or self._negative(match.end(), award.end) or self.text.endswith("拟", 0, match.start()):
                continue
            years = _years(self.text, award.start - 8, award.end) or _years(self.text, sentence_start, sentence_end)
            for recipient in recipients:
                self._add(recipient, award, years[0] if years else None, (sentence_start, award.end), 0.9)
            self._granted_in_next_clauses(sentence_end)

    def _granted_subjects(self, sentence_start: int, verb_start: int) -> list[Mention]:
        """The firms, organisations or people listed right before a granting verb as its clause's whole subject."""
        clause_start = self._clause_bounds(verb_start, sentence_start, verb_start)[0]
        listed = self._listed_last(self._recipients_in(clause_start, verb_start))
        if not listed or any(r.type not in ("Enterprise", "Organization", "Person") for r in listed) \
                or GAP_WORDS.sub("", self.text[listed[-1].end:verb_start]).strip() \
                or self.text[clause_start:listed[0].start].strip():
            return []
        return listed

    def _granted_in_next_clauses(self, end: int) -> None:
        """"授予A、B等8家企业“X”；C、D等5家企业“Y”": past a semicolon the verb goes on granting, each list its
        award, as long as no clause has a verb of its own."""
        for _ in range(LIST_CONTINUATIONS):
            if self.text[end:end + 1] not in ("；", ";"):
                return
            start = end + 1
            end = self.sentence_bounds(start)[1]
            if _verb_patterns()[0].search(self.text, start, end) or _verb_patterns()[1].search(self.text, start, end) \
                    or self._negative(start, end):
                return
            awards = [a for a in self.awards.between(start, end) if not self._in_brackets(a.start)]
            recipients = self._recipients_in(start, awards[0].start) if awards else []
            if not recipients or self.text[start:recipients[0].start].strip():
                return
            years = _years(self.text, awards[0].start - 8, awards[0].end)
            for recipient in recipients:
                self._add(recipient, awards[0], years[0] if years else None, (start, awards[0].end), 0.85)

    def _granted_as_title(self, verb: re.Match, sentence_start: int, sentence_end: int) -> None:
        """"授予A、B等三家企业为2012年度质量强市工作先进企业": the title after 为 that the list is granted,
        where no finder named an award."""
        recipients = self._recipients_in(verb.end(), sentence_end)
        if not recipients or self.text[verb.end():recipients[0].start].strip() or self._negative(verb.end(), sentence_end):
            return
        title = GRANTED_AS.match(self.text, recipients[-1].end, sentence_end)
        if title is None:
            return
        award = title_award(title.group("title"), title.start("title"), title.end("title"), self.places, self.lexicon)
        if award is None:
            return
        granter = granting_division(self.text, sentence_start, verb.start(), self.places, self.issuer)
        award = with_granting_region(award, granter, self.places, self.lexicon)
        years = _years(self.text, title.start("title"), title.end("title"))
        for recipient in recipients:
            self._add(recipient, award, years[0] if years else None, (sentence_start, title.end()), 0.8)

    def _award_granted_to(self, verb: re.Match, sentence_start: int, sentence_end: int) -> None:
        """"本届X奖授予A、B、C共计9家企业": the award as the subject, the recipients after the verb."""
        before = self.awards.between(sentence_start, verb.start())
        if not before or not GRANTED_GAP.fullmatch(self.text, before[-1].end, verb.start()) \
                or self._negative(sentence_start, verb.start()):
            return
        award = before[-1]
        recipients = self._recipients_in(verb.end(), sentence_end)
        if not recipients or self.text[verb.end():recipients[0].start].strip() not in ("", "了"):
            return  # "X奖颁给了A"
        years = _years(self.text, sentence_start, sentence_end)
        for recipient in recipients:
            self._add(recipient, award, years[0] if years else None, (sentence_start, sentence_end), 0.8,
                      present=PRESENT.search(self.text, sentence_start, verb.start()) is not None)

    def _in_brackets(self, position: int) -> bool:
        """Is ``position`` inside a bracketed note on its line?"""
        line_start = self.text.rfind("\n", 0, position) + 1
        opened = max(self.text.rfind("(", line_start, position), self.text.rfind("（", line_start, position))
        return opened >= 0 and max(self.text.rfind(")", opened, position), self.text.rfind("）", opened, position)) < 0

    def _addressed_before(self, sentence_start: int, verb_start: int) -> list[Mention]:
        """The recipients between the last 对/向/为/给 of the clause and a granting verb; or, when the
        clause names none, after a 对 that opens a list earlier in the sentence ("对A、B等43个组织，
        以及C等3名个人，在…方面所作的贡献，授予X")."""
        clause_start = max(self.text.rfind(mark, sentence_start, verb_start) for mark in "，,；;：:") + 1
        clause_start = max(clause_start, sentence_start)
        passive = self._passive_subjects(clause_start, verb_start)
        if passive is not None:
            return passive
        preposition = max(self.text.rfind(word, clause_start, verb_start) for word in ADDRESSING)
        if preposition >= 0:
            recipients = self._recipients_in(preposition + 1, verb_start)
            gap = ENUMERATION_TOTAL.sub("", self.text[recipients[-1].end:verb_start]) if recipients else ""
            return recipients if len(gap.strip()) <= MAX_GAP else []
        opening = self.text.rfind("对", sentence_start, clause_start)
        if opening < 0 or self._recipient_at(opening + 1) is None:
            return []
        return self._recipients_in(opening + 1, clause_start)

    def _relative_years(self, start: int, end: int) -> list[int]:
        """"去年，A获X": a year the text counts from its own date (去年, 前年), when the document is dated."""
        relative = RELATIVE_YEAR.search(self.text, start, end)
        if relative is None or self.document_year is None:
            return []
        return [self.document_year - RELATIVE_YEARS[relative.group()]]

    def _passive_subjects(self, clause_start: int, verb_start: int) -> list[Mention] | None:
        """"A被某市人民政府授予X", "A、B3人被某总工会认定为X": the recipients are the clause's subject, the
        granter comes after 被; None when the verb has no such agent before it."""
        passive = self.text.rfind("被", clause_start, verb_start)
        if passive < 0 or not PASSIVE_AGENT.fullmatch(self.text, passive + 1, verb_start):
            return None
        recipients = self._recipients_in(clause_start, passive)
        gap = COUNTED_PEOPLE_GAP.sub("", ENUMERATION_TOTAL.sub("", GAP_WORDS.sub("", self.text[recipients[-1].end:passive]))) \
            if recipients else "-"
        return recipients if not gap.strip() else []

    def winner_lists(self) -> None:
        """"这10家获奖企业分别为：A、B": the winners of the award named last before the cue, listed after it."""
        for cue in WINNERS_CUE.finditer(self.text):
            award = self._main_award_before(cue.start(), TIER_LOOKBACK)
            if award is None or _shortlist_pattern().search(self.text, award.end, cue.start()):
                continue
            sentence_start, sentence_end = self.sentence_bounds(cue.end())
            for recipient in self._recipients_in(cue.end(), sentence_end):
                self._add(recipient, award, None, (cue.start(), sentence_end), 0.7)

    def holders_listed(self) -> None:
        """"被命名为“X”的有10人，分别为A、B", "荣获X称号的企业有A、B", "X获得者分别为：A、B": the holders listed
        after the award that the clause says was won, up to the list's end (over semicolons, to the next award)."""
        for award in self.awards.mentions:
            cue = HOLDERS_AFTER.match(self.text, award.end)
            if cue is None:
                continue
            sentence_start, sentence_end = self.sentence_bounds(award.start)
            clause_start = self._clause_bounds(award.start, sentence_start, sentence_end)[0]
            won = _verb_patterns()[0].search(self.text, clause_start, award.start) or \
                NAMED_AS.search(self.text, clause_start, award.start) or "获得者" in cue.group()
            if not won or self._negative(sentence_start, award.start):
                continue
            list_end = self._bounds(cue.end(), LIST_BREAKS, cue.end(), len(self.text))[1]
            list_end = min([a.start for a in self.awards.between(cue.end(), list_end)] + [list_end])
            for recipient in self._recipients_in(cue.end(), list_end) or self._names_listed(cue.end(), list_end):
                self._add(recipient, award, None, (award.start, list_end), 0.75)

    def holder_nouns(self) -> None:
        """"X奖获得者A公司…", "A公司是X奖获得者", "A成为X奖得主": the award with a noun for its holder, the holder
        named right after it, or the clause's subject before 是/成为."""
        for award in self.awards.mentions:
            noun = HOLDER_NOUN.match(self.text, award.end)
            if noun is None:
                continue
            holder = self.recipients.starting_at(noun.end())  # (the firm, not the person it goes on to name)
            if holder is not None:
                recipients = [holder]
            else:
                sentence_start, sentence_end = self.sentence_bounds(award.start)
                clause_start = self._clause_bounds(award.start, sentence_start, sentence_end)[0]
                copula = None
                for copula in BECOMES.finditer(self.text, clause_start, award.start):
                    pass
                if copula is None or self.text[copula.end():award.start].strip(" “\"") and not \
                        YEAR_ONLY.fullmatch(self.text, copula.end(), award.start):
                    continue
                recipients = self._recipients_in(clause_start, copula.start())
                if not recipients or GAP_WORDS.sub("", self.text[recipients[-1].end:copula.start()]).strip():
                    continue
            years = _years(self.text, max(0, award.start - 8), award.end)
            for recipient in recipients:
                self._add(recipient, award, years[0] if years else None, (award.start, noun.end()), 0.75)

    def namings(self) -> None:
        """"命名深圳市和成都市为“全国质量强市示范城市”", "认定A、B为X": the recipients between the verb and 为."""
        for verb in NAMING_VERB.finditer(self.text):
            sentence_start, sentence_end = self.sentence_bounds(verb.start())
            clause_end = self._clause_bounds(verb.end(), sentence_start, sentence_end)[1]
            wei = self.text.find("为", verb.end(), clause_end)
            if wei < 0 or self._negative_before(sentence_start, verb.start()) or self.text.endswith("拟", 0, verb.start()):
                continue
            recipients = self._recipients_in(verb.end(), wei)
            if not recipients and self.text[verb.end():wei].strip() == "" \
                    and (subjects := self._passive_subjects(sentence_start, verb.start())):
                recipients = subjects  # "A、B3人被某总工会认定为X"
            elif not recipients or self.text[verb.end():recipients[0].start].strip() or \
                    ENUMERATION_TOTAL.sub("", self.text[recipients[-1].end:wei]).strip():
                continue
            awards = self._awards_after(wei + 1, clause_end)
            if not awards:
                title = self._title_after(wei + 1, clause_end, naming=True)
                awards = [title] if title is not None else []
            for recipient in recipients:
                for award in awards[:1]:
                    years = _years(self.text, sentence_start, sentence_end)
                    self._add(recipient, award, years[0] if years else None, (sentence_start, clause_end), 0.8)

    def announced_lists(self) -> None:
        """"X奖获奖名单揭晓，A、B、C3家企业上榜": recipients that a verb without an object lists, under the award
        whose list the sentence (or the one before) announced."""
        for verb in LISTED_VERB.finditer(self.text):
            if not self.awards.between(max(0, verb.start() - ANNOUNCEMENT_REACH), verb.start()):
                continue  # no award named before: nothing announced (获奖 is a common word)
            sentence_start, sentence_end = self.sentence_bounds(verb.start())
            clause_start = self._clause_bounds(verb.start(), sentence_start, sentence_end)[0]
            recipients = self._listed_last(self._recipients_in(clause_start, verb.start()))
            if not recipients or self._negative_outside_results(sentence_start, verb.end()):
                continue
            gap = STOOD_OUT_FROM.sub("", ENUMERATION_TOTAL.sub("", self.text[recipients[-1].end:verb.start()]))
            if len(GAP_WORDS.sub("", gap).strip()) > MAX_GAP:
                continue
            search_from = self.sentence_bounds(max(0, sentence_start - 2))[0] if sentence_start else 0
            announcement = None
            for cue in LIST_ANNOUNCED.finditer(self.text, search_from, clause_start):
                announcement = cue
            awards = self.awards.between(search_from, announcement.end()) if announcement else []
            if not awards:  # "会上为5家企业颁发了“X”，其中A、B榜上有名"
                awards = [a for a in self.awards.between(sentence_start, clause_start)
                          if AWARD_GIVEN.search(self.text, max(sentence_start, a.start - 6), a.start)]
            if not awards:
                continue
            award = awards[-1]
            years = _years(self.text, max(0, award.start - 8), award.end)
            for recipient in recipients:
                self._add(recipient, award, years[0] if years else None, (award.start, verb.end()), 0.7)

    def counted_lists(self) -> None:
        """"评选出9家市政府质量奖提名奖企业，其中…，分别是：A、B、C": a count of an award's recipients, then
        the list after 分别是/分别为/包括/：."""
        for award in self.awards.mentions:
            sentence_start, sentence_end = self.sentence_bounds(award.start)
            counted_after = COUNT_AFTER_AWARD.match(self.text, award.end)  # "X奖提名奖7家，分别为A、B"
            if counted_after is not None:
                cue = counted_after
            elif COUNT_BEFORE_AWARD.search(self.text, max(0, award.start - COUNT_REACH), award.start):
                cue = LIST_CUE.search(self.text, award.end, sentence_end)
            else:
                continue
            if cue is None or _shortlist_pattern().search(self.text, sentence_start, cue.start()):
                continue  # "评选出" selected them: only a shortlist's cues make the list candidates
            list_end = self._bounds(cue.end(), LIST_BREAKS, cue.end(), len(self.text))[1]
            if list_end > sentence_end:  # over semicolons, up to the next award named: the next list's
                list_end = min([a.start for a in self.awards.between(sentence_end, list_end)] + [list_end])
            for recipient in self._recipients_in(cue.end(), list_end):
                self._add(recipient, award, None, (sentence_start, list_end), 0.7)

    # -- presentations -------------------------------------------------------

    def presentations(self) -> None:
        """"市领导为A、B和C3家获奖企业颁奖": those a ceremony's presenter hands the award to, the award the
        sentence, or the one before it, names (its ceremony: "X颁奖仪式")."""
        # Each verb of theirs holds 颁, or is 授牌 or 授予: a text without them is spared the scans from
        # every 为 and 向
        handed = "颁" in self.text
        for match in PRESENTED_TO.finditer(self.text) if handed or "授牌" in self.text else ():
            recipients = self._list_filling(*match.span("listed"), PRESENTED_TOTAL, ("City", "Province"))
            if not recipients:
                continue  # the list must run from 为 to the verb: "为A、B颁奖", not "为推动…颁奖"
            sentence_start = self.sentence_bounds(match.start())[0]
            previous_start = self.sentence_bounds(max(0, sentence_start - 2))[0] if sentence_start else 0
            award = self._main_award_before(match.start(), match.start() - previous_start)
            if award is None or self._negative(sentence_start, match.start()):
                continue
            for recipient in recipients:
                self._add(recipient, award, None, (match.start(), match.end()), 0.7, present=True)
        for match in PRESENTED_NAMED.finditer(self.text) if handed or "授予" in self.text else ():
            # "市长为A、B颁发X奖牌": the award named after the verb
            award = self.awards.starting_at(match.end()) or self.awards.starting_at(match.end() + 1)
            if award is None or self._negative(self.sentence_bounds(match.start())[0], match.start()):
                continue
            for recipient in self._list_filling(*match.span("listed"), PRESENTED_TOTAL, ("City", "Province")):
                self._add(recipient, award, None, (match.start(), award.end), 0.7, present=True)

    # -- news sentences ------------------------------------------------------

    def sentences(self, context_years: dict[int, int], skip_lines: set[int]) -> None:
        line_starts = [s for s, _ in self.lines]
        for match in _verb_patterns()[0].finditer(self.text):
            line_index = bisect_left(line_starts, match.start() + 1) - 1
            if line_index in skip_lines:
                continue
            verb_start, verb_end = match.span()
            sentence = self.sentence_bounds(verb_start)
            clause_start, clause_end = self._clause_bounds(verb_start, sentence[0], sentence[1])
            if self._negative(clause_start, clause_end) or self._negative_before(sentence[0], clause_start):
                continue
            awards = self._honours_listed(verb_end, clause_end) or self._awards_after(verb_end, clause_end)
            antecedent = None if awards else self._antecedent(verb_end, clause_end)
            if antecedent is not None:
                awards = [antecedent]
            if not awards and (also := ANAPHOR_LIST.match(self.text, verb_end)) is not None:
                # "获此殊荣的还有A、B、C": the award named just before, the recipients listed after
                earlier = self.awards.between(max(0, verb_end - TIER_LOOKBACK), verb_start)
                listed = self._recipients_in(also.end(), sentence[1]) if earlier else []
                for recipient in listed:
                    self._add(recipient, earlier[-1], None, (verb_start, sentence[1]), 0.7)
                continue
            if not awards and (won_by := self._award_won_by(clause_start, verb_start)) is not None:
                award, listed = won_by  # "X奖最终由A摘得"
                years = _years(self.text, sentence[0], sentence[1])
                for recipient in listed:
                    self._add(recipient, award, years[0] if years else None, (award.start, verb_end), 0.8,
                              present=self._present_event(sentence[0], verb_start))
                continue
            if not awards and WON_UNNAMED.match(self.text, verb_end) and COUNTED_AGENTS.search(
                    self.text, clause_start, verb_start):
                # "共有6家单位获奖，分别为：A、B": the award the text is about, the list after
                base = self._main_award_before(verb_start, SECTION_REACH)
                listed = self._listed_after(verb_end + 1, sentence[1]) if base else []
                if base is not None and not listed:
                    listed = self._list_filling(clause_start, verb_start, ENUMERATION_TOTAL)  # "A、B、C等三家企业获奖，"
                for recipient in listed:
                    self._add(recipient, base, None, (verb_start, sentence[1]), 0.7,
                              present=self._present_event(sentence[0], verb_start))
                continue
            if not awards:
                title = self._title_after(verb_end, clause_end, match.group() in TITLE_VERBS)
                if title is None:
                    continue
                awards = [title]
            before = self.text[clause_start:verb_start]
            # "A已获得X奖、B获Y奖": only what follows the clause's last award or verb is this verb's subject
            subject_from = max([a.end for a in self.awards.between(clause_start, verb_start)]
                               + [v.end() for v in _verb_patterns()[0].finditer(self.text, clause_start, verb_start)]
                               + [clause_start])
            recipients = self._framed_out([r for r in self._recipients_in(subject_from, verb_start)
                                           if not any(a.start <= r.start < a.end for a in awards)
                                           and not self._in_closed_bracket(r, verb_start)])
            if self._in_brackets(verb_start):
                # "B公司(曾获2018年X奖,…)": a note in brackets speaks of what stands right before it
                opened = max(self.text.rfind("(", 0, verb_start), self.text.rfind("（", 0, verb_start))
                recipients = [r for r in self._recipients_in(max(0, opened - SUBJECT_LOOKBACK), opened)
                              if r.end == opened][-1:]
            confidence = 0.8
            # "A为获得X的企业颁奖": the verb describes whom A addresses; A presents, and the recipients are
            # those the clause goes on to describe, if it names them
            addressed_clause = self.text[verb_start - 1:verb_start] in ADDRESSING and "的" in self.text[verb_end:clause_end]
            if addressed_clause:
                recipients = []
            if recipients and all(r.type in ("City", "Province") for r in recipients) and \
                    COUNTED_AGENTS.search(self.text, recipients[-1].end, verb_start):
                recipients = []  # "其中昆明市3家企业获X": the place frames a count of its firms
            if recipients and self._products_of(recipients, verb_start):
                pass  # "A生产的“X”牌挂面和B生产的“Y”牌露酒获得…": the firms whose products won
            elif recipients and (peers := COUNTED_PEERS.match(
                    GAP_WORDS.sub("", self.text[recipients[-1].end:verb_start]))) is not None:
                recipients = self._counted_list_ending(recipients, sentence[0], small_number(peers.group("count")))
            elif recipients:
                gap = GAP_WORDS.sub("", self.text[recipients[-1].end:verb_start])
                unknown = LAST_ITEM.match(gap)
                if unknown is not None and self._name_line((recipients[-1].end + 1,
                                                            recipients[-1].end + 1 + len(unknown.group(1)))):
                    # "A、B、桂林市象山景区管理处等8家单位获": the list's last item, a name no finder knew
                    start = recipients[-1].end + 1
                    recipients.append(self._name_line((start, start + len(unknown.group(1)))))
                    gap = gap[unknown.end(1):]
                gap = ENUMERATION_TOTAL.sub("", gap)  # "A、B、C等10个组织获": the list's total
                if recipients[-1].type in ("Enterprise", "Organization") and OWN_THINGS.match(gap.rstrip()):
                    recipients, confidence = recipients[-1:], 0.5
                elif "的" in gap or len(gap.strip()) > MAX_GAP:
                    continue  # "A公司的张三入选", "A中心及B工程获": the recipient is not A
            elif described := self._described_after(awards[-1], clause_end):
                recipients = described  # "已获得X奖的A公司同时享受…": the recipients the clause goes on to describe
            elif COUNTED_AGENTS.search(before) or not GAP_WORDS.sub("", before).strip() \
                    and COUNTED_SUBJECT.search(self.text, sentence[0], clause_start) \
                    and not self._recipients_in(self._clause_bounds(max(0, clause_start - 2), sentence[0],
                                                                    clause_start)[0], clause_start):
                # ("…的5家企业，均获得了X。这5家企业分别为…": the count closes the clause before the verb's,
                # a clause that names none of them)
                # "全市共有12家企业获得…": a count; the recipients are named only if a list follows
                # ("3家企业获X，分别是A、B、C", "4家组织获得过X（A、B、C、D）", "…称号。3家福建企业分别是：A、B")
                recipients = self._listed_after(max(a.end for a in awards), sentence[1])
                confidence = 0.7
            elif (listed := self._short_names_listed(clause_start, verb_start)):
                recipients, confidence = listed, 0.5  # "我市A、B更是荣获X": firms' short names, no finder knew
            elif OWN_CITY.search(before) and self.places.main_city is not None:
                recipients = [self._own_city(clause_start, verb_start)]
            elif OWN_FIRM.search(before):
                if self.own_firm is None:
                    continue  # a firm's own text that never names the firm: no recipient to name
                recipients = [self._as_named_at(self.own_firm, clause_start, verb_start)]
            elif BARE_FIRM.search(before) and (firm := self._firm_before(clause_start, line_starts, line_index)):
                recipients = [self._as_named_at(firm, clause_start, verb_start)]
            elif self.own_firm is not None and TIMELINE_ENTRY.fullmatch(before) and self._opens_line(clause_start):
                # "2016年　荣获X" in a firm's own history: the firm, its year the line's
                recipients = [self._as_named_at(self.own_firm, clause_start, verb_start)]
            else:
                if COUNTED_AGENTS.search(before) or re.search(r"[此该其]", self.text[verb_end:verb_end + 2]):
                    continue
                if addressed_clause:
                    continue
                if len(GAP_WORDS.sub("", before[subject_from - clause_start:]).strip(" ，,、")) > MAX_GAP:
                    continue  # "某某公司张三荣获X": the clause has a subject of its own, only no finder knew it
                things = COUNTED_THINGS.search(before) is not None
                short = self._short_name_subject(clause_start, verb_start, sentence[0])
                recipients = [short] if short is not None else \
                    self._subject_before(clause_start, sentence[0], line_starts, line_index, things)
                confidence = 0.5 if things or short is not None else 0.55
            if not recipients:
                continue
            earlier_years = [] if YEAR_LIST.search(self.text, sentence[0], clause_start) else \
                _years(self.text, sentence[0], verb_start)  # "于2012年和2014年分别开展…": which year is not said
            years = (_years(self.text, clause_start, clause_end) or earlier_years
                     or ([context_years[line_index]] if line_index in context_years else [])
                     or self._relative_years(sentence[0], verb_start))
            if not years and antecedent is not None:  # "首届X奖于2013年颁出。A、B获此殊荣": the year told with it
                years = _years(self.text, self.sentence_bounds(antecedent.start)[0], antecedent.end)
            # the present event named in the sentence, or in the one before it in its paragraph
            # ("大会还表彰了第四届X奖获奖企业。A获评X")
            present = self._present_event(sentence[0], verb_start)
            editions = {edition_number(e.group()) for e in EDITION_INSIDE.finditer(self.text, sentence[0], sentence[1])}
            past = bool(editions) and self.title_editions is not None and not editions & self.title_editions
            # "A和B分别获得X和Y": each recipient its award, in order
            respectively = 1 < len(recipients) == len(awards) and RESPECTIVELY.search(
                self.text, recipients[-1].end, verb_start) is not None
            for number, recipient in enumerate(recipients):
                for award in awards[number:number + 1] if respectively else awards:
                    year = self._bracket_year(award) if len(awards) > 1 else None
                    year = year or (years[0] if years else None)
                    self._add(recipient, award, year, (min(recipient.start, clause_start),
                                                       max(max(a.end for a in awards), verb_end)), confidence,
                              present, past)

    def _award_won_by(self, clause_start: int, verb_start: int) -> tuple[Mention, list[Mention]] | None:
        """"X奖由A、B获得": the award the clause opens with, the recipients after 由, right before the verb."""
        before = self.awards.between(clause_start, verb_start)
        by = WON_BY.match(self.text, before[-1].end, verb_start) if before else None
        if by is None:
            return None
        recipients = self._recipients_in(by.end(), verb_start) or self._short_names_listed(by.end(), verb_start) \
            or self._names_listed(by.end(), verb_start)  # "X奖由信义房屋与欣兴电子获得": names no finder knew
        if not recipients or self.text[by.end():recipients[0].start].strip() \
                or GAP_WORDS.sub("", self.text[recipients[-1].end:verb_start]).strip():
            return None
        return before[-1], recipients

    def _present_event(self, sentence_start: int, verb_start: int) -> bool:
        """Does the sentence, or the one before it in its paragraph, name the present event and no past?"""
        paragraph_start = self.text.rfind("\n", 0, sentence_start) + 1
        # (a semicolon goes on with the statement: the full stops bound the sentences here)
        sentence_start = self._bounds(sentence_start, LIST_BREAKS, paragraph_start, len(self.text))[0]
        previous_start = max(paragraph_start, self._bounds(max(0, sentence_start - 2), LIST_BREAKS, 0,
                                                           len(self.text))[0]) \
            if sentence_start > paragraph_start else sentence_start
        if PRESENT.search(self.text, previous_start, verb_start) is not None:
            return PAST.search(self.text, previous_start, verb_start) is None
        # "会议表彰了…。A、B获得X。C、D获得Y。": an event that gives honours, earlier in the paragraph
        return PARAGRAPH_EVENT.search(self.text, paragraph_start, previous_start) is not None \
            and PAST.search(self.text, sentence_start, verb_start) is None

    def _counted_list_ending(self, recipients: list[Mention], sentence_start: int, count: int | None) -> list[Mention]:
        """"A总经理甲，B董事长乙，…C董事长丙等10位杰出人物荣膺X": the list the count closes runs back
        over the sentence's earlier clauses: its last ``count`` items of the kind the clause names (people, or
    organisations), what else the clauses name being their employers."""
        people = recipients[-1].type == "Person"
        listed = [r for r in self._recipients_in(sentence_start, recipients[-1].end) if (r.type == "Person") == people]
        listed = listed[-count:] if count else recipients
        # the earlier clauses only list: no award nor verb of theirs ("A、B获金奖，C等7家企业获银奖")
        if self.awards.between(listed[0].start, recipients[0].start) or \
                _verb_patterns()[0].search(self.text, listed[0].start, recipients[0].start):
            return recipients
        # fewer found than counted: names no finder knew; the ones found are still the list's
        return listed

    def _opens_line(self, position: int) -> bool:
        """Nothing but blanks between the line's start and ``position``."""
        line_start = self.text.rfind("\n", 0, position) + 1
        return not self.text[line_start:position].strip()

    def _framed_out(self, recipients: list[Mention]) -> list[Mention]:
        """"德阳市另有A获得…", "某县今年已有A获得…": the place frames the sentence; A is the recipient."""
        return [r for r, following in zip(recipients, recipients[1:] + [None])
                if not (following is not None and r.type in ("City", "Province")
                        and EXISTENTIAL.fullmatch(self.text, r.end, following.start))]

    def _place_in_brackets(self, bracket: re.Match) -> bool:
        if self._place_spans is None:
            self._place_spans = {p.span for p in self.places.mentions}
        return (bracket.start() + 1, bracket.end() - 1) in self._place_spans

    # -- "获得提名奖的组织中，A、B、C等…" ----------------------------------------

    def tier_groups(self) -> None:
        """Recipients listed after "获得<tier>的组织中/包括": that tier of the award the text spoke of before."""
        for match in _tier_group_pattern().finditer(self.text):
            base = self._main_award_before(match.start(), SECTION_REACH)
            if base is None or self._listing_candidates:
                continue
            award = tier_of(base, match.group("tier"), match.start("tier"), match.end("tier"))
            years = _years(self.text, max(0, base.start - 8), base.end)
            position, end = match.end(), self.sentence_bounds(match.end())[1]
            while position < end:
                recipient = self._recipient_at(position)
                if recipient is None:
                    break
                self._add(recipient, award, years[0] if years else None, (match.start(), recipient.end), 0.8)
                position = recipient.end
                if position < end and self.text[position] in "、和及与":
                    position += 1

    def _bracket_year(self, award: Mention) -> int | None:
        """"X奖（2019年）、Y奖（2021年）": the year in brackets right after an award."""
        brackets = BRACKET_YEARS.match(self.text, award.end)
        years = _years(self.text, brackets.start(), brackets.end()) if brackets else []
        return years[0] if len(years) == 1 else None

    def _awards_after(self, verb_end: int, clause_end: int) -> list[Mention]:
        """The award right after a verb and those listed with it ("X奖、Y奖", "“X”“Y”", "X奖（2019年）、Y奖")."""
        awards = []
        for award in self.awards.between(verb_end, clause_end):
            previous_end = awards[-1].end if awards else verb_end
            brackets = BRACKET_YEARS.match(self.text, previous_end) if awards else None
            gap = self.text[brackets.end() if brackets else previous_end:award.start]
            if not awards and len(gap) > AWARD_REACH or awards and gap.strip(AWARD_JOINERS):
                break
            awards.append(award)
        return awards

    def _products_of(self, recipients: list[Mention], verb_start: int) -> bool:
        """Does each listed firm stand before "生产的<product>", up to the verb?"""
        ends = [r.start for r in recipients[1:]] + [verb_start]
        return all(r.type in ("Enterprise", "Organization") and PRODUCT_OF.fullmatch(self.text, r.end, end)
                   for r, end in zip(recipients, ends))

    def _described_after(self, award: Mention, clause_end: int) -> list[Mention]:
        """"获得X奖的A公司", "为荣获X的A、B、C等5家企业颁奖": the recipients after 的 that the verb and
        award describe, as far as their list goes. "获得X奖的A公司总裁张三": the firm, unless the honour is
        a person's."""
        relative = RELATIVE_AFTER_AWARD.match(self.text, award.end, clause_end)
        if relative is not None and (counted := COUNTED_DESCRIBED.match(self.text, relative.end())) is not None:
            return self._recipients_in(counted.end(), self.sentence_bounds(counted.end())[1])  # "…的5家企业分别是A、B"
        first = self._recipient_at(relative.end()) if relative else None
        if first is None:
            return []
        if first.type == "Person" and first.start != relative.end() and not award.name.endswith(PEOPLES_HONOURS):
            first = self.recipients.starting_at(relative.end())
        listed = [first]
        for mention in self._recipients_in(first.end, clause_end):
            if self.text[listed[-1].end:mention.start].strip() not in LIST_JOINERS:
                break
            listed.append(mention)
        return listed

    def _listed_after(self, award_end: int, sentence_end: int) -> list[Mention]:
        """The recipients a counted statement lists after its award: after a cue in the same sentence,
        in brackets, or at the start of the next sentence that counts them again."""
        cue = COUNTED_LIST_AFTER.match(self.text, award_end, sentence_end)
        end = sentence_end
        if cue is None and self.text[sentence_end:sentence_end + 1] in ("。", "；", ";"):
            cue = COUNTED_LIST_SENTENCE.match(self.text, sentence_end + 1)
            end = self.sentence_bounds(cue.end())[1] if cue else end
        if cue is None:
            return []
        if cue.group().rstrip().endswith("("):
            closing = self.text.find(")", cue.end(), end)
            end = closing if closing >= 0 else end
            if closing >= 0:  # "2家组织获得X(厦航、某集团)": the bracket holds the list, short names too
                return self._bracket_items(cue.end(), closing)
        listed = self._recipients_in(cue.end(), end)
        if not listed or self.text[cue.end():listed[0].start].strip():
            return []
        return listed

    def _honours_listed(self, verb_end: int, clause_end: int) -> list[Mention]:
        """"获得A、B、C等荣誉称号": each item of the list the verb names, closed by 等…称号, is an honour."""
        listed = HONOUR_LIST.match(self.text, verb_end, clause_end)
        if listed is None:
            return []
        honours, position = [], listed.start("items")
        for item in listed.group("items").split("、"):
            start, end = position, position + len(item)
            position = end + 1
            known = [a for a in self.awards.between(start, end) if (a.start, a.end) == (start, end)]
            honour = known[0] if known else title_award(item.strip("“”\"") + "称号", start, end, self.places,
                                                         self.lexicon)
            if honour is None:
                return []  # an item that names no honour: not a list of honours
            honours.append(honour)
        return honours if len(honours) >= 2 else []

    def _antecedent(self, verb_end: int, clause_end: int) -> Mention | None:
        """"…获此殊荣", "获得该奖": the award named last before, within TIER_LOOKBACK."""
        if ANAPHOR.fullmatch(self.text, verb_end, clause_end) is None:
            return None
        earlier = self.awards.between(max(0, verb_end - TIER_LOOKBACK), verb_end)
        return earlier[-1] if earlier else None

    def _firm_before(self, clause_start: int, line_starts, line_index: int) -> Mention | None:
        """"…，公司获得X": the last firm named earlier in the paragraph, else the document's own firm."""
        line_start = line_starts[line_index] if line_index >= 0 else 0
        earlier = [r for r in self._recipients_in(line_start, clause_start) if r.type == "Enterprise"]
        return earlier[-1] if earlier else self.own_firm

    @staticmethod
    def _as_named_at(firm: Mention, start: int, end: int) -> Mention:
        """The firm, as the words at [start, end) ("我公司") name it."""
        return Mention(firm.type, firm.name, start, end, dict(firm.attrs))

    def _own_city(self, start: int, end: int) -> Mention:
        """"我市" as a recipient: the document's city."""
        city = self.places.main_city
        return Mention("City", city.name, start, end, {"division": city})

    def _list_filling(self, start: int, end: int, total: re.Pattern, excluded: tuple[str, ...] = ()) -> list[Mention]:
        """The recipients that fill [start, end) as one list: the first at its start, the others after
        joiners, and nothing after the last but what ``total`` reads ("等三家企业"); else none.
        ``excluded``: kinds of mention that are no items of it."""
        listed = [r for r in self._recipients_in(start, end) if r.type not in excluded]
        # (``total`` is anchored with ^, which matches only at a string's start: it is given the slice)
        if not listed or self.text[start:listed[0].start].strip() or not total.fullmatch(self.text[listed[-1].end:end]) \
                or any(self.text[a.end:b.start].strip() not in LIST_JOINERS for a, b in zip(listed, listed[1:])):
            return []
        return listed

    def _short_names_listed(self, clause_start: int, verb_start: int) -> list[Mention]:
        """"我市英洛华磁业、野风药业更是荣获X": a list of firms' short names, after the own place perhaps, as the
        whole subject of a clause; every item a brand's name (no place, person or common words)."""
        start, end = clause_start, verb_start
        while start < end and not is_cjk(self.text[start]):
            start += 1
        own = OWN_PLACE_OPENING.match(self.text, start, end)
        if own is not None:
            start = own.end()
        gap = GAP_WORDS.search(self.text, start, end)
        if gap is not None and gap.end() == end:
            end = gap.start()
        listed, position = [], start
        for item in SHORT_NAME_ITEMS.finditer(self.text, start, end):
            name = item.group(1)
            if item.start() != position or not 2 <= len(name) <= 6 or not brand_name(name, self.lexicon) \
                    or person_name_at(self.text, item.start(1), self.lexicon) == item.end(1):
                return []
            listed.append(Mention("Enterprise", name, item.start(1), item.end(1), {"surface": name, "listed_in_roll": True}))
            position = item.end()
        return listed if len(listed) >= 2 and position == end else []

    def _short_name_subject(self, clause_start: int, verb_start: int, sentence_start: int) -> Mention | None:
        """"龙溪轴承获福建省政府质量奖", "漳州：龙溪轴承获…": a firm's short name, which no finder knew, as the
        whole subject of a clause that opens a sentence or follows a headline's colon."""
        opening = self.text[sentence_start:clause_start].strip()
        inside = bool(opening) and (not opening.endswith((":", "：")) or len(opening) > 8)
        start, end = clause_start, verb_start
        while start < end and not is_cjk(self.text[start]):
            start += 1
        gap = GAP_WORDS.search(self.text, start, end)
        if gap is not None and gap.end() == end:
            end = gap.start()  # "奇精机械再次获评": the adverb is no part of the name
        name = self.text[start:end]
        if not 2 <= len(name) <= 6 or not all(map(is_cjk, name)) or not brand_name(name, self.lexicon):
            return None
        if inside and self.text.count(name) < SHORT_NAME_RECURS:
            return None  # inside a sentence, a short name must recur: the firm the text is about ("…名单，美晨生态荣获")
        named = next((m for m in self.recipients.mentions if m.name == name), None)
        if named is not None:
            return self._as_named_at(named, start, end)  # named elsewhere, a person perhaps ("张才奎获…")
        if person_name_at(self.text, start, self.lexicon) == end:
            return None  # a person's name, not a firm's
        full = next((o for o in self.recipients.mentions if o.type in ("Enterprise", "Organization")
                     and _abbreviates(name, o.name)), None)
        if full is not None:
            return self._as_named_at(full, start, end)  # "陕汽" where the text names 陕西汽车集团有限责任公司
        return Mention("Enterprise", name, start, end, {"surface": name, "listed_in_roll": True})

    def _subject_before(self, clause_start: int, sentence_start: int, line_starts, line_index: int,
                        organizations_only: bool = False) -> list[Mention]:
        """A sentence's subject stated before the clause ("A获得X，成为…荣获Y的企业").

        ``organizations_only``: the clause speaks of an organisation's things
        ("多项应用获…"), so the subject is the organisation the paragraph is about.
        """
        line_start = line_starts[line_index] if line_index >= 0 else 0
        floor = max(line_start, clause_start - (SUBJECT_LOOKBACK * 2 if organizations_only else SUBJECT_LOOKBACK))
        if not organizations_only:
            # "杨波、张天友…等10人，获得X": a list of people is the subject (one person alone is not: it
            # is more often the one who speaks of the honour than the one who won it)
            people = [r for r in self._recipients_in(floor, clause_start) if r.start >= sentence_start]
            listed = self._enumeration_ending(people) if people else []
            if len(listed) >= 2 and all(r.type == "Person" for r in listed) and \
                    listed[-1].end == people[-1].end and self._closes_list(listed[-1].end, clause_start):
                return listed
            opening = people[0] if people else None
            if opening is not None and self.text[sentence_start:opening.start].strip() == "" \
                    and self.person_of_holding.get(opening.end + 1) is opening:
                return [opening]  # "王建国，某公司董事长，荣获X": the person the sentence opens with, in apposition
            if opening is not None and self.text[sentence_start:opening.start].strip() == "" and \
                    SUBJECT_VERB.match(self.text, opening.end) and \
                    not any(r.type != "Person" for r in self._recipients_in(opening.end, clause_start)
                            if r.type not in ("City", "Province")):
                return [opening]  # "卫建平是…，获得X": the person the sentence opens with is its subject
        excluded = ("Person", "City", "Province") if organizations_only else ("Person",)
        notes = [m.span() for m in re.finditer(SHORT_NAME_NOTE, self.text[floor:clause_start])]
        earlier = [r for r in self._recipients_in(floor, clause_start) if r.type not in excluded
                   and not any(s <= r.start - floor < e for s, e in notes)]  # not "广西" of (以下简称“广西金桂”)
        in_sentence = [r for r in earlier if r.start >= sentence_start]
        if in_sentence:
            return self._enumeration_ending(in_sentence)
        return [earlier[-1]] if earlier else []

    def _closes_list(self, end: int, clause_start: int) -> bool:
        """Only a list's total and a clause break stand between a list's end and the clause ("等10人，")."""
        rest = ENUMERATION_TOTAL.sub("", self.text[end:clause_start])
        return rest.strip(" ，,、") == ""

    def _enumeration_ending(self, mentions: list[Mention]) -> list[Mention]:
        """The last mention and those listed before it ("…日前印发决定，A、B和C等5家企业脱颖而出，摘获X":
        A, B and C are the subject, not what the sentence named first)."""
        listed = [mentions[-1]]
        for mention in reversed(mentions[:-1]):
            if self.text[mention.end:listed[0].start].strip() not in SUBJECT_JOINERS:
                break
            listed.insert(0, mention)
        return listed

    def _tier_of_award_before(self, start: int, clause_end: int) -> Mention | None:
        """"A荣获金奖" after "第六届X奖颁奖大会…": the tier of the award named shortly before."""
        tier = self.text[start:clause_end].strip()
        if tier not in self.lexicon.award_tiers and not BARE_TIER.fullmatch(tier):
            return None  # (一等奖, 优胜奖: a prize's grade, a tier too)
        # "本届新增了X奖提名奖，A获提名奖": that award's tier, named just before
        named = [a for a in self.awards.between(max(0, start - TIER_LOOKBACK), start) if a.name.endswith(tier)]
        if named:
            return Mention("Award", named[-1].name, start, clause_end, dict(named[-1].attrs))
        base = self._main_award_before(start, TIER_LOOKBACK)
        if base is None:
            base = self._contest_before(start)  # "第五届X成果发表赛…A荣获二等奖": the contest's prize
        return None if base is None else tier_of(base, tier, start, clause_end)

    def _contest_before(self, start: int) -> Mention | None:
        """The contest named last in the paragraph before ``start`` (…发表赛, …大赛, …竞赛), as the award
        whose tiers its prizes are; its edition and year are not part of the name."""
        floor = max(0, start - CONTEST_REACH)
        paragraph = max(self.text.rfind("\n", floor, start) + 1, floor)
        contest = None
        for contest in CONTEST.finditer(self.text, paragraph, start):
            pass
        if contest is None:
            return None
        # the contest's name runs back to its clause's start, its edition or a 的 ("第五届|中央企业QC小组成果发表赛")
        name_start = max(contest.start() - MAX_CONTEST_NAME, paragraph)
        for stop in CONTEST_NAME_STOP.finditer(self.text, name_start, contest.start()):
            name_start = stop.end()
        name = GLOSS.sub("", self.text[name_start:contest.end()])  # "质量管理(QC)小组…": no gloss
        if len(name) < 4:
            return None
        edition = EDITION_BEFORE_NAME.search(self.text, max(paragraph, name_start - EDITION_REACH), name_start)
        place = next((m for m in self.places.mentions if m.end == edition.start()), None) if edition else None
        if place is not None:  # "义乌市首届|质量管理小组成果竞赛": the region before the edition is the contest's
            name = self.text[place.start:place.end] + name
            name_start = place.start
        return Mention("Award", name, name_start, contest.end(), {"name": name})

    def _main_award_before(self, start: int, reach: int) -> Mention | None:
        """The last award named in the ``reach`` characters before ``start`` that is no tier of another."""
        earlier = [a for a in self.awards.between(max(0, start - reach), start)
                   if not a.name.endswith(self.lexicon.award_tiers)]
        return earlier[-1] if earlier else None

    def _title_after(self, start: int, clause_end: int, naming: bool = False) -> Mention | None:
        """A title named right after a verb: “X”称号, or a phrase ending in an award word.

        ``naming``: the verb gives titles ("获评"), so a whole quoted phrase after it is one.
        """
        tiered = self._tier_of_award_before(start, clause_end)
        if tiered is not None:
            return tiered
        text = self.text
        segment = text[start:clause_end]
        quoted = re.match(r"\s*(?:[\u4e00-\u9fff]{0,8}?|(?:19|20)\d{2}年度?)“([^“”]{2,36})”(称号|荣誉称号|奖)?", segment)
        if quoted and quoted.end() < len(segment.rstrip()) - 2:
            quoted = None  # the quote is only part of the title ("“品质之城”示范城市称号")
        if quoted:
            ending = quoted.group(2) or ""
            name = quoted.group(1) + ("奖" if ending == "奖" else "") + ("称号" if "称号" in ending or naming else "")
            return title_award(name, start + quoted.start(1) - 1, start + quoted.end(), self.places, self.lexicon,
                               quoted=True)
        phrase = segment.strip()
        if not phrase or len(phrase) > 30:
            return None
        return title_award(phrase, start, clause_end, self.places, self.lexicon)


@lru_cache(maxsize=1)
def _tier_group_pattern() -> re.Pattern:
    tiers = alternation(Lexicon.default().award_tiers)
    return re.compile(r"获得(?P<tier>" + tiers + r")的(?:组织|企业|单位|集体|个人)(?:中|里|有|包括|为)?[,，:：]")


@lru_cache(maxsize=1)
def _unnamed_honour_pattern() -> re.Pattern:
    suffixes = alternation(Lexicon.default().honour_suffixes)
    return re.compile(r"\s*(?P<name>[\u4e00-\u9fff“”\"]{0,12}?(?:" + suffixes + r")[”\"]?)"
                      r"\s*(?:\(\s*\d+\s*[个家项名]\s*\))?\s*")


def timeline_years(text: str, lines: list[Span]) -> dict[int, int]:
    """For each line under a year heading ("2015年" on its own line), that year."""
    years: dict[int, int] = {}
    current = None
    for index, (start, end) in enumerate(lines):
        match = YEAR_LINE.match(text, start, end)
        if match and YEAR_LINE.match(text[start:end]):
            current = int(match.group(1))
            continue
        if end - start > TIMELINE_RESET:
            current = None
        if current is not None:
            years[index] = current
    return years


def find_conferrals(text: str, lines: list[Span], recipients: list[Mention], awards: list[Mention],
                    holdings: list[RoleHolding], places: Places, lexicon: Lexicon | None = None,
                    title: str | None = None, document_year: int | None = None) -> list[FoundConferral]:
    """``title``: the document's title in matchable form (a shortlist's title makes every list in it one);
    ``document_year``: the year of the document's date, the last resort of year resolution (years.py)."""
    finder = ConferralFinder(text, lines, recipients, awards, holdings, places, lexicon, title)
    finder.document_year = document_year
    roll_lines = finder.honour_rolls()
    finder.decisions()
    finder.counted_lists()
    finder.announced_lists()
    finder.namings()
    finder.holders_listed()
    finder.holder_nouns()
    finder.winner_lists()
    finder.tier_groups()
    finder.presentations()
    listed = len(finder.found)  # what lists and decisions confer: the document's own announcement
    finder.sentences(timeline_years(text, lines), roll_lines)
    date_conferrals(finder, title, document_year, listed)
    return finder.found


ROLL_LINE_CLOSERS = " \t\u3000、，,；;。"
MAX_EMPLOYER_LINE = 60  # characters of the employer and the job before a roll's person
EMPLOYER_WORDS = re.compile(r"(?:\d{1,3}\s*[.、．]\s*)?[\u4e00-\u9fff〇A-Za-z0-9()（）·\-]+")
NAMED_AS = re.compile(r"命名为|评为|认定为|授予")
GLOSS = re.compile(r"\([A-Za-z]{1,6}\)")  # an English gloss in brackets, "(QC)"
EDITION_BEFORE_NAME = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+届|首届)$")
EDITION_REACH = 8
COUNT_REACH = 16  # characters before an award where its recipients' count may stand ("2家“2017年度…")
SHORT_NAME_RECURS = 2
OWN_PLACE_OPENING = re.compile(r"我市|我省|我县|我区|本市|本省|全市|全省")
SHORT_NAME_ITEMS = re.compile(r"([\u4e00-\u9fff]+?)(?:[、和及与]|$)")
COUNTED_PEOPLE_GAP = re.compile(r"(?:等)?\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:名|位)?\s*(?:人|同志|个人|职工)")
RELATIVE_YEARS = {"去年": 1, "前年": 2}  # (今年 is the present event: the document's year, as years.py reads it)
RELATIVE_YEAR = re.compile("|".join(RELATIVE_YEARS))
PARAGRAPH_EVENT = re.compile(r"(?:会议|大会|会上|仪式上)(?:还|又|同时|共)?(?:表彰|授予|颁发)")
# The items of a slot of names: runs of characters between separators, spaces and the slot's end marks
NAME_ITEMS = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff·]*?)[ \t\u3000]*(?:[、，,和与及]|[ \t\u3000]+|[。；;]?\s*$)")
MIN_NAMES_ALONE = 2
NUMBERED = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]+(?=[\u4e00-\u9fff])")  # a row's number apart by blanks
HOLDER_NOUN = re.compile(r"[”\"]?(?:称号)?(?:的)?(?:获得者|获奖者|得主|获奖企业|获奖单位)\s*")
BECOMES = re.compile(r"是|成为|荣膺|作为")
YEAR_ONLY = re.compile(r"\s*[“\"]?\s*(?:\d{4}(?:\s*年度?)?|第[一二三四五六七八九十\d]+届|首届)?\s*[“\"]?\s*")
LIST_RUNS_ON = ("、", "，", ",", "；", ";")
MAX_JOB_BETWEEN = 20  # characters of a job between an employer and the person the item names
ITEM_SEPARATOR = re.compile(r"[、，,；;。：:\n和与及()（）]")


CONTEST_REACH = 400  # characters back, within the paragraph, where a bare tier's contest may be named
# The kinds of contests whose prizes are tiers: "…成果发表赛", "…技能大赛", "…竞赛"
CONTEST = re.compile(r"(?P<kind>成果发表赛|发表赛|技能大赛|大赛|竞赛|比赛)")
CONTEST_NAME_STOP = re.compile(r"[，,。；;：:、！!？?\s“”\"的]|第[一二三四五六七八九十百零〇\d]+届|首届|(?:19|20)\d{2}年度?")
MAX_CONTEST_NAME = 24
BRACKET_REACH = 200  # characters back to a bracket a recipient may be listed in
MAX_BRACKET_ITEM = 10  # characters of a short name listed in brackets after a counted award
ROW_YEAR_REACH = 80
ROW_MAX = 120  # characters of a table's row that pairs recipients with an award
ROW_GAP = re.compile(r"[|｜\t\u3000]|  ")
ANNOUNCEMENT_REACH = 400  # characters before a listing verb where its announced award is named  # characters above a row where the year of its table may be written
KIN_ENDING = 3  # the characters two honours of one kind end with ("企业家", "先进个人"'s "个人" is too short alone)
# The bodies that govern (and so confer or organise), never the winners of a prize.
GOVERNING_BODY = re.compile(r"(?:国务院|总局|人民政府|政府|委员会|办公厅|办公室|领导小组)$|^[\u4e00-\u9fff]{2,7}部$")
# Honours a city or province can hold: named for places (示范城市, 强市, 地区) or as cases and pilots.
PLACE_HONOUR = re.compile(r"城市|[市县区省州]|地区|典型案例|示范|试点")
PRIZE = re.compile(r"奖(?:提名奖|金奖|银奖|铜奖|特别奖|组织奖|个人奖)?(?:\([^()]*\))?$")


def _abbreviates(short: str, name: str) -> bool:
    """Is ``short`` a short form of ``name``: its characters in order, the first among the name's first
    few ("龙溪轴承" of 福建龙溪轴承股份有限公司, "陕汽" of 陕西汽车集团有限责任公司)?"""
    position = name.find(short[0], 0, 4)
    if position < 0:
        return False
    for char in short[1:]:
        position = name.find(char, position + 1)
        if position < 0:
            return False
    return True


def fits_award(recipient: Mention, award: str) -> bool:
    """Recipient kinds: a prize (…奖) goes to an organisation, a team or a person; honours for places
    (示范城市, 成效突出的地区, 典型案例) may go to a city or province; governing bodies win no prize."""
    if recipient.type in ("City", "Province"):
        return not PRIZE.search(award) and PLACE_HONOUR.search(award) is not None
    award = BRACKETED_CATEGORY.sub(r"\1", award)  # "X奖（个人奖）": the category in brackets
    if award.endswith(PEOPLES_HONOURS) and recipient.type != "Person":
        return False  # "…先进个人", "…个人奖": a person's honour
    if award.endswith(BODIES_HONOURS) and recipient.type == "Person":
        return False  # "…先进单位", "…先进集体", "…组织奖": an organisation's
    if not PRIZE.search(award):
        return True
    return not (recipient.type == "GovernmentBody" and GOVERNING_BODY.search(recipient.name))


BRACKETED_CATEGORY = re.compile(r"[（(]([^()（）]+)[)）]$")
PEOPLES_HONOURS = ("个人", "个人奖", "工匠", "劳动模范", "技术能手", "能手", "标兵个人", "优秀推进者", "质量人物")
BODIES_HONOURS = ("单位", "集体", "组织奖", "企业", "班组", "小组", "城市", "示范区")
