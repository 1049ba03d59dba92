"""What the finders report: a typed name at a place in the text."""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

Span = tuple[int, int]

CJK_LOW, CJK_HIGH = "\u4e00", "\u9fff"


def is_cjk(char: str) -> bool:
    return CJK_LOW <= char <= CJK_HIGH or char == "〇"  # 〇 numbers names' units (第七〇二研究所)


@dataclass
class Mention:
    type: str  # an entity type of the facts format
    name: str  # the canonical form the finder derived (may differ from the surface text)
    start: int
    end: int
    attrs: dict = field(default_factory=dict)  # level, conferrer, nomination_for, issuer, year, division...

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions keep the longest, scanning left to right (leftmost-longest)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
        elif mention.end - mention.start > kept[-1].end - kept[-1].start:
            kept[-1] = mention
    return kept


class SpanSet:
    """Spans to test new spans against for overlap, in logarithmic time."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._spans, (start - self._longest, -1))
        while index < len(self._spans) and self._spans[index][0] < end:
            if self._spans[index][1] > start:
                return True
            index += 1
        return False

    def contains(self, start: int, end: int) -> bool:
        """Does one span hold all of [start, end)?"""
        index = bisect_left(self._spans, (start - self._longest, -1))
        while index < len(self._spans) and self._spans[index][0] <= start:
            if self._spans[index][1] >= end:
                return True
            index += 1
        return False

    def covers(self, position: int) -> bool:
        return self.overlaps(position, position + 1)

    def end_covering(self, position: int) -> int:
        """Where the furthest-reaching span holding ``position`` ends (``position`` if none does)."""
        end = position
        index = bisect_left(self._spans, (position - self._longest, -1))
        while index < len(self._spans) and self._spans[index][0] <= position:
            if self._spans[index][1] > position:
                end = max(end, self._spans[index][1])
            index += 1
        return end
