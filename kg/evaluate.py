"""Score extracted facts against curated ones: precision, recall and F1 per fact kind.

Documents are paired by ``document.source`` (the file name) or by ``sha256``.
Entities match when any name or alias of one equals any name or alias of the
other (after NFKC normalisation); facts are compared through the matched
entities, so a fact naming a firm by its short name still counts:

- entities by type, and all organisations together (Enterprise, GovernmentBody, Organization);
- conferrals as (recipient, award, year);
- positions as (person, role, organisation), a role's "市政府/省政府" prefix ignored and a place's
  people's government standing for the place ("副省长" of 江苏省人民政府 is 副省长 of 江苏省: the curated
  default writes the one, the development set's conventions the other);
- adoptions as (adopter, programme); locations as (entity, place).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from kg.errors import QkgError
from kg.factfile import read_facts
from kg.model import DocumentFacts, Entity
from kg.namespace import KIND_OF_TYPE, normalize_name

ORGANIZATION_TYPES = ("Enterprise", "GovernmentBody", "Organization")
ENTITY_TYPES = ("City", "Province", *ORGANIZATION_TYPES, "Person", "Project", "Award", "Program", "Regulation", "Event")
FACT_KINDS = ("conferrals", "positions", "adoptions", "locations")
_QUOTES = re.compile(r"[“”\"'‘’《》\s]")
_GOVERNMENT = re.compile(r"(?<=[省市县区州旗盟])(?:人民)?政府$")
_ROLE_PREFIX = re.compile(r"^(?:市政府|省政府|县政府|区政府|市人民政府|省人民政府)")


class EvaluationError(QkgError):
    """The facts to compare cannot be paired."""


def _key(name: str) -> str:
    return _QUOTES.sub("", normalize_name(name))


@dataclass
class Score:
    kind: str
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.extracted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, extracted: set, document: str, show) -> None:
        self.gold += len(gold)
        self.extracted += len(extracted)
        self.matched += len(gold & extracted)
        self.missed.extend(f"{document}: {show(item)}" for item in sorted(gold - extracted, key=str))
        self.wrong.extend(f"{document}: {show(item)}" for item in sorted(extracted - gold, key=str))


@dataclass
class Evaluation:
    scores: dict[str, Score]
    paired: list[tuple[str, str]]  # (extracted id, gold id)
    unpaired_extracted: list[str]
    unpaired_gold: list[str]

    def score(self, kind: str) -> Score:
        return self.scores[kind]


class _Matcher:
    """Maps each extracted entity to the gold entity it stands for, one to one."""

    def __init__(self, gold: DocumentFacts, extracted: DocumentFacts):
        self.gold_by_name: dict[tuple[str, str], Entity] = {}
        for entity in gold.entities:
            for name in entity.names:
                self.gold_by_name.setdefault((KIND_OF_TYPE[entity.type], _key(name)), entity)
        self.match: dict[int, Entity] = {}
        taken: set[int] = set()
        # Exact canonical names first, then aliases, so that a short name does not steal a match.
        for exact in (True, False):
            for entity in extracted.entities:
                if id(entity) in self.match:
                    continue
                names = [entity.name] if exact else entity.names
                for name in names:
                    found = self.gold_by_name.get((KIND_OF_TYPE[entity.type], _key(name)))
                    if found is not None and id(found) not in taken and (not exact or _key(found.name) == _key(name)):
                        self.match[id(entity)] = found
                        taken.add(id(found))
                        break
        self.extracted = extracted
        self.gold = gold

    def gold_key(self, facts: DocumentFacts, name: str) -> str:
        entity = facts.entity_named(name)
        return _key(entity.name) if entity is not None else _key(name)

    def extracted_key(self, name: str) -> str:
        entity = self.extracted.entity_named(name)
        if entity is None:
            return "?" + _key(name)
        gold = self.match.get(id(entity))
        return _key(gold.name) if gold is not None else "?" + _key(entity.name)


def _fact_sets(facts: DocumentFacts, key) -> dict[str, set]:
    return {
        "conferrals": {(key(c.recipient), key(c.award), c.year) for c in facts.conferrals},
        "positions": {(key(p.person), _ROLE_PREFIX.sub("", _key(p.role)), _organization_key(p.organization, key))
                      for p in facts.positions},
        "adoptions": {(key(a.adopter), key(a.program)) for a in facts.adoptions},
        "locations": {(key(l.entity), key(l.within)) for l in facts.locations},
    }


def _organization_key(name: str, key) -> str:
    """A position's organisation: a place's people's government is the place, by its name as written."""
    plain = _key(name)
    government = _GOVERNMENT.search(plain)
    return plain[:government.start()] if government else key(name)


