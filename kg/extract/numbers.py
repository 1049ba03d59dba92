"""Small numbers as documents write them: counts of a list ("10家", "五家") and editions ("第七届", "第7届")."""
from __future__ import annotations

import re

_NUMERALS = {c: n for n, c in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}
_EDITION = re.compile(r"第\s*([一二三四五六七八九十百零〇\d]+)\s*届|(首)届")


def small_number(written: str | None) -> int | None:
    """The number written with digits or Chinese numerals up to 99 ("10", "十", "五", "二十一");
    None when it is no plain number."""
    if not written:
        return None
    if written.isdigit():
        return int(written)
    if len(written) == 1 and written in _NUMERALS:
        return _NUMERALS[written]
    tens, ten, units = written.partition("十")
    if not ten or len(tens) > 1 or len(units) > 1 or any(c not in _NUMERALS for c in tens + units):
        return None
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


def edition_number(written: str) -> int | None:
    """The number of an edition: "第七届" and "第7届" are 7, "首届" is 1."""
    match = _EDITION.fullmatch(written.strip())
    if match is None:
        return None
    return 1 if match.group(2) else small_number(match.group(1))
