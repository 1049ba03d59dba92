"""Entity resolution: one entity per thing, named by its longest full form.

Within a document, a short name (华星车灯, 宏达集团, 国家市场监管总局) joins the
full name it abbreviates (绍兴华星车灯股份有限公司, 宏达科技集团,
国家市场监督管理总局) as an alias; a place's short name joins its full name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import Lexicon
from kg.extract.occurrences import non_overlapping, occurrences
from kg.extract.mentions import Mention, SpanSet, is_cjk
from kg.extract.tokenizer import dictionary_tag
from kg.extract.places import division_named

BRACKETED = re.compile(r"\([^()]*\)")
# Words a firm's short name drops after its brand (宏达科技集团 -> 宏达).
GENERIC_TAILS = ("科技", "实业", "控股", "股份", "发展", "国际", "集团", "有限", "公司")


def _strip_place(name: str) -> str:
    """The name without a leading province or prefecture-level city (福建, 泉州市)."""
    for length in (4, 3, 2):
        head = name[:length]
        division = division_named(head)
        if (division is not None and division.level != "county" and head in (division.name, division.short)
                and len(name) - length >= 2):
            return name[length:]
    return name


def variants(name: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """Shorter names an organisation may go by: without legal suffix, region, brackets, generic tails."""
    if lexicon is None or lexicon is Lexicon.default():
        return _default_variants(name)
    return _variants(name, lexicon)


@lru_cache(maxsize=16384)
def _default_variants(name: str) -> frozenset[str]:
    return _variants(name, Lexicon.default())


def _variants(name: str, lexicon: Lexicon) -> frozenset[str]:
    found = set()
    plain = BRACKETED.sub("", name)
    bases = {plain}
    for suffix in lexicon.legal_suffixes if plain.endswith(lexicon.legal_suffixes) else ():
        if plain.endswith(suffix) and len(plain) > len(suffix) + 1:
            base = plain[: -len(suffix)]
            bases.add(base)
            if suffix.startswith("集团"):
                bases.add(base + "集团")
            break
    for base in list(bases):
        bases.add(_strip_place(base))
    for base in bases:
        found.add(base)
        core = base
        while core.endswith(GENERIC_TAILS):
            tail = next((t for t in GENERIC_TAILS if core.endswith(t) and len(core) - len(t) >= 2), None)
            if tail is None:
                break
            core = core[: -len(tail)]
            found.add(core)
            if base.endswith("集团"):
                found.add(core + "集团")  # 华岳科技集团 -> 华岳集团
    found.discard(name)
    return frozenset(v for v in found if len(v) >= 2)


def _is_subsequence(short: str, long: str) -> bool:
    characters = iter(long)
    return all(c in characters for c in short)


def abbreviates(short: str, long: str, lexicon: Lexicon | None = None) -> bool:
    """Is ``short`` another name of the organisation ``long``?"""
    if short == long or len(short) >= len(long):
        return False
    if short in variants(long, lexicon):
        return True
    # 国家市场监管总局 for 国家市场监督管理总局; 宏达集团 for 宏达科技集团; not a parent body's name,
    # and never between two registered names (two legal names are two firms).
    lexicon = lexicon or Lexicon.default()
    return (len(short) >= 4 and not short.endswith(lexicon.legal_suffixes) and 2 * len(short) >= len(long)
            and short[:2] == long[:2] and short[-1] == long[-1]
            and not long.startswith(short) and _is_subsequence(short, long))


def usable_alias(alias: str) -> bool:
    """A two-character short name only when it is no ordinary word."""
    if len(alias) >= 3:
        return True
    common = {"n", "v", "vn", "a", "ad", "an", "d", "m", "q", "r", "p", "c", "u", "f", "s", "b", "l", "i"}
    return all(is_cjk(c) for c in alias) and dictionary_tag(alias) not in common


def merge_organizations(mentions: list[Mention], lexicon: Lexicon | None = None) -> dict[str, str]:
    """Map each organisation name to the canonical name of the organisation it stands for."""
    canonical = merge_names({m.name for m in mentions}, lexicon)
    # "X有限公司（以下简称“X集团”）": a name the text declares for an organisation is that organisation,
    # even when it abbreviates nothing by rule.
    for mention in mentions:
        for alias in mention.attrs.get("aliases", ()):
            owner = canonical[mention.name]
            if canonical.get(alias) == alias and alias != owner:
                for name, target in canonical.items():
                    if target == alias:
                        canonical[name] = owner
    return canonical


def merge_names(names, lexicon: Lexicon | None = None) -> dict[str, str]:
    """Map each organisation name to the longest name it abbreviates (itself if none)."""
    names = sorted(set(names), key=lambda n: (-len(n), n))
    canonical: dict[str, str] = {}
    longer_by_variant: dict[str, list[str]] = {}
    longer_by_head: dict[str, list[str]] = {}
    for name in names:  # longest first: every name is compared with the longer ones only
        candidates = longer_by_variant.get(name, []) + longer_by_head.get(name[:2], [])
        target = next((longer for longer in candidates if canonical[longer] == longer
                       and abbreviates(name, longer, lexicon)), None)
        canonical[name] = target or name
        if target is None:
            for variant in variants(name, lexicon):
                longer_by_variant.setdefault(variant, []).append(name)
            longer_by_head.setdefault(name[:2], []).append(name)
    return canonical


def alias_mentions(text: str, canonical_names: list[tuple[str, str]], taken: list[tuple[int, int]],
                   lexicon: Lexicon | None = None) -> list[Mention]:
    """Later uses of an organisation's short names in the text ("华星车灯" for 绍兴华星车灯股份有限公司)."""
    found = []
    occupied = SpanSet(taken)
    aliases = [(name, entity_type, [a for a in sorted(variants(name, lexicon), key=len, reverse=True)
                                    if usable_alias(a)]) for name, entity_type in canonical_names]
    at = occurrences(text, (a for _, _, names in aliases for a in names))  # one pass over the text
    for name, entity_type, names in aliases:
        for alias in names:
            for position in non_overlapping(at.get(alias, []), len(alias)):
                end = position + len(alias)
                if not occupied.overlaps(position, end):
                    found.append(Mention(entity_type, name, position, end, {"surface": alias}))
                    occupied.add(position, end)
    return found
