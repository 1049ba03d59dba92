"""Entity resolution across facts files: which records are the same entity.

Records of one kind (organisation, person, place, …) are one entity when they
share a canonical name (or an explicit ``id``), or when one record's canonical
name is another's alias (a short name merged into the full name). The entity
keeps the longest canonical name of its records, and its IRI hashes that
name, so adding an alias never changes an IRI.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.model import DocumentFacts, Entity
from kg.namespace import KIND_OF_TYPE, entity_iri, normalize_name

# When documents disagree on an organisation's type, the specific one wins.
_TYPE_RANK = {"Enterprise": 2, "GovernmentBody": 2, "Organization": 1}


@dataclass
class ResolvedEntity:
    iri: URIRef
    kind: str
    name: str
    type: str
    aliases: list[str]
    records: list[tuple[str, Entity]] = field(default_factory=list)  # (document id, record)

    def first(self, attribute: str):
        """The first value of ``attribute`` among the records, in document order."""
        for _, record in self.records:
            value = getattr(record, attribute)
            if value:
                return value
        return None


class _Groups:
    """Union-find over groups of records; the root is the group with the longest name."""

    def __init__(self):
        self.parent: dict[tuple, tuple] = {}

    def find(self, key: tuple) -> tuple:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: tuple, b: tuple) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # Longer canonical name wins; ties go to the lexically smaller key, so the result never depends on order.
        keep, drop = sorted((ra, rb), key=lambda k: (-len(k[2]), k))
        self.parent[drop] = keep


def _record_key(record: Entity) -> tuple[str, str, str]:
    kind = KIND_OF_TYPE[record.type]
    if record.id:
        return (kind, "id", normalize_name(record.id))
    return (kind, "name", normalize_name(record.name))


def resolve_entities(documents: list[DocumentFacts]) -> dict[tuple[str, int], ResolvedEntity]:
    """Map (document id, index of the record in that document) to its resolved entity."""
    groups = _Groups()
    records: list[tuple[str, int, Entity, tuple]] = []
    for facts in sorted(documents, key=lambda d: d.document.id):
        for index, record in enumerate(facts.entities):
            key = _record_key(record)
            groups.find(key)
            records.append((facts.document.id, index, record, key))
    # A record whose canonical name another record lists as an alias joins that record's entity,
    # unless the alias is claimed by several different entities (then it is ambiguous and ignored).
    alias_owners: dict[tuple[str, str], set[tuple]] = {}
    for _, _, record, key in records:
        for alias in record.aliases:
            alias_owners.setdefault((key[0], normalize_name(alias)), set()).add(key)
    for _, _, record, key in records:
        owners = alias_owners.get((key[0], normalize_name(record.name)), set()) - {key}
        roots = {groups.find(o) for o in owners}
        if len(roots) == 1:
            groups.union(key, owners.pop())

    members: dict[tuple, list[tuple[str, int, Entity]]] = {}
    for doc_id, index, record, key in records:
        members.setdefault(groups.find(key), []).append((doc_id, index, record))

    resolved: dict[tuple[str, int], ResolvedEntity] = {}
    for root, group in members.items():
        kind = root[0]
        root_record = next(r for _, _, r in group if _record_key(r) == root)
        name = root_record.name
        names = dict.fromkeys(n for _, _, r in group for n in r.names)
        aliases = [n for n in names if normalize_name(n) != normalize_name(name)]
        entity = ResolvedEntity(
            iri=entity_iri(kind, root_record.id or name),
            kind=kind,
            name=name,
            type=_pick_type([r.type for _, _, r in group]),
            aliases=aliases,
            records=[(doc_id, r) for doc_id, _, r in group],
        )
        for doc_id, index, _ in group:
            resolved[(doc_id, index)] = entity
    return resolved


def _pick_type(types: list[str]) -> str:
    counts = Counter(types)
    return max(counts, key=lambda t: (_TYPE_RANK.get(t, 0), counts[t], t))
