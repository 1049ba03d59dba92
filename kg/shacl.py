"""A fast validator for the part of SHACL Core that ``ontology/shapes.ttl`` uses.

pyshacl checks about 6k triples a second; this engine compiles the shapes once
into small check functions (kg/shacl_components.py), indexes the data once
(predicate -> subject -> objects) and remembers whether a node conforms to a value shape, so a million
triples take seconds. It follows pyshacl's semantics (pyshacl stays the
reference in the tests): no inference, ``sh:class`` and ``sh:targetClass``
follow the ``rdfs:subClassOf`` triples of the data graph, one result per
value and per constraint as pyshacl gives them.

Any shape feature outside the subset is refused when the shapes are compiled
(``ShapesUnsupported``), and so are top-level constraints without
``sh:message`` (pyshacl's generated messages are not reproduced); callers then
validate with pyshacl instead, so a new kind of check is never skipped.
"""
from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection as RdfList
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node, Variable

from kg import shacl_components as components
from kg.errors import QkgError
from kg.namespace import RDF, RDFS, SH
from kg.shacl_components import Check, EngineUndecided, Values

__all__ = ["EngineUndecided", "Result", "ShapesEngine", "ShapesUnsupported"]

log = logging.getLogger(__name__)


class ShapesUnsupported(QkgError):
    """The shapes use a SHACL feature this engine does not evaluate."""


@dataclass(frozen=True)
class Result:
    """One validation result, in the terms of the data graph."""

    focus: Node
    path: URIRef | None
    value: Node | None
    component: URIRef
    message: str
    severity: URIRef
    shape: Node


# Predicates of a shape that only describe it.
_DESCRIPTIVE = frozenset({SH.name, SH.description, SH.order, SH.group, SH.defaultValue})
_TARGETS = (SH.targetClass, SH.targetSubjectsOf)
# Parameters pyshacl accepts only once per shape.
_SINGLE = (SH.path, SH.datatype, SH.nodeKind, SH["in"], SH.minCount, SH.maxCount, SH.languageIn, SH.uniqueLang,
           SH.qualifiedValueShape, SH.qualifiedMinCount, SH.severity, SH.deactivated)
_SUPPORTED = frozenset({
    *_TARGETS, SH.property, SH.path, SH.node, SH["or"], SH["class"], SH.datatype, SH.nodeKind, SH["in"],
    SH.pattern, SH.minInclusive, SH.maxInclusive, SH.minCount, SH.maxCount, SH.qualifiedValueShape,
    SH.qualifiedMinCount, SH.languageIn, SH.uniqueLang, SH.lessThan, SH.disjoint, SH.message, SH.severity,
    SH.sparql, SH.deactivated, *_DESCRIPTIVE,
})
_SPARQL_CONSTRAINT_KEYS = frozenset({RDF.type, SH.message, SH.prefixes, SH.select, SH.deactivated})
# Algebra under which "$this unbound, then keep the focus nodes' rows" could differ from pre-binding $this:
# optional and negated parts, subqueries, grouping, limits. Joins, filters and BIND are safe.
_UNSAFE_ALGEBRA = frozenset({"LeftJoin", "Minus", "Union", "Group", "AggregateJoin", "Slice", "OrderBy",
                             "ToMultiSet", "Graph", "values", "ServiceGraphPattern", "Builtin_EXISTS",
                             "Builtin_NOTEXISTS"})

