"""Long documents in chunks: extraction time linear in size, memory bounded, progress while it runs.

The finders relate mentions within sentences, lists and sections, never across thousands of
lines, so a long text is cut at paragraph breaks into chunks of about ``CHUNK_CHARS``, each
extracted with the document's own title and date, and their facts merged: entities by kind and
name (aliases and mentions pooled), facts once each, offsets shifted back into the whole text.
Chunks may be extracted on several cores.
"""
from __future__ import annotations

import dataclasses
from typing import Callable, Iterable

from kg.model import DocumentFacts
from kg.namespace import KIND_OF_TYPE
from kg.reader import SourceDocument

CHUNK_CHARS = 200_000
MAX_MENTIONS = 5


def chunk_spans(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) spans that cover ``text``, each about ``size`` long, cut after a paragraph break
    (else a line break, else anywhere) so that no sentence is split when the text has breaks."""
    spans, start = [], 0
    while len(text) - start > size:
        window_end = start + size
        cut = text.rfind("\n\n", start + size // 2, window_end)
        if cut >= 0:
            end = cut + 2
        else:
            cut = text.rfind("\n", start + size // 2, window_end)
            end = cut + 1 if cut >= 0 else window_end
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def chunk_document(document: SourceDocument, start: int, end: int) -> SourceDocument:
    """The part [start, end) of ``document`` as a document of its own, with the whole's title and date."""
    return dataclasses.replace(document, text=document.text[start:end], matchable=document.matchable[start:end],
                               body_start=max(0, document.body_start - start))


def extract_in_chunks(document: SourceDocument, extract: Callable[[SourceDocument], DocumentFacts],
                      mapper: Callable = map, on_chunk: Callable[[int], None] | None = None,
                      size: int | None = None) -> DocumentFacts:
    """The facts of ``document``, extracted chunk by chunk (``mapper`` may run them on several cores);
    ``on_chunk(characters)`` after each chunk, in order."""
    spans = chunk_spans(document.text, size or CHUNK_CHARS)
    parts = mapper(extract, (chunk_document(document, s, e) for s, e in spans))
    merged: DocumentFacts | None = None
    for (start, end), facts in zip(spans, parts):
        _shift(facts, start)
        merged = facts if merged is None else _merge(merged, facts)
        if on_chunk is not None:
            on_chunk(end - start)
    merged.document = dataclasses.replace(merged.document, sha256=document.sha256)
    return merged


def _shift(facts: DocumentFacts, offset: int) -> None:
    if not offset:
        return
    for entity in facts.entities:
        entity.mentions = [(s + offset, e + offset) for s, e in entity.mentions]
    for fact in _facts(facts):
        if fact.evidence is not None:
            fact.evidence = (fact.evidence[0] + offset, fact.evidence[1] + offset)


def _facts(facts: DocumentFacts) -> Iterable:
    return [*facts.conferrals, *facts.positions, *facts.adoptions, *facts.locations]


def _merge(into: DocumentFacts, more: DocumentFacts) -> DocumentFacts:
    entities = {(KIND_OF_TYPE[e.type], e.name): e for e in into.entities}
    for entity in more.entities:
        key = (KIND_OF_TYPE[entity.type], entity.name)
        known = entities.get(key)
        if known is None:
            entities[key] = entity
            into.entities.append(entity)
            continue
        known.aliases.extend(a for a in entity.aliases if a not in known.aliases)
        known.mentions.extend(m for m in entity.mentions if m not in known.mentions)
        del known.mentions[MAX_MENTIONS:]
        for field in ("conferrer", "nomination_for", "issuer", "level", "year", "date", "place"):
            if getattr(known, field, None) is None and getattr(entity, field, None) is not None:
                setattr(known, field, getattr(entity, field))
    for section, key in (("conferrals", lambda c: (c.recipient, c.award, c.year)),
                         ("positions", lambda p: (p.person, p.role, p.organization)),
                         ("adoptions", lambda a: (a.adopter, a.program)),
                         ("locations", lambda l: (l.entity, l.within))):
        known = {key(f) for f in getattr(into, section)}
        getattr(into, section).extend(f for f in getattr(more, section) if key(f) not in known)
    into.entities.sort(key=lambda e: (e.type, e.name))
    return into
