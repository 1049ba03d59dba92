"""SHACL Core constraint components as check functions, for the engine in kg/shacl.py.

Each check takes the (focus node, value nodes) pairs of a shape at once and
returns its results as (focus, value or None, component): one call per shape
and constraint, not one per node. What a check reads of the data comes from a
``kg.shacl.DataIndex``; value shapes (sh:node, sh:or, sh:qualifiedValueShape)
are asked through their ``conforms`` method.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QkgError
from kg.namespace import RDF, RDFS, SH, XSD

if TYPE_CHECKING:
    from kg.shacl import CompiledShape, DataIndex


class EngineUndecided(QkgError):
    """The data holds a case the engine leaves to pyshacl (e.g. a blank node compared with sh:lessThan)."""


NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}
# Python types of Literal.value that prove a literal of the datatype well formed (as pyshacl checks).
_VALUE_TYPES = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: (int,), XSD.float: (float,),
    XSD.decimal: (Decimal,), XSD.boolean: (bool,), XSD.date: (datetime.date,),
    XSD.time: (datetime.time,), XSD.dateTime: (datetime.datetime,),
}
_FORCE_VALUE_COMPARISON = (datetime.datetime, datetime.time)

Values = Collection[Node]
# A check maps (focus node, value nodes) pairs to (focus, offending value or None, constraint component).
Check = Callable[["DataIndex", list[tuple[Node, Values]]], list[tuple[Node, Node | None, object]]]


def _per_value(component: URIRef, passes: Callable[[DataIndex, Node], bool]) -> Check:
    def check(data, pairs):
        return [(focus, value, component) for focus, values in pairs for value in values if not passes(data, value)]
    return check


def min_count(minimum: int) -> Check:
    def check(data, pairs):
        return [(focus, None, SH.MinCountConstraintComponent) for focus, values in pairs if len(values) < minimum]
    check.needs_empty = True
    return check


def max_count(maximum: int) -> Check:
    def check(data, pairs):
        return [(focus, None, SH.MaxCountConstraintComponent) for focus, values in pairs if len(values) > maximum]
    return check


def class_(cls: Node) -> Check:
    def passes(data: DataIndex, value: Node) -> bool:
        return not isinstance(value, Literal) and not data.subclasses(cls).isdisjoint(data.types.get(value, ()))
    return _per_value(SH.ClassConstraintComponent, passes)


def datatype(datatype: Node) -> Check:
    value_types = _VALUE_TYPES.get(datatype)

    def well_formed(value: Literal) -> bool:
        return value_types is None or isinstance(value.value, value_types)

    def passes(data: DataIndex, value: Node) -> bool:
        # pyshacl's reading: the same datatype IRI and not ill-typed; plain literals are xsd:string.
        if not isinstance(value, Literal):
            return False
        if value.datatype == datatype:
            return value.ill_typed is not True and well_formed(value)
        if datatype == RDFS.Literal:
            return True
        if datatype == RDFS.Datatype and value.datatype:
            return True
        if value.datatype is None and value.language is None and datatype == XSD.string:
            return well_formed(value)
        if datatype == RDF.langString and value.language:
            return well_formed(value)
        return False
    return _per_value(SH.DatatypeConstraintComponent, passes)


def node_kind(kinds: tuple[type, ...]) -> Check:
    return _per_value(SH.NodeKindConstraintComponent, lambda data, value: isinstance(value, kinds))


def in_(members: frozenset[Node]) -> Check:
    return _per_value(SH.InConstraintComponent, lambda data, value: value in members)


def pattern(regex: re.Pattern) -> Check:
    def text(value: Node) -> str:
        if isinstance(value, Literal) and value.value is not None \
                and value.datatype in (None, RDF.langString, XSD.string):
            return str(value.value)
        return str(value)

    def passes(data: DataIndex, value: Node) -> bool:
        return not isinstance(value, BNode) and regex.search(text(value)) is not None
    return _per_value(SH.PatternConstraintComponent, passes)


def _compare_literals(first: Literal, second: Literal) -> int:
    """pyshacl's literal order: 0 when equal in value, 1 when greater, else -1 (TypeError when incomparable)."""
    if first.eq(second):
        return 0
    if isinstance(first.value, _FORCE_VALUE_COMPARISON):
        return 0 if first.value == second.value else 1 if first.value > second.value else -1
    return 1 if first > second else -1


_EXACT_NUMBERS = frozenset({XSD.integer, XSD.decimal})


def value_range(bound: Node, component: URIRef, accepts: Callable[[int], bool]) -> Check:
    bound_is_text = isinstance(bound, Literal) and isinstance(bound.value, str)
    # Integers and decimals order by their values whichever way they are compared; this skips rdflib's slow path.
    bound_number = bound.value if isinstance(bound, Literal) and bound.datatype in _EXACT_NUMBERS else None

    def passes(data: DataIndex, value: Node) -> bool:
        if not isinstance(value, Literal) or isinstance(value.value, str) != bound_is_text:
            return False
        if bound_number is not None and value.datatype in _EXACT_NUMBERS and value.value is not None:
            difference = value.value - bound_number
            return accepts(0 if difference == 0 else 1 if difference > 0 else -1)
        try:
            return accepts(_compare_literals(value, bound))
        except (TypeError, NotImplementedError):
            return False
    return _per_value(component, passes)


