"""The matchable form of a text: same length, simplified, half-width.

Matching runs on this form while the original text stays the evidence, so the
mapping is strictly one character to one character: traditional characters to
simplified (OpenCC's character table, not its phrase table, which can change
lengths), full-width ASCII and punctuation to half-width, ideographic and
no-break spaces to a plain space.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST, _FULL_WIDTH_OFFSET = 0xFF01, 0xFF5E, 0xFEE0
_SPACES = {0x3000: " ", 0x00A0: " "}
# Variant forms that OpenCC's character table leaves as they are (陜西 is 陕西).
_VARIANTS = {ord("陜"): "陕"}


def opencc_characters(dictionary: str) -> dict[int, str]:
    """One-to-one character mappings of an OpenCC character dictionary (first candidate wins)."""
    table: dict[int, str] = {}
    path = files("opencc").joinpath("dictionary", dictionary)
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        first = targets.split(" ", 1)[0]
        if len(source) == 1 and len(first) == 1 and source != first:
            table[ord(source)] = first
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = opencc_characters("TSCharacters.txt")
    for code in range(_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST + 1):
        table[code] = chr(code - _FULL_WIDTH_OFFSET)
    table.update(_SPACES)
    table.update(_VARIANTS)
    return table


@lru_cache(maxsize=1)
def _plane_table() -> list[str]:
    """The same mapping for the Basic Multilingual Plane as a list indexed by code point.

    str.translate looks a list up about twice as fast as a dict; it leaves
    characters past the list's end (IndexError) unchanged.
    """
    table = [chr(code) for code in range(_PLANE_END)]
    for code, replacement in _table().items():
        if code < _PLANE_END:
            table[code] = replacement
    return table


_PLANE_END = 0x10000
_BEYOND_PLANE = re.compile("[\U00010000-\U0010FFFF]")


def matchable(text: str) -> str:
    """``text`` with each character replaced by its matching form; ``len`` is unchanged."""
    if _BEYOND_PLANE.search(text):
        return text.translate(_table())  # rare characters some traditional forms use
    return text.translate(_plane_table())


# A pinyin syllable with or without its tone mark ("zhì", "guān", "de", "lü").
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?")
# Mirror sites gloss characters with their pinyin in brackets: 省長(zhǎng), 质(zhì)量.
# (The bracket first, then the character before it looked back at: the engine finds brackets fast.)
# (Some pages leave a space before the closing bracket: 创(chuàng )新.)
_PINYIN_GLOSS = re.compile(rf"[(（](?<=[\u3400-\u9fff][(（])\s?{_PINYIN_SYLLABLE}\s?[)）]")


def strip_pinyin_glosses(text: str) -> str:
    """``text`` without bracketed pinyin glosses after Chinese characters: "质(zhì)量奖" -> "质量奖".

    Only a bracket that holds exactly one pinyin syllable right after a Chinese character is a
    gloss, so "质量管理体系(QMS)" and "(集团)" stay.
    """
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN_GLOSS.sub("", text)
