"""The matchable form of a text: same length, simplified, half-width.

Matching runs on this form while the original text stays the evidence, so the
mapping is strictly one character to one character: traditional characters to
simplified (OpenCC's character table, not its phrase table, which can change
lengths), full-width ASCII and punctuation to half-width, ideographic and
no-break spaces to a plain space.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST, _FULL_WIDTH_OFFSET = 0xFF01, 0xFF5E, 0xFEE0
_SPACES = {0x3000: " ", 0x00A0: " "}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    dictionary = files("opencc").joinpath("dictionary", "TSCharacters.txt")
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ", 1)[0]
        if len(traditional) == 1 and len(first) == 1 and traditional != first:
            table[ord(traditional)] = first
    for code in range(_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST + 1):
        table[code] = chr(code - _FULL_WIDTH_OFFSET)
    table.update(_SPACES)
    return table


def matchable(text: str) -> str:
    """``text`` with each character replaced by its matching form; ``len`` is unchanged."""
    return text.translate(_table())
