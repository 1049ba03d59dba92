"""Read and write facts files: YAML, one file per source document.

The format is documented in docs/facts-format.md. Reading checks everything a
builder relies on and reports problems as ``FactsError`` naming the file and
the line, so that a person editing a file by hand can find the mistake.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any, Iterable

import yaml

from kg.errors import FactsError
from kg.model import (
    Adoption,
    Conferral,
    DocumentFacts,
    DocumentMeta,
    Entity,
    Location,
    Position,
)
from kg.namespace import AWARD_LEVELS, DIVISION_LEVELS, ENTITY_CLASSES, KIND_OF_TYPE, normalize_name

FORMAT = "qkg-facts/1"
FACTS_SUFFIXES = (".yaml", ".yml")
_LINE = "__line__"
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Which kinds of entity each reference may point to.
AGENT_KINDS = ("org", "person", "place")
# A conferral's recipient may also be a construction project: awards for works (鲁班奖, 国家优质工程奖)
# honour the project, not a firm.
RECIPIENT_KINDS = (*AGENT_KINDS, "project")
LOCATED_KINDS = ("org", "place", "event", "project")
_REFERENCE_KINDS = {
    ("conferrals", "recipient"): RECIPIENT_KINDS,
    ("conferrals", "award"): ("award",),
    ("positions", "person"): ("person",),
    ("positions", "organization"): ("org", "place"),
    ("adoptions", "adopter"): ("org", "place"),
    ("adoptions", "program"): ("program",),
    ("locations", "entity"): LOCATED_KINDS,
    ("locations", "in"): ("place",),
    ("entities", "conferrer"): ("org", "place"),
    ("entities", "nomination_for"): ("award",),
    ("entities", "issuer"): ("org", "place"),
    ("entities", "place"): ("place",),
    ("entities", "organizers"): ("org", "place", "person"),
}


# libyaml's parser when it is there (many times faster); the constructors stay ours.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader that remembers the line of every mapping."""

    def resolve(self, kind, value, implicit):
        # A plain scalar whose first character starts no implicit type (a Chinese name) is a text:
        # say so at once instead of walking the resolver's tables for each of them.
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in self.yaml_implicit_resolvers:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_STR, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"


def _plain_value(loader: _LineLoader, node: yaml.Node, built: dict[int, Any]) -> Any:
    """The value of ``node``: texts, plain integers, lists and mappings directly, anything else by the loader.

    The generic constructor costs a few Python calls per node; facts files are
    nearly all texts, offsets, lists and mappings, so those take a short path.
    A node that aliases repeat is built once and shared (``built``, by node), as
    ``yaml.safe_load`` does: nested aliases (the "billion laughs" shape) cost
    one value per node of the file, not one per path through it.
    """
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _INT and node.value.isdigit() and (node.value[0] != "0" or node.value == "0"):  # 012 is octal
        return int(node.value)
    if id(node) in built:
        return built[id(node)]
    if tag == _SEQ:
        items: list = []
        built[id(node)] = items  # before the items: a list may hold itself
        items.extend(_plain_value(loader, item, built) for item in node.value)
        return items
    if tag == _MAP and not any(key.tag == _MERGE for key, _ in node.value):
        mapping: dict = {}
        built[id(node)] = mapping
        for key_node, value_node in node.value:
            key = _plain_value(loader, key_node, built)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            mapping[key] = _plain_value(loader, value_node, built)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping
    built[id(node)] = value = loader.construct_object(node, deep=True)
    return value


def _load_yaml(text: str) -> Any:
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _plain_value(loader, node, {})
    finally:
        loader.dispose()