def _show(item) -> str:
    if isinstance(item, tuple):
        return " | ".join("" if part is None else str(part).lstrip("?") for part in item)
    return str(item).lstrip("?")


def _entity_sets(facts: DocumentFacts, types: Iterable[str], key) -> set[str]:
    return {key(e) for e in facts.entities if e.type in types}


def compare(extracted: DocumentFacts, gold: DocumentFacts, scores: dict[str, Score]) -> None:
    matcher = _Matcher(gold, extracted)
    document = gold.document.id

    def gold_entity(entity: Entity) -> str:
        return _key(entity.name)

    def extracted_entity(entity: Entity) -> str:
        found = matcher.match.get(id(entity))
        return _key(found.name) if found is not None else "?" + _key(entity.name)

    groups = {t: (t,) for t in ENTITY_TYPES}
    groups["organizations"] = ORGANIZATION_TYPES
    for label, types in groups.items():
        scores[label].add(_entity_sets(gold, types, gold_entity), _entity_sets(extracted, types, extracted_entity),
                          document, _show)
    gold_facts = _fact_sets(gold, lambda name: matcher.gold_key(gold, name))
    extracted_facts = _fact_sets(extracted, matcher.extracted_key)
    for kind in FACT_KINDS:
        scores[kind].add(gold_facts[kind], extracted_facts[kind], document, _show)


def evaluate(extracted: list[DocumentFacts], gold: list[DocumentFacts]) -> Evaluation:
    by_source = {g.document.source: g for g in gold if g.document.source}
    by_sha = {g.document.sha256: g for g in gold if g.document.sha256}
    scores = {label: Score(label) for label in (*ENTITY_TYPES, "organizations", *FACT_KINDS)}
    paired, unpaired = [], []
    used = set()
    for facts in extracted:
        match = by_source.get(facts.document.source) or by_sha.get(facts.document.sha256)
        if match is None:
            unpaired.append(facts.document.id)
            continue
        used.add(match.document.id)
        paired.append((facts.document.id, match.document.id))
        compare(facts, match, scores)
    if not paired:
        raise EvaluationError("no extracted document pairs with a curated one (by source file name or sha256)")
    return Evaluation(scores, paired, unpaired, [g.document.id for g in gold if g.document.id not in used])


def evaluate_pairs(pairs: Iterable[tuple[DocumentFacts, DocumentFacts]]) -> Evaluation:
    """Score (extracted, gold) pairs that the caller has already matched."""
    scores = {label: Score(label) for label in (*ENTITY_TYPES, "organizations", *FACT_KINDS)}
    paired = []
    for extracted, gold in pairs:
        paired.append((extracted.document.id, gold.document.id))
        compare(extracted, gold, scores)
    return Evaluation(scores, paired, [], [])


def evaluate_folders(extracted: Path | Iterable[Path], gold: Path | Iterable[Path]) -> Evaluation:
    as_list = lambda p: [p] if isinstance(p, (str, Path)) else list(p)  # noqa: E731
    return evaluate(read_facts(as_list(extracted)), read_facts(as_list(gold)))


def report_lines(evaluation: Evaluation, details: bool = True) -> list[str]:
    """The evaluation as printable lines: a table, then what was missed and what was wrong."""
    lines = [f"{len(evaluation.paired)} documents paired"]
    if evaluation.unpaired_extracted:
        lines.append("not in the curated facts: " + ", ".join(evaluation.unpaired_extracted))
    if evaluation.unpaired_gold:
        lines.append("not extracted: " + ", ".join(evaluation.unpaired_gold))
    lines.append(f"{'kind':<15}{'gold':>6}{'found':>7}{'right':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for score in evaluation.scores.values():
        if score.gold or score.extracted:
            lines.append(f"{score.kind:<15}{score.gold:>6}{score.extracted:>7}{score.matched:>7}"
                         f"{score.precision:>7.2f}{score.recall:>7.2f}{score.f1:>7.2f}")
    if details:
        for score in evaluation.scores.values():
            if score.kind in ORGANIZATION_TYPES:
                continue  # listed under "organizations"
            for label, items in (("missed", score.missed), ("wrong", score.wrong)):
                if items:
                    lines.append(f"{score.kind} {label} ({len(items)}):")
                    lines.extend(f"  {item}" for item in items)
    return lines
