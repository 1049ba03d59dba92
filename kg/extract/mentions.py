"""What the finders report: a typed name at a place in the text."""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

CJK_LOW, CJK_HIGH = "\u4e00", "\u9fff"


def is_cjk(char: str) -> bool:
    return CJK_LOW <= char <= CJK_HIGH


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
    """Keep the longest of overlapping mentions (ties: the earlier one)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