class _Reader:
    """Turns the parsed YAML of one file into DocumentFacts, checking as it goes."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, message: str, line: int | None) -> FactsError:
        return FactsError(message, self.path, line)

    def mapping(self, value: Any, what: str, line: int | None) -> dict:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping", line)
        return value

    def keys(self, item: dict, allowed: Iterable[str], required: Iterable[str], what: str) -> None:
        line = item.get(_LINE)
        allowed = set(allowed) | {_LINE}
        for key in item:
            if key not in allowed:
                raise self.fail(f"unknown key {key!r} in {what}", line)
        for key in required:
            if item.get(key) in (None, ""):
                raise self.fail(f"{what} needs {key!r}", line)

    def text(self, value: Any, what: str, line: int | None, optional: bool = True) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, (_dt.date, int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{what} must be a non-empty text", line)
        return value.strip()

    def texts(self, value: Any, what: str, line: int | None) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(f"{what} must be a list of texts", line)
        return [self.text(v, what, line, optional=False) for v in value]

    def year(self, value: Any, what: str, line: int | None) -> int | None:
        if value is None:
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 2999:
            raise self.fail(f"{what} must be a four-digit year, got {value!r}", line)
        return value

    def date(self, value: Any, what: str, line: int | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, _dt.date):
            return value.isoformat()[:10]
        value = str(value).strip()
        if not _DATE.match(value):
            raise self.fail(f"{what} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", line)
        return value

    def span(self, value: Any, what: str, line: int | None) -> tuple[int, int] | None:
        if value is None:
            return None
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and 0 <= value[0] < value[1]
        ):
            return (value[0], value[1])
        raise self.fail(f"{what} must be [start, end] character offsets with start < end, got {value!r}", line)

    def confidence(self, value: Any, line: int | None) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise self.fail(f"confidence must be a number from 0 to 1, got {value!r}", line)
        return float(value)

    def items(self, data: dict, section: str) -> list[dict]:
        value = data.get(section)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{section!r} must be a list", data.get(_LINE))
        for item in value:
            if not isinstance(item, dict):
                raise self.fail(f"every item of {section!r} must be a mapping", data.get(_LINE))
        return value

    # -- sections ---------------------------------------------------------

    def document(self, data: dict) -> DocumentMeta:
        meta = self.mapping(data.get("document"), "'document'", data.get(_LINE))
        line = meta.get(_LINE)
        self.keys(meta, ("id", "title", "publisher", "date", "url", "source", "sha256", "text"), ("id", "title"), "'document'")
        doc_id = self.text(meta.get("id"), "document id", line, optional=False)
        if not _DOC_ID.match(doc_id):
            raise self.fail(f"document id {doc_id!r} may hold only letters, digits, '.', '_' and '-'", line)
        return DocumentMeta(
            id=doc_id,
            title=self.text(meta.get("title"), "document title", line, optional=False),
            publisher=self.text(meta.get("publisher"), "document publisher", line),
            date=self.date(meta.get("date"), "document date", line),
            url=self.text(meta.get("url"), "document url", line),
            source=self.text(meta.get("source"), "document source", line),
            sha256=self.text(meta.get("sha256"), "document sha256", line),
            text=meta.get("text") if isinstance(meta.get("text"), str) else None,
        )

    def entity(self, item: dict) -> Entity:
        line = item.get(_LINE)
        self.keys(
            item,
            ("name", "type", "aliases", "id", "mentions", "level", "conferrer", "nomination_for",
             "issuer", "year", "date", "place", "organizers", "confidence"),
            ("name", "type"),
            "entity",
        )
        entity_type = item.get("type")
        if entity_type not in ENTITY_CLASSES:
            raise self.fail(f"entity type {entity_type!r} is not one of {', '.join(ENTITY_CLASSES)}", line)
        name = self.text(item.get("name"), "entity name", line, optional=False)
        level = item.get("level")
        if level is not None:
            allowed = AWARD_LEVELS if entity_type == "Award" else DIVISION_LEVELS
            if entity_type not in ("Award", "City", "Province") or level not in allowed:
                raise self.fail(f"level {level!r} of {name} must be one of {', '.join(allowed)}", line)
        mentions = item.get("mentions") or []
        if not isinstance(mentions, list):
            raise self.fail("mentions must be a list of [start, end]", line)
        aliases = [a for a in self.texts(item.get("aliases"), "aliases", line) if normalize_name(a) != normalize_name(name)]
        return Entity(
            name=name,
            type=entity_type,
            aliases=list(dict.fromkeys(aliases)),
            id=self.text(item.get("id"), "entity id", line),
            mentions=[self.span(m, "a mention", line) for m in mentions],
            level=level,
            conferrer=self.text(item.get("conferrer"), "conferrer", line),
            nomination_for=self.text(item.get("nomination_for"), "nomination_for", line),
            issuer=self.text(item.get("issuer"), "issuer", line),
            year=self.year(item.get("year"), "year", line),
            date=self.date(item.get("date"), "date", line),
            place=self.text(item.get("place"), "place", line),
            organizers=self.texts(item.get("organizers"), "organizers", line),
            confidence=self.confidence(item.get("confidence"), line),
            line=line,
        )

    def fact(self, item: dict, section: str, fields: tuple[str, ...], extra: tuple[str, ...] = ()) -> dict:
        line = item.get(_LINE)
        what = section[:-1]
        self.keys(item, (*fields, *extra, "evidence", "confidence", "quote"), fields, what)
        values = {f: self.text(item.get(f), f, line, optional=False) for f in fields}
        values["evidence"] = self.span(item.get("evidence"), "evidence", line)
        values["confidence"] = self.confidence(item.get("confidence"), line)
        values["quote"] = item.get("quote") if isinstance(item.get("quote"), str) else None
        values["line"] = line
        return values

    def read(self, data: Any) -> DocumentFacts:
        data = self.mapping(data, "a facts file", 1)
        self.keys(data, ("format", "document", "entities", "conferrals", "positions", "adoptions", "locations"), ("document",), "the file")
        if data.get("format", FORMAT) != FORMAT:
            raise self.fail(f"format {data.get('format')!r} is not {FORMAT!r}", data.get(_LINE))
        facts = DocumentFacts(document=self.document(data), path=self.path)
        facts.entities = [self.entity(i) for i in self.items(data, "entities")]
        for item in self.items(data, "conferrals"):
            v = self.fact(item, "conferrals", ("recipient", "award"), ("year", "period"))
            v["year"] = self.year(item.get("year"), "year", item.get(_LINE))
            v["period"] = self.text(item.get("period"), "period", item.get(_LINE))
            facts.conferrals.append(Conferral(**v))
        for item in self.items(data, "positions"):
            facts.positions.append(Position(**self.fact(item, "positions", ("person", "role", "organization"))))
        for item in self.items(data, "adoptions"):
            v = self.fact(item, "adoptions", ("adopter", "program"), ("since",))
            v["since"] = self.year(item.get("since"), "since", item.get(_LINE))
            facts.adoptions.append(Adoption(**v))
        for item in self.items(data, "locations"):
            v = self.fact(item, "locations", ("entity", "in"))
            v["within"] = v.pop("in")
            facts.locations.append(Location(**v))
        check_references(facts)
        return facts


def _name_index(facts: DocumentFacts) -> dict[tuple[str, str], tuple[int, Entity]]:
    """(kind, normalised name) -> (position, entity) for every name and alias of the file's entities."""
    index: dict[tuple[str, str], tuple[int, Entity]] = {}
    for position, entity in enumerate(facts.entities):
        kind = KIND_OF_TYPE[entity.type]
        for name in entity.names:
            key = (kind, normalize_name(name))
            other = index.get(key)
            if other is not None and other[1] is not entity:
                raise FactsError(f"the name {name!r} is used by two entities ({other[1].name} and {entity.name})", facts.path, entity.line)
            index[key] = (position, entity)
    return index