def language_in(languages: list[str]) -> Check:
    wanted = set(languages)

    def passes(data: DataIndex, value: Node) -> bool:
        if not isinstance(value, Literal) or not value.language:
            return False
        tag = value.language.lower()
        return "*" in wanted or tag in wanted or tag.split("-")[0] in wanted
    return _per_value(SH.LanguageInConstraintComponent, passes)


def _repeated_languages(values: Values) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for value in values:
        if isinstance(value, Literal) and value.language:
            tag = value.language.lower()
            (repeated if tag in seen else seen).add(tag)
    return repeated


def unique_lang(data, pairs):
    # One result per repeated language, without a value (as pyshacl reports it).
    return [(focus, None, SH.UniqueLangConstraintComponent)
            for focus, values in pairs if len(values) > 1 for _ in _repeated_languages(values)]


def _comparable(node: Node) -> tuple[object, bool]:
    """A node as pyshacl's sh:lessThan compares it: (value, whether it compares as text)."""
    if isinstance(node, BNode):
        raise EngineUndecided("sh:lessThan with a blank node")
    if isinstance(node, URIRef):
        return str(node), True
    if isinstance(node, Literal):
        if isinstance(node.value, str):
            return node.value, True
        if node.datatype in _EXACT_NUMBERS and node.value is not None:
            return _Number(node.value, node), False
    return node, False


class _Number:
    """An integer or decimal literal, with its value: what rdflib's Literal.__lt__ orders two such by."""

    __slots__ = ("value", "literal")

    def __init__(self, value, literal: Literal):
        self.value = value
        self.literal = literal


def _less(left, right) -> bool:
    if type(left) is _Number and type(right) is _Number:
        return left.value < right.value
    return (left.literal if type(left) is _Number else left) < (right.literal if type(right) is _Number else right)


def less_than(other: URIRef) -> Check:
    def check(data, pairs):
        failures = []
        for focus, values in pairs:
            bounds = [_comparable(bound) for bound in set(data.values(focus, other))]
            for value in values:
                left, left_is_text = _comparable(value)
                for right, right_is_text in bounds:
                    try:
                        if left_is_text != right_is_text or not _less(left, right):
                            failures.append((focus, value, SH.LessThanConstraintComponent))
                    except TypeError as exc:
                        raise EngineUndecided(f"sh:lessThan cannot order {value!r}") from exc
        return failures
    return check


def disjoint(other: URIRef) -> Check:
    def check(data, pairs):
        return [(focus, value, SH.DisjointConstraintComponent) for focus, values in pairs
                for others in (data.values(focus, other),) if others for value in values if value in others]
    return check


def node(shape: CompiledShape) -> Check:
    return _per_value(SH.NodeConstraintComponent, shape.conforms)


def or_(shapes: list[CompiledShape]) -> Check:
    return _per_value(SH.OrConstraintComponent, lambda data, value: any(s.conforms(data, value) for s in shapes))


def qualified_min(shape: CompiledShape, least: int) -> Check:
    def check(data, pairs):
        return [(focus, None, SH.QualifiedMinCountConstraintComponent) for focus, values in pairs
                if sum(1 for value in values if shape.conforms(data, value)) < least]
    check.needs_empty = True
    return check


@dataclass(frozen=True)
class SparqlHit:
    """A SPARQL result row as reported: its path and value, and the message with its variables filled in."""

    path: URIRef | None
    value: Node | None
    message: str


def _fill(message: str, bindings: dict[str, Node]) -> str:
    # As pyshacl fills {$var} and {?var}.
    for var, value in bindings.items():
        message = re.sub("{{[?$]{}}}".format(var), str(value), message)
    return message


def sparql(key: int, message: str | None, *, is_node_shape: bool) -> Check:
    def check(data, pairs):
        hits = []
        rows_by_focus = data.sparql_rows[key]
        for focus, _ in pairs:
            seen = []
            for row in rows_by_focus.get(focus, ()):
                row = dict(row)
                path, value = row.pop("path", None), row.pop("value", None)
                row.pop("this", None)
                signature = (path, value, row)
                if signature in seen:  # pyshacl drops repeated rows of one focus node
                    continue
                seen.append(signature)
                value = value if value is not None else (focus if is_node_shape else None)
                bindings = {**row, "this": focus}
                if path is not None:
                    bindings["path"] = path
                if value is not None:
                    bindings["value"] = value
                hits.append((focus, value, SparqlHit(path, value, _fill(message or "", bindings))))
        return hits
    return check
