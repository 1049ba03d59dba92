"""What a graph holds, for `qkg info`: its file, when it was built, and its counts."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyoxigraph as ox

from kg.home import GraphLocation
from kg.namespace import ENTITY_CLASSES, ORG, QGOV, RDF

# The classes counted; their IRIs come from kg.namespace, none is user input.
_COUNTED = {**ENTITY_CLASSES, "AwardConferral": QGOV.AwardConferral, "Membership": ORG.Membership,
            "ProgramAdoption": QGOV.ProgramAdoption, "Document": QGOV.Document}


@dataclass
class GraphInfo:
    location: GraphLocation
    built: datetime  # the file's last change, in UTC
    size: int  # bytes
    triples: int
    counts: dict[str, int] = field(default_factory=dict)  # by class name, in the order of _COUNTED

    @property
    def entities(self) -> int:
        return sum(self.counts.get(kind, 0) for kind in ENTITY_CLASSES)


def graph_info(location: GraphLocation, store: ox.Store) -> GraphInfo:
    stat = location.path.stat()
    counts = {}
    for name, iri in _COUNTED.items():
        counts[name] = sum(1 for _ in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(iri))))
    return GraphInfo(location=location, built=datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc),
                     size=stat.st_size, triples=len(store), counts=counts)