class DataIndex:
    """The data graph read once: predicate -> subject -> objects, with what validation works out from it."""

    def __init__(self, graph: Graph, predicates: Iterable[URIRef]):
        self.graph = graph
        self.objects: dict[URIRef, dict[Node, list[Node]]] = {}
        # One object per IRI: rdflib compares equal but distinct terms in Python, identical ones at C speed.
        self._canonical: dict[Node, Node] = {}
        by_object = _memory_pos_index(graph)
        for predicate in (RDF.type, *(set(predicates) - {RDF.type})):
            self.objects[predicate] = self._by_subject(graph, by_object, predicate)
        self.types = self.objects[RDF.type]
        self.conforms: dict[tuple[int, Node], bool] = {}
        self.sparql_rows: dict[int, dict[Node, list[dict[str, Node]]]] = {}
        self._subclasses: dict[Node, frozenset[Node]] = {}
        self._instances: dict[Node, list[Node]] | None = None

    def _by_subject(self, graph: Graph, by_object: dict | None, predicate: URIRef) -> dict[Node, list[Node]]:
        canonical = self._canonical
        by_subject: dict[Node, list[Node]] = {}
        if by_object is not None:
            pairs = ((subject, obj) for obj, subjects in by_object.get(predicate, {}).items() for subject in subjects)
        else:
            pairs = graph.subject_objects(predicate)
        for subject, obj in pairs:
            subject = canonical.setdefault(subject, subject)
            if type(obj) is URIRef:
                obj = canonical.setdefault(obj, obj)
            values = by_subject.get(subject)
            if values is None:
                by_subject[subject] = [obj]
            else:
                values.append(obj)
        return by_subject

    def values(self, subject: Node, predicate: URIRef) -> list[Node]:
        return self.objects[predicate].get(subject, [])

    def subclasses(self, cls: Node) -> frozenset[Node]:
        """``cls`` and every class the data graph declares a subclass of it, transitively."""
        found = self._subclasses.get(cls)
        if found is None:
            found = frozenset(self._canonical.get(sub, sub)
                              for sub in {cls, *self.graph.transitive_subjects(RDFS.subClassOf, cls)})
            self._subclasses[cls] = found
        return found

    def instances(self, cls: Node) -> set[Node]:
        if self._instances is None:
            self._instances = {}
            for subject, types in self.types.items():
                for type_ in types:
                    self._instances.setdefault(type_, []).append(subject)
        return {node for sub in self.subclasses(cls) for node in self._instances.get(sub, ())}


def _memory_pos_index(graph: Graph) -> dict | None:
    """rdflib's own predicate -> object -> subjects index, when it holds exactly this graph's triples.

    Reading it directly is ten times faster than ``subject_objects`` (which works out each triple's
    contexts); a graph sharing its store with others (a named graph of a Dataset) takes the slow way.
    """
    store = graph.store
    if type(graph) is not Graph or type(store) is not Memory or store.__len__() != len(graph):
        return None
    return getattr(store, "_Memory__pos", None)


class CompiledShape:
    """A shape as check functions; ``path`` is None for a node shape."""

    def __init__(self, node: Node, path: URIRef | None, message: str | None, severity: URIRef):
        self.node = node
        self.path = path
        self.message = message
        self.severity = severity
        self.checks: list[Check] = []
        self.properties: list[CompiledShape] = []
        self.targets: list[Callable[[DataIndex], Iterable[Node]]] = []
        self.deactivated = False
        self.sparql_only = False  # every check is a SPARQL constraint
        self.sparql_unnamed = False  # one of those has no sh:message

    def pairs(self, data: DataIndex, focus_nodes: Iterable[Node]) -> list[tuple[Node, Values]]:
        """Each focus node with its value nodes: itself for a node shape, its path's objects for a property shape."""
        if self.path is None:
            return [(focus, (focus,)) for focus in focus_nodes]
        by_subject = data.objects[self.path]
        return [(focus, by_subject.get(focus, ())) for focus in focus_nodes]

    def results(self, data: DataIndex, focus_nodes: Iterable[Node]) -> Iterator[Result]:
        """What this shape and its property shapes report about ``focus_nodes``."""
        if self.deactivated:
            return
        focus_nodes = list(focus_nodes)
        every = self.pairs(data, focus_nodes)
        with_values = [pair for pair in every if pair[1]]
        for check in self.checks:
            for focus, value, component in check(data, every if getattr(check, "needs_empty", False) else with_values):
                yield _result(self, focus, value, component)
        for prop in self.properties:
            yield from prop.results(data, focus_nodes)

    def conforms(self, data: DataIndex, node: Node) -> bool:
        key = (id(self), node)
        known = data.conforms.get(key)
        if known is None:
            known = next(self.results(data, (node,)), None) is None
            data.conforms[key] = known
        return known