def _find(index: dict, facts: DocumentFacts, name: str, kinds: tuple[str, ...], what: str, line: int | None) -> Entity:
    wanted = normalize_name(name)
    # The first entity of the file (not the first kind) that bears the name, as a scan of the file would find.
    found = [index[(kind, wanted)] for kind in kinds if (kind, wanted) in index]
    if not found:
        raise FactsError(f"{what} {name!r} is not an entity of this file", facts.path, line)
    return min(found, key=lambda item: item[0])[1]


def check_references(facts: DocumentFacts) -> None:
    """Every name a fact uses must be a name or alias of an entity of the same file, of a fitting kind."""
    index = _name_index(facts)
    for entity in facts.entities:
        for attr in ("conferrer", "nomination_for", "issuer", "place"):
            value = getattr(entity, attr)
            if value:
                _find(index, facts, value, _REFERENCE_KINDS[("entities", attr)], attr, entity.line)
        for organizer in entity.organizers:
            _find(index, facts, organizer, _REFERENCE_KINDS[("entities", "organizers")], "organizer", entity.line)
    for section, field_names in (
        ("conferrals", ("recipient", "award")),
        ("positions", ("person", "organization")),
        ("adoptions", ("adopter", "program")),
        ("locations", ("entity", "in")),
    ):
        for fact in getattr(facts, section):
            for field_name in field_names:
                value = getattr(fact, "within" if field_name == "in" else field_name)
                what = f"{section[:-1]} {field_name}"
                _find(index, facts, value, _REFERENCE_KINDS[(section, field_name)], what, fact.line)


