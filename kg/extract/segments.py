"""Split a document's matchable text into lines, list items, sentences and clauses.

Spans are ``(start, end)`` offsets into the text, so they are valid in both the
original ``text`` and the same-length ``matchable`` form. HTML tags left in
plain-text files (``<p>…</p>``) separate lines like newlines do.
"""
from __future__ import annotations

import re

Span = tuple[int, int]

_LINE_BREAK = re.compile(r"\n|<[A-Za-z/][^<>\n]{0,200}>")
# A list marker opens an item: (1) （一） 1. 1、 一、 ① ◆ - • and Markdown's # (not "1.8万" or "2.7公里").
# (The lookahead names every first character a marker can have: the engine skips the others at once.)
_ITEM_MARKER = re.compile(
    r"(?=[(①-⑳\d一二三四五六七八九十\-*•◆◇●○■□▪►·#])(?:(?<=^)|(?<=[\s。；;，,:：]))"
    r"(?:\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[①-⑳]|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,3}、"
    # "1  某某公司": a row's number, a gap, then one cell (a row of several cells is a table's)
    r"|(?<=^)\d{1,3}(?=(?:\t|\u3000| {2,})(?:(?!\t|\u3000| {2}).)+$)"
    r"|[-*•◆◇●○■□▪►·]+|#{1,6})\s*"
)
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_CLAUSE = re.compile(r"[^，,：:。！？!?；;]+")
_BLANK = " \t\r\u3000\xa0"


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _BLANK:
        start += 1
    while end > start and text[end - 1] in _BLANK:
        end -= 1
    return (start, end) if start < end else None


def raw_lines(text: str) -> list[Span]:
    """Lines separated by newlines or HTML tags, without outer blanks."""
    spans: list[Span] = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        span = _strip(text, position, match.start())
        if span:
            spans.append(span)
        position = match.end()
    span = _strip(text, position, len(text))
    if span:
        spans.append(span)
    return spans


def items(text: str, line: Span) -> list[Span]:
    """The list items of a line ("(1)A (2)B", "1.A", "①A", "◆A"), or the line itself without its marker."""
    start, end = line
    segment = text[start:end]
    markers = list(_ITEM_MARKER.finditer(segment))
    if not markers:
        return [line]
    spans: list[Span] = []
    if markers[0].start() > 0:
        head = _strip(text, start, start + markers[0].start())
        if head:
            spans.append(head)
    for marker, following in zip(markers, [*markers[1:], None]):
        item_end = start + (following.start() if following else len(segment))
        span = _strip(text, start + marker.end(), item_end)
        if span:
            spans.append(span)
    return spans


def lines(text: str) -> list[Span]:
    """Every line and list item of ``text``, in order."""
    return [item for line in raw_lines(text) for item in items(text, line)]


def _pieces(pattern: re.Pattern, text: str, span: Span) -> list[Span]:
    found = (_strip(text, m.start(), m.end()) for m in pattern.finditer(text, *span))
    return [piece for piece in found if piece]


def sentences(text: str, span: Span) -> list[Span]:
    return _pieces(_SENTENCE, text, span)


def clauses(text: str, span: Span) -> list[Span]:
    return _pieces(_CLAUSE, text, span)