class ShapesEngine:
    """The shapes of a shapes graph, compiled once; ``validate`` runs them over a data graph."""

    def __init__(self, shapes: Graph):
        self._shapes = shapes
        self._compiled: dict[Node, CompiledShape] = {}
        self._compiling: set[Node] = set()
        self.predicates: set[URIRef] = set()
        self._sparql: list[tuple[CompiledShape, object, str | None]] = []
        target_shapes = {s for target in _TARGETS for s in shapes.subjects(target, None)}
        for unsupported in (SH.targetNode, SH.targetObjectsOf, SH.target):
            for shape in shapes.subjects(unsupported, None):
                raise ShapesUnsupported(f"shape {shape}: {unsupported} is not supported by the fast validator")
        self.roots = [self._compile(shape, top_level=True)
                      for shape in sorted(target_shapes, key=str)]

    # --- compiling -------------------------------------------------------------------------------

    def _refuse(self, shape: Node, what: str) -> ShapesUnsupported:
        return ShapesUnsupported(f"shape {shape}: {what} is not supported by the fast validator")

    def _one(self, shape: Node, predicate: URIRef) -> Node | None:
        values = list(self._shapes.objects(shape, predicate))
        if len(values) > 1:
            raise self._refuse(shape, f"more than one {predicate}")
        return values[0] if values else None

    def _list(self, shape: Node, head: Node) -> list[Node]:
        if not isinstance(head, BNode) and head != RDF.nil:
            raise self._refuse(shape, "a list that is not an RDF list")
        return list(RdfList(self._shapes, head))

    def _compile(self, shape: Node, *, top_level: bool) -> CompiledShape:
        """The compiled shape; ``top_level`` when its results are reported (so each needs sh:message)."""
        if shape in self._compiled:
            compiled = self._compiled[shape]
            if top_level:
                self._require_messages(compiled)
            return compiled
        if shape in self._compiling:
            raise self._refuse(shape, "a recursive shape reference")
        self._compiling.add(shape)
        graph = self._shapes
        for predicate in set(graph.predicates(shape, None)):
            if str(predicate).startswith(str(SH)) and predicate not in _SUPPORTED:
                raise self._refuse(shape, compact_sh(predicate))
        for predicate in _SINGLE:
            self._one(shape, predicate)
        if {RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class")} & set(graph.objects(shape, RDF.type)):
            raise self._refuse(shape, "a shape that is also a class (implicit class target)")
        path = self._one(shape, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise self._refuse(shape, "a property path other than a single IRI")
        if path is not None:
            self.predicates.add(path)
        messages = list(graph.objects(shape, SH.message))
        if len(messages) > 1:
            raise self._refuse(shape, "more than one sh:message")
        severity = self._one(shape, SH.severity) or SH.Violation
        compiled = CompiledShape(shape, path, str(messages[0]) if messages else None, severity)
        deactivated = self._one(shape, SH.deactivated)
        compiled.deactivated = isinstance(deactivated, Literal) and deactivated.value is True
        compiled.checks = self._checks(shape, path is not None)
        compiled.sparql_only = not compiled.checks
        for prop in graph.objects(shape, SH.property):
            if path is not None:
                raise self._refuse(shape, "sh:property on a property shape")
            compiled.properties.append(self._compile(prop, top_level=top_level))
        for cls in graph.objects(shape, SH.targetClass):
            compiled.targets.append(lambda data, cls=cls: data.instances(cls))
        for predicate in graph.objects(shape, SH.targetSubjectsOf):
            self.predicates.add(predicate)
            compiled.targets.append(lambda data, predicate=predicate: data.objects[predicate].keys())
        for constraint in graph.objects(shape, SH.sparql):
            if path is not None:
                raise self._refuse(shape, "sh:sparql on a property shape")
            compiled.checks.append(self._sparql_check(shape, constraint, compiled))
        if top_level:
            self._require_messages(compiled)
        self._compiling.discard(shape)
        self._compiled[shape] = compiled
        return compiled

    def _require_messages(self, compiled: CompiledShape) -> None:
        """A shape whose results are reported names its own message: pyshacl's generated ones are not copied."""
        if compiled.message is None and compiled.checks and (not compiled.sparql_only or compiled.sparql_unnamed):
            raise self._refuse(compiled.node, "a reported constraint without sh:message")
        for prop in compiled.properties:
            self._require_messages(prop)

    def _checks(self, shape: Node, is_property: bool) -> list[Check]:
        graph = self._shapes
        checks: list[Check] = []
        one = partial_one(graph, shape)
        if (minimum := one(SH.minCount)) is not None:
            checks.append(components.min_count(int(minimum)))
        if (maximum := one(SH.maxCount)) is not None:
            checks.append(components.max_count(int(maximum)))
        for cls in graph.objects(shape, SH["class"]):
            checks.append(components.class_(cls))
        if (datatype := one(SH.datatype)) is not None:
            checks.append(components.datatype(datatype))
        if (kind := one(SH.nodeKind)) is not None:
            if kind not in components.NODE_KINDS:
                raise self._refuse(shape, f"sh:nodeKind {kind}")
            checks.append(components.node_kind(components.NODE_KINDS[kind]))
        if (members := one(SH["in"])) is not None:
            checks.append(components.in_(frozenset(self._list(shape, members))))
        for pattern in graph.objects(shape, SH.pattern):
            checks.append(components.pattern(re.compile(str(pattern))))
        for bound in graph.objects(shape, SH.minInclusive):
            checks.append(components.value_range(bound, SH.MinInclusiveConstraintComponent, lambda order: order >= 0))
        for bound in graph.objects(shape, SH.maxInclusive):
            checks.append(components.value_range(bound, SH.MaxInclusiveConstraintComponent, lambda order: order <= 0))
        if (languages := one(SH.languageIn)) is not None:
            checks.append(components.language_in([str(tag).lower() for tag in self._list(shape, languages)]))
        if (unique := one(SH.uniqueLang)) is not None:
            if not is_property:
                raise self._refuse(shape, "sh:uniqueLang on a node shape")
            if isinstance(unique, Literal) and unique.value is True:
                checks.append(components.unique_lang)
        for other in graph.objects(shape, SH.lessThan):
            self.predicates.add(other)
            checks.append(components.less_than(other))
        for other in graph.objects(shape, SH.disjoint):
            self.predicates.add(other)
            checks.append(components.disjoint(other))
        for node_shape in graph.objects(shape, SH.node):
            compiled = self._compile(node_shape, top_level=False)
            if compiled.path is not None:
                raise self._refuse(shape, "sh:node naming a property shape")
            checks.append(components.node(compiled))
        for alternatives in graph.objects(shape, SH["or"]):
            shapes = [self._compile(member, top_level=False) for member in self._list(shape, alternatives)]
            checks.append(components.or_(shapes))
        if (qualified := one(SH.qualifiedValueShape)) is not None:
            least = one(SH.qualifiedMinCount)
            if least is None:
                raise self._refuse(shape, "sh:qualifiedValueShape without sh:qualifiedMinCount")
            checks.append(components.qualified_min(self._compile(qualified, top_level=False), int(least)))
        elif one(SH.qualifiedMinCount) is not None:
            raise self._refuse(shape, "sh:qualifiedMinCount without sh:qualifiedValueShape")
        return checks

    def _sparql_check(self, shape: Node, constraint: Node, compiled: CompiledShape) -> Check:
        graph = self._shapes
        for predicate in set(graph.predicates(constraint, None)):
            if predicate not in _SPARQL_CONSTRAINT_KEYS:
                raise self._refuse(shape, f"{predicate} on a SPARQL constraint")
        select = self._one(constraint, SH.select)
        if select is None:
            raise self._refuse(shape, "a SPARQL constraint without sh:select")
        messages = list(graph.objects(constraint, SH.message))
        if len(messages) + (compiled.message is not None) > 1:
            raise self._refuse(shape, "more than one message for a SPARQL constraint")
        message = str(messages[0]) if messages else compiled.message
        compiled.sparql_unnamed |= message is None
        deactivated = self._one(constraint, SH.deactivated)
        if isinstance(deactivated, Literal) and deactivated.value is True:
            return lambda data, pairs: []
        namespaces = {}
        for prefixes in graph.objects(constraint, SH.prefixes):
            for declaration in graph.objects(prefixes, SH.declare):
                namespaces[str(graph.value(declaration, SH.prefix))] = str(graph.value(declaration, SH.namespace))
        text = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in sorted(namespaces.items())) + str(select)
        try:
            query = prepareQuery(text)
        except Exception as exc:  # rdflib's parser raises pyparsing's errors
            raise self._refuse(shape, f"a SPARQL query rdflib cannot parse ({type(exc).__name__})") from exc
        selected = {str(var) for var in query.algebra.get("PV", ())}
        if "this" not in selected or "failure" in selected:
            raise self._refuse(shape, "a SPARQL constraint that does not select $this, or selects ?failure")
        if Variable("this") not in set(_pattern_variables(query.algebra)):
            raise self._refuse(shape, "a SPARQL constraint whose graph pattern does not use $this")
        for unsafe in _unsafe_parts(query.algebra):
            raise self._refuse(shape, f"a SPARQL constraint using {unsafe}")
        key = len(self._sparql)
        self._sparql.append((compiled, query, message))
        return components.sparql(key, message, is_node_shape=True)

    # --- validating ------------------------------------------------------------------------------

    def validate(self, graph: Graph) -> list[Result]:
        """Every result of every target shape on ``graph``, in no particular order."""
        # The index and memo make millions of small objects and free none: the collector would walk
        # the whole graph again and again for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._validate(graph)
        finally:
            if collecting:
                gc.enable()

    def index(self, graph: Graph) -> DataIndex:
        """The data as the checks read it, with the SPARQL constraints' rows worked out."""
        data = DataIndex(graph, self.predicates)
        for key, (_, query, _) in enumerate(self._sparql):
            # $this is left unbound: for a query of joins and filters that is pre-binding, for all nodes at once.
            rows: dict[Node, list[dict[str, Node]]] = {}
            for row in graph.query(query):
                bound = {str(var): value for var, value in row.asdict().items()}
                rows.setdefault(bound["this"], []).append(bound)
            data.sparql_rows[key] = rows
        return data

    def _validate(self, graph: Graph) -> list[Result]:
        data = self.index(graph)
        results = []
        for root in self.roots:
            focus_nodes = set()
            for target in root.targets:
                focus_nodes.update(target(data))
            results.extend(root.results(data, focus_nodes))
        return results


def _result(shape: CompiledShape, focus: Node, value: Node | None, component: URIRef | components.SparqlHit) -> Result:
    if isinstance(component, components.SparqlHit):
        return Result(focus, component.path or shape.path, component.value, SH.SPARQLConstraintComponent,
                      component.message, shape.severity, shape.node)
    return Result(focus, shape.path, value, component, shape.message or "", shape.severity, shape.node)


def compact_sh(predicate: URIRef) -> str:
    return "sh:" + str(predicate).removeprefix(str(SH))


def partial_one(graph: Graph, shape: Node) -> Callable[[URIRef], Node | None]:
    return lambda predicate: graph.value(shape, predicate)


def _unsafe_parts(algebra) -> Iterator[str]:
    """The names of the algebra operators of a query that pre-binding $this does not commute with."""
    name = getattr(algebra, "name", None)
    if name in _UNSAFE_ALGEBRA:
        yield name
    children = algebra.values() if isinstance(algebra, dict) else algebra if isinstance(algebra, list) else ()
    for child in children:
        if isinstance(child, (dict, list)):
            yield from _unsafe_parts(child)


def _pattern_variables(algebra) -> Iterator[Node]:
    """Every term of the basic graph patterns of a query."""
    if getattr(algebra, "name", None) == "BGP":
        for triple in algebra["triples"]:
            yield from triple
    children = algebra.values() if isinstance(algebra, dict) else algebra if isinstance(algebra, list) else ()
    for child in children:
        if isinstance(child, (dict, list)):
            yield from _pattern_variables(child)
