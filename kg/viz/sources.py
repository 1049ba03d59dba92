"""The sentences behind curated facts, for the page, when the source documents are at hand.

Curated facts cite their evidence by character offsets only (the documents'
text is not the project's to copy), so the page says "第 1777–1823 字". Given
the folder of the source documents, each span without a quote gets the
sentence it lies in, read from the document's file: only when the file's text
is the one the facts were made from (its SHA-256), so an offset never points
into another version. The quotes go into the page alone, never into the RDF
exports.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.viz.graphdata import VizGraph

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[。！？!?；\n]")
LONGEST_QUOTE = 400  # characters: a span inside a very long "sentence" (a table, a list) shows its own text


@dataclass
class Quoted:
    spans: int = 0  # evidence spans that now carry their sentence
    documents: list[str] = field(default_factory=list)  # documents read
    skipped: list[str] = field(default_factory=list)  # "file: reason" for documents not read


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` (more than one when the span crosses)."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after else len(text)
    sentence = text[before:stop].strip()
    if len(sentence) > LONGEST_QUOTE:
        sentence = text[start:end].strip()
    return sentence


def _text_of(folder: Path, doc) -> tuple[str | None, str | None]:
    """The document's text, or why not."""
    if not doc.source_file:
        return None, "the facts name no source file"
    path = folder / doc.source_file
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None, "not in the folder"
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"cannot read it ({getattr(exc, 'strerror', None) or exc})"
    if doc.sha256 and hashlib.sha256(text.encode("utf-8")).hexdigest() != doc.sha256:
        return None, "its text is not the one the facts cite (SHA-256 differs)"
    return text, None


def quote_from_sources(viz: VizGraph, folder: Path) -> Quoted:
    """Give every evidence span of ``viz`` without a quote the sentence it lies in, from ``folder``."""
    report = Quoted()
    texts: dict[str, str] = {}
    for doc_id, doc in viz.documents.items():
        text, problem = _text_of(Path(folder), doc)
        if text is None:
            report.skipped.append(f"{doc.source_file or doc_id}: {problem}")
            log.info("no quotes from %s: %s", doc.source_file or doc_id, problem)
        else:
            texts[doc_id] = text
            report.documents.append(doc.source_file)
    for edge in viz.edges:
        for fact in edge.facts:
            quoted = []
            for doc_id, start, end, quote in fact.evidence:
                text = texts.get(doc_id)
                if quote is None and text is not None and 0 <= start < end <= len(text):
                    quote = sentence_around(text, start, end)
                    report.spans += 1
                quoted.append((doc_id, start, end, quote))
            fact.evidence = quoted
    return report
