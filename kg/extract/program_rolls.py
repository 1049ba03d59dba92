"""Lists of a programme's projects: the bodies carrying them out run the programme.

"一、省级标准化试点示范项目（3个）" then lines "<project>，承担单位：<firm>" (or the
firm alone): each firm listed under the heading adopts the programme, from the
year the heading names, else the year of the document's title. A line that
names no organisation ends the list.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract.mentions import Mention
from kg.extract.relations import FoundRelation
from kg.extract.segments import Span

# What may stand on a heading line beside the programme: a year, a batch, a count.
HEADING_NOISE = re.compile(r"^[\s\d年度第批届()个项家:：]*$")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
# Where the body of a project line starts: after "承担单位：", else at the line's start.
CARRIER = re.compile(r"(?:承担单位|实施单位|建设单位|牵头单位)\s*[:：]\s*")


def _year_in(text: str) -> int | None:
    match = YEAR.search(text)
    return int(match.group(1)) if match else None


def project_carriers(text: str, lines: list[Span], programs: list[Mention], organizations: list[Mention],
                     title: str | None) -> list[FoundRelation]:
    """Adoptions of programmes by the organisations listed under a heading that names only the programme."""
    found: list[FoundRelation] = []
    orgs = sorted(organizations, key=lambda m: m.start)
    org_starts = [o.start for o in orgs]
    own = sorted((p for p in programs if p.type == "Program"), key=lambda p: p.start)
    program_starts = [p.start for p in own]
    title_year = _year_in(title or "") or (_year_in(text[slice(*lines[0])]) if lines else None)
    heading: tuple[Mention, int | None] | None = None
    for start, end in lines:
        # the first programme within the line (by start, as the list was in text order)
        program = next((p for p in own[bisect_left(program_starts, start):bisect_left(program_starts, end)]
                        if p.end <= end), None)
        if program is not None and HEADING_NOISE.match(text[start:program.start] + text[program.end:end]):
            heading = (program, _year_in(text[start:end]) or title_year)
            continue
        if heading is None:
            continue
        carrier = CARRIER.search(text, start, end)
        body_start = carrier.end() if carrier else start
        listed = [o for o in orgs[bisect_left(org_starts, body_start):bisect_left(org_starts, end)] if o.end <= end]
        if not listed or not (carrier or listed[0].start == start):
            heading = None  # prose, or a line that does not open with a body: the list is over
            continue
        program, year = heading
        found.append(FoundRelation(listed[0].name, program.name, year, start, end, 0.8))
    return found