def resolve(facts: DocumentFacts, name: str, kinds: tuple[str, ...]) -> Entity:
    """The entity of ``facts`` that ``name`` refers to (already checked on reading)."""
    return _find(_name_index(facts), facts, name, kinds, "name", None)


def read_facts_file(path: Path) -> DocumentFacts:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise FactsError(f"cannot read: {exc.strerror or exc}", path) from None
    except UnicodeDecodeError:
        raise FactsError("is not UTF-8 text", path) from None
    try:
        data = _load_yaml(raw)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise FactsError(f"malformed YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, at a character position
        line = raw.count("\n", 0, exc.position) + 1
        raise FactsError(f"malformed YAML: {str(exc).splitlines()[0]}", path, line) from None
    except yaml.YAMLError as exc:
        raise FactsError(f"malformed YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", path) from None
    return _Reader(path).read(data)


def facts_files(paths: Iterable[Path]) -> list[Path]:
    """The facts files in ``paths`` (files, or folders searched recursively), sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix in FACTS_SUFFIXES and p.is_file())
            if not inside:
                raise FactsError("holds no facts files (*.yaml)", path)
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise FactsError("no such facts file or folder", path)
    return found


def read_facts(paths: Iterable[Path]) -> list[DocumentFacts]:
    """Read every facts file under ``paths``; document ids must be unique."""
    documents = [read_facts_file(p) for p in facts_files(paths)]
    first_of: dict[str, Path] = {}
    for facts in documents:
        doc_id = facts.document.id
        if doc_id in first_of:
            raise FactsError(f"document id {doc_id!r} is also used by {first_of[doc_id]}", facts.path)
        first_of[doc_id] = facts.path
    return documents


# -- writing ---------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, but short lists (spans, aliases) on one line."""


def _represent_list(dumper: yaml.SafeDumper, data: list):
    flow = all(not isinstance(v, (dict, list)) for v in data) or all(
        isinstance(v, list) and all(isinstance(x, int) for x in v) for v in data
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)


def _compact(mapping: dict) -> dict:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in mapping.items() if v not in EMPTY}


# The keys of a facts file's document mapping and of each section's items, in the documented order;
# an item's key names the attribute it is read from, unless the pair names another.
DOCUMENT_KEYS = ("id", "title", "publisher", "date", "url", "source", "sha256", "text")
SECTION_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    section: tuple(key if isinstance(key, tuple) else (key, key) for key in keys)
    for section, keys in {
        "entities": ("name", "type", "aliases", "id", "level", "conferrer", "nomination_for", "issuer", "year",
                     "date", "place", "organizers", "confidence", "mentions"),
        "conferrals": ("recipient", "award", "year", "period", "evidence", "confidence", "quote"),
        "positions": ("person", "role", "organization", "evidence", "confidence", "quote"),
        "adoptions": ("adopter", "program", "since", "evidence", "confidence", "quote"),
        "locations": ("entity", ("in", "within"), "evidence", "confidence", "quote"),
    }.items()
}
EMPTY = (None, [], "")  # values a facts file leaves out


def facts_to_data(facts: DocumentFacts) -> dict:
    """The YAML-ready form of ``facts``; keys in the documented order."""
    meta = facts.document
    data: dict[str, Any] = {"format": FORMAT, "document": _compact({key: getattr(meta, key) for key in DOCUMENT_KEYS})}
    for section, keys in SECTION_KEYS.items():
        data[section] = [_compact({key: getattr(item, attribute) for key, attribute in keys})
                         for item in getattr(facts, section)]
    for entity in data["entities"]:
        if "mentions" in entity:
            entity["mentions"] = [list(span) for span in entity["mentions"]]
    return {k: v for k, v in data.items() if v != []}


def dump_facts(facts: DocumentFacts) -> str:
    return yaml.dump(facts_to_data(facts), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000)


def write_facts_file(facts: DocumentFacts, path: Path) -> None:
    """Write ``facts`` to ``path`` atomically (a temporary file, then a rename)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dump_facts(facts), encoding="utf-8")
    tmp.replace(path)
