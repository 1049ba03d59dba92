"""Chinese administrative divisions: look a place name up, walk to its province.

The table ships as ``kg/data/divisions.tsv`` (built by ``tools/build_gazetteer.py``
from cpca's MIT-licensed adcode table). It is read once per process.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import QkgError
from kg.namespace import normalize_name
from kg.resources import data_file

log = logging.getLogger(__name__)

LEVELS = ("province", "prefecture", "county")
_LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# Division names that are also everyday words (山西's 城区, 郊区, 矿区): kept for
# lookup, left out of surface_forms so matchers do not fire on ordinary prose.
GENERIC_WORDS = frozenset({"城区", "郊区", "矿区", "新区", "市区", "县城"})


class GazetteerError(QkgError):
    """The divisions table is missing or malformed."""


@dataclass(frozen=True)
class Division:
    name: str  # full name: 昆山市, 江苏省, 上海市
    short: str  # without the suffix: 昆山, 江苏, 上海 (the full name if that would leave < 2 characters)
    level: str  # 'province' | 'prefecture' | 'county'
    parent: str | None  # full name of the parent division; None for provinces
    province: str  # full name of the province
    code: str  # six-digit adcode


class Gazetteer:
    def __init__(self, divisions: list[Division]):
        self._divisions = list(divisions)
        self._by_code = {division.code: division for division in self._divisions}
        self._by_name: dict[str, list[Division]] = {}
        for division in self._divisions:
            for form in {division.name, division.short}:
                self._by_name.setdefault(form, []).append(division)
        self._parent_code = {d.code: self._code_of_parent(d) for d in self._divisions}

    @classmethod
    def default(cls) -> "Gazetteer":
        """The gazetteer that ships with the package, loaded once per process."""
        return _default_gazetteer()

    @classmethod
    def from_tsv(cls, path: Path) -> "Gazetteer":
        return cls(_read_tsv(path))

    def __len__(self) -> int:
        return len(self._divisions)

    def __iter__(self):
        return iter(self._divisions)

    def candidates(self, name: str) -> list[Division]:
        """Every division whose full or short name is ``name`` (several counties share names)."""
        return list(self._by_name.get(normalize_name(name), ()))

    def lookup(self, name: str, context: str | None = None) -> Division | None:
        """The division a name most likely means.

        An exact full name beats a short name; then a division whose province or
        parent is named in ``context`` (a place name, or any text); then the
        higher level (江苏 the province over a county of the same short name).
        """
        key = normalize_name(name)
        found = self._by_name.get(key)
        if not found:
            return None
        if len(found) == 1:
            return found[0]

        def preference(division: Division) -> tuple:
            return (
                division.name != key,
                self._context_distance(division, context),
                _LEVEL_RANK[division.level],
                division.code,
            )

        return min(found, key=preference)

    def surface_forms(self) -> list[str]:
        """Every full and short name, longest first (then by code point), for building matchers."""
        forms = {form for form in self._by_name if form not in GENERIC_WORDS}
        return sorted(forms, key=lambda form: (-len(form), form))

    def parent_chain(self, division: Division) -> list[Division]:
        """The division's ancestors, nearest first, ending with its province (empty for a province)."""
        chain = []
        code = self._parent_code.get(division.code)
        while code:
            parent = self._by_code[code]
            chain.append(parent)
            code = self._parent_code.get(parent.code)
        return chain

    def by_code(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def _code_of_parent(self, division: Division) -> str | None:
        # Adcodes nest: a county's parent is its prefecture (XXYY00) or, when
        # directly under the province, the province (XX0000).
        if division.parent is None:
            return None
        for code in (division.code[:4] + "00", division.code[:2] + "0000"):
            parent = self._by_code.get(code)
            if parent is not None and parent.code != division.code and parent.name == division.parent:
                return code
        return None

    def _context_distance(self, division: Division, context: str | None) -> int:
        """How far up the nearest ancestor named in ``context`` is (0 = parent); large if none is."""
        if context:
            context = normalize_name(context)
            for distance, ancestor in enumerate(self.parent_chain(division)):
                if ancestor.name in context or ancestor.short in context:
                    return distance
        return len(LEVELS)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_tsv(data_file("divisions.tsv"))


def _read_tsv(path: Path) -> list[Division]:
    """Read the table: comment lines, a header, then code, name, short, level, parent_code."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read the divisions table {path}: {exc.strerror}") from exc
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    if not rows or rows[0] != ["code", "name", "short", "level", "parent_code"]:
        raise GazetteerError(f"{path}: not a divisions table (unexpected header)")
    names = {row[0]: row[1] for row in rows[1:]}
    divisions = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 5 or row[3] not in _LEVEL_RANK:
            raise GazetteerError(f"{path}: malformed row {number} of the table")
        code, name, short, level, parent_code = row
        province_code = code[:2] + "0000"
        divisions.append(Division(
            name=name,
            short=short,
            level=level,
            parent=names.get(parent_code) if parent_code else None,
            province=names.get(province_code, name),
            code=code,
        ))
    log.debug("loaded %d divisions from %s", len(divisions), path)
    return divisions
