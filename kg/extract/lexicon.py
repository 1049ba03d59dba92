"""The extractor's generic vocabulary (kg/data/lexicon.yaml), loaded once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from kg.errors import QkgError
from kg.resources import data_file


class LexiconError(QkgError):
    """The lexicon file is missing or malformed."""


def longest_first(words) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words) -> str:
    """A regex alternation of ``words`` that prefers the longest, written as a trie ("董事(?:长)?"): the
    words that match at one place are each a prefix of the next, so they are tried longest first as in
    a flat list, but each character is compared once instead of once per word."""
    return _trie_pattern(_trie(words))


def alternation_branches(words) -> list[str]:
    """alternation(words)'s alternatives, in its order, each opening with a character of its own (re scans
    for the characters a pattern's alternatives open with when each opens with one; ``words`` holds no
    empty word)."""
    return _branches(_trie(words))


def _trie(words) -> dict:
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return trie


def _branches(node: dict) -> list[str]:
    return [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]


def _trie_pattern(node: dict) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + "|".join(branches) + ")?"  # a shorter word ends here: tried after the longer ones


@dataclass(frozen=True)
class Lexicon:
    org_suffix_type: dict[str, str]  # suffix -> entity type
    org_false_words: frozenset[str]
    org_false_endings: tuple[str, ...]
    legal_suffixes: tuple[str, ...]
    org_left_stops: frozenset[str]
    roles: tuple[str, ...]
    excluded_roles: tuple[str, ...]
    government_roles: frozenset[str]
    name_followers: tuple[str, ...]
    surnames: frozenset[str]
    surnames_compound: tuple[str, ...]
    known_people: tuple[str, ...]  # national leaders that governance texts name without a role
    award_head_forms: tuple[str, ...]
    award_suffixes: tuple[str, ...]
    award_tiers: tuple[str, ...]
    award_false_endings: tuple[str, ...]
    national_markers: tuple[str, ...]
    conferral_verbs: tuple[str, ...]
    granting_verbs: tuple[str, ...]
    negative_cues: tuple[str, ...]
    program_suffixes: tuple[str, ...]
    program_generic_prefixes: tuple[str, ...]
    program_quoted_suffixes: tuple[str, ...]
    program_title_suffixes: tuple[str, ...]
    adoption_verbs: tuple[str, ...]
    regulation_suffixes: tuple[str, ...]
    event_suffixes: tuple[str, ...]
    event_markers: tuple[str, ...]
    honour_suffixes: tuple[str, ...]
    ordinal_prefix: str
    count_nouns: tuple[str, ...]
    ministry_fields: tuple[str, ...] = ()
    central_body_endings: tuple[str, ...] = ()
    party_committee_roles: tuple[str, ...] = ()
    body_departments: tuple[str, ...] = ()
    program_leading_words: tuple[str, ...] = ()
    institution_suffixes: tuple[str, ...] = ()
    institution_generic_words: frozenset[str] = frozenset()
    national_name_heads: tuple[str, ...] = ()
    shortlist_cues: tuple[str, ...] = ()
    body_short_forms: tuple[tuple[str, str], ...] = ()  # (short ending, full ending) of bodies' names
    enterprise_roles: frozenset[str] = frozenset()
    public_roles: frozenset[str] = frozenset()  # roles no firm gives (院士, 讲师, 国务委员)
    firm_roles: frozenset[str] = frozenset()  # roles firms give besides enterprise_roles (厂长, 首席质量官)
    name_words: frozenset[str] = frozenset()  # the words Tibetan names are made of (次仁, 罗布)
    central_body_short_names: tuple[tuple[str, str], ...] = ()  # (short name, full name), longest first
    region_nicknames: tuple[str, ...] = ()  # nicknames of province-level divisions that name honours (巴渝, 津门)

    @classmethod
    def default(cls) -> "Lexicon":
        return _default_lexicon()

    def user_words(self) -> list[str]:
        """Words jieba must keep whole."""
        words = [*self.org_suffix_type, *self.roles, *self.excluded_roles, *self.award_head_forms,
                 *self.award_tiers, *self.conferral_verbs, *self.granting_verbs, *self.event_suffixes]
        return longest_first(w for w in words if len(w) > 1)


def _words(data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    if isinstance(value, str):
        return tuple(value)  # a string of single characters
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"lexicon: {key!r} must be a list of words")
    return tuple(longest_first(value))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's loader: the same data, read ten times faster


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    path = data_file("lexicon.yaml")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read the lexicon {path}: {exc}") from None
    suffix_type = {}
    for entity_type, suffixes in (data.get("org_suffixes") or {}).items():
        for suffix in suffixes:
            suffix_type.setdefault(suffix, entity_type)
    return Lexicon(
        org_suffix_type=suffix_type,
        org_false_words=frozenset(_words(data, "org_false_words")),
        org_false_endings=_words(data, "org_false_endings"),
        legal_suffixes=_words(data, "legal_suffixes"),
        org_left_stops=frozenset(_words(data, "org_left_stops")),
        roles=_words(data, "roles"),
        excluded_roles=_words(data, "excluded_roles"),
        government_roles=frozenset(_words(data, "government_roles")),
        name_followers=_words(data, "name_followers"),
        surnames=frozenset(_words(data, "surnames")),
        surnames_compound=_words(data, "surnames_compound"),
        known_people=_words(data, "known_people"),
        award_head_forms=_words(data, "award_head_forms"),
        award_suffixes=_words(data, "award_suffixes"),
        award_tiers=_words(data, "award_tiers"),
        award_false_endings=_words(data, "award_false_endings"),
        national_markers=_words(data, "national_markers"),
        conferral_verbs=_words(data, "conferral_verbs"),
        granting_verbs=_words(data, "granting_verbs"),
        negative_cues=_words(data, "negative_cues"),
        program_suffixes=_words(data, "program_suffixes"),
        program_generic_prefixes=_words(data, "program_generic_prefixes"),
        program_quoted_suffixes=_words(data, "program_quoted_suffixes"),
        program_title_suffixes=_words(data, "program_title_suffixes"),
        adoption_verbs=_words(data, "adoption_verbs"),
        regulation_suffixes=_words(data, "regulation_suffixes"),
        event_suffixes=_words(data, "event_suffixes"),
        event_markers=_words(data, "event_markers"),
        honour_suffixes=_words(data, "honour_suffixes"),
        ordinal_prefix=str(data.get("ordinal_prefix", "")),
        count_nouns=_words(data, "count_nouns"),
        ministry_fields=_words(data, "ministry_fields"),
        central_body_endings=_words(data, "central_body_endings"),
        party_committee_roles=_words(data, "party_committee_roles"),
        body_departments=_words(data, "body_departments"),
        program_leading_words=_words(data, "program_leading_words"),
        institution_suffixes=_words(data, "institution_suffixes"),
        institution_generic_words=frozenset(_words(data, "institution_generic_words")),
        national_name_heads=_words(data, "national_name_heads"),
        shortlist_cues=_words(data, "shortlist_cues"),
        enterprise_roles=frozenset(_words(data, "enterprise_roles")),
        public_roles=frozenset(_words(data, "public_roles")),
        firm_roles=frozenset(_words(data, "firm_roles")),
        name_words=frozenset(_words(data, "name_words")),
        region_nicknames=tuple(sorted((str(k) for k in (data.get("region_nicknames") or {})), key=len, reverse=True)),
        central_body_short_names=tuple(sorted(
            ((str(k), str(v)) for k, v in (data.get("central_body_short_names") or {}).items()),
            key=lambda pair: -len(pair[0]))),
        body_short_forms=tuple(sorted(((str(k), str(v)) for k, v in (data.get("body_short_forms") or {}).items()),
                                      key=lambda pair: -len(pair[0]))),
    )


def full_form(name: str, lexicon: Lexicon) -> str:
    """A body's name with the usual short form of its ending spelled out (市场监管局 -> 市场监督管理局)."""
    for short, full in lexicon.body_short_forms:
        if name.endswith(short):
            head = name[: -len(short)]
            if full.startswith("国家") and head.endswith("国家"):
                head = head[:-2]  # "国家质检总局": the national body's full name holds 国家 already
            return head + full
    return name
